//! What the compliance views share: the filters a reviewer sets in the URL, the board of
//! assessed contracts in a scope as of a date (loaded once per figures generation), and the
//! summary counts by region, condition and state.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::db::Db;
use crate::db::compliance::{self, Assessed, ProjectState};
use crate::domain::compliance::{Condition, State};
use crate::domain::numbers::parse_date;
use crate::domain::project::Direction;
use crate::error::AppError;

pub const PAGE_SIZE: usize = 50;

/// The query string, as typed or bookmarked: unknown values are ignored, not errors.
#[derive(Debug, Default, Deserialize, Serialize, Clone)]
pub struct ReviewQuery {
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub condition: String,
    #[serde(default)]
    pub state: String,
    #[serde(default)]
    pub direction: String,
    #[serde(default)]
    pub bin: String,
    #[serde(default)]
    pub as_of: String,
    #[serde(default)]
    pub page: String,
}

/// Which states a list shows: by default those that need attention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateFilter {
    Attention,
    Only(State),
    All,
}

impl StateFilter {
    pub fn code(self) -> &'static str {
        match self {
            StateFilter::Attention => "",
            StateFilter::Only(s) => s.code(),
            StateFilter::All => "all",
        }
    }

    pub fn admits(self, s: State) -> bool {
        match self {
            StateFilter::Attention => s >= State::AtRisk,
            StateFilter::Only(only) => s == only,
            StateFilter::All => true,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub region: Option<String>,
    pub condition: Option<Condition>,
    pub state: Option<StateFilter>,
    pub direction: Option<Direction>,
    pub bin: Option<String>,
}

impl Filter {
    /// The state a row is judged by: its condition's when one is chosen, else its own.
    pub fn state_of(&self, a: &Assessed) -> State {
        self.condition
            .map_or_else(|| a.state(), |c| a.c.condition(c).state)
    }

    pub fn matches(&self, a: &Assessed) -> bool {
        self.region
            .as_ref()
            .is_none_or(|r| *r == a.line.region_code)
            && self.direction.is_none_or(|d| d.code() == a.line.direction)
            && self
                .bin
                .as_ref()
                .is_none_or(|b| *b == a.line.contractor_bin)
            && self
                .state
                .unwrap_or(StateFilter::Attention)
                .admits(self.state_of(a))
    }

    /// The contracts this filter selects, worst first by the state it judges.
    pub fn select<'a>(&self, all: &'a [Assessed]) -> Vec<&'a Assessed> {
        let mut rows: Vec<&Assessed> = all.iter().filter(|a| self.matches(a)).collect();
        if let Some(c) = self.condition {
            rows.sort_by_key(|a| {
                (
                    std::cmp::Reverse(a.c.condition(c).state),
                    a.c.condition(c).bp,
                )
            });
        }
        rows
    }
}

fn is_kato(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_digit())
}

impl ReviewQuery {
    pub fn filter(&self) -> Filter {
        Filter {
            region: Some(self.region.clone()).filter(|r| is_kato(r)),
            condition: Condition::from_code(&self.condition),
            state: Some(match self.state.as_str() {
                "all" => StateFilter::All,
                s => State::from_code(s).map_or(StateFilter::Attention, StateFilter::Only),
            }),
            direction: Direction::from_code(&self.direction),
            bin: Some(self.bin.trim().to_owned())
                .filter(|b| b.len() == 12 && b.bytes().all(|x| x.is_ascii_digit())),
        }
    }

    /// The date asked for, or today; never after today.
    pub fn as_of(&self, today: NaiveDate) -> NaiveDate {
        parse_date(&self.as_of)
            .filter(|d| *d <= today)
            .unwrap_or(today)
    }

    pub fn page(&self) -> usize {
        self.page.parse::<usize>().unwrap_or(1).clamp(1, 1_000_000)
    }

    /// This view's query string with one parameter changed (and back to page 1 unless it is
    /// the page).
    pub fn with(&self, key: &str, value: impl AsRef<str>) -> String {
        let mut q = self.clone();
        if key != "page" {
            q.page = String::new();
        }
        let value = value.as_ref().to_owned();
        match key {
            "region" => q.region = value,
            "condition" => q.condition = value,
            "state" => q.state = value,
            "direction" => q.direction = value,
            "bin" => q.bin = value,
            "page" => q.page = value,
            _ => {}
        }
        let pairs: Vec<(&str, &str)> = [
            ("region", q.region.as_str()),
            ("condition", q.condition.as_str()),
            ("state", q.state.as_str()),
            ("direction", q.direction.as_str()),
            ("bin", q.bin.as_str()),
            ("as_of", q.as_of.as_str()),
            ("page", q.page.as_str()),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .collect();
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    }
}

/// One page of a list.
pub struct Paged<'a, T> {
    pub rows: &'a [T],
    pub page: usize,
    pub pages: usize,
    pub total: usize,
}

