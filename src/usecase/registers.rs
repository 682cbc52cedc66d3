//! Loading a register batch (issue 15): from a CSV file on the pages, or from the API. The
//! rows arrive as an iterator, so a million of them are never held at once; they are written
//! 500 at a time in one transaction, all or nothing, and every bad line is reported with its
//! number. A batch for the same kind, region and period supersedes the live one (its rows stay
//! for the record). The hires and lines the batch concerns are checked again before commit.

use chrono::NaiveDate;
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use super::acting::{Acting, ActingKind};
use super::verification::{self, Rechecked};
use crate::db::audit::{self, Event};
use crate::db::registers::{self, BatchRow};
use crate::db::{DbConnection, new_id, now, write_transaction};
use crate::domain::csv_rows::LineProblem;
use crate::domain::message::Message;
use crate::domain::registers::{BatchScope, Row, belongs};
use crate::domain::role::{Role, Scope};
use crate::domain::verification::Kind;

/// Rows handed to the database at a time (one COPY on PostgreSQL, INSERTs of 500 on SQLite):
/// a bounded buffer however long the file.
const CHUNK: usize = 5_000;
/// At most this many problems are listed; a file with more says how many more.
pub const MAX_PROBLEMS: usize = 1_000;

/// What a batch is: its register, region ("" for a national register), whole months and
/// where it came from.
#[derive(Debug, Clone)]
pub struct BatchHeader {
    pub kind: Kind,
    pub region: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub source: String,
}

impl BatchHeader {
    pub fn scope(&self) -> BatchScope {
        BatchScope {
            kind: self.kind,
            region: self.region.clone(),
            from: self.from,
            to: self.to,
        }
    }
}

