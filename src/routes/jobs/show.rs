//! `/jobs/{id}`: one hire, with the forms to end it, correct it and pay its lifting (their
//! handlers are in `end`, `correct` and `lifting`).

use actix_web::{HttpResponse, web};
use askama::Template;

use super::{Person, person};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::audit::{self, Event};
use crate::db::contracts::{self, ContractWithProject};
use crate::db::jobs::{self, JobRow};
use crate::db::lifting;
use crate::db::schema::lifting_payments;
use crate::domain::hire::JobKind;
use crate::domain::role::Role;
use crate::error::AppError;
use crate::routes::contracts::{may_record, sees_personal_data};
use crate::web::form::FormErrors;
use crate::web::page::PageCtx;
use crate::web::render;

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
pub(super) async fn load(
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

pub(super) async fn page(
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
pub(super) async fn audited_update<F>(
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
