//! The workspace's index (`.git/svc/index`) is a cache and never the truth: after random
//! edits, commits, checkouts, merges, branch switches, deletions and changes to the shared
//! files, every command answers byte for byte as it does with `--no-cache`, both on the
//! run that brings the index up to date and on the next; an index cut short, altered or
//! from another version is read as none; a write killed half-way leaves none that is
//! trusted.

use super::*;

/// A small deterministic generator (xorshift), so a failing round can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Every file of the work tree (not under `.git`), relative to the root, sorted.
fn work_files(ws: &Ws) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(ws.root())
        .into_iter()
        .filter_entry(|e| e.file_name() != ".git")
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(ws.root())
                .expect("under the root")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    files.sort();
    files
}

fn case_files(ws: &Ws) -> Vec<String> {
    work_files(ws)
        .into_iter()
        .filter(|f| f.starts_with("cases/"))
        .collect()
}

fn case_dirs(ws: &Ws) -> Vec<String> {
    let mut dirs: Vec<String> = case_files(ws)
        .iter()
        .filter_map(|f| f.split('/').take(4).collect::<Vec<_>>().join("/").into())
        .filter(|d: &String| d.split('/').count() == 4)
        .collect();
    dirs.dedup();
    dirs
}

/// Replace one character of a file by another of the same width, so that its size stays
/// the same: the change must be seen by its times, not its length.
fn same_size_edit(ws: &Ws, rel: &str, rng: &mut Rng) {
    let Ok(text) = std::fs::read_to_string(ws.root().join(rel)) else {
        return;
    };
    let positions: Vec<usize> = text
        .char_indices()
        .filter(|(_, c)| c.is_ascii_alphanumeric())
        .map(|(i, _)| i)
        .collect();
    if positions.is_empty() {
        return;
    }
    let at = *rng.pick(&positions);
    let old = text.as_bytes()[at];
    let new = if old.is_ascii_digit() {
        b'0' + (old - b'0' + 1 + rng.below(8) as u8) % 10
    } else if old == b'z' || old == b'Z' {
        old - 1
    } else {
        old + 1
    };
    let mut bytes = text.into_bytes();
    bytes[at] = new;
    std::fs::write(ws.root().join(rel), bytes).expect("write the edit");
}

fn git_ok(ws: &Ws, args: &[&str]) -> bool {
    ws.git_command()
        .args(args)
        .output()
        .expect("run git")
        .status
        .success()
}

/// Commit whatever is in the work tree with plain git as `person` (nothing when clean).
fn commit_all(ws: &Ws, person: &str, message: &str) {
    ws.git(&["add", "-A"]);
    if !git_ok(ws, &["diff", "--cached", "--quiet"]) {
        ws.git_commit_as(person, message);
    }
}

/// Set the modification time of every file written in the last seconds back by a minute
/// (a different moment each round): the index then has to tell them apart by their change
/// time, as it would a file whose time a tool set back.
fn age_recent_files(ws: &Ws, round: u64) {
    let now = std::time::SystemTime::now();
    let past = now - std::time::Duration::from_secs(600) + std::time::Duration::from_millis(round);
    for rel in work_files(ws) {
        let path = ws.root().join(&rel);
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        let recent = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_none_or(|d| d.as_secs() < 30);
        if recent {
            let file = std::fs::File::options()
                .write(true)
                .open(&path)
                .expect("open to age");
            file.set_modified(past).expect("set the time back");
        }
    }
}

