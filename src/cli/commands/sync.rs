//! `svc sync`

use crate::cli::commands::step::{fault_hook, store_error};
use crate::cli::error::{CliError, CliResult};
use crate::cli::{Env, done};
use std::process::ExitCode;
use svc::history::store::Store;
use svc::t;
use svc::team::remote::RemoteError;
use svc::team::sync::{self, SyncError, Synced};

/// Fetch, integrate, push; never loses or silently overrides a step
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Sync the current branch with its upstream; exit 1 when a local step was refused.
pub fn run(_args: Args, env: &Env) -> CliResult {
    let ws = env.workspace()?;
    let store = Store::open(&ws.root)
        .map_err(store_error)?
        .with_config_sources(env.git_sources());
    let synced = sync::sync(&store, &fault_hook()).map_err(|e| match e {
        SyncError::Store(e) => store_error(e),
        SyncError::Remote(RemoteError::NoRemote(m)) => {
            CliError::env(m).hint(t!("cli-sync-no-remote-hint"))
        }
        SyncError::Remote(e @ RemoteError::NoGit(_)) => {
            CliError::env(e.to_string()).hint(t!("cli-sync-no-git-hint"))
        }
        SyncError::Push(e) => CliError::env(e.to_string()).hint(t!("cli-sync-push-hint")),
        SyncError::Remote(e) => CliError::env(e.to_string()).hint(t!("cli-sync-remote-hint")),
        e @ SyncError::Conflict { .. } => {
            CliError::refused(e.to_string()).hint(t!("cli-sync-conflict-hint"))
        }
        e @ SyncError::Unsigned { .. } => {
            CliError::refused(e.to_string()).hint(t!("cli-sync-unchanged-hint"))
        }
        e @ SyncError::Switch(_) => {
            CliError::refused(e.to_string()).hint(t!("cli-sync-switch-hint"))
        }
        e @ SyncError::Race(_) => CliError::env(e.to_string()).hint(t!("cli-sync-race-hint")),
    })?;
    if env.ui.json {
        env.ui.json(&synced)?;
    } else {
        print(env, &synced);
    }
    if synced.refused.is_empty() {
        done()
    } else {
        Ok(ExitCode::from(1))
    }
}

fn print(env: &Env, s: &Synced) {
    let upstream = format!("{}/{}", s.remote, s.branch);
    if let Some(branch) = &s.merged {
        env.ui.line(t!(
            "cli-sync-merged",
            branch = branch,
            upstream = &upstream,
            local = &s.branch
        ));
    }
    if s.received > 0 {
        env.ui.line(t!(
            "cli-sync-received",
            count = s.received,
            upstream = &upstream
        ));
    }
    for step in &s.replayed {
        env.ui.line(t!(
            "cli-sync-replayed",
            upstream = &upstream,
            action = step.action.to_string(),
            case = step.case.to_string(),
            actor = step.actor.to_string(),
            at = step.at.to_string()
        ));
    }
    for r in &s.refused {
        let l = &r.local;
        let theirs = match &r.upstream {
            Some(u) => t!(
                "cli-sync-theirs",
                actor = u.actor.to_string(),
                action = u.action.to_string(),
                from = u.from.to_string(),
                to = u.to.to_string(),
                at = u.at.to_string()
            ),
            None => String::new(),
        };
        env.ui.line(t!(
            "cli-sync-refused",
            action = l.action.to_string(),
            case = l.case.to_string(),
            actor = l.actor.to_string(),
            at = l.at.to_string(),
            from = l.from.to_string(),
            to = l.to.to_string(),
            theirs = theirs,
            why = r.why.to_string()
        ));
        for form in &r.forms {
            env.ui.line(format!(
                "  {}",
                t!("cli-sync-kept-form", path = form.display().to_string())
            ));
        }
        env.ui.line(format!(
            "  {}",
            t!("cli-sync-kept-commit", commit = r.kept_as.to_string())
        ));
    }
    for d in &s.duplicates {
        env.ui.line(t!(
            "cli-sync-duplicate",
            case = d.local.case.to_string(),
            plan = d.plan.to_string(),
            occurrence = d.occurrence.to_string(),
            upstream = &upstream,
            opened_by = d.opened_by.to_string(),
            opened_at = d.opened_at.to_string()
        ));
    }
    if s.retries > 0 {
        env.ui.line(t!(
            "cli-sync-retried",
            upstream = &upstream,
            count = s.retries
        ));
    }
    if s.pushed > 0 {
        env.ui.line(t!(
            "cli-sync-pushed",
            count = s.pushed,
            upstream = &upstream
        ));
    }
    for branch in &s.case_branches {
        env.ui.line(t!(
            "cli-sync-pushed-branch",
            branch = branch,
            remote = &s.remote
        ));
    }
    if s.received == 0
        && s.pushed == 0
        && s.refused.is_empty()
        && s.duplicates.is_empty()
        && s.case_branches.is_empty()
    {
        env.ui.line(t!("cli-sync-up-to-date", upstream = &upstream));
    }
    if !s.refused.is_empty() {
        env.ui.note(t!("cli-sync-refused-note"));
    }
}
