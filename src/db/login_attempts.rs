//! Sign-in attempts per client address and clock minute (`migrations/*/…_login_attempts`),
//! counted in the database so that every instance behind the load balancer shares one limit.

use chrono::{NaiveDateTime, TimeDelta, Timelike};
use diesel::prelude::*;
use diesel::sql_types::{Integer, Text, Timestamp};

use super::DbConnection;

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = Integer)]
    attempts: i32,
}

/// Counts one attempt from `address` at `at`; returns the attempts from it in this minute,
/// this one included, and clears minutes long past.
pub fn count(conn: &mut DbConnection, address: &str, at: NaiveDateTime) -> QueryResult<i32> {
    let minute = at
        .with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(at);
    let counted: Count = diesel::sql_query(
        "INSERT INTO login_attempts (address, minute, attempts) VALUES ($1, $2, 1) \
         ON CONFLICT (address, minute) DO UPDATE SET attempts = login_attempts.attempts + 1 \
         RETURNING attempts",
    )
    .bind::<Text, _>(address)
    .bind::<Timestamp, _>(minute)
    .get_result(conn)?;
    // Every time, not only on a minute's first attempt: each sign-in runs the same statements
    // (the sign-in's timing must not vary with anything an attacker could learn from); the
    // index on `minute` makes it a seek that mostly finds nothing.
    diesel::sql_query("DELETE FROM login_attempts WHERE minute < $1")
        .bind::<Timestamp, _>(minute - TimeDelta::minutes(5))
        .execute(conn)?;
    Ok(counted.attempts)
}
