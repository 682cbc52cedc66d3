//! `/map`: regions shaded by % of plan as of a date, project points by compliance.

use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::NaiveDate;
use serde::Deserialize;

use super::dashboard::AsOfQuery;
use crate::db::Db;
use crate::db::figures;
use crate::db::regions::RegionNames;
use crate::domain::compliance::State;
use crate::domain::figures::Figures;
use crate::error::AppError;
use crate::web::map::{self, HEIGHT, Shape, WIDTH};
use crate::web::page::{AsI64, PageCtx};
use crate::web::render;
use crate::web::review::{self, Board};

/// A project point: where, and whether it complies.
#[derive(Clone)]
pub struct Point {
    pub id: String,
    pub code: String,
    pub region: String,
    pub x: f64,
    pub y: f64,
    pub class: &'static str,
}

#[derive(Template)]
#[template(path = "map.html")]
pub struct MapPage {
    pub ctx: PageCtx,
    pub as_of: NaiveDate,
    /// The region whose every project is drawn; the whole country shows breaches only.
    pub region: String,
    pub total_points: usize,
    pub shapes: &'static [Shape],
    pub regions: Vec<Figures>,
    pub names: RegionNames,
    pub points: Vec<Point>,
    pub width: f64,
    pub height: f64,
}

impl MapPage {
    pub fn figures(&self, code: &str) -> Option<&Figures> {
        self.regions.iter().find(|f| f.code == code)
    }

    pub fn shade(&self, code: &str) -> &'static str {
        self.figures(code).map_or("shade-none", |f| {
            if f.planned_jobs == 0 {
                "shade-none"
            } else {
                map::shade(f.plan_bp())
            }
        })
    }

    pub fn label(&self, code: &str) -> String {
        let name = self.names.name(code, self.ctx.lang());
        match self.figures(code) {
            Some(f) => format!("{name}: {}", self.ctx.i18n.percent(f.plan_bp())),
            None => name.to_owned(),
        }
    }

    pub fn pct(&self, bp: impl AsI64) -> String {
        self.ctx.i18n.percent(bp.as_i64())
    }
}

/// A project's point, coloured by its compliance state (`domain::compliance`).
fn point(
    id: &str,
    code: &str,
    region: &str,
    at: (Option<i32>, Option<i32>),
    state: State,
) -> Option<Point> {
    let (lat, lon) = (f64::from(at.0?) / 1e6, f64::from(at.1?) / 1e6);
    let (x, y) = map::project(lat, lon);
    Some(Point {
        id: id.to_owned(),
        code: code.to_owned(),
        region: region.to_owned(),
        x,
        y,
        class: state.class(),
    })
}

/// The projects in breach, one point each, from the national board.
fn breach_points(board: &Board) -> Vec<Point> {
    let mut seen = std::collections::HashSet::new();
    board
        .contracts
        .iter()
        .filter(|a| board.project(&a.line.project_id).state == State::Breached)
        .filter(|a| seen.insert(a.line.project_id.clone()))
        .filter_map(|a| {
            let l = &a.line;
            point(
                &l.project_id,
                &l.project_code,
                &l.region_code,
                (l.latitude_e6, l.longitude_e6),
                State::Breached,
            )
        })
        .collect()
}

#[derive(Debug, Default, Deserialize)]
pub struct MapQuery {
    #[serde(flatten)]
    pub as_of: AsOfQuery,
    #[serde(default)]
    pub region: String,
}

/// The map's data as of a date for the whole country or one region, loaded once per
/// figures generation.
struct MapData {
    regions: Vec<Figures>,
    names: RegionNames,
    region: String,
    points: Vec<Point>,
    total_points: usize,
}

pub async fn show(
    ctx: PageCtx,
    db: web::Data<Db>,
    query: web::Query<MapQuery>,
) -> Result<HttpResponse, AppError> {
    let today = ctx.today();
    let as_of = query.as_of.date(today);
    let wanted = query.region.clone();
    let scope = if wanted.len() == 2 && wanted.bytes().all(|b| b.is_ascii_digit()) {
        wanted.clone()
    } else {
        String::new()
    };
    let board = review::board(&db, &scope, as_of, today).await?;
    let data = db
        .cached(format!("map {as_of} {wanted}"), move |conn| {
            let (regions, _) = figures::as_of(conn, as_of, today)?;
            // Thousands of points would make the page heavy on a slow link and unreadable:
            // the country shows the projects in breach, a region all of its own.
            let region = regions
                .iter()
                .find(|r| r.code == wanted)
                .map(|r| r.code.clone())
                .unwrap_or_default();
            let (points, total_points) = if region.is_empty() {
                // Approved projects, counted as the figures count them.
                let approved = regions.iter().map(|r| r.projects_approved).sum::<i64>();
                let total = usize::try_from(approved).unwrap_or(0);
                (breach_points(&board), total)
            } else {
                let all = figures::project_compliance(conn, Some(&region), as_of, today)?;
                let n = all.len();
                let points = all
                    .iter()
                    .filter_map(|p| {
                        point(
                            &p.id,
                            &p.code,
                            &p.region_code,
                            (p.latitude_e6, p.longitude_e6),
                            board.project(&p.id).state,
                        )
                    })
                    .collect();
                (points, n)
            };
            Ok(MapData {
                names: RegionNames::load(conn)?,
                total_points,
                points,
                region,
                regions,
            })
        })
        .await?;
    render(&MapPage {
        shapes: map::frame(as_of),
        points: data.points.clone(),
        total_points: data.total_points,
        region: data.region.clone(),
        as_of,
        regions: data.regions.clone(),
        names: data.names.clone(),
        width: WIDTH,
        height: HEIGHT,
        ctx,
    })
}
