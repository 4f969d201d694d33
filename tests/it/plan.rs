//! Planned maintenance: `plans/<id>.toml`, `svc plan list | due | open`, rule 8.1-plan, and
//! the idempotence of `plan open` across two clones that sync.

use crate::common::{self, Fixture, stderr, stdout};
use crate::workflow::{T_LATER, T_NEW, Ws, code};
use serde_json::Value;

/// The starter's customer and its one OLT.
const UNIT: &str = "NT3600-2025-00001";

/// A quarterly plan on every NT-3600 OLT of the starter's customer, from 2026-02-05.
const QUARTERLY: &str = r#"id = "olt-quarterly"
title = "NT-3600 季度巡检"
customer = "example-customer"
model = "NT-3600 OLT"
rrule = "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=5"
start = 2026-08-05
task = "季度巡检：清洁风扇、检查光功率、备份配置"
engineer = "wang.qiang"
"#;

/// The starter workspace with `plan` committed by the admin as plans/<name>.toml.
fn with_plan(name: &str, plan: &str) -> Ws {
    let ws = Ws::init();
    add_plan(&ws, name, plan);
    ws
}

fn add_plan(ws: &Ws, name: &str, plan: &str) {
    ws.write(&format!("plans/{name}.toml"), plan);
    ws.git(&["add", "plans"]);
    ws.git_commit_as("zhao.min", "Add a maintenance plan");
    ws.act_as("zhao.min");
}

