//! The rows of the registers jobmap loads (issue 15), as their owners send them: the columns of
//! each kind's CSV file, the check of one row, and whether it belongs to the batch it came in.

use chrono::NaiveDate;

use super::identifier::{Bin, Iin};
use super::message::{FieldProblem, Message};
use super::verification::{Kind, month_start, parse_month};

/// Each kind's columns, in template order: the code and the key of its label.
pub fn columns(kind: Kind) -> &'static [(&'static str, &'static str)] {
    match kind {
        Kind::Referrals => &[
            ("number", "register-col-referral-number"),
            ("issued_on", "register-col-issued-on"),
            ("iin", "register-col-iin"),
            ("region", "register-col-region"),
            ("district", "register-col-district"),
            ("valid_until", "register-col-valid-until"),
            ("employer_bin", "register-col-employer-bin-known"),
        ],
        Kind::EmploymentContracts => &[
            ("employer_bin", "register-col-employer-bin"),
            ("iin", "register-col-iin"),
            ("contract_number", "register-col-contract-number"),
            ("start_date", "register-col-start-date"),
            ("end_date", "register-col-end-date"),
            ("position", "register-col-position"),
        ],
        Kind::Contributions => &[
            ("month", "register-col-month"),
            ("employer_bin", "register-col-employer-bin"),
            ("iin", "register-col-iin"),
            ("amount_tenge", "register-col-amount"),
        ],
        Kind::Certificates => &[
            ("number", "register-col-certificate-number"),
            ("producer_bin", "register-col-producer-bin"),
            ("product", "register-col-product"),
            ("issued_on", "register-col-issued-on"),
            ("expires_on", "register-col-expires-on"),
        ],
    }
}

/// Columns that may be left empty.
pub fn optional(column: &str) -> bool {
    matches!(
        column,
        "employer_bin" | "end_date" | "district" | "position"
    )
}

