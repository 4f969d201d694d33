//! Class 3: nothing vanishes. A case folder deleted (archived, on site, just requested),
//! its case.toml removed, the folder renamed, or a form the case's state rests on removed
//! (the signed task sheet of an approved case, the visit record of a serviced one, the
//! summary of one handed in) is caught; a form the state does not need yet may go.

use super::*;

/// What `svc check` says of a case deleted by `who`.
fn deleted(case: &Case, who: &str) -> String {
    format!(
        "case {}: the case was deleted (by {who}); no step of the procedure removes a case",
        case.id
    )
}

/// Remove `paths` with `git rm -r` and commit as `person`. Returns the commit.
fn remove(ws: &Ws, person: &str, paths: &[&str]) -> String {
    let mut args = vec!["rm", "-q", "-r"];
    args.extend_from_slice(paths);
    ws.git(&args);
    ws.git_commit_as(person, "清理")
}

#[test]
fn an_archived_case_deleted_is_caught() {
    let ws = Ws::init();
    let case = case_with_records(&ws, Stage::Archived);
    let forged = remove(&ws, "zhao.min", &[&case.dir]);
    let findings = caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: {}",
            short(&forged),
            deleted(&case, "zhao.min")
        )],
    );
    assert_eq!(files(&findings, &forged), vec![case.file("case.toml")]);
}

#[test]
fn a_case_deleted_while_on_site_is_caught() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::OnSite, "wang.qiang");
    let forged = remove(&ws, "wang.qiang", &[&case.dir]);
    caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: {}",
            short(&forged),
            deleted(&case, "wang.qiang")
        )],
    );
}

#[test]
fn a_case_deleted_the_day_it_was_opened_is_caught() {
    // A request is a record too: a mistaken one is cancelled, never deleted.
    let ws = Ws::init();
    let case = ws.new_case();
    let forged = remove(&ws, "zhao.min", &[&case.dir]);
    caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: {}",
            short(&forged),
            deleted(&case, "zhao.min")
        )],
    );
}

#[test]
fn a_case_toml_removed_from_its_folder_is_caught() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Assigned, "wang.qiang");
    let forged = remove(&ws, "wang.qiang", &[&case.file("case.toml")]);
    assert!(ws.exists(&case.file("request.toml")));
    caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: case {}: its case.toml was removed (by wang.qiang); no step of the procedure removes a case",
            short(&forged),
            case.id
        )],
    );
}

#[test]
fn a_case_folder_renamed_is_a_case_deleted_and_one_made_by_hand() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Accepted, "wang.qiang");
    let renamed = Case {
        id: "SR-20261102-ZZZZZZ".into(),
        dir: "cases/2026/11/SR-20261102-ZZZZZZ".into(),
    };
    assert_ne!(case.id, renamed.id);
    ws.git(&["mv", &case.dir, &renamed.dir]);
    let forged = ws.git_commit_as("zhao.min", "改单号");
    let short = short(&forged);
    // Both folders are named in path order; the one gone is deleted, the new one was never
    // opened with svc new.
    let mut ids = [case.id.as_str(), renamed.id.as_str()];
    ids.sort();
    let gone = format!("commit {short}: {}", deleted(&case, "zhao.min"));
    let made = format!(
        "commit {short}: case.toml was written in a commit svc did not make: cases are opened with svc new"
    );
    let mut per_case = vec![(case.id.clone(), gone), (renamed.id.clone(), made)];
    per_case.sort();
    let mut expected = vec![format!(
        "commit {short}: one commit changes 2 cases: {}, {}",
        ids[0], ids[1]
    )];
    expected.extend(per_case.into_iter().map(|(_, m)| m));
    caught(&ws, &forged, &expected);
}

#[test]
fn the_signed_task_sheet_of_an_approved_case_removed_is_caught() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Approved, "wang.qiang");
    let sheet = case.file("task-sheet.toml");
    let forged = remove(&ws, "wang.qiang", &[&sheet]);
    let short = short(&forged);
    // Removed, and what li.na signed is gone with it: both are said.
    let findings = caught(
        &ws,
        &forged,
        &[
            format!(
                "commit {short}: task-sheet.toml was changed by wang.qiang after li.na's signature of 2026-11-03 09:00 (case {}): a change after a signature needs a new one",
                case.id
            ),
            format!(
                "commit {short}: task-sheet.toml was removed from case {}, which is approved and needs its task-sheet (by wang.qiang)",
                case.id
            ),
        ],
    );
    assert_eq!(files(&findings, &forged), vec![sheet.clone(), sheet]);
}

#[test]
fn the_visit_record_of_a_serviced_case_removed_is_caught() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Serviced, "wang.qiang");
    let record = case.file("visits/01-gz-main.toml");
    let forged = remove(&ws, "wang.qiang", &[&record]);
    let findings = caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: visits/01-gz-main.toml was removed from case {}, which is serviced and needs its visit (by wang.qiang)",
            short(&forged),
            case.id
        )],
    );
    assert_eq!(files(&findings, &forged), vec![record]);
}

#[test]
fn the_summary_of_a_case_handed_in_removed_is_caught() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::PendingReview, "wang.qiang");
    let forged = remove(&ws, "wang.qiang", &[&case.file("summary.toml")]);
    caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: summary.toml was removed from case {}, which is pending-review and needs its summary (by wang.qiang)",
            short(&forged),
            case.id
        )],
    );
}

#[test]
fn a_form_the_state_does_not_need_yet_may_be_removed() {
    let ws = Ws::init();
    // A draft task sheet of an assigned case, committed and then withdrawn.
    let assigned = ws.case_at(Stage::SheetWritten, "wang.qiang");
    ws.git(&["add", "-A"]);
    ws.git_commit_as("wang.qiang", "任务书草稿");
    remove(&ws, "wang.qiang", &[&assigned.file("task-sheet.toml")]);
    // A draft visit record of a case on site (the records are needed once serviced).
    let on_site = ws.case_at(Stage::OnSite, "wang.qiang");
    ws.write(
        &on_site.file("visits/01-gz-main.toml"),
        &visit("wang.qiang"),
    );
    ws.git(&["add", "-A"]);
    ws.git_commit_as("wang.qiang", "现场记录草稿");
    remove(
        &ws,
        "wang.qiang",
        &[&on_site.file("visits/01-gz-main.toml")],
    );
    assert!(!ws.exists(&assigned.file("task-sheet.toml")));
    passes(&ws);
}
