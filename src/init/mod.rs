//! Creating a workspace: the starter files (bilingual, commented) or the sample company,
//! written into a folder that becomes (or already is) a git repository, and committed.
//!
//! - [`replay`]: the sample company's cases replayed as real steps, for `svc init --example`.

pub mod replay;

use crate::history::git::{self, GitError};
use std::path::{Path, PathBuf};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// Which workspace to create.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    /// A starter workspace to fill in.
    Starter,
    /// The bundled sample company with cases in every state.
    Example,
}

impl Template {
    /// The files of the template, by relative path.
    pub fn files(self) -> &'static [(&'static str, &'static [u8])] {
        match self {
            Template::Starter => embedded::STARTER,
            Template::Example => embedded::EXAMPLE,
        }
    }
}

/// Why a workspace could not be created.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// The folder already holds a workspace.
    #[error("{0} is already an svc workspace")]
    Exists(PathBuf),
    /// A file svc would write is already there.
    #[error("{0} already exists; svc will not overwrite it")]
    Occupied(PathBuf),
    /// Writing failed.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// Git failed.
    #[error(transparent)]
    Git(#[from] GitError),
    /// The sample company's history could not be replayed.
    #[error("the sample company's history could not be replayed: {0}")]
    Replay(String),
}

/// What `create` did.
#[derive(Debug)]
pub struct Created {
    /// The workspace root.
    pub root: PathBuf,
    /// The files written, relative to the root.
    pub files: Vec<PathBuf>,
    /// Whether a git repository was created.
    pub repository_created: bool,
    /// The commit made, if any.
    pub commit: Option<String>,
}

/// Write a template into `dir` (created if missing), make it a git repository if it is not
/// inside one, and commit the new files (the starter as git's identity from `sources`).
/// Refuses to overwrite anything.
pub fn create(
    dir: &Path,
    template: Template,
    sources: &git::ConfigSources,
) -> Result<Created, InitError> {
    if dir.join(crate::workspace::SETTINGS_FILE).exists() {
        return Err(InitError::Exists(dir.to_path_buf()));
    }
    let files = template.files();
    for (rel, _) in files {
        let path = dir.join(rel);
        if path.exists() {
            return Err(InitError::Occupied(path));
        }
    }
    std::fs::create_dir_all(dir).map_err(|source| InitError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    // The example's cases are not copied: they are replayed step by step below.
    let shared: Vec<&(&str, &[u8])> = files
        .iter()
        .filter(|(rel, _)| template == Template::Starter || !rel.starts_with("cases/"))
        .collect();
    let mut written = Vec::new();
    for (rel, bytes) in &shared {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|source| InitError::Io {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        crate::workspace::fsutil::write_atomic(&path, bytes).map_err(|source| InitError::Io {
            path: path.clone(),
            source,
        })?;
        written.push(PathBuf::from(rel));
    }
    let (repo, created) = git::open_or_init(dir)?;
    let root = dir.canonicalize().map_err(|source| InitError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let workdir = repo
        .workdir()
        .and_then(|w| w.canonicalize().ok())
        .unwrap_or_else(|| root.clone());
    let in_repo: Vec<PathBuf> = written
        .iter()
        .map(|rel| {
            root.join(rel)
                .strip_prefix(&workdir)
                .map(Path::to_path_buf)
                .unwrap_or_else(|_| rel.clone())
        })
        .collect();
    let signature = match template {
        Template::Starter => {
            let (name, email) = git::identity(&repo, sources)
                .unwrap_or_else(|| ("svc".to_string(), "svc@localhost".to_string()));
            git2::Signature::now(&name, &email)
        }
        Template::Example => example_founder(&root),
    }
    .map_err(|source| GitError {
        doing: "making the author".into(),
        source,
    })?;
    let message = match template {
        Template::Starter => "Create the svc workspace",
        Template::Example => {
            "Create the sample company workspace\n\nPeople, customers, the parts price list and the rate card."
        }
    };
    let mut commit = git::commit_paths(&repo, &in_repo, &signature, message)?;
    if template == Template::Example {
        crate::init::replay::replay(&root, files).map_err(|e| InitError::Replay(e.to_string()))?;
        commit = repo
            .head()
            .and_then(|h| h.peel_to_commit())
            .map(|c| c.id())
            .map_err(|source| GitError {
                doing: "reading HEAD".into(),
                source,
            })?;
        written.extend(
            files
                .iter()
                .filter(|(rel, _)| rel.starts_with("cases/"))
                .map(|(rel, _)| PathBuf::from(rel)),
        );
    }
    Ok(Created {
        root,
        files: written,
        repository_created: created,
        commit: Some(commit.to_string()),
    })
}

/// The sample company's admin sets the workspace up the day before its first case.
fn example_founder(root: &Path) -> Result<git2::Signature<'static>, git2::Error> {
    let ws = crate::workspace::Workspace::open(root);
    let admin = ws.people.values().find(|p| {
        p.roles
            .iter()
            .any(|r| r.value == crate::forms::config::Role::Admin)
    });
    let (name, email) = admin.map_or(("svc".to_string(), "svc@localhost".to_string()), |p| {
        (p.name.clone(), p.email.value.clone())
    });
    let first = Template::Example
        .files()
        .iter()
        .filter(|(rel, _)| rel.ends_with("/case.toml"))
        .filter_map(|(_, bytes)| {
            let text = std::str::from_utf8(bytes).ok()?;
            let node = crate::forms::node::parse_toml(text).ok()?;
            chrono::DateTime::parse_from_rfc3339(node.get("opened_at")?.as_str()?).ok()
        })
        .min();
    let when = first.map_or(0, |t| t.timestamp() - 86_400);
    let offset = first.map_or(480, |t| t.offset().local_minus_utc() / 60);
    git2::Signature::new(&name, &email, &git2::Time::new(when, offset))
}
