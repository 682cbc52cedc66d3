//! An officer saves their region's monthly plans for a year: every changed month or none, each
//! on the version the form showed.

use std::collections::BTreeMap;

use super::acting::Acting;
use crate::db::audit::{self, Event};
use crate::db::plans::{self, MonthEntry, PlanWriteError, StaleMonth};
use crate::db::{DbConnection, write_transaction};
use crate::domain::plan::MonthPlan;

#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    /// Only a region's officers enter its plans.
    #[error("forbidden")]
    Forbidden,
    /// Months someone else saved after the form was opened.
    #[error("plans changed meanwhile")]
    Stale(Vec<StaleMonth>),
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

/// Saves the months of `year` that changed; how many were saved.
pub fn save_year(
    conn: &mut DbConnection,
    by: &Acting,
    year: i32,
    entries: &[MonthEntry],
) -> Result<usize, PlanError> {
    let region = by.officer_region().ok_or(PlanError::Forbidden)?.to_owned();
    write_transaction(conn, |conn| {
        let saved =
            plans::save_year(conn, &region, year, entries, &by.id).map_err(|e| match e {
                PlanWriteError::Stale(months) => PlanError::Stale(months),
                PlanWriteError::Db(e) => PlanError::Db(e),
            })?;
        let actor = by.actor();
        audit::record_many(
            conn,
            saved
                .iter()
                .map(|(before, after)| Event {
                    actor: &actor,
                    action: "plan.update",
                    entity: "monthly_plan",
                    entity_id: &after.id,
                    before: before.as_ref().and_then(|b| serde_json::to_value(b).ok()),
                    after: serde_json::to_value(after).ok(),
                    ip: None,
                })
                .collect(),
        )?;
        Ok(saved.len())
    })
}

/// A month from a file: (line, year, month 1–12, plan).
pub type FileMonth = (u64, i32, u32, MonthPlan);

/// Months from a file, (line, year, month 1–12, plan), already checked; each sets that month
/// of the officer's region to its values whatever it held before (the file is the newer
/// word). Every month or none, one audit event per month that changed; how many changed.
pub fn import(
    conn: &mut DbConnection,
    by: &Acting,
    months: &[FileMonth],
) -> Result<usize, PlanError> {
    let region = by.officer_region().ok_or(PlanError::Forbidden)?.to_owned();
    let mut by_year: BTreeMap<i32, Vec<(u32, MonthPlan)>> = BTreeMap::new();
    for (_, year, month, plan) in months {
        by_year.entry(*year).or_default().push((*month, *plan));
    }
    write_transaction(conn, |conn| {
        let actor = by.actor();
        let mut changed = 0;
        for (year, months) in &by_year {
            let current = plans::for_year(conn, &region, *year)?;
            let entries: Vec<MonthEntry> = months
                .iter()
                .map(|(month, plan)| MonthEntry {
                    month: *month,
                    plan: *plan,
                    base_version: current[*month as usize - 1].as_ref().map(|r| r.version),
                })
                .collect();
            let saved =
                plans::save_year(conn, &region, *year, &entries, &by.id).map_err(|e| match e {
                    PlanWriteError::Stale(months) => PlanError::Stale(months),
                    PlanWriteError::Db(e) => PlanError::Db(e),
                })?;
            audit::record_many(
                conn,
                saved
                    .iter()
                    .map(|(before, after)| Event {
                        actor: &actor,
                        action: "plan.import",
                        entity: "monthly_plan",
                        entity_id: &after.id,
                        before: before.as_ref().and_then(|b| serde_json::to_value(b).ok()),
                        after: serde_json::to_value(after).ok(),
                        ip: None,
                    })
                    .collect(),
            )?;
            changed += saved.len();
        }
        Ok(changed)
    })
}
