//! Multipart bodies (file uploads) are let in only where an upload belongs, only from a
//! signed-in user and only a few at a time, and their CSRF token is found without holding the
//! file in memory: it must be the first part (the import forms put it first), and everything
//! read to find it is handed on unchanged to the handler.
//!
//! Anything else is refused from the headers alone, before a byte of the body is read: a
//! visitor cannot make the server hold an upload.

use std::cell::RefCell;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll};

use actix_multipart::Multipart;
use actix_web::HttpMessage;
use actix_web::dev::{Payload, ResourceDef, ServiceRequest};
use actix_web::error::PayloadError;
use actix_web::http::header::CONTENT_TYPE;
use actix_web::web::{self, Bytes};
use futures_util::{Stream, StreamExt};

use super::csrf::FIELD;
use crate::domain::role::Role;

/// The forms that send a file. `routes::configure` registers them under these paths.
pub const PROJECT_IMPORT: &str = "/projects/import";
pub const HIRE_IMPORT: &str = "/contracts/{id}/jobs/import";
pub const CONTRACT_IMPORT: &str = "/contracts/import";
pub const LINE_IMPORT: &str = "/contracts/{id}/procurement/import";
pub const PLAN_IMPORT: &str = "/plans/import";
/// A register batch (issue 15), loaded by admins and commission members.
pub const REGISTER_LOAD: &str = "/registers/load";

static PROJECT_IMPORT_PATH: LazyLock<ResourceDef> =
    LazyLock::new(|| ResourceDef::new(PROJECT_IMPORT));
static HIRE_IMPORT_PATH: LazyLock<ResourceDef> = LazyLock::new(|| ResourceDef::new(HIRE_IMPORT));
static CONTRACT_IMPORT_PATH: LazyLock<ResourceDef> =
    LazyLock::new(|| ResourceDef::new(CONTRACT_IMPORT));
static LINE_IMPORT_PATH: LazyLock<ResourceDef> = LazyLock::new(|| ResourceDef::new(LINE_IMPORT));
static PLAN_IMPORT_PATH: LazyLock<ResourceDef> = LazyLock::new(|| ResourceDef::new(PLAN_IMPORT));

/// Whether `path` is one of the upload forms.
pub fn is_upload_path(path: &str) -> bool {
    PROJECT_IMPORT_PATH.is_match(path)
        || HIRE_IMPORT_PATH.is_match(path)
        || CONTRACT_IMPORT_PATH.is_match(path)
        || LINE_IMPORT_PATH.is_match(path)
        || PLAN_IMPORT_PATH.is_match(path)
        || path == REGISTER_LOAD
}

/// Whether someone in `role` may send a file to `path` at all (the handler still checks the
/// project or contract). Projects, contracts and plans are imported by akimat officers; hires
/// and procurement lines by officers and contractors.
pub fn may_upload(path: &str, role: Role) -> bool {
    if PROJECT_IMPORT_PATH.is_match(path)
        || CONTRACT_IMPORT_PATH.is_match(path)
        || PLAN_IMPORT_PATH.is_match(path)
    {
        role == Role::Akimat
    } else if HIRE_IMPORT_PATH.is_match(path) || LINE_IMPORT_PATH.is_match(path) {
        matches!(role, Role::Akimat | Role::Contractor)
    } else if path == REGISTER_LOAD {
        matches!(role, Role::Admin | Role::Commission)
    } else {
        false
    }
}

pub fn is_multipart(req: &ServiceRequest) -> bool {
    req.headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| {
            ct.trim_start()
                .to_ascii_lowercase()
                .starts_with("multipart/")
        })
}

/// How many uploads this process receives at once. An import holds its file in memory (up
/// to 30 MiB for hires), so the number of them, not the number of visitors, bounds memory.
pub struct UploadSlots {
    max: usize,
    busy: AtomicUsize,
}

/// One upload's place; given back when the request is done.
pub struct UploadPermit(web::Data<UploadSlots>);

impl UploadSlots {
    pub fn new(max: usize) -> Self {
        Self {
            max: max.max(1),
            busy: AtomicUsize::new(0),
        }
    }

    /// A place, or `None` when every one is taken (the user is asked to try again shortly).
    pub fn try_take(slots: &web::Data<Self>) -> Option<UploadPermit> {
        let mut busy = slots.busy.load(Ordering::Acquire);
        loop {
            if busy >= slots.max {
                return None;
            }
            match slots.busy.compare_exchange_weak(
                busy,
                busy + 1,
                Ordering::AcqRel,
                Ordering::Acquire,
            ) {
                Ok(_) => return Some(UploadPermit(slots.clone())),
                Err(now) => busy = now,
            }
        }
    }
}

