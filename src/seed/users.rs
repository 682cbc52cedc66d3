//! Demo accounts for every role: an admin, a commission member, and an akimat officer and a
//! contractor for each region. Passwords are generated and shown once, unless one is given.

use std::collections::BTreeMap;

use super::{SeedError, Spec};
use crate::db::DbConnection;
use crate::db::audit::{self, Actor, Event};
use crate::db::users::{self, NewUser};
use crate::domain::language::Language;
use crate::domain::password_policy::check_new_password;
use crate::domain::role::Role;
use crate::domain::user::{Login, scope_for};
use crate::password;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoUser {
    pub login: String,
    pub role: Role,
    pub scope: String,
    /// The password, when this run created the account with a generated one.
    pub password: Option<String>,
    pub created: bool,
}

pub struct Planned {
    user: DemoUser,
    region: Option<String>,
    bin: Option<String>,
    hash: String,
}

fn accounts(spec: &Spec) -> Vec<(String, Role, Option<String>, Option<String>)> {
    let mut out = vec![
        ("admin.demo".to_owned(), Role::Admin, None, None),
        ("commission.demo".to_owned(), Role::Commission, None, None),
    ];
    for t in &spec.regions {
        out.push((
            format!("akimat.{}", t.code),
            Role::Akimat,
            Some(t.code.clone()),
            None,
        ));
        if let Some(bin) = &t.contractor_bin {
            out.push((
                format!("contractor.{}", t.code),
                Role::Contractor,
                None,
                Some(bin.clone()),
            ));
        }
    }
    out
}

/// Hashes before the transaction opens, so the database is not held while argon2 works.
pub fn hash_passwords(spec: &Spec, opts: &super::Options) -> Result<Vec<Planned>, SeedError> {
    let shared = match &opts.password {
        Some(p) => {
            check_new_password(p, &[]).map_err(|e| SeedError::Other(e.into()))?;
            Some(password::hash(p)?)
        }
        None => None,
    };
    accounts(spec)
        .into_iter()
        .map(|(login, role, region, bin)| {
            let (hash, plain) = match &shared {
                Some(h) => (h.clone(), None),
                None => {
                    let p = password::generate();
                    (password::hash(&p)?, Some(p))
                }
            };
            let scope = region
                .clone()
                .map(|r| format!("region {r}"))
                .or_else(|| bin.clone().map(|b| format!("BIN {b}")))
                .unwrap_or_else(|| "national".into());
            Ok(Planned {
                user: DemoUser {
                    login,
                    role,
                    scope,
                    password: plain,
                    created: false,
                },
                region,
                bin,
                hash,
            })
        })
        .collect()
}

/// Creates the accounts that do not exist yet; returns them, and each region's officer id
/// (the author of the region's records).
pub fn ensure(
    conn: &mut DbConnection,
    planned: Vec<Planned>,
) -> Result<(Vec<DemoUser>, BTreeMap<String, String>), SeedError> {
    let mut out = Vec::new();
    let mut authors = BTreeMap::new();
    for mut p in planned {
        let id = match users::find_by_login(conn, &p.user.login)? {
            Some(existing) => {
                p.user.password = None;
                existing.id
            }
            None => {
                let login = Login::parse(&p.user.login).map_err(|e| SeedError::Other(e.into()))?;
                let scope = scope_for(p.user.role, p.region.as_deref(), p.bin.as_deref())
                    .map_err(|e| SeedError::Other(e.into()))?;
                let row = users::insert(
                    conn,
                    &NewUser {
                        login: &login,
                        full_name: "Demo account",
                        role: p.user.role,
                        scope: &scope,
                        password_hash: &p.hash,
                        language: Language::Ru,
                    },
                )
                .map_err(|e| SeedError::Other(e.into()))?;
                audit::record(
                    conn,
                    Event {
                        actor: &Actor::Cli,
                        action: "user.create",
                        entity: "user",
                        entity_id: &row.id,
                        before: None,
                        after: Some(row.audit_view()),
                        ip: None,
                    },
                )?;
                p.user.created = true;
                row.id
            }
        };
        if let (Role::Akimat, Some(region)) = (p.user.role, &p.region) {
            authors.insert(region.clone(), id);
        }
        out.push(p.user);
    }
    Ok((out, authors))
}
