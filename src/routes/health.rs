//! Health endpoints for load balancers and orchestrators, none of which need signing in:
//! `/livez` (the process answers), `/readyz` (the database answers and takes writes) and
//! `/healthz` (the database answers; kept as documented for existing checks).

use actix_web::{HttpResponse, web};
use diesel::connection::SimpleConnection;

use crate::db::Db;
use crate::error::AppError;
use crate::ops::readiness;

fn no_store(mut r: actix_web::HttpResponseBuilder, body: serde_json::Value) -> HttpResponse {
    r.insert_header(("Cache-Control", "no-store")).json(body)
}

pub async fn check(db: web::Data<Db>) -> HttpResponse {
    let backend = db.url().backend_name();
    match db
        .run(|conn| conn.batch_execute("SELECT 1").map_err(Into::into))
        .await
    {
        Ok(()) => no_store(
            HttpResponse::Ok(),
            serde_json::json!({ "status": "ok", "database": backend }),
        ),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            no_store(
                HttpResponse::ServiceUnavailable(),
                serde_json::json!({ "status": "unavailable", "database": backend }),
            )
        }
    }
}

/// The process is up and serving; says nothing about the database, so an orchestrator does
/// not restart instances for an outage that a restart cannot mend.
pub async fn live() -> HttpResponse {
    no_store(HttpResponse::Ok(), serde_json::json!({ "status": "ok" }))
}

/// Ready for traffic: the database answers and accepts a write (see `ops::readiness`).
pub async fn ready(db: web::Data<Db>) -> HttpResponse {
    let backend = db.url().backend_name();
    // The reason's code goes to the caller, its details (hosts, paths) only to the log.
    let outcome = db
        .run(|conn| Ok(readiness::probe(conn).map_err(|e| (e.code(), e.to_string()))))
        .await
        .unwrap_or_else(|e: AppError| Err(("unreachable", e.to_string())));
    match outcome {
        Ok(()) => no_store(
            HttpResponse::Ok(),
            serde_json::json!({ "status": "ready", "database": backend }),
        ),
        Err((reason, details)) => {
            tracing::warn!(reason, %details, "not ready");
            no_store(
                HttpResponse::ServiceUnavailable(),
                serde_json::json!({ "status": "unavailable", "database": backend, "reason": reason }),
            )
        }
    }
}
