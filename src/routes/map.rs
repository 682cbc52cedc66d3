//! `/map`: regions shaded by % of plan as of a date, project points by compliance; a chosen
//! region is zoomed into.

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
use crate::web::map::{self, PointState};
use crate::web::page::PageCtx;
use crate::web::render;
use crate::web::review::{self, Board};

#[derive(Template)]
#[template(path = "map.html")]
pub struct MapPage {
    pub ctx: PageCtx,
    pub as_of: NaiveDate,
    /// The region zoomed into, whose every project is drawn; the country shows breaches only.
    pub region: String,
    pub total_points: usize,
    pub regions: Vec<Figures>,
    pub names: RegionNames,
    pub svg: String,
    /// How many points of each state are drawn, in legend order.
    pub counts: Vec<(PointState, usize)>,
}

impl MapPage {
    pub fn name(&self, code: &str) -> String {
        self.names.name(code, self.ctx.lang()).to_owned()
    }

    /// % of plan, or a dash where there is no plan to measure against.
    pub fn value(&self, f: &Figures) -> String {
        if f.planned_jobs > 0 {
            self.ctx.i18n.percent(f.plan_bp())
        } else {
            "—".to_owned()
        }
    }

    pub fn shown(&self) -> usize {
        self.counts.iter().map(|(_, n)| n).sum()
    }

    pub fn shades(&self) -> &'static [(&'static str, &'static str)] {
        &map::SHADES
    }
}

/// A project drawn on the map, with its compliance state (`domain::compliance`).
#[derive(Clone)]
struct Spot {
    id: String,
    code: String,
    region: String,
    at: (Option<i32>, Option<i32>),
    state: State,
}

/// The projects in breach, one spot each, from the national board.
fn breaches(board: &Board) -> Vec<Spot> {
    board
        .breached_projects()
        .map(|a| Spot {
            id: a.line.project_id.clone(),
            code: a.line.project_code.clone(),
            region: a.line.region_code.clone(),
            at: (a.line.latitude_e6, a.line.longitude_e6),
            state: State::Breached,
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
    spots: Vec<Spot>,
    total_points: usize,
}

pub async fn show(
    ctx: PageCtx,
    db: web::Data<Db>,
    query: web::Query<MapQuery>,
) -> Result<HttpResponse, AppError> {
    let today = ctx.today();
    let as_of = query.as_of.date(today);
    let shapes = map::frame(as_of);
    // Only a region drawn on this date's map is worth a computation (and a cache entry).
    let region = match query.region.trim() {
        "" => String::new(),
        code if shapes.iter().any(|s| s.code == code) => code.to_owned(),
        _ => return Err(AppError::NotFound),
    };
    let wanted = region.clone();
    let board = review::board(&db, &region, as_of, today).await?;
    let data = db
        .cached(format!("map {as_of} {wanted}"), move |conn| {
            let (regions, _) = figures::as_of(conn, as_of, today)?;
            // Thousands of points would make the page heavy on a slow link and unreadable:
            // the country shows the projects in breach, a region all of its own.
            let (spots, total_points) = if wanted.is_empty() {
                // Approved projects, counted as the figures count them.
                let approved = regions.iter().map(|r| r.projects_approved).sum::<i64>();
                (breaches(&board), usize::try_from(approved).unwrap_or(0))
            } else {
                let all = figures::project_compliance(conn, Some(&wanted), as_of, today)?;
                let n = all.len();
                let spots = all
                    .into_iter()
                    .map(|p| Spot {
                        state: board.project(&p.id).state,
                        at: (p.latitude_e6, p.longitude_e6),
                        id: p.id,
                        code: p.code,
                        region: p.region_code,
                    })
                    .collect();
                (spots, n)
            };
            Ok(MapData {
                names: RegionNames::load(conn)?,
                total_points,
                spots,
                regions,
            })
        })
        .await?;
    let lang = ctx.lang();
    let labels = map::region_labels(
        shapes,
        |code| data.names.name(code, lang).to_owned(),
        &data.regions,
        &region,
        as_of,
        &ctx.i18n,
    );
    let signed_in = ctx.signed_in();
    let (points, counts) = map::points(data.spots.iter().map(|p| {
        let state = PointState::from(p.state);
        map::PointInput {
            latitude_e6: p.at.0,
            longitude_e6: p.at.1,
            state,
            href: if signed_in {
                format!("/projects/{}", p.id)
            } else {
                format!("/regions/{}?as_of={as_of}", p.region)
            },
            title: format!("{} · {}", p.code, ctx.t(state.label_key())),
        }
    }));
    let title = match region.as_str() {
        "" => format!("{} · {as_of}", ctx.t("map-heading")),
        code => format!(
            "{} · {} · {as_of}",
            ctx.t("map-heading"),
            data.names.name(code, lang)
        ),
    };
    let svg = map::svg(
        shapes,
        &labels,
        &points,
        Some(region.as_str()).filter(|r| !r.is_empty()),
        &title,
    );
    render(&MapPage {
        counts,
        svg,
        total_points: data.total_points,
        region,
        as_of,
        regions: data.regions.clone(),
        names: data.names.clone(),
        ctx,
    })
}
