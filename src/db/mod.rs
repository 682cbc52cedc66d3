//! Database access: one diesel `MultiConnection` over SQLite and PostgreSQL, chosen from the URL.
//!
//! Diesel is synchronous, so every query runs on actix's blocking thread pool through
//! [`Db::run`] or [`Db::write`]; the request's tracing span follows it there so the request id
//! stays on every log line.

/// Inserts `$rows` (a slice of an `Insertable` struct) into `$table`, many rows per statement:
/// 500 rows of at most 25 columns stay inside SQLite's 32,766 bound values and PostgreSQL's
/// 65,535.
macro_rules! insert_chunks {
    ($conn:expr, $table:expr, $rows:expr) => {
        for chunk in $rows.chunks(500) {
            match $conn {
                $crate::db::DbConnection::Sqlite(c) => {
                    diesel::insert_into($table).values(chunk).execute(c)?;
                }
                $crate::db::DbConnection::Postgresql(c) => {
                    diesel::insert_into($table).values(chunk).execute(c)?;
                }
            }
        }
    };
}
pub(crate) use insert_chunks;

pub mod account_users;
pub mod audit;
pub mod bulk_write;
pub mod cache;
pub mod compliance;
pub mod contracts;
pub mod copy;
pub mod discrepancies;
pub mod evidence;
pub mod figures;
pub mod group_commit;
pub mod idempotency;
pub mod job_export;
pub mod jobs;
pub mod lifting;
pub mod listen;
pub mod login_attempts;
pub mod login_failures;
pub mod plans;
pub mod progress;
pub mod project_list;
pub mod projects;
pub mod query_log;
pub mod rank_history;
pub mod reference;
pub mod regions;
pub mod registers;
pub mod reimport;
pub mod schema;
pub mod service_accounts;
pub mod session_signals;
pub mod sessions;
pub mod tallies;
pub mod users;
pub mod verification;
pub mod verified_tallies;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use diesel::sqlite::SqliteConnection;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::error::AppError;

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Postgresql(PgConnection),
    Sqlite(SqliteConnection),
}

/// Which server a `DATABASE_URL` points at, parsed once at start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbUrl {
    Postgres(String),
    Sqlite(PathBuf),
}

impl DbUrl {
    pub fn parse(url: &str) -> Result<Self, DbSetupError> {
        let url = url.trim();
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Self::Postgres(url.to_owned()));
        }
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .unwrap_or(url);
        if path.is_empty() || path.contains("://") || path == ":memory:" {
            return Err(DbSetupError::BadUrl(url.to_owned()));
        }
        Ok(Self::Sqlite(PathBuf::from(path)))
    }

    pub fn backend_name(&self) -> &'static str {
        match self {
            Self::Postgres(_) => "postgresql",
            Self::Sqlite(_) => "sqlite",
        }
    }

    /// The URL without a password, for logs and `--help`-style messages.
    pub fn redacted(&self) -> String {
        match self {
            Self::Sqlite(p) => format!("sqlite://{}", p.display()),
            Self::Postgres(u) => match (u.find("://"), u.rfind('@')) {
                (Some(s), Some(at)) if at > s => {
                    let creds = &u[s + 3..at];
                    let user = creds.split(':').next().unwrap_or("");
                    format!("{}{}:***{}", &u[..s + 3], user, &u[at..])
                }
                _ => u.clone(),
            },
        }
    }
}

/// Why the database could not be opened, worded for the operator who set `DATABASE_URL`.
#[derive(Debug, thiserror::Error)]
pub enum DbSetupError {
    #[error(
        "DATABASE_URL {0:?} is not understood: use postgres://user:password@host:port/db or a SQLite file path (sqlite://data/jobmap.db)"
    )]
    BadUrl(String),
    #[error("cannot create the directory {path} for the SQLite database: {source}")]
    CreateDir {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot connect to the {backend} database at {url}: {message}")]
    Connect {
        backend: &'static str,
        url: String,
        message: String,
    },
    #[error("database migrations failed: {0}")]
    Migrate(String),
    #[error("cannot load reference data: {0}")]
    Reference(String),
    #[error("cannot take the lock {path}: {message}")]
    Lock { path: String, message: String },
}

