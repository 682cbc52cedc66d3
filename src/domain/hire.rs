//! A hire as recorded by a contractor (or an akimat officer on their behalf): the worker's IIN
//! with what it tells, the job, and rules 2, 4, 5 and 6.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::identifier::{IdError, Iin, Sex};
use super::message::{FieldProblem, Message};
use super::numbers::{parse_date, parse_int};
use crate::code_enum;

code_enum! {
    pub enum JobKind {
        Temporary => "temporary", "kind-temporary";
        Permanent => "permanent", "kind-permanent";
    }
}

code_enum! {
    pub enum Channel {
        EmploymentCenter => "employment_center", "channel-employment_center";
        Direct => "direct", "channel-direct";
    }
}

#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct HireFields {
    pub iin: String,
    pub full_name: String,
    pub home_settlement: String,
    pub position: String,
    pub hire_date: String,
    pub kind: String,
    pub channel: String,
    pub referral_number: String,
    pub referral_date: String,
    /// "true" when the worker came from another settlement.
    pub arrived_from_other_settlement: String,
    pub monthly_wage_tenge: String,
    /// Blank for a job that goes on. Only files carry it: an export of ended jobs re-imports
    /// them ended.
    pub end_date: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HireInput {
    pub iin: Iin,
    pub full_name: String,
    pub home_settlement: String,
    pub position: String,
    pub hire_date: NaiveDate,
    pub kind: JobKind,
    pub channel: Channel,
    pub referral: Option<(String, NaiveDate)>,
    pub arrived_from_other_settlement: bool,
    pub monthly_wage_tenge: i64,
    pub is_youth: bool,
    /// Set when the job had already ended (rule 5: not before the hire, not after today).
    pub end_date: Option<NaiveDate>,
}

impl HireInput {
    pub fn sex_code(&self) -> &'static str {
        match self.iin.sex() {
            Sex::Male => "m",
            Sex::Female => "f",
        }
    }
}

/// Youth age bounds in force (the YOUTH_MIN_AGE / YOUTH_MAX_AGE parameters).
#[derive(Debug, Clone, Copy)]
pub struct YouthAges {
    pub min: i32,
    pub max: i32,
}

/// The reference data a hire is checked against: the youth ages and the minimum wage (MZP)
/// by the date each value took effect.
#[derive(Debug, Clone)]
pub struct HireRules {
    pub youth: YouthAges,
    pub minimum_wage: BTreeMap<NaiveDate, i64>,
}

impl HireRules {
    /// The MZP in force on `day`; `None` before the first one on record (no floor then).
    pub fn minimum_wage_on(&self, day: NaiveDate) -> Option<i64> {
        self.minimum_wage.range(..=day).next_back().map(|(_, v)| *v)
    }
}

pub fn iin_message(e: IdError) -> Message {
    match e {
        IdError::Format => Message::new("iin-format"),
        IdError::CheckDigit => Message::new("iin-check-digit"),
        IdError::BirthDate => Message::new("iin-birth-date"),
    }
}

pub fn truthy(text: &str) -> bool {
    matches!(
        text.trim().to_lowercase().as_str(),
        "true" | "yes" | "1" | "on" | "да" | "иә"
    )
}

