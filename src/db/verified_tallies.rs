//! The verified figures' running tallies (issue 15): per contract and per region, what the
//! stored checks add up to, so that the dashboard, the region pages and the API read a row
//! per region instead of aggregating every hire's check each time the figures reload.
//!
//! Like `db::tallies`, a transaction that changes checks collects what they change in
//! [`Pending`] and writes it last, in key order. A transaction that checks one hire or line
//! (a hire, a correction, a ledger line) counts the difference each check makes; one that
//! checks thousands (a register load, `check_all`) only notes which contracts it touched and
//! recomputes those once at the end ([`recompute`]): one aggregate instead of a read of the
//! old checks for every page.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use super::DbConnection;
use super::schema::{hire_verifications as hv, line_verifications as lv, procurement_lines as pl};
use super::verification::{Cond, HireCheck, LineCheck};
use crate::domain::verification::{AreaTally, Tally};

const COLUMNS: [&str; 6] = [
    "center_matched",
    "center_failed",
    "proven_domestic",
    "failed_domestic",
    "ledger_total",
    "ledger_domestic",
];

fn counts(t: &AreaTally) -> [i64; 6] {
    [
        t.checks.center_matched,
        t.checks.center_failed,
        t.checks.proven_domestic,
        t.checks.failed_domestic,
        t.ledger_total,
        t.ledger_domestic,
    ]
}

fn scaled(t: &AreaTally, by: i64) -> AreaTally {
    let c = counts(t).map(|n| n * by);
    from_counts(c)
}

fn from_counts(c: [i64; 6]) -> AreaTally {
    AreaTally {
        checks: Tally {
            center_matched: c[0],
            center_failed: c[1],
            proven_domestic: c[2],
            failed_domestic: c[3],
        },
        ledger_total: c[4],
        ledger_domestic: c[5],
    }
}

fn is_zero(t: &AreaTally) -> bool {
    counts(t).iter().all(|n| *n == 0)
}

/// What one hire's referral check adds to its contract's tally.
fn of_referral(referral: &str) -> AreaTally {
    let mut t = AreaTally::default();
    match referral {
        "matched" => t.checks.center_matched = 1,
        "mismatched" | "missing" => t.checks.center_failed = 1,
        _ => {}
    }
    t
}

/// A line's id, amount, whether declared domestic, and its stored check's proven and failed
/// value (none before its first check).
type LineFound = (String, i64, bool, Option<i64>, Option<i64>);
/// The same by line id: (amount, domestic, (proven, failed) of the stored check).
type LineWas = (i64, bool, Option<(i64, i64)>);

/// What a transaction's changed checks change in the tallies, written by [`Pending::flush`].
#[derive(Debug)]
pub struct Pending {
    /// Counting the difference of each check (few checks), or noting the contracts to
    /// recompute (many).
    counted: bool,
    /// By contract: its region and the difference.
    deltas: BTreeMap<String, (String, AreaTally)>,
    touched: BTreeSet<String>,
}

impl Pending {
    /// For a transaction that checks a few hires or lines.
    pub fn counted() -> Self {
        Self {
            counted: true,
            deltas: BTreeMap::new(),
            touched: BTreeSet::new(),
        }
    }

    /// For one that checks thousands: the touched contracts are recomputed at the end.
    pub fn bulk() -> Self {
        Self {
            counted: false,
            ..Self::counted()
        }
    }

    fn add(&mut self, contract: &str, region: &str, t: &AreaTally) {
        self.deltas
            .entry(contract.to_owned())
            .or_insert_with(|| (region.to_owned(), AreaTally::default()))
            .1
            .add(t);
    }

    /// These hires' checks are about to replace their stored ones (`verification::save_hires`):
    /// call before saving, while the old checks are still there to take back.
    pub fn hires(&mut self, conn: &mut DbConnection, rows: &[HireCheck]) -> QueryResult<()> {
        if !self.counted {
            self.touched
                .extend(rows.iter().map(|r| r.contract_id.clone()));
            return Ok(());
        }
        for chunk in rows.chunks(500) {
            let ids: Vec<&str> = chunk.iter().map(|r| r.job_id.as_str()).collect();
            let old: Vec<(String, String, String)> = hv::table
                .filter(hv::job_id.eq_any(ids))
                .select((hv::contract_id, hv::region_code, hv::referral))
                .load(conn)?;
            for (contract, region, referral) in old {
                self.add(&contract, &region, &scaled(&of_referral(&referral), -1));
            }
            for r in chunk {
                self.add(&r.contract_id, &r.region_code, &of_referral(&r.referral));
            }
        }
        Ok(())
    }

