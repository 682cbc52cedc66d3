//! Records read back in the exact fields their CSV import takes, so an export re-imports.

use diesel::prelude::*;

use super::DbConnection;
use super::projects::ProjectRow;
use super::schema::{contracts, jobs, projects, workers};
use crate::domain::contract::ContractLine;
use crate::domain::hire::HireFields;
use crate::domain::ledger::LineFields;
use crate::domain::project::ProjectFields;

/// A region's projects, by code, as the project import reads them.
pub fn region_projects(conn: &mut DbConnection, region: &str) -> QueryResult<Vec<ProjectFields>> {
    let rows: Vec<ProjectRow> = projects::table
        .filter(projects::region_code.eq(region))
        .order(projects::code.asc())
        .select(ProjectRow::as_select())
        .load(conn)?;
    Ok(rows.iter().map(ProjectRow::fields).collect())
}

type HireTuple = (
    String,
    String,
    String,
    String,
    chrono::NaiveDate,
    String,
    String,
    Option<String>,
    Option<chrono::NaiveDate>,
    bool,
    i64,
    Option<chrono::NaiveDate>,
);

/// A contract's hires in the order they were recorded, as the hire import reads them: IIN,
/// the name and home settlement recorded on each hire, referral, wage. Callers show them
/// only to people the policy lets see personal data.
pub fn contract_hires(conn: &mut DbConnection, contract_id: &str) -> QueryResult<Vec<HireFields>> {
    let rows: Vec<HireTuple> = jobs::table
        .inner_join(workers::table)
        .filter(jobs::contract_id.eq(contract_id))
        .order((jobs::hire_date.asc(), jobs::id.asc()))
        .select((
            workers::iin,
            jobs::worker_name,
            jobs::worker_settlement,
            jobs::position,
            jobs::hire_date,
            jobs::kind,
            jobs::channel,
            jobs::referral_number,
            jobs::referral_date,
            jobs::arrived_from_other_settlement,
            jobs::monthly_wage_tenge,
            jobs::end_date,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(
                iin,
                name,
                settlement,
                position,
                hired,
                kind,
                channel,
                number,
                date,
                arrived,
                wage,
                ended,
            )| {
                HireFields {
                    iin,
                    full_name: name,
                    home_settlement: settlement,
                    position,
                    hire_date: hired.to_string(),
                    kind,
                    channel,
                    referral_number: number.unwrap_or_default(),
                    referral_date: date.map(|d| d.to_string()).unwrap_or_default(),
                    arrived_from_other_settlement: arrived.to_string(),
                    monthly_wage_tenge: wage.to_string(),
                    end_date: ended.map(|d| d.to_string()).unwrap_or_default(),
                }
            },
        )
        .collect())
}

type ContractTuple = (
    String,
    String,
    String,
    String,
    chrono::NaiveDate,
    i64,
    i64,
    i64,
    i64,
    i64,
    i64,
    i64,
);

/// A region's contracts with their declared values, as the contract import reads them.
pub fn region_contracts(conn: &mut DbConnection, region: &str) -> QueryResult<Vec<ContractLine>> {
    let rows: Vec<ContractTuple> = contracts::table
        .inner_join(projects::table)
        .filter(projects::region_code.eq(region))
        .order((
            projects::code.asc(),
            contracts::signed_on.asc(),
            contracts::id.asc(),
        ))
        .select((
            projects::code,
            contracts::contractor_bin,
            contracts::contractor_name,
            contracts::number,
            contracts::signed_on,
            contracts::amount_tenge,
            contracts::goods_tenge,
            contracts::goods_domestic_tenge,
            contracts::works_tenge,
            contracts::works_domestic_tenge,
            contracts::services_tenge,
            contracts::services_domestic_tenge,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(code, bin, name, number, signed, amount, g, gd, w, wd, s, sd)| ContractLine {
                project_code: code,
                contractor_bin: bin,
                contractor_name: name,
                number,
                signed_on: signed.to_string(),
                amount_tenge: amount.to_string(),
                goods_tenge: g.to_string(),
                goods_domestic_tenge: gd.to_string(),
                works_tenge: w.to_string(),
                works_domestic_tenge: wd.to_string(),
                services_tenge: s.to_string(),
                services_domestic_tenge: sd.to_string(),
            },
        )
        .collect())
}

type LineTuple = (String, String, i64, bool, Option<String>, Option<String>);

/// A contract's procurement lines in the order they were entered (rule 3 is checked against
/// the ledger as the lines above left it), as the procurement import reads them.
pub fn contract_lines(conn: &mut DbConnection, contract_id: &str) -> QueryResult<Vec<LineFields>> {
    use super::schema::procurement_lines as l;
    let rows: Vec<LineTuple> = l::table
        .filter(l::contract_id.eq(contract_id))
        .order((l::created_at.asc(), l::id.asc()))
        .select((
            l::category,
            l::description,
            l::amount_tenge,
            l::is_domestic,
            l::producer_bin,
            l::ct_kz_certificate,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(category, description, amount, domestic, producer, certificate)| LineFields {
                category,
                description,
                amount_tenge: amount.to_string(),
                is_domestic: domestic.to_string(),
                producer_bin: producer.unwrap_or_default(),
                ct_kz_certificate: certificate.unwrap_or_default(),
            },
        )
        .collect())
}

/// One month of a region's plan as the plan import reads it (`month` as 2024-07).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct PlanLine {
    pub month: String,
    pub planned_jobs: String,
    pub planned_center_hires: String,
}

/// Every month of a region's plans, oldest first.
pub fn region_plans(conn: &mut DbConnection, region: &str) -> QueryResult<Vec<PlanLine>> {
    use super::schema::monthly_plans as p;
    let rows: Vec<(chrono::NaiveDate, i32, i32)> = p::table
        .filter(p::region_code.eq(region))
        .order(p::month.asc())
        .select((p::month, p::planned_jobs, p::planned_center_hires))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(month, jobs, center)| PlanLine {
            month: month.format("%Y-%m").to_string(),
            planned_jobs: jobs.to_string(),
            planned_center_hires: center.to_string(),
        })
        .collect())
}