impl Drop for UploadPermit {
    fn drop(&mut self) {
        self.0.busy.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Read ahead at most this much to find the token; a browser's token part is about 200 bytes.
/// The multipart reader takes all it is offered, so it is offered no more than this and then
/// an end of body: a first part that does not end by then is not a token.
const LOOKAHEAD_LIMIT: usize = 16 * 1024;
/// Tokens are 43 characters; anything much longer is not one.
const TOKEN_LIMIT: usize = 256;

/// The request's body, shared between the multipart reader that looks for the token and
/// the code that hands it on, with every chunk read so far.
struct Tap {
    rest: Option<Payload>,
    seen: Vec<Bytes>,
    seen_len: usize,
    /// The part of a chunk past the look-ahead limit, not shown to the reader.
    held_back: Option<Bytes>,
}

struct Recording(Rc<RefCell<Tap>>);

impl Stream for Recording {
    type Item = Result<Bytes, PayloadError>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let mut tap = self.0.borrow_mut();
        if tap.seen_len >= LOOKAHEAD_LIMIT {
            return Poll::Ready(None);
        }
        let Some(rest) = tap.rest.as_mut() else {
            return Poll::Ready(None);
        };
        match Pin::new(rest).poll_next(cx) {
            Poll::Ready(Some(Ok(mut chunk))) => {
                let room = LOOKAHEAD_LIMIT - tap.seen_len;
                if chunk.len() > room {
                    tap.held_back = Some(chunk.split_off(room));
                }
                tap.seen_len += chunk.len();
                tap.seen.push(chunk.clone());
                Poll::Ready(Some(Ok(chunk)))
            }
            other => other,
        }
    }
}

/// The value of the body's first part if it is the `csrf_token` field; `None` otherwise.
/// The body is put back as it came, so the handler reads the whole upload.
pub async fn first_part_token(req: &mut ServiceRequest) -> Option<String> {
    let tap = Rc::new(RefCell::new(Tap {
        rest: Some(req.take_payload()),
        seen: Vec::new(),
        seen_len: 0,
        held_back: None,
    }));
    let token = {
        let mut parts = Multipart::new(req.headers(), Recording(tap.clone()));
        read_token(&mut parts).await
    };
    let (mut seen, rest) = {
        let mut tap = tap.borrow_mut();
        let held_back = tap.held_back.take();
        let mut seen = std::mem::take(&mut tap.seen);
        seen.extend(held_back);
        (seen, tap.rest.take())
    };
    if let Some(rest) = rest {
        seen.retain(|chunk| !chunk.is_empty());
        let replay = futures_util::stream::iter(seen.into_iter().map(Ok)).chain(rest);
        let boxed: Pin<Box<dyn Stream<Item = Result<Bytes, PayloadError>>>> = Box::pin(replay);
        req.set_payload(Payload::from(boxed));
    }
    token
}

async fn read_token(parts: &mut Multipart) -> Option<String> {
    let mut field = parts.next().await?.ok()?;
    if field.name() != Some(FIELD) {
        return None;
    }
    let mut value = Vec::new();
    while let Some(chunk) = field.next().await {
        value.extend_from_slice(&chunk.ok()?);
        if value.len() > TOKEN_LIMIT {
            return None;
        }
    }
    String::from_utf8(value).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_import_forms_take_uploads() {
        assert!(is_upload_path("/projects/import"));
        assert!(is_upload_path("/contracts/0193-abc/jobs/import"));
        for path in [
            "/login",
            "/projects",
            "/projects/import/template.csv",
            "/contracts/x/jobs",
            "/contracts/x/y/jobs/import",
        ] {
            assert!(!is_upload_path(path), "{path}");
        }
    }

    #[test]
    fn only_those_who_import_may_send_files() {
        assert!(may_upload("/projects/import", Role::Akimat));
        assert!(!may_upload("/projects/import", Role::Contractor));
        assert!(may_upload("/contracts/c1/jobs/import", Role::Contractor));
        assert!(!may_upload("/contracts/c1/jobs/import", Role::Commission));
        assert!(!may_upload("/login", Role::Admin));
    }

    #[test]
    fn slots_are_given_back() {
        let slots = web::Data::new(UploadSlots::new(2));
        let a = UploadSlots::try_take(&slots).expect("first");
        let _b = UploadSlots::try_take(&slots).expect("second");
        assert!(UploadSlots::try_take(&slots).is_none());
        drop(a);
        assert!(UploadSlots::try_take(&slots).is_some());
    }
}
