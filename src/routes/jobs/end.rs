//! `POST /jobs/{id}/end`: the contractor or the region's officer records the end of a job
//! (`usecase::job_end`: rule 5, optimistic locking, audit).

use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;
use serde::Deserialize;

use super::show::{load, page};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::domain::numbers::parse_date;
use crate::error::AppError;
use crate::policy::{self, Who};
use crate::usecase::job_end::{self, EndError};
use crate::web::form::FormErrors;
use crate::web::page::PageCtx;
use crate::web::see_other;

#[derive(Debug, Deserialize)]
pub struct EndForm {
    #[serde(default)]
    end_date: String,
    #[serde(default)]
    version: String,
}

pub async fn end(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
    form: web::Form<EndForm>,
) -> Result<HttpResponse, AppError> {
    let (job, c) = load(&db, &user, id.into_inner()).await?;
    if !policy::may_record(&user.scope, c.place()) {
        return Err(AppError::Forbidden);
    }
    let version: i32 = form
        .version
        .parse()
        .map_err(|_| AppError::BadRequest("version".into()))?;
    let mut errors = FormErrors::new();
    let Some(end_date) = parse_date(&form.end_date) else {
        errors.add("end_date", ctx.t("field-date"));
        return page(ctx, &db, &user, (job, c), errors, None).await;
    };
    let today = ctx.today();
    let (who, jid) = (Who::from(&user), job.id.clone());
    let ended = db
        .run(move |conn| Ok(job_end::end(conn, &who, &jid, version, end_date, today)))
        .await?;
    match ended {
        Ok(_) => FlashMessage::success("flash-job-ended").send(),
        Err(EndError::Stale) => FlashMessage::error("flash-job-changed-meanwhile").send(),
        Err(EndError::Invalid(p)) => {
            errors.add(p.field, ctx.i18n.message(&p.message));
            return page(ctx, &db, &user, (job, c), errors, None).await;
        }
        Err(EndError::Access(e)) => return Err(e.into()),
        Err(EndError::Db(e)) => return Err(e.into()),
    }
    Ok(see_other(&format!("/jobs/{}", job.id)))
}
