//! The contracts the commission reviews, each with its compliance state as of a date
//! (`domain::compliance`), and the projects and regions behind their plans.
//!
//! Today's state comes from each contract's counters (hires by channel, recorded ledger
//! totals), kept by the transactions that write hires and procurement lines; an earlier date
//! recounts the hires and lines recorded by then. Either way the state is computed by the one
//! function in `domain::compliance`, so every page, the map and the exports agree.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Integer, Nullable, Text, Timestamp};

use super::DbConnection;
use crate::domain::compliance::{ContractCompliance, ContractFacts, State, worst};
use crate::domain::share;

/// The statuses in which a project counts (as in `db::figures`).
const APPROVED: &str =
    "('approved', 'tendering', 'contracted', 'in_progress', 'completed', 'suspended')";

/// One contract with what its state is computed from.
#[derive(Debug, Clone, QueryableByName)]
pub struct ContractLine {
    #[diesel(sql_type = Text)]
    pub contract_id: String,
    #[diesel(sql_type = Text)]
    pub number: String,
    #[diesel(sql_type = Text)]
    pub contractor_name: String,
    #[diesel(sql_type = Text)]
    pub contractor_bin: String,
    #[diesel(sql_type = Text)]
    pub project_id: String,
    #[diesel(sql_type = Text)]
    pub project_code: String,
    #[diesel(sql_type = Text)]
    pub region_code: String,
    #[diesel(sql_type = Text)]
    pub direction: String,
    #[diesel(sql_type = BigInt)]
    pub center_hires: i64,
    #[diesel(sql_type = BigInt)]
    pub direct_hires: i64,
    #[diesel(sql_type = BigInt)]
    pub amount: i64,
    #[diesel(sql_type = BigInt)]
    pub declared_total: i64,
    #[diesel(sql_type = BigInt)]
    pub declared_domestic: i64,
    #[diesel(sql_type = BigInt)]
    pub ledger_total: i64,
    #[diesel(sql_type = BigInt)]
    pub ledger_domestic: i64,
    #[diesel(sql_type = Nullable<Integer>)]
    pub latitude_e6: Option<i32>,
    #[diesel(sql_type = Nullable<Integer>)]
    pub longitude_e6: Option<i32>,
}

impl ContractLine {
    pub fn facts(&self) -> ContractFacts {
        ContractFacts {
            center_hires: self.center_hires,
            direct_hires: self.direct_hires,
            amount: self.amount,
            declared_total: self.declared_total,
            declared_domestic: self.declared_domestic,
            ledger_total: self.ledger_total,
            ledger_domestic: self.ledger_domestic,
        }
    }
}

/// A contract and its state.
#[derive(Debug, Clone)]
pub struct Assessed {
    pub line: ContractLine,
    pub c: ContractCompliance,
}

impl Assessed {
    pub fn state(&self) -> State {
        self.c.state()
    }
}

const CONTRACT_COLUMNS: &str = "c.id AS contract_id, c.number, c.contractor_name, \
    c.contractor_bin, c.project_id, p.code AS project_code, p.region_code, p.direction, \
    p.latitude_e6, p.longitude_e6, \
    c.amount_tenge AS amount, \
    c.goods_tenge + c.works_tenge + c.services_tenge AS declared_total, \
    c.goods_domestic_tenge + c.works_domestic_tenge + c.services_domestic_tenge AS declared_domestic";

/// The contracts of approved projects (of one region, or all) as they stand, from their
/// counters.
fn current(conn: &mut DbConnection, region: &str) -> QueryResult<Vec<ContractLine>> {
    diesel::sql_query(format!(
        "SELECT {CONTRACT_COLUMNS}, CAST(c.center_hires AS BIGINT) AS center_hires, \
           CAST(c.direct_hires AS BIGINT) AS direct_hires, c.ledger_total, c.ledger_domestic \
         FROM contracts c JOIN projects p ON p.id = c.project_id \
         WHERE p.status IN {APPROVED} AND ($1 = '' OR p.region_code = $2)"
    ))
    .bind::<Text, _>(region)
    .bind::<Text, _>(region)
    .load(conn)
}

/// The contracts signed by `as_of`, with the hires dated and the lines recorded by then,
/// recounted from the records. With a far date this is the recount that must equal the
/// counters (see `seed::invariants`).
pub fn recounted(
    conn: &mut DbConnection,
    region: &str,
    as_of: NaiveDate,
) -> QueryResult<Vec<ContractLine>> {
    let end_of_day: NaiveDateTime = as_of
        .succ_opt()
        .unwrap_or(as_of)
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default();
    diesel::sql_query(format!(
        "SELECT {CONTRACT_COLUMNS}, \
           CAST(COALESCE(j.center, 0) AS BIGINT) AS center_hires, \
           CAST(COALESCE(j.direct, 0) AS BIGINT) AS direct_hires, \
           CAST(COALESCE(l.total, 0) AS BIGINT) AS ledger_total, \
           CAST(COALESCE(l.domestic, 0) AS BIGINT) AS ledger_domestic \
         FROM contracts c JOIN projects p ON p.id = c.project_id \
         LEFT JOIN (SELECT contract_id, \
                      SUM(CASE WHEN channel = 'employment_center' THEN 1 ELSE 0 END) AS center, \
                      SUM(CASE WHEN channel = 'employment_center' THEN 0 ELSE 1 END) AS direct \
                    FROM jobs WHERE hire_date <= $1 GROUP BY contract_id) j ON j.contract_id = c.id \
         LEFT JOIN (SELECT contract_id, SUM(amount_tenge) AS total, \
                      SUM(CASE WHEN is_domestic THEN amount_tenge ELSE 0 END) AS domestic \
                    FROM procurement_lines WHERE created_at < $2 GROUP BY contract_id) l \
           ON l.contract_id = c.id \
         WHERE c.signed_on <= $3 AND p.status IN {APPROVED} AND ($4 = '' OR p.region_code = $5)"
    ))
    .bind::<Date, _>(as_of)
    .bind::<Timestamp, _>(end_of_day)
    .bind::<Date, _>(as_of)
    .bind::<Text, _>(region)
    .bind::<Text, _>(region)
    .load(conn)
}

