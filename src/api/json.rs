//! The API's JSON body extractor, strict where actix's `web::Json` is lenient: only
//! `application/json` (or a `+json` type), a size limit checked before and while reading, and
//! every refusal a problem naming the field by JSON pointer (`/rows/3/iin`). Request types
//! should say `#[serde(deny_unknown_fields)]`, so a misspelt field is refused, not ignored.
//!
//! malformed JSON → 400 `malformed_json`; wrong type, missing or unknown field → 422
//! `invalid_body`; too large → 413 `body_too_large`; another content type → 415
//! `unsupported_media_type`.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::StreamExt;
use serde::de::DeserializeOwned;

use super::problem::{ApiError, Text};

/// Largest body the API reads by default: a bulk request of 10,000 rows fits comfortably.
pub const DEFAULT_LIMIT_BYTES: usize = 16 * 1024 * 1024;

/// Routes whose bodies may be larger than the configured limit (path prefix, bytes): a
/// register batch of 100,000 rows of the widest register.
pub const LARGE_BODIES: &[(&str, usize)] = &[("/api/v1/registers/", 64 * 1024 * 1024)];

/// The body limit (`JOBMAP_API_BODY_LIMIT_BYTES`), put in the app's data at start.
#[derive(Debug, Clone, Copy)]
pub struct JsonLimit(pub usize);

/// A request body parsed from JSON; see the module comment for what is refused and how.
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

impl<T> ApiJson<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for ApiJson<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

fn is_json(req: &HttpRequest) -> bool {
    let Some(ct) = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

fn too_large(limit: usize) -> ApiError {
    ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "body_too_large")
        .detail(format!("the body is larger than {limit} bytes"))
}

impl<T: DeserializeOwned + 'static> FromRequest for ApiJson<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = read_body(req, payload);
        Box::pin(async move { parse(&body.await?).map(ApiJson) })
    }
}

/// The whole body, checked as the module comment says (type, size), without parsing it: for
/// a write that also needs the bytes themselves (the fingerprint of an `Idempotency-Key`).
pub fn read_body(
    req: &HttpRequest,
    payload: &mut Payload,
) -> impl Future<Output = Result<web::Bytes, ApiError>> + 'static {
    let limit = req
        .app_data::<JsonLimit>()
        .or_else(|| req.app_data::<web::Data<JsonLimit>>().map(|d| d.get_ref()))
        .map_or(DEFAULT_LIMIT_BYTES, |l| l.0);
    let limit = LARGE_BODIES
        .iter()
        .filter(|(prefix, _)| req.path().starts_with(prefix))
        .fold(limit, |l, (_, large)| l.max(*large));
    let json = is_json(req);
    let declared = req
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    let mut payload = payload.take();
    async move {
        if !json {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
            )
            .detail("send the body as application/json"));
        }
        if declared.is_some_and(|n| n > limit) {
            return Err(too_large(limit));
        }
        let mut body = web::BytesMut::new();
        while let Some(chunk) = payload.next().await {
            let chunk = chunk.map_err(|e| {
                ApiError::bad_request("bad_request", format!("the body could not be read: {e}"))
            })?;
            if body.len() + chunk.len() > limit {
                return Err(too_large(limit));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body.freeze())
    }
}

/// Parses a whole body, naming the wrong field by JSON pointer.
pub fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let mut de = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize::<_, T>(&mut de).map_err(|e| {
        let pointer = pointer_of(e.path());
        refusal(e.into_inner(), pointer)
    })?;
    de.end().map_err(|e| refusal(e, String::new()))?;
    if escapes_nul(body) {
        // PostgreSQL cannot store it in text: refused here rather than failing the write.
        return Err(ApiError::unprocessable("invalid_body")
            .detail("text may not contain the NUL character (\\u0000)"));
    }
    Ok(value)
}

/// Whether a string in the (well-formed) JSON holds `\u0000`.
fn escapes_nul(body: &[u8]) -> bool {
    let mut i = 0;
    while i < body.len() {
        if body[i] == b'\\' {
            if body[i + 1..].starts_with(b"u0000") {
                return true;
            }
            // The escaped character is not the start of another escape.
            i += 2;
        } else {
            i += 1;
        }
    }
    false
}

fn refusal(e: serde_json::Error, pointer: String) -> ApiError {
    use serde_json::error::Category;
    match e.classify() {
        Category::Data => ApiError::unprocessable("invalid_body").field(
            pointer,
            "invalid",
            Text::Plain(strip_position(&e.to_string())),
        ),
        Category::Syntax | Category::Eof | Category::Io => {
            ApiError::bad_request("malformed_json", e.to_string())
        }
    }
}

/// serde_json ends a data error with " at line 1 column 42"; the pointer says where better.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

/// A serde path as an RFC 6901 pointer: `rows[3].iin` → `/rows/3/iin`.
fn pointer_of(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|segment| match segment {
            Segment::Seq { index } => Some(index.to_string()),
            Segment::Map { key } => Some(key.clone()),
            Segment::Enum { variant } => Some(variant.clone()),
            Segment::Unknown => None,
        })
        .fold(String::new(), |acc, s| super::problem::pointer(&acc, &s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Row {
        iin: String,
        wage: i64,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Bulk {
        rows: Vec<Row>,
    }

    #[test]
    fn a_wrong_type_names_its_field() {
        let body = br#"{"rows":[{"iin":"1","wage":1},{"iin":"2","wage":"x"}]}"#;
        let e = parse::<Bulk>(body).unwrap_err();
        assert_eq!(e.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(e.errors[0].pointer, "/rows/1/wage");
    }

    #[test]
    fn an_unknown_field_is_refused() {
        let body = br#"{"rows":[{"iin":"1","wage":1,"extra":true}]}"#;
        let e = parse::<Bulk>(body).unwrap_err();
        assert_eq!(e.code, "invalid_body");
        assert!(e.errors[0].pointer.starts_with("/rows/0"), "{:?}", e.errors);
    }

    #[test]
    fn a_nul_character_in_a_string_is_refused_and_an_escaped_backslash_is_not_one() {
        let e = parse::<Bulk>(br#"{"rows":[{"iin":"1\u0000","wage":1}]}"#).unwrap_err();
        assert_eq!(e.code, "invalid_body");
        assert!(parse::<Bulk>(br#"{"rows":[{"iin":"1\\u0000","wage":1}]}"#).is_ok());
    }

    #[test]
    fn malformed_json_is_400() {
        let e = parse::<Bulk>(b"{\"rows\": [").unwrap_err();
        assert_eq!(e.status, StatusCode::BAD_REQUEST);
        assert_eq!(e.code, "malformed_json");
        let e = parse::<Bulk>(br#"{"rows":[]} trailing"#).unwrap_err();
        assert_eq!(e.code, "malformed_json");
    }
}
