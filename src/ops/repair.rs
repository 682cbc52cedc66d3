//! `jobmap repair`: rebuilds every stored aggregate from the records, in one transaction, and
//! writes an audit event saying what differed before and what (a broken rule) still does.

use std::time::{Duration, Instant};

use diesel::prelude::*;

use super::check::{self, Difference};
use super::runs;
use crate::db::audit::{self, Actor, Event};
use crate::db::{DbConnection, projects, tallies, write_transaction};

/// Difference texts written into the audit event; the count is always complete.
const AUDITED_LINES: usize = 100;

#[derive(Debug)]
pub struct Repaired {
    /// What the check found before the rebuild.
    pub before: Vec<Difference>,
    /// What it finds after: only broken rules, which no recount can mend.
    pub after: Vec<Difference>,
    pub took: Duration,
}

fn as_json(found: &[Difference]) -> serde_json::Value {
    serde_json::json!({
        "differences": found.len(),
        "first": found.iter().take(AUDITED_LINES).map(ToString::to_string).collect::<Vec<_>>(),
    })
}

/// The contracts' hire and ledger counters from their jobs and procurement lines.
fn recount_contracts(conn: &mut DbConnection) -> QueryResult<usize> {
    diesel::sql_query(
        "UPDATE contracts SET \
           center_hires = (SELECT COUNT(*) FROM jobs j WHERE j.contract_id = contracts.id \
                           AND j.channel = 'employment_center'), \
           direct_hires = (SELECT COUNT(*) FROM jobs j WHERE j.contract_id = contracts.id \
                           AND j.channel = 'direct'), \
           ledger_total = COALESCE((SELECT SUM(l.amount_tenge) FROM procurement_lines l \
                           WHERE l.contract_id = contracts.id), 0), \
           ledger_domestic = COALESCE((SELECT SUM(l.amount_tenge) FROM procurement_lines l \
                           WHERE l.contract_id = contracts.id AND l.is_domestic), 0)",
    )
    .execute(conn)
}

pub fn repair(conn: &mut DbConnection, actor: &Actor) -> QueryResult<Repaired> {
    let started = Instant::now();
    write_transaction(conn, |conn| {
        let before = check::check_in_transaction(conn)?;
        // Contracts first: the projects' counters are the sums of theirs.
        recount_contracts(conn)?;
        projects::recount(conn)?;
        tallies::rebuild(conn)?;
        crate::db::verified_tallies::rebuild(conn)?;
        let after = check::check_in_transaction(conn)?;
        let took = started.elapsed();
        audit::record(
            conn,
            Event {
                actor,
                action: "data.repair",
                entity: "dataset",
                entity_id: "aggregates",
                before: Some(as_json(&before)),
                after: Some(as_json(&after)),
                ip: None,
            },
        )?;
        runs::record(conn, "repair", &after, took)?;
        Ok(Repaired {
            before,
            after,
            took,
        })
    })
}
