//! The step commands in pull-request mode (design §8): a submission, an approval or a
//! rejection is taken on the case's branch and pushed, and the person is told where to open
//! the pull request or what merging it does.

use crate::cli::commands::step;
use crate::cli::error::{CliError, CliResult};
use crate::cli::{Env, done};
use std::path::Path;
use svc::forms::Action;
use svc::history::actions::{self, ActionError, Outcome, Session, Step};
use svc::history::git::short_branch;
use svc::history::store::Store;
use svc::team::remote::{self, Git, Pushed};
use svc::team::review::{self, CaseBranch, ReviewError};
use svc::workspace::Workspace;

/// Whether, in pull-request mode, the action is taken on the case's branch.
pub fn through_branch(action: Action) -> bool {
    matches!(action, Action::Submit | Action::Approve | Action::Reject)
}

/// Refuse a step on `case` (`None`: a new case) while the clone is on another case's branch.
pub fn guard(ws: &Workspace, store: &Store, case: Option<&str>) -> Result<(), CliError> {
    review::guard(store, case).map_err(|e| error(e, ws))
}

/// What became of the push.
struct Push {
    /// The remote pushed to (or that would have been).
    remote: Option<String>,
    /// Whether the remote took the branch.
    done: bool,
}

/// Take `action` on the case in `dir` on the case's branch, push the branch, and say where
/// the pull request stands.
pub fn run(
    env: &Env,
    action: Action,
    ws: &Workspace,
    store: &Store,
    dir: &Path,
    step: &Step,
) -> CliResult {
    let id = step::case_id(dir);
    let name = review::branch(&id);
    let now = env.now(ws)?;
    let (head, _) = store.head().map_err(|e| step::store_error(e, ws))?;
    let workdir = store
        .repo()
        .workdir()
        .ok_or_else(|| CliError::env("the repository has no work tree"))?
        .to_path_buf();
    let git = Git::new(&workdir);
    let remote = remote_of(env, store, &head);
    if let Some(remote) = &remote
        && let Err(e) = git.fetch(remote, &[&name])
    {
        env.ui.note(format!(
            "warning: {name} could not be fetched from {remote}, going on with what this clone has: {e}"
        ));
    }
    let entered = review::enter(store, &id, remote.as_deref(), action == Action::Submit)
        .map_err(|e| error(e, ws))?;
    // The case's branch may hold other versions of the shared files: read them again.
    let (ws, store, actor) = match step::open(env) {
        Ok(opened) => opened,
        Err(e) => return Err(undo(store, entered.as_ref(), e)),
    };
    let hook = step::fault_hook();
    let session = Session {
        ws: &ws,
        store: &store,
        actor: &actor,
        now,
        fault: &hook,
    };
    let outcome = match actions::act(&session, dir, action, step) {
        Ok(outcome) => outcome,
        Err(e) => {
            let nowhere = entered.is_none() && matches!(e, ActionError::WrongState { .. });
            let mut err = step::action_error(e, env, &ws);
            if nowhere {
                let there = remote
                    .as_deref()
                    .map(|r| format!(" or on {r}"))
                    .unwrap_or_default();
                err = err.hint(format!(
                    "there is no branch {name} here{there}: was the submission pushed?"
                ));
            }
            return Err(undo(&store, entered.as_ref(), err));
        }
    };
    let Some(entered) = entered else {
        // No case branch anywhere, and the case was waiting where HEAD is: a plain step.
        if env.ui.json {
            let mut json = step::outcome_json(action, &outcome);
            json["branch"] = short_branch(&head).into();
            json["target"] = serde_json::Value::Null;
            json["remote"] = serde_json::Value::Null;
            json["pushed"] = false.into();
            json["pull_request"] = serde_json::Value::Null;
            env.ui.json(&json)?;
            return done();
        }
        return step::report(env, action, &outcome);
    };
    let push = push(env, &git, &store, &entered.branch);
    report(env, action, &ws, &store, &outcome, &entered, &push)
}

/// A case this checkout does not have yet (its submission was pushed, the branch here not
/// synced since): fetch the remote's case branches and switch to the one `query` names.
/// False when there is none (or no remote to ask).
pub fn enter_from_remote(
    env: &Env,
    ws: &Workspace,
    store: &Store,
    query: &str,
) -> Result<bool, CliError> {
    let (head, _) = store.head().map_err(|e| step::store_error(e, ws))?;
    let Some(remote) = remote_of(env, store, &head) else {
        return Ok(false);
    };
    let git = Git::new(store.workdir());
    if git
        .fetch(&remote, &[&format!("{}*", review::BRANCH_PREFIX)])
        .is_err()
    {
        return Ok(false);
    }
    let prefix = format!("refs/remotes/{remote}/{}", review::BRANCH_PREFIX);
    let ids: Vec<std::path::PathBuf> = store
        .repo()
        .references_glob(&format!("{prefix}*"))
        .map(|refs| {
            refs.flatten()
                .filter_map(|r| r.name().ok()?.strip_prefix(&prefix).map(Into::into))
                .collect()
        })
        .unwrap_or_default();
    let Ok(found) = svc::workspace::case::lookup(&ids, query) else {
        return Ok(false);
    };
    review::enter(store, &found.to_string_lossy(), Some(&remote), false)
        .map_err(|e| error(e, ws))?;
    Ok(true)
}

