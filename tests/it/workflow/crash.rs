//! A transition killed at every point, and two transitions at once: the workspace is
//! always either before or after the step, the person's edits are never lost, and two
//! svc processes never interleave.

use super::*;
use std::io::Write;
use std::time::{Duration, Instant};

/// The task sheet as the engineer just edited it, not yet committed.
fn edited_sheet() -> String {
    task_sheet("wang.qiang", "wang.qiang").replace(
        "tools = [\"万用表\"]",
        "tools = [\"万用表\", \"光功率计\"]  # 刚加的 · just added",
    )
}

/// Where a fault point is in the transition.
fn position(point: &str) -> usize {
    svc::history::store::FAULT_POINTS
        .iter()
        .position(|p| *p == point)
        .unwrap_or_else(|| panic!("{point} is not a fault point"))
}

/// Whether a transition killed at `point` is done (the journal is written).
fn journaled(point: &str) -> bool {
    position(point) >= position("journal-written")
}

/// Whether a transition killed at `point` has moved the branch.
fn branch_moved(point: &str) -> bool {
    position(point) >= position("branch-moved")
}

#[test]
fn the_fault_points_are_the_steps_of_a_transition() {
    let mut points = svc::history::store::FAULT_POINTS.to_vec();
    assert_eq!(&points[..2], &["objects-written", "journal-written"]);
    points.sort();
    assert_eq!(
        points,
        vec![
            "branch-moved",
            "case-written",
            "index-written",
            "journal-written",
            "objects-written"
        ]
    );
}

#[test]
fn a_submit_killed_at_any_point_is_either_undone_or_finished_by_the_next_step() {
    for point in svc::history::store::FAULT_POINTS {
        // Before the journal, nothing happened; from the journal on, the step is done.
        let after = journaled(point);
        let ws = Ws::init();
        let case = ws.case_at(Stage::Assigned, "wang.qiang");
        let id = case.id.as_str();
        let sheet = case.file("task-sheet.toml");
        let case_toml = case.file("case.toml");
        ws.write(&sheet, &edited_sheet());
        let old = ws.head();
        let old_case_toml = ws.read(&case_toml);
        ws.act_as("wang.qiang");

        let out = ws.svc_fault(T_SUBMIT, point, &["submit", id]);
        assert!(
            aborted(&out),
            "{point}: svc should have aborted: {:?}\n{}",
            out.status,
            stderr(&out)
        );
        // The branch is either where it was or on the submit commit.
        let head = ws.head();
        let moved = branch_moved(point);
        if moved {
            assert_eq!(
                ws.git(&["rev-parse", "HEAD^"]).trim(),
                old,
                "{point}: HEAD's parent"
            );
            assert_eq!(
                ws.git(&["show", "-s", "--format=%s", "HEAD"]).trim(),
                format!("submit {id}: assigned -> pending-approval"),
                "{point}"
            );
        } else {
            assert_eq!(head, old, "{point}: HEAD moved");
        }
        assert_eq!(
            ws.exists(".git/svc/transaction"),
            after,
            "{point}: the journal"
        );
        // The engineer's edit is there whatever happened.
        assert_eq!(ws.read(&sheet), edited_sheet(), "{point}");
        // Even before any recovery, validate accepts the workspace.
        let validate = ws.svc(T_SUBMIT, &["validate"]);
        assert_eq!(
            code(&validate),
            0,
            "{point}: validate before recovery:\n{}{}",
            stdout(&validate),
            stderr(&validate)
        );

        // The next step recovers (it takes the lock): here, the same submit again.
        let again = ws.svc(T_SUBMIT, &["submit", id]);
        if after {
            assert_eq!(
                code(&again),
                1,
                "{point}: {}{}",
                stdout(&again),
                stderr(&again)
            );
            assert_eq!(
                error_line(&stderr(&again)),
                format!(
                    "error: cannot submit case {id}: it is pending-approval; `svc submit` applies to a case that is assigned or serviced"
                ),
                "{point}"
            );
        } else {
            assert_eq!(
                code(&again),
                0,
                "{point}: {}{}",
                stdout(&again),
                stderr(&again)
            );
        }
        let head = ws.head();
        assert_eq!(
            ws.git(&["rev-parse", "HEAD^"]).trim(),
            old,
            "{point}: one commit on top of the old one"
        );
        assert_eq!(
            ws.git(&["show", "-s", "--format=%an <%ae>|%s", "HEAD"])
                .trim(),
            format!("王强 <wang.qiang@example.com>|submit {id}: assigned -> pending-approval"),
            "{point}"
        );
        assert_eq!(
            ws.git(&["show", "--name-only", "--format=", "HEAD"]),
            format!("{case_toml}\n{sheet}\n"),
            "{point}"
        );
        assert_eq!(ws.state(&case), "pending-approval", "{point}");
        assert_eq!(ws.show(&head, &case_toml), ws.read(&case_toml), "{point}");
        assert_ne!(ws.read(&case_toml), old_case_toml, "{point}");
        assert_eq!(ws.read(&sheet), edited_sheet(), "{point}");
        assert_eq!(ws.show(&head, &sheet), edited_sheet(), "{point}");
        assert_eq!(ws.porcelain(), "", "{point}: git status");
        assert!(!ws.exists(".git/svc/transaction"), "{point}: journal left");
        assert!(!ws.exists(".git/svc/lock-holder"), "{point}: holder left");
        let validate = ws.svc(T_SUBMIT, &["validate"]);
        assert_eq!(code(&validate), 0, "{point}: {}", stdout(&validate));
        let (exit, findings) = ws.check_json(&[]);
        assert_eq!(exit, 0, "{point}: {findings:?}");
        // And the procedure goes on.
        ws.act_as("li.na");
        ws.ok(T_APPROVE, &["approve", id]);
        assert_eq!(ws.state(&case), "approved", "{point}");
    }
}

