//! Where a document goes and what it is written as: `--format`, or the extension of
//! `-o FILE`, never one contradicting the other.

use crate::cli::{Env, error::CliError};
use clap::ValueEnum;
use std::io::{IsTerminal, Write};
use std::path::Path;
use svc::t;

/// The format a file's extension names, by the names `--format` takes (`.htm` is html,
/// `.markdown` md); `None` without an extension.
fn named_by<F: ValueEnum>(path: &Path) -> Option<Result<F, String>> {
    let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
    let name = match ext.as_str() {
        "htm" => "html",
        "markdown" => "md",
        other => other,
    };
    Some(F::from_str(name, true).map_err(|_| ext))
}

/// The names of the formats `F` offers, for messages: `md, html, csv`.
fn names<F: ValueEnum>() -> String {
    F::value_variants()
        .iter()
        .filter_map(|v| v.to_possible_value())
        .map(|v| v.get_name().to_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The format asked for with `--format`, else the one `output`'s extension names; `None`
/// when neither says (no `-o`, or a name without an extension). Refused (exit 2) when the
/// extension names another format than `--format`, or, without `--format`, a format this
/// command cannot write.
pub fn choose<F: ValueEnum + PartialEq + Copy>(
    asked: Option<F>,
    output: Option<&Path>,
) -> Result<Option<F>, CliError> {
    let from_name = output.and_then(named_by::<F>);
    let name_of = |f: F| {
        f.to_possible_value()
            .map(|v| v.get_name().to_owned())
            .unwrap_or_default()
    };
    match (asked, from_name) {
        (Some(asked), Some(Ok(named))) if asked != named => {
            let file = output.map(|p| p.display().to_string()).unwrap_or_default();
            Err(CliError::usage(t!(
                "cli-output-contradicts",
                format = name_of(asked),
                file = file,
                named = name_of(named)
            ))
            .hint(t!("cli-output-contradicts-hint", formats = names::<F>())))
        }
        (Some(asked), _) => Ok(Some(asked)),
        (None, Some(Ok(named))) => Ok(Some(named)),
        (None, Some(Err(ext))) => Err(CliError::usage(t!(
            "cli-output-unknown-extension",
            extension = ext,
            formats = names::<F>()
        ))
        .hint(t!("cli-output-unknown-extension-hint"))),
        (None, None) => Ok(None),
    }
}

/// Write `bytes` to `output`, or to standard output; a binary document (a workbook) is
/// refused on a terminal, where it would show as noise.
pub fn write_bytes(
    env: &Env,
    output: Option<&Path>,
    bytes: &[u8],
    binary: bool,
    what: impl FnOnce() -> String,
) -> Result<(), CliError> {
    match output {
        Some(path) => {
            svc::workspace::fsutil::write_output(path, bytes).map_err(|e| {
                let message = t!(
                    "cli-cannot-write",
                    path = path.display().to_string(),
                    error = e.to_string()
                );
                if e.kind() == std::io::ErrorKind::InvalidInput {
                    CliError::refused(message).hint(t!("cli-output-not-a-file-hint"))
                } else {
                    CliError::env(message)
                }
            })?;
            env.ui.note(t!(
                "cli-output-wrote",
                path = path.display().to_string(),
                what = what()
            ));
            Ok(())
        }
        None if binary && std::io::stdout().is_terminal() => {
            Err(CliError::usage(t!("cli-output-binary-terminal"))
                .hint(t!("cli-output-binary-terminal-hint")))
        }
        None if binary => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)
                .and_then(|()| out.flush())
                .map_err(|e| CliError::env(t!("cli-output-stdout", error = e.to_string())))
        }
        None => {
            env.ui.document(&String::from_utf8_lossy(bytes));
            Ok(())
        }
    }
}

/// The error of a folder that could not be created (exit 3).
pub fn cannot_create(path: &Path, e: &std::io::Error) -> CliError {
    CliError::env(t!(
        "cli-cannot-create",
        path = path.display().to_string(),
        error = e.to_string()
    ))
}

/// The error of a file that could not be written (exit 3).
pub fn cannot_write(path: &Path, e: &std::io::Error) -> CliError {
    CliError::env(t!(
        "cli-cannot-write",
        path = path.display().to_string(),
        error = e.to_string()
    ))
}

/// CSV for a spreadsheet: with a UTF-8 byte-order mark unless `no_bom` or the text goes to
/// a terminal (where the mark is invisible and only in the way). Excel reads a CSV file
/// without one in the system's code page, GBK on a Chinese Windows desktop.
pub fn csv_bytes(text: &str, output: Option<&Path>, no_bom: bool) -> Vec<u8> {
    let terminal = output.is_none() && std::io::stdout().is_terminal();
    let mut bytes = Vec::with_capacity(text.len() + 3);
    if !no_bom && !terminal && !text.starts_with('\u{feff}') {
        bytes.extend_from_slice("\u{feff}".as_bytes());
    }
    bytes.extend_from_slice(text.as_bytes());
    bytes
}
