//! Many hires on one contract in one transaction (the hire import), under the same rules as
//! `jobs::hire` — rule 2 with the domain's check, counted row by row in file order; rule 4
//! against every job recorded and the rows above — but read and written in batches: a
//! handful of statements per 500 rows instead of a dozen per row.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use diesel::prelude::*;

use super::audit::{self, Actor, Event};
use super::jobs::{JobRow, Refusal};
use super::schema::{contracts, jobs, projects, workers};
use super::tallies::Tally;
use super::{DbConnection, contracts as contract_rows, lock_for_update, lock_many};
use super::{new_id, now};
use crate::domain::figures::Figures;
use crate::domain::hire::{self, Channel, HireInput, JobKind};

#[derive(Insertable)]
#[diesel(table_name = workers, treat_none_as_default_value = false)]
struct NewWorker<'a> {
    id: String,
    iin: &'a str,
    full_name: &'a str,
    birth_date: NaiveDate,
    sex: &'static str,
    home_settlement: &'a str,
    created_at: chrono::NaiveDateTime,
    updated_at: chrono::NaiveDateTime,
}

/// What stands in a worker's way: their recorded jobs' ends and projects.
type Recorded = HashMap<String, Vec<(Option<NaiveDate>, String)>>;

fn existing_workers(
    conn: &mut DbConnection,
    rows: &[(u64, HireInput)],
) -> QueryResult<HashMap<String, String>> {
    let iins: Vec<&str> = rows.iter().map(|(_, h)| h.iin.as_str()).collect();
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

fn recorded_jobs(conn: &mut DbConnection, worker_ids: &[String]) -> QueryResult<Recorded> {
    let mut out: Recorded = HashMap::new();
    for chunk in worker_ids.chunks(500) {
        let jobs: Vec<(String, Option<NaiveDate>, String)> = jobs::table
            .inner_join(contracts::table.inner_join(projects::table))
            .filter(jobs::worker_id.eq_any(chunk))
            .select((jobs::worker_id, jobs::end_date, projects::code))
            .load(conn)?;
        for (worker, end, code) in jobs {
            out.entry(worker).or_default().push((end, code));
        }
    }
    Ok(out)
}

/// Records every row, or none: `Ok(Err(refusals))` lists each refused row by line. With
/// `record` false it only checks (the file has other problems and will not be kept). Call
/// inside a write transaction.
pub fn import(
    conn: &mut DbConnection,
    contract_id: &str,
    rows: &[(u64, HireInput)],
    record: bool,
    actor: &Actor,
    by: &str,
    tally: &mut Tally,
) -> QueryResult<Result<usize, Vec<(u64, Refusal)>>> {
    lock_for_update(conn, "contracts", contract_id)?;
    let contract = contract_rows::get(conn, contract_id)?;
    let project = super::projects::get(conn, &contract.project_id)?;
    let known = existing_workers(conn, rows)?;
    let mut ids: Vec<String> = known.values().cloned().collect();
    ids.sort();
    lock_many(conn, "workers", &ids)?;
    let recorded = recorded_jobs(conn, &ids)?;

    // The rules, row by row in file order, as if each row were a form.
    let (mut center, mut direct) = (contract.center_hires, contract.direct_hires);
    let mut in_file: HashSet<&str> = HashSet::new();
    let mut refused = Vec::new();
    for (line, h) in rows {
        if let Err((c, d)) = hire::check_channel_balance(center, direct, h.channel) {
            refused.push((
                *line,
                Refusal::TooManyDirect {
                    center: c,
                    direct: d,
                },
            ));
            continue;
        }
        let blocking = known
            .get(h.iin.as_str())
            .and_then(|w| recorded.get(w))
            .and_then(|jobs| {
                jobs.iter()
                    .find(|(end, _)| hire::blocks_hire(*end, h.hire_date))
            })
            .map(|(_, code)| code.clone())
            // A row above hired the same worker: that job has not ended.
            .or_else(|| {
                in_file
                    .contains(h.iin.as_str())
                    .then(|| project.code.clone())
            });
        if let Some(project_code) = blocking {
            refused.push((*line, Refusal::ActiveElsewhere { project_code }));
            continue;
        }
        in_file.insert(h.iin.as_str());
        match h.channel {
            Channel::EmploymentCenter => center += 1,
            Channel::Direct => direct += 1,
        }
    }
    if !refused.is_empty() || !record {
        return Ok(Err(refused));
    }

    let at = now();
    let mut worker_of: HashMap<&str, String> = HashMap::new();
    let mut new_workers = Vec::new();
    for (_, h) in rows {
        if let Some(id) = known.get(h.iin.as_str()) {
            // The latest entry of a known worker's name and settlement wins, as on the form.
            diesel::update(workers::table.find(id))
                .set((
                    workers::full_name.eq(&h.full_name),
                    workers::home_settlement.eq(&h.home_settlement),
                    workers::updated_at.eq(at),
                ))
                .execute(conn)?;
            worker_of.insert(h.iin.as_str(), id.clone());
        } else {
            let id = new_id();
            worker_of.insert(h.iin.as_str(), id.clone());
            new_workers.push(NewWorker {
                id,
                iin: h.iin.as_str(),
                full_name: &h.full_name,
                birth_date: h.iin.birth_date(),
                sex: h.sex_code(),
                home_settlement: &h.home_settlement,
                created_at: at,
                updated_at: at,
            });
        }
    }
    insert_chunks!(conn, workers::table, new_workers);

    let jobs: Vec<JobRow> = rows
        .iter()
        .map(|(_, h)| {
            let worker = worker_of.get(h.iin.as_str()).cloned().unwrap_or_default();
            JobRow::hired(new_id(), contract_id, worker, h, by, at)
        })
        .collect();
    insert_chunks!(conn, jobs::table, jobs);

    let added_center = center - contract.center_hires;
    diesel::update(contracts::table.find(contract_id))
        .set((
            contracts::center_hires.eq(center),
            contracts::direct_hires.eq(direct),
        ))
        .execute(conn)?;
    diesel::update(projects::table.find(&project.id))
        .set((
            projects::jobs_created.eq(projects::jobs_created + rows.len() as i32),
            projects::center_hires.eq(projects::center_hires + added_center),
        ))
        .execute(conn)?;
    if contract.hires() == 0 && !rows.is_empty() {
        super::jobs::start_work(conn, &project.id, by, tally)?;
    }
    for (_, h) in rows {
        let delta = Figures::of_hire(
            h.channel == Channel::EmploymentCenter,
            h.is_youth,
            h.kind == JobKind::Permanent,
        );
        tally.add(&project.region_code, h.hire_date, &delta);
    }
    let views: Vec<serde_json::Value> = jobs.iter().map(JobRow::audit_view).collect();
    let events = jobs
        .iter()
        .zip(views)
        .map(|(j, view)| Event {
            actor,
            action: "job.import",
            entity: "job",
            entity_id: &j.id,
            before: None,
            after: Some(view),
            ip: None,
        })
        .collect();
    audit::record_many(conn, events)?;
    Ok(Ok(rows.len()))
}
