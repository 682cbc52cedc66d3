//! The discrepancy lists (issue 15): the hires and procurement lines whose stored checks found
//! something wrong, by kind, in the viewer's scope, a page at a time.

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Date, Nullable, Text};

use super::DbConnection;
use super::verification::{Bind, Cond};
use crate::domain::role::Scope;

/// The lists the commission works through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    /// Employment-center hires whose referral is missing or belongs to someone or somewhere else.
    Referrals,
    /// Referrals quoted by more than one hire (the later hires).
    UsedTwice,
    /// Hires without a registered employment contract (or one starting far from the hire).
    Contracts,
    /// Full months worked without a pension contribution from the employer.
    Contributions,
    /// Domestic goods whose CT-KZ certificate is not found, names another producer or was not
    /// in force on the purchase date.
    Certificates,
}

impl ListKind {
    pub const ALL: [ListKind; 5] = [
        ListKind::Referrals,
        ListKind::UsedTwice,
        ListKind::Contracts,
        ListKind::Contributions,
        ListKind::Certificates,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ListKind::Referrals => "referrals",
            ListKind::UsedTwice => "used_twice",
            ListKind::Contracts => "contracts",
            ListKind::Contributions => "contributions",
            ListKind::Certificates => "certificates",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        ListKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            ListKind::Referrals => "discrepancy-referrals",
            ListKind::UsedTwice => "discrepancy-used-twice",
            ListKind::Contracts => "discrepancy-contracts",
            ListKind::Contributions => "discrepancy-contributions",
            ListKind::Certificates => "discrepancy-certificates",
        }
    }

    /// What the contractor is asked to do about one.
    pub fn todo_key(self) -> &'static str {
        match self {
            ListKind::Referrals => "discrepancy-referrals-todo",
            ListKind::UsedTwice => "discrepancy-used-twice-todo",
            ListKind::Contracts => "discrepancy-contracts-todo",
            ListKind::Contributions => "discrepancy-contributions-todo",
            ListKind::Certificates => "discrepancy-certificates-todo",
        }
    }

    fn condition(self) -> &'static str {
        match self {
            ListKind::Referrals => {
                "v.referral IN ('mismatched', 'missing') AND v.referral_reason <> 'used_twice'"
            }
            ListKind::UsedTwice => "v.referral = 'mismatched' AND v.referral_reason = 'used_twice'",
            ListKind::Contracts => "v.employment IN ('mismatched', 'missing')",
            ListKind::Contributions => "v.contributions = 'missing'",
            ListKind::Certificates => "v.certificate IN ('mismatched', 'missing')",
        }
    }

    pub fn is_hire_list(self) -> bool {
        self != ListKind::Certificates
    }
}

/// One hire on a list.
#[derive(Debug, Clone, QueryableByName)]
pub struct HireItem {
    #[diesel(sql_type = Text)]
    pub job_id: String,
    #[diesel(sql_type = Text)]
    pub contract_id: String,
    #[diesel(sql_type = Text)]
    pub contract_number: String,
    #[diesel(sql_type = Text)]
    pub contractor_bin: String,
    #[diesel(sql_type = Text)]
    pub project_code: String,
    #[diesel(sql_type = Text)]
    pub region_code: String,
    #[diesel(sql_type = Text)]
    pub iin: String,
    #[diesel(sql_type = Text)]
    pub worker_name: String,
    #[diesel(sql_type = Date)]
    pub hire_date: NaiveDate,
    #[diesel(sql_type = Nullable<Text>)]
    pub referral_number: Option<String>,
    #[diesel(sql_type = Text)]
    pub referral: String,
    #[diesel(sql_type = Text)]
    pub referral_reason: String,
    #[diesel(sql_type = Text)]
    pub employment: String,
    #[diesel(sql_type = Text)]
    pub missing_months: String,
}