/// The remote the branch at HEAD syncs with; `None`, said why where it matters, when there
/// is none to use.
fn remote_of(env: &Env, store: &Store, head: &str) -> Option<String> {
    match remote::upstream(store.repo(), head) {
        Ok(upstream) => Some(upstream.remote),
        Err(e) => {
            if has_remotes(store) {
                env.ui.note(format!(
                    "warning: {e}; the case's branch is neither fetched nor pushed"
                ));
            }
            None
        }
    }
}

fn has_remotes(store: &Store) -> bool {
    store.repo().remotes().is_ok_and(|r| !r.is_empty())
}

/// Push the case's branch, recording it as the branch's upstream. A failure leaves the step
/// committed here, and says so.
fn push(env: &Env, git: &Git, store: &Store, branch: &str) -> Push {
    let upstream = match remote::upstream(store.repo(), branch) {
        Ok(upstream) => upstream,
        Err(e) => {
            if has_remotes(store) {
                env.ui.note(format!("warning: {branch} is not pushed: {e}"));
            } else {
                env.ui.note(format!(
                    "this workspace has no remote yet: {branch} stays here, and `svc sync` pushes it once there is one"
                ));
            }
            return Push {
                remote: None,
                done: false,
            };
        }
    };
    let remote = upstream.remote.clone();
    let done = match git.push(&remote, branch, &upstream.branch, true) {
        Ok(Pushed::Done) => true,
        Ok(Pushed::Behind(summary)) => {
            env.ui.note(format!(
                "warning: {remote} refused {branch} ({summary}): it has commits this clone lacks; `svc sync` brings them in and pushes"
            ));
            false
        }
        Err(e) => {
            env.ui.note(format!(
                "warning: the step is committed on {branch} here but not pushed: {e}\n`svc sync` pushes it when {remote} can be reached"
            ));
            false
        }
    };
    Push {
        remote: Some(remote),
        done,
    }
}

/// Print the step, the push, and where the pull request stands.
fn report(
    env: &Env,
    action: Action,
    ws: &Workspace,
    store: &Store,
    outcome: &Outcome,
    entered: &CaseBranch,
    push: &Push,
) -> CliResult {
    let repo = store.repo();
    let branch = &entered.branch;
    let target = entered
        .target
        .clone()
        .or_else(|| {
            push.remote
                .as_deref()
                .and_then(|r| review::default_branch(repo, r))
        })
        .unwrap_or_else(|| "main".to_string());
    // The pull request is between the branches as the remote names them.
    let target_there = remote::upstream(repo, &target)
        .map(|u| u.branch)
        .unwrap_or_else(|_| target.clone());
    let url = push
        .remote
        .as_deref()
        .and_then(|r| remote::url(repo, r))
        .and_then(|u| review::pull_request_url(&u, ws.forge(), branch, &target_there));
    if env.ui.json {
        let mut json = step::outcome_json(action, outcome);
        json["branch"] = branch.as_str().into();
        json["target"] = target_there.as_str().into();
        json["remote"] = push.remote.as_deref().into();
        json["pushed"] = push.done.into();
        json["pull_request"] = url.as_deref().into();
        env.ui.json(&json)?;
        return done();
    }
    env.ui.line(step::outcome_line(action, outcome));
    if push.done
        && let Some(remote) = &push.remote
    {
        env.ui.line(format!("pushed {branch} to {remote}"));
    }
    let on = push
        .remote
        .as_deref()
        .map(|r| format!(" on {r}"))
        .unwrap_or_default();
    match action {
        Action::Submit => match &url {
            Some(url) => env.ui.line(format!("open the pull request: {url}")),
            None => env.ui.line(format!(
                "open a pull request{on} from {branch} into {target_there}"
            )),
        },
        Action::Reject => env.ui.line(format!(
            "the pull request from {branch} stays open: the case is back with its submitter, who submits again on that branch"
        )),
        _ => env.ui.line(format!(
            "merging the pull request from {branch} into {target_there}{on} brings the approval to {target_there}"
        )),
    }
    done()
}

/// Switch back after a refused step (the refusal is `err`); if even that fails, say how.
fn undo(store: &Store, entered: Option<&CaseBranch>, err: CliError) -> CliError {
    let Some(entered) = entered else {
        return err;
    };
    match review::leave(store, entered) {
        Ok(()) => err,
        Err(e) => {
            let back = short_branch(&entered.came_from);
            err.hint(format!(
                "svc could not switch back ({e}): git switch {back}"
            ))
        }
    }
}

/// A refusal or failure about the case's branch, as the command line reports it.
pub fn error(e: ReviewError, ws: &Workspace) -> CliError {
    let message = e.to_string();
    match e {
        ReviewError::WouldOverwrite { .. } => CliError::refused(message).hint(
            "commit them, put them aside (git stash) or undo them, then try again",
        ),
        ReviewError::Diverged { branch, remote } => CliError::refused(message).hint(format!(
            "`git log --oneline {branch}...{remote}/{branch}` shows both sides; bring them together with git (git switch {branch}, git pull) and try again"
        )),
        ReviewError::OtherCase { back_to, .. } => CliError::refused(message).hint(format!(
            "go back first: git switch {}",
            back_to.as_deref().unwrap_or("main")
        )),
        ReviewError::Unborn(_) => {
            CliError::refused(message).hint("a case branch starts from a commit: commit first")
        }
        ReviewError::Store(e) => step::store_error(e, ws),
    }
}
