//! The command line: arguments (clap), one module per command under [`commands`], the
//! terminal in [`ui`], and exit codes in [`error`]. Every command is a thin wrapper that
//! finds the workspace, calls the core library, and presents what it returns.

mod commands;
mod error;
mod help;
mod output;
mod ui;
mod usage;

use clap::{Args, CommandFactory, FromArgMatches, Parser};
use error::{CliError, CliResult};
use std::path::PathBuf;
use std::process::ExitCode;
use svc::forms::config::Locale;
use svc::forms::decode::Timestamp;
use svc::workspace::{self, Workspace};
use ui::{ColorChoice, Ui};

/// Run a Customer Service Centre's on-site service procedure over a git-tracked folder of
/// forms (现场服务工作程序)
#[derive(Debug, Parser)]
#[command(name = "svc", version, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    global: GlobalArgs,
    #[command(subcommand)]
    command: commands::Command,
}

/// Options every command takes (shown in their own section of each command's help).
#[derive(Debug, Args)]
#[command(next_help_heading = help::GLOBAL_HEADING)]
pub struct GlobalArgs {
    /// Run in the workspace at DIR instead of searching upward from the current folder
    #[arg(short = 'C', global = true, value_name = "DIR")]
    dir: Option<PathBuf>,
    /// Language of messages, help and printed papers: zh-CN or en (default: LC_ALL,
    /// LC_MESSAGES or LANG for messages, locale in svc.toml for papers)
    #[arg(long, global = true, value_name = "LOCALE", value_parser = parse_locale)]
    locale: Option<Locale>,
    /// Print machine-readable JSON
    #[arg(long, global = true)]
    json: bool,
    /// When to use colour
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        value_name = "WHEN"
    )]
    color: ColorChoice,
    /// Print less
    #[arg(short, long, global = true)]
    quiet: bool,
    /// Read every form and commit again instead of through svc's caches in .git/svc (the
    /// answer is the same; this proves it)
    #[arg(long, global = true)]
    no_cache: bool,
}

/// `zh-CN` or `en`.
fn parse_locale(text: &str) -> Result<Locale, String> {
    text.parse()
}

/// What a command gets: the global options and the terminal.
pub struct Env {
    global: GlobalArgs,
    ui: Ui,
}

impl Env {
    /// The folder to work in: `-C DIR` or the current folder.
    pub fn start_dir(&self) -> Result<PathBuf, CliError> {
        match &self.global.dir {
            Some(dir) => Ok(dir.clone()),
            None => std::env::current_dir()
                .map_err(|e| CliError::env(format!("cannot read the current folder: {e}"))),
        }
    }

    /// Open the workspace around the start folder, a step an interrupted svc left half
    /// done finished first.
    pub fn workspace(&self) -> Result<Workspace, CliError> {
        let root = self.root()?;
        Ok(Workspace::open(&root))
    }

    /// The language of a paper (form, dossier, report, export): `--locale`, else the
    /// workspace's `locale` in svc.toml.
    pub fn paper_locale(&self, ws: &Workspace) -> Locale {
        self.global.locale.unwrap_or_else(|| ws.locale())
    }

    /// Whether svc's caches in `.git/svc` may be used (not `--no-cache`).
    pub fn cached(&self) -> bool {
        !self.global.no_cache
    }

    /// Validate the cases in `dirs` (all when `None`) through the workspace's index, which
    /// is brought up to date; with `--no-cache` every form is read again and the index is
    /// neither read nor written.
    pub fn validate(
        &self,
        ws: &Workspace,
        dirs: Option<&[PathBuf]>,
        now: svc::forms::decode::Timestamp,
    ) -> svc::rules::validate::Validation {
        let mut index = if self.global.no_cache {
            None
        } else {
            svc::workspace::index::Index::of_workspace(&ws.root)
        };
        let validation = svc::rules::validate::validate_with(ws, dirs, now, index.as_mut());
        if let Some(index) = index {
            // A cache that cannot be written costs the next run time, never its answer.
            let _ = index.save_with(&commands::fault_hook());
        }
        validation
    }

