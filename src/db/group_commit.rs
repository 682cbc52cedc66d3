//! Group commit on SQLite: the writes sent through [`Db::write`](super::Db::write) and
//! [`Db::run_write`](super::Db::run_write) are committed several to one transaction, and so to
//! one fsync of the WAL.
//!
//! With `synchronous=FULL` every commit waits for the disk, and SQLite has one writer at a
//! time: one transaction per hire caps the hire rate at the disk's fsync rate, however little
//! each hire costs. Here one thread owns a connection of its own and takes the writes in the
//! order they were queued. While it commits a group, the next writes queue; it then runs all
//! of them (up to [`MAX_GROUP`], or for [`MAX_GROUP_TIME`]) in one `BEGIN IMMEDIATE`
//! transaction, each inside its own savepoint, and commits once.
//!
//! - Each write runs after the ones queued before it and sees what they wrote, so the rules it
//!   checks (rule 2's counts, rule 4's jobs) are checked exactly, in order, as if each had its
//!   own transaction.
//! - A write that fails (or panics) is rolled back to its savepoint: its neighbours are kept,
//!   and its caller gets its own error.
//! - Every caller gets its answer only after the COMMIT succeeded. If the COMMIT (or anything
//!   the group cannot recover from, such as SQLite ending the transaction on a full disk)
//!   fails, every write of the group is undone and every caller gets the error: nothing is
//!   acknowledged that is not on disk.
//!
//! The thread takes `SQLITE_WRITER` for each group, so the writes that still open their own
//! transaction on a pooled connection (`write_transaction`) queue with it in this process.
//! The figures cache learns of a group's changes on this thread (`cache::touched` is
//! per thread) and advances its generation when the group commits, before any caller hears
//! of it.

use std::collections::VecDeque;
use std::panic::AssertUnwindSafe;
use std::sync::Mutex;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::time::{Duration, Instant};

use diesel::connection::{AnsiTransactionManager, Connection, TransactionManager};
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use super::{ConnectionManager, DbConnection, SQLITE_WRITER, WRITES_FAILING, cache};
use crate::error::AppError;

/// The most writes committed together.
pub const MAX_GROUP: usize = 64;
/// A group takes no further write once it has run this long, so that the first writes of a
/// busy group are not held back for the last.
pub const MAX_GROUP_TIME: Duration = Duration::from_millis(20);

type Manager = <DbConnection as Connection>::TransactionManager;

/// Hands a write's result to its caller: as it is (`None`), or replaced by the error that
/// undid the whole group.
type Deliver = Box<dyn FnOnce(Option<&DieselError>) + Send>;

/// What one write did inside the group, kept until the group's fate is known.
struct Ran {
    /// Whether its savepoint is kept.
    ok: bool,
    deliver: Deliver,
}

