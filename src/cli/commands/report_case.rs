//! `svc report case CASE`: one case's dossier from the committed data, for the archive
//! (7.10), or with `--expense-claim` the reimbursement pack (7.9).

use super::render::{FormatArg, dossier_error, fonts_for, write};
use super::report::template_error;
use super::step::store_error;
use crate::cli::{Env, done, error::CliError, error::CliResult};
use std::path::PathBuf;
use svc::report::dossier::{self, Dossier, Printer};
use svc::report::snapshot::{Snapshot, SnapshotError};
use svc::report::templates::Templates;
use svc::t;
use svc::workspace::Workspace;
use svc::workspace::case;

/// Write one case's dossier (7.10, 7.9).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The case (any unique prefix or suffix of its id)
    #[arg(value_name = "CASE")]
    case: String,
    /// Output format (default: from -o's extension, else md)
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Option<FormatArg>,
    /// Write to FILE instead of standard output
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The reimbursement pack for a travel expense claim: the travel log's fares and
    /// expenses with the advance, and the visit records and summary attached (7.9)
    #[arg(long)]
    expense_claim: bool,
    /// The PDF's font: a font file, a folder of fonts, or an installed family (default:
    /// font under [print] in svc.toml, else the system's Chinese font)
    #[arg(long, value_name = "FONT")]
    font: Option<String>,
}

/// Write the dossier of the case as committed at HEAD.
pub fn run(args: Args, env: &Env) -> CliResult {
    let root = env.root()?;
    let here = Workspace::open(&root);
    let now = env.now(&here)?;
    let format = FormatArg::choose(args.format, args.output.as_deref())?;
    let locale = env.paper_locale(&here);
    let templates = Templates::load(&root, locale, None).map_err(template_error)?;
    let dir = case::find(&root, &args.case)?;
    let id = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Of a working tree with changes, only the case's folder (if it changed) and the shared
    // files (if they did) are read from git.
    let snapshot = Snapshot::open(&root, None).map_err(|e| match e {
        SnapshotError::NoCommit => {
            CliError::refused(e.to_string()).hint(t!("cli-report-case-no-commit-hint"))
        }
        _ => CliError::env(e.to_string()),
    })?;
    snapshot
        .check_out_dirs(std::slice::from_ref(&dir))
        .map_err(|e| CliError::env(e.to_string()))?;
    let case_root = snapshot.case_root(&dir);
    if !case_root.join(&dir).join("case.toml").is_file() {
        return Err(
            CliError::refused(t!("cli-report-case-uncommitted", case = &id))
                .hint(t!("cli-report-case-uncommitted-hint")),
        );
    }
    let ws = Workspace::open(&snapshot.root);
    let case = case::load(case_root, &dir);
    let recorded = dossier::recorded(&root, &dir, &id, env.cached()).map_err(store_error)?;
    let fonts = fonts_for(format == dossier::Format::Pdf, args.font.as_deref(), &ws)?;
    let printer = Printer {
        ws: &ws,
        templates: &templates,
        format,
        now,
        recorded: &recorded,
        fonts: fonts.as_ref(),
        files_root: case_root,
    };
    let which = if args.expense_claim {
        Dossier::ExpenseClaim
    } else {
        Dossier::Archive
    };
    let bytes = printer.dossier(&case, which).map_err(|e| {
        let error = dossier_error(e, env, &ws);
        if recorded.uncommitted.is_empty() {
            error
        } else {
            error.hint(t!(
                "cli-report-case-left-out-hint",
                commit = snapshot.short_commit(),
                files = recorded
                    .uncommitted
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        }
    })?;
    if !recorded.uncommitted.is_empty() {
        env.ui.note(t!(
            "cli-report-case-dirty",
            dir = dir.display().to_string(),
            commit = snapshot.short_commit()
        ));
    }
    write(
        env,
        args.output.as_deref(),
        &bytes,
        format == dossier::Format::Pdf,
        || {
            let commit = snapshot.short_commit();
            if args.expense_claim {
                t!("cli-report-case-what-claim", case = &id, commit = commit)
            } else {
                t!("cli-report-case-what-dossier", case = &id, commit = commit)
            }
        },
    )?;
    done()
}
