//! CSRF protection: every non-GET request must carry the token of the session it comes from,
//! as the `csrf_token` form field or the `X-CSRF-Token` header; otherwise 403 with a page that
//! explains. Signed-in users' tokens live in their server-side session (a new one at each
//! sign-in). Visitors who are not signed in (the login form, the language switch) get theirs in
//! a signed cookie, so public pages cost no session row. Uploads (multipart bodies) go through
//! `upload_gate` first, which refuses them from the headers alone where they do not belong.

use actix_session::SessionExt;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::cookie::{Cookie, CookieJar, Key, SameSite};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{CONTENT_TYPE, RETRY_AFTER};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpResponse, ResponseError, web};
use rand::Rng;
use rand::distr::Alphanumeric;
use subtle::ConstantTimeEq;

use super::upload_gate::{self, UploadPermit, UploadSlots};
use super::{CurrentUser, SESSION_CSRF};
use crate::config::Config;
use crate::error::{AppError, ErrorDetail};

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

/// Whether a multipart body may be read at all: only on an upload form, only from a
/// signed-in user whose role imports there, and only while an upload place is free. Decided from the headers, so a
/// refused body is never read.
fn admit_upload(req: &ServiceRequest) -> Result<UploadPermit, Box<HttpResponse>> {
    if !upload_gate::is_upload_path(req.path()) {
        return Err(Box::new(HttpResponse::UnsupportedMediaType().finish()));
    }
    let role = req.extensions().get::<CurrentUser>().map(|u| u.role);
    match role {
        None => {
            return Err(Box::new(
                AppError::SignInRequired {
                    next: req.path().to_owned(),
                }
                .error_response(),
            ));
        }
        Some(role) if !upload_gate::may_upload(req.path(), role) => {
            return Err(Box::new(AppError::Forbidden.error_response()));
        }
        Some(_) => {}
    }
    let slots = req
        .app_data::<web::Data<UploadSlots>>()
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("upload slots not configured")))
        .map_err(|e| Box::new(e.error_response()))?;
    UploadSlots::try_take(slots).ok_or_else(|| {
        tracing::warn!(path = %req.path(), "upload refused: every upload place is taken");
        let mut busy = HttpResponse::ServiceUnavailable()
            .insert_header((RETRY_AFTER, "30"))
            .finish();
        busy.extensions_mut()
            .insert(ErrorDetail("error-503-uploads-busy"));
        Box::new(busy)
    })
}

/// The token the request sent, reading (and putting back) a form body, or a multipart body's
/// first part, if needed.
async fn submitted(req: &mut ServiceRequest) -> Result<Option<String>, actix_web::Error> {
    if let Some(value) = req.headers().get(HEADER) {
        return Ok(value.to_str().ok().map(str::to_owned));
    }
    if upload_gate::is_multipart(req) {
        return Ok(upload_gate::first_part_token(req).await);
    }
    let content_type = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
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
    // The API authenticates by bearer token only, so there is no session to forge requests
    // with: a cookie-only request there is refused as unauthenticated (401) by the API itself.
    if crate::api::is_token_path(req.path()) {
        return Ok(next.call(req).await?.map_into_left_body());
    }
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
    // An upload's place is held until its handler has finished with the file.
    let mut _upload: Option<UploadPermit> = None;
    if !req.method().is_safe() {
        if upload_gate::is_multipart(&req) {
            match admit_upload(&req) {
                Ok(permit) => _upload = Some(permit),
                Err(refusal) => return Ok(req.into_response(*refusal).map_into_right_body()),
            }
        }
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
