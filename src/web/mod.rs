//! What every page shares: the page context extractor, language resolution, flash messages.

pub mod audit_view;
pub mod chart;
pub mod export;
pub mod file_import;
pub mod flash_store;
pub mod form;
pub mod language;
pub mod map;
pub mod outage;
pub mod page;
pub mod register_csv;
pub mod review;
pub mod upload;
pub mod xlsx_file;

use actix_web::HttpResponse;
use actix_web::http::header::LOCATION;

use crate::error::AppError;

/// An askama page as an HTML response.
pub fn render(page: &impl askama::Template) -> Result<HttpResponse, AppError> {
    let html = page.render().map_err(anyhow::Error::from)?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(html))
}

/// 303 See Other: where a browser goes after a form did its work.
pub fn see_other(to: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((LOCATION, to.to_owned()))
        .finish()
}
