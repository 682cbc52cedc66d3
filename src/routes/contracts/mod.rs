//! Contracts on approved projects: recording them, their page, their local-content ledger.

pub mod import;
pub mod ledger;
pub mod ledger_file;
pub mod list;
pub mod new;
pub mod show;

use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::contracts::{self, ContractWithProject};
use crate::error::AppError;

/// The contract if the user's scope covers it; 404 otherwise.
pub async fn load_in_scope(
    db: &Db,
    user: &CurrentUser,
    id: String,
) -> Result<ContractWithProject, AppError> {
    let scope = user.scope.clone();
    db.run(move |conn| contracts::find_in_scope(conn, &id, &scope)?.ok_or(AppError::NotFound))
        .await
}

/// Hires, endings, corrections and ledger lines are entered by the contractor whose BIN is on
/// the contract, or by an officer of the project's region on their behalf.
pub fn may_record(user: &CurrentUser, c: &ContractWithProject) -> bool {
    crate::policy::may_record(&user.scope, c.place())
}

pub fn require_recorder(user: &CurrentUser, c: &ContractWithProject) -> Result<(), AppError> {
    if may_record(user, c) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// New hires and purchases are recorded while the project runs: not once it is completed,
/// cancelled or suspended (endings and corrections of existing hires remain possible).
pub fn require_running(c: &ContractWithProject) -> Result<(), AppError> {
    use crate::domain::workflow::ProjectStatus as S;
    match S::from_code(&c.project_status) {
        Some(S::Approved | S::Tendering | S::Contracted | S::InProgress) => Ok(()),
        _ => Err(AppError::Forbidden),
    }
}

/// The contract, if in scope, the user may record on it and its project is running: what
/// every form that adds hires needs before it shows or saves anything.
pub async fn open_for_hires(
    db: &Db,
    user: &CurrentUser,
    id: String,
) -> Result<ContractWithProject, AppError> {
    let c = load_in_scope(db, user, id).await?;
    require_recorder(user, &c)?;
    require_running(&c)?;
    Ok(c)
}
