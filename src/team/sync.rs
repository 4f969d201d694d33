//! `svc sync`: fetch what others recorded, put this clone's steps on top, push.
//!
//! Cases never collide: each has its own folder under a unique id, so steps on different
//! cases are simply carried over onto the upstream branch. When a case moved on both sides,
//! the local step is taken again — the same action, by the same person, at the same moment
//! — on the case as upstream left it, through the same checks as any step
//! ([`crate::history::actions::prepare`]): still legal, it is recorded on top (two signatures made
//! apart become one signed task sheet); no longer legal, it is refused, naming both steps,
//! and the forms the person filled in for it are put back in the work tree, uncommitted.
//! The refused commit stays reachable under `refs/svc/refused/`.
//!
//! All of it is worked out in git's object store first; the work tree, the index and the
//! branch move only at the end, in one journaled [`Store::advance`] that refuses to
//! overwrite uncommitted work. A push that loses a race is retried after integrating again.

use crate::forms::Action;
use crate::forms::decode::Timestamp;
use crate::forms::node::{Kind, Node, parse_toml};
use crate::history::actions::{self, Actor, Prepared};
use crate::history::git::{includes, short_branch};
use crate::history::log::{self, Trailers};
use crate::history::store::{self, Store, StoreError, git, list};
use crate::t;
use crate::team::remote::{self, Git, Pushed, RemoteError};
use crate::team::review;
use crate::workspace::Workspace;
use git2::{Commit, ObjectType, Oid, Repository, Sort, Tree};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// How many times a push that lost a race is retried.
pub const ATTEMPTS: usize = 5;

/// Why a sync failed (nothing was changed in the work tree, the index or the branch).
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The repository refused or failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Talking to the remote failed.
    #[error(transparent)]
    Remote(#[from] RemoteError),
    /// A commit made without svc changes files that upstream changed too.
    #[error("{}", t!("team-sync-conflict", commit = .commit, subject = .subject, paths = list(.paths)))]
    Conflict {
        /// The local commit, shortened.
        commit: String,
        /// Its subject line.
        subject: String,
        /// The files changed on both sides.
        paths: Vec<PathBuf>,
    },
    /// A signed commit made without svc cannot be signed again here.
    #[error("{}", t!("team-sync-unsigned", commit = .commit, why = .why))]
    Unsigned {
        /// The local commit, shortened.
        commit: String,
        /// Why it cannot be signed again.
        why: String,
    },
    /// The push failed for another reason than a lost race (after integrating: this
    /// clone has upstream's steps and its own on top).
    #[error("{0}")]
    Push(RemoteError),
    /// Going back to a merged case branch's target failed.
    #[error("{0}")]
    Switch(String),
    /// Others kept pushing first.
    #[error("{}", t!("team-sync-race", count = *.0))]
    Race(usize),
}

/// One recorded step, as a sync reports it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StepRef {
    /// The case.
    pub case: String,
    /// The action (`submit`, `approve`…).
    pub action: String,
    /// Who took it (person id).
    pub actor: String,
    /// When.
    pub at: String,
    /// The state before, as recorded.
    pub from: String,
    /// The state after, as recorded.
    pub to: String,
    /// The commit.
    pub commit: String,
}

impl StepRef {
    fn of(commit: &Commit, t: &Trailers) -> StepRef {
        StepRef {
            case: t.case.clone(),
            action: t.action.to_string(),
            actor: t.actor.clone(),
            at: log::when(commit).format("%Y-%m-%d %H:%M").to_string(),
            from: t.from.map_or("none", |s| s.as_str()).to_string(),
            to: t.to.to_string(),
            commit: commit.id().to_string(),
        }
    }
}

/// A local step that no longer applies upstream.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Refused {
    /// The local step.
    pub local: StepRef,
    /// The last step upstream on the same case, when there is one.
    pub upstream: Option<StepRef>,
    /// Why it no longer applies.
    pub why: String,
    /// Where the refused commit is kept.
    pub kept_as: String,
    /// The person's forms put back in the work tree, uncommitted.
    pub forms: Vec<PathBuf>,
}

