//! `svc log CASE`

use crate::cli::commands::step::store_error;
use crate::cli::{Env, done, error::CliResult};
use svc::history::log;
use svc::history::store::Store;
use svc::t;
use svc::workspace::case;

/// Show a case's history from git: when, who, from → to, note
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The case (any unique prefix or suffix of its id)
    case: String,
}

/// Print the steps of the case, oldest first.
pub fn run(args: Args, env: &Env) -> CliResult {
    let ws = env.workspace()?;
    let dir = case::find(&ws.root, &args.case)?;
    let id = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let store = Store::open(&ws.root).map_err(store_error)?;
    let entries = log::case_log(store.repo(), &id, env.cached()).map_err(store_error)?;
    if env.ui.json {
        env.ui.json(&entries)?;
        return done();
    }
    if entries.is_empty() {
        env.ui.note(t!("cli-log-empty", case = &id));
        return done();
    }
    let offset = ws.offset();
    for e in &entries {
        let name = ws
            .people
            .get(&e.actor)
            .map_or_else(|| e.actor.clone(), |p| format!("{} ({})", p.name, e.actor));
        env.ui.line(format!(
            "{}  {:<14} {:<17} -> {:<17} {}  {}",
            e.when.with_timezone(&offset).format("%Y-%m-%d %H:%M"),
            e.action,
            e.from,
            e.to,
            name,
            &e.commit[..10]
        ));
        for line in e.note.lines().filter(|l| !l.trim().is_empty()) {
            env.ui.line(format!("                  {line}"));
        }
    }
    done()
}
