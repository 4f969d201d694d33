//! `svc init [DIR] [--example]`

use crate::cli::{
    Env, done,
    error::{CliError, CliResult},
};
use std::path::PathBuf;
use svc::init::{self, InitError, Template};

/// Create a workspace.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder (created if missing); the current folder when omitted
    dir: Option<PathBuf>,
    /// Create the bundled sample company: people, customers, catalog and cases in every state
    #[arg(long)]
    example: bool,
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
    let created = init::create(&dir, template, &env.git_sources()).map_err(|e| match e {
        InitError::Exists(_) => CliError::refused(e.to_string())
            .hint("use the workspace as it is, or choose another folder"),
        InitError::Occupied(_) => CliError::refused(e.to_string()).hint("choose an empty folder"),
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
    if !args.example {
        env.ui.line("Next: put your people in people.toml, your customers in customers/, your prices in catalog/.");
    }
    done()
}
