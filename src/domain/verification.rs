//! Verification (issue 15): what a hire or a procurement line is checked against in the
//! registers other systems keep, the match rules, and the verified figures — the one
//! definition every page, export and the API show beside the declared ones.
//!
//! A register that has not been loaded for a hire's region and period leaves it "not yet
//! checked", never failed; the verified compliance state is only ever one the registers prove.

use chrono::{Datelike, NaiveDate};

/// The registers jobmap accepts, each as dated batches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Referrals,
    EmploymentContracts,
    Contributions,
    Certificates,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::Referrals,
        Kind::EmploymentContracts,
        Kind::Contributions,
        Kind::Certificates,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Referrals => "referrals",
            Kind::EmploymentContracts => "employment_contracts",
            Kind::Contributions => "contributions",
            Kind::Certificates => "certificates",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Kind::Referrals => "register-referrals",
            Kind::EmploymentContracts => "register-employment-contracts",
            Kind::Contributions => "register-contributions",
            Kind::Certificates => "register-certificates",
        }
    }

    /// Referrals are issued by a region's employment centers and loaded per region; the
    /// other registers are national.
    pub fn per_region(self) -> bool {
        self == Kind::Referrals
    }
}

/// What one check found. Stored as its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Check {
    /// Nothing to check (a direct hire's referral; a line that needs no certificate).
    NotRequired,
    /// No live batch covers the hire's (or line's) region and date.
    NotChecked,
    Matched,
    /// The register has a record, but it does not fit (see [`Reason`]).
    Mismatched,
    Missing,
}

impl Check {
    pub const ALL: [Check; 5] = [
        Check::NotRequired,
        Check::NotChecked,
        Check::Matched,
        Check::Mismatched,
        Check::Missing,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Check::NotRequired => "not_required",
            Check::NotChecked => "not_checked",
            Check::Matched => "matched",
            Check::Mismatched => "mismatched",
            Check::Missing => "missing",
        }
    }

    pub fn from_code(code: &str) -> Option<Check> {
        Check::ALL.into_iter().find(|c| c.code() == code)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Check::NotRequired => "check-not-required",
            Check::NotChecked => "check-not-checked",
            Check::Matched => "check-matched",
            Check::Mismatched => "check-mismatched",
            Check::Missing => "check-missing",
        }
    }

    pub fn failed(self) -> bool {
        matches!(self, Check::Mismatched | Check::Missing)
    }

    pub fn class(self) -> &'static str {
        match self {
            Check::NotRequired | Check::NotChecked => "state-none",
            Check::Matched => "state-met",
            Check::Mismatched | Check::Missing => "state-breach",
        }
    }
}

/// Why a record did not fit. Stored as its code ("" for none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reason {
    None,
    /// The referral number was issued to another person.
    OtherPerson,
    /// The referral was issued in another region.
    OtherRegion,
    /// Another hire used the referral first.
    UsedTwice,
    /// The hire date is before the referral was issued or after it expired.
    OutOfDates,
    /// The registered contract starts more than the tolerance away from the hire date.
    StartDiffers,
    /// The certificate was issued to another producer.
    OtherProducer,
    /// The certificate was not in force on the purchase date.
    NotValidOnDate,
}

impl Reason {
    const ALL: [Reason; 8] = [
        Reason::None,
        Reason::OtherPerson,
        Reason::OtherRegion,
        Reason::UsedTwice,
        Reason::OutOfDates,
        Reason::StartDiffers,
        Reason::OtherProducer,
        Reason::NotValidOnDate,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Reason::None => "",
            Reason::OtherPerson => "other_person",
            Reason::OtherRegion => "other_region",
            Reason::UsedTwice => "used_twice",
            Reason::OutOfDates => "out_of_dates",
            Reason::StartDiffers => "start_differs",
            Reason::OtherProducer => "other_producer",
            Reason::NotValidOnDate => "not_valid_on_date",
        }
    }

    pub fn from_code(code: &str) -> Reason {
        Reason::ALL
            .into_iter()
            .find(|r| r.code() == code)
            .unwrap_or(Reason::None)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Reason::None => "reason-none",
            Reason::OtherPerson => "mismatch-other-person",
            Reason::OtherRegion => "mismatch-other-region",
            Reason::UsedTwice => "mismatch-used-twice",
            Reason::OutOfDates => "mismatch-out-of-dates",
            Reason::StartDiffers => "mismatch-start-differs",
            Reason::OtherProducer => "mismatch-other-producer",
            Reason::NotValidOnDate => "mismatch-not-valid-on-date",
        }
    }
}

