//! Who calls the API: the service account behind the request's bearer token. Taking
//! [`ApiCaller`] in a handler is what makes an endpoint need a token. The token is checked on
//! every request (a revoked or expired one is refused on the next request), its use is
//! recorded at most once a minute, and each token has its own rate limit.
//!
//! Cookies never authenticate the API: the session's user is not consulted here, and the CSRF
//! guard leaves `/api/` alone because nothing there acts on a cookie.

use std::future::Future;
use std::num::NonZeroU32;
use std::pin::Pin;

use actix_governor::governor::clock::{Clock, DefaultClock};
use actix_governor::governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use actix_web::dev::Payload;
use actix_web::http::header::AUTHORIZATION;
use actix_web::{FromRequest, HttpRequest, web};

use super::problem::ApiError;
use crate::db::Db;
use crate::domain::api_token;
use crate::usecase::acting::{Acting, ActingKind};
use crate::usecase::service_accounts;

/// Requests per minute per token, shared by all workers of this process (a burst of that many,
/// refilled at that rate). Build it once per process.
pub struct ApiLimits {
    limiter: DefaultKeyedRateLimiter<String>,
}

impl ApiLimits {
    pub fn per_minute(n: u32) -> Self {
        let n = NonZeroU32::new(n.max(1)).unwrap_or(NonZeroU32::MIN);
        Self {
            limiter: RateLimiter::keyed(Quota::per_minute(n)),
        }
    }

    /// `Err(seconds to wait)` when the token has used up its requests.
    fn check(&self, token_id: &str) -> Result<(), u64> {
        self.limiter
            .check_key(&token_id.to_owned())
            .map_err(|not_until| {
                let wait = not_until.wait_time_from(DefaultClock::default().now());
                wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
            })
    }
}

/// The service account acting, as the use cases take it, and the token it came with.
#[derive(Debug, Clone)]
pub struct ApiCaller {
    pub acting: Acting,
    pub token_id: String,
}

impl ApiCaller {
    pub fn scope(&self) -> &crate::domain::role::Scope {
        &self.acting.scope
    }
}

impl FromRequest for ApiCaller {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let token = req
            .headers()
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(api_token::from_authorization)
            .map(str::to_owned);
        let db = req.app_data::<web::Data<Db>>().cloned();
        let limits = req.app_data::<web::Data<ApiLimits>>().cloned();
        Box::pin(async move {
            let token = token.ok_or_else(ApiError::unauthorized)?;
            let db = db.ok_or_else(|| {
                ApiError::from(crate::error::AppError::Internal(anyhow::anyhow!(
                    "database not configured"
                )))
            })?;
            let found = db
                .run(move |conn| {
                    Ok(service_accounts::authenticate(
                        conn,
                        &token,
                        crate::db::now(),
                    )?)
                })
                .await?;
            let (token_row, account) = found.ok_or_else(ApiError::unauthorized)?;
            let (Some(role), Some(scope)) = (account.role(), account.scope()) else {
                tracing::warn!(account = %account.id, "service account with an unusable role or scope");
                return Err(ApiError::unauthorized());
            };
            if let Some(limits) = limits {
                limits
                    .check(&token_row.id)
                    .map_err(ApiError::too_many_requests)?;
            }
            Ok(ApiCaller {
                acting: Acting {
                    id: account.id,
                    login: account.name,
                    role,
                    scope,
                    kind: ActingKind::ServiceAccount,
                },
                token_id: token_row.id,
            })
        })
    }
}
