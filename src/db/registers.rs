//! Register batches and their rows (issue 15): writing a load, superseding the live batch of
//! the same kind, region and period, and the look-ups matching makes against live batches.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::DbConnection;
use super::schema::{
    register_batches as b, register_certificates as cert, register_contributions as contrib,
    register_employment_contracts as emp, register_referrals as refr,
};
use crate::domain::registers::Row;
use crate::domain::verification::{Certificate, Coverage, Kind, Referral, Span};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = b)]
pub struct BatchRow {
    pub id: String,
    pub kind: String,
    pub region_code: String,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    pub source: String,
    pub row_count: i64,
    pub loaded_by: String,
    pub loaded_by_user_id: Option<String>,
    pub loaded_by_account_id: Option<String>,
    pub loaded_at: NaiveDateTime,
    pub superseded_by: Option<String>,
}

/// The live batch of exactly this kind, region and period, if any.
pub fn live_same(
    conn: &mut DbConnection,
    kind: Kind,
    region: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Option<BatchRow>> {
    b::table
        .filter(b::kind.eq(kind.code()))
        .filter(b::region_code.eq(region))
        .filter(b::period_from.eq(from))
        .filter(b::period_to.eq(to))
        .filter(b::superseded_by.is_null())
        .select(BatchRow::as_select())
        .first(conn)
        .optional()
}

/// Live batches of the kind whose period overlaps `from..=to` in the same region, or any
/// region when one of them is national, but that are not the same scope.
pub fn live_overlapping(
    conn: &mut DbConnection,
    kind: Kind,
    region: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<BatchRow>> {
    let rows: Vec<BatchRow> = b::table
        .filter(b::kind.eq(kind.code()))
        .filter(b::superseded_by.is_null())
        .filter(b::period_from.le(to))
        .filter(b::period_to.ge(from))
        .select(BatchRow::as_select())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter(|r| region.is_empty() || r.region_code.is_empty() || r.region_code == region)
        .filter(|r| !(r.region_code == region && r.period_from == from && r.period_to == to))
        .collect())
}

/// Marks `old` superseded by `new` (before `new` is inserted: one live batch per scope).
pub fn supersede(conn: &mut DbConnection, old: &str, new: &str) -> QueryResult<usize> {
    diesel::update(
        b::table
            .filter(b::id.eq(old))
            .filter(b::superseded_by.is_null()),
    )
    .set(b::superseded_by.eq(new))
    .execute(conn)
}

pub fn insert_batch(conn: &mut DbConnection, batch: &BatchRow) -> QueryResult<()> {
    diesel::insert_into(b::table).values(batch).execute(conn)?;
    Ok(())
}

pub fn set_row_count(conn: &mut DbConnection, id: &str, n: i64) -> QueryResult<()> {
    diesel::update(b::table.filter(b::id.eq(id)))
        .set(b::row_count.eq(n))
        .execute(conn)?;
    Ok(())
}

/// The latest batches of one register (or all), newest first (the registers page and the
/// API's list).
pub fn recent_of(
    conn: &mut DbConnection,
    kind: Option<Kind>,
    limit: i64,
) -> QueryResult<Vec<BatchRow>> {
    Ok(recent_after(conn, kind, None, limit)?.unwrap_or_default())
}

/// The batches after the one with id `after` in newest-first order (all from the newest
/// without it); `None` when no batch has that id (a cursor this database never gave out).
pub fn recent_after(
    conn: &mut DbConnection,
    kind: Option<Kind>,
    after: Option<&str>,
    limit: i64,
) -> QueryResult<Option<Vec<BatchRow>>> {
    let mut q = b::table.into_boxed();
    if let Some(k) = kind {
        q = q.filter(b::kind.eq(k.code()));
    }
    if let Some(id) = after {
        // Keyed on (loaded_at, id), the list's order: a batch loaded meanwhile goes first and
        // shifts nothing on the pages after it.
        let Some(at) = b::table
            .filter(b::id.eq(id))
            .select(b::loaded_at)
            .first::<chrono::NaiveDateTime>(conn)
            .optional()?
        else {
            return Ok(None);
        };
        q = q.filter(
            b::loaded_at
                .lt(at)
                .or(b::loaded_at.eq(at).and(b::id.lt(id.to_owned()))),
        );
    }
    q.order((b::loaded_at.desc(), b::id.desc()))
        .limit(limit)
        .select(BatchRow::as_select())
        .load(conn)
        .map(Some)
}

/// Every live batch's reach.
pub fn coverage(conn: &mut DbConnection) -> QueryResult<Coverage> {
    let rows: Vec<(String, String, NaiveDate, NaiveDate)> = b::table
        .filter(b::superseded_by.is_null())
        .select((b::kind, b::region_code, b::period_from, b::period_to))
        .load(conn)?;
    Ok(Coverage(
        rows.into_iter()
            .filter_map(|(k, region, from, to)| {
                Kind::from_code(&k).map(|kind| Span {
                    kind,
                    region,
                    from,
                    to,
                })
            })
            .collect(),
    ))
}

#[derive(Insertable)]
#[diesel(table_name = refr, treat_none_as_default_value = false)]
struct NewReferral<'a> {
    batch_id: &'a str,
    line: i64,
    number: &'a str,
    issued_on: NaiveDate,
    iin: &'a str,
    region_code: &'a str,
    district: &'a str,
    valid_until: NaiveDate,
    employer_bin: Option<&'a str>,
}

