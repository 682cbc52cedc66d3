//! `POST /api/v1/registers/{kind}/batches`: a register batch (issue 15) sent by its owner,
//! loaded through `usecase::registers::load` as the CSV upload is: all or nothing, a batch for
//! the same period supersedes the live one, every bad row named by JSON pointer
//! (`/rows/17/iin`). Up to [`MAX_ROWS`] rows per request; the body limit of this route is
//! raised to fit them (`json::LARGE_BODIES`).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::caller::ApiCaller;
use super::problem::{ApiError, Problem, Text, pointer};
use super::register_rows::{RegisterRow, problems_of, rows_of};
use super::write::{Answer, Write, perform};
use crate::clock::Clock;
use crate::db::Db;
use crate::domain::verification::{Kind, month_end, parse_month};
use crate::usecase::registers::{BatchHeader, LoadError, load, may_load};

/// Rows one request may carry.
pub const MAX_ROWS: usize = 100_000;

/// The registers jobmap loads (`domain::verification::Kind`).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RegisterKind {
    Referrals,
    EmploymentContracts,
    Contributions,
    Certificates,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterBatch {
    /// The region (KATO code) whose employment centers issued the referrals; referrals only,
    /// the other registers are national.
    pub region: Option<String>,
    /// First month the batch covers, `YYYY-MM`.
    #[schema(example = "2024-07")]
    pub period_from: String,
    /// Last month the batch covers, `YYYY-MM`.
    #[schema(example = "2024-07")]
    pub period_to: String,
    /// Where the data came from (a letter, the owner's export).
    pub source: String,
    /// 1 to 100,000 rows with the columns of the register's CSV template.
    pub rows: Vec<RegisterRow>,
}

/// The batch as loaded.
#[derive(Debug, Serialize, ToSchema)]
pub struct BatchLoaded {
    pub batch_id: String,
    pub kind: String,
    pub rows: i64,
    /// The batch this one replaced (same register, region and period), if any.
    pub superseded: Option<String>,
    /// Hires and procurement lines checked again against the batch.
    pub hires_checked: usize,
    pub lines_checked: usize,
}

fn month(value: &str, field: &str) -> Result<chrono::NaiveDate, ApiError> {
    parse_month(value.trim()).ok_or_else(|| {
        ApiError::unprocessable("invalid_fields").field(
            pointer("", field),
            "invalid",
            Text::Message(crate::domain::message::Message::new(
                "register-period-required",
            )),
        )
    })
}

/// Load a register batch (admins, commission members and national service accounts).
#[utoipa::path(
    tag = "registers",
    security(("bearer" = [])),
    params(
        ("kind" = RegisterKind, Path, description = "The register"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer and load nothing again (kept 24 h)"),
    ),
    request_body = RegisterBatch,
    responses(
        (status = 201, body = BatchLoaded, description = "Every row loaded"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 413, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "Nothing loaded: `errors` points at each refused field (`/rows/17/iin`)"),
    )
)]
#[post("/registers/{kind}/batches")]
pub async fn create(
    caller: ApiCaller,
    db: web::Data<Db>,
    clock: web::Data<Clock>,
    kind: web::Path<String>,
    request: Write<RegisterBatch>,
) -> Result<HttpResponse, ApiError> {
    let kind = Kind::from_code(&kind).ok_or_else(ApiError::not_found)?;
    if !may_load(&caller.acting) {
        return Err(ApiError::forbidden());
    }
    let body = &request.body;
    if body.rows.len() > MAX_ROWS {
        return Err(
            ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "too_many_rows").detail(format!(
                "at most {MAX_ROWS} rows per request; send the rest as another batch period"
            )),
        );
    }
    let header = BatchHeader {
        kind,
        region: if kind.per_region() {
            body.region.clone().unwrap_or_default().trim().to_owned()
        } else {
            body.region.clone().unwrap_or_default()
        },
        from: month(&body.period_from, "period_from")?,
        to: month_end(month(&body.period_to, "period_to")?),
        source: body.source.clone(),
    };
    let rows = rows_of(kind, &body.rows);
    let today = clock.today();
    let answer = perform(&db, &caller, &request, move |conn, acting| {
        match load(conn, acting, &header, rows, today) {
            Ok(s) => Ok(Answer::json(
                StatusCode::CREATED,
                &BatchLoaded {
                    batch_id: s.batch_id,
                    kind: kind.code().to_owned(),
                    rows: s.rows,
                    superseded: s.superseded,
                    hires_checked: s.rechecked.hires,
                    lines_checked: s.rechecked.lines,
                },
            )),
            Err(LoadError::Forbidden) => Err(ApiError::forbidden()),
            Err(LoadError::Lines(problems)) => Err(problems_of(&problems)),
            Err(LoadError::Db(e)) => Err(e.into()),
        }
    })
    .await?;
    if answer.status() == StatusCode::CREATED {
        // The region pages' verified figures are cached with the other figures.
        crate::db::cache::touched();
    }
    Ok(answer)
}
