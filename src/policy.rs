//! Scope and personal-data visibility, decided in one place (DESIGN.md, "People").
//!
//! A scope sees a contract when it is national, when the contract's project lies in the
//! officer's region, or when the contract was signed under the contractor's BIN. Those who
//! *record* on a contract (its contractor, the officers of its region) are the ones who see
//! its workers' IINs and names in full; everyone else sees `0612******12` and initials.
//! Queries that must filter in SQL (lists, exports) filter by the same three cases; the
//! decisions on single records, the masking and the probe limit are made here.

use crate::auth::CurrentUser;
use crate::db::audit::Actor;
use crate::domain::identifier::{mask, mask_name};
use crate::domain::role::{Role, Scope};

/// Who is acting, as the use cases need it: for the audit trail, the scope checks and the
/// per-user limits. Built from the signed-in user (and, later, from an API token's account).
#[derive(Debug, Clone)]
pub struct Who {
    pub user_id: String,
    pub role: Role,
    pub scope: Scope,
    pub actor: Actor,
}

impl From<&CurrentUser> for Who {
    fn from(u: &CurrentUser) -> Self {
        Who {
            user_id: u.id.clone(),
            role: u.role,
            scope: u.scope.clone(),
            actor: u.actor(),
        }
    }
}

/// Where a contract sits, for the decisions below: its contractor's BIN and its project's region.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    pub contractor_bin: &'a str,
    pub region: &'a str,
}

impl crate::db::contracts::ContractWithProject {
    pub fn place(&self) -> Place<'_> {
        Place {
            contractor_bin: &self.contract.contractor_bin,
            region: &self.project_region,
        }
    }
}

/// May `scope` see the contract (and its jobs)? Outside it, the answer is 404.
pub fn sees_contract(scope: &Scope, at: Place<'_>) -> bool {
    match scope {
        Scope::National => true,
        Scope::Region(r) => r == at.region,
        Scope::Contractor(bin) => bin == at.contractor_bin,
    }
}

/// Hires, endings, corrections and ledger lines are entered by the contractor whose BIN is on
/// the contract, or by an officer of the project's region on their behalf.
pub fn may_record(scope: &Scope, at: Place<'_>) -> bool {
    match scope {
        Scope::National => false,
        Scope::Region(r) => r == at.region,
        Scope::Contractor(bin) => bin == at.contractor_bin,
    }
}

/// Lifting payments are the region's officers' to record.
pub fn may_pay_lifting(role: Role, scope: &Scope, at: Place<'_>) -> bool {
    role == Role::Akimat && may_record(scope, at)
}

/// IINs and names in full only for the contractor who employs the worker and the officers of
/// the project's region.
pub fn sees_personal_data(scope: &Scope, at: Place<'_>) -> bool {
    may_record(scope, at)
}

/// A worker as a viewer may see them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub iin: String,
    pub name: String,
}

/// The worker's IIN and the name recorded on the hire, in full or masked.
pub fn person(iin: &str, name: &str, full: bool) -> Person {
    if full {
        Person {
            iin: iin.to_owned(),
            name: name.to_owned(),
        }
    } else {
        Person {
            iin: mask(iin),
            name: mask_name(name),
        }
    }
}

/// A recorded value as the audit log shows it, if the policy masks it. The log is read by
/// national roles, who see workers' names as initials like everywhere else; the full value
/// stays in the trail for the record.
pub fn audit_value(field: &str, raw: &str) -> Option<String> {
    (field == "worker_name").then(|| mask_name(raw))
}

/// How many different workers whose Roadmap job lies outside the user's scope one user may be
/// told about (by a rule 4 refusal) per hour. Each such refusal is audited as
/// [`PROBE_ACTION`]; the count is read from the audit trail, so it holds across instances.
pub const PROBES_PER_HOUR: i64 = 10;

/// The audit action of a rule 4 refusal about a job the user may not see.
pub const PROBE_ACTION: &str = "job.refused.out_of_scope";

/// The audit action of a rule 4 refusal about a job the user may see.
pub const REFUSED_IN_SCOPE_ACTION: &str = "job.refused.active_job";

#[cfg(test)]
mod tests {
    use super::*;

    const AT: Place<'static> = Place {
        contractor_bin: "940140000385",
        region: "27",
    };

    #[test]
    fn scopes() {
        assert!(sees_contract(&Scope::National, AT));
        assert!(!may_record(&Scope::National, AT));
        assert!(sees_contract(&Scope::Region("27".into()), AT));
        assert!(!sees_contract(&Scope::Region("11".into()), AT));
        assert!(may_record(&Scope::Contractor("940140000385".into()), AT));
        assert!(!sees_contract(
            &Scope::Contractor("990140004654".into()),
            AT
        ));
        assert!(!may_pay_lifting(
            Role::Contractor,
            &Scope::Contractor("940140000385".into()),
            AT
        ));
        assert!(may_pay_lifting(
            Role::Akimat,
            &Scope::Region("27".into()),
            AT
        ));
    }

    #[test]
    fn masking() {
        let p = person("061211600012", "Айгерим Серикова", false);
        assert_eq!(p.iin, "0612******12");
        assert_eq!(p.name, "А. С.");
        assert_eq!(person("061211600012", "A B", true).name, "A B");
    }
}
