//! The integration API: `/api/v1` (JSON), its OpenAPI 3.1 document at `/api/v1/openapi.json`
//! and a human reference at `/api/docs`.
//!
//! # Adding an endpoint
//!
//! 1. Write the handler in the area's file (`src/api/projects.rs`, …; a new area is a new file
//!    added to [`areas`] below), with `#[utoipa::path(...)]` *above* the actix route macro:
//!
//!    ```ignore
//!    #[utoipa::path(tag = "projects", security(("bearer" = [])),
//!        params(("id" = String, Path)),
//!        responses((status = 200, body = ProjectDetail), (status = 404, body = Problem)))]
//!    #[get("/projects/{id}")]
//!    pub async fn show(caller: ApiCaller, db: web::Data<Db>, id: web::Path<String>)
//!        -> Result<web::Json<ProjectDetail>, ApiError> { … }
//!    ```
//!
//!    The path and method come from the actix macro, so the document cannot name a route that
//!    is not served, and vice versa.
//! 2. Register it in the area's `routes(cfg)` with `cfg.service(show)`: that both mounts it
//!    under `/api/v1` and adds it, with the schemas it uses, to the document.
//! 3. Take [`caller::ApiCaller`] to require a token (it gives the `usecase::acting::Acting` the
//!    use cases take, audited under the service account); leave it out only for open data.
//!    Bodies come through [`json::ApiJson`] (strict; request types say
//!    `#[serde(deny_unknown_fields)]`); every error is a [`problem::ApiError`] (convert use-case
//!    errors with `From`/`ApiError::rule`/`ApiError::fields`).
//! 4. Scope: out-of-scope records answer 404, decided by `crate::policy` as the pages do.
//!
//! `tests/api/api_openapi.rs` checks that every route under `/api/` is in the document and every
//! documented operation answers.

pub mod caller;
pub mod checks;
pub mod compliance;
pub mod contracts;
pub mod doc_responses;
pub mod docs;
pub mod figures;
pub mod hire_batch;
pub mod hires;
pub mod job_end;
pub mod jobs;
pub mod json;
pub mod open;
pub mod open_body;
pub mod paging;
pub mod plans;
pub mod problem;
pub mod procurement;
pub mod project_status;
pub mod projects;
pub mod reference;
pub mod register_batch;
pub mod register_rows;
pub mod registers;
pub mod views;
pub mod write;

use std::sync::OnceLock;

use actix_web::middleware::from_fn;
use actix_web::{HttpResponse, get, web};
use utoipa::OpenApi;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa_actix_web::OpenApiFactory;
use utoipa_actix_web::service_config::ServiceConfig;

/// Where version 1 is mounted; the document's paths carry the same prefix.
pub const V1: &str = "/api/v1";
/// The reference page: an ordinary page of the site, not a token route.
pub const DOCS: &str = "/api/docs";

/// Whether `path` belongs to the token-authenticated JSON API, where sessions, the signed-in
/// user and CSRF tokens play no part (cookies never authenticate it).
pub fn is_token_path(path: &str) -> bool {
    (path == "/api" || path.starts_with("/api/")) && path != DOCS
}

/// Every documented area of `/api/v1`. Add a new area's `routes` here.
fn areas(cfg: &mut ServiceConfig) {
    cfg.service(openapi_json);
    reference::routes(cfg);
    projects::routes(cfg);
    contracts::routes(cfg);
    figures::routes(cfg);
    compliance::routes(cfg);
    open::routes(cfg);
    checks::routes(cfg);
    jobs::routes(cfg);
    hires::routes(cfg);
    hire_batch::routes(cfg);
    job_end::routes(cfg);
    procurement::routes(cfg);
    plans::routes(cfg);
    project_status::routes(cfg);
    registers::routes(cfg);
}

/// Mounts the API. Registered before the pages' routes, which never start with `/api/`.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        utoipa_actix_web::scope::scope(V1)
            .configure(areas)
            .map(|scope| {
                scope
                    // Actix's own extractors, should a handler use one, answer problems too.
                    .app_data(web::JsonConfig::default().limit(json::DEFAULT_LIMIT_BYTES))
                    .app_data(web::QueryConfig::default().error_handler(|e, _| {
                        problem::ApiError::bad_request("invalid_query", e.to_string()).into()
                    }))
                    .default_service(web::to(problem::not_found))
                    .wrap(from_fn(problem::layer))
            }),
    )
    .service(web::resource(DOCS).get(docs::page))
    .service(
        web::scope("/api")
            .default_service(web::to(problem::not_found))
            .wrap(from_fn(problem::layer)),
    );
}

/// Title, description, the bearer scheme and the shared schemas; the paths are added from
/// the routes themselves (see [`openapi`]).
#[derive(OpenApi)]
#[openapi(
    info(
        title = "jobmap integration API",
        version = "1",
        description = "Projects, contracts, jobs, figures and compliance of the Employment \
            Roadmap. Authenticate with `Authorization: Bearer <token>` (a service account's \
            token, issued by an administrator). Errors are RFC 9457 problem details \
            (`application/problem+json`). Paths under `/api/v1/open/` need no token."
    ),
    components(schemas(
        problem::Problem,
        problem::ProblemField,
        open::Format,
        register_batch::RegisterKind
    )),
    modifiers(&BearerScheme)
)]
struct ApiDoc;

struct BearerScheme;

impl utoipa::Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi
            .components
            .get_or_insert_with(utoipa::openapi::Components::new);
        let mut http = Http::new(HttpAuthScheme::Bearer);
        http.bearer_format = Some("jm_…".into());
        components.add_security_scheme("bearer", SecurityScheme::Http(http));
    }
}

/// The OpenAPI document of `/api/v1`, built once from the same route table that is served.
pub fn openapi() -> &'static utoipa::openapi::OpenApi {
    static DOC: OnceLock<utoipa::openapi::OpenApi> = OnceLock::new();
    DOC.get_or_init(|| {
        let mut doc = ApiDoc::openapi();
        let served = utoipa_actix_web::scope::scope(V1).configure(areas);
        doc.paths.merge(served.paths());
        let mut schemas = Vec::new();
        served.schemas(&mut schemas);
        doc.components
            .get_or_insert_with(utoipa::openapi::Components::new)
            .schemas
            .extend(schemas);
        doc_responses::add_shared_answers(&mut doc);
        doc
    })
}

/// This document.
#[utoipa::path(
    tag = "meta",
    responses((status = 200, description = "The OpenAPI 3.1 document of /api/v1", content_type = "application/json", body = Object))
)]
#[get("/openapi.json")]
async fn openapi_json() -> HttpResponse {
    static JSON: OnceLock<String> = OnceLock::new();
    let body = JSON.get_or_init(|| openapi().to_json().unwrap_or_default());
    HttpResponse::Ok()
        .content_type("application/json")
        .insert_header(("Cache-Control", "public, max-age=300"))
        .body(body.clone())
}
