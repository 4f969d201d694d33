//! Review by pull request (`review = "pull-request"`) against a real git server on loopback:
//! the submission on the branch `case/<id>`, pushed; the approval or rejection on that
//! branch; the merge with plain git; `svc check --base` as CI runs it.

use super::server::Team;
use super::*;

/// The rejection of the first task sheet, and the second one handed in.
const T_REJECT: &str = "2026-11-02T16:00:00+08:00";
const T_RESUBMIT: &str = "2026-11-02T17:00:00+08:00";

/// Switch the workspace to review by pull request, committed by the admin with plain git.
fn pull_requests(ws: &Ws) {
    ws.edit(
        "svc.toml",
        "review = \"direct\"",
        "review = \"pull-request\"",
    );
    ws.git(&["add", "svc.toml"]);
    ws.git_commit_as("zhao.min", "Review by pull request");
}

/// The branch a clone is on.
fn on_branch(ws: &Ws) -> String {
    ws.git(&["symbolic-ref", "--short", "HEAD"])
        .trim()
        .to_string()
}

/// The local branches of a clone.
fn branches(ws: &Ws) -> Vec<String> {
    ws.git(&["branch", "--format=%(refname:short)"])
        .lines()
        .map(str::to_string)
        .collect()
}

/// The subjects of the commits in `range`, oldest first.
fn subjects(ws: &Ws, range: &str) -> Vec<String> {
    ws.git(&["log", "--reverse", "--format=%s", range])
        .lines()
        .map(str::to_string)
        .collect()
}

/// A team reviewing by pull request, with a case the desk opened, accepted and assigned to
/// wang.qiang on main, pushed with plain git and pulled by the engineer and the lead.
fn team_with_case() -> (Team, Case) {
    let team = Team::start(pull_requests);
    let case = team.csc.case_at(Stage::Assigned, "wang.qiang");
    team.csc.git(&["push", "-q", "origin", "HEAD:main"]);
    for ws in [&team.engineer, &team.lead] {
        ws.git(&["pull", "-q", "--ff-only"]);
    }
    (team, case)
}

/// The engineer writes the task sheet and submits it; returns stdout.
fn submit_task_sheet(team: &Team, case: &Case) -> String {
    let eng = &team.engineer;
    eng.write(
        &case.file("task-sheet.toml"),
        &task_sheet("wang.qiang", "wang.qiang"),
    );
    eng.ok(T_SUBMIT, &["submit", &case.id])
}

/// Merge the case's branch into main with plain git, as the lead, and push main.
fn merge(ws: &Ws, case: &Case) {
    let branch = format!("case/{}", case.id);
    ws.git(&["switch", "-q", "main"]);
    ws.git(&["pull", "-q", "--ff-only"]);
    ws.git(&[
        "-c",
        "user.name=李娜",
        "merge",
        "-q",
        "--no-ff",
        &branch,
        "-m",
        &format!("Merge {branch}"),
    ]);
    ws.git(&["push", "-q", "origin", "main"]);
}

/// The (action, person) of each row of `svc log`.
fn log_rows(ws: &Ws, case: &Case) -> Vec<(String, String)> {
    ws.ok(T_LATER, &["log", &case.id])
        .lines()
        .filter(|l| !l.starts_with(' '))
        .map(|l| {
            let words: Vec<&str> = l.split_whitespace().collect();
            (
                words[2].to_string(),
                words[7].trim_matches(['(', ')']).to_string(),
            )
        })
        .collect()
}

