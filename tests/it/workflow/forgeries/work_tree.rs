//! Class 8: a step acts on the case as committed. A case.toml edited by hand in the work
//! tree (a state and an approval written in, another assignee, a comment), staged, or
//! deleted is never committed as if a step had made it: the step is refused, saying what
//! differs, and nothing is committed; restored, the case takes its real steps and passes.

use super::*;

/// The refusal of a step on a case whose case.toml is not as committed.
fn not_as_committed(case: &Case, differences: &str) -> String {
    format!(
        "error: {} is not as last committed ({differences}): svc owns this file, and a step acts on the case as committed",
        case.file("case.toml")
    )
}

/// The hint that comes with it.
fn restore_hint(case: &Case) -> String {
    format!(
        "hint: nothing was changed; `git restore --staged --worktree -- {}` brings back the committed case.toml (the forms beside it are yours to edit)",
        case.file("case.toml")
    )
}

/// A review by zhao.min written into case.toml by hand: the state and an approval.
fn write_review(ws: &Ws, case: &Case) {
    let file = case.file("case.toml");
    ws.edit(&file, "state = \"pending-review\"", "state = \"reviewed\"");
    let text = ws.read(&file);
    ws.write(
        &file,
        &format!(
            "{text}\n[[approvals]]\nkind = \"review\"\nby = \"zhao.min\"\nrole = \"csc\"\nat = {T_REVIEW}\n"
        ),
    );
}

#[test]
fn a_review_written_by_hand_is_not_archived() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::PendingReview, "wang.qiang");
    write_review(&ws, &case);
    ws.act_as("zhao.min");
    let err = refused(&ws, &case, T_ARCHIVE, &["archive", &case.id]);
    assert_eq!(
        error_line(&err),
        not_as_committed(&case, "approvals, state")
    );
    assert_eq!(hint_lines(&err), vec![restore_hint(&case).as_str()]);
    assert_eq!(
        ws.git(&["log", "-1", "--format=%s"]).trim(),
        format!("submit {}: serviced -> pending-review", case.id)
    );
    // Restored as the hint says, the case is reviewed and archived with svc, and passes.
    ws.git(&[
        "restore",
        "--staged",
        "--worktree",
        "--",
        &case.file("case.toml"),
    ]);
    ws.ok(T_REVIEW, &["approve", &case.id]);
    ws.ok(T_ARCHIVE, &["archive", &case.id]);
    assert_eq!(ws.state(&case), "archived");
    passes(&ws);
}

#[test]
fn a_review_staged_by_hand_is_refused_too() {
    // The work tree put back as committed, but the forged version staged.
    let ws = Ws::init();
    let case = ws.case_at(Stage::PendingReview, "wang.qiang");
    let committed = ws.read(&case.file("case.toml"));
    write_review(&ws, &case);
    ws.git(&["add", &case.file("case.toml")]);
    ws.write(&case.file("case.toml"), &committed);
    ws.act_as("zhao.min");
    let err = refused(&ws, &case, T_ARCHIVE, &["archive", &case.id]);
    assert_eq!(
        error_line(&err),
        not_as_committed(&case, "a different version is staged")
    );
}

#[test]
fn an_assignee_written_in_by_hand_is_not_submitted() {
    let ws = Ws::with_staff();
    let case = ws.case_at(Stage::SheetWritten, "wang.qiang");
    ws.edit(
        &case.file("case.toml"),
        "assignees = [\"wang.qiang\"]",
        "assignees = [\"wang.qiang\", \"ma.lin\"]",
    );
    ws.act_as("wang.qiang");
    let err = refused(&ws, &case, T_SUBMIT, &["submit", &case.id]);
    assert_eq!(error_line(&err), not_as_committed(&case, "assignees"));
}

#[test]
fn a_comment_edited_in_case_toml_is_refused() {
    // Even a change that means nothing: svc owns the file's text.
    let ws = Ws::init();
    let case = ws.case_at(Stage::Accepted, "wang.qiang");
    let text = ws.read(&case.file("case.toml"));
    ws.write(&case.file("case.toml"), &format!("# 加急\n{text}"));
    ws.act_as("zhao.min");
    let err = refused(
        &ws,
        &case,
        T_ASSIGN,
        &["assign", &case.id, "--to", "wang.qiang"],
    );
    assert_eq!(
        error_line(&err),
        not_as_committed(&case, "its text was edited")
    );
}

#[test]
fn a_deleted_case_toml_is_refused() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Accepted, "wang.qiang");
    std::fs::remove_file(ws.root().join(case.file("case.toml"))).expect("remove case.toml");
    let head = ws.head();
    let status = ws.porcelain();
    ws.act_as("zhao.min");
    let out = ws.svc(T_ASSIGN, &["assign", &case.id, "--to", "wang.qiang"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    let err = stderr(&out);
    assert_eq!(error_line(&err), not_as_committed(&case, "it was deleted"));
    assert_eq!(ws.head(), head, "nothing committed");
    assert_eq!(ws.porcelain(), status, "the work tree as it was");
    assert!(!ws.exists(&case.file("case.toml")));
}
