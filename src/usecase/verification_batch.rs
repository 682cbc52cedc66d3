//! Checking again what a register batch concerns (issue 15): a whole period of a register,
//! national or one region's, read a group of contracts at a time. A contributions batch
//! redoes only the contributions check; the others redo every check of the hires (or
//! procurement lines) in the batch's region and period, and of those quoting a number either
//! the new or the superseded batch holds.

use chrono::NaiveDate;
use diesel::QueryResult;
use diesel::prelude::*;

use super::verification::{
    Context, PAGE, check_and_save, check_lines, contributions_of, distinct, recheck_numbers_into,
};
use crate::db::registers::{self, BatchRow};
use crate::db::verification::{self as stored, Bind, Cond, HireCheck, HireRow};
use crate::db::verified_tallies::Pending;
use crate::db::{DbConnection, now};
use crate::domain::verification::Kind;

/// Checks again every hire `cond` selects in the region's contracts (every contract when
/// `region` is `None`), a group of contracts at a time: a whole register period's recheck.
fn check_hires_by_contract(
    conn: &mut DbConnection,
    cond: &Cond,
    region: Option<&str>,
    today: NaiveDate,
    tally: &mut Pending,
) -> QueryResult<usize> {
    let ctx = Context::load(conn, today)?;
    let mut count = 0;
    for group in stored::contract_groups(conn, region, PAGE)? {
        let page = stored::hires_few(conn, &cond.clone().and_in("j.contract_id", &group))?;
        check_and_save(conn, &page, &ctx, tally)?;
        count += page.len();
    }
    Ok(count)
}

/// Checks again the contributions of every hire `cond` selects: what a contributions batch
/// changes. A hire's stored referral and employment checks stand (neither reads
/// contributions), and so do the verified tallies, which count referrals and certificates
/// only; only the checks that come out different are written. A hire never checked before
/// gets all its checks.
fn check_contributions(
    conn: &mut DbConnection,
    cond: &Cond,
    region: Option<&str>,
    today: NaiveDate,
    tally: &mut Pending,
) -> QueryResult<usize> {
    let ctx = Context::load(conn, today)?;
    let mut count = 0;
    for group in stored::contract_groups(conn, region, PAGE)? {
        let rows = stored::hires_with_checks(conn, &cond.clone().and_in("j.contract_id", &group))?;
        count += rows.len();
        // The stored checks come from one LEFT JOIN: all there, or none.
        let (known, fresh): (Vec<_>, Vec<_>) =
            rows.into_iter().partition(|r| r.contributions.is_some());
        if !fresh.is_empty() {
            let hires: Vec<HireRow> = fresh.into_iter().map(|r| r.hire).collect();
            check_and_save(conn, &hires, &ctx, tally)?;
        }
        let iins = distinct(known.iter().map(|r| r.hire.iin.clone()));
        let paid = registers::paid_months(conn, &iins)?;
        let at = now();
        let changed: Vec<HireCheck> = known
            .into_iter()
            .filter_map(|r| {
                let (check, months) = contributions_of(&r.hire, &ctx, &paid);
                if r.contributions.as_deref() == Some(check.code())
                    && r.missing_months.as_deref() == Some(months.as_str())
                {
                    return None;
                }
                Some(HireCheck {
                    job_id: r.hire.job_id,
                    contract_id: r.hire.contract_id,
                    region_code: r.hire.region_code,
                    referral: r.referral.unwrap_or_default(),
                    referral_reason: r.referral_reason.unwrap_or_default(),
                    employment: r.employment.unwrap_or_default(),
                    contributions: check.code().to_owned(),
                    missing_months: months,
                    checked_at: at,
                })
            })
            .collect();
        stored::save_contributions(conn, &changed)?;
    }
    Ok(count)
}

/// What a batch load checked again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rechecked {
    pub hires: usize,
    pub lines: usize,
}

