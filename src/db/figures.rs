//! The figures of every region as of a date, aggregated in SQL (a handful of GROUP BY queries,
//! whatever the number of projects and jobs).

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Text};

use super::DbConnection;
use super::regions::{self, RegionName};
use super::tallies;
use crate::domain::figures::{self, Figures};

/// Each region's figures as of the end of `as_of`, for the regions in force on that day,
/// ranked; and the national total. Read from the tallies the writes keep (`db::tallies`).
pub fn as_of(
    conn: &mut DbConnection,
    as_of: NaiveDate,
    today: NaiveDate,
) -> QueryResult<(Vec<Figures>, Figures)> {
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
    for f in tallies::by_region(conn, as_of, today)? {
        if let Some(slot) = by_region.get_mut(&f.code) {
            *slot = f;
        }
    }
    let ranked = figures::rank(by_region.into_values().collect());
    let total = figures::total(&ranked);
    Ok((ranked, total))
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
    let region = region.unwrap_or("");
    let created = tallies::jobs_by_month(conn, region, as_of)?;
    let filter = if region.is_empty() {
        "$2 = ''"
    } else {
        "region_code = $2"
    };
    let plans: Vec<MonthPlan> = diesel::sql_query(format!(
        "SELECT month, CAST(COALESCE(SUM(planned_jobs), 0) AS BIGINT) AS n FROM monthly_plans \
         WHERE month <= $1 AND {filter} GROUP BY month"
    ))
    .bind::<Date, _>(as_of)
    .bind::<Text, _>(region)
    .load(conn)?;
    let mut months: std::collections::BTreeMap<NaiveDate, (i64, i64)> = Default::default();
    for (m, n) in created {
        months.entry(m).or_default().0 += n;
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

/// Approved projects by direction: how many, their budget, planned and created jobs.
pub fn by_direction(projects: &[ProjectCompliance]) -> Vec<DirectionRow> {
    let mut rows: std::collections::BTreeMap<&str, DirectionRow> = Default::default();
    for p in projects {
        let row = rows.entry(&p.direction).or_insert_with(|| DirectionRow {
            direction: p.direction.clone(),
            projects: 0,
            budget: 0,
            planned_jobs: 0,
            jobs_created: 0,
        });
        row.projects += 1;
        row.budget += p.budget_tenge;
        row.planned_jobs += p.planned_jobs;
        row.jobs_created += p.jobs_created;
    }
    rows.into_values().collect()
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
    #[diesel(sql_type = Text)]
    pub direction: String,
    #[diesel(sql_type = BigInt)]
    pub budget_tenge: i64,
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
}

/// The project columns every compliance query selects, before its hires and declared value.
const PROJECT_COLUMNS: &str = "p.id, p.code, p.title, p.region_code, p.status, p.direction, \
    p.budget_tenge, CAST(p.planned_jobs AS BIGINT) AS planned_jobs, p.latitude_e6, p.longitude_e6";

/// Approved projects with the hires and declared value their own counters keep (today's).
fn counted_projects() -> String {
    format!(
        "SELECT {PROJECT_COLUMNS}, CAST(p.jobs_created AS BIGINT) AS jobs_created, \
           CAST(p.center_hires AS BIGINT) AS center_hires, p.declared_total, p.declared_domestic \
         FROM projects p WHERE p.status IN {APPROVED}"
    )
}

const APPROVED: &str =
    "('approved', 'tendering', 'contracted', 'in_progress', 'completed', 'suspended')";

/// Approved projects (of one region, or all) with their hires and declared local content.
/// Today's figures come from the projects' counters (nothing can be dated after today);
/// a past date counts the jobs hired by then.
pub fn project_compliance(
    conn: &mut DbConnection,
    region: Option<&str>,
    as_of: NaiveDate,
    today: NaiveDate,
) -> QueryResult<Vec<ProjectCompliance>> {
    let region = region.unwrap_or("");
    if as_of >= today {
        let counted = counted_projects();
        return if region.is_empty() {
            diesel::sql_query(format!("{counted} ORDER BY p.code")).load(conn)
        } else {
            diesel::sql_query(format!("{counted} AND p.region_code = $1 ORDER BY p.code"))
                .bind::<Text, _>(region)
                .load(conn)
        };
    }
    diesel::sql_query(format!(
        "SELECT {PROJECT_COLUMNS}, \
           CAST(COALESCE(j.jobs, 0) AS BIGINT) AS jobs_created, CAST(COALESCE(j.center, 0) AS BIGINT) AS center_hires, \
           CAST(COALESCE(c.total, 0) AS BIGINT) AS declared_total, CAST(COALESCE(c.domestic, 0) AS BIGINT) AS declared_domestic \
         FROM projects p \
         LEFT JOIN (SELECT c2.project_id, COUNT(*) AS jobs, \
                      SUM(CASE WHEN jb.channel = 'employment_center' THEN 1 ELSE 0 END) AS center \
                    FROM jobs jb JOIN contracts c2 ON c2.id = jb.contract_id WHERE jb.hire_date <= $1 \
                    GROUP BY c2.project_id) j ON j.project_id = p.id \
         LEFT JOIN (SELECT project_id, SUM(goods_tenge + works_tenge + services_tenge) AS total, \
                      SUM(goods_domestic_tenge + works_domestic_tenge + services_domestic_tenge) AS domestic \
                    FROM contracts WHERE signed_on <= $2 GROUP BY project_id) c ON c.project_id = p.id \
         WHERE p.status IN {APPROVED} AND ($3 = '' OR p.region_code = $4) \
         ORDER BY p.code"
    ))
    .bind::<Date, _>(as_of)
    .bind::<Date, _>(as_of)
    .bind::<Text, _>(region)
    .bind::<Text, _>(region)
    .load(conn)
}
