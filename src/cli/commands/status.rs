//! `svc status`

use crate::cli::{Env, done, error::CliResult};
use svc::history::agenda;
use svc::history::store::Store;
use svc::t;

/// What awaits you, by your roles and assignments
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Print the current person's agenda.
pub fn run(_args: Args, env: &Env) -> CliResult {
    let ws = env.workspace()?;
    let now = env.now(&ws)?;
    let person = env.current_person(&ws)?;
    let validation = env.validate(&ws, None, now);
    let items = agenda::agenda_of(&ws, &validation.facts, &person, now);
    let standing = Store::open(&ws.root)
        .ok()
        .and_then(|store| svc::team::sync::standing(&store));
    if env.ui.json {
        let unshared = standing.as_ref().map(|(ahead, _, _)| ahead);
        env.ui
            .json(&serde_json::json!({ "person": person, "items": items, "unshared": unshared }))?;
        return done();
    }
    let who = ws.people.get(&person).map(|p| {
        let roles: Vec<&str> = p.roles.iter().map(|r| r.value.as_str()).collect();
        format!("{} ({person}): {}", p.name, roles.join(", "))
    });
    env.ui.line(who.unwrap_or(person));
    if let Some((ahead, _, upstream)) = standing.filter(|(ahead, _, _)| *ahead > 0) {
        env.ui.line(t!(
            "cli-status-unshared",
            count = ahead,
            upstream = upstream
        ));
    }
    if items.is_empty() {
        env.ui.line(t!("cli-status-nothing"));
        return done();
    }
    for item in &items {
        env.ui.line(format!(
            "  {}  {:<17} {}",
            item.case, item.state, item.title
        ));
        env.ui.line(format!("      → {}", item.todo));
    }
    done()
}
