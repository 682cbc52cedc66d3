//! `/account/password`: users change their own password, the current one required. All their
//! sessions end, and this one continues under a new id.

use actix_session::Session;
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;
use askama::Template;
use serde::Deserialize;

use crate::auth::csrf::new_token;
use crate::auth::{CurrentUser, SESSION_CSRF, SESSION_USER_ID};
use crate::db::{Db, users};
use crate::domain::password_policy::check_new_password;
use crate::error::AppError;
use crate::password;
use crate::usecase;
use crate::usecase::acting::Acting;
use crate::web::form::FormErrors;
use crate::web::page::PageCtx;
use crate::web::render;

#[derive(Debug, Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    confirm_password: String,
}

#[derive(Template)]
#[template(path = "account_password.html")]
pub struct PasswordPage {
    pub ctx: PageCtx,
    pub errors: FormErrors,
}

pub async fn form(ctx: PageCtx, _user: CurrentUser) -> Result<HttpResponse, AppError> {
    render(&PasswordPage {
        ctx,
        errors: FormErrors::new(),
    })
}

pub async fn submit(
    ctx: PageCtx,
    user: CurrentUser,
    session: Session,
    db: web::Data<Db>,
    form: web::Form<PasswordForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let id = user.id.clone();
    let stored = db
        .run(move |conn| users::find(conn, &id)?.ok_or(AppError::NotFound))
        .await?
        .password_hash;
    let current = form.current_password.clone();
    let current_ok = web::block(move || password::verify(&stored, &current))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("password check: {e}")))?;

    let mut errors = FormErrors::new();
    if !current_ok {
        errors.add("current_password", ctx.t("password-current-wrong"));
    }
    if let Err(problem) = check_new_password(&form.new_password, &[&user.login, &user.full_name]) {
        errors.add("new_password", ctx.t(problem.message_key()));
    } else if form.new_password != form.confirm_password {
        errors.add("confirm_password", ctx.t("password-confirm-differs"));
    }
    if !errors.is_empty() {
        // Passwords are never echoed back into the form.
        return render(&PasswordPage { ctx, errors });
    }

    let new_password = form.new_password;
    let hash = web::block(move || password::hash(&new_password))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("password hash: {e}")))??;
    let by = Acting::from(&user);
    db.run(move |conn| Ok(usecase::users::change_own_password(conn, &by, &hash)))
        .await??;
    // set_password ended every session of this user, this one included; carry on in a new one.
    session.renew();
    session
        .insert(SESSION_USER_ID, &user.id)
        .and_then(|()| session.insert(SESSION_CSRF, new_token()))
        .map_err(|e| AppError::Internal(anyhow::anyhow!("session: {e}")))?;
    FlashMessage::success("flash-password-changed").send();
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, "/"))
        .finish())
}
