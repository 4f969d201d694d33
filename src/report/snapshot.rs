//! The committed data a report is made from: the workspace as it stands at HEAD (or at a
//! given revision), never half-edited files.
//!
//! When the working tree holds exactly HEAD's data (no changes, staged or not, and no new
//! or ignored files among `svc.toml`, `people.toml`, `customers/`, `catalog/` and
//! `cases/`), the files on disk are read as they are. When another revision is asked for,
//! the data of that commit is checked out into a folder of its own under `.git/` (never
//! touching the index or the working tree) and read from there; the folder is removed when
//! the [`Snapshot`] is dropped. When HEAD is asked for and only some of it differs on disk,
//! only what differs comes from git: a case folder with any change in it, and the shared
//! files when any of them changed; every other case folder is read where it is, since git
//! has just said that its files are HEAD's.
//!
//! A checkout writes the shared files at once; a report lists the case folders from the
//! commit ([`Snapshot::committed_case_dirs`]), reads what it must know of every case that
//! comes from git straight from there ([`Snapshot::read_committed`]) and writes out only
//! the folders it then needs ([`Snapshot::check_out_dirs`]).

use git2::{ObjectType, Oid, Repository, Status, StatusOptions, Tree};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The files and folders of a workspace that reports read.
pub const DATA_PATHS: &[&str] = &[
    "svc.toml",
    "people.toml",
    "customers",
    "catalog",
    "calendar",
    "cases",
];

/// Why the committed data could not be reached.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    /// The workspace is not in a git repository.
    #[error("the workspace is not in a git repository: {0}")]
    NoRepository(String),
    /// The repository has no commit yet.
    #[error("the repository has no commits yet, and reports are made from committed data")]
    NoCommit,
    /// The revision does not name a commit.
    #[error("`{rev}` does not name a commit: {message}")]
    BadRevision {
        /// The revision as given.
        rev: String,
        /// What git said.
        message: String,
    },
    /// A git or file operation failed.
    #[error("git: {doing}: {message}")]
    Git {
        /// What svc was doing.
        doing: String,
        /// What went wrong.
        message: String,
    },
}

/// The workspace's data at one commit: its shared files read from [`Snapshot::root`], each
/// case folder from [`Snapshot::case_root`].
#[derive(Debug)]
pub struct Snapshot {
    /// Where to read the shared files: the workspace's own root when they are HEAD's as they
    /// stand, else the checkout.
    pub root: PathBuf,
    /// The commit the data is from (full hex id).
    pub commit: String,
    /// The commit's time (the committer's).
    pub commit_time: chrono::DateTime<chrono::FixedOffset>,
    /// Whether the working tree has uncommitted changes to the data (left out of reports).
    pub dirty: bool,
    /// The temporary checkout to remove on drop.
    checkout: Option<PathBuf>,
    /// Where the checkout holds the workspace (the checkout, or the workspace's folder in it).
    checkout_root: PathBuf,
    /// The workspace's own root.
    workspace_root: PathBuf,
    /// At HEAD, the case folders that differ from HEAD on disk (the only ones read from
    /// git); `None` when every case folder comes from the checkout (another revision).
    changed_cases: Option<HashSet<PathBuf>>,
    /// The repository's git folder (each thread opens its own repository from it).
    git_dir: PathBuf,
    /// The commit's tree.
    tree: Oid,
    /// The workspace's folder inside the repository ("" at its root).
    prefix: PathBuf,
    /// The tree of each case folder listed by [`Snapshot::committed_case_dirs`], so that
    /// reading from it does not walk down from the root each time.
    case_trees: OnceLock<HashMap<PathBuf, Oid>>,
}

