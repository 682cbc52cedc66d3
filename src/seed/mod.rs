//! Generated data: `jobmap demo` (the 2020 story, from the reported regional figures) and
//! `jobmap seed` (a deterministic dataset of national size). Every record passes the same
//! checks as typed input before it is written in bulk, in one transaction; the loaded data is
//! then checked against the invariants the live code paths keep (`invariants`), and anything
//! amiss rolls the whole load back.

pub mod demo;
mod generate;
mod hires;
mod history;
pub mod invariants;
pub mod national;
mod people;
mod registers;
mod rows;
mod split;
mod users;

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::db::audit::{self, Actor, Event};
use crate::db::schema::parameters;
use crate::db::{DbConnection, tallies, write_transaction};
use crate::domain::hire::{HireRules, YouthAges};

/// What one region must add up to.
#[derive(Debug, Clone, Default)]
pub struct RegionTarget {
    pub code: String,
    pub projects: i64,
    /// In progress or completed.
    pub started: i64,
    pub completed: i64,
    pub contracts: i64,
    pub budget_tenge: i64,
    pub planned_jobs: i64,
    pub planned_permanent: i64,
    pub jobs: i64,
    pub center_hires: i64,
    pub lifting: i64,
    /// Projects per direction (social-cultural, housing, engineering-transport,
    /// improvement), where the source gives them.
    pub directions: Option<[i64; 4]>,
    /// The BIN of the region's demo contractor, who holds its first contract.
    pub contractor_bin: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Spec {
    pub label: &'static str,
    pub seed: u64,
    /// Used in project codes and decision numbers.
    pub year: i32,
    pub regions: Vec<RegionTarget>,
    /// Commission decisions fall within `approval_days` from this day.
    pub approved_from: NaiveDate,
    pub approval_days: i64,
    /// Hires fall between these days (inclusive); nothing is dated after `work_to`.
    pub work_from: NaiveDate,
    pub work_to: NaiveDate,
    /// First days of the months that get a monthly plan.
    pub plan_months: Vec<NaiveDate>,
}

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error(
        "the database already holds programme data ({0}); run again with --replace to erase \
         projects, contracts, hires and plans first (users and the audit trail are kept)"
    )]
    NotEmpty(String),
    #[error("the targets cannot be met: {0}")]
    Infeasible(String),
    #[error("a generated record broke a rule: {0}")]
    Rule(String),
    #[error("the loaded data breaks invariants, nothing was kept: {0:?}")]
    Invariants(Vec<String>),
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub projects: usize,
    pub status_changes: usize,
    pub contracts: usize,
    pub procurement_lines: usize,
    pub jobs: usize,
    pub lifting_payments: usize,
    pub monthly_plans: usize,
    /// Hires checked against the generated registers.
    pub hires_checked: usize,
    /// (login, what they may see, password when one was generated)
    pub users: Vec<users::DemoUser>,
}

pub use users::DemoUser;

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Erase existing programme data first.
    pub replace: bool,
    /// One password for every demo account instead of a generated one each.
    pub password: Option<String>,
    /// The programme's clock: no generated contract is signed after its today.
    pub clock: crate::clock::Clock,
}

const PROGRAMME_TABLES: [&str; 20] = [
    "contract_verified_tallies",
    "region_verified_tallies",
    "hire_verifications",
    "line_verifications",
    "register_referrals",
    "register_employment_contracts",
    "register_contributions",
    "register_certificates",
    "register_batches",
    "lifting_payments",
    "jobs",
    "workers",
    "procurement_lines",
    "contracts",
    "project_status_changes",
    "monthly_plans",
    "region_rank_history",
    "region_day_figures",
    "region_month_figures",
    "projects",
];

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

fn existing_data(conn: &mut DbConnection) -> QueryResult<Option<String>> {
    let mut found = Vec::new();
    for table in ["projects", "workers", "monthly_plans"] {
        let c: Count =
            diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {table}")).get_result(conn)?;
        if c.n > 0 {
            found.push(format!("{} {table}", c.n));
        }
    }
    Ok((!found.is_empty()).then(|| found.join(", ")))
}

fn mzp(conn: &mut DbConnection) -> QueryResult<BTreeMap<NaiveDate, i64>> {
    Ok(parameters::table
        .filter(parameters::code.eq("MZP"))
        .select((parameters::valid_from, parameters::value))
        .load::<(NaiveDate, i64)>(conn)?
        .into_iter()
        .collect())
}