/// A local opening of a planned case that upstream had opened already: the same plan, the
/// same date, the same unit, so the same case id. It is dropped, not refused: the case is
/// there.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Duplicate {
    /// The local `new` step.
    pub local: StepRef,
    /// Who opened the case upstream (person id).
    pub opened_by: String,
    /// When, as upstream's `case.toml` says.
    pub opened_at: String,
    /// The plan and the occurrence's date.
    pub plan: String,
    /// The occurrence's date.
    pub occurrence: String,
}

/// What a sync did.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Synced {
    /// The remote.
    pub remote: String,
    /// The branch there.
    pub branch: String,
    /// Commits received from upstream.
    pub received: usize,
    /// Local steps taken again on top of a case that moved upstream.
    pub replayed: Vec<StepRef>,
    /// Local steps refused.
    pub refused: Vec<Refused>,
    /// Local openings of planned cases dropped: upstream had opened the same occurrence.
    pub duplicates: Vec<Duplicate>,
    /// Commits pushed.
    pub pushed: usize,
    /// Pushes that lost a race and were retried.
    pub retries: usize,
    /// Case branches (pull requests) pushed besides the current branch.
    pub case_branches: Vec<String>,
    /// The case branch this clone was on, merged upstream: svc went back to its target.
    pub merged: Option<String>,
}

/// Fetch, integrate, push the current branch (see the module documentation); then push the
/// case branches of pull requests made here that the remote lacks; and when the current
/// branch is a case branch whose pull request was merged, go back to the branch it merged
/// into and sync that. `fault` is called at each of [`store::ADVANCE_FAULT_POINTS`] (tests
/// stop the process there).
pub fn sync(store: &Store, fault: &dyn Fn(&str)) -> Result<Synced, SyncError> {
    let mut synced = sync_branch(store, fault)?;
    let net = Git::new(store.workdir());
    synced.case_branches = push_case_branches(store, &net, &synced.remote)?;
    let (branch, head) = store.head()?;
    let repo = store.repo();
    let Some(target) = review::case_of(&branch).and_then(|_| review::target_of(repo, &branch))
    else {
        return Ok(synced);
    };
    let upstream = remote::upstream(repo, &target)?;
    net.fetch(&upstream.remote, &[&upstream.branch])?;
    let merged = match (head, repo.refname_to_id(&upstream.tracking_ref()).ok()) {
        (Some(head), Some(theirs)) => includes(repo, theirs, head),
        _ => false,
    };
    if !merged {
        return Ok(synced);
    }
    review::switch_to(store, &target).map_err(|e| match e {
        review::ReviewError::Store(e) => SyncError::Store(e),
        e => SyncError::Switch(e.to_string()),
    })?;
    let mut back = sync_branch(store, fault)?;
    back.merged = Some(short_branch(&branch).to_string());
    back.replayed.extend(synced.replayed);
    back.refused.extend(synced.refused);
    back.case_branches = synced.case_branches;
    Ok(back)
}

/// Push every local `case/<id>` branch but the current one that the remote lacks or has
/// behind: a submission made offline reaches its pull request.
fn push_case_branches(store: &Store, net: &Git, remote: &str) -> Result<Vec<String>, SyncError> {
    let repo = store.repo();
    let (current, head) = store.head()?;
    // A branch merged into the current one is finished work (its remote branch may well
    // have been deleted after the merge): never pushed again.
    let merged = |tip: Oid| head.is_some_and(|h| includes(repo, h, tip));
    let mut local = Vec::new();
    for reference in repo
        .references_glob(&format!("refs/heads/{}*", review::BRANCH_PREFIX))
        .map_err(git("listing branches"))?
        .flatten()
    {
        if let (Ok(name), Some(tip)) = (reference.name(), reference.target())
            && name != current
            && !merged(tip)
        {
            local.push((short_branch(name).to_string(), tip));
        }
    }
    if local.is_empty() {
        return Ok(Vec::new());
    }
    net.fetch(remote, &[&format!("{}*", review::BRANCH_PREFIX)])?;
    let mut pushed = Vec::new();
    for (name, tip) in local {
        let theirs = repo
            .refname_to_id(&format!("refs/remotes/{remote}/{name}"))
            .ok();
        let ahead = match theirs {
            None => true,
            Some(theirs) => theirs != tip && includes(repo, tip, theirs),
        };
        if ahead && net.push(remote, &name, &name, true)? == Pushed::Done {
            pushed.push(name);
        }
    }
    Ok(pushed)
}