impl Snapshot {
    /// The data of `workspace_root` at `rev` (HEAD when `None`). A checkout holds the shared
    /// files at first; [`Snapshot::check_out_dirs`] writes out the case folders wanted.
    pub fn open(workspace_root: &Path, rev: Option<&str>) -> Result<Snapshot, SnapshotError> {
        let repo = Repository::discover(workspace_root)
            .map_err(|e| SnapshotError::NoRepository(e.message().to_owned()))?;
        let workdir = repo
            .workdir()
            .ok_or_else(|| SnapshotError::NoRepository("the repository is bare".to_owned()))?
            .to_path_buf();
        // The workspace may be a folder inside the repository.
        let prefix = canonical(workspace_root)
            .strip_prefix(canonical(&workdir))
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let head = match repo.head() {
            Ok(head) => head.peel_to_commit().ok(),
            Err(_) => None,
        };
        let commit = match rev {
            Some(rev) => repo
                .revparse_single(rev)
                .and_then(|o| o.peel_to_commit())
                .map_err(|e| SnapshotError::BadRevision {
                    rev: rev.to_owned(),
                    message: e.message().to_owned(),
                })?,
            None => head.clone().ok_or(SnapshotError::NoCommit)?,
        };
        let changed = changed_paths(&repo, &prefix)?;
        let dirty = !changed.is_empty();
        let time = commit.time();
        let commit_time = chrono::FixedOffset::east_opt(time.offset_minutes() * 60)
            .and_then(|tz| {
                chrono::DateTime::from_timestamp(time.seconds(), 0).map(|t| t.with_timezone(&tz))
            })
            .unwrap_or_default();
        let at_head = head.as_ref().is_some_and(|h| h.id() == commit.id());
        let mut snapshot = Snapshot {
            root: workspace_root.to_path_buf(),
            commit: commit.id().to_string(),
            commit_time,
            dirty,
            checkout: None,
            checkout_root: PathBuf::new(),
            workspace_root: workspace_root.to_path_buf(),
            changed_cases: None,
            git_dir: repo.path().to_path_buf(),
            tree: commit.tree_id(),
            prefix: prefix.clone(),
            case_trees: OnceLock::new(),
        };
        if at_head && !dirty {
            return Ok(snapshot);
        }
        let folder = repo.path().join("svc").join(format!(
            "report-{}-{}",
            std::process::id(),
            &snapshot.commit[..12]
        ));
        // The folder is ours from here on: dropping the snapshot removes it, whatever happens.
        snapshot.checkout = Some(folder.clone());
        snapshot.checkout_root = folder.join(&prefix);
        if at_head {
            let (cases, shared) = split_changes(&changed);
            snapshot.changed_cases = Some(cases);
            if !shared {
                return Ok(snapshot);
            }
        }
        check_out_shared(&repo, commit.id(), &prefix, &folder)?;
        snapshot.root = snapshot.checkout_root.clone();
        Ok(snapshot)
    }

    /// The commit id shortened to 12 characters, for display
    pub fn short_commit(&self) -> &str {
        &self.commit[..self.commit.len().min(12)]
    }

    /// Whether the case folder `dir` (relative to the workspace) is read from git rather than
    /// from the working tree
    pub fn from_git(&self, dir: &Path) -> bool {
        self.checkout.is_some()
            && self
                .changed_cases
                .as_ref()
                .is_none_or(|changed| changed.contains(dir))
    }

    /// Where to read the case folder `dir` once [`Snapshot::check_out_dirs`] has written
    /// it out: the checkout when it comes from git, else the workspace
    pub fn case_root(&self, dir: &Path) -> &Path {
        if self.from_git(dir) {
            &self.checkout_root
        } else {
            &self.workspace_root
        }
    }

    /// The case folders (`cases/<yyyy>/<mm>/<id>`, relative to the workspace) of the
    /// commit in the months `months` accepts, in order; `None` when the data is read from
    /// the working tree (where [`crate::workspace::case::discover`] finds them)
    pub fn committed_case_dirs(
        &self,
        months: &dyn Fn(i32, u32) -> bool,
    ) -> Result<Option<Vec<PathBuf>>, SnapshotError> {
        if self.checkout.is_none() {
            return Ok(None);
        }
        let repo = self.repo()?;
        let tree = repo
            .find_tree(self.tree)
            .map_err(git_error("reading the commit's tree"))?;
        let cases = PathBuf::from(crate::workspace::case::CASES_DIR);
        let mut dirs = Vec::new();
        let mut trees = HashMap::new();
        if let Some(cases_tree) = subtree(&repo, &tree, &self.prefix.join(&cases)) {
            for (year_name, year) in subtrees(&repo, &cases_tree) {
                let Ok(y) = year_name.parse::<i32>() else {
                    continue;
                };
                for (month_name, month) in subtrees(&repo, &year) {
                    if !month_name.parse::<u32>().is_ok_and(|m| months(y, m)) {
                        continue;
                    }
                    for entry in month.iter() {
                        if entry.kind() != Some(ObjectType::Tree) {
                            continue;
                        }
                        let Ok(id) = entry.name() else { continue };
                        let dir = cases.join(&year_name).join(&month_name).join(id);
                        trees.insert(dir.clone(), entry.id());
                        dirs.push(dir);
                    }
                }
            }
        }
        dirs.sort();
        let _ = self.case_trees.set(trees);
        Ok(Some(dirs))
    }

