//! `/api/v1/regions/{kato}/plans/{month}`: one month of a region's plan (planned jobs and
//! employment-center hires), read with its `ETag` and replaced with `If-Match` through
//! `usecase::plans::save_year` (the plans page's function), checked by `domain::plan`.
//! A month with no plan yet is created with `If-None-Match: *`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, put, web};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use super::caller::ApiCaller;
use super::problem::{ApiError, Problem};
use super::write::{Answer, Write, perform, stale};
use crate::clock::Clock;
use crate::db::plans::{self, MonthEntry};
use crate::db::{Db, DbConnection};
use crate::domain::plan::check_month;
use crate::domain::role::Scope;
use crate::usecase::plans::{PlanError, save_year};

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(show).service(replace);
}

/// A month's plan; a month never planned reads as zeros at version 0 (no `ETag`).
#[derive(Debug, Serialize, ToSchema)]
pub struct MonthPlan {
    pub region: String,
    /// `YYYY-MM`.
    pub month: String,
    pub planned_jobs: i32,
    pub planned_center_hires: i32,
    pub version: i32,
}

/// Rule 7: planned employment-center hires at least half the planned jobs, and no more.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanBody {
    pub planned_jobs: i32,
    pub planned_center_hires: i32,
}

/// The first day of `YYYY-MM`, within the years the plans page offers.
fn month_of(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let (y, m) = text.split_once('-')?;
    let (year, month) = (y.parse::<i32>().ok()?, m.parse::<u32>().ok()?);
    if y.len() != 4 || m.len() != 2 || !(2020..=today.year() + 1).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, 1)
}

fn sees_region(scope: &Scope, region: &str) -> bool {
    match scope {
        Scope::National => true,
        Scope::Region(r) => r == region,
        Scope::Contractor(_) => false,
    }
}

fn read(conn: &mut DbConnection, region: &str, month: NaiveDate) -> Result<MonthPlan, ApiError> {
    let row = plans::for_year(conn, region, month.year())?[month.month0() as usize].clone();
    Ok(MonthPlan {
        region: region.to_owned(),
        month: month.format("%Y-%m").to_string(),
        planned_jobs: row.as_ref().map_or(0, |r| r.planned_jobs),
        planned_center_hires: row.as_ref().map_or(0, |r| r.planned_center_hires),
        version: row.map_or(0, |r| r.version),
    })
}

fn region_exists(conn: &mut DbConnection, region: &str) -> Result<bool, ApiError> {
    use crate::db::schema::regions::dsl as r;
    use diesel::prelude::*;
    let n: i64 = r::regions
        .filter(r::code.eq(region))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

fn answer(plan: &MonthPlan) -> Answer {
    let a = Answer::json(StatusCode::OK, plan);
    if plan.version > 0 {
        a.etag(plan.version)
    } else {
        a
    }
}

/// A region's plan for one month.
#[utoipa::path(
    tag = "writes",
    security(("bearer" = [])),
    params(("kato" = String, Path), ("month" = String, Path, description = "`YYYY-MM`")),
    responses(
        (status = 200, body = MonthPlan, description = "`ETag` is its version"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/regions/{kato}/plans/{month}")]
pub async fn show(
    caller: ApiCaller,
    db: web::Data<Db>,
    clock: web::Data<Clock>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (region, month) = path.into_inner();
    let month = month_of(&month, clock.today()).ok_or_else(ApiError::not_found)?;
    if !sees_region(caller.scope(), &region) {
        return Err(ApiError::not_found());
    }
    let plan = db
        .run(move |conn| {
            Ok(match region_exists(conn, &region) {
                Ok(true) => read(conn, &region, month),
                Ok(false) => Err(ApiError::not_found()),
                Err(e) => Err(e),
            })
        })
        .await??;
    let mut response = HttpResponse::Ok();
    if plan.version > 0 {
        response.insert_header((
            actix_web::http::header::ETAG,
            crate::domain::version::etag(plan.version),
        ));
    }
    Ok(response.json(plan))
}

/// Replace a region's plan for one month (the region's akimat only).
#[utoipa::path(
    tag = "writes",
    security(("bearer" = [])),
    params(
        ("kato" = String, Path), ("month" = String, Path, description = "`YYYY-MM`"),
        ("If-Match" = Option<String>, Header, description = "The month's `ETag` as you read it"),
        ("If-None-Match" = Option<String>, Header, description = "`*` to create a month with no plan yet"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer and write nothing again (kept 24 h)"),
    ),
    request_body = PlanBody,
    responses(
        (status = 200, body = MonthPlan, description = "Saved; `ETag` is the new version"),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "Only the region's akimat enters its plans"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json", description = "The month changed since that version"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/regions/{kato}/plans/{month}")]
pub async fn replace(
    caller: ApiCaller,
    db: web::Data<Db>,
    clock: web::Data<Clock>,
    path: web::Path<(String, String)>,
    request: Write<PlanBody>,
) -> Result<HttpResponse, ApiError> {
    let (region, month) = path.into_inner();
    let month = month_of(&month, clock.today()).ok_or_else(ApiError::not_found)?;
    if !sees_region(caller.scope(), &region) {
        return Err(ApiError::not_found());
    }
    let base_version = request.precondition(true)?.base_version();
    let m = month.month();
    let body = &request.body;
    let plan = check_month(
        m as usize,
        &body.planned_jobs.to_string(),
        &body.planned_center_hires.to_string(),
    )
    .map_err(|problems| {
        // The page's fields are per month (`jobs_3`); the body's are not.
        let renamed: Vec<_> = problems
            .into_iter()
            .map(|mut p| {
                p.field = if p.field.starts_with("jobs") {
                    "planned_jobs"
                } else {
                    "planned_center_hires"
                };
                p
            })
            .collect();
        ApiError::fields("", &renamed)
    })?;
    perform(&db, &caller, &request, move |conn, acting| {
        if !region_exists(conn, &region)? {
            return Err(ApiError::not_found());
        }
        if acting.officer_region() != Some(region.as_str()) {
            return Err(ApiError::forbidden());
        }
        let entry = MonthEntry {
            month: m,
            plan,
            base_version,
        };
        save_year(conn, acting, month.year(), &[entry]).map_err(|e| match e {
            PlanError::Forbidden => ApiError::forbidden(),
            PlanError::Stale(_) => stale(),
            PlanError::Db(e) => e.into(),
        })?;
        Ok(answer(&read(conn, &region, month)?))
    })
    .await
}
