//! The 2020 demo: the 17 regions of 2020 with the figures reported in the summer of 2020
//! (`roadmap-2020-reported.csv`, from the article in `shared/seed/`), and plausible values
//! where the article is silent, chosen so that the national totals come out close to the
//! reported 6,696 projects, 255,000 planned and 148,000 created jobs.

use chrono::NaiveDate;
use serde::Deserialize;

use super::people;
use super::{RegionTarget, SeedError, Spec};

const REPORTED: &str = include_str!("roadmap-2020-reported.csv");

/// The regions of 2020 the article does not report, with a relative size for sharing out
/// the national remainder (roughly by population).
const UNREPORTED: [(&str, f64); 8] = [
    ("15", 1.0),
    ("19", 1.5),
    ("23", 0.8),
    ("35", 1.3),
    ("59", 0.7),
    ("61", 1.6),
    ("75", 1.2),
    ("79", 0.9),
];

#[derive(Debug, Deserialize)]
struct Reported {
    kato: String,
    budget_bn_tenge: Option<f64>,
    projects: Option<i64>,
    projects_started: Option<i64>,
    projects_completed: Option<i64>,
    planned_jobs: Option<i64>,
    planned_permanent: Option<i64>,
    jobs_created: Option<i64>,
    jobs_via_centers: Option<i64>,
    note: String,
}

fn reported() -> Result<Vec<Reported>, SeedError> {
    csv::Reader::from_reader(REPORTED.as_bytes())
        .deserialize()
        .collect::<Result<_, _>>()
        .map_err(|e| SeedError::Other(anyhow::anyhow!("roadmap-2020-reported.csv: {e}")))
}

fn directions(note: &str) -> Option<[i64; 4]> {
    // "social-cultural 125 projects …; housing-communal 42 …" or "social 180, housing 200, …"
    let mut counts = [0i64; 4];
    for (i, key) in ["social", "housing", "engineering", "improvement"]
        .iter()
        .enumerate()
    {
        let at = note.find(key)?;
        let rest = &note[at..];
        let digits: String = rest
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(char::is_ascii_digit)
            .collect();
        counts[i] = digits.parse().ok()?;
    }
    Some(counts)
}

fn bn(v: f64) -> i64 {
    (v * 1e9).round() as i64
}

fn share(total: i64, weight: f64, of: f64) -> i64 {
    (total as f64 * weight / of).round() as i64
}