fn json(out: &str) -> Value {
    serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

/// The (date, status) of each occurrence `svc plan due --json` gives.
fn due(ws: &Ws, now: &str, within: &str) -> Vec<(String, String)> {
    let v = json(&ws.ok(now, &["--json", "plan", "due", "--within", within]));
    v["occurrences"]
        .as_array()
        .expect("occurrences")
        .iter()
        .map(|o| {
            (
                o["date"].as_str().unwrap_or_default().to_owned(),
                o["status"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn occurrences_monthly_quarterly_and_with_an_end_date() {
    // Quarterly from 5 August: 5 Aug (past), 5 Nov; 5 Feb is past the 30 days.
    let ws = with_plan("olt-quarterly", QUARTERLY);
    assert_eq!(
        due(&ws, T_NEW, "30d"),
        pairs(&[("2026-08-05", "overdue"), ("2026-11-05", "due")])
    );
    // Ninety-five days ahead reaches 5 February 2027 (2 Nov + 95 = 5 Feb).
    assert_eq!(
        due(&ws, T_NEW, "95d"),
        pairs(&[
            ("2026-08-05", "overdue"),
            ("2026-11-05", "due"),
            ("2027-02-05", "due")
        ])
    );
    // Monthly on the 20th, ending on 20 December: October's is overdue, then Nov and Dec.
    let monthly = QUARTERLY
        .replace("olt-quarterly", "olt-monthly")
        .replace("INTERVAL=3;BYMONTHDAY=5", "BYMONTHDAY=20")
        .replace(
            "start = 2026-08-05",
            "start = 2026-10-20\nuntil = 2026-12-20",
        );
    let ws = with_plan("olt-monthly", &monthly);
    assert_eq!(
        due(&ws, T_NEW, "365d"),
        pairs(&[
            ("2026-10-20", "overdue"),
            ("2026-11-20", "due"),
            ("2026-12-20", "due")
        ])
    );
}

#[test]
fn plan_list_and_due_show_the_plan_its_units_and_dates() {
    let ws = with_plan("olt-quarterly", QUARTERLY);
    let list = ws.ok(T_NEW, &["plan", "list"]);
    for text in [
        "olt-quarterly",
        "NT-3600 季度巡检",
        "every NT-3600 OLT",
        "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=5",
        "2026-11-05",
    ] {
        assert!(list.contains(text), "{text:?} is not in:\n{list}");
    }
    let v = json(&ws.ok(T_NEW, &["--json", "plan", "list"]));
    assert_eq!(v[0]["id"], "olt-quarterly");
    assert_eq!(v[0]["lead_days"], 14);
    assert_eq!(v[0]["next"], "2026-11-05");
    assert_eq!(v[0]["units"][0]["serial"], UNIT);
    assert_eq!(v[0]["units"][0]["site"], "gz-main");

    let table = ws.ok(T_NEW, &["plan", "due"]);
    let lines: Vec<&str> = table.lines().filter(|l| l.contains(UNIT)).collect();
    assert_eq!(lines.len(), 2, "{table}");
    assert!(
        lines[0].contains("2026-08-05") && lines[0].contains("overdue"),
        "{table}"
    );
    assert!(
        lines[1].contains("2026-11-05") && lines[1].contains("due"),
        "{table}"
    );
    assert!(table.contains("Status 状态") && table.contains("Engineer 工程师"));
    let v = json(&ws.ok(T_NEW, &["--json", "plan", "due"]));
    assert_eq!(v["today"], "2026-11-02");
    assert_eq!(v["to"], "2026-12-02");
    let first = &v["occurrences"][0];
    assert_eq!(first["plan"], "olt-quarterly");
    assert_eq!(first["place"], UNIT);
    assert_eq!(first["case"], Value::Null);
    assert_eq!(first["overdue"], true);
}

#[test]
fn plan_open_records_one_new_step_each_and_a_second_run_opens_nothing() {
    let ws = with_plan("olt-quarterly", QUARTERLY);
    let out = ws.svc(T_NEW, &["plan", "open", "--dry-run"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out).contains("would open SR-20260805-"),
        "{}",
        stdout(&out)
    );
    assert_eq!(ws.porcelain(), "", "a dry run writes nothing");

    let out = ws.svc(T_NEW, &["plan", "open"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    // The overdue August occurrence and November's (within its 14 days' lead).
    let opened: Vec<&str> = text.lines().filter(|l| l.starts_with("opened ")).collect();
    assert_eq!(opened.len(), 2, "{text}");
    assert!(opened[0].contains("olt-quarterly on 2026-08-05, unit NT3600-2025-00001"));
    assert!(stderr(&out).contains("opened 2 cases"), "{}", stderr(&out));
    let id = opened[1]
        .split_whitespace()
        .nth(1)
        .expect("an id")
        .to_owned();
    assert!(id.starts_with("SR-20261105-"), "{id}");
    let dir = format!("cases/2026/11/{id}");
    let case = ws.read(&format!("{dir}/case.toml"));
    assert!(
        case.contains("[plan]\nid = \"olt-quarterly\"\noccurrence = 2026-11-05\n"),
        "{case}"
    );
    assert!(case.contains("product = \"NT3600-2025-00001\""), "{case}");
    let request = ws.read(&format!("{dir}/request.toml"));
    assert!(request.contains("channel = \"plan\""), "{request}");
    assert!(request.contains("onsite_needed = true"), "{request}");
    assert!(request.contains("季度巡检：清洁风扇"), "{request}");
    assert!(request.contains("name = \"黄工\""), "{request}");
    // One commit per case, each a `new` step by the person running it.
    let log = ws.git(&["log", "-2", "--format=%an|%B%x00"]);
    let commits: Vec<&str> = log.split('\0').filter(|c| !c.trim().is_empty()).collect();
    assert_eq!(commits.len(), 2);
    for c in &commits {
        assert!(c.contains("Svc-Action: new"), "{c}");
        assert!(c.contains("Svc-Actor: zhao.min"), "{c}");
        assert!(c.contains("Planned maintenance olt-quarterly"), "{c}");
    }
    ws.ok(T_LATER, &["check"]);
    ws.ok(T_LATER, &["validate"]);

    // Again: nothing to open, and it says so.
    let out = ws.svc(T_NEW, &["plan", "open"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    assert!(stderr(&out).contains("nothing to open"), "{}", stderr(&out));
    let v = json(&ws.ok(T_NEW, &["--json", "plan", "due"]));
    let cases: Vec<&str> = v["occurrences"]
        .as_array()
        .expect("occurrences")
        .iter()
        .filter_map(|o| o["case"]["case"].as_str())
        .collect();
    assert_eq!(cases.len(), 2);
    assert!(cases.contains(&id.as_str()));
    assert_eq!(v["occurrences"][1]["state"], "requested");
}

#[test]
fn plan_open_is_refused_to_a_person_without_the_csc_role() {
    let ws = with_plan("olt-quarterly", QUARTERLY);
    ws.act_as("wang.qiang");
    let out = ws.svc(T_NEW, &["plan", "open"]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(
        err.contains("wang.qiang may not open planned cases: it takes the role csc"),
        "{err}"
    );
    assert!(err.contains("hint: the roles are in people.toml"), "{err}");
    assert_eq!(ws.porcelain(), "");
}

#[test]
fn a_bad_plan_file_is_reported_at_its_line_with_a_hint() {
    let bad = QUARTERLY
        .replace("INTERVAL=3;BYMONTHDAY=5", "INTERVAL=3;BYMONTHDAY=32")
        .replace(
            "engineer = \"wang.qiang\"",
            "engineer = \"wang.qaing\"\nlead = \"2 weeks\"",
        );
    let ws = with_plan("olt-quarterly", &bad);
    let out = ws.svc(T_NEW, &["validate"]);
    assert_eq!(code(&out), 1);
    let text = format!("{}{}", stdout(&out), stderr(&out));
    for expected in [
        "plans/olt-quarterly.toml:5:9: error[schema]: the recurrence cannot be used:",
        "32",
        "hint: write an RFC 5545 RRULE of dates",
        "plans/olt-quarterly.toml:8:12: error[ref]",
        "wang.qiang",
        "plans/olt-quarterly.toml:9:8: error[schema]: `2 weeks` is not a lead time",
    ] {
        assert!(text.contains(expected), "{expected:?} is not in:\n{text}");
    }
    // A plan that cannot be read opens nothing.
    let out = ws.svc(T_NEW, &["plan", "open"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(ws.porcelain(), "");
}

#[test]
fn a_second_case_for_one_occurrence_is_an_error_and_a_lost_plan_a_warning() {
    let ws = with_plan("olt-quarterly", QUARTERLY);
    ws.ok(T_NEW, &["plan", "open", "--within", "1d"]);
    let id = ws
        .git(&["log", "-1", "--format=%(trailers:key=Svc-Case,valueonly)"])
        .trim()
        .to_owned();
    // A copy made by hand, under another id.
    let copy = "SR-20260805-AAAAAA";
    let from = format!("cases/2026/08/{id}");
    for file in ["case.toml", "request.toml"] {
        let text = ws.read(&format!("{from}/{file}")).replace(&id, copy);
        ws.write(&format!("cases/2026/08/{copy}/{file}"), &text);
    }
    let out = ws.svc(T_LATER, &["validate"]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(
        text.contains(&format!(
            "error[8.1-plan]: a second case for olt-quarterly on 2026-08-05, unit {UNIT}: also {copy}"
        )),
        "{text}"
    );
    assert!(text.contains(&format!("also {id}")), "{text}");
    // The plan retired: its cases are told, as a warning.
    std::fs::remove_dir_all(ws.root().join(format!("cases/2026/08/{copy}"))).expect("rm");
    std::fs::remove_file(ws.root().join("plans/olt-quarterly.toml")).expect("rm");
    let out = ws.svc(T_LATER, &["validate"]);
    let text = stdout(&out);
    assert_eq!(code(&out), 0, "{text}");
    assert!(
        text.contains(
            "warning[8.1-plan]: the case was opened for plan olt-quarterly, which is not in plans/"
        ),
        "{text}"
    );
}

/// A bare repository beside `ws`, with `ws` pushed to it, and a second clone of it acting
/// as li.na (csc and lead).
fn two_clones(ws: &Ws) -> Ws {
    let bare = ws.parent().join("remote.git");
    let out = ws
        .git_command()
        .args(["init", "-q", "--bare", "-b", "main"])
        .arg(&bare)
        .output()
        .expect("git init");
    assert!(out.status.success(), "{}", stderr(&out));
    let url = bare.display().to_string();
    ws.git(&["remote", "add", "origin", &url]);
    ws.git(&["push", "-q", "-u", "origin", "HEAD:main"]);
    let out = ws
        .git_command()
        .current_dir(ws.parent())
        .args(["clone", "-q", &url, "other"])
        .output()
        .expect("git clone");
    assert!(out.status.success(), "{}", stderr(&out));
    let other = ws.sibling("other");
    other.act_as("li.na");
    other
}

#[test]
fn two_clones_opening_the_same_occurrences_offline_share_one_case_each() {
    let csc = with_plan("olt-quarterly", QUARTERLY);
    let lead = two_clones(&csc);
    // Both open offline: the same two occurrences, the same two ids.
    csc.ok(T_NEW, &["plan", "open"]);
    lead.ok("2026-11-02T10:00:00+08:00", &["plan", "open"]);
    let ids = |ws: &Ws| {
        let mut ids: Vec<String> = std::fs::read_dir(ws.root().join("cases/2026/11"))
            .into_iter()
            .flatten()
            .chain(
                std::fs::read_dir(ws.root().join("cases/2026/08"))
                    .into_iter()
                    .flatten(),
            )
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&csc), ids(&lead));
    assert_eq!(ids(&csc).len(), 2);

    assert!(csc.ok(T_LATER, &["sync"]).contains("pushed 2 commits"));
    let out = lead.svc(T_LATER, &["sync"]);
    let text = stdout(&out);
    assert_eq!(code(&out), 0, "{text}{}", stderr(&out));
    for id in ids(&csc) {
        assert!(
            text.contains(&format!("{id} (olt-quarterly, ")),
            "{id} is not said in:\n{text}"
        );
    }
    assert!(
        text.contains("was already opened upstream (origin/main) by zhao.min"),
        "{text}"
    );
    assert!(text.contains("dropped as a duplicate"), "{text}");
    assert!(!text.contains("refused"), "{text}");
    csc.ok(T_LATER, &["sync"]);
    // One case per occurrence, everywhere; nothing left to open; every check passes.
    assert_eq!(csc.head(), lead.head());
    assert_eq!(ids(&lead).len(), 2);
    let log = lead.git(&["log", "--format=%(trailers:key=Svc-Action,valueonly)"]);
    assert_eq!(
        log.lines().filter(|l| l.trim() == "new").count(),
        2,
        "{log}"
    );
    for ws in [&csc, &lead] {
        assert_eq!(ws.porcelain(), "");
        ws.ok(T_LATER, &["check"]);
        ws.ok(T_LATER, &["validate"]);
        let out = ws.svc(T_NEW, &["plan", "open"]);
        assert!(stderr(&out).contains("nothing to open"), "{}", stderr(&out));
    }
}

#[test]
fn a_model_plan_covers_the_unit_that_replaced_one() {
    let f = Fixture::new();
    f.write(
        "catalog/parts.toml",
        &(f.read("catalog/parts.toml")
            + "\n[[part]]\ncode = \"U-OLT-3600\"\nname = \"NT-3600 OLT 整机\"\nunit = \"台\"\nprice = \"0.00\"\n"),
    );
    f.edit(
        &format!("{}/visits/01-gz-tianhe.toml", common::CASE),
        "code = \"P-PSU-48V\"\nqty = 1\n",
        "code = \"P-PSU-48V\"\nqty = 1\n\n[[parts_replaced]]\ncode = \"U-OLT-3600\"\nqty = 1\n\
         serial_out = \"NT3600-2021-00017\"\nserial_in = \"NT3600-2026-00077\"\n",
    );
    f.write(
        "plans/olt.toml",
        "id = \"olt\"\ntitle = \"OLT 月检\"\ncustomer = \"gd-telecom\"\nmodel = \"NT-3600 OLT\"\n\
         rrule = \"FREQ=MONTHLY;BYMONTHDAY=1\"\nstart = 2026-12-01\ntask = \"月检\"\n",
    );
    let out = f.svc(&["--json", "plan", "due"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v = json(&stdout(&out));
    let units: Vec<(&str, &str)> = v["occurrences"]
        .as_array()
        .expect("occurrences")
        .iter()
        .map(|o| (o["place"].as_str().unwrap(), o["serial"].as_str().unwrap()))
        .collect();
    assert_eq!(
        units,
        [
            ("NT3600-2021-00017", "NT3600-2026-00077"),
            ("NT3600-2025-00102", "NT3600-2025-00102")
        ]
    );
    assert_eq!(v["occurrences"][0]["date"], "2026-12-01");
}

#[test]
fn the_sample_companys_november_counts_its_preventive_case_as_planned_work() {
    let ws = crate::report::sample_company();
    let out = ws.ok(
        common::NOW,
        &[
            "report", "monthly", "--month", "2026-11", "--format", "json",
        ],
    );
    let r = json(&out);
    assert_eq!(r["work"]["planned"]["received"], 1, "{:#}", r["work"]);
    assert_eq!(r["work"]["planned"]["completed"], 0);
    assert_eq!(
        r["work"]["corrective"]["received"],
        r["cases"]["received"].as_u64().unwrap_or_default() - 1
    );
    let md = ws.ok(
        common::NOW,
        &["report", "monthly", "--month", "2026-11", "--locale", "en"],
    );
    assert!(
        md.contains("| of which planned maintenance (preventive) | 1 |"),
        "{md}"
    );
    // Its case has no response targets: nobody called for it.
    let show = json(&ws.ok(common::NOW, &["--json", "show", "SR-20261110-X2TFNH"]));
    assert_eq!(
        show["targets"],
        serde_json::json!([]),
        "{:#}",
        show["targets"]
    );
    assert_eq!(show["case"]["plan"]["id"], "gzdx-nt3600-quarterly");
    let text = ws.ok(
        common::NOW,
        &["--locale", "en", "show", "SR-20261110-X2TFNH"],
    );
    assert!(
        text.contains(
            "gzdx-nt3600-quarterly 广州电信 NT-3600 OLT 季度巡检, 2026-11-10 (planned maintenance)"
        ),
        "{text}"
    );
}

#[test]
fn plan_due_speaks_chinese_to_a_chinese_desk() {
    let ws = with_plan("olt-quarterly", QUARTERLY);
    let out = ws
        .command(T_NEW)
        .env("LANG", "zh_CN.UTF-8")
        .args(["plan", "due"])
        .output()
        .expect("run svc");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let table = stdout(&out);
    assert!(table.contains("逾期") && table.contains("待开"), "{table}");
    assert!(
        stderr(&out).contains("截至 2026-12-02：待开 2 次（其中逾期 1 次），已开 0 次"),
        "{}",
        stderr(&out)
    );
    ws.act_as("wang.qiang");
    let out = ws
        .command(T_NEW)
        .env("LANG", "zh_CN.UTF-8")
        .args(["plan", "open"])
        .output()
        .expect("run svc");
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("wang.qiang 不能开计划维护的服务单：需要 csc 角色（8.1）"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_preventive_case_opened_by_hand_without_the_csc_role_is_caught_by_svc_check() {
    let ws = with_plan("olt-quarterly", QUARTERLY);
    ws.ok(T_NEW, &["plan", "open", "--within", "1d"]);
    ws.ok(T_LATER, &["check"]);
    let id = ws
        .git(&["log", "-1", "--format=%(trailers:key=Svc-Case,valueonly)"])
        .trim()
        .to_owned();
    // The engineer copies the case under another id and commits it as a `new` step.
    let copy = "SR-20260805-BBBBBB";
    for file in ["case.toml", "request.toml"] {
        let text = ws
            .read(&format!("cases/2026/08/{id}/{file}"))
            .replace(&id, copy)
            .replace("opened_by = \"zhao.min\"", "opened_by = \"wang.qiang\"")
            .replace("received_by = \"zhao.min\"", "received_by = \"wang.qiang\"");
        ws.write(&format!("cases/2026/08/{copy}/{file}"), &text);
    }
    ws.git(&["add", "cases"]);
    ws.git_commit_at(
        "wang.qiang",
        &format!(
            "new {copy}: none -> requested\n\nSvc-Case: {copy}\nSvc-Action: new\nSvc-From: none\n\
             Svc-To: requested\nSvc-Actor: wang.qiang"
        ),
        T_NEW,
    );
    let out = ws.svc(T_LATER, &["check"]);
    assert_eq!(code(&out), 1);
    let text = format!("{}{}", stdout(&out), stderr(&out));
    assert!(
        text.contains("wang.qiang opened a preventive case (with [plan]) without the role csc"),
        "{text}"
    );
    assert!(text.contains("error[8.1-plan]: a second case"), "{text}");
}
