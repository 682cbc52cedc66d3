//! Renders every 4xx/5xx response that is not already a page (actix's extractor errors,
//! `AppError`, unknown routes) as an HTML page in the user's language, showing no internals.

use actix_web::body::BoxBody;
use actix_web::dev::ServiceResponse;
use actix_web::http::{StatusCode, header};
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{HttpMessage, HttpResponse};
use askama::Template;
use tracing_actix_web::RequestId;

pub use crate::error::ErrorDetail;
use crate::web::page::PageCtx;

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub ctx: PageCtx,
    pub status: u16,
    pub title_key: &'static str,
    pub body_key: &'static str,
    pub reference: Option<String>,
}

fn keys(status: StatusCode) -> (&'static str, &'static str) {
    match status.as_u16() {
        400 | 422 => ("error-400-title", "error-400-body"),
        401 | 403 => ("error-403-title", "error-403-body"),
        404 => ("error-404-title", "error-404-body"),
        405 => ("error-405-title", "error-405-body"),
        413 => ("error-413-title", "error-413-body"),
        415 => ("error-415-title", "error-415-body"),
        429 => ("error-429-title", "error-429-body"),
        503 => ("error-503-title", "error-503-body"),
        s if s >= 500 => ("error-500-title", "error-500-body"),
        _ => ("error-other-title", "error-other-body"),
    }
}

pub fn render<B>(res: ServiceResponse<B>) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let already_rendered = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| {
            ct.starts_with("text/html")
                || ct.starts_with("application/json")
                || ct.starts_with(crate::api::problem::CONTENT_TYPE)
        });
    if already_rendered {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let detail = res.response().extensions().get::<ErrorDetail>().copied();
    let kept_headers: Vec<_> = [header::ALLOW, header::RETRY_AFTER]
        .into_iter()
        .filter_map(|name| res.headers().get(&name).map(|v| (name, v.clone())))
        .collect();
    let (req, _) = res.into_parts();
    let (title_key, body_key) = keys(status);
    let page = ErrorPage {
        ctx: PageCtx::for_request(&req),
        status: status.as_u16(),
        title_key,
        body_key: detail.map_or(body_key, |d| d.0),
        reference: status
            .is_server_error()
            .then(|| req.extensions().get::<RequestId>().map(|id| id.to_string()))
            .flatten(),
    };
    let mut builder = HttpResponse::build(status);
    for header in kept_headers {
        builder.insert_header(header);
    }
    let response: HttpResponse<BoxBody> = match page.render() {
        Ok(html) => builder.content_type("text/html; charset=utf-8").body(html),
        Err(e) => {
            tracing::error!(error = %e, "error page failed to render");
            builder
                .content_type("text/plain; charset=utf-8")
                .body(status.to_string())
        }
    };
    Ok(ErrorHandlerResponse::Response(
        ServiceResponse::new(req, response).map_into_right_body::<B>(),
    ))
}
