//! `/metrics`: the Prometheus text format, for allowed addresses or the bearer token only.
//! Anyone else gets the same 404 as an unknown URL, so the endpoint's existence does not leak.

use actix_web::{HttpRequest, HttpResponse, web};
use subtle::ConstantTimeEq;

use crate::auth::client_ip::client_ip;
use crate::config::Config;
use crate::db::Db;
use crate::error::AppError;
use crate::monitoring::{self, AllowList};

/// Who may read the metrics, parsed from the settings at start.
#[derive(Debug, Clone)]
pub struct MetricsAccess {
    pub allow: AllowList,
    pub token: Option<String>,
}

impl MetricsAccess {
    pub fn from_config(config: &Config) -> anyhow::Result<Self> {
        let allow = AllowList::parse(&config.metrics_allow)
            .map_err(|e| anyhow::anyhow!("JOBMAP_METRICS_ALLOW: {e}"))?;
        let token = config.metrics_token.clone().filter(|t| !t.is_empty());
        Ok(Self { allow, token })
    }

    fn permits(&self, req: &HttpRequest, trust_proxy: bool) -> bool {
        let bearer = req
            .headers()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        if let (Some(expected), Some(given)) = (&self.token, bearer) {
            return bool::from(expected.as_bytes().ct_eq(given.trim().as_bytes()));
        }
        client_ip(req, trust_proxy).is_some_and(|ip| self.allow.allows(ip))
    }
}

pub async fn show(
    req: HttpRequest,
    access: web::Data<MetricsAccess>,
    config: web::Data<Config>,
    db: web::Data<Db>,
) -> Result<HttpResponse, AppError> {
    if !access.permits(&req, config.trust_proxy) {
        return Err(AppError::NotFound);
    }
    let handle = monitoring::handle().ok_or(AppError::NotFound)?;
    let state = db.pool_state();
    monitoring::pool(state.in_use, state.idle, state.max);
    // `jobmap check` runs in its own process (or another instance): its last result is read
    // from the record every run leaves, not from this process's memory.
    if let Some(run) = db.run(|conn| Ok(crate::ops::runs::last(conn)?)).await? {
        monitoring::record_check(
            usize::try_from(run.differences).unwrap_or(usize::MAX),
            run.checked_at.and_utc().timestamp(),
        );
    }
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .body(handle.render()))
}
