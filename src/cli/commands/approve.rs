//! `svc approve CASE [--flight]`

use crate::cli::{Env, commands::step, error::CliResult};
use svc::forms::Action;
use svc::history::actions::Step;

/// Sign a task sheet (7.2), accept the records after the trip (5.1.6), or with --flight
/// approve flying (7.4)
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The case (any unique prefix or suffix of its id)
    case: String,
    /// Approve the trip's flights (general manager or marketing VP, 7.4)
    #[arg(long)]
    flight: bool,
    /// A note for the record
    #[arg(long)]
    note: Option<String>,
}

/// Approve.
pub fn run(args: Args, env: &Env) -> CliResult {
    let action = if args.flight {
        Action::ApproveFlight
    } else {
        Action::Approve
    };
    step::run(
        env,
        action,
        &args.case,
        Step {
            note: args.note,
            ..Step::default()
        },
    )
}
