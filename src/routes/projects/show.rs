//! `/projects/{id}`: everything about one project, its status history, and the status
//! changes the user may make.

use actix_web::{HttpResponse, web};
use askama::Template;

use super::load_in_scope;
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::contracts::{self, ContractRow};
use crate::db::lifting::{self, LiftingTotals};
use crate::db::projects::{self, ProjectRow, StatusChange};
use crate::db::regions::RegionNames;
use crate::domain::role::Role;
use crate::domain::workflow::{self, Action};
use crate::error::AppError;
use crate::routes::contracts::new::accepts_contracts;
use crate::web::form::FormErrors;
use crate::web::page::PageCtx;
use crate::web::render;

/// What was typed into a status form that could not be accepted.
#[derive(Debug, Clone, Default)]
pub struct ActionInput {
    pub action: String,
    pub comment: String,
    pub decision_number: String,
    pub decision_date: String,
    pub approved_limit: String,
}

#[derive(Template)]
#[template(path = "projects/show.html")]
pub struct ProjectPage {
    pub ctx: PageCtx,
    pub project: ProjectRow,
    pub region_name: String,
    pub history: Vec<StatusChange>,
    pub actions: Vec<Action>,
    pub can_edit: bool,
    pub errors: FormErrors,
    pub input: ActionInput,
    pub contracts: Vec<ContractRow>,
    pub can_add_contract: bool,
    pub lifting: LiftingTotals,
}

impl ProjectPage {
    pub fn needs_comment(&self, action: &Action) -> bool {
        workflow::needs_comment(*action)
    }
}

/// The page for `project`, with `errors` from a refused status form.
pub async fn page(
    ctx: PageCtx,
    db: &Db,
    user: &CurrentUser,
    project: ProjectRow,
    errors: FormErrors,
    input: ActionInput,
) -> Result<ProjectPage, AppError> {
    let id = project.id.clone();
    let (names, history, resume_to, contracts, lifting) = db
        .run(move |conn| {
            Ok((
                RegionNames::load(conn)?,
                projects::status_history(conn, &id)?,
                projects::status_before_suspension(conn, &id)?,
                contracts::for_project(conn, &id)?,
                lifting::project_totals(conn, &id)?,
            ))
        })
        .await?;
    let status = project.status();
    Ok(ProjectPage {
        region_name: names.name(&project.region_code, ctx.lang()).to_owned(),
        history,
        actions: workflow::available(status, user.role, resume_to),
        can_edit: user.role == Role::Akimat && status.is_editable(),
        can_add_contract: user.role == Role::Akimat && accepts_contracts(status),
        contracts: match &user.scope {
            // A contractor sees only their own contracts on the project.
            crate::domain::role::Scope::Contractor(bin) => contracts
                .into_iter()
                .filter(|c| c.contractor_bin == *bin)
                .collect(),
            _ => contracts,
        },
        lifting,
        project,
        errors,
        input,
        ctx,
    })
}

pub async fn show(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let project = load_in_scope(&db, &user, id.into_inner()).await?;
    render(
        &page(
            ctx,
            &db,
            &user,
            project,
            FormErrors::new(),
            ActionInput::default(),
        )
        .await?,
    )
}
