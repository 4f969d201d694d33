//! The office's data out (issue 11): the monthly analysis as an Excel workbook read back by
//! openpyxl (independent of svc's writer) against the JSON report, CSV with its byte-order
//! mark, the format chosen by `-o`'s extension and refused when it contradicts `--format`,
//! and `svc export cases`.

use crate::common::{stderr, stdout};
use crate::report::{DECEMBER, guangxi, monthly_json, november, sample_company};
use crate::workflow::{Ws, code};
use serde_json::{Value, json};
use std::path::Path;
use std::process::Command;

/// The workbook at `path` as openpyxl reads it (see tests/tools/read_xlsx.py).
fn read_xlsx(path: &Path) -> Vec<Value> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/tools/read_xlsx.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(path)
        .output()
        .expect("python3 runs (install it, and `pip install openpyxl`)");
    assert!(
        out.status.success(),
        "openpyxl could not read {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let sheets: Value = serde_json::from_slice(&out.stdout).expect("JSON from the reader");
    sheets.as_array().expect("a list of sheets").clone()
}

/// A sheet's rows (after the header) by name.
fn sheet<'a>(sheets: &'a [Value], name: &str) -> &'a [Value] {
    let s = sheets
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no sheet {name}: {:?}", names(sheets)));
    assert_eq!(s["freeze"], "A2", "{name}: the header row is frozen");
    &s["rows"].as_array().expect("rows")[1..]
}

/// The rows of the sheet `name`, its header row first.
fn with_header<'a>(sheets: &'a [Value], name: &str) -> &'a [Value] {
    sheet(sheets, name);
    let s = sheets
        .iter()
        .find(|s| s["name"] == name)
        .expect("the sheet");
    s["rows"].as_array().expect("rows")
}

fn names(sheets: &[Value]) -> Vec<String> {
    sheets
        .iter()
        .map(|s| s["name"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// A number cell's value, and that it is a number.
fn number(cell: &Value) -> f64 {
    cell["number"]
        .as_f64()
        .unwrap_or_else(|| panic!("not a number cell: {cell}"))
}

/// A money amount of the JSON report ("1240.00") as a number.
fn money(v: &Value) -> f64 {
    v.as_str()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("not an amount: {v}"))
}

/// That a cell holds what the JSON report says: nothing for null, the number for a number,
/// the amount for an amount ("1240.00").
fn same_number(cell: &Value, expected: &Value) {
    match expected {
        Value::Null => assert_eq!(*cell, Value::Null),
        Value::String(_) => assert_eq!(number(cell), money(expected)),
        _ => assert_eq!(number(cell), expected.as_f64().expect("a number")),
    }
}

/// The row of the overview labelled `label`.
fn overview<'a>(rows: &'a [Value], label: &str) -> &'a Value {
    &rows
        .iter()
        .find(|r| r[0] == label)
        .unwrap_or_else(|| panic!("no row {label} in the overview"))[1]
}

