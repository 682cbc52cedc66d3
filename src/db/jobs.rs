//! Hires: recorded in one transaction that locks the contract, so rule 2 and rule 4 hold under
//! concurrent requests; ended; corrected under optimistic locking.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Text};
use serde::Serialize;

use super::contracts::{self, ContractRow};
use super::schema::{
    contracts as contracts_t, jobs, lifting_payments, projects as projects_t, workers,
};
use super::tallies::Tally;
use super::{DbConnection, lock_for_update, new_id, now, projects};
use crate::domain::figures::Figures;
use crate::domain::hire::{self, Channel, HireInput, JobKind};
use crate::domain::workflow;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = jobs, treat_none_as_default_value = false)]
pub struct JobRow {
    pub id: String,
    pub contract_id: String,
    pub worker_id: String,
    pub position: String,
    pub hire_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub kind: String,
    pub channel: String,
    pub referral_number: Option<String>,
    pub referral_date: Option<NaiveDate>,
    pub arrived_from_other_settlement: bool,
    pub monthly_wage_tenge: i64,
    pub is_youth: bool,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i32,
}

impl JobRow {
    /// The job a checked hire records: still running, at its first version. The form, the
    /// import and the generated datasets all write this row.
    pub fn hired(
        id: String,
        contract_id: &str,
        worker_id: String,
        h: &HireInput,
        by: &str,
        at: NaiveDateTime,
    ) -> JobRow {
        JobRow {
            id,
            contract_id: contract_id.to_owned(),
            worker_id,
            position: h.position.clone(),
            hire_date: h.hire_date,
            end_date: None,
            kind: h.kind.code().to_owned(),
            channel: h.channel.code().to_owned(),
            referral_number: h.referral.as_ref().map(|r| r.0.clone()),
            referral_date: h.referral.as_ref().map(|r| r.1),
            arrived_from_other_settlement: h.arrived_from_other_settlement,
            monthly_wage_tenge: h.monthly_wage_tenge,
            is_youth: h.is_youth,
            created_by: by.to_owned(),
            created_at: at,
            updated_at: at,
            version: 1,
        }
    }

    pub fn channel(&self) -> Channel {
        Channel::from_code(&self.channel).unwrap_or(Channel::Direct)
    }

    pub fn lifting_eligible(&self) -> bool {
        hire::lifting_eligible(self.channel(), self.arrived_from_other_settlement)
    }

    /// What the audit trail keeps: the job, and the worker by id only (never the IIN).
    pub fn audit_view(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = workers)]
pub struct WorkerRow {
    pub id: String,
    pub iin: String,
    pub full_name: String,
    pub birth_date: NaiveDate,
    pub sex: String,
    pub home_settlement: String,
}

/// Why a hire was refused by a rule (as opposed to a malformed form).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Rule 2, with the contract's counts before this hire.
    TooManyDirect { center: i32, direct: i32 },
    /// Rule 4: the worker holds an active Roadmap job on this project.
    ActiveElsewhere { project_code: String },
    /// Another request recorded the same worker at the same moment; trying again is safe.
    WorkerBusy,
}

#[derive(Debug, thiserror::Error)]
pub enum HireError {
    #[error("refused: {0:?}")]
    Refused(Refusal),
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

#[derive(QueryableByName)]
struct Code {
    #[diesel(sql_type = Text)]
    code: String,
}

/// The project code of an active or overlapping job of the worker, if any (rule 4).
fn active_job_project(
    conn: &mut DbConnection,
    worker_id: &str,
    from: NaiveDate,
) -> QueryResult<Option<String>> {
    let found: Option<Code> = diesel::sql_query(
        "SELECT p.code AS code FROM jobs j \
         JOIN contracts c ON c.id = j.contract_id JOIN projects p ON p.id = c.project_id \
         WHERE j.worker_id = $1 AND (j.end_date IS NULL OR j.end_date >= $2) LIMIT 1",
    )
    .bind::<Text, _>(worker_id)
    .bind::<Date, _>(from)
    .get_result(conn)
    .optional()?;
    Ok(found.map(|c| c.code))
}

/// The worker with this IIN, created or brought up to date, and locked for the transaction.
fn upsert_worker(conn: &mut DbConnection, h: &HireInput) -> Result<String, HireError> {
    let at = now();
    let existing: Option<String> = workers::table
        .filter(workers::iin.eq(h.iin.as_str()))
        .select(workers::id)
        .first(conn)
        .optional()?;
    if let Some(id) = existing {
        lock_for_update(conn, "workers", &id)?;
        diesel::update(workers::table.find(&id))
            .set((
                workers::full_name.eq(&h.full_name),
                workers::home_settlement.eq(&h.home_settlement),
                workers::updated_at.eq(at),
            ))
            .execute(conn)?;
        return Ok(id);
    }
    let id = new_id();
    diesel::insert_into(workers::table)
        .values((
            workers::id.eq(&id),
            workers::iin.eq(h.iin.as_str()),
            workers::full_name.eq(&h.full_name),
            workers::birth_date.eq(h.iin.birth_date()),
            workers::sex.eq(h.sex_code()),
            workers::home_settlement.eq(&h.home_settlement),
            workers::created_at.eq(at),
            workers::updated_at.eq(at),
        ))
        .execute(conn)
        .map_err(|e| match e {
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            ) => HireError::Refused(Refusal::WorkerBusy),
            other => HireError::Db(other),
        })?;
    Ok(id)
}

