//! Each project's status history, step by step through the workflow's own transitions, and
//! the region's monthly plans (rule 7 for every month).

use chrono::{Datelike, NaiveDate};
use rand::Rng;

use super::generate::{Context, Contract, Project, at, days, new_id, problems};
use super::hires::Worked;
use super::rows::{Batch, PlanRow, StatusRow};
use super::split::apportion;
use super::{RegionTarget, SeedError, Spec};
use crate::domain::plan;
use crate::domain::project::min_center_hires;
use crate::domain::role::Role;
use crate::domain::workflow::{self, Action, ProjectStatus as S};

/// The steps that bring a new project to `target`, with the day of each and its comment.
fn steps(
    p: &Project,
    target: S,
    contracts: &[Contract],
    worked: Option<&(NaiveDate, NaiveDate)>,
    spec: &Spec,
) -> Vec<(Option<S>, NaiveDate, String)> {
    let mut out = Vec::new();
    let mut now = S::Draft;
    let mut go = |next: Option<S>, day: NaiveDate, comment: String| -> Option<S> {
        let next = next?;
        out.push((Some(next), day, comment));
        Some(next)
    };
    let submitted = p.approved_on - days(10);
    now = go(
        workflow::transition(now, Action::Submit, Role::Akimat, None),
        submitted,
        String::new(),
    )
    .unwrap_or(now);
    now = go(
        workflow::transition(now, Action::Approve, Role::Commission, None),
        p.approved_on,
        String::new(),
    )
    .unwrap_or(now);
    if target == S::Approved {
        return out;
    }
    now = go(
        workflow::transition(now, Action::StartTendering, Role::Akimat, None),
        p.approved_on + days(3),
        String::new(),
    )
    .unwrap_or(now);
    if target == S::Tendering {
        return out;
    }
    if let Some(first) = p.contracts.first().map(|&k| &contracts[k]) {
        now = go(
            workflow::on_contract(now),
            first.signed_on,
            // Like the app's own step: the number is not for every reader of the history.
            String::new(),
        )
        .unwrap_or(now);
    }
    if let Some((first_hire, last_hire)) = worked {
        now = go(workflow::on_first_hire(now), *first_hire, String::new()).unwrap_or(now);
        if target == S::Completed {
            let done = (*last_hire + days(10)).min(spec.work_to);
            go(
                workflow::transition(now, Action::Complete, Role::Akimat, None),
                done,
                String::new(),
            );
        }
    }
    out
}

pub(super) fn record(
    spec: &Spec,
    ctx: &Context,
    rng: &mut impl Rng,
    projects: &[Project],
    contracts: &[Contract],
    worked: &Worked,
    batch: &mut Batch,
) {
    for (i, p) in projects.iter().enumerate() {
        let row = &mut batch.projects[i];
        batch.statuses.push(StatusRow {
            id: new_id(rng),
            project_id: p.id.clone(),
            from_status: None,
            to_status: S::Draft.code(),
            changed_by: ctx.author.clone(),
            changed_at: row.created_at,
            comment: String::new(),
        });
        let mut from = Some(S::Draft);
        for (to, day, comment) in steps(p, p.status, contracts, worked.get(&i), spec) {
            let Some(to) = to else { continue };
            let changed_at = at(day, rng);
            batch.statuses.push(StatusRow {
                id: new_id(rng),
                project_id: p.id.clone(),
                from_status: from.map(S::code),
                to_status: to.code(),
                changed_by: ctx.author.clone(),
                changed_at,
                comment,
            });
            from = Some(to);
            row.status = to.code();
            row.version += 1;
            row.updated_at = changed_at;
        }
    }
}

pub(super) fn plans(
    spec: &Spec,
    t: &RegionTarget,
    ctx: &Context,
    batch: &mut Batch,
) -> Result<(), SeedError> {
    let n = spec.plan_months.len();
    // Building is seasonal: most hiring is planned from April to October.
    let season: Vec<f64> = spec
        .plan_months
        .iter()
        .map(|m| {
            if (4..=10).contains(&m.month()) {
                3.0
            } else {
                1.0
            }
        })
        .collect();
    let jobs = apportion(t.planned_jobs, &season, &vec![0; n], &vec![i64::MAX; n])
        .ok_or_else(|| SeedError::Infeasible(format!("{}: monthly plans", t.code)))?;
    for (month, jobs) in spec.plan_months.iter().zip(jobs) {
        let (planned, center) = problems(
            "monthly plan",
            plan::check_month(
                month.month() as usize,
                &jobs.to_string(),
                &min_center_hires(jobs).to_string(),
            ),
        )?;
        batch.plans.push(PlanRow {
            id: format!("plan-{}-{month}", t.code),
            region_code: t.code.clone(),
            month: *month,
            planned_jobs: planned,
            planned_center_hires: center,
            updated_by: ctx.author.clone(),
            updated_at: month.and_hms_opt(9, 0, 0).unwrap_or_default(),
        });
    }
    Ok(())
}
