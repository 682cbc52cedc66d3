//! Matching kept current (issue 15): the checks of the hires and procurement lines a register
//! batch concerns are recomputed when it loads, and a new hire's (or line's) checks are
//! written in the transaction that records it. Pages only read the stored checks.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use diesel::QueryResult;
use diesel::prelude::*;

use crate::db::registers;
use crate::db::schema::region_verification_settings as rvs;
use crate::db::verification::{self as stored, Cond, HireCheck, HireRow, LineCheck, LineRow};
use crate::db::verified_tallies::Pending;
use crate::db::{DbConnection, jobs, now};
use crate::domain::hire::{Channel, HireInput};
use crate::domain::message::{FieldProblem, Message};
use crate::domain::verification::{
    self as v, Check, Coverage, EarlierUse, HireFacts, Kind, LineFacts, Reason,
};
use crate::usecase::hires::RowProblem;

pub use super::verification_batch::{Rechecked, after_batch, check_all};

/// Hires and lines are read and written this many at a time.
pub(super) const PAGE: usize = 500;

/// The parameter that sets the tolerance between a hire date and its registered contract's
/// start, in days (`domain::verification::DEFAULT_TOLERANCE_DAYS` when not set).
pub const TOLERANCE_PARAMETER: &str = "CONTRACT_START_TOLERANCE_DAYS";

pub fn tolerance_days(conn: &mut DbConnection, today: NaiveDate) -> QueryResult<i64> {
    Ok(jobs::parameter_on(conn, TOLERANCE_PARAMETER, today)?.unwrap_or(v::DEFAULT_TOLERANCE_DAYS))
}

/// Everything one page of checks needs besides the hires themselves.
pub(super) struct Context {
    coverage: Coverage,
    tolerance: i64,
    today: NaiveDate,
}

impl Context {
    pub(super) fn load(conn: &mut DbConnection, today: NaiveDate) -> QueryResult<Self> {
        Ok(Self {
            coverage: registers::coverage(conn)?,
            tolerance: tolerance_days(conn, today)?,
            today,
        })
    }
}

/// Checks again every hire `cond` selects; returns how many. What the new checks change in
/// the verified tallies goes to `tally`, for the caller to flush.
pub fn check_hires(
    conn: &mut DbConnection,
    cond: &Cond,
    today: NaiveDate,
    tally: &mut Pending,
) -> QueryResult<usize> {
    let ctx = Context::load(conn, today)?;
    let mut after = String::new();
    let mut count = 0;
    loop {
        let page = stored::hires_page(conn, cond, &after, PAGE)?;
        let Some(last) = page.last() else { break };
        after = last.job_id.clone();
        check_and_save(conn, &page, &ctx, tally)?;
        count += page.len();
        if page.len() < PAGE {
            break;
        }
    }
    Ok(count)
}

fn facts(h: &HireRow) -> HireFacts {
    HireFacts {
        iin: h.iin.clone(),
        region: h.region_code.clone(),
        employer_bin: h.contractor_bin.clone(),
        hire_date: h.hire_date,
        end_date: h.end_date,
        referral_number: h.referral_number.clone(),
    }
}

pub(super) fn distinct(values: impl Iterator<Item = String>) -> Vec<String> {
    let set: HashSet<String> = values.collect();
    let mut out: Vec<String> = set.into_iter().collect();
    out.sort();
    out
}

/// Checks these hires and stores the checks, with what they change in the verified tallies.
pub(super) fn check_and_save(
    conn: &mut DbConnection,
    hires: &[HireRow],
    ctx: &Context,
    tally: &mut Pending,
) -> QueryResult<()> {
    let checks = check_page(conn, hires, ctx)?;
    tally.hires(conn, &checks)?;
    stored::save_hires(conn, &checks)
}

