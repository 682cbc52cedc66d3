//! An actix-session store over the `sessions` table, so that several instances share sessions
//! and any of them can end one: logout, deactivation and a password change delete the rows.
//!
//! Timeouts: a session ends after 30 minutes without a request (idle) and 12 hours after
//! sign-in (absolute), whatever the cookie says.
//!
//! Sessions are served from memory (`session_cache`) while no signal says they changed; every
//! write goes to the database first and then to memory, so the next request, here or on
//! another instance, sees it.

use std::collections::HashMap;
use std::sync::Arc;

use actix_session::storage::{
    LoadError, SaveError, SessionKey, SessionStore, UpdateError, generate_session_key,
};
use actix_web::cookie::time::Duration as CookieDuration;
use chrono::{NaiveDateTime, TimeDelta};
use sha2::{Digest, Sha256};

use super::SESSION_USER_ID;
use super::session_cache::{CachedSession, SessionCache};
use crate::db::sessions::{self, SessionRow};
use crate::db::{Db, now};

pub const IDLE_TIMEOUT: TimeDelta = TimeDelta::minutes(30);
pub const ABSOLUTE_TIMEOUT: TimeDelta = TimeDelta::hours(12);
/// Activity is written at most this often per session, so reading pages does not mean a
/// database write per request.
const TOUCH_INTERVAL: TimeDelta = TimeDelta::seconds(60);

#[derive(Clone)]
pub struct DbSessionStore {
    db: Db,
    cache: Arc<SessionCache>,
}

impl DbSessionStore {
    /// A store whose sessions are kept in `cache` (shared with `current_user::load_user`).
    pub fn new(db: Db, cache: Arc<SessionCache>) -> Self {
        Self { db, cache }
    }
}

type State = HashMap<String, String>;

