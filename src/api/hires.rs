//! `POST /api/v1/contracts/{id}/jobs`: one hire, through `usecase::hires::hire`, the function
//! behind the hire form (rules 2, 4 and 5 decided there, in one transaction).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use super::caller::ApiCaller;
use super::problem::{ApiError, Problem, Text, pointer};
use super::write::{Answer, Write, perform};
use crate::clock::Clock;
use crate::db::Db;
use crate::db::jobs::JobRow;
use crate::domain::hire::{Channel, HireFields, JobKind};
use crate::usecase::hires::{self, HireError, Refusal, RowProblem};

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(create);
}

/// How the worker was hired.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum HireChannel {
    EmploymentCenter,
    Direct,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum HireKind {
    Temporary,
    Permanent,
}

/// A hire as the form takes it. Rule 2: a direct hire may not take the contract's direct
/// hires above its employment-center hires. Rule 4: a worker with an active Roadmap job
/// elsewhere cannot be hired. Rule 5: hired on or after the contract's signing, not after today.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewHire {
    /// The worker's 12-digit IIN (check digit verified).
    #[schema(example = "061211600012")]
    pub iin: String,
    pub full_name: String,
    #[serde(default)]
    pub home_settlement: String,
    pub position: String,
    pub hire_date: NaiveDate,
    pub kind: HireKind,
    pub channel: HireChannel,
    /// Required for an employment-center hire.
    #[serde(default)]
    pub referral_number: Option<String>,
    #[serde(default)]
    pub referral_date: Option<NaiveDate>,
    /// A hire already over (a file of past hires): not before the hire date, not after today.
    #[serde(default)]
    pub end_date: Option<NaiveDate>,
    /// Came from another settlement (lifting payment eligibility).
    #[serde(default)]
    pub arrived_from_other_settlement: bool,
    /// At least the minimum wage in force on the hire date.
    pub monthly_wage_tenge: i64,
}

impl HireKind {
    fn code(self) -> &'static str {
        match self {
            Self::Temporary => JobKind::Temporary.code(),
            Self::Permanent => JobKind::Permanent.code(),
        }
    }
}

impl HireChannel {
    fn code(self) -> &'static str {
        match self {
            Self::EmploymentCenter => Channel::EmploymentCenter.code(),
            Self::Direct => Channel::Direct.code(),
        }
    }
}

impl NewHire {
    /// The fields as the form sends them, for the same checks.
    pub fn fields(&self) -> HireFields {
        HireFields {
            iin: self.iin.clone(),
            full_name: self.full_name.clone(),
            home_settlement: self.home_settlement.clone(),
            position: self.position.clone(),
            hire_date: self.hire_date.to_string(),
            end_date: self.end_date.map(|d| d.to_string()).unwrap_or_default(),
            kind: self.kind.code().to_owned(),
            channel: self.channel.code().to_owned(),
            referral_number: self.referral_number.clone().unwrap_or_default(),
            referral_date: self
                .referral_date
                .map(|d| d.to_string())
                .unwrap_or_default(),
            arrived_from_other_settlement: self.arrived_from_other_settlement.to_string(),
            monthly_wage_tenge: self.monthly_wage_tenge.to_string(),
        }
    }
}

/// A job as recorded (no personal data: read the job for the worker as your scope shows it).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RecordedJob {
    pub id: String,
    pub contract_id: String,
    pub position: String,
    pub hire_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub kind: String,
    pub channel: String,
    pub is_youth: bool,
    pub monthly_wage_tenge: i64,
    /// The version `If-Match` names when the job is changed (also the `ETag`).
    pub version: i32,
}

impl From<&JobRow> for RecordedJob {
    fn from(j: &JobRow) -> Self {
        Self {
            id: j.id.clone(),
            contract_id: j.contract_id.clone(),
            position: j.position.clone(),
            hire_date: j.hire_date,
            end_date: j.end_date,
            kind: j.kind.clone(),
            channel: j.channel.clone(),
            is_youth: j.is_youth,
            monthly_wage_tenge: j.monthly_wage_tenge,
            version: j.version,
        }
    }
}

/// A stable code per kind of problem, for programs to act on.
pub fn problem_code(p: &RowProblem) -> &'static str {
    match &p.refusal {
        None => "invalid",
        Some(Refusal::TooManyDirect { .. }) => "center_share",
        Some(Refusal::ActiveOnProject { .. } | Refusal::ActiveElsewhere) => "active_job",
        Some(Refusal::WorkerBusy) => "worker_busy",
        Some(Refusal::ProbeLimit) => "probe_limit",
    }
}

/// Refused rows as a 422, each problem at `/{field}` under `base(line)`.
pub fn refused(problems: &[RowProblem], base: impl Fn(u64) -> String) -> ApiError {
    let code = if problems.iter().any(|p| p.refusal.is_some()) {
        "rule_refused"
    } else {
        "invalid_fields"
    };
    problems.iter().fold(ApiError::unprocessable(code), |e, p| {
        e.field(
            pointer(&base(p.line), p.problem.field),
            problem_code(p),
            Text::Message(p.problem.message.clone()),
        )
    })
}

pub fn hire_error(e: HireError) -> ApiError {
    match e {
        HireError::NotFound => ApiError::not_found(),
        HireError::Forbidden => ApiError::forbidden(),
        HireError::Rows(problems) => refused(&problems, |_| String::new()),
        HireError::Db(e) => e.into(),
    }
}

/// Record one hire.
#[utoipa::path(
    tag = "writes",
    security(("bearer" = [])),
    params(
        ("id" = String, Path, description = "The contract"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer and write nothing again (kept 24 h)"),
    ),
    request_body = NewHire,
    responses(
        (status = 201, body = RecordedJob, description = "Recorded; `ETag` is its version"),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "Not yours to record on, or the project takes no hires now"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "A field or a rule refused it; `errors` points at the field"),
    )
)]
#[post("/contracts/{id}/jobs")]
pub async fn create(
    caller: ApiCaller,
    db: web::Data<Db>,
    clock: web::Data<Clock>,
    id: web::Path<String>,
    request: Write<NewHire>,
) -> Result<HttpResponse, ApiError> {
    let (contract_id, fields, today) = (id.into_inner(), request.body.fields(), clock.today());
    perform(&db, &caller, &request, move |conn, acting| {
        let job =
            hires::hire(conn, &acting.who(), &contract_id, &fields, today).map_err(hire_error)?;
        Ok(Answer::json(StatusCode::CREATED, &RecordedJob::from(&job))
            .header(
                actix_web::http::header::LOCATION,
                format!("{}/jobs/{}", super::V1, job.id),
            )
            .etag(job.version))
    })
    .await
}
