//! `svc check` replays the history and catches what plain git let someone record: a state
//! edited by hand, a step by someone without the role, a self-approval, a shared file
//! changed by someone not an admin, a commit of two cases.

use super::forgeries::{about, history, messages, svc_message};
use super::*;
use serde_json::Value;

/// [`super::forgeries::forge_signature`] at the task sheet's moment of approval.
fn forge_signature(ws: &Ws, case: &Case, by: &str, role: &str) {
    super::forgeries::forge_signature(ws, case, by, role, T_APPROVE);
}

/// `svc check` in text: exit 1, and the finding's line naming the commit.
fn check_text_names(ws: &Ws, commit: &str, problem: &str) {
    let out = ws.svc(T_LATER, &["check"]);
    assert_eq!(code(&out), 1, "{}{}", stdout(&out), stderr(&out));
    let text = stdout(&out);
    let short = &commit[..10];
    assert!(
        text.lines()
            .any(|l| l.contains(&format!("error[history]: commit {short}: {problem}"))),
        "no finding about {short}: {problem}\n{text}"
    );
}

#[test]
fn a_clean_history_with_plain_form_edits_passes() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Assigned, "wang.qiang");
    // Committing a form by hand is no step of the procedure, and no forgery.
    ws.edit(
        &case.file("request.toml"),
        "tried_by_phone = \"\"",
        "tried_by_phone = \"重启无效\"",
    );
    ws.git(&["add", "-A"]);
    ws.git_commit_as("zhao.min", "补充电话处理情况");
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 0, "{findings:?}");
    assert_eq!(findings, Vec::<Value>::new());
}

/// A case whose task sheet awaits signature, and a commit by its engineer that edits its
/// state to approved by hand: the case and the commit.
fn state_approved_by_hand(ws: &Ws) -> (Case, String) {
    let case = ws.case_at(Stage::PendingApproval, "wang.qiang");
    ws.edit(
        &case.file("case.toml"),
        "state = \"pending-approval\"",
        "state = \"approved\"",
    );
    ws.git(&["add", "-A"]);
    let forged = ws.git_commit_as("wang.qiang", "状态改为已批准");
    (case, forged)
}

#[test]
fn a_state_edited_by_hand_is_caught() {
    let ws = Ws::init();
    let (case, forged) = state_approved_by_hand(&ws);
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 1);
    assert_eq!(
        messages(&findings, &forged),
        vec![format!(
            "commit {}: case.toml's state changed from pending-approval to approved in a commit svc did not make",
            &forged[..10]
        )]
    );
    let f = about(&findings, &forged)[0];
    assert_eq!(f["file"], case.file("case.toml"));
    assert_eq!(f["severity"], "error");
    assert_eq!(history(&findings).len(), 1, "{findings:?}");
    check_text_names(
        &ws,
        &forged,
        "case.toml's state changed from pending-approval to approved in a commit svc did not make",
    );
}

#[test]
fn a_forgery_is_told_in_the_language_asked_for_also_when_it_was_remembered_in_another() {
    let ws = Ws::init();
    let (_, forged) = state_approved_by_hand(&ws);
    let short = &forged[..10];
    let english = (
        format!(
            "error[history]: commit {short}: case.toml's state changed from pending-approval to approved in a commit svc did not make\n"
        ),
        "  hint: steps of the procedure are taken with svc commands, which record who took them\n",
    );
    let chinese = (
        format!(
            "error[history]: 提交 {short}：case.toml 的状态在一次非 svc 生成的提交中从 pending-approval 变成了 approved\n"
        ),
        "  hint: 流程中的步骤须用 svc 命令执行，svc 会记录由谁执行\n",
    );
    // Each check remembers its judgement in the language it was said in; the next, in
    // another language, does not repeat it.
    for (lang, said, not) in [
        ("en_US.UTF-8", &english, &chinese),
        ("zh_CN.UTF-8", &chinese, &english),
        ("en_US.UTF-8", &english, &chinese),
    ] {
        let out = ws
            .command(T_LATER)
            .env("LANG", lang)
            .arg("check")
            .output()
            .expect("run svc");
        let text = stdout(&out);
        assert_eq!(code(&out), 1, "{text}{}", stderr(&out));
        assert!(
            text.contains(&said.0) && text.contains(said.1),
            "{lang}: {text}"
        );
        assert!(
            !text.contains(&not.0) && !text.contains(not.1),
            "{lang}: {text}"
        );
    }
    // The command line's --locale over the environment's.
    let out = ws
        .command(T_LATER)
        .env("LANG", "zh_CN.UTF-8")
        .args(["--locale", "en", "check"])
        .output()
        .expect("run svc");
    assert!(stdout(&out).contains(&english.0), "{}", stdout(&out));
}

