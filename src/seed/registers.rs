//! The registers a generated dataset comes with (issue 15): what the employment centers, the
//! contract register (ESUTD), the pension fund (ENPF) and the chamber of commerce (CT-KZ) would
//! hold for the generated hires and purchases, plus one planted discrepancy of every kind, so
//! that the verification pages have something to show. Written in bulk like the rest of the
//! dataset; `usecase::verification::check_all` then checks every hire and line once.
//!
//! The planted discrepancies, each in the first region where it fits (README, Verification):
//! - an employment-center hire whose referral is not in the register;
//! - a referral used twice: a worker hired again under the referral of their first job;
//! - a hire without a registered employment contract;
//! - a worker with a month without a pension contribution;
//! - a certificate that had expired before the purchase, and one issued to another producer.

use chrono::NaiveDate;
use diesel::QueryResult;

use super::Spec;
use super::generate::days;
use super::rows::Batch;
use crate::db::registers::{self, BatchRow};
use crate::db::{DbConnection, new_id, now};
use crate::domain::registers::{CertificateRow, ContractRow, ContributionRow, ReferralRow, Row};
use crate::domain::verification::{Kind, full_months, month_end, month_start};

/// Months of pension contributions the generated register covers (the last of the work).
const CONTRIBUTION_MONTHS: u32 = 2;

/// A BIN for the producer of certified goods: one of a few dozen, fixed by the certificate.
pub fn producer_for(certificate: &str) -> String {
    let n: u32 = certificate.bytes().map(u32::from).sum();
    (0..20)
        .find_map(|s| super::people::bin(2004, 1 + n % 12, 7_000 + (n % 40) * 20 + s))
        .unwrap_or_default()
}

/// What has been planted so far.
#[derive(Default)]
struct Planted {
    used_twice: bool,
    no_referral: bool,
    no_contract: bool,
    missing_month: bool,
    expired: bool,
    other_producer: bool,
}

/// The national batches, filled region by region, and the planted discrepancies.
pub struct Registers {
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
    contracts: BatchRow,
    contributions: BatchRow,
    certificates: BatchRow,
    lines: [u64; 3],
    planted: Planted,
}

fn batch(kind: Kind, region: &str, from: NaiveDate, to: NaiveDate, source: &str) -> BatchRow {
    BatchRow {
        id: new_id(),
        kind: kind.code().to_owned(),
        region_code: region.to_owned(),
        period_from: from,
        period_to: to,
        source: source.to_owned(),
        row_count: 0,
        loaded_by: "jobmap seed".to_owned(),
        loaded_by_user_id: None,
        loaded_by_account_id: None,
        loaded_at: now(),
        superseded_by: None,
    }
}

impl Registers {
    /// Opens the national batches for the spec's work period.
    pub fn start(conn: &mut DbConnection, spec: &Spec, today: NaiveDate) -> QueryResult<Self> {
        let from = month_start(spec.work_from);
        let to = month_end(spec.work_to);
        let mut last = month_start(spec.work_to);
        for _ in 1..CONTRIBUTION_MONTHS {
            last = month_start(last - days(1));
        }
        let certified_from = month_start(spec.approved_from);
        let r = Self {
            from,
            to,
            today,
            contracts: batch(Kind::EmploymentContracts, "", from, to, "generated (ESUTD)"),
            contributions: batch(Kind::Contributions, "", last, to, "generated (ENPF)"),
            certificates: batch(
                Kind::Certificates,
                "",
                certified_from,
                to,
                "generated (CT-KZ)",
            ),
            lines: [1; 3],
            planted: Planted::default(),
        };
        for b in [&r.contracts, &r.contributions, &r.certificates] {
            registers::insert_batch(conn, b)?;
        }
        Ok(r)
    }

    /// Plants the referral used twice (before the region's rows are written): a later
    /// employment-center hire becomes the same worker's second job, under the first job's
    /// referral, the first job ending the day before.
    pub fn plant(&mut self, batch: &mut Batch) {
        if self.planted.used_twice {
            return;
        }
        let center = |i: &usize| batch.jobs[*i].referral_number.is_some();
        let ids: Vec<usize> = (0..batch.jobs.len()).filter(center).collect();
        let pair = ids.iter().find_map(|&a| {
            let ja = &batch.jobs[a];
            ids.iter()
                .copied()
                .find(|&b| {
                    let jb = &batch.jobs[b];
                    jb.hire_date > ja.hire_date + days(2)
                        && jb.hire_date < ja.hire_date + days(25)
                        && jb.is_youth == ja.is_youth
                        && ja.end_date.is_none()
                        && jb.contract_id != ja.contract_id
                })
                .map(|b| (a, b))
        });
        let Some((a, b)) = pair else { return };
        let (worker, number, date, name, settlement) = {
            let ja = &batch.jobs[a];
            (
                ja.worker_id.clone(),
                ja.referral_number.clone(),
                ja.referral_date,
                ja.worker_name.clone(),
                ja.worker_settlement.clone(),
            )
        };
        let second_hire = batch.jobs[b].hire_date;
        batch.jobs[a].end_date = Some(second_hire - days(1));
        let jb = &mut batch.jobs[b];
        jb.worker_id = worker;
        jb.referral_number = number;
        jb.referral_date = date;
        jb.worker_name = name;
        jb.worker_settlement = settlement;
        self.planted.used_twice = true;
    }