/// The first day of the month `2024-03` names.
pub fn parse_month(s: &str) -> Option<NaiveDate> {
    let (y, m) = s.trim().split_once('-')?;
    if m.len() != 2 || y.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, 1)
}

pub fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

pub fn month_end(d: NaiveDate) -> NaiveDate {
    let next = if d.month() == 12 {
        NaiveDate::from_ymd_opt(d.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(d.year(), d.month() + 1, 1)
    };
    next.and_then(|n| n.pred_opt()).unwrap_or(d)
}

/// A live batch's reach: its kind, region ("" for the whole country) and period (whole months).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub kind: Kind,
    pub region: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// Every live batch: whether a register has been loaded for a region and a date.
#[derive(Debug, Clone, Default)]
pub struct Coverage(pub Vec<Span>);

impl Coverage {
    pub fn covers(&self, kind: Kind, region: &str, on: NaiveDate) -> bool {
        self.0.iter().any(|s| {
            s.kind == kind
                && (s.region.is_empty() || s.region == region)
                && s.from <= on
                && on <= s.to
        })
    }

    pub fn any(&self, kind: Kind, region: &str) -> bool {
        self.0
            .iter()
            .any(|s| s.kind == kind && (s.region.is_empty() || s.region == region))
    }
}

/// A hire as the checks see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HireFacts {
    pub iin: String,
    pub region: String,
    pub employer_bin: String,
    pub hire_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    /// The referral number of an employment-center hire; `None` for a direct hire.
    pub referral_number: Option<String>,
}

/// A referral in the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Referral {
    pub iin: String,
    pub region: String,
    pub issued_on: NaiveDate,
    pub valid_until: NaiveDate,
}

impl Referral {
    fn fits(&self, iin: &str, region: &str, on: NaiveDate) -> bool {
        self.iin == iin && self.region == region && self.issued_on <= on && on <= self.valid_until
    }
}

/// Another hire with the same referral number, recorded before this one (earlier hire date,
/// or the same date and a smaller id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlierUse {
    pub iin: String,
    pub region: String,
    pub hire_date: NaiveDate,
}

/// An employment-center hire's referral: matched when the register has that number for the
/// same person and region, in force on the hire date, and no earlier hire used it; mismatched
/// when the number exists otherwise (or was used already); missing when it does not exist.
/// `register` holds the live records with the hire's number.
pub fn referral(
    h: &HireFacts,
    covered: bool,
    register: &[Referral],
    earlier: &[EarlierUse],
) -> (Check, Reason) {
    let Some(_) = &h.referral_number else {
        return (Check::NotRequired, Reason::None);
    };
    if !covered {
        return (Check::NotChecked, Reason::None);
    }
    if register.is_empty() {
        return (Check::Missing, Reason::None);
    }
    if let Some(r) = register
        .iter()
        .find(|r| r.fits(&h.iin, &h.region, h.hire_date))
    {
        if earlier
            .iter()
            .any(|e| r.fits(&e.iin, &e.region, e.hire_date))
        {
            return (Check::Mismatched, Reason::UsedTwice);
        }
        return (Check::Matched, Reason::None);
    }
    let reason = if register.iter().all(|r| r.iin != h.iin) {
        Reason::OtherPerson
    } else if register
        .iter()
        .filter(|r| r.iin == h.iin)
        .all(|r| r.region != h.region)
    {
        Reason::OtherRegion
    } else {
        Reason::OutOfDates
    };
    (Check::Mismatched, reason)
}

/// The registered employment contract: `starts` are the start dates of the live contracts
/// between the hire's employer and worker.
pub fn employment(
    h: &HireFacts,
    covered: bool,
    starts: &[NaiveDate],
    tolerance_days: i64,
) -> (Check, Reason) {
    if !covered {
        return (Check::NotChecked, Reason::None);
    }
    if starts.is_empty() {
        return (Check::Missing, Reason::None);
    }
    if starts
        .iter()
        .any(|s| (*s - h.hire_date).num_days().abs() <= tolerance_days)
    {
        (Check::Matched, Reason::None)
    } else {
        (Check::Mismatched, Reason::StartDiffers)
    }
}

