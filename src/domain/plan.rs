//! A region's monthly plan: planned jobs and employment-center hires for each month of a year.

use super::message::{FieldProblem, Message};
use super::numbers::parse_int;
use super::project::{MAX_JOBS, min_center_hires};

pub const JOB_FIELDS: [&str; 12] = [
    "jobs_1", "jobs_2", "jobs_3", "jobs_4", "jobs_5", "jobs_6", "jobs_7", "jobs_8", "jobs_9",
    "jobs_10", "jobs_11", "jobs_12",
];
pub const CENTER_FIELDS: [&str; 12] = [
    "center_1",
    "center_2",
    "center_3",
    "center_4",
    "center_5",
    "center_6",
    "center_7",
    "center_8",
    "center_9",
    "center_10",
    "center_11",
    "center_12",
];

/// One month as checked: (planned jobs, planned employment-center hires).
pub type MonthPlan = (i32, i32);

/// Checks the month `m` (1–12); an empty month is zero.
pub fn check_month(m: usize, jobs: &str, center: &str) -> Result<MonthPlan, Vec<FieldProblem>> {
    let (jf, cf) = (JOB_FIELDS[m - 1], CENTER_FIELDS[m - 1]);
    let mut problems = Vec::new();
    let mut read = |field: &'static str, text: &str| -> Option<i64> {
        if text.trim().is_empty() {
            return Some(0);
        }
        match parse_int(text) {
            Some(n) if (0..=MAX_JOBS).contains(&n) => Some(n),
            Some(_) => {
                problems.push(FieldProblem::new(
                    field,
                    Message::new("field-range")
                        .int("min", 0)
                        .int("max", MAX_JOBS),
                ));
                None
            }
            None => {
                problems.push(FieldProblem::new(field, Message::new("field-whole-number")));
                None
            }
        }
    };
    let (j, c) = (read(jf, jobs), read(cf, center));
    if let (Some(j), Some(c)) = (j, c) {
        if c > j {
            problems.push(FieldProblem::new(
                cf,
                Message::new("project-center-above-jobs").int("jobs", j),
            ));
        } else if c < min_center_hires(j) {
            problems.push(FieldProblem::new(
                cf,
                Message::new("project-center-below-half")
                    .int("min", min_center_hires(j))
                    .int("jobs", j),
            ));
        }
        if problems.is_empty() {
            return Ok((j as i32, c as i32));
        }
    }
    Err(problems)
}

/// A plan month as a file names it: `2024-07` (or `07.2024`, as spreadsheets in Russian and
/// Kazakh show it): (year, month).
pub fn parse_month(text: &str) -> Option<(i32, u32)> {
    let t = text.trim();
    let (year, month) = match t.split_once('-') {
        Some((y, m)) => (y, m),
        None => {
            let (m, y) = t.split_once('.')?;
            (y, m)
        }
    };
    let (year, month): (i32, u32) = (year.parse().ok()?, month.parse().ok()?);
    ((2000..=2100).contains(&year) && (1..=12).contains(&month)).then_some((year, month))
}

/// A file's plan line checked like the month on the plan form; the problems name the file's
/// columns (`month`, `planned_jobs`, `planned_center_hires`).
pub fn check_line(
    month: &str,
    jobs: &str,
    center: &str,
) -> Result<(i32, u32, MonthPlan), Vec<FieldProblem>> {
    let Some((year, m)) = parse_month(month) else {
        let key = if month.trim().is_empty() {
            "field-required"
        } else {
            "plan-import-month"
        };
        return Err(vec![FieldProblem::new("month", Message::new(key))]);
    };
    let column = |field: &'static str| {
        if JOB_FIELDS.contains(&field) {
            "planned_jobs"
        } else {
            "planned_center_hires"
        }
    };
    check_month(m as usize, jobs, center)
        .map(|plan| (year, m, plan))
        .map_err(|problems| {
            problems
                .into_iter()
                .map(|p| FieldProblem::new(column(p.field), p.message))
                .collect()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_files_month_reads_in_iso_and_dotted_forms_and_nothing_else() {
        assert_eq!(parse_month("2024-07"), Some((2024, 7)));
        assert_eq!(parse_month(" 07.2024 "), Some((2024, 7)));
        assert_eq!(parse_month("2024-13"), None);
        assert_eq!(parse_month("July 2024"), None);
        assert_eq!(parse_month("1999-01"), None);
    }

    #[test]
    fn a_files_plan_line_is_held_to_the_forms_rules_under_its_own_column_names() {
        assert_eq!(check_line("2024-07", "10", "5"), Ok((2024, 7, (10, 5))));
        let fields = |r: Result<_, Vec<FieldProblem>>| -> Vec<&'static str> {
            r.err()
                .unwrap_or_default()
                .iter()
                .map(|p| p.field)
                .collect()
        };
        assert_eq!(
            fields(check_line("2024-07", "10", "4")),
            ["planned_center_hires"]
        );
        assert_eq!(fields(check_line("2024-07", "x", "")), ["planned_jobs"]);
        assert_eq!(fields(check_line("", "1", "1")), ["month"]);
    }

    #[test]
    fn empty_months_are_zero_and_half_is_enough() {
        assert_eq!(check_month(1, "", ""), Ok((0, 0)));
        assert_eq!(check_month(2, "1 200", "600"), Ok((1200, 600)));
        assert_eq!(check_month(3, "7", "4"), Ok((7, 4)));
    }

    #[test]
    fn below_half_names_the_month_field_and_the_minimum() {
        let problems = check_month(6, "7", "3").unwrap_err();
        assert_eq!(problems[0].field, "center_6");
        assert_eq!(
            problems[0].message,
            Message::new("project-center-below-half")
                .int("min", 4)
                .int("jobs", 7)
        );
    }

    #[test]
    fn bad_numbers_are_reported_per_field() {
        let problems = check_month(12, "x", "-1").unwrap_err();
        let fields: Vec<_> = problems.iter().map(|p| p.field).collect();
        assert_eq!(fields, ["jobs_12", "center_12"]);
    }
}
