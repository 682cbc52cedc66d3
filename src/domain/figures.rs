//! The programme's figures, defined once (DESIGN.md, "Figures"): the dashboard, the region
//! pages, the map, the exports and the tests all read them from here.

use super::share;
use super::workflow::ProjectStatus;

/// One region's figures as of a date, or the nation's when `code` is empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figures {
    pub code: String,
    /// Projects in the programme: submitted and not rejected or cancelled.
    pub projects_selected: i64,
    /// Approved by the commission (whatever happened next).
    pub projects_approved: i64,
    /// Work started: in progress or completed.
    pub projects_started: i64,
    pub projects_completed: i64,
    /// Sums over approved projects.
    pub planned_jobs: i64,
    pub planned_center_hires: i64,
    pub planned_permanent: i64,
    pub budget_tenge: i64,
    /// Hires recorded (each job record counts once, whether or not it has ended).
    pub jobs_created: i64,
    pub center_hires: i64,
    pub youth_hires: i64,
    pub permanent_created: i64,
    pub lifting_paid: i64,
    pub lifting_paid_tenge: i64,
    /// Declared value of contracts and its domestic part.
    pub contracts_value: i64,
    pub contracts_domestic: i64,
    /// Position by % of plan, ties by jobs created; 0 for the national total.
    pub rank: i64,
}

impl Figures {
    /// % of plan: jobs created over planned jobs, in basis points.
    pub fn plan_bp(&self) -> i64 {
        share::bp(self.jobs_created, self.planned_jobs)
    }

    pub fn center_bp(&self) -> i64 {
        share::bp(self.center_hires, self.jobs_created)
    }

    pub fn youth_bp(&self) -> i64 {
        share::bp(self.youth_hires, self.jobs_created)
    }

    pub fn domestic_bp(&self) -> i64 {
        share::bp(self.contracts_domestic, self.contracts_value)
    }

    /// Counts a project in the status it had on the date.
    pub fn add_project(
        &mut self,
        status: ProjectStatus,
        planned: (i64, i64, i64),
        budget: i64,
        n: i64,
    ) {
        use ProjectStatus as S;
        if !matches!(status, S::Draft | S::Rejected | S::Cancelled) {
            self.projects_selected += n;
        }
        if status.is_selected() {
            self.projects_approved += n;
            self.planned_jobs += planned.0;
            self.planned_center_hires += planned.1;
            self.planned_permanent += planned.2;
            self.budget_tenge += budget;
        }
        if matches!(status, S::InProgress | S::Completed) {
            self.projects_started += n;
        }
        if status == S::Completed {
            self.projects_completed += n;
        }
    }

    /// The names of the counted figures, in the order of [`Figures::counts`] (also the
    /// column names of the tally tables).
    pub const COUNTED: [&'static str; 16] = [
        "projects_selected",
        "projects_approved",
        "projects_started",
        "projects_completed",
        "planned_jobs",
        "planned_center_hires",
        "planned_permanent",
        "budget_tenge",
        "jobs_created",
        "center_hires",
        "youth_hires",
        "permanent_created",
        "lifting_paid",
        "lifting_paid_tenge",
        "contracts_value",
        "contracts_domestic",
    ];

    pub fn counts(&self) -> [i64; 16] {
        [
            self.projects_selected,
            self.projects_approved,
            self.projects_started,
            self.projects_completed,
            self.planned_jobs,
            self.planned_center_hires,
            self.planned_permanent,
            self.budget_tenge,
            self.jobs_created,
            self.center_hires,
            self.youth_hires,
            self.permanent_created,
            self.lifting_paid,
            self.lifting_paid_tenge,
            self.contracts_value,
            self.contracts_domestic,
        ]
    }

    pub fn from_counts(code: String, c: [i64; 16]) -> Figures {
        Figures {
            code,
            projects_selected: c[0],
            projects_approved: c[1],
            projects_started: c[2],
            projects_completed: c[3],
            planned_jobs: c[4],
            planned_center_hires: c[5],
            planned_permanent: c[6],
            budget_tenge: c[7],
            jobs_created: c[8],
            center_hires: c[9],
            youth_hires: c[10],
            permanent_created: c[11],
            lifting_paid: c[12],
            lifting_paid_tenge: c[13],
            contracts_value: c[14],
            contracts_domestic: c[15],
            rank: 0,
        }
    }

    pub fn is_zero(&self) -> bool {
        self.counts().iter().all(|c| *c == 0)
    }

    /// Adds `sign` times the other's counts (its code and rank are ignored).
    pub fn add_scaled(&mut self, o: &Figures, sign: i64) {
        let mut c = self.counts();
        for (mine, theirs) in c.iter_mut().zip(o.counts()) {
            *mine += sign * theirs;
        }
        *self = Figures::from_counts(std::mem::take(&mut self.code), c);
    }

    fn add(&mut self, o: &Figures) {
        self.add_scaled(o, 1);
    }

