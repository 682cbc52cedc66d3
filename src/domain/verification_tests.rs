use super::*;
use crate::domain::compliance::{ContractFacts, State};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn hire(number: Option<&str>) -> HireFacts {
    HireFacts {
        iin: "061211600012".into(),
        region: "27".into(),
        employer_bin: "940140000385".into(),
        hire_date: d("2024-03-10"),
        end_date: None,
        referral_number: number.map(str::to_owned),
    }
}

fn referral_of(iin: &str, region: &str) -> Referral {
    Referral {
        iin: iin.into(),
        region: region.into(),
        issued_on: d("2024-03-01"),
        valid_until: d("2024-04-01"),
    }
}

#[test]
fn a_referral_matches_on_person_region_and_dates() {
    let h = hire(Some("R-1"));
    let own = referral_of("061211600012", "27");
    assert_eq!(
        referral(&h, true, std::slice::from_ref(&own), &[]),
        (Check::Matched, Reason::None)
    );
    assert_eq!(referral(&h, true, &[], &[]), (Check::Missing, Reason::None));
    assert_eq!(
        referral(&h, false, &[], &[]),
        (Check::NotChecked, Reason::None),
        "no register loaded: not yet checked, never failed"
    );
    assert_eq!(referral(&hire(None), true, &[], &[]).0, Check::NotRequired);
    let other = referral_of("990101300012", "27");
    assert_eq!(
        referral(&h, true, &[other], &[]),
        (Check::Mismatched, Reason::OtherPerson)
    );
    let elsewhere = referral_of("061211600012", "11");
    assert_eq!(
        referral(&h, true, &[elsewhere], &[]),
        (Check::Mismatched, Reason::OtherRegion)
    );
    let mut late = h.clone();
    late.hire_date = d("2024-04-02");
    assert_eq!(
        referral(&late, true, std::slice::from_ref(&own), &[]),
        (Check::Mismatched, Reason::OutOfDates)
    );
}

#[test]
fn a_referral_used_by_an_earlier_hire_is_mismatched() {
    let h = hire(Some("R-1"));
    let own = referral_of("061211600012", "27");
    let first = EarlierUse {
        iin: h.iin.clone(),
        region: "27".into(),
        hire_date: d("2024-03-05"),
    };
    assert_eq!(
        referral(&h, true, std::slice::from_ref(&own), &[first]),
        (Check::Mismatched, Reason::UsedTwice)
    );
    // An earlier hire of someone else under the number does not use it up.
    let stranger = EarlierUse {
        iin: "990101300012".into(),
        region: "27".into(),
        hire_date: d("2024-03-05"),
    };
    assert_eq!(referral(&h, true, &[own], &[stranger]).0, Check::Matched);
}

#[test]
fn an_employment_contract_starts_within_the_tolerance() {
    let h = hire(None);
    assert_eq!(
        employment(&h, true, &[d("2024-03-15")], 5).0,
        Check::Matched
    );
    assert_eq!(
        employment(&h, true, &[d("2024-03-16")], 5),
        (Check::Mismatched, Reason::StartDiffers)
    );
    assert_eq!(employment(&h, true, &[], 5).0, Check::Missing);
    assert_eq!(employment(&h, false, &[], 5).0, Check::NotChecked);
}

#[test]
fn full_months_are_those_worked_from_the_first_to_the_last_day() {
    assert_eq!(
        full_months(d("2024-03-10"), None, d("2024-06-15")),
        [d("2024-04-01"), d("2024-05-01")]
    );
    assert_eq!(
        full_months(d("2024-03-01"), Some(d("2024-04-29")), d("2024-12-01")),
        [d("2024-03-01")]
    );
    assert!(full_months(d("2024-12-02"), None, d("2025-01-31")).is_empty());
    assert_eq!(month_end(d("2024-02-10")), d("2024-02-29"));
    assert_eq!(parse_month("2024-12"), Some(d("2024-12-01")));
    assert_eq!(parse_month("2024-13"), None);
}

