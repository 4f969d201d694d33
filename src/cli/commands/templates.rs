//! `svc templates export [DIR]`: the built-in templates written out, for editing.

use crate::cli::output::{cannot_create, cannot_write};
use crate::cli::{Env, done, error::CliError, error::CliResult};
use std::path::PathBuf;
use svc::report::templates;
use svc::t;

/// Work with the report templates.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Sub,
}

/// The template commands.
#[derive(Debug, clap::Subcommand)]
enum Sub {
    /// Write the built-in templates to DIR (default: the workspace's templates/), never
    /// overwriting a file; a file there with a built-in's name replaces it in reports
    Export(ExportArgs),
}

/// Where to write the templates.
#[derive(Debug, clap::Args)]
struct ExportArgs {
    /// The folder to write to (created if missing); default: templates/ in the workspace
    #[arg(value_name = "DIR")]
    dir: Option<PathBuf>,
}

/// Run a template command.
pub fn run(args: Args, env: &Env) -> CliResult {
    match args.command {
        Sub::Export(args) => export(args, env),
    }
}

fn export(args: ExportArgs, env: &Env) -> CliResult {
    let dir = match args.dir {
        Some(dir) => dir,
        None => env.workspace()?.root.join(templates::WORKSPACE_DIR),
    };
    let existing: Vec<String> = templates::BUILTIN
        .iter()
        .filter(|(name, _)| dir.join(name).exists())
        .map(|(name, _)| dir.join(name).display().to_string())
        .collect();
    if !existing.is_empty() {
        return Err(
            CliError::refused(t!("cli-not-overwriting", files = existing.join(", ")))
                .hint(t!("cli-templates-not-overwriting-hint")),
        );
    }
    std::fs::create_dir_all(&dir).map_err(|e| cannot_create(&dir, &e))?;
    for (name, text) in templates::BUILTIN {
        let path = dir.join(name);
        // create_new: a file that appeared since the check above is still not overwritten.
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut file| std::io::Write::write_all(&mut file, text.as_bytes()));
        written.map_err(|e| cannot_write(&path, &e))?;
        env.ui.line(path.display().to_string());
    }
    env.ui
        .note(t!("cli-templates-wrote", count = templates::BUILTIN.len()));
    done()
}