#[test]
fn a_signature_written_in_someone_elses_name_is_caught() {
    // The forger writes li.na's signature: the forms are valid, only the history tells.
    let ws = Ws::init();
    let case = ws.case_at(Stage::PendingApproval, "wang.qiang");
    forge_signature(&ws, &case, "li.na", "lead");
    ws.git(&["add", "-A"]);
    let forged = ws.git_commit_as("wang.qiang", "李娜已口头同意");
    let validate = ws.svc(T_LATER, &["validate"]);
    assert_eq!(code(&validate), 0, "{}", stdout(&validate));
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 1);
    assert_eq!(
        messages(&findings, &forged),
        vec![format!(
            "commit {}: case.toml's state changed from pending-approval to approved in a commit svc did not make",
            &forged[..10]
        )]
    );
}

#[test]
fn a_step_by_someone_without_the_role_is_caught() {
    let ws = Ws::with_staff();
    let case = ws.case_at(Stage::PendingApproval, "wang.qiang");
    // ma.lin, an engineer, "approves" the task sheet with a commit that looks like svc's.
    forge_signature(&ws, &case, "ma.lin", "lead");
    ws.git(&["add", "-A"]);
    ws.git_commit_at(
        "ma.lin",
        &svc_message(
            "approve",
            &case.id,
            "pending-approval",
            "approved",
            "ma.lin",
        ),
        T_APPROVE,
    );
    let forged = ws.head();
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 1);
    assert_eq!(
        messages(&findings, &forged),
        vec![format!(
            "commit {}: ma.lin took `approve` without the role lead (people.toml at the commit's parent)",
            &forged[..10]
        )]
    );
    assert_eq!(history(&findings).len(), 1, "{findings:?}");
    check_text_names(
        &ws,
        &forged,
        "ma.lin took `approve` without the role lead (people.toml at the commit's parent)",
    );
}

#[test]
fn the_roles_are_those_of_people_toml_before_the_step() {
    let ws = Ws::with_staff();
    let case = ws.case_at(Stage::PendingApproval, "wang.qiang");
    // ma.lin grants himself the role in the very commit that uses it.
    ws.edit(
        "people.toml",
        "id = \"ma.lin\"\nname = \"马林\"\nemail = \"ma.lin@example.com\"\ndepartment = \"市场部客户服务中心\"\nroles = [\"engineer\"]",
        "id = \"ma.lin\"\nname = \"马林\"\nemail = \"ma.lin@example.com\"\ndepartment = \"市场部客户服务中心\"\nroles = [\"engineer\", \"lead\"]",
    );
    forge_signature(&ws, &case, "ma.lin", "lead");
    ws.git(&["add", "-A"]);
    ws.git_commit_at(
        "ma.lin",
        &svc_message(
            "approve",
            &case.id,
            "pending-approval",
            "approved",
            "ma.lin",
        ),
        T_APPROVE,
    );
    let forged = ws.head();
    // The workspace as it stands is valid: ma.lin holds the role now.
    let validate = ws.svc(T_LATER, &["validate"]);
    assert_eq!(code(&validate), 0, "{}", stdout(&validate));
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 1);
    let short = &forged[..10];
    assert_eq!(
        messages(&findings, &forged),
        vec![
            format!(
                "commit {short}: ma.lin took `approve` without the role lead (people.toml at the commit's parent)"
            ),
            format!(
                "commit {short}: a step on case {} also changes people.toml: a step's commit holds its own case's folder only",
                case.id
            ),
            format!(
                "commit {short}: people.toml was changed by ma.lin@example.com, who is not an admin"
            ),
        ]
    );
    assert_eq!(history(&findings).len(), 3, "{findings:?}");
}

