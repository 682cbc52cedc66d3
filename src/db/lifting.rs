//! Lifting payments (rule 6): 2 × MZP on the hire date, once per eligible job.

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use super::jobs::{JobRow, parameter_on};
use super::schema::lifting_payments;
use super::{DbConnection, new_id, now};
use crate::domain::hire::lifting_amount;

/// The payment due for a job, if it is eligible and an MZP is on record for its hire date.
pub fn due(conn: &mut DbConnection, job: &JobRow) -> QueryResult<Option<i64>> {
    if !job.lifting_eligible() {
        return Ok(None);
    }
    Ok(parameter_on(conn, "MZP", job.hire_date)?.map(lifting_amount))
}

/// The payment recorded for a job, if any: amount and date.
pub fn paid(conn: &mut DbConnection, job_id: &str) -> QueryResult<Option<(i64, NaiveDate)>> {
    lifting_payments::table
        .filter(lifting_payments::job_id.eq(job_id))
        .select((lifting_payments::amount_tenge, lifting_payments::paid_on))
        .first(conn)
        .optional()
}

/// Inserts a payment. The unique key on `job_id` refuses a second one even from two requests
/// at once (a unique violation).
pub fn insert(
    conn: &mut DbConnection,
    job_id: &str,
    amount: i64,
    paid_on: NaiveDate,
    by: &str,
) -> QueryResult<()> {
    diesel::insert_into(lifting_payments::table)
        .values((
            lifting_payments::id.eq(new_id()),
            lifting_payments::job_id.eq(job_id),
            lifting_payments::amount_tenge.eq(amount),
            lifting_payments::paid_on.eq(paid_on),
            lifting_payments::recorded_by.eq(by),
            lifting_payments::created_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

#[derive(Debug, Clone, Default, QueryableByName)]
pub struct LiftingTotals {
    #[diesel(sql_type = BigInt)]
    pub eligible: i64,
    #[diesel(sql_type = BigInt)]
    pub due_tenge: i64,
    #[diesel(sql_type = BigInt)]
    pub paid: i64,
    #[diesel(sql_type = BigInt)]
    pub paid_tenge: i64,
}

/// Eligible jobs and what is due, and what has been paid, over a project's contracts.
pub fn project_totals(conn: &mut DbConnection, project_id: &str) -> QueryResult<LiftingTotals> {
    diesel::sql_query(
        "SELECT CAST(COUNT(*) AS BIGINT) AS eligible, \
           CAST(COALESCE(SUM(2 * (SELECT p.value FROM parameters p WHERE p.code = 'MZP' \
                AND p.valid_from <= j.hire_date ORDER BY p.valid_from DESC LIMIT 1)), 0) AS BIGINT) AS due_tenge, \
           CAST(COUNT(lp.id) AS BIGINT) AS paid, \
           CAST(COALESCE(SUM(lp.amount_tenge), 0) AS BIGINT) AS paid_tenge \
         FROM jobs j JOIN contracts c ON c.id = j.contract_id \
         LEFT JOIN lifting_payments lp ON lp.job_id = j.id \
         WHERE c.project_id = $1 AND j.channel = 'employment_center' AND j.arrived_from_other_settlement",
    )
    .bind::<Text, _>(project_id)
    .get_result(conn)
}
