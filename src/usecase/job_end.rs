//! Recording the end of a job (rule 5: not before the hire, not in the future), on the job as
//! it stands inside the transaction and under optimistic locking, with an audit event.

use chrono::NaiveDate;
use diesel::result::Error as DieselError;

use super::jobs_in_scope::{JobAccess, job_for_recording};
use crate::db::audit::{self, Event};
use crate::db::jobs::{self, JobRow};
use crate::db::{DbConnection, write_transaction};
use crate::domain::message::{FieldProblem, Message};
use crate::policy::Who;

#[derive(Debug, thiserror::Error)]
pub enum EndError {
    #[error(transparent)]
    Access(#[from] JobAccess),
    #[error("invalid")]
    Invalid(FieldProblem),
    /// Someone changed the job since `version`; nothing was written.
    #[error("stale")]
    Stale,
    #[error(transparent)]
    Db(#[from] DieselError),
}

/// Ends the job on `end_date` if it is still at `version`.
pub fn end(
    conn: &mut DbConnection,
    who: &Who,
    job_id: &str,
    version: i32,
    end_date: NaiveDate,
    today: NaiveDate,
) -> Result<JobRow, EndError> {
    write_transaction(conn, |conn| {
        let (before, _) = job_for_recording(conn, who, job_id)?;
        if before.version != version {
            return Err(EndError::Stale);
        }
        let problem = |key| {
            Err(EndError::Invalid(FieldProblem::new(
                "end_date",
                Message::new(key),
            )))
        };
        if before.end_date.is_some() {
            return problem("job-already-ended");
        }
        if end_date < before.hire_date {
            return problem("job-end-before-hire");
        }
        if end_date > today {
            return problem("date-in-future");
        }
        let after = JobRow {
            end_date: Some(end_date),
            ..before.clone()
        };
        if jobs::save(conn, &after, version)? == 0 {
            return Err(EndError::Stale);
        }
        let after = jobs::get(conn, job_id)?;
        // The months worked changed: so may its contributions check (issue 15).
        super::verification::after_hires(conn, std::slice::from_ref(&after.id), today)?;
        audit::record(
            conn,
            Event {
                actor: &who.actor,
                action: "job.end",
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
