//! `svc sync`

use crate::cli::commands::step::{fault_hook, store_error};
use crate::cli::error::{CliError, CliResult};
use crate::cli::{Env, done};
use std::process::ExitCode;
use svc::history::store::Store;
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
        SyncError::Remote(RemoteError::NoRemote(m)) => CliError::env(m)
            .hint("add the team's repository: git remote add origin URL (then svc sync)"),
        SyncError::Remote(e @ RemoteError::NoGit(_)) => {
            CliError::env(e.to_string()).hint("install git; svc uses it to reach remotes")
        }
        SyncError::Push(e) => CliError::env(e.to_string()).hint(
            "what upstream had is integrated here, your steps on top; nothing was pushed. If the branch is protected, steps reach it by pull request (review = \"pull-request\"); else run svc sync again",
        ),
        SyncError::Remote(e) => CliError::env(e.to_string())
            .hint("nothing was changed; check the network and your access to the remote, then run svc sync again"),
        e @ SyncError::Conflict { .. } => CliError::refused(e.to_string()).hint(
            "nothing was changed; that commit was not made by svc, so svc cannot merge it: integrate it with git (git pull --rebase), then svc sync",
        ),
        e @ SyncError::Unsigned { .. } => CliError::refused(e.to_string())
            .hint("nothing was changed"),
        e @ SyncError::Switch(_) => CliError::refused(e.to_string())
            .hint("your steps are shared; switch back by hand (git switch main) when the files are out of the way"),
        e @ SyncError::Race(_) => CliError::env(e.to_string()).hint("your steps are integrated locally; run svc sync again"),
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
        env.ui.line(format!(
            "{branch} was merged into {upstream}: back on {}",
            s.branch
        ));
    }
    if s.received > 0 {
        env.ui
            .line(format!("received {} commit(s) from {upstream}", s.received));
    }
    for step in &s.replayed {
        env.ui.line(format!(
            "took again on top of {upstream}: {} {} by {} ({}), the case had moved there",
            step.action, step.case, step.actor, step.at
        ));
    }
    for r in &s.refused {
        let l = &r.local;
        let theirs = match &r.upstream {
            Some(u) => format!(
                "; upstream, {} took `{}` ({} -> {}) at {}",
                u.actor, u.action, u.from, u.to, u.at
            ),
            None => String::new(),
        };
        env.ui.line(format!(
            "refused: `{}` of {} by {} ({}, {} -> {}) no longer applies{theirs}: {}",
            l.action, l.case, l.actor, l.at, l.from, l.to, r.why
        ));
        for form in &r.forms {
            env.ui.line(format!(
                "  kept in the work tree, uncommitted: {}",
                form.display()
            ));
        }
        env.ui
            .line(format!("  the refused commit is kept as {}", r.kept_as));
    }
    if s.retries > 0 {
        env.ui.line(format!(
            "{upstream} moved while pushing; integrated again and retried ({} time(s))",
            s.retries
        ));
    }
    if s.pushed > 0 {
        env.ui
            .line(format!("pushed {} commit(s) to {upstream}", s.pushed));
    }
    for branch in &s.case_branches {
        env.ui.line(format!(
            "pushed {branch} to {} (its pull request)",
            s.remote
        ));
    }
    if s.received == 0 && s.pushed == 0 && s.refused.is_empty() && s.case_branches.is_empty() {
        env.ui.line(format!("up to date with {upstream}"));
    }
    if !s.refused.is_empty() {
        env.ui.note(
            "a refused step was not recorded: `svc show CASE` shows where the case stands now; take the step again if it still makes sense",
        );
    }
}