#[derive(Debug, Clone)]
pub struct BatchSummary {
    pub batch_id: String,
    pub rows: i64,
    /// The batch it replaced, if any.
    pub superseded: Option<String>,
    pub rechecked: Rechecked,
    /// How long writing the rows took, and checking again what the batch concerns.
    pub written_in: std::time::Duration,
    pub checked_in: std::time::Duration,
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// Only admins, commission members and national service accounts load registers.
    #[error("forbidden")]
    Forbidden,
    /// Nothing was written: every problem, by line.
    #[error("refused lines")]
    Lines(Vec<LineProblem>),
    #[error(transparent)]
    Db(#[from] DieselError),
}

/// Who may load registers: admins and commission members, and the registers' owners through
/// a national service account.
pub fn may_load(by: &Acting) -> bool {
    matches!(by.role, Role::Admin | Role::Commission)
        || (by.kind == ActingKind::ServiceAccount && by.scope == Scope::National)
}

/// What is wrong with the header itself (before any row is read).
pub fn header_problems(
    conn: &mut DbConnection,
    h: &BatchHeader,
) -> Result<Vec<LineProblem>, DieselError> {
    let mut problems = Vec::new();
    let file = |key: &'static str| LineProblem::file(Message::new(key));
    if h.from > h.to {
        problems.push(file("register-period-order"));
    }
    if h.kind.per_region() {
        if !region_exists(conn, &h.region)? {
            problems.push(file("register-region-required"));
        }
    } else if !h.region.is_empty() {
        problems.push(file("register-national-only"));
    }
    if h.source.trim().is_empty() {
        problems.push(file("register-source-required"));
    }
    if problems.is_empty() {
        for other in registers::live_overlapping(conn, h.kind, &h.region, h.from, h.to)? {
            problems.push(LineProblem::file(
                Message::new("register-overlaps")
                    .text("from", other.period_from.format("%Y-%m").to_string())
                    .text("to", other.period_to.format("%Y-%m").to_string()),
            ));
        }
    }
    Ok(problems)
}

fn region_exists(conn: &mut DbConnection, code: &str) -> Result<bool, DieselError> {
    use crate::db::schema::regions::dsl as r;
    use diesel::prelude::*;
    let n: i64 = r::regions
        .filter(r::code.eq(code))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Loads one batch: every row or none.
pub fn load<I>(
    conn: &mut DbConnection,
    by: &Acting,
    header: &BatchHeader,
    rows: I,
    today: NaiveDate,
) -> Result<BatchSummary, LoadError>
where
    I: IntoIterator<Item = Result<(u64, Row), Vec<LineProblem>>>,
{
    if !may_load(by) {
        return Err(LoadError::Forbidden);
    }
    let outcome = crate::db::bulk_write::with_room(conn, |conn| {
        write_transaction(conn, |conn| -> Result<BatchSummary, LoadError> {
            let problems = header_problems(conn, header)?;
            if !problems.is_empty() {
                return Err(LoadError::Lines(problems));
            }
            let old =
                registers::live_same(conn, header.kind, &header.region, header.from, header.to)?;
            let (user_id, account_id) = match by.kind {
                ActingKind::User => (Some(by.id.clone()), None),
                ActingKind::ServiceAccount => (None, Some(by.id.clone())),
            };
            let batch = BatchRow {
                id: new_id(),
                kind: header.kind.code().to_owned(),
                region_code: header.region.clone(),
                period_from: header.from,
                period_to: header.to,
                source: header.source.trim().to_owned(),
                row_count: 0,
                loaded_by: by.login.clone(),
                loaded_by_user_id: user_id,
                loaded_by_account_id: account_id,
                loaded_at: now(),
                superseded_by: None,
            };
            if let Some(old) = &old {
                registers::supersede(conn, &old.id, &batch.id)?;
            }
            registers::insert_batch(conn, &batch)?;
            let started = std::time::Instant::now();
            let count = write_rows(conn, &batch.id, &header.scope(), rows)?;
            registers::set_row_count(conn, &batch.id, count)?;
            crate::db::bulk_write::refresh_statistics(
                conn,
                Some(registers::table_of(header.kind)),
            )?;
            let written_in = started.elapsed();
            let superseded = old.map(|o| o.id);
            let rechecked = verification::after_batch(conn, &batch, superseded.as_deref(), today)?;
            let checked_in = started.elapsed() - written_in;
            tracing::info!(
                kind = %batch.kind,
                rows = count,
                hires = rechecked.hires,
                lines = rechecked.lines,
                written_ms = written_in.as_millis() as u64,
                checked_ms = checked_in.as_millis() as u64,
                "register batch loaded"
            );
            let actor = by.actor();
            audit::record(
                conn,
                Event {
                    actor: &actor,
                    action: "register.load",
                    entity: "register_batch",
                    entity_id: &batch.id,
                    before: None,
                    after: Some(serde_json::json!({
                        "kind": batch.kind,
                        "region": batch.region_code,
                        "period_from": batch.period_from,
                        "period_to": batch.period_to,
                        "source": batch.source,
                        "rows": count,
                        "superseded": superseded,
                        "hires_checked": rechecked.hires,
                        "lines_checked": rechecked.lines,
                    })),
                    ip: None,
                },
            )?;
            Ok(BatchSummary {
                batch_id: batch.id,
                rows: count,
                superseded,
                rechecked,
                written_in,
                checked_in,
            })
        })
    });
    match outcome {
        // Another load of the same register and period committed first.
        Err(LoadError::Db(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _))) => {
            Err(LoadError::Lines(vec![LineProblem::file(Message::new(
                "register-load-busy",
            ))]))
        }
        other => other,
    }
}

/// Writes the rows 500 at a time; after the first problem nothing more is written, but every
/// line is still read so that each problem is reported.
fn write_rows<I>(
    conn: &mut DbConnection,
    batch_id: &str,
    scope: &BatchScope,
    rows: I,
) -> Result<i64, LoadError>
where
    I: IntoIterator<Item = Result<(u64, Row), Vec<LineProblem>>>,
{
    let mut chunk: Vec<(u64, Row)> = Vec::with_capacity(CHUNK);
    let mut problems: Vec<LineProblem> = Vec::new();
    let mut more = 0usize;
    let mut count = 0i64;
    let mut note = |found: Vec<LineProblem>, problems: &mut Vec<LineProblem>| {
        for p in found {
            if problems.len() < MAX_PROBLEMS {
                problems.push(p);
            } else {
                more += 1;
            }
        }
    };
    for item in rows {
        match item {
            Ok((line, row)) => match belongs(&row, scope) {
                Ok(()) if problems.is_empty() => {
                    chunk.push((line, row));
                    count += 1;
                    if chunk.len() == CHUNK {
                        registers::insert_rows(conn, batch_id, &chunk)?;
                        chunk.clear();
                    }
                }
                Ok(()) => count += 1,
                Err(p) => note(vec![LineProblem::at(line, p)], &mut problems),
            },
            Err(found) => note(found, &mut problems),
        }
    }
    if more > 0 {
        problems.push(LineProblem::file(
            Message::new("register-more-problems").int("count", more as i64),
        ));
    }
    if !problems.is_empty() {
        return Err(LoadError::Lines(problems));
    }
    if count == 0 {
        return Err(LoadError::Lines(vec![LineProblem::file(Message::new(
            "import-empty",
        ))]));
    }
    registers::insert_rows(conn, batch_id, &chunk)?;
    Ok(count)
}
