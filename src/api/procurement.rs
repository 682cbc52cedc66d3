//! `POST /api/v1/contracts/{id}/procurement`: a line on the contract's local-content ledger,
//! checked as on the page (`domain::ledger::check_line`) and recorded by
//! `usecase::ledger::add_line`, which decides rule 3 under the contract's lock.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use super::caller::ApiCaller;
use super::problem::{ApiError, Problem, Text};
use super::write::{Answer, Write, perform};
use crate::db::Db;
use crate::db::contracts::LineRow;
use crate::domain::ledger::{self, Category, LineFields};
use crate::domain::message::Message;
use crate::usecase::ledger::{LineError, add_line};

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(create);
}

#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LineCategory {
    Goods,
    Works,
    Services,
}

/// A purchase. Rule 3: non-domestic lines may never add up to more than 10% of the larger of
/// the contract amount and the ledger total.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewLine {
    pub category: LineCategory,
    pub description: String,
    pub amount_tenge: i64,
    pub is_domestic: bool,
    /// The producer's BIN (check digit verified).
    #[serde(default)]
    pub producer_bin: Option<String>,
    /// The CT-KZ certificate of domestic goods.
    #[serde(default)]
    pub ct_kz_certificate: Option<String>,
}

impl NewLine {
    fn fields(&self) -> LineFields {
        let category = match self.category {
            LineCategory::Goods => Category::Goods,
            LineCategory::Works => Category::Works,
            LineCategory::Services => Category::Services,
        };
        LineFields {
            category: category.code().to_owned(),
            description: self.description.clone(),
            amount_tenge: self.amount_tenge.to_string(),
            is_domestic: self.is_domestic.to_string(),
            producer_bin: self.producer_bin.clone().unwrap_or_default(),
            ct_kz_certificate: self.ct_kz_certificate.clone().unwrap_or_default(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RecordedLine {
    pub id: String,
    pub contract_id: String,
    pub category: String,
    pub description: String,
    pub amount_tenge: i64,
    pub is_domestic: bool,
    pub producer_bin: Option<String>,
    pub ct_kz_certificate: Option<String>,
    pub created_at: DateTime<Utc>,
    pub version: i32,
}

impl From<LineRow> for RecordedLine {
    fn from(l: LineRow) -> Self {
        Self {
            id: l.id,
            contract_id: l.contract_id,
            category: l.category,
            description: l.description,
            amount_tenge: l.amount_tenge,
            is_domestic: l.is_domestic,
            producer_bin: l.producer_bin,
            ct_kz_certificate: l.ct_kz_certificate,
            created_at: l.created_at.and_utc(),
            version: l.version,
        }
    }
}

/// Record a procurement line.
#[utoipa::path(
    tag = "writes",
    security(("bearer" = [])),
    params(
        ("id" = String, Path, description = "The contract"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer and write nothing again (kept 24 h)"),
    ),
    request_body = NewLine,
    responses(
        (status = 201, body = RecordedLine),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "Not yours to record on, or the project is not running"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/contracts/{id}/procurement")]
pub async fn create(
    caller: ApiCaller,
    db: web::Data<Db>,
    id: web::Path<String>,
    request: Write<NewLine>,
) -> Result<HttpResponse, ApiError> {
    let line = ledger::check_line(&request.body.fields()).map_err(|p| ApiError::fields("", &p))?;
    let contract_id = id.into_inner();
    perform(&db, &caller, &request, move |conn, acting| {
        let row = add_line(conn, acting, &contract_id, &line).map_err(|e| match e {
            LineError::NotFound => ApiError::not_found(),
            LineError::Forbidden | LineError::NotRunning => ApiError::forbidden(),
            LineError::ForeignOver { after, limit } => ApiError::unprocessable("rule_refused")
                .field(
                    "/is_domestic",
                    "domestic_share",
                    Text::Message(
                        Message::new("ledger-foreign-over")
                            .int("after", after)
                            .int("limit", limit),
                    ),
                ),
            LineError::Db(e) => e.into(),
        })?;
        let version = row.version;
        Ok(Answer::json(StatusCode::CREATED, &RecordedLine::from(row)).etag(version))
    })
    .await
}