#[test]
fn a_new_case_killed_at_any_point_is_either_absent_or_recorded() {
    for point in svc::history::store::FAULT_POINTS {
        let after = journaled(point);
        let ws = Ws::init();
        let old = ws.head();
        ws.act_as("zhao.min");
        let out = ws.svc_fault(
            T_NEW,
            point,
            &["new", "--customer", "example-customer", "--fault", "告警"],
        );
        assert!(aborted(&out), "{point}: {:?}", out.status);
        let validate = ws.svc(T_NEW, &["validate"]);
        assert_eq!(code(&validate), 0, "{point}: {}", stdout(&validate));
        // Any step recovers; opening another case is one.
        ws.ok(
            T_ACCEPT,
            &["new", "--customer", "example-customer", "--fault", "另一个"],
        );
        let commits = ws.git(&["rev-list", &format!("{old}..HEAD")]);
        assert_eq!(
            commits.lines().count(),
            if after { 2 } else { 1 },
            "{point}: {commits}"
        );
        assert_eq!(ws.porcelain(), "", "{point}");
        assert!(!ws.exists(".git/svc/transaction"), "{point}");
        let (exit, findings) = ws.check_json(&[]);
        assert_eq!(exit, 0, "{point}: {findings:?}");
    }
}

/// Hold svc's lock from this process, as another svc would.
fn hold_lock(ws: &Ws, holder: &str) -> std::fs::File {
    let dir = ws.root().join(".git/svc");
    std::fs::create_dir_all(&dir).unwrap();
    let file = std::fs::File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join("lock"))
        .unwrap();
    file.lock().unwrap();
    let mut h = std::fs::File::create(dir.join("lock-holder")).unwrap();
    h.write_all(holder.as_bytes()).unwrap();
    file
}

#[test]
fn a_step_waits_for_the_lock_then_gives_up_naming_the_holder() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Requested, "wang.qiang");
    let id = case.id.as_str();
    let lock = hold_lock(&ws, "pid 4242: li.na is taking `approve` on another case");
    ws.act_as("zhao.min");
    let started = Instant::now();
    let err = refused_with(
        &ws,
        &case,
        T_ACCEPT,
        &["accept", id, "--fee", "warranty"],
        3,
    );
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(2900),
        "gave up after {waited:?}"
    );
    assert!(waited < Duration::from_secs(20), "waited {waited:?}");
    assert_eq!(
        err,
        "error: another svc is working on this workspace (pid 4242: li.na is taking `approve` on another case)\nhint: wait for it to finish, then try again\n"
    );
    // Once released, the step goes through and leaves no holder behind.
    drop(lock);
    ws.ok(T_ACCEPT, &["accept", id, "--fee", "warranty"]);
    assert_eq!(ws.state(&case), "accepted");
    assert!(!ws.exists(".git/svc/lock-holder"));
}

