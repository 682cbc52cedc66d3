//! What matching found for hires and procurement lines (issue 15): reading the hires and lines
//! a load or a new hire concerns, page by page, storing their checks, and adding them up per
//! contract for the verified figures.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Date, Nullable, Text, Timestamp};

use super::DbConnection;
use super::schema::{hire_verifications as hv, line_verifications as lv};
use crate::domain::verification::Tally;

/// A value bound to a raw query, in order.
#[derive(Debug, Clone)]
pub enum Bind {
    Text(String),
    Date(NaiveDate),
    Stamp(NaiveDateTime),
}

/// A raw `WHERE` condition with its binds; placeholders are numbered as they are added.
#[derive(Debug, Clone, Default)]
pub struct Cond {
    pub sql: String,
    pub binds: Vec<Bind>,
}

impl Cond {
    pub fn new() -> Self {
        Self::default()
    }

    fn next(&mut self, b: Bind) -> String {
        self.binds.push(b);
        format!("${}", self.binds.len())
    }

    pub fn and(mut self, sql: &str) -> Self {
        if !self.sql.is_empty() {
            self.sql.push_str(" AND ");
        }
        self.sql.push_str(sql);
        self
    }

    /// `sql` with each `?` replaced by the next placeholder for the values given, in order.
    pub fn and_with(mut self, sql: &str, values: Vec<Bind>) -> Self {
        let mut out = String::new();
        let mut values = values.into_iter();
        for ch in sql.chars() {
            if ch == '?' {
                match values.next() {
                    Some(v) => out.push_str(&self.next(v)),
                    None => out.push('?'),
                }
            } else {
                out.push(ch);
            }
        }
        self.and(&out)
    }

    /// `column IN (…)` over `values` (at most 500 of them).
    pub fn and_in(self, column: &str, values: &[String]) -> Self {
        if values.is_empty() {
            return self.and("1 = 0");
        }
        let marks = vec!["?"; values.len()].join(", ");
        let binds = values.iter().cloned().map(Bind::Text).collect();
        self.and_with(&format!("{column} IN ({marks})"), binds)
    }

    /// The raw query `select WHERE cond tail` with the binds applied.
    pub fn query(&self, select: &str, tail: &str) -> Boxed {
        let mut q = diesel::sql_query(format!("{select} WHERE {} {tail}", self.sql)).into_boxed();
        for b in &self.binds {
            q = match b.clone() {
                Bind::Text(t) => q.bind::<Text, _>(t),
                Bind::Date(d) => q.bind::<Date, _>(d),
                Bind::Stamp(s) => q.bind::<Timestamp, _>(s),
            };
        }
        q
    }
}

pub type Boxed = diesel::query_builder::BoxedSqlQuery<
    'static,
    <DbConnection as diesel::Connection>::Backend,
    diesel::query_builder::SqlQuery,
>;

/// A hire as matching reads it.
#[derive(Debug, Clone, QueryableByName)]
pub struct HireRow {
    #[diesel(sql_type = Text)]
    pub job_id: String,
    #[diesel(sql_type = Text)]
    pub contract_id: String,
    #[diesel(sql_type = Text)]
    pub region_code: String,
    #[diesel(sql_type = Text)]
    pub iin: String,
    #[diesel(sql_type = Text)]
    pub contractor_bin: String,
    #[diesel(sql_type = Date)]
    pub hire_date: NaiveDate,
    #[diesel(sql_type = Nullable<Date>)]
    pub end_date: Option<NaiveDate>,
    #[diesel(sql_type = Nullable<Text>)]
    pub referral_number: Option<String>,
}

/// What matching reads of a hire, and from where (see [`HireRow`]).
const HIRE_COLUMNS: &str = "j.id AS job_id, j.contract_id, p.region_code, w.iin, \
     c.contractor_bin, j.hire_date, j.end_date, j.referral_number";
const HIRE_TABLES: &str = "jobs j JOIN workers w ON w.id = j.worker_id \
     JOIN contracts c ON c.id = j.contract_id JOIN projects p ON p.id = c.project_id";

fn hires_select() -> String {
    format!("SELECT {HIRE_COLUMNS} FROM {HIRE_TABLES}")
}

/// Up to `limit` hires matching `cond` with ids after `after`, in id order (keyset paging,
/// so a national load never holds every hire at once).
pub fn hires_page(
    conn: &mut DbConnection,
    cond: &Cond,
    after: &str,
    limit: usize,
) -> QueryResult<Vec<HireRow>> {
    let c = cond
        .clone()
        .and_with("j.id > ?", vec![Bind::Text(after.to_owned())]);
    c.query(&hires_select(), &format!("ORDER BY j.id LIMIT {limit}"))
        .load(conn)
}

/// Every hire `cond` selects, for a condition that selects few (the hires quoting a list of
/// referral numbers). Not paged like [`hires_page`]: with `ORDER BY j.id LIMIT`, PostgreSQL
/// walks every job in id order looking for the few (measured: 0.5 s for each 500 numbers at
/// national scale, 52 s for a bulk of 10,000 hires).
pub fn hires_few(conn: &mut DbConnection, cond: &Cond) -> QueryResult<Vec<HireRow>> {
    cond.query(&hires_select(), "").load(conn)
}

