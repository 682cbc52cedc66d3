//! `jobmap check`: every stored aggregate against a recount from the records, and every rule
//! the data must keep. Each difference is one sentence an operator can act on.
//!
//! Aggregates: the region tallies (by day, by month, and the running totals) that every page
//! reads, the projects' hire and declared-value counters, and the contracts' hire and ledger
//! counters that the compliance states are computed from. Rules 2-7 and the workflow come
//! from `seed::invariants`, the same checks every generated load passes.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use crate::db::{DbConnection, tallies};
use crate::domain::figures::Figures;
use crate::seed::invariants;

/// Which stored thing a difference is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    RegionDay,
    RegionMonth,
    RegionTotal,
    ProjectCounters,
    ContractHires,
    ContractLedger,
    Rule,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Self::RegionDay => "region_day_figures",
            Self::RegionMonth => "region_month_figures",
            Self::RegionTotal => "region_figures",
            Self::ProjectCounters => "project_counters",
            Self::ContractHires => "contract_hire_counters",
            Self::ContractLedger => "contract_ledger_counters",
            Self::Rule => "rule",
        }
    }

    /// Whether `jobmap repair` can rebuild it from the records (a broken rule it cannot).
    pub fn repairable(self) -> bool {
        self != Self::Rule
    }
}

/// One stored figure that does not equal its recount, or one rule that does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub kind: Kind,
    pub text: String,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// At most this many records are named per kind; the rest are counted.
const NAMED_PER_KIND: usize = 50;

/// Every difference between what is stored and what the records say; empty when all agree.
/// All of it is read from one snapshot, so writes committed meanwhile (the server keeps
/// serving) cannot show up as differences.
pub fn check(conn: &mut DbConnection) -> QueryResult<Vec<Difference>> {
    conn.transaction(|conn| {
        if let DbConnection::Postgresql(_) = conn {
            conn.batch_execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")?;
        }
        check_in_transaction(conn)
    })
}

/// [`check`] inside a transaction the caller holds (a repair's write transaction).
pub fn check_in_transaction(conn: &mut DbConnection) -> QueryResult<Vec<Difference>> {
    let mut out = Vec::new();
    tally_differences(conn, &mut out)?;
    counter_differences(conn, &mut out)?;
    for (rule, n) in invariants::broken_rules(conn)? {
        out.push(Difference {
            kind: Kind::Rule,
            text: format!("{rule}: {n} record(s)"),
        });
    }
    let orphans: CountRow = diesel::sql_query(
        "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM projects p WHERE NOT EXISTS \
         (SELECT 1 FROM project_status_changes s WHERE s.project_id = p.id)",
    )
    .get_result(conn)?;
    if orphans.n > 0 {
        out.push(Difference {
            kind: Kind::Rule,
            text: format!(
                "workflow: a project with no recorded status change: {} record(s)",
                orphans.n
            ),
        });
    }
    Ok(out)
}

