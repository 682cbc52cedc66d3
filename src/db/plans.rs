//! Monthly plans of a region, and the project plans they are compared with.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Text};
use serde::Serialize;

use super::schema::monthly_plans;
use super::{DbConnection, new_id, now};
use crate::domain::plan::MonthPlan;

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = monthly_plans)]
pub struct PlanRow {
    pub id: String,
    pub region_code: String,
    pub month: NaiveDate,
    pub planned_jobs: i32,
    pub planned_center_hires: i32,
    pub updated_by: String,
    pub updated_at: NaiveDateTime,
    pub version: i32,
}

pub fn first_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)
}

/// The year's plan rows of `region`, by month number (1–12).
pub fn for_year(
    conn: &mut DbConnection,
    region: &str,
    year: i32,
) -> QueryResult<[Option<PlanRow>; 12]> {
    let (Some(from), Some(to)) = (first_of_month(year, 1), first_of_month(year + 1, 1)) else {
        return Ok(Default::default());
    };
    let rows: Vec<PlanRow> = monthly_plans::table
        .filter(monthly_plans::region_code.eq(region))
        .filter(monthly_plans::month.ge(from))
        .filter(monthly_plans::month.lt(to))
        .select(PlanRow::as_select())
        .load(conn)?;
    let mut by_month: [Option<PlanRow>; 12] = Default::default();
    for row in rows {
        let m = row.month.month0() as usize;
        by_month[m] = Some(row);
    }
    Ok(by_month)
}

/// A month the user saved on a version that is no longer current.
#[derive(Debug, Clone)]
pub struct StaleMonth {
    pub month: u32,
    pub now: Option<PlanRow>,
}

#[derive(Debug, thiserror::Error)]
pub enum PlanWriteError {
    #[error("plans changed meanwhile")]
    Stale(Vec<StaleMonth>),
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

/// One month as submitted: its values and the version the form showed (`None`: no row yet).
pub struct MonthEntry {
    pub month: u32,
    pub plan: MonthPlan,
    pub base_version: Option<i32>,
}

/// Saves the year's months that changed; all or nothing. Returns (before, after) per saved
/// month for the audit trail. Call inside a write transaction.
pub fn save_year(
    conn: &mut DbConnection,
    region: &str,
    year: i32,
    entries: &[MonthEntry],
    by: &str,
) -> Result<Vec<(Option<PlanRow>, PlanRow)>, PlanWriteError> {
    // The monthly chart shows the plan: pages built from it are out of date.
    super::cache::touched();
    let current = for_year(conn, region, year)?;
    let stale: Vec<StaleMonth> = entries
        .iter()
        .filter(|e| current[e.month as usize - 1].as_ref().map(|r| r.version) != e.base_version)
        .map(|e| StaleMonth {
            month: e.month,
            now: current[e.month as usize - 1].clone(),
        })
        .collect();
    if !stale.is_empty() {
        return Err(PlanWriteError::Stale(stale));
    }
    let mut saved = Vec::new();
    let at = now();
    for e in entries {
        let before = current[e.month as usize - 1].clone();
        let (jobs, center) = e.plan;
        match &before {
            Some(row) if (row.planned_jobs, row.planned_center_hires) == (jobs, center) => continue,
            Some(row) => {
                let n = diesel::update(
                    monthly_plans::table
                        .filter(monthly_plans::id.eq(&row.id))
                        .filter(monthly_plans::version.eq(row.version)),
                )
                .set((
                    monthly_plans::planned_jobs.eq(jobs),
                    monthly_plans::planned_center_hires.eq(center),
                    monthly_plans::updated_by.eq(by),
                    monthly_plans::updated_at.eq(at),
                    monthly_plans::version.eq(monthly_plans::version + 1),
                ))
                .execute(conn)?;
                if n == 0 {
                    return Err(PlanWriteError::Stale(vec![StaleMonth {
                        month: e.month,
                        now: None,
                    }]));
                }
            }
            None if (jobs, center) == (0, 0) => continue,
            None => {
                let Some(month) = first_of_month(year, e.month) else {
                    continue;
                };
                diesel::insert_into(monthly_plans::table)
                    .values((
                        monthly_plans::id.eq(new_id()),
                        monthly_plans::region_code.eq(region),
                        monthly_plans::month.eq(month),
                        monthly_plans::planned_jobs.eq(jobs),
                        monthly_plans::planned_center_hires.eq(center),
                        monthly_plans::updated_by.eq(by),
                        monthly_plans::updated_at.eq(at),
                    ))
                    .execute(conn)?;
            }
        }
        let after = for_year(conn, region, year)?[e.month as usize - 1].clone();
        if let Some(after) = after {
            saved.push((before, after));
        }
    }
    Ok(saved)
}

#[derive(Debug, Clone, Default, QueryableByName)]
pub struct ProjectPlanTotals {
    #[diesel(sql_type = BigInt)]
    pub projects: i64,
    #[diesel(sql_type = BigInt)]
    pub planned_jobs: i64,
    #[diesel(sql_type = BigInt)]
    pub planned_center_hires: i64,
}

/// The sum of the region's project plans for projects running during `year` (drafts,
/// rejected and cancelled projects left out).
pub fn project_totals(
    conn: &mut DbConnection,
    region: &str,
    year: i32,
) -> QueryResult<ProjectPlanTotals> {
    let (Some(from), Some(to)) = (
        first_of_month(year, 1),
        first_of_month(year, 12).and_then(|d| d.with_day(31)),
    ) else {
        return Ok(ProjectPlanTotals::default());
    };
    diesel::sql_query(
        "SELECT CAST(COUNT(*) AS BIGINT) AS projects, \
           CAST(COALESCE(SUM(planned_jobs), 0) AS BIGINT) AS planned_jobs, \
           CAST(COALESCE(SUM(planned_center_hires), 0) AS BIGINT) AS planned_center_hires \
         FROM projects WHERE region_code = $1 \
           AND status NOT IN ('draft', 'rejected', 'cancelled') \
           AND planned_start <= $2 AND planned_end >= $3",
    )
    .bind::<Text, _>(region)
    .bind::<Date, _>(to)
    .bind::<Date, _>(from)
    .get_result(conn)
}
