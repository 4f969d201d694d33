//! The workspace's git repository as svc's store: one transition, one commit of exactly
//! the case folder, made safely.
//!
//! A transition changes two things that cannot be replaced in one atomic step: the branch
//! (in `.git`) and `case.toml` (in the work tree). So it is written like a database
//! transaction: the commit object is made first (invisible), then a journal naming it is
//! written atomically, then `case.toml`, the branch and the index are brought forward. A
//! process killed anywhere before the journal leaves nothing changed; killed after it, the
//! next svc command finishes the step from the journal ([`Store::recover`]). Two svc
//! processes never interleave: each holds a lock file under `.git/svc/` for the whole step.
//! A step that must be signed is signed before the journal, so a signature that cannot be
//! made leaves nothing changed either.

use crate::history::git::ConfigSources;
use crate::history::signing::SignError;
use crate::workspace::fsutil::{write_atomic, write_if_changed};
use git2::{FileMode, ObjectType, Oid, Repository, RepositoryState, Signature, Tree};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Why the store refused or failed.
#[derive(Debug)]
pub enum StoreError {
    /// The workspace is not in a git repository.
    NotARepository,
    /// HEAD does not name a branch.
    Detached,
    /// A merge, rebase, cherry-pick… is in progress.
    Busy(String),
    /// Another svc process holds the lock.
    Locked(String),
    /// The branch moved while svc was working.
    Moved(String),
    /// Another git holds its lock on the branch: the step is written down and waits.
    RefLocked(String, PathBuf),
    /// Files that bringing the work tree forward would overwrite hold uncommitted changes.
    Dirty(Vec<PathBuf>),
    /// A file could not be read or written.
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// libgit2 failed.
    Git {
        /// What svc was doing.
        doing: &'static str,
        /// What libgit2 said.
        source: git2::Error,
    },
    /// The commit could not be signed.
    Sign(SignError),
    /// The commit would record what `svc check` refuses (nothing was changed).
    Refused(Vec<crate::forms::finding::Finding>),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::t;
        let text = match self {
            StoreError::NotARepository => t!("store-not-a-repository"),
            StoreError::Detached => t!("store-detached"),
            StoreError::Busy(what) => t!("store-busy", what = what),
            StoreError::Locked(holder) => t!("store-locked", holder = holder),
            StoreError::Moved(branch) => t!("store-moved", branch = branch),
            StoreError::RefLocked(branch, lock) => t!(
                "store-ref-locked",
                branch = branch,
                lock = lock.display().to_string()
            ),
            StoreError::Dirty(paths) => t!("store-dirty", paths = list(paths)),
            StoreError::Io { path, source } => format!("{}: {source}", path.display()),
            StoreError::Git { doing, source } => format!("git: {doing}: {source}"),
            StoreError::Sign(e) => return e.fmt(f),
            StoreError::Refused(findings) => t!("store-refused", count = findings.len()),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Io { source, .. } => Some(source),
            StoreError::Git { source, .. } => Some(source),
            StoreError::Sign(e) => Some(e),
            _ => None,
        }
    }
}

impl From<SignError> for StoreError {
    fn from(e: SignError) -> StoreError {
        StoreError::Sign(e)
    }
}

/// Paths, comma-separated, for messages.
pub(crate) fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A libgit2 failure, with what svc was doing.
pub(crate) fn git(doing: &'static str) -> impl FnOnce(git2::Error) -> StoreError {
    move |source| StoreError::Git { doing, source }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The places in a transition where a test may stop the process (see
/// [`Store::commit_case`]); in order.
pub const FAULT_POINTS: &[&str] = &[
    "objects-written",
    "journal-written",
    "case-written",
    "index-written",
    "branch-moved",
];

/// The places in [`Store::advance`] where a test may stop the process; in order.
pub const ADVANCE_FAULT_POINTS: &[&str] = &["advance-journal-written", "advance-files-written"];

/// The repository around a workspace.
pub struct Store {
    repo: Repository,
    workdir: PathBuf,
    prefix: PathBuf,
    svc_dir: PathBuf,
    config_sources: ConfigSources,
}

/// The lock held for one transition; released when dropped.
pub struct Lock {
    _file: File,
    holder: PathBuf,
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.holder);
    }
}

/// Signs a commit: the commit's bytes in, the armored signature out (git's `gpgsig`).
pub type Sign<'a> = dyn Fn(&[u8]) -> Result<String, SignError> + 'a;

