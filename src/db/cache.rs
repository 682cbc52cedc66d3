//! Page data computed from the figures, kept in memory until the figures change.
//!
//! Every write that changes the figures (a flushed `Tally`, a monthly plan) advances the
//! process's generation when it commits, and the generation is part of every key: a page
//! never shows figures older than the last write this process committed. On PostgreSQL the
//! other instances hear of the commit at once (`db::listen`); otherwise (a second process on
//! one SQLite file, the command line) its writes are seen once an entry expires, after `TTL`.

use std::any::Any;
use std::cell::Cell;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use crate::error::AppError;

pub const TTL: Duration = Duration::from_secs(2);

static GENERATION: AtomicU64 = AtomicU64::new(0);

thread_local! {
    /// Whether the transaction running on this thread changed the figures.
    static TOUCHED: Cell<bool> = const { Cell::new(false) };
}

pub fn generation() -> u64 {
    GENERATION.load(Ordering::Acquire)
}

/// The figures are changing on this thread. Advances the generation now (for writes outside
/// a transaction) and again when the transaction commits (see `committed`): a page loaded in
/// between read the old figures under the new generation, and must not be kept.
pub fn touched() {
    TOUCHED.with(|t| t.set(true));
    GENERATION.fetch_add(1, Ordering::AcqRel);
}

/// Whether the transaction running on this thread changed the figures (to tell the other
/// instances before it commits, see `db::listen`).
pub(crate) fn is_touched() -> bool {
    TOUCHED.with(Cell::get)
}

/// Another instance committed a change to the figures (`db::listen`).
pub(crate) fn changed_elsewhere() {
    GENERATION.fetch_add(1, Ordering::AcqRel);
}

pub(crate) fn committed() {
    if TOUCHED.with(|t| t.replace(false)) {
        GENERATION.fetch_add(1, Ordering::AcqRel);
    }
}

pub(crate) fn rolled_back() {
    TOUCHED.with(|t| t.set(false));
}

pub type Entry = Arc<dyn Any + Send + Sync>;

/// One pool's cache (each database has its own). Concurrent requests for an entry that is
/// missing wait for one load instead of each running it (moka's `get_with`).
///
/// An entry that only expired (same generation: nothing changed in this process) is reloaded
/// by one request while the others are answered from the entry it replaces, so the pages do
/// not all stall on a reload every `TTL`. After a local write the generation differs and
/// everyone waits for the new load: a page never shows data older than this process's writes.
#[derive(Clone)]
pub struct PageCache {
    fresh: moka::future::Cache<String, Entry>,
    /// The last load of each entry, by what and type, with the generation it was loaded in.
    last: moka::future::Cache<String, (u64, Entry)>,
    /// The entries being reloaded right now.
    reloading: Arc<std::sync::Mutex<std::collections::HashSet<String>>>,
}

impl Default for PageCache {
    fn default() -> Self {
        Self {
            fresh: moka::future::Cache::builder()
                .max_capacity(512)
                .time_to_live(TTL)
                .build(),
            last: moka::future::Cache::builder().max_capacity(512).build(),
            reloading: Arc::default(),
        }
    }
}

impl PageCache {
    /// The key for `what` of type `T` under the current generation. Take it before loading.
    pub fn key<T: 'static>(what: &str) -> String {
        format!("{}|{}|{what}", generation(), std::any::type_name::<T>())
    }

    /// The entry for `what` of type `T`, loaded by `load` when missing. A failed load is not
    /// kept: the next request tries again.
    pub async fn get_or_load<T, Fut>(&self, what: &str, load: Fut) -> Result<Arc<T>, AppError>
    where
        T: Any + Send + Sync,
        Fut: std::future::Future<Output = Result<T, AppError>>,
    {
        let key = Self::key::<T>(what);
        let slot = format!("{}|{what}", std::any::type_name::<T>());
        let generation = generation();
        let mut _reloading = None;
        if !self.fresh.contains_key(&key) {
            match self.stale_while_reloading(&slot, generation).await {
                Ok(entry) => {
                    crate::monitoring::cache(true);
                    return downcast(entry);
                }
                // Cleared however this load ends, a dropped request included.
                Err(guard) => _reloading = guard,
            }
        }
        let loaded = std::sync::atomic::AtomicBool::new(false);
        let result = self
            .fresh
            .try_get_with(key, async {
                loaded.store(true, Ordering::Relaxed);
                let value: Entry = Arc::new(load.await?);
                Ok::<_, AppError>(value)
            })
            .await;
        drop(_reloading);
        let entry = result.map_err(|e| match e.as_ref() {
            AppError::Unavailable(m) => AppError::Unavailable(m.clone()),
            other => AppError::Internal(anyhow::anyhow!("{other}")),
        })?;
        self.last.insert(slot, (generation, entry.clone())).await;
        // A request that waited for another's load counts as a hit: it did not run the query.
        crate::monitoring::cache(!loaded.load(Ordering::Relaxed));
        downcast(entry)
    }

    /// The previous load of `slot` when it is of this generation and another request is
    /// already reloading it; otherwise this request loads, and holds the mark that says so
    /// when the previous load can stand in meanwhile.
    async fn stale_while_reloading(
        &self,
        slot: &str,
        generation: u64,
    ) -> Result<Entry, Option<Reloading>> {
        let Some((loaded_in, entry)) = self.last.get(slot).await else {
            return Err(None);
        };
        if loaded_in != generation {
            return Err(None);
        }
        let Ok(mut reloading) = self.reloading.lock() else {
            return Err(None);
        };
        if reloading.insert(slot.to_owned()) {
            Err(Some(Reloading {
                set: self.reloading.clone(),
                slot: slot.to_owned(),
            }))
        } else {
            Ok(entry)
        }
    }
}

/// The mark of an entry being reloaded, removed when the load ends or is dropped.
struct Reloading {
    set: Arc<std::sync::Mutex<std::collections::HashSet<String>>>,
    slot: String,
}

impl Drop for Reloading {
    fn drop(&mut self) {
        if let Ok(mut set) = self.set.lock() {
            set.remove(&self.slot);
        }
    }
}

fn downcast<T: Any + Send + Sync>(entry: Entry) -> Result<Arc<T>, AppError> {
    entry
        .downcast::<T>()
        .map_err(|_| AppError::Internal(anyhow::anyhow!("cache entry of another type")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_makes_new_keys_and_a_commit_makes_them_again() {
        let before = PageCache::key::<u32>("dashboard 2020-07-10");
        assert_ne!(before, PageCache::key::<String>("dashboard 2020-07-10"));
        touched();
        let during = PageCache::key::<u32>("dashboard 2020-07-10");
        assert_ne!(before, during);
        committed();
        assert_ne!(during, PageCache::key::<u32>("dashboard 2020-07-10"));
        committed();
        let after = PageCache::key::<u32>("dashboard 2020-07-10");
        assert_eq!(after, PageCache::key::<u32>("dashboard 2020-07-10"));
    }
}
