//! Projects: the register's list (its filters, cursor paging by code) and one project with its
//! contracts, figures and compliance state, within the caller's scope (others answer 404).

use actix_web::http::header;
use actix_web::{CustomizeResponder, HttpRequest, Responder, get, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use super::caller::ApiCaller;
use super::paging;
use super::problem::{self, ApiError, Problem, Text};
use super::views::{ContractView, ProjectView};
use crate::db::Db;
use crate::db::contracts::{self, ContractRow};
use crate::db::lifting;
use crate::db::progress;
use crate::db::project_list::{self, ProjectFilter};
use crate::db::projects;
use crate::domain::compliance::{ContractCompliance, worst};
use crate::domain::project::{Direction, FundingSource};
use crate::domain::role::Scope;
use crate::domain::verification::Verified;
use crate::domain::workflow::ProjectStatus;
use crate::i18n::I18n;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(list).service(show);
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ProjectQuery {
    /// KATO code of the region.
    pub region: Option<String>,
    /// A direction code, e.g. `housing_communal`.
    pub direction: Option<String>,
    /// A status code, e.g. `in_progress`.
    pub status: Option<String>,
    /// A funding source code, e.g. `republican_budget`.
    pub funding: Option<String>,
    /// Text found in the code or title (any case).
    pub q: Option<String>,
    /// 1 to 1000; 100 when absent.
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

fn refuse(field: &'static str, value: &str) -> ApiError {
    ApiError::bad_request("invalid_query", format!("{field}: unknown value '{value}'")).field(
        problem::pointer("", field),
        "unknown_value",
        Text::Plain(format!("unknown value '{value}'")),
    )
}

impl ProjectQuery {
    /// The register's filter; unlike the page, an unknown value is an error, not ignored.
    fn filter(&self) -> Result<ProjectFilter, ApiError> {
        let checked = |field, v: &Option<String>, ok: fn(&str) -> bool| match v {
            Some(v) if !ok(v) => Err(refuse(field, v)),
            other => Ok(other.clone().filter(|v| !v.is_empty())),
        };
        Ok(ProjectFilter {
            region: checked("region", &self.region, |r| {
                r.len() == 2 && r.bytes().all(|b| b.is_ascii_digit())
            })?,
            direction: checked("direction", &self.direction, |d| {
                Direction::from_code(d).is_some()
            })?,
            status: checked("status", &self.status, |s| {
                ProjectStatus::from_code(s).is_some()
            })?,
            funding_source: checked("funding", &self.funding, |f| {
                FundingSource::from_code(f).is_some()
            })?,
            search: self.q.clone().filter(|q| !q.trim().is_empty()),
            ..ProjectFilter::default()
        })
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectPage {
    pub items: Vec<ProjectView>,
    /// Pass as `cursor` for the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

/// Projects in the caller's scope, by code, with the register's filters.
#[utoipa::path(
    tag = "projects",
    security(("bearer" = [])),
    params(ProjectQuery),
    responses(
        (status = 200, body = ProjectPage),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/projects")]
pub async fn list(
    caller: ApiCaller,
    db: web::Data<Db>,
    query: web::Query<ProjectQuery>,
) -> Result<web::Json<ProjectPage>, ApiError> {
    let filter = query.filter()?;
    let limit = paging::limit(query.limit)?;
    let after = paging::decode(query.cursor.as_deref())?;
    let scope = caller.acting.scope.clone();
    let rows = db
        .run(move |conn| {
            Ok(project_list::after(
                conn,
                &filter,
                &scope,
                after.as_deref(),
                limit + 1,
            )?)
        })
        .await?;
    let (rows, next_cursor) = paging::split(rows, limit, |p| p.code.clone());
    Ok(web::Json(ProjectPage {
        items: rows.iter().map(ProjectView::from).collect(),
        next_cursor,
    }))
}

/// A project's progress, summed over the contracts the caller sees.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectFigures {
    pub jobs_created: i64,
    pub center_hires: i64,
    pub youth_hires: i64,
    pub permanent_created: i64,
    pub declared_total_tenge: i64,
    pub declared_domestic_tenge: i64,
    pub ledger_total_tenge: i64,
    pub ledger_domestic_tenge: i64,
    pub lifting_eligible: i64,
    pub lifting_due_tenge: i64,
    pub lifting_paid: i64,
    pub lifting_paid_tenge: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectDetail {
    #[serde(flatten)]
    pub project: ProjectView,
    /// The worst state of its contracts (`no_data` without any).
    pub compliance_state: String,
    /// The worst verified state of its contracts (issue 15; `no_data` while not yet checked).
    pub verified_compliance_state: String,
    pub figures: ProjectFigures,
    pub contracts: Vec<ContractView>,
}

/// One project with its contracts, figures and compliance state; 404 outside the scope.
#[utoipa::path(
    tag = "projects",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The project's id")),
    responses(
        (status = 200, body = ProjectDetail, headers(("ETag" = String, description = "The project's version, for If-Match on a status step"))),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/projects/{id}")]
pub async fn show(
    caller: ApiCaller,
    req: HttpRequest,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<CustomizeResponder<web::Json<ProjectDetail>>, ApiError> {
    let i18n = I18n::new(problem::language(&req));
    let scope = caller.acting.scope.clone();
    let id = id.into_inner();
    let (project, contracts, lifting, days, verified) = db
        .run(move |conn| {
            let project = projects::find_in_scope(conn, &id, &scope)?
                .ok_or(crate::error::AppError::NotFound)?;
            let mut contracts = contracts::for_project(conn, &id)?;
            // As on the project page: a contractor sees only its own contracts, and no
            // progress by day (which would count other contractors' hires).
            let days = match &scope {
                Scope::Contractor(bin) => {
                    contracts.retain(|c| c.contractor_bin == *bin);
                    Vec::new()
                }
                _ => progress::hire_days(conn, &id)?,
            };
            let lifting = lifting::project_totals(conn, &id)?;
            let verified = super::contracts::verified_of(conn, &contracts)?;
            Ok((project, contracts, lifting, days, verified))
        })
        .await?;
    let states: Vec<ContractCompliance> = contracts.iter().map(ContractRow::compliance).collect();
    let sum = |f: fn(&ContractRow) -> i64| contracts.iter().map(f).sum::<i64>();
    let figures = ProjectFigures {
        jobs_created: sum(ContractRow::hires),
        center_hires: sum(|c| i64::from(c.center_hires)),
        youth_hires: days.iter().map(|d| d.youth).sum(),
        permanent_created: days.iter().map(|d| d.permanent).sum(),
        declared_total_tenge: sum(|c| c.declared().total()),
        declared_domestic_tenge: sum(|c| c.declared().domestic()),
        ledger_total_tenge: sum(|c| c.ledger_total),
        ledger_domestic_tenge: sum(|c| c.ledger_domestic),
        lifting_eligible: lifting.eligible,
        lifting_due_tenge: lifting.due_tenge,
        lifting_paid: lifting.paid,
        lifting_paid_tenge: lifting.paid_tenge,
    };
    // The version a status step names in If-Match.
    let etag = crate::domain::version::etag(project.version);
    Ok(web::Json(ProjectDetail {
        compliance_state: worst(states.iter().map(ContractCompliance::state))
            .code()
            .to_owned(),
        verified_compliance_state: worst(
            contracts
                .iter()
                .filter_map(|c| verified.get(&c.id).map(Verified::state)),
        )
        .code()
        .to_owned(),
        contracts: contracts
            .iter()
            .map(|c| {
                ContractView::of(c, &project.code, &project.region_code, &i18n)
                    .with_verified(c, &verified, &i18n)
            })
            .collect(),
        project: ProjectView::from(&project),
        figures,
    })
    .customize()
    .insert_header((header::ETAG, etag)))
}
