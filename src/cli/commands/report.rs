//! `svc report monthly` (the monthly analysis, 8.7) and `svc report case` (the case
//! dossier, in [`super::report_case`]).

use super::report_case;
use crate::cli::{Env, done, error::CliError, error::CliResult};
use std::path::PathBuf;
use svc::report::monthly::{self, Month};
use svc::report::templates::{Format, TemplateError, Templates};
use svc::t;
use svc::workspace::Workspace;

/// Write reports from the committed data.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Sub,
}

/// The reports.
#[derive(Debug, clap::Subcommand)]
enum Sub {
    /// The monthly analysis of the service (8.7): cases, response and resolution times,
    /// first-time fixes, fees, travel, check-ins, suggestions
    Monthly(MonthlyArgs),
    /// One case's dossier, for the archive (7.10) and expense claims (7.9)
    Case(report_case::Args),
}

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// Markdown
    Md,
    /// One self-contained HTML page, printable on A4
    Html,
    /// CSV, one row per case, for spreadsheets (with a UTF-8 byte-order mark for Excel)
    Csv,
    /// JSON (the fields are documented in the README)
    Json,
    /// An Excel workbook, one sheet per table of the analysis
    Xlsx,
    /// PDF, typeset by svc with the fonts embedded: the charts and the workbook's tables
    Pdf,
}

impl FormatArg {
    /// The template format, for all but the workbook.
    fn template(self) -> Option<Format> {
        match self {
            FormatArg::Md => Some(Format::Md),
            FormatArg::Html => Some(Format::Html),
            FormatArg::Csv => Some(Format::Csv),
            FormatArg::Json => Some(Format::Json),
            FormatArg::Xlsx | FormatArg::Pdf => None,
        }
    }
}

/// Options of the monthly report.
#[derive(Debug, clap::Args)]
struct MonthlyArgs {
    /// The month, YYYY-MM (default: the current month)
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month)]
    month: Option<Month>,
    /// Output format (default: from -o's or --template's extension, else md)
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Option<FormatArg>,
    /// Write to FILE instead of standard output (its extension names the format when
    /// --format does not)
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// CSV without the UTF-8 byte-order mark (which Excel needs to read it as UTF-8)
    #[arg(long)]
    no_bom: bool,
    /// Report on the data as committed at REV (a commit, branch or tag; default HEAD)
    #[arg(long, value_name = "REV")]
    rev: Option<String>,
    /// Render with this template file instead of the built-in (or the workspace's)
    #[arg(long, value_name = "FILE")]
    template: Option<PathBuf>,
    /// The PDF's font: a font file, a folder of fonts, or an installed family (default:
    /// font under [print] in svc.toml, else the system's Chinese font)
    #[arg(long, value_name = "FONT")]
    font: Option<String>,
}

fn parse_month(text: &str) -> Result<Month, String> {
    Month::parse(text).ok_or_else(|| t!("cli-report-bad-month", text = text))
}

/// Run a report.
pub fn run(args: Args, env: &Env) -> CliResult {
    match args.command {
        Sub::Monthly(args) => run_monthly(args, env),
        Sub::Case(args) => report_case::run(args, env),
    }
}

/// A template error: which template, which line, what; exit 1.
pub fn template_error(e: TemplateError) -> CliError {
    CliError::refused(e.to_string()).hint(t!("cli-report-template-hint"))
}

