//! `svc assign CASE --to PERSON… [--reason …]`

use crate::cli::error::CliResult;
use crate::cli::{Env, commands::step};
use svc::forms::Action;
use svc::history::actions::Step;

/// Assign engineers to an accepted case (8.2, 5.1.3, 5.2.1), or change them before the trip.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The case (any unique prefix or suffix of its id)
    case: String,
    /// An engineer (person id); repeat for more
    #[arg(long = "to", value_name = "PERSON", required = true)]
    to: Vec<String>,
    /// A note for the record
    #[arg(long, conflicts_with = "reason")]
    note: Option<String>,
    /// Why the engineers change (required to re-assign a case already assigned; a task sheet
    /// submitted or signed goes back to be written and signed for the new engineers)
    #[arg(long)]
    reason: Option<String>,
}

/// Assign the case.
pub fn run(args: Args, env: &Env) -> CliResult {
    step::run(
        env,
        Action::Assign,
        &args.case,
        Step {
            note: args.reason.or(args.note),
            assignees: args.to,
            ..Step::default()
        },
    )
}
