//! What the step commands share: the case argument, a note, and turning the core's
//! outcome or refusal into output and an exit code.

use crate::cli::commands::review;
use crate::cli::error::{CliError, CliResult};
use crate::cli::{Env, done};
use std::path::Path;
use svc::forms::Action;
use svc::forms::config::ReviewMode;
use svc::history::actions::{self, ActionError, Actor, Outcome, Session, Step};
use svc::history::signing::SignError;
use svc::history::store::{Store, StoreError};
use svc::workspace::Workspace;
use svc::workspace::case;

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

/// The workspace, its store and the acting person.
pub fn open(env: &Env) -> Result<(Workspace, Store, Actor), CliError> {
    let ws = env.workspace()?;
    let store = Store::open(&ws.root)
        .map_err(|e| store_error(e, &ws))?
        .with_config_sources(env.git_sources());
    let actor = actions::actor(&ws, &store).map_err(|e| action_error(e, env, &ws))?;
    Ok((ws, store, actor))
}

/// The id of the case in a folder (the folder's name).
pub fn case_id(dir: &Path) -> String {
    dir.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
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

/// Take `action` on the case named in `query`.
pub fn run(env: &Env, action: Action, query: &str, step: Step) -> CliResult {
    let (ws, store, actor) = open(env)?;
    let dir = match case::find(&ws.root, query) {
        Ok(dir) => dir,
        // Reviewing by pull request, the case may so far be only on its branch: svc
        // switches to it, then looks again.
        Err(e) => {
            let review = ws.review_mode() == ReviewMode::PullRequest
                && matches!(action, Action::Approve | Action::Reject);
            if !(review && review::enter_from_remote(env, &ws, &store, query)?) {
                return Err(e.into());
            }
            let (ws, ..) = open(env)?;
            case::find(&ws.root, query)?;
            return run(env, action, query, step);
        }
    };
    if ws.review_mode() == ReviewMode::PullRequest {
        if review::through_branch(action) {
            return review::run(env, action, &ws, &store, &dir, &step);
        }
        review::guard(&ws, &store, Some(&case_id(&dir)))?;
    }
    let now = env.now(&ws)?;
    let hook = fault_hook();
    let session = Session {
        ws: &ws,
        store: &store,
        actor: &actor,
        now,
        fault: &hook,
    };
    let outcome =
        actions::act(&session, &dir, action, &step).map_err(|e| action_error(e, env, &ws))?;
    report(env, action, &outcome)
}

/// Print what a step did.
pub fn report(env: &Env, action: Action, o: &Outcome) -> CliResult {
    if env.ui.json {
        env.ui.json(&outcome_json(action, o))?;
        return done();
    }
    env.ui.line(outcome_line(action, o));
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
    })
}

/// A step as one line: `submit SR-…: assigned -> pending-approval (commit 0123456789)`.
pub fn outcome_line(action: Action, o: &Outcome) -> String {
    let from = o.from.map_or("none", |s| s.as_str());
    let short = &o.commit.to_string()[..10];
    format!("{action} {}: {from} -> {} (commit {short})", o.case, o.to)
}

/// A refusal or failure of the core, as the command line reports it.
pub fn action_error(e: ActionError, env: &Env, ws: &Workspace) -> CliError {
    let message = e.to_string();
    match e {
        ActionError::NoIdentity => CliError::env(message).hint("git config user.email you@example.com (the e-mail of your entry in people.toml)"),
        ActionError::UnknownPerson(_) => CliError::refused(message)
            .hint("ask an admin to add you to people.toml, or set git's user.email to the e-mail listed there"),
        ActionError::Unreadable(_, findings) => {
            eprint!("{}", env.ui.findings(&ws.root, &findings));
            CliError::refused(message).hint("fix the findings above (svc validate shows them all), then try again")
        }
        ActionError::Rules { findings, unwritten, .. } => {
            eprint!("{}", env.ui.findings_in(&ws.root, &findings, &unwritten));
            CliError::refused(message).hint("fix the findings above (svc validate shows them all), then try again")
        }
        ActionError::WrongState { case, .. } => CliError::refused(message).hint(format!("`svc show {case}` shows where the case stands; `svc log {case}` how it got there")),
        ActionError::Role { .. } => CliError::refused(message).hint("the roles are in people.toml; an admin changes them"),
        ActionError::SelfApproval { .. } => CliError::refused(message).hint("nobody approves their own submission: another person with the role must"),
        ActionError::Invalid(_, hint) => CliError::refused(message).hint(hint),
        ActionError::Store(e) => store_error(e, ws),
    }
}

/// A refusal or failure of the repository.
pub fn store_error(e: StoreError, _ws: &Workspace) -> CliError {
    let message = e.to_string();
    match e {
        StoreError::Detached => CliError::refused(message)
            .hint("check out the workspace's branch first: git switch main"),
        StoreError::Busy(_) => CliError::refused(message)
            .hint("finish or abort it first (git merge --abort, git rebase --abort…)"),
        StoreError::Moved(_) => CliError::env(message).hint("try again"),
        StoreError::Dirty(_) => CliError::refused(message).hint(
            "nothing was changed; take the step those edits belong to (or move them aside), then try again",
        ),
        StoreError::Locked(_) => {
            CliError::env(message).hint("wait for it to finish, then try again")
        }
        StoreError::NotARepository => {
            CliError::env(message).hint("`svc init` makes the workspace a git repository")
        }
        StoreError::Io { .. } | StoreError::Git { .. } => CliError::env(message),
        StoreError::Sign(e) => sign_error(e),
    }
}

/// A commit that could not be signed.
fn sign_error(e: SignError) -> CliError {
    let message = e.to_string();
    match e {
        SignError::NoKey(_) => CliError::refused(message).hint(
            "name your SSH key, the one people.toml lists as your signing_key: git config user.signingkey ~/.ssh/id_ed25519",
        ),
        SignError::Spawn { .. } => CliError::env(message)
            .hint("install OpenSSH's ssh-keygen, or name the program in git's gpg.ssh.program"),
        SignError::Failed { .. } => CliError::env(message).hint(
            "check the key git's user.signingkey names; for a public key, ssh-agent must hold its private half (ssh-add)",
        ),
        SignError::Io { .. } => CliError::env(message),
    }
}
