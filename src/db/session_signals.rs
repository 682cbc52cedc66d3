//! Signals that a session or its account changed (see the `session_signals` migration): each
//! instance reads the ones after the last it saw and drops those sessions and accounts from
//! memory (`auth::session_cache`). Written by triggers only, in the transaction of the change.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::BigInt;
use diesel::sqlite::{Sqlite, SqliteConnection};

use super::DbConnection;
use super::schema::session_signals;

#[derive(Debug, Clone, Queryable)]
pub struct Signal {
    pub generation: i32,
    pub session_id: Option<String>,
    pub user_id: Option<String>,
}

/// The signals after `after`, oldest first.
pub fn since(conn: &mut DbConnection, after: i32) -> QueryResult<Vec<Signal>> {
    session_signals::table
        .filter(session_signals::generation.gt(after))
        .order(session_signals::generation.asc())
        .select((
            session_signals::generation,
            session_signals::session_id,
            session_signals::user_id,
        ))
        .load(conn)
}

/// The number of the last signal (0 before the first).
pub fn latest(conn: &mut DbConnection) -> QueryResult<i32> {
    session_signals::table
        .select(diesel::dsl::max(session_signals::generation))
        .first::<Option<i32>>(conn)
        .map(Option::unwrap_or_default)
}

/// `PRAGMA data_version` as a query diesel keeps prepared (an `sql_query` is prepared again
/// each time, which costs more than running it).
#[derive(Debug, Clone, Copy, QueryId)]
struct DataVersion;

impl QueryFragment<Sqlite> for DataVersion {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Sqlite>) -> QueryResult<()> {
        out.push_sql("PRAGMA data_version");
        Ok(())
    }
}

impl Query for DataVersion {
    type SqlType = BigInt;
}

impl RunQueryDsl<SqliteConnection> for DataVersion {}

/// SQLite's `PRAGMA data_version`: changes whenever another connection has committed to the
/// database since this connection last asked. Cheap: no table is read. `None` on PostgreSQL.
pub fn data_version(conn: &mut DbConnection) -> QueryResult<Option<i64>> {
    match conn {
        DbConnection::Sqlite(c) => DataVersion.get_result::<i64>(c).map(Some),
        DbConnection::Postgresql(_) => Ok(None),
    }
}

/// Removes the signals written before `before`; instances that have not read them by then
/// hold nothing they could concern (entries are reloaded more often than that).
pub fn purge(conn: &mut DbConnection, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(session_signals::table.filter(session_signals::signalled_at.lt(before)))
        .execute(conn)
}
