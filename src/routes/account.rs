//! `/account/password`: users change their own password, the current one required. All their
//! sessions end, and this one continues under a new id. Wrong current passwords count toward
//! the sign-in lock-out (per account and address) and are audited: a borrowed session must
//! not be a way to guess the password.

use actix_session::Session;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use actix_web_flash_messages::FlashMessage;
use askama::Template;
use serde::Deserialize;

use crate::auth::client_ip::client_ip;
use crate::auth::csrf::new_token;
use crate::auth::{CurrentUser, SESSION_CSRF, SESSION_USER_ID};
use crate::config::Config;
use crate::db::{Db, login_failures, now, users};
use crate::domain::lockout;
use crate::domain::password_policy::check_new_password;
use crate::error::AppError;
use crate::i18n::Arg;
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

#[allow(clippy::too_many_arguments)]
pub async fn submit(
    req: HttpRequest,
    ctx: PageCtx,
    user: CurrentUser,
    session: Session,
    db: web::Data<Db>,
    config: web::Data<Config>,
    form: web::Form<PasswordForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let ip = client_ip(&req, config.trust_proxy).map(|i| i.to_string());
    let address = ip.clone().unwrap_or_default();
    let at = now();
    let (id, from) = (user.id.clone(), address.clone());
    let (stored, locked_until) = db
        .run(move |conn| {
            let stored = users::find(conn, &id)?.ok_or(AppError::NotFound)?;
            let locked = login_failures::locked_until(conn, &id, &from, at)?;
            Ok((stored.password_hash, locked))
        })
        .await?;
    if let Some(until) = locked_until {
        // Locked: nothing is checked, and the signed-in user is told why.
        let mut errors = FormErrors::new();
        errors.add(
            "current_password",
            ctx.t_with(
                "login-locked",
                &[("minutes", Arg::Int(lockout::minutes_left(until, at)))],
            ),
        );
        return render(&PasswordPage { ctx, errors });
    }
    let current = form.current_password.clone();
    let current_ok = web::block(move || password::verify(&stored, &current))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("password check: {e}")))?;

    let mut errors = FormErrors::new();
    if !current_ok {
        record_wrong_current(&db, &user, address, ip).await?;
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

/// Counts a wrong current password with the sign-in failures of this account and address,
/// and audits it (and the lock-out it may cause).
async fn record_wrong_current(
    db: &Db,
    user: &CurrentUser,
    address: String,
    ip: Option<String>,
) -> Result<(), AppError> {
    let actor = user.actor();
    let id = user.id.clone();
    db.write(move |conn| {
        crate::usecase::users::record_password_failure(
            conn,
            &actor,
            &id,
            &address,
            ip.as_deref(),
            "user.password_change_failed",
        )?;
        Ok(())
    })
    .await
}
