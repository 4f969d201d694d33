//! Git, through libgit2: opening or creating the repository around a workspace and making
//! commits of exactly the files svc wrote.

use git2::{Oid, Repository, Signature};
use std::path::{Path, PathBuf};

/// A git failure, with what svc was doing.
#[derive(Debug, thiserror::Error)]
#[error("git: {doing}: {source}")]
pub struct GitError {
    /// What svc was doing.
    pub doing: String,
    /// What libgit2 said.
    #[source]
    pub source: git2::Error,
}

fn ctx(doing: impl Into<String>) -> impl FnOnce(git2::Error) -> GitError {
    let doing = doing.into();
    move |source| GitError { doing, source }
}

/// The repository holding `dir`, or a new one created at `dir`; true when created.
pub fn open_or_init(dir: &Path) -> Result<(Repository, bool), GitError> {
    match Repository::discover(dir) {
        Ok(repo) => Ok((repo, false)),
        Err(_) => Repository::init(dir)
            .map(|r| (r, true))
            .map_err(ctx(format!("creating a repository in {}", dir.display()))),
    }
}

/// A branch's short name: `main` for `refs/heads/main` (a short name stays as it is).
pub fn short_branch(name: &str) -> &str {
    name.strip_prefix("refs/heads/").unwrap_or(name)
}

/// Whether the history of `tip` holds `commit`: it is `commit` or descends from it.
pub fn includes(repo: &Repository, tip: Oid, commit: Oid) -> bool {
    tip == commit || repo.graph_descendant_of(tip, commit).unwrap_or(false)
}

/// Where git's configuration comes from besides the repository's own: what git's
/// environment says (`GIT_CONFIG_GLOBAL`, `GIT_CONFIG_NOSYSTEM`), which libgit2 does not read
/// by itself. The command line fills it in; the default is git's usual files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConfigSources {
    /// The global configuration file instead of `~/.gitconfig` (`/dev/null` for none).
    pub global: Option<PathBuf>,
    /// Leave out the system configuration.
    pub no_system: bool,
}

/// The identity git would use here (`user.name`, `user.email`): the repository's
/// configuration over the global one over the system's, as git reads them.
pub fn identity(repo: &Repository, sources: &ConfigSources) -> Option<(String, String)> {
    let config = config(repo, sources)?;
    let email = config.get_string("user.email").ok()?;
    let name = config
        .get_string("user.name")
        .unwrap_or_else(|_| email.clone());
    Some((name, email))
}

/// Git's configuration for the repository: its own over the global one over the system's,
/// from where `sources` says, as git reads them.
pub fn config(repo: &Repository, sources: &ConfigSources) -> Option<git2::Config> {
    if *sources == ConfigSources::default() {
        return repo.config().ok();
    }
    let mut config = outer_config(sources)?;
    let local = repo.path().join("config");
    if local.is_file() {
        let _ = config.add_file(&local, git2::ConfigLevel::Local, false);
    }
    Some(config)
}

/// Git's configuration outside any repository (the global one over the system's), from
/// where `sources` says.
fn outer_config(sources: &ConfigSources) -> Option<git2::Config> {
    if *sources == ConfigSources::default() {
        return git2::Config::open_default().ok();
    }
    let mut config = git2::Config::new().ok()?;
    if !sources.no_system
        && let Ok(path) = git2::Config::find_system()
    {
        let _ = config.add_file(&path, git2::ConfigLevel::System, false);
    }
    match &sources.global {
        Some(path) if path.is_file() => {
            let _ = config.add_file(path, git2::ConfigLevel::Global, false);
        }
        Some(_) => {}
        None => {
            for path in [git2::Config::find_xdg(), git2::Config::find_global()]
                .into_iter()
                .flatten()
            {
                let _ = config.add_file(&path, git2::ConfigLevel::Global, false);
            }
        }
    }
    Some(config)
}

/// The identity git uses outside any repository: (name, e-mail), the name defaulting to the
/// e-mail.
pub fn global_identity(sources: &ConfigSources) -> Option<(String, String)> {
    let config = outer_config(sources)?;
    let email = config.get_string("user.email").ok()?;
    let name = config
        .get_string("user.name")
        .unwrap_or_else(|_| email.clone());
    Some((name, email))
}

/// Commit the given paths (relative to the work tree) as they are on disk, on top of HEAD
/// (an unborn branch gets its first commit). Nothing else in the index changes.
pub fn commit_paths(
    repo: &Repository,
    paths: &[PathBuf],
    author: &Signature<'_>,
    message: &str,
) -> Result<git2::Oid, GitError> {
    let mut index = repo.index().map_err(ctx("reading the index"))?;
    for path in paths {
        index
            .add_path(path)
            .map_err(ctx(format!("adding {}", path.display())))?;
    }
    index.write().map_err(ctx("writing the index"))?;
    let tree_id = index.write_tree().map_err(ctx("writing the tree"))?;
    let tree = repo.find_tree(tree_id).map_err(ctx("reading the tree"))?;
    let parent = match repo.head() {
        Ok(head) => Some(head.peel_to_commit().map_err(ctx("reading HEAD"))?),
        Err(_) => None,
    };
    let parents: Vec<&git2::Commit> = parent.iter().collect();
    repo.commit(Some("HEAD"), author, author, message, &tree, &parents)
        .map_err(ctx("committing"))
}

/// Tune libgit2's object reading for walking a long history. A month's folder of cases is
/// a tree of hundreds of kilobytes at a few thousand cases a month, above libgit2's default
/// limit for its object cache (4 KB), so every lookup through it would read, inflate and
/// parse it again: trees are kept up to 8 MB, in a cache of 128 MB a repository (svc check
/// opens one a core), and the packs are mapped 32 MB at a time, 256 MB at most, so that the
/// memory a walk of a million commits takes stays bounded. And an object read is not hashed again to compare with its id, as
/// git itself does not: the pack's own checksums and `git fsck` are there for a damaged
/// disk, and hashing every tree read was a sixth of a full check. Called once, before any
/// repository is opened (libgit2's options are global).
pub fn tune_object_reading() {
    git2::opts::strict_hash_verification(false);
    // SAFETY: libgit2's global options are set once at start, before any other thread or
    // repository exists; the values are plain sizes.
    unsafe {
        let _ = git2::opts::set_cache_object_limit(git2::ObjectType::Tree, 8 << 20);
        let _ = git2::opts::set_cache_max_size(16 << 20);
        let _ = git2::opts::set_mwindow_size(32 << 20);
        let _ = git2::opts::set_mwindow_mapped_limit(256 << 20);
    }
}
