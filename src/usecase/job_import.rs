//! The hire CSV import: many hires on one contract, all or nothing, under exactly the rules of
//! the form (`hires::record` checks each row like a typed hire and applies rules 2 and 4 in
//! file order, counting the rows above). Reading the file into rows is the caller's part.

use chrono::NaiveDate;

use super::hires::{self, HireError};
use crate::db::DbConnection;
use crate::domain::hire::HireFields;
use crate::policy::Who;

/// Records every row (`line`, fields) or none; `HireError::Rows` lists every problem by line.
pub fn import(
    conn: &mut DbConnection,
    who: &Who,
    contract_id: &str,
    rows: &[(u64, HireFields)],
    today: NaiveDate,
) -> Result<usize, HireError> {
    hires::record(conn, who, contract_id, rows, today, "job.import").map(|jobs| jobs.len())
}