#[test]
fn a_step_waiting_for_the_lock_goes_on_when_it_is_released_in_time() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Requested, "wang.qiang");
    let lock = hold_lock(&ws, "pid 4242: a short step");
    ws.act_as("zhao.min");
    let child = ws
        .command(T_ACCEPT)
        .args(["accept", &case.id, "--fee", "warranty"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    drop(lock);
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(ws.state(&case), "accepted");
}

#[test]
fn two_steps_on_two_cases_at_once_both_go_through_one_after_the_other() {
    let ws = Ws::init();
    let a = ws.case_at(Stage::Requested, "wang.qiang");
    let b = ws.case_at(Stage::Requested, "wang.qiang");
    let base = ws.head();
    ws.act_as("zhao.min");
    let rounds: [(&[&str], &str); 2] = [
        (&["accept", "--fee", "warranty"], "accepted"),
        (&["assign", "--to", "wang.qiang"], "assigned"),
    ];
    for (verb_args, state) in rounds {
        let spawn = |case: &Case| {
            let mut full = vec![verb_args[0], case.id.as_str()];
            full.extend_from_slice(&verb_args[1..]);
            ws.command(T_ASSIGN)
                .args(&full)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (pa, pb) = (spawn(&a), spawn(&b));
        let (oa, ob) = (
            pa.wait_with_output().unwrap(),
            pb.wait_with_output().unwrap(),
        );
        assert_eq!(code(&oa), 0, "{verb_args:?}: {}", stderr(&oa));
        assert_eq!(code(&ob), 0, "{verb_args:?}: {}", stderr(&ob));
        assert_eq!(ws.state(&a), state);
        assert_eq!(ws.state(&b), state);
    }
    // Four commits in a line, each of one case, each case's steps in order.
    let subjects = ws.git(&["log", "--format=%s", "--reverse", &format!("{base}..HEAD")]);
    let subjects: Vec<&str> = subjects.lines().collect();
    assert_eq!(subjects.len(), 4, "{subjects:?}");
    for case in [&a, &b] {
        let mine: Vec<&str> = subjects
            .iter()
            .copied()
            .filter(|s| s.contains(case.id.as_str()))
            .collect();
        assert_eq!(
            mine,
            vec![
                format!("accept {}: requested -> accepted", case.id),
                format!("assign {}: accepted -> assigned", case.id),
            ],
        );
    }
    let merges = ws.git(&["rev-list", "--merges", &format!("{base}..HEAD")]);
    assert_eq!(merges, "");
    assert_eq!(ws.porcelain(), "");
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 0, "{findings:?}");
}

#[test]
fn a_step_on_another_case_finishes_a_killed_one_first() {
    let ws = Ws::init();
    let a = ws.case_at(Stage::SheetWritten, "wang.qiang");
    let b = ws.new_case_at(T_NEW, "另一个机房告警");
    let old = ws.head();
    ws.act_as("wang.qiang");
    let out = ws.svc_fault(T_SUBMIT, "case-written", &["submit", &a.id]);
    assert!(aborted(&out), "{:?}", out.status);
    assert_eq!(ws.head(), old);
    ws.act_as("zhao.min");
    ws.ok(T_SUBMIT, &["accept", &b.id, "--fee", "billable"]);
    assert_eq!(
        ws.git(&[
            "log",
            "--reverse",
            "--format=%an|%s",
            &format!("{old}..HEAD")
        ]),
        format!(
            "王强|submit {}: assigned -> pending-approval\n赵敏|accept {}: requested -> accepted\n",
            a.id, b.id
        )
    );
    assert_eq!(ws.state(&a), "pending-approval");
    assert_eq!(
        ws.show("HEAD", &a.file("task-sheet.toml")),
        task_sheet("wang.qiang", "wang.qiang")
    );
    assert_eq!(ws.porcelain(), "");
    assert!(!ws.exists(".git/svc/transaction"));
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 0, "{findings:?}");
}

#[test]
fn a_killed_step_is_put_back_when_the_branch_moved_meanwhile() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Assigned, "wang.qiang");
    let sheet = case.file("task-sheet.toml");
    ws.write(&sheet, &edited_sheet());
    let before = ws.read(&case.file("case.toml"));
    ws.act_as("wang.qiang");
    let out = ws.svc_fault(T_SUBMIT, "case-written", &["submit", &case.id]);
    assert!(aborted(&out), "{:?}", out.status);
    assert_eq!(ws.state(&case), "pending-approval", "svc wrote case.toml");
    // Meanwhile the admin commits other work with plain git.
    ws.edit(
        "catalog/parts.toml",
        "price = \"320.00\"",
        "price = \"330.00\"",
    );
    ws.git(&["add", "catalog/parts.toml"]);
    let theirs = ws.git_commit_as("zhao.min", "风扇托盘调价");
    // The next step finds the journal stale: the half step is undone, then taken anew.
    let out = ws.ok(T_SUBMIT, &["submit", &case.id]);
    assert!(out.starts_with(&format!("submit {}: assigned -> pending-approval", case.id)));
    assert_eq!(ws.git(&["rev-parse", "HEAD^"]).trim(), theirs);
    assert_eq!(
        ws.git(&["show", "--name-only", "--format=", "HEAD"]),
        format!("{}\n{sheet}\n", case.file("case.toml"))
    );
    assert_eq!(ws.show("HEAD", &sheet), edited_sheet());
    assert_ne!(ws.read(&case.file("case.toml")), before);
    assert_eq!(ws.porcelain(), "");
    assert!(!ws.exists(".git/svc/transaction"));
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 0, "{findings:?}");
}

