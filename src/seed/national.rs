//! A synthetic dataset of national size for benchmarks and growth tests: 20 regions,
//! 7,000 projects, 10,000 contracts, 255,000 jobs and 24 months of plans at scale 1,
//! the same every time for the same scale.

use chrono::NaiveDate;

use super::demo::contractor_bin;
use super::{RegionTarget, SeedError, Spec};

/// The regions of 2022 with a relative size (roughly by population).
const REGIONS: [(&str, f64); 20] = [
    ("10", 0.6),
    ("11", 0.7),
    ("15", 0.9),
    ("19", 1.4),
    ("23", 0.7),
    ("27", 0.6),
    ("31", 1.1),
    ("33", 0.7),
    ("35", 1.1),
    ("39", 0.8),
    ("43", 0.8),
    ("47", 0.7),
    ("55", 0.7),
    ("59", 0.5),
    ("61", 2.0),
    ("62", 0.2),
    ("63", 0.7),
    ("71", 1.2),
    ("75", 2.0),
    ("79", 1.1),
];

pub const PROJECTS: f64 = 7_000.0;
pub const CONTRACTS: f64 = 10_000.0;
pub const JOBS: f64 = 255_000.0;

/// Reads `national` (1), `small` (0.01) or a factor such as `0.1` or `10`.
pub fn parse_scale(text: &str) -> Result<f64, SeedError> {
    let scale = match text.trim() {
        "national" => 1.0,
        "small" => 0.01,
        other => other
            .trim_end_matches(['x', '×'])
            .parse::<f64>()
            .map_err(|_| {
                SeedError::Other(anyhow::anyhow!(
                    "--scale takes national, small, or a factor such as 0.1 or 10, not '{text}'"
                ))
            })?,
    };
    if !(0.001..=20.0).contains(&scale) {
        return Err(SeedError::Other(anyhow::anyhow!(
            "--scale must be between 0.001 and 20"
        )));
    }
    Ok(scale)
}

pub fn spec(scale: f64) -> Spec {
    let of: f64 = REGIONS.iter().map(|(_, w)| w).sum();
    let part = |total: f64, w: f64| (total * scale * w / of).round() as i64;
    let regions = REGIONS
        .iter()
        .enumerate()
        .map(|(i, (code, w))| {
            let projects = part(PROJECTS, *w).max(4);
            let jobs = part(JOBS, *w).max(projects);
            // 70% to 100% of plan, varying by region so the ranking means something.
            let pace = 0.70 + 0.3 * ((i * 7) % 20) as f64 / 19.0;
            let planned = ((jobs as f64 / pace).round() as i64).max(2 * projects);
            RegionTarget {
                code: (*code).into(),
                projects,
                started: projects * 9 / 10,
                completed: projects * 3 / 10,
                contracts: part(CONTRACTS, *w).max(projects),
                budget_tenge: planned * 4_500_000,
                planned_jobs: planned,
                planned_permanent: planned / 12,
                jobs,
                center_hires: jobs * (55 + (i as i64 % 10)) / 100,
                lifting: jobs / 100,
                directions: None,
                contractor_bin: contractor_bin(code),
            }
        })
        .collect();
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    let months = (0..24)
        .map(|i| day(2023 + i / 12, 1 + (i % 12) as u32, 1))
        .collect();
    Spec {
        label: "national",
        seed: 7_000,
        year: 2023,
        regions,
        approved_from: day(2023, 1, 15),
        approval_days: 360,
        work_from: day(2023, 2, 1),
        work_to: day(2024, 12, 31),
        plan_months: months,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_scale_has_the_sizes_of_the_programme() {
        let spec = spec(1.0);
        let sum = |f: fn(&RegionTarget) -> i64| spec.regions.iter().map(f).sum::<i64>();
        assert_eq!(spec.regions.len(), 20);
        assert!((sum(|r| r.projects) - 7_000).abs() <= 10);
        assert!((sum(|r| r.contracts) - 10_000).abs() <= 10);
        assert!((sum(|r| r.jobs) - 255_000).abs() <= 10);
        assert_eq!(spec.plan_months.len(), 24);
        assert_eq!(parse_scale("10x").ok(), Some(10.0));
        assert!(parse_scale("huge").is_err());
    }
}