/// One random thing a person or git does to the workspace; returns what, for the message
/// of a failure.
fn shake(ws: &Ws, rng: &mut Rng, round: u64, trunk: &str) -> String {
    let files = case_files(ws);
    let dirs = case_dirs(ws);
    let people = ["zhao.min", "li.na", "wang.qiang", "chen.jie", "liu.yang"];
    let choice = rng.below(14);
    match choice {
        0 | 1 if !files.is_empty() => {
            let f = rng.pick(&files).clone();
            same_size_edit(ws, &f, rng);
            format!("same-size edit of {f}")
        }
        2 if !files.is_empty() => {
            let f = rng.pick(&files).clone();
            let line = *rng.pick(&["\n# 备注\n", "\nbroken = [\n", "\nextra = 1\n"]);
            let text = std::fs::read_to_string(ws.root().join(&f)).unwrap_or_default();
            std::fs::write(ws.root().join(&f), format!("{text}{line}")).expect("append");
            format!("appended {line:?} to {f}")
        }
        3 => {
            let who = *rng.pick(&people);
            commit_all(ws, who, "手工提交");
            format!("committed everything as {who}")
        }
        4 => {
            commit_all(ws, "zhao.min", "切换分支前提交");
            let branch = format!("b{}", rng.below(3));
            if git_ok(ws, &["rev-parse", "--verify", "-q", &branch]) {
                ws.git(&["checkout", "-q", &branch]);
            } else {
                ws.git(&["checkout", "-q", "-b", &branch]);
            }
            format!("switched to {branch}")
        }
        5 => {
            commit_all(ws, "zhao.min", "合并前提交");
            let branch = *rng.pick(&[trunk, "b0", "b1", "b2"]);
            if git_ok(ws, &["rev-parse", "--verify", "-q", branch])
                && !git_ok(
                    ws,
                    &[
                        "-c",
                        "user.name=赵敏",
                        "-c",
                        "user.email=zhao.min@example.com",
                        "merge",
                        "-q",
                        "--no-edit",
                        branch,
                    ],
                )
            {
                ws.git(&["merge", "--abort"]);
            }
            format!("merged {branch}")
        }
        6 if !dirs.is_empty() => {
            let d = rng.pick(&dirs).clone();
            let ok = git_ok(ws, &["checkout", "HEAD~1", "--", &d]);
            format!("checked out {d} from HEAD~1 ({ok})")
        }
        7 if !files.is_empty() => {
            let f = rng.pick(&files).clone();
            std::fs::remove_file(ws.root().join(&f)).expect("remove");
            format!("removed {f}")
        }
        8 if dirs.len() > 1 => {
            let d = rng.pick(&dirs).clone();
            std::fs::remove_dir_all(ws.root().join(&d)).expect("remove a case");
            format!("removed the case {d}")
        }
        9 => {
            let (file, from, to) = *rng.pick(&[
                ("customers/example-customer.toml", "2027", "2025"),
                ("customers/example-customer.toml", "2025", "2027"),
                ("people.toml", "王强", "王小强"),
                ("people.toml", "王小强", "王强"),
                ("catalog/parts.toml", "0", "5"),
                ("svc.toml", "\n", "\n\n"),
            ]);
            let text = ws.read(file);
            ws.write(file, &text.replacen(from, to, 1));
            format!("edited {file}: {from} -> {to}")
        }
        10 => {
            let text = ws.read("customers/example-customer.toml");
            if rng.below(2) == 0 {
                ws.write("customers/example-customer.toml", "");
            } else {
                ws.write("customers/other.toml", &text);
            }
            "changed the customers".to_string()
        }
        11 if !dirs.is_empty() => {
            let d = rng.pick(&dirs).clone();
            let copy = format!("{d}X");
            for f in files.iter().filter(|f| f.starts_with(&format!("{d}/"))) {
                let to = format!("{copy}{}", &f[d.len()..]);
                ws.write(&to, &ws.read(f));
            }
            format!("copied {d} to {copy}")
        }
        12 => {
            // A step as a person takes it; refused when the random edits broke what it needs.
            ws.act_as("zhao.min");
            let fault = format!("第{round}轮的告警");
            let out = ws.try_new_case(T_LATER, &fault);
            let id = stdout(&out).trim().to_string();
            if code(&out) == 0 && rng.below(2) == 0 {
                let accepted = ws.svc(T_LATER, &["accept", &id, "--fee", "warranty"]);
                return format!("opened {id} and accepted it ({})", code(&accepted));
            }
            format!("opened {id} ({})", code(&out))
        }
        _ => {
            let f = files.first().cloned().unwrap_or_else(|| "svc.toml".into());
            let text = ws.read(&f);
            ws.write(&f, &text);
            format!("rewrote {f} unchanged")
        }
    }
}

/// What a run shows a person: exit code, standard output and standard error.
fn seen(out: &Output) -> (i32, String, String) {
    (code(out), stdout(out), stderr(out))
}

