//! Findings: what validation reports, each tied to a rule, a file and a position.

use crate::forms::source::{Position, SourceFile, Span};
use serde::Serialize;
use std::path::PathBuf;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Blocks the transitions that need the rule; `validate` exits 1.
    Error,
    /// Shown, never blocks.
    Warning,
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// Where a finding points: a file, and a range in it when known.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
pub struct Location {
    /// Path relative to the workspace root (`/` separators).
    pub file: PathBuf,
    /// Start of the range (1-based); line 0 when the whole file is meant.
    pub start: Position,
    /// End of the range.
    pub end: Position,
}

impl Location {
    /// A range in a source file.
    pub fn at(file: &SourceFile, span: Span) -> Location {
        Location {
            file: file.path.clone(),
            start: file.position(span.start),
            end: file.position(span.end),
        }
    }

    /// A whole file (or folder).
    pub fn file(path: impl Into<PathBuf>) -> Location {
        Location {
            file: path.into(),
            ..Location::default()
        }
    }
}

impl std::fmt::Display for Location {
    /// `file:line:col`, or the file alone when the whole file is meant.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.start.line > 0 {
            write!(
                f,
                "{}:{}:{}",
                self.file.display(),
                self.start.line,
                self.start.column
            )
        } else {
            write!(f, "{}", self.file.display())
        }
    }
}

/// One thing validation found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule: its clause number (`7.2`) or a name (`schema`, `ref`, `id`, `dates`, `layout`).
    pub rule: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// Where.
    #[serde(flatten)]
    pub location: Location,
    /// The case the finding belongs to, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The commit the finding is about (`svc check`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
}

impl Finding {
    /// An error.
    pub fn error(rule: &'static str, location: Location, message: impl Into<String>) -> Finding {
        Finding {
            rule,
            severity: Severity::Error,
            location,
            case: None,
            message: message.into(),
            hint: None,
            commit: None,
        }
    }

    /// A warning.
    pub fn warning(rule: &'static str, location: Location, message: impl Into<String>) -> Finding {
        Finding {
            severity: Severity::Warning,
            ..Finding::error(rule, location, message)
        }
    }

    /// Add a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Finding {
        self.hint = Some(hint.into());
        self
    }

    /// Add an optional hint.
    pub fn hint_opt(mut self, hint: Option<String>) -> Finding {
        self.hint = hint;
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sort findings by file and position, so output reads top to bottom.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (
            &a.location.file,
            a.location.start,
            a.rule,
            &a.message,
            &a.commit,
        )
            .cmp(&(
                &b.location.file,
                b.location.start,
                b.rule,
                &b.message,
                &b.commit,
            ))
    });
}