/// An example line for each kind's template.
pub fn example(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Referrals => &[
            "ЦЗ-27/1045",
            "2024-06-25",
            "061211600012",
            "27",
            "Уральск",
            "2024-07-25",
            "940140000385",
        ],
        Kind::EmploymentContracts => &[
            "940140000385",
            "061211600012",
            "ТД-17",
            "2024-07-01",
            "",
            "Бетонщик",
        ],
        Kind::Contributions => &["2024-07", "940140000385", "061211600012", "8500"],
        Kind::Certificates => &[
            "KZ-7100-2024-001",
            "990140004654",
            "Арматура А500С",
            "2024-01-15",
            "2025-01-14",
        ],
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralRow {
    pub number: String,
    pub issued_on: NaiveDate,
    pub iin: String,
    pub region: String,
    pub district: String,
    pub valid_until: NaiveDate,
    pub employer_bin: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContractRow {
    pub employer_bin: String,
    pub iin: String,
    pub contract_number: String,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub position: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContributionRow {
    pub month: NaiveDate,
    pub employer_bin: String,
    pub iin: String,
    pub amount_tenge: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateRow {
    pub number: String,
    pub producer_bin: String,
    pub product: String,
    pub issued_on: NaiveDate,
    pub expires_on: NaiveDate,
}

/// One checked row of any register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    Referral(ReferralRow),
    Contract(ContractRow),
    Contribution(ContributionRow),
    Certificate(CertificateRow),
}

/// What a batch covers: its region ("" for the whole country) and its months.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchScope {
    pub kind: Kind,
    pub region: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// Reads one row, given each column's value by code; every problem is returned.
pub fn parse(kind: Kind, get: impl Fn(&str) -> String) -> Result<Row, Vec<FieldProblem>> {
    let mut p = Problems(Vec::new());
    let row = match kind {
        Kind::Referrals => Row::Referral(ReferralRow {
            number: p.text(&get, "number"),
            issued_on: p.date(&get, "issued_on"),
            iin: p.iin(&get, "iin"),
            region: p.text(&get, "region"),
            district: get("district"),
            valid_until: p.date(&get, "valid_until"),
            employer_bin: p.optional_bin(&get, "employer_bin"),
        }),
        Kind::EmploymentContracts => Row::Contract(ContractRow {
            employer_bin: p.bin(&get, "employer_bin"),
            iin: p.iin(&get, "iin"),
            contract_number: p.text(&get, "contract_number"),
            start_date: p.date(&get, "start_date"),
            end_date: p.optional_date(&get, "end_date"),
            position: get("position"),
        }),
        Kind::Contributions => Row::Contribution(ContributionRow {
            month: p.month(&get, "month"),
            employer_bin: p.bin(&get, "employer_bin"),
            iin: p.iin(&get, "iin"),
            amount_tenge: p.amount(&get, "amount_tenge"),
        }),
        Kind::Certificates => Row::Certificate(CertificateRow {
            number: p.text(&get, "number"),
            producer_bin: p.bin(&get, "producer_bin"),
            product: p.text(&get, "product"),
            issued_on: p.date(&get, "issued_on"),
            expires_on: p.date(&get, "expires_on"),
        }),
    };
    if p.0.is_empty() {
        p.order(&row);
    }
    if p.0.is_empty() { Ok(row) } else { Err(p.0) }
}

/// Whether a checked row belongs to the batch: in force during its period and, for a
/// region's batch, issued in that region.
pub fn belongs(row: &Row, scope: &BatchScope) -> Result<(), FieldProblem> {
    let outside = |field: &'static str| {
        FieldProblem::new(
            field,
            Message::new("register-outside-period")
                .text("from", scope.from.format("%Y-%m").to_string())
                .text("to", scope.to.format("%Y-%m").to_string()),
        )
    };
    let in_force = |from: NaiveDate, to: Option<NaiveDate>| {
        from <= scope.to && to.is_none_or(|t| t >= scope.from)
    };
    match row {
        Row::Referral(r) => {
            if !scope.region.is_empty() && r.region != scope.region {
                return Err(FieldProblem::new(
                    "region",
                    Message::new("register-other-region").text("region", scope.region.clone()),
                ));
            }
            if !in_force(r.issued_on, Some(r.valid_until)) {
                return Err(outside("issued_on"));
            }
        }
        Row::Contract(c) if !in_force(c.start_date, c.end_date) => {
            return Err(outside("start_date"));
        }
        Row::Contribution(c) if c.month < scope.from || c.month > scope.to => {
            return Err(outside("month"));
        }
        Row::Certificate(c) if !in_force(c.issued_on, Some(c.expires_on)) => {
            return Err(outside("issued_on"));
        }
        _ => {}
    }
    Ok(())
}

struct Problems(Vec<FieldProblem>);

const NO_DATE: NaiveDate = NaiveDate::MIN;

impl Problems {
    fn push(&mut self, field: &'static str, key: &'static str) {
        self.0.push(FieldProblem::new(field, Message::new(key)));
    }

    fn text(&mut self, get: &impl Fn(&str) -> String, field: &'static str) -> String {
        let v = get(field);
        if v.is_empty() {
            self.push(field, "register-required");
        }
        v
    }

    fn date(&mut self, get: &impl Fn(&str) -> String, field: &'static str) -> NaiveDate {
        match NaiveDate::parse_from_str(&get(field), "%Y-%m-%d") {
            Ok(d) => d,
            Err(_) => {
                self.push(field, "register-bad-date");
                NO_DATE
            }
        }
    }

    fn optional_date(
        &mut self,
        get: &impl Fn(&str) -> String,
        field: &'static str,
    ) -> Option<NaiveDate> {
        if get(field).is_empty() {
            None
        } else {
            Some(self.date(get, field))
        }
    }

    fn month(&mut self, get: &impl Fn(&str) -> String, field: &'static str) -> NaiveDate {
        let v = get(field);
        let first = parse_month(&v).or_else(|| {
            NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                .ok()
                .map(month_start)
        });
        first.unwrap_or_else(|| {
            self.push(field, "register-bad-month");
            NO_DATE
        })
    }

    fn iin(&mut self, get: &impl Fn(&str) -> String, field: &'static str) -> String {
        match Iin::parse(&get(field)) {
            Ok(i) => i.as_str().to_owned(),
            Err(_) => {
                self.push(field, "register-bad-iin");
                String::new()
            }
        }
    }

    fn bin(&mut self, get: &impl Fn(&str) -> String, field: &'static str) -> String {
        match Bin::parse(&get(field)) {
            Ok(b) => b.as_str().to_owned(),
            Err(_) => {
                self.push(field, "register-bad-bin");
                String::new()
            }
        }
    }

    fn optional_bin(
        &mut self,
        get: &impl Fn(&str) -> String,
        field: &'static str,
    ) -> Option<String> {
        if get(field).is_empty() {
            None
        } else {
            Some(self.bin(get, field))
        }
    }

    fn amount(&mut self, get: &impl Fn(&str) -> String, field: &'static str) -> i64 {
        let v: String = get(field).chars().filter(|c| !c.is_whitespace()).collect();
        match v.parse::<i64>() {
            Ok(n) if n > 0 => n,
            _ => {
                self.push(field, "register-bad-amount");
                0
            }
        }
    }

    /// An end before its start.
    fn order(&mut self, row: &Row) {
        let wrong = match row {
            Row::Referral(r) => (r.valid_until < r.issued_on).then_some("valid_until"),
            Row::Contract(c) => c
                .end_date
                .is_some_and(|e| e < c.start_date)
                .then_some("end_date"),
            Row::Certificate(c) => (c.expires_on < c.issued_on).then_some("expires_on"),
            Row::Contribution(_) => None,
        };
        if let Some(field) = wrong {
            self.push(field, "register-end-before-start");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn read(kind: Kind, values: &[&str]) -> Result<Row, Vec<FieldProblem>> {
        let cols = columns(kind);
        parse(kind, |c| {
            cols.iter()
                .position(|(code, _)| *code == c)
                .and_then(|i| values.get(i))
                .map(|v| v.to_string())
                .unwrap_or_default()
        })
    }

    #[test]
    fn every_template_example_reads() {
        for kind in Kind::ALL {
            assert_eq!(columns(kind).len(), example(kind).len());
            read(kind, example(kind)).unwrap();
        }
    }

    #[test]
    fn bad_values_are_named_by_column() {
        let err = read(Kind::Contributions, &["2024-13", "940140000386", "1", "-5"]).unwrap_err();
        let fields: Vec<&str> = err.iter().map(|p| p.field).collect();
        assert_eq!(fields, ["month", "employer_bin", "iin", "amount_tenge"]);
        let err = read(
            Kind::Certificates,
            &["N", "990140004654", "P", "2024-02-01", "2024-01-01"],
        )
        .unwrap_err();
        assert_eq!(err[0].message.key, "register-end-before-start");
    }

    #[test]
    fn rows_belong_to_their_batch() {
        let scope = BatchScope {
            kind: Kind::Referrals,
            region: "27".into(),
            from: d("2024-06-01"),
            to: d("2024-06-30"),
        };
        let row = read(Kind::Referrals, example(Kind::Referrals)).unwrap();
        assert!(belongs(&row, &scope).is_ok());
        let other = BatchScope {
            region: "11".into(),
            ..scope.clone()
        };
        assert_eq!(belongs(&row, &other).unwrap_err().field, "region");
        let later = BatchScope {
            from: d("2024-09-01"),
            to: d("2024-09-30"),
            ..scope
        };
        assert_eq!(
            belongs(&row, &later).unwrap_err().message.key,
            "register-outside-period"
        );
    }
}
