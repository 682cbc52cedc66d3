//! `/api/docs`: the API's reference for people, drawn in the browser by the vendored Swagger UI
//! (`static/vendor/swagger-ui`) from `/api/v1/openapi.json`. An ordinary page of the site (its
//! layout, language and sign-in state), unlike the JSON routes around it.

use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

use crate::error::AppError;
use crate::web::page::PageCtx;

#[derive(Template)]
#[template(path = "api/docs.html")]
pub struct DocsPage {
    pub ctx: PageCtx,
}

pub async fn page(req: HttpRequest) -> Result<HttpResponse, AppError> {
    crate::web::render(&DocsPage {
        ctx: PageCtx::for_request(&req),
    })
}
