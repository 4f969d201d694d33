//! The bad-input corpus: every file under `tests/corpus/` breaks the fixture in one way and
//! names the finding that must come of it. One test runs every entry through the real
//! binary (`svc --json validate`), each in a fresh fixture, and reports every entry that
//! fails at once.
//!
//! An entry (`tests/corpus/<nn>-<slug>.toml`):
//!
//! ```toml
//! description = "what is broken, and why it matters"
//! target = "cases/2026/10/SR-20261012-7Q2M4K/request.toml"  # relative to the workspace root
//! # one way to break the target:
//! replace = ["from", "to"]                # or a list of pairs: [["a", "b"], ["c", "d"]]
//! content = "the whole new text"          # the file is written (created if missing)
//! generate = "name"                       # inputs too big or too binary to store, see `generate`
//! # optional, done first:
//! remove = ["path", ...]                  # files or folders
//! move = [["from", "to"], ...]            # rename files or folders
//! # optional, done last: more edits of other files that belong to the same mistake
//! [[also]]
//! target = "..."
//! replace = ["from", "to"]                # or content = "..."
//!
//! [expect]
//! rule = "schema"           # absent when the command must fail before validating (exit 3)
//! file = "..."              # defaults to target
//! line = 3                  # 0: the whole file
//! message = "substring"
//! hint = "substring"        # optional
//! severity = "error"        # optional
//! exit = 1                  # 0 with warnings only, 1 with errors, 3 environment
//! stderr = "substring"      # optional
//! max_findings = 10         # optional: one mistake must not bury its finding in a flood
//! ```
//!
//! Besides `--json validate`, every entry also runs the plain `validate` (same exit code),
//! `show` of the fixture's case and `list`: none of them may panic or hang (each is killed
//! after [`TIME_LIMIT`], or the entry's `time_limit` in seconds).
//!
//! `SVC_CORPUS_SHOW=1 cargo test --test it corpus -- --nocapture` prints what svc found
//! for every entry.
//!
//! `known_bug = "…"` marks an entry that shows a bug not yet fixed in src: it is still run,
//! its failure is printed but tolerated, and the test fails once it passes (so the mark is
//! removed together with the bug).

use crate::common::{Fixture, NOW};
use serde::Deserialize;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Kill a run that takes longer than this: the point is that no input hangs svc.
const TIME_LIMIT: Duration = Duration::from_secs(20);

/// How many of svc's findings a failure lists.
const LISTED: usize = 30;

/// How many lines of a known bug's failure are printed.
const KNOWN_LISTED: usize = 6;

/// The corpus must not shrink below this.
const MIN_ENTRIES: usize = 60;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    description: String,
    target: Option<String>,
    #[serde(flatten)]
    change: Change,
    #[serde(default)]
    remove: Vec<String>,
    #[serde(default, rename = "move")]
    moves: Vec<[String; 2]>,
    #[serde(default)]
    also: Vec<Also>,
    expect: Expect,
    known_bug: Option<String>,
    time_limit: Option<u64>,
}

