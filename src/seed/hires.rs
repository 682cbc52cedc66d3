//! A region's hires: the reported jobs and employment-center hires divided among the
//! contracts of started projects, each hire checked like a typed one, in an order that keeps
//! rule 2 true after every hire; and the lifting payments (rule 6).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rand::Rng;

use super::generate::{Context, Contract, Project, at, days, new_id, problems, random_day};
use super::people;
use super::rows::{Batch, LiftingRow, WorkerRow};
use super::split::{apportion, pair_odd, weights};
use super::{RegionTarget, SeedError, Spec};
use crate::db::jobs::JobRow;
use crate::domain::hire::{self, Channel, HireFields, HireInput, JobKind};
use crate::domain::workflow::ProjectStatus as S;

/// The first and last hire date of each started project (by index).
pub(super) type Worked = BTreeMap<usize, (NaiveDate, NaiveDate)>;

fn infeasible(t: &RegionTarget, what: &str) -> SeedError {
    SeedError::Infeasible(format!("region {}: {what}", t.code))
}

/// Jobs and employment-center hires per contract (by index), meeting the region's totals.
fn divide(
    t: &RegionTarget,
    rng: &mut impl Rng,
    projects: &[Project],
) -> Result<Vec<(usize, i64, i64)>, SeedError> {
    let started: Vec<usize> = (0..projects.len())
        .filter(|&p| matches!(projects[p].status, S::InProgress | S::Completed))
        .collect();
    let n = started.len();
    let by_plan: Vec<f64> = started
        .iter()
        .map(|&p| projects[p].planned as f64 * rng.random_range(0.6..1.4))
        .collect();
    let per_project = apportion(t.jobs, &by_plan, &vec![1; n], &vec![i64::MAX; n])
        .ok_or_else(|| infeasible(t, "fewer jobs than started projects"))?;
    let (mut contracts, mut totals, mut mins) = (Vec::new(), Vec::new(), Vec::new());
    for (&p, &jobs) in started.iter().zip(&per_project) {
        let cs = &projects[p].contracts;
        let min: Vec<i64> = (0..cs.len()).map(|i| i64::from(i == 0)).collect();
        let parts = apportion(
            jobs,
            &weights(rng, cs.len()),
            &min,
            &vec![i64::MAX; cs.len()],
        )
        .ok_or_else(|| infeasible(t, "a started project without a contract"))?;
        contracts.extend(cs.iter().copied());
        totals.extend(parts);
        mins.extend(min);
    }
    // Rule 2 needs ⌈n/2⌉ employment-center hires on a contract of n: few odd contracts.
    pair_odd(&mut totals, &mins);
    let base: Vec<i64> = totals.iter().map(|n| (n + 1) / 2).collect();
    let extra = t.center_hires - base.iter().sum::<i64>();
    if extra < 0 {
        return Err(infeasible(
            t,
            &format!(
                "{} employment-center hires are too few for {} jobs on {} contracts under rule 2",
                t.center_hires,
                t.jobs,
                totals.len()
            ),
        ));
    }
    let room: Vec<i64> = totals.iter().zip(&base).map(|(n, b)| n - b).collect();
    let by_size: Vec<f64> = totals.iter().map(|n| *n as f64).collect();
    let more = apportion(extra, &by_size, &vec![0; totals.len()], &room)
        .ok_or_else(|| infeasible(t, "more employment-center hires than jobs"))?;
    Ok(contracts
        .into_iter()
        .zip(totals)
        .zip(base.iter().zip(more).map(|(b, m)| b + m))
        .map(|((c, n), center)| (c, n, center))
        .collect())
}

/// Channels in hiring order: a direct hire whenever rule 2 allows one and a coin says so.
fn channels(rng: &mut impl Rng, total: i64, center: i64) -> Result<Vec<Channel>, SeedError> {
    let (mut c, mut d) = (0i32, 0i32);
    let direct = total - center;
    let mut out = Vec::with_capacity(usize::try_from(total).unwrap_or(0));
    for _ in 0..total {
        let want_direct = i64::from(d) < direct
            && (i64::from(c) >= center || rng.random_bool(0.5))
            && hire::check_channel_balance(c, d, Channel::Direct).is_ok();
        let channel = if want_direct {
            Channel::Direct
        } else {
            Channel::EmploymentCenter
        };
        problems("rule 2", hire::check_channel_balance(c, d, channel))?;
        match channel {
            Channel::Direct => d += 1,
            Channel::EmploymentCenter => c += 1,
        }
        out.push(channel);
    }
    Ok(out)
}

fn new_iin(ctx: &mut Context, rng: &mut impl Rng, hired: NaiveDate, male: bool) -> String {
    loop {
        let age = rng.random_range(18..=58);
        let birth = NaiveDate::from_ymd_opt(hired.year() - age, 1, 1).unwrap_or(hired)
            + days(rng.random_range(0..365));
        if let Some(iin) = people::iin(birth, male, rng.random_range(0..10_000))
            && ctx.iins.insert(iin.clone())
        {
            return iin;
        }
    }
}

