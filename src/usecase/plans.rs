//! An officer saves their region's monthly plans for a year: every changed month or none, each
//! on the version the form showed.

use super::acting::Acting;
use crate::db::audit::{self, Event};
use crate::db::plans::{self, MonthEntry, PlanWriteError, StaleMonth};
use crate::db::{DbConnection, write_transaction};

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
