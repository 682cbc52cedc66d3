//! Administration: user accounts, service accounts for the API, and the state of the stored
//! figures.

pub mod operations;
pub mod service_account;
pub mod service_accounts;
pub mod user;
pub mod users;

use crate::auth::CurrentUser;
use crate::domain::role::Role;
use crate::error::AppError;

/// Every admin page starts here.
pub fn require_admin(user: &CurrentUser) -> Result<(), AppError> {
    user.require(&[Role::Admin])
}
