//! `svc assign CASE --to PERSON…`

use crate::cli::{Env, commands::step, error::CliResult};
use svc::forms::Action;
use svc::history::actions::Step;

/// Assign engineers to an accepted case (8.2, 5.1.3, 5.2.1).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The case (any unique prefix or suffix of its id)
    case: String,
    /// An engineer (person id); repeat for more
    #[arg(long = "to", value_name = "PERSON", required = true)]
    to: Vec<String>,
    /// A note for the record
    #[arg(long)]
    note: Option<String>,
}

/// Assign the case.
pub fn run(args: Args, env: &Env) -> CliResult {
    step::run(
        env,
        Action::Assign,
        &args.case,
        Step {
            note: args.note,
            assignees: args.to,
            ..Step::default()
        },
    )
}