#[test]
fn a_submission_travels_by_pull_request_to_main() {
    let (team, case) = team_with_case();
    let (eng, lead) = (&team.engineer, &team.lead);
    let id = case.id.as_str();
    let branch = format!("case/{id}");
    let main = team.server_head("main");

    // The engineer submits: the step is on the case's branch, pushed, with where to open
    // the pull request (a git:// remote has no web page to link to).
    let out = submit_task_sheet(&team, &case);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines[0].starts_with(&format!(
            "submit {id}: assigned -> pending-approval (commit "
        )),
        "{out}"
    );
    assert_eq!(lines[1], format!("pushed {branch} to origin"));
    assert_eq!(
        lines[2],
        format!("open a pull request on origin from {branch} into main")
    );
    assert_eq!(on_branch(eng), branch, "the engineer stays on the branch");
    assert_eq!(team.server_head(&branch), eng.head());
    assert_eq!(team.server_head("main"), main, "main is untouched");
    assert_eq!(eng.git(&["rev-parse", "HEAD~1"]).trim(), main);
    assert_eq!(
        eng.git(&[
            "rev-parse",
            "--abbrev-ref",
            &format!("{branch}@{{upstream}}")
        ])
        .trim(),
        format!("origin/{branch}"),
        "the branch tracks the server's"
    );
    assert_eq!(eng.porcelain(), "", "the task sheet is committed");

    // The lead approves: svc fetches the branch and switches to it.
    assert_eq!(on_branch(lead), "main");
    let out = lead.ok(T_APPROVE, &["approve", id]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with(&format!(
            "approve {id}: pending-approval -> approved (commit "
        )),
        "{out}"
    );
    assert_eq!(
        &lines[1..],
        [
            format!("pushed {branch} to origin"),
            format!(
                "merging the pull request from {branch} into main on origin brings the approval to main"
            ),
        ]
    );
    assert_eq!(on_branch(lead), branch);
    assert_eq!(team.server_head(&branch), lead.head());
    assert_eq!(lead.state(&case), "approved");
    assert_eq!(lead.git(&["log", "-1", "--format=%an"]).trim(), "李娜");
    assert_eq!(team.server_head("main"), main);

    // CI's check of the pull request: the commits after the target.
    let check = lead.svc(T_LATER, &["check", "--base", "origin/main"]);
    assert_eq!(code(&check), 0, "{}{}", stdout(&check), stderr(&check));
    // A state edited by hand on the branch is caught.
    lead.edit(
        &case.file("case.toml"),
        "state = \"approved\"",
        "state = \"on-site\"",
    );
    lead.git(&["add", "-A"]);
    let forged = lead.git_commit_as("wang.qiang", "已出发");
    let check = lead.svc(T_LATER, &["check", "--base", "origin/main"]);
    assert_eq!(code(&check), 1, "{}", stdout(&check));
    assert!(
        stdout(&check).contains(&format!(
            "error[history]: commit {}: case.toml's state changed from approved to on-site in a commit svc did not make",
            &forged[..10]
        )),
        "{}",
        stdout(&check)
    );
    lead.git(&["reset", "-q", "--hard", "HEAD~1"]);

    // The lead merges with plain git; the engineer pulls main.
    merge(lead, &case);
    eng.git(&["switch", "-q", "main"]);
    eng.git(&["pull", "-q", "--ff-only"]);
    assert_eq!(eng.head(), team.server_head("main"));
    assert_eq!(eng.state(&case), "approved");
    let check = eng.svc(T_LATER, &["check"]);
    assert_eq!(code(&check), 0, "{}{}", stdout(&check), stderr(&check));
    assert_eq!(
        log_rows(eng, &case),
        [
            ("new", "zhao.min"),
            ("accept", "zhao.min"),
            ("assign", "zhao.min"),
            ("submit", "wang.qiang"),
            ("approve", "li.na"),
        ]
        .map(|(a, p)| (a.to_string(), p.to_string()))
    );

    // The trip is direct steps on main; the records go by pull request again, on a branch
    // started afresh from main (the first one is merged).
    eng.advance(&case, Stage::Approved, Stage::Serviced, "wang.qiang");
    eng.git(&["push", "-q", "origin", "main"]);
    let main = team.server_head("main");
    eng.advance(&case, Stage::Serviced, Stage::PendingReview, "wang.qiang");
    assert_eq!(on_branch(eng), branch);
    assert_eq!(eng.git(&["rev-parse", "HEAD~1"]).trim(), main);
    assert_eq!(team.server_head(&branch), eng.head());

    // The desk reviews on the branch.
    let csc = &team.csc;
    csc.git(&["pull", "-q", "--ff-only"]);
    let out = csc.ok(T_REVIEW, &["approve", id]);
    assert!(
        out.starts_with(&format!(
            "approve {id}: pending-review -> reviewed (commit "
        )),
        "{out}"
    );
    assert_eq!(on_branch(csc), branch);
    assert_eq!(team.server_head(&branch), csc.head());
    let check = csc.svc(T_LATER, &["check", "--base", "origin/main"]);
    assert_eq!(code(&check), 0, "{}{}", stdout(&check), stderr(&check));
}

