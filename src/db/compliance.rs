//! What the commission watches: contracts near or below the two conditions, projects behind
//! their plan, regions behind their monthly plan. Sorted by severity, worst first.

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Text};

use super::DbConnection;
use crate::domain::share;

/// A share this close above a threshold (in basis points) is "near" and listed too.
pub const NEAR_BP: i64 = 500;

#[derive(Debug, Clone, QueryableByName)]
pub struct ContractShare {
    #[diesel(sql_type = Text)]
    pub contract_id: String,
    #[diesel(sql_type = Text)]
    pub number: String,
    #[diesel(sql_type = Text)]
    pub contractor_name: String,
    #[diesel(sql_type = Text)]
    pub project_code: String,
    #[diesel(sql_type = Text)]
    pub region_code: String,
    /// center and all hires, or domestic and all recorded purchases.
    #[diesel(sql_type = BigInt)]
    pub part: i64,
    #[diesel(sql_type = BigInt)]
    pub whole: i64,
}

impl ContractShare {
    pub fn bp(&self) -> i64 {
        share::bp(self.part, self.whole)
    }
}

fn region_filter(region: Option<&str>) -> &str {
    region.unwrap_or("")
}

/// Contracts whose employment-center share is below 55% (the rule is 50%).
pub fn center_share(
    conn: &mut DbConnection,
    region: Option<&str>,
) -> QueryResult<Vec<ContractShare>> {
    let mut rows: Vec<ContractShare> = diesel::sql_query(
        "SELECT c.id AS contract_id, c.number, c.contractor_name, p.code AS project_code, p.region_code, \
           CAST(c.center_hires AS BIGINT) AS part, CAST(c.center_hires + c.direct_hires AS BIGINT) AS whole \
         FROM contracts c JOIN projects p ON p.id = c.project_id \
         WHERE c.center_hires + c.direct_hires > 0 AND ($1 = '' OR p.region_code = $2) \
           AND c.center_hires * 10000 < (c.center_hires + c.direct_hires) * (5000 + $3)",
    )
    .bind::<Text, _>(region_filter(region))
    .bind::<Text, _>(region_filter(region))
    .bind::<BigInt, _>(NEAR_BP)
    .load(conn)?;
    rows.sort_by_key(|r| (r.bp(), -r.whole));
    Ok(rows)
}

/// Contracts whose recorded (ledger) domestic share is below 95% (the rule is 90%).
pub fn domestic_share(
    conn: &mut DbConnection,
    region: Option<&str>,
) -> QueryResult<Vec<ContractShare>> {
    let mut rows: Vec<ContractShare> = diesel::sql_query(
        "SELECT c.id AS contract_id, c.number, c.contractor_name, p.code AS project_code, p.region_code, \
           CAST(l.domestic AS BIGINT) AS part, CAST(l.total AS BIGINT) AS whole \
         FROM contracts c JOIN projects p ON p.id = c.project_id \
         JOIN (SELECT contract_id, SUM(amount_tenge) AS total, \
                 SUM(CASE WHEN is_domestic THEN amount_tenge ELSE 0 END) AS domestic \
               FROM procurement_lines GROUP BY contract_id) l ON l.contract_id = c.id \
         WHERE ($1 = '' OR p.region_code = $2) AND l.domestic * 10000 < l.total * (9000 + $3)",
    )
    .bind::<Text, _>(region_filter(region))
    .bind::<Text, _>(region_filter(region))
    .bind::<BigInt, _>(NEAR_BP)
    .load(conn)?;
    rows.sort_by_key(|r| (r.bp(), -r.whole));
    Ok(rows)
}

#[derive(Debug, Clone, QueryableByName)]
pub struct ProjectProgress {
    #[diesel(sql_type = Text)]
    pub id: String,
    #[diesel(sql_type = Text)]
    pub code: String,
    #[diesel(sql_type = Text)]
    pub title: String,
    #[diesel(sql_type = Text)]
    pub region_code: String,
    #[diesel(sql_type = Date)]
    pub planned_start: NaiveDate,
    #[diesel(sql_type = Date)]
    pub planned_end: NaiveDate,
    #[diesel(sql_type = BigInt)]
    pub planned_jobs: i64,
    #[diesel(sql_type = BigInt)]
    pub jobs_created: i64,
}

