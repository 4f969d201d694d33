//! `svc accept CASE --fee warranty|billable|agreement:ID`

use crate::cli::{Env, commands::step, error::CliResult};
use svc::forms::Action;
use svc::history::actions::Step;

/// Accept on-site service for a request, with the fee arrangement agreed (8.1, 5.1.2).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The case (any unique prefix or suffix of its id)
    case: String,
    /// The fee arrangement agreed with the customer: warranty, billable or agreement:ID
    #[arg(long)]
    fee: Option<String>,
    /// A note for the record
    #[arg(long)]
    note: Option<String>,
}

/// Accept the case.
pub fn run(args: Args, env: &Env) -> CliResult {
    step::run(
        env,
        Action::Accept,
        &args.case,
        Step {
            note: args.note,
            fee: args.fee,
            ..Step::default()
        },
    )
}