/// What the writer does with a write: run it on the group's connection, or answer it with the
/// error that kept its group from starting.
enum Turn<'a> {
    Run(&'a mut DbConnection),
    Refuse(&'a DieselError),
}

struct Job {
    queued: Instant,
    span: tracing::Span,
    run: Box<dyn FnOnce(Turn<'_>) -> Option<Ran> + Send>,
}

type Answer<R> = tokio::sync::oneshot::Receiver<Result<R, AppError>>;

/// The queue of one SQLite database's group writer. The thread starts with the first write
/// and ends when the last handle on the database is dropped.
pub struct GroupWriter {
    manager: ConnectionManager,
    queue: Mutex<Option<Sender<Job>>>,
}

impl GroupWriter {
    pub(super) fn new(manager: ConnectionManager) -> Self {
        Self {
            manager,
            queue: Mutex::new(None),
        }
    }

    /// Runs `f` inside the next group, in its own savepoint (an `Err` undoes only what `f`
    /// wrote), and answers once the group has committed.
    pub async fn write<R, F>(&self, f: F) -> Result<R, AppError>
    where
        F: FnOnce(&mut DbConnection) -> Result<R, AppError> + Send + 'static,
        R: Send + 'static,
    {
        self.submit(f)?.await.map_err(|_| {
            AppError::Internal(anyhow::anyhow!(
                "the write failed without an answer (it panicked); it was rolled back"
            ))
        })?
    }

    /// Queues `f` now; its answer comes through the receiver.
    fn submit<R, F>(&self, f: F) -> Result<Answer<R>, AppError>
    where
        F: FnOnce(&mut DbConnection) -> Result<R, AppError> + Send + 'static,
        R: Send + 'static,
    {
        let (answer, answered) = tokio::sync::oneshot::channel();
        let run = Box::new(move |turn: Turn<'_>| {
            let conn = match turn {
                Turn::Run(conn) => conn,
                Turn::Refuse(e) => {
                    let _ = answer.send(Err(AppError::from(copy_error(e))));
                    return None;
                }
            };
            let result = f(conn);
            let ok = result.is_ok();
            let deliver: Deliver = Box::new(move |failed| {
                let result = match failed {
                    None => result,
                    Some(e) => Err(AppError::from(copy_error(e))),
                };
                // The caller may have gone (a dropped request); the write stands regardless.
                let _ = answer.send(result);
            });
            Some(Ran { ok, deliver })
        });
        self.send(Job {
            queued: Instant::now(),
            span: tracing::Span::current(),
            run,
        })?;
        Ok(answered)
    }

    fn send(&self, job: Job) -> Result<(), AppError> {
        let mut queue = self
            .queue
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let job = match queue.as_ref() {
            Some(q) => match q.send(job) {
                Ok(()) => return Ok(()),
                Err(mpsc::SendError(job)) => job,
            },
            None => job,
        };
        // Not started yet, or its thread is gone: start one.
        let (sender, receiver) = mpsc::channel();
        let manager = self.manager.clone();
        std::thread::Builder::new()
            .name("sqlite-group-writer".into())
            .spawn(move || writer(&manager, &receiver))
            .map_err(|e| AppError::Unavailable(format!("cannot start the SQLite writer: {e}")))?;
        sender
            .send(job)
            .map_err(|_| AppError::Unavailable("the SQLite writer stopped".into()))?;
        *queue = Some(sender);
        Ok(())
    }
}

thread_local! {
    static GROUP_THREAD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether this thread is a group writer: every write on it belongs to the group's
/// transaction, and none may start a transaction of its own (see `write_transaction`).
pub(super) fn on_group_thread() -> bool {
    GROUP_THREAD.with(std::cell::Cell::get)
}

/// The writer thread: one group after another until every sender is gone.
fn writer(manager: &ConnectionManager, receiver: &Receiver<Job>) {
    GROUP_THREAD.with(|g| g.set(true));
    let mut conn: Option<DbConnection> = None;
    let mut waiting: VecDeque<Job> = VecDeque::new();
    loop {
        if waiting.is_empty() {
            match receiver.recv() {
                Ok(job) => waiting.push_back(job),
                Err(_) => return,
            }
        }
        while waiting.len() < MAX_GROUP {
            match receiver.try_recv() {
                Ok(job) => waiting.push_back(job),
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => break,
            }
        }
        if conn.is_none() {
            match manager.open() {
                Ok(c) => conn = Some(c),
                Err(e) => {
                    let e = DieselError::DatabaseError(
                        DatabaseErrorKind::ClosedConnection,
                        Box::new(e.to_string()),
                    );
                    for job in waiting.drain(..) {
                        refuse(job, &e);
                    }
                    continue;
                }
            }
        }
        if let Some(c) = conn.as_mut() {
            let slot = SQLITE_WRITER
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let usable = group(c, &mut waiting);
            drop(slot);
            if !usable {
                conn = None;
            }
        }
    }
}

/// A write that never ran (its group could not start): its caller gets the error.
fn refuse(job: Job, e: &DieselError) {
    let _entered = job.span.enter();
    (job.run)(Turn::Refuse(e));
}

/// Runs one group from the front of `waiting` and commits it. Whether the connection can be
/// used again.
fn group(conn: &mut DbConnection, waiting: &mut VecDeque<Job>) -> bool {
    let DbConnection::Sqlite(c) = conn else {
        return false;
    };
    if let Err(e) = AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE") {
        tracing::warn!(error = %e, "a group of writes could not begin");
        WRITES_FAILING.store(true, Ordering::Relaxed);
        for job in waiting.drain(..) {
            refuse(job, &e);
        }
        return !Manager::is_broken_transaction_manager(conn);
    }
    let started = Instant::now();
    let mut ran: Vec<Ran> = Vec::new();
    let mut broken: Option<DieselError> = None;
    while ran.len() < MAX_GROUP && started.elapsed() < MAX_GROUP_TIME {
        let Some(job) = waiting.pop_front() else {
            break;
        };
        if let Err(e) = Manager::begin_transaction(conn) {
            // Not run: it goes with the next group, unless it is the first of this one (then
            // the connection is what fails, and it would fail again).
            if ran.is_empty() {
                refuse(job, &e);
            } else {
                waiting.push_front(job);
            }
            broken = Some(e);
            break;
        }
        let Job { queued, span, run } = job;
        crate::monitoring::write_queue_wait(queued.elapsed());
        let entered = span.enter();
        let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| run(Turn::Run(conn))));
        let kept = match outcome {
            Ok(Some(r)) if r.ok => {
                ran.push(r);
                Manager::commit_transaction(conn)
            }
            Ok(Some(r)) => {
                ran.push(r);
                back_to_group(conn)
            }
            Ok(None) => back_to_group(conn),
            // Its caller hears of it when its answer, dropped by the panic, never comes.
            Err(_) => {
                tracing::error!("a write panicked; it was rolled back, its group goes on");
                back_to_group(conn)
            }
        };
        drop(entered);
        if let Err(e) = kept {
            broken = Some(e);
            break;
        }
    }
    let failed = match broken {
        Some(e) => {
            roll_back_group(conn);
            Some(e)
        }
        None => Manager::commit_transaction(conn).err(),
    };
    match failed {
        None => {
            cache::committed();
            WRITES_FAILING.store(false, Ordering::Relaxed);
            crate::monitoring::group_commit(ran.len());
            for r in ran {
                (r.deliver)(None);
            }
        }
        Some(e) => {
            cache::rolled_back();
            WRITES_FAILING.store(true, Ordering::Relaxed);
            tracing::error!(error = %e, writes = ran.len(), "a group of writes was rolled back");
            for r in ran {
                (r.deliver)(Some(&e));
            }
        }
    }
    !Manager::is_broken_transaction_manager(conn)
}

