//! Generates one region's projects, contracts, hires, lifting payments and monthly plans to
//! meet its targets exactly. Every record is built from form fields and passed through the
//! same checks as typed input (`domain::project::check`, `contract::check`, `hire::check`,
//! `ledger::check_line`, `plan::check_month`), and the hires of each contract are ordered so
//! that rule 2 holds after every one of them (`hire::check_channel_balance`).

use std::collections::{BTreeMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use rand::Rng;
use rand::seq::SliceRandom;

use super::rows::*;
use super::split::{apportion, weights};
use super::{RegionTarget, SeedError, Spec};
use super::{hires, history, people};
use crate::db::projects::Entered;
use crate::domain::contract::{self, ContractFields};
use crate::domain::geo;
use crate::domain::hire::HireRules;
use crate::domain::ledger::{self, LineFields};
use crate::domain::project::{self, ProjectFields, min_center_hires};
use crate::domain::workflow::ProjectStatus as S;

const DIRECTIONS: [&str; 4] = [
    "social_cultural",
    "housing_communal",
    "engineering_transport",
    "settlement_improvement",
];
const WORK_TYPES: [&str; 5] = [
    "capital_repair",
    "medium_repair",
    "current_repair",
    "reconstruction",
    "construction",
];
const FUNDING: [&str; 4] = [
    "republican_budget",
    "local_bonds",
    "targeted_transfers",
    "local_budget",
];

/// What the whole run shares: who records, the dated parameters, and the IINs used so far.
pub struct Context {
    pub author: String,
    pub today: NaiveDate,
    /// The youth ages and the MZP by the date it takes effect, as the forms check hires.
    pub rules: HireRules,
    pub iins: HashSet<String>,
}

impl Context {
    pub(super) fn mzp_on(&self, day: NaiveDate) -> i64 {
        self.rules.minimum_wage_on(day).unwrap_or(42_500)
    }
}

pub fn new_id(rng: &mut impl Rng) -> String {
    uuid::Builder::from_random_bytes(rng.random())
        .into_uuid()
        .to_string()
}

pub(super) fn at(day: NaiveDate, rng: &mut impl Rng) -> NaiveDateTime {
    day.and_hms_opt(rng.random_range(3..12), rng.random_range(0..60), 0)
        .unwrap_or_default()
}

pub(super) fn days(n: i64) -> TimeDelta {
    TimeDelta::days(n)
}

pub(super) fn random_day(rng: &mut impl Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let span = (to - from).num_days().max(0);
    from + days(rng.random_range(0..=span))
}

pub(super) fn problems<T, P: std::fmt::Debug>(what: &str, r: Result<T, P>) -> Result<T, SeedError> {
    r.map_err(|p| SeedError::Rule(format!("{what}: {p:?}")))
}

pub(super) struct Project {
    pub id: String,
    pub status: S,
    pub planned: i64,
    pub approved_on: NaiveDate,
    pub contracts: Vec<usize>,
}

pub(super) struct Contract {
    pub id: String,
    pub project: usize,
    pub signed_on: NaiveDate,
}

/// Everything for one region, checked, ready to insert.
pub fn region(
    spec: &Spec,
    t: &RegionTarget,
    ctx: &mut Context,
    rng: &mut impl Rng,
) -> Result<Batch, SeedError> {
    let mut batch = Batch::default();
    let mut projects = make_projects(spec, t, ctx, rng, &mut batch)?;
    let contracts = make_contracts(spec, t, ctx, rng, &mut projects, &mut batch)?;
    let worked = hires::make(spec, t, ctx, rng, &projects, &contracts, &mut batch)?;
    history::record(spec, ctx, rng, &projects, &contracts, &worked, &mut batch);
    history::plans(spec, t, ctx, &mut batch)?;
    Ok(batch)
}

fn point_in(region: &str, rng: &mut impl Rng) -> Option<(f64, f64)> {
    let (a, b, c, d) = geo::region_bounds(region)?;
    (0..500)
        .map(|_| (rng.random_range(a..c), rng.random_range(b..d)))
        .find(|(lat, lon)| geo::in_region(region, *lat, *lon))
}

fn make_projects(
    spec: &Spec,
    t: &RegionTarget,
    ctx: &Context,
    rng: &mut impl Rng,
    batch: &mut Batch,
) -> Result<Vec<Project>, SeedError> {
    let n = usize::try_from(t.projects).unwrap_or(0);
    let unbounded = vec![i64::MAX; n];
    let planned = apportion(t.planned_jobs, &weights(rng, n), &vec![2; n], &unbounded)
        .ok_or_else(|| SeedError::Infeasible(format!("{}: planned jobs", t.code)))?;
    let by_plan: Vec<f64> = planned.iter().map(|p| *p as f64).collect();
    let permanent = apportion(t.planned_permanent, &by_plan, &vec![0; n], &planned)
        .ok_or_else(|| SeedError::Infeasible(format!("{}: permanent jobs", t.code)))?;
    let budget = apportion(t.budget_tenge, &by_plan, &vec![1_000_000; n], &unbounded)
        .ok_or_else(|| SeedError::Infeasible(format!("{}: budget", t.code)))?;
    let mut directions: Vec<&str> = match t.directions {
        Some(counts) => DIRECTIONS
            .iter()
            .zip(counts)
            .flat_map(|(d, c)| std::iter::repeat_n(*d, usize::try_from(c).unwrap_or(0)))
            .collect(),
        None => Vec::new(),
    };
    while directions.len() < n {
        directions.push(DIRECTIONS[rng.random_range(0..4)]);
    }
    directions.shuffle(rng);
    // Which projects have started, finished, or are still before their first hire.
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(rng);
    let mut status = vec![S::Approved; n];
    for (rank, &i) in order.iter().enumerate() {
        let rank = rank as i64;
        let waiting = rank - t.started;
        status[i] = if rank < t.completed {
            S::Completed
        } else if rank < t.started {
            S::InProgress
        } else if waiting % 4 < 2 {
            S::Contracted
        } else if waiting % 4 == 2 {
            S::Tendering
        } else {
            S::Approved
        };
    }
    let town = people::center_of(&t.code);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let work_type = WORK_TYPES[rng.random_range(0..WORK_TYPES.len())];
        let title = format!(
            "{} {} №{} ({town})",
            people::work_title(work_type),
            people::facility(directions[i], rng),
            rng.random_range(1..60)
        );
        let approved_on = random_day(
            rng,
            spec.approved_from,
            spec.approved_from + days(spec.approval_days),
        );
        let start = approved_on + days(rng.random_range(15..40));
        let location = point_in(&t.code, rng);
        let fields = ProjectFields {
            code: format!("{}-{}-{:04}", t.code, spec.year, i + 1),
            title,
            district: String::new(),
            settlement: town.into(),
            latitude: location.map(|l| format!("{:.5}", l.0)).unwrap_or_default(),
            longitude: location.map(|l| format!("{:.5}", l.1)).unwrap_or_default(),
            direction: directions[i].into(),
            work_type: work_type.into(),
            funding_source: FUNDING[rng.random_range(0..FUNDING.len())].into(),
            budget_tenge: budget[i].to_string(),
            planned_jobs: planned[i].to_string(),
            planned_center_hires: min_center_hires(planned[i]).to_string(),
            planned_permanent_jobs: permanent[i].to_string(),
            planned_start: start.to_string(),
            planned_end: (start + days(rng.random_range(150..300))).to_string(),
        };
        let input = problems("project", project::check(&fields))?;
        let id = new_id(rng);
        let created = at(approved_on - days(20), rng);
        batch.projects.push(ProjectRow {
            entered: Entered::from(&input),
            id: id.clone(),
            region_code: t.code.clone(),
            status: status[i].code(),
            decision_number: Some(format!("МВК-{}-{}", spec.year, i + 1)),
            decision_date: Some(approved_on),
            approved_limit_tenge: Some(budget[i]),
            created_by: ctx.author.clone(),
            created_at: created,
            updated_at: created,
            version: 1,
        });
        out.push(Project {
            id,
            status: status[i],
            planned: planned[i],
            approved_on,
            contracts: Vec::new(),
        });
    }
    Ok(out)
}