fn check_page(
    conn: &mut DbConnection,
    page: &[HireRow],
    ctx: &Context,
) -> QueryResult<Vec<HireCheck>> {
    let numbers = distinct(page.iter().filter_map(|h| h.referral_number.clone()));
    let referrals = registers::referrals(conn, &numbers)?;
    let mut uses: HashMap<String, Vec<stored::Use>> = HashMap::new();
    for u in stored::uses(conn, &numbers)? {
        uses.entry(u.referral_number.clone()).or_default().push(u);
    }
    let iins = distinct(page.iter().map(|h| h.iin.clone()));
    let starts = registers::contract_starts(conn, &iins)?;
    let paid = registers::paid_months(conn, &iins)?;
    let at = now();
    let none = Vec::new();
    Ok(page
        .iter()
        .map(|h| {
            let f = facts(h);
            let key = (h.iin.clone(), h.contractor_bin.clone());
            let (referral, reason) = match &h.referral_number {
                Some(n) => {
                    let earlier: Vec<EarlierUse> = uses
                        .get(n)
                        .unwrap_or(&Vec::new())
                        .iter()
                        .filter(|u| (u.hire_date, &u.job_id) < (h.hire_date, &h.job_id))
                        .map(|u| EarlierUse {
                            iin: u.iin.clone(),
                            region: u.region_code.clone(),
                            hire_date: u.hire_date,
                        })
                        .collect();
                    let covered = ctx
                        .coverage
                        .covers(Kind::Referrals, &h.region_code, h.hire_date);
                    v::referral(
                        &f,
                        covered,
                        referrals.get(n).unwrap_or(&Vec::new()),
                        &earlier,
                    )
                }
                None => (Check::NotRequired, Reason::None),
            };
            let covered =
                ctx.coverage
                    .covers(Kind::EmploymentContracts, &h.region_code, h.hire_date);
            let (employment, _) = v::employment(
                &f,
                covered,
                starts.get(&key).unwrap_or(&none),
                ctx.tolerance,
            );
            let (contributions, missing_months) = contributions_of(h, ctx, &paid);
            HireCheck {
                job_id: h.job_id.clone(),
                contract_id: h.contract_id.clone(),
                region_code: h.region_code.clone(),
                referral: referral.code().to_owned(),
                referral_reason: reason.code().to_owned(),
                employment: employment.code().to_owned(),
                contributions: contributions.code().to_owned(),
                missing_months,
                checked_at: at,
            }
        })
        .collect())
}

/// Live contribution months by (IIN, employer BIN), as `registers::paid_months` reads them.
pub(super) type Paid = HashMap<(String, String), Vec<NaiveDate>>;

/// A hire's contributions check and the months found unpaid, as stored: the one place both
/// the full check of a hire and a contributions batch's recheck compute it.
pub(super) fn contributions_of(h: &HireRow, ctx: &Context, paid: &Paid) -> (Check, String) {
    let key = (h.iin.clone(), h.contractor_bin.clone());
    let (check, missing) = v::contributions(
        &facts(h),
        &ctx.coverage,
        paid.get(&key).map_or(&[][..], Vec::as_slice),
        ctx.today,
    );
    (check, v::months_text(&missing))
}

/// Checks new hires, and every hire sharing a referral number with them (which of them used
/// it first may have changed). Called in the transaction that records them.
pub fn after_hires(
    conn: &mut DbConnection,
    job_ids: &[String],
    today: NaiveDate,
) -> QueryResult<()> {
    let mut tally = Pending::counted();
    for chunk in job_ids.chunks(PAGE) {
        check_hires(conn, &Cond::new().and_in("j.id", chunk), today, &mut tally)?;
    }
    let numbers: Vec<String> = {
        let mut out = Vec::new();
        for chunk in job_ids.chunks(PAGE) {
            let rows: Vec<Option<String>> = crate::db::schema::jobs::table
                .filter(crate::db::schema::jobs::id.eq_any(chunk))
                .select(crate::db::schema::jobs::referral_number)
                .load(conn)?;
            out.extend(rows.into_iter().flatten());
        }
        distinct(out.into_iter())
    };
    recheck_numbers_into(conn, &numbers, today, &mut tally)?;
    tally.flush(conn)
}

/// Checks again every hire quoting one of these referral numbers.
pub fn recheck_numbers(
    conn: &mut DbConnection,
    numbers: &[String],
    today: NaiveDate,
) -> QueryResult<()> {
    let mut tally = Pending::counted();
    recheck_numbers_into(conn, numbers, today, &mut tally)?;
    tally.flush(conn)
}

pub(super) fn recheck_numbers_into(
    conn: &mut DbConnection,
    numbers: &[String],
    today: NaiveDate,
    tally: &mut Pending,
) -> QueryResult<()> {
    let ctx = Context::load(conn, today)?;
    for chunk in numbers.chunks(PAGE) {
        let hires = stored::hires_few(conn, &Cond::new().and_in("j.referral_number", chunk))?;
        check_and_save(conn, &hires, &ctx, tally)?;
    }
    Ok(())
}

/// Checks every procurement line `cond` selects.
pub fn check_lines(
    conn: &mut DbConnection,
    cond: &Cond,
    tally: &mut Pending,
) -> QueryResult<usize> {
    let coverage = registers::coverage(conn)?;
    let mut after = String::new();
    let mut count = 0;
    loop {
        let page = stored::lines_page(conn, cond, &after, PAGE)?;
        let Some(last) = page.last() else { break };
        after = last.line_id.clone();
        let numbers = distinct(page.iter().filter_map(|l| l.ct_kz_certificate.clone()));
        let register = registers::certificates(conn, &numbers)?;
        let at = now();
        let checks: Vec<LineCheck> = page
            .iter()
            .map(|l| line_check(l, &coverage, &register, at))
            .collect();
        tally.lines(conn, &checks)?;
        stored::save_lines(conn, &checks)?;
        count += page.len();
        if page.len() < PAGE {
            break;
        }
    }
    Ok(count)
}

