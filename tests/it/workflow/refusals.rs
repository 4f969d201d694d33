//! What svc refuses, in the order it checks (legal in the state → role or assignee →
//! self-approval → the step's options → the rules on the case in its new state), each
//! with exit 1, a message naming what failed, a hint, and nothing changed.

use super::*;

const SHOW_HINT: &str =
    "`svc show {id}` shows where the case stands; `svc log {id}` how it got there";
const ROLE_HINT: &str = "hint: the roles are in people.toml; an admin changes them";

fn wrong_state(ws: &Ws, case: &Case, person: &str, args: &[&str], verb: &str, allowed: &str) {
    ws.act_as(person);
    let state = ws.state(case);
    let err = refused(ws, case, T_LATER, args);
    let id = &case.id;
    let command = if verb == "approve-flight" {
        "svc approve --flight".to_string()
    } else {
        format!("svc {verb}")
    };
    assert_eq!(
        err,
        format!(
            "error: cannot {verb} case {id}: it is {state}; `{command}` applies to a case that is {allowed}\nhint: {}\n",
            SHOW_HINT.replace("{id}", id)
        ),
        "{args:?}"
    );
}

#[test]
fn every_command_is_refused_in_a_state_it_does_not_apply_to() {
    let ws = Ws::init();
    let assigned = ws.case_at(Stage::Assigned, "wang.qiang");
    let a = assigned.id.as_str();
    for (person, args, verb, allowed) in [
        ("wang.qiang", vec!["start", a], "start", "approved"),
        ("wang.qiang", vec!["complete", a], "complete", "on-site"),
        (
            "wang.qiang",
            vec!["checkin", a, "--via", "phone"],
            "checkin",
            "on-site or serviced",
        ),
        ("zhao.min", vec!["archive", a], "archive", "reviewed"),
        (
            "zhao.min",
            vec!["accept", a, "--fee", "warranty"],
            "accept",
            "requested",
        ),
        (
            "zhao.min",
            vec!["resolve", a, "--note", "电话解决"],
            "resolve",
            "requested",
        ),
        (
            "li.na",
            vec!["approve", a],
            "approve",
            "pending-approval or pending-review",
        ),
        (
            "li.na",
            vec!["reject", a, "--reason", "不清楚"],
            "reject",
            "pending-approval or pending-review",
        ),
    ] {
        wrong_state(&ws, &assigned, person, &args, verb, allowed);
    }

    let requested = ws.new_case();
    let r = requested.id.as_str();
    wrong_state(
        &ws,
        &requested,
        "wang.qiang",
        &["submit", r],
        "submit",
        "assigned or serviced",
    );
    wrong_state(
        &ws,
        &requested,
        "liu.yang",
        &["approve", r, "--flight"],
        "approve-flight",
        "assigned or pending-approval or approved or on-site",
    );

    let review = ws.case_at(Stage::PendingReview, "wang.qiang");
    let p = review.id.as_str();
    for (person, args, verb, allowed) in [
        ("zhao.min", vec!["archive", p], "archive", "reviewed"),
        (
            "zhao.min",
            vec!["cancel", p, "--reason", "客户取消"],
            "cancel",
            "requested or accepted or assigned or pending-approval or approved",
        ),
        ("wang.qiang", vec!["start", p], "start", "approved"),
        (
            "zhao.min",
            vec!["assign", p, "--to", "wang.qiang", "--reason", "换人"],
            "assign",
            "accepted or assigned or pending-approval or approved",
        ),
        (
            "zhao.min",
            vec!["hold", p, "--reason", "等客户"],
            "hold",
            "requested or accepted or assigned or pending-approval or approved or on-site",
        ),
        (
            "wang.qiang",
            vec!["submit", p],
            "submit",
            "assigned or serviced",
        ),
        (
            "liu.yang",
            vec!["approve", p, "--flight"],
            "approve-flight",
            "assigned or pending-approval or approved or on-site",
        ),
    ] {
        wrong_state(&ws, &review, person, &args, verb, allowed);
    }

    let archived = ws.case_at(Stage::Archived, "wang.qiang");
    let x = archived.id.as_str();
    wrong_state(
        &ws,
        &archived,
        "zhao.min",
        &["approve", x],
        "approve",
        "pending-approval or pending-review",
    );
    wrong_state(
        &ws,
        &archived,
        "zhao.min",
        &["archive", x],
        "archive",
        "reviewed",
    );
}