/// [`sync`] for the current branch alone.
fn sync_branch(store: &Store, fault: &dyn Fn(&str)) -> Result<Synced, SyncError> {
    let lock = store.lock("svc sync", actions::LOCK_WAIT)?;
    store.recover(&lock)?;
    let repo = store.repo();
    let (branch, _) = store.head()?;
    let upstream = remote::upstream(repo, &branch)?;
    let net = Git::new(store.workdir());
    let mut synced = Synced {
        remote: upstream.remote.clone(),
        branch: upstream.branch.clone(),
        ..Synced::default()
    };
    let mut kept: BTreeMap<PathBuf, Vec<u8>> = BTreeMap::new();
    for attempt in 0..ATTEMPTS {
        net.fetch(&upstream.remote, &[&upstream.branch])?;
        let (_, local) = store.head()?;
        let theirs = repo.refname_to_id(&upstream.tracking_ref()).ok();
        let Some(local) = local else {
            return Err(RemoteError::NoRemote(t!(
                "team-sync-unborn",
                branch = short_branch(&branch)
            ))
            .into());
        };
        let tip = match theirs {
            None => local,
            Some(theirs) => {
                let integrated = integrate(store, local, theirs, &mut synced)?;
                if integrated.tip != local {
                    store.advance(&lock, &branch, (local, integrated.tip), fault)?;
                }
                for (name, oid) in &integrated.refs {
                    repo.reference(name, *oid, true, "svc sync: a refused step")
                        .map_err(git("keeping a refused step"))?;
                }
                kept.extend(integrated.forms);
                integrated.tip
            }
        };
        let ahead = count(repo, tip, theirs)?;
        if ahead == 0 {
            restore_forms(store, &kept)?;
            return Ok(synced);
        }
        let pushed = net
            .push(
                &upstream.remote,
                short_branch(&branch),
                &upstream.branch,
                false,
            )
            .map_err(SyncError::Push);
        match pushed? {
            Pushed::Done => {
                synced.pushed = ahead;
                restore_forms(store, &kept)?;
                return Ok(synced);
            }
            Pushed::Behind(_) => synced.retries = attempt + 1,
        }
    }
    restore_forms(store, &kept)?;
    Err(SyncError::Race(ATTEMPTS))
}

/// The commits reachable from `from` and not from `not`.
fn count(repo: &Repository, from: Oid, not: Option<Oid>) -> Result<usize, StoreError> {
    let mut walk = repo.revwalk().map_err(git("walking the history"))?;
    walk.push(from).map_err(git("walking the history"))?;
    if let Some(not) = not {
        walk.hide(not).map_err(git("walking the history"))?;
    }
    Ok(walk.count())
}

/// Put the refused steps' forms back in the work tree, where upstream's version (or
/// nothing) is now.
fn restore_forms(store: &Store, forms: &BTreeMap<PathBuf, Vec<u8>>) -> Result<(), StoreError> {
    for (path, bytes) in forms {
        let file = store.workdir().join(path);
        crate::workspace::fsutil::write_if_changed(&file, bytes)
            .map_err(|source| StoreError::Io { path: file, source })?;
    }
    Ok(())
}

/// What integrating gave: the new tip, refs to keep refused commits, forms to restore.
struct Integrated {
    tip: Oid,
    refs: Vec<(String, Oid)>,
    forms: BTreeMap<PathBuf, Vec<u8>>,
}

