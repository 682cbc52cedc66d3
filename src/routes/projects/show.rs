//! `/projects/{id}`: everything about one project, its status history, and the status
//! changes the user may make.

use actix_web::{HttpResponse, web};
use askama::Template;

use super::load_in_scope;
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::contracts::{self, ContractRow};
use crate::db::lifting::{self, LiftingTotals};
use crate::db::progress::{self, HireDay};
use crate::db::projects::{self, ProjectRow, StatusChange};
use crate::db::regions::RegionNames;
use crate::domain::compliance::{ContractCompliance, State, worst};
use crate::domain::role::Role;
use crate::domain::share;
use crate::domain::workflow::{self, Action};
use crate::error::AppError;
use crate::routes::contracts::new::accepts_contracts;
use crate::web::form::FormErrors;
use crate::web::page::{AsI64, PageCtx};
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
    /// Each contract shown with its state; the project takes the worst.
    pub states: Vec<ContractCompliance>,
    pub days: Vec<HireDay>,
    pub chart: String,
    /// Each contract's verified figures (issue 15), by contract id.
    pub verified: std::collections::HashMap<String, crate::domain::verification::Verified>,
}

impl ProjectPage {
    pub fn verified_of(&self, id: &str) -> Option<&crate::domain::verification::Verified> {
        self.verified.get(id)
    }

    /// A share in basis points, as the page writes it.
    pub fn bp(&self, bp: impl AsI64) -> String {
        self.ctx.i18n.percent(bp.as_i64())
    }

    pub fn state(&self) -> State {
        worst(self.states.iter().map(ContractCompliance::state))
    }

    pub fn pct(&self, part: impl AsI64, whole: impl AsI64) -> String {
        self.ctx
            .i18n
            .percent(share::bp(part.as_i64(), whole.as_i64()))
    }

    pub fn created(&self) -> i64 {
        self.contracts.iter().map(ContractRow::hires).sum()
    }

    pub fn center(&self) -> i64 {
        self.contracts
            .iter()
            .map(|c| i64::from(c.center_hires))
            .sum()
    }

    pub fn youth(&self) -> i64 {
        self.days.iter().map(|d| d.youth).sum()
    }

    pub fn permanent(&self) -> i64 {
        self.days.iter().map(|d| d.permanent).sum()
    }

    /// (declared total, declared domestic, recorded total, recorded domestic)
    pub fn content(&self) -> (i64, i64, i64, i64) {
        self.contracts.iter().fold((0, 0, 0, 0), |t, c| {
            let d = c.declared();
            (
                t.0 + d.total(),
                t.1 + d.domestic(),
                t.2 + c.ledger_total,
                t.3 + c.ledger_domestic,
            )
        })
    }

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
    let (names, history, resume_to, contracts, lifting, days, verified) = db
        .run(move |conn| {
            let contracts = contracts::for_project(conn, &id)?;
            let facts: Vec<_> = contracts
                .iter()
                .map(|c| (c.id.clone(), c.facts()))
                .collect();
            Ok((
                RegionNames::load(conn)?,
                projects::status_history(conn, &id)?,
                projects::status_before_suspension(conn, &id)?,
                contracts,
                lifting::project_totals(conn, &id)?,
                progress::hire_days(conn, &id)?,
                crate::db::verification::verified_for(conn, &facts)?,
            ))
        })
        .await?;
    let contracts: Vec<ContractRow> = match &user.scope {
        // A contractor sees only their own contracts on the project.
        crate::domain::role::Scope::Contractor(bin) => contracts
            .into_iter()
            .filter(|c| c.contractor_bin == *bin)
            .collect(),
        _ => contracts,
    };
    // A contractor's view of the progress counts only their own hires.
    let days = if matches!(user.scope, crate::domain::role::Scope::Contractor(_)) {
        Vec::new()
    } else {
        days
    };
    let chart = crate::routes::dashboard::cumulative_chart(
        &ctx,
        progress::cumulative_by_month(
            &days,
            i64::from(project.planned_jobs),
            (project.planned_start, project.planned_end),
            ctx.today(),
        ),
    );
    let status = project.status();
    Ok(ProjectPage {
        region_name: names.name(&project.region_code, ctx.lang()).to_owned(),
        history,
        actions: workflow::available(status, user.role, resume_to),
        can_edit: user.role == Role::Akimat && status.is_editable(),
        can_add_contract: user.role == Role::Akimat && accepts_contracts(status),
        states: contracts.iter().map(ContractRow::compliance).collect(),
        contracts,
        lifting,
        days,
        chart,
        verified,
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