#[test]
fn the_state_is_checked_before_the_role() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Assigned, "wang.qiang");
    // liu.yang may not archive anything, but the case is not even reviewed.
    wrong_state(
        &ws,
        &case,
        "liu.yang",
        &["archive", &case.id],
        "archive",
        "reviewed",
    );
}

fn wrong_role(ws: &Ws, case: &Case, person: &str, args: &[&str], expected: &str) {
    ws.act_as(person);
    let err = refused(ws, case, T_LATER, args);
    assert_eq!(err, format!("error: {expected}\n{ROLE_HINT}\n"), "{args:?}");
}

#[test]
fn an_engineer_may_not_accept_nor_assign() {
    let ws = Ws::init();
    let case = ws.new_case();
    let id = case.id.as_str();
    wrong_role(
        &ws,
        &case,
        "wang.qiang",
        &["accept", id, "--fee", "warranty"],
        &format!("wang.qiang may not accept case {id} (it takes the role csc)"),
    );
    wrong_role(
        &ws,
        &case,
        "wang.qiang",
        &["resolve", id, "--note", "电话解决"],
        &format!("wang.qiang may not resolve case {id} (it takes the role csc)"),
    );
    wrong_role(
        &ws,
        &case,
        "liu.yang",
        &["cancel", id, "--reason", "不需要"],
        &format!("liu.yang may not cancel case {id} (it takes the role csc)"),
    );
    ws.advance(&case, Stage::Requested, Stage::Accepted, "wang.qiang");
    wrong_role(
        &ws,
        &case,
        "wang.qiang",
        &["assign", id, "--to", "wang.qiang"],
        &format!("wang.qiang may not assign case {id} (it takes the role csc or sales)"),
    );
}

#[test]
fn only_a_lead_signs_a_task_sheet() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::PendingApproval, "wang.qiang");
    let id = case.id.as_str();
    // zhao.min is CSC (and admin), but not the CSC lead.
    wrong_role(
        &ws,
        &case,
        "zhao.min",
        &["approve", id],
        &format!("zhao.min may not approve case {id} (it takes the role lead)"),
    );
    wrong_role(
        &ws,
        &case,
        "zhao.min",
        &["reject", id, "--reason", "不清楚"],
        &format!("zhao.min may not reject case {id} (it takes the role lead)"),
    );
    // A sales lead signs only for cases Sales assigned.
    wrong_role(
        &ws,
        &case,
        "chen.jie",
        &["approve", id],
        &format!("chen.jie may not approve case {id} (it takes the role lead)"),
    );
}

#[test]
fn only_a_manager_approves_a_flight() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Approved, "wang.qiang");
    let id = case.id.as_str();
    for person in ["li.na", "zhao.min", "wang.qiang", "chen.jie"] {
        wrong_role(
            &ws,
            &case,
            person,
            &["approve", id, "--flight"],
            &format!("{person} may not approve-flight case {id} (it takes the role manager)"),
        );
    }
    // And the manager approves it once.
    ws.act_as("liu.yang");
    ws.ok(T_FLIGHT, &["approve", id, "--flight"]);
    let err = refused(&ws, &case, T_FLIGHT, &["approve", id, "--flight"]);
    assert_eq!(
        err,
        format!(
            "error: the flights of {id} are approved already\nhint: an approval covers the flights it names; a new flight, added to the task sheet and submitted again, needs a new one\n"
        )
    );
}

