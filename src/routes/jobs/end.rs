//! `POST /jobs/{id}/end`: the contractor or the region's officer records the end of a job
//! (rule 5: not before the hire, not in the future).

use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;
use serde::Deserialize;

use super::show::{audited_update, load, page};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::jobs;
use crate::domain::numbers::parse_date;
use crate::error::AppError;
use crate::routes::contracts::may_record;
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
    if !may_record(&user, &c) {
        return Err(AppError::Forbidden);
    }
    let version: i32 = form
        .version
        .parse()
        .map_err(|_| AppError::BadRequest("version".into()))?;
    let today = ctx.today();
    let mut errors = FormErrors::new();
    let end_date = match parse_date(&form.end_date) {
        None => {
            errors.add("end_date", ctx.t("field-date"));
            None
        }
        Some(d) if d < job.hire_date => {
            errors.add("end_date", ctx.t("job-end-before-hire"));
            None
        }
        Some(d) if d > today => {
            errors.add("end_date", ctx.t("date-in-future"));
            None
        }
        Some(d) => Some(d),
    };
    let Some(end_date) = end_date.filter(|_| job.end_date.is_none()) else {
        if errors.is_empty() {
            errors.add("end_date", ctx.t("job-already-ended"));
        }
        return page(ctx, &db, &user, job, c, errors).await;
    };
    let ended = audited_update(&db, &user, &job.id, "job.end", move |conn, id| {
        jobs::end(conn, id, version, end_date)
    })
    .await?;
    FlashMessage::success(if ended {
        "flash-job-ended"
    } else {
        "flash-job-changed-meanwhile"
    })
    .send();
    Ok(see_other(&format!("/jobs/{}", job.id)))
}
