//! The figures of every region as of a date, aggregated in SQL (a handful of GROUP BY queries,
//! whatever the number of projects and jobs).

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Text, Timestamp};

use super::DbConnection;
use super::regions::{self, RegionName};
use crate::domain::figures::{self, Figures};
use crate::domain::workflow::ProjectStatus;

#[derive(QueryableByName)]
struct StatusRow {
    #[diesel(sql_type = Text)]
    region: String,
    #[diesel(sql_type = Text)]
    status: String,
    #[diesel(sql_type = BigInt)]
    n: i64,
    #[diesel(sql_type = BigInt)]
    planned: i64,
    #[diesel(sql_type = BigInt)]
    center: i64,
    #[diesel(sql_type = BigInt)]
    permanent: i64,
    #[diesel(sql_type = BigInt)]
    budget: i64,
}

#[derive(QueryableByName)]
struct JobsRow {
    #[diesel(sql_type = Text)]
    region: String,
    #[diesel(sql_type = BigInt)]
    jobs: i64,
    #[diesel(sql_type = BigInt)]
    center: i64,
    #[diesel(sql_type = BigInt)]
    youth: i64,
    #[diesel(sql_type = BigInt)]
    permanent: i64,
}

#[derive(QueryableByName)]
struct PairRow {
    #[diesel(sql_type = Text)]
    region: String,
    #[diesel(sql_type = BigInt)]
    a: i64,
    #[diesel(sql_type = BigInt)]
    b: i64,
}

fn end_of(day: NaiveDate) -> NaiveDateTime {
    day.succ_opt()
        .unwrap_or(day)
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
}

/// Each region's figures as of the end of `as_of`, for the regions in force on that day,
/// ranked; and the national total.
pub fn as_of(conn: &mut DbConnection, as_of: NaiveDate) -> QueryResult<(Vec<Figures>, Figures)> {
    let frame: Vec<RegionName> = regions::active_names(conn, as_of)?;
    let mut by_region: HashMap<String, Figures> = frame
        .iter()
        .map(|r| {
            (
                r.code.clone(),
                Figures {
                    code: r.code.clone(),
                    ..Default::default()
                },
            )
        })
        .collect();

    // Each project in the status it had at the end of the day (its last change by then).
    let statuses: Vec<StatusRow> = diesel::sql_query(
        "SELECT p.region_code AS region, s.to_status AS status, CAST(COUNT(*) AS BIGINT) AS n, \
           CAST(COALESCE(SUM(p.planned_jobs), 0) AS BIGINT) AS planned, \
           CAST(COALESCE(SUM(p.planned_center_hires), 0) AS BIGINT) AS center, \
           CAST(COALESCE(SUM(p.planned_permanent_jobs), 0) AS BIGINT) AS permanent, \
           CAST(COALESCE(SUM(p.budget_tenge), 0) AS BIGINT) AS budget \
         FROM projects p JOIN project_status_changes s ON s.project_id = p.id \
         WHERE s.id = (SELECT s2.id FROM project_status_changes s2 WHERE s2.project_id = p.id \
                       AND s2.changed_at < $1 ORDER BY s2.changed_at DESC, s2.id DESC LIMIT 1) \
         GROUP BY p.region_code, s.to_status",
    )
    .bind::<Timestamp, _>(end_of(as_of))
    .load(conn)?;
    for s in statuses {
        if let (Some(f), Some(status)) = (
            by_region.get_mut(&s.region),
            ProjectStatus::from_code(&s.status),
        ) {
            f.add_project(status, (s.planned, s.center, s.permanent), s.budget, s.n);
        }
    }

    let jobs: Vec<JobsRow> = diesel::sql_query(
        "SELECT p.region_code AS region, CAST(COUNT(*) AS BIGINT) AS jobs, \
           CAST(COALESCE(SUM(CASE WHEN j.channel = 'employment_center' THEN 1 ELSE 0 END), 0) AS BIGINT) AS center, \
           CAST(COALESCE(SUM(CASE WHEN j.is_youth THEN 1 ELSE 0 END), 0) AS BIGINT) AS youth, \
           CAST(COALESCE(SUM(CASE WHEN j.kind = 'permanent' THEN 1 ELSE 0 END), 0) AS BIGINT) AS permanent \
         FROM jobs j JOIN contracts c ON c.id = j.contract_id JOIN projects p ON p.id = c.project_id \
         WHERE j.hire_date <= $1 GROUP BY p.region_code",
    )
    .bind::<Date, _>(as_of)
    .load(conn)?;
    for j in jobs {
        if let Some(f) = by_region.get_mut(&j.region) {
            f.jobs_created = j.jobs;
            f.center_hires = j.center;
            f.youth_hires = j.youth;
            f.permanent_created = j.permanent;
        }
    }

    let lifting: Vec<PairRow> = diesel::sql_query(
        "SELECT p.region_code AS region, CAST(COUNT(*) AS BIGINT) AS a, \
           CAST(COALESCE(SUM(lp.amount_tenge), 0) AS BIGINT) AS b \
         FROM lifting_payments lp JOIN jobs j ON j.id = lp.job_id \
         JOIN contracts c ON c.id = j.contract_id JOIN projects p ON p.id = c.project_id \
         WHERE lp.paid_on <= $1 GROUP BY p.region_code",
    )
    .bind::<Date, _>(as_of)
    .load(conn)?;
    for l in lifting {
        if let Some(f) = by_region.get_mut(&l.region) {
            f.lifting_paid = l.a;
            f.lifting_paid_tenge = l.b;
        }
    }

    let declared: Vec<PairRow> = diesel::sql_query(
        "SELECT p.region_code AS region, \
           CAST(COALESCE(SUM(c.goods_tenge + c.works_tenge + c.services_tenge), 0) AS BIGINT) AS a, \
           CAST(COALESCE(SUM(c.goods_domestic_tenge + c.works_domestic_tenge + c.services_domestic_tenge), 0) AS BIGINT) AS b \
         FROM contracts c JOIN projects p ON p.id = c.project_id \
         WHERE c.signed_on <= $1 GROUP BY p.region_code",
    )
    .bind::<Date, _>(as_of)
    .load(conn)?;
    for d in declared {
        if let Some(f) = by_region.get_mut(&d.region) {
            f.contracts_value = d.a;
            f.contracts_domestic = d.b;
        }
    }

    let ranked = figures::rank(by_region.into_values().collect());
    let total = figures::total(&ranked);
    Ok((ranked, total))
}

