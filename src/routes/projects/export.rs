//! `/projects/export.csv`: a region's projects in the project import's own format (its column
//! codes as the header), so an officer can load them into another jobmap with `/projects/import`.

use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::import::COLUMNS;
use crate::auth::CurrentUser;
use crate::db::{Db, reimport};
use crate::domain::role::Scope;
use crate::error::AppError;
use crate::web::export;

#[derive(Debug, Deserialize)]
pub struct RegionQuery {
    /// Commission and admin name the region; an officer's is their own.
    pub region: Option<String>,
}

/// The region a region-wide export is for: an officer's own, or the one the commission or an
/// admin names. Anything else is 404.
pub fn region_of(user: &CurrentUser, query: RegionQuery) -> Result<String, AppError> {
    match (&user.scope, query.region) {
        (Scope::Region(own), None) => Ok(own.clone()),
        (Scope::Region(own), Some(asked)) if asked == *own => Ok(asked),
        (Scope::National, Some(asked)) => Ok(asked),
        _ => Err(AppError::NotFound),
    }
}

pub async fn csv(
    user: CurrentUser,
    db: web::Data<Db>,
    query: web::Query<RegionQuery>,
) -> Result<HttpResponse, AppError> {
    let region = region_of(&user, query.into_inner())?;
    let name = format!("jobmap-projects-{region}");
    let rows = db
        .run(move |conn| Ok(reimport::region_projects(conn, &region)?))
        .await?;
    export::reimportable_csv(&name, &COLUMNS, &rows)
}
