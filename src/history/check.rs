//! `svc check`: the history replayed, and every commit judged by what it changes — an
//! ordinary commit, a merge, and the step svc is about to record alike (one set of rules,
//! one implementation: [`judge_step`] is what a step runs before it moves the branch).
//!
//! A commit is judged path by path, so its cost is that of what it changed:
//!
//! - the shared files (people, settings, catalog, templates) change only by an admin;
//!   customers' files (their warranty ends and agreements decide billing, 9.1) only by the
//!   CSC, its lead or an admin — roles as people.toml stood before the commit;
//! - a step's commit touches only the folder of the case its trailers name, and a commit
//!   touches one case at most;
//! - nothing vanishes: a case folder is never deleted or renamed, and a form the case's
//!   state needs is never removed;
//! - what is reviewed or closed is frozen, and a signed task sheet changes only with the
//!   step that sends it back for signature;
//! - `case.toml` changes only through svc's steps: a legal transition, by a person with
//!   the role, not approving their own submission, changing only the fields the step owns,
//!   recording exactly what the step records (one approval covering the commit's content,
//!   one check-in) at the commit's own time, never before the step that brought the case
//!   where it is; signed where svc.toml asks;
//! - a merge may bring in each side's changes where the other side did not change the same
//!   file; anything else it holds — a conflict resolved, one side's change dropped, a
//!   file reverted — it wrote itself, and is judged as a commit by its author;
//! - the only root commit is the workspace's own first one.

use crate::forms::config::{People, Role};
use crate::forms::decode::{Timestamp, decode_root};
use crate::forms::finding::{Finding, Location};
use crate::forms::node::{Kind, Node, Syntax, parse_toml};
use crate::forms::{Action, FormKind, State, flight_label};
use crate::history::log::{Trailers, case_dir, is_shared, trailers, when};
use crate::history::signing::{self, Problem};
use crate::history::store::{Store, StoreError, git};
use crate::history::verified::{Tip, Verified};
use crate::history::workflow::{self, Via};
use crate::t;
use git2::{Commit, ObjectType, Oid, Repository, Sort, Tree};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// Replay the history (all of it, or the commits after `base`) and report every commit the
/// procedure does not explain (see the module documentation). A `base` that is not an
/// ancestor of HEAD means the history was rewritten since: that is the one finding then.
/// Commits judged before are remembered ([`crate::history::verified`]) unless `full`; the
/// others are judged on every core.
pub fn check(store: &Store, base: Option<Oid>, full: bool) -> Result<Vec<Finding>, StoreError> {
    let repo = store.repo();
    let Some(head) = repo.head().ok().and_then(|h| h.target()) else {
        return Ok(Vec::new());
    };
    if let Some(base) = base
        && base != head
        && !repo
            .graph_descendant_of(head, base)
            .map_err(git("comparing commits"))?
    {
        let short = &base.to_string()[..10];
        let mut f = Finding::error(
            "history",
            Location::file(""),
            t!("history-base-rewritten", short = short),
        )
        .hint(t!("history-base-rewritten-hint"));
        f.commit = Some(base.to_string());
        return Ok(vec![f]);
    }
    let mut verified = if full {
        Verified::default()
    } else {
        Verified::read(store.svc_dir())
    };
    let found = match verified.tip().cloned() {
        Some(tip) if base.is_none() => since_tip(store, &mut verified, head, &tip)?,
        _ => None,
    };
    let found = match found {
        Some(found) => found,
        None => walk_all(store, &mut verified, head, base)?,
    };
    // Remembering is a help, not a need: a folder that cannot be written changes nothing.
    let _ = verified.save(store.svc_dir());
    Ok(found)
}

/// The commits reachable from `head` and not from `hidden`, parents before children.
fn commits_between(
    repo: &Repository,
    head: Oid,
    hidden: Option<Oid>,
) -> Result<Vec<Oid>, StoreError> {
    let mut walk = repo.revwalk().map_err(git("walking the history"))?;
    walk.push(head).map_err(git("walking the history"))?;
    if let Some(hidden) = hidden {
        walk.hide(hidden).map_err(git("walking the history"))?;
    }
    walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)
        .map_err(git("walking the history"))?;
    walk.collect::<Result<_, _>>()
        .map_err(git("walking the history"))
}

/// Judge `commits` (parents first) where the memory has no judgement, remembering the new
/// ones; the roots, whose judgement depends on which root is the workspace's own, are
/// judged against `first_root` (worked out only when there is a root). Each commit's
/// findings, in the order of `commits`, and which of them are roots.
fn judge_commits(
    store: &Store,
    verified: &mut Verified,
    commits: &[Oid],
    first_root: impl FnOnce() -> Option<Oid>,
) -> Result<(Vec<Vec<Finding>>, Vec<Oid>), StoreError> {
    let repo = store.repo();
    let mut found: Vec<Option<Vec<Finding>>> = commits
        .iter()
        .map(|c| verified.get(*c).map(<[Finding]>::to_vec))
        .collect();
    let mut roots = Vec::new();
    let mut todo = Vec::new();
    for (i, oid) in commits.iter().enumerate() {
        if found[i].is_some() {
            continue;
        }
        let commit = repo.find_commit(*oid).map_err(git("reading a commit"))?;
        if commit.parent_count() == 0 {
            roots.push(i);
        } else {
            todo.push(i);
        }
    }
    for (i, findings) in judge_all(store, commits, &todo)? {
        verified.insert(commits[i], findings.clone());
        found[i] = Some(findings);
    }
    let first = if roots.is_empty() { None } else { first_root() };
    for &i in &roots {
        found[i] = Some(judge_root(store, commits[i], first)?);
    }
    let found = found.into_iter().map(Option::unwrap_or_default).collect();
    Ok((found, roots.into_iter().map(|i| commits[i]).collect()))
}

/// A root commit's findings: none for the workspace's own first commit (`first`).
fn judge_root(store: &Store, root: Oid, first: Option<Oid>) -> Result<Vec<Finding>, StoreError> {
    let repo = store.repo();
    let mut judge = Judge::new(repo, store.repo_path(Path::new("")), true);
    if first != Some(root) {
        let commit = repo.find_commit(root).map_err(git("reading a commit"))?;
        judge.report(
            &commit,
            Location::file(""),
            t!("history-second-root"),
            t!("history-second-root-hint"),
        );
    }
    Ok(judge.findings)
}

/// Every commit from `head` back (to `base`), judged or remembered; without a base, `head`
/// becomes the remembered tip.
fn walk_all(
    store: &Store,
    verified: &mut Verified,
    head: Oid,
    base: Option<Oid>,
) -> Result<Vec<Finding>, StoreError> {
    let repo = store.repo();
    let commits = commits_between(repo, head, base)?;
    let mut first_root = None;
    let (found, roots) = judge_commits(store, verified, &commits, || {
        first_root = first_parent_root(repo, head);
        first_root
    })?;
    if base.is_none() {
        let first_root = match first_root {
            Some(root) => Some(root),
            None => first_parent_root(repo, head),
        };
        if let Some(first_root) = first_root {
            let flagged = commits
                .iter()
                .zip(&found)
                .filter(|(c, f)| !f.is_empty() && !roots.contains(c))
                .map(|(c, _)| *c)
                .collect();
            verified.set_tip(Tip {
                commit: head,
                first_root,
                roots,
                flagged,
            });
        }
    }
    Ok(found.into_iter().flatten().collect())
}

/// The answer for a `head` that is the remembered tip or descends from it, walking only
/// the commits the tip's history does not hold; `None` when `head` does not descend from
/// it, or its first parents lead to another root than the tip's (the whole walk then).
fn since_tip(
    store: &Store,
    verified: &mut Verified,
    head: Oid,
    tip: &Tip,
) -> Result<Option<Vec<Finding>>, StoreError> {
    let repo = store.repo();
    if head != tip.commit
        && !repo
            .graph_descendant_of(head, tip.commit)
            .map_err(git("comparing commits"))?
    {
        return Ok(None);
    }
    let new = commits_between(repo, head, Some(tip.commit))?;
    // HEAD's first parents must come back to the tip's history through the tip itself.
    let fresh: std::collections::HashSet<Oid> = new.iter().copied().collect();
    let mut on = head;
    while fresh.contains(&on) {
        let commit = repo.find_commit(on).map_err(git("reading a commit"))?;
        match commit.parent_id(0) {
            Ok(parent) => on = parent,
            Err(_) => return Ok(None),
        }
    }
    if on != tip.commit {
        return Ok(None);
    }
    let mut found = Vec::new();
    for c in &tip.flagged {
        let Some(f) = verified.get(*c) else {
            return Ok(None);
        };
        found.extend_from_slice(f);
    }
    for root in &tip.roots {
        found.extend(judge_root(store, *root, Some(tip.first_root))?);
    }
    let (judged, roots) = judge_commits(store, verified, &new, || Some(tip.first_root))?;
    let mut next = tip.clone();
    next.commit = head;
    next.roots.extend(&roots);
    for (c, f) in new.iter().zip(judged) {
        if !f.is_empty() && !roots.contains(c) {
            next.flagged.push(*c);
        }
        found.extend(f);
    }
    verified.set_tip(next);
    Ok(Some(found))
}