#[test]
fn a_rejection_and_the_resubmission_continue_the_same_branch() {
    let (team, case) = team_with_case();
    let (eng, lead) = (&team.engineer, &team.lead);
    let id = case.id.as_str();
    let branch = format!("case/{id}");
    submit_task_sheet(&team, &case);

    let out = lead.ok(T_REJECT, &["reject", id, "--reason", "请补充工具清单"]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with(&format!(
            "reject {id}: pending-approval -> assigned (commit "
        )),
        "{out}"
    );
    assert_eq!(
        &lines[1..],
        [
            format!("pushed {branch} to origin"),
            format!(
                "the pull request from {branch} stays open: the case is back with its submitter, who submits again on that branch"
            ),
        ]
    );
    assert_eq!(team.server_head(&branch), lead.head());

    // The engineer, still on the branch, edits the sheet and submits again: svc brings the
    // branch up to the server's (the edit carried over) and continues it.
    assert_eq!(on_branch(eng), branch);
    eng.edit(
        &case.file("task-sheet.toml"),
        "tools = [\"万用表\"]",
        "tools = [\"万用表\", \"光功率计\"]",
    );
    let out = eng.ok(T_RESUBMIT, &["submit", id]);
    assert!(
        out.starts_with(&format!(
            "submit {id}: assigned -> pending-approval (commit "
        )),
        "{out}"
    );
    assert_eq!(team.server_head(&branch), eng.head());
    assert!(eng.read(&case.file("task-sheet.toml")).contains("光功率计"));

    // The lead, on the branch from the rejection, is brought up to it and approves.
    let out = lead.ok(T_APPROVE, &["approve", id]);
    assert!(
        out.starts_with(&format!(
            "approve {id}: pending-approval -> approved (commit "
        )),
        "{out}"
    );
    assert_eq!(team.server_head(&branch), lead.head());
    let actions: Vec<String> = subjects(lead, "origin/main..HEAD")
        .iter()
        .map(|s| s.split(' ').next().unwrap_or_default().to_string())
        .collect();
    assert_eq!(actions, ["submit", "reject", "submit", "approve"]);
    let check = lead.svc(T_LATER, &["check", "--base", "origin/main"]);
    assert_eq!(code(&check), 0, "{}{}", stdout(&check), stderr(&check));
}

#[test]
fn another_cases_step_is_refused_on_a_case_branch() {
    let team = Team::start(pull_requests);
    let csc = &team.csc;
    let first = csc.case_at(Stage::Assigned, "wang.qiang");
    let second = csc.case_at(Stage::Assigned, "wang.qiang");
    csc.git(&["push", "-q", "origin", "HEAD:main"]);
    let eng = &team.engineer;
    eng.git(&["pull", "-q", "--ff-only"]);
    let main = eng.head();
    submit_task_sheet(&team, &first);
    let branch = format!("case/{}", first.id);
    assert_eq!(on_branch(eng), branch);

    // A step of the second case here would ride along the first one's pull request.
    let err = refused(eng, &second, T_START, &["start", &second.id]);
    assert_eq!(
        error_line(&err),
        format!(
            "error: this clone is on {branch}, the branch of case {}; a step on case {} does not belong there",
            first.id, second.id
        )
    );
    assert_eq!(hint_lines(&err), ["hint: go back first: git switch main"]);
    eng.act_as("zhao.min");
    let err = refused(
        eng,
        &second,
        T_LATER,
        &["new", "--customer", "example-customer", "--fault", "掉线"],
    );
    assert_eq!(
        error_line(&err),
        format!(
            "error: this clone is on {branch}, the branch of case {}; a new case does not belong there",
            first.id
        )
    );
    eng.act_as("wang.qiang");

    // Submitting the second case moves to its own branch, started from main.
    eng.write(
        &second.file("task-sheet.toml"),
        &task_sheet("wang.qiang", "wang.qiang"),
    );
    eng.ok(T_SUBMIT, &["submit", &second.id]);
    let second_branch = format!("case/{}", second.id);
    assert_eq!(on_branch(eng), second_branch);
    assert_eq!(eng.git(&["rev-parse", "HEAD~1"]).trim(), main);
    assert_eq!(team.server_head(&second_branch), eng.head());
}

#[test]
fn uncommitted_changes_in_the_way_of_the_switch_are_refused() {
    let (team, case) = team_with_case();
    let lead = &team.lead;
    submit_task_sheet(&team, &case);

    // The lead's own note in case.toml on main: the branch has another case.toml.
    let file = case.file("case.toml");
    let before = lead.read(&file);
    lead.write(&file, &format!("{before}# 李娜:明早电话确认\n"));
    // An edit to a file the same on both branches is carried over.
    lead.edit(
        "customers/example-customer.toml",
        "\n",
        "\n# 李娜:客户联系人有变动\n",
    );
    let err = refused(lead, &case, T_APPROVE, &["approve", &case.id]);
    assert_eq!(
        error_line(&err),
        format!(
            "error: switching to case/{} would overwrite uncommitted changes to {file}; nothing was changed",
            case.id
        )
    );
    assert_eq!(
        hint_lines(&err),
        ["hint: commit them, put them aside (git stash) or undo them, then try again"]
    );
    assert_eq!(on_branch(lead), "main");
    assert_eq!(branches(lead), ["main"]);

    // Without the note in the way, the switch carries the other edit over.
    lead.write(&file, &before);
    lead.ok(T_APPROVE, &["approve", &case.id]);
    assert_eq!(on_branch(lead), format!("case/{}", case.id));
    assert_eq!(lead.porcelain(), " M customers/example-customer.toml\n");
    assert!(
        lead.read("customers/example-customer.toml")
            .contains("客户联系人有变动")
    );
}

