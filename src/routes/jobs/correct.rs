//! `POST /jobs/{id}`: correcting a hire. `usecase::job_correction` checks the corrected hire
//! like a new one and re-checks rules 2, 4 and 6 under the contract's lock; the worker (IIN)
//! and the contract do not change.

use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;
use serde::Deserialize;

use super::label_key;
use super::show::{load, page};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::domain::hire::HireFields;
use crate::error::AppError;
use crate::policy::{self, Who};
use crate::usecase::job_correction::{self, CorrectionError};
use crate::web::form::FormErrors;
use crate::web::page::PageCtx;
use crate::web::see_other;

#[derive(Debug, Deserialize)]
pub struct CorrectionForm {
    #[serde(default)]
    version: String,
    #[serde(flatten)]
    fields: HireFields,
}

pub async fn correct(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
    form: web::Form<CorrectionForm>,
) -> Result<HttpResponse, AppError> {
    let (job, c) = load(&db, &user, id.into_inner()).await?;
    if !policy::may_record(&user.scope, c.place()) {
        return Err(AppError::Forbidden);
    }
    let f = form.into_inner();
    let version: i32 = f
        .version
        .parse()
        .map_err(|_| AppError::BadRequest("version".into()))?;
    let today = ctx.today();
    let (who, jid, typed) = (Who::from(&user), job.id.clone(), f.fields.clone());
    let saved = db
        .run(move |conn| {
            Ok(job_correction::correct(
                conn, &who, &jid, version, &typed, today,
            ))
        })
        .await?;
    match saved {
        Ok(_) => FlashMessage::success("flash-job-corrected").send(),
        Err(CorrectionError::Stale) => FlashMessage::error("flash-job-changed-meanwhile").send(),
        Err(CorrectionError::Invalid(problems)) => {
            let i18n = ctx.i18n;
            let errors = FormErrors::from_problems(&i18n, &problems)
                .with_labels(|field| label_key(field).map(|k| i18n.t(k)));
            return page(ctx, &db, &user, (job, c), errors, Some(f.fields)).await;
        }
        Err(CorrectionError::Access(e)) => return Err(e.into()),
        Err(CorrectionError::Db(e)) => return Err(e.into()),
    }
    Ok(see_other(&format!("/jobs/{}", job.id)))
}
