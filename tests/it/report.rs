//! `svc report monthly` and `svc templates export`, through the binary: every number of the
//! monthly JSON against the arithmetic done by hand on a workspace built step by step,
//! templates replaced and broken, older revisions, escaping, a real browser, and the
//! Markdown as a snapshot.

use crate::common::{self, stderr, stdout};
use crate::workflow::{Ws, code};
use serde_json::{Value, json};

/// After November: the report of November is final.
pub(crate) const DECEMBER: &str = "2026-12-02T09:00:00+08:00";

/// A second customer: one product out of warranty (charges allowed, 9.1), one in.
const HN_BANK: &str = r#"id = "hn-bank"
name = "湖南某银行数据中心"
name_en = "Hunan bank data centre"

[[contacts]]
name = "罗工"
phone = "0731-0000-0000"

[[sites]]
id = "cs-dc"
name = "长沙数据中心"
city = "长沙"

[[products]]
serial = "NT5800-2020-00009"
model = "NT-5800 Switch"
site = "cs-dc"
warranty_end = 2023-01-31

[[products]]
serial = "NT5800-2024-00077"
model = "NT-5800 Switch"
site = "cs-dc"
warranty_end = 2029-01-31
"#;

/// A case made in a test: id and folder.
struct Case {
    id: String,
    dir: String,
}

/// Run a step as `who` at `now`; it must succeed.
fn step(ws: &Ws, who: &str, now: &str, args: &[&str]) -> String {
    ws.act_as(who);
    ws.ok(now, args)
}

/// `svc new` as zhao.min at `now`.
fn new_case(ws: &Ws, now: &str, customer: &str, site: &str, product: &str) -> Case {
    let id = step(
        ws,
        "zhao.min",
        now,
        &[
            "new",
            "--customer",
            customer,
            "--site",
            site,
            "--product",
            product,
            "--fault",
            "设备告警",
        ],
    )
    .trim()
    .to_string();
    let dir = format!("cases/{}/{}/{id}", &id[3..7], &id[7..9]);
    Case { id, dir }
}

/// Add a customer file, committed by the admin.
fn add_customer(ws: &Ws, id: &str, text: &str) {
    ws.write(&format!("customers/{id}.toml"), text);
    ws.git(&["add", "customers"]);
    ws.git_commit_as("zhao.min", &format!("Add customer {id}"));
}

/// A leg: date, from, to, mode.
type Leg<'a> = (&'a str, &'a str, &'a str, &'a str);

fn task_sheet(engineer: &str, on: &str, site: &str, legs: &[Leg]) -> String {
    let mut text = format!(
        r#"prepared_by = "{engineer}"
prepared_on = {on}
engineers = ["{engineer}"]
customer_situation = "机房设备运行正常年限内"
fault_detail = "设备告警,需现场检查"
tasks = ["现场检查并修复"]
sites = ["{site}"]
depart_on = {}
return_on = {}
tools = ["万用表"]
"#,
        legs[0].0,
        legs[legs.len() - 1].0
    );
    for (date, from, to, mode) in legs {
        text.push_str(&format!(
            "\n[[legs]]\ndate = {date}\nfrom = \"{from}\"\nto = \"{to}\"\nmode = \"{mode}\"\n"
        ));
    }
    text
}

/// A visit record with the customer's confirmation (the starter asks for it, 7.7).
#[allow(clippy::too_many_arguments)]
fn visit(
    site: &str,
    arrived: &str,
    left: &str,
    engineer: &str,
    product: &str,
    cause: &str,
    resolved: bool,
    parts: &[(&str, u32)],
) -> String {
    let mut text = format!(
        r#"site = "{site}"
arrived_at = {arrived}
left_at = {left}
engineers = ["{engineer}"]
products = ["{product}"]
symptoms = "告警"
diagnosis = "检查"
cause = "{cause}"
work_done = "处理"
resolved = {resolved}

[confirmation]
name = "客户"
date = {}
"#,
        &left[..10]
    );
    for (code, qty) in parts {
        text.push_str(&format!(
            "\n[[parts_replaced]]\ncode = \"{code}\"\nqty = {qty}\n"
        ));
    }
    text
}

fn travel_log(engineer: &str, legs: &[Leg], home: &str, work: &str) -> String {
    let mut text =
        format!("travellers: [{engineer}]\nback_home_at: {home}\nback_at_work_at: {work}\nlegs:\n");
    for (date, from, to, mode) in legs {
        text.push_str(&format!(
            "  - {{date: {date}, from: {from}, to: {to}, mode: {mode}}}\n"
        ));
    }
    text
}

fn summary(engineer: &str, on: &str, category: &str, suggestions: &[&str]) -> String {
    let list: Vec<String> = suggestions.iter().map(|s| format!("\"{s}\"")).collect();
    format!(
        r#"prepared_by = "{engineer}"
prepared_on = {on}
outcome = "resolved"
root_cause = "见处理记录"
fault_category = "{category}"
actions = "处理"
suggestions = [{}]
"#,
        list.join(", ")
    )
}

/// The report as JSON; it must succeed.
pub(crate) fn monthly_json(ws: &Ws, now: &str, extra: &[&str]) -> Value {
    let mut args = vec![
        "report", "monthly", "--month", "2026-11", "--format", "json",
    ];
    args.extend_from_slice(extra);
    let out = ws.ok(now, &args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("JSON: {e}\n{out}"))
}

/// The November of a small service centre, built step by step, in time order.
pub(crate) struct November {
    pub(crate) ws: Ws,
    /// HEAD right after case C was completed, and the report made then.
    checkpoint: (String, Value),
}

