//! One function per write. Each owns its transaction, its locks, the domain's checks, the
//! counters and tallies it moves and the audit event it leaves, so that the pages, the imports
//! and the JSON API all write through the same code and a rule lives in one place.
pub mod hires;
pub mod job_correction;
pub mod job_end;
pub mod job_import;
pub mod jobs_in_scope;
pub mod lifting;
