//! Hermetic temporary workspaces for the tests: a small valid company with one case taken
//! through the whole procedure, which each test then breaks in its own way.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use svc::forms::finding::Finding;

/// The moment the tests run at (the workspace's data is all before it).
pub const NOW: &str = "2026-11-27T12:00:00+08:00";

/// The folder of the fixture's case, relative to the root.
pub const CASE: &str = "cases/2026/10/SR-20261012-7Q2M4K";

const SETTINGS: &str = r#"timezone = "+08:00"
currency = "CNY"
locale = "zh-CN"
id_prefix = "SR"

[company]
name = "深圳市测试网络终端设备厂"
home_city = "深圳"

[workday]
morning_start = "08:30"
afternoon_start = "14:00"

[workflow]
review = "direct"
require_confirmation = true
"#;

const PEOPLE: &str = r#"[[person]]
id = "zhao.min"
name = "赵敏"
email = "zhao.min@example.com"
department = "客户服务中心"
roles = ["csc", "admin"]

[[person]]
id = "li.na"
name = "李娜"
email = "li.na@example.com"
department = "客户服务中心"
roles = ["csc", "lead"]

[[person]]
id = "wang.qiang"
name = "王强"
email = "wang.qiang@example.com"
department = "客户服务中心"
roles = ["engineer"]

[[person]]
id = "chen.jie"
name = "陈杰"
email = "chen.jie@example.com"
department = "产品销售部"
roles = ["sales", "sales-lead"]

[[person]]
id = "sun.li"
name = "孙丽"
email = "sun.li@example.com"
department = "产品销售部"
roles = ["sales", "engineer"]

[[person]]
id = "liu.yang"
name = "刘洋"
email = "liu.yang@example.com"
department = "总经理办公室"
roles = ["manager"]
"#;

const CUSTOMER: &str = r#"id = "gd-telecom"
name = "广东某电信分公司"
salesperson = "chen.jie"

[[contacts]]
name = "黄工"
phone = "020-1234-5678"

[[sites]]
id = "gz-tianhe"
name = "天河机房"
city = "广州"

[[sites]]
id = "fs-chancheng"
name = "禅城机房"
city = "佛山"

[[products]]
serial = "NT3600-2021-00017"
model = "NT-3600 OLT"
site = "gz-tianhe"
installed_on = 2021-05-10
warranty_end = 2024-05-09

[[products]]
serial = "NT3600-2025-00102"
model = "NT-3600 OLT"
site = "fs-chancheng"
warranty_end = 2028-01-31

[[agreements]]
id = "AG-2026-001"
signed_on = 2026-01-05
valid_from = 2026-01-01
valid_to = 2026-12-31
charges_allowed = false
terms = "年度维保,现场服务免费"
signed_by = "li.na"
"#;

const PARTS: &str = r#"[[part]]
code = "P-PSU-48V"
name = "48V 电源模块"
unit = "个"
price = "680.00"

[[part]]
code = "P-SFP-GPON"
name = "GPON 光模块"
unit = "个"
price = "260.00"
"#;

const RATES: &str = r#"[[rate]]
code = "R-HW-REPAIR"
name = "硬件维修费"
kind = "hardware"
unit = "次"
price = "300.00"

[[rate]]
code = "R-SW-MAINT"
name = "软件维护费"
kind = "software"
unit = "次"
price = "200.00"
"#;

/// case.toml of the archived case.
pub const CASE_TOML: &str = r#"id = "SR-20261012-7Q2M4K"
title = "天河、禅城 OLT 电源告警"
customer = "gd-telecom"
site = "gz-tianhe"
product = "NT3600-2021-00017"
state = "archived"
opened_at = 2026-10-12T09:10:00+08:00
opened_by = "zhao.min"
fee = "billable"
assigned_by = "zhao.min"
assigned_via = "csc"
assignees = ["wang.qiang"]

[[approvals]]
kind = "task-sheet"
by = "li.na"
role = "lead"
at = 2026-10-13T10:00:00+08:00
covers = {}

[[approvals]]
kind = "flight"
by = "liu.yang"
role = "manager"
at = 2026-10-13T11:00:00+08:00
flights = []
covers = {}