#[test]
fn every_command_answers_the_same_through_the_index_as_without_it() {
    let ws = Ws::init();
    let mut cases = vec![
        ws.case_at(Stage::Archived, "wang.qiang"),
        ws.case_at(Stage::OnSite, "wang.qiang"),
        ws.case_at(Stage::PendingApproval, "wang.qiang"),
    ];
    cases.push(ws.new_case());
    let index = ws.root().join(".git/svc/index");
    let trunk = ws
        .git(&["rev-parse", "--abbrev-ref", "HEAD"])
        .trim()
        .to_string();
    let mut rng = Rng(0x005e_ed1d);
    let clocks = [
        T_LATER,
        "2026-11-12T23:59:59+08:00",
        "2026-11-13T00:00:00+08:00",
        "2026-11-20T09:00:00+08:00",
        "2026-11-08T12:00:00+08:00",
        "2027-06-01T09:00:00+08:00",
    ];
    let mut hits = 0;
    for round in 0..36u64 {
        let did = shake(&ws, &mut rng, round, &trunk);
        if rng.below(3) > 0 {
            age_recent_files(&ws, round);
        }
        let now = *rng.pick(&clocks);
        let person = rng
            .pick(&["zhao.min", "li.na", "wang.qiang", "liu.yang"])
            .to_string();
        ws.act_as(&person);
        let some_case = rng.pick(&cases).id.clone();
        let suffix = some_case[some_case.len() - 6..].to_string();
        let commands: [Vec<&str>; 8] = [
            vec!["validate"],
            vec!["list"],
            vec!["--json", "list"],
            vec!["status"],
            vec!["check"],
            vec!["show", &suffix],
            vec!["log", &suffix],
            vec!["--json", "log", &some_case],
        ];
        for args in &commands {
            let before = std::fs::read(&index).ok();
            let first = seen(&ws.svc(now, args));
            let second = seen(&ws.svc(now, args));
            let mut bare = vec!["--no-cache"];
            bare.extend_from_slice(args);
            let truth = seen(&ws.svc(now, &bare));
            assert_eq!(
                first, truth,
                "round {round} after {did}, at {now}: svc {args:?} through the index"
            );
            assert_eq!(
                second, truth,
                "round {round} after {did}, at {now}: svc {args:?} through the updated index"
            );
            if before.is_some() && before == std::fs::read(&index).ok() {
                hits += 1;
            }
        }
    }
    assert!(index.is_file(), "the index was never written");
    assert!(
        ws.root().join(".git/svc/steps").is_file(),
        "the map of steps was never written"
    );
    assert!(hits > 0, "the index was never used as it was");
}

