//! `/contracts/{id}/jobs/new`: record a hire (`usecase::hires::hire` checks it and applies
//! rules 2 and 4 in one transaction that locks the contract).

use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;
use askama::Template;

use super::{hire_failure, label_key};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::contracts::ContractWithProject;
use crate::domain::hire::{Channel, HireFields, JobKind};
use crate::error::AppError;
use crate::policy::Who;
use crate::routes::contracts::open_for_hires;
use crate::usecase::hires::{self, HireError};
use crate::web::form::FormErrors;
use crate::web::page::PageCtx;
use crate::web::{render, see_other};

#[derive(Template)]
#[template(path = "jobs/new.html")]
pub struct HirePage {
    pub ctx: PageCtx,
    pub c: ContractWithProject,
    pub fields: HireFields,
    pub errors: FormErrors,
    pub kinds: &'static [JobKind],
    pub channels: &'static [Channel],
}

fn page(
    ctx: PageCtx,
    c: ContractWithProject,
    fields: HireFields,
    errors: FormErrors,
) -> Result<HttpResponse, AppError> {
    render(&HirePage {
        ctx,
        c,
        fields,
        errors,
        kinds: JobKind::ALL,
        channels: Channel::ALL,
    })
}

pub async fn form(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let c = open_for_hires(&db, &user, id.into_inner()).await?;
    let fields = HireFields {
        kind: "temporary".into(),
        channel: "employment_center".into(),
        ..HireFields::default()
    };
    page(ctx, c, fields, FormErrors::new())
}

pub async fn create(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
    form: web::Form<HireFields>,
) -> Result<HttpResponse, AppError> {
    let c = open_for_hires(&db, &user, id.into_inner()).await?;
    let fields = form.into_inner();
    let today = ctx.today();
    let (who, cid, typed) = (Who::from(&user), c.contract.id.clone(), fields.clone());
    let saved = db
        .run_write(move |conn| Ok(hires::hire(conn, &who, &cid, &typed, today)))
        .await?;
    match saved {
        Ok(job) => {
            FlashMessage::success("flash-hire-recorded").send();
            Ok(see_other(&format!("/jobs/{}", job.id)))
        }
        Err(HireError::Rows(problems)) => {
            let i18n = ctx.i18n;
            let found: Vec<_> = problems.into_iter().map(|p| p.problem).collect();
            let errors = FormErrors::from_problems(&i18n, &found)
                .with_labels(|f| label_key(f).map(|k| i18n.t(k)));
            page(ctx, c, fields, errors)
        }
        Err(e) => Err(hire_failure(e)),
    }
}
