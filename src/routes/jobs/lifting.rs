//! `POST /jobs/{id}/lifting`: the region's officer records the lifting payment, once
//! (`usecase::lifting`: rule 6 on the job as it stands inside the transaction).

use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;
use serde::Deserialize;

use super::show::{load, page};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::domain::numbers::parse_date;
use crate::error::AppError;
use crate::policy::{self, Who};
use crate::usecase::lifting::{self, PaymentError};
use crate::web::form::FormErrors;
use crate::web::page::PageCtx;
use crate::web::see_other;

#[derive(Debug, Deserialize)]
pub struct PaymentForm {
    #[serde(default)]
    paid_on: String,
}

pub async fn pay(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
    form: web::Form<PaymentForm>,
) -> Result<HttpResponse, AppError> {
    let (job, c) = load(&db, &user, id.into_inner()).await?;
    if !policy::may_pay_lifting(user.role, &user.scope, c.place()) {
        return Err(AppError::Forbidden);
    }
    let today = ctx.today();
    let (who, jid) = (Who::from(&user), job.id.clone());
    let paid = match parse_date(&form.paid_on) {
        Some(on) => {
            db.run(move |conn| Ok(lifting::pay(conn, &who, &jid, on, today)))
                .await?
        }
        None => Err(PaymentError::BadDate),
    };
    match paid {
        Ok(_) => FlashMessage::success("flash-lifting-paid").send(),
        Err(PaymentError::BadDate) => {
            let mut errors = FormErrors::new();
            errors.add("paid_on", ctx.t("lifting-date-invalid"));
            return page(ctx, &db, &user, (job, c), errors, None).await;
        }
        Err(PaymentError::AlreadyPaid) => FlashMessage::error("flash-lifting-already-paid").send(),
        Err(PaymentError::NotEligible) => FlashMessage::error("flash-lifting-not-eligible").send(),
        Err(PaymentError::Access(e)) => return Err(e.into()),
        Err(PaymentError::Db(e)) => return Err(e.into()),
    }
    Ok(see_other(&format!("/jobs/{}", job.id)))
}