/// Put the local commits that upstream lacks on top of upstream, in order.
fn integrate(
    store: &Store,
    local: Oid,
    theirs: Oid,
    synced: &mut Synced,
) -> Result<Integrated, SyncError> {
    let repo = store.repo();
    let mut done = Integrated {
        tip: theirs,
        refs: Vec::new(),
        forms: BTreeMap::new(),
    };
    if includes(repo, local, theirs) {
        done.tip = local;
        return Ok(done);
    }
    let base = repo.merge_base(local, theirs).ok();
    synced.received += count(repo, theirs, base)?;
    if base == Some(local) {
        return Ok(done);
    }
    let mut walk = repo.revwalk().map_err(git("walking the history"))?;
    walk.push(local).map_err(git("walking the history"))?;
    walk.hide(theirs).map_err(git("walking the history"))?;
    walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)
        .map_err(git("walking the history"))?;
    let mine: Vec<Oid> = walk
        .collect::<Result<_, _>>()
        .map_err(git("walking the history"))?;
    let prefix = store.repo_path(Path::new(""));
    let mut upstream_steps = UpstreamSteps::new(repo, theirs, base);
    let mut refused_cases: BTreeSet<String> = BTreeSet::new();
    let scratch = repo
        .path()
        .join("svc")
        .join(format!("sync-{}", std::process::id()));
    let _cleanup = RemoveOnDrop(scratch.clone());
    for oid in mine {
        let commit = repo.find_commit(oid).map_err(git("reading a commit"))?;
        // A merge made by hand joined work that is replayed commit by commit.
        if commit.parent_count() != 1 {
            continue;
        }
        let parent = commit.parent(0).map_err(git("reading a commit"))?;
        let tip = repo
            .find_commit(done.tip)
            .map_err(git("reading a commit"))?;
        let trailers = log::trailers(commit.message().unwrap_or_default());
        let folder = trailers
            .as_ref()
            .and_then(|t| step_folder(repo, &commit, &parent, &prefix, &t.case));
        let (Some(t), Some(folder)) = (trailers, folder) else {
            done.tip = cherry_pick(store, &commit, &parent, &tip)?;
            continue;
        };
        let local_step = StepRef::of(&commit, &t);
        let refuse = |done: &mut Integrated,
                      synced: &mut Synced,
                      upstream: Option<StepRef>,
                      why: String|
         -> Result<(), SyncError> {
            let name = format!(
                "refs/svc/refused/{}/{}",
                t.case,
                &commit.id().to_string()[..10]
            );
            let forms = person_forms(repo, &commit, &parent, &tip, &folder)?;
            let paths = forms.keys().map(|p| strip(p, &prefix)).collect();
            done.forms.extend(forms);
            done.refs.push((name.clone(), commit.id()));
            synced.refused.push(Refused {
                local: local_step.clone(),
                upstream,
                why,
                kept_as: name,
                forms: paths,
            });
            Ok(())
        };
        if refused_cases.contains(&t.case) {
            refuse(&mut done, synced, None, t!("team-sync-after-refused"))?;
            continue;
        }
        let moved = entry(&parent, &folder) != entry(&tip, &folder);
        let shared_moved = SHARED
            .iter()
            .any(|p| entry(&parent, &prefix.join(p)) != entry(&tip, &prefix.join(p)));
        if !moved && !shared_moved {
            done.tip = cherry_pick(store, &commit, &parent, &tip)?;
            continue;
        }
        let upstream = if moved {
            upstream_steps.last(&t.case)?
        } else {
            None
        };
        if t.action == Action::New
            && let Some(duplicate) = same_planned_case(repo, &commit, &tip, &folder, &local_step)
        {
            synced.duplicates.push(duplicate);
            continue;
        }
        if t.action == Action::New {
            refused_cases.insert(t.case.clone());
            refuse(
                &mut done,
                synced,
                upstream,
                t!("team-sync-case-exists", case = &t.case),
            )?;
            continue;
        }
        match retake(store, &scratch, &commit, &parent, &tip, &folder, &t)? {
            Retaken::Recorded(oid) => {
                synced.replayed.push(local_step);
                done.tip = oid;
            }
            Retaken::Refused(why) => {
                refused_cases.insert(t.case.clone());
                refuse(&mut done, synced, upstream, why)?;
            }
        }
    }
    Ok(done)
}

/// What `case.toml` in `folder` says at `commit`: its plan link (plan id, occurrence),
/// who opened it and when.
fn planned_facts(
    repo: &Repository,
    commit: &Commit,
    folder: &Path,
) -> Option<((String, String), String, String)> {
    let id = entry(commit, &folder.join("case.toml"))?;
    let blob = repo.find_blob(id).ok()?;
    let node = parse_toml(std::str::from_utf8(blob.content()).ok()?).ok()?;
    let text = |n: Option<&Node>| match n.map(|n| &n.kind) {
        Some(Kind::Str(s) | Kind::Datetime(s)) => Some(s.clone()),
        _ => None,
    };
    let plan = node.get("plan")?;
    Some((
        (text(plan.get("id"))?, text(plan.get("occurrence"))?),
        text(node.get("opened_by")).unwrap_or_default(),
        text(node.get("opened_at")).unwrap_or_default(),
    ))
}