/// The pool's connections at one moment (see [`Db::pool_state`]).
#[derive(Debug, Clone, Copy)]
pub struct PoolState {
    pub in_use: u32,
    pub idle: u32,
    pub max: u32,
}

/// Opens connections itself (rather than `MultiConnection::establish`, which tries every backend
/// and reports only "invalid connection url") so a wrong password or host is named as such.
#[derive(Debug, Clone)]
pub struct ConnectionManager {
    url: DbUrl,
    log: query_log::QueryLog,
}

impl ConnectionManager {
    fn open(&self) -> Result<DbConnection, DbSetupError> {
        let connect_error = |e: diesel::ConnectionError| DbSetupError::Connect {
            backend: self.url.backend_name(),
            url: self.url.redacted(),
            message: e.to_string().trim().to_owned(),
        };
        match &self.url {
            DbUrl::Postgres(url) => {
                let mut conn = PgConnection::establish(url).map_err(connect_error)?;
                conn.set_instrumentation(self.log.instrumentation());
                Ok(DbConnection::Postgresql(conn))
            }
            DbUrl::Sqlite(path) => {
                let mut conn =
                    SqliteConnection::establish(&path.to_string_lossy()).map_err(connect_error)?;
                // busy_timeout first: switching to WAL takes a lock that parallel pool
                // start-up would otherwise trip over. synchronous=FULL so an acknowledged
                // write survives a power cut.
                conn.batch_execute(
                    "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
                     PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
                )
                .map_err(|e| DbSetupError::Connect {
                    backend: "sqlite",
                    url: self.url.redacted(),
                    message: e.to_string(),
                })?;
                conn.set_instrumentation(self.log.instrumentation());
                Ok(DbConnection::Sqlite(conn))
            }
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct ManagerError(#[from] DbSetupError);

impl r2d2::ManageConnection for ConnectionManager {
    type Connection = DbConnection;
    type Error = ManagerError;

    fn connect(&self) -> Result<DbConnection, ManagerError> {
        Ok(self.open()?)
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), ManagerError> {
        conn.batch_execute("SELECT 1").map_err(|e| {
            ManagerError(DbSetupError::Connect {
                backend: self.url.backend_name(),
                url: self.url.redacted(),
                message: e.to_string(),
            })
        })
    }

    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        <DbConnection as Connection>::TransactionManager::is_broken_transaction_manager(conn)
    }
}

/// The application's handle on the database: a pool plus the backend it talks to.
#[derive(Clone)]
pub struct Db {
    pool: r2d2::Pool<ConnectionManager>,
    url: DbUrl,
    log: query_log::QueryLog,
    cache: cache::PageCache,
    /// A shared lock on `<database>.lock` while this process uses a SQLite database, so that
    /// `jobmap restore` can tell that the database is in use (see `ops::restore`).
    _in_use: Option<Arc<std::fs::File>>,
    /// Whether the last attempt to get a connection timed out (the database is down).
    unreachable: Arc<AtomicBool>,
    /// On SQLite, the writer that commits writes in groups (see `group_commit`).
    writer: Option<Arc<group_commit::GroupWriter>>,
}

/// How long a request waits for a connection unless `JOBMAP_DB_TIMEOUT_SECS` says otherwise.
pub const DEFAULT_CHECKOUT_TIMEOUT: Duration = Duration::from_secs(3);

/// Takes the shared "in use" lock on a SQLite database's lock file.
fn hold_in_use_lock(path: &Path) -> Result<Arc<std::fs::File>, DbSetupError> {
    let lock_error = |message: String| DbSetupError::Lock {
        path: crate::ops::restore::lock_path(path).display().to_string(),
        message,
    };
    let file = crate::ops::restore::open_lock_file(path).map_err(|e| lock_error(e.to_string()))?;
    match file.try_lock_shared() {
        Ok(()) => Ok(Arc::new(file)),
        Err(std::fs::TryLockError::WouldBlock) => Err(lock_error(
            "a restore of this database is in progress; start again when it has finished".into(),
        )),
        Err(std::fs::TryLockError::Error(e)) => Err(lock_error(e.to_string())),
    }
}

impl Db {
    /// Connects, applies pending migrations and loads reference data. The first connection is
    /// opened directly so its error (wrong password, unknown host, unwritable file) reaches the
    /// operator verbatim instead of as an r2d2 timeout.
    pub fn open(url: &str, pool_size: u32) -> Result<Self, DbSetupError> {
        Self::open_with(url, pool_size, DEFAULT_CHECKOUT_TIMEOUT)
    }

    /// [`Db::open`] with the time a request waits for a connection before it answers 503.
    pub fn open_with(url: &str, pool_size: u32, timeout: Duration) -> Result<Self, DbSetupError> {
        let url = DbUrl::parse(url)?;
        let in_use = match &url {
            DbUrl::Sqlite(path) => {
                ensure_parent_dir(path)?;
                Some(hold_in_use_lock(path)?)
            }
            DbUrl::Postgres(_) => None,
        };
        let log = query_log::QueryLog::default();
        let manager = ConnectionManager {
            url: url.clone(),
            log: log.clone(),
        };
        let mut first = manager.open()?;
        prepare_alone(&mut first)?;
        drop(first);
        let writer = group_writer(&manager);
        let pool = r2d2::Pool::builder()
            .max_size(pool_size)
            .min_idle(Some(1))
            .connection_timeout(timeout.max(Duration::from_millis(100)))
            .build(manager)
            .map_err(|e| DbSetupError::Connect {
                backend: url.backend_name(),
                url: url.redacted(),
                message: e.to_string(),
            })?;
        Ok(Self {
            pool,
            url,
            log,
            cache: cache::PageCache::default(),
            _in_use: in_use,
            unreachable: Arc::default(),
            writer,
        })
    }

    /// A pool that does not connect (nor migrate) until a request needs it: every page then
    /// answers 503 after `timeout` while the database cannot be reached. Tests use it to
    /// stand for an outage.
    pub fn connect_lazily(
        url: &str,
        pool_size: u32,
        timeout: Duration,
    ) -> Result<Self, DbSetupError> {
        let url = DbUrl::parse(url)?;
        let log = query_log::QueryLog::default();
        let manager = ConnectionManager {
            url: url.clone(),
            log: log.clone(),
        };
        let writer = group_writer(&manager);
        let pool = r2d2::Pool::builder()
            .max_size(pool_size)
            .min_idle(Some(0))
            .connection_timeout(timeout.max(Duration::from_millis(100)))
            .build_unchecked(manager);
        Ok(Self {
            pool,
            url,
            log,
            cache: cache::PageCache::default(),
            _in_use: None,
            unreachable: Arc::default(),
            writer,
        })
    }

    /// What this pool's connections run, when recording (tests).
    pub fn query_log(&self) -> &query_log::QueryLog {
        &self.log
    }

    /// On PostgreSQL, hears the other instances' writes to the figures for as long as a handle
    /// on this database lives (see `listen`). A server calls it once; tools need not.
    pub fn listen_to_other_instances(&self) {
        if let DbUrl::Postgres(url) = &self.url {
            listen::spawn(url.clone(), Arc::downgrade(&self.unreachable));
        }
    }

    pub fn url(&self) -> &DbUrl {
        &self.url
    }

    /// Connections of the pool in use and idle, and its size, for `/metrics`.
    pub fn pool_state(&self) -> PoolState {
        let s = self.pool.state();
        PoolState {
            in_use: s.connections.saturating_sub(s.idle_connections),
            idle: s.idle_connections,
            max: self.pool.max_size(),
        }
    }

    /// Whether the last request for a connection found none within the timeout.
    pub fn unreachable(&self) -> bool {
        self.unreachable.load(Ordering::Relaxed)
    }

    pub fn is_sqlite(&self) -> bool {
        matches!(self.url, DbUrl::Sqlite(_))
    }

    /// A connection of its own, outside the pool and not recorded by the query log: for a
    /// watcher that asks one cheap question on every request (`auth::session_cache`).
    pub fn side_connection(&self) -> Result<DbConnection, DbSetupError> {
        ConnectionManager {
            url: self.url.clone(),
            log: query_log::QueryLog::default(),
        }
        .open()
    }

    /// A pooled connection for synchronous callers (the CLI, tests).
    pub fn conn(&self) -> Result<r2d2::PooledConnection<ConnectionManager>, AppError> {
        self.pool
            .get()
            .map_err(|e| AppError::Unavailable(format!("database pool: {e}")))
    }

    /// Runs read queries off the async executor.
    pub async fn run<R, F>(&self, f: F) -> Result<R, AppError>
    where
        F: FnOnce(&mut DbConnection) -> Result<R, AppError> + Send + 'static,
        R: Send + 'static,
    {
        let pool = self.pool.clone();
        let unreachable = self.unreachable.clone();
        let span = tracing::Span::current();
        actix_web::web::block(move || {
            let _entered = span.enter();
            // Once a checkout has timed out, later ones wait a fifth as long until one
            // succeeds: a page that needs the database twice (the handler, then the session)
            // still answers its 503 within about the configured timeout.
            let asked = std::time::Instant::now();
            let got = if unreachable.load(Ordering::Relaxed) {
                let wait = pool.connection_timeout() / 5;
                pool.get_timeout(wait.max(Duration::from_millis(100)))
            } else {
                pool.get()
            };
            crate::monitoring::pool_checkout(asked.elapsed());
            unreachable.store(got.is_err(), Ordering::Relaxed);
            let mut conn = got.map_err(|e| AppError::Unavailable(format!("database pool: {e}")))?;
            f(&mut conn)
        })
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("blocking task failed: {e}")))?
    }

    /// `load`'s result for `what`, from memory while the figures have not changed since it
    /// was loaded (see `cache`); pages built from the figures read through this.
    pub async fn cached<T, F>(&self, what: String, load: F) -> Result<Arc<T>, AppError>
    where
        T: std::any::Any + Send + Sync,
        F: FnOnce(&mut DbConnection) -> Result<T, AppError> + Send + 'static,
    {
        self.cache.get_or_load(&what, self.run(load)).await
    }

    /// `make`'s result for `what`, computed once per figures generation: what is drawn from
    /// cached data (page content, charts), which costs more to draw than to keep.
    pub async fn memo<T, F>(&self, what: String, make: F) -> Result<Arc<T>, AppError>
    where
        T: std::any::Any + Send + Sync,
        F: FnOnce() -> Result<T, AppError>,
    {
        self.cache.get_or_load(&what, async { make() }).await
    }

    /// Runs `f` in one write transaction (see [`write_transaction`]) off the async executor.
    /// On SQLite the transaction is shared with the other writes queued meanwhile, `f` in a
    /// savepoint of its own (see `group_commit`); it answers once that transaction committed.
    pub async fn write<R, F>(&self, f: F) -> Result<R, AppError>
    where
        F: FnOnce(&mut DbConnection) -> Result<R, AppError> + Send + 'static,
        R: Send + 'static,
    {
        match &self.writer {
            Some(writer) => writer.write(f).await,
            None => self.run(move |conn| write_transaction(conn, f)).await,
        }
    }

    /// Runs `f`, which writes through `write_transaction` itself (a use case that owns its
    /// transaction), off the async executor: on SQLite through the group commit, where its
    /// transaction becomes a savepoint of the group's and it answers once the group committed;
    /// on PostgreSQL on the pool, like [`Db::run`].
    pub async fn run_write<R, F>(&self, f: F) -> Result<R, AppError>
    where
        F: FnOnce(&mut DbConnection) -> Result<R, AppError> + Send + 'static,
        R: Send + 'static,
    {
        match &self.writer {
            Some(writer) => writer.write(f).await,
            None => self.run(f).await,
        }
    }
}

/// The group writer of a SQLite database (none on PostgreSQL, where each write keeps its own
/// transaction and concurrent writers do not queue behind one another).
fn group_writer(manager: &ConnectionManager) -> Option<Arc<group_commit::GroupWriter>> {
    match manager.url {
        DbUrl::Sqlite(_) => Some(Arc::new(group_commit::GroupWriter::new(manager.clone()))),
        DbUrl::Postgres(_) => None,
    }
}

/// One write transaction. On SQLite it starts with `BEGIN IMMEDIATE`, taking the database's
/// write lock up front: checks made inside cannot be invalidated by a concurrent writer, and
/// the busy timeout applies (a deferred transaction that upgrades later fails at once instead).
/// On PostgreSQL it is a plain transaction; code that checks a rule locks the rows it reads.
pub fn write_transaction<R, E, F>(conn: &mut DbConnection, f: F) -> Result<R, E>
where
    F: FnOnce(&mut DbConnection) -> Result<R, E>,
    E: From<diesel::result::Error>,
{
    if in_transaction(conn) {
        return nested_transaction(conn, f);
    }
    if group_commit::on_group_thread() {
        // The group's transaction ended under this write (SQLite ends it itself on a full
        // disk or an I/O error): writing on would commit statement by statement, and taking
        // the writer slot again would wait for this very thread.
        return Err(diesel::result::Error::NotInTransaction.into());
    }
    // SQLite has one writer at a time. Writers that find the lock taken sleep in its busy
    // handler (1, 2, 5 … 100 ms) and can be overtaken again and again; queueing them here
    // first hands the lock over as soon as it is free.
    let _writer = match conn {
        DbConnection::Sqlite(_) => {
            let queued = std::time::Instant::now();
            let slot = SQLITE_WRITER
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            crate::monitoring::write_queue_wait(queued.elapsed());
            Some(slot)
        }
        DbConnection::Postgresql(_) => None,
    };
    match conn {
        DbConnection::Sqlite(c) => {
            AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?
        }
        DbConnection::Postgresql(_) => {
            <DbConnection as Connection>::TransactionManager::begin_transaction(conn)?
        }
    }
    let outcome = f(conn).and_then(|value| match conn {
        DbConnection::Postgresql(c) if cache::is_touched() => {
            listen::notify_figures_changed(c).map_err(E::from)?;
            Ok(value)
        }
        _ => Ok(value),
    });
    match outcome {
        Ok(value) => {
            if let Err(e) =
                <DbConnection as Connection>::TransactionManager::commit_transaction(conn)
            {
                cache::rolled_back();
                WRITES_FAILING.store(true, Ordering::Relaxed);
                return Err(e.into());
            }
            cache::committed();
            WRITES_FAILING.store(false, Ordering::Relaxed);
            Ok(value)
        }
        Err(e) => {
            cache::rolled_back();
            if let Err(rollback) =
                <DbConnection as Connection>::TransactionManager::rollback_transaction(conn)
            {
                if already_rolled_back(&rollback) {
                    // SQLite ends the transaction itself when a statement fails for lack of
                    // space (SQLITE_FULL) or an I/O error: nothing was left to undo, but no
                    // write can be trusted to succeed until one commits again.
                    WRITES_FAILING.store(true, Ordering::Relaxed);
                    tracing::warn!("the database ended the failed write transaction itself");
                } else {
                    tracing::error!(error = %rollback, "rollback failed");
                }
            }
            Err(e)
        }
    }
}

/// Whether `conn` is inside a transaction already.
pub(crate) fn in_transaction(conn: &mut DbConnection) -> bool {
    let status = match conn {
        DbConnection::Sqlite(c) => AnsiTransactionManager::transaction_manager_status_mut(c),
        DbConnection::Postgresql(c) => AnsiTransactionManager::transaction_manager_status_mut(c),
    };
    // A broken transaction manager counts as "in one": the savepoint then fails with diesel's
    // own error instead of a second BEGIN on a connection in an unknown state.
    !matches!(status.transaction_depth(), Ok(None))
}

/// A write inside another write's transaction: an API request keeps the answer to its
/// `Idempotency-Key` in the same transaction as the write it answers (`db::idempotency`), so
/// that both are kept or neither. The use case's own transaction becomes a savepoint: its
/// refusal undoes only its own statements, and the outer transaction (which holds SQLite's
/// writer slot and write lock already) decides what is committed.
fn nested_transaction<R, E, F>(conn: &mut DbConnection, f: F) -> Result<R, E>
where
    F: FnOnce(&mut DbConnection) -> Result<R, E>,
    E: From<diesel::result::Error>,
{
    type Manager = <DbConnection as Connection>::TransactionManager;
    Manager::begin_transaction(conn)?;
    match f(conn) {
        Ok(value) => {
            Manager::commit_transaction(conn)?;
            Ok(value)
        }
        Err(e) => {
            if let Err(rollback) = Manager::rollback_transaction(conn) {
                tracing::error!(error = %rollback, "rollback to savepoint failed");
            }
            Err(e)
        }
    }
}

/// Whether a failed rollback only found no transaction left to roll back.
fn already_rolled_back(e: &diesel::result::Error) -> bool {
    match e {
        diesel::result::Error::NotInTransaction => true,
        diesel::result::Error::DatabaseError(_, info) => {
            info.message().contains("no transaction is active")
        }
        _ => false,
    }
}

/// Set when a write transaction could not commit or the database ended it on its own (disk
/// full, I/O error); cleared by the next commit. `/readyz` reports it.
static WRITES_FAILING: AtomicBool = AtomicBool::new(false);

/// Whether the last write transaction in this process failed at the storage level.
pub fn writes_failing() -> bool {
    WRITES_FAILING.load(Ordering::Relaxed)
}

fn ensure_parent_dir(path: &Path) -> Result<(), DbSetupError> {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => {
            std::fs::create_dir_all(dir).map_err(|source| DbSetupError::CreateDir {
                path: dir.display().to_string(),
                source,
            })
        }
        _ => Ok(()),
    }
}

