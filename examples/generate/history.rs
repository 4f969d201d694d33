//! `--history`: the generated workspace as a git repository whose history is every case's
//! steps, as svc takes them. Each case's steps are worked out with svc's own step code
//! (`svc::init::replay::work_out`: the planning of `svc init --example`, each step prepared
//! with every check of a real one), on all cores; the commits — the shared files by the
//! admin first, then every step of every case in time order, each by its person at its
//! moment with svc's trailers — are written by `git fast-import`, and the work tree and the
//! index brought to the last of them.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use svc::forms::decode::Timestamp;
use svc::init::replay::{Worked, work_out};
use svc::workspace::{Workspace, case};

/// A step to commit: its moment, its case and place in the case's history, its author, its
/// message, and the marks of the blobs it writes (with their paths in the repository).
struct Step {
    at: Timestamp,
    case: usize,
    index: usize,
    name: String,
    email: String,
    message: String,
    files: Vec<(String, usize)>,
}

/// Every file of a case folder, by its path in the folder.
fn read_case(root: &Path, dir: &Path) -> Result<BTreeMap<PathBuf, Vec<u8>>, String> {
    let mut files = BTreeMap::new();
    let base = root.join(dir);
    for entry in walkdir::WalkDir::new(&base) {
        let entry = entry.map_err(|e| e.to_string())?;
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(&base)
                .map_err(|e| e.to_string())?;
            let bytes = std::fs::read(entry.path()).map_err(|e| e.to_string())?;
            files.insert(rel.to_path_buf(), bytes);
        }
    }
    Ok(files)
}

/// A folder for one worker's scratch work, on memory where the system has it.
fn scratch(worker: usize) -> PathBuf {
    let shm = Path::new("/dev/shm");
    let base = if shm.is_dir() {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    base.join(format!("svc-generate-{}-{worker}", std::process::id()))
}

fn git(root: &Path, args: &[&str]) -> Result<(), String> {
    let status = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .status()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("git {} failed", args.join(" ")))
    }
}

/// `author`/`committer` line's identity and time.
fn signature(name: &str, email: &str, at: &Timestamp) -> String {
    let offset = at.offset().local_minus_utc() / 60;
    let sign = if offset < 0 { '-' } else { '+' };
    let offset = offset.abs();
    format!(
        "{name} <{email}> {} {sign}{:02}{:02}",
        at.timestamp(),
        offset / 60,
        offset % 60
    )
}

fn data(out: &mut impl std::io::Write, bytes: &[u8]) -> std::io::Result<()> {
    writeln!(out, "data {}", bytes.len())?;
    out.write_all(bytes)?;
    out.write_all(b"\n")
}

