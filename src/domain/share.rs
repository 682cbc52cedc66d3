//! Shares in basis points (1% = 100 bp), computed in integers: never floats.

/// `part / whole` in basis points, rounded down (so 89.99% is never shown as 90%); 0 when
/// there is no whole.
pub fn bp(part: i64, whole: i64) -> i64 {
    if whole <= 0 {
        return 0;
    }
    (i128::from(part) * 10_000 / i128::from(whole)) as i64
}

/// Whether `part / whole >= min_bp / 10000`, exactly.
pub fn at_least(part: i64, whole: i64, min_bp: i64) -> bool {
    i128::from(part) * 10_000 >= i128::from(min_bp) * i128::from(whole)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_down_and_compares_exactly() {
        assert_eq!(bp(1, 3), 3333);
        assert_eq!(bp(8999, 10_000), 8999);
        assert_eq!(bp(5, 0), 0);
        assert!(at_least(9, 10, 9000));
        assert!(!at_least(899_999, 1_000_000, 9000));
        assert!(at_least(i64::MAX / 2, i64::MAX / 2, 10_000));
    }
}
