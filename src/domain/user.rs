//! A user account as entered by an admin: parsed once, at the edge.

use super::identifier::Bin;
use super::role::{Role, Scope};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Login(String);

impl Login {
    /// 3–64 characters of lower-case latin letters, digits, `.`, `_` and `-`; compared lower-cased
    /// so `Admin` and `admin` are one account.
    pub fn parse(input: &str) -> Result<Self, UserError> {
        let s = input.trim().to_lowercase();
        let ok_chars = s
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c));
        if !(3..=64).contains(&s.len()) || !ok_chars {
            return Err(UserError::Login);
        }
        Ok(Self(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UserError {
    #[error("a login is 3 to 64 characters: latin letters, digits, '.', '_' or '-'")]
    Login,
    #[error("an akimat officer needs a region (two-digit KATO code)")]
    RegionRequired,
    #[error("a contractor needs a valid 12-digit BIN")]
    BinRequired,
    #[error("only akimat officers have a region and only contractors have a BIN")]
    ScopeNotAllowed,
}

pub const MIN_PASSWORD_LEN: usize = 8;
pub const MAX_PASSWORD_LEN: usize = 128;

/// The scope that a role needs, checked against what was supplied.
pub fn scope_for(
    role: Role,
    region: Option<&str>,
    contractor_bin: Option<&str>,
) -> Result<Scope, UserError> {
    let region = region.map(str::trim).filter(|s| !s.is_empty());
    let bin = contractor_bin.map(str::trim).filter(|s| !s.is_empty());
    match (role, region, bin) {
        (Role::Admin | Role::Commission, None, None) => Ok(Scope::National),
        (Role::Akimat, Some(r), None) if r.len() == 2 && r.bytes().all(|b| b.is_ascii_digit()) => {
            Ok(Scope::Region(r.to_owned()))
        }
        (Role::Akimat, _, None) => Err(UserError::RegionRequired),
        (Role::Contractor, None, Some(b)) => Bin::parse(b)
            .map(|b| Scope::Contractor(b.as_str().to_owned()))
            .map_err(|_| UserError::BinRequired),
        (Role::Contractor, None, None) => Err(UserError::BinRequired),
        _ => Err(UserError::ScopeNotAllowed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logins_are_lower_cased_and_checked() {
        assert_eq!(Login::parse(" Aigerim.K ").unwrap().as_str(), "aigerim.k");
        assert_eq!(Login::parse("ab"), Err(UserError::Login));
        assert_eq!(Login::parse("айгерим"), Err(UserError::Login));
    }

    #[test]
    fn each_role_gets_exactly_its_scope() {
        assert_eq!(scope_for(Role::Admin, None, None), Ok(Scope::National));
        assert_eq!(
            scope_for(Role::Akimat, Some("27"), None),
            Ok(Scope::Region("27".into()))
        );
        assert_eq!(
            scope_for(Role::Akimat, None, None),
            Err(UserError::RegionRequired)
        );
        assert_eq!(
            scope_for(Role::Contractor, None, Some("940140000385")),
            Ok(Scope::Contractor("940140000385".into()))
        );
        assert_eq!(
            scope_for(Role::Contractor, None, Some("940140000386")),
            Err(UserError::BinRequired)
        );
        assert_eq!(
            scope_for(Role::Commission, Some("27"), None),
            Err(UserError::ScopeNotAllowed)
        );
    }
}