/// One procurement line on the certificate list.
#[derive(Debug, Clone, QueryableByName)]
pub struct LineItem {
    #[diesel(sql_type = Text)]
    pub line_id: String,
    #[diesel(sql_type = Text)]
    pub contract_id: String,
    #[diesel(sql_type = Text)]
    pub contract_number: String,
    #[diesel(sql_type = Text)]
    pub contractor_bin: String,
    #[diesel(sql_type = Text)]
    pub project_code: String,
    #[diesel(sql_type = Text)]
    pub region_code: String,
    #[diesel(sql_type = Text)]
    pub description: String,
    #[diesel(sql_type = BigInt)]
    pub amount_tenge: i64,
    #[diesel(sql_type = Nullable<Text>)]
    pub producer_bin: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub ct_kz_certificate: Option<String>,
    #[diesel(sql_type = Text)]
    pub certificate: String,
    #[diesel(sql_type = Text)]
    pub reason: String,
    #[diesel(sql_type = Bool)]
    pub is_domestic: bool,
}

const HIRE_FROM: &str = "FROM hire_verifications v JOIN jobs j ON j.id = v.job_id \
     JOIN workers w ON w.id = j.worker_id JOIN contracts c ON c.id = v.contract_id \
     JOIN projects p ON p.id = c.project_id";

const LINE_FROM: &str = "FROM line_verifications v JOIN procurement_lines l ON l.id = v.line_id \
     JOIN contracts c ON c.id = v.contract_id JOIN projects p ON p.id = c.project_id";

/// The list's condition in the viewer's scope, narrowed to a region if one is chosen.
fn cond(kind: ListKind, scope: &Scope, region: &str) -> Cond {
    let mut c = Cond::new().and(kind.condition());
    match scope {
        Scope::National => {}
        Scope::Region(r) => c = c.and_with("v.region_code = ?", vec![Bind::Text(r.clone())]),
        Scope::Contractor(bin) => {
            c = c.and_with("c.contractor_bin = ?", vec![Bind::Text(bin.clone())]);
        }
    }
    if !region.is_empty() {
        c = c.and_with("v.region_code = ?", vec![Bind::Text(region.to_owned())]);
    }
    c
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// How many items the list has.
pub fn count(
    conn: &mut DbConnection,
    kind: ListKind,
    scope: &Scope,
    region: &str,
) -> QueryResult<i64> {
    // The checks alone answer it (their indexes lead with the state and the region); the
    // contract is joined only to narrow to a contractor's own.
    let table = if kind.is_hire_list() {
        "hire_verifications"
    } else {
        "line_verifications"
    };
    let from = match scope {
        Scope::Contractor(_) => {
            format!("FROM {table} v JOIN contracts c ON c.id = v.contract_id")
        }
        _ => format!("FROM {table} v"),
    };
    let c = cond(kind, scope, region);
    let rows: Vec<Count> = c
        .query(&format!("SELECT CAST(COUNT(*) AS BIGINT) AS n {from}"), "")
        .load(conn)?;
    Ok(rows.first().map_or(0, |r| r.n))
}

/// A page of hires (`offset`, `limit`), in a stable order.
pub fn hires(
    conn: &mut DbConnection,
    kind: ListKind,
    scope: &Scope,
    region: &str,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<HireItem>> {
    cond(kind, scope, region)
        .query(
            &format!(
                "SELECT v.job_id, v.contract_id, c.number AS contract_number, c.contractor_bin, \
                 p.code AS project_code, v.region_code, w.iin, j.worker_name, j.hire_date, \
                 j.referral_number, v.referral, v.referral_reason, v.employment, v.missing_months \
                 {HIRE_FROM}"
            ),
            &format!("ORDER BY v.region_code, v.job_id LIMIT {limit} OFFSET {offset}"),
        )
        .load(conn)
}

/// A page of procurement lines.
pub fn lines(
    conn: &mut DbConnection,
    scope: &Scope,
    region: &str,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<LineItem>> {
    cond(ListKind::Certificates, scope, region)
        .query(
            &format!(
                "SELECT v.line_id, v.contract_id, c.number AS contract_number, c.contractor_bin, \
                 p.code AS project_code, v.region_code, l.description, l.amount_tenge, \
                 l.producer_bin, l.ct_kz_certificate, v.certificate, v.reason, l.is_domestic \
                 {LINE_FROM}"
            ),
            &format!("ORDER BY v.region_code, v.line_id LIMIT {limit} OFFSET {offset}"),
        )
        .load(conn)
}
