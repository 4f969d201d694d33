//! One step of the procedure, the whole of it, for every front end: find the case, enter its
//! branch where pull-request review takes the step there (fetched from the remote first),
//! take the step, push the branch, and work out where the pull request opens. The command
//! line and any other front end call [`take`] and [`open_case`] the same way and only
//! present what they return.

use crate::forms::Action;
use crate::forms::config::ReviewMode;
use crate::forms::decode::Timestamp;
use crate::history::actions::{
    self, ActionError, Actor, Fault, NewCase, Outcome, PlannedCase, Session, Step,
};
use crate::history::git::{ConfigSources, short_branch};
use crate::history::store::{Store, StoreError};
use crate::t;
use crate::team::remote::{self, Git, Pushed};
use crate::team::review::{self, CaseBranch, ReviewError};
use crate::workspace::Workspace;
use crate::workspace::case::{self, LookupError};
use std::path::{Path, PathBuf};

/// Where, when and by whom a step is taken, as the front end knows it.
pub struct Desk<'a> {
    /// The workspace's root.
    pub root: &'a Path,
    /// Where git's configuration (the identity, the signing key) comes from.
    pub sources: &'a ConfigSources,
    /// The moment of the step; `None`: the clock, in the workspace's time zone.
    pub now: Option<Timestamp>,
    /// Where a test may stop the process.
    pub fault: Fault<'a>,
    /// Told what went wrong on the way without stopping the step (a fetch or push that
    /// failed).
    pub notify: &'a dyn Fn(Notice),
}

/// Something the person should know about a step that was still taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The case's branch could not be fetched; the step goes on with what the clone has.
    FetchFailed {
        /// The case's branch.
        branch: String,
        /// The remote.
        remote: String,
        /// What git said.
        error: String,
    },
    /// The branch has no upstream although the clone has remotes.
    NoUpstream {
        /// Why there is none.
        error: String,
    },
    /// The case's branch is not pushed: no upstream to push to.
    NotPushed {
        /// The case's branch.
        branch: String,
        /// Why.
        error: String,
    },
    /// The workspace has no remote yet: the branch stays here.
    NoRemoteYet {
        /// The case's branch.
        branch: String,
    },
    /// The remote refused the push: it has commits this clone lacks.
    Behind {
        /// The remote.
        remote: String,
        /// The case's branch.
        branch: String,
        /// git's summary.
        summary: String,
    },
    /// The push failed; the step is committed here.
    PushFailed {
        /// The remote.
        remote: String,
        /// The case's branch.
        branch: String,
        /// What git said.
        error: String,
    },
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Notice::FetchFailed {
                branch,
                remote,
                error,
            } => t!(
                "team-step-fetch-failed",
                branch = branch,
                remote = remote,
                error = error
            ),
            Notice::NoUpstream { error } => t!("team-step-no-upstream", error = error),
            Notice::NotPushed { branch, error } => {
                t!("team-step-not-pushed", branch = branch, error = error)
            }
            Notice::NoRemoteYet { branch } => t!("team-step-no-remote-yet", branch = branch),
            Notice::Behind {
                remote,
                branch,
                summary,
            } => t!(
                "team-step-behind",
                remote = remote,
                branch = branch,
                summary = summary
            ),
            Notice::PushFailed {
                remote,
                branch,
                error,
            } => t!(
                "team-step-push-failed",
                branch = branch,
                error = error,
                remote = remote
            ),
        };
        f.write_str(&text)
    }
}

