//! `/admin/service-accounts`: the accounts other systems use with `/api/v1`, and creating one.

use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::require_admin;
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::regions::{self, RegionName};
use crate::db::service_accounts::{self as accounts, AccountRow};
use crate::domain::role::Role;
use crate::domain::user::{Login, UserError, scope_for};
use crate::error::AppError;
use crate::usecase::acting::{Acting, Operator};
use crate::usecase::service_accounts::{self as usecase, NewServiceAccount, ServiceAccountError};
use crate::web::form::FormErrors;
use crate::web::page::PageCtx;
use crate::web::{render, see_other};

#[derive(Template)]
#[template(path = "admin/service_accounts.html")]
pub struct AccountsPage {
    pub ctx: PageCtx,
    pub accounts: Vec<AccountRow>,
}

#[derive(Debug, Default, Deserialize)]
pub struct AccountForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub contractor_bin: String,
}

#[derive(Template)]
#[template(path = "admin/service_account_new.html")]
pub struct NewAccountPage {
    pub ctx: PageCtx,
    pub form: AccountForm,
    pub errors: FormErrors,
    pub regions: Vec<RegionName>,
    pub roles: [Role; 4],
}

pub async fn list(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
) -> Result<HttpResponse, AppError> {
    require_admin(&user)?;
    let accounts = db.run(|conn| Ok(accounts::list_accounts(conn)?)).await?;
    render(&AccountsPage { ctx, accounts })
}

async fn new_page(
    ctx: PageCtx,
    db: &Db,
    form: AccountForm,
    errors: FormErrors,
) -> Result<HttpResponse, AppError> {
    let today = ctx.today();
    let regions = db
        .run(move |conn| Ok(regions::active_names(conn, today)?))
        .await?;
    render(&NewAccountPage {
        ctx,
        form,
        errors,
        regions,
        roles: Role::ALL,
    })
}

pub async fn new(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
) -> Result<HttpResponse, AppError> {
    require_admin(&user)?;
    new_page(ctx, &db, AccountForm::default(), FormErrors::new()).await
}

pub async fn create(
    ctx: PageCtx,
    admin: CurrentUser,
    db: web::Data<Db>,
    form: web::Form<AccountForm>,
) -> Result<HttpResponse, AppError> {
    require_admin(&admin)?;
    let form = form.into_inner();
    let mut errors = FormErrors::new();
    let name = Login::parse(&form.name)
        .map_err(|_| errors.add("name", ctx.t("service-account-name-invalid")))
        .ok();
    let role = Role::from_code(&form.role);
    if role.is_none() {
        errors.add("role", ctx.t("user-role-required"));
    }
    let scope = role.and_then(|role| {
        scope_for(role, Some(&form.region), Some(&form.contractor_bin))
            .map_err(|e| match e {
                UserError::RegionRequired => errors.add("region", ctx.t("user-region-required")),
                UserError::BinRequired => errors.add("contractor_bin", ctx.t("user-bin-invalid")),
                _ => errors.add("role", ctx.t("user-scope-mismatch")),
            })
            .ok()
    });
    let (Some(name), Some(role), Some(scope)) = (name, role, scope) else {
        return new_page(ctx, &db, form, errors).await;
    };
    let new = NewServiceAccount {
        name,
        description: form.description.clone(),
        role,
        scope,
    };
    let by = Acting::from(&admin);
    let created = db
        .run(move |conn| Ok(usecase::create(conn, Operator::User(&by), &new)))
        .await?;
    match created {
        Ok(account) => Ok(see_other(&format!(
            "/admin/service-accounts/{}",
            account.id
        ))),
        Err(ServiceAccountError::NameTaken(_)) => {
            errors.add("name", ctx.t("service-account-name-taken"));
            new_page(ctx, &db, form, errors).await
        }
        Err(ServiceAccountError::UnknownRegion(_)) => {
            errors.add("region", ctx.t("user-region-required"));
            new_page(ctx, &db, form, errors).await
        }
        Err(e) => Err(e.into()),
    }
}