/// The stored id of a session key: its SHA-256, hex.
pub fn storage_id(key: &SessionKey) -> String {
    Sha256::digest(key.as_ref().as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn user_id_of(state: &State) -> Option<String> {
    state
        .get(SESSION_USER_ID)
        .and_then(|v| serde_json::from_str::<String>(v).ok())
}

fn is_expired(expires_at: NaiveDateTime, created_at: NaiveDateTime, at: NaiveDateTime) -> bool {
    at >= expires_at || at >= created_at + ABSOLUTE_TIMEOUT
}

fn parse_state(body: &str) -> Result<State, LoadError> {
    serde_json::from_str::<State>(body).map_err(|e| LoadError::Deserialization(e.into()))
}

fn load_error(e: crate::error::AppError) -> LoadError {
    LoadError::Other(anyhow::anyhow!("{e}"))
}

impl DbSessionStore {
    /// A session from memory: still checked for expiry on every request, its activity
    /// written at most once a minute.
    async fn serve_cached(
        &self,
        id: String,
        session: Arc<CachedSession>,
    ) -> Result<Option<State>, LoadError> {
        let at = now();
        if is_expired(session.expires_at, session.created_at, at) {
            self.cache.forget_session(&id).await;
            self.db
                .run(move |conn| Ok(sessions::delete(conn, &id)?))
                .await
                .map_err(load_error)?;
            return Ok(None);
        }
        if at - session.last_seen_at >= TOUCH_INTERVAL {
            let key = id.clone();
            let touched = self
                .db
                .run(move |conn| Ok(sessions::touch(conn, &key, at, at + IDLE_TIMEOUT)?))
                .await
                .map_err(load_error)?;
            if touched == 0 {
                // Ended meanwhile, and its signal not applied yet.
                self.cache.forget_session(&id).await;
                return Ok(None);
            }
            self.cache.put_seen(&id, at, at + IDLE_TIMEOUT).await;
        }
        Ok(Some(session.state.clone()))
    }
}

impl SessionStore for DbSessionStore {
    async fn load(&self, key: &SessionKey) -> Result<Option<State>, LoadError> {
        let id = storage_id(key);
        let generation = self.cache.refresh().await;
        if generation.is_some()
            && let Some(session) = self.cache.session(&id).await
        {
            return self.serve_cached(id, session).await;
        }
        let key = id.clone();
        let found = self
            .db
            .run(move |conn| {
                let Some(mut row) = sessions::find(conn, &key)? else {
                    return Ok(None);
                };
                let at = now();
                if is_expired(row.expires_at, row.created_at, at) {
                    sessions::delete(conn, &key)?;
                    return Ok(None);
                }
                if at - row.last_seen_at >= TOUCH_INTERVAL {
                    sessions::touch(conn, &key, at, at + IDLE_TIMEOUT)?;
                    row.last_seen_at = at;
                    row.expires_at = at + IDLE_TIMEOUT;
                }
                Ok(Some(row))
            })
            .await
            .map_err(load_error)?;
        let Some(row) = found else {
            return Ok(None);
        };
        let state = parse_state(&row.state)?;
        if let Some(generation) = generation {
            self.cache
                .put_session(
                    id,
                    generation,
                    CachedSession {
                        state: state.clone(),
                        created_at: row.created_at,
                        last_seen_at: row.last_seen_at,
                        expires_at: row.expires_at,
                    },
                )
                .await;
        }
        Ok(Some(state))
    }

    async fn save(&self, state: State, _ttl: &CookieDuration) -> Result<SessionKey, SaveError> {
        let key = generate_session_key();
        let body = serde_json::to_string(&state).map_err(|e| SaveError::Serialization(e.into()))?;
        let at = now();
        let generation = self.cache.applied();
        let id = storage_id(&key);
        let row = SessionRow {
            id: id.clone(),
            user_id: user_id_of(&state),
            state: body,
            created_at: at,
            last_seen_at: at,
            expires_at: at + IDLE_TIMEOUT,
        };
        self.db
            .run(move |conn| Ok(sessions::insert(conn, &row)?))
            .await
            .map_err(|e| SaveError::Other(anyhow::anyhow!("{e}")))?;
        if let Some(generation) = generation {
            let session = CachedSession {
                state,
                created_at: at,
                last_seen_at: at,
                expires_at: at + IDLE_TIMEOUT,
            };
            self.cache.put_session(id, generation, session).await;
        }
        Ok(key)
    }

    async fn update(
        &self,
        key: SessionKey,
        state: State,
        _ttl: &CookieDuration,
    ) -> Result<SessionKey, UpdateError> {
        let body =
            serde_json::to_string(&state).map_err(|e| UpdateError::Serialization(e.into()))?;
        let id = storage_id(&key);
        let user_id = user_id_of(&state);
        // If the row is gone the session was ended meanwhile (logout elsewhere, deactivation):
        // it stays ended rather than being brought back by this late write.
        let row = id.clone();
        let updated = self
            .db
            .run(move |conn| {
                Ok(sessions::update_state(
                    conn,
                    &row,
                    user_id.as_deref(),
                    &body,
                )?)
            })
            .await
            .map_err(|e| UpdateError::Other(anyhow::anyhow!("{e}")))?;
        // The next request must see this state (a new CSRF token, say), here at once; other
        // instances learn of it from the change's signal.
        if updated == 0 {
            self.cache.forget_session(&id).await;
        } else {
            self.cache.put_state(&id, state).await;
        }
        Ok(key)
    }

    async fn update_ttl(&self, _key: &SessionKey, _ttl: &CookieDuration) -> anyhow::Result<()> {
        // Activity is recorded in `load`, throttled.
        Ok(())
    }

    async fn delete(&self, key: &SessionKey) -> anyhow::Result<()> {
        let id = storage_id(key);
        self.cache.forget_session(&id).await;
        let row = id.clone();
        self.db
            .run(move |conn| Ok(sessions::delete(conn, &row)?))
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        // Again, in case a request read it back meanwhile (its signal also ends it).
        self.cache.forget_session(&id).await;
        Ok(())
    }
}

/// Deletes expired sessions, and the signals old enough that no instance needs them; run
/// periodically.
pub fn purge_expired(db: &Db) -> anyhow::Result<usize> {
    let mut conn = db.conn().map_err(|e| anyhow::anyhow!("{e}"))?;
    let at = now();
    let removed = sessions::delete_expired(&mut conn, at, at - ABSOLUTE_TIMEOUT)?;
    drop(conn);
    super::session_cache::purge_signals(db).map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(removed)
}
