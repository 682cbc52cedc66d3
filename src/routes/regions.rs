//! `/regions/{kato}`: one region's figures, its projects by direction, its projects with their
//! compliance, its rank month by month and its plan against jobs created.

use actix_web::{HttpResponse, web};
use askama::Template;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

use super::dashboard::{AsOfQuery, monthly_chart};
use crate::db::Db;
use crate::db::compliance::ProjectState;
use crate::db::figures::{self, DirectionRow, ProjectCompliance};
use crate::db::rank_history::{self, MonthRank};
use crate::db::regions::RegionNames;
use crate::domain::compliance::{Condition, State};
use crate::domain::figures::Figures;
use crate::domain::project::Direction;
use crate::error::AppError;
use crate::web::export::{self, Cell, Table};
use crate::web::page::{AsI64, PageCtx};
use crate::web::render;
use crate::web::review::{self, Board, Filter, ReviewQuery, StateFilter};

#[derive(Template)]
#[template(path = "region.html")]
pub struct RegionPage {
    pub ctx: PageCtx,
    pub as_of: NaiveDate,
    pub name: String,
    pub f: Figures,
    pub of_regions: usize,
    pub directions: Vec<DirectionRow>,
    /// This page of the region's projects, each with its compliance state.
    pub projects: Vec<(ProjectCompliance, ProjectState)>,
    pub found: usize,
    pub page: usize,
    pub pages: usize,
    pub q: ReviewQuery,
    pub ranks: Vec<MonthRank>,
    pub chart: String,
    pub verified: Option<crate::domain::verification::Verified>,
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

    pub fn states(&self) -> [State; 4] {
        State::ALL
    }

    pub fn conditions(&self) -> [Condition; 2] {
        Condition::ALL
    }

    pub fn directions_all(&self) -> &'static [Direction] {
        Direction::ALL
    }

    pub fn path(&self) -> String {
        format!("/regions/{}", self.f.code)
    }

    pub fn link(&self, page: usize) -> String {
        self.q.with("page", page.to_string())
    }
}

/// The region's projects that `filter` selects, worst first by the state it judges.
pub fn select_projects<'a>(
    projects: &'a [ProjectCompliance],
    board: &Board,
    filter: &Filter,
) -> Vec<(&'a ProjectCompliance, ProjectState)> {
    let judged = |s: &ProjectState| match filter.condition {
        Some(Condition::Center) => s.center,
        Some(Condition::Domestic) => s.domestic,
        None => s.state,
    };
    let mut rows: Vec<(&ProjectCompliance, ProjectState)> = projects
        .iter()
        .map(|p| (p, board.project(&p.id)))
        .filter(|(p, s)| {
            filter.direction.is_none_or(|d| d.code() == p.direction)
                && filter.state.unwrap_or(StateFilter::All).admits(judged(s))
        })
        .collect();
    rows.sort_by(|a, b| {
        judged(&b.1)
            .cmp(&judged(&a.1))
            .then_with(|| a.0.code.cmp(&b.0.code))
    });
    rows
}

/// The filter of a region page: every state unless one is chosen.
fn region_filter(q: &ReviewQuery) -> Filter {
    let mut filter = q.filter();
    if q.state.is_empty() {
        filter.state = Some(StateFilter::All);
    }
    filter
}

/// The region page's tables for export, with the page's numbers.
pub fn tables(
    i18n: &crate::i18n::I18n,
    name: &str,
    directions: &[DirectionRow],
    projects: &[(&ProjectCompliance, ProjectState)],
    ranks: &[MonthRank],
) -> Vec<Table> {
    let t = |k: &str| i18n.t(k);
    vec![
        Table {
            name: format!("{name}-directions"),
            headers: vec![
                t("project-direction"),
                t("col-projects"),
                t("project-budget"),
                t("fig-planned-jobs"),
                t("fig-jobs-created"),
            ],
            rows: directions
                .iter()
                .map(|d| {
                    vec![
                        Cell::Text(
                            i18n.t(Direction::from_code(&d.direction)
                                .map_or("unknown", Direction::label_key)),
                        ),
                        Cell::Int(d.projects),
                        Cell::Int(d.budget),
                        Cell::Int(d.planned_jobs),
                        Cell::Int(d.jobs_created),
                    ]
                })
                .collect(),
        },
        Table {
            name: format!("{name}-projects"),
            headers: vec![
                t("project-code"),
                t("project-title"),
                t("project-status"),
                t("fig-planned-jobs"),
                t("fig-jobs-created"),
                t("fig-center-share"),
                t("fig-domestic-share"),
                t("compliance-state"),
                t("condition-center"),
                t("condition-domestic"),
            ],
            rows: projects
                .iter()
                .map(|(p, s)| {
                    vec![
                        Cell::Text(p.code.clone()),
                        Cell::Text(p.title.clone()),
                        Cell::Text(
                            i18n.t(crate::domain::workflow::ProjectStatus::from_code(&p.status)
                                .map_or("unknown", |s| s.label_key())),
                        ),
                        Cell::Int(p.planned_jobs),
                        Cell::Int(p.jobs_created),
                        Cell::Percent(p.center_bp()),
                        Cell::Percent(p.domestic_bp()),
                        Cell::Text(i18n.t(s.state.label_key())),
                        Cell::Text(i18n.t(s.center.label_key())),
                        Cell::Text(i18n.t(s.domestic.label_key())),
                    ]
                })
                .collect(),
        },
        Table {
            name: format!("{name}-ranks"),
            headers: vec![t("plans-month"), t("fig-rank"), t("fig-plan-share")],
            rows: ranks
                .iter()
                .map(|r| {
                    vec![
                        Cell::Text(r.month.format("%Y-%m").to_string()),
                        Cell::Int(i64::from(r.rank)),
                        Cell::Percent(i64::from(r.plan_share_bp)),
                    ]
                })
                .collect(),
        },
    ]
}

