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

#[derive(thiserror::Error)]
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
    /// Too many attempts from one client (sign-in); try again after a minute.
    #[error("too many requests")]
    TooManyRequests,
    /// The database is unreachable or the pool is exhausted.
    #[error("service unavailable: {0}")]
    Unavailable(String),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

/// Written by hand so that an internal error prints its chain of causes on one line and never
/// the backtrace anyhow captures under `RUST_BACKTRACE=1`: tracing-actix-web records an
/// error's `Debug` form on the request's log line, and a backtrace there runs to hundreds of
/// kilobytes per 500.
impl std::fmt::Debug for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Internal(e) => write!(f, "Internal({e:#})"),
            Self::NotFound => f.write_str("NotFound"),
            Self::Forbidden => f.write_str("Forbidden"),
            Self::SignInRequired { next } => write!(f, "SignInRequired({next:?})"),
            Self::CsrfRejected => f.write_str("CsrfRejected"),
            Self::TooManyRequests => f.write_str("TooManyRequests"),
            Self::BadRequest(e) => write!(f, "BadRequest({e:?})"),
            Self::Unavailable(e) => write!(f, "Unavailable({e:?})"),
        }
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match e {
            Error::NotFound => Self::NotFound,
            Error::DatabaseError(DatabaseErrorKind::ClosedConnection, info) => {
                Self::Unavailable(format!("database connection lost: {}", info.message()))
            }
            Error::DatabaseError(_, ref info) if is_storage_refusal(info.message()) => {
                Self::Unavailable(format!("database refuses writes: {}", info.message()))
            }
            other => Self::Internal(anyhow::Error::new(other).context("database query")),
        }
    }
}

/// A write refused for lack of space or because the database is read-only: an outage of
/// the storage, not a fault in the request (SQLite and PostgreSQL wordings).
fn is_storage_refusal(message: &str) -> bool {
    [
        "database or disk is full",
        "readonly database",
        "read-only transaction",
        "No space left on device",
    ]
    .iter()
    .any(|m| message.contains(m))
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::SignInRequired { .. } => StatusCode::SEE_OTHER,
            Self::CsrfRejected => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Self::Internal(e) => tracing::error!(error = %format!("{e:#}"), "internal error"),
            Self::Unavailable(e) => tracing::error!(error = %e, "service unavailable"),
            Self::BadRequest(e) => tracing::info!(reason = %e, "bad request"),
            Self::NotFound
            | Self::Forbidden
            | Self::SignInRequired { .. }
            | Self::CsrfRejected
            | Self::TooManyRequests => {}
        }
        let mut response = HttpResponse::build(self.status_code());
        match self {
            Self::SignInRequired { next } => {
                let query = serde_urlencoded::to_string([("next", next)]).unwrap_or_default();
                let target = format!("/login?{query}");
                response.insert_header((actix_web::http::header::LOCATION, target));
            }
            Self::TooManyRequests => {
                response.insert_header((actix_web::http::header::RETRY_AFTER, "60"));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_internal_error_prints_its_causes_on_one_line_without_a_backtrace() {
        let e = AppError::Internal(anyhow::anyhow!("disk I/O error").context("database query"));
        let shown = format!("{e:?}");
        assert_eq!(shown, "Internal(database query: disk I/O error)");
    }

    #[test]
    fn a_full_disk_or_a_read_only_database_is_an_outage_not_a_fault() {
        let full = diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::Unknown,
            Box::new("database or disk is full".to_owned()),
        );
        assert_eq!(
            AppError::from(full).status_code(),
            StatusCode::SERVICE_UNAVAILABLE
        );
    }
}
