//! The steps of the procedure by name: the vocabulary of commit trailers, of the command
//! line and of `svc.toml`'s `signed_actions`. Which step is legal when, and for whom, is
//! the workflow's table ([`crate::history::workflow`]).

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
    /// Pause the response targets' clocks while the case waits on the customer (5.1.7);
    /// no change of state.
    Hold,
    /// End the pause; no change of state.
    Resume,
}

impl Action {
    /// Every action.
    pub const ALL: [Action; 15] = [
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
        Action::Hold,
        Action::Resume,
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
            Action::Hold => "hold",
            Action::Resume => "resume",
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
            Action::Hold => "svc hold",
            Action::Resume => "svc resume",
        }
    }
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
