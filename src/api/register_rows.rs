//! The rows of a register batch as the API takes them (the columns of each register's CSV
//! template, `domain::registers::columns`), and a refused load said as per-field problems.

use serde::Deserialize;
use utoipa::ToSchema;

use super::problem::{ApiError, Text, pointer};
use crate::domain::csv_rows::LineProblem;
use crate::domain::message::{FieldProblem, Message};
use crate::domain::registers::{Row, columns, parse};
use crate::domain::verification::Kind;

/// One register row: the columns of its register's template; a column of another register is
/// refused. Dates are `YYYY-MM-DD`, months `YYYY-MM`.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterRow {
    /// Referral or certificate number.
    pub number: Option<String>,
    /// Referrals, certificates.
    pub issued_on: Option<String>,
    /// The person's IIN (referrals, contracts, contributions).
    pub iin: Option<String>,
    /// Referrals: the issuing employment center's region (KATO code) and district.
    pub region: Option<String>,
    pub district: Option<String>,
    pub valid_until: Option<String>,
    pub employer_bin: Option<String>,
    pub contract_number: Option<String>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub position: Option<String>,
    /// Contributions: the month paid for.
    pub month: Option<String>,
    pub amount_tenge: Option<i64>,
    pub producer_bin: Option<String>,
    pub product: Option<String>,
    pub expires_on: Option<String>,
}

impl RegisterRow {
    fn get(&self, column: &str) -> Option<String> {
        let text = |v: &Option<String>| v.as_ref().map(|s| s.trim().to_owned());
        match column {
            "number" => text(&self.number),
            "issued_on" => text(&self.issued_on),
            "iin" => text(&self.iin),
            "region" => text(&self.region),
            "district" => text(&self.district),
            "valid_until" => text(&self.valid_until),
            "employer_bin" => text(&self.employer_bin),
            "contract_number" => text(&self.contract_number),
            "start_date" => text(&self.start_date),
            "end_date" => text(&self.end_date),
            "position" => text(&self.position),
            "month" => text(&self.month),
            "amount_tenge" => self.amount_tenge.map(|n| n.to_string()),
            "producer_bin" => text(&self.producer_bin),
            "product" => text(&self.product),
            "expires_on" => text(&self.expires_on),
            _ => None,
        }
    }
}

/// Every column a row may carry, of any register.
const ALL_COLUMNS: [&str; 16] = [
    "number",
    "issued_on",
    "iin",
    "region",
    "district",
    "valid_until",
    "employer_bin",
    "contract_number",
    "start_date",
    "end_date",
    "position",
    "month",
    "amount_tenge",
    "producer_bin",
    "product",
    "expires_on",
];

/// Line of row `index` as the loader numbers it: line 1 is the batch itself.
fn line_of(index: usize) -> u64 {
    index as u64 + 2
}

/// The rows checked one by one, numbered as the loader takes them.
pub fn rows_of(kind: Kind, rows: &[RegisterRow]) -> Vec<Result<(u64, Row), Vec<LineProblem>>> {
    let own = columns(kind);
    rows.iter()
        .enumerate()
        .map(|(i, r)| {
            let line = line_of(i);
            let mut problems: Vec<LineProblem> = ALL_COLUMNS
                .iter()
                .filter(|c| r.get(c).is_some() && !own.iter().any(|(o, _)| o == *c))
                .map(|c| {
                    LineProblem::at(
                        line,
                        FieldProblem::new(c, Message::new("register-not-a-column")),
                    )
                })
                .collect();
            match parse(kind, |c| r.get(c).unwrap_or_default()) {
                Ok(row) if problems.is_empty() => Ok((line, row)),
                Ok(_) => Err(problems),
                Err(found) => {
                    problems.extend(found.into_iter().map(|p| LineProblem::at(line, p)));
                    Err(problems)
                }
            }
        })
        .collect()
}

/// Where a problem of the batch itself (not of a row) points.
fn batch_pointer(key: &str) -> &'static str {
    match key {
        "register-period-order" => "/period_to",
        "register-region-required" | "register-national-only" => "/region",
        "register-source-required" => "/source",
        "register-overlaps" => "/period_from",
        "import-empty" => "/rows",
        _ => "",
    }
}

/// A refused load: 422, one entry per problem, pointing at the row's field.
pub fn problems_of(problems: &[LineProblem]) -> ApiError {
    problems
        .iter()
        .fold(ApiError::unprocessable("invalid_fields"), |e, p| {
            let at = if p.line >= 2 {
                let base = format!("/rows/{}", p.line - 2);
                match p.column {
                    Some(c) => pointer(&base, c),
                    None => base,
                }
            } else {
                batch_pointer(p.message.key).to_owned()
            };
            e.field(at, "invalid", Text::Message(p.message.clone()))
        })
}
