//! `svc init [DIR] [--example]`

use crate::cli::{
    Env, done,
    error::{CliError, CliResult},
};
use std::path::PathBuf;
use svc::init::{self, Admin, InitError, Template};

/// Create a workspace.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder (created if missing); the current folder when omitted
    dir: Option<PathBuf>,
    /// Create the bundled sample company: people, customers, catalog and cases in every state
    #[arg(long)]
    example: bool,
    /// The workspace's first admin, as `Name <e-mail>` or an e-mail (default: git's
    /// user.name and user.email)
    #[arg(long, value_name = "PERSON", conflicts_with = "example")]
    admin: Option<String>,
}

/// Write the files, git init if needed, commit.
pub fn run(args: Args, env: &Env) -> CliResult {
    let dir = match args.dir {
        Some(dir) => dir,
        None => env.start_dir()?,
    };
    let template = if args.example {
        Template::Example
    } else {
        Template::Starter
    };
    let admin = args
        .admin
        .as_deref()
        .map(Admin::parse)
        .transpose()
        .map_err(|e| {
            CliError::usage(e.to_string()).hint("--admin \"赵敏 <zhao.min@example.com>\"")
        })?;
    let created = init::create(&dir, template, &env.git_sources(), admin).map_err(|e| match e {
        InitError::Exists(_) => CliError::refused(e.to_string())
            .hint("use the workspace as it is, or choose another folder"),
        InitError::Occupied(_) => CliError::refused(e.to_string()).hint("choose an empty folder"),
        InitError::NoAdmin => CliError::refused(e.to_string()).hint(
            "name yourself: git config --global user.email you@example.com (and user.name), or svc init --admin \"Name <you@example.com>\"",
        ),
        InitError::BadAdmin(_) => CliError::usage(e.to_string())
            .hint("--admin \"赵敏 <zhao.min@example.com>\""),
        InitError::Io { .. } | InitError::Git(_) | InitError::Replay(_) => {
            CliError::env(e.to_string())
        }
    })?;
    if env.ui.json {
        env.ui.json(&serde_json::json!({
            "root": created.root,
            "files": created.files,
            "repository_created": created.repository_created,
            "commit": created.commit,
        }))?;
        return done();
    }
    let what = if args.example {
        "the sample company workspace"
    } else {
        "a workspace"
    };
    env.ui.line(format!(
        "Created {what} in {} ({} files).",
        dir.display(),
        created.files.len()
    ));
    if created.repository_created {
        env.ui.line("Initialised a git repository there.");
    }
    if let Some(commit) = &created.commit {
        env.ui
            .line(format!("Committed {}.", &commit[..commit.len().min(12)]));
    }
    if let Some(admin) = &created.admin {
        env.ui.line(format!(
            "You are its first admin: {} <{}> (people.toml, id {}); only an admin changes people.toml, svc.toml and catalog/.",
            svc::forms::text::visible(&admin.name),
            svc::forms::text::visible(&admin.email),
            admin.id()
        ));
        env.ui.line("Next: put your people in people.toml (the examples there are to be replaced), your customers in customers/, your prices in catalog/, and commit.");
    }
    done()
}
