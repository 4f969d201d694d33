//! The only place that writes to the terminal: plain text, JSON, tables and diagnostics.

use super::error::CliError;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use std::io::{IsTerminal, Write};
use std::path::Path;
use svc::forms::finding::{Finding, Severity};
use svc::forms::text::{visible, visible_lines};

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// When writing to a terminal and `NO_COLOR` is unset.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// How output is written.
pub struct Ui {
    /// Colour on stdout.
    pub color: bool,
    /// Colour on stderr.
    pub color_err: bool,
    /// Machine output.
    pub json: bool,
    /// Say less.
    pub quiet: bool,
}

impl Ui {
    /// Decide from the options and the environment.
    pub fn new(choice: ColorChoice, json: bool, quiet: bool) -> Ui {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let decide = |tty: bool| match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => tty && !no_color,
        };
        Ui {
            color: decide(std::io::stdout().is_terminal()),
            color_err: decide(std::io::stderr().is_terminal()),
            json,
            quiet,
        }
    }

    /// Plain output, for messages written where no options are at hand.
    pub fn plain() -> Ui {
        Ui {
            color: false,
            color_err: false,
            json: false,
            quiet: false,
        }
    }

    /// Write text to stdout; a closed pipe ends the program quietly.
    pub fn out(&self, text: &str) {
        let mut out = std::io::stdout().lock();
        if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            eprintln!("error: cannot write to standard output: {e}");
            std::process::exit(3);
        }
    }

    /// Write a line to stdout, control and invisible characters shown escaped.
    pub fn line(&self, text: impl AsRef<str>) {
        self.out(&format!("{}\n", visible_lines(text.as_ref())));
    }

    /// Write text of several lines to stdout, control and invisible characters shown
    /// escaped.
    pub fn text(&self, text: &str) {
        self.out(&visible_lines(text));
    }

    /// Write a document (a report, a form) to stdout: exactly as made when stdout is a
    /// file or a pipe, with control and invisible characters shown escaped on a terminal.
    pub fn document(&self, text: &str) {
        if std::io::stdout().is_terminal() {
            self.text(text);
        } else {
            self.out(text);
        }
    }

    /// Write a JSON value to stdout.
    pub fn json(&self, value: &impl serde::Serialize) -> Result<(), CliError> {
        let text = serde_json::to_string_pretty(value)
            .map_err(|e| CliError::env(format!("cannot write JSON: {e}")))?;
        // JSON stays exact: serde escapes the control characters, the rest is the data.
        self.out(&format!("{text}\n"));
        Ok(())
    }

    /// Write a note to stderr (unless quiet), control and invisible characters shown
    /// escaped.
    pub fn note(&self, text: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("{}", visible_lines(text.as_ref()));
        }
    }

    /// A progress bar on stderr, drawn only when stderr is a terminal (and not quiet).
    pub fn progress(&self, label: &str) -> Progress {
        Progress {
            enabled: !self.quiet && std::io::stderr().is_terminal(),
            label: label.to_string(),
            shown: std::sync::atomic::AtomicUsize::new(usize::MAX),
        }
    }

    /// Report an error on stderr.
    pub fn error(&self, e: &CliError) {
        let (red, cyan, reset) = if self.color_err {
            ("\x1b[1;31m", "\x1b[1;36m", "\x1b[0m")
        } else {
            ("", "", "")
        };
        let (error, hint_word) = (svc::t!("cli-error"), svc::t!("cli-hint"));
        eprintln!("{red}{error}{reset}: {}", visible_lines(&e.message));
        for hint in &e.hints {
            eprintln!("{cyan}{hint_word}{reset}: {}", visible_lines(hint));
        }
    }

    /// Say something to look at twice, though nothing failed (`warning: …` on stderr).
    pub fn warning(&self, text: &str) {
        let (yellow, reset) = if self.color_err {
            ("\x1b[1;33m", "\x1b[0m")
        } else {
            ("", "")
        };
        eprintln!(
            "{yellow}{}{reset}: {}",
            svc::t!("cli-warning"),
            visible_lines(text)
        );
    }

    /// Render findings as compiler diagnostics: `file:line:col: severity[rule]: message`,
    /// the source line with a caret, and the hint.
    pub fn findings(&self, root: &Path, findings: &[Finding]) -> String {
        self.findings_in(root, findings, &[])
    }

    /// Render findings whose positions are in `texts` where a file is among them (a file
    /// svc would have written), else in the file on disk.
    pub fn findings_in(
        &self,
        root: &Path,
        findings: &[Finding],
        texts: &[std::sync::Arc<svc::forms::source::SourceFile>],
    ) -> String {
        let renderer = if self.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let mut cache: std::collections::HashMap<&Path, Option<String>> =
            std::collections::HashMap::new();
        let mut text = String::new();
        for f in findings {
            let loc = &f.location;
            let (bold, colour, reset) = match (self.color, f.severity) {
                (false, _) => ("", "", ""),
                (true, Severity::Error) => ("\x1b[1m", "\x1b[1;31m", "\x1b[0m"),
                (true, Severity::Warning) => ("\x1b[1m", "\x1b[1;33m", "\x1b[0m"),
            };
            let place = loc.to_string();
            text.push_str(&format!(
                "{bold}{}{reset}: {colour}{}[{}]{reset}{bold}: {}{reset}\n",
                visible(&place),
                f.severity,
                f.rule,
                visible(&f.message)
            ));
            let source = cache.entry(loc.file.as_path()).or_insert_with(|| {
                match texts.iter().find(|t| t.path == loc.file) {
                    Some(text) => Some(text.text.clone()),
                    // Only what svc read itself: plain files of a form's size (never a pipe).
                    None => std::fs::symlink_metadata(root.join(&loc.file))
                        .ok()
                        .filter(|m| m.is_file() && m.len() <= svc::workspace::MAX_FILE_BYTES)
                        .and_then(|_| std::fs::read_to_string(root.join(&loc.file)).ok()),
                }
            });
            if let Some(source) = source.as_deref()
                && loc.start.line > 0
                && let Some(snippet) = excerpt(source, f)
            {
                text.push_str(&snippet.render(&renderer));
                text.push('\n');
            }
            if let Some(hint) = &f.hint {
                let cyan = if self.color { "\x1b[1;36m" } else { "" };
                text.push_str(&format!("  {cyan}hint{reset}: {}\n", visible(hint)));
            }
            text.push('\n');
        }
        text
    }
}

