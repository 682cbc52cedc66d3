//! An actix-session store over the `sessions` table, so that several instances share sessions
//! and any of them can end one: logout, deactivation and a password change delete the rows.
//!
//! Timeouts: a session ends after 30 minutes without a request (idle) and 12 hours after
//! sign-in (absolute), whatever the cookie says.

use std::collections::HashMap;

use actix_session::storage::{
    LoadError, SaveError, SessionKey, SessionStore, UpdateError, generate_session_key,
};
use actix_web::cookie::time::Duration as CookieDuration;
use chrono::{NaiveDateTime, TimeDelta};
use sha2::{Digest, Sha256};

use super::SESSION_USER_ID;
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
}

impl DbSessionStore {
    pub fn new(db: Db) -> Self {
        Self { db }
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

fn is_expired(row: &SessionRow, at: NaiveDateTime) -> bool {
    at >= row.expires_at || at >= row.created_at + ABSOLUTE_TIMEOUT
}

impl SessionStore for DbSessionStore {
    async fn load(&self, key: &SessionKey) -> Result<Option<State>, LoadError> {
        let id = storage_id(key);
        let found = self
            .db
            .run(move |conn| {
                let Some(row) = sessions::find(conn, &id)? else {
                    return Ok(None);
                };
                let at = now();
                if is_expired(&row, at) {
                    sessions::delete(conn, &id)?;
                    return Ok(None);
                }
                if at - row.last_seen_at >= TOUCH_INTERVAL {
                    sessions::touch(conn, &id, at, at + IDLE_TIMEOUT)?;
                }
                Ok(Some(row.state))
            })
            .await
            .map_err(|e| LoadError::Other(anyhow::anyhow!("{e}")))?;
        found
            .map(|state| serde_json::from_str::<State>(&state))
            .transpose()
            .map_err(|e| LoadError::Deserialization(e.into()))
    }

    async fn save(&self, state: State, _ttl: &CookieDuration) -> Result<SessionKey, SaveError> {
        let key = generate_session_key();
        let body = serde_json::to_string(&state).map_err(|e| SaveError::Serialization(e.into()))?;
        let at = now();
        let row = SessionRow {
            id: storage_id(&key),
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
        self.db
            .run(move |conn| {
                Ok(sessions::update_state(
                    conn,
                    &id,
                    user_id.as_deref(),
                    &body,
                )?)
            })
            .await
            .map_err(|e| UpdateError::Other(anyhow::anyhow!("{e}")))?;
        Ok(key)
    }

    async fn update_ttl(&self, _key: &SessionKey, _ttl: &CookieDuration) -> anyhow::Result<()> {
        // Activity is recorded in `load`, throttled.
        Ok(())
    }

    async fn delete(&self, key: &SessionKey) -> anyhow::Result<()> {
        let id = storage_id(key);
        self.db
            .run(move |conn| Ok(sessions::delete(conn, &id)?))
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        Ok(())
    }
}

/// Deletes expired sessions; run periodically.
pub fn purge_expired(db: &Db) -> anyhow::Result<usize> {
    let mut conn = db.conn().map_err(|e| anyhow::anyhow!("{e}"))?;
    let at = now();
    Ok(sessions::delete_expired(
        &mut conn,
        at,
        at - ABSOLUTE_TIMEOUT,
    )?)
}
