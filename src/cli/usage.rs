//! A command line clap could not read, said in the person's language: what is wrong, the
//! nearest thing that exists, the command's usage and where help is. Help and version,
//! which clap also reports as "errors", are printed as clap renders them (already
//! localized by [`super::help`]).

use super::error::CliError;
use super::ui::{ColorChoice, Ui};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::error::Error as _;
use svc::t;

/// Print the parse error `e` and give the exit code (0 for help and version, 2 otherwise).
pub fn report(e: &clap::Error) -> u8 {
    let Some(error) = explain(e) else {
        let _ = e.print();
        return if e.use_stderr() { 2 } else { 0 };
    };
    Ui::new(ColorChoice::Auto, false, false).error(&error);
    if let Some(usage) = text(e, ContextKind::Usage) {
        let usage = usage.trim_start_matches("Usage:").trim();
        eprintln!("\n{}", t!("cli-parse-usage", usage = usage));
    }
    eprintln!("\n{}", t!("cli-parse-more", flag = "--help"));
    2
}

/// The error as svc says it, or None for what clap should print itself (help, version,
/// and the kinds it has no context for).
fn explain(e: &clap::Error) -> Option<CliError> {
    let arg = text(e, ContextKind::InvalidArg);
    let value = text(e, ContextKind::InvalidValue);
    let message = match e.kind() {
        ErrorKind::UnknownArgument => t!("cli-parse-unknown-argument", arg = arg?),
        ErrorKind::InvalidSubcommand => t!(
            "cli-parse-unknown-subcommand",
            name = text(e, ContextKind::InvalidSubcommand)?
        ),
        ErrorKind::InvalidValue if value.as_deref() == Some("") => {
            t!("cli-parse-missing-value", arg = arg?)
        }
        ErrorKind::InvalidValue => t!("cli-parse-invalid-value", value = value?, arg = arg?),
        ErrorKind::ValueValidation => {
            let message = t!("cli-parse-invalid-value", value = value?, arg = arg?);
            match e.source().map(why) {
                Some(why) => format!("{message}: {why}"),
                None => message,
            }
        }
        ErrorKind::MissingRequiredArgument => t!(
            "cli-parse-missing-required",
            args = list(e, ContextKind::InvalidArg)?
        ),
        ErrorKind::MissingSubcommand => t!(
            "cli-parse-missing-subcommand",
            command = text(e, ContextKind::InvalidSubcommand)?
        ),
        ErrorKind::ArgumentConflict => {
            let arg = arg?;
            match list(e, ContextKind::PriorArg) {
                Some(prior) if prior != arg => t!("cli-parse-conflict", arg = arg, with = prior),
                _ => t!("cli-parse-repeated", arg = arg),
            }
        }
        ErrorKind::NoEquals => t!("cli-parse-no-equals", arg = arg?),
        ErrorKind::TooManyValues => t!("cli-parse-too-many", value = value?, arg = arg?),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let expected = match (
                e.get(ContextKind::MinValues),
                e.get(ContextKind::ExpectedNumValues),
            ) {
                (Some(ContextValue::Number(n)), _) | (_, Some(ContextValue::Number(n))) => *n,
                _ => return None,
            };
            let Some(ContextValue::Number(actual)) = e.get(ContextKind::ActualNumValues) else {
                return None;
            };
            t!(
                "cli-parse-value-count",
                arg = arg?,
                expected = expected as i64,
                actual = *actual as i64
            )
        }
        _ => return None,
    };
    let mut error = CliError::usage(message);
    if let Some(values) = list(e, ContextKind::ValidValue) {
        error = error.hint(t!("cli-parse-possible-values", values = values));
    }
    for (kind, id) in [
        (ContextKind::SuggestedSubcommand, "subcommand"),
        (ContextKind::SuggestedArg, "argument"),
        (ContextKind::SuggestedValue, "value"),
    ] {
        if let Some(similar) = list(e, kind) {
            error = error.hint(match id {
                "subcommand" => t!("cli-parse-similar-subcommand", name = similar),
                "argument" => t!("cli-parse-similar-argument", name = similar),
                _ => t!("cli-parse-similar-value", name = similar),
            });
        }
    }
    if e.kind() == ErrorKind::UnknownArgument
        && e.get(ContextKind::SuggestedArg).is_none()
        && let Some(arg) = text(e, ContextKind::InvalidArg)
        && arg.starts_with('-')
    {
        error = error.hint(t!("cli-parse-as-value", arg = arg));
    }
    Some(error)
}

/// Why a value was refused: svc's own parsers already speak the language; a date or a
/// number that does not parse is said here.
fn why(source: &(dyn std::error::Error + 'static)) -> String {
    if let Some(e) = source.downcast_ref::<chrono::ParseError>() {
        use chrono::format::ParseErrorKind as K;
        return match e.kind() {
            K::OutOfRange | K::Impossible | K::NotEnough => t!("cli-parse-no-such-date"),
            _ => t!("cli-parse-not-a-date"),
        };
    }
    if let Some(e) = source.downcast_ref::<std::num::ParseIntError>() {
        use std::num::IntErrorKind as K;
        return match e.kind() {
            K::PosOverflow | K::NegOverflow => t!("cli-parse-number-too-large"),
            _ => t!("cli-parse-not-a-number"),
        };
    }
    source.to_string()
}

/// A context value that is one string.
fn text(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Strings(v) if !v.is_empty() => Some(v.join(", ")),
        _ => None,
    }
}

/// A context value that is one string or several, as one line (`a, b`).
fn list(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) if !v.is_empty() => Some(v.join(", ")),
        _ => None,
    }
}
