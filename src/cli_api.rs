//! `jobmap service-account …` and `jobmap token …`: the integration API's accounts and tokens
//! from the command line, through the same use cases (and audit trail) as the admin pages.

use anyhow::{Context, bail};
use clap::Subcommand;

use crate::db::Db;
use crate::db::service_accounts::{self as accounts, AccountRow};
use crate::domain::api_token::{self, TokenState};
use crate::domain::role::Role;
use crate::domain::user::{Login, scope_for};
use crate::usecase::acting::Operator;
use crate::usecase::service_accounts::{
    self as usecase, NewServiceAccount, ServiceAccountError, Which,
};

#[derive(Debug, Clone, Subcommand)]
pub enum ServiceAccountCommand {
    /// Create a service account: another system's identity for /api/v1, with a role and scope
    /// like a user's. Issue it a token with `jobmap token create`.
    Create {
        /// 3-64 latin letters, digits, '.', '_' or '-', e.g. hr-system.astana.
        #[arg(long)]
        name: String,
        /// admin, commission, akimat or contractor.
        #[arg(long)]
        role: String,
        /// Two-digit KATO code of the region (akimat accounts only).
        #[arg(long)]
        region: Option<String>,
        /// 12-digit BIN (contractor accounts only).
        #[arg(long)]
        bin: Option<String>,
        /// Which system uses it and whom to contact.
        #[arg(long, default_value = "")]
        description: String,
    },
    /// List service accounts with their role and scope.
    List,
}

#[derive(Debug, Clone, Subcommand)]
pub enum TokenCommand {
    /// Issue a token for a service account; it is printed once and only its hash is kept.
    Create {
        /// The service account's name.
        #[arg(long)]
        account: String,
        /// Where the token will be kept, e.g. "production server".
        #[arg(long, default_value = "")]
        label: String,
        /// Days until it expires (1-366).
        #[arg(long, default_value_t = api_token::DEFAULT_DAYS)]
        days: i64,
    },
    /// Revoke a token at once (by its id, or by the prefix shown in lists, e.g. jm_AbCd1234).
    Revoke { token: String },
    /// List tokens with their state, expiry and last use.
    List {
        /// Only this service account's tokens.
        #[arg(long)]
        account: Option<String>,
    },
}

fn scope_label(a: &AccountRow) -> String {
    match (&a.region_code, &a.contractor_bin) {
        (Some(r), _) => format!("region {r}"),
        (_, Some(b)) => format!("BIN {b}"),
        _ => "all regions".to_owned(),
    }
}

fn named(name: &str) -> impl FnOnce(ServiceAccountError) -> anyhow::Error + '_ {
    move |e| match e {
        ServiceAccountError::NotFound => anyhow::anyhow!("there is no service account '{name}'"),
        other => other.into(),
    }
}

pub fn service_account(cmd: ServiceAccountCommand, db: &Db) -> anyhow::Result<()> {
    let mut conn = db.conn()?;
    match cmd {
        ServiceAccountCommand::Create {
            name,
            role,
            region,
            bin,
            description,
        } => {
            let name = Login::parse(&name)?;
            let role = Role::from_code(&role).with_context(|| {
                format!("unknown role '{role}': use admin, commission, akimat or contractor")
            })?;
            let scope = scope_for(role, region.as_deref(), bin.as_deref())?;
            let account = usecase::create(
                &mut conn,
                Operator::Cli,
                &NewServiceAccount {
                    name,
                    description,
                    role,
                    scope,
                },
            )?;
            println!(
                "created service account {} ({}, {}); issue a token with: jobmap token create --account {}",
                account.name,
                account.role,
                scope_label(&account),
                account.name
            );
            Ok(())
        }
        ServiceAccountCommand::List => {
            println!("{:<28} {:<11} {:<22} DESCRIPTION", "NAME", "ROLE", "SCOPE");
            for a in accounts::list_accounts(&mut conn)? {
                println!(
                    "{:<28} {:<11} {:<22} {}",
                    a.name,
                    a.role,
                    scope_label(&a),
                    a.description
                );
            }
            Ok(())
        }
    }
}

pub fn token(cmd: TokenCommand, db: &Db) -> anyhow::Result<()> {
    let mut conn = db.conn()?;
    match cmd {
        TokenCommand::Create {
            account,
            label,
            days,
        } => {
            let issued = usecase::issue_token(
                &mut conn,
                Operator::Cli,
                Which::Name(&account),
                &label,
                days,
            )
            .map_err(named(&account))?;
            println!(
                "token {} for {} (expires {} UTC):",
                issued.row.id,
                issued.account.name,
                issued.row.expires_at.format("%Y-%m-%d %H:%M")
            );
            println!("{}", issued.token);
            println!("(shown once; send it as `Authorization: Bearer <token>`)");
            Ok(())
        }
        TokenCommand::Revoke { token } => {
            let all = accounts::all_tokens(&mut conn)?;
            let matching: Vec<_> = all
                .iter()
                .filter(|(t, _)| {
                    t.id == token || (token.len() >= 8 && t.prefix.starts_with(&token))
                })
                .collect();
            let (t, a) = match matching.as_slice() {
                [one] => *one,
                [] => bail!("there is no token '{token}' (give its id or its prefix)"),
                _ => bail!(
                    "'{token}' matches {} tokens: give the token's id",
                    matching.len()
                ),
            };
            usecase::revoke_token(&mut conn, Operator::Cli, &t.id)?;
            println!("token {} ({}…) of {} is revoked", t.id, t.prefix, a.name);
            Ok(())
        }
        TokenCommand::List { account } => {
            let now = crate::db::now();
            println!(
                "{:<38} {:<13} {:<24} {:<8} {:<17} {:<17} LABEL",
                "ID", "PREFIX", "ACCOUNT", "STATE", "EXPIRES (UTC)", "LAST USED (UTC)"
            );
            for (t, a) in accounts::all_tokens(&mut conn)? {
                if account.as_deref().is_some_and(|n| n != a.name) {
                    continue;
                }
                let state = match TokenState::at(now, t.expires_at, t.revoked_at) {
                    TokenState::Active => "active",
                    TokenState::Expired => "expired",
                    TokenState::Revoked => "revoked",
                };
                println!(
                    "{:<38} {:<13} {:<24} {:<8} {:<17} {:<17} {}",
                    t.id,
                    t.prefix,
                    a.name,
                    state,
                    t.expires_at.format("%Y-%m-%d %H:%M"),
                    t.last_used_at.map_or("never".to_owned(), |u| u
                        .format("%Y-%m-%d %H:%M")
                        .to_string()),
                    t.label
                );
            }
            Ok(())
        }
    }
}