/// Rolls back what the last write left open, down to the group's own transaction (a write
/// that panicked may have left savepoints of its own).
fn back_to_group(conn: &mut DbConnection) -> Result<(), DieselError> {
    loop {
        match depth(conn) {
            Some(d) if d > 1 => Manager::rollback_transaction(conn)?,
            Some(_) => return Ok(()),
            // SQLite ended the transaction itself (a full disk, an I/O error): the writes
            // before this one are gone with it.
            None => return Err(DieselError::NotInTransaction),
        }
    }
}

fn roll_back_group(conn: &mut DbConnection) {
    while depth(conn).is_some() {
        if let Err(e) = Manager::rollback_transaction(conn) {
            if !super::already_rolled_back(&e) {
                tracing::error!(error = %e, "rollback of a group of writes failed");
            }
            return;
        }
    }
}

fn depth(conn: &mut DbConnection) -> Option<u32> {
    let status = match conn {
        DbConnection::Sqlite(c) => AnsiTransactionManager::transaction_manager_status_mut(c),
        DbConnection::Postgresql(c) => AnsiTransactionManager::transaction_manager_status_mut(c),
    };
    status.transaction_depth().ok().flatten().map(|d| d.get())
}

/// The group's error once per caller (diesel's errors are not `Clone`); its kind is kept, so
/// a full disk still answers 503.
fn copy_error(e: &DieselError) -> DieselError {
    match e {
        DieselError::DatabaseError(kind, info) => {
            DieselError::DatabaseError(*kind, Box::new(info.message().to_owned()))
        }
        other => {
            DieselError::DatabaseError(DatabaseErrorKind::Unknown, Box::new(other.to_string()))
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc::channel;

    use diesel::connection::SimpleConnection;
    use diesel::prelude::*;

    use super::*;
    use crate::db::DbUrl;
    use crate::db::query_log::QueryLog;

    #[derive(QueryableByName)]
    struct Number {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }

    fn database(schema: &str) -> (tempfile::TempDir, ConnectionManager) {
        let dir = tempfile::tempdir().expect("a directory");
        let manager = ConnectionManager {
            url: DbUrl::Sqlite(dir.path().join("group.db")),
            log: QueryLog::default(),
        };
        manager
            .open()
            .expect("opens")
            .batch_execute(schema)
            .expect("schema");
        (dir, manager)
    }

    fn numbers(manager: &ConnectionManager) -> Vec<i64> {
        diesel::sql_query("SELECT x AS n FROM t ORDER BY x")
            .load::<Number>(&mut manager.open().expect("opens"))
            .expect("reads")
            .into_iter()
            .map(|r| r.n)
            .collect()
    }

    /// Takes the next number after those on record, as a rule reads the counts before it
    /// writes: what it gets shows which writes it saw.
    fn next_number(conn: &mut DbConnection) -> Result<i64, AppError> {
        let n = diesel::sql_query("SELECT COALESCE(MAX(x), 0) + 1 AS n FROM t")
            .get_result::<Number>(conn)?
            .n;
        diesel::sql_query(format!("INSERT INTO t (x) VALUES ({n})")).execute(conn)?;
        Ok(n)
    }

    /// A first write that holds its group open until the test has queued the next ones,
    /// which then make a group of their own.
    fn hold_first(writer: &GroupWriter) -> (Answer<i64>, std::sync::mpsc::Sender<()>) {
        let (started, has_started) = channel::<()>();
        let (release, released) = channel::<()>();
        let first = writer
            .submit(move |conn| {
                let _ = started.send(());
                let _ = released.recv();
                next_number(conn)
            })
            .expect("queued");
        has_started.recv().expect("the first write runs");
        (first, release)
    }

    #[tokio::test]
    async fn writes_run_in_queue_order_and_a_refused_or_panicking_one_undoes_only_itself() {
        let (_dir, manager) = database("CREATE TABLE t (x INTEGER NOT NULL)");
        let writer = GroupWriter::new(manager.clone());
        let (first, release) = hold_first(&writer);
        let second = writer.submit(next_number).expect("queued");
        let refused = writer
            .submit(|conn| {
                next_number(conn)?;
                Err::<i64, _>(AppError::BadRequest("refused after writing".into()))
            })
            .expect("queued");
        let panicked = writer
            .submit(|conn| -> Result<i64, AppError> {
                next_number(conn)?;
                panic!("a bug in a write");
            })
            .expect("queued");
        let last = writer.submit(next_number).expect("queued");
        release.send(()).expect("released");
        assert_eq!(first.await.expect("answered").expect("written"), 1);
        assert_eq!(second.await.expect("answered").expect("written"), 2);
        assert!(matches!(
            refused.await.expect("answered"),
            Err(AppError::BadRequest(_))
        ));
        assert!(panicked.await.is_err(), "its answer is dropped");
        // The last write saw the second and not the two undone between them.
        assert_eq!(last.await.expect("answered").expect("written"), 3);
        assert_eq!(numbers(&manager), vec![1, 2, 3]);
        // The writer goes on after a panic.
        assert_eq!(writer.write(next_number).await.expect("written"), 4);
    }

    #[tokio::test]
    async fn when_a_group_cannot_commit_none_of_its_writes_is_acknowledged_or_kept() {
        // A deferred foreign key is checked at COMMIT: one write of the group that breaks it
        // makes the COMMIT fail after every write in the group succeeded on its own.
        let (_dir, manager) = database(
            "CREATE TABLE parent (id INTEGER PRIMARY KEY); \
             CREATE TABLE t (x INTEGER NOT NULL, parent_id INTEGER \
               REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)",
        );
        let writer = GroupWriter::new(manager.clone());
        let (first, release) = hold_first(&writer);
        let before = writer.submit(next_number).expect("queued");
        let dangling = writer
            .submit(|conn| {
                conn.batch_execute("INSERT INTO t (x, parent_id) VALUES (100, 7)")?;
                Ok(100)
            })
            .expect("queued");
        let after = writer.submit(next_number).expect("queued");
        release.send(()).expect("released");
        assert_eq!(first.await.expect("answered").expect("written"), 1);
        for answer in [before, dangling, after] {
            assert!(answer.await.expect("answered").is_err());
        }
        assert_eq!(numbers(&manager), vec![1]);
        // The next group commits.
        assert_eq!(writer.write(next_number).await.expect("written"), 2);
    }
}