/// The duplicate a local `new` of a planned case is, when upstream's tip holds the same
/// case opened for the same plan occurrence.
fn same_planned_case(
    repo: &Repository,
    local: &Commit,
    tip: &Commit,
    folder: &Path,
    step: &StepRef,
) -> Option<Duplicate> {
    let (mine, ..) = planned_facts(repo, local, folder)?;
    let (theirs, opened_by, opened_at) = planned_facts(repo, tip, folder)?;
    (mine == theirs).then(|| Duplicate {
        local: step.clone(),
        opened_by,
        opened_at,
        plan: theirs.0,
        occurrence: theirs.1,
    })
}

/// The shared files whose change upstream makes svc re-check every local step.
const SHARED: &[&str] = &[
    "svc.toml",
    "people.toml",
    "customers",
    "catalog",
    "calendar",
    "plans",
];

fn strip(path: &Path, prefix: &Path) -> PathBuf {
    path.strip_prefix(prefix).unwrap_or(path).to_path_buf()
}

/// The tree entry at `path` in a commit's tree.
fn entry(commit: &Commit, path: &Path) -> Option<Oid> {
    commit.tree().ok()?.get_path(path).ok().map(|e| e.id())
}

/// The case folder (repository path) a step commit changed, when it changed only that
/// case's folder.
fn step_folder(
    repo: &Repository,
    commit: &Commit,
    parent: &Commit,
    prefix: &Path,
    case: &str,
) -> Option<PathBuf> {
    let diff = repo
        .diff_tree_to_tree(
            parent.tree().ok().as_ref(),
            commit.tree().ok().as_ref(),
            None,
        )
        .ok()?;
    let mut folders = BTreeSet::new();
    for delta in diff.deltas() {
        let path = delta.new_file().path().or(delta.old_file().path())?;
        folders.insert(log::case_dir(&strip(path, prefix))?);
    }
    let folder = folders.pop_first()?;
    (folders.is_empty() && folder.file_name().is_some_and(|n| n == case))
        .then(|| prefix.join(folder))
}

/// A commit carried over as it is: its changes applied on top of `onto`, same author,
/// committer and message (signed again when it was signed).
fn cherry_pick(
    store: &Store,
    commit: &Commit,
    parent: &Commit,
    onto: &Commit,
) -> Result<Oid, SyncError> {
    let repo = store.repo();
    let base = parent.tree().map_err(git("reading a tree"))?;
    let ours = onto.tree().map_err(git("reading a tree"))?;
    let theirs = commit.tree().map_err(git("reading a tree"))?;
    let mut index = repo
        .merge_trees(&base, &ours, &theirs, None)
        .map_err(git("carrying a commit over"))?;
    if index.has_conflicts() {
        let paths = index
            .conflicts()
            .map_err(git("reading conflicts"))?
            .filter_map(Result::ok)
            .filter_map(|c| c.our.or(c.their).or(c.ancestor))
            .map(|e| PathBuf::from(String::from_utf8_lossy(&e.path).into_owned()))
            .collect();
        return Err(SyncError::Conflict {
            commit: commit.id().to_string()[..10].to_string(),
            subject: commit
                .summary()
                .ok()
                .flatten()
                .unwrap_or_default()
                .to_string(),
            paths,
        });
    }
    let tree = index.write_tree_to(repo).map_err(git("writing a tree"))?;
    let tree = repo.find_tree(tree).map_err(git("reading a tree"))?;
    let message = commit.message().unwrap_or_default();
    let signed =
        was_signed(repo, commit).then(|| log::trailers(message).map_or(Action::New, |t| t.action));
    match recommit(store, commit, message, &tree, onto, signed)? {
        Ok(oid) => Ok(oid),
        Err(why) => Err(SyncError::Unsigned {
            commit: commit.id().to_string()[..10].to_string(),
            why,
        }),
    }
}

fn was_signed(repo: &Repository, commit: &Commit) -> bool {
    repo.extract_signature(&commit.id(), Some("gpgsig")).is_ok()
}