/// Every contract in scope (a region, or all with `""`) with its state as of a date, worst
/// first: by state, then by how far its deciding share is from its threshold.
pub fn assessed(
    conn: &mut DbConnection,
    region: &str,
    as_of: NaiveDate,
    today: NaiveDate,
) -> QueryResult<Vec<Assessed>> {
    let lines = if as_of >= today {
        current(conn, region)?
    } else {
        recounted(conn, region, as_of)?
    };
    let mut all: Vec<Assessed> = lines
        .into_iter()
        .map(|line| Assessed {
            c: ContractCompliance::of(&line.facts()),
            line,
        })
        .collect();
    all.sort_by(|a, b| {
        (
            b.state(),
            a.c.sort_bp(),
            &a.line.project_code,
            &a.line.number,
        )
            .cmp(&(
                a.state(),
                b.c.sort_bp(),
                &b.line.project_code,
                &b.line.number,
            ))
    });
    Ok(all)
}

/// Each project's state (the worst of its contracts), overall and per condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProjectState {
    pub state: State,
    pub center: State,
    pub domestic: State,
    pub contracts: i64,
    pub breached: i64,
    pub at_risk: i64,
}

impl Default for ProjectState {
    fn default() -> Self {
        Self {
            state: State::NoData,
            center: State::NoData,
            domestic: State::NoData,
            contracts: 0,
            breached: 0,
            at_risk: 0,
        }
    }
}

pub fn project_states(contracts: &[Assessed]) -> HashMap<String, ProjectState> {
    let mut out: HashMap<String, ProjectState> = HashMap::new();
    for a in contracts {
        let p = out.entry(a.line.project_id.clone()).or_default();
        p.state = worst([p.state, a.state()]);
        p.center = worst([p.center, a.c.center.state]);
        p.domestic = worst([p.domestic, a.c.domestic.state]);
        p.contracts += 1;
        p.breached += i64::from(a.state() == State::Breached);
        p.at_risk += i64::from(a.state() == State::AtRisk);
    }
    out
}

/// Where a project stands on its planned period (the commission's "behind schedule" list).
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

/// Approved projects more than 20 points of plan behind where their planned period says,
/// most behind first. Today's hires come from the projects' counters.
pub fn lagging_projects(
    conn: &mut DbConnection,
    region: &str,
    on: NaiveDate,
    today: NaiveDate,
) -> QueryResult<Vec<ProjectProgress>> {
    // Today's hires are the projects' own counters; an earlier day counts the jobs by then.
    // `$1` (the day) comes first and may repeat: SQLite numbers named parameters in order of
    // first appearance.
    let created = if on >= today {
        "CAST(p.jobs_created AS BIGINT)"
    } else {
        "CAST((SELECT COUNT(*) FROM jobs jb JOIN contracts c ON c.id = jb.contract_id \
           WHERE c.project_id = p.id AND jb.hire_date <= $1) AS BIGINT)"
    };
    let rows: Vec<ProjectProgress> = diesel::sql_query(format!(
        "SELECT p.id, p.code, p.title, p.region_code, p.planned_start, p.planned_end, \
           CAST(p.planned_jobs AS BIGINT) AS planned_jobs, {created} AS jobs_created \
         FROM projects p \
         WHERE p.planned_start <= $1 \
           AND p.status IN ('approved', 'tendering', 'contracted', 'in_progress') \
           AND ($2 = '' OR p.region_code = $3)"
    ))
    .bind::<Date, _>(on)
    .bind::<Text, _>(region)
    .bind::<Text, _>(region)
    .load(conn)?;
    let mut lagging: Vec<ProjectProgress> =
        rows.into_iter().filter(|p| p.lag_bp(on) > 2_000).collect();
    lagging.sort_by_key(|p| (-p.lag_bp(on), p.code.clone()));
    Ok(lagging)
}

#[derive(Debug, Clone, QueryableByName)]
pub struct RegionPlanned {
    #[diesel(sql_type = Text)]
    pub region_code: String,
    #[diesel(sql_type = BigInt)]
    pub planned: i64,
}

/// A region's monthly plans to date against its jobs created.
#[derive(Debug, Clone)]
pub struct RegionPlan {
    pub region_code: String,
    pub planned: i64,
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

/// Regions whose jobs created (from the figures) fall short of their monthly plans to date.
pub fn regions_behind(
    conn: &mut DbConnection,
    on: NaiveDate,
    created: &HashMap<String, i64>,
) -> QueryResult<Vec<RegionPlan>> {
    let planned: Vec<RegionPlanned> = diesel::sql_query(
        "SELECT region_code, CAST(COALESCE(SUM(planned_jobs), 0) AS BIGINT) AS planned \
         FROM monthly_plans WHERE month <= $1 GROUP BY region_code",
    )
    .bind::<Date, _>(on)
    .load(conn)?;
    let mut rows: Vec<RegionPlan> = planned
        .into_iter()
        .map(|p| RegionPlan {
            created: created.get(&p.region_code).copied().unwrap_or(0),
            region_code: p.region_code,
            planned: p.planned,
        })
        .filter(|r| r.shortfall() > 0)
        .collect();
    rows.sort_by_key(|r| (r.plan_bp(), -r.shortfall()));
    Ok(rows)
}
