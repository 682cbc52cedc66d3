//! Service accounts and their tokens, from the admin pages and the command line: each change in
//! one transaction with its audit event. A token is made here, returned once in clear, and
//! only its hash is stored.

use chrono::NaiveDateTime;
use rand::Rng;
use rand::distr::Alphanumeric;

use super::acting::Operator;
use crate::db::audit::{self, Event};
use crate::db::service_accounts::{self as accounts, AccountRow, CreateAccountError, TokenRow};
use crate::db::{DbConnection, now, write_transaction};
use crate::domain::api_token::{self, TOKEN_PREFIX, TOKEN_RANDOM_LEN};
use crate::domain::role::{Role, Scope};
use crate::domain::user::Login;

#[derive(Debug, thiserror::Error)]
pub enum ServiceAccountError {
    #[error("there is no such service account")]
    NotFound,
    #[error("there is no such token")]
    TokenNotFound,
    /// Only administrators (and the command line) manage service accounts.
    #[error("forbidden")]
    Forbidden,
    #[error("a service account named '{0}' already exists")]
    NameTaken(String),
    #[error("there is no region with KATO code '{0}'")]
    UnknownRegion(String),
    #[error(transparent)]
    Lifetime(#[from] api_token::LifetimeError),
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

impl From<CreateAccountError> for ServiceAccountError {
    fn from(e: CreateAccountError) -> Self {
        match e {
            CreateAccountError::NameTaken(n) => Self::NameTaken(n),
            CreateAccountError::UnknownRegion(r) => Self::UnknownRegion(r),
            CreateAccountError::Db(e) => Self::Db(e),
        }
    }
}

impl From<ServiceAccountError> for crate::error::AppError {
    fn from(e: ServiceAccountError) -> Self {
        match e {
            ServiceAccountError::NotFound | ServiceAccountError::TokenNotFound => Self::NotFound,
            ServiceAccountError::Forbidden => Self::Forbidden,
            ServiceAccountError::Db(e) => e.into(),
            other => Self::BadRequest(other.to_string()),
        }
    }
}

/// A service account to create; its name follows the rules of a login, its scope is already
/// matched to its role (`domain::user::scope_for`).
#[derive(Debug, Clone)]
pub struct NewServiceAccount {
    pub name: Login,
    pub description: String,
    pub role: Role,
    pub scope: Scope,
}

/// Which account: by id (the admin pages) or by name (the command line).
#[derive(Debug, Clone, Copy)]
pub enum Which<'a> {
    Id(&'a str),
    Name(&'a str),
}

/// A token just made: the clear value is in this struct only, never stored.
#[derive(Debug, Clone)]
pub struct IssuedToken {
    pub token: String,
    pub row: TokenRow,
    pub account: AccountRow,
}

fn admin_only(by: Operator<'_>) -> Result<(), ServiceAccountError> {
    if by.is_admin() {
        Ok(())
    } else {
        Err(ServiceAccountError::Forbidden)
    }
}

fn find(conn: &mut DbConnection, which: Which<'_>) -> Result<AccountRow, ServiceAccountError> {
    match which {
        Which::Id(id) => accounts::find_account(conn, id)?,
        Which::Name(name) => accounts::find_account_by_name(conn, &name.trim().to_lowercase())?,
    }
    .ok_or(ServiceAccountError::NotFound)
}

pub fn create(
    conn: &mut DbConnection,
    by: Operator<'_>,
    new: &NewServiceAccount,
) -> Result<AccountRow, ServiceAccountError> {
    admin_only(by)?;
    write_transaction(conn, |conn| {
        let account = accounts::insert_account(
            conn,
            new.name.as_str(),
            &new.description,
            new.role,
            &new.scope,
        )?;
        audit::record(
            conn,
            Event {
                actor: &by.actor(),
                action: "service_account.create",
                entity: "service_account",
                entity_id: &account.id,
                before: None,
                after: Some(account.audit_view()),
                ip: None,
            },
        )?;
        Ok(account)
    })
}

/// 256 random bits from the operating system's generator (through `rand`'s ChaCha thread RNG).
fn new_token() -> String {
    let random: String = rand::rng()
        .sample_iter(&Alphanumeric)
        .take(TOKEN_RANDOM_LEN)
        .map(char::from)
        .collect();
    format!("{TOKEN_PREFIX}{random}")
}

/// Issues a token for the account, valid for `days` days from now.
pub fn issue_token(
    conn: &mut DbConnection,
    by: Operator<'_>,
    which: Which<'_>,
    label: &str,
    days: i64,
) -> Result<IssuedToken, ServiceAccountError> {
    admin_only(by)?;
    let lifetime = api_token::lifetime(days)?;
    let token = new_token();
    let hash = api_token::hash(&token);
    let prefix = api_token::shown_prefix(&token);
    write_transaction(conn, |conn| {
        let account = find(conn, which)?;
        let row = accounts::insert_token(
            conn,
            &accounts::NewToken {
                account_id: &account.id,
                token_hash: &hash,
                prefix: &prefix,
                label,
                expires_at: now() + lifetime,
            },
        )?;
        audit::record(
            conn,
            Event {
                actor: &by.actor(),
                action: "api_token.issue",
                entity: "service_account",
                entity_id: &account.id,
                before: None,
                after: Some(row.audit_view()),
                ip: None,
            },
        )?;
        Ok(IssuedToken {
            token: token.clone(),
            row,
            account,
        })
    })
}

/// Revokes a token at once: the next request with it is refused.
pub fn revoke_token(
    conn: &mut DbConnection,
    by: Operator<'_>,
    token_id: &str,
) -> Result<TokenRow, ServiceAccountError> {
    admin_only(by)?;
    write_transaction(conn, |conn| {
        let before =
            accounts::find_token(conn, token_id)?.ok_or(ServiceAccountError::TokenNotFound)?;
        if !accounts::revoke(conn, token_id, now())? {
            // Already revoked: nothing changes, nothing to audit.
            return Ok(before);
        }
        let after =
            accounts::find_token(conn, token_id)?.ok_or(ServiceAccountError::TokenNotFound)?;
        audit::record(
            conn,
            Event {
                actor: &by.actor(),
                action: "api_token.revoke",
                entity: "service_account",
                entity_id: &after.account_id,
                before: Some(before.audit_view()),
                after: Some(after.audit_view()),
                ip: None,
            },
        )?;
        Ok(after)
    })
}

/// The account and token a request's bearer token names, if it may be used at `at`; records
/// its use (at most once a minute). Expired, revoked and unknown tokens all answer `None`.
pub fn authenticate(
    conn: &mut DbConnection,
    token: &str,
    at: NaiveDateTime,
) -> Result<Option<(TokenRow, AccountRow)>, diesel::result::Error> {
    if !api_token::well_formed(token) {
        return Ok(None);
    }
    let Some((row, account)) = accounts::by_hash(conn, &api_token::hash(token))? else {
        return Ok(None);
    };
    if api_token::TokenState::at(at, row.expires_at, row.revoked_at)
        != api_token::TokenState::Active
    {
        return Ok(None);
    }
    if api_token::needs_touch(row.last_used_at, at) {
        accounts::touch(conn, &row.id, at)?;
    }
    Ok(Some((row, account)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_well_formed_and_different() {
        let (a, b) = (new_token(), new_token());
        assert!(api_token::well_formed(&a), "{a}");
        assert_ne!(a, b);
    }
}
