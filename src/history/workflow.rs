//! The procedure as a state machine (design §5): which action moves a case from which
//! state to which, and who may take it. Pure data and pure functions; carrying an action
//! out (editing `case.toml`, committing) is [`crate::history::actions`]'s job.

use crate::forms::Action;
use crate::forms::State;
use crate::forms::config::Role;

/// Which department assigned the case: decides who signs and who reviews (5.2.2, 5.2.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// The Customer Service Centre.
    Csc,
    /// The Product Sales Department.
    Sales,
}

/// One row of the transition table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transition {
    /// The action.
    pub action: Action,
    /// The state it starts from (`None` for a new case).
    pub from: Option<State>,
    /// The state it leads to.
    pub to: State,
    /// The clause it implements.
    pub clause: &'static str,
}

const fn t(action: Action, from: Option<State>, to: State, clause: &'static str) -> Transition {
    Transition {
        action,
        from,
        to,
        clause,
    }
}

/// The transition table of design §5.
pub const TABLE: &[Transition] = &[
    t(Action::New, None, State::Requested, "8.1"),
    t(
        Action::Resolve,
        Some(State::Requested),
        State::ResolvedRemotely,
        "flow chart",
    ),
    t(
        Action::Accept,
        Some(State::Requested),
        State::Accepted,
        "8.1",
    ),
    t(
        Action::Assign,
        Some(State::Accepted),
        State::Assigned,
        "8.2",
    ),
    // Re-assigning, with a reason, before the trip: the engineers change, and a task sheet
    // submitted or signed for the others goes back to be written and signed for the new
    // ones (5.1.3, 7.2).
    t(
        Action::Assign,
        Some(State::Assigned),
        State::Assigned,
        "5.1.3",
    ),
    t(
        Action::Assign,
        Some(State::PendingApproval),
        State::Assigned,
        "5.1.3",
    ),
    t(
        Action::Assign,
        Some(State::Approved),
        State::Assigned,
        "5.1.3",
    ),
    t(
        Action::Submit,
        Some(State::Assigned),
        State::PendingApproval,
        "8.3",
    ),
    // A task sheet changed after a signature goes back for signature (7.2): the change is
    // submitted again, and the signatures that cover the earlier version are dismissed.
    t(
        Action::Submit,
        Some(State::PendingApproval),
        State::PendingApproval,
        "7.2",
    ),
    t(
        Action::Submit,
        Some(State::Approved),
        State::PendingApproval,
        "7.2",
    ),
    t(
        Action::Approve,
        Some(State::PendingApproval),
        State::Approved,
        "7.2",
    ),
    t(
        Action::Reject,
        Some(State::PendingApproval),
        State::Assigned,
        "7.2",
    ),
    t(
        Action::ApproveFlight,
        Some(State::Assigned),
        State::Assigned,
        "7.4",
    ),
    t(
        Action::ApproveFlight,
        Some(State::PendingApproval),
        State::PendingApproval,
        "7.4",
    ),
    t(
        Action::ApproveFlight,
        Some(State::Approved),
        State::Approved,
        "7.4",
    ),
    t(
        Action::ApproveFlight,
        Some(State::OnSite),
        State::OnSite,
        "7.4",
    ),
    t(Action::Start, Some(State::Approved), State::OnSite, "8.4"),
    t(Action::Checkin, Some(State::OnSite), State::OnSite, "7.5"),
    // The trip goes on after the last site until the engineer is home (7.5, 7.8).
    t(
        Action::Checkin,
        Some(State::Serviced),
        State::Serviced,
        "7.5",
    ),
    t(
        Action::Complete,
        Some(State::OnSite),
        State::Serviced,
        "8.5",
    ),
    t(
        Action::Submit,
        Some(State::Serviced),
        State::PendingReview,
        "8.6",
    ),
    t(
        Action::Approve,
        Some(State::PendingReview),
        State::Reviewed,
        "5.1.6",
    ),
    t(
        Action::Reject,
        Some(State::PendingReview),
        State::Serviced,
        "5.1.6",
    ),
    t(
        Action::Archive,
        Some(State::Reviewed),
        State::Archived,
        "7.10",
    ),
    t(
        Action::Cancel,
        Some(State::Requested),
        State::Cancelled,
        "8.1",
    ),
    t(
        Action::Cancel,
        Some(State::Accepted),
        State::Cancelled,
        "8.1",
    ),
    t(
        Action::Cancel,
        Some(State::Assigned),
        State::Cancelled,
        "8.2",
    ),
    t(
        Action::Cancel,
        Some(State::PendingApproval),
        State::Cancelled,
        "8.3",
    ),
    t(
        Action::Cancel,
        Some(State::Approved),
        State::Cancelled,
        "8.3",
    ),
];

