//! Integration tests: each test starts the real server on a random port with a fresh database
//! and talks to it over HTTP. Set `JOBMAP_TEST_DATABASE_URL=postgres://…` to run the same suite
//! on PostgreSQL (one new database per test).

mod builders;
mod helpers;

mod access;
mod account;
mod admin_users;
mod auth;
mod bootstrap;
mod cli;
mod clock;
mod compliance;
mod contracts;
mod csrf;
mod csv_lines;
mod database;
mod errors;
mod figures;
mod generated;
mod headers;
mod health;
mod hire_import;
mod hire_integrity;
mod hires;
mod i18n;
mod import;
mod ledger;
mod operations;
mod plans;
mod projects;
mod query_plans;
mod schema_parity;
mod static_assets;
mod workflow;
mod write_rules;