/// Checks a hire against its contract's signing date and today (rule 5). Every job is
/// recorded as full-time, so its monthly wage may not be below the minimum wage in force on the
/// hire date (part-time work is not recorded by the programme).
pub fn check(
    f: &HireFields,
    contract_signed: NaiveDate,
    today: NaiveDate,
    rules: &HireRules,
) -> Result<HireInput, Vec<FieldProblem>> {
    let youth = rules.youth;
    let mut problems = Vec::new();
    let mut required = |field: &'static str, text: &str, max: usize| -> String {
        let t = text.trim();
        if t.is_empty() {
            problems.push(FieldProblem::new(field, Message::new("field-required")));
        } else if t.chars().count() > max {
            problems.push(FieldProblem::new(
                field,
                Message::new("field-too-long").int("max", max as i64),
            ));
        }
        t.to_owned()
    };
    let full_name = required("full_name", &f.full_name, 200);
    let position = required("position", &f.position, 200);
    let home_settlement = f.home_settlement.trim().to_owned();
    let iin = Iin::parse(&f.iin)
        .map_err(|e| problems.push(FieldProblem::new("iin", iin_message(e))))
        .ok();
    let hire_date = match parse_date(&f.hire_date) {
        None => {
            let key = if f.hire_date.trim().is_empty() {
                "field-required"
            } else {
                "field-date"
            };
            problems.push(FieldProblem::new("hire_date", Message::new(key)));
            None
        }
        Some(d) if d > today => {
            problems.push(FieldProblem::new(
                "hire_date",
                Message::new("date-in-future"),
            ));
            None
        }
        Some(d) if d < contract_signed => {
            problems.push(FieldProblem::new(
                "hire_date",
                Message::new("hire-before-contract").text("signed", contract_signed.to_string()),
            ));
            None
        }
        Some(d) => Some(d),
    };
    let kind = JobKind::from_code(&f.kind);
    if kind.is_none() {
        problems.push(FieldProblem::new("kind", Message::new("field-choose")));
    }
    let channel = Channel::from_code(&f.channel);
    if channel.is_none() {
        problems.push(FieldProblem::new("channel", Message::new("field-choose")));
    }
    let referral = if channel == Some(Channel::EmploymentCenter) {
        let number = f.referral_number.trim().to_owned();
        if number.is_empty() {
            problems.push(FieldProblem::new(
                "referral_number",
                Message::new("hire-referral-required"),
            ));
        }
        let date = match parse_date(&f.referral_date) {
            None => {
                problems.push(FieldProblem::new(
                    "referral_date",
                    Message::new("hire-referral-date-required"),
                ));
                None
            }
            Some(d) if hire_date.is_some_and(|h| d > h) => {
                problems.push(FieldProblem::new(
                    "referral_date",
                    Message::new("hire-referral-after-hire"),
                ));
                None
            }
            Some(d) => Some(d),
        };
        date.filter(|_| !number.is_empty()).map(|d| (number, d))
    } else {
        None
    };
    let wage =
        parse_int(&f.monthly_wage_tenge).filter(|n| (0..=super::contract::MAX_TENGE).contains(n));
    match (wage, hire_date.and_then(|d| rules.minimum_wage_on(d))) {
        (None, _) => problems.push(FieldProblem::new(
            "monthly_wage_tenge",
            Message::new("field-money"),
        )),
        (Some(w), Some(min)) if w < min => problems.push(FieldProblem::new(
            "monthly_wage_tenge",
            Message::new("hire-wage-below-minimum").int("min", min),
        )),
        _ => {}
    }
    let end_date = check_end(&f.end_date, hire_date, today, &mut problems);
    match (iin, hire_date, kind, channel, wage) {
        (Some(iin), Some(hire_date), Some(kind), Some(channel), Some(wage))
            if problems.is_empty() =>
        {
            let age = iin.age_on(hire_date);
            Ok(HireInput {
                is_youth: (youth.min..=youth.max).contains(&age),
                iin,
                full_name,
                home_settlement,
                position,
                hire_date,
                kind,
                channel,
                referral,
                arrived_from_other_settlement: truthy(&f.arrived_from_other_settlement),
                monthly_wage_tenge: wage,
                end_date,
            })
        }
        _ => Err(problems),
    }
}

/// An optional end date (rule 5): blank, or a date from the hire date to today.
fn check_end(
    text: &str,
    hire_date: Option<NaiveDate>,
    today: NaiveDate,
    problems: &mut Vec<FieldProblem>,
) -> Option<NaiveDate> {
    if text.trim().is_empty() {
        return None;
    }
    let key = match parse_date(text) {
        None => "field-date",
        Some(d) if d > today => "date-in-future",
        Some(d) if hire_date.is_some_and(|h| d < h) => "job-end-before-hire",
        Some(d) => return Some(d),
    };
    problems.push(FieldProblem::new("end_date", Message::new(key)));
    None
}

/// Rule 2: after this hire, direct hires may not outnumber employment-center hires.
/// `Err((center, direct))` with the counts as they are now.
pub fn check_channel_balance(center: i32, direct: i32, channel: Channel) -> Result<(), (i32, i32)> {
    match channel {
        Channel::EmploymentCenter => Ok(()),
        Channel::Direct if direct < center => Ok(()),
        Channel::Direct => Err((center, direct)),
    }
}

/// Rule 4: a recorded job that ends on `end` (or has not ended) stands in the way of a new
/// hire of the same worker on `from`. `db::jobs::active_job_project` asks the same in SQL.
pub fn blocks_hire(end: Option<NaiveDate>, from: NaiveDate) -> bool {
    end.is_none_or(|e| e >= from)
}

/// Rule 4 for a job whose dates change: two jobs of one worker, each from its hire date to
/// its end (or open), may not share a day.
pub fn overlaps(a: (NaiveDate, Option<NaiveDate>), b: (NaiveDate, Option<NaiveDate>)) -> bool {
    blocks_hire(a.1, b.0) && blocks_hire(b.1, a.0)
}

