//! The answers to API writes sent with an `Idempotency-Key` (`domain::idempotency` decides).
//!
//! [`once`] claims the key, performs the write and stores its answer in ONE write transaction:
//! a committed write always has its answer on record and an answer is never kept for a write
//! that rolled back. Two requests with the same key at the same moment queue on the key's row:
//! on SQLite behind the write lock taken at `BEGIN IMMEDIATE`; on PostgreSQL the second
//! `INSERT … ON CONFLICT DO NOTHING` waits for the first transaction and then finds its row,
//! committed with the answer (replayed) or gone with a rollback (claimed afresh). Either way
//! the write runs once.

use std::sync::atomic::{AtomicI64, Ordering};

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{Integer, Text, Timestamp};

use super::schema::idempotency_keys as k;
use super::{DbConnection, now, write_transaction};
use crate::domain::idempotency::{self, Decision, Fingerprint, Recorded};

/// An answer as sent, kept to be sent again byte for byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredResponse {
    pub status: u16,
    pub content_type: String,
    /// Headers that belong to the answer (`Location`, `ETag`), in order.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

/// What became of a write sent with (or without) a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Once {
    /// Performed now; this is its answer (kept under the key, if there was one).
    Performed(StoredResponse),
    /// Performed before; the first answer.
    Replayed(StoredResponse),
    /// The key was first used with another request; nothing was written.
    Conflict,
    /// The first request with the key is still running.
    InProgress,
}

/// Status kept while the write is running (never committed: the answer replaces it first).
const RUNNING: i32 = 0;

#[derive(Queryable, Selectable)]
#[diesel(table_name = k)]
struct KeyRow {
    method: String,
    path: String,
    body_sha256: String,
    status: i32,
    content_type: String,
    headers_json: String,
    body: String,
    created_at: NaiveDateTime,
}

impl KeyRow {
    fn recorded(&self) -> Recorded {
        Recorded {
            fingerprint: Fingerprint {
                method: self.method.clone(),
                path: self.path.clone(),
                body_sha256: self.body_sha256.clone(),
            },
            answered: self.status != RUNNING,
            created_at: self.created_at,
        }
    }

    fn response(self) -> StoredResponse {
        StoredResponse {
            status: u16::try_from(self.status).unwrap_or(500),
            content_type: self.content_type,
            headers: serde_json::from_str(&self.headers_json).unwrap_or_default(),
            body: self.body,
        }
    }
}

/// Runs `write` once per (account, key): in a write transaction with the key's claim and
/// answer, or, without a key, in a write transaction of its own. `write` returns the answer to
/// keep; an `Err` (a failure the client may retry) rolls everything back, the key included.
/// The use case `write` calls runs inside this transaction (its own becomes a savepoint).
pub fn once<E, F>(
    conn: &mut DbConnection,
    account_id: &str,
    key: Option<&str>,
    request: &Fingerprint,
    write: F,
) -> Result<Once, E>
where
    E: From<diesel::result::Error>,
    F: FnOnce(&mut DbConnection) -> Result<StoredResponse, E>,
{
    prune_now_and_then(conn);
    write_transaction(conn, |conn| {
        let Some(key) = key else {
            return write(conn).map(Once::Performed);
        };
        let at = now();
        match claim(conn, account_id, key, request, at)? {
            Claimed::Ours => {
                let answer = write(conn)?;
                keep_answer(conn, account_id, key, &answer)?;
                Ok(Once::Performed(answer))
            }
            Claimed::Answered(row) => Ok(Once::Replayed(row.response())),
            Claimed::Other(Decision::Conflict) => Ok(Once::Conflict),
            Claimed::Other(_) => Ok(Once::InProgress),
        }
    })
}

enum Claimed {
    Ours,
    Answered(Box<KeyRow>),
    Other(Decision),
}

