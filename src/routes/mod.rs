//! The route table: every URL jobmap answers, in one place.

pub mod account;
pub mod admin;
pub mod assets;
pub mod audit_log;
pub mod compliance;
pub mod compliance_export;
pub mod contracts;
pub mod dashboard;
pub mod error_page;
pub mod exports;
pub mod health;
pub mod jobs;
pub mod language;
pub mod login;
pub mod logout;
pub mod map;
pub mod plans;
pub mod plans_file;
pub mod projects;
pub mod prometheus;
pub mod regions;
pub mod register_load;
pub mod register_settings;
pub mod registers;
pub mod review;
pub mod verification;
pub mod verification_evidence;
pub mod verification_export;

use actix_governor::governor::clock::QuantaInstant;
use actix_governor::governor::middleware::NoOpMiddleware;
use actix_governor::{Governor, GovernorConfig, GovernorConfigBuilder};
use actix_web::http::Method;
use actix_web::web;

use crate::auth::client_ip::ClientIpKey;
use crate::config::Config;
use crate::error::AppError;

/// Sign-in attempts per client address, shared by all workers of this process.
pub type LoginLimits = GovernorConfig<ClientIpKey, NoOpMiddleware<QuantaInstant>>;

pub fn configure(cfg: &mut web::ServiceConfig, login_limits: &LoginLimits) {
    // The integration API (`/api/…`) first: its scopes answer problems, never pages.
    crate::api::configure(cfg);
    cfg.service(web::resource("/").get(dashboard::public))
        .service(web::resource("/dashboard").get(dashboard::dashboard))
        .service(web::resource("/regions/{kato}").get(regions::show))
        .service(
            web::resource("/regions/{kato}/{table:[a-z]+}.{format:csv|xlsx}").get(regions::export),
        )
        .service(web::resource("/map").get(map::show))
        .service(web::resource("/compliance").get(compliance::show))
        .service(web::resource("/exports/jobs.csv").get(exports::jobs_csv))
        .service(web::resource("/exports/jobs.xlsx").get(exports::jobs_xlsx))
        .service(web::resource("/exports/dashboard.{format:csv|xlsx}").get(exports::dashboard))
        .service(
            web::resource("/exports/compliance.{format:csv|xlsx}")
                .get(compliance_export::contracts),
        )
        .service(
            web::resource("/exports/compliance-{list:lagging|regions}.{format:csv|xlsx}")
                .get(compliance_export::schedule_list),
        )
        .service(web::resource("/healthz").get(health::check))
        .service(web::resource("/metrics").get(prometheus::show))
        .service(web::resource("/livez").get(health::live))
        .service(web::resource("/readyz").get(health::ready))
        .service(web::resource("/language").post(language::switch))
        .service(
            web::resource("/login")
                .wrap(Governor::new(login_limits))
                .get(login::form)
                .post(login::submit),
        )
        .service(web::resource("/logout").post(logout::submit))
        .service(
            web::resource("/account/password")
                .get(account::form)
                .post(account::submit),
        )
        .service(
            web::resource("/admin/users")
                .get(admin::users::list)
                .post(admin::users::create),
        )
        .service(web::resource("/admin/users/new").get(admin::users::new))
        .service(web::resource("/admin/operations").get(admin::operations::show))
        .service(
            web::resource("/admin/service-accounts")
                .get(admin::service_accounts::list)
                .post(admin::service_accounts::create),
        )
        .service(web::resource("/admin/service-accounts/new").get(admin::service_accounts::new))
        .service(web::resource("/admin/service-accounts/{id}").get(admin::service_account::show))
        .service(
            web::resource("/admin/service-accounts/{id}/tokens")
                .post(admin::service_account::issue),
        )
        .service(
            web::resource("/admin/service-accounts/{id}/tokens/{token}/revoke")
                .post(admin::service_account::revoke),
        )
        .service(web::resource("/admin/users/{id}").get(admin::user::show))
        .service(web::resource("/admin/users/{id}/active").post(admin::user::set_active))
        .service(web::resource("/admin/users/{id}/password").post(admin::user::reset_password))
        .service(
            web::resource("/projects")
                .get(projects::list::list)
                .post(projects::new::create),
        )
        .service(web::resource("/projects/new").get(projects::new::form))
        .service(
            web::resource(crate::auth::upload_gate::PROJECT_IMPORT)
                .get(projects::import::form)
                .post(projects::import::upload),
        )
        .service(web::resource("/projects/import/template.csv").get(projects::import::template))
        .service(web::resource("/projects/export.csv").get(projects::export::csv))
        .service(
            web::resource("/projects/{id}")
                .get(projects::show::show)
                .post(projects::edit::update),
        )
        .service(web::resource("/projects/{id}/edit").get(projects::edit::form))
        .service(web::resource("/projects/{id}/status").post(projects::status::change))
        .service(web::resource("/projects/{id}/history").get(projects::history::show))
        .service(
            web::resource("/projects/{id}/contracts/new")
                .get(contracts::new::form)
                .post(contracts::new::create),
        )
        .service(web::resource("/contracts").get(contracts::list::list))
        .service(
            web::resource(crate::auth::upload_gate::CONTRACT_IMPORT)
                .get(contracts::import::form)
                .post(contracts::import::upload),
        )
        .service(web::resource("/contracts/import/template.csv").get(contracts::import::template))
        .service(web::resource("/contracts/export.csv").get(contracts::import::export_csv))
        .service(web::resource("/contracts/{id}").get(contracts::show::show))
        .service(
            web::resource("/contracts/{id}/procurement")
                .get(contracts::ledger::show)
                .post(contracts::ledger::add),
        )
        .service(
            web::resource("/contracts/{id}/jobs")
                .get(jobs::list::list)
                .post(jobs::new::create),
        )
        .service(
            web::resource(crate::auth::upload_gate::LINE_IMPORT)
                .get(contracts::ledger_file::form)
                .post(contracts::ledger_file::upload),
        )
        .service(
            web::resource("/contracts/{id}/procurement/import/template.csv")
                .get(contracts::ledger_file::template),
        )
        .service(
            web::resource("/contracts/{id}/procurement/export.csv")
                .get(contracts::ledger_file::export_csv),
        )
        .service(web::resource("/contracts/{id}/jobs/new").get(jobs::new::form))
        .service(
            web::resource(crate::auth::upload_gate::HIRE_IMPORT)
                .get(jobs::import::form)
                .post(jobs::import::upload),
        )
        .service(
            web::resource("/contracts/{id}/jobs/import/template.csv").get(jobs::import::template),
        )
        .service(web::resource("/contracts/{id}/jobs/export.csv").get(jobs::export::csv))
        .service(
            web::resource("/jobs/{id}")
                .get(jobs::show::show)
                .post(jobs::correct::correct),
        )
        .service(web::resource("/jobs/{id}/end").post(jobs::end::end))
        .service(web::resource("/jobs/{id}/lifting").post(jobs::lifting::pay))
        .service(web::resource("/review").get(review::queue))
        .service(web::resource("/plans").get(plans::show).post(plans::save))
        .service(
            web::resource(crate::auth::upload_gate::PLAN_IMPORT)
                .get(plans_file::form)
                .post(plans_file::upload),
        )
        .service(web::resource("/plans/import/template.csv").get(plans_file::template))
        .service(web::resource("/plans/export.csv").get(plans_file::export_csv))
        .service(web::resource("/audit").get(audit_log::list))
        .configure(configure_verification)
        .service(web::resource("/static/{path:.*}").get(assets::serve));
}

