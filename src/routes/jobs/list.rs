//! `/contracts/{id}/jobs`: the contract's hires, newest first, with personal data masked for
//! those who may not see it.

use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::contracts::ContractWithProject;
use crate::db::jobs::{self, JobLine, PAGE_SIZE};
use crate::error::AppError;
use crate::policy::{self, Person};
use crate::routes::contracts::load_in_scope;
use crate::web::page::PageCtx;
use crate::web::render;

#[derive(Debug, Deserialize)]
pub struct PageQuery {
    #[serde(default)]
    page: String,
}

#[derive(Template)]
#[template(path = "jobs/list.html")]
pub struct JobsPage {
    pub ctx: PageCtx,
    pub c: ContractWithProject,
    pub lines: Vec<(JobLine, Person)>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    pub can_record: bool,
}

pub async fn list(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let c = load_in_scope(&db, &user, id.into_inner()).await?;
    let page = query.page.parse::<i64>().unwrap_or(1).clamp(1, 1_000_000);
    let cid = c.contract.id.clone();
    let (lines, total) = db
        .run(move |conn| Ok(jobs::for_contract(conn, &cid, page)?))
        .await?;
    let full = policy::sees_personal_data(&user.scope, c.place());
    let lines = lines
        .into_iter()
        .map(|l| {
            let p = policy::person(&l.worker.iin, &l.job.worker_name, full);
            (l, p)
        })
        .collect();
    render(&JobsPage {
        can_record: policy::may_record(&user.scope, c.place()),
        pages: ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1),
        c,
        lines,
        total,
        page,
        ctx,
    })
}