/// The contracts of a region (every contract when `region` is `None`) in groups of about
/// `size` hires, by their hire counters: a recheck of a whole register's period reads the
/// hires a group at a time through the jobs' contract index, where keyset paging over a
/// four-table join in job id order makes PostgreSQL join and sort far more than a page.
pub fn contract_groups(
    conn: &mut DbConnection,
    region: Option<&str>,
    size: usize,
) -> QueryResult<Vec<Vec<String>>> {
    use super::schema::{contracts as c, projects as p};
    let mut q = c::table
        .inner_join(p::table)
        .select((c::id, c::center_hires + c::direct_hires))
        .order(c::id)
        .into_boxed();
    if let Some(region) = region {
        q = q.filter(p::region_code.eq(region.to_owned()));
    }
    let rows: Vec<(String, i32)> = q.load(conn)?;
    let mut groups = Vec::new();
    let (mut group, mut hires) = (Vec::new(), 0usize);
    for (id, count) in rows {
        group.push(id);
        hires += usize::try_from(count).unwrap_or(0);
        // A group also ends at 500 contracts: the bind limit of one `IN` list.
        if hires >= size || group.len() == 500 {
            groups.push(std::mem::take(&mut group));
            hires = 0;
        }
    }
    if !group.is_empty() {
        groups.push(group);
    }
    Ok(groups)
}

/// A hire with the checks stored for it (none before its first check), for a recheck that
/// redoes only the contributions check.
#[derive(Debug, Clone, QueryableByName)]
pub struct HireWithChecks {
    #[diesel(embed)]
    pub hire: HireRow,
    #[diesel(sql_type = Nullable<Text>)]
    pub referral: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub referral_reason: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub employment: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub contributions: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub missing_months: Option<String>,
}

/// Every hire `cond` selects with its stored checks (`cond` selects few: a group of contracts).
pub fn hires_with_checks(conn: &mut DbConnection, cond: &Cond) -> QueryResult<Vec<HireWithChecks>> {
    let select = format!(
        "SELECT {HIRE_COLUMNS}, hv.referral, hv.referral_reason, hv.employment, \
         hv.contributions, hv.missing_months \
         FROM {HIRE_TABLES} LEFT JOIN hire_verifications hv ON hv.job_id = j.id"
    );
    cond.query(&select, "").load(conn)
}

/// Writes new contributions checks over stored ones, several hundred in one statement
/// (`UPDATE … FROM (VALUES …)`, which SQLite and PostgreSQL both read): the other checks and
/// the indexes on them stay untouched.
pub fn save_contributions(conn: &mut DbConnection, rows: &[HireCheck]) -> QueryResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    // The discrepancy lists are cached pages of the stored checks.
    super::cache::touched();
    for chunk in rows.chunks(500) {
        let Some(first) = chunk.first() else { continue };
        let values: Vec<String> = (0..chunk.len())
            .map(|i| format!("(${}, ${}, ${})", 3 * i + 2, 3 * i + 3, 3 * i + 4))
            .collect();
        let sql = format!(
            "UPDATE hire_verifications SET contributions = v.column2, missing_months = v.column3, \
             checked_at = $1 FROM (VALUES {}) AS v WHERE hire_verifications.job_id = v.column1",
            values.join(", ")
        );
        let mut q = diesel::sql_query(sql)
            .into_boxed::<<DbConnection as diesel::Connection>::Backend>()
            .bind::<Timestamp, _>(first.checked_at);
        for r in chunk {
            q = q
                .bind::<Text, _>(r.job_id.clone())
                .bind::<Text, _>(r.contributions.clone())
                .bind::<Text, _>(r.missing_months.clone());
        }
        q.execute(conn)?;
    }
    Ok(())
}

/// Every hire quoting one of the referral numbers, with what the referral rule needs to know
/// which came first.
#[derive(Debug, Clone, QueryableByName)]
pub struct Use {
    #[diesel(sql_type = Text)]
    pub referral_number: String,
    #[diesel(sql_type = Text)]
    pub job_id: String,
    #[diesel(sql_type = Text)]
    pub iin: String,
    #[diesel(sql_type = Text)]
    pub region_code: String,
    #[diesel(sql_type = Date)]
    pub hire_date: NaiveDate,
}

pub fn uses(conn: &mut DbConnection, numbers: &[String]) -> QueryResult<Vec<Use>> {
    let mut out = Vec::new();
    for chunk in numbers.chunks(500) {
        let c = Cond::new().and_in("j.referral_number", chunk);
        let rows: Vec<Use> = c
            .query(
                "SELECT j.referral_number, j.id AS job_id, w.iin, p.region_code, j.hire_date \
                 FROM jobs j JOIN workers w ON w.id = j.worker_id \
                 JOIN contracts c ON c.id = j.contract_id JOIN projects p ON p.id = c.project_id",
                "",
            )
            .load(conn)?;
        out.extend(rows);
    }
    Ok(out)
}