/// Generates `spec` and loads it, all or nothing.
pub fn load(conn: &mut DbConnection, spec: &Spec, opts: &Options) -> Result<Summary, SeedError> {
    let hashed = users::hash_passwords(spec, opts)?;
    // SQLite: the load reads back what it wrote (the checks against the registers); a page
    // cache that holds it spares rereading the write-ahead log. Put back afterwards.
    let sqlite = matches!(conn, DbConnection::Sqlite(_));
    if sqlite {
        conn.batch_execute("PRAGMA cache_size = -262144")?;
    }
    let loaded = load_all(conn, spec, opts, hashed);
    if sqlite {
        conn.batch_execute("PRAGMA cache_size = -2000")?;
    }
    loaded
}

fn load_all(
    conn: &mut DbConnection,
    spec: &Spec,
    opts: &Options,
    hashed: Vec<users::Planned>,
) -> Result<Summary, SeedError> {
    write_transaction(conn, |conn| {
        if let Some(found) = existing_data(conn)? {
            if !opts.replace {
                return Err(SeedError::NotEmpty(found));
            }
            let erase: Vec<String> = PROGRAMME_TABLES
                .iter()
                .map(|t| format!("DELETE FROM {t};"))
                .collect();
            conn.batch_execute(&erase.join(" "))?;
        }
        let (accounts, authors) = users::ensure(conn, hashed)?;
        let mut ctx = generate::Context {
            author: String::new(),
            today: opts.clock.today(),
            rules: HireRules {
                youth: crate::db::jobs::youth_ages(conn, spec.work_from)
                    .unwrap_or(YouthAges { min: 15, max: 28 }),
                minimum_wage: mzp(conn)?,
            },
            iins: HashSet::new(),
        };
        let mut summary = Summary {
            users: accounts,
            ..Default::default()
        };
        let mut registers = registers::Registers::start(conn, spec, ctx.today)?;
        let mut register_time = std::time::Duration::ZERO;
        for t in &spec.regions {
            ctx.author = authors.get(&t.code).cloned().unwrap_or_default();
            let region_seed = spec.seed
                ^ t.code
                    .parse::<u64>()
                    .unwrap_or(0)
                    .wrapping_mul(0x9E37_79B9_7F4A_7C15);
            let mut rng = ChaCha8Rng::seed_from_u64(region_seed);
            let mut batch = generate::region(spec, t, &mut ctx, &mut rng)?;
            registers.plant(&mut batch);
            summary.projects += batch.projects.len();
            summary.status_changes += batch.statuses.len();
            summary.contracts += batch.contracts.len();
            summary.procurement_lines += batch.lines.len();
            summary.jobs += batch.jobs.len();
            summary.lifting_payments += batch.lifting.len();
            summary.monthly_plans += batch.plans.len();
            batch.insert(conn)?;
            let started = std::time::Instant::now();
            registers.add(conn, &t.code, &batch)?;
            register_time += started.elapsed();
        }
        registers.finish(conn)?;
        tracing::info!(
            ms = register_time.as_millis() as u64,
            "generated registers written"
        );
        crate::db::projects::recount(conn)?;
        tallies::rebuild(conn)?;
        // Planned as a national database, not as the empty one it was a minute ago.
        crate::db::bulk_write::refresh_statistics(conn, None)?;
        let started = std::time::Instant::now();
        let checked = crate::usecase::verification::check_all(conn, ctx.today)?;
        tracing::info!(
            hires = checked.hires,
            lines = checked.lines,
            ms = started.elapsed().as_millis() as u64,
            "generated data checked against the generated registers"
        );
        summary.hires_checked = checked.hires;
        let broken = invariants::check(conn)?;
        if !broken.is_empty() {
            return Err(SeedError::Invariants(broken));
        }
        audit::record(
            conn,
            Event {
                actor: &Actor::Cli,
                action: "data.generate",
                entity: "dataset",
                entity_id: spec.label,
                before: None,
                after: Some(serde_json::json!({
                    "seed": spec.seed,
                    "projects": summary.projects,
                    "contracts": summary.contracts,
                    "jobs": summary.jobs,
                    "replaced": opts.replace,
                })),
                ip: None,
            },
        )?;
        Ok(summary)
    })
}
