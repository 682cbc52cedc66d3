//! Contracts: recorded on approved projects, seen by their region's officers, their contractor
//! (by BIN) and the commission; their ledger and hire counters.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use serde::Serialize;

use super::schema::{contracts, procurement_lines, projects};
use super::tallies::Tally;
use super::{DbConnection, new_id, now};
use crate::domain::compliance::{ContractCompliance, ContractFacts};
use crate::domain::contract::{ContractInput, Declared};
use crate::domain::figures::Figures;
use crate::domain::ledger::{LedgerTotals, LineInput};
use crate::domain::role::Scope;

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = contracts)]
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
    pub version: i32,
    pub center_hires: i32,
    pub direct_hires: i32,
    pub ledger_total: i64,
    pub ledger_domestic: i64,
}

impl ContractRow {
    /// What the contract's compliance state is computed from, as it stands.
    pub fn facts(&self) -> ContractFacts {
        let d = self.declared();
        ContractFacts {
            center_hires: i64::from(self.center_hires),
            direct_hires: i64::from(self.direct_hires),
            amount: self.amount_tenge,
            declared_total: d.total(),
            declared_domestic: d.domestic(),
            ledger_total: self.ledger_total,
            ledger_domestic: self.ledger_domestic,
        }
    }

    pub fn compliance(&self) -> ContractCompliance {
        ContractCompliance::of(&self.facts())
    }

    pub fn declared(&self) -> Declared {
        Declared {
            goods: self.goods_tenge,
            goods_domestic: self.goods_domestic_tenge,
            works: self.works_tenge,
            works_domestic: self.works_domestic_tenge,
            services: self.services_tenge,
            services_domestic: self.services_domestic_tenge,
        }
    }

    pub fn hires(&self) -> i64 {
        i64::from(self.center_hires) + i64::from(self.direct_hires)
    }

    /// The employment-center share of hires, in basis points.
    pub fn center_bp(&self) -> i64 {
        crate::domain::share::bp(i64::from(self.center_hires), self.hires())
    }

    pub fn audit_view(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }
}

/// A contract with the project it belongs to, as its page shows it.
#[derive(Debug, Clone)]
pub struct ContractWithProject {
    pub contract: ContractRow,
    pub project_code: String,
    pub project_title: String,
    pub project_region: String,
    pub project_status: String,
}

pub fn insert(
    conn: &mut DbConnection,
    project_id: &str,
    c: &ContractInput,
    by: &str,
    tally: &mut Tally,
) -> QueryResult<ContractRow> {
    let id = new_id();
    let at = now();
    let d = &c.declared;
    diesel::insert_into(contracts::table)
        .values((
            contracts::id.eq(&id),
            contracts::project_id.eq(project_id),
            contracts::contractor_bin.eq(&c.contractor_bin),
            contracts::contractor_name.eq(&c.contractor_name),
            contracts::number.eq(&c.number),
            contracts::signed_on.eq(c.signed_on),
            contracts::amount_tenge.eq(c.amount_tenge),
            contracts::goods_tenge.eq(d.goods),
            contracts::goods_domestic_tenge.eq(d.goods_domestic),
            contracts::works_tenge.eq(d.works),
            contracts::works_domestic_tenge.eq(d.works_domestic),
            contracts::services_tenge.eq(d.services),
            contracts::services_domestic_tenge.eq(d.services_domestic),
            contracts::created_by.eq(by),
            contracts::created_at.eq(at),
            contracts::updated_at.eq(at),
        ))
        .execute(conn)?;
    {
        use super::schema::projects as p;
        diesel::update(p::table.find(project_id))
            .set((
                p::declared_total.eq(p::declared_total + d.total()),
                p::declared_domestic.eq(p::declared_domestic + d.domestic()),
            ))
            .execute(conn)?;
    }
    let region = super::projects::region_of_contract(conn, &id)?;
    let delta = Figures {
        contracts_value: d.total(),
        contracts_domestic: d.domestic(),
        ..Default::default()
    };
    tally.add(&region, c.signed_on, &delta);
    get(conn, &id)
}

pub fn get(conn: &mut DbConnection, id: &str) -> QueryResult<ContractRow> {
    contracts::table
        .find(id)
        .select(ContractRow::as_select())
        .first(conn)
}

/// Whether a contract with this number is already recorded on the project.
pub fn number_taken(conn: &mut DbConnection, project_id: &str, number: &str) -> QueryResult<bool> {
    let n: i64 = contracts::table
        .filter(contracts::project_id.eq(project_id))
        .filter(contracts::number.eq(number))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// The contract and its project if `scope` covers it: the project's region for an officer,
/// the contract's BIN for a contractor.
pub fn find_in_scope(
    conn: &mut DbConnection,
    id: &str,
    scope: &Scope,
) -> QueryResult<Option<ContractWithProject>> {
    let found = contracts::table
        .inner_join(projects::table)
        .filter(contracts::id.eq(id))
        .select((
            ContractRow::as_select(),
            projects::code,
            projects::title,
            projects::region_code,
            projects::status,
        ))
        .first::<(ContractRow, String, String, String, String)>(conn)
        .optional()?
        .map(
            |(contract, code, title, region, status)| ContractWithProject {
                contract,
                project_code: code,
                project_title: title,
                project_region: region,
                project_status: status,
            },
        );
    // One record by id: the policy decides, rather than a copy of it in SQL.
    Ok(found.filter(|c| crate::policy::sees_contract(scope, c.place())))
}

/// Up to `limit` contracts within `scope` (of one project, or all) whose id comes after
/// `after_id`, by id (ids are time-ordered): the API's cursor paging. The scope is the one
/// `policy::sees_contract` decides on a single record, written as SQL.
pub fn in_scope_after(
    conn: &mut DbConnection,
    scope: &Scope,
    project_id: Option<&str>,
    after_id: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<ContractWithProject>> {
    let mut q = contracts::table
        .inner_join(projects::table)
        .select((
            ContractRow::as_select(),
            projects::code,
            projects::title,
            projects::region_code,
            projects::status,
        ))
        .into_boxed();
    match scope {
        Scope::National => {}
        Scope::Region(r) => q = q.filter(projects::region_code.eq(r.clone())),
        Scope::Contractor(bin) => q = q.filter(contracts::contractor_bin.eq(bin.clone())),
    }
    if let Some(p) = project_id {
        q = q.filter(contracts::project_id.eq(p.to_owned()));
    }
    if let Some(id) = after_id {
        q = q.filter(contracts::id.gt(id.to_owned()));
    }
    let rows: Vec<(ContractRow, String, String, String, String)> =
        q.order(contracts::id.asc()).limit(limit).load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(contract, code, title, region, status)| ContractWithProject {
                contract,
                project_code: code,
                project_title: title,
                project_region: region,
                project_status: status,
            },
        )
        .collect())
}

