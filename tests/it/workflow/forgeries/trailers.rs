//! Class 9: trailers. svc reads a step from the trailer block of its commit's message (the
//! last paragraph, each `Svc-*` key once), and never lets a person's text make one: a note,
//! a reason or a fault with a line that reads as a trailer, or with an escape character,
//! is refused. Trailer lines where git reads none — in a message's body — make no step:
//! not in `svc log`, and a case.toml changed so is a commit svc did not make; trailers of
//! one case on a commit of another are a step outside its case.

use super::*;

/// The refusal of text holding a trailer-like line.
fn reads_as_trailer(what: &str, line: &str) -> String {
    format!("error: the {what} holds the line `{line}`, which reads as one of svc's own trailers")
}

#[test]
fn a_note_with_another_cases_trailer_is_refused() {
    let ws = Ws::init();
    let other = ws.case_at(Stage::PendingApproval, "wang.qiang");
    let case = ws.case_at(Stage::PendingApproval, "wang.qiang");
    ws.act_as("li.na");
    let note = format!("同意\nSvc-Case: {}", other.id);
    let err = refused(
        &ws,
        &case,
        T_APPROVE,
        &["approve", &case.id, "--note", &note],
    );
    assert_eq!(
        error_line(&err),
        reads_as_trailer("note", &format!("Svc-Case: {}", other.id))
    );
    assert_eq!(
        hint_lines(&err),
        vec!["hint: svc writes the Svc-… lines of a step itself; reword that line"]
    );
    assert_eq!(ws.state(&case), "pending-approval");
}

#[test]
fn a_trailer_line_indented_or_in_lower_case_is_refused_too() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::PendingApproval, "wang.qiang");
    ws.act_as("li.na");
    for line in ["  Svc-To: approved", "svc-actor: li.na"] {
        let note = format!("同意\n{line}\n谢谢");
        let err = refused(
            &ws,
            &case,
            T_APPROVE,
            &["approve", &case.id, "--note", &note],
        );
        assert_eq!(error_line(&err), reads_as_trailer("note", line.trim()));
    }
}

#[test]
fn a_note_with_an_escape_character_is_refused() {
    // ESC would let the note repaint a terminal running svc log.
    let ws = Ws::init();
    let case = ws.case_at(Stage::PendingApproval, "wang.qiang");
    ws.act_as("li.na");
    let err = refused(
        &ws,
        &case,
        T_APPROVE,
        &["approve", &case.id, "--note", "同意\u{1b}[2K\u{1b}[1A"],
    );
    assert_eq!(
        error_line(&err),
        "error: the note holds the control or invisible character \\u{1b}, which svc does not record"
    );
    assert_eq!(hint_lines(&err), vec!["hint: write the note as plain text"]);
}

#[test]
fn a_rejection_reason_that_reads_as_a_trailer_is_refused() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::PendingApproval, "wang.qiang");
    ws.act_as("li.na");
    let err = refused(
        &ws,
        &case,
        T_APPROVE,
        &[
            "reject",
            &case.id,
            "--reason",
            "任务不清楚\nSvc-To: approved",
        ],
    );
    assert_eq!(
        error_line(&err),
        reads_as_trailer("reason", "Svc-To: approved")
    );
}

