//! Sessions and their accounts kept in memory, so that a signed-in request does not read the
//! database for who is asking, while logout, deactivation, a password change or an expired
//! session still take effect at once on every instance.
//!
//! Not a time-to-live guess: every change to a session or its account leaves a numbered
//! signal in `session_signals`, written by triggers in the change's own transaction (see
//! `db::session_signals`). Before a request is served from memory, the instance applies the
//! signals after the last it saw, dropping those sessions and accounts. Asking costs little:
//! on SQLite `PRAGMA data_version` on a connection of its own (the signals are read only when
//! another connection has committed something); on PostgreSQL one read of the signals'
//! primary key, which finds nothing almost always, shared by the requests that arrived before
//! it started (see `last_read`).
//!
//! An entry remembers the last signal applied before it was read from the database; a signal
//! for it applied later marks it stale even if a slow load puts it back afterwards. When the
//! signals cannot be read, nothing is served from memory.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use chrono::{NaiveDateTime, TimeDelta};

use super::CurrentUser;
use crate::db::session_signals::{self, Signal};
use crate::db::{Db, DbConnection};
use crate::error::AppError;

/// How long an entry may stay in memory before it is read again: bounds memory, not
/// correctness (signals end entries at once). Shorter than the idle timeout less the touch
/// interval: a read from the database pushes the idle expiry 30 minutes on, so an expiry held
/// in memory is never earlier than the one another instance keeps pushing in the database.
const ENTRY_LIFE: Duration = Duration::from_secs(600);
/// How long a signal is remembered against late loads: longer than an entry lives.
const MARK_LIFE: Duration = Duration::from_secs(900);
/// Signals older than this are removed from the table: far longer than an entry lives.
pub const SIGNAL_LIFE: TimeDelta = TimeDelta::hours(1);
const MAX_SESSIONS: u64 = 200_000;

/// A session's state and times, as the `sessions` row holds them.
#[derive(Debug, Clone)]
pub struct CachedSession {
    pub state: HashMap<String, String>,
    pub created_at: NaiveDateTime,
    pub last_seen_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
}

#[derive(Clone)]
struct Tagged<T> {
    /// The last signal applied before the value was read.
    generation: i64,
    value: T,
}

enum Watch {
    /// PostgreSQL, or SQLite before the first request.
    None,
    Sqlite {
        conn: Box<DbConnection>,
        data_version: Option<i64>,
    },
}

pub struct SessionCache {
    db: Db,
    sessions: moka::future::Cache<String, Tagged<Arc<CachedSession>>>,
    /// The account behind a session: `None` when it is inactive or unusable.
    users: moka::future::Cache<String, Tagged<Option<CurrentUser>>>,
    /// "s:{session}" / "u:{user}" → the signal that ended or changed it.
    marks: moka::future::Cache<String, i64>,
    /// The last signal applied; -1 before the first read.
    applied: AtomicI64,
    /// Whether the last attempt to read the signals worked.
    healthy: AtomicBool,
    watch: Mutex<Watch>,
    /// PostgreSQL: how many reads of the signals have started.
    reads_started: AtomicU64,
    /// PostgreSQL: the last read's number and result, locked while a read runs. A request
    /// takes the result of a read that started after it arrived (that read saw every change
    /// committed before the request) instead of making one of its own: concurrent requests
    /// share one round trip, and none is answered from a read older than itself.
    last_read: tokio::sync::Mutex<(u64, Option<i64>)>,
}

/// What reading the signals found.
enum Read {
    Unchanged,
    /// The first read: where the signals stand (nothing in memory yet to drop).
    Start(i64),
    New(Vec<Signal>),
}

fn session_mark(id: &str) -> String {
    format!("s:{id}")
}

fn user_mark(id: &str) -> String {
    format!("u:{id}")
}

fn read(conn: &mut DbConnection, applied: i64) -> diesel::QueryResult<Read> {
    if applied < 0 {
        return Ok(Read::Start(session_signals::latest(conn)?.into()));
    }
    let after = i32::try_from(applied).unwrap_or(i32::MAX);
    let signals = session_signals::since(conn, after)?;
    Ok(if signals.is_empty() {
        Read::Unchanged
    } else {
        Read::New(signals)
    })
}