#[test]
fn an_index_cut_short_altered_of_another_version_or_killed_while_written_is_not_believed() {
    let ws = Ws::init();
    let on_site = ws.case_at(Stage::OnSite, "wang.qiang");
    let _waiting = ws.case_at(Stage::PendingApproval, "wang.qiang");
    let index = ws.root().join(".git/svc/index");
    let truth = seen(&ws.svc(T_LATER, &["--no-cache", "validate"]));
    assert!(!index.exists(), "--no-cache wrote an index");
    assert_eq!(seen(&ws.svc(T_LATER, &["validate"])), truth);
    let good = std::fs::read(&index).expect("validate wrote the index");
    // Break the case on disk, then give svc an index that says nothing changed but cannot
    // be trusted: each is read as none, the case is read again, the index written anew.
    age_recent_files(&ws, 0);
    let broken_case = ws
        .read(&on_site.file("case.toml"))
        .replacen("state", "stat", 1);
    ws.write(&on_site.file("case.toml"), &broken_case);
    let truth = seen(&ws.svc(T_LATER, &["--no-cache", "validate"]));
    assert_eq!(truth.0, 1, "the broken case is an error: {}", truth.1);
    let mut altered = good.clone();
    altered[good.len() / 3] ^= 0x20;
    let other_version = String::from_utf8_lossy(&good)
        .replacen("svc-index 1 ", "svc-index 0 ", 1)
        .into_bytes();
    for (what, doubtful) in [
        ("cut short", good[..good.len() / 2].to_vec()),
        ("altered", altered),
        ("of another version", other_version),
        ("empty", Vec::new()),
    ] {
        std::fs::write(&index, &doubtful).expect("write the index");
        assert_eq!(
            seen(&ws.svc(T_LATER, &["validate"])),
            truth,
            "an index {what}"
        );
        let rewritten = std::fs::read(&index).expect("the index");
        assert_ne!(rewritten, doubtful, "an index {what} was kept");
        assert_eq!(seen(&ws.svc(T_LATER, &["validate"])), truth);
    }
    // Killed half-way through writing, or just before the rename: the index in place is
    // the previous one, no half is ever read, and the answer stays the truth.
    ws.write(
        &on_site.file("case.toml"),
        &broken_case.replacen("stat", "state", 1),
    );
    let truth = seen(&ws.svc(T_LATER, &["--no-cache", "validate"]));
    for fault in ["cache-half-written", "cache-written"] {
        let before = std::fs::read(&index).expect("the index");
        let out = ws
            .command(T_LATER)
            .env("SVC_FAULT", fault)
            .arg("validate")
            .output()
            .expect("run svc");
        assert!(!out.status.success(), "{fault}: svc was not stopped");
        assert_eq!(std::fs::read(&index).expect("the index"), before, "{fault}");
        assert_eq!(
            seen(&ws.svc(T_LATER, &["validate"])),
            truth,
            "after {fault}"
        );
    }
    // The leftovers of the killed writings are never read as the index.
    let left: Vec<String> = std::fs::read_dir(ws.root().join(".git/svc"))
        .expect("the svc folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert_eq!(left.len(), 2, "{left:?}");
    assert!(ws.porcelain().is_empty(), "{}", ws.porcelain());
}

#[test]
fn the_log_of_a_case_is_the_same_through_the_map_of_steps_after_new_steps_resets_and_damage() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::FlightApproved, "wang.qiang");
    let other = ws.case_at(Stage::Accepted, "wang.qiang");
    let map = ws.root().join(".git/svc/steps");
    let log = |c: &Case| {
        let through = seen(&ws.svc(T_LATER, &["log", &c.id]));
        let bare = seen(&ws.svc(T_LATER, &["--no-cache", "log", &c.id]));
        assert_eq!(through, bare, "svc log {}", c.id);
        assert_eq!(through.0, 0, "{}", through.2);
        through.1
    };
    let first = log(&case);
    let steps = |text: &str| text.lines().filter(|l| l.contains(" -> ")).count();
    assert_eq!(steps(&first), 6, "{first}");
    assert!(map.is_file(), "no map written");
    assert_eq!(steps(&log(&other)), 2);
    // A new step: read from the new commit only, and there.
    ws.act_as("wang.qiang");
    ws.ok(T_START, &["start", &case.id]);
    let after = log(&case);
    assert!(after.contains("approved          -> on-site"), "{after}");
    // Back to before the step (a reset), then to another branch with its own step.
    ws.git(&["reset", "-q", "--hard", "HEAD~1"]);
    assert_eq!(log(&case), first);
    let trunk = ws
        .git(&["rev-parse", "--abbrev-ref", "HEAD"])
        .trim()
        .to_string();
    ws.git(&["checkout", "-q", "-b", "side"]);
    ws.act_as("zhao.min");
    ws.ok(T_LATER, &["cancel", &other.id, "--reason", "客户撤回"]);
    assert!(log(&other).contains("cancel"));
    ws.git(&["checkout", "-q", &trunk]);
    assert!(!log(&other).contains("cancel"));
    // A map cut short, altered, of another version or empty is not believed.
    let good = std::fs::read(&map).expect("the map");
    let mut altered = good.clone();
    altered[good.len() - 12] ^= 1;
    for doubtful in [
        good[..good.len() / 2].to_vec(),
        altered,
        String::from_utf8_lossy(&good)
            .replacen("svc-steps 1 ", "svc-steps 0 ", 1)
            .into_bytes(),
        Vec::new(),
    ] {
        std::fs::write(&map, &doubtful).expect("write the map");
        assert_eq!(log(&case), first);
    }
}
