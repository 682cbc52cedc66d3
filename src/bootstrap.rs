//! The way in: on first start, with no users at all, create the `admin` account.

use crate::db::{Db, users};
use crate::domain::language::Language;
use crate::domain::password_policy::check_new_password;
use crate::domain::role::{Role, Scope};
use crate::domain::user::Login;
use crate::password;
use crate::usecase;
use crate::usecase::users::{NewAccount, UserChangeError};

pub const FIRST_ADMIN_LOGIN: &str = "admin";

#[derive(Debug, thiserror::Error)]
pub enum BootstrapError {
    #[error("JOBMAP_ADMIN_PASSWORD is not acceptable: {0}")]
    WeakPassword(crate::domain::password_policy::PasswordProblem),
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

/// Creates `admin` when the user table is empty. The password comes from
/// `JOBMAP_ADMIN_PASSWORD`, or is generated and logged once: there is never a fixed default.
pub fn ensure_first_admin(db: &Db, configured: Option<&str>) -> Result<(), BootstrapError> {
    let mut conn = db.conn().map_err(|e| anyhow::anyhow!("{e}"))?;
    if users::count(&mut conn).map_err(anyhow::Error::from)? > 0 {
        return Ok(());
    }
    let (plain, generated) = match configured.filter(|p| !p.is_empty()) {
        Some(p) => {
            check_new_password(p, &[FIRST_ADMIN_LOGIN]).map_err(BootstrapError::WeakPassword)?;
            (p.to_owned(), false)
        }
        None => (password::generate(), true),
    };
    let hash = password::hash(&plain)?;
    let login = Login::parse(FIRST_ADMIN_LOGIN).map_err(|e| anyhow::anyhow!("{e}"))?;
    let created = usecase::users::create_first_admin(
        &mut conn,
        &NewAccount {
            login,
            full_name: "Administrator".into(),
            role: Role::Admin,
            scope: Scope::National,
            language: Language::default(),
            password_hash: hash,
        },
    );
    match created {
        Ok(Some(_)) if generated => {
            // Printed once, on purpose: this is the operator's only way in.
            tracing::warn!(
                login = FIRST_ADMIN_LOGIN,
                password = %plain,
                "created the first administrator with a generated password; sign in and change it"
            );
        }
        Ok(Some(_)) => tracing::info!(
            login = FIRST_ADMIN_LOGIN,
            "created the first administrator with the password from JOBMAP_ADMIN_PASSWORD"
        ),
        Ok(None) | Err(UserChangeError::LoginTaken(_)) => {}
        Err(e) => return Err(anyhow::Error::from(e).into()),
    }
    Ok(())
}
