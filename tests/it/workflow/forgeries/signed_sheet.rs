//! Class 1: a task sheet changed after the CSC lead signed it. The signature covers the
//! sheet's content (its object id): a plain-git change afterwards is caught by `svc
//! check`, a tampered sheet stops `svc start`, and the legal way — `svc submit` sends the
//! changed sheet back for signature, the lead signs again — passes.

use super::*;

/// What `svc check` says of a sheet changed after li.na's signature at [`T_APPROVE`].
fn after_signature(sheet: &str, who: &str, case: &Case) -> String {
    format!(
        "{sheet} was changed by {who} after li.na's signature of 2026-11-03 09:00 (case {}): a change after a signature needs a new one",
        case.id
    )
}

/// Commit the work tree with plain git as `person`.
fn commit_all(ws: &Ws, person: &str, message: &str) -> String {
    ws.git(&["add", "-A"]);
    ws.git_commit_as(person, message)
}

#[test]
fn a_flight_leg_added_after_the_signature_is_caught() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Approved, "wang.qiang");
    let sheet = case.file("task-sheet.toml");
    // A second flight, never signed: the manager's approval (7.4) would name it otherwise.
    let text = ws.read(&sheet);
    ws.write(
        &sheet,
        &format!(
            "{text}\n[[legs]]\ndate = 2026-11-05\nfrom = \"广州\"\nto = \"佛山\"\nmode = \"flight\"\n"
        ),
    );
    let forged = commit_all(&ws, "wang.qiang", "加一段航班");
    let findings = caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: {}",
            short(&forged),
            after_signature("task-sheet.toml", "wang.qiang", &case)
        )],
    );
    assert_eq!(files(&findings, &forged), vec![sheet]);
}

#[test]
fn more_parts_after_the_signature_are_caught() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Approved, "wang.qiang");
    let sheet = case.file("task-sheet.toml");
    let text = ws.read(&sheet);
    ws.write(
        &sheet,
        &format!("{text}\n[[parts]]\ncode = \"P-PSU-48V\"\nqty = 3\n"),
    );
    let forged = commit_all(&ws, "wang.qiang", "多带几个电源模块");
    let findings = caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: {}",
            short(&forged),
            after_signature("task-sheet.toml", "wang.qiang", &case)
        )],
    );
    assert_eq!(files(&findings, &forged), vec![sheet]);
}

#[test]
fn other_tasks_written_by_the_signer_herself_are_caught() {
    // Not even the lead who signed may change what she signed without signing again.
    let ws = Ws::init();
    let case = ws.case_at(Stage::Approved, "wang.qiang");
    ws.edit(
        &case.file("task-sheet.toml"),
        "tasks = [\"更换电源模块\"]",
        "tasks = [\"更换电源模块\", \"升级主控板固件\"]",
    );
    let forged = commit_all(&ws, "li.na", "补充任务");
    caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: {}",
            short(&forged),
            after_signature("task-sheet.toml", "li.na", &case)
        )],
    );
}

#[test]
fn a_cash_advance_slipped_in_by_someone_outside_people_toml_names_the_email() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Approved, "wang.qiang");
    let sheet = case.file("task-sheet.toml");
    let text = ws.read(&sheet);
    ws.write(
        &sheet,
        &format!(
            "{text}\n[advance]\namount = \"5000.00\"\npurpose = \"差旅预支\"\nrequested_on = 2026-11-03\n"
        ),
    );
    ws.git(&["add", "-A"]);
    // Someone people.toml does not list is named by the e-mail the commit gives.
    let forged = commit_by_stranger(&ws, "外包人员", "temp@contractor.example", "预支");
    caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: {}",
            short(&forged),
            after_signature("task-sheet.toml", "temp@contractor.example", &case)
        )],
    );
}

#[test]
fn a_change_once_on_site_is_caught_too() {
    // The signature binds the sheet for the whole trip, not only until the start.
    let ws = Ws::init();
    let case = ws.case_at(Stage::OnSite, "wang.qiang");
    ws.edit(
        &case.file("task-sheet.toml"),
        "return_on = 2026-11-06",
        "return_on = 2026-11-09",
    );
    let forged = commit_all(&ws, "wang.qiang", "延期返回");
    caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: {}",
            short(&forged),
            after_signature("task-sheet.toml", "wang.qiang", &case)
        )],
    );
}