pub(crate) fn november() -> November {
    let ws = Ws::with_staff();
    add_customer(&ws, "hn-bank", HN_BANK);
    let gz = ("example-customer", "gz-main", "NT3600-2025-00001");

    // A (October): the serial of B, visited 22 October, archived in October.
    let a = new_case(&ws, "2026-10-20T09:00:00+08:00", gz.0, gz.1, gz.2);
    step(
        &ws,
        "zhao.min",
        "2026-10-20T09:30:00+08:00",
        &["accept", &a.id, "--fee", "warranty"],
    );
    step(
        &ws,
        "zhao.min",
        "2026-10-20T10:00:00+08:00",
        &["assign", &a.id, "--to", "wang.qiang"],
    );
    let a_legs = [
        ("2026-10-22", "深圳", "广州", "train"),
        ("2026-10-23", "广州", "深圳", "train"),
    ];
    ws.write(
        &format!("{}/task-sheet.toml", a.dir),
        &task_sheet("wang.qiang", "2026-10-20", "gz-main", &a_legs),
    );
    step(
        &ws,
        "wang.qiang",
        "2026-10-20T14:00:00+08:00",
        &["submit", &a.id],
    );
    step(
        &ws,
        "li.na",
        "2026-10-21T09:00:00+08:00",
        &["approve", &a.id],
    );
    step(
        &ws,
        "wang.qiang",
        "2026-10-22T08:00:00+08:00",
        &["start", &a.id],
    );
    ws.write(
        &format!("{}/visits/01-gz-main.toml", a.dir),
        &visit(
            "gz-main",
            "2026-10-22T14:00:00+08:00",
            "2026-10-22T17:00:00+08:00",
            "wang.qiang",
            gz.2,
            "product-defect",
            true,
            &[],
        ),
    );
    step(
        &ws,
        "wang.qiang",
        "2026-10-22T18:00:00+08:00",
        &["complete", &a.id],
    );
    // The check-in with the company, recorded as it happened (7.5).
    step(
        &ws,
        "wang.qiang",
        "2026-10-22T20:00:00+08:00",
        &["checkin", &a.id, "--via", "email"],
    );
    ws.write(
        &format!("{}/travel-log.yaml", a.dir),
        &travel_log(
            "wang.qiang",
            &a_legs,
            "2026-10-23T11:00:00+08:00",
            "2026-10-23T14:00:00+08:00",
        ),
    );
    ws.write(
        &format!("{}/summary.toml", a.dir),
        &summary("wang.qiang", "2026-10-26", "power", &["十月的建议"]),
    );
    step(
        &ws,
        "wang.qiang",
        "2026-10-26T09:00:00+08:00",
        &["submit", &a.id],
    );
    step(
        &ws,
        "zhao.min",
        "2026-10-26T15:00:00+08:00",
        &["approve", &a.id],
    );
    step(
        &ws,
        "zhao.min",
        "2026-10-27T09:00:00+08:00",
        &["archive", &a.id],
    );

    // H (October): assigned, and still waiting at the end of November.
    let h = new_case(&ws, "2026-10-28T09:00:00+08:00", gz.0, gz.1, gz.2);
    step(
        &ws,
        "zhao.min",
        "2026-10-28T10:00:00+08:00",
        &["accept", &h.id, "--fee", "warranty"],
    );
    step(
        &ws,
        "zhao.min",
        "2026-10-28T11:00:00+08:00",
        &["assign", &h.id, "--to", "wang.qiang"],
    );

    // I (received in October, visited and completed 2 November, no travel log yet).
    let i = new_case(
        &ws,
        "2026-10-30T09:00:00+08:00",
        "hn-bank",
        "cs-dc",
        "NT5800-2024-00077",
    );
    step(
        &ws,
        "zhao.min",
        "2026-10-30T09:30:00+08:00",
        &["accept", &i.id, "--fee", "warranty"],
    );
    step(
        &ws,
        "zhao.min",
        "2026-10-30T10:00:00+08:00",
        &["assign", &i.id, "--to", "sun.li"],
    );
    let i_legs = [
        ("2026-11-02", "深圳", "长沙", "train"),
        ("2026-11-02", "长沙", "深圳", "train"),
    ];
    ws.write(
        &format!("{}/task-sheet.toml", i.dir),
        &task_sheet("sun.li", "2026-10-30", "cs-dc", &i_legs),
    );
    step(
        &ws,
        "sun.li",
        "2026-10-30T11:00:00+08:00",
        &["submit", &i.id],
    );
    step(
        &ws,
        "li.na",
        "2026-10-30T15:00:00+08:00",
        &["approve", &i.id],
    );
    step(
        &ws,
        "sun.li",
        "2026-11-02T07:00:00+08:00",
        &["start", &i.id],
    );

    // B (November): the same serial as A, flown there with the manager's approval.
    let b = new_case(&ws, "2026-11-02T09:00:00+08:00", gz.0, gz.1, gz.2);
    step(
        &ws,
        "zhao.min",
        "2026-11-02T09:30:00+08:00",
        &["accept", &b.id, "--fee", "warranty"],
    );
    step(
        &ws,
        "zhao.min",
        "2026-11-02T10:00:00+08:00",
        &["assign", &b.id, "--to", "wang.qiang"],
    );
    let b_legs = [
        ("2026-11-04", "深圳", "广州", "flight"),
        ("2026-11-06", "广州", "深圳", "train"),
    ];
    ws.write(
        &format!("{}/task-sheet.toml", b.dir),
        &task_sheet("wang.qiang", "2026-11-02", "gz-main", &b_legs),
    );
    step(
        &ws,
        "wang.qiang",
        "2026-11-02T14:00:00+08:00",
        &["submit", &b.id],
    );

    ws.write(
        &format!("{}/visits/01-cs-dc.toml", i.dir),
        &visit(
            "cs-dc",
            "2026-11-02T11:00:00+08:00",
            "2026-11-02T16:00:00+08:00",
            "sun.li",
            "NT5800-2024-00077",
            "product-defect",
            true,
            &[],
        ),
    );
    step(
        &ws,
        "sun.li",
        "2026-11-02T17:00:00+08:00",
        &["complete", &i.id],
    );

    step(
        &ws,
        "li.na",
        "2026-11-03T09:00:00+08:00",
        &["approve", &b.id],
    );
    step(
        &ws,
        "liu.yang",
        "2026-11-03T10:00:00+08:00",
        &["approve", &b.id, "--flight"],
    );

    // E: solved by phone.
    let e = new_case(&ws, "2026-11-03T10:30:00+08:00", gz.0, gz.1, gz.2);
    step(
        &ws,
        "zhao.min",
        "2026-11-03T11:00:00+08:00",
        &["resolve", &e.id, "--note", "电话指导重启后恢复"],
    );

    step(
        &ws,
        "wang.qiang",
        "2026-11-04T08:00:00+08:00",
        &["start", &b.id],
    );
    step(
        &ws,
        "wang.qiang",
        "2026-11-04T20:00:00+08:00",
        &["checkin", &b.id, "--via", "phone"],
    );
    ws.write(
        &format!("{}/visits/01-gz-main.toml", b.dir),
        &visit(
            "gz-main",
            "2026-11-04T14:00:00+08:00",
            "2026-11-05T17:00:00+08:00",
            "wang.qiang",
            gz.2,
            "product-defect",
            true,
            &[("P-PSU-48V", 1)],
        ),
    );
    step(
        &ws,
        "wang.qiang",
        "2026-11-05T18:00:00+08:00",
        &["complete", &b.id],
    );
    // The check-in with the company, recorded as it happened (7.5).
    step(
        &ws,
        "wang.qiang",
        "2026-11-05T20:00:00+08:00",
        &["checkin", &b.id, "--via", "email"],
    );
    ws.write(
        &format!("{}/travel-log.yaml", b.dir),
        &travel_log(
            "wang.qiang",
            &b_legs,
            "2026-11-06T11:00:00+08:00",
            "2026-11-06T14:00:00+08:00",
        ),
    );
    ws.write(
        &format!("{}/summary.toml", b.dir),
        &summary(
            "wang.qiang",
            "2026-11-09",
            "power",
            &["建议客户备一块电源模块"],
        ),
    );
    step(
        &ws,
        "wang.qiang",
        "2026-11-09T09:00:00+08:00",
        &["submit", &b.id],
    );
    step(
        &ws,
        "zhao.min",
        "2026-11-09T15:00:00+08:00",
        &["approve", &b.id],
    );
    step(
        &ws,
        "zhao.min",
        "2026-11-10T09:00:00+08:00",
        &["archive", &b.id],
    );

    // C (November): billable, out of warranty; fixed on the second visit; back late (7.8).
    let c = new_case(
        &ws,
        "2026-11-10T10:00:00+08:00",
        "hn-bank",
        "cs-dc",
        "NT5800-2020-00009",
    );
    step(
        &ws,
        "zhao.min",
        "2026-11-10T11:00:00+08:00",
        &["accept", &c.id, "--fee", "billable"],
    );
    step(
        &ws,
        "zhao.min",
        "2026-11-10T12:00:00+08:00",
        &["assign", &c.id, "--to", "ma.lin"],
    );
    let c_legs = [
        ("2026-11-12", "深圳", "长沙", "train"),
        ("2026-11-13", "长沙", "深圳", "train"),
    ];
    ws.write(
        &format!("{}/task-sheet.toml", c.dir),
        &task_sheet("ma.lin", "2026-11-10", "cs-dc", &c_legs),
    );
    step(
        &ws,
        "ma.lin",
        "2026-11-10T15:00:00+08:00",
        &["submit", &c.id],
    );
    step(
        &ws,
        "li.na",
        "2026-11-11T09:00:00+08:00",
        &["approve", &c.id],
    );
    step(
        &ws,
        "ma.lin",
        "2026-11-12T08:00:00+08:00",
        &["start", &c.id],
    );
    step(
        &ws,
        "ma.lin",
        "2026-11-12T21:00:00+08:00",
        &["checkin", &c.id, "--via", "phone"],
    );
    ws.write(
        &format!("{}/visits/01-cs-dc.toml", c.dir),
        &visit(
            "cs-dc",
            "2026-11-12T13:00:00+08:00",
            "2026-11-12T18:00:00+08:00",
            "ma.lin",
            "NT5800-2020-00009",
            "wear",
            false,
            &[],
        ),
    );
    ws.write(
        &format!("{}/visits/02-cs-dc.toml", c.dir),
        &visit(
            "cs-dc",
            "2026-11-13T09:00:00+08:00",
            "2026-11-13T12:00:00+08:00",
            "ma.lin",
            "NT5800-2020-00009",
            "wear",
            true,
            &[("P-FAN-TRAY", 2)],
        ),
    );
    ws.write(
        &format!("{}/fees.toml", c.dir),
        r#"total = "1240.00"

[[items]]
code = "P-FAN-TRAY"
qty = 2

[[items]]
code = "R-HW-REPAIR"
qty = 1

[[items]]
code = "R-LABOUR"
qty = 3
unit_price = "100.00"
override_reason = "老客户优惠"

[signature]
name = "罗工"
date = 2026-11-13

[payment]
method = "transfer"
amount = "1240.00"
receipt = "R-1113-01"
date = 2026-11-13
"#,
    );
    let c_complete = "2026-11-13T13:00:00+08:00";
    step(&ws, "ma.lin", c_complete, &["complete", &c.id]);
    let checkpoint = (ws.head(), monthly_json(&ws, c_complete, &[]));

    // D (November): still on site at the end of the month, one check-in only.
    let d = new_case(&ws, "2026-11-16T09:00:00+08:00", gz.0, gz.1, gz.2);
    step(
        &ws,
        "zhao.min",
        "2026-11-16T09:30:00+08:00",
        &["accept", &d.id, "--fee", "warranty"],
    );
    step(
        &ws,
        "zhao.min",
        "2026-11-16T10:00:00+08:00",
        &["assign", &d.id, "--to", "zhou.wei"],
    );
    ws.write(
        &format!("{}/travel-log.yaml", c.dir),
        &travel_log(
            "ma.lin",
            &c_legs,
            "2026-11-13T19:00:00+08:00",
            "2026-11-16T09:00:00+08:00",
        ),
    );
    ws.write(
        &format!("{}/summary.toml", c.dir),
        &summary(
            "ma.lin",
            "2026-11-16",
            "hardware",
            &["风扇托盘寿命短,建议半年巡检", "建议备件库常备风扇托盘"],
        ),
    );
    step(
        &ws,
        "ma.lin",
        "2026-11-16T10:30:00+08:00",
        &["submit", &c.id],
    );
    let d_legs = [
        ("2026-11-18", "深圳", "广州", "train"),
        ("2026-11-30", "广州", "深圳", "train"),
    ];
    ws.write(
        &format!("{}/task-sheet.toml", d.dir),
        &task_sheet("zhou.wei", "2026-11-16", "gz-main", &d_legs),
    );
    step(
        &ws,
        "zhou.wei",
        "2026-11-16T11:00:00+08:00",
        &["submit", &d.id],
    );
    step(
        &ws,
        "li.na",
        "2026-11-16T15:00:00+08:00",
        &["approve", &d.id],
    );
    step(
        &ws,
        "zhou.wei",
        "2026-11-18T08:00:00+08:00",
        &["start", &d.id],
    );
    step(
        &ws,
        "zhou.wei",
        "2026-11-19T20:00:00+08:00",
        &["checkin", &d.id, "--via", "phone"],
    );

    // F: cancelled; G: only requested.
    let f = new_case(&ws, "2026-11-20T10:00:00+08:00", gz.0, gz.1, gz.2);
    step(
        &ws,
        "zhao.min",
        "2026-11-20T10:30:00+08:00",
        &["accept", &f.id, "--fee", "warranty"],
    );
    step(
        &ws,
        "zhao.min",
        "2026-11-20T16:00:00+08:00",
        &["cancel", &f.id, "--reason", "客户自行解决"],
    );
    new_case(&ws, "2026-11-25T10:00:00+08:00", gz.0, gz.1, gz.2);

    // Everything recorded is valid (the 7.5 and 7.8 warnings are the point).
    let out = ws.svc(DECEMBER, &["validate"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    November { ws, checkpoint }
}

/// An hours value as the JSON writes it.
fn h(hours: f64) -> Value {
    json!(hours)
}

#[test]
fn every_number_of_the_monthly_json_is_the_arithmetic_done_by_hand() {
    let nov = november();
    let r = monthly_json(&nov.ws, DECEMBER, &[]);
    assert_eq!(r["month"], "2026-11");
    assert_eq!(r["commit"], nov.ws.head());
    assert_eq!(r["dirty"], false);
    assert_eq!(r["from"], "2026-11-01T00:00:00+08:00");
    assert_eq!(r["to"], "2026-12-01T00:00:00+08:00");
    // The report is made in December: November is over.
    assert_eq!(r["as_of"], "2026-12-01T00:00:00+08:00");
    assert_eq!(r["unreadable"], json!([]));

    // Received in November: B 2nd, E 3rd, C 10th, D 16th, F 20th, G 25th (A, H, I: October).
    assert_eq!(r["cases"]["received"], 6);
    // By phone: E.
    assert_eq!(r["cases"]["resolved_remotely"], 1);
    // A visit arriving in November: I (2nd), B (4th), C (12th and 13th); D has no record yet.
    assert_eq!(r["cases"]["visited"], 3);
    // Ended in November: B archived 10th, E resolved 3rd, F cancelled 20th (A: October).
    assert_eq!(r["cases"]["closed"], 3);
    assert_eq!(r["cases"]["cancelled"], 1);
    // Open on 1 December: G requested, H assigned, D on site, I serviced, C pending review.
    assert_eq!(
        r["cases"]["open_by_state"],
        json!({"requested": 1, "accepted": 0, "assigned": 1, "pending-approval": 0, "approved": 0,
               "on-site": 1, "serviced": 1, "pending-review": 1, "reviewed": 0})
    );
    assert_eq!(r["cases"]["open"], 5);

    // Response (request → first arrival), first arrivals in November:
    //   I: 10-30 09:00 → 11-02 11:00 = 3 × 24 + 2 = 74 h
    //   B: 11-02 09:00 → 11-04 14:00 = 2 × 24 + 5 = 53 h
    //   C: 11-10 10:00 → 11-12 13:00 = 2 × 24 + 3 = 51 h
    // sorted 51, 53, 74: median the 2nd = 53; p90 rank ⌈0.9 × 3⌉ = 3 → 74.
    assert_eq!(
        r["response_hours"],
        json!({"count": 3, "median": h(53.0), "p90": h(74.0)})
    );
    // Resolution (request → completed), completed in November:
    //   I: 10-30 09:00 → 11-02 17:00 = 72 + 8 = 80 h
    //   B: 11-02 09:00 → 11-05 18:00 = 72 + 9 = 81 h
    //   C: 11-10 10:00 → 11-13 13:00 = 72 + 3 = 75 h
    // sorted 75, 80, 81: median 80; p90 the 3rd = 81.
    assert_eq!(
        r["resolution_hours"],
        json!({"count": 3, "median": h(80.0), "p90": h(81.0)})
    );
    // First-time fix: I and B fixed on their only visit; C needed a second visit: 2 of 3.
    assert_eq!(r["first_time_fix"], json!({"completed": 3, "fixed": 2}));
    // 2 ÷ 3 = 0.66666… → four decimals.
    assert_eq!(r["first_time_fix_rate"], json!(0.6667));

    // B's serial was visited in A on 22 October; B arrived 4 November: 31 − 22 + 4 = 13 days.
    let repeat = &r["repeat_visits"];
    assert_eq!(repeat.as_array().map(Vec::len), Some(1), "{repeat:#}");
    assert_eq!(repeat[0]["serial"], "NT3600-2025-00001");
    assert_eq!(repeat[0]["model"], "NT-3600 OLT");
    assert_eq!(repeat[0]["customer"], "example-customer");
    assert_eq!(repeat[0]["days"], 13);
    let ids: Vec<&str> = r["case_list"]
        .as_array()
        .expect("case_list")
        .iter()
        .map(|c| c["case"].as_str().unwrap_or_default())
        .collect();
    // Received in November, or with a step in it (I: visited; A and H: nothing in November),
    // by time received: I (10-30), B (11-02), E (11-03), C (11-10), D (11-16), F (11-20), G (11-25).
    assert_eq!(ids.len(), 7, "{ids:?}");
    let (i, b, e, c, d, f, g) = (ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[6]);
    assert_eq!(repeat[0]["case"], b);
    assert!(i.starts_with("SR-20261030-") && b.starts_with("SR-20261102-"));
    assert!(e.starts_with("SR-20261103-") && c.starts_with("SR-20261110-"));
    assert!(d.starts_with("SR-20261116-") && f.starts_with("SR-20261120-"));
    assert!(g.starts_with("SR-20261125-"));
    let a = repeat[0]["previous_case"].as_str().expect("previous case");
    assert!(a.starts_with("SR-20261020-"), "{a}");

    // By engineer (the assignees of cases visited or completed in November), by id.
    let group = |id: &str,
                 name: &str,
                 received: u64,
                 visited: u64,
                 resp: (u64, Value, Value),
                 res: (u64, Value, Value),
                 ftf: (u64, u64),
                 money: (&str, &str)| {
        json!({
            "id": id, "name": name, "name_en": null, "received": received, "visited": visited,
            "response_hours": {"count": resp.0, "median": resp.1, "p90": resp.2},
            "resolution_hours": {"count": res.0, "median": res.1, "p90": res.2},
            "completed": ftf.0, "fixed_first_time": ftf.1,
            "charged": money.0, "collected": money.1,
        })
    };
    assert_eq!(
        r["by_engineer"],
        json!([
            // ma.lin: C only (51 h, 75 h, not fixed first time, 1240.00).
            group(
                "ma.lin",
                "马林",
                0,
                1,
                (1, h(51.0), h(51.0)),
                (1, h(75.0), h(75.0)),
                (1, 0),
                ("1240.00", "1240.00")
            ),
            // sun.li: I (74 h, 80 h).
            group(
                "sun.li",
                "孙丽",
                0,
                1,
                (1, h(74.0), h(74.0)),
                (1, h(80.0), h(80.0)),
                (1, 1),
                ("0.00", "0.00")
            ),
            // wang.qiang: B (53 h, 81 h); A is October's; H has not moved.
            group(
                "wang.qiang",
                "王强",
                0,
                1,
                (1, h(53.0), h(53.0)),
                (1, h(81.0), h(81.0)),
                (1, 1),
                ("0.00", "0.00")
            ),
        ])
    );
    // By customer (those with a case of the month), by id; each with the English name its
    // file gives (checked here, then set aside).
    let mut by_customer = r["by_customer"].clone();
    let english = [
        "Example Telecom, Guangzhou branch",
        "Hunan bank data centre",
    ];
    for (g, en) in by_customer.as_array_mut().unwrap().iter_mut().zip(english) {
        assert_eq!(g["name_en"], en);
        g["name_en"] = Value::Null;
    }
    assert_eq!(
        by_customer,
        json!([
            // example-customer: received B, D, E, F, G = 5; visited B; B's times.
            group(
                "example-customer",
                "示例电信有限公司广州分公司",
                5,
                1,
                (1, h(53.0), h(53.0)),
                (1, h(81.0), h(81.0)),
                (1, 1),
                ("0.00", "0.00")
            ),
            // hn-bank: received C (I is October's); visited C and I;
            // response 51, 74: median (51 + 74) ÷ 2 = 62.5, p90 rank ⌈1.8⌉ = 2 → 74;
            // resolution 75, 80: median 77.5, p90 80; fixed first time: I, not C.
            group(
                "hn-bank",
                "湖南某银行数据中心",
                1,
                2,
                (2, h(62.5), h(74.0)),
                (2, h(77.5), h(80.0)),
                (2, 1),
                ("1240.00", "1240.00")
            ),
        ])
    );

    // Summaries handed in during November: B (power, NT-3600) and C (hardware, NT-5800);
    // A's was handed in in October.
    assert_eq!(
        r["faults"],
        json!([
            {"model": "NT-3600 OLT", "category": "power", "count": 1},
            {"model": "NT-5800 Switch", "category": "hardware", "count": 1},
        ])
    );
    // Completed in November: I and B under warranty, C billable.
    // C's fee list: 2 × 320.00 (fan tray, catalog) + 1 × 300.00 (repair, catalog)
    //             + 3 × 100.00 (labour, price overridden) = 640 + 300 + 300 = 1240.00.
    assert_eq!(
        r["work"],
        json!({
            "warranty": {"cases": 2, "charged": "0.00"},
            "billable": {"cases": 1, "charged": "1240.00"},
            "agreement": {"cases": 0, "charged": "0.00"},
            "unknown": {"cases": 0, "charged": "0.00"},
            // No case of the month was opened for a maintenance plan: the six received
            // and the three completed are all corrective.
            "planned": {"received": 0, "completed": 0},
            "corrective": {"received": 6, "completed": 3},
        })
    );
    assert_eq!(r["fees"]["charged"], "1240.00");
    assert_eq!(r["fees"]["collected"], "1240.00");
    assert_eq!(
        r["fees"]["by_customer"],
        json!([{"customer": "hn-bank", "name": "湖南某银行数据中心", "name_en": "Hunan bank data centre", "charged": "1240.00", "collected": "1240.00"}])
    );
    // Parts on visits arriving in November: C's 2 fan trays, B's power supply.
    assert_eq!(
        r["parts"],
        json!([
            {"code": "P-FAN-TRAY", "name": "风扇托盘", "name_en": "Fan tray", "qty": 2},
            {"code": "P-PSU-48V", "name": "48V 电源模块", "name_en": "48 V power supply module", "qty": 1},
        ])
    );

    // Trips with days in November (departure to return home, as 7.5 sees them):
    //   B 11-04…11-06 = 3 days; C 11-12…11-13 = 2 days; D 11-18…11-30 (still away) = 13 days;
    //   I has no travel log yet and is not on site: no trip is known; A was in October.
    // 3 + 2 + 13 = 18 days, one traveller each: 18 person-days.
    assert_eq!(r["travel"]["trips"], 3);
    assert_eq!(r["travel"]["days"], 18);
    assert_eq!(r["travel"]["person_days"], 18);
    // One flight: B's 11-04 leg, approved by liu.yang on 11-03.
    assert_eq!(
        r["travel"]["flights"],
        json!([{"case": b, "date": "2026-11-04", "from": "深圳", "to": "广州", "planned": false, "approved": true, "approved_by": "liu.yang", "approved_by_name": "刘洋"}])
    );
    assert_eq!(r["travel"]["flights_approved"], 1);
    // 7.5 stretches starting in November:
    //   B 11-04…11-06 (3 days, 1 needed): 11-04 and 11-05 (svc checkin) → met
    //   C 11-12…11-13 (2 days, 1 needed): 11-12 → met
    //   D 11-18…11-24 (7 days, 2 needed): 11-19 only → not met
    //   D 11-25…11-30 (6 days, ⌈12/7⌉ = 2 needed): none → not met
    // 2 of 4 = 0.5.
    assert_eq!(
        r["checkins"],
        json!({"weeks": 4, "compliant": 2, "compliance": 0.5})
    );
    // 7.8: B home Friday 11-06 11:00 (morning) → due 14:00 that day, back 14:00: on time;
    // C home Friday 11-13 19:00 (afternoon) → due Monday 11-16 08:30, back 09:00: late.
    assert_eq!(
        r["return_to_work"],
        json!({"returns": 2, "on_time": 1, "late": 1, "unknown": 0, "compliance": 0.5})
    );

    // Suggestions of the summaries handed in during November, by customer name
    // (湖 U+6E56 before 示 U+793A), product and case; A's October suggestion is not here.
    assert_eq!(
        r["suggestions"],
        json!([
            {"case": c, "customer": "hn-bank", "customer_name": "湖南某银行数据中心", "customer_name_en": "Hunan bank data centre", "product": "NT-5800 Switch", "serial": "NT5800-2020-00009", "text": "风扇托盘寿命短,建议半年巡检"},
            {"case": c, "customer": "hn-bank", "customer_name": "湖南某银行数据中心", "customer_name_en": "Hunan bank data centre", "product": "NT-5800 Switch", "serial": "NT5800-2020-00009", "text": "建议备件库常备风扇托盘"},
            {"case": b, "customer": "example-customer", "customer_name": "示例电信有限公司广州分公司", "customer_name_en": "Example Telecom, Guangzhou branch", "product": "NT-3600 OLT", "serial": "NT3600-2025-00001", "text": "建议客户备一块电源模块"},
        ])
    );

    // Received per week (1–7, 8–14, 15–21, 22–28, 29–30), by where the case stood on 1 December.
    let week = |from: &str, to: &str, remote: u64, visited: u64, cancelled: u64, open: u64| json!({"from": from, "to": to, "remote": remote, "visited": visited, "cancelled": cancelled, "open": open});
    assert_eq!(
        r["weeks"],
        json!([
            week("2026-11-01", "2026-11-07", 1, 1, 0, 0), // E by phone, B visited
            week("2026-11-08", "2026-11-14", 0, 1, 0, 0), // C
            week("2026-11-15", "2026-11-21", 0, 1, 1, 0), // D on site, F cancelled
            week("2026-11-22", "2026-11-28", 0, 0, 0, 1), // G requested
            week("2026-11-29", "2026-11-30", 0, 0, 0, 0),
        ])
    );

    // The rows: C's in full.
    let row = &r["case_list"][3];
    assert_eq!(row["case"], c);
    assert_eq!(row["state"], "pending-review");
    assert_eq!(row["received_at"], "2026-11-10T10:00:00+08:00");
    assert_eq!(row["first_arrival_at"], "2026-11-12T13:00:00+08:00");
    assert_eq!(row["completed_at"], "2026-11-13T13:00:00+08:00");
    assert_eq!(row["closed_at"], Value::Null);
    assert_eq!(row["response_hours"], h(51.0));
    assert_eq!(row["resolution_hours"], h(75.0));
    assert_eq!(row["fee"], "billable");
    assert_eq!(row["charged"], "1240.00");
    assert_eq!(row["collected"], "1240.00");
    assert_eq!(row["engineers"], json!(["ma.lin"]));
    assert_eq!(row["engineer_names"], json!(["马林"]));
    assert_eq!(row["customer_name_en"], "Hunan bank data centre");
    assert_eq!(row["visits"], 2);
    assert_eq!(row["first_time_fix"], false);
    assert_eq!(row["fault_category"], "hardware");
    assert_eq!(row["outcome"], "resolved");
    assert_eq!(row["repeat"], false);
    let states: Vec<&str> = r["case_list"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|c| c["state"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        states,
        [
            "serviced",
            "archived",
            "resolved-remotely",
            "pending-review",
            "on-site",
            "cancelled",
            "requested"
        ]
    );

    // The CSV has one row per case of the month, with a header.
    let csv = nov.ws.ok(
        DECEMBER,
        &[
            "report", "monthly", "--month", "2026-11", "--format", "csv", "--locale", "en",
        ],
    );
    let csv = csv
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark for Excel");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 1 + 7, "{csv}");
    assert!(
        lines[0].starts_with("Case,Customer,Customer id,"),
        "{}",
        lines[0]
    );
    // In English, the customer's English name beside its id; the fee arrangement in words,
    // the engineer by name beside the id, the fault and the outcome in words.
    assert!(lines[4].starts_with(&format!("{c},Hunan bank data centre,hn-bank,NT5800-2020-00009,NT-5800 Switch,pending review,2026-11-10 10:00,")), "{}", lines[4]);
    assert!(
        lines[4].contains(",billable,1240.00,1240.00,马林,ma.lin,2,0,hardware,resolved,0,"),
        "{}",
        lines[4]
    );
}

#[test]
fn an_older_revision_gives_that_days_numbers_while_head_differs() {
    let nov = november();
    let (rev, then) = &nov.checkpoint;
    // On 13 November, after C was completed: B, E and C had been received.
    assert_eq!(then["cases"]["received"], 3);
    assert_eq!(then["commit"], rev.as_str());
    let again = monthly_json(&nov.ws, DECEMBER, &["--rev", rev]);
    assert_eq!(
        &again, then,
        "the report of {rev} is the report made that day"
    );
    let head = monthly_json(&nov.ws, DECEMBER, &[]);
    assert_eq!(head["cases"]["received"], 6);
    assert_ne!(head["commit"], then["commit"]);
    // The work tree was not touched by the checkout of the older commit.
    assert_eq!(nov.ws.porcelain(), "");
    let left: Vec<String> = std::fs::read_dir(nov.ws.root().join(".git/svc"))
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("report-"))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        left,
        Vec::<String>::new(),
        "the temporary checkout is removed"
    );
}

#[test]
fn uncommitted_changes_are_left_out_and_said() {
    let ws = Ws::init();
    let case = crate::workflow::Ws::new_case_at(&ws, "2026-11-02T09:00:00+08:00", "OLT 电源告警");
    let before = monthly_json(&ws, DECEMBER, &[]);
    assert_eq!(before["cases"]["received"], 1);
    // A case folder copied by hand, not committed: not in the report.
    let copy = case.dir.replace(&case.id[12..], "ZZZZZZ");
    ws.write(
        &format!("{copy}/case.toml"),
        &ws.read(&case.file("case.toml"))
            .replace(&case.id[12..], "ZZZZZZ"),
    );
    ws.write(
        &format!("{copy}/request.toml"),
        &ws.read(&case.file("request.toml")),
    );
    let out = ws.svc(
        DECEMBER,
        &[
            "report", "monthly", "--month", "2026-11", "--format", "json",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let after: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        after["cases"]["received"], 1,
        "the uncommitted case is left out"
    );
    assert_eq!(after["dirty"], true);
    assert_eq!(after["commit"], before["commit"]);
    assert!(
        stderr(&out).contains("uncommitted changes"),
        "{}",
        stderr(&out)
    );
    let md = ws.ok(
        DECEMBER,
        &["report", "monthly", "--month", "2026-11", "--locale", "en"],
    );
    assert!(
        md.contains("the working tree has uncommitted changes"),
        "{md}"
    );
}

/// The case folders of the workspace, sorted.
fn case_dirs(ws: &Ws) -> Vec<String> {
    let mut dirs: Vec<String> = walkdir::WalkDir::new(ws.root().join("cases"))
        .min_depth(3)
        .max_depth(3)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_dir())
        .map(|e| {
            e.path()
                .strip_prefix(ws.root())
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn a_working_tree_with_changes_reports_exactly_what_head_holds() {
    let n = november();
    let ws = &n.ws;
    let clean = monthly_json(ws, DECEMBER, &[]);
    let md_args = ["report", "monthly", "--month", "2026-11", "--locale", "en"];
    let clean_md = ws.ok(DECEMBER, &md_args);
    let dirs = case_dirs(ws);
    assert!(dirs.len() >= 4, "{dirs:?}");
    let same_as_head = |what: &str| {
        let mut dirty = monthly_json(ws, DECEMBER, &[]);
        assert_eq!(dirty["dirty"], true, "{what}");
        dirty["dirty"] = clean["dirty"].clone();
        assert_eq!(dirty, clean, "{what}: the report is HEAD's");
        // The Markdown is the same but for its paragraph saying what is left out.
        let md = ws.ok(DECEMBER, &md_args);
        let mut lines: Vec<&str> = md.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.contains("uncommitted changes"))
            .expect("the note");
        lines.drain(at..=at + 1);
        assert_eq!(lines, clean_md.lines().collect::<Vec<_>>(), "{what}");
    };
    // Case folders changed on disk, the shared files as committed: those folders come from
    // git, every other one from the working tree.
    for dir in &dirs {
        let file = format!("{dir}/case.toml");
        let text = ws.read(&file);
        let state = text
            .lines()
            .find(|l| l.starts_with("state = "))
            .expect("a state")
            .to_string();
        ws.write(&file, &text.replace(&state, "state = \"cancelled\""));
    }
    ws.write(
        &format!("{}/visits/09-extra.toml", dirs[1]),
        &ws.read(&format!("{}/case.toml", dirs[1])),
    );
    std::fs::remove_file(ws.root().join(&dirs[2]).join("request.toml")).unwrap();
    same_as_head("case folders changed");
    // The shared files changed too: they come from git as well.
    let people = ws.read("people.toml");
    let names: Vec<String> = people
        .lines()
        .filter(|l| l.starts_with("name = "))
        .map(str::to_string)
        .collect();
    let mut renamed = people.clone();
    for name in &names {
        renamed = renamed.replace(name.as_str(), "name = \"改名\"");
    }
    ws.write("people.toml", &renamed);
    ws.edit("customers/hn-bank.toml", "湖南某银行数据中心", "改名的客户");
    same_as_head("case folders and shared files changed");
    // And the changes do show once committed: the comparison above could fail.
    ws.git(&["add", "-A"]);
    ws.git_commit_as("zhao.min", "edited by hand");
    let committed = monthly_json(ws, DECEMBER, &[]);
    assert_eq!(committed["dirty"], false);
    assert_ne!(committed["cases"], clean["cases"]);
    assert_ne!(ws.ok(DECEMBER, &md_args), clean_md);
}

#[test]
fn a_template_in_the_workspace_replaces_the_built_in_one() {
    let ws = Ws::init();
    ws.write(
        "templates/monthly.md",
        "custom {{ report.month }}: {{ report.cases.received }} received\n",
    );
    let out = ws.ok(DECEMBER, &["report", "monthly", "--month", "2026-11"]);
    assert_eq!(out, "custom 2026-11: 0 received\n");
    // One language only: the locale's own file wins over the general one.
    ws.write(
        "templates/monthly.en.md",
        "english {{ labels.monthly_title }}\n",
    );
    let en = ws.ok(
        DECEMBER,
        &["report", "monthly", "--month", "2026-11", "--locale", "en"],
    );
    assert_eq!(en, "english Monthly on-site service analysis\n");
    let zh = ws.ok(
        DECEMBER,
        &[
            "report", "monthly", "--month", "2026-11", "--locale", "zh-CN",
        ],
    );
    assert_eq!(zh, "custom 2026-11: 0 received\n");
    // --template FILE: any file; the format follows its extension.
    ws.write(
        "elsewhere/mine.html",
        "<p>{{ labels.monthly_received }}: {{ report.cases.received }}</p>",
    );
    let html = ws.ok(
        DECEMBER,
        &[
            "report",
            "monthly",
            "--month",
            "2026-11",
            "--template",
            "elsewhere/mine.html",
            "--locale",
            "en",
        ],
    );
    assert_eq!(html, "<p>Requests received: 0</p>");
    // Removing the file brings the built-in back.
    std::fs::remove_file(ws.root().join("templates/monthly.md")).expect("remove");
    let builtin = ws.ok(DECEMBER, &["report", "monthly", "--month", "2026-11"]);
    assert!(
        builtin.starts_with("# 现场服务月度分析 · 2026-11"),
        "{builtin}"
    );
}

#[test]
fn a_broken_template_names_the_template_the_line_and_the_variable() {
    let ws = Ws::init();
    ws.write(
        "templates/monthly.md",
        "# {{ report.month }}\n\nreceived: {{ report.cases.recieved }}\n",
    );
    let out = ws.svc(DECEMBER, &["report", "monthly", "--month", "2026-11"]);
    let err = stderr(&out);
    assert_eq!(code(&out), 1, "{err}");
    assert_eq!(stdout(&out), "");
    assert!(
        err.contains("error: template templates/monthly.md, line 3:"),
        "{err}"
    );
    assert!(
        err.contains("recieved"),
        "names the missing variable: {err}"
    );
    assert!(err.contains("hint: "), "{err}");
    // A syntax error: found before any data is read.
    ws.write("templates/monthly.md", "ok\n{% for x in %}\n{% endfor %}\n");
    let out = ws.svc(DECEMBER, &["report", "monthly", "--month", "2026-11"]);
    let err = stderr(&out);
    assert_eq!(code(&out), 1, "{err}");
    assert!(
        err.contains("error: template templates/monthly.md, line 2:"),
        "{err}"
    );
    // --template names its file.
    ws.write("t.md", "{{ nothing_here }}");
    let out = ws.svc(
        DECEMBER,
        &[
            "report",
            "monthly",
            "--month",
            "2026-11",
            "--template",
            "t.md",
        ],
    );
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("template t.md, line 1: Variable `nothing_here` is not defined"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_broken_template_is_named_in_the_language_of_the_person_printing() {
    let ws = Ws::init();
    ws.write(
        "templates/monthly.md",
        "# {{ report.month }}\n\nreceived: {{ report.cases.recieved }}\n",
    );
    let report = |lang: &str, args: &[&str]| {
        ws.command(DECEMBER)
            .env("LANG", lang)
            .args(["report", "monthly", "--month", "2026-11"])
            .args(args)
            .output()
            .expect("run svc")
    };
    let out = report("zh_CN.UTF-8", &[]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with("错误: 模板 templates/monthly.md 第 3 行："),
        "{}",
        stderr(&out)
    );
    let out = report("en_US.UTF-8", &[]);
    assert!(
        stderr(&out).starts_with("error: template templates/monthly.md, line 3: "),
        "{}",
        stderr(&out)
    );
    // A --template that is a folder, not a file.
    let out = report("zh_CN.UTF-8", &["--template", "templates"]);
    assert!(
        stderr(&out).starts_with("错误: 模板 templates：不是普通文件"),
        "{}",
        stderr(&out)
    );
    let out = report("en_US.UTF-8", &["--template", "templates"]);
    assert!(
        stderr(&out).starts_with("error: template templates: not a regular file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn bad_options_are_usage_errors() {
    let ws = Ws::init();
    for args in [
        &["report", "monthly", "--month", "2026-13"][..],
        &["report", "monthly", "--locale", "fr"],
        &["report", "monthly", "--rev", "no-such-commit"],
    ] {
        let out = ws.svc(DECEMBER, args);
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
    }
    let out = ws.svc(DECEMBER, &["report", "monthly", "--template", "missing.md"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("template missing.md: cannot read the file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn export_writes_the_built_ins_and_never_overwrites() {
    let ws = Ws::init();
    let out = ws.ok(DECEMBER, &["templates", "export"]);
    for name in ["monthly.md", "monthly.html", "monthly.csv"] {
        assert!(out.contains(&format!("templates/{name}")), "{out}");
        assert!(ws.exists(&format!("templates/{name}")));
    }
    // The exported templates render as the built-ins do.
    let builtin = ws.ok(
        DECEMBER,
        &["report", "monthly", "--month", "2026-11", "--locale", "en"],
    );
    assert!(
        builtin.starts_with("# Monthly on-site service analysis · 2026-11"),
        "{builtin}"
    );
    ws.write("templates/monthly.md", "mine\n");
    let again = ws.svc(DECEMBER, &["templates", "export"]);
    assert_eq!(code(&again), 1, "{}", stderr(&again));
    assert!(
        stderr(&again).contains("not overwriting"),
        "{}",
        stderr(&again)
    );
    assert_eq!(ws.read("templates/monthly.md"), "mine\n");
    // Another folder.
    ws.ok(DECEMBER, &["templates", "export", "elsewhere"]);
    assert!(ws.exists("elsewhere/monthly.html"));
}

#[test]
fn a_customer_named_like_a_script_is_text_in_the_html() {
    let ws = Ws::init();
    add_customer(
        &ws,
        "x-script",
        r#"id = "x-script"
name = "<script>alert(1)</script>"

[[sites]]
id = "x-site"
name = "<b>site</b>"
city = "广州"

[[products]]
serial = "X-0001"
model = "<img src=x onerror=alert(2)>"
site = "x-site"
warranty_end = 2028-01-01
"#,
    );
    new_case(
        &ws,
        "2026-11-02T09:00:00+08:00",
        "x-script",
        "x-site",
        "X-0001",
    );
    let html = ws.ok(
        DECEMBER,
        &[
            "report", "monthly", "--month", "2026-11", "--format", "html",
        ],
    );
    assert!(
        html.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"),
        "the name is escaped text in the table"
    );
    assert!(!html.contains("<script"), "no script element at all");
    assert!(!html.contains("<img"), "no image element from the model");
    // The Markdown and CSV keep it text too.
    let md = ws.ok(DECEMBER, &["report", "monthly", "--month", "2026-11"]);
    assert!(!md.contains("<script>"), "{md}");
    let csv = ws.ok(
        DECEMBER,
        &["report", "monthly", "--month", "2026-11", "--format", "csv"],
    );
    assert!(
        csv.contains(",<script>alert(1)</script>,x-script,"),
        "{csv}"
    );
}

#[test]
fn the_sample_companys_html_report_opens_in_a_browser_with_its_charts_and_cases() {
    let Some(chromium) = common::chromium() else {
        return;
    };
    let ws = sample_company();
    let json = monthly_json(&ws, common::NOW, &[]);
    let rows = json["case_list"].as_array().map_or(0, Vec::len);
    assert!(rows > 5, "the sample company has cases in November");
    let page = ws.root().join("report.html");
    ws.ok(
        common::NOW,
        &[
            "report",
            "monthly",
            "--month",
            "2026-11",
            "-o",
            "report.html",
        ],
    );
    let profile = tempfile::tempdir().expect("a browser profile");
    let run = |extra: &[&str]| {
        std::process::Command::new(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .args(extra)
            .arg(format!("file://{}", page.display()))
            .output()
            .expect("run chromium")
    };
    let dom = run(&["--enable-logging=stderr", "--v=0", "--dump-dom"]);
    let text = stdout(&dom);
    assert!(dom.status.success(), "chromium: {}", stderr(&dom));
    // The four charts, as SVG in the page.
    for chart in [
        "chart-weeks",
        "chart-response",
        "chart-fees",
        "chart-faults",
    ] {
        assert!(
            text.contains(&format!(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart {chart}\""
            )),
            "no {chart} in the DOM"
        );
    }
    assert!(
        text.matches("class=\"bar\"").count() > 10,
        "the charts have bars"
    );
    // The table of cases, one row per case of the month.
    assert_eq!(text.matches("<tr class=\"case-row\"").count(), rows);
    assert!(text.contains("</html>"));
    // Nothing went wrong in the page.
    assert!(!stderr(&dom).contains("Uncaught"), "{}", stderr(&dom));
    assert!(!stderr(&dom).contains("CONSOLE"), "{}", stderr(&dom));
}

#[test]
fn the_markdown_of_a_small_workspace() {
    let f = common::Fixture::new();
    f.seal();
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .args(args)
            .current_dir(f.root())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_DATE", "2026-11-27T12:00:00+08:00")
            .env("GIT_COMMITTER_DATE", "2026-11-27T12:00:00+08:00")
            .output()
            .expect("git");
        assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
    };
    git(&["init", "-q", "-b", "main"]);
    git(&["add", "."]);
    git(&[
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.com",
        "commit",
        "-q",
        "-m",
        "fixture",
    ]);
    for locale in ["zh-CN", "en"] {
        let out = f.svc(&[
            "report", "monthly", "--month", "2026-10", "--locale", locale,
        ]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let text = stdout(&out);
        let commit = text
            .split('`')
            .nth(1)
            .expect("the commit in backquotes")
            .to_string();
        insta::assert_snapshot!(
            format!("monthly_md_{locale}"),
            text.replace(&commit, "<commit>")
        );
    }
}

/// The sample company, as `svc init --example` makes it.
pub(crate) fn sample_company() -> Ws {
    let ws = Ws::bare();
    let out = ws
        .command(common::NOW)
        .arg("init")
        .arg("--example")
        .arg(ws.root())
        .output()
        .expect("svc init --example");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    ws
}

/// The sample company's Guangxi customer, and the agreement its cases are served under, as
/// the human reports name them in `locale`.
pub(crate) fn guangxi(locale: &str) -> (&'static str, &'static str) {
    match locale {
        "en" => (
            "Guangxi Radio & TV Information Network Co., Ltd.",
            "after-sales agreement GXGD-2026-SA-003",
        ),
        _ => (
            "广西广播电视信息网络股份有限公司",
            "售后服务协议 GXGD-2026-SA-003",
        ),
    }
}

/// The rows of a CSV text (cells quoted with `"`, a `""` inside one).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for line in text.trim_start_matches('\u{feff}').lines() {
        let (mut row, mut cell, mut quoted) = (Vec::new(), String::new(), false);
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '"' if quoted && chars.peek() == Some(&'"') => {
                    cell.push('"');
                    chars.next();
                }
                '"' => quoted = !quoted,
                ',' if !quoted => row.push(std::mem::take(&mut cell)),
                c => cell.push(c),
            }
        }
        row.push(cell);
        rows.push(row);
    }
    rows
}

#[test]
fn the_human_reports_name_people_customers_and_fee_arrangements_and_the_json_keeps_the_ids() {
    let ws = sample_company();
    let json = monthly_json(&ws, common::NOW, &[]);
    // The JSON keeps ids and keywords as they were, the names beside them.
    let rows = json["case_list"].as_array().expect("case_list");
    let gx = rows
        .iter()
        .find(|c| c["fee"] == "agreement:GXGD-2026-SA-003")
        .expect("a case under the Guangxi agreement");
    assert_eq!(gx["customer"], "gx-catv");
    assert_eq!(gx["customer_name"], "广西广播电视信息网络股份有限公司");
    assert_eq!(
        gx["customer_name_en"],
        "Guangxi Radio & TV Information Network Co., Ltd."
    );
    assert_eq!(gx["engineers"], json!(["wu.gang"]));
    assert_eq!(gx["engineer_names"], json!(["吴刚"]));
    assert!(rows.iter().any(|c| c["fee"] == "warranty"));
    assert!(rows.iter().any(|c| c["fee"] == "billable"));
    let flight = &json["travel"]["flights"][0];
    assert_eq!(flight["approved_by"], "ma.li");
    assert_eq!(flight["approved_by_name"], "马丽");
    assert_eq!(json["by_engineer"][0]["id"], "huang.lei");
    assert_eq!(json["by_engineer"][0]["name_en"], Value::Null);
    assert_eq!(json["fees"]["by_customer"][0]["customer"], "sc-telecom");
    assert_eq!(
        json["fees"]["by_customer"][0]["name_en"],
        "China Telecom Sichuan Branch"
    );

    // Every id of a person or a customer the report holds, and the fee keywords.
    let mut ids: Vec<String> = Vec::new();
    for row in rows {
        ids.push(row["customer"].as_str().unwrap().to_owned());
        for e in row["engineers"].as_array().unwrap() {
            ids.push(e.as_str().unwrap().to_owned());
        }
    }
    for f in json["travel"]["flights"].as_array().unwrap() {
        ids.extend(f["approved_by"].as_str().map(str::to_owned));
    }
    ids.sort();
    ids.dedup();
    assert!(ids.len() > 10, "{ids:?}");
    let report = |format: &str, locale: &str| {
        ws.ok(
            common::NOW,
            &[
                "report", "monthly", "--month", "2026-11", "--format", format, "--locale", locale,
            ],
        )
    };
    for locale in ["zh-CN", "en"] {
        for format in ["md", "html"] {
            let text = report(format, locale);
            let what = format!("{format} in {locale}");
            for id in &ids {
                assert!(!text.contains(id.as_str()), "{what} shows the id {id}");
            }
            assert!(!text.contains("agreement:"), "{what}");
            // Approvers of flights and customers, by name.
            assert!(text.contains("马丽") && text.contains("杨光"), "{what}");
            let (customer, other) = match locale {
                "en" => (
                    "China Mobile Xinjiang Co., Ltd.",
                    "中国移动通信集团新疆有限公司",
                ),
                _ => (
                    "中国移动通信集团新疆有限公司",
                    "China Mobile Xinjiang Co., Ltd.",
                ),
            };
            assert!(text.contains(customer), "{what}");
            assert!(!text.contains(other), "{what}");
        }
        let html = report("html", locale);
        // The case list: fee arrangements in words, engineers by name.
        let words = match locale {
            "en" => ["after-sales agreement GXGD-2026-SA-003", "warranty (free)"],
            _ => ["售后服务协议 GXGD-2026-SA-003", "保修(免费)"],
        };
        for w in words {
            assert!(html.contains(&format!("<td>{w}</td>")), "{w} in {locale}");
        }
        assert!(html.contains("<td>吴刚</td>"), "{locale}");
    }
    for text in [report("md", "zh-CN"), report("html", "zh-CN")] {
        assert!(!text.contains("warranty") && !text.contains("billable"));
    }

    // CSV: names and words in their columns, the ids in columns of their own.
    for locale in ["zh-CN", "en"] {
        let table = csv_rows(&report("csv", locale));
        let column = |key: &str| {
            let label = svc::report::templates::label(
                svc::report::templates::Locale::parse(locale).unwrap(),
                key,
            );
            table[0]
                .iter()
                .position(|h| h == label)
                .unwrap_or_else(|| panic!("no column {label}: {:?}", table[0]))
        };
        let (case, customer, customer_id, fee, engineers, engineer_ids) = (
            column("case"),
            column("customer"),
            column("customer_id"),
            column("monthly_fee_arrangement"),
            column("engineers"),
            column("engineer_ids"),
        );
        let gx_row = table
            .iter()
            .find(|r| r[case] == gx["case"].as_str().unwrap())
            .expect("the Guangxi case's row");
        assert_eq!(gx_row[customer_id], "gx-catv");
        assert_eq!(gx_row[engineers], "吴刚");
        assert_eq!(gx_row[engineer_ids], "wu.gang");
        let (name, agreement) = guangxi(locale);
        assert_eq!(gx_row[customer], name);
        assert_eq!(gx_row[fee], agreement);
        for row in &table[1..] {
            assert!(!ids.contains(&row[customer]), "{row:?}");
            for cell in [&row[fee], &row[engineers]] {
                assert!(!cell.contains("agreement:"), "{row:?}");
                // In English the words are the keywords' own ("billable").
                let keyword = cell.contains("warranty") || cell.contains("billable");
                assert!(locale == "en" || !keyword, "{row:?}");
                assert!(!ids.iter().any(|id| cell.contains(id.as_str())), "{row:?}");
            }
        }
    }
}

#[test]
fn the_sample_companys_response_targets_in_november_are_the_arithmetic_done_by_hand() {
    let ws = sample_company();
    // At NOW (Friday 27 November, 12:00), in working time: 08:30–12:00 and 14:00–17:30,
    // 420 minutes a day, Monday to Friday (no holiday in November).
    let json = monthly_json(&ws, common::NOW, &[]);
    let t = &json["targets"];
    let tally = |met: u64, breached: u64, open: u64, median: i64| {
        json!({
            "met": met,
            "breached": breached,
            "open": open,
            "median_margin": median,
        })
    };
    // Respond: the 13 cases received 2 to 26 November answer within 8h (the company's) or
    // 2h and 4h (the Guangzhou and Guangxi agreements; October's were all due in October).
    // 12 answered in time; the margins sorted are 10 50 60 180 380 390 400 420 420 430 440
    // 445, the median (390 + 400) / 2.
    // SR-20261126-98954X, received Thursday 26th 16:20, is due Friday 17:20: open at 12:00.
    assert_eq!(t["respond"], tally(12, 0, 1, 395));
    // On site, only under the agreements (the company sets no arrival target):
    // - SR-20261103-HSJ3Y3 (Guangxi, 5d = 2100 min from Tuesday 3rd 15:30): 120 that day,
    //   Wednesday to Friday 1260, Monday 9th 420, then 300 of Tuesday 10th → due 15:30;
    //   on site 10th 12:30, 90 minutes to spare (14:00–15:30).
    // - SR-20261109-4KX2T6 (Guangzhou, 4d = 1680 min from Monday 9th 14:00): 210, then
    //   420 × 3 to Thursday, 210 of Friday → due Friday 13th 12:00; on site Thursday 09:30,
    //   150 + 210 + 210 = 570 to spare.
    // - SR-20261119-EX5594 (Guangzhou, from Thursday 19th 16:10): 80, Friday 420, Monday
    //   420, Tuesday 420, 340 of Wednesday → due Wednesday 25th 16:10. Nobody on site by
    //   Friday 12:00: 80 + 420 + 210 = 710 minutes late.
    // Margins −710, 90, 570: the median 90.
    assert_eq!(t["arrive"], tally(2, 1, 0, 90));
    // Resolve (the company's 10d; the agreements set none): the five October cases
    // received 20 to 29 October, and the four November ones received by the 16th, all in
    // time; those received later fall due in December.
    assert_eq!(t["resolve"], tally(9, 0, 0, 2550));
    assert_eq!(t["total"], tally(23, 1, 1, 435));

    let breaches = t["breaches"].as_array().expect("breaches");
    assert_eq!(breaches.len(), 1, "{breaches:?}");
    assert_eq!(
        breaches[0],
        json!({
            "case": "SR-20261119-EX5594",
            "customer": "gd-telecom-gz",
            "customer_name": "中国电信股份有限公司广州分公司",
            "customer_name_en": "China Telecom Guangzhou Branch",
            "agreement": "GZDX-2025-SA-01",
            "promise": "arrive",
            "within": "4d",
            "hours": "working",
            "due": "2026-11-25T16:10:00+08:00",
            "met_at": null,
            "late": 710,
            "delay_reason": null,
        })
    );
    // By agreement: Guangzhou's four deadlines (respond 60 and 10, on site 570 and −710:
    // the median (10 + 60) / 2), Guangxi's two (180 and 90), the company's 19 last.
    assert_eq!(
        t["by_agreement"],
        json!([
            {"id": "GXGD-2026-SA-003", "met": 2, "breached": 0, "open": 0, "median_margin": 135},
            {"id": "GZDX-2025-SA-01", "met": 3, "breached": 1, "open": 0, "median_margin": 35},
            {"id": null, "met": 18, "breached": 0, "open": 1, "median_margin": 908},
        ])
    );
    let huang = t["by_engineer"]
        .as_array()
        .and_then(|e| e.iter().find(|e| e["id"] == "huang.lei"))
        .expect("huang.lei, assigned to SR-20261119-EX5594");
    assert_eq!(
        (&huang["name"], &huang["breached"]),
        (&json!("黄磊"), &json!(1))
    );
    let gz = t["by_customer"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["id"] == "gd-telecom-gz"))
        .expect("the Guangzhou customer");
    assert_eq!(gz["breached"], 1);

    // The human reports, in the sample's language: the section and the breach, by names.
    let md = ws.ok(common::NOW, &["report", "monthly", "--month", "2026-11"]);
    assert!(md.contains("## 服务时限(5.1.7)"), "{md}");
    assert!(md.contains("| 到场 | 2 | 1 | 0 | 90 |"), "{md}");
    assert!(
        md.contains("| 售后服务协议 GZDX-2025-SA-01 | 3 | 1 | 0 | 35 |"),
        "{md}"
    );
    assert!(md.contains("| 公司默认时限 | 18 | 0 | 1 | 908 |"), "{md}");
    assert!(md.contains("| 黄磊 | 3 | 1 | 0 | 220 |"), "{md}");
    assert!(
        md.contains(
            "| SR-20261119-EX5594 | 中国电信股份有限公司广州分公司 | 到场 | 4d 工作时间 \
             | 2026-11-25 16:10 | **未达成** | 710 |  |"
        ),
        "{md}"
    );
    let html = ws.ok(
        common::NOW,
        &[
            "report", "monthly", "--month", "2026-11", "--format", "html",
        ],
    );
    assert!(html.contains("<h2>服务时限(5.1.7)</h2>"), "{html}");
    assert!(html.contains("<h3>超时明细</h3>"), "{html}");
    assert!(
        html.contains(
            "<tr class=\"breach\" data-case=\"SR-20261119-EX5594\"><td>SR-20261119-EX5594</td>\
             <td>中国电信股份有限公司广州分公司</td><td>到场</td><td>4d 工作时间</td>\
             <td>2026-11-25 16:10</td><td><span class=\"late\">未达成</span></td>\
             <td class=\"n\">710</td><td></td></tr>"
        ),
        "{html}"
    );
}

#[test]
fn the_reason_an_engineer_gives_for_a_delay_is_beside_the_breach() {
    let ws = sample_company();
    // SR-20261109-4KX2T6 is due on site Friday 13 November 12:00 (the arithmetic above).
    // On site at 15:00 instead: 60 working minutes late (14:00–15:00), and the summary
    // says why, in words a table must keep as text.
    let dir = "cases/2026/11/SR-20261109-4KX2T6";
    let visit = format!("{dir}/visits/01-gz-tianhe.toml");
    ws.edit(
        &visit,
        "arrived_at = 2026-11-12T09:30:00+08:00\nleft_at = 2026-11-12T17:00:00+08:00",
        "arrived_at = 2026-11-13T15:00:00+08:00\nleft_at = 2026-11-13T19:00:00+08:00",
    );
    ws.edit(&visit, "date = 2026-11-12", "date = 2026-11-13");
    let reason = "客户把割接窗口改到 13 日下午 <见邮件> | 经 CSC 同意";
    let summary = format!("{dir}/summary.toml");
    let text = ws.read(&summary);
    ws.write(&summary, &format!("{text}delay_reason = \"{reason}\"\n"));
    ws.git(&["add", "cases"]);
    ws.git_commit_as(
        "liu.yang",
        "SR-20261109-4KX2T6: arrived on the 13th, and why",
    );

    let json = monthly_json(&ws, common::NOW, &[]);
    let breaches = json["targets"]["breaches"].as_array().expect("breaches");
    let late = breaches
        .iter()
        .find(|b| b["case"] == "SR-20261109-4KX2T6")
        .unwrap_or_else(|| panic!("the late arrival: {breaches:?}"));
    assert_eq!(late["promise"], "arrive");
    assert_eq!(late["due"], "2026-11-13T12:00:00+08:00");
    assert_eq!(late["met_at"], "2026-11-13T15:00:00+08:00");
    assert_eq!(late["late"], 60);
    assert_eq!(late["delay_reason"], reason);
    // Due before the overdue one: the list is by time due.
    assert_eq!(breaches[1]["case"], "SR-20261119-EX5594");
    assert_eq!(breaches[1]["delay_reason"], Value::Null);
    assert_eq!(json["targets"]["arrive"]["breached"], 2);

    let md = ws.ok(common::NOW, &["report", "monthly", "--month", "2026-11"]);
    assert!(
        md.contains(
            "| 2026-11-13 12:00 | 2026-11-13 15:00 | 60 \
             | 客户把割接窗口改到 13 日下午 &lt;见邮件&gt; \\| 经 CSC 同意 |"
        ),
        "{md}"
    );
    let html = ws.ok(
        common::NOW,
        &[
            "report", "monthly", "--month", "2026-11", "--format", "html", "--locale", "en",
        ],
    );
    assert!(
        html.contains(
            "<td>2026-11-13 15:00</td><td class=\"n\">60</td>\
             <td>客户把割接窗口改到 13 日下午 &lt;见邮件&gt; | 经 CSC 同意</td></tr>"
        ),
        "{html}"
    );
    assert!(html.contains("<h3>Breaches</h3>"), "{html}");
}