/// Findings by the index of the commit judged.
type ByIndex = Vec<(usize, Vec<Finding>)>;

/// Judge the commits at `todo` (indexes into `commits`) on every core, each thread with its
/// own handle on the repository: their findings, by index.
fn judge_all(store: &Store, commits: &[Oid], todo: &[usize]) -> Result<ByIndex, StoreError> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(todo.len().div_ceil(64).max(1));
    let git_dir = store.repo().path().to_path_buf();
    let prefix = store.repo_path(Path::new(""));
    let results: Vec<Result<ByIndex, StoreError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let (git_dir, prefix) = (&git_dir, &prefix);
                scope.spawn(move || {
                    let repo = Repository::open(git_dir).map_err(git("opening the repository"))?;
                    let mut judge = Judge::new(&repo, prefix.clone(), true);
                    let mut out = Vec::new();
                    // Neighbouring commits share most of their trees: each thread takes
                    // a run of them, so that the parent's trees are still in its cache.
                    let run = todo.len().div_ceil(threads);
                    for &i in todo.iter().skip(t * run).take(run) {
                        let commit = repo
                            .find_commit(commits[i])
                            .map_err(git("reading a commit"))?;
                        if commit.parent_count() == 1 {
                            let parent = commit.parent(0).map_err(git("reading a commit"))?;
                            judge.commit(&commit, &parent)?;
                        } else {
                            judge.merge(&commit)?;
                        }
                        out.push((i, std::mem::take(&mut judge.findings)));
                    }
                    Ok(out)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(StoreError::Io {
                        path: PathBuf::from("svc check"),
                        source: std::io::Error::other(t!("history-thread-stopped")),
                    })
                })
            })
            .collect()
    });
    let mut all = Vec::new();
    for r in results {
        all.extend(r?);
    }
    Ok(all)
}

/// Judge one commit as `svc check` will (its signature aside, which svc makes itself):
/// what a step runs on the commit it made before moving the branch to it.
pub fn judge_step(store: &Store, commit: Oid) -> Result<Vec<Finding>, StoreError> {
    let repo = store.repo();
    let commit = repo.find_commit(commit).map_err(git("reading a commit"))?;
    let Ok(parent) = commit.parent(0) else {
        return Ok(Vec::new());
    };
    let mut judge = Judge::new(repo, store.repo_path(Path::new("")), false);
    judge.commit(&commit, &parent)?;
    Ok(judge.findings)
}

/// The root commit on HEAD's first-parent line: the workspace's own first commit.
fn first_parent_root(repo: &Repository, head: Oid) -> Option<Oid> {
    let mut commit = repo.find_commit(head).ok()?;
    while let Ok(parent) = commit.parent(0) {
        commit = parent;
    }
    Some(commit.id())
}

/// One file a commit changed: its path in the workspace and its blob before and after.
#[derive(Debug, Clone)]
struct Change {
    path: PathBuf,
    old: Option<Oid>,
    new: Option<Oid>,
}

/// The history's judge: the caches it keeps while walking, and what it found.
struct Judge<'s> {
    repo: &'s Repository,
    /// The workspace's folder in the repository (empty at the root).
    prefix: PathBuf,
    /// Whether to verify the signatures svc.toml asks for.
    signatures: bool,
    rosters: HashMap<Option<Oid>, Roster>,
    signed: HashMap<Option<Oid>, BTreeSet<Action>>,
    bases: HashMap<(Oid, Oid), Option<Oid>>,
    /// The case.toml files read as a commit's new side, which the next step of the case
    /// reads as its old side (taken out then).
    case_files: HashMap<Oid, Rc<Parsed>>,
    findings: Vec<Finding>,
}

/// A case.toml as the rules read it: its values, and the facts in them.
#[derive(Debug, Default)]
struct Parsed {
    node: Option<Node>,
    facts: Option<Facts>,
}

/// How many parsed case.toml files a judge keeps for the next step of their case.
const KEPT_CASE_FILES: usize = 4096;

/// A person as people.toml stood at one commit.
#[derive(Debug, Clone)]
struct Member {
    id: String,
    roles: Vec<Role>,
    signing_key: Option<String>,
}

/// Who is who at one commit, by e-mail (lower case: git's identity lookup ignores case).
type Roster = HashMap<String, Member>;

/// The commit being judged, as the rules need it.
struct Judged<'c> {
    commit: &'c Commit<'c>,
    email: String,
    author: Option<Member>,
    time: Timestamp,
    trailers: Option<Trailers>,
    signed: BTreeSet<Action>,
    merge: bool,
    /// No people.toml is committed to judge the author by.
    unlisted: bool,
}

impl<'s> Judge<'s> {
    fn new(repo: &'s Repository, prefix: PathBuf, signatures: bool) -> Judge<'s> {
        Judge {
            repo,
            prefix,
            signatures,
            rosters: HashMap::new(),
            signed: HashMap::new(),
            bases: HashMap::new(),
            case_files: HashMap::new(),
            findings: Vec::new(),
        }
    }

    fn report(&mut self, commit: &Commit, location: Location, message: String, hint: String) {
        let short = &commit.id().to_string()[..10];
        let message = t!("history-commit", short = short, message = message);
        let mut f = Finding::error("history", location, message).hint(hint);
        f.commit = Some(commit.id().to_string());
        self.findings.push(f);
    }

    /// The blob at a workspace path in a tree.
    fn blob(&self, tree: &Tree, path: &Path) -> Option<Oid> {
        tree.get_path(&self.prefix.join(path))
            .ok()
            .filter(|e| e.kind() == Some(ObjectType::Blob))
            .map(|e| e.id())
    }

    /// The case.toml with blob `id`, parsed: taken from what the step before left when
    /// `old`, kept for the case's next step otherwise.
    fn case_toml(&mut self, id: Option<Oid>, old: bool) -> Rc<Parsed> {
        let Some(id) = id else {
            return Rc::default();
        };
        let kept = if old {
            self.case_files.remove(&id)
        } else {
            self.case_files.get(&id).cloned()
        };
        if let Some(parsed) = kept {
            return parsed;
        }
        let node = self.bytes(Some(id)).as_deref().and_then(node_of);
        let facts = node.as_ref().map(facts);
        let parsed = Rc::new(Parsed { node, facts });
        if !old {
            if self.case_files.len() >= KEPT_CASE_FILES {
                self.case_files.clear();
            }
            self.case_files.insert(id, Rc::clone(&parsed));
        }
        parsed
    }

    fn bytes(&self, id: Option<Oid>) -> Option<Vec<u8>> {
        Some(self.repo.find_blob(id?).ok()?.content().to_vec())
    }

    /// The files a commit changed against `parent`, as workspace paths.
    fn diff(&self, parent: &Tree, tree: &Tree) -> Result<Vec<Change>, StoreError> {
        let at = |t: &Tree| -> Option<Tree<'s>> {
            if self.prefix.as_os_str().is_empty() {
                self.repo.find_tree(t.id()).ok()
            } else {
                let e = t.get_path(&self.prefix).ok()?;
                self.repo.find_tree(e.id()).ok()
            }
        };
        let mut changes = Vec::new();
        tree_changes(
            self.repo,
            at(parent).as_ref(),
            at(tree).as_ref(),
            Path::new(""),
            &mut changes,
        )
        .map_err(git("comparing trees"))?;
        Ok(changes)
    }

    fn roster(&mut self, tree: &Tree) -> Roster {
        let people = self.blob(tree, Path::new("people.toml"));
        if let Some(roster) = self.rosters.get(&people) {
            return roster.clone();
        }
        let roster = self.bytes(people).map(|b| roster(&b)).unwrap_or_default();
        self.rosters.insert(people, roster.clone());
        roster
    }

