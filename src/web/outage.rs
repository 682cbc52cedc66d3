//! While the database cannot be reached, a failure in the layers around the handlers (the
//! session store loading a signed-in user's session) would otherwise surface as a bare 500.
//! This middleware, outside the session layer, answers those with the translated 503
//! "temporarily unavailable" page instead.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpResponse, web};
use askama::Template;
use tracing_actix_web::RequestId;

use crate::clock::Clock;
use crate::db::Db;
use crate::i18n::I18n;
use crate::routes::error_page::ErrorPage;
use crate::web::page::PageCtx;

pub async fn unavailable_page(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let Some(db) = req.app_data::<web::Data<Db>>().cloned() else {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_boxed_body);
    };
    // The request itself goes down the chain and is gone if it fails, so what the page
    // needs is taken now (holding a clone of the request would break inner middleware).
    let language = super::language::resolve(req.request());
    let accept_language = req
        .headers()
        .get(actix_web::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let path = req.path().to_owned();
    let clock = req
        .app_data::<web::Data<Clock>>()
        .map(|c| *c.get_ref())
        .unwrap_or_default();
    let reference = req.extensions().get::<RequestId>().map(ToString::to_string);
    let failed = match next.call(req).await {
        Ok(res) => return Ok(res.map_into_boxed_body()),
        Err(e) if db.unreachable() => e,
        Err(e) => return Err(e),
    };
    tracing::warn!(error = %failed, "answered 503: the database cannot be reached");
    if crate::api::is_token_path(&path) {
        let problem = crate::api::problem::ApiError::from(crate::error::AppError::Unavailable(
            failed.to_string(),
        ));
        let response = problem.respond(crate::api::problem::language_of(&accept_language));
        return Err(actix_web::error::InternalError::from_response(failed, response).into());
    }
    let page = ErrorPage {
        ctx: PageCtx {
            i18n: I18n::new(language),
            path,
            flashes: Vec::new(),
            user: None,
            csrf_token: String::new(),
            clock,
        },
        status: 503,
        title_key: "error-503-title",
        body_key: "error-503-body",
        reference,
    };
    let html = page
        .render()
        .map_err(actix_web::error::ErrorServiceUnavailable)?;
    let response = HttpResponse::ServiceUnavailable()
        .content_type("text/html; charset=utf-8")
        .body(html);
    Err(actix_web::error::InternalError::from_response(failed, response).into())
}
