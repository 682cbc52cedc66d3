//! Whether this instance can serve writes (`/readyz`): the database answers, accepts a write
//! (made in a transaction that is then rolled back, so nothing is kept), and the last real
//! write did not fail for lack of space or an I/O error.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Text, Timestamp};

use crate::db::{DbConnection, new_id, now, write_transaction, writes_failing};

/// Why the database is not ready, in words for the operator reading `/readyz`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotReady {
    /// A write is refused: a read-only file or server, a full disk, a lost lock.
    NotWritable(String),
    /// The last write failed at the storage level and a fresh one failed too.
    WritesFailing(String),
}

impl NotReady {
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotWritable(_) => "not_writable",
            Self::WritesFailing(_) => "writes_failing",
        }
    }
}

impl std::fmt::Display for NotReady {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotWritable(e) => write!(f, "the database refuses writes: {e}"),
            Self::WritesFailing(e) => write!(f, "writes are failing: {e}"),
        }
    }
}

enum Probe {
    /// The write went through; roll it back.
    Written,
    Failed(diesel::result::Error),
}

impl From<diesel::result::Error> for Probe {
    fn from(e: diesel::result::Error) -> Self {
        Self::Failed(e)
    }
}

fn write_probe_row(conn: &mut DbConnection) -> QueryResult<()> {
    let id = new_id();
    diesel::sql_query(
        "INSERT INTO check_runs (id, checked_at, kind, differences, duration_ms, summary) \
         VALUES ($1, $2, 'probe', $3, $4, '')",
    )
    .bind::<Text, _>(&id)
    .bind::<Timestamp, _>(now())
    .bind::<Integer, _>(0)
    .bind::<BigInt, _>(0)
    .execute(conn)?;
    diesel::sql_query("DELETE FROM check_runs WHERE id = $1")
        .bind::<Text, _>(&id)
        .execute(conn)?;
    Ok(())
}

pub fn probe(conn: &mut DbConnection) -> Result<(), NotReady> {
    match write_transaction(conn, |c| {
        write_probe_row(c)?;
        Err::<(), Probe>(Probe::Written)
    }) {
        Err(Probe::Written) | Ok(()) => {}
        Err(Probe::Failed(e)) => return Err(NotReady::NotWritable(e.to_string())),
    }
    if writes_failing() {
        // Only a write that commits shows the storage works again; it leaves nothing behind.
        write_transaction(conn, write_probe_row)
            .map_err(|e| NotReady::WritesFailing(e.to_string()))?;
    }
    Ok(())
}
