//! `svc status`

use crate::cli::{Env, done, error::CliResult};
use svc::history::agenda;
use svc::history::store::Store;
use svc::rules::targets;
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
    // Each item's response targets (5.1.7) that are overdue, due soon or were missed.
    let flags: Vec<String> = items
        .iter()
        .map(|item| {
            validation
                .cases
                .iter()
                .find(|c| c.id == item.case)
                .map(|c| targets::flags(&ws, &c.deadlines, now))
                .unwrap_or_default()
        })
        .collect();
    if env.ui.json {
        let unshared = standing.as_ref().map(|(ahead, _, _)| ahead);
        let items: Vec<serde_json::Value> = items
            .iter()
            .map(|item| {
                let mut value = serde_json::to_value(item).unwrap_or_default();
                let clocks: Vec<_> = validation
                    .cases
                    .iter()
                    .find(|c| c.id == item.case)
                    .map(|c| c.deadlines.iter().map(|d| d.at(&ws, now)).collect())
                    .unwrap_or_default();
                if let Some(object) = value.as_object_mut() {
                    object.insert("targets".into(), serde_json::json!(clocks));
                }
                value
            })
            .collect();
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
    for (item, flags) in items.iter().zip(&flags) {
        env.ui.line(format!(
            "  {}  {:<17} {}",
            item.case, item.state, item.title
        ));
        env.ui.line(format!("      → {}", item.todo));
        if !flags.is_empty() {
            env.ui.line(format!("      ⏱ {flags}"));
        }
    }
    done()
}