#[test]
fn a_role_granted_by_the_admin_before_the_step_counts() {
    let ws = Ws::with_staff();
    let case = ws.case_at(Stage::PendingApproval, "wang.qiang");
    ws.edit(
        "people.toml",
        "email = \"ma.lin@example.com\"\ndepartment = \"市场部客户服务中心\"\nroles = [\"engineer\"]",
        "email = \"ma.lin@example.com\"\ndepartment = \"市场部客户服务中心\"\nroles = [\"engineer\", \"lead\"]",
    );
    ws.git(&["add", "people.toml"]);
    ws.git_commit_as("zhao.min", "马林任客服中心领导");
    ws.act_as("ma.lin");
    ws.ok(T_APPROVE, &["approve", &case.id]);
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 0, "{findings:?}");
}

#[test]
fn a_self_approval_is_caught() {
    let ws = Ws::with_staff();
    // zhou.wei, engineer and lead, is assigned and signs his own task sheet by hand.
    let case = ws.case_at(Stage::PendingApproval, "zhou.wei");
    forge_signature(&ws, &case, "zhou.wei", "lead");
    ws.git(&["add", "-A"]);
    ws.git_commit_at(
        "zhou.wei",
        &svc_message(
            "approve",
            &case.id,
            "pending-approval",
            "approved",
            "zhou.wei",
        ),
        T_APPROVE,
    );
    let forged = ws.head();
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 1);
    assert_eq!(
        messages(&findings, &forged),
        vec![format!(
            "commit {}: zhou.wei approved their own submission",
            &forged[..10]
        )]
    );
    check_text_names(&ws, &forged, "zhou.wei approved their own submission");
    // Validation sees it too, in case.toml (7.2).
    let validate = ws.svc(T_LATER, &["validate"]);
    assert_eq!(code(&validate), 1);
    assert!(
        stdout(&validate).contains("error[7.2]: `zhou.wei` signed their own task sheet"),
        "{}",
        stdout(&validate)
    );
}

#[test]
fn a_change_to_people_toml_by_someone_not_an_admin_is_caught() {
    let ws = Ws::init();
    // li.na (csc, lead) makes wang.qiang a lead.
    ws.edit(
        "people.toml",
        "email = \"wang.qiang@example.com\"\ndepartment = \"市场部客户服务中心\"\nroles = [\"engineer\"]",
        "email = \"wang.qiang@example.com\"\ndepartment = \"市场部客户服务中心\"\nroles = [\"engineer\", \"lead\"]",
    );
    ws.git(&["add", "people.toml"]);
    let forged = ws.git_commit_as("li.na", "王强兼任领导");
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 1);
    assert_eq!(
        messages(&findings, &forged),
        vec![format!(
            "commit {}: people.toml was changed by li.na@example.com, who is not an admin",
            &forged[..10]
        )]
    );
    assert_eq!(about(&findings, &forged)[0]["file"], "people.toml");
    check_text_names(
        &ws,
        &forged,
        "people.toml was changed by li.na@example.com, who is not an admin",
    );
    // The catalog and the settings are the admin's too.
    ws.edit(
        "catalog/parts.toml",
        "price = \"320.00\"",
        "price = \"300.00\"",
    );
    ws.edit(
        "svc.toml",
        "require_confirmation = true",
        "require_confirmation = false",
    );
    ws.git(&["add", "-A"]);
    let second = ws.git_commit_as("wang.qiang", "降价");
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 1);
    let short = &second[..10];
    assert_eq!(
        messages(&findings, &second),
        vec![
            format!(
                "commit {short}: catalog/parts.toml was changed by wang.qiang@example.com, who is not an admin"
            ),
            format!(
                "commit {short}: svc.toml was changed by wang.qiang@example.com, who is not an admin"
            ),
        ]
    );
}

