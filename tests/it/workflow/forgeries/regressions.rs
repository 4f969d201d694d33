//! Class 10: the older classes of forgery, as regressions with their exact findings: a
//! state edited by hand, a signature in someone else's name, a step without the role or by
//! someone people.toml does not list, a self-approval, shared files changed by someone not
//! an admin, two cases in one commit, a field changed by a step that does not own it, an
//! unsigned step where svc.toml asks for signatures.

use super::*;

/// A commit made with plain git at `at` as `person`, with the message svc would write for
/// the step. Returns it.
fn dressed_as_step(ws: &Ws, person: &str, at: &str, step: [&str; 5]) -> String {
    let [action, id, from, to, actor] = step;
    ws.git(&["add", "-A"]);
    ws.git_commit_at(person, &svc_message(action, id, from, to, actor), at)
}

#[test]
fn a_state_edited_by_hand_is_caught() {
    // The engineer skips the signature and sets off.
    let ws = Ws::init();
    let case = ws.case_at(Stage::PendingApproval, "wang.qiang");
    ws.edit(
        &case.file("case.toml"),
        "state = \"pending-approval\"",
        "state = \"on-site\"",
    );
    ws.git(&["add", "-A"]);
    let forged = ws.git_commit_as("wang.qiang", "出发");
    let findings = caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: case.toml's state changed from pending-approval to on-site in a commit svc did not make",
            short(&forged)
        )],
    );
    assert_eq!(files(&findings, &forged), vec![case.file("case.toml")]);
}

#[test]
fn a_signature_in_someone_elses_name_is_caught() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::PendingApproval, "wang.qiang");
    forge_signature(&ws, &case, "li.na", "lead", T_APPROVE);
    ws.git(&["add", "-A"]);
    let forged = ws.git_commit_as("wang.qiang", "李娜已口头同意");
    // The forms are valid: only the history tells.
    let validate = ws.svc(T_LATER, &["validate"]);
    assert_eq!(code(&validate), 0, "{}", stdout(&validate));
    caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: case.toml's state changed from pending-approval to approved in a commit svc did not make",
            short(&forged)
        )],
    );
}

#[test]
fn a_signature_in_someone_elses_name_dressed_as_her_step_is_caught() {
    // wang.qiang writes li.na's step, trailers and all, under his own name.
    let ws = Ws::init();
    let case = ws.case_at(Stage::PendingApproval, "wang.qiang");
    forge_signature(&ws, &case, "li.na", "lead", T_APPROVE);
    let forged = dressed_as_step(
        &ws,
        "wang.qiang",
        T_APPROVE,
        ["approve", &case.id, "pending-approval", "approved", "li.na"],
    );
    let short = short(&forged);
    caught(
        &ws,
        &forged,
        &[
            format!(
                "commit {short}: an approval was added that `approve` by wang.qiang does not explain"
            ),
            format!("commit {short}: the trailers name li.na but the commit is by wang.qiang"),
            format!("commit {short}: wang.qiang approved their own submission"),
            format!(
                "commit {short}: wang.qiang took `approve` without the role lead (people.toml at the commit's parent)"
            ),
        ],
    );
}

#[test]
fn a_step_without_the_role_is_caught() {
    let ws = Ws::with_staff();
    let case = ws.case_at(Stage::PendingApproval, "wang.qiang");
    forge_signature(&ws, &case, "ma.lin", "lead", T_APPROVE);
    let forged = dressed_as_step(
        &ws,
        "ma.lin",
        T_APPROVE,
        [
            "approve",
            &case.id,
            "pending-approval",
            "approved",
            "ma.lin",
        ],
    );
    caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: ma.lin took `approve` without the role lead (people.toml at the commit's parent)",
            short(&forged)
        )],
    );
}

#[test]
fn a_step_by_someone_outside_people_toml_is_caught() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::PendingApproval, "wang.qiang");
    forge_signature(&ws, &case, "guest", "lead", T_APPROVE);
    ws.git(&["add", "-A"]);
    git_by(
        &ws,
        "访客",
        "guest@example.com",
        Some(T_APPROVE),
        &[
            "commit",
            "-q",
            "-m",
            &svc_message("approve", &case.id, "pending-approval", "approved", "guest"),
        ],
    );
    let forged = ws.head();
    caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: approve was taken by guest@example.com, who is not in people.toml",
            short(&forged)
        )],
    );
}

#[test]
fn a_self_approval_is_caught() {
    // zhou.wei, engineer and lead, signs the sheet he prepared.
    let ws = Ws::with_staff();
    let case = ws.case_at(Stage::PendingApproval, "zhou.wei");
    forge_signature(&ws, &case, "zhou.wei", "lead", T_APPROVE);
    let forged = dressed_as_step(
        &ws,
        "zhou.wei",
        T_APPROVE,
        [
            "approve",
            &case.id,
            "pending-approval",
            "approved",
            "zhou.wei",
        ],
    );
    caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: zhou.wei approved their own submission",
            short(&forged)
        )],
    );
}