impl SessionCache {
    pub fn new(db: Db) -> Self {
        Self {
            db,
            sessions: moka::future::Cache::builder()
                .max_capacity(MAX_SESSIONS)
                .time_to_live(ENTRY_LIFE)
                .build(),
            users: moka::future::Cache::builder()
                .max_capacity(MAX_SESSIONS)
                .time_to_live(ENTRY_LIFE)
                .build(),
            marks: moka::future::Cache::builder()
                .max_capacity(4 * MAX_SESSIONS)
                .time_to_live(MARK_LIFE)
                .build(),
            applied: AtomicI64::new(-1),
            healthy: AtomicBool::new(false),
            watch: Mutex::new(Watch::None),
            reads_started: AtomicU64::new(0),
            last_read: tokio::sync::Mutex::new((0, None)),
        }
    }

    /// Applies the signals written since the last look; the last signal applied, or `None`
    /// when they cannot be read (the caller then reads the database and keeps nothing).
    pub async fn refresh(&self) -> Option<i64> {
        if self.db.is_sqlite() {
            let applied = self.applied.load(Ordering::Acquire);
            let read = self.read_sqlite(applied);
            return self.settle(read).await;
        }
        let arrival = self.reads_started.load(Ordering::Acquire);
        let mut last = self.last_read.lock().await;
        if last.0 > arrival {
            return last.1;
        }
        let number = self.reads_started.fetch_add(1, Ordering::AcqRel) + 1;
        let applied = self.applied.load(Ordering::Acquire);
        let read = self
            .db
            .run(move |conn| Ok(read(conn, applied)?))
            .await
            .map_err(|e| anyhow::anyhow!("{e}"));
        let result = self.settle(read).await;
        *last = (number, result);
        result
    }

    /// Applies what a read of the signals found.
    async fn settle(&self, read: anyhow::Result<Read>) -> Option<i64> {
        let read = match read {
            Ok(read) => read,
            Err(e) => {
                if self.healthy.swap(false, Ordering::AcqRel) {
                    tracing::warn!(error = %e, "session signals unreadable; sessions read from the database");
                }
                return None;
            }
        };
        match read {
            Read::Unchanged => {}
            Read::Start(at) => {
                self.applied.fetch_max(at, Ordering::AcqRel);
            }
            Read::New(signals) => self.apply(signals).await,
        }
        self.healthy.store(true, Ordering::Release);
        Some(self.applied.load(Ordering::Acquire))
    }

    /// The last signal applied, when the last look at the signals worked: what an entry
    /// read from the database now is tagged with.
    pub fn applied(&self) -> Option<i64> {
        let applied = self.applied.load(Ordering::Acquire);
        (self.healthy.load(Ordering::Acquire) && applied >= 0).then_some(applied)
    }

    /// On SQLite: the signals are read only when another connection has committed since the
    /// last look. Runs inline: both statements take microseconds and wait for no writer (WAL).
    fn read_sqlite(&self, applied: i64) -> anyhow::Result<Read> {
        let mut watch = self.watch.lock().unwrap_or_else(PoisonError::into_inner);
        if matches!(*watch, Watch::None) {
            *watch = Watch::Sqlite {
                conn: Box::new(self.db.side_connection()?),
                data_version: None,
            };
        }
        let Watch::Sqlite { conn, data_version } = &mut *watch else {
            return Ok(Read::Unchanged);
        };
        let now = match session_signals::data_version(conn) {
            Ok(v) => v,
            Err(e) => {
                // Open a fresh connection next time.
                *watch = Watch::None;
                return Err(e.into());
            }
        };
        if applied >= 0 && now.is_some() && *data_version == now {
            return Ok(Read::Unchanged);
        }
        let read = read(conn, applied)?;
        *data_version = now;
        Ok(read)
    }

    async fn apply(&self, signals: Vec<Signal>) {
        let mut last = None;
        for s in signals {
            let generation = i64::from(s.generation);
            if let Some(id) = s.session_id {
                self.marks.insert(session_mark(&id), generation).await;
                self.sessions.invalidate(&id).await;
            }
            if let Some(id) = s.user_id {
                self.marks.insert(user_mark(&id), generation).await;
                self.users.invalidate(&id).await;
            }
            last = Some(generation);
        }
        if let Some(last) = last {
            self.applied.fetch_max(last, Ordering::AcqRel);
        }
    }

    /// Whether a value read after `generation` is still good for the record `mark`.
    async fn fresh(&self, mark: &str, generation: i64) -> bool {
        self.marks.get(mark).await.is_none_or(|m| m <= generation)
    }

