//! Whole-number apportionment: dividing a reported total among projects, contracts or months
//! so that the parts add up exactly to it.

use rand::Rng;

/// Splits `total` in proportion to `weights` (largest remainder), each part at least `min[i]`
/// and at most `max[i]`. Returns `None` when the bounds make the total impossible.
pub fn apportion(total: i64, weights: &[f64], min: &[i64], max: &[i64]) -> Option<Vec<i64>> {
    let n = weights.len();
    if n == 0 {
        return (total == 0).then(Vec::new);
    }
    let floor: i64 = min.iter().sum();
    let ceiling = max.iter().fold(0i64, |a, b| a.saturating_add(*b));
    if total < floor || total > ceiling {
        return None;
    }
    let mut parts = min.to_vec();
    let mut left = total - floor;
    // Repeated passes: a part that hits its maximum gives its share back to the others.
    while left > 0 {
        let open: Vec<usize> = (0..n).filter(|&i| parts[i] < max[i]).collect();
        let weight: f64 = open.iter().map(|&i| weights[i].max(1e-9)).sum();
        let mut given = 0;
        let mut remainders: Vec<(f64, usize)> = Vec::with_capacity(open.len());
        for &i in &open {
            let exact = left as f64 * weights[i].max(1e-9) / weight;
            let whole = (exact.floor() as i64).min(max[i] - parts[i]);
            parts[i] += whole;
            given += whole;
            remainders.push((exact - exact.floor(), i));
        }
        if given == 0 {
            remainders.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            for (_, i) in remainders {
                if given == left {
                    break;
                }
                if parts[i] < max[i] {
                    parts[i] += 1;
                    given += 1;
                }
            }
        }
        left -= given;
    }
    Some(parts)
}

/// Random weights around 1 (0.4 to 1.6), so parts look uneven but none is absurd.
pub fn weights(rng: &mut impl Rng, n: usize) -> Vec<f64> {
    (0..n).map(|_| rng.random_range(0.4..1.6)).collect()
}

/// Makes as many parts even as it can without breaking `min`, by moving one unit between
/// two odd parts; returns how many parts remain odd. Rule 2 costs half a hire per odd
/// contract, so a reported employment-center count is only reachable with few of them.
pub fn pair_odd(parts: &mut [i64], min: &[i64]) -> usize {
    let mut odd: Vec<usize> = (0..parts.len()).filter(|&i| parts[i] % 2 != 0).collect();
    let mut stuck = 0;
    while odd.len() >= 2 {
        let (Some(a), Some(b)) = (odd.pop(), odd.pop()) else {
            break;
        };
        if parts[a] > min[a] {
            parts[a] -= 1;
            parts[b] += 1;
        } else if parts[b] > min[b] {
            parts[b] -= 1;
            parts[a] += 1;
        } else {
            stuck += 2;
        }
    }
    stuck + odd.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_add_up_exactly_within_bounds() {
        let parts = apportion(3810, &[1.0, 2.0, 0.5, 1.5], &[1, 1, 1, 1], &[i64::MAX; 4]);
        let parts = parts.expect("possible");
        assert_eq!(parts.iter().sum::<i64>(), 3810);
        assert!(parts[1] > parts[0] && parts[0] > parts[2]);
    }

    #[test]
    fn a_capped_part_gives_its_share_to_the_others() {
        let parts = apportion(10, &[100.0, 1.0], &[0, 0], &[3, 100]).expect("possible");
        assert_eq!(parts, [3, 7]);
        assert_eq!(apportion(10, &[1.0], &[0], &[9]), None);
        assert_eq!(apportion(1, &[1.0, 1.0], &[1, 1], &[5, 5]), None);
    }

    #[test]
    fn odd_parts_are_paired_off() {
        let mut parts = [3, 5, 1, 2, 7];
        let left = pair_odd(&mut parts, &[1, 1, 1, 1, 1]);
        assert_eq!(parts.iter().sum::<i64>(), 18);
        assert_eq!(left, 0);
        assert!(parts.iter().all(|p| p % 2 == 0 && *p >= 1), "{parts:?}");
        let mut stuck = [1, 1, 4];
        assert_eq!(pair_odd(&mut stuck, &[1, 1, 1]), 2);
    }
}
