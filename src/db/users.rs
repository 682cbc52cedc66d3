//! User accounts.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{sessions, users};
use super::{DbConnection, new_id, now};
use crate::domain::language::Language;
use crate::domain::role::{Role, Scope};
use crate::domain::user::Login;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: String,
    pub login: String,
    pub full_name: String,
    pub password_hash: String,
    pub role: String,
    pub region_code: Option<String>,
    pub contractor_bin: Option<String>,
    pub language: String,
    pub active: bool,
    pub failed_logins: i32,
    pub locked_until: Option<NaiveDateTime>,
    pub password_changed_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i32,
}

impl UserRow {
    pub fn role(&self) -> Option<Role> {
        Role::from_code(&self.role)
    }

    pub fn role_label_key(&self) -> &'static str {
        self.role().map_or("role-unknown", Role::label_key)
    }

    pub fn language(&self) -> Language {
        Language::from_code(&self.language).unwrap_or_default()
    }

    /// What the audit log keeps of a user: never the password hash.
    pub fn audit_view(&self) -> serde_json::Value {
        serde_json::json!({
            "login": self.login,
            "full_name": self.full_name,
            "role": self.role,
            "region_code": self.region_code,
            "contractor_bin": self.contractor_bin,
            "language": self.language,
            "active": self.active,
        })
    }
}

pub struct NewUser<'a> {
    pub login: &'a Login,
    pub full_name: &'a str,
    pub role: Role,
    pub scope: &'a Scope,
    pub password_hash: &'a str,
    pub language: Language,
}

#[derive(Debug, thiserror::Error)]
pub enum CreateUserError {
    #[error("a user with login '{0}' already exists")]
    LoginTaken(String),
    #[error("there is no region with KATO code '{0}'")]
    UnknownRegion(String),
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

pub fn insert(conn: &mut DbConnection, new: &NewUser<'_>) -> Result<UserRow, CreateUserError> {
    let (region, bin) = match new.scope {
        Scope::National => (None, None),
        Scope::Region(r) => (Some(r.as_str()), None),
        Scope::Contractor(b) => (None, Some(b.as_str())),
    };
    if let Some(code) = region {
        let exists: i64 = super::schema::regions::table
            .filter(super::schema::regions::code.eq(code))
            .count()
            .get_result(conn)?;
        if exists == 0 {
            return Err(CreateUserError::UnknownRegion(code.to_owned()));
        }
    }
    if find_by_login(conn, new.login.as_str())?.is_some() {
        return Err(CreateUserError::LoginTaken(new.login.as_str().to_owned()));
    }
    let at = now();
    let id = new_id();
    diesel::insert_into(users::table)
        .values((
            users::id.eq(&id),
            users::login.eq(new.login.as_str()),
            users::full_name.eq(new.full_name.trim()),
            users::password_hash.eq(new.password_hash),
            users::role.eq(new.role.code()),
            users::region_code.eq(region),
            users::contractor_bin.eq(bin),
            users::language.eq(new.language.code()),
            users::password_changed_at.eq(at),
            users::created_at.eq(at),
            users::updated_at.eq(at),
        ))
        .execute(conn)
        .map_err(|e| match e {
            // Lost a race with another writer creating the same login.
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            ) => CreateUserError::LoginTaken(new.login.as_str().to_owned()),
            other => CreateUserError::Db(other),
        })?;
    Ok(users::table
        .find(&id)
        .select(UserRow::as_select())
        .first(conn)?)
}

pub fn count(conn: &mut DbConnection) -> QueryResult<i64> {
    users::table.count().get_result(conn)
}

pub fn list(conn: &mut DbConnection) -> QueryResult<Vec<UserRow>> {
    users::table
        .select(UserRow::as_select())
        .order(users::login.asc())
        .load(conn)
}

pub fn find_by_login(conn: &mut DbConnection, login: &str) -> QueryResult<Option<UserRow>> {
    users::table
        .filter(users::login.eq(login.trim().to_lowercase()))
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<UserRow>> {
    users::table
        .find(id)
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

/// Activates or deactivates an account; deactivation ends its sessions in the same
/// transaction, so a deactivated user is signed out at once.
pub fn set_active(conn: &mut DbConnection, id: &str, active: bool) -> QueryResult<usize> {
    let n = diesel::update(users::table.find(id))
        .set((
            users::active.eq(active),
            users::failed_logins.eq(0),
            users::locked_until.eq(None::<NaiveDateTime>),
            users::updated_at.eq(now()),
            users::version.eq(users::version + 1),
        ))
        .execute(conn)?;
    super::login_failures::clear_account(conn, id)?;
    if !active {
        end_sessions(conn, id)?;
    }
    Ok(n)
}

/// Stores a new password hash and ends every session of the account.
pub fn set_password(conn: &mut DbConnection, id: &str, password_hash: &str) -> QueryResult<usize> {
    let at = now();
    let n = diesel::update(users::table.find(id))
        .set((
            users::password_hash.eq(password_hash),
            users::password_changed_at.eq(at),
            users::failed_logins.eq(0),
            users::locked_until.eq(None::<NaiveDateTime>),
            users::updated_at.eq(at),
            users::version.eq(users::version + 1),
        ))
        .execute(conn)?;
    super::login_failures::clear_account(conn, id)?;
    end_sessions(conn, id)?;
    Ok(n)
}

pub fn set_language(conn: &mut DbConnection, id: &str, language: Language) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set(users::language.eq(language.code()))
        .execute(conn)
}

pub fn end_sessions(conn: &mut DbConnection, user_id: &str) -> QueryResult<usize> {
    diesel::delete(sessions::table.filter(sessions::user_id.eq(user_id))).execute(conn)
}

pub fn register_successful_login(conn: &mut DbConnection, id: &str) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set((
            users::failed_logins.eq(0),
            users::locked_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)
}
