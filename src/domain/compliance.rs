//! The compliance state of a contract and of a project: the one definition that every page,
//! the map, the exports and the API show. Each of the programme's two conditions gets a
//! state with its reason and what is needed to stay (or become) compliant; a contract takes
//! the worse of its two, a project the worst of its contracts.

use super::contract::MIN_DOMESTIC_BP;
use super::message::Message;
use super::share;

/// A share this close above its threshold (in basis points) is "at risk".
pub const NEAR_BP: i64 = 500;

/// The employment-center condition: at least half of the hires.
pub const MIN_CENTER_BP: i64 = 5_000;

/// Ordered from the least to the most severe, so that the worst of several is their `max`.
/// The numbers are stored (`contracts.*_state`, `projects.compliance_state`): keep them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum State {
    NoData = 0,
    Met = 1,
    AtRisk = 2,
    Breached = 3,
}

impl State {
    pub const ALL: [State; 4] = [State::Breached, State::AtRisk, State::Met, State::NoData];

    pub fn code(self) -> &'static str {
        match self {
            State::NoData => "no_data",
            State::Met => "met",
            State::AtRisk => "at_risk",
            State::Breached => "breached",
        }
    }

    pub fn from_code(code: &str) -> Option<State> {
        State::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn from_i32(n: i32) -> Option<State> {
        State::ALL.into_iter().find(|s| *s as i32 == n)
    }

    pub fn as_i32(self) -> i32 {
        self as i32
    }

    pub fn label_key(self) -> &'static str {
        match self {
            State::NoData => "state-no-data",
            State::Met => "state-met",
            State::AtRisk => "state-at-risk",
            State::Breached => "state-breached",
        }
    }

    /// The class that colours the state on pages and the map (with its text, never alone).
    pub fn class(self) -> &'static str {
        match self {
            State::NoData => "state-none",
            State::Met => "state-met",
            State::AtRisk => "state-risk",
            State::Breached => "state-breach",
        }
    }
}

/// The two conditions, for filters and summaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    Center,
    Domestic,
}

impl Condition {
    pub const ALL: [Condition; 2] = [Condition::Center, Condition::Domestic];

    pub fn code(self) -> &'static str {
        match self {
            Condition::Center => "center",
            Condition::Domestic => "domestic",
        }
    }

    pub fn from_code(code: &str) -> Option<Condition> {
        Condition::ALL.into_iter().find(|c| c.code() == code)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Condition::Center => "condition-center",
            Condition::Domestic => "condition-domestic",
        }
    }
}

/// What a contract's state is computed from, as of a date: its hires by channel, its
/// declared local content, its amount and its recorded procurement ledger.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ContractFacts {
    pub center_hires: i64,
    pub direct_hires: i64,
    pub amount: i64,
    pub declared_total: i64,
    pub declared_domestic: i64,
    pub ledger_total: i64,
    pub ledger_domestic: i64,
}

impl ContractFacts {
    pub fn hires(&self) -> i64 {
        self.center_hires + self.direct_hires
    }

    pub fn center_bp(&self) -> i64 {
        share::bp(self.center_hires, self.hires())
    }

    pub fn declared_bp(&self) -> i64 {
        share::bp(self.declared_domestic, self.declared_total)
    }

    /// The recorded (ledger) domestic share; `None` before the first line.
    pub fn recorded_bp(&self) -> Option<i64> {
        (self.ledger_total > 0).then(|| share::bp(self.ledger_domestic, self.ledger_total))
    }

    fn ledger_foreign(&self) -> i64 {
        self.ledger_total - self.ledger_domestic
    }

    /// Rule 3 on the ledger: foreign purchases may reach 10% of the larger of the contract's
    /// amount and the ledger total (`domain::ledger::check_foreign_budget`).
    fn foreign_limit(&self) -> i64 {
        self.amount.max(self.ledger_total) * (10_000 - MIN_DOMESTIC_BP) / 10_000
    }
}

