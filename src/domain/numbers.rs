//! Reading numbers and dates the way people type them: `8 787`, `1,250,000`, `51,2279`,
//! `2020-06-26` or `26.06.2020`.

use chrono::NaiveDate;

/// Removes digit-group separators: spaces of every kind, underscores and apostrophes, and
/// commas when they separate groups of three digits.
fn without_grouping(input: &str) -> String {
    let s: String = input
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '_' | '\''))
        .collect();
    let groups: Vec<&str> = s.split(',').collect();
    let grouped_by_thousands = groups.len() > 1
        && groups[1..].iter().all(|g| g.len() == 3)
        && !groups[0].is_empty()
        && groups[0].trim_start_matches('-').len() <= 3;
    if grouped_by_thousands {
        groups.concat()
    } else {
        s
    }
}

/// A whole number; `None` if empty or not a whole number.
pub fn parse_int(input: &str) -> Option<i64> {
    let s = without_grouping(input);
    if s.is_empty() {
        return None;
    }
    s.parse::<i64>().ok()
}

/// A decimal number with `.` or `,` as the decimal mark.
pub fn parse_decimal(input: &str) -> Option<f64> {
    let s: String = input
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if s.is_empty() {
        return None;
    }
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// An ISO date (as date inputs send) or the `dd.mm.yyyy` people write.
pub fn parse_date(input: &str) -> Option<NaiveDate> {
    let s = input.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d.%m.%Y"))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_with_grouping() {
        assert_eq!(parse_int("8 787"), Some(8787));
        assert_eq!(parse_int("8\u{a0}787"), Some(8787));
        assert_eq!(parse_int("1,250,000"), Some(1_250_000));
        assert_eq!(parse_int(" 42 "), Some(42));
        assert_eq!(parse_int("-5"), Some(-5));
        assert_eq!(parse_int("12,5"), None);
        assert_eq!(parse_int("1.5"), None);
        assert_eq!(parse_int(""), None);
        assert_eq!(parse_int("abc"), None);
        assert_eq!(parse_int("99999999999999999999"), None);
    }

    #[test]
    fn decimals_with_either_mark() {
        assert_eq!(parse_decimal("51.2279"), Some(51.2279));
        assert_eq!(parse_decimal("51,2279"), Some(51.2279));
        assert_eq!(parse_decimal("NaN"), None);
        assert_eq!(parse_decimal("inf"), None);
    }

    #[test]
    fn dates_in_both_forms() {
        let d = NaiveDate::from_ymd_opt(2020, 6, 26);
        assert_eq!(parse_date("2020-06-26"), d);
        assert_eq!(parse_date("26.06.2020"), d);
        assert_eq!(parse_date("2020-02-30"), None);
        assert_eq!(parse_date("06/26/2020"), None);
    }
}
