//! `svc completions SHELL`

use crate::cli::{Env, done, error::CliResult};

/// Print shell completions.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

/// Print completions for the shell.
pub fn run(args: Args, env: &Env) -> CliResult {
    let mut cmd = crate::cli::command();
    let mut buffer = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "svc", &mut buffer);
    env.ui.out(&String::from_utf8_lossy(&buffer));
    done()
}
