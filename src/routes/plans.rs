//! `/plans`: a region's planned jobs and employment-center hires for each month of a year, on
//! one screen, against the sum of its project plans. Officers edit their region's; the
//! commission reads any region's.

use std::collections::HashMap;

use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;
use askama::Template;
use chrono::Datelike;
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::plans::{self, MonthEntry, PlanRow, ProjectPlanTotals};
use crate::db::regions::{self, RegionName};
use crate::domain::plan::{CENTER_FIELDS, JOB_FIELDS, check_month};
use crate::domain::role::{Role, Scope};
use crate::error::AppError;
use crate::usecase::{self, acting::Acting, plans::PlanError};
use crate::web::form::FormErrors;
use crate::web::page::PageCtx;
use crate::web::{render, see_other};

#[derive(Debug, Deserialize)]
pub struct PlanQuery {
    #[serde(default)]
    region: String,
    #[serde(default)]
    year: String,
}

/// One month's row on the screen.
#[derive(Debug, Clone, Default)]
pub struct MonthLine {
    pub month: u32,
    pub jobs: String,
    pub center: String,
    pub version: String,
}

#[derive(Template)]
#[template(path = "plans.html")]
pub struct PlansPage {
    pub ctx: PageCtx,
    pub region: String,
    pub region_name: String,
    pub regions: Vec<RegionName>,
    pub year: i32,
    pub years: Vec<i32>,
    pub months: Vec<MonthLine>,
    pub editable: bool,
    pub errors: FormErrors,
    pub totals: ProjectPlanTotals,
    pub plan_jobs: i64,
    pub plan_center: i64,
    pub stale_months: Vec<u32>,
}

impl PlansPage {
    pub fn jobs_field(&self, m: &u32) -> &'static str {
        JOB_FIELDS[*m as usize - 1]
    }

    pub fn center_field(&self, m: &u32) -> &'static str {
        CENTER_FIELDS[*m as usize - 1]
    }

    pub fn month_key(&self, m: &u32) -> String {
        format!("month-{m}")
    }
}

/// Which region the user works on: their own for an officer, the chosen one for the commission.
fn region_for(user: &CurrentUser, requested: &str) -> Result<(String, bool), AppError> {
    match (&user.role, &user.scope) {
        (Role::Akimat, Scope::Region(r)) => Ok((r.clone(), true)),
        (Role::Commission, _) => Ok((requested.to_owned(), false)),
        _ => Err(AppError::Forbidden),
    }
}

fn year_of(text: &str, today: chrono::NaiveDate) -> i32 {
    let this = today.year();
    text.parse::<i32>()
        .ok()
        .filter(|y| (2020..=this + 1).contains(y))
        .unwrap_or(this)
}

fn lines(rows: &[Option<PlanRow>; 12]) -> Vec<MonthLine> {
    (1..=12u32)
        .map(|m| match &rows[m as usize - 1] {
            Some(r) => MonthLine {
                month: m,
                jobs: r.planned_jobs.to_string(),
                center: r.planned_center_hires.to_string(),
                version: r.version.to_string(),
            },
            None => MonthLine {
                month: m,
                ..MonthLine::default()
            },
        })
        .collect()
}

async fn page(
    ctx: PageCtx,
    db: &Db,
    region: String,
    year: i32,
    editable: bool,
) -> Result<PlansPage, AppError> {
    let today = ctx.today();
    let r = region.clone();
    let (rows, totals, regions) = db
        .run(move |conn| {
            Ok((
                plans::for_year(conn, &r, year)?,
                plans::project_totals(conn, &r, year)?,
                regions::active_names(conn, today)?,
            ))
        })
        .await?;
    let region_name = regions
        .iter()
        .find(|n| n.code == region)
        .map(|n| n.name(ctx.lang()).to_owned())
        .unwrap_or_default();
    let this = today.year();
    Ok(PlansPage {
        plan_jobs: rows
            .iter()
            .flatten()
            .map(|r| i64::from(r.planned_jobs))
            .sum(),
        plan_center: rows
            .iter()
            .flatten()
            .map(|r| i64::from(r.planned_center_hires))
            .sum(),
        months: lines(&rows),
        region,
        region_name,
        regions,
        year,
        years: (2020..=this + 1).collect(),
        editable,
        errors: FormErrors::new(),
        totals,
        stale_months: Vec::new(),
        ctx,
    })
}

pub async fn show(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    query: web::Query<PlanQuery>,
) -> Result<HttpResponse, AppError> {
    let (region, editable) = region_for(&user, &query.region)?;
    let year = year_of(&query.year, ctx.today());
    render(&page(ctx, &db, region, year, editable).await?)
}

pub async fn save(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    form: web::Form<HashMap<String, String>>,
) -> Result<HttpResponse, AppError> {
    let (region, editable) = region_for(&user, "")?;
    if !editable {
        return Err(AppError::Forbidden);
    }
    let get = |k: &str| form.get(k).map(String::as_str).unwrap_or("");
    let year = year_of(get("year"), ctx.today());
    let mut problems = Vec::new();
    let mut entries = Vec::new();
    let mut typed = Vec::new();
    for m in 1..=12u32 {
        let (jobs, center) = (
            get(JOB_FIELDS[m as usize - 1]),
            get(CENTER_FIELDS[m as usize - 1]),
        );
        let version = get(&format!("version_{m}")).to_owned();
        typed.push(MonthLine {
            month: m,
            jobs: jobs.into(),
            center: center.into(),
            version: version.clone(),
        });
        match check_month(m as usize, jobs, center) {
            Ok(plan) => entries.push(MonthEntry {
                month: m,
                plan,
                base_version: version.parse().ok(),
            }),
            Err(p) => problems.extend(p),
        }
    }
    if !problems.is_empty() {
        let mut page = page(ctx, &db, region, year, true).await?;
        let i18n = page.ctx.i18n;
        page.errors = FormErrors::from_problems(&i18n, &problems).with_labels(|field| {
            let (kind, month) = field.split_once('_')?;
            let what = if kind == "jobs" {
                "project-planned-jobs"
            } else {
                "project-planned-center"
            };
            Some(format!(
                "{} — {}",
                i18n.t(&format!("month-{month}")),
                i18n.t(what)
            ))
        });
        page.months = typed;
        return render(&page);
    }
    let by = Acting::from(&user);
    let saved = db
        .run(move |conn| Ok(usecase::plans::save_year(conn, &by, year, &entries)))
        .await?;
    match saved {
        Ok(_) => {
            FlashMessage::success("flash-plans-saved").send();
            Ok(see_other(&format!("/plans?year={year}")))
        }
        Err(PlanError::Stale(months)) => {
            let mut page = page(ctx, &db, region, year, true).await?;
            page.errors.add("stale", page.ctx.t("plans-stale"));
            page.stale_months = months.iter().map(|s| s.month).collect();
            // What the user typed stays; the versions become the current ones.
            let current: Vec<String> = page.months.iter().map(|l| l.version.clone()).collect();
            page.months = typed
                .into_iter()
                .zip(current)
                .map(|(mut l, v)| {
                    l.version = v;
                    l
                })
                .collect();
            render(&page)
        }
        Err(PlanError::Forbidden) => Err(AppError::Forbidden),
        Err(PlanError::Db(e)) => Err(e.into()),
    }
}
