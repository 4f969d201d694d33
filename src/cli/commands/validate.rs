//! `svc validate [CASE…]`

use crate::cli::{Env, error::CliResult};
use std::process::ExitCode;
use svc::t;
use svc::workspace::case;

/// Check forms against the procedure's rules.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Cases to check (any unique prefix or suffix of an id); all when none
    #[arg(value_name = "CASE")]
    cases: Vec<String>,
}

/// Validate and print every finding; exit 1 when there are errors.
pub fn run(args: Args, env: &Env) -> CliResult {
    let ws = env.workspace()?;
    let now = env.now(&ws)?;
    let selection = if args.cases.is_empty() {
        None
    } else {
        let (all, _) = case::discover(&ws.root);
        Some(
            args.cases
                .iter()
                .map(|q| case::lookup(&all, q))
                .collect::<Result<Vec<_>, _>>()?,
        )
    };
    let result = env.validate(&ws, selection.as_deref(), now);
    let (errors, warnings) = (result.errors(), result.warnings());
    if env.ui.json {
        env.ui.json(&serde_json::json!({
            "cases": result.cases.len(),
            "errors": errors,
            "warnings": warnings,
            "findings": result.findings,
        }))?;
    } else {
        env.ui.out(&env.ui.findings(&ws.root, &result.findings));
        env.ui.note(t!(
            "cli-validate-summary",
            cases = result.cases.len(),
            errors = errors,
            warnings = warnings
        ));
    }
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