#[test]
fn a_step_killed_after_the_branch_moved_is_finished_even_if_work_was_committed_on_top() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::SheetWritten, "wang.qiang");
    let other = ws.new_case_at(T_NEW, "另一个机房告警");
    ws.act_as("wang.qiang");
    let out = ws.svc_fault(T_SUBMIT, "branch-moved", &["submit", &case.id]);
    assert!(aborted(&out), "{:?}", out.status);
    let submit = ws.head();
    // The admin commits one file with plain git (only that path, on top of HEAD).
    ws.edit(
        "catalog/parts.toml",
        "price = \"320.00\"",
        "price = \"330.00\"",
    );
    ws.git(&[
        "-c",
        "user.name=赵敏",
        "-c",
        "user.email=zhao.min@example.com",
        "commit",
        "-q",
        "-m",
        "风扇托盘调价",
        "--",
        "catalog/parts.toml",
    ]);
    assert_eq!(ws.git(&["rev-parse", "HEAD^"]).trim(), submit);
    // Any svc step recovers.
    ws.act_as("zhao.min");
    ws.ok(T_SUBMIT, &["accept", &other.id, "--fee", "warranty"]);
    assert!(!ws.exists(".git/svc/transaction"));
    assert_eq!(ws.state(&case), "pending-approval");
    assert_eq!(
        ws.git(&["status", "--porcelain", "--", &case.dir]),
        "",
        "the index still holds the case folder as it was before the submit"
    );
}

#[test]
fn two_new_cases_opened_at_once_get_their_own_ids_and_commits() {
    let ws = Ws::init();
    let base = ws.head();
    ws.act_as("zhao.min");
    let spawn = |fault: &str| {
        ws.command(T_NEW)
            .args(["new", "--customer", "example-customer", "--fault", fault])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (pa, pb) = (spawn("甲"), spawn("乙"));
    let (oa, ob) = (
        pa.wait_with_output().unwrap(),
        pb.wait_with_output().unwrap(),
    );
    assert_eq!(code(&oa), 0, "{}", stderr(&oa));
    assert_eq!(code(&ob), 0, "{}", stderr(&ob));
    let (ia, ib) = (
        stdout(&oa).trim().to_string(),
        stdout(&ob).trim().to_string(),
    );
    assert_ne!(ia, ib);
    let subjects = ws.git(&["log", "--format=%s", &format!("{base}..HEAD")]);
    let mut subjects: Vec<&str> = subjects.lines().collect();
    subjects.sort();
    let mut expected = vec![
        format!("new {ia}: none -> requested"),
        format!("new {ib}: none -> requested"),
    ];
    expected.sort();
    assert_eq!(subjects, expected);
    assert_eq!(ws.porcelain(), "");
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 0, "{findings:?}");
}

#[test]
fn a_step_killed_before_the_branch_moved_is_undone_entirely_when_work_was_committed_meanwhile() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::SheetWritten, "wang.qiang");
    let other = ws.new_case_at(T_NEW, "另一个机房告警");
    let before = ws.git(&["status", "--porcelain", "--", &case.dir]);
    assert_eq!(before, format!("?? {}\n", case.file("task-sheet.toml")));
    let old = ws.head();
    ws.act_as("wang.qiang");
    let out = ws.svc_fault(T_SUBMIT, "index-written", &["submit", &case.id]);
    assert!(aborted(&out), "{:?}", out.status);
    assert_eq!(ws.head(), old);
    // The admin commits one file with plain git (only that path, on top of HEAD).
    ws.edit(
        "catalog/parts.toml",
        "price = \"320.00\"",
        "price = \"330.00\"",
    );
    ws.git(&[
        "-c",
        "user.name=赵敏",
        "-c",
        "user.email=zhao.min@example.com",
        "commit",
        "-q",
        "-m",
        "风扇托盘调价",
        "--",
        "catalog/parts.toml",
    ]);
    // Any svc step recovers: the submit was never recorded, so it is undone.
    ws.act_as("zhao.min");
    ws.ok(T_SUBMIT, &["accept", &other.id, "--fee", "warranty"]);
    assert!(!ws.exists(".git/svc/transaction"));
    assert_eq!(ws.state(&case), "assigned");
    assert_eq!(
        ws.read(&case.file("task-sheet.toml")),
        task_sheet("wang.qiang", "wang.qiang")
    );
    assert_eq!(
        ws.git(&["status", "--porcelain", "--", &case.dir]),
        before,
        "the case folder is as it was before the submit"
    );
    ws.act_as("wang.qiang");
    ws.ok(T_SUBMIT, &["submit", &case.id]);
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 0, "{findings:?}");
}