#[derive(Debug, Clone, Insertable, Queryable, Selectable)]
#[diesel(table_name = hv)]
pub struct HireCheck {
    pub job_id: String,
    pub contract_id: String,
    pub region_code: String,
    pub referral: String,
    pub referral_reason: String,
    pub employment: String,
    pub contributions: String,
    pub missing_months: String,
    pub checked_at: NaiveDateTime,
}

/// Replaces the stored checks of these hires.
pub fn save_hires(conn: &mut DbConnection, rows: &[HireCheck]) -> QueryResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    // The discrepancy lists are cached pages of the stored checks.
    super::cache::touched();
    for chunk in rows.chunks(500) {
        let ids: Vec<&str> = chunk.iter().map(|r| r.job_id.as_str()).collect();
        diesel::delete(hv::table.filter(hv::job_id.eq_any(ids))).execute(conn)?;
    }
    insert_chunks!(conn, hv::table, rows);
    Ok(())
}

/// A procurement line as the certificate check reads it.
#[derive(Debug, Clone, QueryableByName)]
pub struct LineRow {
    #[diesel(sql_type = Text)]
    pub line_id: String,
    #[diesel(sql_type = Text)]
    pub contract_id: String,
    #[diesel(sql_type = Text)]
    pub region_code: String,
    #[diesel(sql_type = Text)]
    pub category: String,
    #[diesel(sql_type = Bool)]
    pub is_domestic: bool,
    #[diesel(sql_type = BigInt)]
    pub amount_tenge: i64,
    #[diesel(sql_type = Nullable<Text>)]
    pub producer_bin: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub ct_kz_certificate: Option<String>,
    #[diesel(sql_type = Timestamp)]
    pub created_at: NaiveDateTime,
}

const LINES: &str = "SELECT l.id AS line_id, l.contract_id, p.region_code, l.category, l.is_domestic, \
     l.amount_tenge, l.producer_bin, l.ct_kz_certificate, l.created_at \
     FROM procurement_lines l JOIN contracts c ON c.id = l.contract_id \
     JOIN projects p ON p.id = c.project_id";

pub fn lines_page(
    conn: &mut DbConnection,
    cond: &Cond,
    after: &str,
    limit: usize,
) -> QueryResult<Vec<LineRow>> {
    let c = cond
        .clone()
        .and_with("l.id > ?", vec![Bind::Text(after.to_owned())]);
    c.query(LINES, &format!("ORDER BY l.id LIMIT {limit}"))
        .load(conn)
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = lv)]
pub struct LineCheck {
    pub line_id: String,
    pub contract_id: String,
    pub region_code: String,
    pub certificate: String,
    pub reason: String,
    pub failed_tenge: i64,
    pub verified_domestic_tenge: i64,
    pub checked_at: NaiveDateTime,
}

pub fn save_lines(conn: &mut DbConnection, rows: &[LineCheck]) -> QueryResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    // The discrepancy lists are cached pages of the stored checks.
    super::cache::touched();
    for chunk in rows.chunks(500) {
        let ids: Vec<&str> = chunk.iter().map(|r| r.line_id.as_str()).collect();
        diesel::delete(lv::table.filter(lv::line_id.eq_any(ids))).execute(conn)?;
    }
    insert_chunks!(conn, lv::table, rows);
    Ok(())
}

/// The stored checks of these contracts added up (a contract with none has the default):
/// their running tallies (`verified_tallies`).
pub fn tallies(
    conn: &mut DbConnection,
    contract_ids: &[String],
) -> QueryResult<HashMap<String, Tally>> {
    Ok(super::verified_tallies::of_contracts(conn, contract_ids)?
        .into_iter()
        .map(|(id, t)| (id, t.checks))
        .collect())
}

/// The stored checks of one hire, if matching has looked at it.
pub fn hire_check(conn: &mut DbConnection, job_id: &str) -> QueryResult<Option<HireCheck>> {
    hv::table
        .filter(hv::job_id.eq(job_id))
        .select(HireCheck::as_select())
        .first(conn)
        .optional()
}

/// The verified figures of these contracts (`domain::verification::verified` on their declared
/// facts and stored checks): what every page, export and the API show beside the declared.
pub fn verified_for(
    conn: &mut DbConnection,
    contracts: &[(String, crate::domain::compliance::ContractFacts)],
) -> QueryResult<HashMap<String, crate::domain::verification::Verified>> {
    let ids: Vec<String> = contracts.iter().map(|(id, _)| id.clone()).collect();
    let tallies = tallies(conn, &ids)?;
    Ok(contracts
        .iter()
        .map(|(id, facts)| {
            let t = tallies.get(id).copied().unwrap_or_default();
            (id.clone(), crate::domain::verification::verified(facts, &t))
        })
        .collect())
}

/// A region's stored checks added up (its running tally), for its verified figures.
pub fn region_tally(
    conn: &mut DbConnection,
    region: &str,
) -> QueryResult<crate::domain::verification::AreaTally> {
    Ok(super::verified_tallies::of_regions(conn)?
        .remove(region)
        .unwrap_or_default())
}
