//! `svc export cases`: every case that passes `svc list`'s filters, one row each with its
//! key facts, as CSV, an Excel workbook or JSON, for analysis of one's own.

use super::list::Filters;
use crate::cli::output::{choose, csv_bytes, write_bytes};
use crate::cli::{Env, done, error::CliError, error::CliResult};
use rayon::prelude::*;
use std::path::PathBuf;
use svc::report::monthly::case_rows;
use svc::report::table;
use svc::report::templates::{Locale, labels};
use svc::report::workbook::case_table;
use svc::t;
use svc::workspace::case;

/// Export data for spreadsheets and analysis.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(Debug, clap::Subcommand)]
enum What {
    /// Every case (those that pass the filters, as for `svc list`), one row each: customer,
    /// product, state, times, response and resolution hours, fees, engineers, outcome
    Cases(CasesArgs),
}

/// The formats of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ExportFormat {
    /// CSV, with a UTF-8 byte-order mark for Excel
    Csv,
    /// An Excel workbook
    Xlsx,
    /// JSON: an array of the rows, with the fields of the monthly report's case list
    Json,
}

#[derive(Debug, clap::Args)]
struct CasesArgs {
    #[command(flatten)]
    filters: Filters,
    /// Output format (default: from -o's extension, else csv)
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Option<ExportFormat>,
    /// Write to FILE instead of standard output
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// CSV without the UTF-8 byte-order mark
    #[arg(long)]
    no_bom: bool,
}

/// Run an export.
pub fn run(args: Args, env: &Env) -> CliResult {
    match args.what {
        What::Cases(args) => cases(args, env),
    }
}

fn cases(args: CasesArgs, env: &Env) -> CliResult {
    let format = match choose(args.format, args.output.as_deref())? {
        Some(f) => f,
        None if env.ui.json => ExportFormat::Json,
        None => ExportFormat::Csv,
    };
    let ws = env.workspace()?;
    let now = env.now(&ws)?;
    let filters = args.filters.resolve(env, &ws, now)?;
    let validation = env.validate(&ws, None, now);
    let dirs: Vec<PathBuf> = filters
        .cases(&validation.cases)
        .into_iter()
        .map(|o| o.dir.clone())
        .collect();
    let loaded: Vec<case::Case> = dirs.par_iter().map(|d| case::load(&ws.root, d)).collect();
    let rows = case_rows(&ws, &loaded, now);
    let unreadable = dirs.len() - rows.len();
    let locale = env.paper_locale(&ws);
    let output = args.output.as_deref();
    let bytes = match format {
        ExportFormat::Json => {
            let mut text = serde_json::to_string_pretty(&rows)
                .map_err(|e| CliError::env(t!("cli-export-json", error = e.to_string())))?;
            text.push('\n');
            text.into_bytes()
        }
        ExportFormat::Csv => csv_bytes(
            &table::to_csv(&case_table(&rows, locale, &label(locale, "export_cases"))),
            output,
            args.no_bom,
        ),
        ExportFormat::Xlsx => {
            let title = format!(
                "{} · {}",
                ws.settings.as_ref().map_or("", |s| s.company.name.as_str()),
                label(locale, "export_cases")
            );
            table::to_xlsx(
                &[case_table(&rows, locale, &label(locale, "export_cases"))],
                &title,
                now.naive_local(),
            )
            .map_err(|e| CliError::env(t!("cli-cannot-make-workbook", error = e.to_string())))?
        }
    };
    if unreadable > 0 {
        env.ui.note(t!("cli-unreadable-cases", count = unreadable));
    }
    write_bytes(env, output, &bytes, format == ExportFormat::Xlsx, || {
        t!("cli-export-what", count = rows.len())
    })?;
    done()
}

fn label(locale: Locale, key: &str) -> String {
    labels(locale)
        .get(key)
        .and_then(|v| v.as_str())
        .unwrap_or(key)
        .to_owned()
}
