//! Hires for export, read in id order a batch at a time (keyset paging on the primary key).

use chrono::NaiveDate;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::{contracts, jobs, projects, workers};
use crate::domain::role::Scope;
use crate::policy::{self, Place};
use crate::web::export::Cell;

pub const HEADERS: [&str; 14] = [
    "project-code",
    "col-region",
    "contract-number",
    "contract-bin",
    "hire-iin",
    "hire-full-name",
    "hire-position",
    "hire-date",
    "job-end-date",
    "hire-kind",
    "hire-channel",
    "hire-youth",
    "hire-arrived",
    "hire-wage",
];

#[derive(Debug, Clone, Queryable)]
pub struct ExportRow {
    pub id: String,
    pub project_code: String,
    pub region_code: String,
    pub contract_number: String,
    pub contractor_bin: String,
    pub iin: String,
    /// The name as recorded on this hire.
    pub full_name: String,
    pub position: String,
    pub hire_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub kind: String,
    pub channel: String,
    pub is_youth: bool,
    pub arrived: bool,
    pub wage: i64,
}

impl ExportRow {
    /// The row as `scope` may see it: IIN and name masked unless `policy` says otherwise.
    pub fn cells(&self, scope: &Scope) -> Vec<Cell> {
        let flag = |b: bool| Cell::Int(i64::from(b));
        let place = Place {
            contractor_bin: &self.contractor_bin,
            region: &self.region_code,
        };
        let person = policy::person(
            &self.iin,
            &self.full_name,
            policy::sees_personal_data(scope, place),
        );
        vec![
            Cell::Text(self.project_code.clone()),
            Cell::Text(self.region_code.clone()),
            Cell::Text(self.contract_number.clone()),
            Cell::Text(self.contractor_bin.clone()),
            Cell::Text(person.iin),
            Cell::Text(person.name),
            Cell::Text(self.position.clone()),
            Cell::Text(self.hire_date.to_string()),
            Cell::Text(self.end_date.map(|d| d.to_string()).unwrap_or_default()),
            Cell::Text(self.kind.clone()),
            Cell::Text(self.channel.clone()),
            flag(self.is_youth),
            flag(self.arrived),
            Cell::Int(self.wage),
        ]
    }
}

/// Up to `limit` hires in `scope` with ids after `after`, in id order.
pub fn batch(
    conn: &mut DbConnection,
    scope: &Scope,
    after: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<ExportRow>> {
    let mut q = jobs::table
        .inner_join(contracts::table.inner_join(projects::table))
        .inner_join(workers::table)
        .select((
            jobs::id,
            projects::code,
            projects::region_code,
            contracts::number,
            contracts::contractor_bin,
            workers::iin,
            jobs::worker_name,
            jobs::position,
            jobs::hire_date,
            jobs::end_date,
            jobs::kind,
            jobs::channel,
            jobs::is_youth,
            jobs::arrived_from_other_settlement,
            jobs::monthly_wage_tenge,
        ))
        .order(jobs::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        q = q.filter(jobs::id.gt(after.to_owned()));
    }
    q = match scope {
        Scope::National => q,
        Scope::Region(r) => q.filter(projects::region_code.eq(r.clone())),
        Scope::Contractor(bin) => q.filter(contracts::contractor_bin.eq(bin.clone())),
    };
    q.load(conn)
}
