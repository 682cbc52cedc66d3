//! Correcting a hire: the corrected hire goes through the same checks as a new one
//! (`domain::hire::check`: lengths, dates, referral, wage cap and minimum wage), and, under
//! the contract's lock on freshly read rows, through rules 2, 4 and 6 as they apply to a
//! change (`domain::hire::check_correction`, and the overlap of the worker's other jobs when
//! the hire date moves). The worker (IIN) and the contract do not change; the name and
//! settlement recorded on this hire may, and the audit event keeps both versions.

use chrono::NaiveDate;
use diesel::result::Error as DieselError;

use super::jobs_in_scope::{JobAccess, job_for_recording};
use crate::db::audit::{self, Event};
use crate::db::jobs::{self, JobRow};
use crate::db::tallies::Tally;
use crate::db::{DbConnection, contracts, lifting, write_transaction};
use crate::domain::hire::{self, Channel, HireFields, Recorded};
use crate::domain::message::{FieldProblem, Message};
use crate::policy::{self, Place, Who};

#[derive(Debug, thiserror::Error)]
pub enum CorrectionError {
    #[error(transparent)]
    Access(#[from] JobAccess),
    /// Nothing was written: each field's problem.
    #[error("invalid")]
    Invalid(Vec<FieldProblem>),
    /// Someone changed the job since `version`; nothing was written.
    #[error("stale")]
    Stale,
    #[error(transparent)]
    Db(#[from] DieselError),
}

/// Saves `fields` over the job if it is still at `version` and every rule holds after it.
pub fn correct(
    conn: &mut DbConnection,
    who: &Who,
    job_id: &str,
    version: i32,
    fields: &HireFields,
    today: NaiveDate,
) -> Result<JobRow, CorrectionError> {
    write_transaction(conn, |conn| {
        let (before, c) = job_for_recording(conn, who, job_id)?;
        if before.version != version {
            return Err(CorrectionError::Stale);
        }
        let worker = jobs::worker(conn, &before.worker_id)?;
        let counted = contracts::get(conn, &before.contract_id)?;
        let rules = jobs::hire_rules(conn, today)?;
        let fields = HireFields {
            iin: worker.iin.clone(),
            ..fields.clone()
        };
        let input = hire::check(&fields, counted.signed_on, today, &rules)
            .map_err(CorrectionError::Invalid)?;
        let recorded = Recorded {
            channel: before.channel(),
            arrived_from_other_settlement: before.arrived_from_other_settlement,
            hire_date: before.hire_date,
            end_date: before.end_date,
            lifting_paid: lifting::paid(conn, job_id)?.is_some(),
        };
        let mut problems = hire::check_correction(
            &recorded,
            &input,
            counted.center_hires,
            counted.direct_hires,
        );
        if input.hire_date != before.hire_date {
            let span = (input.hire_date, before.end_date);
            let others = jobs::recorded_jobs(conn, std::slice::from_ref(&before.worker_id))?;
            let overlapping = others
                .iter()
                .filter(|j| j.job_id != before.id)
                .find(|j| hire::overlaps(span, (j.hire_date, j.end_date)));
            if let Some(j) = overlapping {
                let place = Place {
                    contractor_bin: &j.contractor_bin,
                    region: &j.region,
                };
                let message = if policy::sees_contract(&who.scope, place) {
                    Message::new("hire-active-elsewhere").text("code", j.project_code.clone())
                } else {
                    Message::new("hire-active-out-of-scope")
                };
                problems.push(FieldProblem::new("hire_date", message));
            }
        }
        if !problems.is_empty() {
            return Err(CorrectionError::Invalid(problems));
        }
        let after = JobRow {
            worker_name: input.full_name.clone(),
            worker_settlement: input.home_settlement.clone(),
            position: input.position.clone(),
            hire_date: input.hire_date,
            kind: input.kind.code().to_owned(),
            channel: input.channel.code().to_owned(),
            referral_number: input.referral.as_ref().map(|r| r.0.clone()),
            referral_date: input.referral.as_ref().map(|r| r.1),
            arrived_from_other_settlement: input.arrived_from_other_settlement,
            monthly_wage_tenge: input.monthly_wage_tenge,
            is_youth: input.is_youth,
            ..before.clone()
        };
        if jobs::save(conn, &after, version)? == 0 {
            return Err(CorrectionError::Stale);
        }
        if after.channel != before.channel {
            let to_center = i32::from(input.channel == Channel::EmploymentCenter);
            let (center, direct) = (2 * to_center - 1, 1 - 2 * to_center);
            jobs::count_hires(conn, &c.contract.id, &counted.project_id, center, direct)?;
        }
        let (old, new) = (jobs::figures_of(&before), jobs::figures_of(&after));
        if old != new || before.hire_date != after.hire_date {
            let mut tally = Tally::default();
            tally.remove(&c.project_region, before.hire_date, &old);
            tally.add(&c.project_region, after.hire_date, &new);
            tally.flush(conn)?;
        }
        let after = jobs::get(conn, job_id)?;
        // Checked again, with the hires that quoted its old referral number (issue 15).
        super::verification::after_hires(conn, std::slice::from_ref(&after.id), today)?;
        let old_number: Vec<String> = before.referral_number.iter().cloned().collect();
        super::verification::recheck_numbers(conn, &old_number, today)?;
        audit::record(
            conn,
            Event {
                actor: &who.actor,
                action: "job.correct",
                entity: "job",
                entity_id: job_id,
                before: Some(before.audit_view()),
                after: Some(after.audit_view()),
                ip: None,
            },
        )?;
        Ok(after)
    })
}