    /// The committed text of each file at `rels` (relative to the workspace), read from
    /// git in parallel: `None` for a file that is missing, not UTF-8 or larger than a form
    /// may be (reading it from a checkout tells why)
    pub fn read_committed(&self, rels: &[PathBuf]) -> Vec<Option<String>> {
        rels.par_iter()
            .map_init(
                || Repository::open(&self.git_dir).ok(),
                |repo, rel| {
                    let repo = repo.as_ref()?;
                    let (dir, name) = (rel.parent()?, rel.file_name()?.to_str()?);
                    let tree = self.tree_of(repo, dir)?;
                    let blob = repo.find_blob(tree.get_name(name)?.id()).ok()?;
                    if blob.size() as u64 > crate::workspace::MAX_FILE_BYTES {
                        return None;
                    }
                    String::from_utf8(blob.content().to_vec()).ok()
                },
            )
            .collect()
    }

    /// Write those of the committed case folders `dirs` (relative to the workspace) that
    /// come from git into the checkout, in parallel
    pub fn check_out_dirs(&self, dirs: &[PathBuf]) -> Result<(), SnapshotError> {
        dirs.par_iter()
            .filter(|dir| self.from_git(dir))
            .map_init(
                || Repository::open(&self.git_dir),
                |repo, dir| {
                    let repo = repo.as_ref().map_err(|e| SnapshotError::Git {
                        doing: "opening the repository".to_owned(),
                        message: e.message().to_owned(),
                    })?;
                    match self.tree_of(repo, dir) {
                        Some(folder) => write_tree(repo, &folder, &self.checkout_root.join(dir)),
                        None => Ok(()),
                    }
                },
            )
            .collect()
    }

    fn repo(&self) -> Result<Repository, SnapshotError> {
        Repository::open(&self.git_dir).map_err(git_error("opening the repository"))
    }
}

/// The tree at `path` under `tree`.
fn subtree<'r>(repo: &'r Repository, tree: &Tree, path: &Path) -> Option<Tree<'r>> {
    let entry = tree.get_path(path).ok()?;
    repo.find_tree(entry.id()).ok()
}

impl Snapshot {
    /// The tree of the committed folder `dir` (relative to the workspace).
    fn tree_of<'r>(&self, repo: &'r Repository, dir: &Path) -> Option<Tree<'r>> {
        match self.case_trees.get().and_then(|t| t.get(dir)) {
            Some(id) => repo.find_tree(*id).ok(),
            None => {
                let root = repo.find_tree(self.tree).ok()?;
                subtree(repo, &root, &self.prefix.join(dir))
            }
        }
    }
}

/// The folders directly in `tree`, with their names.
fn subtrees<'r>(repo: &'r Repository, tree: &Tree) -> Vec<(String, Tree<'r>)> {
    tree.iter()
        .filter(|e| e.kind() == Some(ObjectType::Tree))
        .filter_map(|e| {
            let name = e.name().ok()?.to_owned();
            Some((name, repo.find_tree(e.id()).ok()?))
        })
        .collect()
}

