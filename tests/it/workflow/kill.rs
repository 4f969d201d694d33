//! A step killed with SIGKILL at whatever instant — inside a temporary file's write, the
//! rename, the index write, the branch's update — never wedges the workspace: the next svc
//! command, read-only ones included, finishes or undoes it, clears what the killed step
//! left (git's lock files, svc's temporary files), and nothing in `git status` is svc's.

use super::*;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// The moment of the `n`-th attempt: check-ins two minutes apart from the first evening.
fn moment(n: u32) -> String {
    let start = chrono::DateTime::parse_from_rfc3339(T_CHECKIN).expect("T_CHECKIN is valid");
    (start + chrono::Duration::minutes(2 * i64::from(n))).to_rfc3339()
}

/// What a killed step may leave behind that must be gone once the next command ran.
fn leftovers(ws: &Ws, case: &Case) -> Vec<String> {
    let mut found = Vec::new();
    let git = ws.root().join(".git");
    for lock in [
        "index.lock",
        "refs/heads/master.lock",
        "refs/heads/main.lock",
    ] {
        if git.join(lock).exists() {
            found.push(format!(".git/{lock}"));
        }
    }
    for journal in ["svc/transaction", "svc/advance"] {
        if git.join(journal).exists() {
            found.push(format!(".git/{journal}"));
        }
    }
    let folder = ws.root().join(&case.dir);
    for entry in std::fs::read_dir(&folder)
        .expect("the case folder")
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".tmp") {
            found.push(format!("{}/{name}", case.dir));
        }
    }
    found
}

#[test]
fn a_step_killed_at_any_instant_is_finished_or_undone_by_the_next_command() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::OnSite, "wang.qiang");
    let id = case.id.as_str();
    ws.act_as("wang.qiang");
    // The person's own untracked file survives everything.
    ws.write("notes.txt", "我的笔记\n");
    let mine = "?? notes.txt\n";
    // How long one check-in takes here: the kills are spread over that time and a bit.
    let started = Instant::now();
    ws.ok(&moment(0), &["checkin", id, "--via", "phone"]);
    let took = started.elapsed();
    let kills: u32 = 120;
    let mut landed = 0;
    for n in 1..=kills {
        // A sweep from the start of the step to past its end, three times over.
        let delay = took.mul_f64(f64::from(n % 40) / 33.0);
        let mut child = ws
            .command(&moment(2 * n - 1))
            .args(["checkin", id, "--via", "email", "--note", "已联系公司"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start svc checkin");
        std::thread::sleep(delay);
        let killed = child.kill().is_ok();
        let status = child.wait().expect("wait for svc");
        if killed && status.code().is_none() {
            landed += 1;
        }
        // Any command first settles what the kill left: a read-only one here.
        let validate = ws.svc(&moment(2 * n), &["validate"]);
        assert_eq!(
            code(&validate),
            0,
            "kill {n} after {delay:?}: svc validate\n{}{}",
            stdout(&validate),
            stderr(&validate)
        );
        assert!(
            !stdout(&validate).contains("error["),
            "kill {n}: {}",
            stdout(&validate)
        );
        assert_eq!(
            leftovers(&ws, &case),
            Vec::<String>::new(),
            "kill {n} after {delay:?}"
        );
        assert_eq!(ws.porcelain(), mine, "kill {n} after {delay:?}: git status");
        let (exit, findings) = ws.check_json(&[]);
        let errors: Vec<&serde_json::Value> = findings
            .iter()
            .filter(|f| f["severity"] == "error")
            .collect();
        assert_eq!(exit, 0, "kill {n} after {delay:?}: svc check {errors:#?}");
        // And the next step goes through.
        ws.ok(&moment(2 * n), &["checkin", id, "--via", "phone"]);
        assert_eq!(ws.porcelain(), mine, "kill {n}: after the next step");
    }
    // Most kills landed while the step ran (the rest after it had finished).
    assert!(
        landed >= kills / 2,
        "only {landed} of {kills} kills stopped a running step"
    );
    // Every check-in is recorded once: the first, each completed attempt, each follow-up.
    let text = ws.read(&case.file("case.toml"));
    let recorded = text.matches("[[checkins]]").count() as u32;
    assert!(
        (1 + kills..=1 + 2 * kills).contains(&recorded),
        "{recorded} check-ins recorded"
    );
}

#[test]
fn a_lock_file_left_by_a_killed_step_is_cleared_and_the_step_finished() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::OnSite, "wang.qiang");
    let id = case.id.as_str();
    ws.act_as("wang.qiang");
    let before = ws.head();
    // Killed after the index was written, the branch's lock taken and not yet released:
    // what a kill inside the branch's update leaves.
    let out = ws.svc_fault(
        T_CHECKIN,
        "index-written",
        &["checkin", id, "--via", "phone"],
    );
    assert!(aborted(&out), "{}", stderr(&out));
    let branch = ws.git(&["symbolic-ref", "HEAD"]).trim().to_string();
    let lock = ws.root().join(".git").join(format!("{branch}.lock"));
    std::fs::write(&lock, format!("{before}\n")).expect("a lock file");
    assert_eq!(ws.head(), before);
    // The next step, whatever it is, clears the lock, finishes the check-in, then goes on.
    let out = ws.svc(T_LATER, &["checkin", id, "--via", "email"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("nothing was changed"),
        "{}",
        stderr(&out)
    );
    assert!(!lock.exists(), "the stale lock was left");
    assert_eq!(
        ws.git(&["rev-list", "--count", &format!("{before}..HEAD")])
            .trim(),
        "2"
    );
    assert_eq!(ws.porcelain(), "");
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 0, "{findings:?}");
}

#[test]
fn a_lock_file_held_by_another_git_is_left_alone_and_said() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::OnSite, "wang.qiang");
    let id = case.id.as_str();
    ws.act_as("wang.qiang");
    let before = ws.head();
    // Another git holds the branch's lock (taken before svc started).
    let branch = ws.git(&["symbolic-ref", "HEAD"]).trim().to_string();
    let lock = ws.root().join(".git").join(format!("{branch}.lock"));
    std::fs::write(&lock, format!("{before}\n")).expect("a lock file");
    std::thread::sleep(Duration::from_millis(20));
    let out = ws.svc(T_CHECKIN, &["checkin", id, "--via", "phone"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        error_line(&err).contains("git's lock on the branch")
            && err.contains("the next svc command finishes it once the lock is released"),
        "{err}"
    );
    assert!(!err.contains("nothing was changed"), "{err}");
    assert!(lock.exists(), "another git's lock was removed");
    assert_eq!(ws.head(), before);
    // Once the other git is done, the next command finishes the step.
    std::fs::remove_file(&lock).expect("the other git finishes");
    let out = ws.svc(T_LATER, &["validate"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        ws.git(&["rev-list", "--count", &format!("{before}..HEAD")])
            .trim(),
        "1"
    );
    assert_eq!(ws.porcelain(), "");
    assert!(!Path::new(&ws.root().join(".git/svc/transaction")).exists());
}
