//! `svc schema [FORM]`

use crate::cli::{
    Env, done,
    error::{CliError, CliResult},
};
use svc::forms::schema::{SCHEMAS, schema_of};
use svc::t;

/// Print the JSON Schema (draft-07) of a form, for editors' TOML and YAML language servers.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The form: request, task-sheet, visit, fees, travel-log, summary; or case, settings,
    /// people, customer, parts, rates, calendar, plan. Without it, the list of names.
    form: Option<String>,
}

/// Print one schema, or the list of forms.
pub fn run(args: Args, env: &Env) -> CliResult {
    let Some(name) = args.form else {
        if env.ui.json {
            let all: serde_json::Map<String, serde_json::Value> = SCHEMAS
                .iter()
                .filter_map(|(n, _)| Some((n.to_string(), schema_of(n)?)))
                .collect();
            env.ui.json(&all)?;
        } else {
            for (name, title) in SCHEMAS {
                env.ui.line(format!("{name:<12} {title}"));
            }
        }
        return done();
    };
    match schema_of(&name) {
        Some(schema) => {
            env.ui.json(&schema)?;
            done()
        }
        None => {
            let names: Vec<&str> = SCHEMAS.iter().map(|(n, _)| *n).collect();
            let mut err = CliError::usage(t!("cli-schema-unknown", name = &name));
            if let Some(close) = svc::forms::decode::did_you_mean(&name, names.iter().copied()) {
                err = err.hint(t!("cli-schema-did-you-mean", name = close));
            }
            Err(err.hint(t!("cli-schema-forms", forms = names.join(", "))))
        }
    }
}