    pub async fn session(&self, id: &str) -> Option<Arc<CachedSession>> {
        let entry = self.sessions.get(id).await?;
        if self.fresh(&session_mark(id), entry.generation).await {
            Some(entry.value)
        } else {
            self.sessions.invalidate(id).await;
            None
        }
    }

    /// Remembers a session read (or written) after signal `generation`.
    pub async fn put_session(&self, id: String, generation: i64, session: CachedSession) {
        if self.fresh(&session_mark(&id), generation).await {
            self.sessions
                .insert(
                    id,
                    Tagged {
                        generation,
                        value: Arc::new(session),
                    },
                )
                .await;
        }
    }

    /// Replaces the state of a remembered session, keeping its tag.
    pub async fn put_state(&self, id: &str, state: HashMap<String, String>) {
        if let Some(entry) = self.sessions.get(id).await {
            let mut session = (*entry.value).clone();
            session.state = state;
            self.put_session(id.to_owned(), entry.generation, session)
                .await;
        }
    }

    /// Refreshes the activity times of a remembered session, keeping its tag.
    pub async fn put_seen(&self, id: &str, seen: NaiveDateTime, expires: NaiveDateTime) {
        if let Some(entry) = self.sessions.get(id).await {
            let mut session = (*entry.value).clone();
            session.last_seen_at = seen;
            session.expires_at = expires;
            self.put_session(id.to_owned(), entry.generation, session)
                .await;
        }
    }

    pub async fn forget_session(&self, id: &str) {
        self.sessions.invalidate(id).await;
    }

    /// The account behind a session, when remembered: `Some(None)` for one that may not sign
    /// in (inactive, or a role without its scope).
    pub async fn user(&self, id: &str) -> Option<Option<CurrentUser>> {
        let entry = self.users.get(id).await?;
        if self.fresh(&user_mark(id), entry.generation).await {
            Some(entry.value)
        } else {
            self.users.invalidate(id).await;
            None
        }
    }

    pub async fn put_user(&self, id: String, generation: i64, user: Option<CurrentUser>) {
        if self.fresh(&user_mark(&id), generation).await {
            self.users
                .insert(
                    id,
                    Tagged {
                        generation,
                        value: user,
                    },
                )
                .await;
        }
    }
}

/// Removes signals older than [`SIGNAL_LIFE`]; run with the expired sessions' sweep.
pub fn purge_signals(db: &Db) -> Result<usize, AppError> {
    let mut conn = db.conn()?;
    Ok(session_signals::purge(
        &mut conn,
        crate::db::now() - SIGNAL_LIFE,
    )?)
}

#[cfg(test)]
mod tests {
    use diesel::connection::SimpleConnection;

    use super::*;

    fn session() -> CachedSession {
        let at = crate::db::now();
        CachedSession {
            state: HashMap::new(),
            created_at: at,
            last_seen_at: at,
            expires_at: at + TimeDelta::minutes(30),
        }
    }

    #[tokio::test]
    async fn a_load_that_read_before_a_signal_is_not_kept_after_it() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let db = Db::open(&url, 2).unwrap();
        let cache = SessionCache::new(db.clone());
        assert_eq!(cache.refresh().await, Some(0));
        let sql = |s: &str| db.conn().unwrap().batch_execute(s).unwrap();
        sql(
            "INSERT INTO sessions (id, user_id, state, created_at, last_seen_at, expires_at) \
             VALUES ('s1', NULL, '{}', '2026-12-01 00:00:00', '2026-12-01 00:00:00', '2026-12-01 00:30:00')",
        );
        // Nothing that ends a session has happened: no signal, nothing to read.
        assert_eq!(cache.refresh().await, Some(0));

        // A request reads s1 under signal 0 and is slow to keep it; meanwhile s1 is ended.
        let read_under = cache.applied().unwrap();
        sql("DELETE FROM sessions WHERE id = 's1'");
        assert_eq!(cache.refresh().await, Some(1));
        cache.put_session("s1".into(), read_under, session()).await;
        assert!(
            cache.session("s1").await.is_none(),
            "the late load is stale"
        );

        // Read after the signal, it is kept (a new session under the same id, say).
        cache.put_session("s1".into(), 1, session()).await;
        assert!(cache.session("s1").await.is_some());

        // A change to an account drops what was kept of it.
        cache.put_user("u1".into(), 1, None).await;
        assert!(cache.user("u1").await.is_some());
        sql("INSERT INTO session_signals (user_id) VALUES ('u1')");
        assert_eq!(cache.refresh().await, Some(2));
        assert!(cache.user("u1").await.is_none());
    }
}