#[test]
fn a_flight_approval_needs_a_planned_flight() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::SheetWritten, "wang.qiang");
    ws.edit(
        &case.file("task-sheet.toml"),
        "mode = \"flight\"",
        "mode = \"train\"",
    );
    ws.advance(
        &case,
        Stage::SheetWritten,
        Stage::PendingApproval,
        "wang.qiang",
    );
    ws.act_as("liu.yang");
    let err = refused(&ws, &case, T_FLIGHT, &["approve", &case.id, "--flight"]);
    assert_eq!(
        err,
        format!(
            "error: the task sheet of {} plans no flight\nhint: 7.4: add the flight leg (mode = \"flight\") to the task sheet first\n",
            case.id
        )
    );
}

#[test]
fn only_an_assignee_takes_the_engineers_steps() {
    let ws = Ws::with_staff();
    let case = ws.case_at(Stage::SheetWritten, "wang.qiang");
    let id = case.id.as_str();
    for person in ["ma.lin", "zhao.min", "li.na"] {
        wrong_role(
            &ws,
            &case,
            person,
            &["submit", id],
            &format!("{person} may not submit case {id} (only its assignees may: wang.qiang)"),
        );
    }
    ws.advance(
        &case,
        Stage::SheetWritten,
        Stage::FlightApproved,
        "wang.qiang",
    );
    wrong_role(
        &ws,
        &case,
        "ma.lin",
        &["start", id],
        &format!("ma.lin may not start case {id} (only its assignees may: wang.qiang)"),
    );
    ws.advance(&case, Stage::FlightApproved, Stage::OnSite, "wang.qiang");
    wrong_role(
        &ws,
        &case,
        "ma.lin",
        &["checkin", id, "--via", "phone"],
        &format!("ma.lin may not checkin case {id} (only its assignees may: wang.qiang)"),
    );
    wrong_role(
        &ws,
        &case,
        "zhao.min",
        &["complete", id],
        &format!("zhao.min may not complete case {id} (only its assignees may: wang.qiang)"),
    );
}

#[test]
fn the_review_is_the_csc_s() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::PendingReview, "wang.qiang");
    let id = case.id.as_str();
    wrong_role(
        &ws,
        &case,
        "chen.jie",
        &["approve", id],
        &format!("chen.jie may not approve case {id} (it takes the role csc)"),
    );
    wrong_role(
        &ws,
        &case,
        "liu.yang",
        &["reject", id, "--reason", "不全"],
        &format!("liu.yang may not reject case {id} (it takes the role csc)"),
    );
    // A reviewer may send the records back, with a reason.
    ws.act_as("li.na");
    ws.ok(T_REVIEW, &["reject", id, "--reason", "总结不全"]);
    assert_eq!(ws.state(&case), "serviced");
}

#[test]
fn a_person_without_any_role_to_open_cases_may_not_open_one() {
    let ws = Ws::init();
    let head = ws.head();
    ws.act_as("liu.yang");
    let out = ws.svc(
        T_NEW,
        &["new", "--customer", "example-customer", "--fault", "告警"],
    );
    assert_eq!(code(&out), 1);
    assert_eq!(stdout(&out), "");
    let err = stderr(&out);
    assert!(
        error_line(&err).starts_with("error: liu.yang may not new case"),
        "{err}"
    );
    assert!(error_line(&err).contains("csc, sales or engineer"), "{err}");
    assert_eq!(hint_lines(&err), vec![ROLE_HINT]);
    assert_eq!(ws.head(), head);
    assert!(!ws.exists("cases/2026"), "no case folder was left");
    assert_eq!(ws.porcelain(), "");
}

#[test]
fn a_new_case_needs_a_known_customer() {
    let ws = Ws::init();
    let head = ws.head();
    ws.act_as("zhao.min");
    let out = ws.svc(
        T_NEW,
        &["new", "--customer", "example-custmer", "--fault", "告警"],
    );
    assert_eq!(code(&out), 1);
    assert_eq!(
        stderr(&out),
        "error: customer `example-custmer` has no file customers/example-custmer.toml\nhint: did you mean `example-customer`?\n"
    );
    assert_eq!(ws.head(), head);
    assert_eq!(ws.porcelain(), "");
}

