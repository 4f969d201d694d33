//! The command line's errors and their exit codes: 1 invalid data or a refused action,
//! 2 usage, 3 the environment (not a workspace, git or I/O).

use std::process::ExitCode;
use svc::t;

/// What kind of failure, deciding the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Invalid data or a refused action (exit 1).
    Refused,
    /// The command line itself is wrong (exit 2).
    Usage,
    /// Not a workspace, git or I/O failure (exit 3).
    Environment,
}

/// An error to show as `error:` with `hint:` lines.
#[derive(Debug)]
pub struct CliError {
    /// The kind.
    pub kind: Kind,
    /// What went wrong.
    pub message: String,
    /// How to fix it.
    pub hints: Vec<String>,
}

impl CliError {
    /// A refused action or invalid data.
    pub fn refused(message: impl Into<String>) -> CliError {
        CliError {
            kind: Kind::Refused,
            message: message.into(),
            hints: Vec::new(),
        }
    }

    /// A usage error.
    pub fn usage(message: impl Into<String>) -> CliError {
        CliError {
            kind: Kind::Usage,
            message: message.into(),
            hints: Vec::new(),
        }
    }

    /// An environment error.
    pub fn env(message: impl Into<String>) -> CliError {
        CliError {
            kind: Kind::Environment,
            message: message.into(),
            hints: Vec::new(),
        }
    }

    /// Add a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> CliError {
        self.hints.push(hint.into());
        self
    }

    /// The exit code of the kind.
    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(match self.kind {
            Kind::Refused => 1,
            Kind::Usage => 2,
            Kind::Environment => 3,
        })
    }
}

impl From<svc::workspace::OpenError> for CliError {
    fn from(e: svc::workspace::OpenError) -> CliError {
        match e {
            svc::workspace::OpenError::NotFound(_) => {
                CliError::env(e.to_string()).hint(t!("cli-workspace-hint"))
            }
            svc::workspace::OpenError::Io { .. } => CliError::env(e.to_string()),
        }
    }
}

impl From<svc::workspace::case::LookupError> for CliError {
    fn from(e: svc::workspace::case::LookupError) -> CliError {
        let hint = svc::team::refusal::lookup_hint(&e);
        CliError::refused(e.to_string()).hint(hint)
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> CliError {
        CliError::env(e.to_string())
    }
}

/// The result of a command: an exit code, or an error to report.
pub type CliResult = Result<ExitCode, CliError>;