[[approvals]]
kind = "review"
by = "zhao.min"
role = "csc"
at = 2026-10-21T10:00:00+08:00
covers = {}

[[checkins]]
at = 2026-10-14T20:00:00+08:00
via = "phone"
by = "wang.qiang"
note = "已到广州"

[timeline]
accepted_at = 2026-10-12T10:00:00+08:00
assigned_at = 2026-10-12T11:00:00+08:00
submitted_at = 2026-10-12T16:00:00+08:00
approved_at = 2026-10-13T10:00:00+08:00
started_at = 2026-10-14T08:00:00+08:00
completed_at = 2026-10-16T17:00:00+08:00
handed_in_at = 2026-10-20T09:00:00+08:00
reviewed_at = 2026-10-21T10:00:00+08:00
archived_at = 2026-10-21T11:00:00+08:00

[[checkins]]
at = 2026-10-16T12:30:00+08:00
via = "email"
by = "wang.qiang"
note = "禅城完成"
"#;

/// request.toml.
pub const REQUEST: &str = r#"received_at = 2026-10-12T09:10:00+08:00
channel = "phone"
fault = "OLT 电源模块告警,部分 PON 口掉线"
tried_by_phone = "指导客户重启电源模块,告警仍在"
onsite_needed = true
onsite_reason = "需更换电源模块"
received_by = "zhao.min"

[contact]
name = "黄工"
phone = "020-1234-5678"
"#;

/// task-sheet.toml.
pub const TASK_SHEET: &str = r#"prepared_by = "wang.qiang"
prepared_on = 2026-10-12
engineers = ["wang.qiang"]
customer_situation = "广州、佛山两个机房,设备运行三年"
fault_detail = "天河机房 OLT 电源模块 1 告警;禅城机房同型号设备偶发告警"
tasks = ["更换天河电源模块", "检查禅城设备电源"]
sites = ["gz-tianhe", "fs-chancheng"]
depart_on = 2026-10-14
return_on = 2026-10-17
tools = ["万用表"]

[[legs]]
date = 2026-10-14
from = "深圳"
to = "广州"
mode = "flight"

[[legs]]
date = 2026-10-16
from = "广州"
to = "佛山"
mode = "car"

[[parts]]
code = "P-PSU-48V"
qty = 1

[advance]
amount = "2000.00"
purpose = "差旅费"
requested_on = 2026-10-13
"#;

/// visits/01-gz-tianhe.toml.
pub const VISIT_1: &str = r#"site = "gz-tianhe"
arrived_at = 2026-10-14T14:00:00+08:00
left_at = 2026-10-14T18:00:00+08:00
engineers = ["wang.qiang"]
products = ["NT3600-2021-00017"]
symptoms = "电源模块 1 告警灯亮"
diagnosis = "电源模块老化"
cause = "wear"
work_done = "更换电源模块"
resolved = true

[[parts_replaced]]
code = "P-PSU-48V"
qty = 1

[confirmation]
name = "黄工"
title = "机房主管"
date = 2026-10-14
"#;

/// visits/02-fs-chancheng.toml.
pub const VISIT_2: &str = r#"site = "fs-chancheng"
arrived_at = 2026-10-16T09:30:00+08:00
left_at = 2026-10-16T12:00:00+08:00
engineers = ["wang.qiang"]
products = ["NT3600-2025-00102"]
symptoms = "偶发电源告警"
diagnosis = "市电波动"
cause = "environment"
work_done = "检查电源,建议加装稳压器"
resolved = true

[confirmation]
name = "何工"
date = 2026-10-16
"#;

/// fees.toml.
pub const FEES: &str = r#"total = "980.00"

[[items]]
code = "P-PSU-48V"
qty = 1

[[items]]
code = "R-HW-REPAIR"
qty = 1
unit_price = "300.00"

[signature]
name = "黄工"
date = 2026-10-14

[payment]
method = "transfer"
amount = "980.00"
receipt = "R2026-1014-01"
date = 2026-10-14
"#;

/// travel-log.yaml.
pub const TRAVEL_LOG: &str = r#"travellers: [wang.qiang]
legs:
  - date: 2026-10-14
    from: 深圳
    to: 广州
    mode: flight
    cost: "780.00"
  - date: 2026-10-16
    from: 广州
    to: 佛山
    mode: car
  - date: 2026-10-16
    from: 佛山
    to: 深圳
    mode: train
    cost: "95.50"