#[test]
fn a_commit_of_two_cases_is_caught() {
    let ws = Ws::init();
    let a = ws.new_case_at(T_NEW, "甲机房告警");
    let b = ws.new_case_at(T_ACCEPT, "乙机房告警");
    for case in [&a, &b] {
        ws.edit(
            &case.file("request.toml"),
            "tried_by_phone = \"\"",
            "tried_by_phone = \"重启无效\"",
        );
    }
    ws.git(&["add", "-A"]);
    let forged = ws.git_commit_as("zhao.min", "两单一起补充");
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 1);
    let mut ids = [a.id.clone(), b.id.clone()];
    ids.sort();
    assert_eq!(
        messages(&findings, &forged),
        vec![format!(
            "commit {}: one commit changes 2 cases: {}, {}",
            &forged[..10],
            ids[0],
            ids[1]
        )]
    );
    check_text_names(&ws, &forged, "one commit changes 2 cases");
}

#[test]
fn check_with_a_base_reports_only_the_commits_after_it() {
    let ws = Ws::init();
    let a = ws.new_case_at(T_NEW, "甲机房告警");
    let b = ws.new_case_at(T_ACCEPT, "乙机房告警");
    // First forgery: people.toml by a non-admin.
    ws.edit(
        "people.toml",
        "roles = [\"manager\"]",
        "roles = [\"manager\", \"csc\"]",
    );
    ws.git(&["add", "-A"]);
    let first = ws.git_commit_as("li.na", "刘洋兼客服");
    // A legal step in between.
    ws.act_as("zhao.min");
    ws.ok(T_ASSIGN, &["accept", &a.id, "--fee", "warranty"]);
    let middle = ws.head();
    // Second forgery: two cases in one commit.
    for case in [&a, &b] {
        ws.edit(
            &case.file("request.toml"),
            "tried_by_phone = \"\"",
            "tried_by_phone = \"重启无效\"",
        );
    }
    ws.git(&["add", "-A"]);
    let second = ws.git_commit_as("zhao.min", "两单一起补充");

    let (exit, all) = ws.check_json(&[]);
    assert_eq!(exit, 1);
    let found: Vec<String> = history(&all);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].starts_with(&format!("{first}: ")) || found[1].starts_with(&format!("{first}: "))
    );

    let (exit, after_first) = ws.check_json(&["--base", &first]);
    assert_eq!(exit, 1);
    assert_eq!(history(&after_first).len(), 1, "{after_first:?}");
    assert_eq!(about(&after_first, &second).len(), 1, "{after_first:?}");
    assert_eq!(about(&after_first, &first).len(), 0);

    let (exit, after_middle) = ws.check_json(&["--base", &middle[..12]]);
    assert_eq!(exit, 1);
    assert_eq!(history(&after_middle).len(), 1);

    let (exit, before_first) = ws.check_json(&["--base", &format!("{first}^")]);
    assert_eq!(exit, 1);
    assert_eq!(history(&before_first).len(), 2);

    // Nothing after HEAD: only validation remains, and the workspace is valid.
    let (exit, none) = ws.check_json(&["--base", "HEAD"]);
    assert_eq!(exit, 0, "{none:?}");
    assert_eq!(none, Vec::<Value>::new());

    let out = ws.svc(T_LATER, &["check", "--base", "no-such-rev"]);
    assert_eq!(code(&out), 1);
    assert!(
        error_line(&stderr(&out)).starts_with("error: no commit `no-such-rev`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_commit_whose_trailers_lie_is_caught() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::PendingApproval, "wang.qiang");
    // wang.qiang writes li.na's step under his own name.
    forge_signature(&ws, &case, "li.na", "lead");
    ws.git(&["add", "-A"]);
    ws.git_commit_at(
        "wang.qiang",
        &svc_message("approve", &case.id, "pending-approval", "approved", "li.na"),
        T_CHECKIN,
    );
    let forged = ws.head();
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 1);
    let short = &forged[..10];
    let found = messages(&findings, &forged);
    assert!(
        found.contains(&format!(
            "commit {short}: the trailers name li.na but the commit is by wang.qiang"
        )),
        "{found:?}"
    );
    assert!(
        found.contains(&format!(
            "commit {short}: wang.qiang took `approve` without the role lead (people.toml at the commit's parent)"
        )),
        "{found:?}"
    );
}

