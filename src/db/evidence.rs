//! The evidence rows of the discrepancy lists (issue 15): the register records that explain
//! each finding, read for one page of a list at a time: a query per register the list needs,
//! however many rows the page has (500 keys to a query for an export).

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;

use super::DbConnection;
use super::discrepancies::{HireItem, LineItem, ListKind};
use super::schema::{
    contracts, jobs, projects, register_batches as b, register_certificates as cert,
    register_contributions as contrib, register_employment_contracts as emp,
    register_referrals as refr, workers,
};

/// A referral as the register holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralRecord {
    pub iin: String,
    pub region_code: String,
    pub district: String,
    pub issued_on: NaiveDate,
    pub valid_until: NaiveDate,
}

/// Another hire quoting the same referral number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherUse {
    pub job_id: String,
    pub iin: String,
    pub region_code: String,
    pub contractor_bin: String,
    pub contract_number: String,
    pub hire_date: NaiveDate,
}

/// A registered employment contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmploymentRecord {
    pub contract_number: String,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub position: String,
}

/// A CT-KZ certificate as the register holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateRecord {
    pub producer_bin: String,
    pub product: String,
    pub issued_on: NaiveDate,
    pub expires_on: NaiveDate,
}

/// What the registers hold for one page's items, by referral or certificate number, or by
/// (IIN, employer BIN).
#[derive(Debug, Default)]
pub struct Found {
    pub referrals: HashMap<String, Vec<ReferralRecord>>,
    pub uses: HashMap<String, Vec<OtherUse>>,
    pub contracts: HashMap<(String, String), Vec<EmploymentRecord>>,
    pub months: HashMap<(String, String), Vec<NaiveDate>>,
    pub certificates: HashMap<String, Vec<CertificateRecord>>,
}

/// How many of a worker's registered contracts an entry shows: the nearest to the hire date.
pub const NEAREST: usize = 3;

impl Found {
    /// The registered contracts of the hire's worker with its employer, nearest start first.
    pub fn nearest_contracts(&self, h: &HireItem) -> Vec<&EmploymentRecord> {
        let key = (h.iin.clone(), h.contractor_bin.clone());
        let mut rows: Vec<&EmploymentRecord> = self
            .contracts
            .get(&key)
            .map(|v| v.iter().collect())
            .unwrap_or_default();
        rows.sort_by_key(|r| ((r.start_date - h.hire_date).num_days().abs(), r.start_date));
        rows.truncate(NEAREST);
        rows
    }

    /// The months the employer paid the worker's contributions.
    pub fn paid_months(&self, h: &HireItem) -> &[NaiveDate] {
        self.months
            .get(&(h.iin.clone(), h.contractor_bin.clone()))
            .map_or(&[], Vec::as_slice)
    }

    /// The other hires quoting this hire's referral.
    pub fn other_uses(&self, h: &HireItem) -> Vec<&OtherUse> {
        h.referral_number
            .as_ref()
            .and_then(|n| self.uses.get(n))
            .map(|v| v.iter().filter(|u| u.job_id != h.job_id).collect())
            .unwrap_or_default()
    }

    pub fn referrals_of(&self, h: &HireItem) -> &[ReferralRecord] {
        h.referral_number
            .as_ref()
            .and_then(|n| self.referrals.get(n))
            .map_or(&[], Vec::as_slice)
    }

    pub fn certificates_of(&self, l: &LineItem) -> &[CertificateRecord] {
        l.ct_kz_certificate
            .as_ref()
            .and_then(|n| self.certificates.get(n))
            .map_or(&[], Vec::as_slice)
    }
}

fn distinct(values: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = values.collect();
    out.sort();
    out.dedup();
    out
}

/// The evidence a page of hires on list `kind` needs.
pub fn for_hires(
    conn: &mut DbConnection,
    kind: ListKind,
    items: &[HireItem],
) -> QueryResult<Found> {
    let mut found = Found::default();
    match kind {
        ListKind::Referrals | ListKind::UsedTwice => {
            let numbers = distinct(items.iter().filter_map(|h| h.referral_number.clone()));
            found.referrals = referrals(conn, &numbers)?;
            if kind == ListKind::UsedTwice {
                found.uses = uses(conn, &numbers)?;
            }
        }
        ListKind::Contracts => {
            let iins = distinct(items.iter().map(|h| h.iin.clone()));
            found.contracts = employment(conn, &iins)?;
        }
        ListKind::Contributions => {
            let iins = distinct(items.iter().map(|h| h.iin.clone()));
            found.months = months(conn, &iins)?;
        }
        ListKind::Certificates => {}
    }
    Ok(found)
}

/// The evidence a page of the certificate list needs.
pub fn for_lines(conn: &mut DbConnection, items: &[LineItem]) -> QueryResult<Found> {
    let numbers = distinct(items.iter().filter_map(|l| l.ct_kz_certificate.clone()));
    Ok(Found {
        certificates: certificates(conn, &numbers)?,
        ..Found::default()
    })
}

