//! The project's life: which status changes exist, and who may make them.
//!
//! draft → submitted → approved | rejected → tendering → contracted → in_progress → completed;
//! a rejected project is corrected and submitted again; suspended and cancelled from any
//! active state. Only the commission approves or rejects. `contracted` and `in_progress` follow
//! from the first contract and the first hire, not from a button.

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
    fn is_running(self) -> bool {
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
}