#[derive(QueryableByName)]
struct DayCount {
    #[diesel(sql_type = Date)]
    day: NaiveDate,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct MonthPlan {
    #[diesel(sql_type = Date)]
    month: NaiveDate,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Jobs created and jobs planned per month (first day of the month), for one region or the
/// nation, up to `as_of`.
pub fn monthly(
    conn: &mut DbConnection,
    region: Option<&str>,
    as_of: NaiveDate,
) -> QueryResult<Vec<(NaiveDate, i64, i64)>> {
    use chrono::Datelike;
    let region = region.unwrap_or("");
    let days: Vec<DayCount> = diesel::sql_query(
        "SELECT j.hire_date AS day, CAST(COUNT(*) AS BIGINT) AS n \
         FROM jobs j JOIN contracts c ON c.id = j.contract_id JOIN projects p ON p.id = c.project_id \
         WHERE j.hire_date <= $1 AND ($2 = '' OR p.region_code = $3) GROUP BY j.hire_date",
    )
    .bind::<Date, _>(as_of)
    .bind::<Text, _>(region)
    .bind::<Text, _>(region)
    .load(conn)?;
    let plans: Vec<MonthPlan> = diesel::sql_query(
        "SELECT month, CAST(COALESCE(SUM(planned_jobs), 0) AS BIGINT) AS n FROM monthly_plans \
         WHERE month <= $1 AND ($2 = '' OR region_code = $3) GROUP BY month",
    )
    .bind::<Date, _>(as_of)
    .bind::<Text, _>(region)
    .bind::<Text, _>(region)
    .load(conn)?;
    let mut months: std::collections::BTreeMap<NaiveDate, (i64, i64)> = Default::default();
    for d in days {
        if let Some(m) = d.day.with_day(1) {
            months.entry(m).or_default().0 += d.n;
        }
    }
    for p in plans {
        months.entry(p.month).or_default().1 += p.n;
    }
    Ok(months
        .into_iter()
        .map(|(m, (created, planned))| (m, created, planned))
        .collect())
}

#[derive(Debug, Clone, QueryableByName)]
pub struct DirectionRow {
    #[diesel(sql_type = Text)]
    pub direction: String,
    #[diesel(sql_type = BigInt)]
    pub projects: i64,
    #[diesel(sql_type = BigInt)]
    pub budget: i64,
    #[diesel(sql_type = BigInt)]
    pub planned_jobs: i64,
    #[diesel(sql_type = BigInt)]
    pub jobs_created: i64,
}

/// A region's approved projects by direction: how many, their budget, planned and created jobs.
pub fn by_direction(
    conn: &mut DbConnection,
    region: &str,
    as_of: NaiveDate,
) -> QueryResult<Vec<DirectionRow>> {
    diesel::sql_query(
        "SELECT p.direction AS direction, CAST(COUNT(*) AS BIGINT) AS projects, \
           CAST(COALESCE(SUM(p.budget_tenge), 0) AS BIGINT) AS budget, \
           CAST(COALESCE(SUM(p.planned_jobs), 0) AS BIGINT) AS planned_jobs, \
           CAST(COALESCE(SUM((SELECT COUNT(*) FROM jobs j JOIN contracts c ON c.id = j.contract_id \
                              WHERE c.project_id = p.id AND j.hire_date <= $1)), 0) AS BIGINT) AS jobs_created \
         FROM projects p WHERE p.region_code = $2 \
           AND p.status IN ('approved', 'tendering', 'contracted', 'in_progress', 'completed', 'suspended') \
         GROUP BY p.direction ORDER BY p.direction",
    )
    .bind::<Date, _>(as_of)
    .bind::<Text, _>(region)
    .load(conn)
}

#[derive(Debug, Clone, QueryableByName)]
pub struct ProjectCompliance {
    #[diesel(sql_type = Text)]
    pub id: String,
    #[diesel(sql_type = Text)]
    pub code: String,
    #[diesel(sql_type = Text)]
    pub title: String,
    #[diesel(sql_type = Text)]
    pub region_code: String,
    #[diesel(sql_type = Text)]
    pub status: String,
    #[diesel(sql_type = BigInt)]
    pub planned_jobs: i64,
    #[diesel(sql_type = BigInt)]
    pub jobs_created: i64,
    #[diesel(sql_type = BigInt)]
    pub center_hires: i64,
    #[diesel(sql_type = BigInt)]
    pub declared_total: i64,
    #[diesel(sql_type = BigInt)]
    pub declared_domestic: i64,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Integer>)]
    pub latitude_e6: Option<i32>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Integer>)]
    pub longitude_e6: Option<i32>,
}

