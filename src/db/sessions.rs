//! Server-side session rows. The id is a SHA-256 of the cookie's session key, so a copy of this
//! table cannot be used to sign in.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::sessions;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = sessions)]
pub struct SessionRow {
    pub id: String,
    pub user_id: Option<String>,
    pub state: String,
    pub created_at: NaiveDateTime,
    pub last_seen_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
}

pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<SessionRow>> {
    sessions::table
        .find(id)
        .select(SessionRow::as_select())
        .first(conn)
        .optional()
}

pub fn insert(conn: &mut DbConnection, row: &SessionRow) -> QueryResult<usize> {
    diesel::insert_into(sessions::table)
        .values((
            sessions::id.eq(&row.id),
            sessions::user_id.eq(&row.user_id),
            sessions::state.eq(&row.state),
            sessions::created_at.eq(row.created_at),
            sessions::last_seen_at.eq(row.last_seen_at),
            sessions::expires_at.eq(row.expires_at),
        ))
        .execute(conn)
}

/// Replaces the state of a live session; 0 when it has been ended meanwhile.
pub fn update_state(
    conn: &mut DbConnection,
    id: &str,
    user_id: Option<&str>,
    state: &str,
) -> QueryResult<usize> {
    diesel::update(sessions::table.find(id))
        .set((sessions::user_id.eq(user_id), sessions::state.eq(state)))
        .execute(conn)
}

/// Records activity, pushing the idle expiry forward.
pub fn touch(
    conn: &mut DbConnection,
    id: &str,
    now: NaiveDateTime,
    expires_at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(sessions::table.find(id))
        .set((
            sessions::last_seen_at.eq(now),
            sessions::expires_at.eq(expires_at),
        ))
        .execute(conn)
}

pub fn delete(conn: &mut DbConnection, id: &str) -> QueryResult<usize> {
    diesel::delete(sessions::table.find(id)).execute(conn)
}

/// Removes sessions past their idle expiry or started before `started_before`.
pub fn delete_expired(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    started_before: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::delete(
        sessions::table.filter(
            sessions::expires_at
                .lt(now)
                .or(sessions::created_at.lt(started_before)),
        ),
    )
    .execute(conn)
}