#[test]
fn the_rules_of_the_new_state_block_the_step() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Assigned, "wang.qiang");
    let id = case.id.as_str();
    let toml = case.file("case.toml");
    // 7.1: no task sheet.
    ws.act_as("wang.qiang");
    let err = refused(&ws, &case, T_SUBMIT, &["submit", id]);
    assert!(
        err.starts_with(&format!(
            "{toml}:7:9: error[7.1]: case is pending-approval but has no task sheet\n"
        )),
        "{err}"
    );
    assert!(err.contains("state = \"pending-approval\""), "{err}");
    assert!(
        err.contains(&format!(
            "  hint: 8.3: the engineer fills in the task sheet before submitting: `svc edit {id} task-sheet`"
        )),
        "{err}"
    );
    assert!(
        err.ends_with(&format!(
            "error: cannot submit case {id}: 1 rule error must be fixed first\nhint: fix the findings above (svc validate shows them all), then try again\n"
        )),
        "{err}"
    );
    // 7.1: a task sheet that does not state the tasks.
    let sheet = case.file("task-sheet.toml");
    ws.write(
        &sheet,
        &task_sheet("wang.qiang", "wang.qiang").replace("tasks = [\"更换电源模块\"]", "tasks = []"),
    );
    let err = refused(&ws, &case, T_SUBMIT, &["submit", id]);
    assert!(
        err.starts_with(&format!(
            "{sheet}:7:9: error[7.1]: the task sheet does not state the tasks\n"
        )),
        "{err}"
    );
    // Fixed, it goes; then 7.4 blocks the start until the manager approves the flight.
    ws.write(&sheet, &task_sheet("wang.qiang", "wang.qiang"));
    ws.ok(T_SUBMIT, &["submit", id]);
    ws.act_as("li.na");
    ws.ok(T_APPROVE, &["approve", id]);
    ws.act_as("wang.qiang");
    let err = refused(&ws, &case, T_START, &["start", id]);
    assert!(
        err.starts_with(&format!(
            "{sheet}:17:8: error[7.4]: flight on 2026-11-04 has no manager's approval\n"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "hint: 7.4: ask the general manager or the marketing VP: `svc approve {id} --flight`"
        )),
        "{err}"
    );
    assert!(
        err.ends_with(&format!(
            "error: cannot start case {id}: 1 rule error must be fixed first\nhint: fix the findings above (svc validate shows them all), then try again\n"
        )),
        "{err}"
    );
    // An approval given after the leg does not count either.
    ws.act_as("liu.yang");
    ws.ok("2026-11-05T09:00:00+08:00", &["approve", id, "--flight"]);
    ws.act_as("wang.qiang");
    let err = refused(&ws, &case, "2026-11-05T10:00:00+08:00", &["start", id]);
    assert!(
        err.starts_with(&format!(
            "{sheet}:17:8: error[7.4]: flight on 2026-11-04 was approved only after the leg\n"
        )),
        "{err}"
    );
}

#[test]
fn completing_needs_a_confirmed_visit_record_for_every_site() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::OnSite, "wang.qiang");
    let id = case.id.as_str();
    let sheet = case.file("task-sheet.toml");
    ws.act_as("wang.qiang");
    let err = refused(&ws, &case, T_COMPLETE, &["complete", id]);
    assert!(
        err.starts_with(&format!(
            "{sheet}:8:10: error[7.6]: no visit record for site `gz-main`\n"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "hint: 7.6: keep a record for each site: `svc edit {id} visit` (visits/NN-gz-main.toml)"
        )),
        "{err}"
    );
    assert!(
        err.ends_with(&format!(
            "error: cannot complete case {id}: 1 rule error must be fixed first\nhint: fix the findings above (svc validate shows them all), then try again\n"
        )),
        "{err}"
    );
    // 7.7: the starter requires the customer's confirmation.
    let record = case.file("visits/01-gz-main.toml");
    let unconfirmed = visit("wang.qiang");
    let unconfirmed = &unconfirmed[..unconfirmed.find("[confirmation]").unwrap()];
    ws.write(&record, unconfirmed);
    let status = ws.porcelain();
    let err = refused(&ws, &case, T_COMPLETE, &["complete", id]);
    assert!(
        err.starts_with(&format!(
            "{record}:1:1: error[7.7]: visit record for `gz-main` has no customer confirmation (svc.toml requires it)\n"
        )),
        "{err}"
    );
    assert_eq!(ws.porcelain(), status, "the record stays as written");
    assert_eq!(ws.read(&record), unconfirmed);
}

