//! Printable forms (`svc render`) and the case dossier (`svc report case`, 7.10; with
//! `--expense-claim`, 7.9): what a user checks on the printed page — the titles in both
//! languages, the form number, the case, the values, the signature lines with the recorded
//! approvals and confirmations — and that every value is escaped in HTML.

use crate::common::{CASE, Fixture, stderr, stdout};
use crate::workflow::{Case, Stage, T_CHECKIN, T_LATER, Ws, code};
use std::path::Path;
use svc::forms::FormKind;

const ID: &str = "SR-20261012-7Q2M4K";

/// `svc render` on the fixture: exit 0 and the page.
fn render(f: &Fixture, args: &[&str]) -> String {
    let mut all = vec!["render", ID];
    all.extend_from_slice(args);
    let out = f.svc(&all);
    assert_eq!(code(&out), 0, "svc {all:?}: {}", stderr(&out));
    stdout(&out)
}

/// The command line naming one form of the fixture's case (both visits by their site).
fn form_args(kind: FormKind) -> Vec<Vec<&'static str>> {
    match kind {
        FormKind::Visit => vec![
            vec!["visit", "--site", "gz-tianhe"],
            vec!["visit", "--site", "fs-chancheng"],
        ],
        other => vec![vec![other.name()]],
    }
}

