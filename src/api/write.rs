//! What every API write shares: the body (read once, parsed strictly, and fingerprinted for
//! its `Idempotency-Key`), the version an update is based on (`If-Match`), and the answer,
//! built inside the write's transaction and kept with the key so that a retry gets it again
//! byte for byte (`db::idempotency::once`).
//!
//! A handler takes a [`Write<T>`] and the [`ApiCaller`], and calls [`perform`] with a closure
//! that calls the use case and turns its result into an [`Answer`]. A refusal (4xx) is an
//! answer too, kept like a success: the retry of a refused request is refused the same way.
//! Only a failure the client cannot be blamed for (5xx) leaves the key unused.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::{FromRequest, HttpRequest, HttpResponse, web};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::caller::ApiCaller;
use super::json;
use super::problem::{self, ApiError, Said};
use crate::db::idempotency::{self, Once, StoredResponse};
use crate::db::{Db, DbConnection, account_users};
use crate::domain::idempotency::{Fingerprint, KeyProblem, check_key};
use crate::domain::language::Language;
use crate::domain::version::{Precondition, PreconditionProblem, precondition};
use crate::usecase::acting::{Acting, ActingKind};

pub const IDEMPOTENCY_KEY: &str = "idempotency-key";
/// Set on an answer given again for a retried key.
pub const REPLAYED: &str = "idempotent-replayed";

/// A write's body and what the request says about it.
#[derive(Debug)]
pub struct Write<T> {
    pub body: T,
    key: Option<String>,
    fingerprint: Fingerprint,
    language: Language,
    if_match: Option<String>,
    if_none_match: Option<String>,
}

fn header_text(req: &HttpRequest, name: impl header::AsHeaderName) -> Option<String> {
    req.headers().get(name).map(|v| {
        v.to_str()
            .map(str::to_owned)
            .unwrap_or_else(|_| "\u{fffd}".into())
    })
}

fn key_problem(p: KeyProblem) -> ApiError {
    let why = match p {
        KeyProblem::Empty => "is empty",
        KeyProblem::TooLong => "is longer than 255 characters",
        KeyProblem::Characters => "may hold only visible ASCII characters",
    };
    ApiError::bad_request("bad_idempotency_key", format!("the Idempotency-Key {why}"))
}

impl<T: DeserializeOwned + 'static> FromRequest for Write<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let key = header_text(req, IDEMPOTENCY_KEY);
        let method = req.method().as_str().to_owned();
        let path = req
            .uri()
            .path_and_query()
            .map_or_else(|| req.path().to_owned(), |p| p.as_str().to_owned());
        let language = problem::language(req);
        let if_match = header_text(req, header::IF_MATCH);
        let if_none_match = header_text(req, header::IF_NONE_MATCH);
        let body = json::read_body(req, payload);
        Box::pin(async move {
            let key = match key {
                Some(k) => Some(check_key(&k).map_err(key_problem)?.to_owned()),
                None => None,
            };
            let bytes = body.await?;
            let parsed = json::parse::<T>(&bytes)?;
            Ok(Write {
                body: parsed,
                key,
                fingerprint: Fingerprint::of(&method, &path, &bytes),
                language,
                if_match,
                if_none_match,
            })
        })
    }
}

impl<T> Write<T> {
    /// The version an update is based on; `absent_allowed` for a `PUT` that may create.
    pub fn precondition(&self, absent_allowed: bool) -> Result<Precondition, ApiError> {
        precondition(
            self.if_match.as_deref(),
            self.if_none_match.as_deref(),
            absent_allowed,
        )
        .map_err(|p| match p {
            PreconditionProblem::Missing => {
                ApiError::new(StatusCode::PRECONDITION_REQUIRED, "precondition_required").detail(
                    "send If-Match with the ETag of the record as you read it, so that a change \
                     made meanwhile is not overwritten",
                )
            }
            PreconditionProblem::NotOneTag => ApiError::bad_request(
                "bad_precondition",
                "If-Match must be exactly one ETag, as a read of the record returned it",
            ),
        })
    }

    pub fn language(&self) -> Language {
        self.language
    }
}

/// An answer as it will be sent (and kept, under a key).
#[derive(Debug, Clone)]
pub struct Answer(StoredResponse);

impl Answer {
    pub fn json<B: Serialize>(status: StatusCode, body: &B) -> Self {
        Self(StoredResponse {
            status: status.as_u16(),
            content_type: "application/json".into(),
            headers: Vec::new(),
            body: serde_json::to_string(body).unwrap_or_default(),
        })
    }

