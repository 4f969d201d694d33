//! `svc edit CASE FORM`

use crate::cli::{
    Env, done,
    error::{CliError, CliResult},
};
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;
use svc::forms::FormKind;
use svc::rules::{self, Context};
use svc::t;
use svc::workspace::case;
use svc::workspace::scaffold;

/// Open a form in your editor ($VISUAL or $EDITOR), scaffolded with bilingual comments if
/// missing; validate it on save and offer to reopen it on errors
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The case (any unique prefix or suffix of its id)
    case: String,
    /// The form: request, task-sheet, visit, fees, travel-log, summary
    #[arg(value_parser = parse_form)]
    form: FormKind,
    /// For a visit record: the site (default: the first site of the task sheet without one)
    #[arg(long)]
    site: Option<String>,
}

fn parse_form(text: &str) -> Result<FormKind, String> {
    FormKind::from_name(text).ok_or_else(|| {
        let names: Vec<&str> = FormKind::ALL.iter().map(|f| f.name()).collect();
        t!(
            "cli-edit-unknown-form",
            name = text,
            forms = names.join(", ")
        )
    })
}

/// Edit, validate, offer to reopen.
pub fn run(args: Args, env: &Env) -> CliResult {
    let ws = env.workspace()?;
    let now = env.now(&ws)?;
    let person = env.current_person(&ws).unwrap_or_default();
    let dir = case::find(&ws.root, &args.case)?;
    let loaded = case::load(&ws.root, &dir);
    let home_city = ws
        .settings
        .as_ref()
        .map_or("", |s| s.company.home_city.as_str());
    let plan = scaffold::plan(
        &loaded,
        args.form,
        args.site.as_deref(),
        &person,
        now,
        home_city,
    )
    .map_err(|e| CliError::refused(e.to_string()).hint(t!("cli-edit-site-hint")))?;
    let path = ws.root.join(&plan.path);
    if let Some(text) = &plan.scaffold {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        svc::workspace::fsutil::write_atomic(&path, text.as_bytes())?;
        env.ui.note(t!(
            "cli-edit-new",
            form = args.form.to_string(),
            path = plan.path.display().to_string()
        ));
    }
    loop {
        open_editor(&path)?;
        let text = std::fs::read(&path).unwrap_or_default();
        if plan.scaffold.as_deref().map(str::as_bytes) == Some(text.as_slice()) {
            std::fs::remove_file(&path)?;
            env.ui.note(t!("cli-edit-unchanged"));
            return done();
        }
        let case = case::load(&ws.root, &dir);
        let findings: Vec<_> = rules::check_case(&Context::new(&ws, now), &case)
            .into_iter()
            .filter(|f| f.location.file == plan.path)
            .collect();
        let errors = findings.iter().filter(|f| f.is_error()).count();
        if !findings.is_empty() {
            eprint!("{}", env.ui.findings(&ws.root, &findings));
        }
        if errors == 0 {
            env.ui
                .note(t!("cli-edit-valid", path = plan.path.display().to_string()));
            return done();
        }
        if !std::io::stdin().is_terminal() {
            return Ok(ExitCode::from(1));
        }
        eprint!(
            "{} ",
            t!(
                "cli-edit-reopen",
                count = errors,
                path = plan.path.display().to_string()
            )
        );
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if answer.trim().eq_ignore_ascii_case("n") {
            env.ui.note(t!("cli-edit-kept"));
            return Ok(ExitCode::from(1));
        }
    }
}

fn open_editor(path: &std::path::Path) -> Result<(), CliError> {
    let editor = std::env::var("VISUAL")
        .ok()
        .filter(|e| !e.trim().is_empty())
        .or_else(|| {
            std::env::var("EDITOR")
                .ok()
                .filter(|e| !e.trim().is_empty())
        })
        .unwrap_or_else(|| "vi".to_string());
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or("vi");
    let status = std::process::Command::new(program)
        .args(words)
        .arg(path)
        .status()
        .map_err(|e| {
            CliError::env(t!(
                "cli-edit-cannot-start",
                editor = &editor,
                error = e.to_string()
            ))
            .hint(t!("cli-edit-cannot-start-hint", variable = "$EDITOR"))
        })?;
    if !status.success() {
        return Err(CliError::env(t!(
            "cli-edit-failed",
            editor = &editor,
            status = status.to_string()
        )));
    }
    Ok(())
}