    fn signed_actions(&mut self, tree: &Tree) -> BTreeSet<Action> {
        let settings = self.blob(tree, Path::new(crate::workspace::SETTINGS_FILE));
        if let Some(signed) = self.signed.get(&settings) {
            return signed.clone();
        }
        let signed = self
            .bytes(settings)
            .map(|b| signed_actions(&b))
            .unwrap_or_default();
        self.signed.insert(settings, signed.clone());
        signed
    }

    fn judged<'c>(
        &mut self,
        commit: &'c Commit<'c>,
        before: &Tree,
        after: &Tree,
        merge: bool,
    ) -> Judged<'c> {
        let email = commit.author().email().unwrap_or_default().to_lowercase();
        // Roles are those of people.toml before the commit; the commit that first brings
        // people.toml in is judged by what it brings (as the workspace's first commit is).
        let people = Path::new("people.toml");
        let roles_from = if self.blob(before, people).is_none() {
            after
        } else {
            before
        };
        let author = self.roster(roles_from).get(&email).cloned();
        let unlisted = self.blob(roles_from, people).is_none();
        Judged {
            commit,
            email,
            author,
            time: when(commit),
            trailers: if merge {
                None
            } else {
                trailers(commit.message().unwrap_or_default())
            },
            signed: self.signed_actions(before),
            merge,
            unlisted,
        }
    }

    /// An ordinary commit: everything it changed against its parent.
    fn commit(&mut self, commit: &Commit, parent: &Commit) -> Result<(), StoreError> {
        let tree = commit.tree().map_err(git("reading a tree"))?;
        let before = parent.tree().map_err(git("reading a tree"))?;
        let changes = self.diff(&before, &tree)?;
        let judged = self.judged(commit, &before, &tree, false);
        self.judge(&judged, &before, &tree, &changes)
    }

    /// A merge: only what it wrote itself (see the module documentation), judged against
    /// the parent it differs from.
    fn merge(&mut self, commit: &Commit) -> Result<(), StoreError> {
        let tree = commit.tree().map_err(git("reading a tree"))?;
        let parents: Vec<Commit> = commit.parents().collect();
        let trees: Vec<Tree> = parents
            .iter()
            .map(Commit::tree)
            .collect::<Result<_, _>>()
            .map_err(git("reading a tree"))?;
        let mut written: BTreeMap<PathBuf, (usize, Change)> = BTreeMap::new();
        for (i, side) in trees.iter().enumerate() {
            for change in self.diff(side, &tree)? {
                if written.contains_key(&change.path) {
                    continue;
                }
                let mut explained = false;
                for (j, other) in trees.iter().enumerate().filter(|(j, _)| *j != i) {
                    if self.blob(other, &change.path) != change.new {
                        continue;
                    }
                    // Unrelated histories (an orphan branch merged in) meet at the empty
                    // tree, as git merges them: a file only one side has, that side brought.
                    let at_base = self
                        .base(parents[i].id(), parents[j].id())
                        .and_then(|b| self.repo.find_commit(b).ok())
                        .and_then(|b| b.tree().ok())
                        .and_then(|b| self.blob(&b, &change.path));
                    if at_base == change.old {
                        explained = true;
                        break;
                    }
                }
                if !explained {
                    written.insert(change.path.clone(), (i, change));
                }
            }
        }
        // The case.toml a merge wrote: steps are never merged, they are taken again.
        let mut reported: BTreeSet<PathBuf> = BTreeSet::new();
        for (path, (_, change)) in &written {
            if path.file_name().is_some_and(|n| n == "case.toml")
                && let Some(dir) = case_dir(path)
            {
                let anyone = trees.iter().any(|t| self.blob(t, path) == change.new);
                let shown = path.display().to_string();
                let message = if change.new.is_none() {
                    t!("history-merge-deleted-case", path = &shown)
                } else if anyone {
                    t!("history-merge-took-side", path = &shown)
                } else {
                    t!("history-merge-wrote-case")
                };
                self.report(
                    commit,
                    Location::file(path),
                    message,
                    t!("history-merge-case-hint"),
                );
                reported.insert(dir);
            }
        }
        let mut by_side: BTreeMap<usize, Vec<Change>> = BTreeMap::new();
        for (path, (side, change)) in written {
            if case_dir(&path).is_some_and(|d| reported.contains(&d)) {
                continue;
            }
            by_side.entry(side).or_default().push(change);
        }
        // Roles and settings as the branch merged into had them.
        let judged = self.judged(commit, &trees[0], &tree, true);
        for (side, changes) in by_side {
            self.judge(&judged, &trees[side], &tree, &changes)?;
        }
        Ok(())
    }

    fn base(&mut self, a: Oid, b: Oid) -> Option<Oid> {
        let key = if a < b { (a, b) } else { (b, a) };
        if let Some(base) = self.bases.get(&key) {
            return *base;
        }
        let base = self.repo.merge_base(a, b).ok();
        self.bases.insert(key, base);
        base
    }

    /// Judge what a commit changed (`changes`, from `before` to `after`).
    fn judge(
        &mut self,
        c: &Judged,
        before: &Tree,
        after: &Tree,
        changes: &[Change],
    ) -> Result<(), StoreError> {
        let commit = c.commit;
        let who = c.author.as_ref().map_or(c.email.clone(), |m| m.id.clone());
        let holds = |role: Role| c.author.as_ref().is_some_and(|m| m.roles.contains(&role));
        for change in changes {
            let path = &change.path;
            if is_shared(path) && !holds(Role::Admin) {
                self.report(
                    commit,
                    Location::file(path),
                    t!(
                        "history-shared-not-admin",
                        path = path.display().to_string(),
                        email = &c.email
                    ),
                    t!("history-shared-not-admin-hint"),
                );
            } else if path.starts_with("customers")
                && !(holds(Role::Csc) || holds(Role::Lead) || holds(Role::Admin))
            {
                self.report(
                    commit,
                    Location::file(path),
                    t!(
                        "history-customers-not-csc",
                        path = path.display().to_string(),
                        email = &c.email
                    ),
                    t!("history-customers-not-csc-hint"),
                );
            }
        }
        let cases: BTreeSet<PathBuf> = changes.iter().filter_map(|c| case_dir(&c.path)).collect();
        let step_case = c.trailers.as_ref().map(|t| t.case.clone());
        if let Some(case) = &step_case {
            let outside: Vec<&Change> = changes
                .iter()
                .filter(|ch| case_dir(&ch.path).is_none_or(|d| !d.ends_with(case)))
                .collect();
            if let Some(first) = outside.first() {
                let paths: Vec<String> = outside
                    .iter()
                    .map(|c| c.path.display().to_string())
                    .collect();
                self.report(
                    commit,
                    Location::file(&first.path),
                    t!(
                        "history-step-outside",
                        case = case,
                        paths = paths.join(", ")
                    ),
                    t!("history-step-outside-hint"),
                );
            }
        } else if cases.len() > 1 {
            let names: Vec<String> = cases
                .iter()
                .filter_map(|c| c.file_name().map(|n| n.to_string_lossy().into_owned()))
                .collect();
            self.report(
                commit,
                Location::file(cases.iter().next().cloned().unwrap_or_default()),
                t!(
                    "history-many-cases",
                    count = cases.len(),
                    cases = names.join(", ")
                ),
                t!("history-many-cases-hint"),
            );
        }
        if let Some(t) = c
            .trailers
            .as_ref()
            .filter(|t| self.signatures && c.signed.contains(&t.action))
        {
            let key = c.author.as_ref().and_then(|m| m.signing_key.as_deref());
            let problem = signing::verify(self.repo, commit.id(), key).err();
            // Someone not in people.toml is reported below; only a missing signature is
            // worth saying then.
            if let Some(problem) = problem.filter(|p| c.author.is_some() || *p == Problem::Unsigned)
            {
                let (what, hint) = signature_finding(t.action, &who, problem);
                let place = cases
                    .iter()
                    .find(|d| d.ends_with(&t.case))
                    .or(cases.iter().next())
                    .map_or_else(
                        || Location::file(crate::workspace::SETTINGS_FILE),
                        |d| Location::file(d.join("case.toml")),
                    );
                self.report(commit, place, what, hint);
            }
        }
        for dir in cases {
            let inside: Vec<&Change> = changes
                .iter()
                .filter(|ch| ch.path.starts_with(&dir))
                .collect();
            self.judge_case(c, before, after, &dir, &inside);
        }
        Ok(())
    }

    /// Judge what a commit changed in one case folder.
    fn judge_case(
        &mut self,
        c: &Judged,
        before: &Tree,
        after: &Tree,
        dir: &Path,
        changes: &[&Change],
    ) {
        let commit = c.commit;
        let file = dir.join("case.toml");
        let here = Location::file(&file);
        let id = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (old_id, new_id) = (self.blob(before, &file), self.blob(after, &file));
        let before_parsed = self.case_toml(old_id, true);
        let after_parsed = self.case_toml(new_id, false);
        let (old, old_facts) = (before_parsed.node.as_ref(), before_parsed.facts.clone());
        let (new, new_facts) = (after_parsed.node.as_ref(), after_parsed.facts.clone());
        let who = c
            .author
            .as_ref()
            .map_or(c.email.as_str(), |m| m.id.as_str())
            .to_string();
        // Nothing vanishes: no step removes a case.
        if old_id.is_some() && new_id.is_none() {
            let message = if tree_exists(after, &self.prefix.join(dir)) {
                t!("history-case-toml-removed", case = &id, person = &who)
            } else {
                t!("history-case-deleted", case = &id, person = &who)
            };
            self.report(commit, here, message, t!("history-case-removed-hint"));
            return;
        }
        let state_before = old_facts.as_ref().and_then(|f| f.state);
        let is_step = c.trailers.as_ref().is_some_and(|t| t.case == id);
        // What is reviewed or closed is frozen: only the archive step moves a reviewed case.
        if let Some(state) = state_before.filter(|s| s.is_closed() || *s == State::Reviewed) {
            let archiving = state == State::Reviewed
                && is_step
                && c.trailers
                    .as_ref()
                    .is_some_and(|t| t.action == Action::Archive)
                && changes.iter().all(|ch| ch.path == file);
            if !archiving {
                let paths: Vec<String> = changes
                    .iter()
                    .map(|ch| {
                        ch.path
                            .strip_prefix(dir)
                            .unwrap_or(&ch.path)
                            .display()
                            .to_string()
                    })
                    .collect();
                self.report(
                    commit,
                    here,
                    t!(
                        "history-frozen",
                        case = &id,
                        state = state.as_str(),
                        paths = paths.join(", "),
                        person = &who
                    ),
                    t!("history-frozen-hint"),
                );
                return;
            }
        }
        // A form the case's state needs is never removed.
        let state_now = new_facts.as_ref().and_then(|f| f.state).or(state_before);
        let forms_after = forms_in(self, after, dir);
        for change in changes
            .iter()
            .filter(|ch| ch.old.is_some() && ch.new.is_none())
        {
            let inner = change.path.strip_prefix(dir).unwrap_or(&change.path);
            let Some(form) = form_of(inner) else { continue };
            let still = form != FormKind::Visit
                && forms_after
                    .keys()
                    .any(|p| form_of(Path::new(p)) == Some(form));
            if !still && state_now.is_some_and(|s| needs(s, form)) {
                self.report(
                    commit,
                    Location::file(&change.path),
                    t!(
                        "history-form-removed",
                        file = inner.display().to_string(),
                        case = &id,
                        state = state_name(state_now),
                        form = form.name(),
                        person = &who
                    ),
                    t!("history-form-removed-hint"),
                );
            }
        }
        // A signed task sheet changes only with the step that sends it back for signature.
        if let (Some(before_facts), Some(after_facts)) = (&old_facts, &new_facts) {
            let forms_before = forms_in(self, before, dir);
            let sheet_now = task_sheet(&forms_after);
            for a in after_facts
                .approvals
                .iter()
                .filter(|a| a.kind == "task-sheet")
            {
                let kept = before_facts.approvals.contains(a);
                let held = task_sheet(&forms_before) == a.covers_sheet();
                if kept && held && sheet_now != a.covers_sheet() {
                    // One of the two names a sheet, or they would be the same.
                    let Some((name, _)) = sheet_now.clone().or_else(|| a.covers_sheet()) else {
                        continue;
                    };
                    let at =
                        a.at.map_or_else(String::new, |t| t.format("%Y-%m-%d %H:%M").to_string());
                    self.report(
                        commit,
                        Location::file(dir.join(&name)),
                        t!(
                            "history-sheet-changed",
                            file = &name,
                            person = &who,
                            approver = &a.by,
                            at = at,
                            case = &id
                        ),
                        t!("history-sheet-changed-hint"),
                    );
                }
            }
        }
        let Some(after_node) = new else { return };
        let after_facts = new_facts.unwrap_or_default();
        let changed = changed_keys(old, after_node);
        let Some(t) = c.trailers.as_ref().filter(|t| t.case == id) else {
            if !changed.is_empty() {
                let keys = changed.iter().cloned().collect::<Vec<_>>().join(", ");
                let what = if c.merge {
                    t!("history-merge-wrote-keys", keys = keys)
                } else if old.is_none() {
                    t!("history-case-written-by-hand")
                } else if state_before != after_facts.state {
                    t!(
                        "history-state-changed-by-hand",
                        from = state_name(state_before),
                        to = state_name(after_facts.state)
                    )
                } else {
                    t!("history-keys-changed-by-hand", keys = keys)
                };
                self.report(commit, here, what, t!("history-by-hand-hint"));
            }
            return;
        };
        self.judge_step_of_case(
            c,
            t,
            &here,
            old_facts.as_ref(),
            &after_facts,
            &changed,
            &forms_after,
        );
    }

    /// Judge a commit whose trailers name this case: the step it says it is.
    #[allow(clippy::too_many_arguments)]
    fn judge_step_of_case(
        &mut self,
        c: &Judged,
        t: &Trailers,
        here: &Location,
        before: Option<&Facts>,
        after: &Facts,
        changed: &BTreeSet<String>,
        forms_after: &BTreeMap<String, Oid>,
    ) {
        let commit = c.commit;
        let before_state = before.and_then(|b| b.state);
        if t.from != before_state || Some(t.to) != after.state {
            self.report(
                commit,
                here.clone(),
                t!(
                    "history-trailers-disagree",
                    from = state_name(t.from),
                    to = t.to.as_str(),
                    before = state_name(before_state),
                    after = state_name(after.state)
                ),
                t!("history-trailers-disagree-hint"),
            );
            return;
        }
        let legal = workflow::transition(t.action, t.from).is_some_and(|step| {
            step.to == t.to
                || (t.action == Action::Approve
                    && t.from == Some(State::PendingApproval)
                    && t.to == State::PendingApproval)
        });
        if !legal {
            self.report(
                commit,
                here.clone(),
                t!(
                    "history-not-a-step",
                    action = t.action.name(),
                    from = state_name(t.from),
                    to = t.to.as_str()
                ),
                t!("history-not-a-step-hint"),
            );
            return;
        }
        if before.is_some() {
            let allowed = allowed_keys(t.action, t.from);
            let extra: Vec<&str> = changed
                .iter()
                .map(String::as_str)
                .filter(|k| {
                    !allowed
                        .iter()
                        .any(|a| k == a || k.starts_with(&format!("{a}.")))
                })
                .collect();
            if !extra.is_empty() {
                self.report(
                    commit,
                    here.clone(),
                    t!(
                        "history-extra-keys",
                        action = t.action.name(),
                        keys = extra.join(", ")
                    ),
                    t!("history-extra-keys-hint"),
                );
            }
        }
        let Some(Member {
            id: person, roles, ..
        }) = c.author.clone()
        else {
            if c.unlisted {
                self.report(
                    commit,
                    here.clone(),
                    t!(
                        "history-no-people",
                        action = t.action.name(),
                        email = &c.email
                    ),
                    t!("history-no-people-hint"),
                );
                return;
            }
            self.report(
                commit,
                here.clone(),
                t!(
                    "history-not-in-people",
                    action = t.action.name(),
                    email = &c.email
                ),
                t!("history-not-in-people-hint"),
            );
            return;
        };
        if person != t.actor {
            self.report(
                commit,
                here.clone(),
                t!("history-actor-mismatch", actor = &t.actor, person = &person),
                t!("history-actor-mismatch-hint"),
            );
        }
        let empty = Facts::default();
        let prior = before.unwrap_or(&empty);
        let via = if t.action == Action::Assign {
            after.via
        } else {
            prior.via
        };
        let who = workflow::who(t.action, t.from, via);
        if who.assignee && !prior.assignees.contains(&person) {
            self.report(
                commit,
                here.clone(),
                t!(
                    "history-not-assigned",
                    person = &person,
                    action = t.action.name()
                ),
                t!("history-not-assigned-hint"),
            );
        }
        if !who.roles.is_empty() && !who.roles.iter().any(|r| roles.contains(r)) {
            let needed: Vec<&str> = who.roles.iter().map(|r| r.as_str()).collect();
            self.report(
                commit,
                here.clone(),
                t!(
                    "history-without-role",
                    person = &person,
                    action = t.action.name(),
                    roles = needed.join(&t!("step-or"))
                ),
                t!("history-without-role-hint"),
            );
        }
        if t.action == Action::New && after.planned && !roles.contains(&Role::Csc) {
            self.report(
                commit,
                here.clone(),
                t!("history-plan-role", person = &person),
                t!("history-plan-role-hint"),
            );
        }
        if matches!(t.action, Action::Approve | Action::Reject) {
            let preparer = task_sheet(forms_after)
                .and_then(|(_, id)| self.bytes(Some(id)))
                .and_then(|b| node_of(&b))
                .and_then(|n| {
                    n.get("prepared_by")
                        .and_then(Node::as_str)
                        .map(str::to_string)
                });
            let own = prior.assignees.contains(&person)
                || (t.from == Some(State::PendingApproval)
                    && preparer.as_deref() == Some(person.as_str()));
            if own {
                self.report(
                    commit,
                    here.clone(),
                    t!("history-self-approval", person = &person),
                    t!("history-self-approval-hint"),
                );
            }
        }
        // Approvals: added only by the approving steps, one per commit, by the approver,
        // covering what the commit holds; dismissed only by a rejection or a resubmission.
        let added: Vec<&Approved> = after
            .approvals
            .iter()
            .filter(|a| !prior.approvals.contains(a))
            .collect();
        let removed: Vec<&Approved> = prior
            .approvals
            .iter()
            .filter(|a| !after.approvals.contains(a))
            .collect();
        let may_add = match t.action {
            Action::Approve | Action::ApproveFlight => 1,
            _ => 0,
        };
        if added.len() > may_add || added.iter().any(|a| a.by != person) {
            self.report(
                commit,
                here.clone(),
                t!(
                    "history-approval-unexplained",
                    action = t.action.name(),
                    person = &person
                ),
                t!("history-approval-unexplained-hint"),
            );
        } else if let Some(a) = added.first() {
            let kind = match (t.action, t.from) {
                (Action::ApproveFlight, _) => "flight",
                (_, Some(State::PendingApproval)) => "task-sheet",
                _ => "review",
            };
            let expected = match kind {
                "review" => forms_after
                    .iter()
                    .map(|(p, id)| (p.clone(), id.to_string()))
                    .collect(),
                _ => task_sheet(forms_after)
                    .map(|(p, id)| (p, id.to_string()))
                    .into_iter()
                    .collect(),
            };
            let flights = if kind == "flight" {
                task_sheet(forms_after)
                    .and_then(|(_, id)| self.bytes(Some(id)))
                    .map(|b| planned_flights(&b))
                    .unwrap_or_default()
            } else {
                Vec::new()
            };
            if a.kind != kind || a.covers != expected || a.flights != flights {
                self.report(
                    commit,
                    here.clone(),
                    t!(
                        "history-approval-covers",
                        person = &person,
                        covers = if a.covers.is_empty() {
                            t!("history-approval-covers-nothing")
                        } else {
                            a.covers.keys().cloned().collect::<Vec<_>>().join(", ")
                        }
                    ),
                    t!("history-approval-covers-hint"),
                );
            }
        }
        let may_remove: &[&str] = match (t.action, t.from) {
            (Action::Reject, Some(State::PendingApproval)) => &["task-sheet"],
            (Action::Reject, _) => &["review"],
            (Action::Submit, Some(State::Approved | State::PendingApproval)) => &["task-sheet"],
            (Action::Assign, from) if workflow::is_reassignment(t.action, from) => {
                &["task-sheet", "flight"]
            }
            _ => &[],
        };
        if removed
            .iter()
            .any(|a| !may_remove.contains(&a.kind.as_str()))
        {
            self.report(
                commit,
                here.clone(),
                t!(
                    "history-approval-removed",
                    action = t.action.name(),
                    person = &person
                ),
                t!("history-approval-removed-hint"),
            );
        }
        // Check-ins: one per `checkin`, by the person.
        let new_checkins = after.checkins.len().saturating_sub(prior.checkins.len());
        let kept_checkins = after.checkins.starts_with(&prior.checkins);
        if t.action == Action::Checkin
            && (new_checkins != 1
                || !kept_checkins
                || after.checkins.last().is_some_and(|x| x.by != person))
        {
            self.report(
                commit,
                here.clone(),
                t!(
                    "history-checkins",
                    count = if kept_checkins {
                        new_checkins
                    } else {
                        after.checkins.len()
                    }
                ),
                t!("history-checkins-hint"),
            );
        }
        // Re-assignments: one per re-assigning step, by the person; holds: one begun by
        // `hold`, the open one ended by `resume`, by the person.
        let reassigned = workflow::is_reassignment(t.action, t.from);
        let new_reassignments = after.reassignments.get(prior.reassignments.len()..);
        let reassignments_kept = after.reassignments.starts_with(&prior.reassignments)
            && new_reassignments.is_some_and(|n| {
                n.len() == usize::from(reassigned) && n.iter().all(|r| r.1 == person)
            });
        let holds_kept = match t.action {
            Action::Hold => {
                after.holds.len() == prior.holds.len() + 1
                    && after.holds.starts_with(&prior.holds)
                    && after
                        .holds
                        .last()
                        .is_some_and(|h| h.by == person && h.until.is_none())
            }
            Action::Resume => {
                let n = prior.holds.len();
                n > 0
                    && after.holds.len() == n
                    && after.holds[..n - 1] == prior.holds[..n - 1]
                    && prior.holds[n - 1].until.is_none()
                    && after.holds[n - 1].from == prior.holds[n - 1].from
                    && after.holds[n - 1].resumed_by.as_deref() == Some(person.as_str())
            }
            _ => after.holds == prior.holds,
        };
        if !reassignments_kept || !holds_kept {
            self.report(
                commit,
                here.clone(),
                t!(
                    "history-waits-and-changes",
                    action = t.action.name(),
                    person = &person
                ),
                t!("history-waits-and-changes-hint"),
            );
        }
        // Times are the commit's time.
        let mut recorded: Vec<(String, Option<Timestamp>)> = Vec::new();
        if reassignments_kept {
            recorded.extend(
                after.reassignments[prior.reassignments.len()..]
                    .iter()
                    .map(|r| (t!("history-time-the-reassignment"), r.0)),
            );
        }
        if holds_kept {
            match t.action {
                Action::Hold => recorded.extend(
                    after
                        .holds
                        .last()
                        .map(|h| (t!("history-time-the-hold"), h.from)),
                ),
                Action::Resume => recorded.extend(
                    after
                        .holds
                        .last()
                        .map(|h| (t!("history-time-the-resumption"), h.until)),
                ),
                _ => {}
            }
        }
        if t.action == Action::New {
            recorded.push(("opened_at".into(), after.opened_at));
        }
        for (key, value) in &after.timeline {
            if prior.timeline.get(key) != Some(value) {
                recorded.push((format!("timeline.{key}"), *value));
            }
        }
        recorded.extend(
            added
                .iter()
                .map(|a| (t!("history-time-the-approval"), a.at)),
        );
        if kept_checkins {
            recorded.extend(
                after.checkins[prior.checkins.len()..]
                    .iter()
                    .map(|x| (t!("history-time-the-checkin"), x.at)),
            );
        }
        if after.rejections.starts_with(&prior.rejections) {
            recorded.extend(
                after.rejections[prior.rejections.len()..]
                    .iter()
                    .map(|x| (t!("history-time-the-rejection"), x.2)),
            );
        }
        for (what, at) in recorded {
            if at.is_none_or(|at| at != c.time) {
                let format = "%Y-%m-%d %H:%M:%S %:z";
                let (action, time) = (t.action.name(), c.time.format(format).to_string());
                let message = match at {
                    Some(at) => t!(
                        "history-time",
                        action = action,
                        what = &what,
                        at = at.format(format).to_string(),
                        time = &time
                    ),
                    None => t!(
                        "history-time-missing",
                        action = action,
                        what = &what,
                        time = &time
                    ),
                };
                self.report(commit, here.clone(), message, t!("history-time-hint"));
            }
        }
        // Never before the step that brought the case where it is.
        if let Some(since) = prior.entered_at().filter(|since| c.time < *since) {
            self.report(
                commit,
                here.clone(),
                t!(
                    "history-too-early",
                    action = t.action.name(),
                    at = c.time.format("%Y-%m-%d %H:%M").to_string(),
                    state = state_name(prior.state),
                    since = since.format("%Y-%m-%d %H:%M").to_string()
                ),
                t!("history-too-early-hint"),
            );
        }
    }
}

