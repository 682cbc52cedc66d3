//! Room for one long write on SQLite: a national register load writes a million rows and
//! checks 200,000 hires again in one transaction. With SQLite's default 2 MB page cache it
//! spends most of its time spilling dirty pages to the WAL and reading them back (measured
//! with `perf`: 51% in page fetches, 27% in `pwrite`), and the statement journal goes to a
//! temporary file. For the length of the write the connection keeps up to `CACHE_KIB` of
//! pages in memory (bounded, whatever the file's size) and its statement journal in memory,
//! then goes back to the defaults: the connection returns to the pool as it left it.

use diesel::QueryResult;
use diesel::connection::SimpleConnection;

use super::{DbConnection, in_transaction};

/// The page cache of the long write: large enough for the indexes a million-row load
/// touches, small beside the machine (the pool's other connections keep SQLite's default).
pub const CACHE_KIB: i64 = 64 * 1024;

/// Runs `f` with the room of a long write when `conn` is an SQLite connection outside any
/// transaction (inside one, PRAGMAs that change the journal cannot apply); else just runs it.
pub fn with_room<R>(conn: &mut DbConnection, f: impl FnOnce(&mut DbConnection) -> R) -> R {
    let apply = matches!(conn, DbConnection::Sqlite(_)) && !in_transaction(conn);
    if apply
        && let Err(e) = conn.batch_execute(&format!(
            "PRAGMA cache_size = -{CACHE_KIB}; PRAGMA temp_store = MEMORY;"
        ))
    {
        tracing::warn!(error = %e, "could not enlarge the page cache for a long write");
    }
    let out = f(conn);
    if apply
        && let Err(e) =
            conn.batch_execute("PRAGMA cache_size = -2000; PRAGMA temp_store = DEFAULT;")
    {
        tracing::warn!(error = %e, "could not restore the page cache after a long write");
    }
    out
}

/// Brings PostgreSQL's planner statistics up to date after a bulk write (`table`, or every
/// table when `None`). Without them a freshly seeded or copied database, or a register that
/// just grew by a million rows, is planned as if it were nearly empty: measured at national
/// scale, a group of 20 contracts' hires was hash-joined against every worker (70 ms) instead
/// of looked up by index (19 ms). Inside a transaction PostgreSQL samples the transaction's
/// own new rows too, and the statistics are seen by others once it commits. SQLite needs
/// nothing here: its plans do not depend on gathered statistics.
pub fn refresh_statistics(conn: &mut DbConnection, table: Option<&str>) -> QueryResult<()> {
    if matches!(conn, DbConnection::Postgresql(_)) {
        conn.batch_execute(&format!("ANALYZE {}", table.unwrap_or("")))?;
    }
    Ok(())
}