#[test]
fn trailers_that_disagree_with_case_toml_are_caught() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Accepted, "wang.qiang");
    // The message says accept, but case.toml jumps to assigned.
    let file = case.file("case.toml");
    ws.edit(&file, "state = \"accepted\"", "state = \"assigned\"");
    ws.git(&["add", "-A"]);
    ws.git(&[
        "-c",
        "user.name=赵敏",
        "-c",
        "user.email=zhao.min@example.com",
        "commit",
        "-q",
        "-m",
        &svc_message("accept", &case.id, "requested", "accepted", "zhao.min"),
    ]);
    let forged = ws.head();
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 1);
    assert_eq!(
        messages(&findings, &forged),
        vec![format!(
            "commit {}: its trailers say requested -> accepted, but case.toml went from accepted to assigned",
            &forged[..10]
        )]
    );
}

#[test]
fn a_step_the_procedure_does_not_have_is_caught() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Assigned, "wang.qiang");
    ws.edit(
        &case.file("case.toml"),
        "state = \"assigned\"",
        "state = \"archived\"",
    );
    ws.git(&["add", "-A"]);
    ws.git(&[
        "-c",
        "user.name=赵敏",
        "-c",
        "user.email=zhao.min@example.com",
        "commit",
        "-q",
        "-m",
        &svc_message("archive", &case.id, "assigned", "archived", "zhao.min"),
    ]);
    let forged = ws.head();
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 1);
    assert_eq!(
        messages(&findings, &forged),
        vec![format!(
            "commit {}: archive from assigned to archived is not a step of the procedure",
            &forged[..10]
        )]
    );
}

#[test]
fn a_state_forged_in_a_merge_commit_is_caught() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::PendingApproval, "wang.qiang");
    let branch = ws.git(&["symbolic-ref", "--short", "HEAD"]);
    let branch = branch.trim();
    ws.git(&["checkout", "-q", "-b", "side"]);
    ws.write("cases/README.md", "cases\n");
    ws.git(&["add", "-A"]);
    ws.git_commit_as("zhao.min", "README");
    ws.git(&["checkout", "-q", branch]);
    ws.write("notes.md", "notes\n");
    ws.git(&["add", "-A"]);
    ws.git_commit_as("wang.qiang", "notes");
    ws.git(&[
        "-c",
        "user.name=王强",
        "-c",
        "user.email=wang.qiang@example.com",
        "merge",
        "-q",
        "--no-ff",
        "--no-commit",
        "side",
    ]);
    // The evil merge: li.na's signature and the new state, written by wang.qiang.
    forge_signature(&ws, &case, "li.na", "lead");
    ws.git(&["add", "-A"]);
    let merge = ws.git_commit_as("wang.qiang", "Merge side");
    assert_eq!(
        ws.git(&["rev-list", "--parents", "-n", "1", "HEAD"])
            .split_whitespace()
            .count(),
        3,
        "a merge commit"
    );
    let validate = ws.svc(T_LATER, &["validate"]);
    assert_eq!(code(&validate), 0, "{}", stdout(&validate));
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 1, "the forged merge passed svc check");
    assert_eq!(about(&findings, &merge).len(), 1, "{findings:?}");
}