/// Make a commit like `original` (its author and committer) with `message` and `tree` on
/// top of `parent`; signed with the key git signs with here when `sign` names the action.
/// A signature is only ever made by its author: for someone else's step, the reason why
/// not.
fn recommit(
    store: &Store,
    original: &Commit,
    message: &str,
    tree: &Tree,
    parent: &Commit,
    sign: Option<Action>,
) -> Result<Result<Oid, String>, SyncError> {
    let repo = store.repo();
    let (author, committer) = (original.author(), original.committer());
    let Some(action) = sign else {
        return Ok(Ok(repo
            .commit(None, &author, &committer, message, tree, &[parent])
            .map_err(git("making a commit"))?));
    };
    let me = crate::history::git::identity(repo, store.config_sources()).map(|(_, email)| email);
    let theirs = author.email().unwrap_or_default().to_string();
    if !me.is_some_and(|m| m.eq_ignore_ascii_case(&theirs)) {
        return Ok(Err(t!("team-sync-author-signs", author = &theirs)));
    }
    let buffer = repo
        .commit_create_buffer(&author, &committer, message, tree, &[parent])
        .map_err(git("making a commit"))?;
    let signature = crate::history::signing::sign(
        repo,
        store.config_sources(),
        store.svc_dir(),
        action,
        &buffer,
    )
    .map_err(StoreError::from)?;
    let buffer = std::str::from_utf8(&buffer).map_err(|_| StoreError::Io {
        path: PathBuf::from("HEAD"),
        source: std::io::Error::other(t!("team-sync-not-utf8")),
    })?;
    Ok(Ok(repo
        .commit_signed(buffer, &signature, Some("gpgsig"))
        .map_err(git("making a signed commit"))?))
}

/// The files of a case folder, flattened: path inside the folder → (blob, mode).
type Files = BTreeMap<PathBuf, (Oid, i32)>;

fn files_of(repo: &Repository, commit: &Commit, folder: &Path) -> Files {
    let mut files = Files::new();
    let Some(tree) = commit
        .tree()
        .ok()
        .and_then(|t| t.get_path(folder).ok())
        .and_then(|e| repo.find_tree(e.id()).ok())
    else {
        return files;
    };
    let _ = tree.walk(git2::TreeWalkMode::PreOrder, |dir, e| {
        if e.kind() == Some(ObjectType::Blob) {
            let name = e.name().unwrap_or_default();
            files.insert(Path::new(dir).join(name), (e.id(), e.filemode()));
        }
        git2::TreeWalkResult::Ok
    });
    files
}

/// The case folder with the local commit's changes to the forms applied on top of
/// upstream's, file by file; `case.toml` stays upstream's. The forms both sides changed
/// differently, when any.
fn merged_forms(
    repo: &Repository,
    commit: &Commit,
    parent: &Commit,
    tip: &Commit,
    folder: &Path,
) -> (Files, Vec<PathBuf>) {
    let (base, mine, theirs) = (
        files_of(repo, parent, folder),
        files_of(repo, commit, folder),
        files_of(repo, tip, folder),
    );
    let mut merged = theirs.clone();
    let mut clashes = Vec::new();
    let names: BTreeSet<&PathBuf> = base.keys().chain(mine.keys()).collect();
    for name in names {
        if name == Path::new("case.toml") {
            continue;
        }
        let (b, m, t) = (base.get(name), mine.get(name), theirs.get(name));
        if m == b || m == t {
            continue;
        }
        if t != b {
            clashes.push(folder.join(name));
            continue;
        }
        match m {
            Some(m) => merged.insert(name.clone(), *m),
            None => merged.remove(name),
        };
    }
    (merged, clashes)
}

/// The forms (other than `case.toml`) a refused commit changed, as the person wrote them,
/// where upstream has something else: to put back in the work tree.
fn person_forms(
    repo: &Repository,
    commit: &Commit,
    parent: &Commit,
    tip: &Commit,
    folder: &Path,
) -> Result<BTreeMap<PathBuf, Vec<u8>>, StoreError> {
    let (base, mine, theirs) = (
        files_of(repo, parent, folder),
        files_of(repo, commit, folder),
        files_of(repo, tip, folder),
    );
    let mut forms = BTreeMap::new();
    for (name, (id, _)) in &mine {
        if name == Path::new("case.toml")
            || base.get(name).map(|b| b.0) == Some(*id)
            || theirs.get(name).map(|t| t.0) == Some(*id)
        {
            continue;
        }
        let blob = repo.find_blob(*id).map_err(git("reading a form"))?;
        forms.insert(folder.join(name), blob.content().to_vec());
    }
    Ok(forms)
}

