//! Recording a lifting payment (rule 6): 2 × MZP in force on the hire date, once per job
//! hired through an employment center whose worker arrived from another settlement. The
//! job is read inside the transaction, after its contract is locked, so a correction made at
//! the same moment cannot make an ineligible job paid (corrections take the same lock).

use chrono::NaiveDate;
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use super::jobs_in_scope::{JobAccess, job_for_recording};
use crate::db::audit::{self, Event};
use crate::db::tallies::Tally;
use crate::db::{DbConnection, lifting, write_transaction};
use crate::domain::figures::Figures;
use crate::policy::{self, Who};

#[derive(Debug, thiserror::Error)]
pub enum PaymentError {
    #[error(transparent)]
    Access(#[from] JobAccess),
    /// Not between the hire date and today.
    #[error("date")]
    BadDate,
    #[error("already paid")]
    AlreadyPaid,
    #[error("not eligible")]
    NotEligible,
    #[error(transparent)]
    Db(#[from] DieselError),
}

/// Records the payment due for the job on `paid_on`; returns the amount.
pub fn pay(
    conn: &mut DbConnection,
    who: &Who,
    job_id: &str,
    paid_on: NaiveDate,
    today: NaiveDate,
) -> Result<i64, PaymentError> {
    write_transaction(conn, |conn| {
        let (job, c) = job_for_recording(conn, who, job_id)?;
        if !policy::may_pay_lifting(who.role, &who.scope, c.place()) {
            return Err(JobAccess::Forbidden.into());
        }
        if lifting::paid(conn, job_id)?.is_some() {
            return Err(PaymentError::AlreadyPaid);
        }
        let amount = lifting::due(conn, &job)?.ok_or(PaymentError::NotEligible)?;
        if paid_on < job.hire_date || paid_on > today {
            return Err(PaymentError::BadDate);
        }
        lifting::insert(conn, job_id, amount, paid_on, &who.user_id).map_err(|e| match e {
            DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => {
                PaymentError::AlreadyPaid
            }
            other => other.into(),
        })?;
        let mut tally = Tally::default();
        let delta = Figures {
            lifting_paid: 1,
            lifting_paid_tenge: amount,
            ..Default::default()
        };
        tally.add(&c.project_region, paid_on, &delta);
        tally.flush(conn)?;
        audit::record(
            conn,
            Event {
                actor: &who.actor,
                action: "lifting.pay",
                entity: "job",
                entity_id: job_id,
                before: None,
                after: Some(serde_json::json!({ "amount_tenge": amount, "paid_on": paid_on })),
                ip: None,
            },
        )?;
        Ok(amount)
    })
}