/// One commit of a case folder.
pub struct CaseCommit<'a> {
    /// The case folder, relative to the workspace root.
    pub case_dir: &'a Path,
    /// The files svc writes (paths relative to the case folder), `case.toml` always among
    /// them; every other file of the folder is committed as it is on disk.
    pub writes: &'a [(PathBuf, Vec<u8>)],
    /// The author (and committer).
    pub author: &'a Signature<'a>,
    /// The commit message.
    pub message: &'a str,
    /// Signs the commit, where the step must be signed.
    pub sign: Option<&'a Sign<'a>>,
    /// Judges the commit made, before anything else changes: a step records nothing that
    /// `svc check` would refuse.
    pub verify: Option<&'a Verify<'a>>,
}

/// Judges a commit object before the branch moves to it.
pub type Verify<'a> = dyn Fn(Oid) -> Result<(), StoreError> + 'a;

/// Finish (or undo) a step a killed svc left half done, if there is one — what every
/// command does before it reads the workspace, so that nothing reads a half-written step.
/// Costs one look for the journals when there is none.
pub fn settle(root: &Path) -> Result<(), StoreError> {
    let Ok(repo) = Repository::discover(root) else {
        return Ok(());
    };
    let svc_dir = repo.path().join("svc");
    if !svc_dir.join("transaction").exists() && !svc_dir.join("advance").exists() {
        return Ok(());
    }
    let store = Store::open(root)?;
    let lock = store.lock(
        "finishing a step an interrupted svc left",
        Duration::from_secs(3),
    )?;
    store.recover(&lock)?;
    Ok(())
}

impl Store {
    /// Open the repository whose work tree holds the workspace at `root`.
    pub fn open(root: &Path) -> Result<Store, StoreError> {
        let repo = Repository::discover(root).map_err(|_| StoreError::NotARepository)?;
        let workdir = repo
            .workdir()
            .ok_or(StoreError::NotARepository)?
            .canonicalize()
            .map_err(io(root))?;
        let root = root.canonicalize().map_err(io(root))?;
        let prefix = root
            .strip_prefix(&workdir)
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let svc_dir = repo.path().join("svc");
        Ok(Store {
            repo,
            workdir,
            prefix,
            svc_dir,
            config_sources: ConfigSources::default(),
        })
    }

    /// Read git's configuration from where `sources` says (the identity, the signing key).
    pub fn with_config_sources(self, sources: ConfigSources) -> Store {
        Store {
            config_sources: sources,
            ..self
        }
    }

    /// Where git's configuration comes from besides the repository's own.
    pub fn config_sources(&self) -> &ConfigSources {
        &self.config_sources
    }

    /// The repository.
    pub fn repo(&self) -> &Repository {
        &self.repo
    }

    /// svc's own folder in the repository (`.git/svc/`): the lock, the journal, scratch files.
    pub fn svc_dir(&self) -> &Path {
        &self.svc_dir
    }

    /// A path of the workspace as a path of the repository.
    pub fn repo_path(&self, rel: &Path) -> PathBuf {
        self.prefix.join(rel)
    }