pub fn paged<T>(all: &[T], page: usize) -> Paged<'_, T> {
    let pages = all.len().div_ceil(PAGE_SIZE).max(1);
    let page = page.min(pages);
    let start = (page - 1) * PAGE_SIZE;
    Paged {
        rows: &all[start.min(all.len())..(start + PAGE_SIZE).min(all.len())],
        page,
        pages,
        total: all.len(),
    }
}

/// The assessed contracts of a scope as of a date, their projects' states, and the counts by
/// region, condition and state: all derived once per load, never per request.
pub struct Board {
    pub as_of: NaiveDate,
    pub contracts: Vec<Assessed>,
    pub projects: HashMap<String, ProjectState>,
    /// The counts over every contract (no direction or contractor chosen).
    pub summary: Summary,
}

impl Board {
    pub fn new(as_of: NaiveDate, contracts: Vec<Assessed>) -> Self {
        let projects = compliance::project_states(&contracts);
        let summary = count(&contracts, &projects, |_| true);
        Self {
            as_of,
            contracts,
            projects,
            summary,
        }
    }

    pub fn project(&self, id: &str) -> ProjectState {
        self.projects.get(id).copied().unwrap_or_default()
    }

    /// The counts for a filter's direction and contractor (its region and state select rows,
    /// not counts).
    pub fn summary(&self, filter: &Filter) -> Summary {
        if filter.direction.is_none() && filter.bin.is_none() {
            return self.summary.clone();
        }
        count(&self.contracts, &self.projects, |a| {
            filter
                .direction
                .is_none_or(|d| d.code() == a.line.direction)
                && filter
                    .bin
                    .as_ref()
                    .is_none_or(|b| *b == a.line.contractor_bin)
        })
    }

    /// One contract of each project in breach (its line carries the project's place).
    pub fn breached_projects(&self) -> impl Iterator<Item = &Assessed> {
        let mut seen = std::collections::HashSet::new();
        self.contracts.iter().filter(move |a| {
            self.project(&a.line.project_id).state == State::Breached
                && seen.insert(a.line.project_id.as_str())
        })
    }
}

/// The board of a region (`""` for the whole country), kept until the figures change.
pub async fn board(
    db: &Db,
    region: &str,
    as_of: NaiveDate,
    today: NaiveDate,
) -> Result<Arc<Board>, AppError> {
    let region = region.to_owned();
    db.cached(format!("compliance {region} {as_of}"), move |conn| {
        Ok(Board::new(
            as_of,
            compliance::assessed(conn, &region, as_of, today)?,
        ))
    })
    .await
}

/// Counts by condition and state, for contracts and for projects.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// [condition][state]: contracts.
    pub contracts: [[i64; 4]; 2],
    /// [condition][state]: projects (the worst of their contracts on that condition).
    pub projects: [[i64; 4]; 2],
    /// [state]: projects by their own state (the worst of both conditions).
    pub project_states: [i64; 4],
}

impl Counts {
    pub fn contracts(&self, c: Condition, s: State) -> i64 {
        self.contracts[c as usize][s as usize]
    }

    pub fn projects(&self, c: Condition, s: State) -> i64 {
        self.projects[c as usize][s as usize]
    }

    pub fn projects_in(&self, s: State) -> i64 {
        self.project_states[s as usize]
    }

    fn add(&mut self, o: &Counts) {
        for c in 0..2 {
            for s in 0..4 {
                self.contracts[c][s] += o.contracts[c][s];
                self.projects[c][s] += o.projects[c][s];
            }
        }
        for s in 0..4 {
            self.project_states[s] += o.project_states[s];
        }
    }
}

/// The national counts and each region's, by region code.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub national: Counts,
    pub regions: Vec<(String, Counts)>,
}

impl Summary {
    pub fn region(&self, code: &str) -> Option<&Counts> {
        self.regions.iter().find(|(c, _)| c == code).map(|(_, c)| c)
    }
}

/// Counts the contracts that `admit` keeps, and each of their projects once.
fn count(
    contracts: &[Assessed],
    projects: &HashMap<String, ProjectState>,
    admit: impl Fn(&Assessed) -> bool,
) -> Summary {
    let mut by_region: std::collections::BTreeMap<&str, Counts> = Default::default();
    let mut seen_projects = std::collections::HashSet::new();
    for a in contracts.iter().filter(|a| admit(a)) {
        let counts = by_region.entry(&a.line.region_code).or_default();
        for c in Condition::ALL {
            counts.contracts[c as usize][a.c.condition(c).state as usize] += 1;
        }
        if seen_projects.insert(a.line.project_id.as_str()) {
            let p = projects
                .get(&a.line.project_id)
                .copied()
                .unwrap_or_default();
            counts.projects[Condition::Center as usize][p.center as usize] += 1;
            counts.projects[Condition::Domestic as usize][p.domestic as usize] += 1;
            counts.project_states[p.state as usize] += 1;
        }
    }
    let mut national = Counts::default();
    for counts in by_region.values() {
        national.add(counts);
    }
    Summary {
        national,
        regions: by_region
            .into_iter()
            .map(|(code, counts)| (code.to_owned(), counts))
            .collect(),
    }
}