/// The project's contracts, oldest first.
pub fn for_project(conn: &mut DbConnection, project_id: &str) -> QueryResult<Vec<ContractRow>> {
    contracts::table
        .filter(contracts::project_id.eq(project_id))
        .order((contracts::signed_on.asc(), contracts::id.asc()))
        .select(ContractRow::as_select())
        .load(conn)
}

/// A contractor's contracts across regions, with their project codes, newest first.
pub fn for_contractor(
    conn: &mut DbConnection,
    bin: &str,
) -> QueryResult<Vec<(ContractRow, String, String)>> {
    contracts::table
        .inner_join(projects::table)
        .filter(contracts::contractor_bin.eq(bin))
        .order((contracts::signed_on.desc(), contracts::id.desc()))
        .select((
            ContractRow::as_select(),
            projects::code,
            projects::region_code,
        ))
        .load(conn)
}

#[derive(QueryableByName)]
struct CategorySum {
    #[diesel(sql_type = Text)]
    category: String,
    #[diesel(sql_type = BigInt)]
    total: i64,
    #[diesel(sql_type = BigInt)]
    domestic: i64,
}

/// The ledger's sums by category.
pub fn ledger_totals(conn: &mut DbConnection, contract_id: &str) -> QueryResult<LedgerTotals> {
    let sums: Vec<CategorySum> = diesel::sql_query(
        "SELECT category, CAST(COALESCE(SUM(amount_tenge), 0) AS BIGINT) AS total, \
           CAST(COALESCE(SUM(CASE WHEN is_domestic THEN amount_tenge ELSE 0 END), 0) AS BIGINT) AS domestic \
         FROM procurement_lines WHERE contract_id = $1 GROUP BY category",
    )
    .bind::<Text, _>(contract_id)
    .load(conn)?;
    let mut t = LedgerTotals::default();
    for s in sums {
        let pair = (s.total, s.domestic);
        match s.category.as_str() {
            "goods" => t.goods = pair,
            "works" => t.works = pair,
            _ => t.services = pair,
        }
    }
    Ok(t)
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = procurement_lines)]
pub struct LineRow {
    pub id: String,
    pub contract_id: String,
    pub category: String,
    pub description: String,
    pub amount_tenge: i64,
    pub is_domestic: bool,
    pub producer_bin: Option<String>,
    pub ct_kz_certificate: Option<String>,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i32,
}

impl LineRow {
    pub fn category_key(&self) -> &'static str {
        crate::domain::ledger::Category::from_code(&self.category)
            .map_or("unknown", crate::domain::ledger::Category::label_key)
    }
}

pub fn lines(conn: &mut DbConnection, contract_id: &str) -> QueryResult<Vec<LineRow>> {
    procurement_lines::table
        .filter(procurement_lines::contract_id.eq(contract_id))
        .order((
            procurement_lines::created_at.asc(),
            procurement_lines::id.asc(),
        ))
        .select(LineRow::as_select())
        .load(conn)
}

pub fn insert_line(
    conn: &mut DbConnection,
    contract_id: &str,
    line: &LineInput,
    by: &str,
) -> QueryResult<LineRow> {
    let id = new_id();
    let at = now();
    diesel::insert_into(procurement_lines::table)
        .values((
            procurement_lines::id.eq(&id),
            procurement_lines::contract_id.eq(contract_id),
            procurement_lines::category.eq(line.category.code()),
            procurement_lines::description.eq(&line.description),
            procurement_lines::amount_tenge.eq(line.amount_tenge),
            procurement_lines::is_domestic.eq(line.is_domestic),
            procurement_lines::producer_bin.eq(&line.producer_bin),
            procurement_lines::ct_kz_certificate.eq(&line.ct_kz_certificate),
            procurement_lines::created_by.eq(by),
            procurement_lines::created_at.eq(at),
            procurement_lines::updated_at.eq(at),
        ))
        .execute(conn)?;
    // The contract's ledger counters move with the line, in the same transaction.
    let domestic = if line.is_domestic {
        line.amount_tenge
    } else {
        0
    };
    diesel::update(contracts::table.find(contract_id))
        .set((
            contracts::ledger_total.eq(contracts::ledger_total + line.amount_tenge),
            contracts::ledger_domestic.eq(contracts::ledger_domestic + domestic),
        ))
        .execute(conn)?;
    crate::db::cache::touched();
    procurement_lines::table
        .find(&id)
        .select(LineRow::as_select())
        .first(conn)
}
