//! The command line: `jobmap` serves; `jobmap user …` manages accounts without SQL.

use std::io::{BufRead, IsTerminal};

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};

use crate::cli_ops as operations;
use crate::config::Config;
use crate::db::Db;
use crate::db::users::{self, UserRow};
use crate::domain::language::Language;
use crate::domain::password_policy::check_new_password;
use crate::domain::role::Role;
use crate::domain::user::{Login, scope_for};
use crate::password;
use crate::seed;
use crate::usecase;
use crate::usecase::acting::Operator;
use crate::usecase::users::{Account, NewAccount, UserChangeError};

#[derive(Debug, Parser)]
#[command(
    name = "jobmap",
    version,
    about = "Integrated map for monitoring job creation under the Employment Roadmap",
    long_about = "Integrated map for monitoring job creation under the Employment Roadmap.\n\n\
        Without a subcommand, jobmap serves the web application (same as `jobmap serve`).\n\
        Every setting can be given as an environment variable (shown in brackets) or a flag."
)]
pub struct Cli {
    #[command(flatten)]
    pub config: Config,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Serve the web application (the default): migrates the database, creates the first
    /// admin if there are no users, then listens on JOBMAP_BIND.
    Serve,
    /// Apply pending database migrations and load reference data (regions, parameters), then exit.
    Migrate,
    /// Manage user accounts: add, list, deactivate, activate, reset passwords.
    #[command(subcommand)]
    User(UserCommand),
    /// Load the 2020 demo: the 17 regions of 2020 with the regional figures reported in the
    /// summer of 2020, and demo accounts for every role (passwords printed once).
    Demo(LoadArgs),
    /// Generate a deterministic dataset of national size (7,000 projects, 10,000 contracts,
    /// 255,000 jobs in 20 regions, 24 months of plans) for benchmarks and growth tests.
    Seed {
        /// national (1x), small (0.01x), or a factor such as 0.1 or 10.
        #[arg(long, default_value = "national")]
        scale: String,
        #[command(flatten)]
        load: LoadArgs,
    },
    /// Copy every table of an SQLite database into an empty PostgreSQL database (migrated
    /// first), in one transaction; checks row counts and the invariants on the target.
    /// Sessions are not copied: people sign in again on the new server.
    Copy {
        /// The SQLite database to read, e.g. sqlite://data/jobmap.db.
        #[arg(long)]
        from: String,
        /// The empty PostgreSQL database to fill, e.g. postgres://jobmap@db/jobmap.
        #[arg(long)]
        to: String,
    },
    /// Write a consistent, checked copy of the SQLite database to PATH while the server keeps
    /// running (refuses an existing file). On PostgreSQL, explains pg_dump and base backups.
    Backup {
        /// The file to create, e.g. backups/jobmap-2026-12-02.db.
        path: std::path::PathBuf,
    },
    /// Put the backup at PATH in place of the SQLite database. The file is checked first, and
    /// the database must not be in use (stop the server); the replaced one is kept beside it.
    Restore {
        /// A file written by `jobmap backup`.
        path: std::path::PathBuf,
    },
    /// Compare every stored figure and counter with a recount from the records, and check
    /// rules 2-7 and the workflow; prints each difference and exits non-zero if there is any.
    Check,
    /// Rebuild every stored figure and counter from the records, in one audited transaction.
    Repair,
    /// Manage service accounts (other systems' identities for the integration API).
    #[command(subcommand)]
    ServiceAccount(crate::cli_api::ServiceAccountCommand),
    /// Issue, list and revoke API tokens of service accounts.
    #[command(subcommand)]
    Token(crate::cli_api::TokenCommand),
    /// Load verification registers (referrals, employment contracts, pension contributions,
    /// CT-KZ certificates) from files on this machine.
    #[command(subcommand)]
    Register(crate::cli_registers::RegisterCommand),
}

#[derive(Debug, Clone, clap::Args)]
pub struct LoadArgs {
    /// Erase existing projects, contracts, hires and plans first (users and the audit trail
    /// are kept). Without it, a database that holds programme data is left alone.
    #[arg(long)]
    pub replace: bool,
    /// Give every demo account this password instead of a generated one each.
    #[arg(long, env = "JOBMAP_DEMO_PASSWORD", hide_env_values = true)]
    pub password: Option<String>,
}