back_home_at: 2026-10-16T17:30:00+08:00
back_at_work_at: 2026-10-19T08:30:00+08:00
# 联系公司 (7.5):用 svc checkin 记录在 case.toml,
# 不写在出差日志里 · check-ins are recorded with
# svc checkin, in case.toml, not in the travel log
#
days:
  - date: 2026-10-14
    place: 广州
    work: 天河机房更换电源模块
  - date: 2026-10-16
    place: 佛山
    work: 禅城机房检查
expenses:
  - date: 2026-10-15
    category: lodging
    amount: "380.00"
advance_received:
  amount: "2000.00"
  date: 2026-10-13
"#;

/// summary.toml.
pub const SUMMARY: &str = r#"prepared_by = "wang.qiang"
prepared_on = 2026-10-19
outcome = "resolved"
root_cause = "电源模块老化"
fault_category = "power"
actions = "更换电源模块,检查另一机房"
satisfaction = 5
suggestions = ["建议客户为禅城机房加装稳压电源"]
"#;

/// A temporary workspace.
pub struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    /// The shared files and the archived case, all valid.
    pub fn new() -> Fixture {
        let f = Fixture::shared_only();
        f.write(&format!("{CASE}/case.toml"), CASE_TOML);
        f.write(&format!("{CASE}/request.toml"), REQUEST);
        f.write(&format!("{CASE}/task-sheet.toml"), TASK_SHEET);
        f.write(&format!("{CASE}/visits/01-gz-tianhe.toml"), VISIT_1);
        f.write(&format!("{CASE}/visits/02-fs-chancheng.toml"), VISIT_2);
        f.write(&format!("{CASE}/fees.toml"), FEES);
        f.write(&format!("{CASE}/travel-log.yaml"), TRAVEL_LOG);
        f.write(&format!("{CASE}/summary.toml"), SUMMARY);
        f
    }

    /// The shared files only, no cases.
    pub fn shared_only() -> Fixture {
        let f = Fixture {
            dir: tempfile::tempdir().expect("a temporary folder"),
        };
        f.write("svc.toml", SETTINGS);
        f.write("people.toml", PEOPLE);
        f.write("customers/gd-telecom.toml", CUSTOMER);
        f.write("catalog/parts.toml", PARTS);
        f.write("catalog/rates.toml", RATES);
        f
    }

    /// The root folder.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Write a file (creating folders).
    pub fn write(&self, rel: &str, text: &str) {
        self.write_bytes(rel, text.as_bytes());
    }

    /// Write raw bytes.
    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("create folders");
        std::fs::write(path, bytes).expect("write a file");
    }

    /// A file of `bytes` under the case's `attachments/` (`name` its path there), made
    /// sparse: nothing is written, and svc must read nothing of it either.
    pub fn attach(&self, name: &str, bytes: u64) {
        let path = self.root().join(CASE).join("attachments").join(name);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("create folders");
        let file = std::fs::File::create(&path).expect("create the attachment");
        file.set_len(bytes).expect("size the attachment");
    }

    /// Read a file.
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root().join(rel)).expect("read a file")
    }

    /// Replace `from` by `to` in a file; the text must be there.
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        self.write(rel, &text.replacen(from, to, 1));
    }

    /// Delete a file.
    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.root().join(rel)).expect("remove a file");
    }

    /// Validate in-process at [`NOW`], the approvals sealed over the forms as they are.
    pub fn findings(&self) -> Vec<Finding> {
        self.seal();
        self.findings_as_written()
    }

    /// Validate in-process at [`NOW`], the approvals as they are written.
    pub fn findings_as_written(&self) -> Vec<Finding> {
        let ws = svc::workspace::Workspace::open(self.root());
        let now = chrono::DateTime::parse_from_rfc3339(NOW).expect("NOW is valid");
        svc::rules::validate::validate(&ws, None, now).findings
    }

    /// Run the svc binary here with a hermetic environment, the approvals sealed.
    pub fn svc(&self, args: &[&str]) -> Output {
        self.seal();
        svc_in(self.root(), args)
    }

    /// Make every approval of every case cover the case's forms as they are now, as if each
    /// had been taken on them (the fixture's case is built by hand, and each test breaks
    /// one thing of its own): the `covers = …` and `flights = …` lines of each approval are
    /// rewritten in place, so no line moves.
    pub fn seal(&self) {
        let (dirs, _) = svc::workspace::case::discover(self.root());
        for dir in dirs {
            let rel = dir.join("case.toml");
            let Ok(text) = std::fs::read_to_string(self.root().join(&rel)) else {
                continue;
            };
            let case = svc::workspace::case::load(self.root(), &dir);
            let mut kind = None;
            let mut lines: Vec<String> = Vec::new();
            for line in text.lines() {
                if line.starts_with('[') {
                    kind = None;
                }
                if let Some(k) = line.strip_prefix("kind = ") {
                    kind = svc::forms::ApprovalKind::parse(k.trim_matches('"'));
                }
                let sealed = match (kind, line) {
                    (Some(kind), l) if l.starts_with("covers = ") => {
                        let covers: Vec<String> = svc::rules::coverable(&case, kind)
                            .iter()
                            .map(|(path, id)| format!("\"{path}\" = \"{id}\""))
                            .collect();
                        format!("covers = {{ {} }}", covers.join(", "))
                    }
                    (Some(_), l) if l.starts_with("flights = ") => {
                        let flights: Vec<String> = svc::rules::planned_flights(&case)
                            .into_iter()
                            .map(|(label, _)| format!("\"{label}\""))
                            .collect();
                        format!("flights = [{}]", flights.join(", "))
                    }
                    _ => line.to_string(),
                };
                lines.push(sealed);
            }
            let mut sealed = lines.join("\n");
            if text.ends_with('\n') {
                sealed.push('\n');
            }
            if sealed != text {
                self.write(&rel.to_string_lossy(), &sealed);
            }
        }
    }
}

