//! `svc ci init github|gitlab|forgejo [--force]`: the forge's CI workflow and CODEOWNERS.

use crate::cli::output::{cannot_create, cannot_write};
use crate::cli::{Env, done, error::CliError, error::CliResult};
use svc::t;
use svc::team::ci::{self, Forge};

/// Set up continuous integration on a forge.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Sub,
}

/// The CI commands.
#[derive(Debug, clap::Subcommand)]
enum Sub {
    /// Write the forge's CI workflow (svc check on every pull request) and a CODEOWNERS from
    /// people.toml (cases to the leads; people.toml, catalog/, plans/, svc.toml to the admins)
    Init(InitArgs),
}

/// Which forge, and whether to overwrite.
#[derive(Debug, clap::Args)]
struct InitArgs {
    /// The forge hosting the workspace (forgejo also covers Gitea)
    #[arg(value_enum)]
    forge: ForgeArg,
    /// Overwrite the files if they exist
    #[arg(long)]
    force: bool,
}

/// The forges on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ForgeArg {
    /// GitHub: .github/workflows/svc.yml, .github/CODEOWNERS
    Github,
    /// GitLab: .gitlab-ci.yml, .gitlab/CODEOWNERS
    Gitlab,
    /// Forgejo or Gitea: .forgejo/workflows/svc.yml, .forgejo/CODEOWNERS
    Forgejo,
}

impl From<ForgeArg> for Forge {
    fn from(f: ForgeArg) -> Forge {
        match f {
            ForgeArg::Github => Forge::GitHub,
            ForgeArg::Gitlab => Forge::GitLab,
            ForgeArg::Forgejo => Forge::Forgejo,
        }
    }
}

/// Run a CI command.
pub fn run(args: Args, env: &Env) -> CliResult {
    match args.command {
        Sub::Init(args) => init(args, env),
    }
}

fn init(args: InitArgs, env: &Env) -> CliResult {
    let ws = env.workspace()?;
    if !ws.people_readable {
        return Err(CliError::refused(t!("cli-ci-people-unreadable"))
            .hint(t!("cli-ci-people-unreadable-hint")));
    }
    let forge = Forge::from(args.forge);
    let generated = ci::generate(forge, ws.people.values().map(|p| &p.value));
    if !args.force {
        let existing: Vec<&str> = generated
            .files
            .iter()
            .filter(|f| ws.root.join(f.path).exists())
            .map(|f| f.path)
            .collect();
        if !existing.is_empty() {
            return Err(
                CliError::refused(t!("cli-not-overwriting", files = existing.join(", ")))
                    .hint(t!("cli-ci-force-hint", forge = forge.as_str())),
            );
        }
    }
    for file in &generated.files {
        let path = ws.root.join(file.path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| cannot_create(dir, &e))?;
        }
        let written = if args.force {
            svc::workspace::fsutil::write_atomic(&path, file.text.as_bytes())
        } else {
            // create_new: a file that appeared since the check above is still not overwritten.
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
                .and_then(|mut f| std::io::Write::write_all(&mut f, file.text.as_bytes()))
        };
        written.map_err(|e| cannot_write(&path, &e))?;
    }
    if env.ui.json {
        env.ui.json(&serde_json::json!({
            "forge": forge.as_str(),
            "files": generated.files.iter().map(|f| f.path).collect::<Vec<_>>(),
            "without_owners": generated.without_owners,
        }))?;
        return done();
    }
    for file in &generated.files {
        env.ui.line(file.path);
    }
    for path in &generated.without_owners {
        env.ui.note(t!("cli-ci-no-owners", path = path.to_string()));
    }
    env.ui.note(t!("cli-ci-next", path = forge.workflow_path()));
    done()
}