#[test]
fn handing_in_needs_the_travel_log_and_the_summary() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Serviced, "wang.qiang");
    let id = case.id.as_str();
    ws.write(&case.file("summary.toml"), &summary("wang.qiang"));
    ws.act_as("wang.qiang");
    let err = refused(&ws, &case, T_HAND_IN, &["submit", id]);
    assert!(
        err.contains(
            "error[8.6]: case is pending-review but has no travel work log (出差工作日志)\n"
        ),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "error: cannot submit case {id}: 1 rule error must be fixed first"
        )),
        "{err}"
    );
}

#[test]
fn nobody_approves_their_own_submission() {
    let ws = Ws::with_staff();
    // zhou.wei is an engineer and a lead: assigned, he may not sign his own task sheet.
    let own = ws.case_at(Stage::PendingApproval, "zhou.wei");
    let id = own.id.as_str();
    ws.act_as("zhou.wei");
    let err = refused(&ws, &own, T_APPROVE, &["approve", id]);
    assert_eq!(
        err,
        format!(
            "error: zhou.wei may not approve their own submission (case {id})\nhint: nobody approves their own submission: another person with the role must\n"
        )
    );
    let err = refused(
        &ws,
        &own,
        T_APPROVE,
        &["reject", id, "--reason", "自己退回"],
    );
    assert_eq!(
        error_line(&err),
        format!("error: zhou.wei may not approve their own submission (case {id})")
    );
    ws.act_as("li.na");
    ws.ok(T_APPROVE, &["approve", id]);
    assert_eq!(ws.state(&own), "approved");

    // Nor a task sheet he prepared for another engineer.
    let prepared = ws.case_at(Stage::Assigned, "wang.qiang");
    let id = prepared.id.as_str();
    ws.write(
        &prepared.file("task-sheet.toml"),
        &task_sheet("zhou.wei", "wang.qiang"),
    );
    ws.act_as("wang.qiang");
    ws.ok(T_SUBMIT, &["submit", id]);
    ws.act_as("zhou.wei");
    let err = refused(&ws, &prepared, T_APPROVE, &["approve", id]);
    assert_eq!(
        error_line(&err),
        format!("error: zhou.wei may not approve their own submission (case {id})")
    );
    ws.act_as("li.na");
    ws.ok(T_APPROVE, &["approve", id]);
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 0, "{findings:?}");
}

