//! `svc render CASE FORM`: one form as its paper original, with signature lines.

use super::report::template_error;
use super::step::store_error;
use crate::cli::{Env, done, error::CliError, error::CliResult};
use std::path::{Path, PathBuf};
use svc::forms::FormKind;
use svc::report::dossier::{self, DossierError, Format, Printer};
use svc::report::pdf::{self, Fonts};
use svc::report::templates::Templates;
use svc::t;
use svc::workspace::Workspace;
use svc::workspace::case;

/// Print a form as on paper.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The case (any unique prefix or suffix of its id)
    case: String,
    /// The form
    #[arg(value_name = "FORM", value_parser = clap::builder::PossibleValuesParser::new(FormKind::ALL.map(FormKind::name)))]
    form: String,
    /// Output format (default: from -o's extension, else md)
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Option<FormatArg>,
    /// The visit record to print when the case has several: its site id or file name
    #[arg(long, value_name = "SITE")]
    site: Option<String>,
    /// Write to FILE instead of standard output
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The PDF's font: a font file, a folder of fonts, or an installed family (default:
    /// font under [print] in svc.toml, else the system's Chinese font)
    #[arg(long, value_name = "FONT")]
    font: Option<String>,
}

/// The formats a form is printed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// Markdown
    Md,
    /// One self-contained HTML page, printable on A4
    Html,
    /// PDF, typeset by svc with the fonts embedded
    Pdf,
}

impl FormatArg {
    /// The format asked for, else the one `output`'s extension names, else Markdown; an
    /// extension naming another format, or one these forms are not written as, is refused.
    pub fn choose(arg: Option<FormatArg>, output: Option<&Path>) -> Result<Format, CliError> {
        Ok(match crate::cli::output::choose(arg, output)? {
            Some(FormatArg::Html) => Format::Html,
            Some(FormatArg::Pdf) => Format::Pdf,
            Some(FormatArg::Md) | None => Format::Md,
        })
    }
}

/// The fonts for a PDF (`--font`, else `[print] font` in svc.toml, else the system's CJK
/// font); none for other formats. No font that writes Chinese is exit 3, naming what to
/// install.
pub fn fonts_for(pdf: bool, font: Option<&str>, ws: &Workspace) -> Result<Option<Fonts>, CliError> {
    if !pdf {
        return Ok(None);
    }
    Fonts::find(font.or(ws.print_font()))
        .map(Some)
        .map_err(|e| CliError::env(e.to_string()).hint(pdf::install_hint()))
}

/// Print the form of the case as it is on disk, stamped with the commit HEAD names.
pub fn run(args: Args, env: &Env) -> CliResult {
    let kind = FormKind::from_name(&args.form)
        .ok_or_else(|| CliError::usage(t!("cli-render-unknown-form", form = &args.form)))?;
    if args.site.is_some() && kind != FormKind::Visit {
        return Err(
            CliError::usage(t!("cli-render-site-one-per-case", form = kind.to_string()))
                .hint(format!("svc render {} {kind}", args.case)),
        );
    }
    let ws = env.workspace()?;
    let now = env.now(&ws)?;
    let format = FormatArg::choose(args.format, args.output.as_deref())?;
    let locale = env.paper_locale(&ws);
    let templates = Templates::load(&ws.root, locale, None).map_err(template_error)?;
    let dir = case::find(&ws.root, &args.case)?;
    let case = case::load(&ws.root, &dir);
    let recorded =
        dossier::recorded(&ws.root, &dir, case.id(), env.cached()).map_err(store_error)?;
    let fonts = fonts_for(format == Format::Pdf, args.font.as_deref(), &ws)?;
    let printer = Printer {
        ws: &ws,
        templates: &templates,
        format,
        now,
        recorded: &recorded,
        fonts: fonts.as_ref(),
        files_root: &ws.root,
    };
    let bytes = printer
        .form(&case, kind, args.site.as_deref())
        .map_err(|e| dossier_error(e, env, &ws))?;
    write(
        env,
        args.output.as_deref(),
        &bytes,
        format == Format::Pdf,
        || {
            t!(
                "cli-render-what",
                number = kind.number().to_string(),
                form = kind.to_string(),
                case = case.id()
            )
        },
    )?;
    done()
}

/// A form or dossier that could not be made, as the command line reports it.
pub fn dossier_error(e: DossierError, env: &Env, ws: &Workspace) -> CliError {
    let message = e.to_string();
    match e {
        DossierError::Missing { case, form } => CliError::refused(message).hint(t!(
            "cli-render-missing-hint",
            case = &case,
            form = form.to_string()
        )),
        DossierError::Unreadable { case, findings, .. } => {
            env.ui.note(env.ui.findings(&ws.root, &findings).trim_end());
            CliError::refused(message).hint(t!("cli-render-unreadable-hint", case = &case))
        }
        DossierError::WhichVisit { case, sites } => CliError::usage(message).hint(t!(
            "cli-render-which-visit-hint",
            case = &case,
            site = sites.first().map_or("SITE", String::as_str)
        )),
        DossierError::NoSuchVisit { .. } => CliError::usage(message),
        DossierError::ClaimRefused {
            case,
            missing,
            unreadable,
            ..
        } => {
            if !unreadable.is_empty() {
                env.ui
                    .note(env.ui.findings(&ws.root, &unreadable).trim_end());
            }
            let edits: Vec<String> = missing
                .iter()
                .map(|form| format!("`svc edit {case} {form}`"))
                .collect();
            CliError::refused(message).hint(t!(
                "cli-render-claim-hint",
                edits = edits.join(", "),
                case = &case
            ))
        }
        DossierError::Template(e) => template_error(e),
        DossierError::Font(e) => CliError::env(e.to_string()).hint(pdf::install_hint()),
    }
}

/// Write `bytes` to `output`, or to standard output (not a PDF to a terminal).
pub fn write(
    env: &Env,
    output: Option<&Path>,
    bytes: &[u8],
    binary: bool,
    what: impl FnOnce() -> String,
) -> Result<(), CliError> {
    crate::cli::output::write_bytes(env, output, bytes, binary, what)
}