/// The files that differ between two trees (either may be absent) below `at`: both trees
/// walked together in git's order, every entry with the same id on both sides skipped — so
/// the cost is that of the folders on the way to what changed, not of the whole tree.
fn tree_changes(
    repo: &Repository,
    old: Option<&Tree>,
    new: Option<&Tree>,
    at: &Path,
    out: &mut Vec<Change>,
) -> Result<(), git2::Error> {
    use std::cmp::Ordering;
    fn entries<'t>(t: Option<&'t Tree>) -> Vec<git2::TreeEntry<'t>> {
        t.map(|t| t.iter().collect()).unwrap_or_default()
    }
    let (a, b) = (entries(old), entries(new));
    let is_tree = |e: &git2::TreeEntry| e.kind() == Some(ObjectType::Tree);
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let order = match (a.get(i), b.get(j)) {
            (Some(l), Some(r)) => git_order(l.name_bytes(), is_tree(l), r.name_bytes(), is_tree(r)),
            (Some(_), None) => Ordering::Less,
            _ => Ordering::Greater,
        };
        let (l, r) = match order {
            Ordering::Less => (a.get(i), None),
            Ordering::Greater => (None, b.get(j)),
            Ordering::Equal => (a.get(i), b.get(j)),
        };
        i += usize::from(l.is_some());
        j += usize::from(r.is_some());
        if let (Some(l), Some(r)) = (l, r)
            && l.id() == r.id()
        {
            continue;
        }
        let Some(entry) = l.or(r) else { break };
        let path = at.join(String::from_utf8_lossy(entry.name_bytes()).as_ref());
        if is_tree(entry) {
            let find = |e: Option<&git2::TreeEntry>| e.map(|e| repo.find_tree(e.id())).transpose();
            let (lt, rt) = (find(l)?, find(r)?);
            tree_changes(repo, lt.as_ref(), rt.as_ref(), &path, out)?;
        } else {
            out.push(Change {
                path,
                old: l.map(|e| e.id()),
                new: r.map(|e| e.id()),
            });
        }
    }
    Ok(())
}

