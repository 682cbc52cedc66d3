//! The job a use case is about to change, read inside its transaction: in the user's scope
//! (or 404), recordable by them (or 403), and with its contract locked so that rules 2, 4 and
//! 6 are checked against rows no one else is changing.

use diesel::result::Error as DieselError;

use crate::db::contracts::{self, ContractWithProject};
use crate::db::jobs::{self, JobRow};
use crate::db::{DbConnection, lock_for_update};
use crate::policy::{self, Who};

#[derive(Debug, thiserror::Error)]
pub enum JobAccess {
    /// Not in the user's scope, or no such job: 404 either way.
    #[error("not found")]
    NotFound,
    /// In scope, but not the user's to change.
    #[error("forbidden")]
    Forbidden,
    #[error(transparent)]
    Db(#[from] DieselError),
}

/// The job, freshly read after its contract's row was locked, and its contract.
pub fn job_for_recording(
    conn: &mut DbConnection,
    who: &Who,
    job_id: &str,
) -> Result<(JobRow, ContractWithProject), JobAccess> {
    let contract_id = match jobs::get(conn, job_id) {
        Ok(j) => j.contract_id,
        Err(DieselError::NotFound) => return Err(JobAccess::NotFound),
        Err(e) => return Err(e.into()),
    };
    let c = contracts::find_in_scope(conn, &contract_id, &who.scope)?.ok_or(JobAccess::NotFound)?;
    if !policy::may_record(&who.scope, c.place()) {
        return Err(JobAccess::Forbidden);
    }
    lock_for_update(conn, "contracts", &contract_id)?;
    lock_for_update(conn, "jobs", job_id)?;
    Ok((jobs::get(conn, job_id)?, c))
}