#[derive(Insertable)]
#[diesel(table_name = emp, treat_none_as_default_value = false)]
struct NewContract<'a> {
    batch_id: &'a str,
    line: i64,
    employer_bin: &'a str,
    iin: &'a str,
    contract_number: &'a str,
    start_date: NaiveDate,
    end_date: Option<NaiveDate>,
    position: &'a str,
}

#[derive(Insertable)]
#[diesel(table_name = contrib, treat_none_as_default_value = false)]
struct NewContribution<'a> {
    batch_id: &'a str,
    line: i64,
    month: NaiveDate,
    employer_bin: &'a str,
    iin: &'a str,
    amount_tenge: i64,
}

#[derive(Insertable)]
#[diesel(table_name = cert, treat_none_as_default_value = false)]
struct NewCertificate<'a> {
    batch_id: &'a str,
    line: i64,
    number: &'a str,
    producer_bin: &'a str,
    product: &'a str,
    issued_on: NaiveDate,
    expires_on: NaiveDate,
}

/// Writes checked rows of one batch (all of the batch's kind), many per statement.
pub fn insert_rows(
    conn: &mut DbConnection,
    batch_id: &str,
    rows: &[(u64, Row)],
) -> QueryResult<()> {
    let line = |l: &u64| i64::try_from(*l).unwrap_or(i64::MAX);
    let mut referrals = Vec::new();
    let mut contracts = Vec::new();
    let mut contributions = Vec::new();
    let mut certificates = Vec::new();
    for (l, row) in rows {
        match row {
            Row::Referral(r) => referrals.push(NewReferral {
                batch_id,
                line: line(l),
                number: &r.number,
                issued_on: r.issued_on,
                iin: &r.iin,
                region_code: &r.region,
                district: &r.district,
                valid_until: r.valid_until,
                employer_bin: r.employer_bin.as_deref(),
            }),
            Row::Contract(c) => contracts.push(NewContract {
                batch_id,
                line: line(l),
                employer_bin: &c.employer_bin,
                iin: &c.iin,
                contract_number: &c.contract_number,
                start_date: c.start_date,
                end_date: c.end_date,
                position: &c.position,
            }),
            Row::Contribution(c) => contributions.push(NewContribution {
                batch_id,
                line: line(l),
                month: c.month,
                employer_bin: &c.employer_bin,
                iin: &c.iin,
                amount_tenge: c.amount_tenge,
            }),
            Row::Certificate(c) => certificates.push(NewCertificate {
                batch_id,
                line: line(l),
                number: &c.number,
                producer_bin: &c.producer_bin,
                product: &c.product,
                issued_on: c.issued_on,
                expires_on: c.expires_on,
            }),
        }
    }
    // On PostgreSQL through COPY (binary): a national register is millions of rows, and COPY
    // skips the parsing and planning of an INSERT per 500 of them.
    macro_rules! write {
        ($table:expr, $rows:expr) => {
            if !$rows.is_empty() {
                match conn {
                    DbConnection::Sqlite(_) => insert_chunks!(conn, $table, $rows),
                    DbConnection::Postgresql(c) => {
                        diesel::copy_from($table)
                            .from_insertable(&$rows)
                            .execute(c)?;
                    }
                }
            }
        };
    }
    write!(refr::table, referrals);
    write!(emp::table, contracts);
    write!(contrib::table, contributions);
    write!(cert::table, certificates);
    Ok(())
}

/// The referral numbers of some batches (the hires that quote them are checked again).
pub fn referral_numbers(conn: &mut DbConnection, batch_ids: &[String]) -> QueryResult<Vec<String>> {
    refr::table
        .filter(refr::batch_id.eq_any(batch_ids))
        .select(refr::number)
        .distinct()
        .load(conn)
}

