//! `POST /jobs/{id}/lifting`: the region's officer records the lifting payment, once (rule 6).

use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;
use serde::Deserialize;

use super::show::{load, page};
use crate::auth::CurrentUser;
use crate::db::audit::{self, Event};
use crate::db::lifting::{self, PaymentError};
use crate::db::tallies::Tally;
use crate::db::{Db, write_transaction};
use crate::domain::numbers::parse_date;
use crate::domain::role::Role;
use crate::error::AppError;
use crate::routes::contracts::may_record;
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
    if !(user.role == Role::Akimat && may_record(&user, &c)) {
        return Err(AppError::Forbidden);
    }
    let today = ctx.today();
    let paid_on = match parse_date(&form.paid_on) {
        Some(d) if d >= job.hire_date && d <= today => d,
        _ => {
            let mut errors = FormErrors::new();
            errors.add("paid_on", ctx.t("lifting-date-invalid"));
            return page(ctx, &db, &user, job, c, errors).await;
        }
    };
    let actor = user.actor();
    let (j, by) = (job.clone(), user.id.clone());
    let result = db
        .run(move |conn| {
            Ok(write_transaction(conn, |conn| {
                let mut tally = Tally::default();
                let amount = lifting::record(conn, &j, paid_on, &by, &mut tally)?;
                tally.flush(conn)?;
                audit::record(
                    conn,
                    Event {
                        actor: &actor,
                        action: "lifting.pay",
                        entity: "job",
                        entity_id: &j.id,
                        before: None,
                        after: Some(
                            serde_json::json!({ "amount_tenge": amount, "paid_on": paid_on }),
                        ),
                        ip: None,
                    },
                )?;
                Ok::<_, PaymentError>(amount)
            }))
        })
        .await?;
    match result {
        Ok(_) => FlashMessage::success("flash-lifting-paid").send(),
        Err(PaymentError::AlreadyPaid) => FlashMessage::error("flash-lifting-already-paid").send(),
        Err(PaymentError::NotEligible) => FlashMessage::error("flash-lifting-not-eligible").send(),
        Err(PaymentError::Db(e)) => return Err(e.into()),
    }
    Ok(see_other(&format!("/jobs/{}", job.id)))
}
