//! The project's life: which status changes exist, and who may make them.
//!
//! draft → submitted → approved | rejected → tendering → contracted → in_progress → completed;
//! a rejected project is corrected and submitted again; suspended and cancelled from any
//! active state. Only the commission approves or rejects. `contracted` and `in_progress` follow
//! from the first contract and the first hire, not from a button.

use chrono::NaiveDate;

use super::message::{FieldProblem, Message};
use super::numbers::{parse_date, parse_int};
use super::role::Role;
use crate::code_enum;

code_enum! {
    pub enum ProjectStatus {
        Draft => "draft", "status-draft";
        Submitted => "submitted", "status-submitted";
        Approved => "approved", "status-approved";
        Rejected => "rejected", "status-rejected";
        Tendering => "tendering", "status-tendering";
        Contracted => "contracted", "status-contracted";
        InProgress => "in_progress", "status-in_progress";
        Completed => "completed", "status-completed";
        Suspended => "suspended", "status-suspended";
        Cancelled => "cancelled", "status-cancelled";
    }
}

code_enum! {
    /// What a person can do to a project's status.
    pub enum Action {
        Submit => "submit", "action-submit";
        Approve => "approve", "action-approve";
        Reject => "reject", "action-reject";
        StartTendering => "start_tendering", "action-start_tendering";
        Complete => "complete", "action-complete";
        Suspend => "suspend", "action-suspend";
        Resume => "resume", "action-resume";
        Cancel => "cancel", "action-cancel";
    }
}

impl ProjectStatus {
    /// Whether the officer may still change the project's fields: before submission, or after
    /// a rejection to correct it.
    pub fn is_editable(self) -> bool {
        matches!(self, Self::Draft | Self::Rejected)
    }

    /// Work is going on or about to: the states that can be suspended.
    pub fn is_running(self) -> bool {
        matches!(
            self,
            Self::Approved | Self::Tendering | Self::Contracted | Self::InProgress
        )
    }

    pub fn is_closed(self) -> bool {
        matches!(self, Self::Completed | Self::Cancelled)
    }

    /// Counted as selected for the programme (the commission has approved it).
    pub fn is_selected(self) -> bool {
        matches!(
            self,
            Self::Approved
                | Self::Tendering
                | Self::Contracted
                | Self::InProgress
                | Self::Completed
                | Self::Suspended
        )
    }
}

/// The status `action` leads to, if `role` may take it from `from`. `resume_to` is the status
/// the project had before it was suspended.
pub fn transition(
    from: ProjectStatus,
    action: Action,
    role: Role,
    resume_to: Option<ProjectStatus>,
) -> Option<ProjectStatus> {
    use Action as A;
    use ProjectStatus as S;
    let officer = role == Role::Akimat;
    let commission = role == Role::Commission;
    match action {
        A::Submit if officer && matches!(from, S::Draft | S::Rejected) => Some(S::Submitted),
        A::Approve if commission && from == S::Submitted => Some(S::Approved),
        A::Reject if commission && from == S::Submitted => Some(S::Rejected),
        A::StartTendering if officer && from == S::Approved => Some(S::Tendering),
        A::Complete if officer && from == S::InProgress => Some(S::Completed),
        A::Suspend if (officer || commission) && from.is_running() => Some(S::Suspended),
        A::Resume if (officer || commission) && from == S::Suspended => {
            resume_to.filter(|s| s.is_running())
        }
        A::Cancel if (officer || commission) && !from.is_closed() => Some(S::Cancelled),
        _ => None,
    }
}

/// The actions `role` can take on a project in `status`, in the order buttons are shown.
pub fn available(
    status: ProjectStatus,
    role: Role,
    resume_to: Option<ProjectStatus>,
) -> Vec<Action> {
    Action::ALL
        .iter()
        .copied()
        .filter(|a| transition(status, *a, role, resume_to).is_some())
        .collect()
}

/// Whether an action needs a comment (a reason others will read in the history).
pub fn needs_comment(action: Action) -> bool {
    matches!(action, Action::Reject | Action::Suspend | Action::Cancel)
}

/// The automatic step when a contract is recorded on the project.
pub fn on_contract(from: ProjectStatus) -> Option<ProjectStatus> {
    matches!(from, ProjectStatus::Approved | ProjectStatus::Tendering)
        .then_some(ProjectStatus::Contracted)
}

/// The automatic step when the first hire is recorded.
pub fn on_first_hire(from: ProjectStatus) -> Option<ProjectStatus> {
    (from == ProjectStatus::Contracted).then_some(ProjectStatus::InProgress)
}

/// Contracts are signed once the commission has approved the project, and while it runs.
pub fn accepts_contracts(status: ProjectStatus) -> bool {
    status.is_running()
}

