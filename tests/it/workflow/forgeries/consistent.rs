//! Class 11: consistent histories pass. A case taken through the whole procedure with real
//! steps (a task sheet rejected and resubmitted after a change, the records sent back and
//! handed in again); two clones that worked on different cases merged by a plain `git
//! pull --no-rebase`; a signed approval carried over by `svc sync`. `svc check` exits 0
//! with not one history finding, on every desk.

use super::super::server::Team;
use super::super::signing::{keygen, require_signed_approvals, sign_with};
use super::*;

#[test]
fn a_case_through_the_whole_procedure_with_rejections_passes() {
    let ws = Ws::init();
    let case = ws.new_case();
    let id = case.id.as_str();
    ws.act_as("zhao.min");
    ws.ok(T_ACCEPT, &["accept", id, "--fee", "warranty"]);
    ws.ok(T_ASSIGN, &["assign", id, "--to", "wang.qiang"]);
    ws.write(
        &case.file("task-sheet.toml"),
        &task_sheet("wang.qiang", "wang.qiang"),
    );
    ws.act_as("wang.qiang");
    ws.ok(T_SUBMIT, &["submit", id]);
    // The lead sends the sheet back; the engineer changes it and submits it again.
    ws.act_as("li.na");
    ws.ok(
        "2026-11-02T15:00:00+08:00",
        &["reject", id, "--reason", "任务不清楚"],
    );
    ws.edit(
        &case.file("task-sheet.toml"),
        "tasks = [\"更换电源模块\"]",
        "tasks = [\"更换电源模块\", \"检查风扇\"]",
    );
    ws.act_as("wang.qiang");
    ws.ok("2026-11-02T16:00:00+08:00", &["submit", id]);
    ws.act_as("li.na");
    ws.ok(T_APPROVE, &["approve", id, "--note", "同意,当天往返"]);
    ws.act_as("liu.yang");
    ws.ok(T_FLIGHT, &["approve", id, "--flight"]);
    ws.act_as("wang.qiang");
    ws.ok(T_START, &["start", id]);
    ws.ok(T_CHECKIN, &["checkin", id, "--via", "phone"]);
    ws.write(&case.file("visits/01-gz-main.toml"), &visit("wang.qiang"));
    ws.ok(T_COMPLETE, &["complete", id]);
    ws.write(&case.file("travel-log.yaml"), &travel_log("wang.qiang"));
    ws.write(
        &case.file("summary.toml"),
        &summary("wang.qiang").replace("satisfaction = 5", "satisfaction = 4"),
    );
    ws.ok(T_HAND_IN, &["submit", id]);
    // The CSC sends the records back; the summary is corrected and handed in again.
    ws.act_as("zhao.min");
    ws.ok(
        "2026-11-09T11:00:00+08:00",
        &["reject", id, "--reason", "满意度与回访不符"],
    );
    ws.edit(
        &case.file("summary.toml"),
        "satisfaction = 4",
        "satisfaction = 5",
    );
    ws.act_as("wang.qiang");
    ws.ok("2026-11-09T12:00:00+08:00", &["submit", id]);
    ws.act_as("zhao.min");
    ws.ok(T_REVIEW, &["approve", id]);
    ws.ok(T_ARCHIVE, &["archive", id]);
    assert_eq!(ws.state(&case), "archived");
    assert_eq!(ws.porcelain(), "");
    let log: Vec<String> = steps(&ws, &case)
        .into_iter()
        .map(|(action, actor)| format!("{action} {actor}"))
        .collect();
    assert_eq!(
        log,
        [
            "new zhao.min",
            "accept zhao.min",
            "assign zhao.min",
            "submit wang.qiang",
            "reject li.na",
            "submit wang.qiang",
            "approve li.na",
            "approve-flight liu.yang",
            "start wang.qiang",
            "checkin wang.qiang",
            "complete wang.qiang",
            "submit wang.qiang",
            "reject zhao.min",
            "submit wang.qiang",
            "approve zhao.min",
            "archive zhao.min",
        ]
    );
    passes(&ws);
}

