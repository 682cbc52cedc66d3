//! Recording hires: one from the form (or the API) and many from a CSV import or an API batch
//! go through the same [`record_rows`], which owns the transaction. It locks the contract (so
//! rule 2 holds against concurrent hires) and the workers already on record (rule 4), checks
//! every row like a typed hire (`domain::hire::check`), applies rules 2 and 4 row by row in
//! [`admit`] — the one place they are decided — and writes every row or none (or, for an API
//! batch that asks, the rows that pass), with the counters, the tallies and the audit events. A worker row holds only what the IIN says: the name and settlement as
//! this employer recorded them go on the hire, so no hire changes what another scope sees.
//!
//! Rule 4 refusals are the one way a hire can tell about someone else's records. A refusal
//! names the project only if the user may see it; each is audited, and one user is told
//! about at most `policy::PROBES_PER_HOUR` workers outside their scope per hour. Rule 4 is
//! not looked at while any row has other problems and nothing would be written anyway.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, TimeDelta};
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use crate::db::audit::{self, Event};
use crate::db::contracts::{self, ContractRow, ContractWithProject};
use crate::db::jobs::{self, JobRow, NewWorker, RecordedJob};
use crate::db::tallies::Tally;
use crate::db::{DbConnection, lock_for_update, lock_many, new_id, now, write_transaction};
use crate::domain::hire::{self, Channel, HireFields, HireInput};
use crate::domain::message::{FieldProblem, Message};
use crate::domain::workflow::ProjectStatus;
use crate::policy::{self, Place, Who};

/// Why a rule refused a hire (as opposed to a malformed field).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Rule 2, with the contract's counts before this hire.
    TooManyDirect { center: i32, direct: i32 },
    /// Rule 4, on a project the user may see (or a row above in the same file).
    ActiveOnProject { project_code: String },
    /// Rule 4, on a job outside the user's scope: only that there is one.
    ActiveElsewhere,
    /// Another request recorded the same worker at the same moment; trying again is safe.
    WorkerBusy,
    /// The user was told about `policy::PROBES_PER_HOUR` workers outside their scope within
    /// the hour; rule 4 is not looked at for them until the hour has passed.
    ProbeLimit,
}

impl Refusal {
    /// The field it concerns and what the user is told.
    pub fn problem(&self) -> FieldProblem {
        match self {
            Refusal::TooManyDirect { center, direct } => FieldProblem::new(
                "channel",
                Message::new("hire-too-many-direct")
                    .int("center", i64::from(*center))
                    .int("direct", i64::from(*direct)),
            ),
            Refusal::ActiveOnProject { project_code } => FieldProblem::new(
                "iin",
                Message::new("hire-active-elsewhere").text("code", project_code.clone()),
            ),
            Refusal::ActiveElsewhere => {
                FieldProblem::new("iin", Message::new("hire-active-out-of-scope"))
            }
            Refusal::WorkerBusy => FieldProblem::new("iin", Message::new("hire-worker-busy")),
            Refusal::ProbeLimit => FieldProblem::new(
                "iin",
                Message::new("hire-probe-limit").int("limit", policy::PROBES_PER_HOUR),
            ),
        }
    }
}

/// One problem of one row (`line` is the file's line; 0 for the form).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub line: u64,
    pub problem: FieldProblem,
    /// Set when a rule refused the row.
    pub refusal: Option<Refusal>,
}