#[derive(Debug, Clone, Subcommand)]
pub enum UserCommand {
    /// Create an account. Prints a generated password once unless --password-stdin is given.
    Add {
        /// Login name: 3-64 latin letters, digits, '.', '_' or '-'.
        #[arg(long)]
        login: String,
        /// admin, commission, akimat or contractor.
        #[arg(long)]
        role: String,
        /// Two-digit KATO code of the region (akimat officers only), e.g. 27.
        #[arg(long)]
        region: Option<String>,
        /// 12-digit BIN of the contractor's company (contractors only).
        #[arg(long)]
        bin: Option<String>,
        /// The person's full name, as shown in the audit trail.
        #[arg(long, default_value = "")]
        name: String,
        /// Interface language: kk, ru or en.
        #[arg(long, default_value = "ru")]
        language: String,
        /// Read the password from the first line of standard input instead of generating one.
        #[arg(long)]
        password_stdin: bool,
    },
    /// List every account with its role, scope and status.
    List,
    /// Deactivate an account: it can no longer sign in, and its sessions end at once.
    Deactivate { login: String },
    /// Re-activate a deactivated account (also clears a login lock-out).
    Activate { login: String },
    /// Set a new password (generated and printed once, or read with --password-stdin);
    /// the account's sessions end at once.
    ResetPassword {
        login: String,
        #[arg(long)]
        password_stdin: bool,
    },
}

pub fn run(command: Command, config: &Config) -> anyhow::Result<()> {
    if let Command::Copy { from, to } = &command {
        return copy(from, to);
    }
    // Neither may open the database through the pool: a restore needs it unused, and a
    // backup on PostgreSQL only explains what to do instead.
    match &command {
        Command::Restore { path } => return operations::restore(config, path),
        Command::Backup { .. } if config.database_url.trim().starts_with("postgres") => {
            bail!("{}", crate::ops::backup::POSTGRES_ADVICE)
        }
        _ => {}
    }
    let db = Db::open(&config.database_url, 2)?;
    match command {
        Command::Serve => bail!("serve is handled by main"),
        Command::Migrate => {
            println!("database at {} is up to date", db.url().redacted());
            Ok(())
        }
        Command::User(cmd) => user(cmd, &db),
        Command::Demo(args) => generate(
            &db,
            seed::demo::spec()?,
            &args,
            "/?as_of=2020-07-10",
            config,
        ),
        Command::Copy { .. } => bail!("copy is handled above"),
        Command::Seed { scale, load } => {
            let scale = seed::national::parse_scale(&scale)?;
            generate(&db, seed::national::spec(scale), &load, "/", config)
        }
        Command::Backup { path } => operations::backup(&db, &path),
        Command::Restore { .. } => bail!("restore is handled above"),
        Command::Check => operations::check(&db),
        Command::Repair => operations::repair(&db),
        Command::ServiceAccount(cmd) => crate::cli_api::service_account(cmd, &db),
        Command::Token(cmd) => crate::cli_api::token(cmd, &db),
        Command::Register(cmd) => crate::cli_registers::run(cmd, &db, config.clock().today()),
    }
}

fn generate(
    db: &Db,
    spec: seed::Spec,
    args: &LoadArgs,
    start: &str,
    config: &Config,
) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let mut conn = db.conn()?;
    let options = seed::Options {
        replace: args.replace,
        password: args.password.clone(),
        clock: config.clock(),
    };
    let s = seed::load(&mut conn, &spec, &options)?;
    println!(
        "loaded {} into {} in {:.1} s: {} projects ({} status changes), {} contracts \
         ({} procurement lines), {} jobs, {} lifting payments, {} monthly plans",
        spec.label,
        db.url().redacted(),
        started.elapsed().as_secs_f64(),
        s.projects,
        s.status_changes,
        s.contracts,
        s.procurement_lines,
        s.jobs,
        s.lifting_payments,
        s.monthly_plans
    );
    println!("\n{:<20} {:<11} {:<20} PASSWORD", "LOGIN", "ROLE", "SCOPE");
    for u in &s.users {
        let password = match (&u.password, u.created) {
            (Some(p), _) => p.as_str(),
            (None, true) => "(the one given)",
            (None, false) => "(existing account, unchanged)",
        };
        println!(
            "{:<20} {:<11} {:<20} {password}",
            u.login,
            u.role.code(),
            u.scope
        );
    }
    println!("\npasswords are shown once. Start the server and open {start}");
    Ok(())
}

