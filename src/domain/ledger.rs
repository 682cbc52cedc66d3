//! The contract's local-content ledger: procurement lines, and rule 3 on what is bought from
//! abroad — non-domestic lines never above 10% of the larger of the contract amount and the
//! ledger total.

use super::identifier::Bin;
use super::message::{FieldProblem, Message};
use super::numbers::parse_int;
use super::share;
use crate::code_enum;

code_enum! {
    pub enum Category {
        Goods => "goods", "category-goods";
        Works => "works", "category-works";
        Services => "services", "category-services";
    }
}

#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct LineFields {
    pub category: String,
    pub description: String,
    pub amount_tenge: String,
    /// "true" when the line is domestic.
    pub is_domestic: String,
    pub producer_bin: String,
    pub ct_kz_certificate: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LineInput {
    pub category: Category,
    pub description: String,
    pub amount_tenge: i64,
    pub is_domestic: bool,
    pub producer_bin: Option<String>,
    pub ct_kz_certificate: Option<String>,
}

pub fn check_line(f: &LineFields) -> Result<LineInput, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let category = Category::from_code(&f.category);
    if category.is_none() {
        problems.push(FieldProblem::new("category", Message::new("field-choose")));
    }
    let description = f.description.trim().to_owned();
    if description.is_empty() {
        problems.push(FieldProblem::new(
            "description",
            Message::new("field-required"),
        ));
    }
    let amount =
        parse_int(&f.amount_tenge).filter(|n| (1..=super::contract::MAX_TENGE).contains(n));
    if amount.is_none() {
        problems.push(FieldProblem::new(
            "amount_tenge",
            Message::new("field-money"),
        ));
    }
    let is_domestic = matches!(f.is_domestic.trim(), "true" | "yes" | "1" | "on");
    let producer_bin = match f.producer_bin.trim() {
        "" => None,
        text => match Bin::parse(text) {
            Ok(b) => Some(b.as_str().to_owned()),
            Err(e) => {
                problems.push(FieldProblem::new(
                    "producer_bin",
                    super::contract::bin_message(e),
                ));
                None
            }
        },
    };
    let certificate = Some(f.ct_kz_certificate.trim().to_owned()).filter(|c| !c.is_empty());
    if is_domestic && category == Some(Category::Goods) && certificate.is_none() {
        problems.push(FieldProblem::new(
            "ct_kz_certificate",
            Message::new("ledger-certificate-required"),
        ));
    }
    match (category, amount) {
        (Some(category), Some(amount)) if problems.is_empty() => Ok(LineInput {
            category,
            description,
            amount_tenge: amount,
            is_domestic,
            producer_bin,
            ct_kz_certificate: certificate,
        }),
        _ => Err(problems),
    }
}

/// What the ledger holds now, by category: (all, domestic).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LedgerTotals {
    pub goods: (i64, i64),
    pub works: (i64, i64),
    pub services: (i64, i64),
}

impl LedgerTotals {
    pub fn total(&self) -> i64 {
        self.goods.0 + self.works.0 + self.services.0
    }

    pub fn domestic(&self) -> i64 {
        self.goods.1 + self.works.1 + self.services.1
    }

    pub fn foreign(&self) -> i64 {
        self.total() - self.domestic()
    }

    pub fn share_bp(part: (i64, i64)) -> i64 {
        share::bp(part.1, part.0)
    }

    pub fn domestic_bp(&self) -> i64 {
        share::bp(self.domestic(), self.total())
    }

    /// The totals once `line` is recorded.
    pub fn add(&mut self, line: &LineInput) {
        let slot = match line.category {
            Category::Goods => &mut self.goods,
            Category::Works => &mut self.works,
            Category::Services => &mut self.services,
        };
        slot.0 += line.amount_tenge;
        if line.is_domestic {
            slot.1 += line.amount_tenge;
        }
    }
}

/// Rule 3 on the ledger: after adding `line`, non-domestic spending must stay within 10% of
/// the larger of the contract amount and the ledger total. On refusal: (non-domestic after,
/// the limit).
pub fn check_foreign_budget(
    contract_amount: i64,
    now: &LedgerTotals,
    line: &LineInput,
) -> Result<(), (i64, i64)> {
    if line.is_domestic {
        return Ok(());
    }
    let foreign_after = now.foreign() + line.amount_tenge;
    let base = contract_amount.max(now.total() + line.amount_tenge);
    let limit = base / 10;
    if i128::from(foreign_after) * 10 <= i128::from(base) {
        Ok(())
    } else {
        Err((foreign_after, limit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn foreign(amount: i64) -> LineInput {
        LineInput {
            category: Category::Goods,
            description: "Кабель".into(),
            amount_tenge: amount,
            is_domestic: false,
            producer_bin: None,
            ct_kz_certificate: None,
        }
    }

    #[test]
    fn exactly_ten_percent_abroad_passes_one_tenge_more_fails() {
        let now = LedgerTotals {
            works: (500_000, 500_000),
            ..Default::default()
        };
        assert_eq!(
            check_foreign_budget(1_000_000, &now, &foreign(100_000)),
            Ok(())
        );
        assert_eq!(
            check_foreign_budget(1_000_000, &now, &foreign(100_001)),
            Err((100_001, 100_000))
        );
    }

    #[test]
    fn a_ledger_larger_than_the_contract_sets_the_base() {
        let now = LedgerTotals {
            works: (2_000_000, 2_000_000),
            ..Default::default()
        };
        // Base is the ledger total after the line: 2,220,000 → limit 222,000.
        assert_eq!(
            check_foreign_budget(1_000_000, &now, &foreign(220_000)),
            Ok(())
        );
        assert!(check_foreign_budget(1_000_000, &now, &foreign(230_000)).is_err());
    }

    #[test]
    fn domestic_goods_need_a_ct_kz_certificate() {
        let f = LineFields {
            category: "goods".into(),
            description: "Цемент".into(),
            amount_tenge: "1 000".into(),
            is_domestic: "true".into(),
            ..Default::default()
        };
        assert_eq!(check_line(&f).unwrap_err()[0].field, "ct_kz_certificate");
        let f = LineFields {
            ct_kz_certificate: "KZ 7100001234".into(),
            ..f
        };
        assert!(check_line(&f).unwrap().is_domestic);
    }
}
