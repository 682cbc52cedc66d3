//! `/projects`: the register of infrastructure projects and their workflow.

pub mod edit;
pub mod export;
pub mod form;
pub mod history;
pub mod import;
pub mod list;
pub mod new;
pub mod show;
pub mod status;

use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::projects::{self, ProjectRow};
use crate::domain::role::{Role, Scope};
use crate::error::AppError;

/// Projects are entered by akimat officers, in their own region only.
pub fn officer_region(user: &CurrentUser) -> Result<String, AppError> {
    match (&user.role, &user.scope) {
        (Role::Akimat, Scope::Region(region)) => Ok(region.clone()),
        _ => Err(AppError::Forbidden),
    }
}

/// The project if the user's scope covers it; 404 otherwise, so existence does not leak.
pub async fn load_in_scope(
    db: &Db,
    user: &CurrentUser,
    id: String,
) -> Result<ProjectRow, AppError> {
    let scope = user.scope.clone();
    db.run(move |conn| projects::find_in_scope(conn, &id, &scope)?.ok_or(AppError::NotFound))
        .await
}
