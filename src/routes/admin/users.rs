//! `/admin/users`: the list of accounts, and creating one.

use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::require_admin;
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::regions::{self, RegionName, RegionNames};
use crate::db::users::{self, UserRow};
use crate::domain::language::Language;
use crate::domain::role::Role;
use crate::domain::user::{Login, UserError, scope_for};
use crate::error::AppError;
use crate::password;
use crate::usecase;
use crate::usecase::acting::{Acting, Operator};
use crate::usecase::users::{NewAccount, UserChangeError};
use crate::web::form::FormErrors;
use crate::web::page::PageCtx;
use crate::web::render;

#[derive(Template)]
#[template(path = "admin/users.html")]
pub struct UsersPage {
    pub ctx: PageCtx,
    pub users: Vec<UserRow>,
    pub names: RegionNames,
}

impl UsersPage {
    pub fn region_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.names.name(code, self.ctx.lang())
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct UserForm {
    #[serde(default)]
    pub login: String,
    #[serde(default)]
    pub full_name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub contractor_bin: String,
    #[serde(default)]
    pub language: String,
}

#[derive(Template)]
#[template(path = "admin/user_new.html")]
pub struct NewUserPage {
    pub ctx: PageCtx,
    pub form: UserForm,
    pub errors: FormErrors,
    pub regions: Vec<RegionName>,
    pub roles: [Role; 4],
}

/// The one time a new or reset password is shown.
#[derive(Template)]
#[template(path = "admin/user_password.html")]
pub struct PasswordShownPage {
    pub ctx: PageCtx,
    pub heading_key: &'static str,
    pub user: UserRow,
    pub password: String,
}

pub async fn list(
    ctx: PageCtx,
    user: CurrentUser,
    db: web::Data<Db>,
) -> Result<HttpResponse, AppError> {
    require_admin(&user)?;
    let (users, names) = db
        .run(|conn| Ok((users::list(conn)?, RegionNames::load(conn)?)))
        .await?;
    render(&UsersPage { ctx, users, names })
}

async fn new_page(
    ctx: PageCtx,
    db: &Db,
    form: UserForm,
    errors: FormErrors,
) -> Result<HttpResponse, AppError> {
    let today = ctx.today();
    let regions = db
        .run(move |conn| Ok(regions::active_names(conn, today)?))
        .await?;
    render(&NewUserPage {
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
    let form = UserForm {
        language: ctx.lang_code().to_owned(),
        ..UserForm::default()
    };
    new_page(ctx, &db, form, FormErrors::new()).await
}

pub async fn create(
    ctx: PageCtx,
    admin: CurrentUser,
    db: web::Data<Db>,
    form: web::Form<UserForm>,
) -> Result<HttpResponse, AppError> {
    require_admin(&admin)?;
    let form = form.into_inner();
    let mut errors = FormErrors::new();
    let login = Login::parse(&form.login)
        .map_err(|_| errors.add("login", ctx.t("user-login-invalid")))
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
    let language = Language::from_code(&form.language).unwrap_or_default();
    let (Some(login), Some(role), Some(scope)) = (login, role, scope) else {
        return new_page(ctx, &db, form, errors).await;
    };

    let plain = password::generate();
    let hash = {
        let plain = plain.clone();
        web::block(move || password::hash(&plain))
            .await
            .map_err(|e| AppError::Internal(anyhow::anyhow!("password hash: {e}")))??
    };
    let account = NewAccount {
        login,
        full_name: form.full_name.clone(),
        role,
        scope,
        language,
        password_hash: hash,
    };
    let by = Acting::from(&admin);
    let created = db
        .run(move |conn| Ok(usecase::users::create(conn, Operator::User(&by), &account)))
        .await?;
    match created {
        Ok(user) => render(&PasswordShownPage {
            ctx,
            heading_key: "user-created-heading",
            user,
            password: plain,
        }),
        Err(UserChangeError::LoginTaken(_)) => {
            errors.add("login", ctx.t("user-login-taken"));
            new_page(ctx, &db, form, errors).await
        }
        Err(UserChangeError::UnknownRegion(_)) => {
            errors.add("region", ctx.t("user-region-required"));
            new_page(ctx, &db, form, errors).await
        }
        Err(UserChangeError::Db(e)) => Err(e.into()),
        Err(UserChangeError::Forbidden) => Err(AppError::Forbidden),
        Err(e @ (UserChangeError::NotFound | UserChangeError::CannotDeactivateSelf)) => {
            Err(AppError::Internal(anyhow::anyhow!("{e} on create")))
        }
    }
}
