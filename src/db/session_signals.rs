//! Signals that a session or its account changed (see the `session_signals` migration): each
//! instance reads the ones after the last it saw and drops those sessions and accounts from
//! memory (`auth::session_cache`). Written by triggers only, in the transaction of the change.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Nullable, Text};

use super::DbConnection;
use super::schema::session_signals;

#[derive(Debug, Clone, QueryableByName, Queryable)]
pub struct Signal {
    #[diesel(sql_type = Integer)]
    pub generation: i32,
    #[diesel(sql_type = Nullable<Text>)]
    pub session_id: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
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

#[derive(QueryableByName)]
struct DataVersion {
    #[diesel(sql_type = BigInt)]
    data_version: i64,
}

/// SQLite's `PRAGMA data_version`: changes whenever another connection has committed to the
/// database since this connection last asked. Cheap: no table is read.
pub fn data_version(conn: &mut DbConnection) -> QueryResult<i64> {
    diesel::sql_query("PRAGMA data_version")
        .get_result::<DataVersion>(conn)
        .map(|v| v.data_version)
}

/// Removes the signals written before `before`; instances that have not read them by then
/// hold nothing they could concern (entries are reloaded more often than that).
pub fn purge(conn: &mut DbConnection, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(session_signals::table.filter(session_signals::signalled_at.lt(before)))
        .execute(conn)
}