fn referrals(
    conn: &mut DbConnection,
    numbers: &[String],
) -> QueryResult<HashMap<String, Vec<ReferralRecord>>> {
    let mut out: HashMap<String, Vec<ReferralRecord>> = HashMap::new();
    for chunk in numbers.chunks(500) {
        let rows: Vec<(String, String, String, String, NaiveDate, NaiveDate)> = refr::table
            .inner_join(b::table)
            .filter(b::superseded_by.is_null())
            .filter(refr::number.eq_any(chunk))
            .order((refr::number, refr::issued_on))
            .select((
                refr::number,
                refr::iin,
                refr::region_code,
                refr::district,
                refr::issued_on,
                refr::valid_until,
            ))
            .load(conn)?;
        for (number, iin, region_code, district, issued_on, valid_until) in rows {
            let r = ReferralRecord {
                iin,
                region_code,
                district,
                issued_on,
                valid_until,
            };
            let list = out.entry(number).or_default();
            if !list.contains(&r) {
                list.push(r);
            }
        }
    }
    Ok(out)
}

fn uses(
    conn: &mut DbConnection,
    numbers: &[String],
) -> QueryResult<HashMap<String, Vec<OtherUse>>> {
    let mut out: HashMap<String, Vec<OtherUse>> = HashMap::new();
    for chunk in numbers.chunks(500) {
        type Row = (
            Option<String>,
            String,
            String,
            String,
            String,
            String,
            NaiveDate,
        );
        let rows: Vec<Row> = jobs::table
            .inner_join(workers::table)
            .inner_join(contracts::table.inner_join(projects::table))
            .filter(jobs::referral_number.eq_any(chunk))
            .order((jobs::hire_date, jobs::id))
            .select((
                jobs::referral_number,
                jobs::id,
                workers::iin,
                projects::region_code,
                contracts::contractor_bin,
                contracts::number,
                jobs::hire_date,
            ))
            .load(conn)?;
        for (number, job_id, iin, region_code, contractor_bin, contract_number, hire_date) in rows {
            let Some(number) = number else { continue };
            out.entry(number).or_default().push(OtherUse {
                job_id,
                iin,
                region_code,
                contractor_bin,
                contract_number,
                hire_date,
            });
        }
    }
    Ok(out)
}

type ByWorker<T> = HashMap<(String, String), Vec<T>>;

fn employment(conn: &mut DbConnection, iins: &[String]) -> QueryResult<ByWorker<EmploymentRecord>> {
    let mut out: ByWorker<EmploymentRecord> = HashMap::new();
    for chunk in iins.chunks(500) {
        type Row = (String, String, String, NaiveDate, Option<NaiveDate>, String);
        let rows: Vec<Row> = emp::table
            .inner_join(b::table)
            .filter(b::superseded_by.is_null())
            .filter(emp::iin.eq_any(chunk))
            .order(emp::start_date)
            .select((
                emp::iin,
                emp::employer_bin,
                emp::contract_number,
                emp::start_date,
                emp::end_date,
                emp::position,
            ))
            .load(conn)?;
        for (iin, bin, contract_number, start_date, end_date, position) in rows {
            out.entry((iin, bin)).or_default().push(EmploymentRecord {
                contract_number,
                start_date,
                end_date,
                position,
            });
        }
    }
    Ok(out)
}

fn months(conn: &mut DbConnection, iins: &[String]) -> QueryResult<ByWorker<NaiveDate>> {
    let mut out: ByWorker<NaiveDate> = HashMap::new();
    for chunk in iins.chunks(500) {
        let rows: Vec<(String, String, NaiveDate)> = contrib::table
            .inner_join(b::table)
            .filter(b::superseded_by.is_null())
            .filter(contrib::iin.eq_any(chunk))
            .filter(contrib::amount_tenge.gt(0))
            .order(contrib::month)
            .select((contrib::iin, contrib::employer_bin, contrib::month))
            .load(conn)?;
        for (iin, bin, month) in rows {
            let list = out.entry((iin, bin)).or_default();
            if list.last() != Some(&month) {
                list.push(month);
            }
        }
    }
    Ok(out)
}

fn certificates(
    conn: &mut DbConnection,
    numbers: &[String],
) -> QueryResult<HashMap<String, Vec<CertificateRecord>>> {
    let mut out: HashMap<String, Vec<CertificateRecord>> = HashMap::new();
    for chunk in numbers.chunks(500) {
        let rows: Vec<(String, String, String, NaiveDate, NaiveDate)> = cert::table
            .inner_join(b::table)
            .filter(b::superseded_by.is_null())
            .filter(cert::number.eq_any(chunk))
            .order((cert::number, cert::issued_on))
            .select((
                cert::number,
                cert::producer_bin,
                cert::product,
                cert::issued_on,
                cert::expires_on,
            ))
            .load(conn)?;
        for (number, producer_bin, product, issued_on, expires_on) in rows {
            out.entry(number).or_default().push(CertificateRecord {
                producer_bin,
                product,
                issued_on,
                expires_on,
            });
        }
    }
    Ok(out)
}
