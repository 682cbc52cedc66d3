//! `POST /api/v1/contracts/{id}/jobs/bulk`: up to 10,000 hires in one request through
//! `usecase::hire_batch` (each row checked as on the form, rules 2 and 4 in row order). All or
//! nothing by default; `?atomic=false` records the rows that pass. Every row gets its answer.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use super::caller::ApiCaller;
use super::hires::{NewHire, hire_error, problem_code, refused};
use super::problem::{ApiError, Problem, pointer};
use super::write::{Answer, Write, perform};
use crate::clock::Clock;
use crate::db::Db;
use crate::i18n::I18n;
use crate::usecase::hire_batch::{self, BatchError, BatchOutcome, MAX_ROWS, RowOutcome};
use crate::usecase::hires::Mode;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(create);
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HireBatch {
    /// 1 to 10,000 hires on the contract, judged in this order.
    pub jobs: Vec<NewHire>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct BatchQuery {
    /// `false` records the rows that pass and refuses the others; by default one refused row
    /// means nothing is recorded.
    pub atomic: Option<bool>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RowError {
    pub pointer: String,
    pub code: String,
    pub message: String,
}

/// What became of one row.
#[derive(Debug, Serialize, ToSchema)]
pub struct RowResult {
    /// The row's position in `jobs`, from 0.
    pub index: usize,
    /// `created`; `refused`; or `valid`: nothing wrong, but not recorded because other rows
    /// were refused and the request was all or nothing.
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<i32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<RowError>,
}

/// The batch's answer (with a 422 problem's members when nothing was recorded).
#[derive(Debug, Serialize, ToSchema)]
pub struct BatchResult {
    pub created: usize,
    pub refused: usize,
    pub rows: Vec<RowResult>,
}

fn row_base(line: u64) -> String {
    format!("/jobs/{line}")
}

fn result(outcome: &BatchOutcome, i18n: &I18n) -> BatchResult {
    let rows = outcome
        .rows
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let mut r = RowResult {
                index,
                status: String::new(),
                job_id: None,
                version: None,
                errors: Vec::new(),
            };
            match row {
                RowOutcome::Created(job) => {
                    r.status = "created".into();
                    r.job_id = Some(job.id.clone());
                    r.version = Some(job.version);
                }
                RowOutcome::Valid => r.status = "valid".into(),
                RowOutcome::Refused(problems) => {
                    r.status = "refused".into();
                    r.errors = problems
                        .iter()
                        .map(|p| RowError {
                            pointer: pointer(&row_base(p.line), p.problem.field),
                            code: problem_code(p).into(),
                            message: i18n.message(&p.problem.message),
                        })
                        .collect();
                }
            }
            r
        })
        .collect();
    BatchResult {
        created: outcome.created,
        refused: outcome.refused,
        rows,
    }
}

/// Record many hires on one contract.
#[utoipa::path(
    tag = "writes",
    security(("bearer" = [])),
    params(
        ("id" = String, Path, description = "The contract"),
        BatchQuery,
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer and write nothing again (kept 24 h)"),
    ),
    request_body = HireBatch,
    responses(
        (status = 201, body = BatchResult, description = "Every row recorded"),
        (status = 200, body = BatchResult, description = "`atomic=false`: the rows that passed were recorded"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 413, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "Nothing recorded: `errors` points at each refused field (`/jobs/3/iin`) and `rows` says what became of every row"),
    )
)]
#[post("/contracts/{id}/jobs/bulk")]
pub async fn create(
    caller: ApiCaller,
    db: web::Data<Db>,
    clock: web::Data<Clock>,
    id: web::Path<String>,
    query: web::Query<BatchQuery>,
    request: Write<HireBatch>,
) -> Result<HttpResponse, ApiError> {
    let atomic = query.atomic.unwrap_or(true);
    let mode = if atomic {
        Mode::AllOrNothing
    } else {
        Mode::GoodRows
    };
    let rows: Vec<_> = request.body.jobs.iter().map(NewHire::fields).collect();
    if rows.len() > MAX_ROWS {
        return Err(
            ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "too_many_rows").detail(format!(
                "at most {MAX_ROWS} hires per request; send the rest in another"
            )),
        );
    }
    let (contract_id, today, language) = (id.into_inner(), clock.today(), request.language());
    perform(&db, &caller, &request, move |conn, acting| {
        let outcome = hire_batch::hire_batch(conn, &acting.who(), &contract_id, rows, today, mode)
            .map_err(|e| match e {
                BatchError::Empty => ApiError::unprocessable("invalid_fields").field(
                    "/jobs",
                    "required",
                    super::problem::Text::Plain("send at least one hire".into()),
                ),
                BatchError::TooMany { .. } => {
                    ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "too_many_rows")
                }
                BatchError::Hire(e) => hire_error(e),
            })?;
        let body = result(&outcome, &I18n::new(language));
        if !atomic {
            return Ok(Answer::json(StatusCode::OK, &body));
        }
        if outcome.complete() {
            return Ok(Answer::json(StatusCode::CREATED, &body));
        }
        let problems: Vec<_> = outcome
            .rows
            .iter()
            .filter_map(|r| match r {
                RowOutcome::Refused(p) => Some(p.clone()),
                _ => None,
            })
            .flatten()
            .collect();
        Ok(Answer::problem_with(
            &refused(&problems, row_base),
            language,
            &body,
        ))
    })
    .await
}
