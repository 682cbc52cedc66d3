//! What must hold of the data whichever way it was written: by the web forms and imports one
//! record at a time, or by a bulk load. Each check is one SQL query counting the records that
//! break it; tests run them after the live code paths and after every generated load.

use diesel::prelude::*;

use crate::db::{DbConnection, tallies};

const CHECKS: [(&str, &str); 12] = [
    (
        "project counters differ from their contracts",
        "SELECT COUNT(*) AS n FROM projects p LEFT JOIN ( \
           SELECT project_id, SUM(center_hires + direct_hires) AS jobs, SUM(center_hires) AS center, \
                  SUM(goods_tenge + works_tenge + services_tenge) AS total, \
                  SUM(goods_domestic_tenge + works_domestic_tenge + services_domestic_tenge) AS domestic \
           FROM contracts GROUP BY project_id) c ON c.project_id = p.id \
         WHERE p.jobs_created <> COALESCE(c.jobs, 0) OR p.center_hires <> COALESCE(c.center, 0) \
            OR p.declared_total <> COALESCE(c.total, 0) OR p.declared_domestic <> COALESCE(c.domestic, 0)",
    ),
    (
        "rule 2: more direct hires than employment-center hires on a contract",
        "SELECT COUNT(*) AS n FROM contracts WHERE direct_hires > center_hires",
    ),
    (
        "contract hire counters differ from the jobs recorded",
        "SELECT COUNT(*) AS n FROM contracts c LEFT JOIN ( \
           SELECT contract_id, SUM(CASE WHEN channel = 'employment_center' THEN 1 ELSE 0 END) AS center, \
                  SUM(CASE WHEN channel = 'direct' THEN 1 ELSE 0 END) AS direct \
           FROM jobs GROUP BY contract_id) j ON j.contract_id = c.id \
         WHERE c.center_hires <> COALESCE(j.center, 0) OR c.direct_hires <> COALESCE(j.direct, 0)",
    ),
    (
        "rule 4: a worker with two overlapping jobs",
        "SELECT COUNT(*) AS n FROM jobs a JOIN jobs b ON a.worker_id = b.worker_id AND a.id < b.id \
         WHERE (a.end_date IS NULL OR a.end_date >= b.hire_date) \
           AND (b.end_date IS NULL OR b.end_date >= a.hire_date)",
    ),
    (
        "rule 3: a contract declared below 90% domestic",
        "SELECT COUNT(*) AS n FROM contracts WHERE \
           10 * (goods_domestic_tenge + works_domestic_tenge + services_domestic_tenge) \
           < 9 * (goods_tenge + works_tenge + services_tenge)",
    ),
    (
        "rule 3: foreign purchases above 10% on a contract's ledger",
        "SELECT COUNT(*) AS n FROM ( \
           SELECT c.amount_tenge AS amount, SUM(l.amount_tenge) AS total, \
                  SUM(CASE WHEN l.is_domestic THEN 0 ELSE l.amount_tenge END) AS foreign_part \
           FROM contracts c JOIN procurement_lines l ON l.contract_id = c.id \
           GROUP BY c.id, c.amount_tenge) t \
         WHERE 10 * foreign_part > CASE WHEN amount > total THEN amount ELSE total END",
    ),
    (
        "a contract's ledger counters differ from its procurement lines",
        "SELECT COUNT(*) AS n FROM contracts c LEFT JOIN ( \
           SELECT contract_id, SUM(amount_tenge) AS total, \
                  SUM(CASE WHEN is_domestic THEN amount_tenge ELSE 0 END) AS domestic \
           FROM procurement_lines GROUP BY contract_id) l ON l.contract_id = c.id \
         WHERE c.ledger_total <> COALESCE(l.total, 0) OR c.ledger_domestic <> COALESCE(l.domestic, 0)",
    ),
    (
        "rule 5: a hire before its contract was signed, or ending before it began",
        "SELECT COUNT(*) AS n FROM jobs j JOIN contracts c ON c.id = j.contract_id \
         WHERE j.hire_date < c.signed_on OR (j.end_date IS NOT NULL AND j.end_date < j.hire_date)",
    ),
    (
        "rule 6: a lifting payment for a hire that is not eligible",
        "SELECT COUNT(*) AS n FROM lifting_payments lp JOIN jobs j ON j.id = lp.job_id \
         WHERE j.channel <> 'employment_center' OR NOT j.arrived_from_other_settlement \
            OR lp.paid_on < j.hire_date",
    ),
    (
        "rule 7: a monthly plan with fewer than half its jobs via employment centers",
        "SELECT COUNT(*) AS n FROM monthly_plans WHERE 2 * planned_center_hires < planned_jobs",
    ),
    (
        "workflow: a project whose status is not its last recorded change",
        "SELECT COUNT(*) AS n FROM projects p WHERE p.status <> ( \
           SELECT s.to_status FROM project_status_changes s WHERE s.project_id = p.id \
           ORDER BY s.changed_at DESC, s.id DESC LIMIT 1)",
    ),
    (
        "workflow: hires on a project that never started",
        "SELECT COUNT(*) AS n FROM projects p WHERE p.status IN ('draft', 'submitted', 'approved', \
           'rejected', 'tendering', 'contracted') \
           AND EXISTS (SELECT 1 FROM contracts c JOIN jobs j ON j.contract_id = c.id \
                       WHERE c.project_id = p.id)",
    ),
];

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

/// Checks that compare stored counters with the records; `ops::check` reports these one
/// record at a time instead, so it asks only for the others ([`broken_rules`]).
const COUNTER_CHECKS: [usize; 3] = [0, 2, 6];

/// The rules (2-7) and workflow invariants broken, each with how many records break it.
pub fn broken_rules(conn: &mut DbConnection) -> QueryResult<Vec<(&'static str, i64)>> {
    let mut broken = Vec::new();
    for (i, (name, sql)) in CHECKS.iter().enumerate() {
        if COUNTER_CHECKS.contains(&i) {
            continue;
        }
        let c: Count = diesel::sql_query(*sql).get_result(conn)?;
        if c.n > 0 {
            broken.push((*name, c.n));
        }
    }
    Ok(broken)
}

/// The invariants broken, each with how many records break it; empty when all hold.
pub fn check(conn: &mut DbConnection) -> QueryResult<Vec<String>> {
    let mut broken = Vec::new();
    for (name, sql) in CHECKS {
        let c: Count = diesel::sql_query(sql).get_result(conn)?;
        if c.n > 0 {
            broken.push(format!("{name} ({})", c.n));
        }
    }
    let off = tallies::discrepancies(conn)?.len();
    if off > 0 {
        broken.push(format!(
            "the figures' tallies differ from the records on {off} region-days"
        ));
    }
    Ok(broken)
}
