//! `svc asset SERIAL`: a product's history on the sample company, in English, in Chinese and
//! as JSON; a part moved from one unit to another; a whole unit replaced, and rule `asset`
//! on a new case opened on the unit taken out; an unknown serial.

use crate::common::{self, CASE, Fixture, brief, stderr, stdout};
use crate::report::sample_company;
use crate::workflow::code;
use serde_json::Value;

/// The sample's Guangzhou OLT: two cases, optical modules and a line card swapped.
const OLT: &str = "NT3600-2024-00123";

/// `svc asset` on the sample company at the tests' moment, in `locale`.
fn asset(ws: &crate::workflow::Ws, locale: &str, args: &[&str]) -> std::process::Output {
    ws.command(common::NOW)
        .args(["--locale", locale, "asset"])
        .args(args)
        .output()
        .expect("run svc asset")
}

/// Where `needle` is in `text`; it must be there.
#[track_caller]
fn at(text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is not in:\n{text}"))
}

#[test]
fn a_products_history_lists_its_cases_and_the_optical_modules_swapped() {
    let ws = sample_company();
    let out = asset(&ws, "en", &[OLT]);
    let text = stdout(&out);
    assert_eq!(code(&out), 0, "{text}{}", stderr(&out));
    for line in [
        "NT3600-2024-00123  NT-3600 OLT",
        "  customer: China Telecom Guangzhou Branch",
        "  site: 天河枢纽机房 (广州)",
        "  installed on 2024-05-20",
        "  today (2026-11-27): in warranty until 2027-05-19",
        "2 cases:",
        "  SR-20261008-SFH5AX  opened 2026-10-08  archived  after-sales agreement GZDX-2025-SA-01",
        "    2026-10-12  天河枢纽机房  刘洋  in warranty until 2027-05-19  resolved",
        // The two optical modules of the visit record, each serial out beside the one in.
        "      SFP-GPON-C+ (GPON SFP optical module, class C+) × 2, out → in: \
         OPT24W18-0331 → OPT26W30-1102, OPT24W18-0337 → OPT26W30-1108",
        "      LC-GPON16 (NT-3600 16-port GPON line card) × 1, out → in: LC16-2404-0087 → LC16-2609-0311",
        "  SR-20261109-4KX2T6: 31 days after SR-20261008-SFH5AX (NT3600-2024-00123)",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "{line:?} is not a line of:\n{text}"
        );
    }
    // In time order, the second case marked as a repeat fault as the monthly report counts it.
    assert!(at(&text, "SR-20261008-SFH5AX  opened") < at(&text, "SR-20261109-4KX2T6  opened"));
    assert!(text.contains(
        "SR-20261109-4KX2T6  opened 2026-11-09  pending review  after-sales agreement \
         GZDX-2025-SA-01  repeat fault: first visit 31 days after a visit of SR-20261008-SFH5AX"
    ));
    assert!(text.contains("as the monthly report counts them"), "{text}");

    // The same in Chinese: names, states, fee arrangements and warranty in words.
    let out = asset(&ws, "zh-CN", &[OLT]);
    let text = stdout(&out);
    assert_eq!(code(&out), 0, "{text}{}", stderr(&out));
    for line in [
        "  客户：中国电信股份有限公司广州分公司",
        "  地点：天河枢纽机房（广州）",
        "  今天（2026-11-27）：在保修期内，至 2027-05-19",
        "服务单 2 个：",
        "  SR-20261008-SFH5AX  2026-10-08 受理  已归档  售后服务协议 GZDX-2025-SA-01",
        "    2026-10-12  天河枢纽机房  刘洋  在保修期内，至 2027-05-19  已解决",
        "      SFP-GPON-C+（GPON 光模块 SFP Class C+）× 2，换下 → 换上：\
         OPT24W18-0331 → OPT26W30-1102, OPT24W18-0337 → OPT26W30-1108",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "{line:?} is not a line of:\n{text}"
        );
    }
    assert!(
        text.contains("重复故障：首次到场距 SR-20261008-SFH5AX 的上门 31 天"),
        "{text}"
    );
    assert!(!text.contains("in warranty"), "{text}");

    // A module put in on that visit is an asset too: where it went, on which visit.
    let out = asset(&ws, "en", &["OPT26W30-1102"]);
    let text = stdout(&out);
    assert_eq!(code(&out), 0, "{text}{}", stderr(&out));
    assert!(
        text.contains(
            "2026-10-12  into NT3600-2024-00123 (NT-3600 OLT) in place of OPT24W18-0331 \
             (SFP-GPON-C+ GPON SFP optical module, class C+) — visit 01-gz-tianhe of \
             SR-20261008-SFH5AX, 天河枢纽机房"
        ),
        "{text}"
    );
    let out = asset(&ws, "zh-CN", &["OPT26W30-1102"]);
    assert!(
        stdout(&out).contains("装入 NT3600-2024-00123 (NT-3600 OLT)，替换 OPT24W18-0331"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn the_history_as_json_has_ids_and_names() {
    let ws = sample_company();
    let out = asset(&ws, "en", &[OLT, "--json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let h: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(h["serial"], OLT);
    assert_eq!(h["kind"], "unit");
    assert_eq!(h["today"], "2026-11-27");
    let unit = &h["unit"];
    assert_eq!(unit["customer"], "gd-telecom-gz");
    assert_eq!(unit["customer_name"], "中国电信股份有限公司广州分公司");
    assert_eq!(unit["customer_name_en"], "China Telecom Guangzhou Branch");
    assert_eq!(
        (&unit["site"], &unit["site_name"]),
        (&"gz-tianhe".into(), &"天河枢纽机房".into())
    );
    assert_eq!(unit["warranty_end"], "2027-05-19");
    assert_eq!(unit["in_warranty"], true);
    assert_eq!(h["installed_now"], OLT);
    assert_eq!(h["replaced_by"], Value::Null);
    let cases = h["cases"].as_array().expect("cases");
    let ids: Vec<&str> = cases.iter().filter_map(|c| c["id"].as_str()).collect();
    assert_eq!(ids, ["SR-20261008-SFH5AX", "SR-20261109-4KX2T6"]);
    let first = &cases[0];
    assert_eq!(first["state"], "archived");
    assert_eq!(first["fee"], "agreement:GZDX-2025-SA-01");
    let visit = &first["visits"][0];
    assert_eq!(visit["engineers"][0], "liu.yang");
    assert_eq!(visit["engineer_names"][0], "刘洋");
    assert_eq!(visit["in_warranty"], true);
    assert_eq!(visit["resolved"], true);
    let modules = &visit["parts"][0];
    assert_eq!(modules["code"], "SFP-GPON-C+");
    assert_eq!(modules["qty"], 2);
    assert_eq!(
        modules["serial_out"],
        serde_json::json!(["OPT24W18-0331", "OPT24W18-0337"])
    );
    assert_eq!(
        modules["serial_in"],
        serde_json::json!(["OPT26W30-1102", "OPT26W30-1108"])
    );
    assert_eq!(cases[1]["repeat_of"]["case"], "SR-20261008-SFH5AX");
    assert_eq!(cases[1]["repeat_of"]["days"], 31);
    assert_eq!(h["repeats"][0]["previous_case"], "SR-20261008-SFH5AX");

    // A part's JSON: its hops.
    let out = asset(&ws, "en", &["LC16-2404-0087", "--json"]);
    let part: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(part["kind"], "part");
    assert_eq!(part["unit"], Value::Null);
    let hop = &part["hops"][0];
    assert_eq!(hop["direction"], "out");
    assert_eq!(hop["units"][0], OLT);
    assert_eq!(hop["other"], "LC16-2609-0311");
    assert_eq!(hop["case"], "SR-20261109-4KX2T6");
    assert_eq!(
        hop["visit"],
        "cases/2026/11/SR-20261109-4KX2T6/visits/01-gz-tianhe.toml"
    );
}

#[test]
fn an_unknown_serial_is_refused_with_the_closest_serials() {
    let ws = sample_company();
    let out = asset(&ws, "en", &["NT3600-2024-0123"]);
    assert_eq!(code(&out), 1);
    assert_eq!(
        stderr(&out),
        "error: no product or part with serial NT3600-2024-0123\n\
         hint: did you mean `NT3600-2024-00123`?\n"
    );
    assert!(out.stdout.is_empty());
    let out = asset(&ws, "zh-CN", &["ZZ-1"]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(
        err.starts_with("错误: 没有序列号为 ZZ-1 的设备或备件\n"),
        "{err}"
    );
    assert!(err.contains("提示: svc 所知最相近的序列号："), "{err}");
    let out = asset(&ws, "en", &["ZZ-1", "--json"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("the closest serials svc knows: "),
        "{}",
        stderr(&out)
    );
}

/// The second case of the tests below: opened on `product` at the Tianhe site on
/// 2026-11-05, with the visit records given (file name, text).
fn second_case(f: &Fixture, state: &str, product: &str, visits: &[(&str, &str)]) -> String {
    let dir = "cases/2026/11/SR-20261105-8M3K2P";
    f.write(
        &format!("{dir}/case.toml"),
        &format!(
            r#"id = "SR-20261105-8M3K2P"
title = "天河 OLT 再次告警"
customer = "gd-telecom"
site = "gz-tianhe"
product = "{product}"
state = "{state}"
opened_at = 2026-11-05T09:00:00+08:00
opened_by = "zhao.min"
"#
        ),
    );
    f.write(
        &format!("{dir}/request.toml"),
        &common::REQUEST.replace("2026-10-12T09:10", "2026-11-05T09:00"),
    );
    for (name, text) in visits {
        f.write(&format!("{dir}/visits/{name}"), text);
    }
    dir.to_string()
}

/// A visit record of the fixture's kind at `site` on `product`, on `day` (2026-MM-DD),
/// replacing `parts` (TOML of `[[parts_replaced]]` entries).
fn visit(site: &str, product: &str, day: &str, parts: &str) -> String {
    format!(
        r#"site = "{site}"
arrived_at = {day}T09:30:00+08:00
left_at = {day}T12:00:00+08:00
engineers = ["wang.qiang"]
products = ["{product}"]
symptoms = "电源告警"
diagnosis = "电源模块故障"
cause = "wear"
work_done = "更换电源模块"
resolved = true
{parts}
[confirmation]
name = "黄工"
date = {day}
"#
    )
}

fn psu(out: &str, into: &str) -> String {
    format!(
        "\n[[parts_replaced]]\ncode = \"P-PSU-48V\"\nqty = 1\nserial_out = \"{out}\"\nserial_in = \"{into}\"\n"
    )
}

#[test]
fn a_part_that_moved_between_units_shows_both_hops_in_order() {
    let f = Fixture::new();
    // October: power module PSU-7 goes into the Tianhe OLT.
    f.edit(
        &format!("{CASE}/visits/01-gz-tianhe.toml"),
        "code = \"P-PSU-48V\"\nqty = 1\n",
        "code = \"P-PSU-48V\"\nqty = 1\nserial_out = \"PSU-1\"\nserial_in = \"PSU-7\"\n",
    );
    // November: it comes out of the Tianhe OLT, and goes into the Chancheng one.
    second_case(
        &f,
        "serviced",
        "NT3600-2021-00017",
        &[
            (
                "01-gz-tianhe.toml",
                &visit(
                    "gz-tianhe",
                    "NT3600-2021-00017",
                    "2026-11-06",
                    &psu("PSU-7", "PSU-8"),
                ),
            ),
            (
                "02-fs-chancheng.toml",
                &visit(
                    "fs-chancheng",
                    "NT3600-2025-00102",
                    "2026-11-07",
                    &psu("PSU-3", "PSU-7"),
                ),
            ),
        ],
    );
    let out = f.svc(&["asset", " PSU-7 "]);
    let text = stdout(&out);
    assert_eq!(code(&out), 0, "{text}{}", stderr(&out));
    let hops = [
        "2026-10-14  into NT3600-2021-00017 (NT-3600 OLT) in place of PSU-1 (P-PSU-48V 48V 电源模块) — \
         visit 01-gz-tianhe of SR-20261012-7Q2M4K, 天河机房",
        "2026-11-06  out of NT3600-2021-00017 (NT-3600 OLT), replaced by PSU-8 (P-PSU-48V 48V 电源模块) — \
         visit 01-gz-tianhe of SR-20261105-8M3K2P, 天河机房",
        "2026-11-07  into NT3600-2025-00102 (NT-3600 OLT) in place of PSU-3 (P-PSU-48V 48V 电源模块) — \
         visit 02-fs-chancheng of SR-20261105-8M3K2P, 禅城机房",
    ];
    let places: Vec<usize> = hops.iter().map(|h| at(&text, h)).collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]), "{text}");
    assert!(
        text.starts_with("PSU-7  a part moved on visits (not a unit)\n"),
        "{text}"
    );
    assert!(text.contains("3 moves:"), "{text}");

    let out = f.svc(&["asset", "PSU-7", "--json"]);
    let h: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let moves: Vec<(&str, &str)> = h["hops"]
        .as_array()
        .expect("hops")
        .iter()
        .map(|m| {
            (
                m["direction"].as_str().unwrap(),
                m["units"][0].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        moves,
        [
            ("in", "NT3600-2021-00017"),
            ("out", "NT3600-2021-00017"),
            ("in", "NT3600-2025-00102")
        ]
    );
    // The module never was a unit: nothing was replaced, no warning.
    assert!(
        f.findings().iter().all(|x| x.rule != "asset"),
        "{:#?}",
        brief(&f.findings())
    );
}

/// The fixture with its Tianhe OLT replaced whole on the October visit by
/// NT3600-2026-00077 (the old unit's power module swapped first).
fn replaced_unit() -> Fixture {
    let f = Fixture::new();
    replace_unit(&f);
    f
}

/// Record on the fixture's October visit that the Tianhe OLT was replaced whole.
fn replace_unit(f: &Fixture) {
    f.write(
        "catalog/parts.toml",
        &(f.read("catalog/parts.toml")
            + "\n[[part]]\ncode = \"U-OLT-3600\"\nname = \"NT-3600 OLT 整机\"\nunit = \"台\"\nprice = \"0.00\"\n"),
    );
    f.edit(
        &format!("{CASE}/visits/01-gz-tianhe.toml"),
        "code = \"P-PSU-48V\"\nqty = 1\n",
        "code = \"P-PSU-48V\"\nqty = 1\n\n[[parts_replaced]]\ncode = \"U-OLT-3600\"\nqty = 1\n\
         serial_out = \"NT3600-2021-00017\"\nserial_in = \"NT3600-2026-00077\"\n",
    );
    f.edit(
        &format!("{CASE}/fees.toml"),
        "[[items]]\ncode = \"R-HW-REPAIR\"",
        "[[items]]\ncode = \"U-OLT-3600\"\nqty = 1\n\n[[items]]\ncode = \"R-HW-REPAIR\"",
    );
}

/// git init in the fixture, so that svc keeps its index.
fn in_a_repository(f: &Fixture) {
    let init = std::process::Command::new("git")
        .args(["init", "-q"])
        .current_dir(f.root())
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .status()
        .expect("git init");
    assert!(init.success());
}

#[test]
fn a_unit_replaced_points_to_the_new_one_which_carries_its_history() {
    let f = replaced_unit();
    assert!(f.findings().is_empty(), "{:#?}", brief(&f.findings()));
    let out = f.svc(&["asset", "NT3600-2021-00017"]);
    let text = stdout(&out);
    assert_eq!(code(&out), 0, "{text}{}", stderr(&out));
    assert!(
        text.contains(
            "  replaced by NT3600-2026-00077 on 2026-10-14 (case SR-20261012-7Q2M4K); \
             the unit in its place now is NT3600-2026-00077\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("  today (2026-11-27): out of warranty since 2024-05-10\n"),
        "{text}"
    );

    // The new serial: the customer, site and model of the unit it replaced, and that
    // unit's case in its history.
    let out = f.svc(&["asset", "NT3600-2026-00077"]);
    let text = stdout(&out);
    assert_eq!(code(&out), 0, "{text}{}", stderr(&out));
    for line in [
        "NT3600-2026-00077  NT-3600 OLT",
        "  customer: 广东某电信分公司",
        "  site: 天河机房 (广州)",
        "  installed on 2026-10-14",
        "  customers/gd-telecom.toml does not list this serial: it took the place of \
         NT3600-2021-00017 and carries its listing until the CSC records it there with its own \
         warranty end",
        "  replaced NT3600-2021-00017 on 2026-10-14 (case SR-20261012-7Q2M4K)",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "{line:?} is not a line of:\n{text}"
        );
    }
    assert!(
        text.contains("SR-20261012-7Q2M4K  opened 2026-10-12  archived  billable  on NT3600-2021-00017, the unit before this one"),
        "{text}"
    );

    let out = f.svc(&["--locale", "zh-CN", "asset", "NT3600-2021-00017"]);
    assert!(
        stdout(&out).contains(
            "已于 2026-10-14 被 NT3600-2026-00077 替换（服务单 SR-20261012-7Q2M4K）；该位置现在的设备是 NT3600-2026-00077"
        ),
        "{}",
        stdout(&out)
    );

    let out = f.svc(&["asset", "NT3600-2026-00077", "--json"]);
    let h: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(h["kind"], "unit");
    assert_eq!(h["unit"]["listed"], false);
    assert_eq!(h["unit"]["listed_as"], "NT3600-2021-00017");
    assert_eq!(h["unit"]["customer"], "gd-telecom");
    assert_eq!(h["replaces"][0]["old"], "NT3600-2021-00017");
    assert_eq!(h["replaces"][0]["case"], "SR-20261012-7Q2M4K");
    assert_eq!(h["cases"][0]["serial"], "NT3600-2021-00017");
    let out = f.svc(&["asset", "NT3600-2021-00017", "--json"]);
    let old: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(old["replaced_by"]["new"], "NT3600-2026-00077");
    assert_eq!(old["replaced_by"]["on"], "2026-10-14");
    assert_eq!(old["installed_now"], "NT3600-2026-00077");
}

#[test]
fn a_new_case_on_a_replaced_unit_is_warned_of_the_serial_installed_now() {
    let f = replaced_unit();
    let dir = second_case(&f, "requested", "NT3600-2021-00017", &[]);
    let message = "NT3600-2021-00017 was replaced by NT3600-2026-00077 on 2026-10-14 (case \
                   SR-20261012-7Q2M4K); the unit at this site is now NT3600-2026-00077";
    let findings = f.findings();
    assert_eq!(
        brief(&findings),
        [format!("warning asset {dir}/case.toml:5")],
        "{findings:#?}"
    );
    assert_eq!(findings[0].message, message);
    assert_eq!(
        findings[0].hint.as_deref(),
        Some(
            "the engineer will find NT3600-2026-00077 there: list it in the visit record's \
             products, and in customers/gd-telecom.toml with its warranty end if it is not there \
             yet; `svc asset NT3600-2021-00017` shows the unit's history"
        )
    );
    // Through the binary, in a repository (svc keeps its index there): the whole workspace,
    // the case alone (the others' visits read from the index), and again without the
    // index: the same warning.
    in_a_repository(&f);
    for args in [
        &["validate"][..],
        &["validate", "8M3K2P"],
        &["validate", "8M3K2P"],
        &["--no-cache", "validate", "8M3K2P"],
    ] {
        let out = f.svc(args);
        let text = stdout(&out);
        assert_eq!(code(&out), 0, "{args:?}: {text}{}", stderr(&out));
        assert!(
            text.contains(&format!("{dir}/case.toml:5:11: warning[asset]: {message}")),
            "{args:?}: {text}"
        );
    }
    assert!(f.root().join(".git/svc/index").exists());
    let out = f.svc(&["--locale", "zh-CN", "validate"]);
    assert!(
        stdout(&out).contains(
            "warning[asset]: NT3600-2021-00017 已于 2026-10-14 被 NT3600-2026-00077 替换（服务单 \
             SR-20261012-7Q2M4K）；该地点现在的设备是 NT3600-2026-00077"
        ),
        "{}",
        stdout(&out)
    );
    let out = f.svc(&["list", "--json"]);
    let list: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let new = list
        .as_array()
        .and_then(|l| l.iter().find(|c| c["id"] == "SR-20261105-8M3K2P"))
        .expect("the new case is listed");
    assert_eq!(new["warnings"], 1);

    // A case closed is not warned.
    f.edit(
        &format!("{dir}/case.toml"),
        "product = \"NT3600-2021-00017\"\nstate = \"requested\"",
        "product = \"NT3600-2021-00017\"\nstate = \"cancelled\"\ncancel_reason = \"客户已自行更换\"",
    );
    assert!(
        f.findings().iter().all(|x| x.rule != "asset"),
        "{:#?}",
        brief(&f.findings())
    );
}

/// The warning spans cases: the new case, read and kept in the index before the swap was
/// recorded on another case's visit, is warned as soon as it is.
#[test]
fn a_swap_recorded_after_the_new_case_was_read_warns_it_at_once() {
    let f = Fixture::new();
    in_a_repository(&f);
    second_case(&f, "requested", "NT3600-2021-00017", &[]);
    let out = f.svc(&["validate"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert!(!stdout(&out).contains("[asset]"), "{}", stdout(&out));
    replace_unit(&f);
    for args in [&["validate"][..], &["validate", "8M3K2P"]] {
        let out = f.svc(args);
        assert!(
            stdout(&out)
                .contains("warning[asset]: NT3600-2021-00017 was replaced by NT3600-2026-00077"),
            "{args:?}: {}",
            stdout(&out)
        );
    }
}
