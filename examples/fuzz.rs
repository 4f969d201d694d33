//! A mutation fuzzer for svc, on the stable toolchain: byte-level and token-level mutations
//! of real inputs, fed to what reads untrusted text — the TOML and YAML decoding of every
//! form and shared file, the procedure's rules on the case the form belongs to, the reading
//! of commit messages (trailers, notes) and `svc check`'s reading of a commit's files.
//!
//! ```text
//! cargo run --release --example fuzz -- --execs 1000000 [--seed N] [--threads N]
//! ```
//!
//! Seeds: every file of the sample company (made with `svc init --example` in a scratch
//! folder) and every text in the bad-input corpus (`tests/corpus/`). A panic is a failure:
//! its input is written under `target/fuzz-crashes/` (to become a corpus entry once fixed).
//! So is a broken round trip: a note svc accepts must read back from the commit message it
//! goes into, and the trailers with it. Deterministic for a seed and a thread count.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use svc::forms::decode::Timestamp;
use svc::forms::source::SourceFile;
use svc::forms::{Action, State};
use svc::history::{actions, check, log};
use svc::rules::{self, Context};
use svc::workspace::{Workspace, case};

/// How a run went.
#[derive(Debug, Default, Clone)]
pub struct Outcome {
    /// Inputs tried.
    pub execs: usize,
    /// Inputs that made svc panic (each saved).
    pub panics: usize,
    /// Round trips that did not come back.
    pub broken: usize,
    /// The slowest input, and how long it took.
    pub slowest: Duration,
    /// Where the failing inputs were written.
    pub saved: Vec<PathBuf>,
}

thread_local! {
    /// The message of the last panic on this thread.
    static LAST_PANIC: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// SplitMix64.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            ((u128::from(self.next()) * n as u128) >> 64) as usize
        }
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Tokens that stress the parsers and the rules: syntax, numbers at the edges, times that
/// are almost times, control and invisible characters, YAML's aliases and tags.
const TOKENS: &[&str] = &[
    "\"",
    "'",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    "=",
    ":",
    ": ",
    "\n",
    "\r\n",
    "\t",
    " ",
    "#",
    ",",
    "- ",
    "---\n",
    "...",
    "*a",
    "&a ",
    "!!str ",
    "!!binary ",
    "<<: *a\n",
    "|\n",
    ">\n",
    "\\u0000",
    "\\",
    "\u{0}",
    "\u{1b}[31m",
    "\u{7}",
    "\u{202e}",
    "\u{200b}",
    "\u{feff}",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "99999999999999999999999999",
    "0x7f",
    "1e400",
    "-0",
    "nan",
    "inf",
    "NaN",
    ".inf",
    "2026-02-30",
    "2026-11-27T23:59:60+08:00",
    "2026-11-27T09:30:00",
    "+99:99",
    "Z",
    "2026-11-27T09:30:00+08:00",
    "0000-01-01",
    "9999-12-31T23:59:59-23:59",
    "\"0.001\"",
    "\"-1.00\"",
    "\" 1.00\"",
    "\"1.\"",
    "true",
    "false",
    "null",
    "~",
    "Svc-Case: X",
    "Svc-Action: approve",
    "\n\nSvc-To: archived\n",
    "state = \"archived\"",
    "approvals",
    "covers = {}",
    "flights = []",
    "[[checkins]]",
    "kind = \"review\"",
    "中文",
    "𠮷",
    "é",
];