pub fn spec() -> Result<Spec, SeedError> {
    let rows = reported()?;
    let national = rows
        .iter()
        .find(|r| r.kato == "00")
        .ok_or_else(|| SeedError::Other(anyhow::anyhow!("no national row")))?;
    let regional: Vec<&Reported> = rows.iter().filter(|r| r.kato != "00").collect();
    let mut targets: Vec<RegionTarget> = Vec::new();
    for r in &regional {
        let planned = r.planned_jobs.unwrap_or(10_000);
        let jobs = r.jobs_created.unwrap_or(planned / 2);
        // Where the centre count is unknown (East Kazakhstan), a little over rule 2's half.
        let center = r.jobs_via_centers.unwrap_or(jobs * 52 / 100);
        let projects = r.projects.unwrap_or(250);
        targets.push(RegionTarget {
            code: r.kato.clone(),
            projects,
            started: r.projects_started.unwrap_or(projects * 94 / 100),
            completed: r.projects_completed.unwrap_or(projects * 3 / 100),
            budget_tenge: r.budget_bn_tenge.map(bn).unwrap_or(0),
            planned_jobs: planned,
            planned_permanent: r.planned_permanent.unwrap_or(planned * 6 / 100),
            jobs,
            center_hires: center,
            directions: directions(&r.note),
            ..Default::default()
        });
    }
    // Regions without a reported figure share what is left of the national one.
    fn left(targets: &[RegionTarget], total: i64, f: fn(&RegionTarget) -> i64) -> i64 {
        (total - targets.iter().map(f).sum::<i64>()).max(0)
    }
    let projects_left = left(&targets, national.projects.unwrap_or(6_696), |t| t.projects);
    let planned_left = left(&targets, national.planned_jobs.unwrap_or(255_000), |t| {
        t.planned_jobs
    });
    let jobs_left = left(&targets, national.jobs_created.unwrap_or(148_000), |t| {
        t.jobs
    });
    let of: f64 = UNREPORTED.iter().map(|(_, w)| w).sum();
    // Uneven progress, so that the ranking is not a tie.
    let pace = |i: usize| 0.85 + 0.05 * i as f64;
    let paced: f64 = UNREPORTED
        .iter()
        .enumerate()
        .map(|(i, (_, w))| w * pace(i))
        .sum();
    let first = targets.len();
    for (i, (code, weight)) in UNREPORTED.iter().enumerate() {
        let planned = share(planned_left, *weight, of);
        let projects = share(projects_left, *weight, of);
        let jobs = share(jobs_left, *weight * pace(i), paced);
        targets.push(RegionTarget {
            code: (*code).into(),
            projects,
            planned_jobs: planned,
            jobs,
            ..Default::default()
        });
    }
    // The last one takes the rounding, so the national totals are exact.
    let spread = &targets[first..];
    let (p, pl, j) = (
        spread.iter().map(|t| t.projects).sum::<i64>(),
        spread.iter().map(|t| t.planned_jobs).sum::<i64>(),
        spread.iter().map(|t| t.jobs).sum::<i64>(),
    );
    if let Some(last) = targets.last_mut() {
        last.projects += projects_left - p;
        last.planned_jobs += planned_left - pl;
        last.jobs += jobs_left - j;
    }
    for t in targets.iter_mut().skip(first) {
        t.started = t.projects * 94 / 100;
        t.completed = t.projects * 3 / 100;
        t.planned_permanent = t.planned_jobs * 6 / 100;
        t.center_hires = t.jobs / 2 + t.jobs / 200 + 20;
    }
    // Budgets: what the article does not give comes from the national trillion, by plan.
    let budget_left = left(
        &targets,
        bn(national.budget_bn_tenge.unwrap_or(1_000.0)),
        |t| t.budget_tenge,
    );
    let unbudgeted: i64 = targets
        .iter()
        .filter(|t| t.budget_tenge == 0)
        .map(|t| t.planned_jobs)
        .sum();
    for t in targets.iter_mut() {
        if t.budget_tenge == 0 {
            t.budget_tenge = share(budget_left, t.planned_jobs as f64, unbudgeted.max(1) as f64);
        }
        let holders = t.started + (t.projects - t.started) / 2;
        t.contracts = holders + holders / 3;
        t.lifting = if t.code == "27" {
            26
        } else {
            t.center_hires / 150
        };
        t.contractor_bin = contractor_bin(&t.code);
    }
    targets.sort_by(|a, b| a.code.cmp(&b.code));
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    Ok(Spec {
        label: "demo-2020",
        seed: 2020,
        year: 2020,
        regions: targets,
        approved_from: day(2020, 3, 20),
        approval_days: 30,
        work_from: day(2020, 4, 15),
        work_to: day(2020, 7, 10),
        plan_months: (4..=12).map(|m| day(2020, m, 1)).collect(),
    })
}

/// The BIN of a region's demo contractor (a fixed, valid number per region).
pub fn contractor_bin(region: &str) -> Option<String> {
    let code: u32 = region.parse().ok()?;
    (0..20).find_map(|k| people::bin(2010, 1 + code % 12, 900_000 + code * 100 + k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reported_regions_keep_their_figures() {
        let spec = spec().expect("the demo's targets");
        assert_eq!(spec.regions.len(), 17);
        let wko = spec.regions.iter().find(|r| r.code == "27").expect("27");
        assert_eq!(
            (wko.projects, wko.planned_jobs, wko.jobs, wko.center_hires),
            (178, 8787, 3810, 2004)
        );
        assert_eq!(wko.budget_tenge, 35_500_000_000);
        let kyz = spec.regions.iter().find(|r| r.code == "43").expect("43");
        assert_eq!(kyz.directions, Some([125, 42, 62, 47]));
        let zhambyl = spec.regions.iter().find(|r| r.code == "31").expect("31");
        assert_eq!(zhambyl.directions, Some([180, 200, 327, 124]));
    }

    #[test]
    fn the_national_totals_come_out_as_reported() {
        let spec = spec().expect("the demo's targets");
        let sum = |f: fn(&RegionTarget) -> i64| spec.regions.iter().map(f).sum::<i64>();
        assert_eq!(sum(|r| r.projects), 6_696);
        assert_eq!(sum(|r| r.planned_jobs), 255_000);
        let jobs = sum(|r| r.jobs);
        assert_eq!(jobs, 148_000);
        let budget = sum(|r| r.budget_tenge);
        assert!((budget - 1_000_000_000_000).abs() < 1_000_000, "{budget}");
        for r in &spec.regions {
            assert!(2 * r.center_hires >= r.jobs, "rule 2 in region {}", r.code);
        }
    }
}
