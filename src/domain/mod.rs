//! The programme's rules as pure types and functions: no actix, no diesel.

pub mod identifier;
pub mod language;
pub mod lockout;
pub mod password_policy;
pub mod role;
pub mod user;