#[test]
fn every_form_prints_with_both_titles_its_number_the_case_and_every_field() {
    let f = Fixture::new();
    for kind in FormKind::ALL {
        for args in form_args(kind) {
            for format in ["md", "html"] {
                let mut a = args.clone();
                a.extend(["--format", format]);
                let page = render(&f, &a);
                for must in [kind.title_zh(), kind.title_en(), kind.number(), ID] {
                    assert!(page.contains(must), "{a:?} lacks {must}:\n{page}");
                }
                // Every field of the form is on the page with its Chinese label; the
                // confirmation and the customer's signature are signature lines.
                for (key, description) in kind.fields() {
                    let zh = description.split(" · ").next().unwrap_or(description);
                    let label = match (kind, *key) {
                        (FormKind::Visit, "confirmation") => "客户确认",
                        (FormKind::Fees, "signature") => "客户签字",
                        _ => zh,
                    };
                    assert!(page.contains(label), "{a:?} lacks {key} ({label})");
                }
                assert!(
                    !page.contains("form_") && !page.contains("case_"),
                    "{a:?}: a word missing from the dictionary shows as its key:\n{page}"
                );
                if format == "html" {
                    assert!(page.starts_with("<!DOCTYPE html>"), "{a:?}");
                    assert!(page.contains("@page { size: A4"), "{a:?}: A4 page");
                    assert!(
                        !page.contains("<link") && !page.contains("<script"),
                        "{a:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_task_sheet_shows_its_values_and_the_recorded_approvals() {
    let f = Fixture::new();
    let md = render(&f, &["task-sheet"]);
    for must in [
        "| 填写人 · Prepared by | 王强 |",
        "| 计划出发日期 · Planned departure | 2026-10-14 |",
        "| 填写日期 · Prepared on | 2026-10-12 |",
        "1. 更换天河电源模块<br>2. 检查禅城设备电源",
        "天河机房, 广州<br>禅城机房, 佛山",
        "| 2026-10-14 | 深圳 | 广州 | 飞机 |",
        "| P-PSU-48V | 48V 电源模块 | 1 |",
        "|   ↳ 借款金额 · Amount | 2000.00 |",
        // The engineer who prepared it, the CSC lead's signature (7.2), the flight (7.4).
        "| 填写人 · Prepared by | 王强 | 2026-10-12 |",
        "| 客户服务中心领导审批(7.2) · CSC lead's approval (7.2) | 李娜 | 2026-10-13 | ✓ 已在 svc 中签批 2026-10-13 10:00",
        "| 乘机审批:总经理或市场部副总(7.4) · Flight approval: GM or marketing VP (7.4) | 刘洋 | 2026-10-13 | ✓ 已在 svc 中签批 2026-10-13 11:00",
    ] {
        assert!(md.contains(must), "lacks {must:?}:\n{md}");
    }
    // No sales lead's line: the CSC assigned the case.
    assert!(!md.contains("产品销售部领导审批"), "{md}");
}

#[test]
fn an_unsigned_task_sheet_leaves_the_leads_line_blank() {
    let f = Fixture::new();
    let case_toml = f.read(&format!("{CASE}/case.toml"));
    let start = case_toml.find("[[approvals]]").expect("approvals");
    let end = case_toml.find("[[checkins]]").expect("check-ins");
    f.write(
        &format!("{CASE}/case.toml"),
        &format!("{}{}", &case_toml[..start], &case_toml[end..]),
    );
    let md = render(&f, &["task-sheet"]);
    assert!(
        md.contains("| 客户服务中心领导审批(7.2) · CSC lead's approval (7.2) | ＿＿＿＿＿＿ | ＿＿＿＿＿＿ | ＿＿＿＿＿＿ |"),
        "{md}"
    );
    let html = render(&f, &["task-sheet", "--format", "html"]);
    assert!(!html.contains("✓ 已在 svc 中签批"), "{html}");
}

#[test]
fn the_visit_record_and_the_fee_list_show_the_customers_signature() {
    let f = Fixture::new();
    let visit = render(&f, &["visit", "--site", "gz-tianhe"]);
    for must in [
        "现场服务记录 · Field service record — 天河机房, 广州",
        "| 到达时间 · Arrived | 2026-10-14 14:00 |",
        "| 故障原因 · Cause | 正常损耗 |",
        "| P-PSU-48V | 48V 电源模块 | 1 | — | — |",
        "| 服务人员 · Engineer | 王强 | 2026-10-14 | ＿＿＿＿＿＿ |",
        "| 客户确认(7.7) · Customer's confirmation (7.7) | 黄工 (机房主管) | 2026-10-14 | ✓ 已记录在表单中 |",
        "| 客户服务中心审核(5.1.6) · Reviewed by the CSC (5.1.6) | 赵敏 | 2026-10-21 |",
    ] {
        assert!(visit.contains(must), "lacks {must:?}:\n{visit}");
    }
    let other = render(&f, &["visit", "--site", "02-fs-chancheng"]);
    assert!(
        other.contains("| 客户确认(7.7) · Customer's confirmation (7.7) | 何工 | 2026-10-16 |"),
        "{other}"
    );
    let fees = render(&f, &["fees"]);
    for must in [
        // The part at its catalog price, the repair at the price written.
        "| P-PSU-48V | 48V 电源模块 | 1 个 | 680.00 | 680.00 | — | — |",
        "| R-HW-REPAIR | 硬件维修费 | 1 次 | 300.00 | 300.00 | — | — |",
        "| **合计** |  |  |  | **980.00** |  |  |",
        // The total in capital numerals, as a Chinese receipt writes it.
        "| 大写金额 · Amount in Chinese capitals | 人民币玖佰捌拾元整 |",
        "|   ↳ 收据号 · Receipt number | R2026-1014-01 |",
        "| 客户签字(9.2) · Customer's signature (9.2) | 黄工 | 2026-10-14 | ✓ 已记录在表单中 |",
    ] {
        assert!(fees.contains(must), "lacks {must:?}:\n{fees}");
    }
    let summary = render(&f, &["summary"]);
    for must in [
        "| 客户满意度 · Satisfaction | 5 / 5 |",
        "| 填写人 · Prepared by | 王强 | 2026-10-19 | ✓ 已记录在表单中 |",
        "| 客户服务中心审核(5.1.6) · Reviewed by the CSC (5.1.6) | 赵敏 | 2026-10-21 |",
    ] {
        assert!(summary.contains(must), "lacks {must:?}:\n{summary}");
    }
}

#[test]
fn a_form_prints_as_a_reviewed_snapshot() {
    let f = Fixture::new();
    insta::assert_snapshot!("render_task_sheet_md", render(&f, &["task-sheet"]));
}

#[test]
fn the_locale_changes_the_labels() {
    let f = Fixture::new();
    let zh = render(&f, &["summary"]);
    let en = render(&f, &["summary", "--locale", "en"]);
    assert!(
        zh.starts_with("# 服务总结报告 · Service summary report\n"),
        "{zh}"
    );
    assert!(
        en.starts_with("# Service summary report · 服务总结报告\n"),
        "{en}"
    );
    for (zh_word, en_word) in [
        ("**表单编号** CSC-F06", "**Form no.** CSC-F06"),
        (
            "| 服务结果 · Outcome | 已解决 |",
            "| Outcome · 服务结果 | resolved |",
        ),
        ("**签字 · Signatures**", "**Signatures · 签字**"),
        ("打印于 2026-11-27 12:00", "Printed 2026-11-27 12:00"),
    ] {
        assert!(
            zh.contains(zh_word) && !zh.contains(en_word),
            "zh: {zh_word}\n{zh}"
        );
        assert!(
            en.contains(en_word) && !en.contains(zh_word),
            "en: {en_word}\n{en}"
        );
    }
    let html = render(&f, &["summary", "--locale", "en", "--format", "html"]);
    assert!(html.contains("<html lang=\"en\">"), "{html}");
    assert!(html.contains("Form no.<b>CSC-F06</b>"), "{html}");
}

#[test]
fn every_value_is_escaped_in_html() {
    let f = Fixture::new();
    f.edit(
        &format!("{CASE}/request.toml"),
        "fault = \"OLT 电源模块告警,部分 PON 口掉线\"",
        "fault = \"<script>alert(1)</script> & \\\"quoted\\\" | piped\"",
    );
    let html = render(&f, &["request", "--format", "html"]);
    assert!(!html.contains("<script>alert(1)"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;")
            || html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(
        html.contains("&amp;") && html.contains("&quot;quoted&quot;"),
        "{html}"
    );
    // Markdown keeps the table intact and the tag inert.
    let md = render(&f, &["request"]);
    assert!(
        md.contains("| 故障描述 · The fault as the customer describes it | &lt;script&gt;alert(1)&lt;/script&gt; & \"quoted\" \\| piped |"),
        "{md}"
    );
}

#[test]
fn refusals_name_what_is_missing_or_ambiguous() {
    let f = Fixture::new();
    let out = f.svc(&["render", ID, "visit"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out)
            .contains("has 2 visit records (gz-tianhe, fs-chancheng); name one with --site"),
        "{}",
        stderr(&out)
    );
    let out = f.svc(&["render", ID, "visit", "--site", "sz-futian"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("no visit record for `sz-futian`"),
        "{}",
        stderr(&out)
    );
    let out = f.svc(&["render", ID, "summary", "--site", "gz-tianhe"]);
    assert_eq!(code(&out), 2);
    let out = f.svc(&["render", ID, "invoice"]);
    assert_eq!(code(&out), 2, "an unknown form is a usage error");
    f.remove(&format!("{CASE}/summary.toml"));
    let out = f.svc(&["render", ID, "summary"]);
    assert_eq!(code(&out), 1);
    assert_eq!(stdout(&out), "");
    assert!(
        stderr(&out).contains("has no service summary report (服务总结报告, `summary`) yet"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("hint: fill it in with `svc edit"),
        "{}",
        stderr(&out)
    );
    f.write(&format!("{CASE}/summary.toml"), "outcome = \"fixed\"\n");
    let out = f.svc(&["render", ID, "summary"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("the summary form cannot be read"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("summary.toml:1:"),
        "the problems are shown: {}",
        stderr(&out)
    );
}

#[test]
fn output_goes_to_a_file_in_the_format_its_name_says() {
    let f = Fixture::new();
    let out = f.svc(&["render", ID, "fees", "-o", "fees.html"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    let page = f.read("fees.html");
    assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
    assert!(page.contains("CSC-F04"));
}

// The dossier, built through the real binary so that the case has a history.

/// A case taken through the whole procedure on a fresh workspace.
fn archived() -> (Ws, Case) {
    let ws = Ws::init();
    let case = ws.case_at(Stage::OnSite, "wang.qiang");
    // The check-in with the company, recorded where check-ins are kept (7.5).
    ws.act_as("wang.qiang");
    ws.ok(
        T_CHECKIN,
        &["checkin", &case.id, "--via", "email", "--note", "已到广州"],
    );
    ws.advance(&case, Stage::OnSite, Stage::Archived, "wang.qiang");
    (ws, case)
}

/// `text` with the temporary folder, the case id and every commit id made stable.
fn redact(ws: &Ws, case: &Case, text: &str) -> String {
    let mut text = text.replace(&ws.root().display().to_string(), "[ROOT]");
    for commit in ws.git(&["log", "--format=%H"]).lines() {
        text = text.replace(commit, "[COMMIT]");
        text = text.replace(&commit[..10], "[COMMIT10]");
    }
    let stable = format!("{}XXXXXX", &case.id[..12]);
    text.replace(&case.id, &stable)
}

/// The rows of the history table of a Markdown dossier.
fn history_rows(md: &str) -> Vec<Vec<String>> {
    let start = md.find("## 流转记录").expect("a history section");
    md[start..]
        .lines()
        .skip(4)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect()
}

#[test]
fn the_dossier_lists_the_history_in_order_with_its_actors() {
    let (ws, case) = archived();
    let md = ws.ok(T_LATER, &["report", "case", &case.id]);
    let steps: Vec<(String, String, String)> = history_rows(&md)
        .into_iter()
        .map(|r| (r[3].clone(), r[2].clone(), r[4].clone()))
        .collect();
    let expected = [
        ("new", "赵敏", "— → 已受理"),
        ("accept", "赵敏", "已受理 → 已确认"),
        ("assign", "赵敏", "已确认 → 已指派"),
        ("submit", "王强", "已指派 → 待审批"),
        ("approve", "李娜", "待审批 → 已审批"),
        ("approve-flight", "刘洋", "已审批 → 已审批"),
        ("start", "王强", "已审批 → 现场服务中"),
        ("checkin", "王强", "现场服务中 → 现场服务中"),
        ("complete", "王强", "现场服务中 → 服务完成"),
        ("submit", "王强", "服务完成 → 待审核"),
        ("approve", "赵敏", "待审核 → 已审核"),
        ("archive", "赵敏", "已审核 → 已归档"),
    ];
    let expected: Vec<(String, String, String)> = expected
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(steps, expected, "{md}");
    // Stamped with the commit it was made from.
    let head = ws.head();
    assert!(md.contains(&format!("提交 `{head}`")), "{md}");
    // Every form, the approvals and the findings are in it.
    for must in [
        "# 服务单档案 · Case dossier",
        "### 客户服务任务书 · Customer service task sheet",
        "### 现场服务记录 · Field service record — 天河机房, 广州",
        "### 服务费清单 · Service fee list\n\n表单编号 CSC-F04: 未填写",
        "## 审批 · Approvals",
        "## 检查结果 · Findings",
    ] {
        assert!(md.contains(must), "lacks {must:?}:\n{md}");
    }
    assert!(!md.contains("form_") && !md.contains("case_"), "{md}");
    insta::assert_snapshot!("report_case_md", redact(&ws, &case, &md));
    let html = ws.ok(T_LATER, &["report", "case", &case.id, "--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains(&head), "stamped with the commit");
    assert_eq!(html.matches("<section class=\"form").count(), 5, "{html}");
}

#[test]
fn the_dossier_is_made_from_committed_data_and_says_what_is_left_out() {
    let (ws, case) = archived();
    ws.edit(
        &case.file("summary.toml"),
        "建议客户备一块电源模块",
        "EDITED-NOT-COMMITTED",
    );
    let out = ws.svc(T_LATER, &["report", "case", &case.id]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let md = stdout(&out);
    assert!(
        md.contains("建议客户备一块电源模块"),
        "the committed summary: {md}"
    );
    assert!(!md.contains("EDITED-NOT-COMMITTED"), "{md}");
    assert!(
        md.contains(&format!(
            "注意:服务单文件夹有未提交的修改,本档案不包含这些修改: `{}`",
            case.file("summary.toml")
        )),
        "{md}"
    );
    assert!(
        stderr(&out).contains("has uncommitted changes"),
        "{}",
        stderr(&out)
    );
    // A printed form shows the file as it is on disk, and says it is not committed.
    let form = ws.ok(T_LATER, &["render", &case.id, "summary"]);
    assert!(form.contains("EDITED-NOT-COMMITTED"), "{form}");
    assert!(form.contains("以下文件有未提交的修改"), "{form}");
}

/// The sum of the travel log's expenses as svc reads them.
fn expenses_total(root: &Path, case: &Case) -> String {
    let c = svc::workspace::case::load(root, Path::new(&case.dir));
    let log = c.travel_log.expect("a travel log");
    let total: svc::forms::decode::Money = log.expenses.iter().map(|e| e.amount.value).sum();
    total.to_string()
}

#[test]
fn an_expense_claim_needs_the_visit_records_and_the_summary() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Serviced, "wang.qiang");
    let out = ws.svc(T_LATER, &["report", "case", &case.id, "--expense-claim"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    let err = stderr(&out);
    assert!(err.contains("error: "), "{err}");
    assert!(
        err.contains(&format!(
            "error: no expense claim for {} without the service summary report (服务总结报告) and the travel work log (出差工作日志) (7.9)",
            case.id
        )),
        "{err}"
    );
    assert!(
        !err.contains("field service records ("),
        "the visit is there: {err}"
    );
    assert!(
        err.contains(&format!("`svc edit {} summary`", case.id)),
        "{err}"
    );

    ws.advance(&case, Stage::Serviced, Stage::PendingReview, "wang.qiang");
    let md = ws.ok(T_LATER, &["report", "case", &case.id, "--expense-claim"]);
    let total = expenses_total(&ws.root(), &case);
    assert_eq!(total, "380.00");
    for must in [
        "# 出差费用报销单 · Travel expense claim".to_string(),
        format!("| **合计** |  | **{total}** |  |"),
        format!("| 费用合计 · Expenses | {total} |"),
        "| 交通费合计 · Fares | 875.50 |".to_string(),
        "| 报销总额 · Total claimed | 1255.50 |".to_string(),
        "| 已借款(7.3) · Advance received (7.3) | 0.00 |".to_string(),
        "| 应补付报销人 · Due to the claimant | 1255.50 |".to_string(),
        "## 附件(7.9):现场服务记录与服务总结报告".to_string(),
        "### 现场服务记录 · Field service record".to_string(),
        "### 服务总结报告 · Service summary report".to_string(),
    ] {
        assert!(md.contains(&must), "lacks {must:?}:\n{md}");
    }
    assert!(
        !md.contains("### 客户服务任务书"),
        "only the records 7.9 asks for"
    );
}

#[test]
fn an_expense_claim_subtracts_the_advance_received() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Serviced, "wang.qiang");
    let log = crate::workflow::travel_log("wang.qiang")
        + "advance_received: {amount: \"2000.00\", date: 2026-11-03}\n";
    ws.write(&case.file("travel-log.yaml"), &log);
    ws.write(
        &case.file("summary.toml"),
        &crate::workflow::summary("wang.qiang"),
    );
    ws.act_as("wang.qiang");
    ws.ok(crate::workflow::T_HAND_IN, &["submit", &case.id]);
    let md = ws.ok(
        T_LATER,
        &[
            "report",
            "case",
            &case.id,
            "--expense-claim",
            "--locale",
            "en",
        ],
    );
    for must in [
        "| Total claimed · 报销总额 | 1255.50 |",
        "| Advance received (7.3) · 已借款(7.3) | 2000.00 (2026-11-03) |",
        "| To return to the company · 报销人应退还 | 744.50 |",
    ] {
        assert!(md.contains(must), "lacks {must:?}:\n{md}");
    }
    assert!(!md.contains("form_") && !md.contains("case_"), "{md}");
}

#[test]
fn a_dossier_needs_a_committed_case() {
    let f = Fixture::new();
    let out = f.svc(&["report", "case", ID]);
    assert_eq!(code(&out), 3, "outside git: {}", stderr(&out));
    assert!(
        stderr(&out).contains("not in a git repository"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn every_value_of_the_dossier_is_escaped_in_html() {
    let ws = Ws::init();
    let case = ws.new_case_at(crate::workflow::T_NEW, "<script>alert(1)</script>");
    let html = ws.ok(T_LATER, &["report", "case", &case.id, "--format", "html"]);
    assert!(!html.contains("<script>alert(1)"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)"), "{html}");
    // The request's page is in it, escaped once (not twice) inside the dossier.
    assert!(
        html.contains("<section class=\"form form-request\">"),
        "{html}"
    );
    assert!(!html.contains("&amp;lt;script"), "{html}");
}

#[test]
fn a_workspace_template_replaces_the_built_in_form() {
    let f = Fixture::new();
    f.write(
        "templates/form.md",
        "CUSTOM {{ form.number }} {{ case_id }}{% for s in form.signatures %} [{{ s.role }}: {{ s.name }}]{% endfor %}\n",
    );
    let page = render(&f, &["task-sheet"]);
    assert_eq!(
        page,
        format!(
            "CUSTOM CSC-F02 {ID} [填写人: 王强] [客户服务中心领导审批(7.2): 李娜] [乘机审批:总经理或市场部副总(7.4): 刘洋]\n"
        )
    );
    f.write("templates/form.md", "{{ form.nothing_here }}\n");
    let out = f.svc(&["render", ID, "task-sheet"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("templates/form.md"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_task_sheet_assigned_by_sales_has_the_sales_leads_line() {
    let f = Fixture::new();
    f.edit(
        &format!("{CASE}/case.toml"),
        "assigned_via = \"csc\"",
        "assigned_via = \"sales\"",
    );
    let md = render(&f, &["task-sheet", "--locale", "en"]);
    assert!(
        md.contains("| Sales lead's approval (5.2.2) · 产品销售部领导审批(5.2.2) | ＿＿＿＿＿＿ | ＿＿＿＿＿＿ | ＿＿＿＿＿＿ |"),
        "{md}"
    );
    assert!(
        md.contains("| CSC lead's approval (7.2) · 客户服务中心领导审批(7.2) | 李娜 | 2026-10-13 | ✓ approved in svc 2026-10-13 10:00 (CSC lead) |"),
        "{md}"
    );
}

#[test]
fn a_printed_form_shows_a_signature_only_over_what_it_approved() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Approved, "wang.qiang");
    let signed = ws.ok(T_LATER, &["render", &case.id, "task-sheet"]);
    let lead = |text: &str| {
        text.lines()
            .find(|l| l.starts_with("| 客户服务中心领导审批(7.2)"))
            .unwrap_or_else(|| panic!("no lead's line:\n{text}"))
            .to_string()
    };
    assert!(lead(&signed).contains("| 李娜 |"), "{signed}");
    assert!(lead(&signed).contains("✓ 已在 svc 中签批"), "{signed}");
    // The engineer adds a task after the signature: the printed sheet carries none.
    ws.edit(
        &case.file("task-sheet.toml"),
        "tasks = [\"更换电源模块\"]",
        "tasks = [\"更换电源模块\", \"顺便升级全网软件\"]",
    );
    let changed = ws.ok(T_LATER, &["render", &case.id, "task-sheet"]);
    let line = lead(&changed);
    assert!(!line.contains("李娜 |") && !line.contains('✓'), "{line}");
    assert!(
        line.contains("已签批的是修改前的版本,本页内容未经签批 (李娜, 2026-11-03 09:00)"),
        "{line}"
    );
    // Committed so, the dossier says which approval covers an earlier version.
    ws.git(&["add", "-A"]);
    ws.git_commit_as("wang.qiang", "补充任务");
    let dossier = ws.ok(T_LATER, &["report", "case", &case.id]);
    assert!(
        dossier
            .lines()
            .any(|l| l.starts_with("| 任务书审批 | 李娜 |")
                && l.ends_with("| 审批后已修改,不覆盖当前内容 |")),
        "{dossier}"
    );
}