/// The states a case may wait on the customer in, its clocks paused (5.1.7): from the
/// request until the work on site is done.
pub const HOLDABLE: &[State] = &[
    State::Requested,
    State::Accepted,
    State::Assigned,
    State::PendingApproval,
    State::Approved,
    State::OnSite,
];

/// The transition an action takes from a state, if it is legal there.
pub fn transition(action: Action, from: Option<State>) -> Option<Transition> {
    if matches!(action, Action::Hold | Action::Resume) {
        let state = from.filter(|s| HOLDABLE.contains(s))?;
        return Some(t(action, from, state, "5.1.7"));
    }
    TABLE
        .iter()
        .find(|t| t.action == action && t.from == from)
        .copied()
}

/// Whether the step changes the engineers of a case already assigned (5.1.3).
pub fn is_reassignment(action: Action, from: Option<State>) -> bool {
    action == Action::Assign && from.is_some_and(|s| s != State::Accepted)
}

/// The states an action may be taken in (a resubmission aside: it applies only once the
/// task sheet changed after a signature).
pub fn legal_from(action: Action) -> Vec<State> {
    if matches!(action, Action::Hold | Action::Resume) {
        return HOLDABLE.to_vec();
    }
    TABLE
        .iter()
        .filter(|t| t.action == action && !is_resubmission(t.action, t.from))
        .filter_map(|t| t.from)
        .collect()
}

/// Whether the step is a task sheet submitted again after a signature (7.2): legal only
/// when the sheet changed since a signature, which it dismisses.
pub fn is_resubmission(action: Action, from: Option<State>) -> bool {
    action == Action::Submit && matches!(from, Some(State::Approved | State::PendingApproval))
}

/// Who may take an action: the roles, and whether the person must be an assignee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Who {
    /// Any of these roles.
    pub roles: Vec<Role>,
    /// The person must be one of the case's assignees.
    pub assignee: bool,
}

/// Who may take `action` from `from` on a case assigned via `via`.
pub fn who(action: Action, from: Option<State>, via: Option<Via>) -> Who {
    let roles = |r: &[Role]| Who {
        roles: r.to_vec(),
        assignee: false,
    };
    match action {
        Action::New => roles(&[Role::Csc, Role::Sales, Role::Engineer]),
        // The centre decides when its own clocks stop: an engineer does not pause them.
        Action::Resolve
        | Action::Accept
        | Action::Archive
        | Action::Cancel
        | Action::Hold
        | Action::Resume => roles(&[Role::Csc]),
        Action::Assign => roles(&[Role::Csc, Role::Sales]),
        Action::Submit | Action::Start | Action::Checkin | Action::Complete => Who {
            roles: Vec::new(),
            assignee: true,
        },
        Action::ApproveFlight => roles(&[Role::Manager]),
        Action::Approve | Action::Reject => match (from, via) {
            (Some(State::PendingApproval), Some(Via::Sales)) => {
                roles(&[Role::Lead, Role::SalesLead])
            }
            (Some(State::PendingApproval), _) => roles(&[Role::Lead]),
            (_, Some(Via::Sales)) => roles(&[Role::Csc, Role::Sales]),
            _ => roles(&[Role::Csc]),
        },
    }
}

/// The signatures a task sheet needs before the case may go on site (7.2, 5.2.2).
pub fn task_sheet_signers(via: Option<Via>) -> &'static [Role] {
    match via {
        Some(Via::Sales) => &[Role::Lead, Role::SalesLead],
        _ => &[Role::Lead],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_a_name_that_reads_back() {
        for a in Action::ALL {
            assert_eq!(Action::from_name(a.name()), Some(a));
        }
    }

    #[test]
    fn the_main_line_of_the_procedure_is_connected() {
        let mut state = None;
        for action in [
            Action::New,
            Action::Accept,
            Action::Assign,
            Action::Submit,
            Action::Approve,
            Action::Start,
            Action::Checkin,
            Action::Complete,
            Action::Submit,
            Action::Approve,
            Action::Archive,
        ] {
            let step =
                transition(action, state).unwrap_or_else(|| panic!("{action} from {state:?}"));
            state = Some(step.to);
        }
        assert_eq!(state, Some(State::Archived));
    }

    #[test]
    fn nothing_moves_once_on_site_except_forward() {
        assert!(transition(Action::Cancel, Some(State::OnSite)).is_none());
        assert!(transition(Action::Resolve, Some(State::Accepted)).is_none());
        assert_eq!(legal_from(Action::Archive), vec![State::Reviewed]);
    }

    #[test]
    fn sales_assigned_cases_need_both_leads() {
        assert_eq!(
            task_sheet_signers(Some(Via::Sales)),
            &[Role::Lead, Role::SalesLead]
        );
        assert_eq!(
            who(
                Action::Approve,
                Some(State::PendingReview),
                Some(Via::Sales)
            )
            .roles,
            vec![Role::Csc, Role::Sales]
        );
        assert!(who(Action::Start, Some(State::Approved), None).assignee);
    }
}