/// Applies pending migrations and loads reference data, one instance at a time: instances
/// started together on one database (behind a load balancer, restarted after an upgrade) would
/// otherwise race to create the same tables and insert the same regions. On SQLite the work is
/// one `BEGIN IMMEDIATE` transaction (the others wait on the busy timeout, then find it done);
/// on PostgreSQL, whose DDL cannot all run in one transaction with the data, a session-level
/// advisory lock is held around it.
fn prepare_alone(conn: &mut DbConnection) -> Result<(), DbSetupError> {
    /// An arbitrary key of this application's ("jobmap" in ASCII).
    const SETUP_LOCK: i64 = 0x6a6f_626d_6170;
    let lock_error = |e: diesel::result::Error| DbSetupError::Migrate(e.to_string());
    match conn {
        DbConnection::Sqlite(c) => {
            AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")
                .map_err(lock_error)?;
        }
        DbConnection::Postgresql(c) => {
            diesel::sql_query(format!("SELECT pg_advisory_lock({SETUP_LOCK})"))
                .execute(c)
                .map_err(lock_error)?;
        }
    }
    let prepared = run_migrations(conn)
        .and_then(|()| reference::load(conn).map_err(|e| DbSetupError::Reference(e.to_string())));
    let released = match (conn, prepared.is_ok()) {
        (DbConnection::Sqlite(c), true) => AnsiTransactionManager::commit_transaction(c),
        (DbConnection::Sqlite(c), false) => AnsiTransactionManager::rollback_transaction(c),
        (DbConnection::Postgresql(c), _) => {
            diesel::sql_query(format!("SELECT pg_advisory_unlock({SETUP_LOCK})"))
                .execute(c)
                .map(|_| ())
        }
    };
    prepared?;
    released.map_err(lock_error)
}