#[test]
fn people_toml_changed_by_someone_not_an_admin_is_caught() {
    let ws = Ws::init();
    ws.edit(
        "people.toml",
        "email = \"wang.qiang@example.com\"\ndepartment = \"市场部客户服务中心\"\nroles = [\"engineer\"]",
        "email = \"wang.qiang@example.com\"\ndepartment = \"市场部客户服务中心\"\nroles = [\"engineer\", \"lead\"]",
    );
    ws.git(&["add", "-A"]);
    let forged = ws.git_commit_as("li.na", "王强兼任领导");
    let findings = caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: people.toml was changed by li.na@example.com, who is not an admin",
            short(&forged)
        )],
    );
    assert_eq!(files(&findings, &forged), vec!["people.toml".to_string()]);
}

#[test]
fn the_rate_card_and_the_settings_changed_by_an_engineer_are_caught() {
    let ws = Ws::init();
    let rates = ws.read("catalog/rates.toml");
    ws.write("catalog/rates.toml", &format!("{rates}\n# 上门费另议\n"));
    ws.edit(
        "svc.toml",
        "require_confirmation = true",
        "require_confirmation = false",
    );
    ws.git(&["add", "-A"]);
    let forged = ws.git_commit_as("wang.qiang", "不再要求客户确认");
    let short = short(&forged);
    let findings = caught(
        &ws,
        &forged,
        &[
            format!(
                "commit {short}: catalog/rates.toml was changed by wang.qiang@example.com, who is not an admin"
            ),
            format!(
                "commit {short}: svc.toml was changed by wang.qiang@example.com, who is not an admin"
            ),
        ],
    );
    assert_eq!(
        files(&findings, &forged),
        vec!["catalog/rates.toml".to_string(), "svc.toml".to_string()]
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
    let mut cases = [&a, &b];
    cases.sort_by(|x, y| x.dir.cmp(&y.dir));
    let findings = caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: one commit changes 2 cases: {}, {}",
            short(&forged),
            cases[0].id,
            cases[1].id
        )],
    );
    // Placed at the first case's folder.
    assert_eq!(files(&findings, &forged), vec![cases[0].dir.clone()]);
}

#[test]
fn an_accept_that_also_assigns_is_caught() {
    // svc's own accept, amended to name the engineer as well: the field belongs to assign.
    let ws = Ws::init();
    let case = ws.case_at(Stage::Accepted, "wang.qiang");
    ws.edit(
        &case.file("case.toml"),
        "fee = \"warranty\"",
        "fee = \"warranty\"\nassignees = [\"wang.qiang\"]",
    );
    ws.git(&["add", "-A"]);
    let forged = amend(&ws, "zhao.min", None);
    caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: `accept` also changes assignees in case.toml, which that step never does",
            short(&forged)
        )],
    );
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
    caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: case.toml's fee changed in a commit svc did not make",
            short(&forged)
        )],
    );
}

#[test]
fn a_submit_that_rewrites_who_assigned_the_case_is_caught() {
    // Sales assigned it (two signatures needed); the submit makes it look the CSC's.
    let ws = Ws::with_staff();
    let case = ws.new_case();
    let id = case.id.as_str();
    ws.act_as("zhao.min");
    ws.ok(T_ACCEPT, &["accept", id, "--fee", "warranty"]);
    ws.act_as("chen.jie");
    ws.ok(T_ASSIGN, &["assign", id, "--to", "sun.li"]);
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
    let forged = dressed_as_step(
        &ws,
        "sun.li",
        T_SUBMIT,
        ["submit", id, "assigned", "pending-approval", "sun.li"],
    );
    caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: `submit` also changes assigned_by, assigned_via in case.toml, which that step never does",
            short(&forged)
        )],
    );
}

#[test]
fn a_check_in_that_adds_an_assignee_is_caught() {
    let ws = Ws::with_staff();
    let case = ws.case_at(Stage::OnSite, "wang.qiang");
    ws.act_as("wang.qiang");
    ws.ok(T_CHECKIN, &["checkin", &case.id, "--via", "phone"]);
    ws.edit(
        &case.file("case.toml"),
        "assignees = [\"wang.qiang\"]",
        "assignees = [\"wang.qiang\", \"ma.lin\"]",
    );
    ws.git(&["add", "-A"]);
    let forged = amend(&ws, "wang.qiang", None);
    caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: `checkin` also changes assignees in case.toml, which that step never does",
            short(&forged)
        )],
    );
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
    forge_signature(&ws, &case, "li.na", "lead", T_APPROVE);
    let forged = dressed_as_step(
        &ws,
        "li.na",
        T_APPROVE,
        ["approve", &case.id, "pending-approval", "approved", "li.na"],
    );
    let findings = caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: `approve` is not signed, but svc.toml asks for it to be (signed_actions)",
            short(&forged)
        )],
    );
    assert_eq!(files(&findings, &forged), vec![case.file("case.toml")]);
}
