//! A contract on an approved project, and rule 3 on its declared local content: goods, works
//! and services together at least 90% domestic by value.

use chrono::NaiveDate;

use super::identifier::{Bin, IdError};
use super::message::{FieldProblem, Message};
use super::numbers::{parse_date, parse_int};
use super::share;

/// Rule 3: the minimum domestic share, in basis points.
pub const MIN_DOMESTIC_BP: i64 = 9_000;
pub const MAX_TENGE: i64 = 10_000_000_000_000;

#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct ContractFields {
    pub contractor_bin: String,
    pub contractor_name: String,
    pub number: String,
    pub signed_on: String,
    pub amount_tenge: String,
    pub goods_tenge: String,
    pub goods_domestic_tenge: String,
    pub works_tenge: String,
    pub works_domestic_tenge: String,
    pub services_tenge: String,
    pub services_domestic_tenge: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Declared {
    pub goods: i64,
    pub goods_domestic: i64,
    pub works: i64,
    pub works_domestic: i64,
    pub services: i64,
    pub services_domestic: i64,
}

impl Declared {
    pub fn total(&self) -> i64 {
        self.goods + self.works + self.services
    }

    pub fn domestic(&self) -> i64 {
        self.goods_domestic + self.works_domestic + self.services_domestic
    }

    /// The combined domestic share in basis points.
    pub fn domestic_bp(&self) -> i64 {
        share::bp(self.domestic(), self.total())
    }