#[test]
fn the_workbook_holds_every_number_of_the_json_report_as_a_native_cell() {
    let n = november();
    let ws = &n.ws;
    let json = monthly_json(ws, DECEMBER, &[]);
    let file = ws.root().join("m.xlsx");
    let out = ws.svc(
        DECEMBER,
        &[
            "report", "monthly", "--month", "2026-11", "--locale", "en", "-o",
        ],
    );
    assert_eq!(code(&out), 2, "-o needs a file name: {}", stderr(&out));
    let file_arg = file.to_str().unwrap();
    ws.ok(
        DECEMBER,
        &[
            "report", "monthly", "--month", "2026-11", "--locale", "en", "-o", file_arg,
        ],
    );
    let bytes = std::fs::read(&file).unwrap();
    assert_eq!(&bytes[..2], b"PK", "a zip container, not Markdown");
    let sheets = read_xlsx(&file);
    assert_eq!(
        names(&sheets),
        [
            "Summary",
            "By engineer",
            "By customer",
            "Repeat visits",
            "Response targets (5.1.7)",
            "Response target breaches",
            "Fault categories",
            "Fees",
            "Parts used",
            "Travel",
            "Engineers' suggestions (8.6)",
            "Cases of the month"
        ]
    );
    let rows = sheet(&sheets, "Summary");
    let c = &json["cases"];
    for (label, key) in [
        ("Requests received", "received"),
        ("Resolved by phone", "resolved_remotely"),
        ("Visited on site", "visited"),
        ("Closed", "closed"),
        ("Cancelled", "cancelled"),
    ] {
        assert_eq!(
            number(overview(rows, label)),
            c[key].as_f64().unwrap(),
            "{label}"
        );
    }
    let rate = overview(rows, "First-time fix rate");
    assert_eq!(number(rate), json["first_time_fix_rate"].as_f64().unwrap());
    assert_eq!(rate["format"], "0.0%");
    let charged = overview(rows, "Charged");
    assert_eq!(number(charged), money(&json["fees"]["charged"]));
    assert_eq!(charged["format"], "#,##0.00");
    assert_eq!(
        number(overview(
            rows,
            "Response time (request → on site): Median (hours)"
        )),
        json["response_hours"]["median"].as_f64().unwrap()
    );
    // By engineer: visits, medians and fees, row for row.
    let engineers = sheet(&sheets, "By engineer");
    let by_engineer = json["by_engineer"].as_array().unwrap();
    assert_eq!(engineers.len(), by_engineer.len());
    for (row, g) in engineers.iter().zip(by_engineer) {
        assert_eq!(row[0], g["id"]);
        assert_eq!(row[1], g["name"]);
        assert_eq!(number(&row[2]), g["visited"].as_f64().unwrap());
        same_number(&row[3], &g["response_hours"]["median"]);
        assert_eq!(number(&row[6]), money(&g["charged"]));
    }
    // Fees by customer.
    let fees = sheet(&sheets, "Fees");
    let by_customer = json["fees"]["by_customer"].as_array().unwrap();
    assert_eq!(fees.len(), by_customer.len());
    assert!(!fees.is_empty(), "the November workspace charges fees");
    for (row, f) in fees.iter().zip(by_customer) {
        assert_eq!(row[0], f["customer"]);
        assert_eq!(number(&row[2]), money(&f["charged"]));
        assert_eq!(number(&row[3]), money(&f["collected"]));
    }
    // Parts: quantities.
    let parts = sheet(&sheets, "Parts used");
    let used = json["parts"].as_array().unwrap();
    assert_eq!(parts.len(), used.len());
    for (row, p) in parts.iter().zip(used) {
        assert_eq!(row[0], p["code"]);
        assert_eq!(number(&row[2]), p["qty"].as_f64().unwrap());
    }
    // Repeat visits, fault categories, flights and the travel counts.
    let repeats = sheet(&sheets, "Repeat visits");
    let json_repeats = json["repeat_visits"].as_array().unwrap();
    assert_eq!(repeats.len(), json_repeats.len());
    assert!(
        !repeats.is_empty(),
        "the November workspace has a repeat visit"
    );
    for (row, r) in repeats.iter().zip(json_repeats) {
        assert_eq!(row[0], r["case"]);
        assert_eq!(row[4], r["previous_case"]);
        assert_eq!(number(&row[5]), r["days"].as_f64().unwrap());
    }
    let faults = sheet(&sheets, "Fault categories");
    let json_faults = json["faults"].as_array().unwrap();
    assert_eq!(faults.len(), json_faults.len());
    for (row, f) in faults.iter().zip(json_faults) {
        assert_eq!(row[0], f["model"]);
        assert_eq!(number(&row[2]), f["count"].as_f64().unwrap());
    }
    let flights = sheet(&sheets, "Travel");
    let json_flights = json["travel"]["flights"].as_array().unwrap();
    assert_eq!(flights.len(), json_flights.len());
    for (row, f) in flights.iter().zip(json_flights) {
        assert_eq!(row[0], f["case"]);
        assert_eq!(
            &row[1]["date"].as_str().unwrap()[..10],
            f["date"].as_str().unwrap()
        );
    }
    for (label, value) in [
        ("Trips", &json["travel"]["trips"]),
        ("Travel days", &json["travel"]["days"]),
        ("Person-days", &json["travel"]["person_days"]),
        (
            "Flights approved (7.4)",
            &json["travel"]["flights_approved"],
        ),
    ] {
        assert_eq!(
            number(overview(rows, label)),
            value.as_f64().unwrap(),
            "{label}"
        );
    }
    assert_eq!(
        number(overview(
            rows,
            "Check-ins while travelling (7.5): Compliance"
        )),
        json["checkins"]["compliance"].as_f64().unwrap()
    );
    // The case list: ids, times as dates in the workspace's zone, hours and fees.
    let cases = sheet(&sheets, "Cases of the month");
    let list = json["case_list"].as_array().unwrap();
    assert_eq!(cases.len(), list.len());
    for (row, c) in cases.iter().zip(list) {
        assert_eq!(row[0], c["case"]);
        let received = c["received_at"].as_str().unwrap();
        assert_eq!(row[7]["date"].as_str().unwrap(), &received[..19]);
        same_number(&row[11], &c["response_hours"]);
        same_number(&row[14], &c["charged"]);
    }
    // The same data gives the same bytes.
    let again = ws.root().join("again.xlsx");
    ws.ok(
        DECEMBER,
        &[
            "report",
            "monthly",
            "--month",
            "2026-11",
            "--locale",
            "en",
            "--format",
            "xlsx",
            "-o",
            again.to_str().unwrap(),
        ],
    );
    assert_eq!(std::fs::read(&again).unwrap(), bytes);
    // Labels follow the locale.
    let zh = ws.root().join("zh.xlsx");
    ws.ok(
        DECEMBER,
        &[
            "report",
            "monthly",
            "--month",
            "2026-11",
            "-o",
            zh.to_str().unwrap(),
        ],
    );
    let zh_sheets = read_xlsx(&zh);
    assert_eq!(names(&zh_sheets)[0], "概况");
    assert!(sheet(&zh_sheets, "概况").iter().any(|r| r[0] == "受理请求"));
}