/// Verification (issue 15): the registers, their loading and the discrepancy lists.
fn configure_verification(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/registers").get(registers::show))
        .service(
            web::resource(crate::auth::upload_gate::REGISTER_LOAD)
                .app_data(
                    actix_multipart::form::MultipartFormConfig::default()
                        .total_limit(register_load::MAX_BYTES)
                        .memory_limit(64 * 1024),
                )
                .post(register_load::upload),
        )
        .service(web::resource("/registers/settings").post(register_settings::update))
        .service(web::resource("/registers/{kind}/template.csv").get(registers::template))
        .service(web::resource("/verification").get(verification::show))
        .service(web::resource("/verification.csv").get(verification_export::export));
}

/// A burst of `login_per_minute` attempts per client address, refilled at that rate. Build it
/// once per process: each call makes a new, empty set of counters.
pub fn login_limits(config: &Config) -> LoginLimits {
    let per_minute = config.login_per_minute.max(1);
    let mut builder = GovernorConfigBuilder::default();
    builder
        // In nanoseconds, so that even u32::MAX a minute leaves a non-zero period.
        .period(std::time::Duration::from_nanos(
            60_000_000_000 / u64::from(per_minute),
        ))
        .burst_size(per_minute)
        .methods(vec![Method::POST]);
    builder
        .key_extractor(ClientIpKey {
            trust_proxy: config.trust_proxy,
        })
        .finish()
        .unwrap_or_else(|| unreachable!("period and burst are non-zero"))
}

/// Anything no route matches.
pub async fn not_found() -> Result<actix_web::HttpResponse, AppError> {
    Err(AppError::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_sign_in_rate_builds_a_limiter() {
        for n in [0, 1, 60, 60_001, 1_000_000, u32::MAX] {
            let mut config = Config::for_database("sqlite://unused.db");
            config.login_per_minute = n;
            let _limits = login_limits(&config);
        }
    }
}