/// Everything the region page and its exports show, loaded once per figures generation.
pub struct RegionData {
    pub f: Figures,
    pub of_regions: usize,
    pub names: RegionNames,
    pub directions: Vec<DirectionRow>,
    pub projects: Vec<ProjectCompliance>,
    pub ranks: Vec<MonthRank>,
    pub monthly: Vec<(NaiveDate, i64, i64)>,
    /// The region's verified figures (issue 15), as of today only.
    pub verified: Option<crate::domain::verification::Verified>,
}

/// The region's data as of a date; `None` for a region not in force on that date.
async fn region_data(
    db: &Db,
    code: String,
    as_of: NaiveDate,
    today: NaiveDate,
) -> Result<Arc<Option<RegionData>>, AppError> {
    let first = NaiveDate::from_ymd_opt(as_of.year() - 1, as_of.month(), 1)
        .unwrap_or(as_of)
        .max(NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or(as_of));
    let last = as_of.with_day(1).unwrap_or(as_of);
    db.cached(format!("region {code} {as_of}"), move |conn| {
        let (regions, _) = figures::as_of(conn, as_of, today)?;
        let of_regions = regions.iter().filter(|r| r.is_ranked()).count();
        let Some(f) = regions.into_iter().find(|r| r.code == code) else {
            return Ok(None);
        };
        let projects = figures::project_compliance(conn, Some(&code), as_of, today)?;
        let verified = if as_of == today {
            let tally = crate::db::verification::region_tally(conn, &code)?;
            Some(crate::domain::verification::verified_area(
                f.jobs_created,
                f.center_hires,
                &tally,
            ))
        } else {
            None
        };
        Ok(Some(RegionData {
            verified,
            f,
            of_regions,
            names: RegionNames::load(conn)?,
            directions: figures::by_direction(&projects),
            projects,
            ranks: rank_history::region_over_time(conn, &code, first, last, today)?,
            monthly: figures::monthly(conn, Some(&code), as_of)?,
        }))
    })
    .await
}

/// `/regions/{kato}/{table}.{format}`: the region page's tables as files.
pub async fn export(
    ctx: PageCtx,
    db: web::Data<Db>,
    path: web::Path<(String, String, String)>,
    query: web::Query<AsOfQuery>,
) -> Result<HttpResponse, AppError> {
    let (code, table, format) = path.into_inner();
    let today = ctx.today();
    let as_of = query.date(today);
    let data = region_data(&db, code.clone(), as_of, today).await?;
    let d = data.as_ref().as_ref().ok_or(AppError::NotFound)?;
    let board = review::board(&db, &code, as_of, today).await?;
    let projects = select_projects(&d.projects, &board, &Filter::default());
    let name = format!("jobmap-{code}-{as_of}");
    let all = tables(&ctx.i18n, &name, &d.directions, &projects, &d.ranks);
    let wanted = all
        .into_iter()
        .find(|t| t.name == format!("{name}-{table}"))
        .ok_or(AppError::NotFound)?;
    export::respond(&wanted, &format)
}

pub async fn show(
    ctx: PageCtx,
    db: web::Data<Db>,
    kato: web::Path<String>,
    query: web::Query<ReviewQuery>,
) -> Result<HttpResponse, AppError> {
    let code = kato.into_inner();
    let today = ctx.today();
    let q = query.into_inner();
    let as_of = q.as_of(today);
    let data = region_data(&db, code.clone(), as_of, today).await?;
    let d = data.as_ref().as_ref().ok_or(AppError::NotFound)?;
    let board = review::board(&db, &code, as_of, today).await?;
    let selected = select_projects(&d.projects, &board, &region_filter(&q));
    let paged = review::paged(&selected, q.page());
    let chart = monthly_chart(&ctx, d.monthly.clone());
    render(&RegionPage {
        name: d.names.name(&code, ctx.lang()).to_owned(),
        as_of,
        f: d.f.clone(),
        of_regions: d.of_regions,
        directions: d.directions.clone(),
        projects: paged.rows.iter().map(|(p, s)| ((*p).clone(), *s)).collect(),
        found: paged.total,
        page: paged.page,
        pages: paged.pages,
        q,
        ranks: d.ranks.clone(),
        chart,
        verified: d.verified.clone(),
        ctx,
    })
}
