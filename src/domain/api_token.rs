//! API tokens as values: their shape, the hash that is stored instead of them, and how long
//! they may live. Tokens are 256 random bits; a SHA-256 of such a value cannot be reversed or
//! guessed, so no slow password hash is needed and a look-up by hash is one index probe.

use chrono::{NaiveDateTime, TimeDelta};
use sha2::{Digest, Sha256};

/// Every token starts with this, so a leaked one is recognisable (secret scanners, logs).
pub const TOKEN_PREFIX: &str = "jm_";
/// Random characters after the prefix: 43 of 62 symbols carry 256 bits.
pub const TOKEN_RANDOM_LEN: usize = 43;
/// Characters kept in clear (prefix included) so an administrator can tell tokens apart.
pub const SHOWN_PREFIX_LEN: usize = 11;

pub const DEFAULT_DAYS: i64 = 90;
pub const MAX_DAYS: i64 = 366;

/// What the stored hash of `token` is: SHA-256, lower-case hex.
pub fn hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether `token` has the shape of one of ours (checked before any database look-up, so
/// garbage costs nothing).
pub fn well_formed(token: &str) -> bool {
    token.strip_prefix(TOKEN_PREFIX).is_some_and(|rest| {
        rest.len() == TOKEN_RANDOM_LEN && rest.bytes().all(|b| b.is_ascii_alphanumeric())
    })
}

/// The part of a token that lists show.
pub fn shown_prefix(token: &str) -> String {
    token.chars().take(SHOWN_PREFIX_LEN).collect()
}

/// The token from an `Authorization` header value: `Bearer <token>` (the scheme in any case).
pub fn from_authorization(value: &str) -> Option<&str> {
    let (scheme, rest) = value.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| rest.trim())
        .filter(|t| !t.is_empty())
}

/// A token's lifetime in days, as an administrator asks for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a token lives 1 to {MAX_DAYS} days")]
pub struct LifetimeError;

pub fn lifetime(days: i64) -> Result<TimeDelta, LifetimeError> {
    if (1..=MAX_DAYS).contains(&days) {
        Ok(TimeDelta::days(days))
    } else {
        Err(LifetimeError)
    }
}

/// The state a token is in at `at`: what lists show, and whether a request with it passes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenState {
    Active,
    Expired,
    Revoked,
}

impl TokenState {
    pub fn at(
        at: NaiveDateTime,
        expires_at: NaiveDateTime,
        revoked_at: Option<NaiveDateTime>,
    ) -> Self {
        if revoked_at.is_some_and(|r| r <= at) {
            Self::Revoked
        } else if at >= expires_at {
            Self::Expired
        } else {
            Self::Active
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Self::Active => "api-token-state-active",
            Self::Expired => "api-token-state-expired",
            Self::Revoked => "api-token-state-revoked",
        }
    }
}

/// Last use is written at most this often per token, so reading does not mean a write per
/// request.
pub const TOUCH_INTERVAL: TimeDelta = TimeDelta::seconds(60);

pub fn needs_touch(last_used_at: Option<NaiveDateTime>, at: NaiveDateTime) -> bool {
    last_used_at.is_none_or(|t| at - t >= TOUCH_INTERVAL)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    }

    #[test]
    fn the_hash_is_sha256_hex() {
        assert_eq!(
            hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn only_our_shape_is_looked_up() {
        let good = format!("jm_{}", "a".repeat(TOKEN_RANDOM_LEN));
        assert!(well_formed(&good));
        assert!(!well_formed("jm_short"));
        assert!(!well_formed(&format!(
            "xx_{}",
            "a".repeat(TOKEN_RANDOM_LEN)
        )));
        assert!(!well_formed(&format!(
            "jm_{}!",
            "a".repeat(TOKEN_RANDOM_LEN - 1)
        )));
        assert_eq!(shown_prefix(&good), "jm_aaaaaaaa");
    }

    #[test]
    fn the_bearer_scheme_is_read_in_any_case() {
        assert_eq!(from_authorization("Bearer abc"), Some("abc"));
        assert_eq!(from_authorization("bearer  abc "), Some("abc"));
        assert_eq!(from_authorization("Basic abc"), None);
        assert_eq!(from_authorization("Bearer "), None);
    }

    #[test]
    fn states_and_lifetimes() {
        assert_eq!(TokenState::at(t(1, 0), t(2, 0), None), TokenState::Active);
        assert_eq!(TokenState::at(t(2, 0), t(2, 0), None), TokenState::Expired);
        assert_eq!(
            TokenState::at(t(1, 0), t(2, 0), Some(t(0, 30))),
            TokenState::Revoked
        );
        assert!(lifetime(0).is_err());
        assert!(lifetime(MAX_DAYS + 1).is_err());
        assert_eq!(lifetime(90), Ok(TimeDelta::days(90)));
        assert!(needs_touch(None, t(1, 0)));
        assert!(!needs_touch(Some(t(1, 0)), t(1, 0)));
        assert!(needs_touch(Some(t(1, 0)), t(1, 1)));
    }
}
