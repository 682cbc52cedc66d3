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
use crate::domain::csv_rows::LineProblem;
use crate::domain::message::Message;
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
    write_transaction(conn, |conn| create_in(conn, by, project_id, input))
}

/// Many contracts of the officer's region from a file, each on the project its line names, or
/// none: every line that cannot be recorded is listed.
pub fn import(
    conn: &mut DbConnection,
    by: &Acting,
    rows: &[(u64, String, ContractInput)],
) -> Result<usize, ContractImportError> {
    let region = by
        .officer_region()
        .ok_or(ContractImportError::Forbidden)?
        .to_owned();
    write_transaction(conn, |conn| {
        let mut problems = Vec::new();
        for (line, code, input) in rows {
            let problem = |key: &'static str, column: &'static str| LineProblem {
                line: *line,
                column: Some(column),
                message: Message::new(key),
            };
            let Some(project_id) = projects::id_of_code(conn, code, &region)? else {
                problems.push(problem("contract-import-no-project", "project_code"));
                continue;
            };
            match create_in(conn, by, &project_id, input) {
                Ok(_) => {}
                Err(ContractError::NumberTaken) => {
                    problems.push(problem("contract-number-taken", "number"))
                }
                Err(ContractError::NotAccepting) => {
                    problems.push(problem("contract-import-not-accepting", "project_code"))
                }
                Err(ContractError::NotFound) => {
                    problems.push(problem("contract-import-no-project", "project_code"))
                }
                Err(ContractError::Forbidden) => return Err(ContractImportError::Forbidden),
                Err(ContractError::Db(e)) => return Err(e.into()),
            }
        }
        if problems.is_empty() {
            Ok(rows.len())
        } else {
            Err(ContractImportError::Problems(problems))
        }
    })
}

#[derive(Debug, thiserror::Error)]
pub enum ContractImportError {
    #[error("forbidden")]
    Forbidden,
    /// Nothing was written: every problem, by line.
    #[error("refused lines")]
    Problems(Vec<LineProblem>),
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

/// `create`'s work inside a transaction the caller opened.
fn create_in(
    conn: &mut DbConnection,
    by: &Acting,
    project_id: &str,
    input: &ContractInput,
) -> Result<ContractRow, ContractError> {
    {
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
    }
}