#[test]
fn the_sheet_rewritten_in_yaml_is_a_changed_sheet() {
    // Another syntax is another content: the signature covered task-sheet.toml's bytes.
    let ws = Ws::init();
    let case = ws.case_at(Stage::Approved, "wang.qiang");
    ws.git(&["rm", "-q", &case.file("task-sheet.toml")]);
    ws.write(
        &case.file("task-sheet.yaml"),
        "prepared_by: wang.qiang\nprepared_on: 2026-11-02\nengineers: [wang.qiang]\n\
         customer_situation: 天河机房,OLT 运行一年半\nfault_detail: 电源模块告警,部分 PON 口掉线\n\
         tasks: [更换电源模块]\nsites: [gz-main]\ndepart_on: 2026-11-04\nreturn_on: 2026-11-06\n\
         tools: [万用表]\nlegs:\n  - {date: 2026-11-04, from: 深圳, to: 广州, mode: flight}\n\
         \x20 - {date: 2026-11-06, from: 广州, to: 深圳, mode: train}\n",
    );
    let forged = commit_all(&ws, "wang.qiang", "任务书改用 YAML");
    let findings = caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: {}",
            short(&forged),
            after_signature("task-sheet.yaml", "wang.qiang", &case)
        )],
    );
    assert_eq!(
        files(&findings, &forged),
        vec![case.file("task-sheet.yaml")]
    );
}

#[test]
fn covers_rewritten_to_the_changed_sheet_are_a_hand_edit_of_case_toml() {
    // The forger also points the signature at the new content: then case.toml changed in a
    // commit svc did not make.
    let ws = Ws::init();
    let case = ws.case_at(Stage::Approved, "wang.qiang");
    let sheet = case.file("task-sheet.toml");
    let signed = blob_id(&ws, &sheet);
    ws.edit(
        &sheet,
        "tools = [\"万用表\"]",
        "tools = [\"万用表\", \"光功率计\"]",
    );
    let changed = blob_id(&ws, &sheet);
    ws.edit(&case.file("case.toml"), &signed, &changed);
    let forged = commit_all(&ws, "wang.qiang", "补充工具");
    let findings = caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: case.toml's approvals changed in a commit svc did not make",
            short(&forged)
        )],
    );
    assert_eq!(files(&findings, &forged), vec![case.file("case.toml")]);
}

#[test]
fn a_tampered_sheet_stops_svc_start() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::FlightApproved, "wang.qiang");
    let id = case.id.as_str();
    let toml = case.file("case.toml");
    ws.edit(
        &case.file("task-sheet.toml"),
        "tasks = [\"更换电源模块\"]",
        "tasks = [\"更换电源模块\", \"更换主控板\"]",
    );
    ws.act_as("wang.qiang");
    // Rule 7.2 on the case as it would be committed; nothing is committed, the edit stays.
    let err = refused(&ws, &case, T_START, &["start", id]);
    assert_eq!(
        err,
        format!(
            "{toml}:24:6: error[7.2]: task-sheet.toml changed after li.na's signature of 2026-11-03 09:00: the signature covers an earlier version\n\
             \x20  |\n\
             24 | by = \"li.na\"\n\
             \x20  |      ^^^^^^^\n\
             \x20 hint: a change after a signature needs a new one: `svc submit {id}` sends the task sheet back for signature, or restore the signed version\n\
             \n\
             error: cannot start case {id}: 1 rule error must be fixed first\n\
             hint: fix the findings above (svc validate shows them all), then try again\n"
        )
    );
    assert_eq!(ws.state(&case), "approved");
    assert_eq!(
        ws.porcelain(),
        format!(" M {}\n", case.file("task-sheet.toml"))
    );
}

#[test]
fn a_changed_sheet_goes_back_for_signature_and_then_passes() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::FlightApproved, "wang.qiang");
    let id = case.id.as_str();
    ws.edit(
        &case.file("task-sheet.toml"),
        "tasks = [\"更换电源模块\"]",
        "tasks = [\"更换电源模块\", \"更换主控板\"]",
    );
    // The legal way: submit the change (approved -> pending-approval, the old signature
    // dismissed), the lead signs it, then the trip starts.
    ws.act_as("wang.qiang");
    ws.ok("2026-11-03T11:00:00+08:00", &["submit", id]);
    assert_eq!(ws.state(&case), "pending-approval");
    ws.act_as("li.na");
    ws.ok("2026-11-03T12:00:00+08:00", &["approve", id]);
    assert_eq!(ws.state(&case), "approved");
    ws.act_as("wang.qiang");
    ws.ok(T_START, &["start", id]);
    assert_eq!(ws.state(&case), "on-site");
    let actions: Vec<String> = steps(&ws, &case).into_iter().map(|(a, _)| a).collect();
    assert_eq!(
        actions,
        [
            "new",
            "accept",
            "assign",
            "submit",
            "approve",
            "approve-flight",
            "submit",
            "approve",
            "start"
        ]
    );
    passes(&ws);
}
