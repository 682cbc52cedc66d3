//! The record of each check and repair (`check_runs`): the admin area shows the last one.

use std::time::Duration;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Text, Timestamp};

use super::check::Difference;
use crate::db::{DbConnection, new_id, now};

/// Lines of differences kept with a run; the command's own output has them all.
const SUMMARY_LINES: usize = 20;

#[derive(Debug, Clone, QueryableByName)]
pub struct CheckRun {
    #[diesel(sql_type = Timestamp)]
    pub checked_at: NaiveDateTime,
    /// `check` or `repair`.
    #[diesel(sql_type = Text)]
    pub kind: String,
    /// Differences found (for a repair: those left after it).
    #[diesel(sql_type = Integer)]
    pub differences: i32,
    #[diesel(sql_type = BigInt)]
    pub duration_ms: i64,
    #[diesel(sql_type = Text)]
    pub summary: String,
}

impl CheckRun {
    pub fn passed(&self) -> bool {
        self.differences == 0
    }

    pub fn summary_lines(&self) -> Vec<&str> {
        self.summary.lines().filter(|l| !l.is_empty()).collect()
    }
}

pub fn record(
    conn: &mut DbConnection,
    kind: &str,
    found: &[Difference],
    took: Duration,
) -> QueryResult<()> {
    let summary: Vec<String> = found
        .iter()
        .take(SUMMARY_LINES)
        .map(|d| format!("{}: {d}", d.kind.code()))
        .collect();
    let mut summary = summary.join("\n");
    if found.len() > SUMMARY_LINES {
        summary.push_str(&format!("\n… {} more", found.len() - SUMMARY_LINES));
    }
    diesel::sql_query(
        "INSERT INTO check_runs (id, checked_at, kind, differences, duration_ms, summary) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind::<Text, _>(new_id())
    .bind::<Timestamp, _>(now())
    .bind::<Text, _>(kind)
    .bind::<Integer, _>(i32::try_from(found.len()).unwrap_or(i32::MAX))
    .bind::<BigInt, _>(i64::try_from(took.as_millis()).unwrap_or(i64::MAX))
    .bind::<Text, _>(summary)
    .execute(conn)?;
    Ok(())
}

/// The most recent check or repair, if any has run.
pub fn last(conn: &mut DbConnection) -> QueryResult<Option<CheckRun>> {
    diesel::sql_query(
        "SELECT checked_at, kind, differences, duration_ms, summary FROM check_runs \
         ORDER BY checked_at DESC, id DESC LIMIT 1",
    )
    .get_result(conn)
    .optional()
}

/// Runs the check and records its result; what `jobmap check` and other tools call.
pub fn check_and_record(conn: &mut DbConnection) -> QueryResult<(Vec<Difference>, Duration)> {
    let started = std::time::Instant::now();
    let found = super::check::check(conn)?;
    let took = started.elapsed();
    crate::db::write_transaction(conn, |conn| record(conn, "check", &found, took))?;
    Ok((found, took))
}
