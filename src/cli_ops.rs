//! `jobmap backup`, `restore`, `check` and `repair`: what they print. The work is in `ops`.

use std::path::Path;

use anyhow::bail;

use crate::config::Config;
use crate::db::audit::Actor;
use crate::db::{Db, DbUrl};
use crate::ops;

fn print_rows(rows: &[(&str, i64)]) {
    for (table, n) in rows {
        println!("  {table:<24} {n:>10}");
    }
}

pub fn backup(db: &Db, path: &Path) -> anyhow::Result<()> {
    let r = ops::backup::backup(db, path)?;
    println!(
        "backup written to {} ({:.1} MB) in {:.1} s; it passed SQLite's integrity check",
        r.path.display(),
        r.bytes as f64 / 1_048_576.0,
        r.took.as_secs_f64()
    );
    println!("rows:");
    print_rows(&r.rows);
    Ok(())
}

pub fn restore(config: &Config, path: &Path) -> anyhow::Result<()> {
    let url = DbUrl::parse(&config.database_url)?;
    let r = ops::restore::restore(&url, path)?;
    println!(
        "restored {} to {} ({} migrations; it passed SQLite's integrity check)",
        path.display(),
        r.target.display(),
        r.inspection.migrations
    );
    if let Some(previous) = &r.previous {
        println!("the database it replaced is kept at {}", previous.display());
    }
    println!("rows:");
    print_rows(&r.inspection.rows);
    println!("start the server; run `jobmap check` to prove the figures");
    Ok(())
}

pub fn check(db: &Db) -> anyhow::Result<()> {
    let mut conn = db.conn()?;
    let (found, took) = ops::runs::check_and_record(&mut conn)?;
    if found.is_empty() {
        println!(
            "every stored figure and counter equals its recount, and rules 2-7 and the \
             workflow hold ({:.1} s)",
            took.as_secs_f64()
        );
        return Ok(());
    }
    for d in &found {
        println!("{}: {d}", d.kind.code());
    }
    let repairable = found.iter().filter(|d| d.kind.repairable()).count();
    println!(
        "\n{} difference(s) found in {:.1} s; {repairable} of them `jobmap repair` rebuilds \
         from the records",
        found.len(),
        took.as_secs_f64()
    );
    bail!("the check found {} difference(s)", found.len())
}

pub fn repair(db: &Db) -> anyhow::Result<()> {
    let mut conn = db.conn()?;
    let r = ops::repair::repair(&mut conn, &Actor::Cli)?;
    if r.before.is_empty() {
        println!(
            "nothing to repair: every stored figure already equalled its recount ({:.1} s)",
            r.took.as_secs_f64()
        );
    } else {
        println!("rebuilt from the records; before, the check found:");
        for d in &r.before {
            println!("  {}: {d}", d.kind.code());
        }
    }
    if r.after.is_empty() {
        println!("the check now passes");
        return Ok(());
    }
    println!("\nstill broken (rules on the records themselves, which a recount cannot mend):");
    for d in &r.after {
        println!("  {d}");
    }
    bail!("{} difference(s) remain after the repair", r.after.len())
}
