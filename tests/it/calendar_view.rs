//! `svc calendar`: who is away when, on the sample company — the table, one person's
//! events, the JSON, and the iCalendar feed read back by an independent parser (Python's
//! icalendar), hostile text included.

use crate::common::{self, stderr, stdout};
use crate::report::sample_company;
use crate::workflow::{Ws, code};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// The sample company's last two weeks of November.
const NOVEMBER: [&str; 4] = ["--from", "2026-11-16", "--to", "2026-11-30"];

/// `svc calendar` with `args`, at the tests' clock; it must succeed. Returns stdout.
fn calendar(ws: &Ws, args: &[&str]) -> String {
    let mut all = vec!["calendar"];
    all.extend_from_slice(args);
    ws.ok(common::NOW, &all)
}

/// The events of `svc calendar --json` with `args`.
fn events(ws: &Ws, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let text = calendar(ws, &all);
    let value: Value = serde_json::from_str(&text).expect("JSON");
    value.as_array().expect("an array").clone()
}

/// The table's lines that name a case, each as its cells.
fn rows(table: &str) -> Vec<Vec<String>> {
    table
        .lines()
        .filter(|l| l.contains("SR-"))
        .map(|l| {
            l.trim_matches('│')
                .split('┆')
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect()
}

#[test]
fn the_sample_companys_last_two_weeks_of_november_as_a_table() {
    let ws = sample_company();
    let table = calendar(&ws, &NOVEMBER);
    let want: [[&str; 6]; 6] = [
        [
            "2026-11-19 → 2026-11-20",
            "Trip",
            "周杰",
            "佛山南海主数据中心, 佛山",
            "SR-20261111-AMAQ9X",
            "佛山主数据中心 NT-5800 安全漏洞修复升级(过保收费)",
        ],
        [
            "2026-11-19 21:30 → 2026-11-20 02:40",
            "Site visit",
            "周杰",
            "佛山南海主数据中心, 佛山",
            "SR-20261111-AMAQ9X",
            "佛山主数据中心 NT-5800 安全漏洞修复升级(过保收费)",
        ],
        [
            "2026-11-20",
            "Trip (planned)",
            "刘洋",
            "粤海校区网络中心机房, 深圳",
            "SR-20261116-WYWWKR",
            "粤海校区 NT-3600 OLT 风扇告警",
        ],
        [
            "2026-11-20 09:40–11:30",
            "Site visit",
            "刘洋",
            "粤海校区网络中心机房, 深圳",
            "SR-20261116-WYWWKR",
            "粤海校区 NT-3600 OLT 风扇告警",
        ],
        [
            "2026-11-24 → 2026-11-27",
            "Trip (planned)",
            "吴刚",
            "库尔勒城区机房, 库尔勒",
            "SR-20261118-81ZBJF",
            "库尔勒 NT-3600 OLT 槽位 2 大量 ONU 注册失败",
        ],
        [
            "2026-11-27",
            "Trip (planned)",
            "黄磊",
            "番禺汇聚机房, 广州",
            "SR-20261119-EX5594",
            "广州番禺 NT-3600 OLT 主控板异常重启",
        ],
    ];
    assert_eq!(rows(&table), want.map(|r| r.map(String::from)), "{table}");
    // Both languages in the header, as svc list has them.
    assert!(
        table.contains("When 时间") && table.contains("Who 人员"),
        "{table}"
    );
    // The Guangzhou trip of 12 November is before the window; its travel log made it a trip
    // travelled, shown once, not beside its plan.
    let october = calendar(&ws, &["--from", "2026-11-12", "--to", "2026-11-12"]);
    let gz: Vec<Vec<String>> = rows(&october)
        .into_iter()
        .filter(|r| r[4] == "SR-20261109-4KX2T6")
        .collect();
    assert_eq!(gz.len(), 2, "{october}");
    assert_eq!(
        (gz[0][1].as_str(), gz[1][1].as_str()),
        ("Trip", "Site visit")
    );

    // In Chinese, with the count on standard error.
    let out = ws.svc(
        common::NOW,
        &[&["--locale", "zh-CN", "calendar"][..], &NOVEMBER[..]].concat(),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("出差（计划）"), "{}", stdout(&out));
    assert!(stdout(&out).contains("现场服务"), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("2026-11-16 至 2026-11-30 共 6 项出差与现场服务"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn by_default_the_calendar_runs_four_weeks_from_today() {
    let ws = sample_company();
    // Today is 27 November: the Korla trip is under way, the Panyu trip is today.
    let out = ws.svc(common::NOW, &["calendar"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let cases: Vec<String> = rows(&stdout(&out))
        .into_iter()
        .map(|r| r[4].clone())
        .collect();
    assert_eq!(cases, ["SR-20261118-81ZBJF", "SR-20261119-EX5594"]);
    assert!(
        stderr(&out).contains("2 trips and visits from 2026-11-27 to 2026-12-24"),
        "{}",
        stderr(&out)
    );
    // Nobody away: said so, exit 0.
    let out = ws.svc(common::NOW, &["calendar", "--from", "2026-12-01"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).is_empty(), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("nobody is away from 2026-12-01 to 2026-12-28"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn person_keeps_one_persons_trips_and_visits_and_me_is_gits_user() {
    let ws = sample_company();
    let liu: Vec<String> = rows(&calendar(
        &ws,
        &[&NOVEMBER[..], &["--person", "liu.yang"]].concat(),
    ))
    .into_iter()
    .map(|r| format!("{} {}", r[1], r[4]))
    .collect();
    assert_eq!(
        liu,
        [
            "Trip (planned) SR-20261116-WYWWKR",
            "Site visit SR-20261116-WYWWKR"
        ]
    );
    ws.git(&["config", "user.email", "wu.gang@huaxuntong.cn"]);
    let mine = events(&ws, &[&NOVEMBER[..], &["--person", "me"]].concat());
    assert_eq!(mine.len(), 1, "{mine:?}");
    assert_eq!(mine[0]["case"], "SR-20261118-81ZBJF");
    assert_eq!(mine[0]["people"], serde_json::json!(["wu.gang"]));

    // Someone people.toml does not list: refused, with the closest id.
    let out = ws.svc(common::NOW, &["calendar", "--person", "liu.yan"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("`liu.yan` is not in people.toml"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("liu.yang"), "{}", stderr(&out));
}

#[test]
fn a_last_day_before_the_first_or_a_format_the_file_contradicts_is_a_usage_error() {
    let ws = sample_company();
    let out = ws.svc(
        common::NOW,
        &["calendar", "--from", "2026-11-30", "--to", "2026-11-16"],
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("the last day 2026-11-16 comes before the first day 2026-11-30"),
        "{}",
        stderr(&out)
    );
    let out = ws.svc(
        common::NOW,
        &["calendar", "--format", "ics", "-o", "away.json"],
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(!ws.exists("away.json"));
}

#[test]
fn the_json_gives_ids_and_names_of_every_event() {
    let ws = sample_company();
    let events = events(&ws, &NOVEMBER);
    assert_eq!(events.len(), 6);
    let korla = &events[4];
    assert_eq!(korla["kind"], "planned-trip");
    assert_eq!(korla["case"], "SR-20261118-81ZBJF");
    assert_eq!(
        korla["title"],
        "库尔勒 NT-3600 OLT 槽位 2 大量 ONU 注册失败"
    );
    assert_eq!(korla["from"], "2026-11-24");
    assert_eq!(korla["to"], "2026-11-27");
    assert_eq!(korla["all_day"], true);
    assert_eq!(korla["people"], serde_json::json!(["wu.gang"]));
    assert_eq!(korla["people_names"], serde_json::json!(["吴刚"]));
    assert_eq!(korla["sites"], serde_json::json!(["korla-cn"]));
    assert_eq!(korla["site_names"], serde_json::json!(["库尔勒城区机房"]));
    assert_eq!(korla["uid"], "SR-20261118-81ZBJF-trip-1@svc");
    let visit = &events[1];
    assert_eq!(visit["kind"], "visit");
    assert_eq!(visit["from"], "2026-11-19T21:30:00+08:00");
    assert_eq!(visit["to"], "2026-11-20T02:40:00+08:00");
    assert_eq!(visit["all_day"], false);
    // --format json -o FILE writes the same.
    calendar(&ws, &[&NOVEMBER[..], &["-o", "away.json"]].concat());
    let file: Value = serde_json::from_str(&ws.read("away.json")).expect("JSON");
    assert_eq!(file.as_array().expect("an array"), &events);
}

/// What Python's icalendar reads in the feed at `path`: the calendar's name and its events.
/// `None` when the package is missing (skipped with a message) unless
/// `SVC_REQUIRE_ICALENDAR` is set (CI installs it and sets it).
fn read_feed(path: &Path) -> Option<Value> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/tools/check_ics.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(path)
        .output()
        .expect("python3 runs");
    if out.status.code() == Some(3) && std::env::var_os("SVC_REQUIRE_ICALENDAR").is_none() {
        eprintln!("skipped: {}", stdout(&out).trim());
        return None;
    }
    assert!(
        out.status.success(),
        "the feed does not read back:\n{}{}",
        stdout(&out),
        stderr(&out)
    );
    Some(serde_json::from_str(&stdout(&out)).expect("the script's JSON"))
}

#[test]
fn the_feed_reads_back_in_an_independent_icalendar_parser() {
    let ws = sample_company();
    let out = ws.svc(
        common::NOW,
        &[
            &["calendar", "--format", "ics", "-o", "away.ics"][..],
            &NOVEMBER[..],
        ]
        .concat(),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("wrote away.ics (6 trips and visits)"),
        "{}",
        stderr(&out)
    );
    let text = ws.read("away.ics");
    assert!(
        text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
        "{text}"
    );
    // The same feed from -o's extension alone, and on standard output.
    calendar(&ws, &[&NOVEMBER[..], &["-o", "again.ics"]].concat());
    assert_eq!(ws.read("again.ics"), text);
    assert_eq!(
        calendar(&ws, &[&NOVEMBER[..], &["--format", "ics"]].concat()),
        text
    );

    let Some(feed) = read_feed(&ws.root().join("away.ics")) else {
        return;
    };
    let json = events(&ws, &NOVEMBER);
    let read = feed["events"].as_array().expect("events");
    assert_eq!(read.len(), json.len(), "{feed:#}");
    let uids: Vec<&Value> = read.iter().map(|e| &e["uid"]).collect();
    let want: Vec<&Value> = json.iter().map(|e| &e["uid"]).collect();
    assert_eq!(uids, want);
    assert_eq!(feed["name"], "深圳市华讯通网络终端设备厂 · 出差与现场服务");
    // The workspace's language, the Chinese intact through escaping and folding.
    let korla = &read[4];
    assert_eq!(
        korla["summary"],
        "出差（计划） · 库尔勒 NT-3600 OLT 槽位 2 大量 ONU 注册失败 · 吴刚"
    );
    assert_eq!(
        korla["location"],
        "库尔勒城区机房, 巴音郭楞蒙古自治州库尔勒市人民东路 18 号"
    );
    assert_eq!(korla["start"], "2026-11-24");
    assert_eq!(korla["end"], "2026-11-28");
    assert_eq!(korla["all_day"], true);
    assert_eq!(korla["status"], "TENTATIVE");
    assert_eq!(korla["categories"], serde_json::json!(["出差（计划）"]));
    assert_eq!(
        korla["description"],
        "服务单：SR-20261118-81ZBJF\n客户：中国移动通信集团新疆有限公司\n人员：吴刚\n\
         故障：库尔勒城区机房 NT-3600 OLT PON 2/1~2/8 口大量 ONU 注册失败,光口 LOS 告警闪断,约 400 户受影响。\n\
         按任务书的计划；尚无出差工作日志。"
    );
    let visit = &read[1];
    assert_eq!(visit["start"], "2026-11-19T13:30:00Z");
    assert_eq!(visit["end"], "2026-11-19T18:40:00Z");
    assert_eq!(visit["status"], "CONFIRMED");
    for (event, entry) in read.iter().zip(&json) {
        let title = entry["title"].as_str().expect("a title");
        assert!(
            event["summary"].as_str().is_some_and(|s| s.contains(title)),
            "{event:#}"
        );
    }
    // In English with --locale en; one person's feed is named after them.
    calendar(
        &ws,
        &[
            &["--locale", "en", "-o", "wu.ics", "--person", "wu.gang"][..],
            &NOVEMBER[..],
        ]
        .concat(),
    );
    let feed = read_feed(&ws.root().join("wu.ics")).expect("read before");
    assert_eq!(feed["name"], "吴刚 · trips and site visits");
    assert_eq!(
        feed["events"][0]["summary"],
        "Trip (planned) · 库尔勒 NT-3600 OLT 槽位 2 大量 ONU 注册失败 · 吴刚"
    );
}

#[test]
fn hostile_text_survives_the_feed() {
    let ws = sample_company();
    // A site name with every character TEXT escapes, a line break and a long Chinese run;
    // a fault over several lines with the same.
    let long = "新疆维吾尔自治区巴音郭楞蒙古自治州库尔勒市".repeat(12);
    let site = format!("库尔勒;城区,机房\\二楼\n{long}");
    ws.edit(
        "customers/xj-mobile.toml",
        "name = \"库尔勒城区机房\"",
        &format!("name = {}", toml_string(&site)),
    );
    let request = "cases/2026/11/SR-20261118-81ZBJF/request.toml";
    let text = ws.read(request);
    let line = text
        .lines()
        .find(|l| l.starts_with("fault = "))
        .expect("the fault")
        .to_string();
    let fault = format!("光口;告警,闪断\\LOS\n\n  {long}  第二行");
    ws.edit(request, &line, &format!("fault = {}", toml_string(&fault)));

    calendar(&ws, &[&NOVEMBER[..], &["-o", "away.ics"]].concat());
    let text = ws.read("away.ics");
    assert!(
        text.split("\r\n").all(|l| l.len() <= 75),
        "a line over 75 octets:\n{text}"
    );
    let Some(feed) = read_feed(&ws.root().join("away.ics")) else {
        return;
    };
    let korla = &feed["events"][4];
    assert_eq!(korla["uid"], "SR-20261118-81ZBJF-trip-1@svc");
    assert_eq!(
        korla["location"].as_str(),
        Some(format!("{site}, 巴音郭楞蒙古自治州库尔勒市人民东路 18 号").as_str())
    );
    // The fault on one line: its words, single spaces between them.
    let one_line = format!("光口;告警,闪断\\LOS {long} 第二行");
    assert!(
        korla["description"]
            .as_str()
            .is_some_and(|d| d.contains(&format!("\n故障：{one_line}\n"))),
        "{korla:#}"
    );
    // The JSON and the table keep the site's name as written (the table shows the line
    // break escaped, on one line).
    let json = events(&ws, &NOVEMBER);
    assert_eq!(json.len(), feed["events"].as_array().map_or(0, Vec::len));
    assert_eq!(json[4]["site_names"][0].as_str(), Some(site.as_str()));
    let table = calendar(&ws, &NOVEMBER);
    let korla: Vec<Vec<String>> = rows(&table)
        .into_iter()
        .filter(|r| r[4] == "SR-20261118-81ZBJF")
        .collect();
    assert_eq!(korla.len(), 1, "{table}");
    assert!(
        korla[0][3].starts_with("库尔勒;城区,机房\\二楼\\n新疆"),
        "{table}"
    );
}

/// `text` as a TOML basic string: JSON's string escapes (`\n`, `\"`, `\\`, `\u00XX`) are
/// TOML's too.
fn toml_string(text: &str) -> String {
    serde_json::to_string(text).expect("a string")
}

#[test]
fn planned_maintenance_is_an_all_day_event_named_after_its_plan_date_and_unit() {
    let ws = sample_company();
    let days = ["--from", "2026-11-10", "--to", "2026-11-10"];
    let all = events(&ws, &days);
    let planned: Vec<&Value> = all
        .iter()
        .filter(|e| e["kind"] == "planned-maintenance")
        .collect();
    // The quarterly inspection of China Telecom Guangzhou's two NT-3600 OLTs: Panyu's case
    // is opened, Tianhe's not yet.
    assert_eq!(planned.len(), 2, "{all:#?}");
    let panyu = planned
        .iter()
        .find(|e| e["unit"] == "NT3600-2022-00041")
        .expect("Panyu's OLT");
    assert_eq!(panyu["case"], "SR-20261110-X2TFNH");
    assert_eq!(panyu["plan"], "gzdx-nt3600-quarterly");
    assert_eq!(panyu["from"], "2026-11-10");
    assert_eq!(panyu["to"], "2026-11-10");
    assert_eq!(panyu["all_day"], true);
    assert_eq!(panyu["people"], serde_json::json!(["liu.yang"]));
    assert_eq!(panyu["sites"], serde_json::json!(["gz-panyu"]));
    assert_eq!(
        panyu["uid"],
        "plan-gzdx-nt3600-quarterly-20261110-NT3600-2022-00041@svc"
    );
    let tianhe = planned
        .iter()
        .find(|e| e["unit"] == "NT3600-2024-00123")
        .expect("Tianhe's OLT");
    assert_eq!(tianhe["case"], "");
    // The table names the plan's title and its engineer, and the case where there is one.
    let table = calendar(&ws, &days);
    let line = table
        .lines()
        .find(|l| l.contains("SR-20261110-X2TFNH"))
        .unwrap_or_else(|| panic!("{table}"));
    assert!(
        line.contains("Planned maintenance") && line.contains("刘洋"),
        "{line}"
    );

    calendar(&ws, &[&days[..], &["-o", "plan.ics"]].concat());
    let Some(feed) = read_feed(&ws.root().join("plan.ics")) else {
        return;
    };
    let read = feed["events"].as_array().expect("events");
    let by_uid = |uid: &str| {
        read.iter()
            .find(|e| e["uid"] == uid)
            .unwrap_or_else(|| panic!("no {uid} in {feed:#}"))
    };
    let panyu = by_uid("plan-gzdx-nt3600-quarterly-20261110-NT3600-2022-00041@svc");
    assert_eq!(
        panyu["summary"],
        "计划维护 · 广州电信 NT-3600 OLT 季度巡检 · 刘洋"
    );
    assert_eq!(panyu["start"], "2026-11-10");
    assert_eq!(panyu["end"], "2026-11-11");
    assert_eq!(panyu["all_day"], true);
    assert_eq!(panyu["status"], "CONFIRMED");
    let description = panyu["description"].as_str().expect("a description");
    assert!(
        description.starts_with("服务单：SR-20261110-X2TFNH\n"),
        "{description}"
    );
    assert!(
        description.ends_with("维护计划 gzdx-nt3600-quarterly，设备 NT3600-2022-00041。"),
        "{description}"
    );
    let tianhe = by_uid("plan-gzdx-nt3600-quarterly-20261110-NT3600-2024-00123@svc");
    assert_eq!(tianhe["status"], "TENTATIVE");
    assert!(
        tianhe["description"]
            .as_str()
            .is_some_and(|d| d.starts_with("服务单：尚未开单（svc plan open）")),
        "{tianhe:#}"
    );
}