pub(super) fn make(
    spec: &Spec,
    t: &RegionTarget,
    ctx: &mut Context,
    rng: &mut impl Rng,
    projects: &[Project],
    contracts: &[Contract],
    batch: &mut Batch,
) -> Result<Worked, SeedError> {
    let mut worked = Worked::new();
    let town = people::center_of(&t.code);
    let permanent_share = t.planned_permanent as f64 / t.planned_jobs.max(1) as f64;
    // Selection sampling: exactly `t.lifting` of the employment-center hires get a payment.
    let (mut lifts_left, mut centers_left) = (t.lifting, t.center_hires);
    let mut referral = 0;
    for (k, total, center) in divide(t, rng, projects)? {
        let c = &contracts[k];
        let first = (c.signed_on + days(1)).max(spec.work_from);
        let mut dates: Vec<NaiveDate> = (0..total)
            .map(|_| random_day(rng, first, spec.work_to))
            .collect();
        dates.sort();
        let (mut n_center, mut n_direct) = (0, 0);
        for (channel, hired) in channels(rng, total, center)?.into_iter().zip(dates) {
            let male = rng.random_bool(0.7);
            let center_hire = channel == Channel::EmploymentCenter;
            let lifted = center_hire && rng.random_range(0..centers_left.max(1)) < lifts_left;
            if center_hire {
                centers_left -= 1;
                lifts_left -= i64::from(lifted);
                referral += 1;
            }
            let mzp = ctx.mzp_on(hired);
            let fields = HireFields {
                iin: new_iin(ctx, rng, hired, male),
                full_name: people::full_name(rng, male),
                home_settlement: if lifted {
                    "село Жанаталап".into()
                } else {
                    town.into()
                },
                position: people::position(rng).into(),
                hire_date: hired.to_string(),
                kind: if rng.random_bool(permanent_share) {
                    JobKind::Permanent.code().into()
                } else {
                    JobKind::Temporary.code().into()
                },
                channel: channel.code().into(),
                referral_number: if center_hire {
                    format!("ЦЗ-{}/{referral}", t.code)
                } else {
                    String::new()
                },
                referral_date: if center_hire {
                    (hired - days(rng.random_range(0..4))).to_string()
                } else {
                    String::new()
                },
                arrived_from_other_settlement: lifted.to_string(),
                monthly_wage_tenge: (mzp * rng.random_range(15..40) / 10 / 1000 * 1000).to_string(),
                end_date: String::new(),
            };
            let h = problems(
                "hire",
                hire::check(&fields, c.signed_on, ctx.today, &ctx.rules),
            )?;
            problems(
                "rule 2",
                hire::check_channel_balance(n_center, n_direct, h.channel),
            )?;
            match h.channel {
                Channel::EmploymentCenter => n_center += 1,
                Channel::Direct => n_direct += 1,
            }
            let job_id = push_hire(ctx, rng, spec, &c.id, &h, batch);
            if hire::lifting_eligible(h.channel, h.arrived_from_other_settlement) {
                let paid_on = (h.hire_date + days(rng.random_range(3..15))).min(spec.work_to);
                batch.lifting.push(LiftingRow {
                    id: new_id(rng),
                    job_id,
                    amount_tenge: hire::lifting_amount(mzp),
                    paid_on,
                    recorded_by: ctx.author.clone(),
                    created_at: at(paid_on, rng),
                });
            }
            let span = worked.entry(c.project).or_insert((hired, hired));
            *span = (span.0.min(hired), span.1.max(hired));
        }
        // `contracts[k]` was generated together with `batch.contracts[k]`.
        if let Some(row) = batch.contracts.get_mut(k) {
            row.center_hires = n_center;
            row.direct_hires = n_direct;
        }
    }
    Ok(worked)
}

/// The worker and the job rows of a checked hire; returns the job's id.
fn push_hire(
    ctx: &Context,
    rng: &mut impl Rng,
    spec: &Spec,
    contract_id: &str,
    h: &HireInput,
    batch: &mut Batch,
) -> String {
    let created = at(h.hire_date, rng);
    let worker_id = new_id(rng);
    batch.workers.push(WorkerRow {
        id: worker_id.clone(),
        iin: h.iin.as_str().into(),
        birth_date: h.iin.birth_date(),
        sex: h.sex_code(),
        created_at: created,
        updated_at: created,
    });
    // Some temporary jobs have already ended (rule 5: not before the hire, not after today).
    let left = (spec.work_to - h.hire_date).num_days();
    let end_date = (h.kind == JobKind::Temporary && left > 30 && rng.random_bool(0.25))
        .then(|| h.hire_date + days(rng.random_range(30..=left.min(200))));
    let id = new_id(rng);
    let created_by = ctx.author.clone();
    batch.jobs.push(JobRow {
        end_date,
        ..JobRow::hired(id.clone(), contract_id, worker_id, h, &created_by, created)
    });
    id
}
