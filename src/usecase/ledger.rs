//! A procurement line on a contract's local-content ledger (rule 3): a non-domestic line that
//! would take foreign spending above 10% of the larger of the contract amount and the ledger
//! total is refused. The contract is locked while the ledger is summed, so two lines entered at
//! once cannot both slip under the limit.

use super::acting::Acting;
use crate::db::audit::{self, Event};
use crate::db::contracts::{self, LineRow};
use crate::db::{DbConnection, lock_for_update, write_transaction};
use crate::domain::ledger::{self, LineInput};
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
        let c =
            contracts::find_in_scope(conn, contract_id, &by.scope)?.ok_or(LineError::NotFound)?;
        if !by.records_on(&c.contract.contractor_bin, &c.project_region) {
            return Err(LineError::Forbidden);
        }
        let running =
            ProjectStatus::from_code(&c.project_status).is_some_and(ProjectStatus::is_running);
        if !running {
            return Err(LineError::NotRunning);
        }
        let now = contracts::ledger_totals(conn, contract_id)?;
        ledger::check_foreign_budget(c.contract.amount_tenge, &now, line)
            .map_err(|(after, limit)| LineError::ForeignOver { after, limit })?;
        let row = contracts::insert_line(conn, contract_id, line, &by.id)?;
        audit::record(
            conn,
            Event {
                actor: &by.actor(),
                action: "ledger.add",
                entity: "contract",
                entity_id: contract_id,
                before: None,
                after: serde_json::to_value(&row).ok(),
                ip: None,
            },
        )?;
        Ok(row)
    })
}