    /// What one project adds to the figures while it is in `status`.
    pub fn of_project(status: ProjectStatus, planned: (i64, i64, i64), budget: i64) -> Figures {
        let mut f = Figures::default();
        f.add_project(status, planned, budget, 1);
        f
    }

    /// What one hire adds to the figures.
    pub fn of_hire(center: bool, youth: bool, permanent: bool) -> Figures {
        Figures {
            jobs_created: 1,
            center_hires: i64::from(center),
            youth_hires: i64::from(youth),
            permanent_created: i64::from(permanent),
            ..Default::default()
        }
    }
}

/// Ranks regions by % of plan, ties by jobs created (then KATO code, so the order is stable),
/// and returns them in rank order. A region without an approved plan has no % of plan to be
/// ranked by: it gets rank 0 ("not ranked") and comes after the ranked ones, so that a period
/// before any plan never reads "5th of 17 at 0.0%".
pub fn rank(mut regions: Vec<Figures>) -> Vec<Figures> {
    regions.sort_by(|a, b| {
        (b.planned_jobs > 0)
            .cmp(&(a.planned_jobs > 0))
            .then(b.plan_bp().cmp(&a.plan_bp()))
            .then(b.jobs_created.cmp(&a.jobs_created))
            .then(a.code.cmp(&b.code))
    });
    let mut next = 0;
    for r in &mut regions {
        r.rank = if r.planned_jobs > 0 {
            next += 1;
            next
        } else {
            0
        };
    }
    regions
}

impl Figures {
    /// Whether the region has a plan to be ranked against (see `rank`).
    pub fn is_ranked(&self) -> bool {
        self.rank > 0
    }
}

/// The national total: sums of the regions (never an average of their shares).
pub fn total(regions: &[Figures]) -> Figures {
    let mut t = Figures::default();
    for r in regions {
        t.add(r);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(code: &str, planned: i64, created: i64) -> Figures {
        Figures {
            code: code.into(),
            planned_jobs: planned,
            jobs_created: created,
            ..Default::default()
        }
    }

    #[test]
    fn ranked_by_percent_of_plan_then_by_jobs() {
        let ranked = rank(vec![
            region("11", 100, 50),
            region("27", 8787, 3810),
            region("43", 200, 100),
            region("71", 10, 9),
        ]);
        let order: Vec<(&str, i64)> = ranked.iter().map(|r| (r.code.as_str(), r.rank)).collect();
        assert_eq!(order, [("71", 1), ("43", 2), ("11", 3), ("27", 4)]);
        assert_eq!(ranked[3].plan_bp(), 4335);
    }

    #[test]
    fn a_region_without_a_plan_is_not_ranked() {
        let ranked = rank(vec![
            region("11", 0, 0),
            region("27", 100, 10),
            region("43", 0, 5),
        ]);
        let order: Vec<(&str, i64)> = ranked.iter().map(|r| (r.code.as_str(), r.rank)).collect();
        assert_eq!(order, [("27", 1), ("43", 0), ("11", 0)]);
        assert!(!ranked[1].is_ranked());
        assert!(rank(vec![region("11", 0, 0)]).iter().all(|r| r.rank == 0));
    }

    #[test]
    fn the_total_sums_counts_not_shares() {
        let t = total(&[
            Figures {
                jobs_created: 10,
                center_hires: 10,
                ..Default::default()
            },
            Figures {
                jobs_created: 90,
                center_hires: 0,
                ..Default::default()
            },
        ]);
        assert_eq!(t.center_bp(), 1000);
    }

    #[test]
    fn a_status_change_is_the_difference_of_two_contributions() {
        let planned = (20, 10, 2);
        let mut delta = Figures::of_project(ProjectStatus::InProgress, planned, 500);
        delta.add_scaled(
            &Figures::of_project(ProjectStatus::Contracted, planned, 500),
            -1,
        );
        assert_eq!(delta.projects_started, 1);
        assert_eq!((delta.projects_approved, delta.planned_jobs), (0, 0));
        let mut total = Figures::of_project(ProjectStatus::Contracted, planned, 500);
        total.add(&delta);
        assert_eq!(
            total,
            Figures::of_project(ProjectStatus::InProgress, planned, 500)
        );
    }

    #[test]
    fn counts_round_trip_in_column_order() {
        let f = Figures::of_hire(true, false, true);
        assert_eq!(Figures::from_counts(String::new(), f.counts()), f);
        assert_eq!(Figures::COUNTED[9], "center_hires");
        assert_eq!(f.counts()[9], 1);
    }

    #[test]
    fn project_statuses_count_where_they_belong() {
        let mut f = Figures::default();
        f.add_project(ProjectStatus::Submitted, (10, 5, 1), 100, 1);
        f.add_project(ProjectStatus::InProgress, (20, 10, 2), 200, 1);
        f.add_project(ProjectStatus::Draft, (99, 99, 99), 999, 1);
        assert_eq!(
            (f.projects_selected, f.projects_approved, f.projects_started),
            (2, 1, 1)
        );
        assert_eq!((f.planned_jobs, f.budget_tenge), (20, 200));
    }
}