#[test]
fn the_steps_options_are_checked() {
    let ws = Ws::with_staff();
    let case = ws.new_case();
    let id = case.id.as_str();
    ws.act_as("zhao.min");
    let err = refused(&ws, &case, T_ACCEPT, &["accept", id]);
    assert_eq!(
        err,
        "error: accept needs the fee arrangement agreed with the customer (8.1, 5.1.2)\nhint: --fee warranty, --fee billable or --fee agreement:ID\n"
    );
    let err = refused(&ws, &case, T_ACCEPT, &["accept", id, "--fee", "free"]);
    assert_eq!(
        err,
        "error: \"free\" is not a fee arrangement\nhint: --fee warranty, --fee billable or --fee agreement:ID\n"
    );
    let err = refused(
        &ws,
        &case,
        T_ACCEPT,
        &["accept", id, "--fee", "agreement:AG-2026-001"],
    );
    assert_eq!(
        err,
        "error: agreement AG-2026-001 is not an agreement of customer example-customer\nhint: the customer's agreements are in its file under customers/\n"
    );
    let err = refused(&ws, &case, T_ACCEPT, &["resolve", id]);
    assert_eq!(
        err,
        "error: resolve needs a note of how it was solved by phone\nhint: give it with --note \"…\"\n"
    );
    let err = refused(&ws, &case, T_ACCEPT, &["cancel", id, "--reason", "  "]);
    assert_eq!(
        err,
        "error: cancel needs a reason\nhint: give it with --reason \"…\"\n"
    );

    ws.ok(T_ACCEPT, &["accept", id, "--fee", "billable"]);
    let err = refused(&ws, &case, T_ASSIGN, &["assign", id, "--to", "li.na"]);
    assert_eq!(
        err,
        "error: `li.na` is not an engineer\nhint: 8.2: assign people whose roles include \"engineer\"\n"
    );
    let err = refused(
        &ws,
        &case,
        T_ASSIGN,
        &["assign", id, "--to", "wang.qiang", "--to", "wang.qaing.x"],
    );
    assert_eq!(
        error_line(&err),
        "error: `wang.qaing.x` is not in people.toml"
    );
    // Sales assigns only its own people (5.2.1).
    ws.act_as("chen.jie");
    let err = refused(&ws, &case, T_ASSIGN, &["assign", id, "--to", "wang.qiang"]);
    assert_eq!(
        err,
        "error: `wang.qiang` is not sales staff; Sales assigns its own people (5.2.1)\nhint: the CSC assigns other engineers\n"
    );

    ws.advance(&case, Stage::Accepted, Stage::PendingApproval, "wang.qiang");
    ws.act_as("li.na");
    let err = refused(&ws, &case, T_APPROVE, &["reject", id]);
    assert_eq!(
        err,
        "error: reject needs a reason\nhint: give it with --reason \"…\"\n"
    );
}

