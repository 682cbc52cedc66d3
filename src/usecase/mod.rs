//! One function per write. Each owns its transaction, its locks, the domain's checks, the
//! counters and tallies it moves and the audit event it leaves, so that the pages, the imports
//! and the JSON API all write through the same code and a rule lives in one place.

pub mod acting;
pub mod contracts;
pub mod hire_batch;
pub mod hires;
pub mod job_correction;
pub mod job_end;
pub mod job_import;
pub mod jobs_in_scope;
pub mod ledger;
pub mod lifting;
pub mod plans;
pub mod project_status;
pub mod projects;
pub mod registers;
pub mod service_accounts;
pub mod users;
pub mod verification;
pub mod verification_batch;
pub mod verification_settings;