fn run_monthly(args: MonthlyArgs, env: &Env) -> CliResult {
    let root = env.root()?;
    let here = Workspace::open(&root);
    let now = env.now(&here)?;
    let month = args.month.unwrap_or_else(|| Month::of(now, here.offset()));
    let asked = crate::cli::output::choose(args.format, args.output.as_deref())?;
    let format = match asked {
        Some(f) => f,
        None if env.ui.json => FormatArg::Json,
        None => match args.template.as_deref().and_then(Format::of_path) {
            Some(Format::Html) => FormatArg::Html,
            Some(Format::Csv) => FormatArg::Csv,
            Some(Format::Json) => FormatArg::Json,
            _ if args
                .template
                .as_deref()
                .and_then(|t| t.extension())
                .is_some_and(|e| e == "typ") =>
            {
                FormatArg::Pdf
            }
            _ => FormatArg::Md,
        },
    };
    if format == FormatArg::Xlsx && args.template.is_some() {
        return Err(CliError::usage(t!("cli-report-workbook-template"))
            .hint(t!("cli-report-workbook-template-hint")));
    }
    let locale = env.paper_locale(&here);
    if let Some(template) = &args.template
        && format == FormatArg::Html
        && Format::of_path(template) != Some(Format::Html)
    {
        env.ui.note(t!(
            "cli-report-not-html",
            template = template.display().to_string()
        ));
    }
    // Templates and fonts first: a broken template, or no font for a PDF, is reported
    // before any data is read.
    let templates =
        Templates::load(&root, locale, args.template.as_deref()).map_err(template_error)?;
    let fonts = super::render::fonts_for(format == FormatArg::Pdf, args.font.as_deref(), &here)?;
    let progress = env.ui.progress(&t!("cli-report-reading"));
    let read = monthly::of_revision(&root, args.rev.as_deref(), month, now, &|done, total| {
        progress.update(done, total);
    });
    progress.finish();
    let (report, snapshot) = read.map_err(|e| {
        let error = CliError::env(e.to_string());
        match e {
            svc::report::snapshot::SnapshotError::BadRevision { .. } => {
                CliError::usage(error.message).hint(t!("cli-report-bad-rev-hint"))
            }
            svc::report::snapshot::SnapshotError::NoCommit => {
                error.hint(t!("cli-report-no-commit-hint"))
            }
            _ => error,
        }
    })?;
    let now = match &args.rev {
        Some(_) => now.min(snapshot.commit_time),
        None => now,
    };
    let output = args.output.as_deref();
    let bytes = match format.template() {
        Some(template_format) => {
            let text =
                monthly::render(&report, &templates, template_format).map_err(template_error)?;
            if format == FormatArg::Csv {
                crate::cli::output::csv_bytes(&text, output, args.no_bom)
            } else {
                text.into_bytes()
            }
        }
        None if format == FormatArg::Pdf => {
            let data = svc::report::pdf::monthly::data(&report, locale, here.paper());
            let fonts = fonts
                .as_ref()
                .ok_or_else(|| CliError::env(t!("cli-report-no-fonts")))?;
            svc::report::pdf::typeset(
                &templates,
                fonts,
                "monthly.typ",
                &data,
                Default::default(),
                &now,
            )
            .map_err(|e| match e {
                svc::report::pdf::PdfError::Font(e) => {
                    CliError::env(e.to_string()).hint(svc::report::pdf::install_hint())
                }
                svc::report::pdf::PdfError::Template(e) => template_error(e),
            })?
        }
        None => {
            let tables = svc::report::workbook::monthly_tables(&report, locale);
            let title = format!("{} {month}", report.company);
            svc::report::table::to_xlsx(&tables, &title, snapshot.commit_time.naive_local())
                .map_err(|e| CliError::env(t!("cli-cannot-make-workbook", error = e.to_string())))?
        }
    };
    if snapshot.dirty && args.rev.is_none() {
        env.ui
            .note(t!("cli-report-dirty", commit = snapshot.short_commit()));
    }
    if !report.unreadable.is_empty() {
        env.ui
            .note(t!("cli-unreadable-cases", count = report.unreadable.len()));
    }
    let binary = matches!(format, FormatArg::Xlsx | FormatArg::Pdf);
    crate::cli::output::write_bytes(env, output, &bytes, binary, || {
        t!(
            "cli-report-what",
            month = month.to_string(),
            commit = snapshot.short_commit()
        )
    })?;
    done()
}
