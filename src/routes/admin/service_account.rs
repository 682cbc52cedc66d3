//! `/admin/service-accounts/{id}`: one service account, its tokens (state, expiry, last use),
//! issuing a token (shown once) and revoking one.

use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;
use askama::Template;
use chrono::NaiveDateTime;
use serde::Deserialize;

use super::require_admin;
use crate::auth::CurrentUser;
use crate::db::audit::{self, AuditRow};
use crate::db::service_accounts::{self as accounts, AccountRow, TokenRow};
use crate::db::{Db, DbConnection};
use crate::domain::api_token::{self, TokenState};
use crate::error::AppError;
use crate::usecase::acting::{Acting, Operator};
use crate::usecase::service_accounts::{self as usecase, IssuedToken, ServiceAccountError, Which};
use crate::web::form::FormErrors;
use crate::web::page::PageCtx;
use crate::web::{render, see_other};

#[derive(Template)]
#[template(path = "admin/service_account.html")]
pub struct AccountPage {
    pub ctx: PageCtx,
    pub account: AccountRow,
    pub tokens: Vec<TokenRow>,
    pub events: Vec<AuditRow>,
    pub form: TokenForm,
    pub errors: FormErrors,
    pub now: NaiveDateTime,
}

impl AccountPage {
    pub fn state(&self, t: &TokenRow) -> TokenState {
        TokenState::at(self.now, t.expires_at, t.revoked_at)
    }

    pub fn active(&self, t: &TokenRow) -> bool {
        self.state(t) == TokenState::Active
    }
}

/// The one time a token is shown.
#[derive(Template)]
#[template(path = "admin/token_shown.html")]
pub struct TokenShownPage {
    pub ctx: PageCtx,
    pub issued: IssuedToken,
}

#[derive(Debug, Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub days: String,
}

impl Default for TokenForm {
    fn default() -> Self {
        Self {
            label: String::new(),
            days: api_token::DEFAULT_DAYS.to_string(),
        }
    }
}

fn load(
    conn: &mut DbConnection,
    id: &str,
) -> Result<(AccountRow, Vec<TokenRow>, Vec<AuditRow>), AppError> {
    let account = accounts::find_account(conn, id)?.ok_or(AppError::NotFound)?;
    let tokens = accounts::tokens_of(conn, id)?;
    let events = audit::for_entity(conn, "service_account", id)?;
    Ok((account, tokens, events))
}

async fn page(
    ctx: PageCtx,
    db: &Db,
    id: String,
    form: TokenForm,
    errors: FormErrors,
) -> Result<HttpResponse, AppError> {
    let (account, tokens, events) = db.run(move |conn| load(conn, &id)).await?;
    render(&AccountPage {
        ctx,
        account,
        tokens,
        events,
        form,
        errors,
        now: crate::db::now(),
    })
}

pub async fn show(
    ctx: PageCtx,
    admin: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    require_admin(&admin)?;
    page(
        ctx,
        &db,
        id.into_inner(),
        TokenForm::default(),
        FormErrors::new(),
    )
    .await
}

/// Issues a token; the answer page is the only place it is ever shown.
pub async fn issue(
    ctx: PageCtx,
    admin: CurrentUser,
    db: web::Data<Db>,
    id: web::Path<String>,
    form: web::Form<TokenForm>,
) -> Result<HttpResponse, AppError> {
    require_admin(&admin)?;
    let (id, form) = (id.into_inner(), form.into_inner());
    let days = form.days.trim().parse::<i64>().ok();
    let Some(days) = days.filter(|d| api_token::lifetime(*d).is_ok()) else {
        let mut errors = FormErrors::new();
        errors.add("days", ctx.t("api-token-days-invalid"));
        return page(ctx, &db, id, form, errors).await;
    };
    let by = Acting::from(&admin);
    let label = form.label.clone();
    let issued = db
        .run(move |conn| {
            Ok(usecase::issue_token(
                conn,
                Operator::User(&by),
                Which::Id(&id),
                &label,
                days,
            ))
        })
        .await??;
    render(&TokenShownPage { ctx, issued })
}

/// Revokes a token at once; the next request with it is refused.
pub async fn revoke(
    admin: CurrentUser,
    db: web::Data<Db>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    require_admin(&admin)?;
    let (id, token_id) = path.into_inner();
    let by = Acting::from(&admin);
    let back = format!("/admin/service-accounts/{id}");
    let revoked = db
        .run(move |conn| {
            // The token must belong to the account in the address.
            match accounts::find_token(conn, &token_id)? {
                Some(t) if t.account_id == id => {}
                _ => return Ok(Err(ServiceAccountError::TokenNotFound)),
            }
            Ok(usecase::revoke_token(conn, Operator::User(&by), &token_id))
        })
        .await?;
    revoked?;
    FlashMessage::success("flash-api-token-revoked").send();
    Ok(see_other(&back))
}