/// git's order of tree entries: by name, a folder's name read as if it ended in `/`.
fn git_order(a: &[u8], a_tree: bool, b: &[u8], b_tree: bool) -> std::cmp::Ordering {
    let n = a.len().min(b.len());
    match a[..n].cmp(&b[..n]) {
        std::cmp::Ordering::Equal => {}
        other => return other,
    }
    let end = |name: &[u8], tree: bool| name.get(n).copied().unwrap_or(if tree { b'/' } else { 0 });
    end(a, a_tree).cmp(&end(b, b_tree))
}

/// Whether a folder exists at `path` in `tree`.
fn tree_exists(tree: &Tree, path: &Path) -> bool {
    tree.get_path(path)
        .is_ok_and(|e| e.kind() == Some(ObjectType::Tree))
}

/// The forms of a case folder in a tree: each by its path in the folder, with its blob.
fn forms_in(judge: &Judge, tree: &Tree, dir: &Path) -> BTreeMap<String, Oid> {
    let mut forms = BTreeMap::new();
    let Some(folder) = tree
        .get_path(&judge.prefix.join(dir))
        .ok()
        .and_then(|e| judge.repo.find_tree(e.id()).ok())
    else {
        return forms;
    };
    for entry in folder.iter() {
        let Ok(name) = entry.name() else { continue };
        match entry.kind() {
            Some(ObjectType::Blob) if name != "case.toml" && form_of(Path::new(name)).is_some() => {
                forms.insert(name.to_string(), entry.id());
            }
            Some(ObjectType::Tree) if name == "visits" => {
                if let Ok(visits) = judge.repo.find_tree(entry.id()) {
                    for v in visits.iter() {
                        if let (Ok(n), Some(ObjectType::Blob)) = (v.name(), v.kind())
                            && Syntax::of(Path::new(n)).is_some()
                        {
                            forms.insert(format!("visits/{n}"), v.id());
                        }
                    }
                }
            }
            _ => {}
        }
    }
    forms
}