    /// Take the lock, waiting up to `wait` for another svc to finish. `what` says who holds
    /// it, for the message the next one gets.
    pub fn lock(&self, what: &str, wait: Duration) -> Result<Lock, StoreError> {
        std::fs::create_dir_all(&self.svc_dir).map_err(io(&self.svc_dir))?;
        let path = self.svc_dir.join("lock");
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io(&path))?;
        let holder = self.svc_dir.join("lock-holder");
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(std::fs::TryLockError::WouldBlock) if start.elapsed() < wait => {
                    std::thread::sleep(Duration::from_millis(25))
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    let who = std::fs::read_to_string(&holder).unwrap_or_default();
                    let who = if who.trim().is_empty() {
                        "it did not say who".to_string()
                    } else {
                        who.trim().to_string()
                    };
                    return Err(StoreError::Locked(who));
                }
                Err(std::fs::TryLockError::Error(e)) => {
                    return Err(StoreError::Io { path, source: e });
                }
            }
        }
        write_atomic(
            &holder,
            format!("pid {}: {what}", std::process::id()).as_bytes(),
        )
        .map_err(io(&holder))?;
        Ok(Lock {
            _file: file,
            holder,
        })
    }

    /// The branch HEAD names and the commit it points at (`None` on an unborn branch).
    /// Refuses a detached HEAD and a merge or rebase in progress.
    pub fn head(&self) -> Result<(String, Option<Oid>), StoreError> {
        match self.repo.state() {
            RepositoryState::Clean => {}
            RepositoryState::Merge => return Err(StoreError::Busy("merge".into())),
            RepositoryState::Revert | RepositoryState::RevertSequence => {
                return Err(StoreError::Busy("revert".into()));
            }
            RepositoryState::CherryPick | RepositoryState::CherryPickSequence => {
                return Err(StoreError::Busy("cherry-pick".into()));
            }
            RepositoryState::Bisect => return Err(StoreError::Busy("bisect".into())),
            RepositoryState::Rebase
            | RepositoryState::RebaseInteractive
            | RepositoryState::RebaseMerge => {
                return Err(StoreError::Busy("rebase".into()));
            }
            RepositoryState::ApplyMailbox | RepositoryState::ApplyMailboxOrRebase => {
                return Err(StoreError::Busy("am".into()));
            }
        }
        let head = self
            .repo
            .find_reference("HEAD")
            .map_err(git("reading HEAD"))?;
        let Ok(Some(target)) = head.symbolic_target() else {
            return Err(StoreError::Detached);
        };
        let name = target.to_string();
        let oid = self.repo.refname_to_id(&name).ok();
        Ok((name, oid))
    }

    fn journal(&self) -> PathBuf {
        self.svc_dir.join("transaction")
    }

    fn advance_journal(&self) -> PathBuf {
        self.svc_dir.join("advance")
    }

    /// The work tree's root.
    pub fn workdir(&self) -> &Path {
        &self.workdir
    }

    /// Bring the branch, the index and the work tree from commit `old` to commit `new`,
    /// rewriting only the files that differ between the two. A file whose work tree or
    /// staged version is neither `old`'s nor `new`'s holds someone's uncommitted work: then
    /// nothing at all is changed ([`StoreError::Dirty`], naming the files). Journaled like a
    /// step: a process killed midway is finished by the next svc command.
    pub fn advance(
        &self,
        _lock: &Lock,
        branch: &str,
        (old, new): (Oid, Oid),
        fault: &dyn Fn(&str),
    ) -> Result<(), StoreError> {
        let changes = self.changes(old, new)?;
        let index = self.repo.index().map_err(git("reading the index"))?;
        let dirty: Vec<PathBuf> = changes
            .iter()
            .filter(|c| !self.is_clean(&index, c))
            .map(|c| c.path.clone())
            .collect();
        if !dirty.is_empty() {
            return Err(StoreError::Dirty(dirty));
        }
        let path = self.advance_journal();
        write_atomic(
            &path,
            format!("svc-advance 1\nref {branch}\nold {old}\nnew {new}\n").as_bytes(),
        )
        .map_err(io(&path))?;
        fault("advance-journal-written");
        self.apply(&changes)?;
        fault("advance-files-written");
        self.move_branch(branch, Some(old), new)?;
        std::fs::remove_file(&path).map_err(io(&path))
    }

    /// Finish an [`Store::advance`] a killed svc left midway: files still at `old`'s
    /// version are brought to `new`'s, others (the person's edits since) are left alone.
    fn recover_advance(&self) -> Result<(), StoreError> {
        let path = self.advance_journal();
        let Ok(text) = std::fs::read_to_string(&path) else {
            return Ok(());
        };
        let field = |key: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(key))
                .and_then(|v| Oid::from_str(v.trim()).ok())
        };
        let branch = text
            .lines()
            .find_map(|l| l.strip_prefix("ref "))
            .map(str::trim);
        if let (Some(branch), Some(old), Some(new)) = (branch, field("old "), field("new ")) {
            let files: Vec<PathBuf> = self
                .changes(old, new)
                .map(|c| c.into_iter().map(|c| c.path).collect())
                .unwrap_or_default();
            self.clear_leftovers(&path, branch, &files)?;
            let current = self.repo.refname_to_id(branch).ok();
            if current == Some(old) || current == Some(new) {
                let index = self.repo.index().map_err(git("reading the index"))?;
                let changes: Vec<Change> = self
                    .changes(old, new)?
                    .into_iter()
                    .filter(|c| self.is_clean(&index, c))
                    .collect();
                self.apply(&changes)?;
                if current == Some(old) {
                    self.move_branch(branch, Some(old), new)?;
                }
            }
        }
        std::fs::remove_file(&path).map_err(io(&path))
    }

    /// The files that differ between two commits, with their blob ids on each side.
    fn changes(&self, old: Oid, new: Oid) -> Result<Vec<Change>, StoreError> {
        let tree = |oid: Oid| {
            self.repo
                .find_commit(oid)
                .and_then(|c| c.tree())
                .map_err(git("reading a commit"))
        };
        let (old_tree, new_tree) = (tree(old)?, tree(new)?);
        let diff = self
            .repo
            .diff_tree_to_tree(Some(&old_tree), Some(&new_tree), None)
            .map_err(git("comparing trees"))?;
        let present =
            |f: git2::DiffFile| (!f.id().is_zero()).then(|| (f.id(), u32::from(f.mode())));
        Ok(diff
            .deltas()
            .filter_map(|d| {
                let path = d.new_file().path().or(d.old_file().path())?.to_path_buf();
                Some(Change {
                    path,
                    old: present(d.old_file()),
                    new: present(d.new_file()),
                })
            })
            .collect())
    }

    /// Whether a file to change holds, in the work tree and the index, `old`'s version or
    /// already `new`'s.
    fn is_clean(&self, index: &git2::Index, change: &Change) -> bool {
        let file = self.workdir.join(&change.path);
        let on_disk = match std::fs::symlink_metadata(&file) {
            Ok(m) if m.is_file() => Oid::hash_file(ObjectType::Blob, &file).ok(),
            Ok(_) => return false,
            Err(_) => None,
        };
        let staged = index.get_path(&change.path, 0).map(|e| e.id);
        let id = |side: Option<(Oid, u32)>| side.map(|(id, _)| id);
        let ok = |v: Option<Oid>| v == id(change.old) || v == id(change.new);
        ok(on_disk) && ok(staged) && !index.has_conflicts()
    }

    /// Write `new`'s version of each file (or remove it), and stage it.
    fn apply(&self, changes: &[Change]) -> Result<(), StoreError> {
        let mut index = self.repo.index().map_err(git("reading the index"))?;
        for change in changes {
            let file = self.workdir.join(&change.path);
            match change.new {
                Some((id, mode)) => {
                    let blob = self.repo.find_blob(id).map_err(git("reading a file"))?;
                    write_if_changed(&file, blob.content()).map_err(io(&file))?;
                    set_executable(&file, mode == u32::from(FileMode::BlobExecutable))
                        .map_err(io(&file))?;
                    index
                        .add_path(&change.path)
                        .map_err(git("updating the index"))?;
                }
                None => {
                    match std::fs::remove_file(&file) {
                        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                            return Err(StoreError::Io {
                                path: file,
                                source: e,
                            });
                        }
                        _ => {}
                    }
                    remove_empty_parents(&self.workdir, &file);
                    if index.get_path(&change.path, 0).is_some() {
                        index
                            .remove_path(&change.path)
                            .map_err(git("updating the index"))?;
                    }
                }
            }
        }
        index.write().map_err(git("writing the index"))
    }

    /// Finish a transition that a killed svc left half done (see the module docs). Returns
    /// the commit brought forward, if any.
    pub fn recover(&self, _lock: &Lock) -> Result<Option<Oid>, StoreError> {
        // A write of the journals themselves, or of the holder's note, cut short.
        for file in [
            self.journal(),
            self.advance_journal(),
            self.svc_dir.join("lock-holder"),
        ] {
            remove_temporaries(&file).map_err(io(&file))?;
        }
        self.recover_advance()?;
        let path = self.journal();
        let Ok(text) = std::fs::read_to_string(&path) else {
            return Ok(None);
        };
        let field = |key: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(key).map(str::trim).map(str::to_string))
        };
        let (Some(case), Some(branch), Some(old), Some(new)) =
            (field("case "), field("ref "), field("old "), field("new "))
        else {
            std::fs::remove_file(&path).map_err(io(&path))?;
            return Ok(None);
        };
        let new = Oid::from_str(&new).map_err(git("reading the journal"))?;
        let old = Oid::from_str(&old).ok();
        let written: Vec<PathBuf> = text
            .lines()
            .filter_map(|l| l.strip_prefix("write "))
            .map(|p| PathBuf::from(&case).join(p.trim()))
            .collect();
        self.clear_leftovers(&path, &branch, &written)?;
        let Ok(commit) = self.repo.find_commit(new) else {
            std::fs::remove_file(&path).map_err(io(&path))?;
            return Ok(None);
        };
        let current = self.repo.refname_to_id(&branch).ok();
        let case_dir = PathBuf::from(case);
        // Someone committed on top of the step since: it is recorded, and theirs is the
        // newer truth.
        if let Some(current) = current
            && current != new
            && self.repo.graph_descendant_of(current, new).unwrap_or(false)
        {
            std::fs::remove_file(&path).map_err(io(&path))?;
            return Ok(Some(new));
        }
        let writes = written;
        if current == old {
            self.move_branch(&branch, old, new)?;
        } else if current != Some(new) {
            // Someone else moved the branch meanwhile: the step was never recorded. Put
            // back what svc wrote (where the file still holds svc's text) and forget it.
            let tree = commit.tree().map_err(git("reading the tree"))?;
            let head_tree = current
                .map(|c| self.repo.find_commit(c).and_then(|c| c.tree()))
                .transpose()
                .map_err(git("reading HEAD"))?;
            for rel in &writes {
                let file = self.workdir.join(rel);
                if blob_at(&self.repo, &tree, rel) != std::fs::read(&file).ok() {
                    continue;
                }
                match head_tree.as_ref().and_then(|t| blob_at(&self.repo, t, rel)) {
                    Some(before) => write_atomic(&file, &before).map_err(io(&file))?,
                    None => std::fs::remove_file(&file).map_err(io(&file))?,
                }
            }
            self.index_as_in(head_tree.as_ref(), &case_dir)?;
            std::fs::remove_file(&path).map_err(io(&path))?;
            return Ok(None);
        }
        let tree = commit.tree().map_err(git("reading the tree"))?;
        for rel in &writes {
            if let Some(bytes) = blob_at(&self.repo, &tree, rel) {
                let file = self.workdir.join(rel);
                write_if_changed(&file, &bytes).map_err(io(&file))?;
            }
        }
        self.update_index(&case_dir)?;
        std::fs::remove_file(&path).map_err(io(&path))?;
        Ok(Some(new))
    }

    /// Commit the case folder as it is on disk, with svc's files replaced, on top of the
    /// current branch; then write svc's files and update the branch and the index. Nothing
    /// outside the case folder is touched, staged or not. `fault` is called at each of
    /// [`FAULT_POINTS`] (tests stop the process there).
    pub fn commit_case(
        &self,
        lock: &Lock,
        c: &CaseCommit,
        fault: &dyn Fn(&str),
    ) -> Result<Oid, StoreError> {
        self.recover(lock)?;
        let (branch, old) = self.head()?;
        let case_dir = self.repo_path(c.case_dir);
        let parent = old
            .map(|o| self.repo.find_commit(o))
            .transpose()
            .map_err(git("reading HEAD"))?;
        let base = parent
            .as_ref()
            .map(|p| p.tree())
            .transpose()
            .map_err(git("reading HEAD's tree"))?;
        let writes: std::collections::BTreeMap<&Path, &[u8]> = c
            .writes
            .iter()
            .map(|(p, b)| (p.as_path(), b.as_slice()))
            .collect();
        let case_tree = self.tree_of_dir(
            &self.workdir.join(&case_dir),
            &case_dir,
            Path::new(""),
            &writes,
        )?;
        let parts: Vec<String> = case_dir
            .components()
            .map(|p| p.as_os_str().to_string_lossy().into_owned())
            .collect();
        let root = replace_at(&self.repo, base.as_ref(), &parts, case_tree)?.ok_or_else(|| {
            StoreError::Io {
                path: case_dir.clone(),
                source: std::io::Error::other("the commit would leave an empty repository"),
            }
        })?;
        let tree = self
            .repo
            .find_tree(root)
            .map_err(git("reading the new tree"))?;
        let parents: Vec<&git2::Commit> = parent.iter().collect();
        let new = match c.sign {
            None => self
                .repo
                .commit(None, c.author, c.author, c.message, &tree, &parents)
                .map_err(git("making the commit"))?,
            Some(sign) => {
                let buffer = self
                    .repo
                    .commit_create_buffer(c.author, c.author, c.message, &tree, &parents)
                    .map_err(git("making the commit"))?;
                let signature = sign(&buffer)?;
                let text = buffer.as_str().map_err(|_| StoreError::Io {
                    path: case_dir.clone(),
                    source: std::io::Error::other("the commit is not UTF-8"),
                })?;
                // libgit2 indents the signature's lines itself; a final newline would
                // leave a blank continuation line that git does not write.
                self.repo
                    .commit_signed(text, signature.trim_end(), Some("gpgsig"))
                    .map_err(git("making the signed commit"))?
            }
        };
        fault("objects-written");
        if let Some(verify) = c.verify {
            verify(new)?;
        }
        let mut journal = format!(
            "svc-transaction 1\ncase {}\nref {branch}\nold {}\nnew {new}\n",
            case_dir.display(),
            old.map_or_else(|| "none".to_string(), |o| o.to_string())
        );
        for (rel, _) in c.writes {
            journal.push_str(&format!("write {}\n", rel.display()));
        }
        let path = self.journal();
        write_atomic(&path, journal.as_bytes()).map_err(io(&path))?;
        fault("journal-written");
        for (rel, bytes) in c.writes {
            let file = self.workdir.join(&case_dir).join(rel);
            if let Some(dir) = file.parent() {
                std::fs::create_dir_all(dir).map_err(io(dir))?;
            }
            write_atomic(&file, bytes).map_err(io(&file))?;
        }
        fault("case-written");
        // The index before the branch: whatever happens next, a plain `git commit` never
        // records the reverse of this step.
        self.update_index(&case_dir)?;
        fault("index-written");
        match self.move_branch(&branch, old, new) {
            Ok(()) => {}
            // Another git holds the branch's lock: the journal stays, and the next svc
            // command finishes the step.
            Err(e @ StoreError::RefLocked(..)) => return Err(e),
            Err(e) => {
                // Someone else moved the branch meanwhile: undo what was written.
                self.recover(lock)?;
                return Err(e);
            }
        }
        fault("branch-moved");
        std::fs::remove_file(&path).map_err(io(&path))?;
        Ok(new)
    }

    fn move_branch(&self, branch: &str, old: Option<Oid>, new: Oid) -> Result<(), StoreError> {
        let log = "svc";
        let result = match old {
            Some(old) => self.repo.reference_matching(branch, new, true, old, log),
            None => self.repo.reference(branch, new, false, log),
        };
        match result {
            Ok(_) => Ok(()),
            Err(e) if e.code() == git2::ErrorCode::Locked => Err(StoreError::RefLocked(
                branch.to_string(),
                self.repo.path().join(format!("{branch}.lock")),
            )),
            Err(_) => Err(StoreError::Moved(branch.to_string())),
        }
    }

    /// The lock files git (and libgit2) make while writing the branch `branch`, its reflog
    /// and the index: what a step killed in the middle of writing them leaves behind.
    fn git_locks(&self, branch: &str) -> Vec<PathBuf> {
        let git_dir = self.repo.path();
        vec![
            git_dir.join(format!("{branch}.lock")),
            git_dir.join("logs").join(format!("{branch}.lock")),
            git_dir.join("index.lock"),
        ]
    }

    /// Clear what a killed step of svc's own left while writing: git's lock files on the
    /// branch its journal (`journal`) names and on the index — those made after the
    /// journal was written, during the step: an older one belongs to another git — and
    /// svc's temporary files beside the files it was writing. Called holding svc's lock,
    /// with the journal pending: no svc is writing any of them now.
    fn clear_leftovers(
        &self,
        journal: &Path,
        branch: &str,
        files: &[PathBuf],
    ) -> Result<(), StoreError> {
        let since = std::fs::metadata(journal).and_then(|m| m.modified()).ok();
        for lock in self.git_locks(branch) {
            let made = std::fs::metadata(&lock).and_then(|m| m.modified());
            let ours = match (&made, since) {
                (Ok(made), Some(since)) => *made >= since,
                _ => false,
            };
            if !ours {
                continue;
            }
            match std::fs::remove_file(&lock) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(StoreError::Io {
                        path: lock,
                        source: e,
                    });
                }
                _ => {}
            }
        }
        for file in files {
            remove_temporaries(&self.workdir.join(file)).map_err(io(file))?;
        }
        Ok(())
    }

    /// Make the index say, for the case folder, exactly what the work tree holds (which is
    /// what was just committed); other entries stay as they were.
    fn update_index(&self, case_dir: &Path) -> Result<(), StoreError> {
        let mut index = self.repo.index().map_err(git("reading the index"))?;
        index
            .remove_dir(case_dir, 0)
            .map_err(git("updating the index"))?;
        let mut files = Vec::new();
        collect_files(&self.workdir.join(case_dir), case_dir, &mut files).map_err(io(case_dir))?;
        for (rel, _) in files {
            if !self.ignored(&rel) {
                index.add_path(&rel).map_err(git("updating the index"))?;
            }
        }
        index.write().map_err(git("writing the index"))
    }

    /// Make the index say, for the case folder, what `tree` holds (nothing when `None`):
    /// undoing a step leaves the person's forms as they were before it, not staged.
    fn index_as_in(&self, tree: Option<&Tree>, case_dir: &Path) -> Result<(), StoreError> {
        let mut index = self.repo.index().map_err(git("reading the index"))?;
        index
            .remove_dir(case_dir, 0)
            .map_err(git("updating the index"))?;
        let folder = tree
            .and_then(|t| t.get_path(case_dir).ok())
            .and_then(|e| self.repo.find_tree(e.id()).ok());
        if let Some(folder) = folder {
            let mut entries = Vec::new();
            folder
                .walk(git2::TreeWalkMode::PreOrder, |parent, entry| {
                    if entry.kind() == Some(ObjectType::Blob) {
                        entries.push((
                            case_dir.join(parent).join(entry.name().unwrap_or_default()),
                            entry.id(),
                            entry.filemode() as u32,
                        ));
                    }
                    git2::TreeWalkResult::Ok
                })
                .map_err(git("reading a tree"))?;
            for (path, id, mode) in entries {
                let entry = git2::IndexEntry {
                    ctime: git2::IndexTime::new(0, 0),
                    mtime: git2::IndexTime::new(0, 0),
                    dev: 0,
                    ino: 0,
                    mode,
                    uid: 0,
                    gid: 0,
                    file_size: 0,
                    id,
                    flags: 0,
                    flags_extended: 0,
                    path: path.to_string_lossy().into_owned().into_bytes(),
                };
                index.add(&entry).map_err(git("updating the index"))?;
            }
        }
        index.write().map_err(git("writing the index"))
    }

    fn ignored(&self, rel: &Path) -> bool {
        self.repo.status_should_ignore(rel).unwrap_or(false)
    }

    /// The tree of a folder on disk (`None` when it holds nothing git would track), with
    /// the files in `writes` (paths relative to the case folder) replaced or added.
    fn tree_of_dir(
        &self,
        abs: &Path,
        rel: &Path,
        inner: &Path,
        writes: &std::collections::BTreeMap<&Path, &[u8]>,
    ) -> Result<Option<Oid>, StoreError> {
        let mut builder = self
            .repo
            .treebuilder(None)
            .map_err(git("building a tree"))?;
        let mut names: Vec<(String, std::fs::FileType)> = match std::fs::read_dir(abs) {
            Ok(entries) => entries
                .filter_map(Result::ok)
                .filter_map(|e| Some((e.file_name().into_string().ok()?, e.file_type().ok()?)))
                .collect(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => {
                return Err(StoreError::Io {
                    path: abs.to_path_buf(),
                    source: e,
                });
            }
        };
        names.sort_by(|a, b| a.0.cmp(&b.0));
        let mut subdirs: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
        for (name, kind) in &names {
            if is_temporary(name) || self.ignored(&rel.join(name)) {
                continue;
            }
            let path = abs.join(name);
            if kind.is_dir() {
                subdirs.insert(name.clone());
            } else if kind.is_file() && !writes.contains_key(inner.join(name).as_path()) {
                let bytes = std::fs::read(&path).map_err(io(&path))?;
                let blob = self.repo.blob(&bytes).map_err(git("storing a file"))?;
                builder
                    .insert(name, blob, file_mode(&path).into())
                    .map_err(git("building a tree"))?;
            }
        }
        for (path, bytes) in writes {
            let Ok(rest) = path.strip_prefix(inner) else {
                continue;
            };
            let mut parts = rest.components();
            let (Some(first), None) = (parts.next(), parts.clone().next()) else {
                if let Some(first) = rest.components().next() {
                    subdirs.insert(first.as_os_str().to_string_lossy().into_owned());
                }
                continue;
            };
            let blob = self.repo.blob(bytes).map_err(git("storing a file"))?;
            builder
                .insert(first.as_os_str(), blob, FileMode::Blob.into())
                .map_err(git("building a tree"))?;
        }
        for name in subdirs {
            if let Some(sub) = self.tree_of_dir(
                &abs.join(&name),
                &rel.join(&name),
                &inner.join(&name),
                writes,
            )? {
                builder
                    .insert(&name, sub, FileMode::Tree.into())
                    .map_err(git("building a tree"))?;
            }
        }
        if builder.is_empty() {
            return Ok(None);
        }
        builder.write().map(Some).map_err(git("writing a tree"))
    }
}