#[derive(QueryableByName)]
struct CountRow {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// The fields of two figures that differ, as "name is X, the records give Y".
fn describe(have: &Figures, want: &Figures) -> String {
    Figures::COUNTED
        .iter()
        .zip(have.counts().iter().zip(want.counts().iter()))
        .filter(|(_, (h, w))| h != w)
        .map(|(name, (h, w))| format!("{name} is {h}, the records give {w}"))
        .collect::<Vec<_>>()
        .join("; ")
}

fn compare_keyed(
    kind: Kind,
    what: &str,
    stored: BTreeMap<(String, NaiveDate), Figures>,
    expected: &BTreeMap<(String, NaiveDate), Figures>,
    out: &mut Vec<Difference>,
) {
    let mut stored = stored;
    let mut found = Vec::new();
    for (key, want) in expected.iter().filter(|(_, f)| !f.is_zero()) {
        let have = stored.remove(key).unwrap_or_default();
        if have != *want {
            found.push((key.clone(), have, want.clone()));
        }
    }
    for (key, have) in stored {
        found.push((key, have, Figures::default()));
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    let total = found.len();
    for ((region, day), have, want) in found.into_iter().take(NAMED_PER_KIND) {
        let when = match kind {
            Kind::RegionMonth => day.format("%Y-%m").to_string(),
            _ => day.to_string(),
        };
        out.push(Difference {
            kind,
            text: format!("region {region}, {what} {when}: {}", describe(&have, &want)),
        });
    }
    if total > NAMED_PER_KIND {
        out.push(Difference {
            kind,
            text: format!(
                "and {} more {what}s differ in {}",
                total - NAMED_PER_KIND,
                kind.code()
            ),
        });
    }
}

fn tally_differences(conn: &mut DbConnection, out: &mut Vec<Difference>) -> QueryResult<()> {
    let recount = tallies::recompute(conn)?;
    let days: BTreeMap<(String, NaiveDate), Figures> = recount
        .days()
        .iter()
        .map(|(k, f)| {
            (
                k.clone(),
                Figures {
                    code: String::new(),
                    ..f.clone()
                },
            )
        })
        .collect();
    let mut months: BTreeMap<(String, NaiveDate), Figures> = BTreeMap::new();
    let mut totals: BTreeMap<String, Figures> = BTreeMap::new();
    for ((region, day), f) in &days {
        months
            .entry((region.clone(), tallies::month_of(*day)))
            .or_default()
            .add_scaled(f, 1);
        totals.entry(region.clone()).or_default().add_scaled(f, 1);
    }
    let stored_days = tallies::stored(conn, "region_day_figures")?;
    compare_keyed(Kind::RegionDay, "day", stored_days, &days, out);
    let stored_months = tallies::stored(conn, "region_month_figures")?;
    compare_keyed(Kind::RegionMonth, "month", stored_months, &months, out);
    for have in tallies::totals(conn)? {
        let region = have.code.clone();
        let want = totals.remove(&region).unwrap_or_default();
        let have = Figures {
            code: String::new(),
            ..have
        };
        if have != want {
            out.push(Difference {
                kind: Kind::RegionTotal,
                text: format!(
                    "region {region}, running totals: {}",
                    describe(&have, &want)
                ),
            });
        }
    }
    for (region, want) in totals.into_iter().filter(|(_, f)| !f.is_zero()) {
        out.push(Difference {
            kind: Kind::RegionTotal,
            text: format!(
                "region {region}, running totals: missing; {}",
                describe(&Figures::default(), &want)
            ),
        });
    }
    Ok(())
}

/// A stored counter row beside its recount: up to four counters each.
#[derive(QueryableByName)]
struct CounterRow {
    #[diesel(sql_type = Text)]
    label: String,
    #[diesel(sql_type = BigInt)]
    s1: i64,
    #[diesel(sql_type = BigInt)]
    r1: i64,
    #[diesel(sql_type = BigInt)]
    s2: i64,
    #[diesel(sql_type = BigInt)]
    r2: i64,
    #[diesel(sql_type = BigInt)]
    s3: i64,
    #[diesel(sql_type = BigInt)]
    r3: i64,
    #[diesel(sql_type = BigInt)]
    s4: i64,
    #[diesel(sql_type = BigInt)]
    r4: i64,
}

struct CounterCheck {
    kind: Kind,
    noun: &'static str,
    names: [&'static str; 4],
    sql: &'static str,
}

const COUNTERS: [CounterCheck; 3] = [
    CounterCheck {
        kind: Kind::ProjectCounters,
        noun: "project",
        names: [
            "jobs_created",
            "center_hires",
            "declared_total",
            "declared_domestic",
        ],
        sql: "SELECT p.code AS label, \
                CAST(p.jobs_created AS BIGINT) AS s1, CAST(COALESCE(j.jobs, 0) AS BIGINT) AS r1, \
                CAST(p.center_hires AS BIGINT) AS s2, CAST(COALESCE(j.center, 0) AS BIGINT) AS r2, \
                p.declared_total AS s3, CAST(COALESCE(c.total, 0) AS BIGINT) AS r3, \
                p.declared_domestic AS s4, CAST(COALESCE(c.domestic, 0) AS BIGINT) AS r4 \
              FROM projects p \
              LEFT JOIN (SELECT project_id, SUM(goods_tenge + works_tenge + services_tenge) AS total, \
                   SUM(goods_domestic_tenge + works_domestic_tenge + services_domestic_tenge) AS domestic \
                   FROM contracts GROUP BY project_id) c ON c.project_id = p.id \
              LEFT JOIN (SELECT k.project_id, COUNT(*) AS jobs, \
                   SUM(CASE WHEN jb.channel = 'employment_center' THEN 1 ELSE 0 END) AS center \
                   FROM jobs jb JOIN contracts k ON k.id = jb.contract_id GROUP BY k.project_id) j \
                ON j.project_id = p.id \
              WHERE p.jobs_created <> COALESCE(j.jobs, 0) OR p.center_hires <> COALESCE(j.center, 0) \
                 OR p.declared_total <> COALESCE(c.total, 0) \
                 OR p.declared_domestic <> COALESCE(c.domestic, 0) \
              ORDER BY p.code",
    },
    CounterCheck {
        kind: Kind::ContractHires,
        noun: "contract",
        names: ["center_hires", "direct_hires", "", ""],
        sql: "SELECT p.code || ' / ' || c.number AS label, \
                CAST(c.center_hires AS BIGINT) AS s1, CAST(COALESCE(j.center, 0) AS BIGINT) AS r1, \
                CAST(c.direct_hires AS BIGINT) AS s2, CAST(COALESCE(j.direct, 0) AS BIGINT) AS r2, \
                CAST(0 AS BIGINT) AS s3, CAST(0 AS BIGINT) AS r3, \
                CAST(0 AS BIGINT) AS s4, CAST(0 AS BIGINT) AS r4 \
              FROM contracts c JOIN projects p ON p.id = c.project_id \
              LEFT JOIN (SELECT contract_id, \
                   SUM(CASE WHEN channel = 'employment_center' THEN 1 ELSE 0 END) AS center, \
                   SUM(CASE WHEN channel = 'direct' THEN 1 ELSE 0 END) AS direct \
                   FROM jobs GROUP BY contract_id) j ON j.contract_id = c.id \
              WHERE c.center_hires <> COALESCE(j.center, 0) OR c.direct_hires <> COALESCE(j.direct, 0) \
              ORDER BY p.code, c.number",
    },
    CounterCheck {
        kind: Kind::ContractLedger,
        noun: "contract",
        names: ["ledger_total", "ledger_domestic", "", ""],
        sql: "SELECT p.code || ' / ' || c.number AS label, \
                c.ledger_total AS s1, CAST(COALESCE(l.total, 0) AS BIGINT) AS r1, \
                c.ledger_domestic AS s2, CAST(COALESCE(l.domestic, 0) AS BIGINT) AS r2, \
                CAST(0 AS BIGINT) AS s3, CAST(0 AS BIGINT) AS r3, \
                CAST(0 AS BIGINT) AS s4, CAST(0 AS BIGINT) AS r4 \
              FROM contracts c JOIN projects p ON p.id = c.project_id \
              LEFT JOIN (SELECT contract_id, SUM(amount_tenge) AS total, \
                   SUM(CASE WHEN is_domestic THEN amount_tenge ELSE 0 END) AS domestic \
                   FROM procurement_lines GROUP BY contract_id) l ON l.contract_id = c.id \
              WHERE c.ledger_total <> COALESCE(l.total, 0) \
                 OR c.ledger_domestic <> COALESCE(l.domestic, 0) \
              ORDER BY p.code, c.number",
    },
];

fn counter_differences(conn: &mut DbConnection, out: &mut Vec<Difference>) -> QueryResult<()> {
    for check in &COUNTERS {
        let rows: Vec<CounterRow> = diesel::sql_query(check.sql).load(conn)?;
        let total = rows.len();
        for r in rows.into_iter().take(NAMED_PER_KIND) {
            let pairs = [(r.s1, r.r1), (r.s2, r.r2), (r.s3, r.r3), (r.s4, r.r4)];
            let what: Vec<String> = check
                .names
                .iter()
                .zip(pairs)
                .filter(|(name, (s, w))| !name.is_empty() && s != w)
                .map(|(name, (s, w))| format!("{name} is {s}, the records give {w}"))
                .collect();
            out.push(Difference {
                kind: check.kind,
                text: format!("{} {}: {}", check.noun, r.label, what.join("; ")),
            });
        }
        if total > NAMED_PER_KIND {
            out.push(Difference {
                kind: check.kind,
                text: format!(
                    "and {} more {}s differ ({})",
                    total - NAMED_PER_KIND,
                    check.noun,
                    check.kind.code()
                ),
            });
        }
    }
    Ok(())
}