/// One condition's state with the reason a person reads beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub state: State,
    /// Why, and what is needed: a message for the user's language.
    pub reason: Message,
    /// The share that decides the state, in basis points: lists sort by it, worst first.
    pub bp: i64,
}

/// The employment-center condition (rule 2) on the hires recorded so far.
pub fn center(f: &ContractFacts) -> Assessment {
    let (c, d) = (f.center_hires, f.direct_hires);
    let bp = f.center_bp();
    if f.hires() == 0 {
        return Assessment {
            state: State::NoData,
            reason: Message::new("reason-center-no-hires"),
            bp: MIN_CENTER_BP + NEAR_BP,
        };
    }
    let (state, reason) = if d > c {
        (
            State::Breached,
            Message::new("reason-center-breached").int("needed", d - c),
        )
    } else if !share::at_least(c, f.hires(), MIN_CENTER_BP + NEAR_BP) {
        (
            State::AtRisk,
            Message::new("reason-center-at-risk").int("direct", c - d),
        )
    } else {
        (
            State::Met,
            Message::new("reason-center-met").int("direct", c - d),
        )
    };
    Assessment {
        state,
        reason: reason.percent("share", bp),
        bp,
    }
}

/// The domestic-content condition (rule 3) on the declared values and the recorded ledger;
/// the worse of the two decides.
pub fn domestic(f: &ContractFacts) -> Assessment {
    if f.declared_total == 0 && f.ledger_total == 0 {
        return Assessment {
            state: State::NoData,
            reason: Message::new("reason-domestic-no-data"),
            bp: MIN_DOMESTIC_BP + NEAR_BP,
        };
    }
    let declared = f.declared_bp();
    let recorded = f.recorded_bp();
    let bp = recorded.map_or(declared, |r| r.min(declared));
    let foreign_left = f.foreign_limit() - f.ledger_foreign();
    let remaining = (f.amount - f.ledger_total).max(0);
    let (state, reason) = if f.declared_total > 0 && declared < MIN_DOMESTIC_BP {
        (
            State::Breached,
            Message::new("reason-declared-breached").percent("share", declared),
        )
    } else if foreign_left < 0 {
        (
            State::Breached,
            Message::new("reason-ledger-breached")
                .percent("share", recorded.unwrap_or(0))
                .int("excess", -foreign_left),
        )
    } else if recorded.is_some_and(|r| r < MIN_DOMESTIC_BP) {
        (
            State::AtRisk,
            Message::new("reason-ledger-recoverable")
                .percent("share", recorded.unwrap_or(0))
                .int("needed", (remaining - foreign_left).max(0))
                .int("remaining", remaining),
        )
    } else if f.declared_total > 0 && declared < MIN_DOMESTIC_BP + NEAR_BP {
        (
            State::AtRisk,
            Message::new("reason-declared-near").percent("share", declared),
        )
    } else if recorded.is_some_and(|r| r < MIN_DOMESTIC_BP + NEAR_BP) {
        (
            State::AtRisk,
            Message::new("reason-ledger-near")
                .percent("share", recorded.unwrap_or(0))
                .int("foreign", foreign_left),
        )
    } else {
        (
            State::Met,
            Message::new("reason-domestic-met")
                .percent("share", bp)
                .int("foreign", foreign_left),
        )
    };
    Assessment { state, reason, bp }
}

/// Both conditions of one contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContractCompliance {
    pub center: Assessment,
    pub domestic: Assessment,
}

impl ContractCompliance {
    pub fn of(f: &ContractFacts) -> Self {
        Self {
            center: center(f),
            domestic: domestic(f),
        }
    }

    /// The contract's state: the worse of its two conditions.
    pub fn state(&self) -> State {
        self.center.state.max(self.domestic.state)
    }

    pub fn condition(&self, c: Condition) -> &Assessment {
        match c {
            Condition::Center => &self.center,
            Condition::Domestic => &self.domestic,
        }
    }

    /// The lower of the two deciding shares, each measured from its own threshold, so that
    /// the contract furthest below (or closest to) a threshold sorts first.
    pub fn sort_bp(&self) -> i64 {
        (self.center.bp - MIN_CENTER_BP).min(self.domestic.bp - MIN_DOMESTIC_BP)
    }
}