/// The task sheet among a folder's forms.
fn task_sheet(forms: &BTreeMap<String, Oid>) -> Option<(String, Oid)> {
    forms
        .iter()
        .find(|(p, _)| form_of(Path::new(p)) == Some(FormKind::TaskSheet))
        .map(|(p, id)| (p.clone(), *id))
}

/// Which form a path inside a case folder is (`task-sheet.toml`, `visits/01-x.yaml`).
fn form_of(inner: &Path) -> Option<FormKind> {
    Syntax::of(inner)?;
    let parts: Vec<_> = inner.components().collect();
    match parts.as_slice() {
        [dir, _] if dir.as_os_str() == "visits" => Some(FormKind::Visit),
        [name] => {
            let stem = Path::new(name.as_os_str()).file_stem()?.to_str()?;
            FormKind::ALL
                .into_iter()
                .find(|f| *f != FormKind::Visit && f.name() == stem)
        }
        _ => None,
    }
}

/// Whether a case in `state` needs its form of this kind: the request always, the task
/// sheet once submitted, the visit records and the fee list once serviced, the travel log
/// and the summary once handed in.
fn needs(state: State, form: FormKind) -> bool {
    match form {
        FormKind::Request => true,
        FormKind::TaskSheet => state.reached(State::PendingApproval),
        FormKind::Visit | FormKind::Fees => state.reached(State::Serviced),
        FormKind::TravelLog | FormKind::Summary => state.reached(State::PendingReview),
    }
}

/// The planned flights of a task sheet's text, as an approval names them.
fn planned_flights(bytes: &[u8]) -> Vec<String> {
    let Some(node) = node_of(bytes) else {
        return Vec::new();
    };
    let Some(Kind::Seq(legs)) = node.get("legs").map(|n| &n.kind) else {
        return Vec::new();
    };
    legs.iter()
        .filter(|l| l.get("mode").and_then(Node::as_str) == Some("flight"))
        .filter_map(|l| {
            let date =
                chrono::NaiveDate::parse_from_str(l.get("date")?.as_str()?, "%Y-%m-%d").ok()?;
            let text = |k: &str| {
                l.get(k)
                    .and_then(Node::as_str)
                    .unwrap_or_default()
                    .to_string()
            };
            Some(flight_label(date, &text("from"), &text("to")))
        })
        .collect()
}

/// An approval as case.toml records it.
#[derive(Debug, Clone, PartialEq)]
struct Approved {
    kind: String,
    by: String,
    role: String,
    at: Option<Timestamp>,
    covers: BTreeMap<String, String>,
    flights: Vec<String>,
}

impl Approved {
    /// The task sheet it covers, if it names one.
    fn covers_sheet(&self) -> Option<(String, Oid)> {
        self.covers
            .iter()
            .find(|(p, _)| form_of(Path::new(p)) == Some(FormKind::TaskSheet))
            .and_then(|(p, id)| Some((p.clone(), Oid::from_str(id).ok()?)))
    }
}

/// A check-in as case.toml records it.
#[derive(Debug, Clone, PartialEq)]
struct CheckedIn {
    at: Option<Timestamp>,
    by: String,
    via: String,
}

/// A wait on the customer as case.toml records it.
#[derive(Debug, Clone, PartialEq)]
struct Held {
    from: Option<Timestamp>,
    by: String,
    until: Option<Timestamp>,
    resumed_by: Option<String>,
}

