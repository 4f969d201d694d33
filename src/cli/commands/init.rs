//! `svc init [DIR] [--example]`

use crate::cli::{
    Env, done,
    error::{CliError, CliResult},
};
use std::path::PathBuf;
use svc::init::{self, Admin, InitError, Template};
use svc::t;

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
        InitError::Exists(_) => CliError::refused(e.to_string()).hint(t!("cli-init-exists-hint")),
        InitError::Occupied(_) => {
            CliError::refused(e.to_string()).hint(t!("cli-init-occupied-hint"))
        }
        InitError::NoAdmin => CliError::refused(e.to_string()).hint(t!("cli-init-no-admin-hint")),
        InitError::BadAdmin(_) => {
            CliError::usage(e.to_string()).hint("--admin \"赵敏 <zhao.min@example.com>\"")
        }
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
    let (shown, count) = (dir.display().to_string(), created.files.len());
    env.ui.line(if args.example {
        t!("cli-init-created-example", dir = &shown, count = count)
    } else {
        t!("cli-init-created", dir = &shown, count = count)
    });
    if created.repository_created {
        env.ui.line(t!("cli-init-repository"));
    }
    if let Some(commit) = &created.commit {
        env.ui.line(t!(
            "cli-init-committed",
            commit = &commit[..commit.len().min(12)]
        ));
    }
    if let Some(admin) = &created.admin {
        env.ui.line(t!(
            "cli-init-admin",
            name = svc::forms::text::visible(&admin.name).into_owned(),
            email = svc::forms::text::visible(&admin.email).into_owned(),
            id = admin.id().to_string()
        ));
        env.ui.line(t!("cli-init-next"));
    }
    done()
}