#[test]
fn two_clones_merged_by_git_pull_pass() {
    let team = Team::start(|_| {});
    let (csc, engineer, lead) = (&team.csc, &team.engineer, &team.lead);
    let a = csc.case_at(Stage::Assigned, "wang.qiang");
    csc.git(&["push", "-q", "origin", "HEAD:main"]);
    engineer.git(&["pull", "-q", "--no-rebase"]);
    // Offline, the engineer submits A's task sheet; the desk opens and accepts B.
    engineer.write(
        &a.file("task-sheet.toml"),
        &task_sheet("wang.qiang", "wang.qiang"),
    );
    engineer.act_as("wang.qiang");
    engineer.ok(T_SUBMIT, &["submit", &a.id]);
    let b = csc.new_case_at(T_SUBMIT, "光口闪断");
    csc.ok(T_APPROVE, &["accept", &b.id, "--fee", "warranty"]);
    csc.git(&["push", "-q", "origin", "HEAD:main"]);
    // The engineer's pull merges the two histories; the merge is pushed for all.
    git_as(
        engineer,
        "wang.qiang",
        None,
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );
    let merge = engineer.head();
    assert!(is_merge(engineer, &merge), "git pull made a merge");
    engineer.git(&["push", "-q", "origin", "HEAD:main"]);
    // The lead signs A on top of the merge.
    lead.git(&["pull", "-q", "--no-rebase"]);
    lead.act_as("li.na");
    lead.ok(T_FLIGHT, &["approve", &a.id]);
    lead.git(&["push", "-q", "origin", "HEAD:main"]);
    csc.git(&["pull", "-q", "--no-rebase"]);
    engineer.git(&["pull", "-q", "--no-rebase"]);
    for ws in team.desks() {
        assert_eq!(ws.head(), team.server_head("main"));
        assert_eq!(ws.state(&a), "approved");
        assert_eq!(ws.state(&b), "accepted");
        passes(ws);
    }
}

#[test]
fn a_signed_approval_carried_over_by_svc_sync_passes() {
    let team = Team::start(|csc| {
        let (_, public) = keygen(csc, "li.na");
        require_signed_approvals(csc, &public);
    });
    let (csc, lead) = (&team.csc, &team.lead);
    let case = csc.case_at(Stage::PendingApproval, "wang.qiang");
    csc.ok(T_LATER, &["sync"]);
    lead.ok(T_LATER, &["sync"]);
    // The lead signs offline; meanwhile another case reaches the server.
    sign_with(lead, "li.na");
    lead.act_as("li.na");
    lead.ok(T_APPROVE, &["approve", &case.id]);
    let offline = lead.head();
    csc.new_case_by("zhao.min", T_FLIGHT, "风扇噪声");
    csc.ok(T_LATER, &["sync"]);
    assert_eq!(
        lead.ok(T_LATER, &["sync"]),
        "received 1 commit from origin/main\npushed 1 commit to origin/main\n"
    );
    // Carried over on top of the other case: a new commit, by li.na, signed again.
    let carried = lead.head();
    assert_ne!(carried, offline);
    assert_eq!(
        lead.git(&["show", "-s", "--format=%ae|%aI|%s", &carried])
            .trim(),
        format!(
            "li.na@example.com|{T_APPROVE}|approve {}: pending-approval -> approved",
            case.id
        )
    );
    assert!(
        lead.git(&["cat-file", "commit", &carried])
            .contains("\ngpgsig -----BEGIN SSH SIGNATURE-----"),
        "the carried-over approval is signed"
    );
    csc.ok(T_LATER, &["sync"]);
    team.engineer.ok(T_LATER, &["sync"]);
    for ws in team.desks() {
        assert_eq!(ws.head(), team.server_head("main"));
        assert_eq!(ws.state(&case), "approved");
        passes(ws);
    }
}