/// Live referrals by number.
pub fn referrals(
    conn: &mut DbConnection,
    numbers: &[String],
) -> QueryResult<HashMap<String, Vec<Referral>>> {
    let mut found: HashMap<String, Vec<Referral>> = HashMap::new();
    for chunk in numbers.chunks(500) {
        let rows: Vec<(String, String, String, NaiveDate, NaiveDate)> = refr::table
            .inner_join(b::table)
            .filter(b::superseded_by.is_null())
            .filter(refr::number.eq_any(chunk))
            .select((
                refr::number,
                refr::iin,
                refr::region_code,
                refr::issued_on,
                refr::valid_until,
            ))
            .load(conn)?;
        for (number, iin, region, issued_on, valid_until) in rows {
            let r = Referral {
                iin,
                region,
                issued_on,
                valid_until,
            };
            let list = found.entry(number).or_default();
            if !list.contains(&r) {
                list.push(r);
            }
        }
    }
    Ok(found)
}

/// Live employment contracts' start dates by (IIN, employer BIN).
pub fn contract_starts(
    conn: &mut DbConnection,
    iins: &[String],
) -> QueryResult<HashMap<(String, String), Vec<NaiveDate>>> {
    let mut found: HashMap<(String, String), Vec<NaiveDate>> = HashMap::new();
    for chunk in iins.chunks(500) {
        let rows: Vec<(String, String, NaiveDate)> = emp::table
            .inner_join(b::table)
            .filter(b::superseded_by.is_null())
            .filter(emp::iin.eq_any(chunk))
            .select((emp::iin, emp::employer_bin, emp::start_date))
            .load(conn)?;
        for (iin, bin, start) in rows {
            found.entry((iin, bin)).or_default().push(start);
        }
    }
    Ok(found)
}

/// The table that holds one register's rows.
pub fn table_of(kind: Kind) -> &'static str {
    match kind {
        Kind::Referrals => "register_referrals",
        Kind::EmploymentContracts => "register_employment_contracts",
        Kind::Contributions => "register_contributions",
        Kind::Certificates => "register_certificates",
    }
}

/// The live batches of one register (few).
pub fn live_batches(conn: &mut DbConnection, kind: Kind) -> QueryResult<Vec<String>> {
    b::table
        .filter(b::kind.eq(kind.code()))
        .filter(b::superseded_by.is_null())
        .select(b::id)
        .load(conn)
}

/// Months with a live contribution (amount above zero) by (IIN, employer BIN).
pub fn paid_months(
    conn: &mut DbConnection,
    iins: &[String],
) -> QueryResult<HashMap<(String, String), Vec<NaiveDate>>> {
    let mut found: HashMap<(String, String), Vec<NaiveDate>> = HashMap::new();
    let live = live_batches(conn, Kind::Contributions)?;
    if live.is_empty() {
        return Ok(found);
    }
    for chunk in iins.chunks(500) {
        let person = contrib::table
            .filter(contrib::iin.eq_any(chunk))
            .filter(contrib::amount_tenge.gt(0))
            .select((contrib::iin, contrib::employer_bin, contrib::month));
        // PostgreSQL: the live batches filter on the last column of the person index, so a
        // superseded batch's rows are skipped without reading them from the table (57 → 25 ms
        // per 500 people at national scale). SQLite would read that condition through the
        // primary key (batch, line) instead, the whole batch per lookup (200 s for a national
        // load): there each row is joined to its batch.
        let rows: Vec<(String, String, NaiveDate)> = match conn {
            DbConnection::Postgresql(_) => {
                person.filter(contrib::batch_id.eq_any(&live)).load(conn)?
            }
            DbConnection::Sqlite(_) => person
                .inner_join(b::table)
                .filter(b::superseded_by.is_null())
                .load(conn)?,
        };
        for (iin, bin, month) in rows {
            found.entry((iin, bin)).or_default().push(month);
        }
    }
    Ok(found)
}

/// Live certificates by number.
pub fn certificates(
    conn: &mut DbConnection,
    numbers: &[String],
) -> QueryResult<HashMap<String, Vec<Certificate>>> {
    let mut found: HashMap<String, Vec<Certificate>> = HashMap::new();
    for chunk in numbers.chunks(500) {
        let rows: Vec<(String, String, NaiveDate, NaiveDate)> = cert::table
            .inner_join(b::table)
            .filter(b::superseded_by.is_null())
            .filter(cert::number.eq_any(chunk))
            .select((
                cert::number,
                cert::producer_bin,
                cert::issued_on,
                cert::expires_on,
            ))
            .load(conn)?;
        for (number, producer_bin, issued_on, expires_on) in rows {
            found.entry(number).or_default().push(Certificate {
                producer_bin,
                issued_on,
                expires_on,
            });
        }
    }
    Ok(found)
}
