//! What an operator runs around the application: backups and restores (`backup`), the
//! consistency check and repair of the stored figures (`check`, `repair`), and the record of
//! past checks the admin area shows (`runs`).

pub mod backup;
pub mod check;
pub mod readiness;
pub mod repair;
pub mod restore;
pub mod runs;
pub mod schedule;