/// Write the files of `tree` under `dest` (links and submodules are left out: svc reads
/// neither).
pub(crate) fn write_tree(repo: &Repository, tree: &Tree, dest: &Path) -> Result<(), SnapshotError> {
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |e: std::io::Error| SnapshotError::Git {
            doing: format!("writing {path}"),
            message: e.to_string(),
        }
    };
    std::fs::create_dir_all(dest).map_err(io(dest))?;
    for entry in tree.iter() {
        let Ok(name) = entry.name() else { continue };
        let path = dest.join(name);
        match entry.kind() {
            Some(ObjectType::Tree) => {
                if let Ok(sub) = repo.find_tree(entry.id()) {
                    write_tree(repo, &sub, &path)?;
                }
            }
            Some(ObjectType::Blob) if entry.filemode() != 0o120000 => {
                let blob = repo
                    .find_blob(entry.id())
                    .map_err(git_error("reading a committed file"))?;
                std::fs::write(&path, blob.content()).map_err(io(&path))?;
            }
            _ => {}
        }
    }
    Ok(())
}

impl Drop for Snapshot {
    fn drop(&mut self) {
        if let Some(folder) = &self.checkout {
            let _ = std::fs::remove_dir_all(folder);
        }
    }
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

fn git_error(doing: &str) -> impl FnOnce(git2::Error) -> SnapshotError + '_ {
    move |e| SnapshotError::Git {
        doing: doing.to_owned(),
        message: e.message().to_owned(),
    }
}

/// The paths (relative to the workspace) where the working tree or the index differ from
/// HEAD in the workspace's data, ignored files included: a new folder is one path.
fn changed_paths(repo: &Repository, prefix: &Path) -> Result<Vec<PathBuf>, SnapshotError> {
    let mut options = StatusOptions::new();
    options
        .include_untracked(true)
        .recurse_untracked_dirs(false)
        .include_ignored(false)
        .exclude_submodules(true);
    for path in DATA_PATHS {
        options.pathspec(git_path(&prefix.join(path)));
    }
    let statuses = repo
        .statuses(Some(&mut options))
        .map_err(git_error("reading the status of the working tree"))?;
    Ok(statuses
        .iter()
        .filter(|s| s.status() != Status::CURRENT)
        .filter_map(|s| {
            let path = PathBuf::from(String::from_utf8_lossy(s.path_bytes()).into_owned());
            path.strip_prefix(prefix).ok().map(Path::to_path_buf)
        })
        .collect())
}

/// The case folders (`cases/<yyyy>/<mm>/<id>`) that `changed` touches, and whether it
/// touches anything else a report reads (a change directly under `cases/` or in a month
/// folder's own files is no case's, and no case folder of HEAD is in a new month folder).
fn split_changes(changed: &[PathBuf]) -> (HashSet<PathBuf>, bool) {
    let mut cases = HashSet::new();
    let mut shared = false;
    for path in changed {
        let parts: Vec<_> = path.components().collect();
        if parts
            .first()
            .is_some_and(|c| c.as_os_str() == crate::workspace::case::CASES_DIR)
        {
            if parts.len() >= 4 {
                cases.insert(parts[..4].iter().collect::<PathBuf>());
            }
        } else {
            shared = true;
        }
    }
    (cases, shared)
}

/// A path as git writes it: relative, with `/`.
fn git_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Write the shared files of `commit` (all but `cases/`) into `folder`, without touching the
/// index or the working tree.
fn check_out_shared(
    repo: &Repository,
    commit: Oid,
    prefix: &Path,
    folder: &Path,
) -> Result<(), SnapshotError> {
    let commit = repo
        .find_commit(commit)
        .map_err(git_error("reading the commit"))?;
    let tree = commit
        .tree()
        .map_err(git_error("reading the commit's tree"))?;
    let _ = std::fs::remove_dir_all(folder);
    std::fs::create_dir_all(folder).map_err(|e| SnapshotError::Git {
        doing: format!("creating {}", folder.display()),
        message: e.to_string(),
    })?;
    let paths: Vec<String> = DATA_PATHS
        .iter()
        .filter(|path| **path != crate::workspace::case::CASES_DIR)
        .map(|path| git_path(&prefix.join(path)))
        .collect();
    let mut checkout = git2::build::CheckoutBuilder::new();
    checkout
        .force()
        .recreate_missing(true)
        .update_index(false)
        .disable_pathspec_match(false)
        .target_dir(folder);
    for path in &paths {
        checkout.path(path.as_str());
    }
    repo.checkout_tree(tree.as_object(), Some(&mut checkout))
        .map_err(git_error("checking out the committed data"))
}
