//! jobmap: monitoring job creation on the Employment Roadmap's infrastructure projects.

pub mod api;
pub mod auth;
pub mod bootstrap;
pub mod cli;
pub mod cli_api;
pub mod cli_ops;
pub mod cli_registers;
pub mod clock;
pub mod config;
pub mod db;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod monitoring;
pub mod ops;
pub mod password;
pub mod policy;
pub mod routes;
pub mod seed;
pub mod startup;
pub mod telemetry;
pub mod usecase;
pub mod web;