fn run_migrations(conn: &mut DbConnection) -> Result<(), DbSetupError> {
    let applied = match conn {
        DbConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|v| v.len()),
        DbConnection::Postgresql(c) => c
            .run_pending_migrations(POSTGRES_MIGRATIONS)
            .map(|v| v.len()),
    }
    .map_err(|e| DbSetupError::Migrate(e.to_string()))?;
    if applied > 0 {
        tracing::info!(applied, "database migrations applied");
    }
    Ok(())
}

/// One SQLite writer at a time in this process (see `write_transaction`); the group writer
/// takes it for each group.
static SQLITE_WRITER: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Current UTC time truncated to microseconds, the precision PostgreSQL keeps, so a value read
/// back equals the value written on both backends.
pub fn now() -> chrono::NaiveDateTime {
    use chrono::{DurationRound, TimeDelta};
    let now = chrono::Utc::now().naive_utc();
    now.duration_trunc(TimeDelta::microseconds(1))
        .unwrap_or(now)
}

/// A fresh time-ordered id (UUIDv7): new rows land at the end of primary-key indexes.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Locks one row until the transaction ends, for a rule that reads before it writes.
/// PostgreSQL takes a row lock; SQLite already holds the database's write lock since
/// `BEGIN IMMEDIATE` (see [`write_transaction`]), so there is nothing more to take.
/// Locks many rows of `table` by id until the transaction ends (PostgreSQL; SQLite's
/// `BEGIN IMMEDIATE` already holds the whole database).
pub fn lock_many(conn: &mut DbConnection, table: &'static str, ids: &[String]) -> QueryResult<()> {
    if let DbConnection::Postgresql(_) = conn {
        for chunk in ids.chunks(500) {
            let list: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
            let sql = format!(
                "SELECT id FROM {table} WHERE id IN ({}) ORDER BY id FOR UPDATE",
                list.join(", ")
            );
            let mut q = diesel::sql_query(sql).into_boxed();
            for id in chunk {
                q = q.bind::<diesel::sql_types::Text, _>(id.clone());
            }
            q.execute(conn)?;
        }
    }
    Ok(())
}