#[test]
fn a_fault_that_reads_as_a_trailer_opens_no_case() {
    let ws = Ws::init();
    ws.act_as("zhao.min");
    let head = ws.head();
    let out = ws.svc(
        T_NEW,
        &[
            "new",
            "--customer",
            "example-customer",
            "--fault",
            "电源告警\nSvc-Action: approve",
        ],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    assert_eq!(
        error_line(&stderr(&out)),
        reads_as_trailer("fault", "Svc-Action: approve")
    );
    assert_eq!(ws.head(), head, "nothing committed");
    assert_eq!(ws.porcelain(), "", "no case folder written");
}

/// Trailer lines for `case` in the body of a message whose last paragraph is a plain
/// sentence: git reads no trailers there.
fn body_trailers(case: &Case) -> String {
    format!(
        "补录审批\n\nSvc-Case: {id}\nSvc-Action: approve\nSvc-From: pending-approval\nSvc-To: approved\nSvc-Actor: li.na\n\n李娜电话里同意了。\n",
        id = case.id
    )
}

#[test]
fn trailer_lines_in_a_body_make_no_step_in_the_log() {
    // A form of one case edited, the message dressed with another case's step in its body.
    let ws = Ws::init();
    let other = ws.case_at(Stage::PendingApproval, "wang.qiang");
    let case = ws.new_case_at(T_ACCEPT, "光口闪断");
    ws.edit(
        &case.file("request.toml"),
        "tried_by_phone = \"\"",
        "tried_by_phone = \"重启无效\"",
    );
    ws.git(&["add", "-A"]);
    let commit = ws.git_commit_as("zhao.min", &body_trailers(&other));
    assert_eq!(
        ws.git(&[
            "log",
            "-1",
            "--format=%(trailers:key=Svc-Case,valueonly)",
            &commit
        ])
        .trim(),
        "",
        "git reads no trailers either"
    );
    let logged: Vec<String> = steps(&ws, &other).into_iter().map(|(a, _)| a).collect();
    assert_eq!(logged, ["new", "accept", "assign", "submit"]);
    // A plain form edit of the one case it changes: no step, no forgery.
    passes(&ws);
}

#[test]
fn a_case_toml_changed_under_trailer_lines_in_the_body_is_a_commit_svc_did_not_make() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::PendingApproval, "wang.qiang");
    forge_signature(&ws, &case, "li.na", "lead", T_APPROVE);
    ws.git(&["add", "-A"]);
    let forged = ws.git_commit_at("li.na", &body_trailers(&case), T_APPROVE);
    let logged: Vec<String> = steps(&ws, &case).into_iter().map(|(a, _)| a).collect();
    assert_eq!(logged, ["new", "accept", "assign", "submit"]);
    let findings = caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: case.toml's state changed from pending-approval to approved in a commit svc did not make",
            short(&forged)
        )],
    );
    assert_eq!(files(&findings, &forged), vec![case.file("case.toml")]);
}

#[test]
fn a_trailer_given_twice_makes_no_step() {
    // Two Svc-Case lines in the trailer block: which case would it be? Neither.
    let ws = Ws::init();
    let other = ws.new_case_at(T_NEW, "光口闪断");
    let case = ws.case_at(Stage::PendingApproval, "wang.qiang");
    forge_signature(&ws, &case, "li.na", "lead", T_APPROVE);
    ws.git(&["add", "-A"]);
    let message = format!(
        "{}Svc-Case: {}\n",
        svc_message("approve", &case.id, "pending-approval", "approved", "li.na"),
        other.id
    );
    let forged = ws.git_commit_at("li.na", &message, T_APPROVE);
    for c in [&case, &other] {
        assert!(
            !steps(&ws, c).iter().any(|(a, _)| a == "approve"),
            "{} logs the commit",
            c.id
        );
    }
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
fn trailers_of_one_case_on_a_commit_of_another_are_caught() {
    // The log of the case the trailers name shows the step; svc check says what it is.
    let ws = Ws::init();
    let named = ws.case_at(Stage::PendingApproval, "wang.qiang");
    let changed = ws.new_case_at(T_ACCEPT, "光口闪断");
    ws.edit(
        &changed.file("request.toml"),
        "tried_by_phone = \"\"",
        "tried_by_phone = \"重启无效\"",
    );
    ws.git(&["add", "-A"]);
    let forged = ws.git_commit_at(
        "li.na",
        &svc_message(
            "approve",
            &named.id,
            "pending-approval",
            "approved",
            "li.na",
        ),
        T_APPROVE,
    );
    assert_eq!(
        steps(&ws, &named).last(),
        Some(&("approve".to_string(), "li.na".to_string()))
    );
    let findings = caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: a step on case {} also changes {}: a step's commit holds its own case's folder only",
            short(&forged),
            named.id,
            changed.file("request.toml")
        )],
    );
    assert_eq!(
        files(&findings, &forged),
        vec![changed.file("request.toml")]
    );
}
