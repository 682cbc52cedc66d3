//! A project's progress for its page: hires by day with their youth and permanent counts,
//! read from the jobs of its contracts (a project has hundreds, not thousands).

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Text};

use super::DbConnection;

#[derive(Debug, Clone, QueryableByName)]
pub struct HireDay {
    #[diesel(sql_type = Date)]
    pub hire_date: NaiveDate,
    #[diesel(sql_type = BigInt)]
    pub hires: i64,
    #[diesel(sql_type = BigInt)]
    pub youth: i64,
    #[diesel(sql_type = BigInt)]
    pub permanent: i64,
}

pub fn hire_days(conn: &mut DbConnection, project_id: &str) -> QueryResult<Vec<HireDay>> {
    diesel::sql_query(
        "SELECT j.hire_date, CAST(COUNT(*) AS BIGINT) AS hires, \
           CAST(COALESCE(SUM(CASE WHEN j.is_youth THEN 1 ELSE 0 END), 0) AS BIGINT) AS youth, \
           CAST(COALESCE(SUM(CASE WHEN j.kind = 'permanent' THEN 1 ELSE 0 END), 0) AS BIGINT) AS permanent \
         FROM jobs j JOIN contracts c ON c.id = j.contract_id \
         WHERE c.project_id = $1 GROUP BY j.hire_date ORDER BY j.hire_date",
    )
    .bind::<Text, _>(project_id)
    .load(conn)
}

/// Month by month from the planned start (or first hire) to `until`: jobs created so far and
/// the jobs the plan expects by the month's end, spread evenly over the planned period.
pub fn cumulative_by_month(
    days: &[HireDay],
    planned_jobs: i64,
    planned: (NaiveDate, NaiveDate),
    until: NaiveDate,
) -> Vec<(NaiveDate, i64, i64)> {
    let first_hire = days.first().map_or(planned.0, |d| d.hire_date);
    let start = planned.0.min(first_hire);
    let Some(mut month) = start.with_day(1) else {
        return Vec::new();
    };
    let period = (planned.1 - planned.0).num_days().max(1);
    let mut out = Vec::new();
    while month <= until && out.len() < 120 {
        let next = month
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(until);
        let end = next.pred_opt().unwrap_or(next).min(until);
        let created: i64 = days
            .iter()
            .filter(|d| d.hire_date <= end)
            .map(|d| d.hires)
            .sum();
        let gone = (end - planned.0).num_days().clamp(0, period);
        out.push((month, created, planned_jobs * gone / period));
        month = next;
    }
    out
}
