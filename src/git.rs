//! Git, through libgit2: opening or creating the repository around a workspace and making
//! commits of exactly the files svc wrote.

use git2::{Repository, Signature};
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

/// The identity git would use here (`user.name`, `user.email`), if configured.
pub fn identity(repo: &Repository) -> Option<(String, String)> {
    let config = repo.config().ok()?;
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
