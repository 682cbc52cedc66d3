//! The signed-in user: loaded once per request by [`load_user`], then taken by handlers as an
//! extractor. Role checks are small guards on it; scope checks belong in the queries.

use std::future::{Ready, ready};

use actix_session::SessionExt;
use actix_web::body::MessageBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{CACHE_CONTROL, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};

use super::SESSION_USER_ID;
use super::session_cache::SessionCache;
use crate::db::Db;
use crate::db::users::{self, UserRow};
use crate::domain::language::Language;
use crate::domain::role::{Role, Scope};
use crate::error::AppError;
use crate::web::language::AccountLanguage;

#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub id: String,
    pub login: String,
    pub full_name: String,
    pub role: Role,
    pub scope: Scope,
    pub language: Language,
}

impl CurrentUser {
    pub fn from_row(row: &UserRow) -> Option<Self> {
        let role = row.role()?;
        let scope = match role {
            Role::Admin | Role::Commission => Scope::National,
            Role::Akimat => Scope::Region(row.region_code.clone()?),
            Role::Contractor => Scope::Contractor(row.contractor_bin.clone()?),
        };
        Some(Self {
            id: row.id.clone(),
            login: row.login.clone(),
            full_name: row.full_name.clone(),
            role,
            scope,
            language: row.language(),
        })
    }

    /// Passes when the user has one of `roles`; otherwise 403.
    pub fn require(&self, roles: &[Role]) -> Result<(), AppError> {
        if roles.contains(&self.role) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    pub fn is(&self, role: Role) -> bool {
        self.role == role
    }

    /// The name shown in the header: the full name when there is one.
    pub fn display_name(&self) -> &str {
        if self.full_name.is_empty() {
            &self.login
        } else {
            &self.full_name
        }
    }

    pub fn actor(&self) -> crate::db::audit::Actor {
        crate::db::audit::Actor::User {
            id: self.id.clone(),
            login: self.login.clone(),
        }
    }
}

impl FromRequest for CurrentUser {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            req.extensions()
                .get::<CurrentUser>()
                .cloned()
                .ok_or_else(|| {
                    let next = req
                        .uri()
                        .path_and_query()
                        .map_or("/", |pq| pq.as_str())
                        .to_owned();
                    AppError::SignInRequired { next }
                }),
        )
    }
}

/// Middleware: reads the session's user, checks the account is still active (a deactivated
/// user is signed out on their next request even if a session row survived), and marks
/// signed-in responses `Cache-Control: no-store`. The account comes from memory while no
/// signal says it changed (see `session_cache`).
pub async fn load_user(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    // Cookies never authenticate the API: its requests have no signed-in user.
    if crate::api::is_token_path(req.path()) {
        return next.call(req).await;
    }
    let session = req.get_session();
    let user_id = session.get::<String>(SESSION_USER_ID).ok().flatten();
    let mut signed_in = false;
    if let Some(id) = user_id {
        let db = req
            .app_data::<web::Data<Db>>()
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("database not configured")))?
            .clone();
        let cache = req.app_data::<web::Data<SessionCache>>().cloned();
        let remembered = match &cache {
            Some(cache) => cache.user(&id).await,
            None => None,
        };
        let user = match remembered {
            Some(user) => user,
            None => {
                // Tagged before the read, so a signal applied meanwhile marks it stale.
                let generation = cache.as_ref().and_then(|c| c.applied());
                let key = id.clone();
                let row = db.run(move |conn| Ok(users::find(conn, &key)?)).await?;
                let user = row
                    .filter(|u| u.active)
                    .as_ref()
                    .and_then(CurrentUser::from_row);
                if let (Some(cache), Some(generation)) = (&cache, generation) {
                    cache.put_user(id, generation, user.clone()).await;
                }
                user
            }
        };
        match user {
            Some(user) => {
                req.extensions_mut().insert(AccountLanguage(user.language));
                req.extensions_mut().insert(user);
                signed_in = true;
            }
            None => session.purge(),
        }
    }
    let mut res = next.call(req).await?;
    // Pages made for a signed-in user must not linger in caches; assets say their own policy.
    if signed_in && !res.headers().contains_key(CACHE_CONTROL) {
        res.headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    Ok(res)
}
