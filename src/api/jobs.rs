//! `GET /api/v1/jobs/{id}`: one hire, masked as on the pages, with its version as the `ETag`
//! that ending it (`POST /api/v1/jobs/{id}/end`) names in `If-Match`.

use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::caller::ApiCaller;
use super::contracts::JobView;
use super::problem::{ApiError, Problem};
use crate::db::{Db, contracts, jobs};
use crate::domain::version::etag;
use crate::error::AppError;
use crate::policy;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(show);
}

/// One hire; 404 outside the scope (as for its contract).
#[utoipa::path(
    tag = "contracts",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The job's id")),
    responses(
        (status = 200, body = JobView, headers(("ETag" = String, description = "The job's version, for If-Match"))),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/jobs/{id}")]
pub async fn show(
    caller: ApiCaller,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let scope = caller.acting.scope.clone();
    let id = id.into_inner();
    let (line, c) = db
        .run(move |conn| {
            let line = jobs::line(conn, &id)?.ok_or(AppError::NotFound)?;
            let c = contracts::find_in_scope(conn, &line.job.contract_id, &scope)?
                .ok_or(AppError::NotFound)?;
            Ok((line, c))
        })
        .await?;
    let full = policy::sees_personal_data(&caller.acting.scope, c.place());
    let view = JobView::of(line, full);
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(view.version)))
        .json(view))
}
