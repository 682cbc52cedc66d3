//! `/projects/{id}/history`: every recorded change to a project, with before and after values.

use actix_web::{HttpResponse, web};
use askama::Template;

use super::load_in_scope;
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::audit::{self, AuditRow};
use crate::db::projects::ProjectRow;
use crate::error::AppError;
use crate::web::page::PageCtx;
use crate::web::render;

#[derive(Template)]
#[template(path = "projects/history.html")]
pub struct HistoryPage {
    pub ctx: PageCtx,
    pub project: ProjectRow,
    pub events: Vec<AuditRow>,
}

pub async fn show(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let project = load_in_scope(&db, &user, id.into_inner()).await?;
    let pid = project.id.clone();
    let events = db
        .run(move |conn| Ok(audit::for_entity(conn, "project", &pid)?))
        .await?;
    render(&HistoryPage {
        ctx,
        project,
        events,
    })
}
