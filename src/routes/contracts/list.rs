//! `/contracts`: a contractor's contracts, in every region.

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::contracts::{self, ContractRow};
use crate::db::regions::RegionNames;
use crate::domain::role::Scope;
use crate::error::AppError;
use crate::web::page::PageCtx;
use crate::web::render;

#[derive(Template)]
#[template(path = "contracts/list.html")]
pub struct ContractsPage {
    pub ctx: PageCtx,
    pub contracts: Vec<(ContractRow, String, String)>,
    pub names: RegionNames,
}

impl ContractsPage {
    pub fn region_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.names.name(code, self.ctx.lang())
    }
}

pub async fn list(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
) -> Result<HttpResponse, AppError> {
    let Scope::Contractor(bin) = user.scope.clone() else {
        return Err(AppError::Forbidden);
    };
    let (contracts, names) = db
        .run(move |conn| {
            Ok((
                contracts::for_contractor(conn, &bin)?,
                RegionNames::load(conn)?,
            ))
        })
        .await?;
    render(&ContractsPage {
        ctx,
        contracts,
        names,
    })
}