/// One mutation of `input`, drawing on `seeds` for splices.
fn mutate(r: &mut Rng, input: &[u8], seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut out = input.to_vec();
    let rounds = 1 + r.below(4);
    for _ in 0..rounds {
        let at = r.below(out.len() + 1);
        match r.below(9) {
            0 if !out.is_empty() => {
                let i = r.below(out.len());
                out[i] ^= 1 << r.below(8);
            }
            1 => {
                let token = r.pick(TOKENS).as_bytes();
                out.splice(at..at, token.iter().copied());
            }
            2 if !out.is_empty() => {
                let end = (at + 1 + r.below(32)).min(out.len());
                out.drain(at.min(end)..end);
            }
            3 if !out.is_empty() => {
                let start = r.below(out.len());
                let end = (start + 1 + r.below(64)).min(out.len());
                let piece = out[start..end].to_vec();
                out.splice(at..at, piece);
            }
            4 if !seeds.is_empty() => {
                let other = r.pick(seeds);
                if !other.is_empty() {
                    let start = r.below(other.len());
                    let end = (start + 1 + r.below(256)).min(other.len());
                    out.splice(at..at, other[start..end].iter().copied());
                }
            }
            5 => out.truncate(at),
            6 if !out.is_empty() => {
                // Swap two lines.
                let text = String::from_utf8_lossy(&out).into_owned();
                let mut lines: Vec<&str> = text.split('\n').collect();
                let (a, b) = (r.below(lines.len()), r.below(lines.len()));
                lines.swap(a, b);
                out = lines.join("\n").into_bytes();
            }
            7 => {
                let byte = r.below(256) as u8;
                out.insert(at, byte);
            }
            _ => {
                // Repeat a line: deep nesting, long lists, duplicate keys.
                let text = String::from_utf8_lossy(&out).into_owned();
                let lines: Vec<&str> = text.split('\n').collect();
                let line = r.pick(&lines).to_string();
                let times = 1 + r.below(8);
                let mut extra = String::new();
                for _ in 0..times {
                    extra.push_str(&line);
                    extra.push('\n');
                }
                out.splice(at..at, extra.into_bytes());
            }
        }
    }
    out
}