fn copy(from: &str, to: &str) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let report = crate::db::copy::copy(from, to)?;
    println!("{:<28} ROWS", "TABLE");
    for (table, rows) in &report.tables {
        println!("{table:<28} {rows}");
    }
    println!(
        "copied {} tables in {:.1} s; row counts match",
        report.tables.len(),
        started.elapsed().as_secs_f64()
    );
    if report.broken.is_empty() {
        println!("invariant checks on the target: all hold");
        Ok(())
    } else {
        for b in &report.broken {
            println!("broken on the target: {b}");
        }
        bail!(
            "the copy is complete, but the data breaks {} invariant(s)",
            report.broken.len()
        )
    }
}

fn read_password(from_stdin: bool, login: &str) -> anyhow::Result<(String, bool)> {
    if !from_stdin {
        return Ok((password::generate(), true));
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprintln!("Password (input is visible; prefer piping it in):");
    }
    let mut line = String::new();
    stdin.lock().read_line(&mut line)?;
    let pw = line.trim_end_matches(['\r', '\n']).to_owned();
    check_new_password(&pw, &[login])?;
    Ok((pw, false))
}

/// Names the login the operator typed when there is no such account.
fn named(login: &str) -> impl FnOnce(UserChangeError) -> anyhow::Error + '_ {
    move |e| match e {
        UserChangeError::NotFound => anyhow::anyhow!("there is no user '{login}'"),
        other => other.into(),
    }
}

fn user(cmd: UserCommand, db: &Db) -> anyhow::Result<()> {
    let mut conn = db.conn()?;
    match cmd {
        UserCommand::Add {
            login,
            role,
            region,
            bin,
            name,
            language,
            password_stdin,
        } => {
            let login = Login::parse(&login)?;
            let role = Role::from_code(&role).with_context(|| {
                format!("unknown role '{role}': use admin, commission, akimat or contractor")
            })?;
            let scope = scope_for(role, region.as_deref(), bin.as_deref())?;
            let language = Language::from_code(&language)
                .with_context(|| format!("unknown language '{language}': use kk, ru or en"))?;
            let (plain, generated) = read_password(password_stdin, login.as_str())?;
            let hash = password::hash(&plain)?;
            let user = usecase::users::create(
                &mut conn,
                Operator::Cli,
                &NewAccount {
                    login,
                    full_name: name,
                    role,
                    scope,
                    language,
                    password_hash: hash,
                },
            )?;
            println!("created {} ({})", user.login, describe_scope(&user));
            if generated {
                println!("password: {plain}");
                println!("(shown once; the user should change it after signing in)");
            }
            Ok(())
        }
        UserCommand::List => {
            let rows = users::list(&mut conn)?;
            println!(
                "{:<24} {:<11} {:<22} {:<9} NAME",
                "LOGIN", "ROLE", "SCOPE", "STATUS"
            );
            for u in rows {
                println!(
                    "{:<24} {:<11} {:<22} {:<9} {}",
                    u.login,
                    u.role,
                    describe_scope(&u),
                    if u.active { "active" } else { "inactive" },
                    u.full_name
                );
            }
            Ok(())
        }
        UserCommand::Deactivate { login } => set_active(&mut conn, &login, false),
        UserCommand::Activate { login } => set_active(&mut conn, &login, true),
        UserCommand::ResetPassword {
            login,
            password_stdin,
        } => {
            let (plain, generated) = read_password(password_stdin, &login)?;
            let hash = password::hash(&plain)?;
            usecase::users::reset_password(&mut conn, Operator::Cli, Account::Login(&login), &hash)
                .map_err(named(&login))?;
            println!("password of {login} reset; their sessions have ended");
            if generated {
                println!("password: {plain}");
            }
            Ok(())
        }
    }
}

fn set_active(conn: &mut crate::db::DbConnection, login: &str, active: bool) -> anyhow::Result<()> {
    usecase::users::set_active(conn, Operator::Cli, Account::Login(login), active)
        .map_err(named(login))?;
    println!(
        "{login} is now {}",
        if active {
            "active"
        } else {
            "inactive; their sessions have ended"
        }
    );
    Ok(())
}

fn describe_scope(u: &UserRow) -> String {
    match (&u.region_code, &u.contractor_bin) {
        (Some(r), _) => format!("region {r}"),
        (_, Some(b)) => format!("BIN {b}"),
        _ => "all regions".to_owned(),
    }
}