/// Records a hire on `contract_id` under rules 2 and 4, keeps the contract's counters, and
/// moves a contracted project to `in_progress` at its first hire. Call inside a write
/// transaction; the contract row is locked first so concurrent hires queue behind it.
pub fn hire(
    conn: &mut DbConnection,
    contract_id: &str,
    h: &HireInput,
    by: &str,
    tally: &mut Tally,
) -> Result<JobRow, HireError> {
    lock_for_update(conn, "contracts", contract_id)?;
    let contract: ContractRow = contracts::get(conn, contract_id)?;
    hire::check_channel_balance(contract.center_hires, contract.direct_hires, h.channel).map_err(
        |(center, direct)| HireError::Refused(Refusal::TooManyDirect { center, direct }),
    )?;
    let worker_id = upsert_worker(conn, h)?;
    if let Some(project_code) = active_job_project(conn, &worker_id, h.hire_date)? {
        return Err(HireError::Refused(Refusal::ActiveElsewhere {
            project_code,
        }));
    }
    let id = new_id();
    let at = now();
    diesel::insert_into(jobs::table)
        .values(&JobRow::hired(
            id.clone(),
            contract_id,
            worker_id,
            h,
            by,
            at,
        ))
        .execute(conn)?;
    let counter = diesel::update(contracts_t::table.find(contract_id));
    match h.channel {
        Channel::EmploymentCenter => counter
            .set(contracts_t::center_hires.eq(contracts_t::center_hires + 1))
            .execute(conn)?,
        Channel::Direct => counter
            .set(contracts_t::direct_hires.eq(contracts_t::direct_hires + 1))
            .execute(conn)?,
    };
    let center = i32::from(h.channel == Channel::EmploymentCenter);
    diesel::update(projects_t::table.find(&contract.project_id))
        .set((
            projects_t::jobs_created.eq(projects_t::jobs_created + 1),
            projects_t::center_hires.eq(projects_t::center_hires + center),
        ))
        .execute(conn)?;
    if contract.hires() == 0 {
        start_work(conn, &contract.project_id, by, tally)?;
    }
    let region = projects::region_of_contract(conn, contract_id)?;
    let permanent = h.kind == JobKind::Permanent;
    tally.add(
        &region,
        h.hire_date,
        &Figures::of_hire(center == 1, h.is_youth, permanent),
    );
    Ok(get(conn, &id)?)
}

/// The first hire on a contracted project means work has started.
pub(crate) fn start_work(
    conn: &mut DbConnection,
    project_id: &str,
    by: &str,
    tally: &mut Tally,
) -> QueryResult<()> {
    let project = projects::get(conn, project_id)?;
    if let Some(to) = workflow::on_first_hire(project.status()) {
        let step = projects::Step {
            to,
            by,
            comment: "",
            decision: None,
        };
        projects::change_status(conn, project_id, project.version, step, tally).map_err(
            |e| match e {
                projects::ProjectWriteError::Db(e) => e,
                _ => diesel::result::Error::RollbackTransaction,
            },
        )?;
    }
    Ok(())
}

pub fn get(conn: &mut DbConnection, id: &str) -> QueryResult<JobRow> {
    jobs::table.find(id).select(JobRow::as_select()).first(conn)
}

pub fn worker(conn: &mut DbConnection, id: &str) -> QueryResult<WorkerRow> {
    workers::table
        .find(id)
        .select(WorkerRow::as_select())
        .first(conn)
}

/// A job with its worker and its lifting payment, for lists.
#[derive(Debug, Clone)]
pub struct JobLine {
    pub job: JobRow,
    pub worker: WorkerRow,
    pub paid: Option<(i64, NaiveDate)>,
}

pub const PAGE_SIZE: i64 = 100;