/// One file that differs between two commits: its blob id and mode on each side.
struct Change {
    path: PathBuf,
    old: Option<(Oid, u32)>,
    new: Option<(Oid, u32)>,
}

fn set_executable(path: &Path, executable: bool) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mut permissions = std::fs::metadata(path)?.permissions();
        let mode = permissions.mode();
        let wanted = if executable {
            mode | ((mode & 0o444) >> 2)
        } else {
            mode & !0o111
        };
        if wanted != mode {
            permissions.set_mode(wanted);
            std::fs::set_permissions(path, permissions)?;
        }
    }
    let _ = (path, executable);
    Ok(())
}

/// Remove the folders left empty above a removed file, up to the work tree's root.
fn remove_empty_parents(root: &Path, file: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d == root || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

fn is_temporary(name: &str) -> bool {
    name.contains(".svc-") && name.ends_with(".tmp")
}

/// Remove the temporary files svc's atomic writes of `file` may have left beside it.
fn remove_temporaries(file: &Path) -> std::io::Result<()> {
    let (Some(dir), Some(name)) = (file.parent(), file.file_name()) else {
        return Ok(());
    };
    let prefix = format!(".{}.svc-", name.to_string_lossy());
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    for entry in entries.flatten() {
        let n = entry.file_name().to_string_lossy().into_owned();
        if n.starts_with(&prefix) && n.ends_with(".tmp") {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

fn file_mode(path: &Path) -> FileMode {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o111 != 0) {
            return FileMode::BlobExecutable;
        }
    }
    let _ = path;
    FileMode::Blob
}

fn collect_files(abs: &Path, rel: &Path, out: &mut Vec<(PathBuf, PathBuf)>) -> std::io::Result<()> {
    let entries = match std::fs::read_dir(abs) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        if is_temporary(&name.to_string_lossy()) {
            continue;
        }
        let kind = entry.file_type()?;
        if kind.is_dir() {
            collect_files(&entry.path(), &rel.join(&name), out)?;
        } else if kind.is_file() {
            out.push((rel.join(&name), entry.path()));
        }
    }
    Ok(())
}

/// Replace (or remove, with `None`) the entry at `path` under `base`, rebuilding only the
/// trees on the way: the cost is that of the folders on the path, not of the repository.
pub fn replace_at(
    repo: &Repository,
    base: Option<&Tree>,
    path: &[String],
    new: Option<Oid>,
) -> Result<Option<Oid>, StoreError> {
    let Some((name, rest)) = path.split_first() else {
        return Ok(new);
    };
    let mut builder = repo.treebuilder(base).map_err(git("building a tree"))?;
    let child = if rest.is_empty() {
        new
    } else {
        let existing = base
            .and_then(|b| b.get_name(name))
            .filter(|e| e.kind() == Some(ObjectType::Tree))
            .map(|e| repo.find_tree(e.id()))
            .transpose()
            .map_err(git("reading a tree"))?;
        replace_at(repo, existing.as_ref(), rest, new)?
    };
    match child {
        Some(oid) => {
            builder
                .insert(name, oid, FileMode::Tree.into())
                .map_err(git("building a tree"))?;
        }
        None => {
            if builder.get(name).map_err(git("reading a tree"))?.is_some() {
                builder.remove(name).map_err(git("building a tree"))?;
            }
        }
    }
    if builder.is_empty() {
        return Ok(None);
    }
    builder.write().map(Some).map_err(git("writing a tree"))
}

/// The bytes of the file at `path` in `tree`.
pub fn blob_at(repo: &Repository, tree: &Tree, path: &Path) -> Option<Vec<u8>> {
    let entry = tree.get_path(path).ok()?;
    let blob = repo.find_blob(entry.id()).ok()?;
    Some(blob.content().to_vec())
}
