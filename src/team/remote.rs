//! The network, through the person's own `git`: fetch and push.
//!
//! svc makes commits with libgit2 but talks to remotes by running `git`, as cargo does with
//! `git-fetch-with-cli`: https then uses the person's credential helper, ssh their agent,
//! `~/.ssh/config` and known hosts, and proxies, `insteadOf` rewrites and certificates
//! behave exactly as they do for `git` itself. svc carries no TLS or SSH code of its own.

use crate::t;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Why talking to the remote failed.
#[derive(Debug, thiserror::Error)]
pub enum RemoteError {
    /// `git` is not installed (or not on PATH).
    #[error("{}", t!("team-remote-no-git", error = .0.to_string()))]
    NoGit(std::io::Error),
    /// The branch has no remote to sync with.
    #[error("{0}")]
    NoRemote(String),
    /// `git` failed.
    #[error("{}", t!("team-remote-failed", command = .command, stderr = .stderr))]
    Failed {
        /// The command, without `git`.
        command: String,
        /// What git said.
        stderr: String,
    },
}

/// Where a branch syncs to: the remote and the branch there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upstream {
    /// The remote's name (`origin`).
    pub remote: String,
    /// The branch's name on the remote (`main`).
    pub branch: String,
}

impl Upstream {
    /// The remote-tracking ref that `fetch` updates (`refs/remotes/origin/main`).
    pub fn tracking_ref(&self) -> String {
        format!("refs/remotes/{}/{}", self.remote, self.branch)
    }
}

/// What a push did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pushed {
    /// The remote took it.
    Done,
    /// The remote has commits this clone does not (someone pushed first): integrate and
    /// push again.
    Behind(String),
}

/// The upstream of a local branch (`refs/heads/NAME` or `NAME`): git's
/// `branch.NAME.remote` and `branch.NAME.merge` when set; otherwise the same branch name on
/// the only remote, or on `origin` when there are several.
pub fn upstream(repo: &git2::Repository, branch: &str) -> Result<Upstream, RemoteError> {
    let short = crate::history::git::short_branch(branch);
    let config = repo.config().ok();
    let get = |key: String| config.as_ref().and_then(|c| c.get_string(&key).ok());
    if let (Some(remote), Some(merge)) = (
        get(format!("branch.{short}.remote")),
        get(format!("branch.{short}.merge")),
    ) && remote != "."
    {
        let branch = crate::history::git::short_branch(&merge);
        return Ok(Upstream {
            remote,
            branch: branch.to_string(),
        });
    }
    let names: Vec<String> = repo
        .remotes()
        .map(|r| {
            r.iter()
                .filter_map(|n| n.ok().flatten())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let remote = match names.as_slice() {
        [] => {
            return Err(RemoteError::NoRemote(t!("team-remote-none")));
        }
        [only] => only.clone(),
        many if many.iter().any(|n| n == "origin") => "origin".to_string(),
        many => {
            return Err(RemoteError::NoRemote(t!(
                "team-remote-ambiguous",
                branch = short,
                remotes = many.join(", ")
            )));
        }
    };
    Ok(Upstream {
        remote,
        branch: short.to_string(),
    })
}

/// The URL of a remote, as configured.
pub fn url(repo: &git2::Repository, remote: &str) -> Option<String> {
    repo.find_remote(remote)
        .ok()?
        .url()
        .ok()
        .map(str::to_string)
}

/// The person's `git`, run in the repository's work tree.
pub struct Git {
    workdir: PathBuf,
}

impl Git {
    /// `git` working in `workdir`.
    pub fn new(workdir: &Path) -> Git {
        Git {
            workdir: workdir.to_path_buf(),
        }
    }

    fn run(&self, args: &[&str]) -> Result<std::process::Output, RemoteError> {
        let mut command = Command::new("git");
        command
            .arg("-C")
            .arg(&self.workdir)
            .args(args)
            .stdin(Stdio::inherit())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        // Without a terminal nobody can answer a password prompt: fail instead of waiting.
        if !std::io::stdin().is_terminal() {
            command.env("GIT_TERMINAL_PROMPT", "0");
        }
        command.output().map_err(RemoteError::NoGit)
    }

    fn failed(args: &[&str], output: &std::process::Output) -> RemoteError {
        RemoteError::Failed {
            command: args.join(" "),
            stderr: String::from_utf8_lossy(&output.stderr).trim().to_string(),
        }
    }

    /// Fetch the given branches of a remote into its remote-tracking refs
    /// (`refs/remotes/REMOTE/BRANCH`); a branch the remote does not have is no error.
    pub fn fetch(&self, remote: &str, branches: &[&str]) -> Result<(), RemoteError> {
        let mut args = vec!["fetch", "--quiet", "--no-tags", remote];
        let specs: Vec<String> = branches
            .iter()
            .map(|b| format!("+refs/heads/{b}:refs/remotes/{remote}/{b}"))
            .collect();
        if specs.is_empty() {
            return self.checked(&args);
        }
        args.extend(specs.iter().map(String::as_str));
        match self.checked(&args) {
            // One of the branches is missing there: fetch what exists, one by one.
            Err(RemoteError::Failed { stderr, .. })
                if stderr.contains("couldn't find remote ref") =>
            {
                for spec in &specs {
                    match self.checked(&["fetch", "--quiet", "--no-tags", remote, spec]) {
                        Err(RemoteError::Failed { stderr, .. })
                            if stderr.contains("couldn't find remote ref") => {}
                        other => other?,
                    }
                }
                Ok(())
            }
            other => other,
        }
    }

    fn checked(&self, args: &[&str]) -> Result<(), RemoteError> {
        let output = self.run(args)?;
        if output.status.success() {
            Ok(())
        } else {
            Err(Git::failed(args, &output))
        }
    }

    /// Push a local branch to a branch of the remote (fast-forward only). `track` records
    /// the remote branch as the local branch's upstream.
    pub fn push(
        &self,
        remote: &str,
        local: &str,
        to: &str,
        track: bool,
    ) -> Result<Pushed, RemoteError> {
        let spec = format!("refs/heads/{local}:refs/heads/{to}");
        let mut args = vec!["push", "--porcelain", "--quiet"];
        if track {
            args.push("--set-upstream");
        }
        args.extend([remote, spec.as_str()]);
        let output = self.run(&args)?;
        if output.status.success() {
            return Ok(Pushed::Done);
        }
        // `--porcelain`: one line per ref, `!` for a refused one, the reason last; a plain
        // "[rejected]" means the remote moved on, "[remote rejected]" a hook or a
        // protected branch said no.
        let stdout = String::from_utf8_lossy(&output.stdout);
        let refused = stdout
            .lines()
            .filter_map(|l| l.strip_prefix('!'))
            .filter_map(|l| l.split('\t').nth(2))
            .find(|summary| summary.starts_with("[rejected]"));
        match refused {
            Some(summary) => Ok(Pushed::Behind(summary.to_string())),
            None => Err(Git::failed(&args, &output)),
        }
    }
}
