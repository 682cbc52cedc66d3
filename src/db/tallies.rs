//! The figures kept as running deltas per region and day (and per region and month), and as
//! running totals per region, written by the transaction that changes what they count.
//! Today's figures are the totals, one row per region; the figures as of an earlier date are
//! the sum of the deltas up to it: a few hundred rows, however many jobs there are.
//!
//! A transaction collects its deltas in a [`Tally`] and flushes them last, in key order, so
//! that two transactions never take the tally rows' locks in opposite orders (PostgreSQL).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Nullable, Text, Timestamp};

use super::DbConnection;
use crate::domain::figures::Figures;
use crate::domain::workflow::ProjectStatus;

const TABLES: [&str; 2] = ["region_day_figures", "region_month_figures"];

pub fn month_of(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// Deltas waiting to be written, keyed by region and day.
#[derive(Debug, Default)]
pub struct Tally {
    pending: BTreeMap<(String, NaiveDate), Figures>,
}

impl Tally {
    pub fn add(&mut self, region: &str, day: NaiveDate, delta: &Figures) {
        self.pending
            .entry((region.to_owned(), day))
            .or_default()
            .add_scaled(delta, 1);
    }

    /// Takes back what `add` counted, e.g. a corrected hire's figures on its old date.
    pub fn remove(&mut self, region: &str, day: NaiveDate, delta: &Figures) {
        self.pending
            .entry((region.to_owned(), day))
            .or_default()
            .add_scaled(delta, -1);
    }

    /// A project of `region` moved from one status to another on `day`.
    pub fn status_change(
        &mut self,
        region: &str,
        day: NaiveDate,
        from: Option<ProjectStatus>,
        to: ProjectStatus,
        planned: (i64, i64, i64),
        budget: i64,
    ) {
        let mut delta = Figures::of_project(to, planned, budget);
        if let Some(from) = from {
            delta.add_scaled(&Figures::of_project(from, planned, budget), -1);
        }
        self.add(region, day, &delta);
    }

    /// The deltas by region and day, e.g. as recomputed from the records.
    pub fn days(&self) -> &BTreeMap<(String, NaiveDate), Figures> {
        &self.pending
    }

    /// Writes the deltas: day rows, then month rows, then totals, each in key order.
    pub fn flush(self, conn: &mut DbConnection) -> QueryResult<()> {
        super::cache::touched();
        let mut months: BTreeMap<(String, NaiveDate), Figures> = BTreeMap::new();
        let mut totals: BTreeMap<String, Figures> = BTreeMap::new();
        for ((region, day), delta) in &self.pending {
            months
                .entry((region.clone(), month_of(*day)))
                .or_default()
                .add_scaled(delta, 1);
            totals
                .entry(region.clone())
                .or_default()
                .add_scaled(delta, 1);
        }
        for (table, rows) in TABLES.iter().zip([&self.pending, &months]) {
            for ((region, day), delta) in rows {
                if !delta.is_zero() {
                    upsert(conn, table, region, Some(*day), delta)?;
                }
            }
        }
        for (region, delta) in &totals {
            if !delta.is_zero() {
                upsert(conn, "region_figures", region, None, delta)?;
            }
        }
        Ok(())
    }
}

/// Adds `delta` to the row of `region` (and `day`, in the day and month tables).
fn upsert(
    conn: &mut DbConnection,
    table: &str,
    region: &str,
    day: Option<NaiveDate>,
    delta: &Figures,
) -> QueryResult<()> {
    // The counts are integers computed here, never user input: they go into the SQL text.
    let names = Figures::COUNTED.join(", ");
    let values: Vec<String> = delta.counts().iter().map(i64::to_string).collect();
    let updates: Vec<String> = Figures::COUNTED
        .iter()
        .map(|c| format!("{c} = {table}.{c} + excluded.{c}"))
        .collect();
    let (key, key_values) = match day {
        Some(_) => ("region_code, day", "$1, $2"),
        None => ("region_code", "$1"),
    };
    let sql = format!(
        "INSERT INTO {table} ({key}, {names}) VALUES ({key_values}, {}) \
         ON CONFLICT ({key}) DO UPDATE SET {}",
        values.join(", "),
        updates.join(", ")
    );
    match day {
        Some(day) => diesel::sql_query(sql)
            .bind::<Text, _>(region)
            .bind::<Date, _>(day)
            .execute(conn)?,
        None => diesel::sql_query(sql)
            .bind::<Text, _>(region)
            .execute(conn)?,
    };
    Ok(())
}

#[derive(QueryableByName)]
struct SumRow {
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
    #[diesel(sql_type = BigInt)]
    c6: i64,
    #[diesel(sql_type = BigInt)]
    c7: i64,
    #[diesel(sql_type = BigInt)]
    c8: i64,
    #[diesel(sql_type = BigInt)]
    c9: i64,
    #[diesel(sql_type = BigInt)]
    c10: i64,
    #[diesel(sql_type = BigInt)]
    c11: i64,
    #[diesel(sql_type = BigInt)]
    c12: i64,
    #[diesel(sql_type = BigInt)]
    c13: i64,
    #[diesel(sql_type = BigInt)]
    c14: i64,
    #[diesel(sql_type = BigInt)]
    c15: i64,
}

impl SumRow {
    fn into_figures(self) -> Figures {
        let c = [
            self.c0, self.c1, self.c2, self.c3, self.c4, self.c5, self.c6, self.c7, self.c8,
            self.c9, self.c10, self.c11, self.c12, self.c13, self.c14, self.c15,
        ];
        Figures::from_counts(self.region_code, c)
    }
}

fn sums() -> String {
    Figures::COUNTED
        .iter()
        .enumerate()
        .map(|(i, c)| format!("CAST(COALESCE(SUM({c}), 0) AS BIGINT) AS c{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every region's figures at the end of `as_of`: whole months from the month table, the
/// days of `as_of`'s own month from the day table. From `today` on, nothing can be dated
/// later, so the running totals are the answer.
pub fn by_region(
    conn: &mut DbConnection,
    as_of: NaiveDate,
    today: NaiveDate,
) -> QueryResult<Vec<Figures>> {
    if as_of >= today {
        return totals(conn);
    }
    let names = Figures::COUNTED.join(", ");
    let rows: Vec<SumRow> = diesel::sql_query(format!(
        "SELECT region_code, {} FROM ( \
           SELECT region_code, {names} FROM region_month_figures WHERE day < $1 \
           UNION ALL \
           SELECT region_code, {names} FROM region_day_figures WHERE day >= $2 AND day <= $3 \
         ) t GROUP BY region_code",
        sums()
    ))
    .bind::<Date, _>(month_of(as_of))
    .bind::<Date, _>(month_of(as_of))
    .bind::<Date, _>(as_of)
    .load(conn)?;
    Ok(rows.into_iter().map(SumRow::into_figures).collect())
}

fn aliased() -> String {
    Figures::COUNTED
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} AS c{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every region's figures today: the running totals.
pub fn totals(conn: &mut DbConnection) -> QueryResult<Vec<Figures>> {
    let rows: Vec<SumRow> = diesel::sql_query(format!(
        "SELECT region_code, {} FROM region_figures",
        aliased()
    ))
    .load(conn)?;
    Ok(rows.into_iter().map(SumRow::into_figures).collect())
}

#[derive(QueryableByName)]
struct DayJobs {
    #[diesel(sql_type = Date)]
    day: NaiveDate,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Jobs created per month (first day) up to `as_of`, for one region or the nation (`""`).
pub fn jobs_by_month(
    conn: &mut DbConnection,
    region: &str,
    as_of: NaiveDate,
) -> QueryResult<BTreeMap<NaiveDate, i64>> {
    // Whole months from the month table, the days of `as_of`'s month from the day table;
    // a statement each for the nation and a region, so each reads its own index.
    let filter = if region.is_empty() {
        "$2 = ''"
    } else {
        "region_code = $2"
    };
    // Parameters are numbered in order of first use: SQLite numbers named ones that way.
    let rows: Vec<DayJobs> = diesel::sql_query(format!(
        "SELECT day, CAST(SUM(jobs_created) AS BIGINT) AS n FROM region_month_figures \
           WHERE day < $1 AND {filter} GROUP BY day \
         UNION ALL \
         SELECT day, CAST(SUM(jobs_created) AS BIGINT) AS n FROM region_day_figures \
           WHERE day >= $1 AND day <= $3 AND {filter} GROUP BY day"
    ))
    .bind::<Date, _>(month_of(as_of))
    .bind::<Text, _>(region)
    .bind::<Date, _>(as_of)
    .load(conn)?;
    let mut months = BTreeMap::new();
    for r in rows.into_iter().filter(|r| r.n != 0) {
        *months.entry(month_of(r.day)).or_insert(0) += r.n;
    }
    Ok(months)
}

#[derive(QueryableByName)]
struct ChangeRow {
    #[diesel(sql_type = Text)]
    region_code: String,
    #[diesel(sql_type = Timestamp)]
    changed_at: NaiveDateTime,
    #[diesel(sql_type = Nullable<Text>)]
    from_status: Option<String>,
    #[diesel(sql_type = Text)]
    to_status: String,
    #[diesel(sql_type = BigInt)]
    planned: i64,
    #[diesel(sql_type = BigInt)]
    center: i64,
    #[diesel(sql_type = BigInt)]
    permanent: i64,
    #[diesel(sql_type = BigInt)]
    budget: i64,
}

#[derive(QueryableByName)]
struct CountRow {
    #[diesel(sql_type = Text)]
    region_code: String,
    #[diesel(sql_type = Date)]
    day: NaiveDate,
    #[diesel(sql_type = BigInt)]
    a: i64,
    #[diesel(sql_type = BigInt)]
    b: i64,
    #[diesel(sql_type = BigInt)]
    c: i64,
    #[diesel(sql_type = BigInt)]
    d: i64,
}

/// The deltas recomputed from the records themselves (status history, jobs, lifting
/// payments, contracts): what the day table must hold.
pub fn recompute(conn: &mut DbConnection) -> QueryResult<Tally> {
    let mut tally = Tally::default();
    let changes: Vec<ChangeRow> = diesel::sql_query(
        "SELECT p.region_code, s.changed_at, s.from_status, s.to_status, \
           CAST(p.planned_jobs AS BIGINT) AS planned, CAST(p.planned_center_hires AS BIGINT) AS center, \
           CAST(p.planned_permanent_jobs AS BIGINT) AS permanent, p.budget_tenge AS budget \
         FROM project_status_changes s JOIN projects p ON p.id = s.project_id",
    )
    .load(conn)?;
    for s in changes {
        if let Some(to) = ProjectStatus::from_code(&s.to_status) {
            let from = s.from_status.as_deref().and_then(ProjectStatus::from_code);
            let planned = (s.planned, s.center, s.permanent);
            let day = s.changed_at.date();
            tally.status_change(&s.region_code, day, from, to, planned, s.budget);
        }
    }
    let jobs: Vec<CountRow> = diesel::sql_query(
        "SELECT p.region_code, j.hire_date AS day, CAST(COUNT(*) AS BIGINT) AS a, \
           CAST(SUM(CASE WHEN j.channel = 'employment_center' THEN 1 ELSE 0 END) AS BIGINT) AS b, \
           CAST(SUM(CASE WHEN j.is_youth THEN 1 ELSE 0 END) AS BIGINT) AS c, \
           CAST(SUM(CASE WHEN j.kind = 'permanent' THEN 1 ELSE 0 END) AS BIGINT) AS d \
         FROM jobs j JOIN contracts c ON c.id = j.contract_id JOIN projects p ON p.id = c.project_id \
         GROUP BY p.region_code, j.hire_date",
    )
    .load(conn)?;
    for r in jobs {
        let delta = Figures {
            jobs_created: r.a,
            center_hires: r.b,
            youth_hires: r.c,
            permanent_created: r.d,
            ..Default::default()
        };
        tally.add(&r.region_code, r.day, &delta);
    }
    let lifting: Vec<CountRow> = diesel::sql_query(
        "SELECT p.region_code, lp.paid_on AS day, CAST(COUNT(*) AS BIGINT) AS a, \
           CAST(SUM(lp.amount_tenge) AS BIGINT) AS b, CAST(0 AS BIGINT) AS c, CAST(0 AS BIGINT) AS d \
         FROM lifting_payments lp JOIN jobs j ON j.id = lp.job_id \
         JOIN contracts c ON c.id = j.contract_id JOIN projects p ON p.id = c.project_id \
         GROUP BY p.region_code, lp.paid_on",
    )
    .load(conn)?;
    for r in lifting {
        let delta = Figures {
            lifting_paid: r.a,
            lifting_paid_tenge: r.b,
            ..Default::default()
        };
        tally.add(&r.region_code, r.day, &delta);
    }
    let contracts: Vec<CountRow> = diesel::sql_query(
        "SELECT p.region_code, c.signed_on AS day, \
           CAST(SUM(c.goods_tenge + c.works_tenge + c.services_tenge) AS BIGINT) AS a, \
           CAST(SUM(c.goods_domestic_tenge + c.works_domestic_tenge + c.services_domestic_tenge) AS BIGINT) AS b, \
           CAST(0 AS BIGINT) AS c, CAST(0 AS BIGINT) AS d \
         FROM contracts c JOIN projects p ON p.id = c.project_id GROUP BY p.region_code, c.signed_on",
    )
    .load(conn)?;
    for r in contracts {
        let delta = Figures {
            contracts_value: r.a,
            contracts_domestic: r.b,
            ..Default::default()
        };
        tally.add(&r.region_code, r.day, &delta);
    }
    Ok(tally)
}

/// Replaces the tally tables with what the records say. For bulk loads, and to repair.
pub fn rebuild(conn: &mut DbConnection) -> QueryResult<()> {
    conn.batch_execute(
        "DELETE FROM region_day_figures; DELETE FROM region_month_figures; \
         DELETE FROM region_figures",
    )?;
    recompute(conn)?.flush(conn)
}

/// The stored day rows that differ from the records, as (region, day, stored, recomputed).
pub fn discrepancies(
    conn: &mut DbConnection,
) -> QueryResult<Vec<(String, NaiveDate, Figures, Figures)>> {
    let expected = recompute(conn)?.pending;
    // A difference in the totals is reported under the last day that has figures.
    let today = expected
        .keys()
        .map(|(_, day)| *day)
        .max()
        .unwrap_or_default();
    // The totals must be the sum of every day's deltas.
    let mut sums: BTreeMap<String, Figures> = BTreeMap::new();
    for ((region, _), want) in &expected {
        sums.entry(region.clone()).or_default().add_scaled(want, 1);
    }
    #[derive(QueryableByName)]
    struct Keyed {
        #[diesel(sql_type = Date)]
        day: NaiveDate,
        #[diesel(embed)]
        sums: SumRow,
    }
    let stored: Vec<Keyed> = diesel::sql_query(format!(
        "SELECT region_code, day, {} FROM region_day_figures",
        aliased()
    ))
    .load(conn)?;
    let mut stored: BTreeMap<(String, NaiveDate), Figures> = stored
        .into_iter()
        .map(|k| {
            let f = k.sums.into_figures();
            (
                (f.code.clone(), k.day),
                Figures {
                    code: String::new(),
                    ..f
                },
            )
        })
        .filter(|(_, f)| !f.is_zero())
        .collect();
    let mut out = Vec::new();
    for ((region, day), want) in expected.into_iter().filter(|(_, f)| !f.is_zero()) {
        let have = stored.remove(&(region.clone(), day)).unwrap_or_default();
        if have != want {
            out.push((region, day, have, want));
        }
    }
    for ((region, day), have) in stored {
        out.push((region, day, have, Figures::default()));
    }
    for have in totals(conn)? {
        let region = have.code.clone();
        let want = sums.remove(&region).unwrap_or_default();
        let have = Figures {
            code: String::new(),
            ..have
        };
        if have != want {
            out.push((region, today, have, want));
        }
    }
    for (region, want) in sums.into_iter().filter(|(_, f)| !f.is_zero()) {
        out.push((region, today, Figures::default(), want));
    }
    Ok(out)
}

/// What `table` (`region_day_figures` or `region_month_figures`) holds, by region and day,
/// leaving out rows where every count is zero (a delta that cancelled out).
pub fn stored(
    conn: &mut DbConnection,
    table: &'static str,
) -> QueryResult<BTreeMap<(String, NaiveDate), Figures>> {
    #[derive(QueryableByName)]
    struct Keyed {
        #[diesel(sql_type = Date)]
        day: NaiveDate,
        #[diesel(embed)]
        sums: SumRow,
    }
    let rows: Vec<Keyed> = diesel::sql_query(format!(
        "SELECT region_code, day, {} FROM {table}",
        aliased()
    ))
    .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|k| {
            let f = k.sums.into_figures();
            let key = (f.code.clone(), k.day);
            (
                key,
                Figures {
                    code: String::new(),
                    ..f
                },
            )
        })
        .filter(|(_, f)| !f.is_zero())
        .collect())
}
