//! One module per command, each with its clap arguments and its `run`.

mod completions;
mod init;
mod list;
mod schema;
mod show;
mod validate;

use super::Env;
use super::error::CliResult;

/// The commands.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Create a workspace (git init if needed), or the bundled sample company with --example
    Init(init::Args),
    /// Check every form against the procedure's rules and report all findings
    Validate(validate::Args),
    /// List cases with their state
    List(list::Args),
    /// Show a case: its forms' key facts, state, approvals and findings
    Show(show::Args),
    /// Print the JSON Schema of a form, for editors
    Schema(schema::Args),
    /// Print shell completions
    Completions(completions::Args),
}

/// Run one command.
pub fn run(command: Command, env: &Env) -> CliResult {
    match command {
        Command::Init(args) => init::run(args, env),
        Command::Validate(args) => validate::run(args, env),
        Command::List(args) => list::run(args, env),
        Command::Show(args) => show::run(args, env),
        Command::Schema(args) => schema::run(args, env),
        Command::Completions(args) => completions::run(args, env),
    }
}