/// The inputs the fuzzer starts from.
struct Seeds {
    /// The sample company, made in a scratch folder.
    sample: PathBuf,
    /// Its case folders, relative to its root.
    cases: Vec<PathBuf>,
    /// Every file's text: the sample's and the corpus's.
    texts: Vec<Vec<u8>>,
    /// Commit messages of real steps.
    messages: Vec<String>,
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.file_name().is_some_and(|n| n == ".git") {
            continue;
        }
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Every string value in a corpus entry (its replacements and contents).
fn strings(value: &toml::Value, out: &mut Vec<Vec<u8>>) {
    match value {
        toml::Value::String(s) => out.push(s.clone().into_bytes()),
        toml::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        toml::Value::Table(t) => t.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

fn seeds(scratch: &Path) -> Result<Seeds, String> {
    let sample = scratch.join("sample");
    let sources = svc::history::git::ConfigSources {
        global: Some(PathBuf::from("/dev/null")),
        no_system: true,
    };
    svc::init::create(&sample, svc::init::Template::Example, &sources, None)
        .map_err(|e| format!("the sample company: {e}"))?;
    let (cases, _) = case::discover(&sample);
    let mut files = Vec::new();
    collect(&sample, &mut files);
    let mut texts: Vec<Vec<u8>> = files.iter().filter_map(|f| std::fs::read(f).ok()).collect();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut entries = Vec::new();
    collect(&corpus, &mut entries);
    entries.sort();
    for entry in entries {
        if let Some(value) = std::fs::read_to_string(&entry)
            .ok()
            .and_then(|t| t.parse::<toml::Value>().ok())
        {
            strings(&value, &mut texts);
        }
    }
    let repo = git2::Repository::open(&sample).map_err(|e| e.to_string())?;
    let mut walk = repo.revwalk().map_err(|e| e.to_string())?;
    walk.push_head().map_err(|e| e.to_string())?;
    let messages = walk
        .filter_map(Result::ok)
        .filter_map(|oid| repo.find_commit(oid).ok())
        .filter_map(|c| c.message().ok().map(str::to_string))
        .collect();
    Ok(Seeds {
        sample,
        cases,
        texts,
        messages,
    })
}

/// Copy a folder (its files, not `.git`).
fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        if name == ".git" {
            continue;
        }
        let target = to.join(&name);
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// What one input is fed to.
enum Input {
    /// A file of a case folder: decoded with the case, the rules run on it.
    Form {
        dir: PathBuf,
        rel: PathBuf,
        bytes: Vec<u8>,
    },
    /// A shared file's text, decoded as such.
    Shared { name: &'static str, bytes: Vec<u8> },
    /// A commit message: its trailers and note read back.
    Message(Vec<u8>),
    /// A note for a step: refused, or recorded and read back whole.
    Note(Vec<u8>),
    /// Two versions of case.toml, a people.toml, an svc.toml and a task sheet, as `svc
    /// check` reads a commit's files.
    Commit([Vec<u8>; 5]),
}

impl Input {
    fn describe(&self) -> (String, &[u8]) {
        match self {
            Input::Form { rel, bytes, .. } => (rel.display().to_string(), bytes),
            Input::Shared { name, bytes } => ((*name).to_string(), bytes),
            Input::Message(b) => ("commit message".into(), b),
            Input::Note(b) => ("note".into(), b),
            Input::Commit(files) => ("a commit's files (case.toml after)".into(), &files[1]),
        }
    }
}

/// Feed one input; `Err` for a broken round trip.
fn feed(root: &Path, ws: &Workspace, now: Timestamp, input: &Input) -> Result<(), String> {
    match input {
        Input::Form { dir, rel, bytes } => {
            let path = root.join(rel);
            let before = std::fs::read(&path).ok();
            if let Some(parent) = path.parent() {
                let _ = std::fs::create_dir_all(parent);
            }
            let _ = std::fs::write(&path, bytes);
            let case = case::load(root, dir);
            let findings = rules::check_case(&Context::new(ws, now), &case);
            std::hint::black_box(findings);
            match before {
                Some(b) => {
                    let _ = std::fs::write(&path, b);
                }
                None => {
                    let _ = std::fs::remove_file(&path);
                }
            }
        }
        Input::Shared { name, bytes } => {
            let source = SourceFile::new(*name, String::from_utf8_lossy(bytes).into_owned());
            let mut findings = Vec::new();
            use svc::forms::config::{Customer, PartsList, People, RateCard, Settings};
            use svc::workspace::decode_file;
            match *name {
                "people.toml" => drop(decode_file::<People>(&source, &mut findings)),
                "svc.toml" => drop(decode_file::<Settings>(&source, &mut findings)),
                "catalog/parts.toml" => drop(decode_file::<PartsList>(&source, &mut findings)),
                "catalog/rates.toml" => drop(decode_file::<RateCard>(&source, &mut findings)),
                _ => drop(decode_file::<Customer>(&source, &mut findings)),
            }
            std::hint::black_box(findings);
        }
        Input::Message(bytes) => {
            let message = String::from_utf8_lossy(bytes);
            std::hint::black_box((
                log::trailers(&message),
                log::trailer_block(&message),
                log::note(&message),
            ));
        }
        Input::Note(bytes) => {
            let text = String::from_utf8_lossy(bytes);
            if let Ok(note) = actions::plain_text("note", &text) {
                let note = note.trim();
                let message = actions::commit_message(
                    svc::forms::config::Locale::ZhCn,
                    Action::Checkin,
                    "SR-20261127-K7F3Q2",
                    Some(State::OnSite),
                    State::OnSite,
                    Some(note).filter(|n| !n.is_empty()),
                    "li.na",
                );
                let t =
                    log::trailers(&message).ok_or("the trailers of a step did not read back")?;
                if t.case != "SR-20261127-K7F3Q2"
                    || t.action != Action::Checkin
                    || t.actor != "li.na"
                {
                    return Err(format!("the trailers read back as {t:?}"));
                }
                let back = log::note(&message);
                if !note.is_empty() && back != note {
                    return Err(format!("the note {note:?} read back as {back:?}"));
                }
            }
        }
        Input::Commit([before, after, people, settings, sheet]) => {
            std::hint::black_box(check::read_files(before, after, people, settings, sheet));
        }
    }
    Ok(())
}

/// The shared files a shared input may stand for.
const SHARED: &[&str] = &[
    "people.toml",
    "svc.toml",
    "catalog/parts.toml",
    "catalog/rates.toml",
    "customers/x.toml",
];

/// Draw the `n`-th input of a thread.
fn draw(r: &mut Rng, seeds: &Seeds, root: &Path) -> Input {
    match r.below(20) {
        0..=11 => {
            let dir = r.pick(&seeds.cases).clone();
            let mut files = Vec::new();
            collect(&root.join(&dir), &mut files);
            let pick = if files.is_empty() || r.below(10) == 0 {
                // A form that was not there.
                let names = [
                    "summary.toml",
                    "fees.yaml",
                    "visits/09-x.toml",
                    "travel-log.yml",
                ];
                dir.join(r.pick(&names))
            } else {
                let f = r.pick(&files);
                f.strip_prefix(root).unwrap_or(f).to_path_buf()
            };
            let base =
                std::fs::read(root.join(&pick)).unwrap_or_else(|_| r.pick(&seeds.texts).clone());
            Input::Form {
                dir,
                rel: pick,
                bytes: mutate(r, &base, &seeds.texts),
            }
        }
        12..=13 => {
            let name = *r.pick(SHARED);
            let base =
                std::fs::read(root.join(name)).unwrap_or_else(|_| r.pick(&seeds.texts).clone());
            Input::Shared {
                name,
                bytes: mutate(r, &base, &seeds.texts),
            }
        }
        14..=15 => {
            let base = r.pick(&seeds.messages).clone().into_bytes();
            Input::Message(mutate(r, &base, &seeds.texts))
        }
        16..=17 => {
            let message: &String = r.pick(&seeds.messages);
            let base = log::note(message).into_bytes();
            Input::Note(mutate(r, &base, &seeds.texts))
        }
        _ => {
            let dir = r.pick(&seeds.cases).clone();
            let read = |rel: &Path| std::fs::read(root.join(rel)).unwrap_or_default();
            let base = read(&dir.join("case.toml"));
            let after = mutate(r, &base, &seeds.texts);
            let before = if r.below(2) == 0 {
                base
            } else {
                mutate(r, &base, &seeds.texts)
            };
            let people = mutate(r, &read(Path::new("people.toml")), &seeds.texts);
            let settings = mutate(r, &read(Path::new("svc.toml")), &seeds.texts);
            let sheet = mutate(r, &read(&dir.join("task-sheet.toml")), &seeds.texts);
            Input::Commit([before, after, people, settings, sheet])
        }
    }
}

/// Run `execs` inputs over `threads` threads from `seed`, in `scratch` (a folder of its
/// own, removed after); failing inputs are written to `crashes`.
pub fn run(
    execs: usize,
    seed: u64,
    threads: usize,
    scratch: &Path,
    crashes: &Path,
) -> Result<Outcome, String> {
    let seeds = seeds(scratch)?;
    let now: Timestamp = chrono::DateTime::parse_from_rfc3339("2026-11-27T12:00:00+08:00")
        .map_err(|e| e.to_string())?;
    let done = AtomicUsize::new(0);
    // A panic is caught and counted; its message is kept with the input, not printed.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|info| {
        LAST_PANIC.with(|last| *last.borrow_mut() = Some(info.to_string()));
    }));
    let outcomes: Vec<Result<Outcome, String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads.max(1))
            .map(|t| {
                let seeds = &seeds;
                let done = &done;
                scope.spawn(move || -> Result<Outcome, String> {
                    let root = scratch.join(format!("thread-{t}"));
                    copy_tree(&seeds.sample, &root).map_err(|e| e.to_string())?;
                    let ws = Workspace::open(&root);
                    let mut r = Rng(seed ^ (t as u64).wrapping_mul(0xA24B_AED4_963E_E407));
                    let mut outcome = Outcome::default();
                    while done.fetch_add(1, Ordering::Relaxed) < execs {
                        let input = draw(&mut r, seeds, &root);
                        let started = Instant::now();
                        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            feed(&root, &ws, now, &input)
                        }));
                        outcome.slowest = outcome.slowest.max(started.elapsed());
                        outcome.execs += 1;
                        let failed = match result {
                            Ok(Ok(())) => None,
                            Ok(Err(why)) => {
                                outcome.broken += 1;
                                Some(format!("round trip: {why}"))
                            }
                            Err(_) => {
                                outcome.panics += 1;
                                let message = LAST_PANIC.with(|last| last.borrow_mut().take());
                                Some(format!("panic: {}", message.unwrap_or_default()))
                            }
                        };
                        if let Some(why) = failed {
                            let (what, bytes) = input.describe();
                            let _ = std::fs::create_dir_all(crashes);
                            let file = crashes.join(format!("{t}-{}.input", outcome.execs));
                            let _ = std::fs::write(&file, bytes);
                            let _ = std::fs::write(
                                file.with_extension("txt"),
                                format!("{why}\ninput: {what}\n"),
                            );
                            outcome.saved.push(file);
                            // Restore the case folder a panicking form left changed.
                            if let Input::Form { rel, .. } = &input {
                                let original = seeds.sample.join(rel);
                                match std::fs::read(&original) {
                                    Ok(b) => drop(std::fs::write(root.join(rel), b)),
                                    Err(_) => drop(std::fs::remove_file(root.join(rel))),
                                }
                            }
                        }
                    }
                    Ok(outcome)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Err("a thread died".into())))
            .collect()
    });
    std::panic::set_hook(hook);
    let mut total = Outcome::default();
    for outcome in outcomes {
        let o = outcome?;
        total.execs += o.execs;
        total.panics += o.panics;
        total.broken += o.broken;
        total.slowest = total.slowest.max(o.slowest);
        total.saved.extend(o.saved);
    }
    Ok(total)
}

