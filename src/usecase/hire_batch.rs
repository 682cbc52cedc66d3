//! Many hires on one contract in one request (the API's bulk write): up to [`MAX_ROWS`], each
//! checked exactly like a typed hire and admitted by rules 2 and 4 in order through
//! `hires::record_rows`, the function the form and the CSV import use. The answer is per row:
//! the job recorded, the problems found, or "valid" for a row that passed while others did not
//! and so was not written (all or nothing, unless the caller asks for the good rows).

use chrono::NaiveDate;

use super::hires::{self, HireError, Mode, RowProblem};
use crate::db::DbConnection;
use crate::db::jobs::JobRow;
use crate::domain::hire::HireFields;
use crate::policy::Who;

/// The most rows one request may carry: a day's hires of the largest contractor, and small
/// enough to check and write within a few seconds.
pub const MAX_ROWS: usize = 10_000;

/// The audit action of each hire recorded by a batch.
pub const AUDIT_ACTION: &str = "job.bulk";

/// What became of one row (rows are numbered from 0, in the order sent).
#[derive(Debug)]
pub enum RowOutcome {
    Created(Box<JobRow>),
    /// Nothing wrong with the row, but it was not written: other rows were refused and the
    /// batch is all or nothing.
    Valid,
    Refused(Vec<RowProblem>),
}

#[derive(Debug)]
pub struct BatchOutcome {
    pub rows: Vec<RowOutcome>,
    pub created: usize,
    pub refused: usize,
}

impl BatchOutcome {
    /// Whether every row was recorded.
    pub fn complete(&self) -> bool {
        self.refused == 0
    }
}

#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    #[error("no rows")]
    Empty,
    #[error("{sent} rows, more than {MAX_ROWS}")]
    TooMany { sent: usize },
    /// Not found, forbidden, or the database: as for one hire.
    #[error(transparent)]
    Hire(HireError),
}

/// Records the rows as `mode` says and tells what became of each.
pub fn hire_batch(
    conn: &mut DbConnection,
    who: &Who,
    contract_id: &str,
    rows: Vec<HireFields>,
    today: NaiveDate,
    mode: Mode,
) -> Result<BatchOutcome, BatchError> {
    if rows.is_empty() {
        return Err(BatchError::Empty);
    }
    if rows.len() > MAX_ROWS {
        return Err(BatchError::TooMany { sent: rows.len() });
    }
    let count = rows.len();
    let numbered: Vec<(u64, HireFields)> = rows
        .into_iter()
        .enumerate()
        .map(|(i, f)| (i as u64, f))
        .collect();
    let done =
        match hires::record_rows(conn, who, contract_id, &numbered, today, AUDIT_ACTION, mode) {
            Ok(done) => done,
            // A concurrent request took one of the workers: nothing was written.
            Err(HireError::Rows(problems)) => hires::Recorded {
                jobs: Vec::new(),
                problems,
            },
            Err(e) => return Err(BatchError::Hire(e)),
        };
    Ok(outcome(count, done))
}

fn outcome(count: usize, done: hires::Recorded) -> BatchOutcome {
    let mut rows: Vec<RowOutcome> = (0..count).map(|_| RowOutcome::Valid).collect();
    let created = done.jobs.len();
    for (line, job) in done.jobs {
        if let Some(slot) = rows.get_mut(line as usize) {
            *slot = RowOutcome::Created(Box::new(job));
        }
    }
    for p in done.problems {
        match rows.get_mut(p.line as usize) {
            Some(RowOutcome::Refused(found)) => found.push(p),
            Some(slot) => *slot = RowOutcome::Refused(vec![p]),
            None => {}
        }
    }
    let refused = rows
        .iter()
        .filter(|r| matches!(r, RowOutcome::Refused(_)))
        .count();
    BatchOutcome {
        rows,
        created,
        refused,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::message::{FieldProblem, Message};

    fn problem(line: u64) -> RowProblem {
        RowProblem {
            line,
            problem: FieldProblem::new("iin", Message::new("iin-format")),
            refusal: None,
        }
    }

    #[test]
    fn every_row_gets_its_answer_in_the_order_sent() {
        let done = hires::Recorded {
            jobs: Vec::new(),
            problems: vec![problem(1), problem(1), problem(3)],
        };
        let o = outcome(4, done);
        assert_eq!((o.created, o.refused), (0, 2));
        assert!(!o.complete());
        assert!(matches!(o.rows[0], RowOutcome::Valid));
        assert!(matches!(&o.rows[1], RowOutcome::Refused(p) if p.len() == 2));
        assert!(matches!(o.rows[2], RowOutcome::Valid));
        assert!(matches!(&o.rows[3], RowOutcome::Refused(p) if p.len() == 1));
    }
}