/// A recorded hire, as far as a correction of it must respect what was built on it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub channel: Channel,
    pub arrived_from_other_settlement: bool,
    pub hire_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    /// A lifting payment has been made for the job (rule 6).
    pub lifting_paid: bool,
}

/// Rules 2, 5 and 6 on a correction of `before` into `after` (already checked like a hire),
/// with the contract's counts as they stand, `before` included. After a lifting payment the
/// channel, the arrival and the hire date it was paid on stay as they are; a change of channel
/// to direct must leave direct hires no more than employment-center ones (rule 2).
pub fn check_correction(
    before: &Recorded,
    after: &HireInput,
    center: i32,
    direct: i32,
) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    let paid = || Message::new("job-correction-lifting-paid");
    if before.lifting_paid {
        if after.channel != before.channel {
            problems.push(FieldProblem::new("channel", paid()));
        }
        if after.arrived_from_other_settlement != before.arrived_from_other_settlement {
            problems.push(FieldProblem::new("arrived_from_other_settlement", paid()));
        }
        if after.hire_date != before.hire_date {
            problems.push(FieldProblem::new("hire_date", paid()));
        }
    }
    let to_direct = before.channel == Channel::EmploymentCenter && after.channel == Channel::Direct;
    if let (true, Err((center, direct))) = (
        to_direct,
        check_channel_balance(center - 1, direct, Channel::Direct),
    ) {
        problems.push(FieldProblem::new(
            "channel",
            Message::new("hire-too-many-direct")
                .int("center", i64::from(center))
                .int("direct", i64::from(direct)),
        ));
    }
    if before.end_date.is_some_and(|end| end < after.hire_date) {
        problems.push(FieldProblem::new(
            "hire_date",
            Message::new("job-end-before-hire"),
        ));
    }
    problems
}

/// Rule 6: a lifting payment is due for a hire through an employment center of a worker who
/// arrived from another settlement.
pub fn lifting_eligible(channel: Channel, arrived_from_other_settlement: bool) -> bool {
    channel == Channel::EmploymentCenter && arrived_from_other_settlement
}

