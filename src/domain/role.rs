//! Who a user is in the programme, and what that lets them see.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Admin,
    Commission,
    Akimat,
    Contractor,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Admin,
        Role::Commission,
        Role::Akimat,
        Role::Contractor,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Commission => "commission",
            Self::Akimat => "akimat",
            Self::Contractor => "contractor",
        }
    }

    /// The translation key of the role's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Admin => "role-admin",
            Self::Commission => "role-commission",
            Self::Akimat => "role-akimat",
            Self::Contractor => "role-contractor",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Where a role works, and so where it lands after signing in: the commission on the
/// compliance summary, an akimat officer on their region, a contractor on their contracts,
/// an administrator on the user accounts.
pub fn home_path(role: Role, scope: &Scope) -> String {
    match (role, scope) {
        (Role::Commission, _) => "/compliance".to_owned(),
        (Role::Akimat, Scope::Region(code)) => format!("/regions/{code}"),
        (Role::Contractor, _) => "/contracts".to_owned(),
        (Role::Admin, _) => "/admin/users".to_owned(),
        _ => "/dashboard".to_owned(),
    }
}

/// The part of the programme a user's role covers (DESIGN.md, "People").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// admin and commission: every region.
    National,
    /// akimat officer: one region, by KATO code.
    Region(String),
    /// contractor: the contracts signed under one BIN.
    Contractor(String),
}

#[cfg(test)]
mod home_tests {
    use super::*;

    #[test]
    fn each_role_lands_where_it_works() {
        assert_eq!(home_path(Role::Commission, &Scope::National), "/compliance");
        assert_eq!(
            home_path(Role::Akimat, &Scope::Region("27".into())),
            "/regions/27"
        );
        assert_eq!(
            home_path(Role::Contractor, &Scope::Contractor("940140000385".into())),
            "/contracts"
        );
        assert_eq!(home_path(Role::Admin, &Scope::National), "/admin/users");
    }
}