impl RowProblem {
    fn refused(line: u64, r: Refusal) -> Self {
        RowProblem {
            line,
            problem: r.problem(),
            refusal: Some(r),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum HireError {
    /// The contract is not in the user's scope (404: its existence does not leak).
    #[error("not found")]
    NotFound,
    /// In scope, but the user may not record on it, or its project takes no hires now.
    #[error("forbidden")]
    Forbidden,
    /// Nothing was written: every problem, by line.
    #[error("refused rows")]
    Rows(Vec<RowProblem>),
    #[error(transparent)]
    Db(#[from] DieselError),
}

/// Records one hire typed on the form (or sent to the API).
pub fn hire(
    conn: &mut DbConnection,
    who: &Who,
    contract_id: &str,
    fields: &HireFields,
    today: NaiveDate,
) -> Result<JobRow, HireError> {
    let rows = [(0, fields.clone())];
    let mut jobs = record(conn, who, contract_id, &rows, today, "job.create")?;
    jobs.pop().ok_or(HireError::Db(DieselError::NotFound))
}

/// New hires are recorded while the project runs: not once it is completed, cancelled or
/// suspended.
pub fn takes_hires(project_status: &str) -> bool {
    use ProjectStatus as S;
    matches!(
        S::from_code(project_status),
        Some(S::Approved | S::Tendering | S::Contracted | S::InProgress)
    )
}

/// The contract, if `who` may record hires on it now; read (and locked) inside the caller's
/// transaction so the answer cannot change before the write.
pub(crate) fn contract_for_hires(
    conn: &mut DbConnection,
    who: &Who,
    contract_id: &str,
) -> Result<(ContractWithProject, ContractRow), HireError> {
    let c = contracts::find_in_scope(conn, contract_id, &who.scope)?.ok_or(HireError::NotFound)?;
    if !policy::may_record(&who.scope, c.place()) || !takes_hires(&c.project_status) {
        return Err(HireError::Forbidden);
    }
    lock_for_update(conn, "contracts", contract_id)?;
    let counted = contracts::get(conn, contract_id)?;
    Ok((c, counted))
}

/// What a request with refused rows writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Every row or none (the form, the CSV import, the API by default).
    AllOrNothing,
    /// The rows that pass, each judged as if the refused rows above it had not been sent
    /// (the API's `atomic=false`).
    GoodRows,
}

/// What [`record_rows`] did: the jobs written, by line, and every problem, by line.
#[derive(Debug, Default)]
pub struct Recorded {
    pub jobs: Vec<(u64, JobRow)>,
    pub problems: Vec<RowProblem>,
}

/// Records every row or none. `action` names the audit event of each recorded job.
pub(crate) fn record(
    conn: &mut DbConnection,
    who: &Who,
    contract_id: &str,
    rows: &[(u64, HireFields)],
    today: NaiveDate,
    action: &'static str,
) -> Result<Vec<JobRow>, HireError> {
    let done = record_rows(
        conn,
        who,
        contract_id,
        rows,
        today,
        action,
        Mode::AllOrNothing,
    )?;
    if done.problems.is_empty() {
        Ok(done.jobs.into_iter().map(|(_, j)| j).collect())
    } else {
        Err(HireError::Rows(done.problems))
    }
}

/// Records the rows as `mode` says, in one transaction; nothing is written when
/// `Mode::AllOrNothing` finds any problem.
pub(crate) fn record_rows(
    conn: &mut DbConnection,
    who: &Who,
    contract_id: &str,
    rows: &[(u64, HireFields)],
    today: NaiveDate,
    action: &'static str,
    mode: Mode,
) -> Result<Recorded, HireError> {
    let outcome = write_transaction(conn, |conn| -> Result<Recorded, HireError> {
        // One user's requests queue here, so the probe count cannot be raced past.
        lock_for_update(conn, "users", &who.user_id)?;
        let (c, counted) = contract_for_hires(conn, who, contract_id)?;
        let rules = jobs::hire_rules(conn, today)?;
        let mut problems = Vec::new();
        let mut checked = Vec::with_capacity(rows.len());
        for (line, fields) in rows {
            match hire::check(fields, counted.signed_on, today, &rules) {
                Ok(input) => checked.push((*line, input)),
                Err(found) => problems.extend(found.into_iter().map(|p| RowProblem {
                    line: *line,
                    problem: p,
                    refusal: None,
                })),
            }
        }
        let rule_4 = mode == Mode::GoodRows || problems.is_empty();
        let admitted = admit(conn, who, &c, &counted, &checked, rule_4)?;
        problems.extend(admitted.problems);
        let bin = c.contract.contractor_bin.as_str();
        let region = c.project_region.as_str();
        problems.extend(super::verification::refused_referrals(
            conn, region, bin, &checked,
        )?);
        if mode == Mode::AllOrNothing && !problems.is_empty() {
            problems.sort_by_key(|p| p.line);
            // Only the audit events of the refusals are kept.
            return Ok(Recorded {
                jobs: Vec::new(),
                problems,
            });
        }
        let good = passed(checked, &mut problems);
        let (lines, good): (Vec<u64>, Vec<(u64, HireInput)>) =
            good.into_iter().map(|(l, h)| (l, (l, h))).unzip();
        let jobs = if good.is_empty() {
            Vec::new()
        } else {
            write_hires(conn, who, &c, &counted, &good, admitted.known, action)?
        };
        let ids: Vec<String> = jobs.iter().map(|j| j.id.clone()).collect();
        super::verification::after_hires(conn, &ids, today)?;
        problems.sort_by_key(|p| p.line);
        Ok(Recorded {
            jobs: lines.into_iter().zip(jobs).collect(),
            problems,
        })
    });
    match outcome {
        Err(HireError::Db(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _))) => {
            Err(HireError::Rows(vec![RowProblem::refused(
                rows.first().map_or(0, |r| r.0),
                Refusal::WorkerBusy,
            )]))
        }
        other => other,
    }
}

/// The checked rows no problem was found on. Once the probe limit stopped rule 4 at a row,
/// that row and every row below it are refused too: rule 4 was not looked at for them.
/// (Dropping a tail of rows changes nothing for the rows above, which rule 2 counted without
/// them.)
fn passed(checked: Vec<(u64, HireInput)>, problems: &mut Vec<RowProblem>) -> Vec<(u64, HireInput)> {
    let stopped_at = problems
        .iter()
        .filter(|p| p.refusal == Some(Refusal::ProbeLimit))
        .map(|p| p.line)
        .min();
    let refused: HashSet<u64> = problems.iter().map(|p| p.line).collect();
    let mut good = Vec::with_capacity(checked.len());
    for (line, h) in checked {
        if refused.contains(&line) {
            continue;
        }
        if stopped_at.is_some_and(|at| line >= at) {
            problems.push(RowProblem::refused(line, Refusal::ProbeLimit));
            continue;
        }
        good.push((line, h));
    }
    good
}

/// What rules 2 and 4 left of the rows.
struct Admitted {
    problems: Vec<RowProblem>,
    /// Workers already on record, by IIN (locked).
    known: HashMap<String, String>,
}

/// Rules 2 and 4 on checked hires, in order, as if each were typed on the form after the
/// ones above it: the single place both rules are decided for a new hire. Rule 4 is looked at
/// only with `rule_4` (no other problem in the request); its refusals are audited here.
fn admit(
    conn: &mut DbConnection,
    who: &Who,
    c: &ContractWithProject,
    counted: &ContractRow,
    rows: &[(u64, HireInput)],
    rule_4: bool,
) -> Result<Admitted, DieselError> {
    let mut problems = Vec::new();
    let (mut center, mut direct) = (counted.center_hires, counted.direct_hires);
    let mut known = HashMap::new();
    let mut recorded: HashMap<String, Vec<RecordedJob>> = HashMap::new();
    let mut probed: HashSet<String> = HashSet::new();
    let mut rule_4 = rule_4;
    if rule_4 {
        let iins: Vec<&str> = rows.iter().map(|(_, h)| h.iin.as_str()).collect();
        known = jobs::workers_by_iin(conn, &iins)?;
        let mut ids: Vec<String> = known.values().cloned().collect();
        ids.sort();
        ids.dedup();
        lock_many(conn, "workers", &ids)?;
        for j in jobs::recorded_jobs(conn, &ids)? {
            recorded.entry(j.worker_id.clone()).or_default().push(j);
        }
        probed = audit::entities_since(
            conn,
            policy::PROBE_ACTION,
            &who.actor,
            now() - TimeDelta::hours(1),
        )?
        .into_iter()
        .collect();
        if probed.len() as i64 >= policy::PROBES_PER_HOUR {
            let line = rows.first().map_or(0, |r| r.0);
            problems.push(RowProblem::refused(line, Refusal::ProbeLimit));
            rule_4 = false;
        }
    }
    // Each worker's latest job in the rows above: it blocks a later row unless it had ended.
    let mut in_file: HashMap<&str, (NaiveDate, Option<NaiveDate>)> = HashMap::new();
    let mut audits: Vec<(&'static str, String, serde_json::Value)> = Vec::new();
    for (line, h) in rows {
        if let Err((c, d)) = hire::check_channel_balance(center, direct, h.channel) {
            let r = Refusal::TooManyDirect {
                center: c,
                direct: d,
            };
            problems.push(RowProblem::refused(*line, r));
            continue;
        }
        let span = (h.hire_date, h.end_date);
        if let Some(above) = in_file.insert(h.iin.as_str(), span)
            && hire::overlaps(above, span)
        {
            // A row above hired the same worker, and that job had not ended.
            let r = Refusal::ActiveOnProject {
                project_code: c.project_code.clone(),
            };
            problems.push(RowProblem::refused(*line, r));
            continue;
        }
        if rule_4 {
            let blocking = known
                .get(h.iin.as_str())
                .and_then(|w| recorded.get(w))
                .and_then(|js| {
                    js.iter()
                        .find(|j| hire::overlaps((j.hire_date, j.end_date), span))
                });
            if let Some(j) = blocking {
                let place = Place {
                    contractor_bin: &j.contractor_bin,
                    region: &j.region,
                };
                let note = serde_json::json!({
                    "contract_id": c.contract.id,
                    "hire_date": h.hire_date,
                    "blocking_job_id": j.job_id,
                });
                if policy::sees_contract(&who.scope, place) {
                    audits.push((policy::REFUSED_IN_SCOPE_ACTION, j.worker_id.clone(), note));
                    let r = Refusal::ActiveOnProject {
                        project_code: j.project_code.clone(),
                    };
                    problems.push(RowProblem::refused(*line, r));
                } else if probed.contains(&j.worker_id)
                    || (probed.len() as i64) < policy::PROBES_PER_HOUR
                {
                    probed.insert(j.worker_id.clone());
                    audits.push((policy::PROBE_ACTION, j.worker_id.clone(), note));
                    problems.push(RowProblem::refused(*line, Refusal::ActiveElsewhere));
                } else {
                    // Say nothing about this row or any row below it.
                    problems.push(RowProblem::refused(*line, Refusal::ProbeLimit));
                    rule_4 = false;
                }
                continue;
            }
        }
        match h.channel {
            Channel::EmploymentCenter => center += 1,
            Channel::Direct => direct += 1,
        }
    }
    let events = audits
        .iter()
        .map(|(action, worker, note)| Event {
            actor: &who.actor,
            action,
            entity: "worker",
            entity_id: worker,
            before: None,
            after: Some(note.clone()),
            ip: None,
        })
        .collect();
    audit::record_many(conn, events)?;
    Ok(Admitted { problems, known })
}

/// Writes admitted hires: new workers (IIN only), the jobs with the name and settlement as
/// recorded, the counters, the project's start, the tallies and one audit event per job.
fn write_hires(
    conn: &mut DbConnection,
    who: &Who,
    c: &ContractWithProject,
    counted: &ContractRow,
    rows: &[(u64, HireInput)],
    known: HashMap<String, String>,
    action: &'static str,
) -> Result<Vec<JobRow>, DieselError> {
    let at = now();
    let mut worker_of = known;
    let mut new_workers = Vec::new();
    for (_, h) in rows {
        if !worker_of.contains_key(h.iin.as_str()) {
            let w = NewWorker::of(h, at);
            worker_of.insert(h.iin.as_str().to_owned(), w.id.clone());
            new_workers.push(w);
        }
    }
    let hired: Vec<JobRow> = rows
        .iter()
        .map(|(_, h)| {
            let worker = worker_of.get(h.iin.as_str()).cloned().unwrap_or_default();
            JobRow::hired(new_id(), &c.contract.id, worker, h, &who.user_id, at)
        })
        .collect();
    jobs::insert_hires(conn, &new_workers, &hired)?;
    let center = rows
        .iter()
        .filter(|(_, h)| h.channel == Channel::EmploymentCenter)
        .count() as i32;
    let direct = rows.len() as i32 - center;
    jobs::count_hires(conn, &c.contract.id, &counted.project_id, center, direct)?;
    let mut tally = Tally::default();
    if counted.hires() == 0 && !rows.is_empty() {
        jobs::start_work(conn, &counted.project_id, &who.user_id, &mut tally)?;
    }
    for j in &hired {
        tally.add(&c.project_region, j.hire_date, &jobs::figures_of(j));
    }
    tally.flush(conn)?;
    let views: Vec<serde_json::Value> = hired.iter().map(JobRow::audit_view).collect();
    let events = hired
        .iter()
        .zip(views)
        .map(|(j, view)| Event {
            actor: &who.actor,
            action,
            entity: "job",
            entity_id: &j.id,
            before: None,
            after: Some(view),
            ip: None,
        })
        .collect();
    audit::record_many(conn, events)?;
    Ok(hired)
}