#[allow(dead_code)]
fn main() -> std::process::ExitCode {
    let mut execs = 100_000usize;
    let mut seed = 1u64;
    let mut threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().and_then(|v| v.parse::<u64>().ok());
        match (arg.as_str(), value) {
            ("--execs", Some(v)) => execs = v as usize,
            ("--seed", Some(v)) => seed = v,
            ("--threads", Some(v)) => threads = v.max(1) as usize,
            _ => {
                eprintln!("usage: fuzz [--execs N] [--seed N] [--threads N]");
                return std::process::ExitCode::from(2);
            }
        }
    }
    // Memory-backed where the system has it: an input is a file written and read back.
    let shm = Path::new("/dev/shm");
    let base = if shm.is_dir() && std::fs::create_dir_all(shm.join("svc-fuzz-probe")).is_ok() {
        let _ = std::fs::remove_dir(shm.join("svc-fuzz-probe"));
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    let scratch = base.join(format!("svc-fuzz-{}", std::process::id()));
    let crashes = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-crashes");
    let started = Instant::now();
    let result = run(execs, seed, threads, &scratch, &crashes);
    let _ = std::fs::remove_dir_all(&scratch);
    match result {
        Ok(o) => {
            let secs = started.elapsed().as_secs_f64();
            println!(
                "{} executions in {secs:.1} s ({:.0}/s, {threads} threads, seed {seed}): {} panic(s), {} broken round trip(s); slowest input {:.1} ms",
                o.execs,
                o.execs as f64 / secs,
                o.panics,
                o.broken,
                o.slowest.as_secs_f64() * 1000.0
            );
            for file in &o.saved {
                println!("  failing input: {}", file.display());
            }
            if o.panics + o.broken > 0 {
                std::process::ExitCode::FAILURE
            } else {
                std::process::ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("fuzz: {e}");
            std::process::ExitCode::from(3)
        }
    }
}