#[test]
fn a_refused_approval_leaves_the_lead_where_they_were() {
    let (team, case) = team_with_case();
    submit_task_sheet(&team, &case);
    // The engineer may not approve: svc switched to the branch to try, and switches back.
    let lead = &team.lead;
    lead.act_as("wang.qiang");
    let head = lead.head();
    let out = lead.svc(T_APPROVE, &["approve", &case.id]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        error_line(&stderr(&out)).starts_with("error: wang.qiang may not approve"),
        "{}",
        stderr(&out)
    );
    assert_eq!(on_branch(lead), "main");
    assert_eq!(lead.head(), head);
    assert_eq!(branches(lead), ["main"]);
    assert_eq!(lead.porcelain(), "");
}

#[test]
fn without_a_remote_the_submission_waits_on_its_branch() {
    let ws = Ws::init();
    pull_requests(&ws);
    let case = ws.case_at(Stage::SheetWritten, "wang.qiang");
    let main = ws.head();
    let target = on_branch(&ws);
    ws.act_as("wang.qiang");
    let out = ws.svc(T_SUBMIT, &["--json", "submit", &case.id]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let branch = format!("case/{}", case.id);
    assert_eq!(json["action"], "submit");
    assert_eq!(json["to"], "pending-approval");
    assert_eq!(json["branch"], branch.as_str());
    assert_eq!(json["target"], target.as_str());
    assert_eq!(json["pushed"], false);
    assert_eq!(json["pull_request"], serde_json::Value::Null);
    assert_eq!(
        stderr(&out),
        format!(
            "this workspace has no remote yet: {branch} stays here, and `svc sync` pushes it once there is one\n"
        )
    );
    assert_eq!(on_branch(&ws), branch);
    assert_eq!(ws.git(&["rev-parse", "HEAD~1"]).trim(), main);
    assert_eq!(ws.git(&["rev-parse", &target]).trim(), main);
}

#[test]
fn offline_the_step_is_committed_and_the_forge_link_printed() {
    // A self-hosted forge whose name does not say which it is; nothing listens there.
    let ws = Ws::init();
    pull_requests(&ws);
    ws.edit(
        "svc.toml",
        "review = \"pull-request\"",
        "review = \"pull-request\"\nforge = \"forgejo\"",
    );
    ws.git(&["add", "svc.toml"]);
    ws.git_commit_as("zhao.min", "The forge is Forgejo");
    ws.git(&[
        "remote",
        "add",
        "origin",
        "http://127.0.0.1:1/acme/service.git",
    ]);
    let case = ws.case_at(Stage::SheetWritten, "wang.qiang");
    let target = on_branch(&ws);
    ws.act_as("wang.qiang");
    let out = ws.svc(T_SUBMIT, &["submit", &case.id]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let branch = format!("case/{}", case.id);
    let lines: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 2, "{}", stdout(&out));
    assert_eq!(
        lines[1],
        format!(
            "open the pull request: http://127.0.0.1:1/acme/service/compare/{target}...{branch}"
        )
    );
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "warning: {branch} could not be fetched from origin"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "warning: the step is committed on {branch} here but not pushed"
        )),
        "{err}"
    );
    assert_eq!(on_branch(&ws), branch);
    assert_eq!(ws.state(&case), "pending-approval");
}

#[test]
fn a_case_waiting_on_the_branch_at_hand_is_approved_there() {
    // Submitted before the workspace turned to pull requests: no case branch anywhere.
    let ws = Ws::init();
    let waiting = ws.case_at(Stage::PendingApproval, "wang.qiang");
    let assigned = ws.case_at(Stage::Assigned, "wang.qiang");
    pull_requests(&ws);
    let here = on_branch(&ws);
    ws.act_as("li.na");
    let err = refused(&ws, &assigned, T_APPROVE, &["approve", &assigned.id]);
    assert_eq!(
        hint_lines(&err).last().copied(),
        Some(
            format!(
                "hint: there is no branch case/{} here: was the submission pushed?",
                assigned.id
            )
            .as_str()
        )
    );
    let out = ws.svc(T_APPROVE, &["--json", "approve", &waiting.id]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["to"], "approved");
    assert_eq!(json["branch"], here.as_str());
    assert_eq!(json["pushed"], false);
    assert_eq!(json["pull_request"], serde_json::Value::Null);
    assert_eq!(on_branch(&ws), here);
    assert_eq!(branches(&ws), [here]);
}