impl ProjectCompliance {
    pub fn center_bp(&self) -> i64 {
        crate::domain::share::bp(self.center_hires, self.jobs_created)
    }

    pub fn domestic_bp(&self) -> i64 {
        crate::domain::share::bp(self.declared_domestic, self.declared_total)
    }

    pub fn plan_bp(&self) -> i64 {
        crate::domain::share::bp(self.jobs_created, self.planned_jobs)
    }

    /// Both conditions met on what has been recorded (no hires or contracts yet: nothing to fault).
    pub fn compliant(&self) -> Option<bool> {
        if self.jobs_created == 0 && self.declared_total == 0 {
            return None;
        }
        let center_ok = self.jobs_created == 0 || 2 * self.center_hires >= self.jobs_created;
        let domestic_ok = self.declared_total == 0
            || crate::domain::share::at_least(self.declared_domestic, self.declared_total, 9_000);
        Some(center_ok && domestic_ok)
    }
}

/// Approved projects (of one region, or all) with their hires and declared local content.
pub fn project_compliance(
    conn: &mut DbConnection,
    region: Option<&str>,
    as_of: NaiveDate,
) -> QueryResult<Vec<ProjectCompliance>> {
    let region = region.unwrap_or("");
    diesel::sql_query(
        "SELECT p.id, p.code, p.title, p.region_code, p.status, CAST(p.planned_jobs AS BIGINT) AS planned_jobs, \
           CAST(COALESCE(j.jobs, 0) AS BIGINT) AS jobs_created, CAST(COALESCE(j.center, 0) AS BIGINT) AS center_hires, \
           CAST(COALESCE(c.total, 0) AS BIGINT) AS declared_total, CAST(COALESCE(c.domestic, 0) AS BIGINT) AS declared_domestic, \
           p.latitude_e6, p.longitude_e6 \
         FROM projects p \
         LEFT JOIN (SELECT c2.project_id, COUNT(*) AS jobs, \
                      SUM(CASE WHEN jb.channel = 'employment_center' THEN 1 ELSE 0 END) AS center \
                    FROM jobs jb JOIN contracts c2 ON c2.id = jb.contract_id WHERE jb.hire_date <= $1 \
                    GROUP BY c2.project_id) j ON j.project_id = p.id \
         LEFT JOIN (SELECT project_id, SUM(goods_tenge + works_tenge + services_tenge) AS total, \
                      SUM(goods_domestic_tenge + works_domestic_tenge + services_domestic_tenge) AS domestic \
                    FROM contracts WHERE signed_on <= $2 GROUP BY project_id) c ON c.project_id = p.id \
         WHERE p.status IN ('approved', 'tendering', 'contracted', 'in_progress', 'completed', 'suspended') \
           AND ($3 = '' OR p.region_code = $4) \
         ORDER BY p.code",
    )
    .bind::<Date, _>(as_of)
    .bind::<Date, _>(as_of)
    .bind::<Text, _>(region)
    .bind::<Text, _>(region)
    .load(conn)
}
