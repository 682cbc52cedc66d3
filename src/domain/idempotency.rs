//! Idempotent writes: a client that sends an `Idempotency-Key` with a write may send the same
//! request again (after a timeout, a dropped connection, a crash of its own) and get the first
//! answer back instead of a second write. What decides, given what is on record for the key.
//!
//! A key belongs to one account and one request: the method, the path with its query and the
//! SHA-256 of the body. The same key with another request is the client's mistake, refused
//! rather than answered with a response to a request it did not send. A key is kept for
//! [`RETENTION`]; after that it is forgotten and may be used again.

use chrono::{NaiveDateTime, TimeDelta};
use sha2::{Digest, Sha256};

/// How long a key is kept: at least a day, as clients are told.
pub const RETENTION: TimeDelta = TimeDelta::hours(24);

/// The longest key accepted (a UUID is 36 characters; clients that hash their own ids use 64).
pub const MAX_KEY_LEN: usize = 255;

/// The request a key was first used with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    pub method: String,
    /// The path with its query string: `?atomic=false` asks for another write.
    pub path: String,
    /// Lower-case hex.
    pub body_sha256: String,
}

impl Fingerprint {
    pub fn of(method: &str, path: &str, body: &[u8]) -> Self {
        let digest = Sha256::digest(body);
        Self {
            method: method.to_ascii_uppercase(),
            path: path.to_owned(),
            body_sha256: digest.iter().map(|b| format!("{b:02x}")).collect(),
        }
    }
}

/// Why a key was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyProblem {
    Empty,
    TooLong,
    /// Only visible ASCII characters (no spaces or control characters) are accepted, so that a
    /// key reads the same in every log and every client library.
    Characters,
}

/// The key as sent, if acceptable.
pub fn check_key(raw: &str) -> Result<&str, KeyProblem> {
    let key = raw.trim();
    if key.is_empty() {
        Err(KeyProblem::Empty)
    } else if key.len() > MAX_KEY_LEN {
        Err(KeyProblem::TooLong)
    } else if !key.bytes().all(|b| b.is_ascii_graphic()) {
        Err(KeyProblem::Characters)
    } else {
        Ok(key)
    }
}

/// What is on record for a key.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub fingerprint: Fingerprint,
    /// Whether the answer was stored (the write it answers committed).
    pub answered: bool,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// First use (or the key expired): perform the write and keep its answer.
    New,
    /// A retry: answer as the first time, write nothing.
    Replay,
    /// The key was used with another request: refused (422), nothing written.
    Conflict,
    /// The first request with this key has not finished: the client should retry shortly.
    InProgress,
}

pub fn decide(found: Option<&Recorded>, request: &Fingerprint, now: NaiveDateTime) -> Decision {
    match found {
        None => Decision::New,
        Some(r) if expired(r.created_at, now) => Decision::New,
        Some(r) if r.fingerprint != *request => Decision::Conflict,
        Some(r) if !r.answered => Decision::InProgress,
        Some(_) => Decision::Replay,
    }
}

/// Whether a key first used at `created_at` is forgotten at `now` (kept for the whole
/// [`RETENTION`], not a moment less).
pub fn expired(created_at: NaiveDateTime, now: NaiveDateTime) -> bool {
    now - created_at > RETENTION
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn at(h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 2)
            .and_then(|d| d.and_hms_opt(h, m, 0))
            .unwrap()
    }

    fn recorded(fp: &Fingerprint, answered: bool, created_at: NaiveDateTime) -> Recorded {
        Recorded {
            fingerprint: fp.clone(),
            answered,
            created_at,
        }
    }

    #[test]
    fn the_fingerprint_is_the_method_the_path_and_the_bodys_sha256() {
        let fp = Fingerprint::of("post", "/api/v1/contracts/c1/jobs", b"abc");
        assert_eq!(fp.method, "POST");
        assert_eq!(
            fp.body_sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_ne!(
            fp,
            Fingerprint::of("POST", "/api/v1/contracts/c1/jobs", b"abd")
        );
        assert_ne!(
            fp,
            Fingerprint::of("POST", "/api/v1/contracts/c1/jobs?atomic=false", b"abc")
        );
    }

    #[test]
    fn a_retry_of_the_same_request_is_replayed_and_another_request_is_a_conflict() {
        let fp = Fingerprint::of("POST", "/p", b"{}");
        let other = Fingerprint::of("POST", "/p", b"{\"a\":1}");
        let first = recorded(&fp, true, at(10, 0));
        assert_eq!(decide(None, &fp, at(10, 0)), Decision::New);
        assert_eq!(decide(Some(&first), &fp, at(10, 1)), Decision::Replay);
        assert_eq!(decide(Some(&first), &other, at(10, 1)), Decision::Conflict);
        let running = recorded(&fp, false, at(10, 0));
        assert_eq!(decide(Some(&running), &fp, at(10, 1)), Decision::InProgress);
        assert_eq!(
            decide(Some(&running), &other, at(10, 1)),
            Decision::Conflict
        );
    }

    #[test]
    fn a_key_is_kept_a_full_day_and_then_forgotten() {
        let fp = Fingerprint::of("POST", "/p", b"{}");
        let first = recorded(&fp, true, at(10, 0));
        let day_later = at(10, 0) + RETENTION;
        assert_eq!(decide(Some(&first), &fp, day_later), Decision::Replay);
        let after = day_later + TimeDelta::seconds(1);
        assert_eq!(decide(Some(&first), &fp, after), Decision::New);
        // Once forgotten, the key may carry another request.
        let other = Fingerprint::of("PUT", "/q", b"[]");
        assert_eq!(decide(Some(&first), &other, after), Decision::New);
    }

    #[test]
    fn keys_are_visible_ascii_of_reasonable_length() {
        assert_eq!(check_key(" 5f0c-41 "), Ok("5f0c-41"));
        assert_eq!(check_key(""), Err(KeyProblem::Empty));
        assert_eq!(check_key("   "), Err(KeyProblem::Empty));
        assert_eq!(check_key("a b"), Err(KeyProblem::Characters));
        assert_eq!(check_key("ключ"), Err(KeyProblem::Characters));
        assert_eq!(check_key(&"k".repeat(MAX_KEY_LEN)).map(str::len), Ok(255));
        assert_eq!(
            check_key(&"k".repeat(MAX_KEY_LEN + 1)),
            Err(KeyProblem::TooLong)
        );
    }
}