    /// The same for procurement lines (`verification::save_lines`). A line counts into the
    /// ledger side once, when it is first checked.
    pub fn lines(&mut self, conn: &mut DbConnection, rows: &[LineCheck]) -> QueryResult<()> {
        if !self.counted {
            self.touched
                .extend(rows.iter().map(|r| r.contract_id.clone()));
            return Ok(());
        }
        for chunk in rows.chunks(500) {
            let ids: Vec<&str> = chunk.iter().map(|r| r.line_id.as_str()).collect();
            let found: Vec<LineFound> = pl::table
                .left_join(lv::table)
                .filter(pl::id.eq_any(ids))
                .select((
                    pl::id,
                    pl::amount_tenge,
                    pl::is_domestic,
                    lv::verified_domestic_tenge.nullable(),
                    lv::failed_tenge.nullable(),
                ))
                .load(conn)?;
            let found: HashMap<String, LineWas> = found
                .into_iter()
                .map(|(id, amount, domestic, proven, failed)| {
                    (id, (amount, domestic, proven.zip(failed)))
                })
                .collect();
            for r in chunk {
                let mut d = AreaTally::default();
                d.checks.proven_domestic = r.verified_domestic_tenge;
                d.checks.failed_domestic = r.failed_tenge;
                match found.get(&r.line_id) {
                    Some((_, _, Some((proven, failed)))) => {
                        d.checks.proven_domestic -= proven;
                        d.checks.failed_domestic -= failed;
                    }
                    Some((amount, domestic, None)) => {
                        d.ledger_total = *amount;
                        d.ledger_domestic = if *domestic { *amount } else { 0 };
                    }
                    None => {}
                }
                self.add(&r.contract_id, &r.region_code, &d);
            }
        }
        Ok(())
    }

    /// Writes what was collected: contract rows, then region rows, in key order.
    pub fn flush(self, conn: &mut DbConnection) -> QueryResult<()> {
        if !self.counted {
            let ids: Vec<String> = self.touched.into_iter().collect();
            return recompute(conn, &ids);
        }
        let mut regions: BTreeMap<String, AreaTally> = BTreeMap::new();
        let mut any = false;
        for (contract, (region, d)) in &self.deltas {
            if is_zero(d) {
                continue;
            }
            any = true;
            upsert(conn, Some(contract), region, d, true)?;
            regions.entry(region.clone()).or_default().add(d);
        }
        for (region, d) in &regions {
            upsert(conn, None, region, d, true)?;
        }
        if any {
            super::cache::touched();
        }
        Ok(())
    }
}

/// Adds `t` to (or, when `add` is false, sets it as) the row of `contract` or, without one,
/// of `region`.
fn upsert(
    conn: &mut DbConnection,
    contract: Option<&str>,
    region: &str,
    t: &AreaTally,
    add: bool,
) -> QueryResult<()> {
    let (table, keys, key_values, conflict) = match contract {
        Some(_) => (
            "contract_verified_tallies",
            "contract_id, region_code",
            "$1, $2",
            "contract_id",
        ),
        None => (
            "region_verified_tallies",
            "region_code",
            "$1",
            "region_code",
        ),
    };
    // The counts are integers computed here, never user input: they go into the SQL text.
    let values: Vec<String> = counts(t).iter().map(i64::to_string).collect();
    let updates: Vec<String> = COLUMNS
        .iter()
        .map(|c| {
            if add {
                format!("{c} = {table}.{c} + excluded.{c}")
            } else {
                format!("{c} = excluded.{c}")
            }
        })
        .collect();
    let sql = format!(
        "INSERT INTO {table} ({keys}, {}) VALUES ({key_values}, {}) \
         ON CONFLICT ({conflict}) DO UPDATE SET {}",
        COLUMNS.join(", "),
        values.join(", "),
        updates.join(", ")
    );
    match contract {
        Some(id) => diesel::sql_query(sql)
            .bind::<Text, _>(id)
            .bind::<Text, _>(region)
            .execute(conn)?,
        None => diesel::sql_query(sql)
            .bind::<Text, _>(region)
            .execute(conn)?,
    };
    Ok(())
}

#[derive(QueryableByName)]
struct Row {
    #[diesel(sql_type = Text)]
    key: String,
    #[diesel(sql_type = Text)]
    region_code: String,
    #[diesel(sql_type = BigInt)]
    c0: i64,
    #[diesel(sql_type = BigInt)]
    c1: i64,
    #[diesel(sql_type = BigInt)]
    c2: i64,
    #[diesel(sql_type = BigInt)]
    c3: i64,
    #[diesel(sql_type = BigInt)]
    c4: i64,
    #[diesel(sql_type = BigInt)]
    c5: i64,
}

impl Row {
    fn tally(&self) -> AreaTally {
        from_counts([self.c0, self.c1, self.c2, self.c3, self.c4, self.c5])
    }
}