impl ProjectProgress {
    /// Where the project should be by `on`: the share of its planned period gone, in bp.
    pub fn expected_bp(&self, on: NaiveDate) -> i64 {
        let total = (self.planned_end - self.planned_start).num_days().max(1);
        let gone = (on - self.planned_start).num_days().clamp(0, total);
        share::bp(gone, total)
    }

    pub fn plan_bp(&self) -> i64 {
        share::bp(self.jobs_created, self.planned_jobs)
    }

    /// How far behind, in percentage points of plan (bp).
    pub fn lag_bp(&self, on: NaiveDate) -> i64 {
        self.expected_bp(on) - self.plan_bp().min(10_000)
    }
}

/// Approved projects more than 20 points of plan behind where their planned period says.
pub fn lagging_projects(
    conn: &mut DbConnection,
    region: Option<&str>,
    on: NaiveDate,
) -> QueryResult<Vec<ProjectProgress>> {
    let rows: Vec<ProjectProgress> = diesel::sql_query(
        "SELECT p.id, p.code, p.title, p.region_code, p.planned_start, p.planned_end, \
           CAST(p.planned_jobs AS BIGINT) AS planned_jobs, CAST(COALESCE(j.n, 0) AS BIGINT) AS jobs_created \
         FROM projects p LEFT JOIN (SELECT c.project_id, COUNT(*) AS n FROM jobs jb \
              JOIN contracts c ON c.id = jb.contract_id WHERE jb.hire_date <= $1 GROUP BY c.project_id) j \
           ON j.project_id = p.id \
         WHERE p.status IN ('approved', 'tendering', 'contracted', 'in_progress') \
           AND p.planned_start <= $2 AND ($3 = '' OR p.region_code = $4)",
    )
    .bind::<Date, _>(on)
    .bind::<Date, _>(on)
    .bind::<Text, _>(region_filter(region))
    .bind::<Text, _>(region_filter(region))
    .load(conn)?;
    let mut lagging: Vec<ProjectProgress> =
        rows.into_iter().filter(|p| p.lag_bp(on) > 2_000).collect();
    lagging.sort_by_key(|p| -p.lag_bp(on));
    Ok(lagging)
}

#[derive(Debug, Clone, QueryableByName)]
pub struct RegionPlan {
    #[diesel(sql_type = Text)]
    pub region_code: String,
    #[diesel(sql_type = BigInt)]
    pub planned: i64,
    #[diesel(sql_type = BigInt)]
    pub created: i64,
}

impl RegionPlan {
    pub fn shortfall(&self) -> i64 {
        self.planned - self.created
    }

    pub fn plan_bp(&self) -> i64 {
        share::bp(self.created, self.planned)
    }
}

/// Regions whose jobs created so far fall short of their monthly plans to date.
pub fn regions_behind(conn: &mut DbConnection, on: NaiveDate) -> QueryResult<Vec<RegionPlan>> {
    let mut rows: Vec<RegionPlan> = diesel::sql_query(
        "SELECT m.region_code, CAST(m.planned AS BIGINT) AS planned, CAST(COALESCE(j.n, 0) AS BIGINT) AS created \
         FROM (SELECT region_code, SUM(planned_jobs) AS planned FROM monthly_plans WHERE month <= $1 \
               GROUP BY region_code) m \
         LEFT JOIN (SELECT p.region_code, COUNT(*) AS n FROM jobs jb JOIN contracts c ON c.id = jb.contract_id \
                    JOIN projects p ON p.id = c.project_id WHERE jb.hire_date <= $2 GROUP BY p.region_code) j \
           ON j.region_code = m.region_code",
    )
    .bind::<Date, _>(on)
    .bind::<Date, _>(on)
    .load(conn)?;
    rows.retain(|r| r.shortfall() > 0);
    rows.sort_by_key(|r| (r.plan_bp(), -r.shortfall()));
    Ok(rows)
}