fn make_contracts(
    spec: &Spec,
    t: &RegionTarget,
    ctx: &Context,
    rng: &mut impl Rng,
    projects: &mut [Project],
    batch: &mut Batch,
) -> Result<Vec<Contract>, SeedError> {
    let started = |s: S| matches!(s, S::InProgress | S::Completed);
    let holders: Vec<usize> = (0..projects.len())
        .filter(|&i| started(projects[i].status) || projects[i].status == S::Contracted)
        .collect();
    let mut per_project: BTreeMap<usize, i64> = holders.iter().map(|&i| (i, 1)).collect();
    let runners: Vec<usize> = holders
        .iter()
        .copied()
        .filter(|&i| started(projects[i].status))
        .collect();
    for _ in 0..(t.contracts - holders.len() as i64).max(0) {
        if runners.is_empty() {
            break;
        }
        let i = runners[rng.random_range(0..runners.len())];
        *per_project.entry(i).or_default() += 1;
    }
    let code: u32 = t.code.parse().unwrap_or(0);
    let companies: Vec<(String, String)> = (0..(t.contracts / 3).max(1))
        .filter_map(|k| {
            let k = u32::try_from(k).unwrap_or(0);
            // A few serials in a row: one of them admits a check digit.
            (0..20).find_map(|s| {
                people::bin(
                    2005 + (k % 15) as i32,
                    1 + code % 12,
                    code * 10_000 + k * 20 + s,
                )
            })
        })
        .enumerate()
        .map(|(k, bin)| (bin, people::company(rng, k + 1)))
        .collect();
    if companies.is_empty() {
        return Err(SeedError::Infeasible(format!(
            "{}: no contractor BIN",
            t.code
        )));
    }
    let mut out = Vec::new();
    for (&p, &k) in &per_project {
        let budget = batch.projects[p].approved_limit_tenge.unwrap_or(1_000_000);
        for n in 0..k {
            let (bin, name) = match t.contractor_bin.as_ref().filter(|_| out.is_empty()) {
                Some(bin) => (bin.clone(), people::company(rng, 0)),
                None => companies[rng.random_range(0..companies.len())].clone(),
            };
            let signed_on = projects[p].approved_on + days(10 + 12 * n + rng.random_range(0..10));
            let signed_on = signed_on.min(spec.work_to - days(7));
            let amount = (budget / k).max(1_000);
            let works = amount * 3 / 4;
            let goods = amount / 5;
            let services = amount - works - goods;
            let foreign = rng.random_range(0..=amount / 10).min(goods);
            let fields = ContractFields {
                contractor_bin: bin,
                contractor_name: name,
                number: format!("{}/{}-{}", spec.year, p + 1, n + 1),
                signed_on: signed_on.to_string(),
                amount_tenge: amount.to_string(),
                goods_tenge: goods.to_string(),
                goods_domestic_tenge: (goods - foreign).to_string(),
                works_tenge: works.to_string(),
                works_domestic_tenge: works.to_string(),
                services_tenge: services.to_string(),
                services_domestic_tenge: services.to_string(),
            };
            let c = problems("contract", contract::check(&fields, ctx.today))?;
            let id = new_id(rng);
            let created = at(c.signed_on, rng);
            let d = c.declared;
            let ledger = add_lines(rng, ctx, &id, &d, created, batch)?;
            batch.contracts.push(ContractRow {
                id: id.clone(),
                project_id: projects[p].id.clone(),
                contractor_bin: c.contractor_bin,
                contractor_name: c.contractor_name,
                number: c.number,
                signed_on: c.signed_on,
                amount_tenge: c.amount_tenge,
                goods_tenge: d.goods,
                goods_domestic_tenge: d.goods_domestic,
                works_tenge: d.works,
                works_domestic_tenge: d.works_domestic,
                services_tenge: d.services,
                services_domestic_tenge: d.services_domestic,
                created_by: ctx.author.clone(),
                created_at: created,
                updated_at: created,
                center_hires: 0,
                direct_hires: 0,
                ledger_total: ledger.total(),
                ledger_domestic: ledger.domestic(),
            });
            projects[p].contracts.push(out.len());
            out.push(Contract {
                id,
                project: p,
                signed_on: c.signed_on,
            });
        }
    }
    Ok(out)
}

