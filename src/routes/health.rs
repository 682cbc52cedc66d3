//! `/healthz`: for load balancers and monitoring. 200 when the database answers, 503 otherwise.

use actix_web::{HttpResponse, web};
use diesel::connection::SimpleConnection;

use crate::db::Db;

pub async fn check(db: web::Data<Db>) -> HttpResponse {
    let backend = db.url().backend_name();
    match db
        .run(|conn| conn.batch_execute("SELECT 1").map_err(Into::into))
        .await
    {
        Ok(()) => HttpResponse::Ok()
            .insert_header(("Cache-Control", "no-store"))
            .json(serde_json::json!({ "status": "ok", "database": backend })),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            HttpResponse::ServiceUnavailable()
                .insert_header(("Cache-Control", "no-store"))
                .json(serde_json::json!({ "status": "unavailable", "database": backend }))
        }
    }
}