/// A project's state: the worst of its contracts' (no contract yet: no data).
pub fn worst(states: impl IntoIterator<Item = State>) -> State {
    states.into_iter().max().unwrap_or(State::NoData)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(center: i64, direct: i64) -> ContractFacts {
        ContractFacts {
            center_hires: center,
            direct_hires: direct,
            amount: 1_000_000,
            declared_total: 1_000_000,
            declared_domestic: 1_000_000,
            ..Default::default()
        }
    }

    fn ledger(total: i64, domestic: i64) -> ContractFacts {
        ContractFacts {
            ledger_total: total,
            ledger_domestic: domestic,
            ..facts(0, 0)
        }
    }

    #[test]
    fn center_states_follow_rule_two_and_the_margin() {
        assert_eq!(center(&facts(0, 0)).state, State::NoData);
        assert_eq!(center(&facts(11, 9)).state, State::Met); // 55.0%
        let near = center(&facts(10, 9)); // 52.6%
        assert_eq!(near.state, State::AtRisk);
        assert_eq!(
            near.reason.args[0],
            ("direct", crate::domain::message::Arg::Int(1))
        );
        let broken = center(&facts(4, 7)); // after corrections
        assert_eq!(broken.state, State::Breached);
        assert_eq!(
            broken.reason.args[0],
            ("needed", crate::domain::message::Arg::Int(3))
        );
        assert_eq!(center(&facts(5, 5)).state, State::AtRisk);
    }

    #[test]
    fn domestic_states_on_declared_values() {
        let mut f = facts(0, 0);
        assert_eq!(domestic(&f).state, State::Met);
        f.declared_domestic = 945_000;
        assert_eq!(domestic(&f).state, State::AtRisk);
        f.declared_domestic = 895_000; // loaded before the rule
        assert_eq!(domestic(&f).state, State::Breached);
        assert_eq!(domestic(&ContractFacts::default()).state, State::NoData);
    }

    #[test]
    fn a_low_ledger_share_that_can_recover_is_at_risk_and_says_how_much() {
        // 100,000 recorded of 1,000,000, 20,000 of it foreign: 80% recorded, but the
        // remaining 900,000 can still bring the contract to 90% if 820,000 is domestic.
        let a = domestic(&ledger(100_000, 80_000));
        assert_eq!(a.state, State::AtRisk);
        assert_eq!(a.bp, 8_000);
        assert_eq!(a.reason.key, "reason-ledger-recoverable");
        assert!(
            a.reason
                .args
                .contains(&("needed", crate::domain::message::Arg::Int(820_000)))
        );
    }

    #[test]
    fn foreign_purchases_past_the_limit_breach() {
        let a = domestic(&ledger(500_000, 390_000)); // 110,000 foreign > 100,000
        assert_eq!(a.state, State::Breached);
        assert!(
            a.reason
                .args
                .contains(&("excess", crate::domain::message::Arg::Int(10_000)))
        );
        assert_eq!(domestic(&ledger(1_000_000, 900_000)).state, State::AtRisk);
        assert_eq!(domestic(&ledger(1_000_000, 960_000)).state, State::Met);
    }

    #[test]
    fn a_contract_takes_the_worse_condition_and_a_project_the_worst_contract() {
        let mut f = facts(4, 7);
        f.ledger_total = 10;
        f.ledger_domestic = 10;
        let c = ContractCompliance::of(&f);
        assert_eq!(c.state(), State::Breached);
        assert!(c.sort_bp() < 0);
        assert_eq!(worst([State::Met, State::NoData]), State::Met);
        assert_eq!(
            worst([State::Met, State::AtRisk, State::NoData]),
            State::AtRisk
        );
        assert_eq!(worst([]), State::NoData);
        assert_eq!(State::from_code("at_risk"), Some(State::AtRisk));
        assert_eq!(State::from_i32(3), Some(State::Breached));
    }
}
