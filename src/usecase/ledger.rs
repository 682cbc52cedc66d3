//! A procurement line on a contract's local-content ledger (rule 3): a non-domestic line that
//! would take foreign spending above 10% of the larger of the contract amount and the ledger
//! total is refused. The contract is locked while the ledger is summed, so two lines entered at
//! once cannot both slip under the limit.

use super::acting::Acting;
use crate::db::audit::{self, Event};
use crate::db::contracts::{self, ContractWithProject, LineRow};
use crate::db::{DbConnection, lock_for_update, write_transaction};
use crate::domain::csv_rows::LineProblem;
use crate::domain::ledger::{self, LineInput};
use crate::domain::message::Message;
use crate::domain::workflow::ProjectStatus;

#[derive(Debug, thiserror::Error)]
pub enum LineError {
    #[error("not found")]
    NotFound,
    /// Neither the contract's contractor nor an officer of the project's region.
    #[error("forbidden")]
    Forbidden,
    /// The project is suspended, completed or cancelled: no new purchases.
    #[error("the project is not running")]
    NotRunning,
    /// Foreign spending after the line, and the most the ledger allows, in tenge.
    #[error("foreign spending {after} above the limit {limit}")]
    ForeignOver { after: i64, limit: i64 },
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

pub fn add_line(
    conn: &mut DbConnection,
    by: &Acting,
    contract_id: &str,
    line: &LineInput,
) -> Result<LineRow, LineError> {
    write_transaction(conn, |conn| {
        lock_for_update(conn, "contracts", contract_id)?;
        let c = recordable(conn, by, contract_id)?;
        add_checked(conn, by, &c, line, "ledger.add")
    })
}

/// A contract's lines from a file (`line` number, input), in file order: every line or none.
/// Each is held to rule 3 against the ledger as the lines above it left it, exactly as if
/// typed one after another; a refused line is reported with its number.
pub fn import(
    conn: &mut DbConnection,
    by: &Acting,
    contract_id: &str,
    lines: &[(u64, LineInput)],
) -> Result<usize, LineImportError> {
    write_transaction(conn, |conn| {
        lock_for_update(conn, "contracts", contract_id)?;
        let c = recordable(conn, by, contract_id)?;
        let mut refused = Vec::new();
        for (number, line) in lines {
            match add_checked(conn, by, &c, line, "ledger.import") {
                Ok(_) => {}
                Err(LineError::ForeignOver { after, limit }) => refused.push(LineProblem {
                    line: *number,
                    column: Some("amount_tenge"),
                    message: foreign_over(after, limit),
                }),
                Err(e) => return Err(e.into()),
            }
        }
        if refused.is_empty() {
            Ok(lines.len())
        } else {
            // An error rolls the transaction back: no line of the file stays.
            Err(LineImportError::Lines(refused))
        }
    })
}

/// What the user is told when a line would take foreign spending over the limit.
pub fn foreign_over(after: i64, limit: i64) -> Message {
    Message::new("ledger-foreign-over")
        .int("after", after)
        .int("limit", limit)
}

#[derive(Debug, thiserror::Error)]
pub enum LineImportError {
    #[error("not found")]
    NotFound,
    /// Not a recorder of the contract, or its project takes no purchases now.
    #[error("forbidden")]
    Forbidden,
    /// Nothing was written: the lines rule 3 refused, by number.
    #[error("refused lines")]
    Lines(Vec<LineProblem>),
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

impl From<LineError> for LineImportError {
    fn from(e: LineError) -> Self {
        match e {
            LineError::NotFound => Self::NotFound,
            LineError::Forbidden | LineError::NotRunning => Self::Forbidden,
            LineError::ForeignOver { after, limit } => {
                Self::Lines(vec![LineProblem::file(foreign_over(after, limit))])
            }
            LineError::Db(e) => Self::Db(e),
        }
    }
}

/// The contract, if `by` may record purchases on it now. Call with the contract locked.
fn recordable(
    conn: &mut DbConnection,
    by: &Acting,
    contract_id: &str,
) -> Result<ContractWithProject, LineError> {
    let c = contracts::find_in_scope(conn, contract_id, &by.scope)?.ok_or(LineError::NotFound)?;
    if !by.records_on(&c.contract.contractor_bin, &c.project_region) {
        return Err(LineError::Forbidden);
    }
    let running =
        ProjectStatus::from_code(&c.project_status).is_some_and(ProjectStatus::is_running);
    if !running {
        return Err(LineError::NotRunning);
    }
    Ok(c)
}

/// Rule 3 against the ledger as it stands, then the line and its audit event.
fn add_checked(
    conn: &mut DbConnection,
    by: &Acting,
    c: &ContractWithProject,
    line: &LineInput,
    action: &'static str,
) -> Result<LineRow, LineError> {
    let contract_id = c.contract.id.as_str();
    let now = contracts::ledger_totals(conn, contract_id)?;
    ledger::check_foreign_budget(c.contract.amount_tenge, &now, line)
        .map_err(|(after, limit)| LineError::ForeignOver { after, limit })?;
    let row = contracts::insert_line(conn, contract_id, line, &by.id)?;
    super::verification::after_lines(conn, std::slice::from_ref(&row.id))?;
    audit::record(
        conn,
        Event {
            actor: &by.actor(),
            action,
            entity: "contract",
            entity_id: contract_id,
            before: None,
            after: serde_json::to_value(&row).ok(),
            ip: None,
        },
    )?;
    Ok(row)
}
