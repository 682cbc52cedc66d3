//! Records read back in the exact fields their CSV import takes, so an export re-imports.

use diesel::prelude::*;

use super::DbConnection;
use super::projects::ProjectRow;
use super::schema::{contracts, jobs, projects, workers};
use crate::domain::contract::ContractLine;
use crate::domain::hire::HireFields;
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
