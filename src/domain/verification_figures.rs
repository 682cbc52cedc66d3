//! The verified figures (issue 15): what the stored checks of a contract prove, with the same
//! compliance states as the declared figures. The one definition every page, export and the
//! API use.

use crate::domain::compliance::{self, Assessment, ContractCompliance, ContractFacts, State};
use crate::domain::message::Message;
use crate::domain::share;

/// What the stored checks of one contract add up to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Employment-center hires whose referral matched.
    pub center_matched: i64,
    /// Employment-center hires whose referral was mismatched or missing.
    pub center_failed: i64,
    /// Domestic value proven by a certificate, or needing none.
    pub proven_domestic: i64,
    /// Domestic value whose certificate was mismatched or missing.
    pub failed_domestic: i64,
}

/// A contract's verified figures and states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub compliance: ContractCompliance,
    /// Hires whose referral matched / all hires, in basis points.
    pub center_bp: i64,
    /// Proven domestic value / all recorded value; `None` before the first ledger line.
    pub domestic_bp: Option<i64>,
    /// Employment-center hires not yet checked.
    pub unchecked_hires: i64,
    /// Domestic value not yet checked.
    pub unchecked_tenge: i64,
}

impl Verified {
    pub fn state(&self) -> State {
        self.compliance.state()
    }
}

/// The verified figures of a contract: the declared facts (`ContractFacts` with its counters)
/// with only what the registers proved counted as employment-center hires and domestic value.
/// A state is given only when the registers decide it: with the hires or value not yet
/// checked counted either way, the state must come out the same; otherwise it is "no data
/// yet" (not yet checked).
pub fn verified(declared: &ContractFacts, t: &Tally) -> Verified {
    let hires = declared.hires();
    let unchecked_hires = (declared.center_hires - t.center_matched - t.center_failed).max(0);
    let at = |matched: i64| ContractFacts {
        center_hires: matched,
        direct_hires: hires - matched,
        ..*declared
    };
    let center = decided(
        compliance::center(&at(t.center_matched)),
        compliance::center(&at(t.center_matched + unchecked_hires)),
        unchecked_hires,
    );
    let unchecked_tenge = (declared.ledger_domestic - t.proven_domestic - t.failed_domestic).max(0);
    let ledger = |domestic: i64| ContractFacts {
        declared_total: 0,
        declared_domestic: 0,
        ledger_domestic: domestic,
        ..*declared
    };
    let domestic = decided(
        compliance::domestic(&ledger(t.proven_domestic)),
        compliance::domestic(&ledger(t.proven_domestic + unchecked_tenge)),
        unchecked_tenge,
    );
    Verified {
        compliance: ContractCompliance { center, domestic },
        center_bp: share::bp(t.center_matched, hires),
        domestic_bp: (declared.ledger_total > 0)
            .then(|| share::bp(t.proven_domestic, declared.ledger_total)),
        unchecked_hires,
        unchecked_tenge,
    }
}

/// What the stored checks of an area (a region, the nation) add up to: its contracts'
/// tallies, with the checked procurement lines' value and declared domestic value, which an
/// area has no contract row to take from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AreaTally {
    pub checks: Tally,
    pub ledger_total: i64,
    pub ledger_domestic: i64,
}

impl AreaTally {
    pub fn add(&mut self, other: &AreaTally) {
        self.checks.center_matched += other.checks.center_matched;
        self.checks.center_failed += other.checks.center_failed;
        self.checks.proven_domestic += other.checks.proven_domestic;
        self.checks.failed_domestic += other.checks.failed_domestic;
        self.ledger_total += other.ledger_total;
        self.ledger_domestic += other.ledger_domestic;
    }
}

/// The verified figures of an area with `hires` hires, `center_hires` of them declared as
/// employment-center hires: [`verified`] on the area's facts added up, so a region, the
/// nation and a contract are judged by the same rules and states. An area has no contract
/// amount, so its foreign limit is 10% of what was bought.
pub fn verified_area(hires: i64, center_hires: i64, t: &AreaTally) -> Verified {
    let facts = ContractFacts {
        center_hires,
        direct_hires: hires - center_hires,
        ledger_total: t.ledger_total,
        ledger_domestic: t.ledger_domestic,
        ..Default::default()
    };
    verified(&facts, &t.checks)
}

/// The state when the unchecked part counted against (`low`) and for (`high`) agree;
/// "not yet checked" when they do not.
fn decided(low: Assessment, high: Assessment, unchecked: i64) -> Assessment {
    if low.state == high.state {
        return low;
    }
    Assessment {
        state: State::NoData,
        reason: Message::new("reason-verified-pending")
            .int("unchecked", unchecked)
            .percent("share", low.bp),
        bp: low.bp,
    }
}

#[cfg(test)]
mod area_tests {
    use super::*;

    #[test]
    fn an_area_is_judged_like_a_contract_of_its_facts() {
        let t = AreaTally {
            checks: Tally {
                center_matched: 40,
                center_failed: 15,
                proven_domestic: 800,
                failed_domestic: 200,
            },
            ledger_total: 1_000,
            ledger_domestic: 1_000,
        };
        let v = verified_area(100, 60, &t);
        // 40 of 100 hires proven, 5 not yet checked: breached whichever way they go.
        assert_eq!(v.center_bp, 4_000);
        assert_eq!(v.unchecked_hires, 5);
        assert_eq!(v.compliance.center.state, State::Breached);
        assert_eq!(v.domestic_bp, Some(8_000));
        assert_eq!(v.compliance.domestic.state, State::Breached);
        // Nothing recorded: no data, not a failure.
        let none = verified_area(0, 0, &AreaTally::default());
        assert_eq!(none.state(), State::NoData);
        assert_eq!(none.domestic_bp, None);
    }

    #[test]
    fn unchecked_hires_that_could_tip_the_state_leave_it_not_yet_checked() {
        let t = AreaTally {
            checks: Tally {
                center_matched: 45,
                ..Tally::default()
            },
            ..AreaTally::default()
        };
        let v = verified_area(100, 60, &t);
        assert_eq!(v.unchecked_hires, 15);
        assert_eq!(v.compliance.center.state, State::NoData);
    }
}