#[test]
fn the_workbook_names_people_customers_and_fee_arrangements_beside_their_ids() {
    let ws = sample_company();
    let file = ws.root().join("m.xlsx");
    let file_arg = file.to_str().unwrap();
    for locale in ["zh-CN", "en"] {
        ws.ok(
            crate::common::NOW,
            &[
                "report", "monthly", "--month", "2026-11", "--locale", locale, "-o", file_arg,
            ],
        );
        let sheets = read_xlsx(&file);
        let l = |key: &str| {
            svc::report::templates::label(
                svc::report::templates::Locale::parse(locale).unwrap(),
                key,
            )
            .to_owned()
        };
        let column = |rows: &[Value], key: &str| {
            rows[0]
                .as_array()
                .unwrap()
                .iter()
                .position(|h| h.as_str() == Some(&l(key)))
                .unwrap_or_else(|| panic!("no column {key}: {}", rows[0]))
        };
        // The cases: the customer's name (in English in English) beside its id, the fee
        // arrangement in words, the engineers by name beside their ids.
        let cases = with_header(&sheets, &l("monthly_case_table"));
        let (id, customer, fee, engineers, engineer_ids) = (
            column(cases, "customer_id"),
            column(cases, "customer"),
            column(cases, "monthly_fee_arrangement"),
            column(cases, "engineers"),
            column(cases, "engineer_ids"),
        );
        let gx = cases
            .iter()
            .find(|r| r[id] == "gx-catv" && r[engineer_ids] == "wu.gang")
            .expect("the Guangxi case");
        let (name, words) = guangxi(locale);
        assert_eq!(gx[customer], name);
        assert_eq!(gx[fee], words);
        assert_eq!(gx[engineers], "吴刚");
        for row in &cases[1..] {
            let fee = row[fee].as_str().unwrap_or_default();
            // In English the words are the keywords' own ("billable").
            let keyword = fee.contains("warranty") || fee.contains("billable");
            assert!(!fee.contains("agreement:"), "{row}");
            assert!(locale == "en" || !keyword, "{row}");
            assert!(
                !row[engineers].as_str().unwrap_or_default().contains('.'),
                "{row}"
            );
        }
        // Flights: who approved, by name, then the id.
        let travel = with_header(&sheets, &l("monthly_travel"));
        let (by, by_id) = (
            column(travel, "monthly_flight_approved_by"),
            column(travel, "monthly_flight_approver_id"),
        );
        assert_eq!(travel[1][by], "马丽");
        assert_eq!(travel[1][by_id], "ma.li");
        // Fees by customer: the id, then the name in the report's language.
        let fees = with_header(&sheets, &l("monthly_fees"));
        assert_eq!(fees[1][0], "sc-telecom");
        let sichuan = match locale {
            "en" => "China Telecom Sichuan Branch",
            _ => "中国电信股份有限公司四川分公司",
        };
        assert_eq!(fees[1][1], sichuan);
        // Response targets: the agreement in words beside its id, the breach with the
        // customer's name beside its id and the minutes late as a number.
        let targets = with_header(&sheets, &l("monthly_targets"));
        let gz = targets
            .iter()
            .find(|r| r[1] == "GZDX-2025-SA-01")
            .expect("the Guangzhou agreement's row");
        let words = match locale {
            "en" => "after-sales agreement GZDX-2025-SA-01",
            _ => "售后服务协议 GZDX-2025-SA-01",
        };
        assert_eq!(gz[2], words);
        assert_eq!((number(&gz[3]), number(&gz[4])), (3.0, 1.0));
        let breaches = sheet(&sheets, &l("sheet_target_breaches"));
        assert_eq!(breaches.len(), 1, "{breaches:?}");
        let breach = &breaches[0];
        assert_eq!(breach[0], "SR-20261119-EX5594");
        let guangzhou = match locale {
            "en" => "China Telecom Guangzhou Branch",
            _ => "中国电信股份有限公司广州分公司",
        };
        assert_eq!(
            (&breach[1], &breach[2]),
            (&json!(guangzhou), &json!("gd-telecom-gz"))
        );
        assert_eq!(number(&breach[7]), 710.0);
    }
}

