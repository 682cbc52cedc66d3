//! `POST /projects/{id}/status`: submit, approve, reject, suspend, resume, cancel… The use case
//! decides whether the step is allowed for the user's role and what it needs; this handler
//! parses the form and shows the answer.

use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;
use serde::Deserialize;

use super::load_in_scope;
use super::show::{ActionInput, page};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::domain::message::FieldProblem;
use crate::domain::workflow::{self, Action, ProjectStatus};
use crate::error::AppError;
use crate::usecase::acting::Acting;
use crate::usecase::project_status::{self, StatusError, StatusRequest};
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
    // What the form got wrong in the decision; the use case still decides first whether the
    // step is allowed at all, and reports what else is missing.
    let (decision, typing) = if action == Action::Approve {
        let today = ctx.today();
        match workflow::parse_decision(
            &form.decision_number,
            &form.decision_date,
            &form.approved_limit,
            today,
        ) {
            Ok(decision) => (Some(decision), Vec::new()),
            Err(problems) => (None, problems),
        }
    } else {
        (None, Vec::new())
    };
    let request = StatusRequest {
        action,
        base_version,
        comment: form.comment.clone(),
        decision,
    };
    let (pid, by) = (project.id.clone(), Acting::from(&user));
    let saved = db
        .run(move |conn| Ok(project_status::change(conn, &by, &pid, &request)))
        .await?;
    match saved {
        Ok((after, to)) => {
            FlashMessage::success(flash_for(to)).send();
            Ok(see_other(&format!("/projects/{}", after.id)))
        }
        Err(StatusError::Invalid(problems)) => {
            // Where the decision was mistyped, say what is wrong rather than "required".
            let mistyped = !typing.is_empty();
            let mut shown = typing;
            shown.extend(
                problems
                    .into_iter()
                    .filter(|p| !mistyped || !DECISION_FIELDS.contains(&p.field)),
            );
            refused(ctx, &db, &user, project.id, form, &shown).await
        }
        // The page the button was on is out of date: say so rather than "forbidden".
        Err(StatusError::Stale(_)) => {
            FlashMessage::error("flash-project-changed-meanwhile").send();
            Ok(see_other(&format!("/projects/{}", project.id)))
        }
        Err(StatusError::NotAllowed) => Err(AppError::Forbidden),
        Err(StatusError::NotFound) => Err(AppError::NotFound),
        Err(StatusError::Db(e)) => Err(e.into()),
    }
}

const DECISION_FIELDS: [&str; 3] = ["decision_number", "decision_date", "approved_limit"];

/// The project's page again, with what was typed and a message by each field.
async fn refused(
    ctx: PageCtx,
    db: &Db,
    user: &CurrentUser,
    id: String,
    form: StatusForm,
    problems: &[FieldProblem],
) -> Result<HttpResponse, AppError> {
    // Read again: the page shows the project as it is now.
    let project = load_in_scope(db, user, id).await?;
    let errors = FormErrors::from_problems(&ctx.i18n, problems);
    let input = ActionInput {
        action: form.action,
        comment: form.comment,
        decision_number: form.decision_number,
        decision_date: form.decision_date,
        approved_limit: form.approved_limit,
    };
    render(&page(ctx, db, user, project, errors, input).await?)
}

fn flash_for(to: ProjectStatus) -> &'static str {
    match to {
        ProjectStatus::Submitted => "flash-project-submitted",
        ProjectStatus::Approved => "flash-project-approved",
        ProjectStatus::Rejected => "flash-project-rejected",
        _ => "flash-project-status-changed",
    }
}