#[test]
fn an_unknown_person_is_refused_and_no_identity_is_an_environment_error() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Requested, "wang.qiang");
    let id = case.id.as_str();
    ws.act_as("stranger");
    let err = refused(&ws, &case, T_ACCEPT, &["accept", id, "--fee", "warranty"]);
    assert_eq!(
        err,
        "error: nobody in people.toml has the e-mail stranger@example.com\nhint: ask an admin to add you to people.toml, or set git's user.email to the e-mail listed there\n"
    );
    ws.git(&["config", "--unset", "user.email"]);
    let err = refused_with(
        &ws,
        &case,
        T_ACCEPT,
        &["accept", id, "--fee", "warranty"],
        3,
    );
    assert_eq!(
        err,
        "error: git has no user.email here, so svc cannot tell who is acting\nhint: git config user.email you@example.com (the e-mail of your entry in people.toml)\n"
    );
    let out = ws.svc(
        T_ACCEPT,
        &["new", "--customer", "example-customer", "--fault", "x"],
    );
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let out = ws.svc(T_ACCEPT, &["status"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    // The e-mail is matched whatever its case, as git compares e-mail addresses.
    ws.git(&["config", "user.email", "Zhao.Min@Example.com"]);
    ws.ok(T_ACCEPT, &["accept", id, "--fee", "warranty"]);
    assert_eq!(ws.state(&case), "accepted");
}

#[test]
fn the_acting_person_is_the_one_git_itself_reads() {
    let ws = Ws::init();
    let home = ws.root().parent().unwrap().join("home");
    std::fs::write(
        home.join(".gitconfig"),
        "[user]\n\temail = li.na@example.com\n",
    )
    .unwrap();
    let global = ws.root().parent().unwrap().join("global.gitconfig");
    std::fs::write(&global, "[user]\n\temail = zhao.min@example.com\n").unwrap();
    let git = ws
        .git_command()
        .env("GIT_CONFIG_GLOBAL", &global)
        .args(["config", "user.email"])
        .output()
        .unwrap();
    assert_eq!(stdout(&git), "zhao.min@example.com\n", "git's user.email");
    let out = ws
        .command(T_LATER)
        .env("GIT_CONFIG_GLOBAL", &global)
        .args(["--json", "status"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["person"], "zhao.min");
}

/// svc as a person whose environment asks for Chinese.
fn in_chinese(ws: &Ws, args: &[&str]) -> std::process::Output {
    ws.command(T_LATER)
        .env("LANG", "zh_CN.UTF-8")
        .args(args)
        .output()
        .expect("run svc")
}

#[test]
fn a_person_whose_environment_asks_for_chinese_is_refused_and_helped_in_chinese() {
    let ws = Ws::init();
    let case = ws.new_case();
    let id = case.id.as_str();
    ws.act_as("wang.qiang");
    let out = in_chinese(&ws, &["accept", id, "--fee", "warranty"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!(
            "错误: wang.qiang 不能对服务单 {id} 执行 accept（需要角色 csc）\n提示: 角色登记在 people.toml 中，由管理员修改\n"
        )
    );
    // The same refusal in English when the command line asks for it.
    let out = in_chinese(&ws, &["--locale", "en", "accept", id, "--fee", "warranty"]);
    assert!(
        stderr(&out).starts_with(&format!("error: wang.qiang may not accept case {id}")),
        "{}",
        stderr(&out)
    );

    let help = in_chinese(&ws, &["--help"]);
    let text = stdout(&help);
    assert!(help.status.success(), "{}", stderr(&help));
    assert!(text.starts_with("在 git 管理的表单文件夹上执行"), "{text}");
    assert!(text.contains("用法: svc"), "{text}");
    assert!(text.contains("\n命令:\n"), "{text}");
    assert!(text.contains("\n全局选项:\n"), "{text}");

    let help = in_chinese(&ws, &["approve", "--help"]);
    let text = stdout(&help);
    assert!(text.contains("用法: svc approve"), "{text}");
    // The options every command takes come once, in their own section after the command's.
    let own = text.find("\n选项:\n").expect("its own options");
    let global = text.find("\n全局选项:\n").expect("the global options");
    assert!(own < global, "{text}");
    assert_eq!(text.matches("--json").count(), 1, "{text}");
    assert!(text[global..].contains("--locale"), "{text}");
    assert!(!text[..global].contains("--quiet"), "{text}");
    assert!(!text.contains("Print help"), "no English left: {text}");
}

#[test]
fn a_steps_options_are_refused_in_the_persons_language() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Accepted, "wang.qiang");
    let id = case.id.as_str();
    ws.act_as("zhao.min");
    let head = ws.head();
    // (arguments, the refusal in Chinese, the same in English)
    let refusals = [
        (
            vec!["assign", id, "--to", "li.na"],
            "错误: `li.na` 不是现场服务人员\n提示: 8.2：只能指派角色中包含 \"engineer\" 的人员\n",
            "error: `li.na` is not an engineer\nhint: 8.2: assign people whose roles include \"engineer\"\n",
        ),
        (
            vec!["cancel", id, "--reason", "客户\u{7}撤销"],
            "错误: 理由中含有控制字符或不可见字符 \\u{7}，svc 不予记录\n提示: 请把理由写成纯文本\n",
            "error: the reason holds the control or invisible character \\u{7}, which svc does not record\nhint: write the reason as plain text\n",
        ),
        (
            vec!["new", "--customer", "nobody", "--fault", "打印机不出纸"],
            "错误: 客户 `nobody` 没有文件 customers/nobody.toml\n提示: 请先添加该客户的文件\n",
            "error: customer `nobody` has no file customers/nobody.toml\nhint: add the customer's file first\n",
        ),
    ];
    for (args, chinese, english) in &refusals {
        let out = in_chinese(&ws, args);
        assert_eq!(code(&out), 1, "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), *chinese, "{args:?}");
        let out = ws.svc(T_LATER, args);
        assert_eq!(code(&out), 1, "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), *english, "{args:?}");
    }

    assert_eq!(ws.head(), head, "nothing was recorded");
    assert_eq!(ws.state(&case), "accepted");
}
