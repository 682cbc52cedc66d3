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

pub async fn csv(
    user: CurrentUser,
    db: web::Data<Db>,
    query: web::Query<RegionQuery>,
) -> Result<HttpResponse, AppError> {
    let region = match (&user.scope, query.into_inner().region) {
        (Scope::Region(own), None) => own.clone(),
        (Scope::Region(own), Some(asked)) if asked == *own => asked,
        (Scope::National, Some(asked)) => asked,
        _ => return Err(AppError::NotFound),
    };
    let name = format!("jobmap-projects-{region}");
    let rows = db
        .run(move |conn| Ok(reimport::region_projects(conn, &region)?))
        .await?;
    export::reimportable_csv(&name, &COLUMNS, &rows)
}
