//! Class 6: a step's commit holds its own case's folder only. One case's step amended
//! with plain git to carry another case's fee list, another case's frozen summary, a
//! customer's file or a note at the root is caught, every path outside named; svc itself
//! keeps what is staged for another case out of a step.

use super::*;

/// What `svc check` says of a step on `case` that also changes `paths`.
fn outside(case: &Case, paths: &str) -> String {
    format!(
        "a step on case {} also changes {paths}: a step's commit holds its own case's folder only",
        case.id
    )
}

/// A case on site, wang.qiang's check-in on it just taken (after every other step of the
/// test, whatever its case).
fn checked_in(ws: &Ws, case: &Case) -> String {
    ws.act_as("wang.qiang");
    ws.ok(
        "2026-11-10T20:00:00+08:00",
        &["checkin", &case.id, "--via", "phone"],
    );
    ws.head()
}

#[test]
fn a_check_in_that_rewrites_another_cases_fee_list_is_caught() {
    let ws = Ws::init();
    let a = ws.case_at(Stage::OnSite, "wang.qiang");
    let b = case_with_records(&ws, Stage::Serviced);
    checked_in(&ws, &a);
    ws.edit(
        &b.file("fees.toml"),
        "total = \"0.00\"",
        "total = \"1200.00\"",
    );
    ws.git(&["add", &b.file("fees.toml")]);
    let forged = amend(&ws, "wang.qiang", None);
    let findings = caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: {}",
            short(&forged),
            outside(&a, &b.file("fees.toml"))
        )],
    );
    assert_eq!(files(&findings, &forged), vec![b.file("fees.toml")]);
}

#[test]
fn a_step_that_changes_another_reviewed_case_is_caught_twice() {
    // Outside its case, and inside a frozen one.
    let ws = Ws::init();
    let a = ws.case_at(Stage::OnSite, "wang.qiang");
    let b = case_with_records(&ws, Stage::Reviewed);
    checked_in(&ws, &a);
    ws.edit(
        &b.file("summary.toml"),
        "outcome = \"resolved\"",
        "outcome = \"partly-resolved\"",
    );
    ws.git(&["add", &b.file("summary.toml")]);
    let forged = amend(&ws, "wang.qiang", None);
    let short = short(&forged);
    let findings = caught(
        &ws,
        &forged,
        &[
            format!(
                "commit {short}: case {} is reviewed: its records are frozen, but summary.toml changed (by wang.qiang)",
                b.id
            ),
            format!("commit {short}: {}", outside(&a, &b.file("summary.toml"))),
        ],
    );
    assert_eq!(
        files(&findings, &forged),
        vec![b.file("case.toml"), b.file("summary.toml")]
    );
}

#[test]
fn a_step_that_also_changes_a_customers_file_is_caught() {
    // zhao.min may change customers' files, but not inside a step of a case.
    let ws = Ws::init();
    let a = ws.case_at(Stage::Accepted, "wang.qiang");
    ws.edit(
        "customers/example-customer.toml",
        "warranty_end = 2028-02-29",
        "warranty_end = 2029-02-28",
    );
    ws.git(&["add", "-A"]);
    let forged = amend(&ws, "zhao.min", None);
    let findings = caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: {}",
            short(&forged),
            outside(&a, "customers/example-customer.toml")
        )],
    );
    assert_eq!(
        files(&findings, &forged),
        vec!["customers/example-customer.toml".to_string()]
    );
}

#[test]
fn every_path_outside_the_case_is_named() {
    let ws = Ws::init();
    let a = ws.case_at(Stage::OnSite, "wang.qiang");
    let b = ws.new_case_at(T_ACCEPT, "光口闪断");
    checked_in(&ws, &a);
    ws.edit(
        &b.file("request.toml"),
        "tried_by_phone = \"\"",
        "tried_by_phone = \"重启无效\"",
    );
    ws.write("notes.md", "王强的笔记\n");
    ws.git(&["add", "-A"]);
    let forged = amend(&ws, "wang.qiang", None);
    let findings = caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: {}",
            short(&forged),
            outside(&a, &format!("{}, notes.md", b.file("request.toml")))
        )],
    );
    // The finding is placed at the first of them.
    assert_eq!(files(&findings, &forged), vec![b.file("request.toml")]);
}

#[test]
fn what_is_staged_for_another_case_stays_out_of_a_step() {
    let ws = Ws::init();
    let a = ws.case_at(Stage::OnSite, "wang.qiang");
    let b = ws.new_case_at(T_ACCEPT, "光口闪断");
    ws.edit(
        &b.file("request.toml"),
        "tried_by_phone = \"\"",
        "tried_by_phone = \"重启无效\"",
    );
    ws.git(&["add", &b.file("request.toml")]);
    let step = checked_in(&ws, &a);
    assert_eq!(
        ws.git(&["show", "--name-only", "--format=", &step]),
        format!("{}\n", a.file("case.toml"))
    );
    assert_eq!(ws.porcelain(), format!("M  {}\n", b.file("request.toml")));
    passes(&ws);
    // Committed apart with plain git, the edit is a form edit like any other.
    ws.git_commit_as("zhao.min", "电话处理");
    passes(&ws);
}
