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
