//! `jobmap register load`: one register batch from a CSV file on the server's disk, for the
//! registers' owners who deliver files too large to upload through a browser, and for
//! benchmarks. The same use case as the registers page and the bulk API: all or nothing,
//! every bad line listed, audited under the named admin or commission member.

use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::Subcommand;

use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::users;
use crate::domain::language::Language;
use crate::domain::verification::{Kind, month_end, parse_month};
use crate::i18n::I18n;
use crate::usecase::acting::Acting;
use crate::usecase::registers::{BatchHeader, LoadError, load};
use crate::web::register_csv;

#[derive(Debug, Clone, Subcommand)]
pub enum RegisterCommand {
    /// Load a register batch from a CSV file (the formats in README); a batch of the same
    /// register, region and period supersedes the live one.
    Load {
        /// referrals, employment_contracts, contributions or certificates.
        #[arg(long)]
        kind: String,
        /// Two-digit KATO code of the region (referrals only; the other registers are national).
        #[arg(long, default_value = "")]
        region: String,
        /// First month of the period, YYYY-MM.
        #[arg(long)]
        from: String,
        /// Last month of the period, YYYY-MM.
        #[arg(long)]
        to: String,
        /// Where the file came from (shown with the batch), e.g. "ENPF export 2025-06-01".
        #[arg(long)]
        source: String,
        /// The login of the admin or commission member loading it (named in the audit trail).
        #[arg(long = "as")]
        login: String,
        /// The CSV file.
        file: PathBuf,
    },
}

pub fn run(cmd: RegisterCommand, db: &Db, today: chrono::NaiveDate) -> anyhow::Result<()> {
    match cmd {
        RegisterCommand::Load {
            kind,
            region,
            from,
            to,
            source,
            login,
            file,
        } => {
            let Some(kind) = Kind::from_code(&kind) else {
                bail!(
                    "unknown register {kind:?}: referrals, employment_contracts, contributions or certificates"
                );
            };
            let month = |m: &str| parse_month(m).with_context(|| format!("{m:?} is not YYYY-MM"));
            // As given: the use case refuses a region for a national register, and an unknown
            // one, with the same messages as the registers page.
            let header = BatchHeader {
                kind,
                region: region.trim().to_owned(),
                from: month(&from)?,
                to: month_end(month(&to)?),
                source,
            };
            let mut conn = db.conn()?;
            let Some(user) = users::find_by_login(&mut conn, &login)? else {
                bail!("no user {login:?}");
            };
            let Some(current) = CurrentUser::from_row(&user).filter(|_| user.active) else {
                bail!("{login:?} is not an active account");
            };
            // Who may load is the use case's rule (`usecase::registers::may_load`).
            let by = Acting::from(&current);
            let rows = match register_csv::open(&file, kind) {
                Ok(rows) => rows,
                Err(p) => return refused(vec![p]),
            };
            match load(&mut conn, &by, &header, rows, today) {
                Ok(s) => {
                    println!(
                        "batch {} loaded: {} rows in {:.1} s, then {} hires and {} procurement lines checked again in {:.1} s{}",
                        s.batch_id,
                        s.rows,
                        s.written_in.as_secs_f64(),
                        s.rechecked.hires,
                        s.rechecked.lines,
                        s.checked_in.as_secs_f64(),
                        s.superseded
                            .map(|id| format!("; it supersedes batch {id}"))
                            .unwrap_or_default()
                    );
                    Ok(())
                }
                Err(LoadError::Forbidden) => {
                    bail!("{login:?} may not load registers: admins and commission members may")
                }
                Err(LoadError::Lines(problems)) => refused(problems),
                Err(LoadError::Db(e)) => Err(e.into()),
            }
        }
    }
}

fn refused(problems: Vec<crate::domain::csv_rows::LineProblem>) -> anyhow::Result<()> {
    let t = I18n::new(Language::En);
    eprintln!("nothing was loaded; the file has these problems:");
    for p in &problems {
        let column = p.column.map(|c| format!(" ({c})")).unwrap_or_default();
        eprintln!("  line {}{column}: {}", p.line, t.message(&p.message));
    }
    bail!("{} problems", problems.len())
}