/// Run the svc binary in `dir` with a hermetic git and a pinned clock.
pub fn svc_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_svc"))
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_DATE", "2026-11-27T12:00:00+08:00")
        .env("GIT_COMMITTER_DATE", "2026-11-27T12:00:00+08:00")
        .env("SVC_NOW", NOW)
        .env("NO_COLOR", "1")
        // Messages in English (the tests of the Chinese ones ask for them).
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("EDITOR")
        .output()
        .expect("run svc")
}

/// Standard output as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A finding as `severity[rule] file:line:col: message`.
pub fn render(f: &Finding) -> String {
    format!(
        "{}[{}] {}:{}:{}: {}",
        f.severity,
        f.rule,
        f.location.file.display(),
        f.location.start.line,
        f.location.start.column,
        f.message
    )
}

/// Every finding of the fixture, rendered.
pub fn seen(f: &Fixture) -> Vec<String> {
    f.findings().iter().map(render).collect()
}

/// Findings as `rule file:line` strings, for compact assertions.
pub fn brief(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .map(|f| {
            format!(
                "{} {} {}:{}",
                f.severity,
                f.rule,
                f.location.file.display(),
                f.location.start.line
            )
        })
        .collect()
}

/// A path under the fixture's case.
pub fn in_case(rel: &str) -> PathBuf {
    PathBuf::from(CASE).join(rel)
}

/// Chromium from Debian's package, when it is installed (CI installs it and sets
/// `SVC_REQUIRE_CHROMIUM`, so the test cannot pass by being skipped there).
pub fn chromium() -> Option<&'static str> {
    let path = "/usr/bin/chromium";
    if Path::new(path).exists() {
        return Some(path);
    }
    assert!(
        std::env::var_os("SVC_REQUIRE_CHROMIUM").is_none(),
        "SVC_REQUIRE_CHROMIUM is set but {path} is missing: apt-get install -y chromium"
    );
    eprintln!("skipped: {path} is not installed (apt-get install -y chromium)");
    None
}

/// `command` as a user runs svc: git's configuration of a fresh machine, the real clock (no
/// `SVC_NOW`), no colour, messages in English.
pub fn on_the_real_clock(mut command: Command) -> Command {
    command
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("SVC_NOW")
        .env("NO_COLOR", "1")
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    command
}