/// What `svc check` needs of case.toml at one commit.
#[derive(Debug, Default, Clone, PartialEq)]
struct Facts {
    state: Option<State>,
    via: Option<Via>,
    assignees: Vec<String>,
    opened_at: Option<Timestamp>,
    approvals: Vec<Approved>,
    checkins: Vec<CheckedIn>,
    /// (kind, by, at) of each rejection.
    rejections: Vec<(String, String, Option<Timestamp>)>,
    /// (at, by) of each re-assignment.
    reassignments: Vec<(Option<Timestamp>, String)>,
    holds: Vec<Held>,
    timeline: BTreeMap<String, Option<Timestamp>>,
    /// Whether the case is preventive (`[plan]`): opened by the CSC alone.
    planned: bool,
}

impl Facts {
    /// When the case came to its state: the timeline's moment for it (or the rejection
    /// that sent it back there).
    fn entered_at(&self) -> Option<Timestamp> {
        let key = |k: &str| self.timeline.get(k).copied().flatten();
        let rejected = |kind: &str| {
            self.rejections
                .iter()
                .filter(|r| r.0 == kind)
                .filter_map(|r| r.2)
                .max()
        };
        let entered = match self.state? {
            State::Requested => self.opened_at,
            State::ResolvedRemotely => key("resolved_at"),
            State::Accepted => key("accepted_at"),
            State::Assigned => key("assigned_at")
                .max(rejected("task-sheet"))
                .max(self.reassignments.iter().filter_map(|r| r.0).max()),
            State::PendingApproval => key("submitted_at"),
            State::Approved => key("approved_at"),
            State::OnSite => key("started_at"),
            State::Serviced => key("completed_at").max(rejected("review")),
            State::PendingReview => key("handed_in_at"),
            State::Reviewed => key("reviewed_at"),
            State::Archived => key("archived_at"),
            State::Cancelled => key("cancelled_at"),
        };
        entered.max(self.opened_at)
    }
}

fn time_of(node: Option<&Node>) -> Option<Timestamp> {
    chrono::DateTime::parse_from_rfc3339(node?.as_str()?).ok()
}

fn facts(node: &Node) -> Facts {
    let s = |n: Option<&Node>| n.and_then(Node::as_str).map(str::to_string);
    let list = |key: &str| match node.get(key).map(|n| &n.kind) {
        Some(Kind::Seq(items)) => items.clone(),
        _ => Vec::new(),
    };
    let map = |n: Option<&Node>| match n.map(|n| &n.kind) {
        Some(Kind::Map(entries)) => entries.clone(),
        _ => Vec::new(),
    };
    Facts {
        state: s(node.get("state")).and_then(|t| State::parse(&t)),
        via: s(node.get("assigned_via")).map(|v| if v == "sales" { Via::Sales } else { Via::Csc }),
        assignees: list("assignees")
            .iter()
            .filter_map(|n| n.as_str().map(str::to_string))
            .collect(),
        opened_at: time_of(node.get("opened_at")),
        approvals: list("approvals")
            .iter()
            .map(|a| Approved {
                kind: s(a.get("kind")).unwrap_or_default(),
                by: s(a.get("by")).unwrap_or_default(),
                role: s(a.get("role")).unwrap_or_default(),
                at: time_of(a.get("at")),
                covers: map(a.get("covers"))
                    .into_iter()
                    .map(|e| {
                        (
                            e.key.clone(),
                            e.value.as_str().unwrap_or_default().to_string(),
                        )
                    })
                    .collect(),
                flights: match a.get("flights").map(|n| &n.kind) {
                    Some(Kind::Seq(f)) => f
                        .iter()
                        .filter_map(|x| x.as_str().map(str::to_string))
                        .collect(),
                    _ => Vec::new(),
                },
            })
            .collect(),
        checkins: list("checkins")
            .iter()
            .map(|x| CheckedIn {
                at: time_of(x.get("at")),
                by: s(x.get("by")).unwrap_or_default(),
                via: s(x.get("via")).unwrap_or_default(),
            })
            .collect(),
        rejections: list("rejections")
            .iter()
            .map(|r| {
                (
                    s(r.get("kind")).unwrap_or_default(),
                    s(r.get("by")).unwrap_or_default(),
                    time_of(r.get("at")),
                )
            })
            .collect(),
        reassignments: list("reassignments")
            .iter()
            .map(|r| (time_of(r.get("at")), s(r.get("by")).unwrap_or_default()))
            .collect(),
        holds: list("holds")
            .iter()
            .map(|h| Held {
                from: time_of(h.get("from")),
                by: s(h.get("by")).unwrap_or_default(),
                until: time_of(h.get("until")),
                resumed_by: s(h.get("resumed_by")),
            })
            .collect(),
        timeline: map(node.get("timeline"))
            .into_iter()
            .map(|e| (e.key.clone(), time_of(Some(&e.value))))
            .collect(),
        planned: node.get("plan").is_some(),
    }
}

fn roster(text: &[u8]) -> Roster {
    let Some(node) = node_of(text) else {
        return Roster::new();
    };
    let Ok(people) = decode_root::<People>(&node) else {
        return Roster::new();
    };
    people
        .person
        .into_iter()
        .map(|p| {
            (
                p.email.value.to_lowercase(),
                Member {
                    id: p.id.value,
                    roles: p.roles.into_iter().map(|r| r.value).collect(),
                    signing_key: p.signing_key.map(|k| k.value),
                },
            )
        })
        .collect()
}

/// The actions `svc.toml` asks to be signed (`[security] signed_actions`). Read leniently:
/// whatever else is wrong with the file, the list still counts.
fn signed_actions(text: &[u8]) -> BTreeSet<Action> {
    let Some(node) = node_of(text) else {
        return BTreeSet::new();
    };
    match node
        .get("security")
        .and_then(|s| s.get("signed_actions"))
        .map(|n| &n.kind)
    {
        Some(Kind::Seq(items)) => items
            .iter()
            .filter_map(|n| n.as_str().and_then(Action::from_name))
            .collect(),
        _ => BTreeSet::new(),
    }
}

/// The finding about a step's signature: what is wrong and how to put it right.
fn signature_finding(action: Action, who: &str, problem: Problem) -> (String, String) {
    let action = action.name();
    match problem {
        Problem::Unsigned => (
            t!("history-unsigned", action = action),
            t!("history-unsigned-hint"),
        ),
        Problem::Unreadable(why) => (
            t!("history-signature-unreadable", action = action, why = why),
            t!("history-signature-unreadable-hint"),
        ),
        Problem::NoKey => (
            t!("history-signature-no-key", action = action, person = who),
            t!("history-signature-no-key-hint"),
        ),
        Problem::BadKey => (
            t!("history-signature-bad-key", person = who),
            t!("history-signature-bad-key-hint"),
        ),
        Problem::WrongKey {
            signed_by,
            expected,
        } => (
            t!(
                "history-signature-wrong-key",
                action = action,
                signed_by = signed_by,
                person = who,
                expected = expected
            ),
            t!("history-signature-wrong-key-hint"),
        ),
        Problem::Mismatch => (
            t!("history-signature-mismatch", action = action),
            t!("history-signature-mismatch-hint"),
        ),
    }
}

/// The case.toml fields each step may change (the timeline only at its own key).
fn allowed_keys(action: Action, from: Option<State>) -> &'static [&'static str] {
    match action {
        Action::New => &[],
        Action::Assign if workflow::is_reassignment(action, from) => &[
            "state",
            "assignees",
            "assigned_by",
            "assigned_via",
            "reassignments",
            "approvals",
            "timeline.approved_at",
        ],
        Action::Resolve => &["state", "resolution", "timeline.resolved_at"],
        Action::Accept => &["state", "fee", "timeline.accepted_at"],
        Action::Assign => &[
            "state",
            "assignees",
            "assigned_by",
            "assigned_via",
            "timeline.assigned_at",
        ],
        Action::Submit if workflow::is_resubmission(action, from) => &[
            "state",
            "approvals",
            "timeline.submitted_at",
            "timeline.approved_at",
        ],
        Action::Submit => &["state", "timeline.submitted_at", "timeline.handed_in_at"],
        Action::Approve => &[
            "state",
            "approvals",
            "timeline.approved_at",
            "timeline.reviewed_at",
        ],
        Action::ApproveFlight => &["approvals"],
        Action::Reject => &["state", "approvals", "rejections"],
        Action::Start => &["state", "timeline.started_at"],
        Action::Checkin => &["checkins"],
        Action::Complete => &["state", "timeline.completed_at"],
        Action::Archive => &["state", "timeline.archived_at"],
        Action::Cancel => &["state", "cancel_reason", "timeline.cancelled_at"],
        Action::Hold | Action::Resume => &["holds"],
    }
}