/// Checks again what a new batch (and the one it superseded) concerns: only its region and
/// period, and the hires or lines quoting a number either batch holds.
pub fn after_batch(
    conn: &mut DbConnection,
    batch: &BatchRow,
    superseded: Option<&str>,
    today: NaiveDate,
) -> QueryResult<Rechecked> {
    let Some(kind) = Kind::from_code(&batch.kind) else {
        return Ok(Rechecked::default());
    };
    let (from, to) = (batch.period_from, batch.period_to);
    let mut ids = vec![batch.id.clone()];
    ids.extend(superseded.map(str::to_owned));
    let in_region = |c: Cond| {
        if batch.region_code.is_empty() {
            c
        } else {
            c.and_with(
                "p.region_code = ?",
                vec![Bind::Text(batch.region_code.clone())],
            )
        }
    };
    let region = (!batch.region_code.is_empty()).then_some(batch.region_code.as_str());
    let mut done = Rechecked::default();
    // Thousands of checks at once: the contracts they touch are recomputed once at the end.
    let mut pending = Pending::bulk();
    let tally = &mut pending;
    match kind {
        Kind::Referrals => {
            let cond = in_region(Cond::new().and("j.channel = 'employment_center'"))
                .and_with("j.hire_date >= ?", vec![Bind::Date(from)])
                .and_with("j.hire_date <= ?", vec![Bind::Date(to)]);
            done.hires = check_hires_by_contract(conn, &cond, region, today, tally)?;
            let numbers = registers::referral_numbers(conn, &ids)?;
            recheck_numbers_into(conn, &numbers, today, tally)?;
        }
        Kind::EmploymentContracts => {
            let cond = in_region(Cond::new())
                .and_with("j.hire_date >= ?", vec![Bind::Date(from)])
                .and_with("j.hire_date <= ?", vec![Bind::Date(to)]);
            done.hires = check_hires_by_contract(conn, &cond, region, today, tally)?;
        }
        Kind::Contributions => {
            let cond = in_region(Cond::new())
                .and_with("j.hire_date <= ?", vec![Bind::Date(to)])
                .and_with(
                    "(j.end_date IS NULL OR j.end_date >= ?)",
                    vec![Bind::Date(from)],
                );
            done.hires = check_contributions(conn, &cond, region, today, tally)?;
        }
        Kind::Certificates => {
            let start = from.and_hms_opt(0, 0, 0).unwrap_or_default();
            let end = to
                .succ_opt()
                .unwrap_or(to)
                .and_hms_opt(0, 0, 0)
                .unwrap_or_default();
            let cond = in_region(Cond::new().and("l.ct_kz_certificate IS NOT NULL"))
                .and_with("l.created_at >= ?", vec![Bind::Stamp(start)])
                .and_with("l.created_at < ?", vec![Bind::Stamp(end)]);
            done.lines = check_lines(conn, &cond, tally)?;
            let numbers: Vec<String> = crate::db::schema::register_certificates::table
                .filter(crate::db::schema::register_certificates::batch_id.eq_any(&ids))
                .select(crate::db::schema::register_certificates::number)
                .distinct()
                .load(conn)?;
            for chunk in numbers.chunks(PAGE) {
                done.lines += check_lines(
                    conn,
                    &Cond::new().and_in("l.ct_kz_certificate", chunk),
                    tally,
                )?;
            }
        }
    }
    pending.flush(conn)?;
    Ok(done)
}

/// Checks every hire and procurement line again, a page at a time: for data written outside
/// the use cases (`jobmap seed`, `jobmap demo`, a restore), and as a repair. Not a page's job.
pub fn check_all(conn: &mut DbConnection, today: NaiveDate) -> QueryResult<Rechecked> {
    let mut tally = Pending::bulk();
    let done = Rechecked {
        hires: check_hires_by_contract(conn, &Cond::new().and("1 = 1"), None, today, &mut tally)?,
        lines: check_lines(conn, &Cond::new().and("1 = 1"), &mut tally)?,
    };
    tally.flush(conn)?;
    Ok(done)
}
