//! Who is asking, and whether they may: server-side sessions, the signed-in user, CSRF tokens,
//! login throttling and the security headers every response carries.

pub mod client_ip;
pub mod csrf;
pub mod current_user;
pub mod headers;
pub mod session_cache;
pub mod session_store;
pub mod upload_gate;

pub use current_user::CurrentUser;

/// Session keys. Values are JSON, as actix-session stores them.
pub const SESSION_USER_ID: &str = "user_id";
pub const SESSION_CSRF: &str = "csrf";
