//! `/contracts/{id}/jobs/new`: record a hire. Rules 1, 2, 4 and 5 are checked on the server, in
//! one transaction that locks the contract.

use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;
use askama::Template;

use super::{label_key, refusal_message};
use crate::auth::CurrentUser;
use crate::db::audit::{self, Event};
use crate::db::contracts::ContractWithProject;
use crate::db::jobs::{self, HireError};
use crate::db::tallies::Tally;
use crate::db::{Db, write_transaction};
use crate::domain::hire::{self, Channel, HireFields, JobKind};
use crate::error::AppError;
use crate::routes::contracts::open_for_hires;
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
    let youth = db
        .run(move |conn| Ok(jobs::youth_ages(conn, today)?))
        .await?;
    let i18n = ctx.i18n;
    let input = match hire::check(&fields, c.contract.signed_on, today, youth) {
        Ok(input) => input,
        Err(problems) => {
            let errors = FormErrors::from_problems(&i18n, &problems)
                .with_labels(|f| label_key(f).map(|k| i18n.t(k)));
            return page(ctx, c, fields, errors);
        }
    };
    let actor = user.actor();
    let (cid, by) = (c.contract.id.clone(), user.id.clone());
    let saved = db
        .run(move |conn| {
            Ok(write_transaction(conn, |conn| {
                let mut tally = Tally::default();
                let job = jobs::hire(conn, &cid, &input, &by, &mut tally)?;
                tally.flush(conn)?;
                audit::record(
                    conn,
                    Event {
                        actor: &actor,
                        action: "job.create",
                        entity: "job",
                        entity_id: &job.id,
                        before: None,
                        after: Some(job.audit_view()),
                        ip: None,
                    },
                )?;
                Ok::<_, HireError>(job)
            }))
        })
        .await?;
    match saved {
        Ok(job) => {
            FlashMessage::success("flash-hire-recorded").send();
            Ok(see_other(&format!("/jobs/{}", job.id)))
        }
        Err(HireError::Refused(refusal)) => {
            let (field, message) = refusal_message(&refusal);
            let mut errors = FormErrors::new();
            errors.add(field, i18n.message(&message));
            page(ctx, c, fields, errors)
        }
        Err(HireError::Db(e)) => Err(e.into()),
    }
}