/// The default tolerance between a hire date and its contract's registered start.
pub const DEFAULT_TOLERANCE_DAYS: i64 = 5;

/// The months (their first days) a job was worked in full and that have ended by `today`.
pub fn full_months(
    hire_date: NaiveDate,
    end_date: Option<NaiveDate>,
    today: NaiveDate,
) -> Vec<NaiveDate> {
    let mut m = month_start(hire_date);
    if m < hire_date {
        m = month_end(m).succ_opt().unwrap_or(m);
    }
    let mut months = Vec::new();
    while month_end(m) < today && end_date.is_none_or(|e| e >= month_end(m)) {
        months.push(m);
        match month_end(m).succ_opt() {
            Some(next) => m = next,
            None => break,
        }
    }
    months
}

/// Contributions: every full month worked that a live batch covers needs a contribution from
/// the hire's employer (`paid`: the months the register has one for). The missing months are
/// returned with the state.
pub fn contributions(
    h: &HireFacts,
    coverage: &Coverage,
    paid: &[NaiveDate],
    today: NaiveDate,
) -> (Check, Vec<NaiveDate>) {
    let checked: Vec<NaiveDate> = full_months(h.hire_date, h.end_date, today)
        .into_iter()
        .filter(|m| coverage.covers(Kind::Contributions, &h.region, *m))
        .collect();
    if checked.is_empty() {
        return (Check::NotChecked, Vec::new());
    }
    let missing: Vec<NaiveDate> = checked.into_iter().filter(|m| !paid.contains(m)).collect();
    if missing.is_empty() {
        (Check::Matched, missing)
    } else {
        (Check::Missing, missing)
    }
}

/// The missing months as stored and shown: `2024-03,2024-04`.
pub fn months_text(months: &[NaiveDate]) -> String {
    months
        .iter()
        .map(|m| m.format("%Y-%m").to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// A procurement line as the certificate check sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineFacts {
    pub goods: bool,
    pub domestic: bool,
    pub amount: i64,
    pub certificate: Option<String>,
    pub producer_bin: Option<String>,
    pub purchased_on: NaiveDate,
}

/// A CT-KZ certificate in the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certificate {
    pub producer_bin: String,
    pub issued_on: NaiveDate,
    pub expires_on: NaiveDate,
}

/// A domestic goods line's certificate: it exists, names the line's producer and was in
/// force on the purchase date. Other lines need no certificate.
pub fn certificate(l: &LineFacts, covered: bool, register: &[Certificate]) -> (Check, Reason) {
    if !(l.goods && l.domestic) {
        return (Check::NotRequired, Reason::None);
    }
    if !covered {
        return (Check::NotChecked, Reason::None);
    }
    if l.certificate.is_none() || register.is_empty() {
        return (Check::Missing, Reason::None);
    }
    let producer = l.producer_bin.as_deref().unwrap_or("");
    let same: Vec<&Certificate> = register
        .iter()
        .filter(|c| c.producer_bin == producer)
        .collect();
    if same.is_empty() {
        return (Check::Mismatched, Reason::OtherProducer);
    }
    if same
        .iter()
        .any(|c| c.issued_on <= l.purchased_on && l.purchased_on <= c.expires_on)
    {
        (Check::Matched, Reason::None)
    } else {
        (Check::Mismatched, Reason::NotValidOnDate)
    }
}

/// What a line adds to the verified figures: (domestic value proven or needing no proof,
/// domestic value found wanting).
pub fn line_value(l: &LineFacts, check: Check) -> (i64, i64) {
    match check {
        Check::NotRequired if l.domestic => (l.amount, 0),
        Check::Matched => (l.amount, 0),
        Check::Mismatched | Check::Missing => (0, l.amount),
        _ => (0, 0),
    }
}

#[path = "verification_figures.rs"]
mod figures;
pub use figures::{AreaTally, Tally, Verified, verified, verified_area};

#[cfg(test)]
#[path = "verification_tests.rs"]
mod tests;