    /// A refusal, said in `language` now (a replay says it again in the same words).
    pub fn problem(e: &ApiError, language: Language) -> Self {
        let mut headers = Vec::new();
        if let Some(secs) = e.retry_after {
            headers.push((header::RETRY_AFTER.to_string(), secs.to_string()));
        }
        Self(StoredResponse {
            status: e.status.as_u16(),
            content_type: problem::CONTENT_TYPE.into(),
            headers,
            body: serde_json::to_string(&e.to_problem(language)).unwrap_or_default(),
        })
    }

    /// A problem with members of its own beside the standard ones (a batch's rows).
    pub fn problem_with<X: Serialize>(e: &ApiError, language: Language, extra: &X) -> Self {
        let mut answer = Self::problem(e, language);
        if let (Ok(serde_json::Value::Object(mut p)), Ok(serde_json::Value::Object(x))) = (
            serde_json::to_value(e.to_problem(language)),
            serde_json::to_value(extra),
        ) {
            p.extend(x);
            answer.0.body = serde_json::Value::Object(p).to_string();
        }
        answer
    }

    pub fn header(mut self, name: HeaderName, value: impl Into<String>) -> Self {
        self.0.headers.push((name.to_string(), value.into()));
        self
    }

    pub fn etag(self, version: i32) -> Self {
        self.header(header::ETAG, crate::domain::version::etag(version))
    }
}

/// Runs `write` once for the request's key (or once, without a key), inside the transaction
/// that keeps its answer (on SQLite, a savepoint of the group commit's), and sends the answer.
pub async fn perform<T, F>(
    db: &Db,
    caller: &ApiCaller,
    request: &Write<T>,
    write: F,
) -> Result<HttpResponse, ApiError>
where
    F: FnOnce(&mut DbConnection, &Acting) -> Result<Answer, ApiError> + Send + 'static,
{
    let acting = caller.acting.clone();
    let (key, fingerprint, language) = (
        request.key.clone(),
        request.fingerprint.clone(),
        request.language,
    );
    let outcome = db
        .run_write(move |conn| {
            Ok(idempotency::once(
                conn,
                &acting.id,
                key.as_deref(),
                &fingerprint,
                |conn| -> Result<StoredResponse, ApiError> {
                    if acting.kind == ActingKind::ServiceAccount {
                        account_users::ensure(
                            conn,
                            &acting.id,
                            &acting.login,
                            acting.role,
                            &acting.scope,
                        )?;
                    }
                    match write(conn, &acting) {
                        Ok(answer) => Ok(answer.0),
                        Err(e) if e.status.is_client_error() => Ok(Answer::problem(&e, language).0),
                        Err(e) => Err(e),
                    }
                },
            ))
        })
        .await??;
    match outcome {
        Once::Performed(answer) => Ok(send(answer, false)),
        Once::Replayed(answer) => Ok(send(answer, true)),
        Once::Conflict => Err(ApiError::unprocessable("idempotency_key_reused").detail(
            "this Idempotency-Key was used with another request (method, path or body); \
             use a new key for a new request",
        )),
        Once::InProgress => {
            let mut e = ApiError::new(StatusCode::CONFLICT, "idempotency_key_in_progress")
                .detail("the first request with this Idempotency-Key is still being processed");
            e.retry_after = Some(1);
            Err(e)
        }
    }
}

fn send(answer: StoredResponse, replayed: bool) -> HttpResponse {
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut builder = HttpResponse::build(status);
    builder.content_type(answer.content_type);
    for (name, value) in answer.headers {
        if let (Ok(n), Ok(v)) = (
            HeaderName::try_from(name.as_str()),
            HeaderValue::try_from(value.as_str()),
        ) {
            builder.insert_header((n, v));
        }
    }
    if replayed {
        builder.insert_header((HeaderName::from_static(REPLAYED), "true"));
    }
    let mut response = builder.body(web::Bytes::from(answer.body));
    // Said in the caller's language already, and to be sent again in the same words.
    response.extensions_mut().insert(Said);
    response
}

/// The record changed since the version `If-Match` named (rule 8): nothing was written.
pub fn stale() -> ApiError {
    ApiError::new(StatusCode::PRECONDITION_FAILED, "stale_version").detail(
        "the record changed since the version in If-Match: read it again and decide on what it \
         says now",
    )
}
