//! Jobs and workers as stored, and the queries the hire use cases (`usecase::hires` and its
//! siblings) build their transactions from. A worker row holds only what the IIN says; the
//! name and home settlement belong to each hire.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Text};
use serde::Serialize;

use super::schema::{
    contracts as contracts_t, jobs, lifting_payments, parameters, projects as projects_t, workers,
};
use super::tallies::Tally;
use super::{DbConnection, new_id, now, projects};
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
    /// The worker's name and home settlement as this hire's employer recorded them.
    pub worker_name: String,
    pub worker_settlement: String,
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
            end_date: h.end_date,
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
            worker_name: h.full_name.clone(),
            worker_settlement: h.home_settlement.clone(),
        }
    }

    pub fn channel(&self) -> Channel {
        Channel::from_code(&self.channel).unwrap_or(Channel::Direct)
    }

    pub fn lifting_eligible(&self) -> bool {
        hire::lifting_eligible(self.channel(), self.arrived_from_other_settlement)
    }

    /// What the audit trail keeps: the job with the name and settlement recorded on it, and
    /// the worker by id only (never the IIN).
    pub fn audit_view(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = workers)]
pub struct WorkerRow {
    pub id: String,
    pub iin: String,
    pub birth_date: NaiveDate,
    pub sex: String,
}

/// A recorded job of a worker, with where it sits: what rule 4 compares a hire against, and
/// what the policy needs to decide whether the refusal may name its project.
#[derive(Debug, Clone, Queryable)]
pub struct RecordedJob {
    pub job_id: String,
    pub worker_id: String,
    pub hire_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub project_code: String,
    pub region: String,
    pub contractor_bin: String,
}

/// Every recorded job of these workers (rule 4 looks for one that overlaps a hire).
pub fn recorded_jobs(
    conn: &mut DbConnection,
    worker_ids: &[String],
) -> QueryResult<Vec<RecordedJob>> {
    let mut out = Vec::new();
    for chunk in worker_ids.chunks(500) {
        let rows: Vec<RecordedJob> = jobs::table
            .inner_join(contracts_t::table.inner_join(projects_t::table))
            .filter(jobs::worker_id.eq_any(chunk))
            .select((
                jobs::id,
                jobs::worker_id,
                jobs::hire_date,
                jobs::end_date,
                projects_t::code,
                projects_t::region_code,
                contracts_t::contractor_bin,
            ))
            .order((jobs::hire_date.asc(), jobs::id.asc()))
            .load(conn)?;
        out.extend(rows);
    }
    Ok(out)
}

/// The ids of the workers with these IINs that are already on record, by IIN.
pub fn workers_by_iin(
    conn: &mut DbConnection,
    iins: &[&str],
) -> QueryResult<HashMap<String, String>> {
    let mut found = HashMap::new();
    for chunk in iins.chunks(500) {
        let pairs: Vec<(String, String)> = workers::table
            .filter(workers::iin.eq_any(chunk))
            .select((workers::iin, workers::id))
            .load(conn)?;
        found.extend(pairs);
    }
    Ok(found)
}

#[derive(Insertable)]
#[diesel(table_name = workers, treat_none_as_default_value = false)]
pub struct NewWorker<'a> {
    pub id: String,
    pub iin: &'a str,
    pub birth_date: NaiveDate,
    pub sex: &'static str,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl<'a> NewWorker<'a> {
    /// A worker is only what the IIN says; the name and settlement belong to each hire.
    pub fn of(h: &'a HireInput, at: NaiveDateTime) -> Self {
        NewWorker {
            id: new_id(),
            iin: h.iin.as_str(),
            birth_date: h.iin.birth_date(),
            sex: h.sex_code(),
            created_at: at,
            updated_at: at,
        }
    }
}

