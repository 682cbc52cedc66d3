//! One error type for every handler. Its response carries only a status; the `ErrorHandlers`
//! middleware in `routes::error_page` renders the page in the user's language, so actix's own
//! errors (a malformed form, an oversized body, an unknown route) get the same page.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

/// Set on an error response to replace the generic explanation with a more specific one
/// (a translation key). It lives here, not with the page renderer, so that what raises errors
/// (the CSRF guard among them) does not depend on the pages that show them.
#[derive(Debug, Clone, Copy)]
pub struct ErrorDetail(pub &'static str);

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The record does not exist or lies outside the user's scope: the two look the same.
    #[error("not found")]
    NotFound,
    /// The user is signed in but their role may not do this.
    #[error("forbidden")]
    Forbidden,
    /// The user must sign in first; they come back to `next` afterwards.
    #[error("sign-in required")]
    SignInRequired { next: String },
    /// A state-changing request without this session's CSRF token.
    #[error("CSRF token missing or wrong")]
    CsrfRejected,
    /// The request is malformed; the text is for the log, never shown.
    #[error("bad request: {0}")]
    BadRequest(String),
    /// The database is unreachable or the pool is exhausted.
    #[error("service unavailable: {0}")]
    Unavailable(String),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        match e {
            diesel::result::Error::NotFound => Self::NotFound,
            other => Self::Internal(anyhow::Error::new(other).context("database query")),
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::SignInRequired { .. } => StatusCode::SEE_OTHER,
            Self::CsrfRejected => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Self::Internal(e) => tracing::error!(error = ?e, "internal error"),
            Self::Unavailable(e) => tracing::error!(error = %e, "service unavailable"),
            Self::BadRequest(e) => tracing::info!(reason = %e, "bad request"),
            Self::NotFound | Self::Forbidden | Self::SignInRequired { .. } | Self::CsrfRejected => {
            }
        }
        let mut response = HttpResponse::build(self.status_code());
        match self {
            Self::SignInRequired { next } => {
                let query = serde_urlencoded::to_string([("next", next)]).unwrap_or_default();
                let target = format!("/login?{query}");
                response.insert_header((actix_web::http::header::LOCATION, target));
            }
            Self::CsrfRejected => {
                let mut r = response.finish();
                r.extensions_mut().insert(ErrorDetail("error-403-csrf"));
                return r;
            }
            _ => {}
        }
        response.finish()
    }
}
