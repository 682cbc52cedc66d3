//! Instances on one PostgreSQL database tell each other when the figures change.
//!
//! A write that changes the figures sends `NOTIFY jobmap_figures` inside its transaction
//! (PostgreSQL delivers it only if the transaction commits), naming the sending process. Each
//! server listens on a connection of its own and, on a notice from another process, advances
//! its cache generation: its pages load the new figures on their next request instead of after
//! the cache's TTL. Without the listener (it lost its connection) the TTL still bounds how stale
//! a page can be.

use std::sync::atomic::AtomicBool;
use std::sync::{LazyLock, Weak};
use std::time::Duration;

use diesel::pg::PgConnection;
use diesel::prelude::*;

use super::cache;

const CHANNEL: &str = "jobmap_figures";

/// How often the listener reads what has arrived on its connection: well inside the 100 ms
/// a page may lag behind another instance's write, and a cheap call (no round trip).
const POLL: Duration = Duration::from_millis(20);

/// This process among the instances, so that it ignores its own notices (its own commits
/// advance its generation already).
static PROCESS: LazyLock<String> = LazyLock::new(|| uuid::Uuid::new_v4().simple().to_string());

/// Tells the other instances, from inside the transaction that changed the figures.
pub fn notify_figures_changed(conn: &mut PgConnection) -> QueryResult<()> {
    diesel::sql_query(format!("NOTIFY {CHANNEL}, '{}'", *PROCESS))
        .execute(conn)
        .map(|_| ())
}

/// Listens for the other instances' notices until every handle on the database (`alive`) has
/// been dropped.
pub fn spawn(url: String, alive: Weak<AtomicBool>) {
    let started = std::thread::Builder::new()
        .name("jobmap-listen".into())
        .spawn(move || {
            while alive.strong_count() > 0 {
                match listen(&url, &alive) {
                    Ok(()) => return,
                    Err(e) => {
                        tracing::warn!(error = %e, "listening for other instances' writes failed; retrying");
                        std::thread::sleep(Duration::from_secs(1));
                    }
                }
            }
        });
    if let Err(e) = started {
        tracing::warn!(error = %e, "cannot start the listener for other instances' writes");
    }
}

fn listen(url: &str, alive: &Weak<AtomicBool>) -> Result<(), Box<dyn std::error::Error>> {
    let mut conn = PgConnection::establish(url)?;
    diesel::sql_query(format!("LISTEN {CHANNEL}")).execute(&mut conn)?;
    // Anything written while this connection was away is unknown: reload once.
    cache::changed_elsewhere();
    while alive.strong_count() > 0 {
        std::thread::sleep(POLL);
        let mut elsewhere = false;
        for notice in conn.notifications_iter() {
            elsewhere |= notice?.payload != *PROCESS;
        }
        if elsewhere {
            cache::changed_elsewhere();
        }
    }
    Ok(())
}
