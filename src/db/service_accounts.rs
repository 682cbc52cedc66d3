//! Service accounts and their API tokens (only hashes of tokens are stored).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{api_tokens, regions, service_accounts};
use super::{DbConnection, new_id, now};
use crate::domain::role::{Role, Scope};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = service_accounts)]
pub struct AccountRow {
    pub id: String,
    pub name: String,
    pub description: String,
    pub role: String,
    pub region_code: Option<String>,
    pub contractor_bin: Option<String>,
    pub created_at: NaiveDateTime,
}

impl AccountRow {
    pub fn role(&self) -> Option<Role> {
        Role::from_code(&self.role)
    }

    pub fn role_label_key(&self) -> &'static str {
        self.role().map_or("role-unknown", Role::label_key)
    }

    /// The scope its role gives it; `None` for a row the schema's checks should have refused.
    pub fn scope(&self) -> Option<Scope> {
        match self.role()? {
            Role::Admin | Role::Commission => Some(Scope::National),
            Role::Akimat => Some(Scope::Region(self.region_code.clone()?)),
            Role::Contractor => Some(Scope::Contractor(self.contractor_bin.clone()?)),
        }
    }

    pub fn audit_view(&self) -> serde_json::Value {
        serde_json::json!({
            "name": self.name,
            "description": self.description,
            "role": self.role,
            "region_code": self.region_code,
            "contractor_bin": self.contractor_bin,
        })
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = api_tokens)]
pub struct TokenRow {
    pub id: String,
    pub account_id: String,
    pub token_hash: String,
    pub prefix: String,
    pub label: String,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub last_used_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
}

impl TokenRow {
    /// What the audit trail keeps of a token: never its hash.
    pub fn audit_view(&self) -> serde_json::Value {
        serde_json::json!({
            "account_id": self.account_id,
            "prefix": self.prefix,
            "label": self.label,
            "expires_at": self.expires_at,
            "revoked_at": self.revoked_at,
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CreateAccountError {
    #[error("a service account named '{0}' already exists")]
    NameTaken(String),
    #[error("there is no region with KATO code '{0}'")]
    UnknownRegion(String),
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

pub fn insert_account(
    conn: &mut DbConnection,
    name: &str,
    description: &str,
    role: Role,
    scope: &Scope,
) -> Result<AccountRow, CreateAccountError> {
    let (region, bin) = match scope {
        Scope::National => (None, None),
        Scope::Region(r) => (Some(r.as_str()), None),
        Scope::Contractor(b) => (None, Some(b.as_str())),
    };
    if let Some(code) = region {
        let exists: i64 = regions::table
            .filter(regions::code.eq(code))
            .count()
            .get_result(conn)?;
        if exists == 0 {
            return Err(CreateAccountError::UnknownRegion(code.to_owned()));
        }
    }
    if find_account_by_name(conn, name)?.is_some() {
        return Err(CreateAccountError::NameTaken(name.to_owned()));
    }
    let id = new_id();
    diesel::insert_into(service_accounts::table)
        .values((
            service_accounts::id.eq(&id),
            service_accounts::name.eq(name),
            service_accounts::description.eq(description.trim()),
            service_accounts::role.eq(role.code()),
            service_accounts::region_code.eq(region),
            service_accounts::contractor_bin.eq(bin),
            service_accounts::created_at.eq(now()),
        ))
        .execute(conn)
        .map_err(|e| match e {
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            ) => CreateAccountError::NameTaken(name.to_owned()),
            other => CreateAccountError::Db(other),
        })?;
    find_account(conn, &id)?.ok_or(CreateAccountError::Db(diesel::result::Error::NotFound))
}

pub fn find_account(conn: &mut DbConnection, id: &str) -> QueryResult<Option<AccountRow>> {
    service_accounts::table
        .find(id)
        .select(AccountRow::as_select())
        .first(conn)
        .optional()
}

pub fn find_account_by_name(
    conn: &mut DbConnection,
    name: &str,
) -> QueryResult<Option<AccountRow>> {
    service_accounts::table
        .filter(service_accounts::name.eq(name))
        .select(AccountRow::as_select())
        .first(conn)
        .optional()
}

pub fn list_accounts(conn: &mut DbConnection) -> QueryResult<Vec<AccountRow>> {
    service_accounts::table
        .order(service_accounts::name.asc())
        .select(AccountRow::as_select())
        .load(conn)
}

pub struct NewToken<'a> {
    pub account_id: &'a str,
    pub token_hash: &'a str,
    pub prefix: &'a str,
    pub label: &'a str,
    pub expires_at: NaiveDateTime,
}

pub fn insert_token(conn: &mut DbConnection, new: &NewToken<'_>) -> QueryResult<TokenRow> {
    let id = new_id();
    diesel::insert_into(api_tokens::table)
        .values((
            api_tokens::id.eq(&id),
            api_tokens::account_id.eq(new.account_id),
            api_tokens::token_hash.eq(new.token_hash),
            api_tokens::prefix.eq(new.prefix),
            api_tokens::label.eq(new.label.trim()),
            api_tokens::created_at.eq(now()),
            api_tokens::expires_at.eq(new.expires_at),
        ))
        .execute(conn)?;
    find_token(conn, &id)?.ok_or(diesel::result::Error::NotFound)
}

pub fn find_token(conn: &mut DbConnection, id: &str) -> QueryResult<Option<TokenRow>> {
    api_tokens::table
        .find(id)
        .select(TokenRow::as_select())
        .first(conn)
        .optional()
}

/// A token by the hash of what a request presented, with its account.
pub fn by_hash(
    conn: &mut DbConnection,
    token_hash: &str,
) -> QueryResult<Option<(TokenRow, AccountRow)>> {
    api_tokens::table
        .inner_join(service_accounts::table)
        .filter(api_tokens::token_hash.eq(token_hash))
        .select((TokenRow::as_select(), AccountRow::as_select()))
        .first(conn)
        .optional()
}

/// Newest first.
pub fn tokens_of(conn: &mut DbConnection, account_id: &str) -> QueryResult<Vec<TokenRow>> {
    api_tokens::table
        .filter(api_tokens::account_id.eq(account_id))
        .order(api_tokens::created_at.desc())
        .select(TokenRow::as_select())
        .load(conn)
}

/// Every token, newest first (the command line's list).
pub fn all_tokens(conn: &mut DbConnection) -> QueryResult<Vec<(TokenRow, AccountRow)>> {
    api_tokens::table
        .inner_join(service_accounts::table)
        .order(api_tokens::created_at.desc())
        .select((TokenRow::as_select(), AccountRow::as_select()))
        .load(conn)
}

/// Marks a token revoked; a token revoked before stays as it was. Returns whether it changed.
pub fn revoke(conn: &mut DbConnection, id: &str, at: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(
        api_tokens::table
            .filter(api_tokens::id.eq(id))
            .filter(api_tokens::revoked_at.is_null()),
    )
    .set(api_tokens::revoked_at.eq(at))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn touch(conn: &mut DbConnection, id: &str, at: NaiveDateTime) -> QueryResult<()> {
    diesel::update(api_tokens::table.filter(api_tokens::id.eq(id)))
        .set(api_tokens::last_used_at.eq(at))
        .execute(conn)?;
    Ok(())
}