    /// The root of the workspace around the start folder, a step an interrupted svc left
    /// half done finished first (every command reads a settled workspace).
    pub fn root(&self) -> Result<PathBuf, CliError> {
        let root = workspace::find_root(&self.start_dir()?)?;
        svc::history::store::settle(&root).map_err(commands::store_error)?;
        Ok(root)
    }

    /// Where git's configuration comes from, as git's own environment says.
    pub fn git_sources(&self) -> svc::history::git::ConfigSources {
        svc::history::git::ConfigSources {
            global: std::env::var_os("GIT_CONFIG_GLOBAL").map(PathBuf::from),
            no_system: std::env::var_os("GIT_CONFIG_NOSYSTEM")
                .is_some_and(|v| !v.is_empty() && v != "0" && v != "false"),
        }
    }

    /// The person acting: the one whose e-mail is git's `user.email` for the workspace.
    pub fn current_person(&self, ws: &Workspace) -> Result<String, CliError> {
        let repo = git2::Repository::discover(&ws.root).map_err(|e| {
            CliError::env(format!(
                "the workspace is not in a git repository: {}",
                e.message()
            ))
        })?;
        let Some((_, email)) = svc::history::git::identity(&repo, &self.git_sources()) else {
            return Err(CliError::env(
                "git has no user.email here, so svc cannot tell who you are",
            )
            .hint(
                "git config user.email you@example.com (the e-mail of your entry in people.toml)",
            ));
        };
        match ws.person_by_email(&email) {
            Some(person) => Ok(person.id.value.clone()),
            None => Err(
                CliError::refused(svc::t!("step-unknown-person", email = &email))
                    .hint(svc::t!("step-unknown-person-hint")),
            ),
        }
    }

    /// The present moment, in the workspace's time zone: `SVC_NOW`, else the workspace's
    /// stopped clock, else the real time.
    pub fn now(&self, ws: &Workspace) -> Result<Timestamp, CliError> {
        Ok(self
            .pinned_now()?
            .or_else(|| ws.clock())
            .unwrap_or_else(|| chrono::Utc::now().with_timezone(&ws.offset())))
    }

    /// The moment `SVC_NOW` pins, if it pins one: tests pin the clock so that "in the
    /// future" and "overdue" are reproducible.
    pub fn pinned_now(&self) -> Result<Option<Timestamp>, CliError> {
        match std::env::var("SVC_NOW") {
            Ok(text) => chrono::DateTime::parse_from_rfc3339(&text)
                .map(Some)
                .map_err(|e| CliError::usage(format!("SVC_NOW is not an RFC 3339 time: {e}"))),
            Err(_) => Ok(None),
        }
    }
}

/// Parse the command line, run the command, and turn the outcome into an exit code.
pub fn main() -> ExitCode {
    svc::history::git::tune_object_reading();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let locale = help::message_locale(&args);
    svc::i18n::set(locale);
    let parsed = help::localize(Cli::command(), locale)
        .try_get_matches_from(&args)
        .and_then(|mut matches| Cli::from_arg_matches_mut(&mut matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return ExitCode::from(usage::report(&e)),
    };
    let ui = Ui::new(cli.global.color, cli.global.json, cli.global.quiet);
    let env = Env {
        global: cli.global,
        ui,
    };
    match commands::run(cli.command, &env) {
        Ok(code) => code,
        Err(e) => {
            env.ui.error(&e);
            e.exit_code()
        }
    }
}

/// The clap command, for completions (in the language messages are said in).
pub fn command() -> clap::Command {
    help::localize(Cli::command(), svc::i18n::current())
}

/// Shorthand for the successful exit.
pub fn done() -> CliResult {
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_command_line_is_well_formed() {
        super::command().debug_assert();
    }
}