/// Why a step was not taken.
#[derive(Debug, thiserror::Error)]
pub enum StepError {
    /// No case, or more than one, answers to the name given.
    #[error(transparent)]
    Lookup(#[from] LookupError),
    /// The step was refused or failed.
    #[error(transparent)]
    Action(#[from] ActionError),
    /// The case's branch could not be taken.
    #[error(transparent)]
    Review(#[from] ReviewError),
    /// The step was refused on the case's branch; `hint` says what else to know.
    #[error("{source}")]
    OnBranch {
        /// The refusal.
        source: Box<StepError>,
        /// There is no case branch, or svc could not switch back.
        hint: String,
    },
}

impl From<StoreError> for StepError {
    fn from(e: StoreError) -> StepError {
        StepError::Action(ActionError::Store(e))
    }
}

/// The workspace, its store and the acting person, opened for a step.
pub struct Opened {
    /// The workspace.
    pub ws: Workspace,
    /// Its repository.
    pub store: Store,
    /// The acting person.
    pub actor: Actor,
}

impl Opened {
    /// The session of a step taken at `now` by the person opened.
    pub fn session<'a>(&'a self, now: Timestamp, fault: Fault<'a>) -> Session<'a> {
        Session {
            ws: &self.ws,
            store: &self.store,
            actor: &self.actor,
            now,
            fault,
        }
    }
}

/// Open the workspace at `root`, its store, and the person git's identity names.
pub fn open(root: &Path, sources: &ConfigSources) -> Result<Opened, ActionError> {
    let ws = Workspace::open(root);
    let store = Store::open(&ws.root)?.with_config_sources(sources.clone());
    let actor = actions::actor(&ws, &store)?;
    Ok(Opened { ws, store, actor })
}

/// A step taken, and where it went.
#[derive(Debug, Clone)]
pub struct Taken {
    /// What the step did.
    pub outcome: Outcome,
    /// In pull-request mode, the case's branch and its pull request; `None` for a step
    /// taken where HEAD is.
    pub review: Option<Review>,
}

/// Where a step taken on a case's branch stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// The branch the step is on.
    pub branch: String,
    /// The branch it merges into, as the remote names it; `None` when the case had no
    /// branch and the step was taken where HEAD is.
    pub target: Option<String>,
    /// The remote pushed to (or that would have been).
    pub remote: Option<String>,
    /// Whether the remote took the branch.
    pub pushed: bool,
    /// Where the forge opens the pull request, when svc can tell.
    pub pull_request: Option<String>,
}

impl Desk<'_> {
    fn now(&self, ws: &Workspace) -> Timestamp {
        self.now
            .or_else(|| ws.clock())
            .unwrap_or_else(|| chrono::Utc::now().with_timezone(&ws.offset()))
    }
}

/// Whether, in pull-request mode, the action is taken on the case's branch.
pub fn through_branch(action: Action) -> bool {
    matches!(action, Action::Submit | Action::Approve | Action::Reject)
}

/// Take `action` on the case `query` names (any unique prefix or suffix of its id). An
/// assignment also says whom it takes while they are away on another case
/// ([`crate::report::away::clashes`]), among the outcome's notices.
pub fn take(desk: &Desk, action: Action, query: &str, step: &Step) -> Result<Taken, StepError> {
    let mut taken = take_step(desk, action, query, step)?;
    if action == Action::Assign {
        let ws = Workspace::open(desk.root);
        let now = desk.now(&ws);
        // The index is read to go faster, not written: a step leaves the cache as it was.
        let mut index = crate::workspace::index::Index::of_workspace(&ws.root);
        let validation = crate::rules::validate::validate_with(&ws, None, now, index.as_mut());
        let clashes = crate::report::away::clashes(
            &ws,
            &validation.cases,
            &taken.outcome.dir,
            &step.assignees,
            now,
        );
        taken.outcome.notices.extend(clashes);
    }
    Ok(taken)
}

fn take_step(desk: &Desk, action: Action, query: &str, step: &Step) -> Result<Taken, StepError> {
    let opened = open(desk.root, desk.sources)?;
    let (ws, store) = (&opened.ws, &opened.store);
    let review_mode = ws.review_mode() == ReviewMode::PullRequest;
    let dir = match case::find(&ws.root, query) {
        Ok(dir) => dir,
        // Reviewing by pull request, the case may so far be only on its branch: svc
        // switches to it, then looks again.
        Err(e) => {
            let review = review_mode && matches!(action, Action::Approve | Action::Reject);
            if !(review && enter_from_remote(desk, store, query)?) {
                return Err(e.into());
            }
            let ws = Workspace::open(desk.root);
            case::find(&ws.root, query)?;
            return take_step(desk, action, query, step);
        }
    };
    if review_mode {
        if through_branch(action) {
            return on_branch(desk, action, ws, store, &dir, step);
        }
        review::guard(store, Some(&case_id(&dir)))?;
    }
    let outcome = actions::act(
        &opened.session(desk.now(ws), desk.fault),
        &dir,
        action,
        step,
    )?;
    Ok(Taken {
        outcome,
        review: None,
    })
}

/// Record a new request as a new case (8.1, 5.3.1); in pull-request mode never on a case's
/// branch.
pub fn open_case(desk: &Desk, new: &NewCase) -> Result<Outcome, StepError> {
    open_new(desk, |session| actions::open_case(session, new))
}

/// Open the case of a maintenance plan's occurrence (see [`actions::open_planned`]); in
/// pull-request mode never on a case's branch.
pub fn open_planned(desk: &Desk, planned: &PlannedCase) -> Result<Outcome, StepError> {
    open_new(desk, |session| actions::open_planned(session, planned))
}

/// Open a new case with `record`, on the main line (never on a case's branch).
fn open_new(
    desk: &Desk,
    record: impl FnOnce(&Session) -> Result<Outcome, ActionError>,
) -> Result<Outcome, StepError> {
    let opened = open(desk.root, desk.sources)?;
    if opened.ws.review_mode() == ReviewMode::PullRequest {
        review::guard(&opened.store, None)?;
    }
    let session = opened.session(desk.now(&opened.ws), desk.fault);
    Ok(record(&session)?)
}

/// The id of the case in a folder (the folder's name).
fn case_id(dir: &Path) -> String {
    dir.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Take `action` on the case in `dir` on the case's branch, and push the branch.
fn on_branch(
    desk: &Desk,
    action: Action,
    ws: &Workspace,
    store: &Store,
    dir: &Path,
    step: &Step,
) -> Result<Taken, StepError> {
    let id = case_id(dir);
    let name = review::branch(&id);
    let now = desk.now(ws);
    let (head, _) = store.head()?;
    let git = Git::new(store.workdir());
    let remote = remote_of(desk, store, &head);
    if let Some(remote) = &remote
        && let Err(e) = git.fetch(remote, &[&name])
    {
        (desk.notify)(Notice::FetchFailed {
            branch: name.clone(),
            remote: remote.clone(),
            error: e.to_string(),
        });
    }
    let entered = review::enter(store, &id, remote.as_deref(), action == Action::Submit)?;
    // The case's branch may hold other versions of the shared files: read them again.
    let opened = match open(desk.root, desk.sources) {
        Ok(opened) => opened,
        Err(e) => return Err(undo(store, entered.as_ref(), e.into())),
    };
    let (ws, store) = (&opened.ws, &opened.store);
    let outcome = match actions::act(&opened.session(now, desk.fault), dir, action, step) {
        Ok(outcome) => outcome,
        Err(e) => {
            let nowhere = entered.is_none() && matches!(e, ActionError::WrongState { .. });
            let mut err = StepError::Action(e);
            if nowhere {
                let hint = match &remote {
                    Some(remote) => t!(
                        "team-step-no-branch-here-or-on",
                        branch = &name,
                        remote = remote
                    ),
                    None => t!("team-step-no-branch-here", branch = &name),
                };
                err = StepError::OnBranch {
                    source: Box::new(err),
                    hint,
                };
            }
            return Err(undo(store, entered.as_ref(), err));
        }
    };
    let Some(entered) = entered else {
        // No case branch anywhere, and the case was waiting where HEAD is: a plain step.
        return Ok(Taken {
            outcome,
            review: Some(Review {
                branch: short_branch(&head).to_string(),
                target: None,
                remote: None,
                pushed: false,
                pull_request: None,
            }),
        });
    };
    let (pushed_to, pushed) = push(desk, &git, store, &entered.branch);
    let repo = store.repo();
    let target = entered
        .target
        .clone()
        .or_else(|| {
            pushed_to
                .as_deref()
                .and_then(|r| review::default_branch(repo, r))
        })
        .unwrap_or_else(|| "main".to_string());
    // The pull request is between the branches as the remote names them.
    let target_there = remote::upstream(repo, &target)
        .map(|u| u.branch)
        .unwrap_or_else(|_| target.clone());
    let pull_request = pushed_to
        .as_deref()
        .and_then(|r| remote::url(repo, r))
        .and_then(|u| review::pull_request_url(&u, ws.forge(), &entered.branch, &target_there));
    Ok(Taken {
        outcome,
        review: Some(Review {
            branch: entered.branch,
            target: Some(target_there),
            remote: pushed_to,
            pushed,
            pull_request,
        }),
    })
}

/// A case this checkout does not have yet (its submission was pushed, the branch here not
/// synced since): fetch the remote's case branches and switch to the one `query` names.
/// False when there is none (or no remote to ask).
fn enter_from_remote(desk: &Desk, store: &Store, query: &str) -> Result<bool, StepError> {
    let (head, _) = store.head()?;
    let Some(remote) = remote_of(desk, store, &head) else {
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
    let ids: Vec<PathBuf> = store
        .repo()
        .references_glob(&format!("{prefix}*"))
        .map(|refs| {
            refs.flatten()
                .filter_map(|r| r.name().ok()?.strip_prefix(&prefix).map(Into::into))
                .collect()
        })
        .unwrap_or_default();
    let Ok(found) = case::lookup(&ids, query) else {
        return Ok(false);
    };
    review::enter(store, &found.to_string_lossy(), Some(&remote), false)?;
    Ok(true)
}

/// The remote the branch at HEAD syncs with; `None`, said why where it matters, when there
/// is none to use.
fn remote_of(desk: &Desk, store: &Store, head: &str) -> Option<String> {
    match remote::upstream(store.repo(), head) {
        Ok(upstream) => Some(upstream.remote),
        Err(e) => {
            if has_remotes(store) {
                (desk.notify)(Notice::NoUpstream {
                    error: e.to_string(),
                });
            }
            None
        }
    }
}

fn has_remotes(store: &Store) -> bool {
    store.repo().remotes().is_ok_and(|r| !r.is_empty())
}

/// Push the case's branch, recording it as the branch's upstream: the remote (or the one it
/// would have been) and whether it took the branch. A failure leaves the step committed
/// here, and says so.
fn push(desk: &Desk, git: &Git, store: &Store, branch: &str) -> (Option<String>, bool) {
    let upstream = match remote::upstream(store.repo(), branch) {
        Ok(upstream) => upstream,
        Err(e) => {
            (desk.notify)(if has_remotes(store) {
                Notice::NotPushed {
                    branch: branch.to_string(),
                    error: e.to_string(),
                }
            } else {
                Notice::NoRemoteYet {
                    branch: branch.to_string(),
                }
            });
            return (None, false);
        }
    };
    let remote = upstream.remote.clone();
    let done = match git.push(&remote, branch, &upstream.branch, true) {
        Ok(Pushed::Done) => true,
        Ok(Pushed::Behind(summary)) => {
            (desk.notify)(Notice::Behind {
                remote: remote.clone(),
                branch: branch.to_string(),
                summary,
            });
            false
        }
        Err(e) => {
            (desk.notify)(Notice::PushFailed {
                remote: remote.clone(),
                branch: branch.to_string(),
                error: e.to_string(),
            });
            false
        }
    };
    (Some(remote), done)
}

/// Switch back after a refused step (the refusal is `err`); if even that fails, say how.
fn undo(store: &Store, entered: Option<&CaseBranch>, err: StepError) -> StepError {
    let Some(entered) = entered else {
        return err;
    };
    match review::leave(store, entered) {
        Ok(()) => err,
        Err(e) => {
            let back = short_branch(&entered.came_from);
            StepError::OnBranch {
                source: Box::new(err),
                hint: t!(
                    "team-step-switch-back-failed",
                    error = e.to_string(),
                    branch = back
                ),
            }
        }
    }
}
