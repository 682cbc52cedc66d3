//! Scheduled backups for the embedded SQLite database (`JOBMAP_BACKUP_DIR`): a plain thread
//! takes a `jobmap backup` into the directory every `JOBMAP_BACKUP_INTERVAL` and keeps the
//! newest `JOBMAP_BACKUP_KEEP`. It runs off the async executor and sleeps almost always.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::db::Db;

const PREFIX: &str = "jobmap-";
const SUFFIX: &str = ".db";

#[derive(Debug, Clone)]
pub struct Schedule {
    pub dir: PathBuf,
    pub every: Duration,
    pub keep: usize,
}

/// `24h`, `30m`, `2d`, or a bare number of hours.
pub fn parse_interval(text: &str) -> Result<Duration, String> {
    let t = text.trim();
    let (number, unit) = match t.char_indices().find(|(_, c)| c.is_ascii_alphabetic()) {
        Some((i, _)) => (&t[..i], &t[i..]),
        None => (t, "h"),
    };
    let n: u64 = number
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not an interval: use e.g. 24h, 30m or 2d"))?;
    let seconds = match unit {
        "m" | "min" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return Err(format!("{text:?}: the unit must be m, h or d")),
    };
    if n == 0 {
        return Err("the backup interval must be more than zero".into());
    }
    Ok(Duration::from_secs(n.saturating_mul(seconds)))
}

/// The backups this schedule wrote into `dir`, oldest first (their names sort by time).
pub fn existing(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(PREFIX) && n.ends_with(SUFFIX))
        })
        .collect();
    found.sort();
    found
}

/// Removes all but the newest `keep` backups; returns the ones removed.
pub fn prune(dir: &Path, keep: usize) -> Vec<PathBuf> {
    let found = existing(dir);
    let excess = found.len().saturating_sub(keep.max(1));
    found
        .into_iter()
        .take(excess)
        .filter(|p| std::fs::remove_file(p).is_ok())
        .collect()
}

/// How long until the next backup is due: an interval after the newest one in `dir`.
fn due_in(schedule: &Schedule) -> Duration {
    let newest = existing(&schedule.dir)
        .last()
        .and_then(|p| std::fs::metadata(p).ok())
        .and_then(|m| m.modified().ok());
    match newest.and_then(|t| SystemTime::now().duration_since(t).ok()) {
        Some(age) => schedule.every.saturating_sub(age),
        None => Duration::ZERO,
    }
}

/// Takes one scheduled backup now and prunes the old ones.
pub fn run_once(db: &Db, schedule: &Schedule) -> anyhow::Result<super::backup::BackupReport> {
    let name = format!(
        "{PREFIX}{}{SUFFIX}",
        chrono::Utc::now().format("%Y%m%d-%H%M%S")
    );
    let report = super::backup::backup(db, &schedule.dir.join(name))?;
    for removed in prune(&schedule.dir, schedule.keep) {
        tracing::info!(path = %removed.display(), "old backup removed");
    }
    Ok(report)
}

pub fn spawn(db: Db, schedule: Schedule) {
    let started = std::thread::Builder::new()
        .name("backups".into())
        .spawn(move || {
            loop {
                std::thread::sleep(due_in(&schedule).max(Duration::from_secs(1)));
                match run_once(&db, &schedule) {
                    Ok(r) => tracing::info!(
                        path = %r.path.display(),
                        bytes = r.bytes,
                        seconds = r.took.as_secs_f64(),
                        "scheduled backup written"
                    ),
                    Err(e) => {
                        tracing::error!(error = %format!("{e:#}"), "scheduled backup failed");
                        // Not again at once: a full disk or a bad directory stays so a while.
                        std::thread::sleep(schedule.every.min(Duration::from_secs(3600)));
                    }
                }
            }
        });
    if let Err(e) = started {
        tracing::warn!(error = %e, "scheduled backups not started");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_read_as_an_operator_writes_them() {
        assert_eq!(parse_interval("24"), Ok(Duration::from_secs(86_400)));
        assert_eq!(parse_interval("6h"), Ok(Duration::from_secs(21_600)));
        assert_eq!(parse_interval("30m"), Ok(Duration::from_secs(1_800)));
        assert_eq!(parse_interval("2d"), Ok(Duration::from_secs(172_800)));
        assert!(parse_interval("0").is_err());
        assert!(parse_interval("soon").is_err());
        assert!(parse_interval("3w").is_err());
    }

    #[test]
    fn pruning_keeps_the_newest_backups_and_nothing_else_is_touched() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "jobmap-20261201-000000.db",
            "jobmap-20261202-000000.db",
            "jobmap-20261203-000000.db",
            "notes.txt",
        ] {
            std::fs::write(dir.path().join(name), b"x").unwrap();
        }
        let removed = prune(dir.path(), 2);
        assert_eq!(removed, [dir.path().join("jobmap-20261201-000000.db")]);
        assert_eq!(existing(dir.path()).len(), 2);
        assert!(dir.path().join("notes.txt").exists());
    }
}
