//! The registers' area of the API (issue 15): `GET /api/v1/registers/batches`, the batches
//! loaded so far, newest first and cursor-paged (`paging`), and the loading route (`register_batch`), whose body limit
//! fits 100,000 rows (`json::LARGE_BODIES`).

use actix_web::{get, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use super::caller::ApiCaller;
use super::paging;
use super::problem::{ApiError, Problem};
use super::register_batch;
use crate::db::Db;
use crate::db::registers::{self, BatchRow};
use crate::domain::verification::Kind;
use crate::usecase::registers::may_load;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(list).service(register_batch::create);
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct BatchQuery {
    /// Only this register: `referrals`, `employment_contracts`, `contributions` or
    /// `certificates`.
    pub kind: Option<String>,
    /// 1 to 1000; 100 when absent.
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// A loaded batch.
#[derive(Debug, Serialize, ToSchema)]
pub struct BatchView {
    pub id: String,
    pub kind: String,
    /// The region (KATO code) of a referrals batch; `null` for a national register.
    pub region: Option<String>,
    /// First and last month covered, `YYYY-MM`.
    pub period_from: String,
    pub period_to: String,
    pub source: String,
    pub rows: i64,
    /// The user or service account that loaded it.
    pub loaded_by: String,
    pub loaded_at: chrono::NaiveDateTime,
    /// Whether a later batch for the same register, region and period replaced it.
    pub superseded: bool,
    pub superseded_by: Option<String>,
}

impl From<BatchRow> for BatchView {
    fn from(b: BatchRow) -> Self {
        Self {
            superseded: b.superseded_by.is_some(),
            id: b.id,
            kind: b.kind,
            region: (!b.region_code.is_empty()).then_some(b.region_code),
            period_from: b.period_from.format("%Y-%m").to_string(),
            period_to: b.period_to.format("%Y-%m").to_string(),
            source: b.source,
            rows: b.row_count,
            loaded_by: b.loaded_by,
            loaded_at: b.loaded_at,
            superseded_by: b.superseded_by,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BatchList {
    pub items: Vec<BatchView>,
    /// Pass as `cursor` for the next (older) page; `null` on the last.
    pub next_cursor: Option<String>,
}

/// Register batches loaded so far, newest first (those who may load them), a page at a time.
#[utoipa::path(
    tag = "registers",
    security(("bearer" = [])),
    params(BatchQuery),
    responses(
        (status = 200, body = BatchList),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/registers/batches")]
pub async fn list(
    caller: ApiCaller,
    db: web::Data<Db>,
    query: web::Query<BatchQuery>,
) -> Result<web::Json<BatchList>, ApiError> {
    if !may_load(&caller.acting) {
        return Err(ApiError::forbidden());
    }
    let limit = paging::limit(query.limit)?;
    let after = paging::decode(query.cursor.as_deref())?;
    let kind = match query.kind.as_deref() {
        None => None,
        Some(k) => Some(Kind::from_code(k).ok_or_else(|| {
            ApiError::bad_request(
                "invalid_query",
                "kind is referrals, employment_contracts, contributions or certificates",
            )
        })?),
    };
    let rows = db
        .run(move |conn| {
            Ok(registers::recent_after(
                conn,
                kind,
                after.as_deref(),
                limit + 1,
            )?)
        })
        .await?
        .ok_or_else(|| {
            ApiError::bad_request("invalid_cursor", "the cursor is not one this API gave out")
        })?;
    let (rows, next_cursor) = paging::split(rows, limit, |b| b.id.clone());
    Ok(web::Json(BatchList {
        items: rows.into_iter().map(BatchView::from).collect(),
        next_cursor,
    }))
}
