//! Rule 8 over HTTP: a record's `version` (the column the pages' stale-edit checks compare) is
//! its entity tag, and an update says which version it was based on with `If-Match`. One
//! spelling for every reader and writer of the API, so a tag read anywhere can be sent back.

/// The entity tag of a record at `version`: a strong tag, `"v3"`.
pub fn etag(version: i32) -> String {
    format!("\"v{version}\"")
}

/// What an update was based on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precondition {
    /// The record as it was at this version (`If-Match: "v3"`).
    Version(i32),
    /// No record yet (`If-None-Match: *`), for records a `PUT` may create.
    Absent,
    /// A tag this server never gave (a weak tag, another server's): it matches no version.
    Unknown,
}

impl Precondition {
    /// The version the use case compares with: `None` for "no record yet", and a version no
    /// record has for a tag that matches nothing, so the use case refuses it as stale.
    pub fn base_version(self) -> Option<i32> {
        match self {
            Self::Version(v) => Some(v),
            Self::Absent => None,
            Self::Unknown => Some(-1),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PreconditionProblem {
    /// Neither header: an update must say which version it is based on (428).
    Missing,
    /// `*`, a list of tags, or not a tag at all: it must be exactly the tag the read returned.
    NotOneTag,
}

/// Reads `If-Match` (and `If-None-Match: *` where `absent_allowed`, for a `PUT` that may
/// create the record). Exactly one tag is accepted: an update is based on one version.
pub fn precondition(
    if_match: Option<&str>,
    if_none_match: Option<&str>,
    absent_allowed: bool,
) -> Result<Precondition, PreconditionProblem> {
    match (if_match.map(str::trim), if_none_match.map(str::trim)) {
        (Some(tag), _) => one_tag(tag),
        (None, Some("*")) if absent_allowed => Ok(Precondition::Absent),
        (None, Some(_)) => Err(PreconditionProblem::NotOneTag),
        (None, None) => Err(PreconditionProblem::Missing),
    }
}

fn one_tag(tag: &str) -> Result<Precondition, PreconditionProblem> {
    if tag.contains(',') || tag == "*" {
        return Err(PreconditionProblem::NotOneTag);
    }
    // If-Match compares strongly (RFC 9110, 13.1.1): a weak tag never matches.
    let (weak, quoted) = match tag.strip_prefix("W/") {
        Some(rest) => (true, rest),
        None => (false, tag),
    };
    let opaque = quoted
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .filter(|t| !t.contains('"'))
        .ok_or(PreconditionProblem::NotOneTag)?;
    let version = opaque.strip_prefix('v').and_then(|v| v.parse::<i32>().ok());
    Ok(match version {
        Some(v) if !weak && v >= 0 => Precondition::Version(v),
        _ => Precondition::Unknown,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tag_given_is_the_tag_read_back() {
        assert_eq!(etag(3), "\"v3\"");
        assert_eq!(
            precondition(Some(&etag(3)), None, false),
            Ok(Precondition::Version(3))
        );
        assert_eq!(
            precondition(Some(" \"v12\" "), None, false),
            Ok(Precondition::Version(12))
        );
    }

    #[test]
    fn an_update_must_say_which_version_it_is_based_on() {
        assert_eq!(
            precondition(None, None, false),
            Err(PreconditionProblem::Missing)
        );
        assert_eq!(
            precondition(None, None, true),
            Err(PreconditionProblem::Missing)
        );
    }

    #[test]
    fn only_records_that_may_be_created_accept_if_none_match() {
        assert_eq!(
            precondition(None, Some("*"), true),
            Ok(Precondition::Absent)
        );
        assert_eq!(
            precondition(None, Some("*"), false),
            Err(PreconditionProblem::NotOneTag)
        );
        assert_eq!(Precondition::Absent.base_version(), None);
    }

    #[test]
    fn lists_and_wildcards_are_refused_and_foreign_or_weak_tags_match_nothing() {
        for bad in ["*", "\"v1\", \"v2\"", "v1", "\"v1", "", "\"a\"b\""] {
            assert_eq!(
                precondition(Some(bad), None, false),
                Err(PreconditionProblem::NotOneTag),
                "{bad}"
            );
        }
        for unknown in [
            "W/\"v1\"",
            "\"1\"",
            "\"abc\"",
            "\"v-2\"",
            "\"v99999999999\"",
        ] {
            let p = precondition(Some(unknown), None, false);
            assert_eq!(p, Ok(Precondition::Unknown), "{unknown}");
            assert_eq!(p.map(Precondition::base_version), Ok(Some(-1)));
        }
    }
}