/// The commission's decision recorded with an approval.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub number: String,
    pub date: NaiveDate,
    pub approved_limit_tenge: i64,
}

/// The decision as typed on the approval form, or what is missing or wrong in it. A decision
/// cannot be dated after `today`.
pub fn parse_decision(
    number: &str,
    date: &str,
    limit: &str,
    today: NaiveDate,
) -> Result<Decision, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let number = number.trim();
    if number.is_empty() {
        problems.push(FieldProblem::new(
            "decision_number",
            Message::new("decision-number-required"),
        ));
    }
    let parsed = parse_date(date);
    match parsed {
        None if date.trim().is_empty() => problems.push(FieldProblem::new(
            "decision_date",
            Message::new("decision-date-required"),
        )),
        None => problems.push(FieldProblem::new(
            "decision_date",
            Message::new("field-date"),
        )),
        Some(d) if d > today => problems.push(FieldProblem::new(
            "decision_date",
            Message::new("decision-date-future"),
        )),
        Some(_) => {}
    }
    let limit = parse_int(limit).filter(|n| *n > 0);
    if limit.is_none() {
        problems.push(FieldProblem::new(
            "approved_limit",
            Message::new("decision-limit-required"),
        ));
    }
    match (parsed, limit) {
        (Some(date), Some(approved_limit_tenge)) if problems.is_empty() => Ok(Decision {
            number: number.to_owned(),
            date,
            approved_limit_tenge,
        }),
        _ => Err(problems),
    }
}

/// What a status change is checked against besides the workflow: the project's budget and
/// the day it was (last) submitted to the commission.
#[derive(Debug, Clone, Copy)]
pub struct StepFacts {
    pub budget_tenge: i64,
    pub submitted_on: Option<NaiveDate>,
}