    /// Writes what the registers hold of one region's (already written) hires and purchases.
    pub fn add(&mut self, conn: &mut DbConnection, region: &str, batch: &Batch) -> QueryResult<()> {
        let iins: std::collections::HashMap<&str, &str> = batch
            .workers
            .iter()
            .map(|w| (w.id.as_str(), w.iin.as_str()))
            .collect();
        let bins: std::collections::HashMap<&str, &str> = batch
            .contracts
            .iter()
            .map(|c| (c.id.as_str(), c.contractor_bin.as_str()))
            .collect();
        let mut referrals: Vec<(u64, Row)> = Vec::new();
        let mut contracts = Vec::new();
        let mut contributions = Vec::new();
        let mut seen = std::collections::HashMap::new();
        for j in &batch.jobs {
            let (Some(iin), Some(bin)) = (
                iins.get(j.worker_id.as_str()),
                bins.get(j.contract_id.as_str()),
            ) else {
                continue;
            };
            if let (Some(number), Some(issued)) = (&j.referral_number, j.referral_date) {
                let until = (issued + days(30)).max(j.hire_date);
                if let Some(i) = seen.get(number) {
                    // The second use of a referral: the register has it once, in force for both.
                    if let Some((_, Row::Referral(r))) = referrals.get_mut(*i) {
                        r.valid_until = r.valid_until.max(j.hire_date);
                    }
                } else if !self.planted.no_referral && j.end_date.is_none() && seen.len() > 3 {
                    self.planted.no_referral = true;
                } else {
                    seen.insert(number.clone(), referrals.len());
                    referrals.push((
                        referrals.len() as u64 + 2,
                        Row::Referral(ReferralRow {
                            number: number.clone(),
                            issued_on: issued,
                            iin: (*iin).to_owned(),
                            region: region.to_owned(),
                            district: String::new(),
                            valid_until: until,
                            employer_bin: Some((*bin).to_owned()),
                        }),
                    ));
                }
            }
            if !self.planted.no_contract && j.referral_number.is_none() {
                self.planted.no_contract = true;
            } else {
                contracts.push(Row::Contract(ContractRow {
                    employer_bin: (*bin).to_owned(),
                    iin: (*iin).to_owned(),
                    contract_number: format!("ТД-{}", &j.id[..8]),
                    start_date: j.hire_date,
                    end_date: j.end_date,
                    position: j.position.clone(),
                }));
            }
            let months: Vec<NaiveDate> = full_months(j.hire_date, j.end_date, self.today)
                .into_iter()
                .filter(|m| *m >= self.contributions.period_from && *m <= self.to)
                .collect();
            let skip = (!self.planted.missing_month && months.len() >= 2).then(|| months[0]);
            if skip.is_some() {
                self.planted.missing_month = true;
            }
            for m in months.into_iter().filter(|m| Some(*m) != skip) {
                contributions.push(Row::Contribution(ContributionRow {
                    month: m,
                    employer_bin: (*bin).to_owned(),
                    iin: (*iin).to_owned(),
                    amount_tenge: (j.monthly_wage_tenge / 10).max(1),
                }));
            }
        }
        let certificates = self.certificates_of(batch);
        if !referrals.is_empty() {
            let b = batch_for_region(region, self.from, self.to);
            registers::insert_batch(conn, &b)?;
            registers::insert_rows(conn, &b.id, &referrals)?;
            registers::set_row_count(conn, &b.id, referrals.len() as i64)?;
        }
        for (i, rows) in [contracts, contributions, certificates]
            .into_iter()
            .enumerate()
        {
            let id = match i {
                0 => &self.contracts.id,
                1 => &self.contributions.id,
                _ => &self.certificates.id,
            };
            let numbered: Vec<(u64, Row)> = rows
                .into_iter()
                .map(|r| {
                    self.lines[i] += 1;
                    (self.lines[i], r)
                })
                .collect();
            registers::insert_rows(conn, id, &numbered)?;
        }
        Ok(())
    }

    fn certificates_of(&mut self, batch: &Batch) -> Vec<Row> {
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for l in &batch.lines {
            let Some(number) = l.ct_kz_certificate.clone().filter(|n| !n.is_empty()) else {
                continue;
            };
            if !seen.insert(number.clone()) {
                continue;
            }
            let bought = l.created_at.date();
            let late_enough = bought >= self.certificates.period_from + days(40);
            let mut row = CertificateRow {
                producer_bin: l.producer_bin.clone().unwrap_or_default(),
                product: l.description.clone(),
                issued_on: bought - days(200),
                expires_on: bought + days(365),
                number,
            };
            if !self.planted.expired && late_enough {
                row.expires_on = bought - days(10);
                self.planted.expired = true;
            } else if !self.planted.other_producer && late_enough {
                row.producer_bin = producer_for(&format!("{}+", row.number));
                self.planted.other_producer = true;
            }
            out.push(Row::Certificate(row));
        }
        out
    }

    /// Counts the national batches' rows.
    pub fn finish(&self, conn: &mut DbConnection) -> QueryResult<()> {
        for (i, b) in [&self.contracts, &self.contributions, &self.certificates]
            .into_iter()
            .enumerate()
        {
            registers::set_row_count(conn, &b.id, self.lines[i] as i64 - 1)?;
        }
        Ok(())
    }
}

fn batch_for_region(region: &str, from: NaiveDate, to: NaiveDate) -> BatchRow {
    batch(
        Kind::Referrals,
        region,
        from,
        to,
        "generated (employment centers)",
    )
}