/// What is done to a target.
#[derive(Debug, Default, Deserialize)]
struct Change {
    replace: Option<Replace>,
    content: Option<String>,
    generate: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Also {
    target: String,
    replace: Option<Replace>,
    content: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Replace {
    One([String; 2]),
    Many(Vec<[String; 2]>),
}

impl Replace {
    fn pairs(&self) -> Vec<&[String; 2]> {
        match self {
            Replace::One(pair) => vec![pair],
            Replace::Many(pairs) => pairs.iter().collect(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    rule: Option<String>,
    file: Option<String>,
    line: Option<u64>,
    message: Option<String>,
    hint: Option<String>,
    severity: Option<String>,
    exit: i32,
    stderr: Option<String>,
    max_findings: Option<usize>,
}

/// One finding of `svc --json validate`, as much of it as the corpus checks.
#[derive(Debug, Deserialize)]
struct Found {
    rule: String,
    severity: String,
    file: String,
    start: Pos,
    message: String,
    hint: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Pos {
    line: u64,
    column: u64,
}

impl std::fmt::Display for Found {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} [{}] {}:{}:{}: {}",
            self.severity, self.rule, self.file, self.start.line, self.start.column, self.message
        )?;
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}

#[derive(Debug, Deserialize)]
struct Report {
    findings: Vec<Found>,
}

/// What a run of the binary gave.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

#[test]
fn every_corpus_entry_gives_its_finding_without_panic_or_hang() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/corpus/ is readable")
        .map(|e| e.expect("a corpus entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let mut failures = Vec::new();
    if paths.len() < MIN_ENTRIES {
        failures.push(format!(
            "the corpus has {} entries; it must keep at least {MIN_ENTRIES}",
            paths.len()
        ));
    }
    let mut known = Vec::new();
    let mut fixed = Vec::new();
    let mut slowest = (Duration::ZERO, String::new());
    for path in &paths {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let entry = std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|text| toml::from_str::<Entry>(&text).map_err(|e| e.to_string()));
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                failures.push(format!("{name}: the entry itself is malformed: {e}"));
                continue;
            }
        };
        let (outcome, elapsed) = run_entry(&name, &entry);
        if elapsed > slowest.0 {
            slowest = (elapsed, name.clone());
        }
        match (outcome, &entry.known_bug) {
            (Ok(()), None) => {}
            (Ok(()), Some(bug)) => fixed.push(format!(
                "{name}: passes now; remove its known_bug mark ({bug})"
            )),
            (Err(problem), None) => {
                failures.push(format!("{name} — {}\n{problem}", entry.description))
            }
            (Err(problem), Some(bug)) => {
                // Short: the bug is known; the first lines show it is still there.
                let lines: Vec<&str> = problem.lines().take(KNOWN_LISTED).collect();
                known.push(format!("{name} — known bug: {bug}\n{}", lines.join("\n")))
            }
        }
    }
    eprintln!(
        "corpus: {} entries, {} failing, {} known bugs; slowest {} ({:.2?})",
        paths.len(),
        failures.len(),
        known.len(),
        slowest.1,
        slowest.0
    );
    for k in &known {
        eprintln!("\n{k}");
    }
    failures.extend(fixed);
    assert!(
        failures.is_empty(),
        "{} of {} corpus entries fail:\n\n{}",
        failures.len(),
        paths.len(),
        failures.join("\n\n")
    );
}

/// Break a fresh fixture as the entry says, run `svc --json validate` (and the other
/// commands), and check the outcome; the error lists everything wrong, with what svc said.
fn run_entry(name: &str, entry: &Entry) -> (Result<(), String>, Duration) {
    let f = Fixture::new();
    // Keeps whatever a generator put outside the workspace alive for the run.
    let mut outside = Vec::new();
    if let Err(e) = apply(&f, entry, &mut outside) {
        return (
            Err(format!("  cannot apply the entry: {e}")),
            Duration::ZERO,
        );
    }
    f.seal();
    let limit = entry.time_limit.map_or(TIME_LIMIT, Duration::from_secs);
    let run = match run_svc(f.root(), &["--json", "validate"], limit) {
        Ok(run) => run,
        Err(e) => return (Err(format!("  svc --json validate: {e}")), limit),
    };
    let mut problems = Vec::new();
    let expect = &entry.expect;
    if let Some(crash) = crashed(&run) {
        problems.push(format!("svc --json validate crashed: {crash}"));
    }
    if run.code != Some(expect.exit) {
        problems.push(format!(
            "exit code {:?}, expected {}",
            run.code, expect.exit
        ));
    }
    if let Some(text) = &expect.stderr
        && !run.stderr.contains(text.as_str())
    {
        problems.push(format!(
            "stderr does not contain {text:?}: {:?}",
            run.stderr.trim_end()
        ));
    }
    let mut listing = String::new();
    if let Some(rule) = &expect.rule {
        match serde_json::from_str::<Report>(&run.stdout) {
            Err(e) => problems.push(format!(
                "stdout is not the JSON report ({e}): {:?}; stderr: {:?}",
                run.stdout.chars().take(500).collect::<String>(),
                run.stderr.chars().take(500).collect::<String>()
            )),
            Ok(report) => {
                let file = expect.file.as_deref().or(entry.target.as_deref());
                let matches = |x: &Found| {
                    x.rule == *rule
                        && file.is_none_or(|file| x.file == file)
                        && expect.line.is_none_or(|line| x.start.line == line)
                        && expect
                            .message
                            .as_deref()
                            .is_none_or(|m| x.message.contains(m))
                        && expect
                            .hint
                            .as_deref()
                            .is_none_or(|h| x.hint.as_deref().is_some_and(|x| x.contains(h)))
                        && expect.severity.as_deref().is_none_or(|s| x.severity == s)
                };
                if let Some(max) = expect.max_findings
                    && report.findings.len() > max
                {
                    problems.push(format!(
                        "{} findings, at most {max} expected",
                        report.findings.len()
                    ));
                }
                if !report.findings.iter().any(matches) {
                    problems.push(format!(
                        "no finding [{rule}] at {}:{} with message {:?}{}{}",
                        file.unwrap_or("?"),
                        expect.line.map_or("?".to_string(), |l| l.to_string()),
                        expect.message.as_deref().unwrap_or(""),
                        expect
                            .hint
                            .as_deref()
                            .map_or(String::new(), |h| format!(" and hint {h:?}")),
                        expect
                            .severity
                            .as_deref()
                            .map_or(String::new(), |s| format!(" ({s})")),
                    ));
                }
                for found in report.findings.iter().take(LISTED) {
                    listing.push_str(&format!("\n    {found}"));
                }
                if report.findings.len() > LISTED {
                    listing.push_str(&format!(
                        "\n    … and {} more",
                        report.findings.len() - LISTED
                    ));
                }
            }
        }
    }
    // The other ways of reading the same workspace: none may crash or hang.
    let case = crate::common::CASE.rsplit('/').next().unwrap_or_default();
    for args in [&["validate"][..], &["show", case], &["list"]] {
        let command = format!("svc {}", args.join(" "));
        match run_svc(f.root(), args, limit) {
            Err(e) => problems.push(format!("{command}: {e}")),
            Ok(other) => {
                if let Some(crash) = crashed(&other) {
                    problems.push(format!("{command} crashed: {crash}"));
                }
                if args == ["validate"] && other.code != run.code {
                    problems.push(format!(
                        "{command} exits with {:?}, but with --json {:?}",
                        other.code, run.code
                    ));
                }
            }
        }
    }
    if std::env::var_os("SVC_CORPUS_SHOW").is_some() {
        eprintln!(
            "\n{name}: {} ({:.2?}, exit {:?}){listing}\n  stderr: {}",
            entry.description,
            run.elapsed,
            run.code,
            run.stderr.trim_end()
        );
    }
    if problems.is_empty() {
        return (Ok(()), run.elapsed);
    }
    let mut text = problems
        .iter()
        .map(|p| format!("  {p}"))
        .collect::<Vec<_>>()
        .join("\n");
    if !listing.is_empty() {
        text.push_str("\n  svc found:");
        text.push_str(&listing);
    } else if !run.stderr.is_empty() {
        text.push_str(&format!(
            "\n  stderr: {}",
            run.stderr.chars().take(2000).collect::<String>()
        ));
    }
    (Err(text), run.elapsed)
}

/// Apply the entry's changes to the fixture.
fn apply(f: &Fixture, entry: &Entry, outside: &mut Vec<tempfile::TempDir>) -> Result<(), String> {
    for rel in &entry.remove {
        let path = f.root().join(rel);
        let result = if path.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
        result.map_err(|e| format!("cannot remove {rel}: {e}"))?;
    }
    for [from, to] in &entry.moves {
        let to_path = f.root().join(to);
        if let Some(parent) = to_path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        std::fs::rename(f.root().join(from), &to_path)
            .map_err(|e| format!("cannot move {from} to {to}: {e}"))?;
    }
    let Change {
        replace,
        content,
        generate,
    } = &entry.change;
    let ways = [replace.is_some(), content.is_some(), generate.is_some()];
    if ways.iter().filter(|w| **w).count() > 1 {
        return Err("give one of replace, content and generate".into());
    }
    if ways.iter().any(|w| *w) {
        let target = entry
            .target
            .as_deref()
            .ok_or("replace, content and generate need a target")?;
        change(f, target, replace.as_ref(), content.as_deref())?;
        if let Some(name) = generate {
            self::generate(f, name, target, outside)?;
        }
    }
    for also in &entry.also {
        change(
            f,
            &also.target,
            also.replace.as_ref(),
            also.content.as_deref(),
        )?;
    }
    Ok(())
}

fn change(
    f: &Fixture,
    target: &str,
    replace: Option<&Replace>,
    content: Option<&str>,
) -> Result<(), String> {
    if let Some(replace) = replace {
        let mut text = std::fs::read_to_string(f.root().join(target))
            .map_err(|e| format!("cannot read {target}: {e}"))?;
        for [from, to] in replace.pairs() {
            if !text.contains(from.as_str()) {
                return Err(format!("{target} does not contain {from:?}"));
            }
            text = text.replacen(from.as_str(), to, 1);
        }
        f.write(target, &text);
    }
    if let Some(content) = content {
        f.write(target, content);
    }
    Ok(())
}

/// The inputs that are not stored as text in the corpus.
fn generate(
    f: &Fixture,
    name: &str,
    target: &str,
    outside: &mut Vec<tempfile::TempDir>,
) -> Result<(), String> {
    let path = f.root().join(target);
    let current = || std::fs::read_to_string(&path).map_err(|e| format!("{target}: {e}"));
    match name {
        // A zero-byte file, as an editor leaves it after a crash.
        "empty" => f.write_bytes(target, b""),
        // The form padded with comment lines to 10 MB.
        "ten-megabytes" => {
            let mut text = current()?;
            let line = "# 附件内容误粘贴 pasted attachment xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n";
            while text.len() < 10 << 20 {
                text.push_str(line);
            }
            f.write(target, &text);
        }
        // The form saved in GBK by an editor set to the Chinese Windows code page.
        "gbk" => {
            let bytes = gbk(&current()?)?;
            f.write_bytes(target, &bytes);
        }
        // The form cut off in the middle of its last multi-byte character (an interrupted copy).
        "cut-mid-character" => {
            let text = current()?;
            let (at, c) = text
                .char_indices()
                .rev()
                .find(|(_, c)| !c.is_ascii())
                .ok_or("no multi-byte character to cut")?;
            let keep = at + c.len_utf8() - 1;
            f.write_bytes(target, &text.as_bytes()[..keep]);
        }
        // A valid form in a folder outside the workspace, linked from the target.
        "symlink-out" => {
            let text = current()?;
            let elsewhere = tempfile::tempdir().map_err(|e| e.to_string())?;
            let file = elsewhere.path().join("elsewhere.toml");
            std::fs::write(&file, text).map_err(|e| e.to_string())?;
            std::fs::remove_file(&path).map_err(|e| e.to_string())?;
            symlink(&file, &path)?;
            outside.push(elsewhere);
        }
        // The target folder moved out of the workspace, a symbolic link left in its place.
        "symlink-dir-out" => {
            let elsewhere = tempfile::tempdir().map_err(|e| e.to_string())?;
            let moved = elsewhere.path().join("moved");
            copy_dir(&path, &moved)?;
            std::fs::remove_dir_all(&path).map_err(|e| e.to_string())?;
            symlink(&moved, &path)?;
            outside.push(elsewhere);
        }
        // A copy of the form elsewhere in the workspace, linked from the target.
        "symlink-in" => {
            let text = current()?;
            f.write("shared/linked.toml", &text);
            std::fs::remove_file(&path).map_err(|e| e.to_string())?;
            symlink(&f.root().join("shared/linked.toml"), &path)?;
        }
        // A named pipe where a form should be: reading it would wait for a writer forever.
        "fifo" => {
            std::fs::remove_file(&path).map_err(|e| e.to_string())?;
            let made = Command::new("mkfifo")
                .arg(&path)
                .status()
                .map_err(|e| format!("cannot run mkfifo: {e}"))?;
            if !made.success() {
                return Err(format!("mkfifo {target} failed"));
            }
        }
        // The whole fixture case copied into the target folder (same id twice).
        "copy-case" => {
            let from = f.root().join(crate::common::CASE);
            copy_dir(&from, &path)?;
        }
        // "Billion laughs": nine levels of nine aliases, a billion strings once expanded.
        "alias-bomb" => {
            let mut text = String::from("travellers: [wang.qiang]\nlol0: &l0 \"lol\"\n");
            for i in 1..10 {
                let refs = vec![format!("*l{}", i - 1); 9].join(", ");
                text.push_str(&format!("lol{i}: &l{i} [{refs}]\n"));
            }
            f.write(target, &text);
        }
        // A value nested 50,000 flow sequences deep, under the size limit.
        "deep-yaml" => {
            let depth = 50_000;
            let text = format!("travellers: {}{}\n", "[".repeat(depth), "]".repeat(depth));
            f.write(target, &text);
        }
        // A value nested 100 mappings deep, block style, as an indentation accident might.
        "deep-yaml-block" => {
            let mut text = String::from("travellers: [wang.qiang]\ndays:\n");
            for i in 0..100 {
                text.push_str(&"  ".repeat(i + 1));
                text.push_str("a:\n");
            }
            f.write(target, &text);
        }
        // An array nested 100,000 deep in TOML, under the size limit.
        "deep-toml-array" => {
            let depth = 100_000;
            let text = format!(
                "{}remarks = {}{}\n",
                current()?,
                "[".repeat(depth),
                "]".repeat(depth)
            );
            f.write(target, &text);
        }
        // An inline table nested 50,000 deep in TOML, under the size limit.
        "deep-toml-table" => {
            let depth = 50_000;
            let text = format!(
                "{}remarks = {}1{}\n",
                current()?,
                "{a=".repeat(depth),
                "}".repeat(depth)
            );
            f.write(target, &text);
        }
        // 30,000 list items in YAML (more nodes than any form needs), under the size limit.
        "many-yaml-nodes" => {
            let text = format!(
                "{}\nextra: [{}]\n",
                current()?.trim_end(),
                vec!["x"; 30_000].join(",")
            );
            f.write(target, &text);
        }
        // 5,000 misspelt keys: every one a finding, and no slower than linear.
        "many-unknown-keys" => {
            let mut text = current()?;
            for i in 0..5_000 {
                text.push_str(&format!("extra_{i} = 1\n"));
            }
            f.write(target, &text);
        }
        other => return Err(format!("unknown generator {other:?}")),
    }
    Ok(())
}

/// The text in GBK, for the characters of the fixture's request (the rest is ASCII).
fn gbk(text: &str) -> Result<Vec<u8>, String> {
    const TABLE: &[(char, [u8; 2])] = &[
        ('仍', [0xC8, 0xD4]),
        ('分', [0xB7, 0xD6]),
        ('口', [0xBF, 0xDA]),
        ('启', [0xC6, 0xF4]),
        ('告', [0xB8, 0xE6]),
        ('在', [0xD4, 0xDA]),
        ('块', [0xBF, 0xE9]),
        ('客', [0xBF, 0xCD]),
        ('导', [0xB5, 0xBC]),
        ('工', [0xB9, 0xA4]),
        ('户', [0xBB, 0xA7]),
        ('指', [0xD6, 0xB8]),
        ('换', [0xBB, 0xBB]),
        ('掉', [0xB5, 0xF4]),
        ('更', [0xB8, 0xFC]),
        ('模', [0xC4, 0xA3]),
        ('源', [0xD4, 0xB4]),
        ('电', [0xB5, 0xE7]),
        ('线', [0xCF, 0xDF]),
        ('警', [0xBE, 0xAF]),
        ('部', [0xB2, 0xBF]),
        ('重', [0xD6, 0xD8]),
        ('需', [0xD0, 0xE8]),
        ('黄', [0xBB, 0xC6]),
    ];
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c as u8);
        } else {
            let (_, bytes) = TABLE
                .iter()
                .find(|(k, _)| *k == c)
                .ok_or_else(|| format!("no GBK code for {c:?} in the test's table"))?;
            out.extend_from_slice(bytes);
        }
    }
    Ok(out)
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) -> Result<(), String> {
    std::os::unix::fs::symlink(target, link).map_err(|e| e.to_string())
}

