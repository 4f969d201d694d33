//! Class 2: the records of a reviewed case, and of an archived or cancelled one, are
//! frozen: a visit record, the fee list, the travel log, the summary, the request or an
//! attachment changed afterwards is caught, whoever changes it — even with an archive
//! step that looks like svc's.

use super::*;

/// What `svc check` says of the frozen records `paths` of a case in `state`, changed by `who`.
fn frozen(case: &Case, state: &str, paths: &str, who: &str) -> String {
    format!(
        "case {} is {state}: its records are frozen, but {paths} changed (by {who})",
        case.id
    )
}

/// Commit the work tree with plain git as `person`; `svc check` must report exactly that
/// the case's `paths` changed, at the case's case.toml.
fn changed_and_caught(ws: &Ws, case: &Case, person: &str, state: &str, paths: &str) {
    ws.git(&["add", "-A"]);
    let forged = ws.git_commit_as(person, "更正记录");
    let findings = caught(
        ws,
        &forged,
        &[format!(
            "commit {}: {}",
            short(&forged),
            frozen(case, state, paths, person)
        )],
    );
    assert_eq!(files(&findings, &forged), vec![case.file("case.toml")]);
}

#[test]
fn a_visit_record_changed_after_the_review_is_caught() {
    let ws = Ws::init();
    let case = case_with_records(&ws, Stage::Reviewed);
    ws.edit(
        &case.file("visits/01-gz-main.toml"),
        "cause = \"product-defect\"",
        "cause = \"misuse\"",
    );
    changed_and_caught(
        &ws,
        &case,
        "wang.qiang",
        "reviewed",
        "visits/01-gz-main.toml",
    );
}

#[test]
fn a_fee_list_changed_after_the_review_is_caught() {
    let ws = Ws::init();
    let case = case_with_records(&ws, Stage::Reviewed);
    ws.edit(
        &case.file("fees.toml"),
        "name = \"黄工\"",
        "name = \"黄主管\"",
    );
    changed_and_caught(&ws, &case, "wang.qiang", "reviewed", "fees.toml");
}

#[test]
fn a_travel_log_changed_after_the_review_is_caught() {
    let ws = Ws::init();
    let case = case_with_records(&ws, Stage::Reviewed);
    ws.edit(
        &case.file("travel-log.yaml"),
        "cost: \"780.00\"",
        "cost: \"1780.00\"",
    );
    changed_and_caught(&ws, &case, "wang.qiang", "reviewed", "travel-log.yaml");
}

#[test]
fn a_summary_changed_after_the_review_is_caught_even_from_the_csc() {
    // The reviewer herself may not touch what she reviewed.
    let ws = Ws::init();
    let case = case_with_records(&ws, Stage::Reviewed);
    ws.edit(
        &case.file("summary.toml"),
        "satisfaction = 5",
        "satisfaction = 3",
    );
    changed_and_caught(&ws, &case, "zhao.min", "reviewed", "summary.toml");
}

#[test]
fn a_request_changed_after_the_review_is_caught() {
    let ws = Ws::init();
    let case = case_with_records(&ws, Stage::Reviewed);
    ws.edit(
        &case.file("request.toml"),
        "tried_by_phone = \"\"",
        "tried_by_phone = \"重启无效\"",
    );
    changed_and_caught(&ws, &case, "zhao.min", "reviewed", "request.toml");
}

#[test]
fn an_attachment_replaced_after_the_review_is_caught() {
    // Not a form, but a record all the same: the photo of the part as found.
    let ws = Ws::init();
    let case = case_with_records(&ws, Stage::Reviewed);
    std::fs::write(
        ws.root().join(case.file("attachments/photo.jpg")),
        b"\xff\xd8\xff\xe0 another module\xff\xd9",
    )
    .expect("write the photo");
    changed_and_caught(
        &ws,
        &case,
        "wang.qiang",
        "reviewed",
        "attachments/photo.jpg",
    );
}

#[test]
fn records_of_an_archived_case_changed_together_are_all_named() {
    let ws = Ws::init();
    let case = case_with_records(&ws, Stage::Archived);
    ws.edit(
        &case.file("summary.toml"),
        "root_cause = \"电源模块故障\"",
        "root_cause = \"客户误操作\"",
    );
    ws.edit(
        &case.file("visits/01-gz-main.toml"),
        "resolved = true",
        "resolved = false",
    );
    changed_and_caught(
        &ws,
        &case,
        "wang.qiang",
        "archived",
        "summary.toml, visits/01-gz-main.toml",
    );
}

#[test]
fn an_attachment_added_to_an_archived_case_is_caught() {
    let ws = Ws::init();
    let case = case_with_records(&ws, Stage::Archived);
    let invoice = ws.root().join(case.file("attachments/invoice.pdf"));
    std::fs::write(&invoice, b"%PDF-1.4 an invoice never shown to the reviewer").expect("write");
    changed_and_caught(
        &ws,
        &case,
        "zhao.min",
        "archived",
        "attachments/invoice.pdf",
    );
}

#[test]
fn the_request_of_a_cancelled_case_changed_is_caught() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Assigned, "wang.qiang");
    ws.act_as("zhao.min");
    ws.ok(
        T_SUBMIT,
        &["cancel", &case.id, "--reason", "客户已自行修复"],
    );
    ws.edit(
        &case.file("request.toml"),
        "OLT 电源告警",
        "OLT 电源告警(误报)",
    );
    changed_and_caught(&ws, &case, "zhao.min", "cancelled", "request.toml");
}

#[test]
fn an_archive_step_that_also_changes_the_summary_is_caught() {
    // svc's own archive step, amended with plain git to carry a summary change: the archive
    // step moves a reviewed case only when it changes case.toml alone.
    let ws = Ws::init();
    let case = case_with_records(&ws, Stage::Archived);
    ws.edit(
        &case.file("summary.toml"),
        "satisfaction = 5",
        "satisfaction = 4",
    );
    ws.git(&["add", "-A"]);
    let forged = amend(&ws, "zhao.min", None);
    assert!(
        ws.git(&["show", "-s", "--format=%B", &forged])
            .contains("Svc-Action: archive"),
        "the step's message is kept"
    );
    caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: {}",
            short(&forged),
            frozen(&case, "reviewed", "case.toml, summary.toml", "zhao.min")
        )],
    );
}
