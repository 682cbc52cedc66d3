//! An officer records a contract on an approved project of their region. The first contract
//! moves the project to `contracted` in the same transaction. That step's history entry says
//! only that a contract was recorded: every contractor on the project reads the history, and
//! the contract's number stays in the contract's own audit event.

use super::acting::Acting;
use crate::db::audit::{self, Event};
use crate::db::contracts::{self, ContractRow};
use crate::db::projects::{self, ProjectWriteError};
use crate::db::tallies::Tally;
use crate::db::{DbConnection, lock_for_update, write_transaction};
use crate::domain::contract::ContractInput;
use crate::domain::workflow;

#[derive(Debug, thiserror::Error)]
pub enum ContractError {
    #[error("not found")]
    NotFound,
    /// Only the project region's officers record contracts.
    #[error("forbidden")]
    Forbidden,
    /// The project is not approved yet, or no longer running.
    #[error("the project does not accept contracts")]
    NotAccepting,
    #[error("contract number taken on this project")]
    NumberTaken,
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

impl From<ProjectWriteError> for ContractError {
    fn from(e: ProjectWriteError) -> Self {
        match e {
            ProjectWriteError::Db(e) => Self::Db(e),
            // The project is locked: neither can happen here.
            ProjectWriteError::Stale(_) | ProjectWriteError::CodeTaken(_) => {
                Self::Db(diesel::result::Error::RollbackTransaction)
            }
        }
    }
}

pub fn create(
    conn: &mut DbConnection,
    by: &Acting,
    project_id: &str,
    input: &ContractInput,
) -> Result<ContractRow, ContractError> {
    by.officer_region().ok_or(ContractError::Forbidden)?;
    write_transaction(conn, |conn| {
        lock_for_update(conn, "projects", project_id)?;
        let project =
            projects::find_in_scope(conn, project_id, &by.scope)?.ok_or(ContractError::NotFound)?;
        if !workflow::accepts_contracts(project.status()) {
            return Err(ContractError::NotAccepting);
        }
        if contracts::number_taken(conn, project_id, &input.number)? {
            return Err(ContractError::NumberTaken);
        }
        let actor = by.actor();
        let mut tally = Tally::default();
        let row = contracts::insert(conn, project_id, input, &by.id, &mut tally)?;
        audit::record(
            conn,
            Event {
                actor: &actor,
                action: "contract.create",
                entity: "contract",
                entity_id: &row.id,
                before: None,
                after: Some(row.audit_view()),
                ip: None,
            },
        )?;
        if let Some(to) = workflow::on_contract(project.status()) {
            let after = projects::change_status(
                conn,
                project_id,
                project.version,
                projects::Step {
                    to,
                    by: &by.id,
                    // The page shows a neutral note for this step (see `StatusChange`).
                    comment: "",
                    decision: None,
                },
                &mut tally,
            )?;
            audit::record(
                conn,
                Event {
                    actor: &actor,
                    action: "project.status",
                    entity: "project",
                    entity_id: project_id,
                    before: Some(project.audit_view()),
                    after: Some(after.audit_view()),
                    ip: None,
                },
            )?;
        }
        tally.flush(conn)?;
        Ok(row)
    })
}