/// What a status change lacks: a reason where others will need one, and for an approval a
/// decision that stays within the project's budget and is not dated before the submission.
pub fn check_step(
    action: Action,
    comment: &str,
    decision: Option<&Decision>,
    facts: StepFacts,
) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    if needs_comment(action) && comment.trim().is_empty() {
        problems.push(FieldProblem::new(
            "comment",
            Message::new("status-comment-required"),
        ));
    }
    if action != Action::Approve {
        return problems;
    }
    let Some(d) = decision else {
        problems.push(FieldProblem::new(
            "decision_number",
            Message::new("decision-number-required"),
        ));
        problems.push(FieldProblem::new(
            "decision_date",
            Message::new("decision-date-required"),
        ));
        problems.push(FieldProblem::new(
            "approved_limit",
            Message::new("decision-limit-required"),
        ));
        return problems;
    };
    if d.number.trim().is_empty() {
        problems.push(FieldProblem::new(
            "decision_number",
            Message::new("decision-number-required"),
        ));
    }
    if d.approved_limit_tenge <= 0 {
        problems.push(FieldProblem::new(
            "approved_limit",
            Message::new("decision-limit-required"),
        ));
    } else if d.approved_limit_tenge > facts.budget_tenge {
        problems.push(FieldProblem::new(
            "approved_limit",
            Message::new("decision-limit-above-budget").int("budget", facts.budget_tenge),
        ));
    }
    if let Some(submitted) = facts.submitted_on.filter(|s| d.date < *s) {
        problems.push(FieldProblem::new(
            "decision_date",
            Message::new("decision-date-before-submission")
                .text("submitted", submitted.to_string()),
        ));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use Action as A;
    use ProjectStatus as S;

    #[test]
    fn the_main_path_with_the_right_roles() {
        assert_eq!(
            transition(S::Draft, A::Submit, Role::Akimat, None),
            Some(S::Submitted)
        );
        assert_eq!(
            transition(S::Submitted, A::Approve, Role::Commission, None),
            Some(S::Approved)
        );
        assert_eq!(
            transition(S::Approved, A::StartTendering, Role::Akimat, None),
            Some(S::Tendering)
        );
        assert_eq!(on_contract(S::Tendering), Some(S::Contracted));
        assert_eq!(on_first_hire(S::Contracted), Some(S::InProgress));
        assert_eq!(
            transition(S::InProgress, A::Complete, Role::Akimat, None),
            Some(S::Completed)
        );
    }

    #[test]
    fn only_the_commission_approves_or_rejects() {
        for role in [Role::Akimat, Role::Admin, Role::Contractor] {
            assert_eq!(
                transition(S::Submitted, A::Approve, role, None),
                None,
                "{role}"
            );
            assert_eq!(
                transition(S::Submitted, A::Reject, role, None),
                None,
                "{role}"
            );
        }
        assert_eq!(
            transition(S::Draft, A::Approve, Role::Commission, None),
            None
        );
    }

    #[test]
    fn a_rejected_project_is_resubmitted() {
        assert_eq!(
            transition(S::Submitted, A::Reject, Role::Commission, None),
            Some(S::Rejected)
        );
        assert_eq!(
            transition(S::Rejected, A::Submit, Role::Akimat, None),
            Some(S::Submitted)
        );
        assert!(S::Rejected.is_editable());
        assert!(!S::Submitted.is_editable());
    }

    #[test]
    fn suspension_resumes_where_it_left_off() {
        assert_eq!(
            transition(S::Contracted, A::Suspend, Role::Commission, None),
            Some(S::Suspended)
        );
        assert_eq!(
            transition(S::Suspended, A::Resume, Role::Akimat, Some(S::Contracted)),
            Some(S::Contracted)
        );
        assert_eq!(transition(S::Draft, A::Suspend, Role::Akimat, None), None);
        assert_eq!(
            transition(S::Suspended, A::Resume, Role::Akimat, Some(S::Draft)),
            None
        );
    }

    #[test]
    fn closed_projects_stay_closed() {
        for action in Action::ALL {
            for role in Role::ALL {
                assert_eq!(
                    transition(S::Completed, *action, role, Some(S::InProgress)),
                    None
                );
                assert_eq!(
                    transition(S::Cancelled, *action, role, Some(S::InProgress)),
                    None
                );
            }
        }
    }

    #[test]
    fn contractors_and_admins_change_no_status() {
        for status in ProjectStatus::ALL {
            assert!(available(*status, Role::Contractor, Some(S::Approved)).is_empty());
            assert!(available(*status, Role::Admin, Some(S::Approved)).is_empty());
        }
    }

    #[test]
    fn buttons_offered_match_the_rules() {
        assert_eq!(
            available(S::Draft, Role::Akimat, None),
            [A::Submit, A::Cancel]
        );
        assert_eq!(
            available(S::Submitted, Role::Commission, None),
            [A::Approve, A::Reject, A::Cancel]
        );
        assert_eq!(
            available(S::InProgress, Role::Akimat, None),
            [A::Complete, A::Suspend, A::Cancel]
        );
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn keys(problems: &[FieldProblem]) -> Vec<(&str, &str)> {
        problems.iter().map(|p| (p.field, p.message.key)).collect()
    }

    const FACTS: StepFacts = StepFacts {
        budget_tenge: 1_000_000,
        submitted_on: None,
    };

    #[test]
    fn a_decision_is_parsed_or_every_gap_named() {
        let today = day("2024-06-01");
        assert_eq!(
            parse_decision(" IC-1 ", "2024-05-15", "900 000", today),
            Ok(Decision {
                number: "IC-1".into(),
                date: day("2024-05-15"),
                approved_limit_tenge: 900_000
            })
        );
        let gaps = parse_decision("", "2999-01-01", "0", today).unwrap_err();
        assert_eq!(
            keys(&gaps),
            [
                ("decision_number", "decision-number-required"),
                ("decision_date", "decision-date-future"),
                ("approved_limit", "decision-limit-required")
            ]
        );
    }

    #[test]
    fn an_approved_limit_stays_within_the_budget() {
        let d = Decision {
            number: "IC-1".into(),
            date: day("2024-05-15"),
            approved_limit_tenge: 1_000_000,
        };
        assert!(check_step(A::Approve, "", Some(&d), FACTS).is_empty());
        let over = Decision {
            approved_limit_tenge: 1_000_001,
            ..d
        };
        assert_eq!(
            keys(&check_step(A::Approve, "", Some(&over), FACTS)),
            [("approved_limit", "decision-limit-above-budget")]
        );
    }

    #[test]
    fn a_decision_is_not_dated_before_the_submission() {
        let d = Decision {
            number: "IC-1".into(),
            date: day("2024-05-15"),
            approved_limit_tenge: 10,
        };
        let facts = |s: &str| StepFacts {
            submitted_on: Some(day(s)),
            ..FACTS
        };
        assert!(check_step(A::Approve, "", Some(&d), facts("2024-05-15")).is_empty());
        assert_eq!(
            keys(&check_step(A::Approve, "", Some(&d), facts("2024-05-16"))),
            [("decision_date", "decision-date-before-submission")]
        );
    }

    #[test]
    fn an_approval_needs_its_decision_and_a_refusal_its_reason() {
        assert_eq!(check_step(A::Approve, "", None, FACTS).len(), 3);
        assert_eq!(
            keys(&check_step(A::Reject, "  ", None, FACTS)),
            [("comment", "status-comment-required")]
        );
        assert!(check_step(A::Submit, "", None, FACTS).is_empty());
    }
}