    /// How much must move to domestic suppliers to reach 90%: ⌈0.9 × total⌉ − domestic.
    pub fn shortfall(&self) -> i64 {
        let needed = (i128::from(self.total()) * 9 + 9) / 10;
        (needed as i64 - self.domestic()).max(0)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ContractInput {
    pub contractor_bin: String,
    pub contractor_name: String,
    pub number: String,
    pub signed_on: NaiveDate,
    pub amount_tenge: i64,
    pub declared: Declared,
}

fn money(
    field: &'static str,
    text: &str,
    problems: &mut Vec<FieldProblem>,
    required: bool,
) -> Option<i64> {
    if text.trim().is_empty() && !required {
        return Some(0);
    }
    match parse_int(text) {
        Some(n) if (0..=MAX_TENGE).contains(&n) => Some(n),
        None if text.trim().is_empty() => {
            problems.push(FieldProblem::new(field, Message::new("field-required")));
            None
        }
        _ => {
            problems.push(FieldProblem::new(field, Message::new("field-money")));
            None
        }
    }
}

pub fn bin_message(e: IdError) -> Message {
    match e {
        IdError::Format => Message::new("bin-format"),
        _ => Message::new("bin-check-digit"),
    }
}

/// Checks a contract as entered; `today` bounds the signing date.
pub fn check(f: &ContractFields, today: NaiveDate) -> Result<ContractInput, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let bin = Bin::parse(&f.contractor_bin)
        .map_err(|e| problems.push(FieldProblem::new("contractor_bin", bin_message(e))))
        .ok();
    let name = f.contractor_name.trim().to_owned();
    if name.is_empty() {
        problems.push(FieldProblem::new(
            "contractor_name",
            Message::new("field-required"),
        ));
    }
    let number = f.number.trim().to_owned();
    if number.is_empty() {
        problems.push(FieldProblem::new("number", Message::new("field-required")));
    } else if number.chars().count() > 60 {
        problems.push(FieldProblem::new(
            "number",
            Message::new("field-too-long").int("max", 60),
        ));
    }
    let signed_on = match parse_date(&f.signed_on) {
        Some(d) if d > today => {
            problems.push(FieldProblem::new(
                "signed_on",
                Message::new("date-in-future"),
            ));
            None
        }
        Some(d) => Some(d),
        None => {
            let key = if f.signed_on.trim().is_empty() {
                "field-required"
            } else {
                "field-date"
            };
            problems.push(FieldProblem::new("signed_on", Message::new(key)));
            None
        }
    };
    let amount = money("amount_tenge", &f.amount_tenge, &mut problems, true);
    if amount == Some(0) {
        problems.push(FieldProblem::new(
            "amount_tenge",
            Message::new("field-range")
                .int("min", 1)
                .int("max", MAX_TENGE),
        ));
    }
    let parts = [
        (
            "goods_tenge",
            "goods_domestic_tenge",
            &f.goods_tenge,
            &f.goods_domestic_tenge,
        ),
        (
            "works_tenge",
            "works_domestic_tenge",
            &f.works_tenge,
            &f.works_domestic_tenge,
        ),
        (
            "services_tenge",
            "services_domestic_tenge",
            &f.services_tenge,
            &f.services_domestic_tenge,
        ),
    ];
    let mut values = [(0i64, 0i64); 3];
    let mut parts_ok = true;
    for (i, (vf, df, v, d)) in parts.iter().enumerate() {
        let value = money(vf, v, &mut problems, false);
        let domestic = money(df, d, &mut problems, false);
        match (value, domestic) {
            (Some(v), Some(d)) if d > v => {
                problems.push(FieldProblem::new(
                    df,
                    Message::new("contract-domestic-above-value"),
                ));
                parts_ok = false;
            }
            (Some(v), Some(d)) => values[i] = (v, d),
            _ => parts_ok = false,
        }
    }
    let declared = Declared {
        goods: values[0].0,
        goods_domestic: values[0].1,
        works: values[1].0,
        works_domestic: values[1].1,
        services: values[2].0,
        services_domestic: values[2].1,
    };
    if let (Some(amount), true) = (amount, parts_ok) {
        if declared.total() != amount {
            problems.push(FieldProblem::new(
                "goods_tenge",
                Message::new("contract-parts-sum")
                    .int("sum", declared.total())
                    .int("amount", amount),
            ));
        } else if !share::at_least(declared.domestic(), declared.total(), MIN_DOMESTIC_BP) {
            problems.push(FieldProblem::new(
                "goods_domestic_tenge",
                Message::new("contract-domestic-below")
                    .percent("share", declared.domestic_bp())
                    .int("shortfall", declared.shortfall()),
            ));
        }
    }
    match (bin, signed_on, amount) {
        (Some(bin), Some(signed_on), Some(amount)) if problems.is_empty() => Ok(ContractInput {
            contractor_bin: bin.as_str().to_owned(),
            contractor_name: name,
            number,
            signed_on,
            amount_tenge: amount,
            declared,
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2020, 12, 31).unwrap()
    }

    pub fn fields(
        goods: (&str, &str),
        works: (&str, &str),
        services: (&str, &str),
    ) -> ContractFields {
        let total: i64 = [goods.0, works.0, services.0]
            .iter()
            .map(|v| parse_int(v).unwrap_or(0))
            .sum();
        ContractFields {
            contractor_bin: "940140000385".into(),
            contractor_name: "ТОО «Орал Құрылыс»".into(),
            number: "№ 15-2020".into(),
            signed_on: "2020-06-01".into(),
            amount_tenge: total.to_string(),
            goods_tenge: goods.0.into(),
            goods_domestic_tenge: goods.1.into(),
            works_tenge: works.0.into(),
            works_domestic_tenge: works.1.into(),
            services_tenge: services.0.into(),
            services_domestic_tenge: services.1.into(),
        }
    }

    #[test]
    fn exactly_90_percent_domestic_passes() {
        let f = fields(("400", "300"), ("500", "500"), ("100", "100"));
        let c = check(&f, today()).unwrap();
        assert_eq!(c.declared.domestic_bp(), 9000);
    }

    #[test]
    fn below_90_percent_gives_the_share_and_what_must_move() {
        let f = fields(("400", "299"), ("500", "500"), ("100", "100"));
        let problems = check(&f, today()).unwrap_err();
        assert_eq!(
            problems[0].message,
            Message::new("contract-domestic-below")
                .percent("share", 8990)
                .int("shortfall", 1)
        );
        let d = Declared {
            goods: 1_000_000,
            goods_domestic: 875_000,
            ..Declared::default()
        };
        assert_eq!(d.domestic_bp(), 8750);
        assert_eq!(d.shortfall(), 25_000);
    }

    #[test]
    fn parts_must_add_up_to_the_amount_and_domestic_within_each_part() {
        let mut f = fields(("400", "400"), ("500", "500"), ("100", "100"));
        f.amount_tenge = "999".into();
        assert_eq!(
            check(&f, today()).unwrap_err()[0].message.key,
            "contract-parts-sum"
        );
        let f = fields(("400", "401"), ("500", "500"), ("100", "100"));
        assert_eq!(
            check(&f, today()).unwrap_err()[0].field,
            "goods_domestic_tenge"
        );
    }

    #[test]
    fn a_bad_bin_and_a_future_date_are_refused() {
        let mut f = fields(("100", "100"), ("", ""), ("", ""));
        f.contractor_bin = "940140000386".into();
        f.signed_on = "2021-01-01".into();
        let keys: Vec<_> = check(&f, today())
            .unwrap_err()
            .iter()
            .map(|p| (p.field, p.message.key))
            .collect();
        assert_eq!(
            keys,
            [
                ("contractor_bin", "bin-check-digit"),
                ("signed_on", "date-in-future")
            ]
        );
    }
}

/// One line of the contract import (and export): the project's code, then the contract's
/// fields as the form takes them.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct ContractLine {
    pub project_code: String,
    pub contractor_bin: String,
    pub contractor_name: String,
    pub number: String,
    pub signed_on: String,
    pub amount_tenge: String,
    pub goods_tenge: String,
    pub goods_domestic_tenge: String,
    pub works_tenge: String,
    pub works_domestic_tenge: String,
    pub services_tenge: String,
    pub services_domestic_tenge: String,
}

impl ContractLine {
    pub fn fields(&self) -> ContractFields {
        ContractFields {
            contractor_bin: self.contractor_bin.clone(),
            contractor_name: self.contractor_name.clone(),
            number: self.number.clone(),
            signed_on: self.signed_on.clone(),
            amount_tenge: self.amount_tenge.clone(),
            goods_tenge: self.goods_tenge.clone(),
            goods_domestic_tenge: self.goods_domestic_tenge.clone(),
            works_tenge: self.works_tenge.clone(),
            works_domestic_tenge: self.works_domestic_tenge.clone(),
            services_tenge: self.services_tenge.clone(),
            services_domestic_tenge: self.services_domestic_tenge.clone(),
        }
    }
}