fn aliased() -> String {
    COLUMNS
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} AS c{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The stored tallies of these contracts (a contract with none has the default).
pub fn of_contracts(
    conn: &mut DbConnection,
    contract_ids: &[String],
) -> QueryResult<HashMap<String, AreaTally>> {
    let mut out = HashMap::new();
    for chunk in contract_ids.chunks(500) {
        let rows: Vec<Row> = Cond::new()
            .and_in("contract_id", chunk)
            .query(
                &format!(
                    "SELECT contract_id AS key, region_code, {} FROM contract_verified_tallies",
                    aliased()
                ),
                "",
            )
            .load(conn)?;
        out.extend(rows.into_iter().map(|r| (r.key.clone(), r.tally())));
    }
    Ok(out)
}

/// Every region's tally, by region code: a row each.
pub fn of_regions(conn: &mut DbConnection) -> QueryResult<HashMap<String, AreaTally>> {
    let rows: Vec<Row> = diesel::sql_query(format!(
        "SELECT region_code AS key, region_code, {} FROM region_verified_tallies",
        aliased()
    ))
    .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| (r.key.clone(), r.tally()))
        .collect())
}

/// The nation's tally: the regions' added up.
pub fn national(regions: &HashMap<String, AreaTally>) -> AreaTally {
    let mut total = AreaTally::default();
    for t in regions.values() {
        total.add(t);
    }
    total
}

const RECOMPUTED: &str = "SELECT c.id AS key, p.region_code, \
    CAST(COALESCE((SELECT SUM(CASE WHEN v.referral = 'matched' THEN 1 ELSE 0 END) \
      FROM hire_verifications v WHERE v.contract_id = c.id), 0) AS BIGINT) AS c0, \
    CAST(COALESCE((SELECT SUM(CASE WHEN v.referral IN ('mismatched', 'missing') THEN 1 ELSE 0 END) \
      FROM hire_verifications v WHERE v.contract_id = c.id), 0) AS BIGINT) AS c1, \
    CAST(COALESCE((SELECT SUM(v.verified_domestic_tenge) FROM line_verifications v \
      WHERE v.contract_id = c.id), 0) AS BIGINT) AS c2, \
    CAST(COALESCE((SELECT SUM(v.failed_tenge) FROM line_verifications v \
      WHERE v.contract_id = c.id), 0) AS BIGINT) AS c3, \
    CAST(COALESCE((SELECT SUM(l.amount_tenge) FROM line_verifications v \
      JOIN procurement_lines l ON l.id = v.line_id WHERE v.contract_id = c.id), 0) AS BIGINT) AS c4, \
    CAST(COALESCE((SELECT SUM(CASE WHEN l.is_domestic THEN l.amount_tenge ELSE 0 END) \
      FROM line_verifications v JOIN procurement_lines l ON l.id = v.line_id \
      WHERE v.contract_id = c.id), 0) AS BIGINT) AS c5 \
    FROM contracts c JOIN projects p ON p.id = c.project_id";

/// Sets the tallies of these contracts to what their stored checks add up to, and moves
/// their regions' rows by the difference: after a bulk re-check, and to repair.
pub fn recompute(conn: &mut DbConnection, contract_ids: &[String]) -> QueryResult<()> {
    let mut regions: BTreeMap<String, AreaTally> = BTreeMap::new();
    let mut changed = false;
    let mut sorted: Vec<String> = contract_ids.to_vec();
    sorted.sort();
    sorted.dedup();
    for chunk in sorted.chunks(500) {
        let old = of_contracts(conn, chunk)?;
        let mut rows: Vec<Row> = Cond::new()
            .and_in("c.id", chunk)
            .query(RECOMPUTED, "")
            .load(conn)?;
        rows.sort_by(|a, b| a.key.cmp(&b.key));
        for r in rows {
            let new = r.tally();
            let was = old.get(&r.key).copied().unwrap_or_default();
            let mut d = new;
            d.add(&scaled(&was, -1));
            if is_zero(&d) {
                continue;
            }
            changed = true;
            upsert(conn, Some(&r.key), &r.region_code, &new, false)?;
            regions.entry(r.region_code.clone()).or_default().add(&d);
        }
    }
    for (region, d) in &regions {
        upsert(conn, None, region, d, true)?;
    }
    if changed {
        super::cache::touched();
    }
    Ok(())
}

/// Replaces every tally with what the stored checks say (`jobmap repair`, a restore).
pub fn rebuild(conn: &mut DbConnection) -> QueryResult<()> {
    use diesel::connection::SimpleConnection;
    conn.batch_execute(
        "DELETE FROM contract_verified_tallies; DELETE FROM region_verified_tallies",
    )?;
    let ids: Vec<String> = super::schema::contracts::table
        .select(super::schema::contracts::id)
        .load(conn)?;
    recompute(conn, &ids)
}
