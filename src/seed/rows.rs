//! The rows a generated dataset is made of, and their bulk insertion (many rows per
//! statement, in one transaction).

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::jobs::JobRow;
use crate::db::projects::Entered;
use crate::db::schema::{
    contracts, jobs, lifting_payments, monthly_plans, procurement_lines, project_status_changes,
    projects, workers,
};
use crate::db::{DbConnection, insert_chunks};

#[derive(Insertable)]
#[diesel(table_name = projects, treat_none_as_default_value = false)]
pub struct ProjectRow {
    #[diesel(embed)]
    pub entered: Entered,
    pub id: String,
    pub region_code: String,
    pub status: &'static str,
    pub decision_number: Option<String>,
    pub decision_date: Option<NaiveDate>,
    pub approved_limit_tenge: Option<i64>,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i32,
}

#[derive(Insertable)]
#[diesel(table_name = project_status_changes, treat_none_as_default_value = false)]
pub struct StatusRow {
    pub id: String,
    pub project_id: String,
    pub from_status: Option<&'static str>,
    pub to_status: &'static str,
    pub changed_by: String,
    pub changed_at: NaiveDateTime,
    pub comment: String,
}

#[derive(Insertable)]
#[diesel(table_name = contracts, treat_none_as_default_value = false)]
pub struct ContractRow {
    pub id: String,
    pub project_id: String,
    pub contractor_bin: String,
    pub contractor_name: String,
    pub number: String,
    pub signed_on: NaiveDate,
    pub amount_tenge: i64,
    pub goods_tenge: i64,
    pub goods_domestic_tenge: i64,
    pub works_tenge: i64,
    pub works_domestic_tenge: i64,
    pub services_tenge: i64,
    pub services_domestic_tenge: i64,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub center_hires: i32,
    pub direct_hires: i32,
    pub ledger_total: i64,
    pub ledger_domestic: i64,
}

#[derive(Insertable)]
#[diesel(table_name = procurement_lines, treat_none_as_default_value = false)]
pub struct LineRow {
    pub id: String,
    pub contract_id: String,
    pub category: &'static str,
    pub description: String,
    pub amount_tenge: i64,
    pub is_domestic: bool,
    pub producer_bin: Option<String>,
    pub ct_kz_certificate: Option<String>,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = workers, treat_none_as_default_value = false)]
pub struct WorkerRow {
    pub id: String,
    pub iin: String,
    pub birth_date: NaiveDate,
    pub sex: &'static str,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = lifting_payments, treat_none_as_default_value = false)]
pub struct LiftingRow {
    pub id: String,
    pub job_id: String,
    pub amount_tenge: i64,
    pub paid_on: NaiveDate,
    pub recorded_by: String,
    pub created_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = monthly_plans, treat_none_as_default_value = false)]
pub struct PlanRow {
    pub id: String,
    pub region_code: String,
    pub month: NaiveDate,
    pub planned_jobs: i32,
    pub planned_center_hires: i32,
    pub updated_by: String,
    pub updated_at: NaiveDateTime,
}

/// Everything generated for one region, in insertion order (parents before children).
#[derive(Default)]
pub struct Batch {
    pub projects: Vec<ProjectRow>,
    pub statuses: Vec<StatusRow>,
    pub contracts: Vec<ContractRow>,
    pub lines: Vec<LineRow>,
    pub workers: Vec<WorkerRow>,
    pub jobs: Vec<JobRow>,
    pub lifting: Vec<LiftingRow>,
    pub plans: Vec<PlanRow>,
}

impl Batch {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        insert_chunks!(conn, projects::table, self.projects);
        insert_chunks!(conn, project_status_changes::table, self.statuses);
        insert_chunks!(conn, contracts::table, self.contracts);
        insert_chunks!(conn, procurement_lines::table, self.lines);
        insert_chunks!(conn, workers::table, self.workers);
        insert_chunks!(conn, jobs::table, self.jobs);
        insert_chunks!(conn, lifting_payments::table, self.lifting);
        insert_chunks!(conn, monthly_plans::table, self.plans);
        Ok(())
    }
}
