//! Contracts in the caller's scope, one contract, and its jobs with personal data masked
//! exactly as on the pages (`policy::sees_personal_data` and `policy::person`).

use std::collections::HashMap;

use actix_web::{HttpRequest, get, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use super::caller::ApiCaller;
use super::paging;
use super::problem::{self, ApiError, Problem};
use super::views::ContractView;
use crate::db::contracts::{self, ContractWithProject};
use crate::db::jobs::{self, JobLine, PAGE_SIZE};
use crate::db::{Db, DbConnection};
use crate::domain::role::Scope;
use crate::domain::verification::Verified;
use crate::error::AppError;
use crate::i18n::I18n;
use crate::policy;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(list).service(show).service(jobs_of);
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ContractQuery {
    /// Only this project's contracts.
    pub project: Option<String>,
    /// 1 to 1000; 100 when absent.
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ContractPage {
    pub items: Vec<ContractView>,
    pub next_cursor: Option<String>,
}

/// Contracts in the caller's scope (an officer's region, a contractor's BIN), oldest first.
#[utoipa::path(
    tag = "contracts",
    security(("bearer" = [])),
    params(ContractQuery),
    responses(
        (status = 200, body = ContractPage),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/contracts")]
pub async fn list(
    caller: ApiCaller,
    req: HttpRequest,
    db: web::Data<Db>,
    query: web::Query<ContractQuery>,
) -> Result<web::Json<ContractPage>, ApiError> {
    let i18n = I18n::new(problem::language(&req));
    let limit = paging::limit(query.limit)?;
    let after = paging::decode(query.cursor.as_deref())?;
    let project = query.project.clone();
    let scope = caller.acting.scope.clone();
    let (rows, next_cursor, verified) = db
        .run(move |conn| {
            let rows = contracts::in_scope_after(
                conn,
                &scope,
                project.as_deref(),
                after.as_deref(),
                limit + 1,
            )?;
            let (rows, next_cursor) = paging::split(rows, limit, |c| c.contract.id.clone());
            let verified = verified_of(conn, rows.iter().map(|c| &c.contract))?;
            Ok((rows, next_cursor, verified))
        })
        .await?;
    Ok(web::Json(ContractPage {
        items: rows
            .iter()
            .map(|c| ContractView::with_project(c, &verified, &i18n))
            .collect(),
        next_cursor,
    }))
}

/// The verified figures of these contracts, as the pages compute them.
pub fn verified_of<'a>(
    conn: &mut DbConnection,
    rows: impl IntoIterator<Item = &'a crate::db::contracts::ContractRow>,
) -> Result<HashMap<String, Verified>, AppError> {
    let facts: Vec<_> = rows
        .into_iter()
        .map(|c| (c.id.clone(), c.facts()))
        .collect();
    Ok(crate::db::verification::verified_for(conn, &facts)?)
}

fn in_scope(
    conn: &mut DbConnection,
    id: &str,
    scope: &Scope,
) -> Result<ContractWithProject, AppError> {
    contracts::find_in_scope(conn, id, scope)?.ok_or(AppError::NotFound)
}

/// One contract with its compliance state; 404 outside the scope.
#[utoipa::path(
    tag = "contracts",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The contract's id")),
    responses(
        (status = 200, body = ContractView),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/contracts/{id}")]
pub async fn show(
    caller: ApiCaller,
    req: HttpRequest,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<web::Json<ContractView>, ApiError> {
    let i18n = I18n::new(problem::language(&req));
    let scope = caller.acting.scope.clone();
    let id = id.into_inner();
    let (c, verified) = db
        .run(move |conn| {
            let c = in_scope(conn, &id, &scope)?;
            let verified = verified_of(conn, [&c.contract])?;
            Ok((c, verified))
        })
        .await?;
    Ok(web::Json(ContractView::with_project(&c, &verified, &i18n)))
}

/// A hire. `worker_iin` and `worker_name` are masked (`0612******12`, initials) unless the
/// caller records on the contract (its contractor, the officers of its region).
#[derive(Debug, Serialize, ToSchema)]
pub struct JobView {
    pub id: String,
    pub contract_id: String,
    pub worker_iin: String,
    pub worker_name: String,
    /// Whether `worker_iin` and `worker_name` are shown in full.
    pub personal_data: bool,
    pub position: String,
    pub hire_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    /// `temporary` or `permanent`.
    pub kind: String,
    /// `employment_center` or `direct`.
    pub channel: String,
    pub referral_number: Option<String>,
    pub referral_date: Option<NaiveDate>,
    pub arrived_from_other_settlement: bool,
    pub monthly_wage_tenge: i64,
    pub is_youth: bool,
    pub lifting_paid_tenge: Option<i64>,
    pub lifting_paid_on: Option<NaiveDate>,
    pub version: i32,
}

impl JobView {
    /// The hire as `full` (`policy::sees_personal_data`) lets the caller see it.
    pub fn of(l: JobLine, full: bool) -> Self {
        let person = policy::person(&l.worker.iin, &l.job.worker_name, full);
        JobView {
            id: l.job.id,
            contract_id: l.job.contract_id,
            worker_iin: person.iin,
            worker_name: person.name,
            personal_data: full,
            position: l.job.position,
            hire_date: l.job.hire_date,
            end_date: l.job.end_date,
            kind: l.job.kind,
            channel: l.job.channel,
            referral_number: l.job.referral_number,
            referral_date: l.job.referral_date,
            arrived_from_other_settlement: l.job.arrived_from_other_settlement,
            monthly_wage_tenge: l.job.monthly_wage_tenge,
            is_youth: l.job.is_youth,
            lifting_paid_tenge: l.paid.map(|p| p.0),
            lifting_paid_on: l.paid.map(|p| p.1),
            version: l.job.version,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct JobQuery {
    /// 1-based page of 100 hires, newest first.
    pub page: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct JobPage {
    pub items: Vec<JobView>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
}

/// The contract's hires, newest first, 100 a page, masked as on the pages; 404 outside scope.
#[utoipa::path(
    tag = "contracts",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The contract's id"), JobQuery),
    responses(
        (status = 200, body = JobPage),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/contracts/{id}/jobs")]
pub async fn jobs_of(
    caller: ApiCaller,
    db: web::Data<Db>,
    id: web::Path<String>,
    query: web::Query<JobQuery>,
) -> Result<web::Json<JobPage>, ApiError> {
    let scope = caller.acting.scope.clone();
    let id = id.into_inner();
    let page = query.page.unwrap_or(1).clamp(1, 1_000_000);
    let (c, lines, total) = db
        .run(move |conn| {
            let c = in_scope(conn, &id, &scope)?;
            let (lines, total) = jobs::for_contract(conn, &id, page)?;
            Ok((c, lines, total))
        })
        .await?;
    let full = policy::sees_personal_data(&caller.acting.scope, c.place());
    let items = lines.into_iter().map(|l| JobView::of(l, full)).collect();
    Ok(web::Json(JobPage {
        items,
        total,
        page,
        pages: ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1),
    }))
}
