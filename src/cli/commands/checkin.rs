//! `svc checkin CASE --via phone|fax|email`

use crate::cli::{Env, commands::step, error::CliResult};
use svc::forms::Action;
use svc::forms::Via;
use svc::history::actions::Step;

/// Record a check-in with the company while on the road (7.5)
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The case (any unique prefix or suffix of its id)
    case: String,
    /// How: phone, fax or email
    #[arg(long, value_parser = parse_via)]
    via: Via,
    /// What was reported
    #[arg(long)]
    note: Option<String>,
}

fn parse_via(text: &str) -> Result<Via, String> {
    text.parse()
}

/// Check in.
pub fn run(args: Args, env: &Env) -> CliResult {
    step::run(
        env,
        Action::Checkin,
        &args.case,
        Step {
            note: args.note,
            via: Some(args.via),
            ..Step::default()
        },
    )
}