fn line_check(
    l: &LineRow,
    coverage: &Coverage,
    register: &HashMap<String, Vec<v::Certificate>>,
    at: chrono::NaiveDateTime,
) -> LineCheck {
    let f = LineFacts {
        goods: l.category == "goods",
        domestic: l.is_domestic,
        amount: l.amount_tenge,
        certificate: l.ct_kz_certificate.clone().filter(|c| !c.is_empty()),
        producer_bin: l.producer_bin.clone(),
        purchased_on: l.created_at.date(),
    };
    let covered = coverage.covers(Kind::Certificates, &l.region_code, f.purchased_on);
    let found = f
        .certificate
        .as_ref()
        .and_then(|n| register.get(n))
        .map_or(&[][..], Vec::as_slice);
    let (check, reason) = v::certificate(&f, covered, found);
    let (proven, failed) = v::line_value(&f, check);
    LineCheck {
        line_id: l.line_id.clone(),
        contract_id: l.contract_id.clone(),
        region_code: l.region_code.clone(),
        certificate: check.code().to_owned(),
        reason: reason.code().to_owned(),
        failed_tenge: failed,
        verified_domestic_tenge: proven,
        checked_at: at,
    }
}

/// Checks new ledger lines (in the transaction that records them).
pub fn after_lines(conn: &mut DbConnection, line_ids: &[String]) -> QueryResult<()> {
    let mut tally = Pending::counted();
    for chunk in line_ids.chunks(PAGE) {
        check_lines(conn, &Cond::new().and_in("l.id", chunk), &mut tally)?;
    }
    tally.flush(conn)
}

/// Whether a matched referral is mandatory for new employment-center hires in the region.
pub fn referral_mandatory(conn: &mut DbConnection, region: &str) -> QueryResult<bool> {
    Ok(rvs::table
        .filter(rvs::region_code.eq(region))
        .select(rvs::referral_mandatory)
        .first::<bool>(conn)
        .optional()?
        .unwrap_or(false))
}

/// The regions where it is.
pub fn mandatory_regions(conn: &mut DbConnection) -> QueryResult<Vec<String>> {
    rvs::table
        .filter(rvs::referral_mandatory.eq(true))
        .select(rvs::region_code)
        .order(rvs::region_code)
        .load(conn)
}

/// Where the region makes a matched referral mandatory, the employment-center rows whose
/// referral the loaded register does not match. A row whose date no batch covers yet is let
/// through: a hire is never refused because a register lags.
pub fn refused_referrals(
    conn: &mut DbConnection,
    region: &str,
    employer_bin: &str,
    rows: &[(u64, HireInput)],
) -> QueryResult<Vec<RowProblem>> {
    let center: Vec<&(u64, HireInput)> = rows
        .iter()
        .filter(|(_, h)| h.channel == Channel::EmploymentCenter)
        .collect();
    if center.is_empty() || !referral_mandatory(conn, region)? {
        return Ok(Vec::new());
    }
    let coverage = registers::coverage(conn)?;
    let numbers = distinct(
        center
            .iter()
            .filter_map(|(_, h)| h.referral.clone().map(|r| r.0)),
    );
    let referrals = registers::referrals(conn, &numbers)?;
    let mut used: HashMap<String, Vec<EarlierUse>> = HashMap::new();
    for u in stored::uses(conn, &numbers)? {
        used.entry(u.referral_number).or_default().push(EarlierUse {
            iin: u.iin,
            region: u.region_code,
            hire_date: u.hire_date,
        });
    }
    let mut problems = Vec::new();
    for (line, h) in center {
        let Some((number, _)) = &h.referral else {
            continue;
        };
        let f = HireFacts {
            iin: h.iin.as_str().to_owned(),
            region: region.to_owned(),
            employer_bin: employer_bin.to_owned(),
            hire_date: h.hire_date,
            end_date: h.end_date,
            referral_number: Some(number.clone()),
        };
        let covered = coverage.covers(Kind::Referrals, region, h.hire_date);
        let earlier = used.entry(number.clone()).or_default();
        let (check, reason) = v::referral(
            &f,
            covered,
            referrals.get(number).map_or(&[][..], Vec::as_slice),
            earlier,
        );
        if check.failed() {
            let message = Message::new(refusal_key(check, reason)).text("number", number.clone());
            problems.push(RowProblem {
                line: *line,
                problem: FieldProblem::new("referral_number", message),
                refusal: None,
            });
        }
        // A later row of the same request quoting the number finds it used.
        earlier.push(EarlierUse {
            iin: f.iin,
            region: f.region,
            hire_date: f.hire_date,
        });
    }
    Ok(problems)
}

/// What a refused employment-center hire is told, by why its referral did not match.
pub fn refusal_key(check: Check, reason: Reason) -> &'static str {
    match (check, reason) {
        (Check::Missing, _) => "hire-referral-not-found",
        (_, Reason::OtherPerson) => "hire-referral-other-person",
        (_, Reason::OtherRegion) => "hire-referral-other-region",
        (_, Reason::UsedTwice) => "hire-referral-used-twice",
        _ => "hire-referral-out-of-dates",
    }
}