/// Make the workspace at `root` (its files written, not yet a repository) a repository
/// whose history is its cases' steps. Returns the number of commits.
pub fn write(root: &Path, threads: usize) -> Result<usize, String> {
    let ws = Workspace::open(root);
    let (dirs, _) = case::discover(root);
    let admin = ws
        .people
        .values()
        .find(|p| {
            p.roles
                .iter()
                .any(|r| r.value == svc::forms::config::Role::Admin)
        })
        .ok_or("people.toml has no admin to make the first commit")?;
    git(root, &["init", "-q", "-b", "main"])?;
    let mut importer = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["fast-import", "--quiet", "--done"])
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .stdin(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run git fast-import: {e}"))?;
    let stdin = importer.stdin.take().ok_or("no pipe to git fast-import")?;
    let mut out = std::io::BufWriter::with_capacity(1 << 20, stdin);
    let io = |e: std::io::Error| format!("writing to git fast-import: {e}");
    // The shared files, committed by the admin.
    let mut mark = 0usize;
    let mut shared = Vec::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.map_err(|e| e.to_string())?;
        let rel = entry.path().strip_prefix(root).map_err(|e| e.to_string())?;
        if !entry.file_type().is_file() || rel.starts_with(".git") || rel.starts_with("cases") {
            continue;
        }
        let bytes = std::fs::read(entry.path()).map_err(|e| e.to_string())?;
        mark += 1;
        out.write_all(format!("blob\nmark :{mark}\n").as_bytes())
            .map_err(io)?;
        data(&mut out, &bytes).map_err(io)?;
        shared.push((rel.to_string_lossy().into_owned(), mark));
    }
    // Every case's steps, worked out on all cores; their blobs written as they come.
    let (sender, receiver) = mpsc::sync_channel::<(usize, Result<Vec<Worked>, String>)>(64);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut steps: Vec<Step> = Vec::new();
    let mut first: Option<Timestamp> = None;
    std::thread::scope(|scope| -> Result<(), String> {
        for worker in 0..threads.max(1) {
            let (sender, next, dirs, ws) = (sender.clone(), &next, &dirs, &ws);
            scope.spawn(move || {
                let place = scratch(worker);
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(dir) = dirs.get(i) else { break };
                    let result = read_case(root, dir).and_then(|files| {
                        work_out(ws, &place, dir, &files).map_err(|e| e.to_string())
                    });
                    if sender.send((i, result)).is_err() {
                        break;
                    }
                }
                let _ = std::fs::remove_dir_all(&place);
            });
        }
        drop(sender);
        for (i, result) in receiver {
            let worked = result.map_err(|e| format!("{}: {e}", dirs[i].display()))?;
            for (index, w) in worked.into_iter().enumerate() {
                let mut files = Vec::with_capacity(w.writes.len());
                for (rel, bytes) in &w.writes {
                    mark += 1;
                    out.write_all(format!("blob\nmark :{mark}\n").as_bytes())
                        .map_err(io)?;
                    data(&mut out, bytes).map_err(io)?;
                    let path = dirs[i].join(rel);
                    files.push((path.to_string_lossy().into_owned(), mark));
                }
                first = Some(first.map_or(w.at, |f| f.min(w.at)));
                steps.push(Step {
                    at: w.at,
                    case: i,
                    index,
                    name: w.by.name,
                    email: w.by.email,
                    message: w.message,
                    files,
                });
            }
        }
        Ok(())
    })?;
    // The commits: the shared files the day before the first step, then every step in
    // time order (a case's own steps in their order).
    steps.sort_by_key(|s| (s.at, s.case, s.index));
    let founded = first.map_or_else(
        || chrono::DateTime::parse_from_rfc3339("2026-01-01T09:00:00+08:00").expect("a time"),
        |f| f - chrono::Duration::days(1),
    );
    let founder = signature(&admin.name, &admin.email.value, &founded);
    write!(
        out,
        "commit refs/heads/main\nauthor {founder}\ncommitter {founder}\n"
    )
    .map_err(io)?;
    data(&mut out, b"Create the company's workspace\n\nPeople, customers, the parts price list and the rate card.\n").map_err(io)?;
    for (path, mark) in &shared {
        writeln!(out, "M 100644 :{mark} {path}").map_err(io)?;
    }
    for step in &steps {
        let who = signature(&step.name, &step.email, &step.at);
        write!(
            out,
            "\ncommit refs/heads/main\nauthor {who}\ncommitter {who}\n"
        )
        .map_err(io)?;
        data(&mut out, step.message.as_bytes()).map_err(io)?;
        for (path, mark) in &step.files {
            writeln!(out, "M 100644 :{mark} {path}").map_err(io)?;
        }
    }
    out.write_all(b"\ndone\n").map_err(io)?;
    out.flush().map_err(io)?;
    drop(out);
    let status = importer.wait().map_err(|e| e.to_string())?;
    if !status.success() {
        return Err("git fast-import failed".into());
    }
    // The work tree and the index as the last step left them.
    git(root, &["reset", "-q", "--hard", "main"])?;
    Ok(steps.len() + 1)
}
