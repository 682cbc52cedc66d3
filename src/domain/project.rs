//! A project as an akimat officer enters it (form or CSV row), checked field by field.

use chrono::NaiveDate;

use super::geo::in_kazakhstan;
use super::message::{FieldProblem, Message};
use super::numbers::{parse_date, parse_decimal, parse_int};
use crate::code_enum;

code_enum! {
    /// The four directions of the Roadmap's infrastructure programme.
    pub enum Direction {
        SocialCultural => "social_cultural", "direction-social_cultural";
        HousingCommunal => "housing_communal", "direction-housing_communal";
        EngineeringTransport => "engineering_transport", "direction-engineering_transport";
        SettlementImprovement => "settlement_improvement", "direction-settlement_improvement";
    }
}

code_enum! {
    pub enum WorkType {
        CapitalRepair => "capital_repair", "work-capital_repair";
        MediumRepair => "medium_repair", "work-medium_repair";
        CurrentRepair => "current_repair", "work-current_repair";
        Reconstruction => "reconstruction", "work-reconstruction";
        Construction => "construction", "work-construction";
    }
}

code_enum! {
    pub enum FundingSource {
        RepublicanBudget => "republican_budget", "funding-republican_budget";
        LocalBonds => "local_bonds", "funding-local_bonds";
        TargetedTransfers => "targeted_transfers", "funding-targeted_transfers";
        LocalBudget => "local_budget", "funding-local_budget";
    }
}

/// The fields as typed, all text: what a form re-renders and what a CSV row holds.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct ProjectFields {
    pub code: String,
    pub title: String,
    pub district: String,
    pub settlement: String,
    pub latitude: String,
    pub longitude: String,
    pub direction: String,
    pub work_type: String,
    pub funding_source: String,
    pub budget_tenge: String,
    pub planned_jobs: String,
    pub planned_center_hires: String,
    pub planned_permanent_jobs: String,
    pub planned_start: String,
    pub planned_end: String,
}

/// A checked project, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectInput {
    pub code: String,
    pub title: String,
    pub district: String,
    pub settlement: String,
    /// Microdegrees (latitude, longitude).
    pub location: Option<(i32, i32)>,
    pub direction: Direction,
    pub work_type: WorkType,
    pub funding_source: FundingSource,
    pub budget_tenge: i64,
    pub planned_jobs: i32,
    pub planned_center_hires: i32,
    pub planned_permanent_jobs: i32,
    pub planned_start: NaiveDate,
    pub planned_end: NaiveDate,
}

pub const MAX_TITLE: usize = 300;
pub const MAX_JOBS: i64 = 1_000_000;
pub const MAX_BUDGET_TENGE: i64 = 10_000_000_000_000;

/// The translation key of a field's label, for messages that name the field.
pub fn field_label_key(field: &str) -> Option<&'static str> {
    Some(match field {
        "code" => "project-code",
        "title" => "project-title",
        "district" => "project-district",
        "settlement" => "project-settlement",
        "latitude" | "latitude_e6" => "project-latitude",
        "longitude" | "longitude_e6" => "project-longitude",
        "direction" => "project-direction",
        "work_type" => "project-work-type",
        "funding_source" => "project-funding",
        "budget_tenge" => "project-budget",
        "planned_jobs" => "project-planned-jobs",
        "planned_center_hires" => "project-planned-center",
        "planned_permanent_jobs" => "project-planned-permanent",
        "planned_start" => "project-planned-start",
        "planned_end" => "project-planned-end",
        "status" => "project-status",
        "region_code" => "col-region",
        "decision_number" => "decision-number",
        "decision_date" => "decision-date",
        "approved_limit_tenge" => "decision-limit",
        _ => return None,
    })
}

/// Rule 7: at least half of the planned jobs go to employment-center referrals.
pub fn min_center_hires(planned_jobs: i64) -> i64 {
    (planned_jobs + 1) / 2
}

struct Checker {
    problems: Vec<FieldProblem>,
}

impl Checker {
    fn problem(&mut self, field: &'static str, message: Message) {
        self.problems.push(FieldProblem::new(field, message));
    }

    fn required_text(&mut self, field: &'static str, value: &str, max: usize) -> String {
        let v = value.trim();
        if v.is_empty() {
            self.problem(field, Message::new("field-required"));
        } else if v.chars().count() > max {
            self.problem(field, Message::new("field-too-long").int("max", max as i64));
        }
        v.to_owned()
    }

    fn optional_text(&mut self, field: &'static str, value: &str, max: usize) -> String {
        let v = value.trim();
        if v.chars().count() > max {
            self.problem(field, Message::new("field-too-long").int("max", max as i64));
        }
        v.to_owned()
    }

    fn choice<T>(
        &mut self,
        field: &'static str,
        value: &str,
        parse: fn(&str) -> Option<T>,
    ) -> Option<T> {
        let parsed = parse(value);
        if parsed.is_none() {
            self.problem(field, Message::new("field-choose"));
        }
        parsed
    }

