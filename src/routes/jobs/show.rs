//! `/jobs/{id}`: one hire, with the forms to end it, correct it and pay its lifting (their
//! handlers are in `end`, `correct` and `lifting`).

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::auth::CurrentUser;
use crate::db::contracts::{self, ContractWithProject};
use crate::db::jobs::{self, JobRow};
use crate::db::{Db, lifting};
use crate::domain::hire::{Channel, HireFields, JobKind};
use crate::error::AppError;
use crate::policy::{self, Person};
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
    pub settlement: Option<String>,
    pub due: Option<i64>,
    pub paid: Option<(i64, chrono::NaiveDate)>,
    pub can_record: bool,
    pub can_pay: bool,
    pub errors: FormErrors,
    /// The correction form: the job as recorded, or what the user typed.
    pub correction: HireFields,
    pub kinds: &'static [JobKind],
    pub channels: &'static [Channel],
}

/// The job as the correction form shows it.
fn as_fields(job: &JobRow) -> HireFields {
    HireFields {
        iin: String::new(),
        full_name: job.worker_name.clone(),
        home_settlement: job.worker_settlement.clone(),
        position: job.position.clone(),
        hire_date: job.hire_date.to_string(),
        kind: job.kind.clone(),
        channel: job.channel.clone(),
        referral_number: job.referral_number.clone().unwrap_or_default(),
        referral_date: job.referral_date.map(|d| d.to_string()).unwrap_or_default(),
        arrived_from_other_settlement: job.arrived_from_other_settlement.to_string(),
        monthly_wage_tenge: job.monthly_wage_tenge.to_string(),
        // A correction keeps the end as recorded; ending has its own form.
        end_date: String::new(),
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

/// The job's page; `typed` keeps a refused correction's fields as the user typed them.
pub(super) async fn page(
    ctx: PageCtx,
    db: &Db,
    user: &CurrentUser,
    (job, c): (JobRow, ContractWithProject),
    errors: FormErrors,
    typed: Option<HireFields>,
) -> Result<HttpResponse, AppError> {
    let full = policy::sees_personal_data(&user.scope, c.place());
    let j = job.clone();
    let (worker, due, paid) = db
        .run(move |conn| {
            Ok((
                jobs::worker(conn, &j.worker_id)?,
                lifting::due(conn, &j)?,
                lifting::paid(conn, &j.id)?,
            ))
        })
        .await?;
    render(&JobPage {
        person: policy::person(&worker.iin, &job.worker_name, full),
        birth_date: full.then_some(worker.birth_date),
        settlement: full.then(|| job.worker_settlement.clone()),
        can_record: policy::may_record(&user.scope, c.place()),
        can_pay: policy::may_pay_lifting(user.role, &user.scope, c.place()),
        correction: typed.unwrap_or_else(|| as_fields(&job)),
        due,
        paid,
        job,
        c,
        errors,
        kinds: JobKind::ALL,
        channels: Channel::ALL,
        ctx,
    })
}

pub async fn show(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let loaded = load(&db, &user, id.into_inner()).await?;
    page(ctx, &db, &user, loaded, FormErrors::new(), None).await
}
