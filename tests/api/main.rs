//! Integration tests: each test starts the real server on a random port with a fresh database
//! and talks to it over HTTP. Set `JOBMAP_TEST_DATABASE_URL=postgres://…` to run the same suite
//! on PostgreSQL (one new database per test).

mod builders;
mod helpers;

mod access;
mod account;
mod admin_users;
mod api_writes;
mod api_writes_batch;
mod api_writes_idempotency;
mod api_writes_support;
mod api_writes_versions;
mod audit_words;
mod auth;
mod bootstrap;
mod cli;
mod clock;
mod compliance;
mod contracts;
mod copy;
mod csrf;
mod csv_lines;
mod dashboard_fit;
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
mod map_view;
mod metrics;
mod operations;
mod plans;
mod projects;
mod query_plans;
mod reimport;
mod reimport_refusals;
mod reimport_region;
mod schema_parity;
mod sign_in_guard;
mod static_assets;
mod uploads;
mod workflow;
mod write_rules;