/// A tree of flattened files.
fn build_tree(repo: &Repository, files: &Files) -> Result<Option<Oid>, StoreError> {
    let mut here = repo.treebuilder(None).map_err(git("building a tree"))?;
    let mut below: BTreeMap<String, Files> = BTreeMap::new();
    for (path, (id, mode)) in files {
        let mut parts = path.components();
        let Some(first) = parts.next() else { continue };
        let first = first.as_os_str().to_string_lossy().into_owned();
        let rest = parts.as_path();
        if rest.as_os_str().is_empty() {
            here.insert(&first, *id, *mode)
                .map_err(git("building a tree"))?;
        } else {
            below
                .entry(first)
                .or_default()
                .insert(rest.to_path_buf(), (*id, *mode));
        }
    }
    for (name, files) in below {
        if let Some(sub) = build_tree(repo, &files)? {
            here.insert(&name, sub, git2::FileMode::Tree.into())
                .map_err(git("building a tree"))?;
        }
    }
    if here.is_empty() {
        return Ok(None);
    }
    here.write().map(Some).map_err(git("writing a tree"))
}

enum Retaken {
    Recorded(Oid),
    Refused(String),
}

/// Take a local step again on the case as upstream left it: the forms merged, the shared
/// files as upstream has them, checked like any step.
fn retake(
    store: &Store,
    scratch: &Path,
    commit: &Commit,
    parent: &Commit,
    tip: &Commit,
    folder: &Path,
    t: &Trailers,
) -> Result<Retaken, SyncError> {
    let repo = store.repo();
    let (mut files, clashes) = merged_forms(repo, commit, parent, tip, folder);
    if !clashes.is_empty() {
        return Ok(Retaken::Refused(t!(
            "team-sync-upstream-changed",
            paths = list(&clashes)
        )));
    }
    let tip_tree = tip.tree().map_err(git("reading a tree"))?;
    // Check the step on the files as they would be: written out under .git/svc/.
    let _ = std::fs::remove_dir_all(scratch);
    let prefix = store.repo_path(Path::new(""));
    let root = scratch.join(&prefix);
    for shared in SHARED {
        let Ok(e) = tip_tree.get_path(&prefix.join(shared)) else {
            continue;
        };
        let dest = root.join(shared);
        match e.kind() {
            Some(ObjectType::Tree) => {
                let tree = repo.find_tree(e.id()).map_err(git("reading a tree"))?;
                crate::report::snapshot::write_tree(repo, &tree, &dest).map_err(|e| {
                    StoreError::Io {
                        path: dest.clone(),
                        source: std::io::Error::other(e.to_string()),
                    }
                })?;
            }
            _ => write_blob(repo, e.id(), &dest)?,
        }
    }
    let case_dir = strip(folder, &prefix);
    for (name, (id, _)) in &files {
        write_blob(repo, *id, &root.join(&case_dir).join(name))?;
    }
    let ws = Workspace::open(&root);
    let Some(person) = ws.people.get(&t.actor) else {
        return Ok(Retaken::Refused(t!(
            "team-sync-person-gone",
            person = &t.actor
        )));
    };
    let actor = Actor::of(person);
    let case = crate::workspace::case::load(&root, &case_dir);
    let message = commit.message().unwrap_or_default();
    let recorded = commit
        .tree()
        .ok()
        .and_then(|tree| store::blob_at(repo, &tree, &folder.join("case.toml")))
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    let step = actions::recorded_step(t.action, t.from, t.to, message, &recorded);
    let now: Timestamp = log::when(commit);
    let prepared = match actions::prepare(&ws, &actor, now, case, t.action, &step) {
        Ok(p) => p,
        Err(e) => return Ok(Retaken::Refused(refusal(&e))),
    };
    let Prepared { text, message, .. } = prepared;
    let blob = repo.blob(text.as_bytes()).map_err(git("storing a file"))?;
    files.insert(
        PathBuf::from("case.toml"),
        (blob, git2::FileMode::Blob.into()),
    );
    let folder_tree = build_tree(repo, &files)?;
    let parts: Vec<String> = folder
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let root_tree =
        store::replace_at(repo, Some(&tip_tree), &parts, folder_tree)?.ok_or_else(|| {
            StoreError::Io {
                path: folder.to_path_buf(),
                source: std::io::Error::other(t!("team-sync-empty-repository")),
            }
        })?;
    let root_tree = repo.find_tree(root_tree).map_err(git("reading a tree"))?;
    let sign = (ws.signs(t.action) || was_signed(repo, commit)).then_some(t.action);
    let oid = match recommit(store, commit, &message, &root_tree, tip, sign)? {
        Ok(oid) => oid,
        Err(why) => return Ok(Retaken::Refused(why)),
    };
    // Taken again, the step passes what svc check asks of every step.
    Ok(match actions::verify(store, oid) {
        Ok(()) => Retaken::Recorded(oid),
        Err(StoreError::Refused(findings)) => Retaken::Refused(
            findings
                .iter()
                .map(|f| format!("[{}] {}", f.rule, f.message))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        Err(e) => return Err(e.into()),
    })
}

/// A refusal in one sentence, with the rules' messages when those are why.
fn refusal(e: &actions::ActionError) -> String {
    match e {
        actions::ActionError::Rules { findings, .. } => {
            let rules: Vec<String> = findings
                .iter()
                .map(|f| format!("[{}] {}", f.rule, f.message))
                .collect();
            format!("{e}: {}", rules.join("; "))
        }
        _ => e.to_string(),
    }
}

/// Write a file from git to `dest`.
fn write_blob(repo: &Repository, id: Oid, dest: &Path) -> Result<(), StoreError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| StoreError::Io { path, source }
    };
    let blob = repo.find_blob(id).map_err(git("reading a file"))?;
    if let Some(dir) = dest.parent() {
        std::fs::create_dir_all(dir).map_err(io(dir))?;
    }
    std::fs::write(dest, blob.content()).map_err(io(dest))
}

