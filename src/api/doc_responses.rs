//! The answers every operation can give whatever its handler does, added to the OpenAPI
//! document in one place: the layers in front of the handlers (token check, rate limit, body
//! and header parsing) answer them, so each `#[utoipa::path]` would otherwise have to repeat
//! them and one forgotten copy would make the document lie.

use utoipa::openapi::header::Header;
use utoipa::openapi::path::Operation;
use utoipa::openapi::{Content, OpenApi, Ref, ResponseBuilder};

/// Adds the shared problem answers to every operation of `doc` that does not document them.
pub fn add_shared_answers(doc: &mut OpenApi) {
    for (path, item) in doc.paths.paths.iter_mut() {
        let public = path.starts_with("/api/v1/open/") || path == "/api/v1/openapi.json";
        let reads = [&mut item.get, &mut item.head];
        for op in reads.into_iter().flatten() {
            add(op, &answers(public, false, path));
        }
        let writes = [
            &mut item.post,
            &mut item.put,
            &mut item.patch,
            &mut item.delete,
        ];
        for op in writes.into_iter().flatten() {
            add(op, &answers(public, true, path));
        }
    }
}

/// (status, description) of what the layers can answer for one operation.
fn answers(public: bool, write: bool, path: &str) -> Vec<(&'static str, &'static str)> {
    let mut out = vec![(
        "400",
        "A malformed query, path, cursor or header (Idempotency-Key, If-Match)",
    )];
    if path.contains('{') {
        out.push(("404", "No such record, or one outside the account's scope"));
    }
    if !public {
        out.push((
            "401",
            "No token, or one that is unknown, expired or revoked",
        ));
        out.push((
            "429",
            "The token's rate limit is spent; retry after the seconds in Retry-After",
        ));
    }
    if write {
        out.push(("413", "The body is larger than this operation accepts"));
        out.push(("415", "The body is not application/json"));
        out.push((
            "422",
            "The body does not fit the schema, or a rule refuses it (per-field errors)",
        ));
    }
    out
}

fn add(op: &mut Operation, answers: &[(&str, &str)]) {
    for (status, description) in answers {
        if op.responses.responses.contains_key(*status) {
            continue;
        }
        let mut response = ResponseBuilder::new().description(*description).content(
            "application/problem+json",
            Content::new(Some(Ref::from_schema_name("Problem"))),
        );
        if *status == "429" {
            response = response.header("Retry-After", Header::default());
        }
        op.responses
            .responses
            .insert((*status).to_owned(), response.into());
    }
}