pub fn lock_for_update(conn: &mut DbConnection, table: &'static str, id: &str) -> QueryResult<()> {
    match conn {
        DbConnection::Postgresql(_) => {
            diesel::sql_query(format!("SELECT id FROM {table} WHERE id = $1 FOR UPDATE"))
                .bind::<diesel::sql_types::Text, _>(id)
                .execute(conn)?;
            Ok(())
        }
        DbConnection::Sqlite(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn memory() -> DbConnection {
        DbConnection::Sqlite(SqliteConnection::establish(":memory:").expect("in memory"))
    }

    #[test]
    fn a_transaction_sqlite_already_ended_is_not_a_failed_rollback_but_marks_writes_failing() {
        let mut conn = memory();
        // What SQLite does by itself after SQLITE_FULL or an I/O error: the transaction ends.
        let result: Result<(), diesel::result::Error> = write_transaction(&mut conn, |c| {
            c.batch_execute("ROLLBACK")?;
            Err(diesel::result::Error::RollbackTransaction)
        });
        assert!(result.is_err());
        assert!(writes_failing());
        // The next write that commits shows the storage works again.
        let mut fresh = memory();
        write_transaction(&mut fresh, |c| {
            c.batch_execute("CREATE TABLE t (x INTEGER)")
        })
        .expect("commits");
        assert!(!writes_failing());
    }

    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }

    #[test]
    fn a_write_inside_another_is_undone_alone_and_kept_with_the_outer_one() {
        let mut conn = memory();
        conn.batch_execute("CREATE TABLE t (x INTEGER)").unwrap();
        let outer: Result<(), diesel::result::Error> = write_transaction(&mut conn, |c| {
            c.batch_execute("INSERT INTO t VALUES (1)")?;
            let refused: Result<(), diesel::result::Error> = write_transaction(c, |c| {
                c.batch_execute("INSERT INTO t VALUES (2)")?;
                Err(diesel::result::Error::RollbackTransaction)
            });
            assert!(refused.is_err());
            write_transaction(c, |c| c.batch_execute("INSERT INTO t VALUES (3)"))
        });
        outer.unwrap();
        let sum = diesel::sql_query("SELECT CAST(SUM(x) AS BIGINT) AS n FROM t")
            .get_result::<Count>(&mut conn)
            .unwrap();
        assert_eq!(sum.n, 4);
        // And an outer refusal undoes what the inner write had committed to it.
        let undone: Result<(), diesel::result::Error> = write_transaction(&mut conn, |c| {
            write_transaction(c, |c| c.batch_execute("INSERT INTO t VALUES (10)"))?;
            Err(diesel::result::Error::RollbackTransaction)
        });
        assert!(undone.is_err());
        let sum = diesel::sql_query("SELECT CAST(SUM(x) AS BIGINT) AS n FROM t")
            .get_result::<Count>(&mut conn)
            .unwrap();
        assert_eq!(sum.n, 4);
    }
}
