//! The README's first command: `examples/demo.sh` on the sample company, on the real clock.

use crate::common::{stderr, stdout};
use std::path::Path;
use std::process::{Command, Output};

/// Run the demo as a user would: no pinned clock, git's configuration of a fresh machine.
fn demo(args: &[&str], target_dir: Option<&Path>) -> Output {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/demo.sh");
    let mut command = crate::common::on_the_real_clock(Command::new("bash"));
    command.arg(script).args(args);
    if let Some(dir) = target_dir {
        command.env("CARGO_TARGET_DIR", dir);
    }
    command.output().expect("run examples/demo.sh")
}

#[test]
fn the_sample_company_tells_the_same_story_whatever_day_it_is_run() {
    let dir = tempfile::tempdir().unwrap();
    let company = dir.path().join("company");
    let out = demo(
        &[env!("CARGO_BIN_EXE_svc"), company.to_str().unwrap()],
        None,
    );
    let text = stdout(&out);
    assert!(out.status.success(), "{}\n{}", text, stderr(&out));
    // The opening validate: the three warnings the README describes (one short week of
    // check-ins in October, one late return to work, one arrival on site overdue under its
    // agreement), however long ago the story ended.
    let all = format!("{text}{}", stderr(&out));
    assert!(
        all.contains("checked 26 cases: 0 errors, 3 warnings"),
        "{all}"
    );
    // Nothing is dated after the story but what falls due after it (a response target).
    let later: Vec<&str> = all
        .lines()
        .filter(|l| l.contains("2026-12-") && !l.contains(": due 2026-12-"))
        .collect();
    assert!(later.is_empty(), "dated after the story: {later:?}\n{all}");
    // The new case went all the way to the archive, and the month's report was printed.
    assert!(text.contains("archived"), "{text}");
    assert!(text.contains("2026-11"), "{text}");
}

#[test]
fn the_demo_finds_the_binary_wherever_cargo_puts_it() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("elsewhere");
    std::fs::create_dir_all(target.join("release")).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_svc"), target.join("release/svc")).unwrap();
    let company = dir.path().join("company");
    let out = demo(&["", company.to_str().unwrap()], Some(&target));
    assert!(out.status.success(), "{}\n{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("new case: SR-"), "{}", stdout(&out));

    // No binary there: a clear error naming where it looked and how to build it, exit 3.
    let empty = dir.path().join("empty");
    let out = demo(&["", company.to_str().unwrap()], Some(&empty));
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains(&format!("{}/release/svc", empty.display())));
    assert!(stderr(&out).contains("cargo build --release"));
}
