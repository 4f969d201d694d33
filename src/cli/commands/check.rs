//! `svc check [--base REV]`

use crate::cli::commands::step::store_error;
use crate::cli::{
    Env,
    error::{CliError, CliResult},
};
use std::process::ExitCode;
use svc::forms::finding;
use svc::history::check;
use svc::history::store::Store;
use svc::t;

/// Validate and verify the history: every step legal, by the right person (for CI)
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Check only the commits after this revision (e.g. the target branch of a pull request)
    #[arg(long, value_name = "REV")]
    base: Option<String>,
    /// Judge every commit again, not only those not judged before
    #[arg(long)]
    full: bool,
}

/// Replay the history and validate; exit 1 on any error.
pub fn run(args: Args, env: &Env) -> CliResult {
    let ws = env.workspace()?;
    let now = env.now(&ws)?;
    let store = Store::open(&ws.root).map_err(store_error)?;
    let base = match &args.base {
        Some(rev) => Some(
            store
                .repo()
                .revparse_single(rev)
                .and_then(|o| o.peel_to_commit())
                .map(|c| c.id())
                .map_err(|e| {
                    CliError::refused(t!("cli-check-no-commit", rev = rev, error = e.message()))
                        .hint(t!("cli-check-no-commit-hint"))
                })?,
        ),
        None => None,
    };
    let mut findings =
        check::check(&store, base, args.full || !env.cached()).map_err(store_error)?;
    let validation = env.validate(&ws, None, now);
    findings.extend(validation.findings);
    finding::sort(&mut findings);
    let errors = findings.iter().filter(|f| f.is_error()).count();
    if env.ui.json {
        env.ui.json(&serde_json::json!({ "errors": errors, "warnings": findings.len() - errors, "findings": findings }))?;
    } else {
        env.ui.out(&env.ui.findings(&ws.root, &findings));
        env.ui.note(t!(
            "cli-check-summary",
            cases = validation.cases.len(),
            errors = errors,
            warnings = findings.len() - errors
        ));
    }
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
