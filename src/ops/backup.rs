//! `jobmap backup PATH`: a consistent copy of the SQLite database taken while the server keeps
//! writing. `VACUUM INTO` reads the database in one read transaction (WAL lets writers go on)
//! and writes a compact copy; SQLite's online backup API, which the `sqlite3` shell's
//! `.backup` uses, restarts whenever another connection writes and may never finish.
//!
//! The copy is written under a temporary name, checked with `PRAGMA integrity_check`, and only
//! then given its name, so a file at PATH is always a whole, checked backup.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use diesel::sqlite::SqliteConnection;

use crate::db::{Db, DbUrl};

/// What `jobmap backup` says on PostgreSQL, where a file copy from one client is not a backup
/// an operator should rely on.
pub const POSTGRES_ADVICE: &str = "jobmap backup copies the embedded SQLite database only. \
    On PostgreSQL, back up with PostgreSQL's own tools: `pg_dump --format=custom` for a \
    logical copy (restore with pg_restore into an empty database), or base backups with WAL \
    archiving (pg_basebackup, or a tool such as pgBackRest or Barman) for point-in-time \
    recovery. See README, \"Operating jobmap\".";

/// The tables whose row counts a backup and a restore report.
pub const MAIN_TABLES: [&str; 11] = [
    "regions",
    "users",
    "projects",
    "project_status_changes",
    "contracts",
    "procurement_lines",
    "workers",
    "jobs",
    "lifting_payments",
    "monthly_plans",
    "audit_events",
];

/// The first migration every jobmap database has applied: how a restore tells a jobmap
/// database from any other SQLite file.
const FIRST_MIGRATION: &str = "20261128000001";

#[derive(Debug)]
pub struct BackupReport {
    pub path: PathBuf,
    pub bytes: u64,
    pub took: Duration,
    pub rows: Vec<(&'static str, i64)>,
}

/// What a SQLite file holds, once it has passed the checks.
#[derive(Debug)]
pub struct Inspection {
    pub rows: Vec<(&'static str, i64)>,
    pub migrations: i64,
}

#[derive(QueryableByName)]
struct IntegrityRow {
    #[diesel(sql_type = Text)]
    integrity_check: String,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Opens `path` (which must exist) and checks that it is a sound jobmap database: SQLite's
/// integrity check passes and jobmap's migrations have been applied to it.
pub fn inspect(path: &Path) -> anyhow::Result<Inspection> {
    if !path.is_file() {
        bail!("{} does not exist or is not a file", path.display());
    }
    let shown = path.display();
    let mut conn = SqliteConnection::establish(&path.to_string_lossy())
        .with_context(|| format!("cannot open {shown}"))?;
    let rows: Vec<IntegrityRow> = diesel::sql_query("PRAGMA integrity_check")
        .load(&mut conn)
        .map_err(|e| anyhow::anyhow!("{shown} is not a SQLite database ({e})"))?;
    let problems: Vec<String> = rows
        .into_iter()
        .map(|r| r.integrity_check)
        .filter(|r| r != "ok")
        .collect();
    if !problems.is_empty() {
        bail!(
            "{shown} fails SQLite's integrity check: {}",
            problems.join("; ")
        );
    }
    let migrations: Count = diesel::sql_query(format!(
        "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM __diesel_schema_migrations \
         WHERE version >= '{FIRST_MIGRATION}'"
    ))
    .get_result(&mut conn)
    .map_err(|_| anyhow::anyhow!("{shown} is a SQLite database but not a jobmap database"))?;
    let first: Count = diesel::sql_query(format!(
        "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM __diesel_schema_migrations \
         WHERE version = '{FIRST_MIGRATION}'"
    ))
    .get_result(&mut conn)?;
    if first.n == 0 {
        bail!("{shown} is a SQLite database but not a jobmap database");
    }
    let mut counts = Vec::new();
    for table in MAIN_TABLES {
        let c: Count =
            diesel::sql_query(format!("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM {table}"))
                .get_result(&mut conn)
                .map_err(|e| anyhow::anyhow!("{shown} lacks jobmap's table {table}: {e}"))?;
        counts.push((table, c.n));
    }
    Ok(Inspection {
        rows: counts,
        migrations: migrations.n,
    })
}

/// `path` with `suffix` added to its file name.
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Writes a checked copy of the database to `target`, which must not exist yet.
pub fn backup(db: &Db, target: &Path) -> anyhow::Result<BackupReport> {
    if let DbUrl::Postgres(_) = db.url() {
        bail!("{POSTGRES_ADVICE}");
    }
    if target.exists() {
        bail!(
            "{} already exists; jobmap backup never overwrites a file: choose a new name",
            target.display()
        );
    }
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the directory {}", dir.display()))?;
    }
    let started = Instant::now();
    let partial = with_suffix(target, ".partial");
    // A leftover from an interrupted backup under our own temporary name: never a backup.
    if partial.exists() {
        std::fs::remove_file(&partial)
            .with_context(|| format!("cannot remove the leftover {}", partial.display()))?;
    }
    let quoted = partial.to_string_lossy().replace('\'', "''");
    let mut conn = db.conn().map_err(|e| anyhow::anyhow!("{e}"))?;
    conn.batch_execute(&format!("VACUUM INTO '{quoted}'"))
        .with_context(|| format!("cannot write the copy to {}", partial.display()))?;
    drop(conn);
    let checked = inspect(&partial);
    let inspection = match checked {
        Ok(i) => i,
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            return Err(e.context("the copy failed its check and was removed"));
        }
    };
    std::fs::File::open(&partial)
        .and_then(|f| f.sync_all())
        .with_context(|| format!("cannot flush {}", partial.display()))?;
    std::fs::rename(&partial, target)
        .with_context(|| format!("cannot name the copy {}", target.display()))?;
    let bytes = std::fs::metadata(target).map(|m| m.len()).unwrap_or(0);
    Ok(BackupReport {
        path: target.to_owned(),
        bytes,
        took: started.elapsed(),
        rows: inspection.rows,
    })
}