/// One page of the contract's hires, newest first, and how many there are.
pub fn for_contract(
    conn: &mut DbConnection,
    contract_id: &str,
    page: i64,
) -> QueryResult<(Vec<JobLine>, i64)> {
    let total: i64 = jobs::table
        .filter(jobs::contract_id.eq(contract_id))
        .count()
        .get_result(conn)?;
    let rows: Vec<(JobRow, WorkerRow, Option<i64>, Option<NaiveDate>)> = jobs::table
        .inner_join(workers::table)
        .left_join(lifting_payments::table)
        .filter(jobs::contract_id.eq(contract_id))
        .order((jobs::hire_date.desc(), jobs::id.desc()))
        .limit(PAGE_SIZE)
        .offset((page.max(1) - 1) * PAGE_SIZE)
        .select((
            JobRow::as_select(),
            WorkerRow::as_select(),
            lifting_payments::amount_tenge.nullable(),
            lifting_payments::paid_on.nullable(),
        ))
        .load(conn)?;
    Ok((
        rows.into_iter()
            .map(|(job, worker, amount, paid_on)| JobLine {
                job,
                worker,
                paid: amount.zip(paid_on),
            })
            .collect(),
        total,
    ))
}

/// Records the end of a job (rule 5: not before the hire, not in the future).
pub fn end(
    conn: &mut DbConnection,
    id: &str,
    base_version: i32,
    end_date: NaiveDate,
) -> QueryResult<usize> {
    diesel::update(
        jobs::table
            .filter(jobs::id.eq(id))
            .filter(jobs::version.eq(base_version)),
    )
    .set((
        jobs::end_date.eq(Some(end_date)),
        jobs::updated_at.eq(now()),
        jobs::version.eq(jobs::version + 1),
    ))
    .execute(conn)
}

/// What a correction may change: not the worker, the contract or the hiring channel, which
/// the rules were checked against.
pub struct Correction {
    pub position: String,
    pub kind: String,
    pub monthly_wage_tenge: i64,
    pub arrived_from_other_settlement: bool,
    pub referral: Option<(String, NaiveDate)>,
}

pub fn correct(
    conn: &mut DbConnection,
    id: &str,
    base_version: i32,
    c: &Correction,
    tally: &mut Tally,
) -> QueryResult<usize> {
    let before = get(conn, id)?;
    let changed = diesel::update(
        jobs::table
            .filter(jobs::id.eq(id))
            .filter(jobs::version.eq(base_version)),
    )
    .set((
        jobs::position.eq(&c.position),
        jobs::kind.eq(&c.kind),
        jobs::monthly_wage_tenge.eq(c.monthly_wage_tenge),
        jobs::arrived_from_other_settlement.eq(c.arrived_from_other_settlement),
        jobs::referral_number.eq(c.referral.as_ref().map(|r| r.0.as_str())),
        jobs::referral_date.eq(c.referral.as_ref().map(|r| r.1)),
        jobs::updated_at.eq(now()),
        jobs::version.eq(jobs::version + 1),
    ))
    .execute(conn)?;
    let was_permanent = before.kind == JobKind::Permanent.code();
    let is_permanent = c.kind == JobKind::Permanent.code();
    if changed > 0 && was_permanent != is_permanent {
        let delta = Figures {
            permanent_created: if is_permanent { 1 } else { -1 },
            ..Default::default()
        };
        let region = projects::region_of_contract(conn, &before.contract_id)?;
        tally.add(&region, before.hire_date, &delta);
    }
    Ok(changed)
}

#[derive(QueryableByName)]
struct Value {
    #[diesel(sql_type = BigInt)]
    value: i64,
}

/// The value of a dated parameter in force on `on`.
pub fn parameter_on(
    conn: &mut DbConnection,
    code: &str,
    on: NaiveDate,
) -> QueryResult<Option<i64>> {
    let v: Option<Value> = diesel::sql_query(
        "SELECT value FROM parameters WHERE code = $1 AND valid_from <= $2 ORDER BY valid_from DESC LIMIT 1",
    )
    .bind::<Text, _>(code)
    .bind::<Date, _>(on)
    .get_result(conn)
    .optional()?;
    Ok(v.map(|v| v.value))
}

/// The youth age bounds in force on `on`, defaulting to the programme's 15–28.
pub fn youth_ages(conn: &mut DbConnection, on: NaiveDate) -> QueryResult<hire::YouthAges> {
    let min = parameter_on(conn, "YOUTH_MIN_AGE", on)?.unwrap_or(15);
    let max = parameter_on(conn, "YOUTH_MAX_AGE", on)?.unwrap_or(28);
    Ok(hire::YouthAges {
        min: i32::try_from(min).unwrap_or(15),
        max: i32::try_from(max).unwrap_or(28),
    })
}
