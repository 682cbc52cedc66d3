//! `POST /jobs/{id}`: correcting a hire, an audited edit under optimistic locking. The worker,
//! the contract and the hiring channel, which the rules were checked against, do not change.

use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;
use serde::Deserialize;

use super::label_key;
use super::show::{audited_update, load, page};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::jobs::{self, Correction};
use crate::db::tallies::Tally;
use crate::domain::hire::{Channel, JobKind, truthy};
use crate::domain::numbers::{parse_date, parse_int};
use crate::error::AppError;
use crate::routes::contracts::may_record;
use crate::web::form::FormErrors;
use crate::web::page::PageCtx;
use crate::web::see_other;

#[derive(Debug, Deserialize)]
pub struct CorrectionForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    position: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    monthly_wage_tenge: String,
    #[serde(default)]
    arrived_from_other_settlement: String,
    #[serde(default)]
    referral_number: String,
    #[serde(default)]
    referral_date: String,
}

pub async fn correct(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
    form: web::Form<CorrectionForm>,
) -> Result<HttpResponse, AppError> {
    let (job, c) = load(&db, &user, id.into_inner()).await?;
    if !may_record(&user, &c) {
        return Err(AppError::Forbidden);
    }
    let f = form.into_inner();
    let version: i32 = f
        .version
        .parse()
        .map_err(|_| AppError::BadRequest("version".into()))?;
    let mut errors = FormErrors::new();
    if f.position.trim().is_empty() {
        errors.add("position", ctx.t("field-required"));
    }
    let kind = JobKind::from_code(&f.kind);
    if kind.is_none() {
        errors.add("kind", ctx.t("field-choose"));
    }
    let wage = parse_int(&f.monthly_wage_tenge).filter(|n| *n >= 0);
    if wage.is_none() {
        errors.add("monthly_wage_tenge", ctx.t("field-money"));
    }
    let referral = if job.channel() == Channel::EmploymentCenter {
        match (f.referral_number.trim(), parse_date(&f.referral_date)) {
            (n, Some(d)) if !n.is_empty() && d <= job.hire_date => Some((n.to_owned(), d)),
            _ => {
                errors.add("referral_number", ctx.t("hire-referral-required"));
                None
            }
        }
    } else {
        None
    };
    let (Some(kind), Some(wage), true) = (kind, wage, errors.is_empty()) else {
        let i18n = ctx.i18n;
        let errors = errors.with_labels(|field| label_key(field).map(|k| i18n.t(k)));
        return page(ctx, &db, &user, job, c, errors).await;
    };
    let correction = Correction {
        position: f.position.trim().to_owned(),
        kind: kind.code().to_owned(),
        monthly_wage_tenge: wage,
        arrived_from_other_settlement: truthy(&f.arrived_from_other_settlement),
        referral,
    };
    let saved = audited_update(&db, &user, &job.id, "job.correct", move |conn, id| {
        let mut tally = Tally::default();
        let changed = jobs::correct(conn, id, version, &correction, &mut tally)?;
        tally.flush(conn)?;
        Ok(changed)
    })
    .await?;
    FlashMessage::success(if saved {
        "flash-job-corrected"
    } else {
        "flash-job-changed-meanwhile"
    })
    .send();
    Ok(see_other(&format!("/jobs/{}", job.id)))
}
