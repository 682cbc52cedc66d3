//! `/admin/users/{id}`: one account, its recent history, and the actions an admin takes on it.

use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;
use askama::Template;
use serde::Deserialize;

use super::require_admin;
use super::users::PasswordShownPage;
use crate::auth::CurrentUser;
use crate::db::audit::{self, AuditRow};
use crate::db::users::{self, UserRow};
use crate::db::{Db, DbConnection};
use crate::error::AppError;
use crate::password;
use crate::usecase;
use crate::usecase::acting::{Acting, Operator};
use crate::usecase::users::{Account, UserChangeError};
use crate::web::page::PageCtx;
use crate::web::render;

#[derive(Template)]
#[template(path = "admin/user.html")]
pub struct UserPage {
    pub ctx: PageCtx,
    pub user: UserRow,
    pub events: Vec<AuditRow>,
    pub is_self: bool,
}

#[derive(Debug, Deserialize)]
pub struct ActiveForm {
    active: bool,
}

fn find(conn: &mut DbConnection, id: &str) -> Result<UserRow, AppError> {
    users::find(conn, id)?.ok_or(AppError::NotFound)
}

pub async fn show(
    ctx: PageCtx,
    admin: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    require_admin(&admin)?;
    let id = id.into_inner();
    let (user, events) = db
        .run(move |conn| {
            let user = find(conn, &id)?;
            let events = audit::for_entity(conn, "user", &id)?;
            Ok((user, events))
        })
        .await?;
    let is_self = user.id == admin.id;
    let page = UserPage {
        ctx,
        user,
        events,
        is_self,
    };
    render(&page)
}

/// Deactivates (ending the user's sessions at once) or re-activates an account.
pub async fn set_active(
    admin: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
    form: web::Form<ActiveForm>,
) -> Result<HttpResponse, AppError> {
    require_admin(&admin)?;
    let id = id.into_inner();
    let back = format!("/admin/users/{id}");
    let active = form.active;
    let by = Acting::from(&admin);
    let changed = db
        .run(move |conn| {
            Ok(usecase::users::set_active(
                conn,
                Operator::User(&by),
                Account::Id(&id),
                active,
            ))
        })
        .await?;
    match changed {
        Ok(_) => {}
        Err(UserChangeError::CannotDeactivateSelf) => {
            FlashMessage::error("flash-cannot-deactivate-self").send();
            return Ok(see_other(&back));
        }
        Err(e) => return Err(e.into()),
    }
    FlashMessage::success(if active {
        "flash-user-activated"
    } else {
        "flash-user-deactivated"
    })
    .send();
    Ok(see_other(&back))
}

/// Sets a generated password, shown once on the answer page; the user's sessions end.
pub async fn reset_password(
    ctx: PageCtx,
    admin: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    require_admin(&admin)?;
    let id = id.into_inner();
    let plain = password::generate();
    let hash = {
        let plain = plain.clone();
        web::block(move || password::hash(&plain))
            .await
            .map_err(|e| AppError::Internal(anyhow::anyhow!("password hash: {e}")))??
    };
    let by = Acting::from(&admin);
    let user = db
        .run(move |conn| {
            Ok(usecase::users::reset_password(
                conn,
                Operator::User(&by),
                Account::Id(&id),
                &hash,
            ))
        })
        .await??;
    let page = PasswordShownPage {
        ctx,
        heading_key: "user-reset-heading",
        user,
        password: plain,
    };
    render(&page)
}

fn see_other(to: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((LOCATION, to.to_owned()))
        .finish()
}
