//! The programme's rules as pure types and functions: no actix, no diesel.

pub mod api_token;
pub mod compliance;
pub mod contract;
pub mod csv_rows;
pub mod figures;
pub mod geo;
pub mod hire;
pub mod idempotency;
pub mod identifier;
pub mod language;
pub mod ledger;
pub mod lockout;
pub mod message;
pub mod numbers;
pub mod password_policy;
pub mod plan;
pub mod project;
pub mod registers;
pub mod role;
pub mod search;
pub mod share;
pub mod user;
pub mod verification;
pub mod version;
pub mod workflow;