#[test]
fn the_format_follows_the_file_and_a_contradiction_is_refused() {
    let n = november();
    let ws = &n.ws;
    let at = |name: &str| ws.root().join(name).to_str().unwrap().to_owned();
    let monthly = |extra: &[&str]| {
        let mut args = vec!["report", "monthly", "--month", "2026-11"];
        args.extend_from_slice(extra);
        ws.svc(DECEMBER, &args)
    };
    let json_file = at("m.json");
    assert_eq!(code(&monthly(&["-o", &json_file])), 0);
    let json: Value = serde_json::from_slice(&std::fs::read(&json_file).unwrap()).expect("JSON");
    assert_eq!(json["month"], "2026-11");
    let html_file = at("m.HTM");
    assert_eq!(code(&monthly(&["-o", &html_file])), 0);
    assert!(
        std::fs::read_to_string(&html_file)
            .unwrap()
            .contains("<html")
    );
    // An extension svc cannot write, and one that contradicts --format: exit 2, nothing
    // written, the formats listed.
    for (extra, says) in [
        (vec!["-o", "refused.txt"], "cannot write a .txt file"),
        (vec!["--format", "csv", "-o", "refused.json"], "contradicts"),
        (vec!["--format", "xlsx", "-o", "refused.md"], "contradicts"),
    ] {
        let out = monthly(&extra);
        assert_eq!(code(&out), 2, "{extra:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("md, html, csv, json, xlsx"),
            "{}",
            stderr(&out)
        );
        assert!(!ws.root().join(extra.last().unwrap()).exists());
    }
    // A workbook is not made from a template.
    let out = monthly(&[
        "--format",
        "xlsx",
        "--template",
        "t.md",
        "-o",
        &at("x.xlsx"),
    ]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    // The forms know md and html only.
    let case = std::fs::read_dir(ws.root().join("cases/2026/11"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .file_name();
    let case = case.to_str().unwrap();
    let out = ws.svc(DECEMBER, &["render", case, "request", "-o", "r.csv"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("md, html"), "{}", stderr(&out));
    let out = ws.svc(DECEMBER, &["render", case, "request", "-o", &at("r.html")]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn csv_carries_a_byte_order_mark_for_excel_unless_asked_not_to() {
    let n = november();
    let ws = &n.ws;
    let out = ws.svc(
        DECEMBER,
        &["report", "monthly", "--month", "2026-11", "--format", "csv"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(&out.stdout[..3], "\u{feff}".as_bytes(), "a UTF-8 BOM first");
    let text = String::from_utf8(out.stdout[3..].to_vec()).unwrap();
    assert!(text.starts_with("服务单,"), "{text}");
    let out = ws.svc(
        DECEMBER,
        &[
            "report", "monthly", "--month", "2026-11", "--format", "csv", "--no-bom",
        ],
    );
    assert!(stdout(&out).starts_with("服务单,"), "{}", stdout(&out));
}

#[test]
fn export_cases_gives_every_case_that_passes_the_filters_one_row_each() {
    let n = november();
    let ws: &Ws = &n.ws;
    let listed: Value =
        serde_json::from_str(&ws.ok(DECEMBER, &["--json", "list"])).expect("list JSON");
    let listed = listed.as_array().unwrap();
    let exported: Value =
        serde_json::from_str(&ws.ok(DECEMBER, &["export", "cases", "--format", "json"]))
            .expect("export JSON");
    let exported = exported.as_array().unwrap();
    assert_eq!(exported.len(), listed.len());
    for (e, l) in exported.iter().zip(listed) {
        assert_eq!(e["case"], l["id"]);
        assert_eq!(e["customer"], l["customer"]);
        assert_eq!(e["state"], l["state"]);
    }
    // The month's case list and the export agree on the cases both hold.
    let month = monthly_json(ws, DECEMBER, &[]);
    for row in month["case_list"].as_array().unwrap() {
        let e = exported
            .iter()
            .find(|e| e["case"] == row["case"])
            .expect("the case is exported");
        for key in [
            "received_at",
            "response_hours",
            "charged",
            "fee",
            "engineers",
            "repeat",
        ] {
            assert_eq!(e[key], row[key], "{key} of {}", row["case"]);
        }
    }
    // Filters as for list.
    let archived: Value = serde_json::from_str(&ws.ok(
        DECEMBER,
        &["export", "cases", "--state", "archived", "--format", "json"],
    ))
    .unwrap();
    let archived = archived.as_array().unwrap();
    assert!(!archived.is_empty());
    assert!(archived.iter().all(|c| c["state"] == "archived"));
    assert!(archived.len() < exported.len());
    let out = ws.svc(DECEMBER, &["export", "cases", "--customer", "nobody"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    // CSV (BOM, one line a case) and a workbook from the file's name.
    let csv = ws.root().join("cases.csv");
    ws.ok(DECEMBER, &["export", "cases", "-o", csv.to_str().unwrap()]);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert_eq!(text.lines().count(), exported.len() + 1);
    let xlsx = ws.root().join("cases.xlsx");
    ws.ok(
        DECEMBER,
        &[
            "export",
            "cases",
            "--locale",
            "en",
            "-o",
            xlsx.to_str().unwrap(),
        ],
    );
    let sheets = read_xlsx(&xlsx);
    let rows = sheet(&sheets, "Cases");
    assert_eq!(rows.len(), exported.len());
    for (row, e) in rows.iter().zip(exported) {
        assert_eq!(row[0], e["case"]);
        same_number(&row[14], &e["charged"]);
    }
    let out = ws.svc(DECEMBER, &["export", "cases", "-o", "cases.pdf"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("csv, xlsx, json"), "{}", stderr(&out));
}

const T_IMPORT: &str = "2026-11-20T10:00:00+08:00";

/// The import's error lines, the sheet's path written FILE.
fn import_errors(out: &std::process::Output, file: &str) -> Vec<String> {
    stdout(out)
        .lines()
        .filter(|l| l.contains("error[import]"))
        .map(|l| l.replace(file, "FILE"))
        .collect()
}

/// The sample company's sheets (examples/sheets, written by openpyxl).
fn sample(name: &str) -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/examples/sheets/").to_owned() + name
}

/// Write a workbook with openpyxl: `rows` is a Python list of lists.
fn write_xlsx(path: &Path, sheet: &str, rows: &str) {
    let script = format!(
        "import openpyxl, sys\nb = openpyxl.Workbook()\ns = b.active\ns.title = {sheet:?}\nfor r in {rows}:\n    s.append(r)\nb.save(sys.argv[1])\n"
    );
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(path)
        .output()
        .expect("python3 runs (install it, and `pip install openpyxl`)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The `[[part]]` (or `[[rate]]`) entry with `code` in the catalog file, as a TOML table.
fn entry(ws: &Ws, file: &str, key: &str, code: &str) -> Option<toml::Table> {
    let doc: toml::Table = toml::from_str(&ws.read(file)).expect("the catalog is TOML");
    doc.get(key)?
        .as_array()?
        .iter()
        .filter_map(|v| v.as_table())
        .find(|t| t.get("code").and_then(|c| c.as_str()) == Some(code))
        .cloned()
}

fn price(ws: &Ws, file: &str, key: &str, code: &str) -> Option<String> {
    entry(ws, file, key, code)?
        .get("price")?
        .as_str()
        .map(str::to_owned)
}

#[test]
fn the_sample_sheets_import_into_a_fresh_workspace_once() {
    let ws = Ws::init();
    ws.act_as("zhao.min");
    let before = ws.read("catalog/parts.toml");
    let head = ws.head();
    // Without --apply: the plan, nothing written.
    let out = ws.svc(T_IMPORT, &["import", "parts", &sample("parts.xlsx")]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("PSU-DC-3600"), "{}", stdout(&out));
    assert!(stderr(&out).contains("5 to add"), "{}", stderr(&out));
    assert_eq!(ws.read("catalog/parts.toml"), before);
    assert_eq!(ws.head(), head);
    // With --apply: one commit by the admin, with the import's trailers.
    ws.ok(
        T_IMPORT,
        &["import", "parts", &sample("parts.xlsx"), "--apply"],
    );
    let file = "catalog/parts.toml";
    // The Excel realities: a number cell, a number stored as text with a thousands
    // separator, a float with one decimal, full-width digits and a yuan sign.
    assert_eq!(
        price(&ws, file, "part", "PSU-AC-3600").as_deref(),
        Some("1280.00")
    );
    assert_eq!(
        price(&ws, file, "part", "PSU-DC-3600").as_deref(),
        Some("1180.00")
    );
    assert_eq!(
        price(&ws, file, "part", "FAN-3600").as_deref(),
        Some("560.50")
    );
    assert_eq!(
        price(&ws, file, "part", "SFP-GPON").as_deref(),
        Some("420.00")
    );
    let fan = entry(&ws, file, "part", "FAN-3600").unwrap();
    assert_eq!(fan["name_en"].as_str(), Some("NT-3600 fan tray"));
    assert!(
        ws.read(file)
            .starts_with(&before[..before.find('\n').unwrap()]),
        "the file's comments stay"
    );
    let message = ws.git(&["log", "-1", "--format=%an <%ae>%n%B"]);
    assert!(
        message.starts_with(
            "赵敏 <zhao.min@example.com>\nImport parts from parts.xlsx: 5 added, 0 changed"
        ),
        "{message}"
    );
    assert!(
        message.contains("Svc-Import: parts\nSvc-Source: parts.xlsx\nSvc-Actor: zhao.min"),
        "{message}"
    );
    assert_eq!(
        ws.git(&["status", "--porcelain"]),
        "",
        "git's index agrees with the commit"
    );
    let out = ws.svc(T_IMPORT, &["check"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    // Again: nothing changes, no commit.
    let head = ws.head();
    let out = ws.svc(
        T_IMPORT,
        &["import", "parts", &sample("parts.xlsx"), "--apply"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("nothing to commit"),
        "{}",
        stderr(&out)
    );
    assert_eq!(ws.head(), head);
    // The rate card, as GBK CSV: the kinds in Chinese become the catalog's words.
    ws.ok(
        T_IMPORT,
        &["import", "rates", &sample("rates-gbk.csv"), "--apply"],
    );
    let lab = entry(&ws, "catalog/rates.toml", "rate", "SVC-LAB-DAY").unwrap();
    assert_eq!(lab["kind"].as_str(), Some("labour"));
    assert_eq!(lab["name"].as_str(), Some("工程师人工费"));
    assert_eq!(lab["price"].as_str(), Some("1200.00"));
    let out = ws.svc(T_IMPORT, &["check"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    // Said as UTF-8, the GBK file is refused with where it stops being UTF-8.
    let out = ws.svc(
        T_IMPORT,
        &[
            "import",
            "rates",
            &sample("rates-gbk.csv"),
            "--encoding",
            "utf-8",
        ],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("is not UTF-8 (byte 0x"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_changed_price_is_shown_old_to_new_and_committed_as_a_change() {
    let ws = Ws::init();
    ws.act_as("zhao.min");
    let sheet = ws.root().join("parts.xlsx");
    write_xlsx(
        &sheet,
        "价目表",
        r#"[["编码", "名称", "单位", "单价"], ["P-FAN-TRAY", "风扇托盘", "个", "345.60"], ["NEW-1", "新备件", "套", 12]]"#,
    );
    let out = ws.svc(T_IMPORT, &["import", "parts", sheet.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out).contains("price: 320.00 → 345.60"),
        "{}",
        stdout(&out)
    );
    assert!(
        stderr(&out).contains("1 to add, 1 to change, 0 the same; 1 left alone"),
        "{}",
        stderr(&out)
    );
    ws.ok(
        T_IMPORT,
        &["import", "parts", sheet.to_str().unwrap(), "--apply"],
    );
    let file = "catalog/parts.toml";
    assert_eq!(
        price(&ws, file, "part", "P-FAN-TRAY").as_deref(),
        Some("345.60")
    );
    assert_eq!(price(&ws, file, "part", "NEW-1").as_deref(), Some("12.00"));
    assert_eq!(
        price(&ws, file, "part", "P-PSU-48V").as_deref(),
        Some("680.00"),
        "left alone"
    );
    let json: Value = serde_json::from_str(&ws.ok(
        T_IMPORT,
        &["--json", "import", "parts", sheet.to_str().unwrap()],
    ))
    .unwrap();
    assert!(
        json["changes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["action"] == "same")
    );
}

#[test]
fn bad_rows_are_reported_cell_by_cell_and_nothing_is_written() {
    let ws = Ws::init();
    ws.act_as("zhao.min");
    let sheet = ws.root().join("bad.xlsx");
    write_xlsx(
        &sheet,
        "价目表",
        r#"[["编码", "名称", "单位", "单价"], ["A-1", "甲", "个", 12.345], [None, "乙", "个", 5], ["A 2", "丙", "个", "-3"], ["A-1", "丁", "个", "abc"], ["A-3", "", "个", 1]]"#,
    );
    let before = ws.read("catalog/parts.toml");
    let head = ws.head();
    let out = ws.svc(
        T_IMPORT,
        &["import", "parts", sheet.to_str().unwrap(), "--apply"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let file = sheet.display().to_string();
    let lines = import_errors(&out, &file);
    assert_eq!(
        lines,
        [
            "FILE:价目表:2:D: error[import]: price: `12.345` has more than two decimals; money is kept to the fen",
            "FILE:价目表:3:A: error[import]: no code",
            "FILE:价目表:4:A: error[import]: the code `A 2` has a space in it",
            "FILE:价目表:4:D: error[import]: price: `-3` is negative; a price is never below zero",
            "FILE:价目表:5:D: error[import]: price: `abc` is not an amount",
            "FILE:价目表:5:A: error[import]: the code A-1 is also on row 2",
            "FILE:价目表:6:B: error[import]: no name",
        ]
    );
    assert!(stderr(&out).contains("7 errors"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("nothing was written"),
        "{}",
        stderr(&out)
    );
    assert_eq!(ws.read("catalog/parts.toml"), before);
    assert_eq!(ws.head(), head);
    // A sheet without a header svc knows.
    let none = ws.root().join("none.csv");
    std::fs::write(&none, "foo,bar\n1,2\n").unwrap();
    let out = ws.svc(T_IMPORT, &["import", "parts", none.to_str().unwrap()]);
    assert_eq!(code(&out), 1);
    assert!(
        stdout(&out).contains("no header row names the columns"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn bad_cells_are_reported_in_the_language_of_the_person_importing() {
    let ws = Ws::init();
    ws.act_as("zhao.min");
    let sheet = ws.root().join("bad.csv");
    std::fs::write(&sheet, "编码,名称,单位,单价\nA 1,甲,个,12.345\n").unwrap();
    let file = sheet.display().to_string();
    let import = |lang: &str, file: &str| {
        ws.command(T_IMPORT)
            .env("LANG", lang)
            .args(["import", "parts", file])
            .output()
            .expect("run svc")
    };
    let out = import("zh_CN.UTF-8", &file);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(
        import_errors(&out, &file),
        [
            "FILE:2:A: error[import]: 编码 `A 1` 中有空格",
            "FILE:2:D: error[import]: 单价：`12.345` 的小数超过两位；金额只精确到分",
        ]
    );
    assert!(
        stdout(&out).contains("hint: 编码是一个词（字母、数字、- 和 _）"),
        "{}",
        stdout(&out)
    );
    let out = import("en_US.UTF-8", &file);
    assert_eq!(
        import_errors(&out, &file),
        [
            "FILE:2:A: error[import]: the code `A 1` has a space in it",
            "FILE:2:D: error[import]: price: `12.345` has more than two decimals; money is kept to the fen",
        ]
    );
    // A file svc does not read.
    let text = ws.root().join("prices.txt");
    std::fs::write(&text, "编码,单价\n").unwrap();
    let out = import("zh_CN.UTF-8", text.to_str().unwrap());
    assert!(
        stderr(&out).contains("svc 读取 .xlsx、.xlsm、.xls、.ods 和 .csv 文件，不读取 .txt 文件"),
        "{}",
        stderr(&out)
    );
    let out = import("en_US.UTF-8", text.to_str().unwrap());
    assert!(
        stderr(&out).contains("svc reads .xlsx, .xlsm, .xls, .ods and .csv files, not .txt"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_import_by_someone_without_the_role_is_refused() {
    let ws = Ws::with_staff();
    ws.act_as("ma.lin");
    let head = ws.head();
    let before = ws.read("catalog/parts.toml");
    let out = ws.svc(
        T_IMPORT,
        &["import", "parts", &sample("parts.xlsx"), "--apply"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("ma.lin is not an admin"),
        "{}",
        stderr(&out)
    );
    assert_eq!(ws.read("catalog/parts.toml"), before);
    assert_eq!(ws.head(), head);
    // Uncommitted edits to the file are not taken along by an admin's import either.
    ws.act_as("zhao.min");
    ws.write(
        "catalog/parts.toml",
        &(before.clone() + "\n# an edit not yet committed\n"),
    );
    let out = ws.svc(
        T_IMPORT,
        &["import", "parts", &sample("parts.xlsx"), "--apply"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("uncommitted changes"),
        "{}",
        stderr(&out)
    );
    assert_eq!(ws.head(), head);
}

/// A second customer, committed by the admin: one site, one product.
const NORTH: &str = r#"id = "north-net"
name = "北方网络有限公司"

[[sites]]
id = "bj-1"
name = "北京一号机房"
city = "北京"

[[products]]
serial = "NT3600-2024-09999"
model = "NT-3600 OLT"
site = "bj-1"
warranty_end = 2027-01-01
"#;

/// A TOML date as written; it must be a date, not a string.
fn date(v: &toml::Value) -> String {
    v.as_datetime()
        .unwrap_or_else(|| panic!("not a TOML date: {v:?}"))
        .to_string()
}

#[test]
fn the_installed_base_goes_under_each_customer_with_its_dates() {
    let ws = Ws::with_staff();
    ws.write("customers/north-net.toml", NORTH);
    ws.git(&["add", "customers"]);
    ws.git_commit_as("zhao.min", "Add a customer");
    ws.act_as("zhou.wei");
    ws.ok(
        T_IMPORT,
        &[
            "import",
            "products",
            &sample("installed-base.xlsx"),
            "--apply",
        ],
    );
    let doc: toml::Table = toml::from_str(&ws.read("customers/example-customer.toml")).unwrap();
    let products = doc["products"].as_array().unwrap();
    let by_serial = |s: &str| {
        products
            .iter()
            .find(|p| p["serial"].as_str() == Some(s))
            .unwrap_or_else(|| panic!("{s} in {products:?}"))
            .as_table()
            .unwrap()
            .clone()
    };
    // A date cell, a text date in two Chinese ways, a date serial number: TOML dates.
    let p = by_serial("NT3600-2026-00102");
    assert_eq!(p["site"].as_str(), Some("gz-main"), "the site by its name");
    assert_eq!(date(&p["installed_on"]), "2026-06-18");
    assert_eq!(date(&p["warranty_end"]), "2029-06-17");
    assert_eq!(
        date(&by_serial("NT5800-2026-00011")["warranty_end"]),
        "2029-06-30"
    );
    assert!(by_serial("NT5800-2026-00011").get("installed_on").is_none());
    assert_eq!(
        date(&by_serial("NT3600-2025-00001")["warranty_end"]),
        "2028-02-29"
    );
    let text = ws.read("customers/example-customer.toml");
    assert!(
        text.contains("# 保修截止 · decides whether fees may be charged (9.1)"),
        "comments stay"
    );
    assert_eq!(
        ws.read("customers/north-net.toml"),
        NORTH,
        "another customer's file untouched"
    );
    let message = ws.git(&["log", "-1", "--format=%an%n%B"]);
    assert!(
        message.starts_with("周伟\nImport products from installed-base.xlsx: 2 added, 0 changed"),
        "{message}"
    );
    let out = ws.svc(T_IMPORT, &["check"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let out = ws.svc(
        T_IMPORT,
        &[
            "import",
            "products",
            &sample("installed-base.xlsx"),
            "--apply",
        ],
    );
    assert!(
        stderr(&out).contains("nothing to commit"),
        "{}",
        stderr(&out)
    );
    // An engineer does not change customers' files.
    ws.act_as("ma.lin");
    let sheet = ws.root().join("more.xlsx");
    write_xlsx(
        &sheet,
        "设备",
        r#"[["客户", "站点", "序列号", "型号", "保修截止"], ["north-net", "bj-1", "NT3600-2026-12345", "NT-3600 OLT", "2029-01-01"]]"#,
    );
    let out = ws.svc(
        T_IMPORT,
        &["import", "products", sheet.to_str().unwrap(), "--apply"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("ma.lin is not csc, lead or admin"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_product_row_naming_an_unknown_customer_site_or_a_serial_installed_elsewhere_is_refused() {
    let ws = Ws::init();
    ws.write("customers/north-net.toml", NORTH);
    ws.git(&["add", "customers"]);
    ws.git_commit_as("zhao.min", "Add a customer");
    ws.act_as("zhao.min");
    let sheet = ws.root().join("bad.xlsx");
    write_xlsx(
        &sheet,
        "设备",
        r#"[["客户", "站点", "序列号", "型号", "保修截止"], ["南方网络", "x", "S-1", "M", "2029-01-01"], ["north-net", "上海机房", "S-2", "M", "2029-01-01"], ["example-customer", "gz-main", "NT3600-2024-09999", "M", "2029-01-01"], ["north-net", "bj-1", "S-3", "M", "明年"]]"#,
    );
    let head = ws.head();
    let out = ws.svc(
        T_IMPORT,
        &["import", "products", sheet.to_str().unwrap(), "--apply"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let file = sheet.display().to_string();
    let lines = import_errors(&out, &file);
    assert_eq!(
        lines,
        [
            "FILE:设备:2:A: error[import]: no customer `南方网络` (by id or name) in customers/",
            "FILE:设备:3:B: error[import]: customer north-net has no site `上海机房`",
            "FILE:设备:4:C: error[import]: NT3600-2024-09999 is installed at north-net (customers/north-net.toml), not example-customer",
            "FILE:设备:5:E: error[import]: warranty_end: `明年` is not a date",
        ],
        "the cells that cannot be read and the rows that name what is not there, at once"
    );
    // With the date fixed, the rows that name what is not there.
    write_xlsx(
        &sheet,
        "设备",
        r#"[["客户", "站点", "序列号", "型号", "保修截止"], ["南方网络", "x", "S-1", "M", "2029-01-01"], ["north-net", "上海机房", "S-2", "M", "2029-01-01"], ["example-customer", "gz-main", "NT3600-2024-09999", "M", "2029-01-01"]]"#,
    );
    let out = ws.svc(
        T_IMPORT,
        &["import", "products", sheet.to_str().unwrap(), "--apply"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let lines = import_errors(&out, &file);
    assert_eq!(
        lines,
        [
            "FILE:设备:2:A: error[import]: no customer `南方网络` (by id or name) in customers/",
            "FILE:设备:3:B: error[import]: customer north-net has no site `上海机房`",
            "FILE:设备:4:C: error[import]: NT3600-2024-09999 is installed at north-net (customers/north-net.toml), not example-customer",
        ]
    );
    assert_eq!(ws.head(), head);
    assert_eq!(ws.read("customers/north-net.toml"), NORTH);
}

#[test]
fn the_workspace_rules_say_which_column_is_which_when_the_headers_do_not() {
    let ws = Ws::init();
    ws.act_as("zhao.min");
    let sheet = ws.root().join("erp.xlsx");
    // An ERP's export: two lines above the header, a row of units under it, headers svc
    // does not know, no unit column at all.
    write_xlsx(
        &sheet,
        "ERP导出",
        r#"[["ERP 物料导出"], ["导出日期 30/11/2026"], ["物料代码", "物料描述", "备注", "价钱"], ["", "", "", "(元)"], ["X-1", "某备件", "", "99.9"], ["X-2", "另一备件", "", 10]]"#,
    );
    let out = ws.svc(T_IMPORT, &["import", "parts", sheet.to_str().unwrap()]);
    assert_eq!(code(&out), 1, "without rules the sheet is not understood");
    assert!(
        stdout(&out).contains("no header row names the columns"),
        "{}",
        stdout(&out)
    );
    ws.write(
        "import/parts.toml",
        "header_row = 3\nskip_rows = 1\n\n[columns]\ncode = \"物料代码\"\nname = \"物料描述\"\nprice = \"D\"\n\n[fixed]\nunit = \"个\"\n",
    );
    ws.ok(
        T_IMPORT,
        &["import", "parts", sheet.to_str().unwrap(), "--apply"],
    );
    let x1 = entry(&ws, "catalog/parts.toml", "part", "X-1").expect("X-1 imported");
    assert_eq!(x1["price"].as_str(), Some("99.90"));
    assert_eq!(x1["unit"].as_str(), Some("个"), "the fixed value");
    assert_eq!(x1["name"].as_str(), Some("某备件"));
    assert_eq!(
        price(&ws, "catalog/parts.toml", "part", "X-2").as_deref(),
        Some("10.00")
    );
    // Rules that name a field svc does not have are refused, saying which fields there are.
    let bad = ws.root().join("bad-rules.toml");
    std::fs::write(&bad, "[columns]\nkind = \"A\"\n").unwrap();
    let out = ws.svc(
        T_IMPORT,
        &[
            "import",
            "parts",
            sheet.to_str().unwrap(),
            "--rules",
            bad.to_str().unwrap(),
        ],
    );
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains(
            "`kind` is not a field of parts; the fields are code, name, name_en, unit, price"
        ),
        "{}",
        stderr(&out)
    );
    // A date format of the rules' own, for products.
    ws.write("import/products.toml", "date_formats = [\"%d/%m/%Y\"]\n");
    let devices = ws.root().join("devices.csv");
    std::fs::write(
        &devices,
        "客户,站点,序列号,型号,保修截止\nexample-customer,gz-main,NT-D-1,NT-3600 OLT,28/02/2029\n",
    )
    .unwrap();
    ws.ok(
        T_IMPORT,
        &["import", "products", devices.to_str().unwrap(), "--apply"],
    );
    assert!(
        ws.read("customers/example-customer.toml")
            .contains("warranty_end = 2029-02-28")
    );
}

#[test]
fn customers_import_into_a_file_each_with_the_salesperson_by_name() {
    let ws = Ws::with_staff();
    ws.act_as("zhao.min");
    let sheet = ws.root().join("customers.csv");
    std::fs::write(
        &sheet,
        "\u{feff}客户编号,客户名称,英文名称,业务员\r\nexample-customer,示例电信有限公司广州分公司,Example Telecom GZ,\r\nhz-net,杭州某网络有限公司,,孙丽\r\nbad id,坏,,\r\nx-co,某公司,,不存在的人\r\n",
    )
    .unwrap();
    let out = ws.svc(
        T_IMPORT,
        &["import", "customers", sheet.to_str().unwrap(), "--apply"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let file = sheet.display().to_string();
    assert_eq!(
        import_errors(&out, &file),
        [
            "FILE:4:A: error[import]: the code `bad id` has a space in it",
            "FILE:5:D: error[import]: no one called `不存在的人` in people.toml",
        ]
    );
    assert!(!ws.root().join("customers/hz-net.toml").exists());
    std::fs::write(
        &sheet,
        "客户编号,客户名称,英文名称,业务员\nexample-customer,示例电信有限公司广州分公司,Example Telecom GZ,\nhz-net,杭州某网络有限公司,,孙丽\n",
    )
    .unwrap();
    ws.ok(
        T_IMPORT,
        &["import", "customers", sheet.to_str().unwrap(), "--apply"],
    );
    let hz: toml::Table = toml::from_str(&ws.read("customers/hz-net.toml")).unwrap();
    assert_eq!(hz["id"].as_str(), Some("hz-net"));
    assert_eq!(hz["name"].as_str(), Some("杭州某网络有限公司"));
    assert_eq!(
        hz["salesperson"].as_str(),
        Some("sun.li"),
        "the salesperson by name"
    );
    let example = ws.read("customers/example-customer.toml");
    assert!(
        example.contains("name_en = \"Example Telecom GZ\""),
        "{example}"
    );
    assert!(
        example.contains("[[products]]"),
        "the rest of the file stays"
    );
    let out = ws.svc(T_IMPORT, &["check"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let head = ws.head();
    let out = ws.svc(
        T_IMPORT,
        &["import", "customers", sheet.to_str().unwrap(), "--apply"],
    );
    assert!(
        stderr(&out).contains("nothing to commit"),
        "{}",
        stderr(&out)
    );
    assert_eq!(ws.head(), head);
}