/// The newest step upstream on each case, among the commits this clone did not have.
struct UpstreamSteps<'r> {
    repo: &'r Repository,
    theirs: Oid,
    base: Option<Oid>,
    found: Option<HashMap<String, StepRef>>,
}

impl<'r> UpstreamSteps<'r> {
    fn new(repo: &'r Repository, theirs: Oid, base: Option<Oid>) -> UpstreamSteps<'r> {
        UpstreamSteps {
            repo,
            theirs,
            base,
            found: None,
        }
    }

    fn last(&mut self, case: &str) -> Result<Option<StepRef>, StoreError> {
        if self.found.is_none() {
            let mut found = HashMap::new();
            let mut walk = self.repo.revwalk().map_err(git("walking the history"))?;
            walk.push(self.theirs).map_err(git("walking the history"))?;
            if let Some(base) = self.base {
                walk.hide(base).map_err(git("walking the history"))?;
            }
            walk.set_sorting(Sort::TOPOLOGICAL)
                .map_err(git("walking the history"))?;
            for oid in walk {
                let oid = oid.map_err(git("walking the history"))?;
                let commit = self
                    .repo
                    .find_commit(oid)
                    .map_err(git("reading a commit"))?;
                if let Some(t) = log::trailers(commit.message().unwrap_or_default()) {
                    found
                        .entry(t.case.clone())
                        .or_insert_with(|| StepRef::of(&commit, &t));
                }
            }
            self.found = Some(found);
        }
        Ok(self.found.as_ref().and_then(|f| f.get(case)).cloned())
    }
}

struct RemoveOnDrop(PathBuf);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// How far the current branch and what this clone last fetched of its upstream are apart:
/// (commits to push, commits to receive, `remote/branch`), without the network. `None`
/// when the branch has no upstream or was never fetched.
pub fn standing(store: &Store) -> Option<(usize, usize, String)> {
    let repo = store.repo();
    let (branch, local) = store.head().ok()?;
    let upstream = remote::upstream(repo, &branch).ok()?;
    let theirs = repo.refname_to_id(&upstream.tracking_ref()).ok()?;
    let (ahead, behind) = repo.graph_ahead_behind(local?, theirs).ok()?;
    Some((
        ahead,
        behind,
        format!("{}/{}", upstream.remote, upstream.branch),
    ))
}