#[test]
fn months_without_contributions_are_flagged_only_where_loaded() {
    let h = hire(None);
    let today = d("2024-07-10");
    let april_may = Coverage(vec![Span {
        kind: Kind::Contributions,
        region: String::new(),
        from: d("2024-04-01"),
        to: d("2024-05-31"),
    }]);
    assert_eq!(
        contributions(&h, &april_may, &[d("2024-04-01"), d("2024-05-01")], today),
        (Check::Matched, vec![])
    );
    let (state, missing) = contributions(&h, &april_may, &[d("2024-04-01")], today);
    assert_eq!(state, Check::Missing);
    assert_eq!(months_text(&missing), "2024-05");
    assert_eq!(
        contributions(&h, &Coverage::default(), &[], today).0,
        Check::NotChecked
    );
}

#[test]
fn a_certificate_exists_names_the_producer_and_is_in_force() {
    let line = LineFacts {
        goods: true,
        domestic: true,
        amount: 1_000,
        certificate: Some("KZ-1".into()),
        producer_bin: Some("940140000385".into()),
        purchased_on: d("2024-05-01"),
    };
    let cert = Certificate {
        producer_bin: "940140000385".into(),
        issued_on: d("2024-01-01"),
        expires_on: d("2024-12-31"),
    };
    assert_eq!(
        certificate(&line, true, std::slice::from_ref(&cert)).0,
        Check::Matched
    );
    assert_eq!(certificate(&line, true, &[]).0, Check::Missing);
    assert_eq!(certificate(&line, false, &[]).0, Check::NotChecked);
    let expired = Certificate {
        expires_on: d("2024-04-30"),
        ..cert.clone()
    };
    assert_eq!(
        certificate(&line, true, &[expired]),
        (Check::Mismatched, Reason::NotValidOnDate)
    );
    let other = Certificate {
        producer_bin: "990140004654".into(),
        ..cert
    };
    assert_eq!(
        certificate(&line, true, &[other]),
        (Check::Mismatched, Reason::OtherProducer)
    );
    let works = LineFacts {
        goods: false,
        ..line.clone()
    };
    assert_eq!(certificate(&works, true, &[]).0, Check::NotRequired);
    assert_eq!(line_value(&works, Check::NotRequired), (1_000, 0));
    assert_eq!(line_value(&line, Check::Missing), (0, 1_000));
    assert_eq!(line_value(&line, Check::NotChecked), (0, 0));
}

fn declared(center: i64, direct: i64) -> ContractFacts {
    ContractFacts {
        center_hires: center,
        direct_hires: direct,
        amount: 1_000_000,
        declared_total: 1_000_000,
        declared_domestic: 1_000_000,
        ledger_total: 100_000,
        ledger_domestic: 100_000,
    }
}

#[test]
fn verified_figures_count_only_what_the_registers_proved() {
    let f = declared(12, 8);
    let all_checked = Tally {
        center_matched: 9,
        center_failed: 3,
        proven_domestic: 100_000,
        failed_domestic: 0,
    };
    let v = verified(&f, &all_checked);
    assert_eq!(v.center_bp, 4_500);
    assert_eq!(v.compliance.center.state, State::Breached);
    assert_eq!(v.compliance.domestic.state, State::Met);
    assert_eq!(v.unchecked_hires, 0);
    assert_eq!(v.domestic_bp, Some(10_000));
}

#[test]
fn nothing_checked_is_not_yet_checked_never_failed() {
    let f = declared(12, 8);
    let v = verified(&f, &Tally::default());
    assert_eq!(v.compliance.center.state, State::NoData);
    assert_eq!(v.compliance.center.reason.key, "reason-verified-pending");
    assert_eq!(v.compliance.domestic.state, State::NoData);
    assert_eq!(v.unchecked_hires, 12);
    assert_eq!(v.unchecked_tenge, 100_000);
    // A breach the declared figures already show stays a breach whatever the registers say.
    let v = verified(&declared(3, 8), &Tally::default());
    assert_eq!(v.compliance.center.state, State::Breached);
    // Enough proven already decides, whatever the rest turns out to be.
    let proven = Tally {
        center_matched: 11,
        ..Tally::default()
    };
    assert_eq!(
        verified(&declared(12, 2), &proven).compliance.center.state,
        State::Met
    );
}

#[test]
fn codes_round_trip() {
    for k in Kind::ALL {
        assert_eq!(Kind::from_code(k.code()), Some(k));
    }
    for c in Check::ALL {
        assert_eq!(Check::from_code(c.code()), Some(c));
    }
    assert_eq!(Reason::from_code("used_twice"), Reason::UsedTwice);
    assert_eq!(Reason::from_code(""), Reason::None);
}
