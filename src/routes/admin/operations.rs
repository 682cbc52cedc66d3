//! `/admin/operations`: the result and time of the last consistency check (`jobmap check` or
//! `jobmap repair`), so an administrator sees whether the stored figures were last proven.

use actix_web::{HttpResponse, web};
use askama::Template;

use super::require_admin;
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::AppError;
use crate::ops::runs::{self, CheckRun};
use crate::web::page::PageCtx;
use crate::web::render;

#[derive(Template)]
#[template(path = "admin/operations.html")]
pub struct OperationsPage {
    pub ctx: PageCtx,
    pub last: Option<CheckRun>,
}

pub async fn show(
    ctx: PageCtx,
    admin: CurrentUser,
    db: web::Data<Db>,
) -> Result<HttpResponse, AppError> {
    require_admin(&admin)?;
    let last = db.run(|conn| Ok(runs::last(conn)?)).await?;
    render(&OperationsPage { ctx, last })
}
