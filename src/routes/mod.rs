//! The route table: every URL jobmap answers, in one place.

pub mod assets;
pub mod error_page;
pub mod health;
pub mod home;
pub mod language;

use actix_web::web;

use crate::error::AppError;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/").get(home::show))
        .service(web::resource("/healthz").get(health::check))
        .service(web::resource("/language").post(language::switch))
        .service(web::resource("/static/{path:.*}").get(assets::serve));
}

/// Anything no route matches.
pub async fn not_found() -> Result<actix_web::HttpResponse, AppError> {
    Err(AppError::NotFound)
}
