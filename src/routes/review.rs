//! `/review`: the commission's queue of submitted projects, from every region, oldest first.

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::project_list;
use crate::db::projects::ProjectRow;
use crate::db::regions::RegionNames;
use crate::domain::role::Role;
use crate::error::AppError;
use crate::web::page::PageCtx;
use crate::web::render;

#[derive(Template)]
#[template(path = "review.html")]
pub struct ReviewPage {
    pub ctx: PageCtx,
    pub projects: Vec<ProjectRow>,
    pub names: RegionNames,
}

impl ReviewPage {
    pub fn region_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.names.name(code, self.ctx.lang())
    }
}

pub async fn queue(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
) -> Result<HttpResponse, AppError> {
    user.require(&[Role::Commission])?;
    let (projects, names) = db
        .run(|conn| Ok((project_list::review_queue(conn)?, RegionNames::load(conn)?)))
        .await?;
    render(&ReviewPage {
        ctx,
        projects,
        names,
    })
}