fn node_of(bytes: &[u8]) -> Option<Node> {
    parse_toml(std::str::from_utf8(bytes).ok()?).ok()
}

/// Whether two values are the same, wherever they are written.
fn same(a: &Node, b: &Node) -> bool {
    match (&a.kind, &b.kind) {
        (Kind::Seq(x), Kind::Seq(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Kind::Map(x), Kind::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|e| y.iter().any(|f| f.key == e.key && same(&e.value, &f.value)))
        }
        (x, y) => x == y,
    }
}

/// The top-level keys of case.toml whose values differ (the timeline key by key, as
/// `timeline.<key>`; a timeline added whole counts as `timeline` and its keys).
fn changed_keys(before: Option<&Node>, after: &Node) -> BTreeSet<String> {
    let entries = |n: Option<&Node>| match n.map(|n| &n.kind) {
        Some(Kind::Map(e)) => e.clone(),
        _ => Vec::new(),
    };
    let (old, new) = (entries(before), entries(Some(after)));
    let mut keys: BTreeSet<String> = BTreeSet::new();
    let names: BTreeSet<&str> = old
        .iter()
        .chain(new.iter())
        .map(|e| e.key.as_str())
        .collect();
    for name in names {
        let a = old.iter().find(|e| e.key == name).map(|e| &e.value);
        let b = new.iter().find(|e| e.key == name).map(|e| &e.value);
        match (a, b) {
            (Some(a), Some(b)) if same(a, b) => {}
            (a, b) if name == "timeline" => {
                for sub in changed_keys(
                    a,
                    b.unwrap_or(&Node {
                        span: Default::default(),
                        kind: Kind::Map(Vec::new()),
                    }),
                ) {
                    keys.insert(format!("timeline.{sub}"));
                }
            }
            _ => {
                keys.insert(name.to_string());
            }
        }
    }
    keys
}

/// Read a commit's files the way the judgement reads them — two versions of case.toml, a
/// people.toml, an svc.toml and a task sheet — with every parser it runs on them (the
/// fuzzer's way in: none of it may panic on any bytes). Returns how much was read.
pub fn read_files(
    case_before: &[u8],
    case_after: &[u8],
    people: &[u8],
    settings: &[u8],
    task_sheet: &[u8],
) -> usize {
    let before = node_of(case_before).map(|n| facts(&n));
    let after = node_of(case_after).map(|n| facts(&n));
    let entered = [&before, &after]
        .iter()
        .filter_map(|f| f.as_ref().and_then(Facts::entered_at))
        .count();
    let sheets = after
        .iter()
        .flat_map(|f| f.approvals.iter())
        .filter_map(Approved::covers_sheet)
        .count();
    changed_fields(case_before, case_after).len()
        + entered
        + sheets
        + roster(people).len()
        + signed_actions(settings).len()
        + planned_flights(task_sheet).len()
}

/// The fields of case.toml that differ between two versions of its text (the whole file
/// when either cannot be read).
pub fn changed_fields(before: &[u8], after: &[u8]) -> Vec<String> {
    match (node_of(before), node_of(after)) {
        (Some(b), Some(a)) => changed_keys(Some(&b), &a).into_iter().collect(),
        (_, None) => vec![t!("history-no-longer-toml")],
        (None, Some(_)) => Vec::new(),
    }
}

fn state_name(state: Option<State>) -> &'static str {
    state.map_or("none", State::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signed_actions_are_read_whatever_else_svc_toml_holds() {
        let text = b"locale = 42\n[security]\nsigned_actions = [\"approve\", \"nope\", \"new\"]\n";
        assert_eq!(
            signed_actions(text),
            BTreeSet::from([Action::New, Action::Approve])
        );
        assert!(signed_actions(b"[security]\nsigned_actions = []\n").is_empty());
        assert!(signed_actions(b"not toml [").is_empty());
    }

    #[test]
    fn forms_are_known_by_their_place_in_the_case_folder() {
        assert_eq!(
            form_of(Path::new("task-sheet.yaml")),
            Some(FormKind::TaskSheet)
        );
        assert_eq!(
            form_of(Path::new("visits/01-gz.toml")),
            Some(FormKind::Visit)
        );
        assert_eq!(form_of(Path::new("attachments/photo.toml")), None);
        assert_eq!(form_of(Path::new("notes.toml")), None);
        assert_eq!(form_of(Path::new("summary.txt")), None);
        assert!(needs(State::Archived, FormKind::Summary));
        assert!(!needs(State::OnSite, FormKind::Visit));
        assert!(needs(State::Cancelled, FormKind::Request));
    }

    /// A tree of `files` (path → content) in `repo`.
    fn tree_of(repo: &Repository, files: &[(&str, &str)]) -> Oid {
        let mut index = git2::Index::new().unwrap();
        for (path, text) in files {
            let id = repo.blob(text.as_bytes()).unwrap();
            let entry = git2::IndexEntry {
                ctime: git2::IndexTime::new(0, 0),
                mtime: git2::IndexTime::new(0, 0),
                dev: 0,
                ino: 0,
                mode: 0o100644,
                uid: 0,
                gid: 0,
                file_size: 0,
                id,
                flags: 0,
                flags_extended: 0,
                path: path.as_bytes().to_vec(),
            };
            index.add(&entry).unwrap();
        }
        index.write_tree_to(repo).unwrap()
    }

    #[test]
    fn the_tree_walk_finds_what_libgit2s_diff_finds() {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init(dir.path()).unwrap();
        let old = tree_of(
            &repo,
            &[
                ("a.toml", "1"),
                ("cases/2026/11/SR-1/case.toml", "x"),
                ("cases/2026/11/SR-1/visits/01.toml", "v"),
                ("cases/2026/11/SR-2/case.toml", "y"),
                ("cases/2026/11/SR-2-b/case.toml", "z"),
                ("catalog", "a file that becomes a folder"),
                ("gone/deep/file", "g"),
            ],
        );
        let new = tree_of(
            &repo,
            &[
                ("a.toml", "2"),
                ("cases/2026/11/SR-1/case.toml", "x"),
                ("cases/2026/11/SR-1/visits/02.toml", "w"),
                ("cases/2026/11/SR-2/case.toml", "y2"),
                ("cases/2026/11/SR-2-b/case.toml", "z"),
                ("cases/2026/12/SR-3/case.toml", "n"),
                ("catalog/parts.toml", "p"),
            ],
        );
        let (old, new) = (repo.find_tree(old).unwrap(), repo.find_tree(new).unwrap());
        let mut ours = Vec::new();
        tree_changes(&repo, Some(&old), Some(&new), Path::new(""), &mut ours).unwrap();
        let mut ours: Vec<(PathBuf, Option<Oid>, Option<Oid>)> =
            ours.into_iter().map(|c| (c.path, c.old, c.new)).collect();
        let diff = repo
            .diff_tree_to_tree(Some(&old), Some(&new), None)
            .unwrap();
        let present = |f: git2::DiffFile| (!f.id().is_zero()).then(|| f.id());
        let mut theirs: Vec<(PathBuf, Option<Oid>, Option<Oid>)> = diff
            .deltas()
            .map(|d| {
                let path = d.new_file().path().or(d.old_file().path()).unwrap();
                (
                    path.to_path_buf(),
                    present(d.old_file()),
                    present(d.new_file()),
                )
            })
            .collect();
        ours.sort();
        theirs.sort();
        assert_eq!(ours, theirs);
        assert_eq!(ours.len(), 8, "{ours:?}");
    }

    #[test]
    fn a_case_entered_its_state_when_the_timeline_says() {
        let node = parse_toml(
            "state = \"assigned\"\nopened_at = 2026-11-02T09:00:00+08:00\n[timeline]\nassigned_at = 2026-11-02T10:00:00+08:00\n[[rejections]]\nkind = \"task-sheet\"\nby = \"li.na\"\nat = 2026-11-03T09:00:00+08:00\nreason = \"x\"\n",
        )
        .unwrap();
        let at = facts(&node).entered_at().unwrap();
        assert_eq!(at.to_rfc3339(), "2026-11-03T09:00:00+08:00");
    }
}
