//! `/login`: sign in. Limited per client address by the rate limiter on this resource and per
//! account by the lock-out; an unknown login and a wrong password get the same answer.

use std::sync::LazyLock;

use actix_session::Session;
use actix_web::cookie::Key;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::language::local_path;
use crate::auth::client_ip::client_ip;
use crate::auth::csrf::{CookieKey, new_token};
use crate::auth::{CurrentUser, SESSION_CSRF, SESSION_USER_ID};
use crate::config::Config;
use crate::db::audit::{self, Actor};
use crate::db::{Db, login_attempts, login_failures, now, users};
use crate::domain::lockout;
use crate::error::AppError;
use crate::i18n::Arg;
use crate::password;
use crate::web::page::PageCtx;
use crate::web::render;

/// Verified against when the login is unknown, so both answers take as long.
static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| password::hash("not a real password").unwrap_or_default());

/// The lock-out counter's key for a login that names no user: it counts and locks as an
/// account would. A keyed hash of what was typed (people type passwords into the login
/// field), never the text itself.
fn unknown_account(key: &Key, login: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(key.signing());
    hasher.update([0]);
    hasher.update(login.as_bytes());
    let digest = hasher.finalize();
    let hex: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!("?{hex}")
}

/// Computes the dummy hash before the first sign-in, so that the first unknown login does
/// not take one hash longer than a known one.
pub fn prepare() {
    LazyLock::force(&DUMMY_HASH);
}

#[derive(Debug, Deserialize)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
}

#[derive(Debug, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    login: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "login.html")]
pub struct LoginPage {
    pub ctx: PageCtx,
    pub login: String,
    pub next: String,
    pub error: Option<String>,
}

fn redirect(to: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((LOCATION, local_path(to)))
        .finish()
}

pub async fn form(
    ctx: PageCtx,
    user: Option<CurrentUser>,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, AppError> {
    if let Some(user) = user {
        return Ok(redirect(&landing(&user, &query.next)));
    }
    let page = LoginPage {
        ctx,
        login: String::new(),
        next: local_path(&query.next).to_owned(),
        error: None,
    };
    render(&page)
}

pub async fn submit(
    req: HttpRequest,
    ctx: PageCtx,
    session: Session,
    db: web::Data<Db>,
    config: web::Data<Config>,
    key: web::Data<CookieKey>,
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, AppError> {
    let LoginForm {
        login,
        password: typed,
        next,
    } = form.into_inner();
    let ip = client_ip(&req, config.trust_proxy).map(|i| i.to_string());
    let address = ip.clone().unwrap_or_default();
    let wanted = login.trim().to_lowercase();
    let at = now();
    // The same statements, counting and locking whether or not the login exists, so that
    // neither the answer nor its timing tells which logins exist.
    let unknown = unknown_account(&key.0, &wanted);
    // The per-instance limiter in front of this route holds off floods; this count is the
    // limit itself, shared by every instance on the database.
    let from = address.clone();
    let attempts = db
        .write(move |conn| Ok(login_attempts::count(conn, &from, at)?))
        .await?;
    if attempts > i32::try_from(config.login_per_minute).unwrap_or(i32::MAX) {
        return Err(AppError::TooManyRequests);
    }
    let from = address.clone();
    let (user, account, locked_until) = db
        .run(move |conn| {
            let user = users::find_by_login(conn, &wanted)?;
            let account = user.as_ref().map_or(unknown, |u| u.id.clone());
            let locked = login_failures::locked_until(conn, &account, &from, at)?;
            Ok((user, account, locked))
        })
        .await?;
    let refuse = |ctx: PageCtx, message: String| -> Result<HttpResponse, AppError> {
        let page = LoginPage {
            ctx,
            login: login.clone(),
            next: local_path(&next).to_owned(),
            error: Some(message),
        };
        render(&page)
    };

    let stored = user.as_ref().map(|u| u.password_hash.clone());
    let matches = web::block(move || {
        password::verify(stored.as_deref().unwrap_or(DUMMY_HASH.as_str()), &typed)
    })
    .await
    .map_err(|e| AppError::Internal(anyhow::anyhow!("password check: {e}")))?;

    // The lock (on this account from this address only, so that guesses from elsewhere
    // cannot lock its owner out) is told only to someone who knows the password, so that it
    // does not reveal which logins exist; while locked, wrong guesses are not counted.
    if let Some(until) = locked_until {
        let message = if matches && user.is_some() {
            ctx.t_with(
                "login-locked",
                &[("minutes", Arg::Int(lockout::minutes_left(until, at)))],
            )
        } else {
            ctx.t("login-invalid")
        };
        return refuse(ctx, message);
    }
    let Some(user) = user else {
        record_unknown_failure(&db, account, address).await?;
        let message = ctx.t("login-invalid");
        return refuse(ctx, message);
    };
    if !(user.active && matches) {
        record_failure(&db, (user.id, user.login), address, ip).await?;
        let message = ctx.t("login-invalid");
        return refuse(ctx, message);
    }

    let (id, login_name) = (user.id.clone(), user.login.clone());
    db.write(move |conn| {
        users::register_successful_login(conn, &id)?;
        login_failures::clear(conn, &id, &address)?;
        audit::record(
            conn,
            audit::Event {
                actor: &Actor::User {
                    id: id.clone(),
                    login: login_name,
                },
                action: "auth.login",
                entity: "user",
                entity_id: &id,
                before: None,
                after: None,
                ip: ip.as_deref(),
            },
        )?;
        Ok(())
    })
    .await?;
    // A new session id at sign-in: a session fixed before it is worthless afterwards.
    session.renew();
    session
        .insert(SESSION_USER_ID, &user.id)
        .and_then(|()| session.insert(SESSION_CSRF, new_token()))
        .map_err(|e| AppError::Internal(anyhow::anyhow!("session: {e}")))?;
    let to = match CurrentUser::from_row(&user) {
        Some(signed_in) => landing(&signed_in, &next),
        None => next,
    };
    Ok(redirect(&to))
}

/// Where to go after signing in: the page the user was sent from, else where their role works.
fn landing(user: &CurrentUser, next: &str) -> String {
    if next.is_empty() || next == "/" {
        crate::domain::role::home_path(user.role, &user.scope)
    } else {
        next.to_owned()
    }
}

/// Counts a failure on a login that names no user, as `record_failure` counts one on an
/// account (the same transaction and statements, less the audit event), so both take as long.
async fn record_unknown_failure(db: &Db, account: String, address: String) -> Result<(), AppError> {
    db.write(move |conn| {
        login_failures::register_failure(conn, &account, &address, now())?;
        Ok(())
    })
    .await
}

/// Counts the failure against the account and audits it (and the lock-out, if this was the
/// failure that locked it). Attempts on unknown logins are not recorded: people type their
/// password into the login field, and it must not end up in the audit trail.
async fn record_failure(
    db: &Db,
    (id, login): (String, String),
    address: String,
    ip: Option<String>,
) -> Result<(), AppError> {
    let actor = Actor::Anonymous {
        claimed_login: login,
    };
    db.write(move |conn| {
        crate::usecase::users::record_password_failure(
            conn,
            &actor,
            &id,
            &address,
            ip.as_deref(),
            "auth.login_failed",
        )?;
        Ok(())
    })
    .await
}