    fn whole(&mut self, field: &'static str, value: &str, min: i64, max: i64) -> Option<i64> {
        match parse_int(value) {
            None if value.trim().is_empty() => {
                self.problem(field, Message::new("field-required"));
                None
            }
            None => {
                self.problem(field, Message::new("field-whole-number"));
                None
            }
            Some(n) if n < min || n > max => {
                self.problem(
                    field,
                    Message::new("field-range").int("min", min).int("max", max),
                );
                None
            }
            Some(n) => Some(n),
        }
    }

    fn date(&mut self, field: &'static str, value: &str) -> Option<NaiveDate> {
        let parsed = parse_date(value);
        if parsed.is_none() {
            let key = if value.trim().is_empty() {
                "field-required"
            } else {
                "field-date"
            };
            self.problem(field, Message::new(key));
        }
        parsed
    }
}

/// Checks every field and the rules between them; all problems at once, so a form or a CSV
/// row can report everything that needs fixing.
pub fn check(fields: &ProjectFields) -> Result<ProjectInput, Vec<FieldProblem>> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    let code = c.required_text("code", &fields.code, 40);
    let code_ok = code
        .chars()
        .all(|ch| ch.is_ascii_alphanumeric() || "-_./".contains(ch));
    if !code.is_empty() && (!code_ok || code.len() < 3) {
        c.problem("code", Message::new("project-code-format"));
    }
    let title = c.required_text("title", &fields.title, MAX_TITLE);
    let district = c.optional_text("district", &fields.district, 200);
    let settlement = c.optional_text("settlement", &fields.settlement, 200);
    let location = check_location(&mut c, &fields.latitude, &fields.longitude);
    let direction = c.choice("direction", &fields.direction, Direction::from_code);
    let work_type = c.choice("work_type", &fields.work_type, WorkType::from_code);
    let funding_source = c.choice(
        "funding_source",
        &fields.funding_source,
        FundingSource::from_code,
    );
    let budget = c.whole("budget_tenge", &fields.budget_tenge, 1, MAX_BUDGET_TENGE);
    let jobs = c.whole("planned_jobs", &fields.planned_jobs, 1, MAX_JOBS);
    let center = c.whole(
        "planned_center_hires",
        &fields.planned_center_hires,
        0,
        MAX_JOBS,
    );
    let permanent = if fields.planned_permanent_jobs.trim().is_empty() {
        Some(0)
    } else {
        c.whole(
            "planned_permanent_jobs",
            &fields.planned_permanent_jobs,
            0,
            MAX_JOBS,
        )
    };
    if let (Some(jobs), Some(center)) = (jobs, center) {
        if center > jobs {
            c.problem(
                "planned_center_hires",
                Message::new("project-center-above-jobs").int("jobs", jobs),
            );
        } else if center < min_center_hires(jobs) {
            c.problem(
                "planned_center_hires",
                Message::new("project-center-below-half")
                    .int("min", min_center_hires(jobs))
                    .int("jobs", jobs),
            );
        }
    }
    let start = c.date("planned_start", &fields.planned_start);
    let end = c.date("planned_end", &fields.planned_end);
    if let (Some(s), Some(e)) = (start, end)
        && e < s
    {
        c.problem("planned_end", Message::new("project-end-before-start"));
    }
    match (
        direction,
        work_type,
        funding_source,
        budget,
        jobs,
        center,
        permanent,
        start,
        end,
    ) {
        (
            Some(direction),
            Some(work_type),
            Some(funding_source),
            Some(budget),
            Some(jobs),
            Some(center),
            Some(permanent),
            Some(start),
            Some(end),
        ) if c.problems.is_empty() => Ok(ProjectInput {
            code,
            title,
            district,
            settlement,
            location,
            direction,
            work_type,
            funding_source,
            budget_tenge: budget,
            planned_jobs: jobs as i32,
            planned_center_hires: center as i32,
            planned_permanent_jobs: permanent as i32,
            planned_start: start,
            planned_end: end,
        }),
        _ => Err(c.problems),
    }
}

fn check_location(c: &mut Checker, lat: &str, lon: &str) -> Option<(i32, i32)> {
    match (lat.trim().is_empty(), lon.trim().is_empty()) {
        (true, true) => return None,
        (false, true) => {
            c.problem("longitude", Message::new("project-coordinates-pair"));
            return None;
        }
        (true, false) => {
            c.problem("latitude", Message::new("project-coordinates-pair"));
            return None;
        }
        (false, false) => {}
    }
    let (Some(la), Some(lo)) = (parse_decimal(lat), parse_decimal(lon)) else {
        c.problem("latitude", Message::new("project-coordinates-format"));
        return None;
    };
    if !(-90.0..=90.0).contains(&la) || !(-180.0..=180.0).contains(&lo) || !in_kazakhstan(la, lo) {
        c.problem("latitude", Message::new("project-coordinates-outside"));
        return None;
    }
    Some(((la * 1e6).round() as i32, (lo * 1e6).round() as i32))
}

