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
