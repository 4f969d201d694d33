//! The procedure as a state machine (design §5): which action moves a case from which
//! state to which, and who may take it. Pure data and pure functions; carrying an action
//! out (editing `case.toml`, committing) is [`crate::history::actions`]'s job.

use crate::forms::State;
use crate::forms::config::Role;

/// A step of the procedure, as named on the command line and in commit trailers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    /// Record a new request (8.1, 5.3.1).
    New,
    /// Close a request solved by phone (flow chart).
    Resolve,
    /// Accept on-site service, fees agreed (8.1, 5.1.1–5.1.2).
    Accept,
    /// Name the engineers (8.2, 5.1.3, 5.2.1).
    Assign,
    /// Hand in the task sheet (8.3) or, after the trip, the travel log and summary (8.6).
    Submit,
    /// Sign the task sheet (7.2, 5.1.4, 5.2.2) or accept the records (5.1.6, 5.2.4).
    Approve,
    /// Approve flying (7.4); no change of state.
    ApproveFlight,
    /// Send a submission back.
    Reject,
    /// Set off for the site (8.4).
    Start,
    /// Report to the company while travelling (7.5); no change of state.
    Checkin,
    /// Finish the work on site, records filled in (8.5).
    Complete,
    /// File the case (7.10).
    Archive,
    /// Cancel before the trip.
    Cancel,
}

impl Action {
    /// Every action.
    pub const ALL: [Action; 13] = [
        Action::New,
        Action::Resolve,
        Action::Accept,
        Action::Assign,
        Action::Submit,
        Action::Approve,
        Action::ApproveFlight,
        Action::Reject,
        Action::Start,
        Action::Checkin,
        Action::Complete,
        Action::Archive,
        Action::Cancel,
    ];

    /// The name used in commit trailers.
    pub fn name(self) -> &'static str {
        match self {
            Action::New => "new",
            Action::Resolve => "resolve",
            Action::Accept => "accept",
            Action::Assign => "assign",
            Action::Submit => "submit",
            Action::Approve => "approve",
            Action::ApproveFlight => "approve-flight",
            Action::Reject => "reject",
            Action::Start => "start",
            Action::Checkin => "checkin",
            Action::Complete => "complete",
            Action::Archive => "archive",
            Action::Cancel => "cancel",
        }
    }

    /// The action named `name`.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.name() == name)
    }

    /// The command that takes the action.
    pub fn command(self) -> &'static str {
        match self {
            Action::ApproveFlight => "svc approve --flight",
            Action::New => "svc new",
            Action::Resolve => "svc resolve",
            Action::Accept => "svc accept",
            Action::Assign => "svc assign",
            Action::Submit => "svc submit",
            Action::Approve => "svc approve",
            Action::Reject => "svc reject",
            Action::Start => "svc start",
            Action::Checkin => "svc checkin",
            Action::Complete => "svc complete",
            Action::Archive => "svc archive",
            Action::Cancel => "svc cancel",
        }
    }
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

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
    t(
        Action::Submit,
        Some(State::Assigned),
        State::PendingApproval,
        "8.3",
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

/// The transition an action takes from a state, if it is legal there.
pub fn transition(action: Action, from: Option<State>) -> Option<&'static Transition> {
    TABLE.iter().find(|t| t.action == action && t.from == from)
}

/// The states an action may be taken in.
pub fn legal_from(action: Action) -> Vec<State> {
    TABLE
        .iter()
        .filter(|t| t.action == action)
        .filter_map(|t| t.from)
        .collect()
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
        Action::Resolve | Action::Accept | Action::Archive | Action::Cancel => roles(&[Role::Csc]),
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
