//! `/projects/{id}/contracts/new`: an akimat officer records a contract on an approved project
//! of their region. Rule 3 is checked on the declared values; the first contract moves the
//! project to `contracted`.

use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;
use askama::Template;

use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::projects::ProjectRow;
use crate::domain::contract::{self, ContractFields};
use crate::domain::workflow::{self, ProjectStatus};
use crate::error::AppError;
use crate::routes::projects::{load_in_scope, officer_region};
use crate::usecase::{self, acting::Acting, contracts::ContractError};
use crate::web::form::FormErrors;
use crate::web::page::PageCtx;
use crate::web::{render, see_other};

#[derive(Template)]
#[template(path = "contracts/new.html")]
pub struct NewContractPage {
    pub ctx: PageCtx,
    pub project: ProjectRow,
    pub fields: ContractFields,
    pub errors: FormErrors,
}

/// Contracts are signed once the commission has approved the project, and while it runs.
pub fn accepts_contracts(status: ProjectStatus) -> bool {
    workflow::accepts_contracts(status)
}

pub fn label_key(field: &str) -> Option<&'static str> {
    Some(match field {
        "contractor_bin" => "contract-bin",
        "contractor_name" => "contract-name",
        "number" => "contract-number",
        "signed_on" => "contract-signed-on",
        "amount_tenge" => "contract-amount",
        "goods_tenge" => "contract-goods",
        "goods_domestic_tenge" => "contract-goods-domestic",
        "works_tenge" => "contract-works",
        "works_domestic_tenge" => "contract-works-domestic",
        "services_tenge" => "contract-services",
        "services_domestic_tenge" => "contract-services-domestic",
        _ => return None,
    })
}

async fn open_project(db: &Db, user: &CurrentUser, id: String) -> Result<ProjectRow, AppError> {
    officer_region(user)?;
    let project = load_in_scope(db, user, id).await?;
    if !accepts_contracts(project.status()) {
        return Err(AppError::Forbidden);
    }
    Ok(project)
}

pub async fn form(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let project = open_project(&db, &user, id.into_inner()).await?;
    render(&NewContractPage {
        ctx,
        project,
        fields: ContractFields::default(),
        errors: FormErrors::new(),
    })
}

pub async fn create(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
    form: web::Form<ContractFields>,
) -> Result<HttpResponse, AppError> {
    let project = open_project(&db, &user, id.into_inner()).await?;
    let fields = form.into_inner();
    let today = ctx.today();
    let input = match contract::check(&fields, today) {
        Ok(input) => input,
        Err(problems) => {
            let i18n = ctx.i18n;
            let errors = FormErrors::from_problems(&i18n, &problems)
                .with_labels(|f| label_key(f).map(|k| i18n.t(k)));
            return render(&NewContractPage {
                ctx,
                project,
                fields,
                errors,
            });
        }
    };
    let pid = project.id.clone();
    let by = Acting::from(&user);
    let saved = db
        .run(move |conn| Ok(usecase::contracts::create(conn, &by, &pid, &input)))
        .await?;
    match saved {
        Ok(row) => {
            FlashMessage::success("flash-contract-created").send();
            Ok(see_other(&format!("/contracts/{}", row.id)))
        }
        Err(ContractError::NumberTaken) => {
            let mut errors = FormErrors::new();
            errors.add("number", ctx.t("contract-number-taken"));
            render(&NewContractPage {
                ctx,
                project,
                fields,
                errors,
            })
        }
        Err(ContractError::NotAccepting) => {
            FlashMessage::error("flash-project-changed-meanwhile").send();
            Ok(see_other(&format!("/projects/{}", project.id)))
        }
        Err(ContractError::NotFound) => Err(AppError::NotFound),
        Err(ContractError::Forbidden) => Err(AppError::Forbidden),
        Err(ContractError::Db(e)) => Err(e.into()),
    }
}
