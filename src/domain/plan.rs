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

#[cfg(test)]
mod tests {
    use super::*;

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
