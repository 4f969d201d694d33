//! `svc edit CASE FORM`: a missing form is scaffolded with bilingual comments and what svc
//! knows, opened in the person's editor, validated on save; an untouched scaffold is not
//! kept; errors make svc offer to reopen the editor (and, without a terminal, exit 1).

use super::{Stage, T_LATER, Ws, code};
use crate::common::{stderr, stdout};
use std::os::unix::fs::PermissionsExt;

/// An "editor": a script that does to the file what a person would.
fn editor(ws: &Ws, name: &str, body: &str) -> String {
    let path = ws.root().join(format!("../{name}.sh"));
    std::fs::write(&path, format!("#!/bin/sh\nset -e\nf=\"$1\"\n{body}\n"))
        .expect("write the editor");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
        .expect("make it executable");
    path.canonicalize()
        .expect("the editor's path")
        .display()
        .to_string()
}

fn edit(ws: &Ws, editor: &str, args: &[&str]) -> std::process::Output {
    ws.command(T_LATER)
        .env("EDITOR", editor)
        .args(["edit"])
        .args(args)
        .output()
        .expect("run svc edit")
}

#[test]
fn a_missing_task_sheet_is_scaffolded_with_what_svc_knows_and_kept_once_filled_in() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Assigned, "wang.qiang");
    ws.act_as("wang.qiang");
    // The person fills in the scaffold: the fault in detail and the customer's situation.
    let fill = editor(
        &ws,
        "fill",
        r#"cp "$f" "$f.seen"
sed -i 's/^customer_situation = ""/customer_situation = "天河机房"/; s/^fault_detail = ""/fault_detail = "PON 口告警"/; s/^tasks = \[\]/tasks = ["更换光模块"]/' "$f""#,
    );
    let out = edit(&ws, &fill, &[&case.id, "task-sheet"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let sheet = ws.read(&case.file("task-sheet.toml"));
    let seen = ws.read(&case.file("task-sheet.toml.seen"));
    // The scaffold: bilingual comments, the preparer, the assignees and the case's site.
    assert!(
        seen.contains("客户服务任务书 · Customer service task sheet (8.3)"),
        "{seen}"
    );
    assert!(seen.contains("# 故障详情 · the fault in detail"), "{seen}");
    assert!(seen.contains("prepared_by = \"wang.qiang\""), "{seen}");
    assert!(seen.contains("engineers = [\"wang.qiang\"]"), "{seen}");
    assert!(seen.contains("sites = [\"gz-main\"]"), "{seen}");
    assert!(sheet.contains("fault_detail = \"PON 口告警\""), "{sheet}");
    assert!(stderr(&out).contains("is valid"), "{}", stderr(&out));
    // Not committed by edit: it goes with the next step.
    assert!(
        ws.porcelain().contains("task-sheet.toml"),
        "{}",
        ws.porcelain()
    );
}

#[test]
fn an_untouched_scaffold_is_not_kept() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Assigned, "wang.qiang");
    ws.act_as("wang.qiang");
    let nothing = editor(&ws, "nothing", "true");
    let out = edit(&ws, &nothing, &[&case.id, "summary"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(!ws.exists(&case.file("summary.toml")));
    assert!(
        stderr(&out).contains("nothing was kept"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn errors_on_save_are_shown_and_without_a_terminal_exit_1_keeping_the_file() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Assigned, "wang.qiang");
    ws.act_as("wang.qiang");
    let typo = editor(
        &ws,
        "typo",
        r#"sed -i 's/^outcome = "resolved"/outcome = "resolvd"/' "$f""#,
    );
    let out = edit(&ws, &typo, &[&case.id, "summary"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("summary.toml"), "{err}");
    assert!(
        err.contains("error[schema]: unknown outcome \"resolvd\""),
        "{err}"
    );
    assert!(err.contains("did you mean \"resolved\"?"), "{err}");
    // The person's work is kept for them to fix.
    assert!(
        ws.read(&case.file("summary.toml"))
            .contains("outcome = \"resolvd\"")
    );
}

#[test]
fn an_existing_form_is_opened_as_it_is_and_a_visit_is_chosen_by_site() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::OnSite, "wang.qiang");
    ws.act_as("wang.qiang");
    // The engineer records the visit: symptoms, when they left, the customer's confirmation.
    let record = editor(
        &ws,
        "record",
        r#"cp "$f" "$f.seen"
sed -i 's/^symptoms = ""/symptoms = "告警"/; s/^arrived_at = .*/arrived_at = 2026-11-04T13:00:00+08:00/; s/^left_at = .*/left_at = 2026-11-04T17:00:00+08:00/' "$f"
printf '\n[confirmation]\nname = "黄工"\ndate = 2026-11-04\n' >> "$f""#,
    );
    let out = edit(&ws, &record, &[&case.id, "visit", "--site", "gz-main"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let path = case.file("visits/01-gz-main.toml");
    let seen = ws.read(&format!("{path}.seen"));
    assert!(seen.contains("site = \"gz-main\""), "{seen}");
    assert!(seen.contains("engineers = [\"wang.qiang\"]"), "{seen}");
    assert!(
        seen.contains("products = [\"NT3600-2025-00001\"]"),
        "{seen}"
    );
    // Opened again: the same file, not a second record.
    let look = editor(&ws, "look", r#"cp "$f" "$f.again""#);
    let out = edit(&ws, &look, &[&case.id, "visit", "--site", "gz-main"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(ws.exists(&format!("{path}.again")));
    assert!(!ws.exists(&case.file("visits/02-gz-main.toml")));
}

#[test]
fn an_unknown_form_is_a_usage_error() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Assigned, "wang.qiang");
    let out = edit(&ws, "true", &[&case.id, "tasksheet"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out)
            .contains("the forms are request, task-sheet, visit, fees, travel-log, summary"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_hangzhou_travel_log_scaffold_leaves_from_hangzhou_in_the_workspace_time_zone() {
    let ws = Ws::init();
    // A Hangzhou company: the admin changes the home city, committed as shared files are.
    ws.edit("svc.toml", "home_city = \"深圳\"", "home_city = \"杭州\"");
    ws.git(&["add", "svc.toml"]);
    ws.git_commit_as("zhao.min", "Hangzhou");
    let case = ws.case_at(Stage::Serviced, "wang.qiang");
    ws.act_as("wang.qiang");
    let keep = editor(&ws, "keep", r#"cp "$f" "$f.seen""#);
    let _ = edit(&ws, &keep, &[&case.id, "travel-log"]);
    let seen = ws.read(&case.file("travel-log.yaml.seen"));
    assert!(seen.contains("from: \"杭州\""), "{seen}");
    assert!(
        seen.contains("# 返回杭州时间 · arrival back in 杭州 (7.8)"),
        "{seen}"
    );
    assert!(!seen.contains("深圳"), "nothing assumes Shenzhen: {seen}");
    assert!(seen.contains("T18:00:00+08:00"), "{seen}");
}
