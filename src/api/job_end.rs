//! `POST /api/v1/jobs/{id}/end`: a job's end date, through `usecase::job_end::end` (the page's
//! function), on the version named by `If-Match`; a stale one answers 412.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use chrono::NaiveDate;
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use super::caller::ApiCaller;
use super::hires::RecordedJob;
use super::problem::{ApiError, Problem};
use super::write::{Answer, Write, perform, stale};
use crate::clock::Clock;
use crate::db::Db;
use crate::usecase::job_end::{self, EndError};
use crate::usecase::jobs_in_scope::JobAccess;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(end);
}

/// The last day worked: not before the hire date, not after today (rule 5).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JobEnd {
    pub end_date: NaiveDate,
}

/// Record the end of a job.
#[utoipa::path(
    tag = "writes",
    security(("bearer" = [])),
    params(
        ("id" = String, Path, description = "The job"),
        ("If-Match" = String, Header, description = "The job's `ETag` as you read it"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer and write nothing again (kept 24 h)"),
    ),
    request_body = JobEnd,
    responses(
        (status = 200, body = RecordedJob, description = "Ended; `ETag` is the new version"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json", description = "The job changed since that version"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json", description = "No If-Match"),
    )
)]
#[post("/jobs/{id}/end")]
pub async fn end(
    caller: ApiCaller,
    db: web::Data<Db>,
    clock: web::Data<Clock>,
    id: web::Path<String>,
    request: Write<JobEnd>,
) -> Result<HttpResponse, ApiError> {
    let base = request.precondition(false)?.base_version().unwrap_or(-1);
    let (job_id, end_date, today) = (id.into_inner(), request.body.end_date, clock.today());
    perform(&db, &caller, &request, move |conn, acting| {
        let job = job_end::end(conn, &acting.who(), &job_id, base, end_date, today).map_err(
            |e| match e {
                EndError::Access(JobAccess::NotFound) => ApiError::not_found(),
                EndError::Access(JobAccess::Forbidden) => ApiError::forbidden(),
                EndError::Access(JobAccess::Db(e)) | EndError::Db(e) => e.into(),
                EndError::Invalid(p) => ApiError::fields("", &[p]),
                EndError::Stale => stale(),
            },
        )?;
        Ok(Answer::json(StatusCode::OK, &RecordedJob::from(&job)).etag(job.version))
    })
    .await
}
