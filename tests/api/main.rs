//! Integration tests: each test starts the real server on a random port with a fresh database
//! and talks to it over HTTP. Set `JOBMAP_TEST_DATABASE_URL=postgres://…` to run the same suite
//! on PostgreSQL (one new database per test).

mod helpers;

mod bootstrap;
mod cli;
mod database;
mod errors;
mod health;
mod i18n;
mod schema_parity;
mod static_assets;
