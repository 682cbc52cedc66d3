//! `/jobs/{id}`: one hire. The contractor or the region's officer ends it or corrects it (an
//! audited edit under optimistic locking); the officer records its lifting payment once.

use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;
use askama::Template;
use serde::Deserialize;

use super::{Person, label_key, person};
use crate::auth::CurrentUser;
use crate::db::audit::{self, Event};
use crate::db::contracts::{self, ContractWithProject};
use crate::db::jobs::{self, Correction, JobRow};
use crate::db::lifting::{self, PaymentError};
use crate::db::schema::lifting_payments;
use crate::db::{Db, write_transaction};
use crate::domain::hire::{Channel, JobKind, truthy};
use crate::domain::numbers::{parse_date, parse_int};
use crate::domain::role::Role;
use crate::error::AppError;
use crate::routes::contracts::{may_record, sees_personal_data};
use crate::web::form::FormErrors;
use crate::web::page::PageCtx;
use crate::web::{render, see_other};

#[derive(Template)]
#[template(path = "jobs/show.html")]
pub struct JobPage {
    pub ctx: PageCtx,
    pub c: ContractWithProject,
    pub job: JobRow,
    pub person: Person,
    pub birth_date: Option<chrono::NaiveDate>,
    pub due: Option<i64>,
    pub paid: Option<(i64, chrono::NaiveDate)>,
    pub can_record: bool,
    pub can_pay: bool,
    pub errors: FormErrors,
    pub kinds: &'static [JobKind],
}

impl JobPage {
    pub fn wage_text(&self) -> String {
        self.job.monthly_wage_tenge.to_string()
    }

    pub fn referral_number_text(&self) -> String {
        self.job.referral_number.clone().unwrap_or_default()
    }

    pub fn referral_date_text(&self) -> String {
        self.job
            .referral_date
            .map(|d| d.to_string())
            .unwrap_or_default()
    }
}

/// The job and its contract, if the user's scope covers the contract.
async fn load(
    db: &Db,
    user: &CurrentUser,
    id: String,
) -> Result<(JobRow, ContractWithProject), AppError> {
    let scope = user.scope.clone();
    db.run(move |conn| {
        let job = jobs::get(conn, &id).map_err(|_| AppError::NotFound)?;
        let c =
            contracts::find_in_scope(conn, &job.contract_id, &scope)?.ok_or(AppError::NotFound)?;
        Ok((job, c))
    })
    .await
}

async fn page(
    ctx: PageCtx,
    db: &Db,
    user: &CurrentUser,
    job: JobRow,
    c: ContractWithProject,
    errors: FormErrors,
) -> Result<HttpResponse, AppError> {
    let full = sees_personal_data(user, &c);
    let j = job.clone();
    let (worker, due, paid) = db
        .run(move |conn| {
            use diesel::prelude::*;
            let paid: Option<(i64, chrono::NaiveDate)> = lifting_payments::table
                .filter(lifting_payments::job_id.eq(&j.id))
                .select((lifting_payments::amount_tenge, lifting_payments::paid_on))
                .first(conn)
                .optional()?;
            Ok((
                jobs::worker(conn, &j.worker_id)?,
                lifting::due(conn, &j)?,
                paid,
            ))
        })
        .await?;
    render(&JobPage {
        person: person(&worker, full),
        birth_date: full.then_some(worker.birth_date),
        can_record: may_record(user, &c),
        can_pay: user.role == Role::Akimat && may_record(user, &c),
        due,
        paid,
        job,
        c,
        errors,
        kinds: JobKind::ALL,
        ctx,
    })
}

pub async fn show(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let (job, c) = load(&db, &user, id.into_inner()).await?;
    page(ctx, &db, &user, job, c, FormErrors::new()).await
}

/// Runs a version-checked update of the job and audits it with before and after; false when
/// the job had changed since the user's page (nothing written).
async fn audited_update<F>(
    db: &Db,
    user: &CurrentUser,
    id: &str,
    action: &'static str,
    update: F,
) -> Result<bool, AppError>
where
    F: FnOnce(&mut crate::db::DbConnection, &str) -> diesel::QueryResult<usize> + Send + 'static,
{
    let actor = user.actor();
    let jid = id.to_owned();
    db.write(move |conn| {
        let before = jobs::get(conn, &jid)?;
        if update(conn, &jid)? == 0 {
            return Ok(false);
        }
        let after = jobs::get(conn, &jid)?;
        audit::record(
            conn,
            Event {
                actor: &actor,
                action,
                entity: "job",
                entity_id: &jid,
                before: Some(before.audit_view()),
                after: Some(after.audit_view()),
                ip: None,
            },
        )?;
        Ok(true)
    })
    .await
}

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
    let today = chrono::Utc::now().date_naive();
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
        jobs::correct(conn, id, version, &correction)
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
    let today = chrono::Utc::now().date_naive();
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
                let amount = lifting::record(conn, &j, paid_on, &by)?;
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
