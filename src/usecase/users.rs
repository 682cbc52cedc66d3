//! Account changes, from the admin pages, the command line and the user's own password page:
//! each in one transaction with its audit event. Passwords arrive already hashed (hashing is
//! slow and stays outside the transaction); neither they nor their hashes reach the audit trail.

use super::acting::{Acting, Operator};
use crate::db::audit::{self, Event};
use crate::db::users::{self, CreateUserError, NewUser, UserRow};
use crate::db::{DbConnection, write_transaction};
use crate::domain::language::Language;
use crate::domain::role::{Role, Scope};
use crate::domain::user::Login;

/// An account to create, its scope already matched to its role (`domain::user::scope_for`).
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub login: Login,
    pub full_name: String,
    pub role: Role,
    pub scope: Scope,
    pub language: Language,
    pub password_hash: String,
}

/// Which account: by id (the admin pages) or by login (the command line).
#[derive(Debug, Clone, Copy)]
pub enum Account<'a> {
    Id(&'a str),
    Login(&'a str),
}

#[derive(Debug, thiserror::Error)]
pub enum UserChangeError {
    #[error("there is no such user")]
    NotFound,
    /// Only administrators (and the command line) manage accounts.
    #[error("forbidden")]
    Forbidden,
    #[error("a user with login '{0}' already exists")]
    LoginTaken(String),
    #[error("there is no region with KATO code '{0}'")]
    UnknownRegion(String),
    /// An administrator cannot lock themselves out.
    #[error("you cannot deactivate your own account")]
    CannotDeactivateSelf,
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

impl From<CreateUserError> for UserChangeError {
    fn from(e: CreateUserError) -> Self {
        match e {
            CreateUserError::LoginTaken(l) => Self::LoginTaken(l),
            CreateUserError::UnknownRegion(r) => Self::UnknownRegion(r),
            CreateUserError::Db(e) => Self::Db(e),
        }
    }
}

/// What a page answers when it has nothing more specific to say.
impl From<UserChangeError> for crate::error::AppError {
    fn from(e: UserChangeError) -> Self {
        match e {
            UserChangeError::NotFound => Self::NotFound,
            UserChangeError::Forbidden | UserChangeError::CannotDeactivateSelf => Self::Forbidden,
            UserChangeError::Db(e) => e.into(),
            other => Self::Internal(anyhow::anyhow!("{other}")),
        }
    }
}

fn find(conn: &mut DbConnection, account: Account<'_>) -> Result<UserRow, UserChangeError> {
    match account {
        Account::Id(id) => users::find(conn, id)?,
        Account::Login(login) => users::find_by_login(conn, login)?,
    }
    .ok_or(UserChangeError::NotFound)
}

fn admin_only(by: Operator<'_>) -> Result<(), UserChangeError> {
    if by.is_admin() {
        Ok(())
    } else {
        Err(UserChangeError::Forbidden)
    }
}

pub fn create(
    conn: &mut DbConnection,
    by: Operator<'_>,
    new: &NewAccount,
) -> Result<UserRow, UserChangeError> {
    admin_only(by)?;
    write_transaction(conn, |conn| insert(conn, new, by, "user.create"))
}

/// Stores the account and its audit event; inside the caller's transaction.
fn insert(
    conn: &mut DbConnection,
    new: &NewAccount,
    by: Operator<'_>,
    action: &str,
) -> Result<UserRow, UserChangeError> {
    let user = users::insert(
        conn,
        &NewUser {
            login: &new.login,
            full_name: &new.full_name,
            role: new.role,
            scope: &new.scope,
            password_hash: &new.password_hash,
            language: new.language,
        },
    )?;
    audit::record(
        conn,
        Event {
            actor: &by.actor(),
            action,
            entity: "user",
            entity_id: &user.id,
            before: None,
            after: Some(user.audit_view()),
            ip: None,
        },
    )?;
    Ok(user)
}

/// The first administrator, created at start while there are no users at all; `None` when
/// another instance created one first.
pub fn create_first_admin(
    conn: &mut DbConnection,
    new: &NewAccount,
) -> Result<Option<UserRow>, UserChangeError> {
    write_transaction(conn, |conn| {
        if users::count(conn)? > 0 {
            return Ok(None);
        }
        insert(conn, new, Operator::Cli, "user.bootstrap").map(Some)
    })
}

/// Activates an account (clearing a lock-out) or deactivates it, ending its sessions at once.
pub fn set_active(
    conn: &mut DbConnection,
    by: Operator<'_>,
    account: Account<'_>,
    active: bool,
) -> Result<UserRow, UserChangeError> {
    admin_only(by)?;
    write_transaction(conn, |conn| {
        let before = find(conn, account)?;
        if !active && by.user_id() == Some(before.id.as_str()) {
            return Err(UserChangeError::CannotDeactivateSelf);
        }
        users::set_active(conn, &before.id, active)?;
        let after = find(conn, Account::Id(&before.id))?;
        audit::record(
            conn,
            Event {
                actor: &by.actor(),
                action: if active {
                    "user.activate"
                } else {
                    "user.deactivate"
                },
                entity: "user",
                entity_id: &after.id,
                before: Some(before.audit_view()),
                after: Some(after.audit_view()),
                ip: None,
            },
        )?;
        Ok(after)
    })
}

/// An administrator sets a new password; the account's sessions end.
pub fn reset_password(
    conn: &mut DbConnection,
    by: Operator<'_>,
    account: Account<'_>,
    password_hash: &str,
) -> Result<UserRow, UserChangeError> {
    admin_only(by)?;
    write_transaction(conn, |conn| {
        let user = find(conn, account)?;
        users::set_password(conn, &user.id, password_hash)?;
        audit::record(
            conn,
            Event {
                actor: &by.actor(),
                action: "user.password_reset",
                entity: "user",
                entity_id: &user.id,
                before: None,
                after: None,
                ip: None,
            },
        )?;
        Ok(user)
    })
}

/// Users change their own password (the caller has checked the current one); every session of
/// theirs ends, the caller's included.
pub fn change_own_password(
    conn: &mut DbConnection,
    by: &Acting,
    password_hash: &str,
) -> Result<(), UserChangeError> {
    write_transaction(conn, |conn| {
        users::set_password(conn, &by.id, password_hash)?;
        audit::record(
            conn,
            Event {
                actor: &by.actor(),
                action: "user.password_change",
                entity: "user",
                entity_id: &by.id,
                before: None,
                after: None,
                ip: None,
            },
        )?;
        Ok(())
    })
}

/// The language the user's pages are shown in.
pub fn set_language(
    conn: &mut DbConnection,
    by: &Acting,
    language: Language,
) -> Result<(), UserChangeError> {
    write_transaction(conn, |conn| {
        users::set_language(conn, &by.id, language)?;
        Ok(())
    })
}

/// A wrong password for `account` from `address` (at sign-in, or as the current password of a
/// change): counted toward the lock-out of that account from that address, and audited as
/// `action`, with `auth.lockout` too when this failure locks it. Call inside a write
/// transaction. Returns the lock's end when it locked.
pub fn record_password_failure(
    conn: &mut DbConnection,
    actor: &audit::Actor,
    account: &str,
    address: &str,
    ip: Option<&str>,
    action: &'static str,
) -> diesel::QueryResult<Option<chrono::NaiveDateTime>> {
    let locked =
        crate::db::login_failures::register_failure(conn, account, address, crate::db::now())?;
    for action in std::iter::once(action).chain(locked.map(|_| "auth.lockout")) {
        audit::record(
            conn,
            Event {
                actor,
                action,
                entity: "user",
                entity_id: account,
                before: None,
                after: locked.map(|until| serde_json::json!({ "locked_until": until })),
                ip,
            },
        )?;
    }
    Ok(locked)
}