/// Back to text, for an edit form.
impl From<&ProjectInput> for ProjectFields {
    fn from(p: &ProjectInput) -> Self {
        let (latitude, longitude) = p
            .location
            .map(|(la, lo)| (format_micro(la), format_micro(lo)))
            .unwrap_or_default();
        Self {
            code: p.code.clone(),
            title: p.title.clone(),
            district: p.district.clone(),
            settlement: p.settlement.clone(),
            latitude,
            longitude,
            direction: p.direction.code().into(),
            work_type: p.work_type.code().into(),
            funding_source: p.funding_source.code().into(),
            budget_tenge: p.budget_tenge.to_string(),
            planned_jobs: p.planned_jobs.to_string(),
            planned_center_hires: p.planned_center_hires.to_string(),
            planned_permanent_jobs: p.planned_permanent_jobs.to_string(),
            planned_start: p.planned_start.to_string(),
            planned_end: p.planned_end.to_string(),
        }
    }
}

/// Microdegrees as decimal degrees without trailing zeros: 51233300 → "51.2333".
pub fn format_micro(v: i32) -> String {
    let s = format!("{:.6}", f64::from(v) / 1e6);
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    pub fn valid() -> ProjectFields {
        ProjectFields {
            code: "27-2020-001".into(),
            title: "Капитальный ремонт школы №5".into(),
            district: "Теректинский район".into(),
            settlement: "Фёдоровка".into(),
            latitude: "51.2333".into(),
            longitude: "51.3667".into(),
            direction: "social_cultural".into(),
            work_type: "capital_repair".into(),
            funding_source: "republican_budget".into(),
            budget_tenge: "250 000 000".into(),
            planned_jobs: "40".into(),
            planned_center_hires: "20".into(),
            planned_permanent_jobs: "2".into(),
            planned_start: "2020-05-01".into(),
            planned_end: "26.11.2020".into(),
        }
    }

    fn fields_of(r: Result<ProjectInput, Vec<FieldProblem>>) -> Vec<(&'static str, &'static str)> {
        r.err()
            .unwrap_or_default()
            .iter()
            .map(|p| (p.field, p.message.key))
            .collect()
    }

    #[test]
    fn a_complete_project_passes() {
        let p = check(&valid()).unwrap();
        assert_eq!(p.budget_tenge, 250_000_000);
        assert_eq!(p.location, Some((51_233_300, 51_366_700)));
        assert_eq!(
            p.planned_end,
            NaiveDate::from_ymd_opt(2020, 11, 26).unwrap()
        );
        assert_eq!(ProjectFields::from(&p).latitude, "51.2333");
    }

    #[test]
    fn rule_7_at_exactly_half_passes_and_below_half_fails() {
        let mut f = valid();
        f.planned_jobs = "41".into();
        f.planned_center_hires = "21".into();
        assert!(check(&f).is_ok(), "21 of 41 is at least half");
        f.planned_center_hires = "20".into();
        let problems = check(&f).unwrap_err();
        assert_eq!(problems[0].field, "planned_center_hires");
        assert_eq!(
            problems[0].message,
            Message::new("project-center-below-half")
                .int("min", 21)
                .int("jobs", 41)
        );
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let f = ProjectFields::default();
        let fields: Vec<_> = fields_of(check(&f)).into_iter().map(|(f, _)| f).collect();
        for field in [
            "code",
            "title",
            "direction",
            "work_type",
            "funding_source",
            "budget_tenge",
            "planned_jobs",
            "planned_center_hires",
            "planned_start",
            "planned_end",
        ] {
            assert!(fields.contains(&field), "{field} missing from {fields:?}");
        }
    }

    #[test]
    fn coordinates_must_be_a_pair_inside_kazakhstan() {
        let mut f = valid();
        f.longitude.clear();
        assert_eq!(
            fields_of(check(&f)),
            [("longitude", "project-coordinates-pair")]
        );
        let mut f = valid();
        f.latitude = "55.7558".into();
        f.longitude = "37.6173".into();
        assert_eq!(
            fields_of(check(&f)),
            [("latitude", "project-coordinates-outside")]
        );
        let mut f = valid();
        f.latitude.clear();
        f.longitude.clear();
        assert_eq!(check(&f).unwrap().location, None);
    }

    #[test]
    fn dates_and_numbers() {
        let mut f = valid();
        f.planned_end = "2020-04-30".into();
        f.budget_tenge = "12.5".into();
        f.planned_jobs = "0".into();
        let got = fields_of(check(&f));
        assert!(got.contains(&("planned_end", "project-end-before-start")));
        assert!(got.contains(&("budget_tenge", "field-whole-number")));
        assert!(got.contains(&("planned_jobs", "field-range")));
    }

    #[test]
    fn codes_are_short_and_plain() {
        let mut f = valid();
        f.code = "27 2020 001".into();
        assert_eq!(fields_of(check(&f)), [("code", "project-code-format")]);
    }
}
