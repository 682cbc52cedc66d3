//! `/`: the public overview, one row per region in the current administrative frame.

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;

use crate::db::Db;
use crate::db::regions::{self, RegionSummary};
use crate::error::AppError;
use crate::web::page::PageCtx;

#[derive(Template, WebTemplate)]
#[template(path = "home.html")]
pub struct HomePage {
    pub ctx: PageCtx,
    pub regions: Vec<RegionSummary>,
    pub total_projects: i64,
    pub total_jobs: i64,
}

pub async fn show(ctx: PageCtx, db: web::Data<Db>) -> Result<HomePage, AppError> {
    let today = chrono::Utc::now().date_naive();
    let regions = db
        .run(move |conn| Ok(regions::summaries(conn, today)?))
        .await?;
    Ok(HomePage {
        total_projects: regions.iter().map(|r| r.projects).sum(),
        total_jobs: regions.iter().map(|r| r.jobs_created).sum(),
        regions,
        ctx,
    })
}