#[cfg(not(unix))]
fn symlink(_target: &Path, _link: &Path) -> Result<(), String> {
    Err("symbolic links are tested on unix only".into())
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| e.to_string())?;
    for entry in std::fs::read_dir(from).map_err(|e| e.to_string())? {
        let entry = entry.map_err(|e| e.to_string())?;
        let dest = to.join(entry.file_name());
        if entry.file_type().map_err(|e| e.to_string())?.is_dir() {
            copy_dir(&entry.path(), &dest)?;
        } else {
            std::fs::copy(entry.path(), dest).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// Why a run counts as a crash: a panic, a stack overflow, or death by a signal.
fn crashed(run: &Run) -> Option<String> {
    if run.stderr.contains("panicked") || run.stderr.contains("overflowed its stack") {
        return Some(run.stderr.trim_end().to_string());
    }
    if run.code.is_none() {
        return Some(format!(
            "killed by a signal; stderr: {}",
            run.stderr.trim_end()
        ));
    }
    None
}

/// Run the svc binary in `dir` like `common::svc_in` (hermetic git, pinned clock), but
/// killed after `limit`.
fn run_svc(dir: &Path, args: &[&str], limit: Duration) -> Result<Run, String> {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_svc"))
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_DATE", NOW)
        .env("GIT_COMMITTER_DATE", NOW)
        .env("SVC_NOW", NOW)
        .env("NO_COLOR", "1")
        // Messages in English (the tests of the Chinese ones ask for them).
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("EDITOR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run svc: {e}"))?;
    let reader = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = reader(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = reader(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("still running after {limit:?}: killed (a hang)"));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(format!("cannot wait for svc: {e}")),
        }
    };
    let elapsed = start.elapsed();
    Ok(Run {
        code: status.code(),
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
        elapsed,
    })
}
