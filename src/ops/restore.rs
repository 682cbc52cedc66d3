//! `jobmap restore PATH`: puts a backup in place of the configured SQLite database. It checks
//! the file first (a SQLite database that passes its integrity check and carries jobmap's
//! migrations) and refuses while any jobmap process has the database open: every process that
//! opens it holds a shared lock on `<database>.lock` (see `db::Db::open`), and a restore
//! needs that lock exclusively. The database it replaces is kept beside it, renamed.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sqlite::SqliteConnection;

use super::backup::{Inspection, inspect, with_suffix};
use crate::db::DbUrl;

#[derive(Debug)]
pub struct Restored {
    pub target: PathBuf,
    /// Where the database that was replaced now lies, if there was one.
    pub previous: Option<PathBuf>,
    pub inspection: Inspection,
}

/// The lock file every process using the SQLite database at `db` holds.
pub fn lock_path(db: &Path) -> PathBuf {
    with_suffix(db, ".lock")
}

pub fn open_lock_file(db: &Path) -> std::io::Result<File> {
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(lock_path(db))
}

pub fn restore(url: &DbUrl, source: &Path) -> anyhow::Result<Restored> {
    let target = match url {
        DbUrl::Postgres(_) => bail!(
            "jobmap restore puts back a SQLite backup only. On PostgreSQL, restore a pg_dump \
             file with pg_restore into an empty database, or recover a base backup to a point \
             in time (see README, \"Operating jobmap\")."
        ),
        DbUrl::Sqlite(path) => path.clone(),
    };
    let inspection = inspect(source)?;
    if target.exists()
        && let (Ok(a), Ok(b)) = (source.canonicalize(), target.canonicalize())
        && a == b
    {
        bail!("{} is the database itself", source.display());
    }
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the directory {}", dir.display()))?;
    }
    let lock = open_lock_file(&target)
        .with_context(|| format!("cannot open {}", lock_path(&target).display()))?;
    match lock.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => bail!(
            "the database {} is in use by a running jobmap (or another jobmap command): \
             stop it first, then restore",
            target.display()
        ),
        Err(TryLockError::Error(e)) => {
            return Err(e).context(format!("cannot lock {}", lock_path(&target).display()));
        }
    }
    let previous = if target.exists() {
        // Fold the write-ahead log into the file, so the copy kept aside is whole.
        let mut conn = SqliteConnection::establish(&target.to_string_lossy())
            .with_context(|| format!("cannot open {}", target.display()))?;
        conn.batch_execute("PRAGMA busy_timeout = 5000; PRAGMA wal_checkpoint(TRUNCATE);")
            .with_context(|| format!("cannot checkpoint {}", target.display()))?;
        drop(conn);
        let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
        let aside = with_suffix(&target, &format!(".before-restore-{stamp}"));
        std::fs::rename(&target, &aside)
            .with_context(|| format!("cannot move {} aside", target.display()))?;
        for leftover in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(with_suffix(&target, leftover));
        }
        Some(aside)
    } else {
        None
    };
    let incoming = with_suffix(&target, ".restoring");
    std::fs::copy(source, &incoming)
        .with_context(|| format!("cannot copy {} to {}", source.display(), incoming.display()))?;
    File::open(&incoming)
        .and_then(|f| f.sync_all())
        .with_context(|| format!("cannot flush {}", incoming.display()))?;
    std::fs::rename(&incoming, &target)
        .with_context(|| format!("cannot put the backup at {}", target.display()))?;
    drop(lock);
    Ok(Restored {
        target,
        previous,
        inspection,
    })
}