/// Rule 6: twice the minimum wage (MZP) in force on the hire date.
pub fn lifting_amount(mzp: i64) -> i64 {
    2 * mzp
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn rules() -> HireRules {
        HireRules {
            youth: YouthAges { min: 15, max: 28 },
            minimum_wage: [(d("2024-01-01"), 85_000)].into_iter().collect(),
        }
    }

    pub fn fields() -> HireFields {
        HireFields {
            iin: "061211600012".into(),
            full_name: "Айгерим Серикова".into(),
            home_settlement: "Фёдоровка".into(),
            position: "Каменщик".into(),
            hire_date: "2024-07-01".into(),
            kind: "temporary".into(),
            channel: "employment_center".into(),
            referral_number: "ЦЗ-27/1045".into(),
            referral_date: "2024-06-25".into(),
            arrived_from_other_settlement: "true".into(),
            monthly_wage_tenge: "150 000".into(),
            end_date: String::new(),
        }
    }

    #[test]
    fn a_files_end_date_is_kept_when_it_falls_between_the_hire_and_today() {
        let ended = |end: &str| HireFields {
            end_date: end.into(),
            ..fields()
        };
        let (signed, today) = (d("2024-06-01"), d("2024-12-31"));
        let h = check(&ended("2024-09-30"), signed, today, &rules()).unwrap();
        assert_eq!(h.end_date, Some(d("2024-09-30")));
        assert_eq!(
            check(&fields(), signed, today, &rules()).unwrap().end_date,
            None
        );
        let key = |end: &str| {
            check(&ended(end), signed, today, &rules()).unwrap_err()[0]
                .message
                .key
        };
        assert_eq!(key("2024-06-30"), "job-end-before-hire");
        assert_eq!(key("2025-01-01"), "date-in-future");
        assert_eq!(key("someday"), "field-date");
    }

    #[test]
    fn a_complete_hire_derives_sex_and_youth_from_the_iin() {
        let h = check(&fields(), d("2024-06-01"), d("2024-12-31"), &rules()).unwrap();
        assert_eq!(h.sex_code(), "f");
        assert!(h.is_youth, "17 on the hire date");
        assert_eq!(h.referral, Some(("ЦЗ-27/1045".into(), d("2024-06-25"))));
    }

    #[test]
    fn rule_5_dates() {
        let problems = check(&fields(), d("2024-07-02"), d("2024-12-31"), &rules()).unwrap_err();
        assert_eq!(problems[0].message.key, "hire-before-contract");
        let problems = check(&fields(), d("2024-06-01"), d("2024-06-30"), &rules()).unwrap_err();
        assert_eq!(problems[0].message.key, "date-in-future");
        let on_signing_day = check(&fields(), d("2024-07-01"), d("2024-07-01"), &rules());
        assert!(on_signing_day.is_ok());
    }

    #[test]
    fn rule_4_a_job_blocks_hires_until_the_day_after_it_ends() {
        let day = |s: &str| parse_date(s).expect("date");
        assert!(blocks_hire(None, day("2024-07-01")));
        assert!(blocks_hire(Some(day("2024-07-01")), day("2024-07-01")));
        assert!(!blocks_hire(Some(day("2024-06-30")), day("2024-07-01")));
    }

    #[test]
    fn an_employment_center_hire_needs_its_referral() {
        let f = HireFields {
            referral_number: String::new(),
            referral_date: String::new(),
            ..fields()
        };
        let fields_wrong: Vec<_> = check(&f, d("2024-06-01"), d("2024-12-31"), &rules())
            .unwrap_err()
            .iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(fields_wrong, ["referral_number", "referral_date"]);
        let direct = HireFields {
            channel: "direct".into(),
            referral_number: String::new(),
            ..fields()
        };
        assert_eq!(
            check(&direct, d("2024-06-01"), d("2024-12-31"), &rules())
                .unwrap()
                .referral,
            None
        );
    }

    #[test]
    fn invalid_iins_are_refused_with_the_reason() {
        for (iin, key) in [
            ("06121160001", "iin-format"),
            ("061211600013", "iin-check-digit"),
        ] {
            let f = HireFields {
                iin: iin.into(),
                ..fields()
            };
            assert_eq!(
                check(&f, d("2024-06-01"), d("2024-12-31"), &rules()).unwrap_err()[0]
                    .message
                    .key,
                key
            );
        }
    }

    #[test]
    fn rule_2_at_exactly_half() {
        assert_eq!(check_channel_balance(10, 9, Channel::Direct), Ok(()));
        assert_eq!(
            check_channel_balance(10, 10, Channel::Direct),
            Err((10, 10))
        );
        assert_eq!(check_channel_balance(0, 0, Channel::Direct), Err((0, 0)));
        assert_eq!(
            check_channel_balance(0, 0, Channel::EmploymentCenter),
            Ok(())
        );
    }

    #[test]
    fn a_full_time_wage_below_the_minimum_wage_on_the_hire_date_is_refused() {
        let f = HireFields {
            monthly_wage_tenge: "123".into(),
            ..fields()
        };
        let problems = check(&f, d("2024-06-01"), d("2024-12-31"), &rules()).unwrap_err();
        assert_eq!(problems[0].field, "monthly_wage_tenge");
        assert_eq!(problems[0].message.key, "hire-wage-below-minimum");
        let at_minimum = HireFields {
            monthly_wage_tenge: "85000".into(),
            ..fields()
        };
        assert!(check(&at_minimum, d("2024-06-01"), d("2024-12-31"), &rules()).is_ok());
    }

    #[test]
    fn corrections_keep_what_a_lifting_payment_and_rule_2_rest_on() {
        let before = Recorded {
            channel: Channel::EmploymentCenter,
            arrived_from_other_settlement: true,
            hire_date: d("2024-07-01"),
            end_date: None,
            lifting_paid: true,
        };
        let h = check(&fields(), d("2024-06-01"), d("2024-12-31"), &rules()).unwrap();
        assert!(check_correction(&before, &h, 2, 1).is_empty());
        let direct = HireInput {
            channel: Channel::Direct,
            referral: None,
            arrived_from_other_settlement: false,
            ..h.clone()
        };
        let fields: Vec<_> = check_correction(&before, &direct, 2, 1)
            .iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(
            fields,
            ["channel", "arrived_from_other_settlement", "channel"]
        );
        let unpaid = Recorded {
            lifting_paid: false,
            ..before
        };
        assert!(check_correction(&unpaid, &direct, 3, 1).is_empty());
        assert_eq!(check_correction(&unpaid, &direct, 2, 1).len(), 1);
    }

    #[test]
    fn rule_4_overlaps() {
        let open = (d("2024-03-01"), None);
        assert!(overlaps((d("2024-01-01"), Some(d("2024-03-01"))), open));
        assert!(!overlaps((d("2024-01-01"), Some(d("2024-02-29"))), open));
        assert!(overlaps((d("2024-05-01"), None), open));
    }

    #[test]
    fn rule_6_lifting() {
        assert!(lifting_eligible(Channel::EmploymentCenter, true));
        assert!(!lifting_eligible(Channel::Direct, true));
        assert!(!lifting_eligible(Channel::EmploymentCenter, false));
        assert_eq!(lifting_amount(42_500), 85_000);
    }
}
