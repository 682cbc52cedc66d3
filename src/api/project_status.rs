//! `POST /api/v1/projects/{id}/status`: a step of the project's workflow (submit, approve,
//! reject, start tendering, complete, suspend, resume, cancel) through
//! `usecase::project_status::change`, the page's function, on the version named by `If-Match`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use super::caller::ApiCaller;
use super::problem::{ApiError, Problem, Text, pointer};
use super::write::{Answer, Write, perform, stale};
use crate::clock::Clock;
use crate::db::Db;
use crate::domain::message::FieldProblem;
use crate::domain::workflow::{self, Action};
use crate::usecase::project_status::{StatusError, StatusRequest, change};

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(step);
}

#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StepAction {
    Submit,
    Approve,
    Reject,
    StartTendering,
    Complete,
    Suspend,
    Resume,
    Cancel,
}

impl StepAction {
    fn action(self) -> Action {
        match self {
            Self::Submit => Action::Submit,
            Self::Approve => Action::Approve,
            Self::Reject => Action::Reject,
            Self::StartTendering => Action::StartTendering,
            Self::Complete => Action::Complete,
            Self::Suspend => Action::Suspend,
            Self::Resume => Action::Resume,
            Self::Cancel => Action::Cancel,
        }
    }
}

/// The commission's decision, which an approval needs.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionBody {
    pub number: String,
    /// Not after today.
    pub date: NaiveDate,
    pub approved_limit_tenge: i64,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusStep {
    pub action: StepAction,
    /// Required to reject, suspend and cancel.
    #[serde(default)]
    pub comment: String,
    #[serde(default)]
    pub decision: Option<DecisionBody>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectState {
    pub id: String,
    pub code: String,
    pub status: String,
    pub version: i32,
}

/// The problems at the body's fields (the page names the decision's fields flat).
fn invalid(problems: Vec<FieldProblem>) -> ApiError {
    problems
        .into_iter()
        .fold(ApiError::unprocessable("invalid_fields"), |e, p| {
            let (base, field) = match p.field {
                "decision_number" => ("/decision", "number"),
                "decision_date" => ("/decision", "date"),
                "approved_limit" => ("/decision", "approved_limit_tenge"),
                other => ("", other),
            };
            e.field(pointer(base, field), "invalid", Text::Message(p.message))
        })
}

/// Take a workflow step.
#[utoipa::path(
    tag = "writes",
    security(("bearer" = [])),
    params(
        ("id" = String, Path, description = "The project"),
        ("If-Match" = String, Header, description = "The project's `ETag` as you read it"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer and write nothing again (kept 24 h)"),
    ),
    request_body = StatusStep,
    responses(
        (status = 200, body = ProjectState, description = "`ETag` is the new version"),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "The workflow has no such step from this status for this role"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json", description = "The project changed since that version"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/projects/{id}/status")]
pub async fn step(
    caller: ApiCaller,
    db: web::Data<Db>,
    clock: web::Data<Clock>,
    id: web::Path<String>,
    request: Write<StatusStep>,
) -> Result<HttpResponse, ApiError> {
    let base_version = request.precondition(false)?.base_version().unwrap_or(-1);
    let body = &request.body;
    let action = body.action.action();
    let decision = match (&body.decision, action) {
        (Some(d), Action::Approve) => Some(
            workflow::parse_decision(
                &d.number,
                &d.date.to_string(),
                &d.approved_limit_tenge.to_string(),
                clock.today(),
            )
            .map_err(invalid)?,
        ),
        _ => None,
    };
    let request_step = StatusRequest {
        action,
        base_version,
        comment: body.comment.clone(),
        decision,
    };
    let project_id = id.into_inner();
    perform(&db, &caller, &request, move |conn, acting| {
        match change(conn, acting, &project_id, &request_step) {
            Ok((after, to)) => Ok(Answer::json(
                StatusCode::OK,
                &ProjectState {
                    id: after.id.clone(),
                    code: after.code.clone(),
                    status: to.code().to_owned(),
                    version: after.version,
                },
            )
            .etag(after.version)),
            Err(StatusError::Stale(_)) => Err(stale()),
            Err(StatusError::NotFound) => Err(ApiError::not_found()),
            Err(StatusError::NotAllowed) => Err(ApiError::forbidden()),
            Err(StatusError::Invalid(problems)) => Err(invalid(problems)),
            Err(StatusError::Db(e)) => Err(e.into()),
        }
    })
    .await
}
