//! CSRF protection: every non-GET request must carry the token of the session it comes from,
//! as the `csrf_token` form field or the `X-CSRF-Token` header; otherwise 403 with a page that
//! explains. Signed-in users' tokens live in their server-side session (a new one at each
//! sign-in). Visitors who are not signed in (the login form, the language switch) get theirs in
//! a signed cookie, so public pages cost no session row.

use actix_multipart::Multipart;
use actix_session::SessionExt;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::cookie::{Cookie, CookieJar, Key, SameSite};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::error::PayloadError;
use actix_web::http::header::CONTENT_TYPE;
use actix_web::middleware::Next;
use actix_web::{HttpMessage, web};
use futures_util::StreamExt;
use rand::Rng;
use rand::distr::Alphanumeric;
use subtle::ConstantTimeEq;

use super::{CurrentUser, SESSION_CSRF};
use crate::config::Config;
use crate::error::AppError;

pub const FIELD: &str = "csrf_token";
pub const HEADER: &str = "x-csrf-token";
const VISITOR_COOKIE: &str = "jobmap_csrf";

/// The token forms on this page must carry; `PageCtx` puts it in every form.
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

/// The key that signs visitors' token cookies.
#[derive(Clone)]
pub struct CookieKey(pub Key);

pub fn new_token() -> String {
    rand::rng()
        .sample_iter(&Alphanumeric)
        .take(43)
        .map(char::from)
        .collect()
}

fn visitor_token(req: &ServiceRequest, key: &Key) -> Option<String> {
    let mut jar = CookieJar::new();
    jar.add_original(req.cookie(VISITOR_COOKIE)?);
    jar.signed(key)
        .get(VISITOR_COOKIE)
        .map(|c| c.value().to_owned())
}

fn visitor_cookie(token: &str, key: &Key, secure: bool) -> Option<Cookie<'static>> {
    let mut jar = CookieJar::new();
    jar.signed_mut(key).add(
        Cookie::build(VISITOR_COOKIE, token.to_owned())
            .path("/")
            .http_only(true)
            .same_site(SameSite::Lax)
            .secure(secure)
            .finish(),
    );
    jar.get(VISITOR_COOKIE).cloned()
}

/// Largest upload (multipart body) read here; a handler may set a smaller limit of its own.
pub const MULTIPART_LIMIT: usize = 32 * 1024 * 1024;

async fn read_body(req: &mut ServiceRequest, limit: usize) -> Result<web::Bytes, actix_web::Error> {
    let mut payload = req.take_payload();
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk?;
        if body.len() + chunk.len() > limit {
            return Err(actix_web::error::ErrorPayloadTooLarge("upload too large"));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

/// The `csrf_token` part of a multipart body (forms put it first, so this stops early).
async fn multipart_token(req: &ServiceRequest, body: web::Bytes) -> Option<String> {
    let stream = futures_util::stream::once(async move { Ok::<_, PayloadError>(body) });
    let mut parts = Multipart::new(req.headers(), stream);
    while let Some(Ok(mut field)) = parts.next().await {
        let is_token = field.name() == Some(FIELD);
        let mut value = Vec::new();
        while let Some(Ok(chunk)) = field.next().await {
            if is_token {
                value.extend_from_slice(&chunk);
            }
        }
        if is_token {
            return String::from_utf8(value).ok();
        }
    }
    None
}

/// The token the request sent, reading (and putting back) a form or multipart body if needed.
async fn submitted(req: &mut ServiceRequest) -> Result<Option<String>, actix_web::Error> {
    if let Some(value) = req.headers().get(HEADER) {
        return Ok(value.to_str().ok().map(str::to_owned));
    }
    let content_type = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    if content_type.starts_with("multipart/form-data") {
        let body = read_body(req, MULTIPART_LIMIT).await?;
        let token = multipart_token(req, body.clone()).await;
        req.set_payload(Payload::from(body));
        return Ok(token);
    }
    let is_form = content_type.starts_with("application/x-www-form-urlencoded");
    if !is_form {
        return Ok(None);
    }
    // Over the limit, this fails with 413 before any handler runs.
    let body = req.extract::<web::Bytes>().await?;
    let token = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&body)
        .ok()
        .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == FIELD).map(|(_, v)| v));
    req.set_payload(Payload::from(body));
    Ok(token)
}

/// Refusals are returned as responses, not errors, so the error-page renderer around this
/// middleware turns them into pages.
pub async fn guard<B: MessageBody + 'static>(
    mut req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B>>, actix_web::Error> {
    let key = req
        .app_data::<web::Data<CookieKey>>()
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("cookie key not configured")))?
        .0
        .clone();
    let secure = req
        .app_data::<web::Data<Config>>()
        .is_some_and(|c| c.secure_cookies);
    let signed_in = req.extensions().contains::<CurrentUser>();
    let mut set_cookie = None;
    let expected = if signed_in {
        let session = req.get_session();
        match session.get::<String>(SESSION_CSRF).ok().flatten() {
            Some(token) => token,
            None => {
                let token = new_token();
                session.insert(SESSION_CSRF, &token)?;
                token
            }
        }
    } else {
        match visitor_token(&req, &key) {
            Some(token) => token,
            None => {
                let token = new_token();
                set_cookie = visitor_cookie(&token, &key, secure);
                token
            }
        }
    };
    req.extensions_mut().insert(CsrfToken(expected.clone()));
    if !req.method().is_safe() {
        let sent = match submitted(&mut req).await {
            Ok(sent) => sent.unwrap_or_default(),
            Err(e) => return Ok(req.error_response(e).map_into_right_body()),
        };
        if !bool::from(sent.as_bytes().ct_eq(expected.as_bytes())) || sent.is_empty() {
            tracing::warn!(path = %req.path(), signed_in, "request refused: CSRF token missing or wrong");
            return Ok(req
                .error_response(AppError::CsrfRejected)
                .map_into_right_body());
        }
    }
    let mut res = next.call(req).await?.map_into_left_body();
    if let Some(cookie) = set_cookie {
        res.response_mut().add_cookie(&cookie)?;
    }
    Ok(res)
}