/// Takes the key for this request, or says what holds it. Inside a write transaction.
fn claim(
    conn: &mut DbConnection,
    account_id: &str,
    key: &str,
    request: &Fingerprint,
    at: NaiveDateTime,
) -> QueryResult<Claimed> {
    let inserted = diesel::sql_query(
        "INSERT INTO idempotency_keys (account_id, idem_key, method, path, body_sha256, \
           status, content_type, headers_json, body, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, '', '[]', '', $7) \
         ON CONFLICT (account_id, idem_key) DO NOTHING",
    )
    .bind::<Text, _>(account_id)
    .bind::<Text, _>(key)
    .bind::<Text, _>(&request.method)
    .bind::<Text, _>(&request.path)
    .bind::<Text, _>(&request.body_sha256)
    .bind::<Integer, _>(RUNNING)
    .bind::<Timestamp, _>(at)
    .execute(conn)?;
    if inserted == 1 {
        return Ok(Claimed::Ours);
    }
    let row = k::table
        .filter(k::account_id.eq(account_id))
        .filter(k::idem_key.eq(key))
        .select(KeyRow::as_select())
        .first(conn)
        .optional()?;
    let Some(row) = row else {
        // Pruned between the two statements: the key is free again.
        return claim(conn, account_id, key, request, at);
    };
    match idempotency::decide(Some(&row.recorded()), request, at) {
        Decision::New => {
            // Expired: the key starts over with this request, unless a concurrent request
            // restarted it first (its `created_at` is no longer the one read).
            let taken = diesel::update(
                k::table
                    .filter(k::account_id.eq(account_id))
                    .filter(k::idem_key.eq(key))
                    .filter(k::created_at.eq(row.created_at)),
            )
            .set((
                k::method.eq(&request.method),
                k::path.eq(&request.path),
                k::body_sha256.eq(&request.body_sha256),
                k::status.eq(RUNNING),
                k::content_type.eq(""),
                k::headers_json.eq("[]"),
                k::body.eq(""),
                k::created_at.eq(at),
            ))
            .execute(conn)?;
            if taken == 1 {
                Ok(Claimed::Ours)
            } else {
                claim(conn, account_id, key, request, at)
            }
        }
        Decision::Replay => Ok(Claimed::Answered(Box::new(row))),
        other => Ok(Claimed::Other(other)),
    }
}

fn keep_answer(
    conn: &mut DbConnection,
    account_id: &str,
    key: &str,
    answer: &StoredResponse,
) -> QueryResult<()> {
    let headers = serde_json::to_string(&answer.headers).unwrap_or_else(|_| "[]".into());
    diesel::update(
        k::table
            .filter(k::account_id.eq(account_id))
            .filter(k::idem_key.eq(key)),
    )
    .set((
        k::status.eq(i32::from(answer.status)),
        k::content_type.eq(&answer.content_type),
        k::headers_json.eq(headers),
        k::body.eq(&answer.body),
    ))
    .execute(conn)?;
    Ok(())
}

/// Forgets keys past their retention; how many.
pub fn prune(conn: &mut DbConnection, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(k::table.filter(k::created_at.lt(at - idempotency::RETENTION))).execute(conn)
}

/// When this process last pruned (seconds since the epoch).
static LAST_PRUNE: AtomicI64 = AtomicI64::new(0);

/// Prunes at most once a minute per process, in its own short transaction before the write
/// (never inside it, where concurrent writers would queue on the same old rows).
fn prune_now_and_then(conn: &mut DbConnection) {
    let at = now();
    let last = LAST_PRUNE.load(Ordering::Relaxed);
    let secs = at.and_utc().timestamp();
    if secs - last < 60
        || LAST_PRUNE
            .compare_exchange(last, secs, Ordering::AcqRel, Ordering::Relaxed)
            .is_err()
    {
        return;
    }
    let pruned: QueryResult<usize> = write_transaction(conn, |conn| prune(conn, at));
    match pruned {
        Ok(0) => {}
        Ok(n) => tracing::debug!(pruned = n, "expired idempotency keys removed"),
        Err(e) => tracing::warn!(error = %e, "could not remove expired idempotency keys"),
    }
}
