//! What the step commands share: the case argument, a note, and turning the core's
//! outcome or refusal into output and an exit code — in pull-request mode with where the
//! case's branch and its pull request stand.

use crate::cli::error::{CliError, CliResult};
use crate::cli::{Env, done};
use std::path::Path;
use svc::forms::Action;
use svc::history::actions::{ActionError, Outcome, Step};
use svc::history::store::StoreError;
use svc::t;
use svc::team;
use svc::team::refusal;
use svc::team::review::ReviewError;
use svc::team::step::{Desk, Notice, Review, StepError};

/// A case and an optional note.
#[derive(Debug, clap::Args)]
pub struct CaseNote {
    /// The case (any unique prefix or suffix of its id)
    pub case: String,
    /// A note for the record (the commit message's body)
    #[arg(long)]
    pub note: Option<String>,
}

/// A case and the reason for sending it back or cancelling it.
#[derive(Debug, clap::Args)]
pub struct CaseReason {
    /// The case (any unique prefix or suffix of its id)
    pub case: String,
    /// Why (required)
    #[arg(long)]
    pub reason: Option<String>,
}

/// The process stops dead at the named point of a transition, for the crash tests.
pub fn fault_hook() -> impl Fn(&str) {
    let point = std::env::var("SVC_FAULT").ok();
    move |here: &str| {
        if point.as_deref() == Some(here) {
            std::process::abort();
        }
    }
}

/// Run `f` at the desk a step is taken at (the workspace's root, git's configuration as the
/// environment says, the tests' pinned clock, notices shown as they come), and report its
/// refusal.
pub fn at_desk<T>(env: &Env, f: impl FnOnce(&Desk) -> Result<T, StepError>) -> Result<T, CliError> {
    let root = env.root()?;
    let now = env.pinned_now()?;
    let sources = env.git_sources();
    let hook = fault_hook();
    let notify = |notice: Notice| env.ui.note(notice.to_string());
    f(&Desk {
        root: &root,
        sources: &sources,
        now,
        fault: &hook,
        notify: &notify,
    })
    .map_err(|e| step_error(e, env, &root))
}

/// Take `action` on the case named in `query`.
pub fn run(env: &Env, action: Action, query: &str, step: Step) -> CliResult {
    let taken = at_desk(env, |desk| team::step::take(desk, action, query, &step))?;
    match &taken.review {
        Some(review) => report_review(env, action, &taken.outcome, review),
        None => report(env, action, &taken.outcome),
    }
}

/// Print what a step did.
pub fn report(env: &Env, action: Action, o: &Outcome) -> CliResult {
    if env.ui.json {
        env.ui.json(&outcome_json(action, o))?;
        return done();
    }
    env.ui.line(outcome_line(action, o));
    for notice in &o.notices {
        env.ui.warning(notice);
    }
    done()
}

/// A step as JSON: case, action, from, to, commit.
pub fn outcome_json(action: Action, o: &Outcome) -> serde_json::Value {
    serde_json::json!({
        "case": o.case,
        "action": action.name(),
        "from": o.from.map(|s| s.as_str()),
        "to": o.to.as_str(),
        "commit": o.commit.to_string(),
        "notices": o.notices,
    })
}

/// A step as one line: `submit SR-…: assigned -> pending-approval (commit 0123456789)`.
pub fn outcome_line(action: Action, o: &Outcome) -> String {
    let from = o.from.map_or("none", |s| s.as_str());
    let short = &o.commit.to_string()[..10];
    format!("{action} {}: {from} -> {} (commit {short})", o.case, o.to)
}

/// A refusal or failure of the core, as the command line reports it.
pub fn action_error(e: ActionError, env: &Env, root: &Path) -> CliError {
    match &e {
        ActionError::Unreadable(_, findings) => eprint!("{}", env.ui.findings(root, findings)),
        ActionError::Rules {
            findings,
            unwritten,
            ..
        } => eprint!("{}", env.ui.findings_in(root, findings, unwritten)),
        _ => {}
    }
    if let ActionError::Store(e) = e {
        return store_error(e);
    }
    let err = if refusal::action_is_environment(&e) {
        CliError::env(e.to_string())
    } else {
        CliError::refused(e.to_string())
    };
    with_hint(err, refusal::action_hint(&e))
}

fn with_hint(err: CliError, hint: Option<String>) -> CliError {
    match hint {
        Some(hint) => err.hint(hint),
        None => err,
    }
}

/// A refusal or failure of the repository.
pub fn store_error(e: StoreError) -> CliError {
    if let StoreError::Refused(findings) = &e {
        eprint!(
            "{}",
            crate::cli::ui::Ui::plain().findings(Path::new("."), findings)
        );
    }
    let err = if refusal::store_is_environment(&e) {
        CliError::env(e.to_string())
    } else {
        CliError::refused(e.to_string())
    };
    with_hint(err, refusal::store_hint(&e))
}

/// A step not taken, as the command line reports it.
pub fn step_error(e: StepError, env: &Env, root: &Path) -> CliError {
    match e {
        StepError::Lookup(e) => e.into(),
        StepError::Action(e) => action_error(e, env, root),
        StepError::Review(e) => review_error(e),
        StepError::OnBranch { source, hint } => step_error(*source, env, root).hint(hint),
    }
}

/// A refusal or failure about the case's branch, as the command line reports it.
fn review_error(e: ReviewError) -> CliError {
    if let ReviewError::Store(e) = e {
        return store_error(e);
    }
    with_hint(CliError::refused(e.to_string()), refusal::review_hint(&e))
}

/// Print a step taken in pull-request mode: the step, the push, and where the pull request
/// stands.
fn report_review(env: &Env, action: Action, outcome: &Outcome, review: &Review) -> CliResult {
    let branch = &review.branch;
    if env.ui.json {
        let mut json = outcome_json(action, outcome);
        json["branch"] = branch.as_str().into();
        json["target"] = review.target.as_deref().into();
        json["remote"] = review.remote.as_deref().into();
        json["pushed"] = review.pushed.into();
        json["pull_request"] = review.pull_request.as_deref().into();
        env.ui.json(&json)?;
        return done();
    }
    env.ui.line(outcome_line(action, outcome));
    for notice in &outcome.notices {
        env.ui.warning(notice);
    }
    // No case branch anywhere, and the case was waiting where HEAD is: a plain step.
    let Some(target) = &review.target else {
        return done();
    };
    if review.pushed
        && let Some(remote) = &review.remote
    {
        env.ui.line(t!(
            "cli-review-pushed",
            branch = branch.as_str(),
            remote = remote.as_str()
        ));
    }
    let (branch, target) = (branch.as_str(), target.as_str());
    let line = match (action, &review.pull_request, review.remote.as_deref()) {
        (Action::Submit, Some(url), _) => t!("cli-review-open-url", url = url.as_str()),
        (Action::Submit, None, Some(remote)) => t!(
            "cli-review-open-on",
            remote = remote,
            branch = branch,
            target = target
        ),
        (Action::Submit, None, None) => t!("cli-review-open", branch = branch, target = target),
        (Action::Reject, _, _) => t!("cli-review-rejected", branch = branch),
        (_, _, Some(remote)) => t!(
            "cli-review-merge-on",
            remote = remote,
            branch = branch,
            target = target
        ),
        (_, _, None) => t!("cli-review-merge", branch = branch, target = target),
    };
    env.ui.line(line);
    done()
}
