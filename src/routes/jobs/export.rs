//! `/contracts/{id}/jobs/export.csv`: a contract's hires in the hire import's own format,
//! referral and home settlement included, so they load into another jobmap through
//! `/contracts/{id}/jobs/import`. Personal data in full, so only for those who may record on
//! the contract (its contractor, its region's officers); anyone else gets 404.

use actix_web::{HttpResponse, web};

use super::import::ALL_COLUMNS;
use crate::auth::CurrentUser;
use crate::db::{Db, reimport};
use crate::error::AppError;
use crate::routes::contracts::{load_in_scope, may_record};
use crate::web::export;

pub async fn csv(
    user: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let c = load_in_scope(&db, &user, id.into_inner()).await?;
    if !may_record(&user, &c) {
        return Err(AppError::NotFound);
    }
    let name = format!("jobmap-hires-{}", c.contract.id);
    let cid = c.contract.id.clone();
    let rows = db
        .run(move |conn| Ok(reimport::contract_hires(conn, &cid)?))
        .await?;
    export::reimportable_csv(&name, &ALL_COLUMNS, &rows)
}
