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
    /// A new workspace needs its first admin, and nobody was named.
    #[error("svc init needs the workspace's first admin, and git has no user.email here to take")]
    NoAdmin,
    /// `--admin` names no e-mail.
    #[error("`{0}` is not an e-mail address (nor `Name <e-mail>`)")]
    BadAdmin(String),
    /// The sample company's history could not be replayed.
    #[error("the sample company's history could not be replayed: {0}")]
    Replay(String),
}

/// What `create` did.
#[derive(Debug)]
pub struct Created {
    /// The first admin of a starter workspace.
    pub admin: Option<Admin>,
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
/// The workspace's first admin: whoever creates it (git's identity, or `svc init --admin`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Admin {
    /// The person's name.
    pub name: String,
    /// The e-mail, git's `user.email` on their desk.
    pub email: String,
}

impl Admin {
    /// Read `Name <e-mail>` or a bare e-mail (the name is then the e-mail's local part).
    pub fn parse(text: &str) -> Result<Admin, InitError> {
        let text = text.trim();
        let (name, email) = match text.rsplit_once('<') {
            Some((name, rest)) => (name.trim(), rest.trim_end_matches('>').trim()),
            None => ("", text),
        };
        if !crate::workspace::is_email(email) || crate::forms::text::hidden_char(name).is_some() {
            return Err(InitError::BadAdmin(text.to_string()));
        }
        let local = email.split('@').next().unwrap_or_default();
        Ok(Admin {
            name: if name.is_empty() {
                local.to_string()
            } else {
                name.to_string()
            },
            email: email.to_string(),
        })
    }

    /// The person id people.toml gives the admin: the e-mail's local part, in the
    /// characters ids are made of.
    pub fn id(&self) -> String {
        let local = self
            .email
            .split('@')
            .next()
            .unwrap_or_default()
            .to_lowercase();
        let id: String = local
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
            .collect();
        let id = id
            .trim_matches(|c: char| !c.is_ascii_alphanumeric())
            .to_string();
        if id.is_empty() {
            "admin".to_string()
        } else {
            id
        }
    }
}

/// The starter's people.toml with `admin` as its first person (csc and admin) in place of
/// the example admin; an example person with the admin's id or e-mail is left out.
fn starter_people(text: &str, admin: &Admin) -> String {
    let id = admin.id();
    let blocks: Vec<&str> = text.split("\n[[person]]\n").collect();
    let Some((head, people)) = blocks.split_first() else {
        return text.to_string();
    };
    let q = |s: &str| toml_edit::Value::from(s).to_string();
    let mut out = format!(
        "{head}\n[[person]]\nid = {}\nname = {}\nemail = {}\ndepartment = \"市场部客户服务中心\"\nroles = [\"csc\", \"admin\"]\n",
        q(&id),
        q(&admin.name),
        q(&admin.email)
    );
    for block in people.iter().skip(1) {
        let clashes = block.lines().any(|l| {
            l == format!("id = {}", q(&id))
                || l.to_lowercase() == format!("email = {}", q(&admin.email.to_lowercase()))
        });
        if !clashes {
            out.push_str("\n[[person]]\n");
            out.push_str(block);
        }
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Create a workspace in `dir`. A starter workspace's first admin is `admin` or, when none
/// is given, the person git's identity names there.
pub fn create(
    dir: &Path,
    template: Template,
    sources: &git::ConfigSources,
    admin: Option<Admin>,
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
    let admin = match (template, admin) {
        (Template::Example, _) => None,
        (Template::Starter, Some(admin)) => Some(admin),
        (Template::Starter, None) => {
            let repo = git2::Repository::discover(dir).ok();
            let identity = repo
                .as_ref()
                .and_then(|r| git::identity(r, sources))
                .or_else(|| git::global_identity(sources));
            let (name, email) = identity.ok_or(InitError::NoAdmin)?;
            let mut admin = Admin::parse(&email)?;
            if !name.trim().is_empty() {
                admin.name = name;
            }
            Some(admin)
        }
    };
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
        let people;
        let bytes: &[u8] = match &admin {
            Some(admin) if *rel == "people.toml" => {
                people = starter_people(&String::from_utf8_lossy(bytes), admin);
                people.as_bytes()
            }
            _ => bytes,
        };
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
    let signature = match &admin {
        Some(admin) => git2::Signature::now(&admin.name, &admin.email),
        None => example_founder(&root),
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
        admin,
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