/// The contract's ledger: its works, its domestic goods (with a CT-KZ certificate) and what
/// is bought abroad, within rule 3's 10%.
fn add_lines(
    rng: &mut impl Rng,
    ctx: &Context,
    contract_id: &str,
    d: &contract::Declared,
    created: NaiveDateTime,
    batch: &mut Batch,
) -> Result<ledger::LedgerTotals, SeedError> {
    let parts = [
        ("works", "Строительно-монтажные работы", d.works, true),
        ("goods", "Строительные материалы", d.goods_domestic, true),
        (
            "goods",
            "Импортное оборудование",
            d.goods - d.goods_domestic,
            false,
        ),
    ];
    let mut totals = ledger::LedgerTotals::default();
    for (category, description, amount, domestic) in parts {
        if amount <= 0 {
            continue;
        }
        let certificate = if domestic && category == "goods" {
            format!("KZ 7500{:07} {}", rng.random_range(0..10_000_000), 2020)
        } else {
            String::new()
        };
        let fields = LineFields {
            category: category.into(),
            description: description.into(),
            amount_tenge: amount.to_string(),
            is_domestic: domestic.to_string(),
            // The certified goods' producer, as the CT-KZ register has it.
            producer_bin: if certificate.is_empty() {
                String::new()
            } else {
                super::registers::producer_for(&certificate)
            },
            ct_kz_certificate: certificate,
        };
        let line = problems("procurement line", ledger::check_line(&fields))?;
        problems(
            "rule 3",
            ledger::check_foreign_budget(d.total(), &totals, &line),
        )?;
        totals.add(&line);
        batch.lines.push(LineRow {
            id: new_id(rng),
            contract_id: contract_id.into(),
            category: line.category.code(),
            description: line.description,
            amount_tenge: line.amount_tenge,
            is_domestic: line.is_domestic,
            producer_bin: line.producer_bin,
            ct_kz_certificate: line.ct_kz_certificate,
            created_by: ctx.author.clone(),
            created_at: created,
            updated_at: created,
        });
    }
    Ok(totals)
}