/// A progress bar for long runs: `label [#####·····] 50% (500/1000)` redrawn in place.
pub struct Progress {
    enabled: bool,
    label: String,
    /// The percentage last drawn (redraw only when it changes).
    shown: std::sync::atomic::AtomicUsize,
}

impl Progress {
    /// Show that `done` of `total` are done (from any thread).
    pub fn update(&self, done: usize, total: usize) {
        // Small runs finish before a bar would be seen.
        if !self.enabled || total < 2000 {
            return;
        }
        let percent = done * 100 / total.max(1);
        let ordering = std::sync::atomic::Ordering::Relaxed;
        if self.shown.swap(percent, ordering) == percent {
            return;
        }
        let filled = percent / 5;
        eprint!(
            "\r{} [{}{}] {percent:>3}% ({done}/{total})",
            self.label,
            "#".repeat(filled),
            "·".repeat(20 - filled)
        );
    }

    /// Clear the bar.
    pub fn finish(&self) {
        if self.enabled && self.shown.load(std::sync::atomic::Ordering::Relaxed) != usize::MAX {
            eprint!("\r\x1b[2K");
        }
    }
}

/// The lines of a finding with the range to underline.
struct Excerpt {
    text: String,
    first_line: usize,
    range: std::ops::Range<usize>,
    severity: Severity,
}

impl Excerpt {
    fn render(&self, renderer: &Renderer) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let group = Group::with_level(level).element(
            Snippet::source(self.text.as_str())
                .line_start(self.first_line)
                .annotation(AnnotationKind::Primary.span(self.range.clone())),
        );
        let rendered = renderer.render(&[group]);
        rendered.trim_end().to_string()
    }
}

fn excerpt(source: &str, f: &Finding) -> Option<Excerpt> {
    let start = f.location.start;
    let end = if f.location.end.line >= start.line {
        f.location.end
    } else {
        start
    };
    let last_line = end.line.min(start.line + 2);
    // A line's CR of a CRLF file is no part of what is shown.
    let lines: Vec<&str> = source
        .split('\n')
        .skip(start.line as usize - 1)
        .take((last_line - start.line + 1) as usize)
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    if lines.is_empty() {
        return None;
    }
    let text = lines.join("\n");
    let char_offset = |line: u32, column: u32| -> usize {
        let before: usize = lines
            .iter()
            .take((line - start.line) as usize)
            .map(|l| l.len() + 1)
            .sum();
        let l = lines
            .get((line - start.line) as usize)
            .copied()
            .unwrap_or_default();
        before
            + l.char_indices()
                .nth(column.saturating_sub(1) as usize)
                .map_or(l.len(), |(i, _)| i)
    };
    let from = char_offset(start.line, start.column);
    let mut to = if end.line <= last_line {
        char_offset(end.line, end.column)
    } else {
        text.len()
    };
    if to <= from {
        to = (from + text[from..].chars().next().map_or(0, char::len_utf8)).min(text.len());
    }
    let to = to.min(text.len());
    // The source as the terminal may show it: hidden characters escaped, the underline
    // moved with them.
    let (before, marked, after) = (
        visible_lines(&text[..from]),
        visible_lines(&text[from..to]),
        visible_lines(&text[to..]),
    );
    let range = before.len()..before.len() + marked.len();
    Some(Excerpt {
        text: format!("{before}{marked}{after}"),
        first_line: start.line as usize,
        range,
        severity: f.severity,
    })
}
