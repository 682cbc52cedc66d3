//! `/regions/{kato}`: one region's figures, its projects by direction, its projects with their
//! compliance, its rank month by month and its plan against jobs created.

use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{Datelike, NaiveDate};

use super::dashboard::{AsOfQuery, month_label};
use crate::db::Db;
use crate::db::figures::{self, DirectionRow, ProjectCompliance};
use crate::db::rank_history::{self, MonthRank};
use crate::db::regions::RegionNames;
use crate::domain::figures::Figures;
use crate::domain::project::Direction;
use crate::error::AppError;
use crate::web::chart;
use crate::web::page::{AsI64, PageCtx};
use crate::web::render;

#[derive(Template)]
#[template(path = "region.html")]
pub struct RegionPage {
    pub ctx: PageCtx,
    pub as_of: NaiveDate,
    pub name: String,
    pub f: Figures,
    pub of_regions: usize,
    pub directions: Vec<DirectionRow>,
    pub projects: Vec<ProjectCompliance>,
    pub ranks: Vec<MonthRank>,
    pub chart: String,
}

impl RegionPage {
    pub fn pct(&self, bp: impl AsI64) -> String {
        self.ctx.i18n.percent(bp.as_i64())
    }

    pub fn direction_key(&self, code: &str) -> &'static str {
        Direction::from_code(code).map_or("unknown", Direction::label_key)
    }

    pub fn status_key(&self, code: &str) -> &'static str {
        crate::domain::workflow::ProjectStatus::from_code(code).map_or("unknown", |s| s.label_key())
    }
}

pub async fn show(
    ctx: PageCtx,
    db: web::Data<Db>,
    kato: web::Path<String>,
    query: web::Query<AsOfQuery>,
) -> Result<HttpResponse, AppError> {
    let code = kato.into_inner();
    let as_of = query.date();
    let today = chrono::Utc::now().date_naive();
    let (regions, names) = db
        .run(move |conn| Ok((figures::as_of(conn, as_of)?.0, RegionNames::load(conn)?)))
        .await?;
    let of_regions = regions.len();
    let f = regions
        .into_iter()
        .find(|r| r.code == code)
        .ok_or(AppError::NotFound)?;
    let first = NaiveDate::from_ymd_opt(as_of.year() - 1, as_of.month(), 1)
        .unwrap_or(as_of)
        .max(NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or(as_of));
    let last = as_of.with_day(1).unwrap_or(as_of);
    let c = code.clone();
    let (directions, projects, ranks, monthly) = db
        .run(move |conn| {
            Ok((
                figures::by_direction(conn, &c, as_of)?,
                figures::project_compliance(conn, Some(&c), as_of)?,
                rank_history::region_over_time(conn, &c, first, last, today)?,
                figures::monthly(conn, Some(&c), as_of)?,
            ))
        })
        .await?;
    let months: Vec<(String, i64, i64)> = monthly
        .into_iter()
        .map(|(m, c, p)| (month_label(m), c, p))
        .collect();
    let chart = chart::plan_vs_actual(
        &months,
        &ctx.t("chart-plan-vs-actual"),
        &ctx.t("chart-created"),
        &ctx.t("chart-planned"),
    );
    render(&RegionPage {
        name: names.name(&code, ctx.lang()).to_owned(),
        as_of,
        f,
        of_regions,
        directions,
        projects,
        ranks,
        chart,
        ctx,
    })
}
