//! `/login`: sign in. Limited per client address by the rate limiter on this resource and per
//! account by the lock-out; an unknown login and a wrong password get the same answer.

use std::sync::LazyLock;

use actix_session::Session;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use super::language::local_path;
use crate::auth::client_ip::client_ip;
use crate::auth::csrf::new_token;
use crate::auth::{CurrentUser, SESSION_CSRF, SESSION_USER_ID};
use crate::config::Config;
use crate::db::audit::{self, Actor};
use crate::db::{Db, now, users};
use crate::domain::lockout;
use crate::error::AppError;
use crate::i18n::Arg;
use crate::password;
use crate::web::page::PageCtx;
use crate::web::render;

/// Verified against when the login is unknown, so both answers take as long.
static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| password::hash("not a real password").unwrap_or_default());

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
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, AppError> {
    let LoginForm {
        login,
        password: typed,
        next,
    } = form.into_inner();
    let ip = client_ip(&req, config.trust_proxy).map(|i| i.to_string());
    let wanted = login.trim().to_lowercase();
    let user = db
        .run(move |conn| Ok(users::find_by_login(conn, &wanted)?))
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

    let Some(user) = user else {
        let message = ctx.t("login-invalid");
        return refuse(ctx, message);
    };
    // The lock is told only to someone who knows the password, so that it does not reveal
    // which logins exist; while locked, wrong guesses are refused without counting.
    let at = now();
    if let Some(until) = user
        .locked_until
        .filter(|u| lockout::is_locked(Some(*u), at))
    {
        let message = if matches {
            ctx.t_with(
                "login-locked",
                &[("minutes", Arg::Int(lockout::minutes_left(until, at)))],
            )
        } else {
            ctx.t("login-invalid")
        };
        return refuse(ctx, message);
    }
    if !(user.active && matches) {
        record_failure(&db, (user.id, user.login), ip).await?;
        let message = ctx.t("login-invalid");
        return refuse(ctx, message);
    }

    let (id, login_name) = (user.id.clone(), user.login.clone());
    db.write(move |conn| {
        users::register_successful_login(conn, &id)?;
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

/// Counts the failure against the account and audits it (and the lock-out, if this was the
/// failure that locked it). Attempts on unknown logins are not recorded: people type their
/// password into the login field, and it must not end up in the audit trail.
async fn record_failure(
    db: &Db,
    (id, login): (String, String),
    ip: Option<String>,
) -> Result<(), AppError> {
    db.write(move |conn| {
        let locked = users::register_failed_login(conn, &id, now())?;
        let actor = Actor::Anonymous {
            claimed_login: login,
        };
        for action in std::iter::once("auth.login_failed").chain(locked.map(|_| "auth.lockout")) {
            audit::record(
                conn,
                audit::Event {
                    actor: &actor,
                    action,
                    entity: "user",
                    entity_id: &id,
                    before: None,
                    after: locked.map(|until| serde_json::json!({ "locked_until": until })),
                    ip: ip.as_deref(),
                },
            )?;
        }
        Ok(())
    })
    .await
}
