//! Who performs a write, as the use cases see it: an id and login for the audit trail, and the
//! role and scope that decide what they may do. The pages build it from the signed-in user;
//! the JSON API builds it from the service account whose token came with the request.

use crate::auth::CurrentUser;
use crate::db::audit::Actor;
use crate::domain::role::{Role, Scope};

#[derive(Debug, Clone)]
pub struct Acting {
    /// The user's id, or the service account's.
    pub id: String,
    /// The user's login, or the service account's name.
    pub login: String,
    pub role: Role,
    pub scope: Scope,
    pub kind: ActingKind,
}

/// Whether a person or another system acts: the audit trail names them differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ActingKind {
    #[default]
    User,
    ServiceAccount,
}

impl Acting {
    pub fn actor(&self) -> Actor {
        match self.kind {
            ActingKind::User => Actor::User {
                id: self.id.clone(),
                login: self.login.clone(),
            },
            ActingKind::ServiceAccount => Actor::Service {
                id: self.id.clone(),
                name: self.login.clone(),
            },
        }
    }

    /// The same, as `policy::Who` (what the hire use cases take).
    pub fn who(&self) -> crate::policy::Who {
        crate::policy::Who {
            user_id: self.id.clone(),
            role: self.role,
            scope: self.scope.clone(),
            actor: self.actor(),
        }
    }

    /// The region of an akimat officer: projects, plans and contracts are entered there only.
    pub fn officer_region(&self) -> Option<&str> {
        match (&self.role, &self.scope) {
            (Role::Akimat, Scope::Region(region)) => Some(region),
            _ => None,
        }
    }

    /// Whether this user records on a contract: its contractor (by BIN), or an officer of the
    /// project's region on the contractor's behalf.
    pub fn records_on(&self, contractor_bin: &str, project_region: &str) -> bool {
        match (&self.role, &self.scope) {
            (Role::Contractor, Scope::Contractor(bin)) => bin == contractor_bin,
            (Role::Akimat, Scope::Region(region)) => region == project_region,
            _ => false,
        }
    }
}

impl From<&CurrentUser> for Acting {
    fn from(user: &CurrentUser) -> Self {
        Self {
            id: user.id.clone(),
            login: user.login.clone(),
            role: user.role,
            scope: user.scope.clone(),
            kind: ActingKind::User,
        }
    }
}

/// Who manages accounts: a signed-in administrator, or the operator at the command line.
#[derive(Debug, Clone, Copy)]
pub enum Operator<'a> {
    User(&'a Acting),
    Cli,
}

impl Operator<'_> {
    pub fn actor(&self) -> Actor {
        match self {
            Self::User(by) => by.actor(),
            Self::Cli => Actor::Cli,
        }
    }

    pub fn is_admin(&self) -> bool {
        match self {
            Self::User(by) => by.role == Role::Admin,
            Self::Cli => true,
        }
    }

    /// The signed-in user's id; the command line has none.
    pub fn user_id(&self) -> Option<&str> {
        match self {
            Self::User(by) => Some(&by.id),
            Self::Cli => None,
        }
    }
}
