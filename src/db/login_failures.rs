//! The lock-out's counters, per account and client address (`migrations/*/…_login_failures`).
//! Sign-in and the change of one's own password both count here.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{Integer, Nullable, Text, Timestamp};

use super::DbConnection;
use crate::domain::lockout;

#[derive(QueryableByName)]
struct Counter {
    #[diesel(sql_type = Integer)]
    failures: i32,
    #[diesel(sql_type = Nullable<Timestamp>)]
    locked_until: Option<NaiveDateTime>,
}

/// The end of the lock on `account` from `address`, if it is locked at `at`.
pub fn locked_until(
    conn: &mut DbConnection,
    account: &str,
    address: &str,
    at: NaiveDateTime,
) -> QueryResult<Option<NaiveDateTime>> {
    let found: Option<Counter> = diesel::sql_query(
        "SELECT failures, locked_until FROM login_failures WHERE account = $1 AND address = $2",
    )
    .bind::<Text, _>(account)
    .bind::<Text, _>(address)
    .get_result(conn)
    .optional()?;
    Ok(found
        .and_then(|c| c.locked_until)
        .filter(|until| lockout::is_locked(Some(*until), at)))
}

/// Counts one failure; returns the lock's end when this failure locks `account` from
/// `address`. Call inside a write transaction: on PostgreSQL the row is locked, so
/// concurrent failures all count.
pub fn register_failure(
    conn: &mut DbConnection,
    account: &str,
    address: &str,
    at: NaiveDateTime,
) -> QueryResult<Option<NaiveDateTime>> {
    diesel::sql_query(
        "INSERT INTO login_failures (account, address, failures) VALUES ($1, $2, 0) \
         ON CONFLICT (account, address) DO NOTHING",
    )
    .bind::<Text, _>(account)
    .bind::<Text, _>(address)
    .execute(conn)?;
    let lock = match conn {
        DbConnection::Postgresql(_) => " FOR UPDATE",
        DbConnection::Sqlite(_) => "",
    };
    let counter: Counter = diesel::sql_query(format!(
        "SELECT failures, locked_until FROM login_failures WHERE account = $1 AND address = $2{lock}"
    ))
    .bind::<Text, _>(account)
    .bind::<Text, _>(address)
    .get_result(conn)?;
    let (failures, locked_until) = lockout::after_failure(counter.failures, at);
    diesel::sql_query(
        "UPDATE login_failures SET failures = $1, locked_until = $2 \
         WHERE account = $3 AND address = $4",
    )
    .bind::<Integer, _>(failures)
    .bind::<Nullable<Timestamp>, _>(locked_until)
    .bind::<Text, _>(account)
    .bind::<Text, _>(address)
    .execute(conn)?;
    Ok(locked_until)
}

/// Forgets the failures of `account` from `address` (after a successful sign-in).
pub fn clear(conn: &mut DbConnection, account: &str, address: &str) -> QueryResult<usize> {
    diesel::sql_query("DELETE FROM login_failures WHERE account = $1 AND address = $2")
        .bind::<Text, _>(account)
        .bind::<Text, _>(address)
        .execute(conn)
}

/// Forgets every lock on `account` (a new password, or an administrator's reactivation).
pub fn clear_account(conn: &mut DbConnection, account: &str) -> QueryResult<usize> {
    diesel::sql_query("DELETE FROM login_failures WHERE account = $1")
        .bind::<Text, _>(account)
        .execute(conn)
}
