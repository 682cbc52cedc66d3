//! Open data, without a token: the figures (national, regions, months) and the approved
//! projects with their progress and compliance state, as JSON or CSV. No personal data. Each
//! answer carries an `ETag` (a hash of its body, so every instance gives the same one) and
//! `Cache-Control`; `If-None-Match` with the current tag answers 304.

use std::sync::Arc;

use actix_web::{HttpRequest, HttpResponse, get, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use super::figures::{FiguresReport, FiguresView, as_of, report, today};
use super::open_body::Body;
use super::problem::{ApiError, Problem};
use crate::db::Db;
use crate::db::figures::project_compliance;
use crate::web::export::{Cell, Table, csv_bytes};
use crate::web::review;

/// How long a cache (or the open-data portal) may reuse an answer without asking again.
pub const CACHE_CONTROL: &str = "public, max-age=60";

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(figures_json)
        .service(figures_csv)
        .service(projects_json)
        .service(projects_csv);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Json,
    Csv,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct OpenQuery {
    /// The date (YYYY-MM-DD); today in Kazakhstan when absent.
    pub as_of: Option<NaiveDate>,
    /// `json` (the default) or `csv`.
    pub format: Option<Format>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct CsvQuery {
    /// The date (YYYY-MM-DD); today in Kazakhstan when absent.
    pub as_of: Option<NaiveDate>,
}

/// A project as the public sees it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OpenProject {
    pub code: String,
    pub title: String,
    /// KATO code of the region.
    pub region: String,
    pub direction: String,
    pub budget_tenge: i64,
    pub status: String,
    pub planned_jobs: i64,
    pub jobs_created: i64,
    /// `met`, `at_risk`, `breached` or `no_data`: the worst of its contracts'.
    pub compliance_state: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OpenProjects {
    pub as_of: NaiveDate,
    /// Approved projects (whatever happened next), by code.
    pub projects: Vec<OpenProject>,
}

const JSON: &str = "application/json";
const CSV: &str = "text/csv; charset=utf-8";

async fn figures_body(
    db: &Db,
    req: &HttpRequest,
    asked: Option<NaiveDate>,
    format: Format,
) -> Result<Arc<Body>, ApiError> {
    let today = today(req);
    let as_of = as_of(asked, today)?;
    let report = report(db, as_of, today, None).await?;
    Ok(db
        .memo(format!("open figures {as_of} {format:?}"), || {
            Ok(Body::new(match format {
                Format::Json => serde_json::to_vec(&report).unwrap_or_default(),
                Format::Csv => figures_csv_bytes(&report)?,
            }))
        })
        .await?)
}

fn figures_csv_bytes(r: &FiguresReport) -> Result<Vec<u8>, crate::error::AppError> {
    let headers = [
        "as_of",
        "region",
        "rank",
        "projects_selected",
        "projects_approved",
        "projects_started",
        "projects_completed",
        "planned_jobs",
        "jobs_created",
        "center_hires",
        "youth_hires",
        "permanent_created",
        "lifting_paid",
        "lifting_paid_tenge",
        "budget_tenge",
        "contracts_value_tenge",
        "contracts_domestic_tenge",
        "plan_bp",
        "center_bp",
        "verified_state",
        "verified_center_bp",
        "verified_domestic_bp",
        "unchecked_hires",
    ];
    let row = |f: &FiguresView| -> Vec<Cell> {
        let v = f.verified.as_ref();
        vec![
            Cell::Text(r.as_of.to_string()),
            Cell::Text(f.region.clone().unwrap_or_else(|| "KZ".into())),
            Cell::Text(f.rank.map(|n| n.to_string()).unwrap_or_default()),
            Cell::Int(f.projects_selected),
            Cell::Int(f.projects_approved),
            Cell::Int(f.projects_started),
            Cell::Int(f.projects_completed),
            Cell::Int(f.planned_jobs),
            Cell::Int(f.jobs_created),
            Cell::Int(f.center_hires),
            Cell::Int(f.youth_hires),
            Cell::Int(f.permanent_created),
            Cell::Int(f.lifting_paid),
            Cell::Int(f.lifting_paid_tenge),
            Cell::Int(f.budget_tenge),
            Cell::Int(f.contracts_value_tenge),
            Cell::Int(f.contracts_domestic_tenge),
            Cell::Int(f.plan_bp),
            Cell::Int(f.center_bp),
            Cell::Text(v.map(|v| v.state.clone()).unwrap_or_default()),
            Cell::Text(v.map(|v| v.center_share_bp.to_string()).unwrap_or_default()),
            Cell::Text(
                v.and_then(|v| v.domestic_share_bp)
                    .map(|bp| bp.to_string())
                    .unwrap_or_default(),
            ),
            Cell::Text(v.map(|v| v.unchecked_hires.to_string()).unwrap_or_default()),
        ]
    };
    csv_bytes(&Table {
        name: "figures".into(),
        headers: headers.iter().map(|h| (*h).to_owned()).collect(),
        rows: r
            .regions
            .iter()
            .chain(std::iter::once(&r.national))
            .map(row)
            .collect(),
    })
}

async fn projects_body(
    db: &Db,
    req: &HttpRequest,
    asked: Option<NaiveDate>,
    format: Format,
) -> Result<Arc<Body>, ApiError> {
    let today = today(req);
    let as_of = as_of(asked, today)?;
    let rows = db
        .cached(format!("open projects {as_of}"), move |conn| {
            Ok(project_compliance(conn, None, as_of, today)?)
        })
        .await?;
    let board = review::board(db, "", as_of, today).await?;
    Ok(db
        .memo(format!("open projects {as_of} {format:?}"), || {
            let open = OpenProjects {
                as_of,
                projects: rows
                    .iter()
                    .map(|p| OpenProject {
                        code: p.code.clone(),
                        title: p.title.clone(),
                        region: p.region_code.clone(),
                        direction: p.direction.clone(),
                        budget_tenge: p.budget_tenge,
                        status: p.status.clone(),
                        planned_jobs: p.planned_jobs,
                        jobs_created: p.jobs_created,
                        compliance_state: board.project(&p.id).state.code().to_owned(),
                    })
                    .collect(),
            };
            Ok(Body::new(match format {
                Format::Json => serde_json::to_vec(&open).unwrap_or_default(),
                Format::Csv => projects_csv_bytes(&open)?,
            }))
        })
        .await?)
}

fn projects_csv_bytes(o: &OpenProjects) -> Result<Vec<u8>, crate::error::AppError> {
    let headers = [
        "code",
        "title",
        "region",
        "direction",
        "budget_tenge",
        "status",
        "planned_jobs",
        "jobs_created",
        "compliance_state",
    ];
    csv_bytes(&Table {
        name: "projects".into(),
        headers: headers.iter().map(|h| (*h).to_owned()).collect(),
        rows: o
            .projects
            .iter()
            .map(|p| {
                vec![
                    Cell::Text(p.code.clone()),
                    Cell::Text(p.title.clone()),
                    Cell::Text(p.region.clone()),
                    Cell::Text(p.direction.clone()),
                    Cell::Int(p.budget_tenge),
                    Cell::Text(p.status.clone()),
                    Cell::Int(p.planned_jobs),
                    Cell::Int(p.jobs_created),
                    Cell::Text(p.compliance_state.clone()),
                ]
            })
            .collect(),
    })
}

/// The programme's figures as of a date (national, ranked regions, months), as on the public
/// dashboard. No token needed. `?format=csv` for CSV.
#[utoipa::path(
    tag = "open data",
    params(OpenQuery),
    responses(
        (status = 200, description = "The figures, as JSON or (with `format=csv`) as CSV", content((FiguresReport = "application/json"), (String = "text/csv")), headers(("ETag" = String), ("Cache-Control" = String))),
        (status = 304, description = "Unchanged since the `If-None-Match` tag"),
        (status = 400, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/open/figures")]
pub async fn figures_json(
    req: HttpRequest,
    db: web::Data<Db>,
    query: web::Query<OpenQuery>,
) -> Result<HttpResponse, ApiError> {
    let format = query.format.unwrap_or(Format::Json);
    let body = figures_body(&db, &req, query.as_of, format).await?;
    let content_type = if format == Format::Csv { CSV } else { JSON };
    Ok(body.answer(&req, content_type, CACHE_CONTROL))
}

/// The same figures as CSV (one row per region, then `KZ` for the nation).
#[utoipa::path(
    tag = "open data",
    params(CsvQuery),
    responses(
        (status = 200, content_type = "text/csv", body = String, headers(("ETag" = String))),
        (status = 304, description = "Unchanged since the `If-None-Match` tag"),
        (status = 400, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/open/figures.csv")]
pub async fn figures_csv(
    req: HttpRequest,
    db: web::Data<Db>,
    query: web::Query<CsvQuery>,
) -> Result<HttpResponse, ApiError> {
    let body = figures_body(&db, &req, query.as_of, Format::Csv).await?;
    Ok(body.answer(&req, CSV, CACHE_CONTROL))
}

/// Approved projects with their budget, status, planned and created jobs and compliance
/// state; no personal data. No token needed. `?format=csv` for CSV.
#[utoipa::path(
    tag = "open data",
    params(OpenQuery),
    responses(
        (status = 200, description = "The projects, as JSON or (with `format=csv`) as CSV", content((OpenProjects = "application/json"), (String = "text/csv")), headers(("ETag" = String), ("Cache-Control" = String))),
        (status = 304, description = "Unchanged since the `If-None-Match` tag"),
        (status = 400, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/open/projects")]
pub async fn projects_json(
    req: HttpRequest,
    db: web::Data<Db>,
    query: web::Query<OpenQuery>,
) -> Result<HttpResponse, ApiError> {
    let format = query.format.unwrap_or(Format::Json);
    let body = projects_body(&db, &req, query.as_of, format).await?;
    let content_type = if format == Format::Csv { CSV } else { JSON };
    Ok(body.answer(&req, content_type, CACHE_CONTROL))
}

/// The same projects as CSV.
#[utoipa::path(
    tag = "open data",
    params(CsvQuery),
    responses(
        (status = 200, content_type = "text/csv", body = String, headers(("ETag" = String))),
        (status = 304, description = "Unchanged since the `If-None-Match` tag"),
        (status = 400, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/open/projects.csv")]
pub async fn projects_csv(
    req: HttpRequest,
    db: web::Data<Db>,
    query: web::Query<CsvQuery>,
) -> Result<HttpResponse, ApiError> {
    let body = projects_body(&db, &req, query.as_of, Format::Csv).await?;
    Ok(body.answer(&req, CSV, CACHE_CONTROL))
}
