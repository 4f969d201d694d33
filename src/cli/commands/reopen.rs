//! `svc reopen CASE --reason …`

use crate::cli::error::CliResult;
use crate::cli::{Env, commands::step, done};
use svc::forms::Action;
use svc::history::actions;
use svc::t;
use svc::team;
use svc::workspace::{Workspace, case};

/// Open a new case for a fault that came back after its case was finished: linked to it,
/// the finished case left as it is.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The finished case (any unique prefix or suffix of its id)
    case: String,
    /// What came back (required): the new request's fault
    #[arg(long)]
    reason: Option<String>,
}

/// Reopen the case and print the new case's id.
pub fn run(args: Args, env: &Env) -> CliResult {
    let root = env.root()?;
    let ws = Workspace::open(&root);
    let dir = case::find(&ws.root, &args.case)?;
    let reason = args.reason.unwrap_or_default();
    let new =
        actions::reopening(&ws, &dir, &reason).map_err(|e| step::action_error(e, env, &root))?;
    let outcome = step::at_desk(env, |desk| team::step::open_case(desk, &new))?;
    if env.ui.json {
        return step::report(env, Action::New, &outcome);
    }
    env.ui.line(&outcome.case);
    env.ui.note(t!(
        "cli-reopen-done",
        case = &outcome.case,
        old = new.reopens.as_deref().unwrap_or_default(),
        dir = outcome.dir.display().to_string(),
        commit = &outcome.commit.to_string()[..10]
    ));
    done()
}
