//! Everyday moves of the desk, on the sample company: accepting a case with a fee
//! arrangement that does not fit the product's warranty is taken, with a warning that names
//! the date (5.1.2, 9.1); re-assigning before the trip, with a new signature (5.1.3, 7.2) and
//! a warning for an engineer away on another trip; a wait on the customer held and resumed
//! (5.1.7); a finished case reopened as a new one, counted as a repeat.

use crate::common::{stderr, stdout};
use crate::report::sample_company;
use crate::workflow::code;

/// The sample company's clock: the story's last evening.
const AT: &str = "2026-11-26T18:30:00+08:00";

#[test]
fn accepting_against_the_warranty_is_taken_with_a_warning_naming_the_date() {
    let ws = sample_company();
    ws.git(&["config", "user.email", "zhang.wei@huaxuntong.cn"]);
    // The requested case's NT3600-2024-00451 is in warranty until 2027-06-14.
    let out = ws.svc(
        AT,
        &["--locale", "en", "accept", "98954X", "--fee", "billable"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out).contains("requested -> accepted"),
        "{}",
        stdout(&out)
    );
    assert!(
        stderr(&out).contains(
            "warning: accepted as billable work on 2026-11-26, while NT3600-2024-00451 is in \
             warranty until 2027-06-14"
        ),
        "{}",
        stderr(&out)
    );
    // A new request on the Panyu OLT, whose warranty ended on 2025-03-14, accepted as
    // warranty work: taken, and said in Chinese with the JSON carrying it too.
    let out = ws.svc(
        AT,
        &[
            "new",
            "--customer",
            "gd-telecom-gz",
            "--site",
            "gz-panyu",
            "--product",
            "NT3600-2022-00041",
            "--fault",
            "主控板告警",
            "--contact",
            "陈工",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let id = stdout(&out).trim().to_string();
    let out = ws.svc(
        AT,
        &["--locale", "zh-CN", "accept", &id, "--fee", "warranty"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "警告: 2026-11-26 按保修受理，但 NT3600-2022-00041 的保修期已于 2025-03-14 结束"
        ),
        "{}",
        stderr(&out)
    );
    // The fitting arrangement says nothing.
    let out = ws.svc(
        AT,
        &[
            "--json",
            "new",
            "--customer",
            "gd-telecom-gz",
            "--site",
            "gz-panyu",
            "--product",
            "NT3600-2022-00041",
            "--fault",
            "风扇告警",
            "--contact",
            "陈工",
        ],
    );
    let made: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let id = made["case"].as_str().expect("a case id").to_string();
    let out = ws.svc(AT, &["--json", "accept", &id, "--fee", "billable"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let taken: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(taken["notices"], serde_json::json!([]), "{taken}");
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
}

/// The case folder of a sample case, by the end of its id.
fn folder(ws: &crate::workflow::Ws, suffix: &str) -> String {
    let out = ws.svc(AT, &["--json", "show", suffix]);
    let shown: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    shown["dir"].as_str().expect("a folder").to_string()
}

#[test]
fn re_assigning_a_signed_case_needs_a_reason_and_a_new_signature() {
    let ws = sample_company();
    ws.git(&["config", "user.email", "zhang.wei@huaxuntong.cn"]);
    // EX5594 is approved for huang.lei: its task sheet is signed by the CSC lead.
    let refused = |args: &[&str], says: &str| {
        let out = ws.svc(AT, &[&["--locale", "en", "assign"], args].concat());
        assert_eq!(code(&out), 1, "{args:?}: {}", stdout(&out));
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    };
    refused(
        &["EX5594", "--to", "zhou.jie"],
        "assign needs a reason for changing the engineers",
    );
    refused(
        &["EX5594", "--to", "huang.lei", "--reason", "同一人"],
        "SR-20261119-EX5594 is already assigned to huang.lei: nothing would change",
    );
    refused(
        &["EX5594", "--to", "wang.qiang", "--reason", "销售"],
        "`wang.qiang` is not an engineer",
    );
    // On site, the engineers are travelling: no more re-assigning.
    refused(
        &["81ZBJF", "--to", "liu.yang", "--reason", "换人"],
        "it is on-site; `svc assign` applies to a case that is accepted or assigned or \
         pending-approval or approved",
    );
    ws.git(&["config", "user.email", "liu.yang@huaxuntong.cn"]);
    refused(
        &["EX5594", "--to", "liu.yang", "--reason", "我去"],
        "liu.yang may not assign case SR-20261119-EX5594",
    );
    ws.git(&["config", "user.email", "zhang.wei@huaxuntong.cn"]);
    let dir = folder(&ws, "EX5594");
    let out = ws.svc(
        AT,
        &[
            "assign",
            "EX5594",
            "--to",
            "zhou.jie",
            "--reason",
            "黄磊另有紧急任务",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out).contains("assign SR-20261119-EX5594: approved -> assigned"),
        "{}",
        stdout(&out)
    );
    let case_toml = ws.read(&format!("{dir}/case.toml"));
    assert!(
        case_toml.contains("assignees = [\"zhou.jie\"]"),
        "{case_toml}"
    );
    assert!(
        case_toml.contains(
            "[[reassignments]]\nat = 2026-11-26T18:30:00+08:00\nby = \"zhang.wei\"\n\
             from = [\"huang.lei\"]\nto = [\"zhou.jie\"]\nreason = \"黄磊另有紧急任务\""
        ),
        "{case_toml}"
    );
    assert!(!case_toml.contains("kind = \"task-sheet\""), "{case_toml}");
    assert!(!case_toml.contains("approved_at"), "{case_toml}");
    let message = ws.git(&["log", "-1", "--format=%B"]);
    assert!(message.contains("黄磊另有紧急任务\n"), "{message}");
    // The new engineer rewrites the sheet for himself and submits it; the lead signs again.
    ws.git(&["config", "user.email", "zhou.jie@huaxuntong.cn"]);
    let sheet = format!("{dir}/task-sheet.toml");
    ws.edit(
        &sheet,
        "prepared_by = \"huang.lei\"",
        "prepared_by = \"zhou.jie\"",
    );
    ws.edit(
        &sheet,
        "engineers = [\"huang.lei\"]",
        "engineers = [\"zhou.jie\"]",
    );
    let out = ws.svc(AT, &["submit", "EX5594"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    ws.git(&["config", "user.email", "li.na@huaxuntong.cn"]);
    let out = ws.svc(AT, &["approve", "EX5594"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out).contains("pending-approval -> approved"),
        "{}",
        stdout(&out)
    );
    let out = ws.svc(AT, &["--locale", "en", "check"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert!(stderr(&out).contains(": 0 errors"), "{}", stderr(&out));
}

#[test]
fn a_re_assignment_written_by_hand_is_caught_by_the_history_check() {
    let ws = sample_company();
    let dir = folder(&ws, "QWKMV1");
    // zhou.jie is assigned to QWKMV1; someone swaps him for liu.yang by hand and records it
    // as if svc had assigned it, without the re-assignment.
    let path = format!("{dir}/case.toml");
    ws.edit(
        &path,
        "assignees = [\"zhou.jie\"]",
        "assignees = [\"liu.yang\"]",
    );
    ws.git(&["add", "-A"]);
    ws.git(&[
        "-c",
        "user.name=张伟",
        "-c",
        "user.email=zhang.wei@huaxuntong.cn",
        "commit",
        "-q",
        "-m",
        "assign SR-20261123-QWKMV1: assigned -> assigned\n\n换人\n\nSvc-Case: SR-20261123-QWKMV1\n\
         Svc-Action: assign\nSvc-From: assigned\nSvc-To: assigned\nSvc-Actor: zhang.wei\n",
    ]);
    let out = ws.svc(AT, &["--locale", "en", "check"]);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    let text = stdout(&out) + &stderr(&out);
    assert!(
        text.contains("changes the re-assignments or the holds of case.toml as no step does"),
        "{text}"
    );
}

#[test]
fn an_assignment_warns_of_an_engineer_away_on_another_trip() {
    let ws = sample_company();
    ws.git(&["config", "user.email", "zhang.wei@huaxuntong.cn"]);
    // wu.gang's trip to Korla for 81ZBJF is planned 2026-11-24 to 11-27; B6DE82 has no task
    // sheet yet, so the coming week counts.
    let out = ws.svc(
        AT,
        &["--locale", "en", "assign", "B6DE82", "--to", "wu.gang"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "warning: 吴刚 is away then: Trip (planned) of SR-20261118-81ZBJF, 2026-11-24 to \
             2026-11-27"
        ),
        "{}",
        stderr(&out)
    );
    // In Chinese, and in the JSON; and someone free is assigned without a word.
    let out = ws.svc(
        AT,
        &[
            "--locale",
            "zh-CN",
            "--json",
            "assign",
            "B6DE82",
            "--to",
            "he.jun",
            "--to",
            "wu.gang",
            "--reason",
            "加派一人",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let taken: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(
        taken["notices"],
        serde_json::json!([
            "吴刚 届时不在：SR-20261118-81ZBJF 的出差（计划），2026-11-24 至 2026-11-27"
        ]),
        "{taken}"
    );
    let out = ws.svc(
        AT,
        &["assign", "B6DE82", "--to", "he.jun", "--reason", "吴刚出差"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
}

#[test]
fn a_wait_on_the_customer_is_held_and_resumed_by_the_centre() {
    let ws = sample_company();
    ws.git(&["config", "user.email", "liu.yang@huaxuntong.cn"]);
    let out = ws.svc(AT, &["--locale", "en", "hold", "98954X", "--reason", "等"]);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    assert!(
        stderr(&out)
            .contains("liu.yang may not hold case SR-20261126-98954X (it takes the role csc)"),
        "{}",
        stderr(&out)
    );
    ws.git(&["config", "user.email", "zhang.wei@huaxuntong.cn"]);
    let out = ws.svc(AT, &["--locale", "en", "hold", "98954X"]);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    assert!(
        stderr(&out).contains("hold needs a reason: what the case waits for"),
        "{}",
        stderr(&out)
    );
    let out = ws.svc(AT, &["--locale", "en", "resume", "98954X"]);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    assert!(
        stderr(&out).contains("SR-20261126-98954X is not waiting on the customer"),
        "{}",
        stderr(&out)
    );
    let out = ws.svc(
        AT,
        &[
            "--locale",
            "en",
            "hold",
            "98954X",
            "--reason",
            "等客户确认停电窗口",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // The sample's targets do not pause: the hold is recorded, and said to change nothing.
    assert!(
        stderr(&out).contains("the clocks do not stop while a case waits on the customer"),
        "{}",
        stderr(&out)
    );
    let out = ws.svc(
        AT,
        &["--locale", "en", "hold", "98954X", "--reason", "再等"],
    );
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    assert!(
        stderr(&out).contains(
            "SR-20261126-98954X has been waiting on the customer since 2026-11-26 18:30 \
             (等客户确认停电窗口)"
        ),
        "{}",
        stderr(&out)
    );
    let later = "2026-11-27T10:00:00+08:00";
    let out = ws.svc(later, &["resume", "98954X", "--note", "客户已确认"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let dir = folder(&ws, "98954X");
    let case_toml = ws.read(&format!("{dir}/case.toml"));
    assert!(
        case_toml.contains(
            "[[holds]]\nfrom = 2026-11-26T18:30:00+08:00\nby = \"zhang.wei\"\n\
             reason = \"等客户确认停电窗口\"\nuntil = 2026-11-27T10:00:00+08:00\n\
             resumed_by = \"zhang.wei\""
        ),
        "{case_toml}"
    );
    let out = ws.svc(later, &["--locale", "en", "show", "98954X"]);
    assert!(
        stdout(&out).contains(
            "on hold     2026-11-26 18:30 to 2026-11-27 10:00, by 张伟 (zhang.wei) — 等客户确认停电窗口"
        ),
        "{}",
        stdout(&out)
    );
    let out = ws.svc(later, &["--locale", "en", "check"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
}

#[test]
fn a_finished_case_is_reopened_as_a_new_case_counted_as_a_repeat() {
    let ws = sample_company();
    ws.git(&["config", "user.email", "zhang.wei@huaxuntong.cn"]);
    for (args, says) in [
        (
            vec!["reopen", "98954X", "--reason", "又坏了"],
            "SR-20261126-98954X is requested: only a finished case is reopened",
        ),
        (
            vec!["reopen", "HSJ3Y3"],
            "svc reopen needs a reason: what came back",
        ),
    ] {
        let out = ws.svc(AT, &[&["--locale", "en"], &args[..]].concat());
        assert_eq!(code(&out), 1, "{args:?}: {}", stdout(&out));
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }
    let old = folder(&ws, "HSJ3Y3");
    let before = ws.git(&["rev-parse", &format!("HEAD:{old}")]);
    let out = ws.svc(
        AT,
        &[
            "--json",
            "reopen",
            "HSJ3Y3",
            "--reason",
            "桂林秀峰 EoC 局端风扇告警再次出现",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let made: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let id = made["case"].as_str().expect("an id").to_string();
    assert_eq!(made["action"], "new");
    // The finished case is untouched; the new one names it, with the same customer, site
    // and product.
    assert_eq!(ws.git(&["rev-parse", &format!("HEAD:{old}")]), before);
    let out = ws.svc(AT, &["--json", "show", &id]);
    let shown: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(shown["case"]["reopens"], "SR-20261103-HSJ3Y3", "{shown}");
    assert_eq!(shown["case"]["customer"], "gx-catv");
    assert_eq!(shown["case"]["site"], "gl-xiufeng");
    assert_eq!(shown["case"]["product"], "NT2100-2023-00452");
    assert_eq!(
        shown["request"]["fault"],
        "桂林秀峰 EoC 局端风扇告警再次出现"
    );
    let message = ws.git(&["log", "-1", "--format=%B"]);
    assert!(
        message.contains("重开 SR-20261103-HSJ3Y3: 桂林秀峰 EoC 局端风扇告警再次出现"),
        "{message}"
    );
    // The month's report counts it as a repeat of the case it reopens.
    let out = ws.svc(
        AT,
        &[
            "report", "monthly", "--month", "2026-11", "--format", "json",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let repeat = report["repeat_visits"]
        .as_array()
        .expect("repeat visits")
        .iter()
        .find(|r| r["case"] == id.as_str())
        .unwrap_or_else(|| panic!("{id} not a repeat: {}", report["repeat_visits"]));
    assert_eq!(repeat["previous_case"], "SR-20261103-HSJ3Y3");
    assert_eq!(repeat["reopened"], true);
    // And the product's history as a repeat fault of its unit.
    let out = ws.svc(AT, &["--json", "asset", "NT2100-2023-00452"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let asset: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let repeats = asset["repeats"].as_array().expect("repeats");
    assert!(
        repeats.iter().any(|r| r["case"] == id.as_str()
            && r["previous_case"] == "SR-20261103-HSJ3Y3"
            && r["reopened"] == true),
        "{repeats:?}"
    );
    let out = ws.svc(AT, &["--locale", "en", "check"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
}