#[test]
fn sync_brings_a_clone_back_to_main_once_its_pull_request_is_merged() {
    let (team, case) = team_with_case();
    let (eng, lead) = (&team.engineer, &team.lead);
    let id = case.id.as_str();
    let branch = format!("case/{id}");
    submit_task_sheet(&team, &case);
    lead.ok(T_APPROVE, &["approve", id]);
    // Not merged yet: the engineer's sync brings the approval to the branch, and stays.
    let out = eng.ok(T_LATER, &["sync"]);
    assert_eq!(out, format!("received 1 commit from origin/{branch}\n"));
    assert_eq!(on_branch(eng), branch);
    assert_eq!(eng.state(&case), "approved");

    merge(lead, &case);
    let out = eng.ok(T_LATER, &["sync"]);
    assert_eq!(
        out,
        format!(
            "{branch} was merged into origin/main: back on main\nreceived 3 commits from origin/main\n"
        )
    );
    assert_eq!(on_branch(eng), "main");
    assert_eq!(eng.head(), team.server_head("main"));
    assert_eq!(eng.state(&case), "approved");
    assert_eq!(eng.porcelain(), "");
    let check = eng.svc(T_LATER, &["check"]);
    assert_eq!(code(&check), 0, "{}{}", stdout(&check), stderr(&check));
}

#[test]
fn a_submission_made_offline_reaches_its_pull_request_at_the_next_sync() {
    let (team, case) = team_with_case();
    let eng = &team.engineer;
    let branch = format!("case/{}", case.id);
    let url = team.server.url("company.git");
    let away = eng.parent().join("no-such-server.git");
    eng.git(&["remote", "set-url", "origin", away.to_str().unwrap()]);
    submit_task_sheet(&team, &case);
    assert_eq!(on_branch(eng), branch);
    let submitted = eng.head();
    // Back on main, and back online.
    eng.git(&["switch", "-q", "main"]);
    eng.git(&["remote", "set-url", "origin", &url]);
    let out = eng.ok(T_LATER, &["sync"]);
    assert_eq!(
        out,
        format!("pushed {branch} to origin (its pull request)\n")
    );
    assert_eq!(team.server_head(&branch), submitted);
    assert_eq!(eng.ok(T_LATER, &["sync"]), "up to date with origin/main\n");
}

#[test]
fn a_merged_case_branch_deleted_on_the_server_is_not_pushed_again() {
    let (team, case) = team_with_case();
    let (eng, lead) = (&team.engineer, &team.lead);
    let branch = format!("case/{}", case.id);
    submit_task_sheet(&team, &case);
    lead.ok(T_APPROVE, &["approve", &case.id]);
    merge(lead, &case);
    // The forge deletes the branch after merging it.
    lead.git(&["push", "-q", "origin", "--delete", &branch]);
    eng.git(&["switch", "-q", "main"]);
    let out = eng.ok(T_LATER, &["sync"]);
    assert_eq!(out, "received 3 commits from origin/main\n");
    assert_eq!(eng.ok(T_LATER, &["sync"]), "up to date with origin/main\n");
    let listed = lead.git(&["ls-remote", "--heads", "origin"]);
    assert!(!listed.contains(&branch), "{listed}");
}

#[test]
fn a_lead_whose_main_lacks_the_case_finds_it_on_its_branch() {
    let team = Team::start(pull_requests);
    let case = team.csc.case_at(Stage::Assigned, "wang.qiang");
    team.csc.git(&["push", "-q", "origin", "HEAD:main"]);
    team.engineer.git(&["pull", "-q", "--ff-only"]);
    submit_task_sheet(&team, &case);
    // The lead has not synced since the case was opened: it is only on the server.
    let lead = &team.lead;
    assert!(!lead.exists(&case.file("case.toml")));
    let suffix = &case.id[case.id.len() - 6..];
    let out = lead.ok(T_APPROVE, &["approve", suffix]);
    assert!(
        out.starts_with(&format!(
            "approve {}: pending-approval -> approved (commit ",
            case.id
        )),
        "{out}"
    );
    let branch = format!("case/{}", case.id);
    assert_eq!(on_branch(lead), branch);
    assert_eq!(team.server_head(&branch), lead.head());
    // A case that is nowhere is still not found.
    let out = lead.svc(T_APPROVE, &["approve", "SR-20261102-NOSUCH"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
}