#[test]
fn a_submit_that_rewrites_who_assigned_the_case_is_caught() {
    let ws = Ws::with_staff();
    let case = ws.new_case();
    let id = case.id.as_str();
    ws.act_as("zhao.min");
    ws.ok(T_ACCEPT, &["accept", id, "--fee", "warranty"]);
    ws.act_as("chen.jie");
    ws.ok(T_ASSIGN, &["assign", id, "--to", "sun.li"]);
    // sun.li submits by hand, and makes the case look assigned by the CSC: then the CSC
    // lead's signature alone would do.
    ws.write(
        &case.file("task-sheet.toml"),
        &task_sheet("sun.li", "sun.li"),
    );
    let file = case.file("case.toml");
    ws.edit(
        &file,
        "state = \"assigned\"",
        "state = \"pending-approval\"",
    );
    ws.edit(
        &file,
        "assigned_by = \"chen.jie\"",
        "assigned_by = \"zhao.min\"",
    );
    ws.edit(&file, "assigned_via = \"sales\"", "assigned_via = \"csc\"");
    ws.git(&["add", "-A"]);
    ws.git(&[
        "-c",
        "user.name=孙丽",
        "-c",
        "user.email=sun.li@example.com",
        "commit",
        "-q",
        "-m",
        &svc_message("submit", id, "assigned", "pending-approval", "sun.li"),
    ]);
    let forged = ws.head();
    ws.act_as("li.na");
    ws.ok(T_APPROVE, &["approve", id]);
    assert_eq!(
        ws.state(&case),
        "approved",
        "the CSC lead alone approved it"
    );
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 1, "the forged submit passed svc check");
    assert_eq!(about(&findings, &forged).len(), 1, "{findings:?}");
}

#[test]
fn a_step_that_adds_an_assignee_is_caught() {
    let ws = Ws::with_staff();
    let case = ws.case_at(Stage::OnSite, "wang.qiang");
    let file = case.file("case.toml");
    ws.edit(
        &file,
        "assignees = [\"wang.qiang\"]",
        "assignees = [\"wang.qiang\", \"ma.lin\"]",
    );
    let text = ws.read(&file);
    ws.write(
        &file,
        &format!("{text}\n[[checkins]]\nat = {T_CHECKIN}\nvia = \"phone\"\nby = \"wang.qiang\"\n"),
    );
    ws.git(&["add", "-A"]);
    ws.git_commit_at(
        "wang.qiang",
        &svc_message("checkin", &case.id, "on-site", "on-site", "wang.qiang"),
        T_CHECKIN,
    );
    let forged = ws.head();
    let validate = ws.svc(T_LATER, &["validate"]);
    assert_eq!(code(&validate), 0, "{}", stdout(&validate));
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 1, "the forged check-in passed svc check");
    assert_eq!(about(&findings, &forged).len(), 1, "{findings:?}");
}

#[test]
fn a_fee_arrangement_edited_by_hand_is_caught() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Assigned, "wang.qiang");
    ws.edit(
        &case.file("case.toml"),
        "fee = \"warranty\"",
        "fee = \"billable\"",
    );
    ws.git(&["add", "-A"]);
    let forged = ws.git_commit_as("wang.qiang", "改为收费");
    let validate = ws.svc(T_LATER, &["validate"]);
    assert_eq!(code(&validate), 0, "{}", stdout(&validate));
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 1, "the hand-edited fee passed svc check");
    assert_eq!(about(&findings, &forged).len(), 1, "{findings:?}");
}

#[test]
fn an_unsigned_step_is_caught_where_svc_toml_asks_for_signatures() {
    let ws = Ws::init();
    ws.edit(
        "svc.toml",
        "signed_actions = []",
        "signed_actions = [\"approve\"]",
    );
    ws.git(&["add", "svc.toml"]);
    ws.git_commit_as("zhao.min", "审批须签名");
    let case = ws.case_at(Stage::PendingApproval, "wang.qiang");
    // li.na's approval, made with plain git and her own identity, but not signed.
    forge_signature(&ws, &case, "li.na", "lead");
    ws.git(&["add", "-A"]);
    ws.git_commit_at(
        "li.na",
        &svc_message("approve", &case.id, "pending-approval", "approved", "li.na"),
        T_APPROVE,
    );
    let unsigned = ws.head();
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 1, "an unsigned approve passed svc check");
    assert_eq!(about(&findings, &unsigned).len(), 1, "{findings:?}");
}
