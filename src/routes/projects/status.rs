//! `POST /projects/{id}/status`: submit, approve, reject, suspend, resume, cancel… Only the
//! changes the workflow allows for the user's role are accepted; each is recorded with who,
//! when and why.

use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;
use serde::Deserialize;

use super::load_in_scope;
use super::show::{ActionInput, page};
use crate::auth::CurrentUser;
use crate::db::audit::{self, Event};
use crate::db::projects::{self, Decision, ProjectWriteError};
use crate::db::tallies::Tally;
use crate::db::{Db, write_transaction};
use crate::domain::numbers::{parse_date, parse_int};
use crate::domain::workflow::{self, Action, ProjectStatus};
use crate::error::AppError;
use crate::web::form::FormErrors;
use crate::web::page::PageCtx;
use crate::web::{render, see_other};

#[derive(Debug, Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    version: String,
    #[serde(default)]
    comment: String,
    #[serde(default)]
    decision_number: String,
    #[serde(default)]
    decision_date: String,
    #[serde(default)]
    approved_limit: String,
}

fn check_decision(ctx: &PageCtx, form: &StatusForm, errors: &mut FormErrors) -> Option<Decision> {
    let number = form.decision_number.trim();
    if number.is_empty() {
        errors.add("decision_number", ctx.t("decision-number-required"));
    }
    let today = ctx.today();
    let date = parse_date(&form.decision_date);
    match date {
        None if form.decision_date.trim().is_empty() => {
            errors.add("decision_date", ctx.t("decision-date-required"))
        }
        None => errors.add("decision_date", ctx.t("field-date")),
        Some(d) if d > today => errors.add("decision_date", ctx.t("decision-date-future")),
        Some(_) => {}
    }
    let limit = parse_int(&form.approved_limit).filter(|n| *n > 0);
    if limit.is_none() {
        errors.add("approved_limit", ctx.t("decision-limit-required"));
    }
    Some(Decision {
        number: number.to_owned(),
        date: date?,
        approved_limit_tenge: limit?,
    })
    .filter(|_| !number.is_empty())
}

pub async fn change(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
    form: web::Form<StatusForm>,
) -> Result<HttpResponse, AppError> {
    let project = load_in_scope(&db, &user, id.into_inner()).await?;
    let form = form.into_inner();
    let action =
        Action::from_code(&form.action).ok_or_else(|| AppError::BadRequest("action".into()))?;
    let base_version: i32 = form
        .version
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest("version".into()))?;
    let resume_to = {
        let id = project.id.clone();
        db.run(move |conn| Ok(projects::status_before_suspension(conn, &id)?))
            .await?
    };
    let Some(to) = workflow::transition(project.status(), action, user.role, resume_to) else {
        // The page the button was on is out of date: say so rather than "forbidden".
        if base_version != project.version {
            FlashMessage::error("flash-project-changed-meanwhile").send();
            return Ok(see_other(&format!("/projects/{}", project.id)));
        }
        return Err(AppError::Forbidden);
    };

    let mut errors = FormErrors::new();
    let decision = if action == Action::Approve {
        check_decision(&ctx, &form, &mut errors)
    } else {
        None
    };
    if workflow::needs_comment(action) && form.comment.trim().is_empty() {
        errors.add("comment", ctx.t("status-comment-required"));
    }
    if !errors.is_empty() {
        let input = ActionInput {
            action: form.action,
            comment: form.comment,
            decision_number: form.decision_number,
            decision_date: form.decision_date,
            approved_limit: form.approved_limit,
        };
        return render(&page(ctx, &db, &user, project, errors, input).await?);
    }

    let actor = user.actor();
    let (id, by, comment) = (project.id.clone(), user.id.clone(), form.comment);
    let saved = db
        .run(move |conn| {
            Ok(write_transaction(conn, |conn| {
                let before = projects::get(conn, &id)?;
                let mut tally = Tally::default();
                let after = projects::change_status(
                    conn,
                    &id,
                    base_version,
                    projects::Step {
                        to,
                        by: &by,
                        comment: &comment,
                        decision: decision.as_ref(),
                    },
                    &mut tally,
                )?;
                tally.flush(conn)?;
                audit::record(
                    conn,
                    Event {
                        actor: &actor,
                        action: "project.status",
                        entity: "project",
                        entity_id: &id,
                        before: Some(before.audit_view()),
                        after: Some(after.audit_view()),
                        ip: None,
                    },
                )?;
                Ok::<_, ProjectWriteError>(after)
            }))
        })
        .await?;
    match saved {
        Ok(after) => {
            FlashMessage::success(flash_for(to)).send();
            Ok(see_other(&format!("/projects/{}", after.id)))
        }
        Err(ProjectWriteError::Stale(_)) => {
            FlashMessage::error("flash-project-changed-meanwhile").send();
            Ok(see_other(&format!("/projects/{}", project.id)))
        }
        Err(ProjectWriteError::CodeTaken(_)) => {
            Err(AppError::Internal(anyhow::anyhow!("code on status change")))
        }
        Err(ProjectWriteError::Db(e)) => Err(e.into()),
    }
}

fn flash_for(to: ProjectStatus) -> &'static str {
    match to {
        ProjectStatus::Submitted => "flash-project-submitted",
        ProjectStatus::Approved => "flash-project-approved",
        ProjectStatus::Rejected => "flash-project-rejected",
        _ => "flash-project-status-changed",
    }
}
