//! RFC 9457 problem details: every 4xx/5xx under `/api/` is `application/problem+json` with a
//! stable machine `code` (also in `type`, as `urn:jobmap:problem:{code}`), a `title` in the
//! language of `Accept-Language` (kk/ru/en, English when none matches), the `status`, a
//! `detail` and, for bad input, `errors` with a JSON pointer per field.
//!
//! Handlers return [`ApiError`]. Its response carries the untranslated problem; [`layer`] (the
//! middleware around the API) then says it in the caller's language, and turns whatever else
//! failed inside the API (an unknown path, a wrong method, an actix extractor's refusal) into a
//! problem too, so nothing under `/api/` ever answers with an HTML page.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{StatusCode, header::ACCEPT_LANGUAGE};
use actix_web::middleware::Next;
use actix_web::{HttpRequest, HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::language::Language;
use crate::domain::message::{FieldProblem, Message};
use crate::error::AppError;
use crate::i18n::I18n;

pub const CONTENT_TYPE: &str = "application/problem+json";

/// A problem as the caller receives it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// `urn:jobmap:problem:{code}`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Stable machine-readable code, e.g. `not_found`, `invalid_body`, `rule_refused`.
    pub code: String,
    /// Short summary in the language of `Accept-Language`.
    pub title: String,
    pub status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// One entry per wrong field (bad input only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ProblemField>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProblemField {
    /// JSON pointer (RFC 6901) into the request body or query, e.g. `/rows/3/iin`.
    pub pointer: String,
    pub code: String,
    pub message: String,
}

/// Text said to the caller: a translated message from the domain, or plain text (serde's
/// description of a malformed body, which has no translation).
#[derive(Debug, Clone)]
pub enum Text {
    Message(Message),
    Plain(String),
}

impl Text {
    fn say(&self, i18n: &I18n) -> String {
        match self {
            Self::Message(m) => i18n.message(m),
            Self::Plain(s) => s.clone(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct FieldError {
    pub pointer: String,
    pub code: &'static str,
    pub message: Text,
}

/// What went wrong, before it is said in the caller's language.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub detail: Option<Text>,
    pub errors: Vec<FieldError>,
    /// Seconds, for 429 and 503.
    pub retry_after: Option<u64>,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.status.as_u16(), self.code)
    }
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str) -> Self {
        Self {
            status,
            code,
            detail: None,
            errors: Vec::new(),
            retry_after: None,
        }
    }

    pub fn detail(mut self, text: impl Into<String>) -> Self {
        self.detail = Some(Text::Plain(text.into()));
        self
    }

    pub fn message(mut self, message: Message) -> Self {
        self.detail = Some(Text::Message(message));
        self
    }

    pub fn field(mut self, pointer: impl Into<String>, code: &'static str, message: Text) -> Self {
        self.errors.push(FieldError {
            pointer: pointer.into(),
            code,
            message,
        });
        self
    }

    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found")
    }

    pub fn forbidden() -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden")
    }

    /// No usable bearer token: missing, malformed, unknown, expired or revoked (one answer for
    /// all, so a caller learns nothing about tokens it does not hold).
    pub fn unauthorized() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "unauthorized")
    }

    pub fn bad_request(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code).detail(detail)
    }

    /// Input that parses but breaks a rule or a field's format.
    pub fn unprocessable(code: &'static str) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, code)
    }

    pub fn too_many_requests(retry_after_secs: u64) -> Self {
        let mut e = Self::new(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
        e.retry_after = Some(retry_after_secs.max(1));
        e
    }

    /// A use case's refusal of one request: 422 with the domain's message.
    pub fn rule(message: Message) -> Self {
        Self::unprocessable("rule_refused").message(message)
    }

    /// A form's field problems as body fields: `/{field}` under `base` (`""` or `/rows/3`).
    pub fn fields(base: &str, problems: &[FieldProblem]) -> Self {
        problems
            .iter()
            .fold(Self::unprocessable("invalid_fields"), |e, p| {
                e.field(
                    pointer(base, p.field),
                    "invalid",
                    Text::Message(p.message.clone()),
                )
            })
    }

    /// The problem as sent, in `language`.
    pub fn to_problem(&self, language: Language) -> Problem {
        let i18n = I18n::new(language);
        Problem {
            kind: format!("urn:jobmap:problem:{}", self.code),
            code: self.code.to_owned(),
            title: title(&i18n, self.code, self.status),
            status: self.status.as_u16(),
            detail: self.detail.as_ref().map(|d| d.say(&i18n)),
            errors: self
                .errors
                .iter()
                .map(|e| ProblemField {
                    pointer: e.pointer.clone(),
                    code: e.code.to_owned(),
                    message: e.message.say(&i18n),
                })
                .collect(),
        }
    }

    /// The response in `language`.
    pub fn respond(&self, language: Language) -> HttpResponse {
        let mut builder = HttpResponse::build(self.status);
        builder.content_type(CONTENT_TYPE);
        if let Some(secs) = self.retry_after {
            builder.insert_header((header::RETRY_AFTER, secs.to_string()));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            builder.insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"jobmap\""));
        }
        let body = serde_json::to_vec(&self.to_problem(language)).unwrap_or_default();
        let mut response = builder.body(body);
        response.extensions_mut().insert(self.clone());
        response
    }
}

/// `base` + `/field`, escaped as RFC 6901 asks.
pub fn pointer(base: &str, field: &str) -> String {
    format!("{base}/{}", field.replace('~', "~0").replace('/', "~1"))
}