/// Inserts workers and jobs many per statement.
pub fn insert_hires(
    conn: &mut DbConnection,
    workers_new: &[NewWorker<'_>],
    rows: &[JobRow],
) -> QueryResult<()> {
    insert_chunks!(conn, workers::table, workers_new);
    insert_chunks!(conn, jobs::table, rows);
    Ok(())
}

/// Moves the contract's and the project's hire counters by what was hired (or un-hired).
pub fn count_hires(
    conn: &mut DbConnection,
    contract_id: &str,
    project_id: &str,
    center: i32,
    direct: i32,
) -> QueryResult<()> {
    diesel::update(contracts_t::table.find(contract_id))
        .set((
            contracts_t::center_hires.eq(contracts_t::center_hires + center),
            contracts_t::direct_hires.eq(contracts_t::direct_hires + direct),
        ))
        .execute(conn)?;
    diesel::update(projects_t::table.find(project_id))
        .set((
            projects_t::jobs_created.eq(projects_t::jobs_created + center + direct),
            projects_t::center_hires.eq(projects_t::center_hires + center),
        ))
        .execute(conn)?;
    Ok(())
}

/// The figures one job adds to its region's tallies on its hire date.
pub fn figures_of(job: &JobRow) -> Figures {
    Figures::of_hire(
        job.channel() == Channel::EmploymentCenter,
        job.is_youth,
        job.kind == JobKind::Permanent.code(),
    )
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

/// One job with its worker and its lifting payment, if there is such a job.
pub fn line(conn: &mut DbConnection, id: &str) -> QueryResult<Option<JobLine>> {
    let row: Option<(JobRow, WorkerRow, Option<i64>, Option<NaiveDate>)> = jobs::table
        .inner_join(workers::table)
        .left_join(lifting_payments::table)
        .filter(jobs::id.eq(id))
        .select((
            JobRow::as_select(),
            WorkerRow::as_select(),
            lifting_payments::amount_tenge.nullable(),
            lifting_payments::paid_on.nullable(),
        ))
        .first(conn)
        .optional()?;
    Ok(row.map(|(job, worker, amount, paid_on)| JobLine {
        job,
        worker,
        paid: amount.zip(paid_on),
    }))
}

/// Saves a job as corrected or ended, if it is still at `base_version`; 0 rows when it moved on.
pub fn save(conn: &mut DbConnection, job: &JobRow, base_version: i32) -> QueryResult<usize> {
    diesel::update(
        jobs::table
            .filter(jobs::id.eq(&job.id))
            .filter(jobs::version.eq(base_version)),
    )
    .set((
        jobs::worker_name.eq(&job.worker_name),
        jobs::worker_settlement.eq(&job.worker_settlement),
        jobs::position.eq(&job.position),
        jobs::hire_date.eq(job.hire_date),
        jobs::end_date.eq(job.end_date),
        jobs::kind.eq(&job.kind),
        jobs::channel.eq(&job.channel),
        jobs::referral_number.eq(&job.referral_number),
        jobs::referral_date.eq(job.referral_date),
        jobs::arrived_from_other_settlement.eq(job.arrived_from_other_settlement),
        jobs::monthly_wage_tenge.eq(job.monthly_wage_tenge),
        jobs::is_youth.eq(job.is_youth),
        jobs::updated_at.eq(now()),
        jobs::version.eq(base_version + 1),
    ))
    .execute(conn)
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

/// What a hire on `today` is checked against: the youth ages in force today and every MZP on
/// record (a hire's wage floor is the one in force on its own date).
pub fn hire_rules(conn: &mut DbConnection, today: NaiveDate) -> QueryResult<hire::HireRules> {
    let minimum_wage = parameters::table
        .filter(parameters::code.eq("MZP"))
        .select((parameters::valid_from, parameters::value))
        .load::<(NaiveDate, i64)>(conn)?
        .into_iter()
        .collect();
    Ok(hire::HireRules {
        youth: youth_ages(conn, today)?,
        minimum_wage,
    })
}