fn title(i18n: &I18n, code: &str, status: StatusCode) -> String {
    i18n.try_t(&format!("api-problem-{}", code.replace('_', "-")))
        .or_else(|| i18n.try_t(&format!("api-problem-status-{}", status.as_u16())))
        .unwrap_or_else(|| status.canonical_reason().unwrap_or("Error").to_owned())
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    /// In English; [`layer`] says it again in the caller's language.
    fn error_response(&self) -> HttpResponse {
        self.respond(Language::En)
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::NotFound => Self::not_found(),
            AppError::Forbidden | AppError::CsrfRejected => Self::forbidden(),
            // No page sends an API caller to sign in: a missing token is the only way here.
            AppError::SignInRequired { .. } => Self::unauthorized(),
            AppError::BadRequest(reason) => {
                tracing::info!(%reason, "bad API request");
                Self::new(StatusCode::BAD_REQUEST, "bad_request")
            }
            AppError::TooManyRequests => {
                let mut e = Self::new(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
                e.retry_after = Some(60);
                e
            }
            AppError::Unavailable(reason) => {
                tracing::error!(%reason, "service unavailable");
                let mut e = Self::new(StatusCode::SERVICE_UNAVAILABLE, "unavailable");
                e.retry_after = Some(5);
                e
            }
            AppError::Internal(err) => {
                tracing::error!(error = %format!("{err:#}"), "internal error");
                Self::new(StatusCode::INTERNAL_SERVER_ERROR, "internal")
            }
        }
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(e: diesel::result::Error) -> Self {
        AppError::from(e).into()
    }
}

/// The caller's language: `Accept-Language` only (an API caller has no account language and
/// its cookies mean nothing here); English when it names none of ours.
pub fn language(req: &HttpRequest) -> Language {
    language_of(
        req.headers()
            .get(ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or(""),
    )
}

/// The same, from the header's value.
pub fn language_of(accept_language: &str) -> Language {
    Language::negotiate(accept_language).unwrap_or(Language::En)
}

/// The code of an error response that carries no problem of its own (actix's 404, 405, 413 …).
fn code_for(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        406 => "not_acceptable",
        413 => "body_too_large",
        415 => "unsupported_media_type",
        429 => "rate_limited",
        503 => "unavailable",
        s if s >= 500 => "internal",
        _ => "client_error",
    }
}

/// Middleware around the API: problems in the caller's language, every error a problem.
/// Successful answers to a token get `Cache-Control: no-store` unless they say otherwise.
pub async fn layer(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let lang = language(req.request());
    // Every write needs a token: one without (a browser's cookie-only request, say) is
    // refused here, before routing could tell it anything else.
    if !req.method().is_safe() && !req.headers().contains_key(header::AUTHORIZATION) {
        let response = ApiError::unauthorized().respond(lang);
        let mut response = response;
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        return Ok(req.into_response(response));
    }
    if let Some(refused) = nul_in_uri(req.request()) {
        return Ok(req.into_response(refused.respond(lang)));
    }
    // No clone of the request may be held across the call (inner routing needs it unshared);
    // an error that escapes as `Err` is answered as a problem on its own response.
    let res = match next.call(req).await {
        Ok(res) => res.map_into_boxed_body(),
        Err(e) => {
            let status = e.as_response_error().status_code();
            let response = ApiError::new(status, code_for(status)).respond(lang);
            return Err(actix_web::error::InternalError::from_response(e, response).into());
        }
    };
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return Ok(res);
    }
    if res.response().extensions().get::<Said>().is_some() {
        // An answer kept for an Idempotency-Key is sent again byte for byte.
        let mut res = res;
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        return Ok(res);
    }
    let problem = res.response().extensions().get::<ApiError>().cloned();
    let problem = match problem {
        Some(p) => p,
        None => {
            let mut p = ApiError::new(status, code_for(status));
            p.retry_after = res
                .headers()
                .get(header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse().ok());
            p
        }
    };
    let allow = res.headers().get(header::ALLOW).cloned();
    let (req, _) = res.into_parts();
    let mut response = problem.respond(lang);
    if let Some(allow) = allow {
        response.headers_mut().insert(header::ALLOW, allow);
    }
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(ServiceResponse::new(req, response))
}

/// A NUL character (`%00`) names no record and filters nothing, and PostgreSQL cannot compare
/// text with it: refused before any handler passes it to a query.
fn nul_in_uri(req: &HttpRequest) -> Option<ApiError> {
    let has_nul = |s: &str| s.to_ascii_lowercase().contains("%00");
    if has_nul(req.uri().path()) {
        Some(ApiError::not_found())
    } else if req.uri().query().is_some_and(has_nul) {
        Some(ApiError::bad_request(
            "invalid_query",
            "the query may not contain the NUL character (%00)",
        ))
    } else {
        None
    }
}

/// Marks a response whose problem is said already, in the words it must keep: [`layer`]
/// leaves it as it is (`api::write` answers a retried write with the first answer's bytes).
#[derive(Debug, Clone, Copy)]
pub struct Said;

/// Anything under `/api/` that no route matches.
pub async fn not_found() -> Result<HttpResponse, ApiError> {
    Err(ApiError::not_found())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_are_escaped() {
        assert_eq!(pointer("/rows/3", "iin"), "/rows/3/iin");
        assert_eq!(pointer("", "a/b~c"), "/a~1b~0c");
    }

    #[test]
    fn titles_follow_the_language_and_the_code_is_stable() {
        let e = ApiError::not_found();
        let en = e.to_problem(Language::En);
        let ru = e.to_problem(Language::Ru);
        assert_eq!(en.code, "not_found");
        assert_eq!(en.kind, "urn:jobmap:problem:not_found");
        assert_ne!(en.title, ru.title);
        assert_eq!(en.status, 404);
    }

    #[test]
    fn a_rule_refusal_is_422_with_its_message() {
        let e = ApiError::rule(Message::new("api-problem-not-found"));
        assert_eq!(e.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(e.to_problem(Language::En).detail.is_some());
    }
}
