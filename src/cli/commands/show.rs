//! `svc show CASE`

use crate::cli::{Env, done, error::CliResult};
use std::fmt::Write;
use svc::forms::FeeArrangement;
use svc::rules::{self, Context};
use svc::workspace::Workspace;
use svc::workspace::case::{self, Case};

/// Show a case.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The case (any unique prefix or suffix of its id)
    case: String,
}

/// Print the case's key facts, approvals and findings.
pub fn run(args: Args, env: &Env) -> CliResult {
    let ws = env.workspace()?;
    let now = env.now(&ws)?;
    let dir = case::find(&ws.root, &args.case)?;
    let case = case::load(&ws.root, &dir);
    let mut findings = rules::check_case(&Context::new(&ws, now), &case);
    svc::forms::finding::sort(&mut findings);
    if env.ui.json {
        env.ui.json(&serde_json::json!({
            "id": case.id(),
            "dir": case.dir,
            "case": case.file.as_deref(),
            "request": case.request.as_deref(),
            "task_sheet": case.task_sheet.as_deref(),
            "visits": case.visits.iter().map(|v| &v.value).collect::<Vec<_>>(),
            "fees": case.fees.as_deref(),
            "travel_log": case.travel_log.as_deref(),
            "summary": case.summary.as_deref(),
            "attachments": case.attachments,
            "findings": findings,
        }))?;
        return done();
    }
    env.ui.text(&describe(&ws, &case));
    if findings.is_empty() {
        env.ui.line("\nFindings 检查结果: none");
    } else {
        env.ui
            .line(format!("\nFindings 检查结果 ({}):\n", findings.len()));
        env.ui.out(&env.ui.findings(&ws.root, &findings));
    }
    done()
}

fn describe(ws: &Workspace, case: &Case) -> String {
    let mut s = String::new();
    let offset = ws.offset();
    let time = |t: &svc::forms::decode::Timestamp| {
        t.with_timezone(&offset)
            .format("%Y-%m-%d %H:%M")
            .to_string()
    };
    let Some(file) = &case.file else {
        let _ = writeln!(
            s,
            "{} ({}): case.toml cannot be read",
            case.id(),
            case.dir.display()
        );
        return s;
    };
    let _ = writeln!(s, "{}  {}", file.id.value, file.title);
    let _ = writeln!(s, "  State 状态:        {}", file.state.value.describe());
    let customer = ws.customers.get(&file.customer.value);
    let _ = writeln!(
        s,
        "  Customer 客户:     {} {}",
        file.customer.value,
        customer.map(|c| c.name.as_str()).unwrap_or("(unknown)")
    );
    if let Some(site) = &file.site {
        let name = customer
            .and_then(|c| c.sites.iter().find(|x| x.id.value == site.value))
            .map(|x| format!("{} ({})", x.name, x.city));
        let _ = writeln!(
            s,
            "  Site 地点:         {} {}",
            site.value,
            name.unwrap_or_default()
        );
    }
    if let Some(serial) = &file.product {
        let product =
            customer.and_then(|c| c.products.iter().find(|p| p.serial.value == serial.value));
        let detail =
            product.map(|p| format!("{}, warranty to 保修至 {}", p.model, p.warranty_end.value));
        let _ = writeln!(
            s,
            "  Product 设备:      {} {}",
            serial.value,
            detail.unwrap_or_default()
        );
    }
    let _ = writeln!(
        s,
        "  Opened 受理:       {} by {}",
        time(&file.opened_at.value),
        file.opened_by.value
    );
    if let Some(fee) = &file.fee {
        let label = match FeeArrangement::parse(&fee.value) {
            Some(FeeArrangement::Warranty) => "保修 warranty".to_string(),
            Some(FeeArrangement::Billable) => "收费 billable".to_string(),
            Some(FeeArrangement::Agreement(id)) => format!("协议 agreement {id}"),
            None => fee.value.clone(),
        };
        let _ = writeln!(s, "  Fees 费用:         {label}");
    }
    if !file.assignees.is_empty() {
        let names: Vec<String> = file
            .assignees
            .iter()
            .map(|a| person_name(ws, &a.value))
            .collect();
        let via = file
            .assigned_via
            .as_ref()
            .map(|v| format!(" (assigned via {})", v.value))
            .unwrap_or_default();
        let _ = writeln!(s, "  Assignees 人员:    {}{via}", names.join(", "));
    }
    if let Some(r) = &file.resolution {
        let _ = writeln!(s, "  Resolution 处理:   {r}");
    }
    if let Some(r) = &file.cancel_reason {
        let _ = writeln!(s, "  Cancelled 取消:    {r}");
    }
    if !file.approvals.is_empty() {
        let _ = writeln!(s, "\nApprovals 审批:");
        for a in &file.approvals {
            let note = a
                .note
                .as_deref()
                .map(|n| format!(" — {n}"))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "  {:<11} {} as {} at {}{note}",
                a.kind.value,
                person_name(ws, &a.by.value),
                a.role.value,
                time(&a.at.value)
            );
        }
    }
    for r in &file.rejections {
        let _ = writeln!(
            s,
            "  rejected    {} {} by {} — {}",
            r.kind.value,
            time(&r.at.value),
            person_name(ws, &r.by.value),
            r.reason
        );
    }
    if !file.checkins.is_empty() {
        let _ = writeln!(s, "\nCheck-ins 联系公司:");
        for c in &file.checkins {
            let _ = writeln!(
                s,
                "  {} via {} by {}{}",
                time(&c.at.value),
                c.via,
                c.by.value,
                c.note
                    .as_deref()
                    .map(|n| format!(" — {n}"))
                    .unwrap_or_default()
            );
        }
    }
    let _ = writeln!(s, "\nForms 表单:");
    match &case.request {
        Some(r) => {
            let _ = writeln!(
                s,
                "  request     received {} via {}, contact {} {}",
                time(&r.received_at.value),
                r.channel,
                r.contact.name.value,
                r.contact.phone.value
            );
            let _ = writeln!(s, "              fault: {}", one_line(&r.fault.value));
        }
        None if case.has_file(svc::forms::FormKind::Request) => {
            s.push_str("  request     cannot be read (see the findings)\n")
        }
        None => s.push_str("  request     —\n"),
    }
    if let Some(t) = &case.task_sheet {
        let sites: Vec<&str> = t.sites.value.iter().map(|x| x.value.as_str()).collect();
        let legs: Vec<String> = t
            .legs
            .iter()
            .map(|l| format!("{} {}→{} ({})", l.date.value, l.from, l.to, l.mode.value))
            .collect();
        let _ = writeln!(
            s,
            "  task-sheet  {} to {}, sites {}, prepared by {}",
            t.depart_on.value,
            t.return_on.value,
            sites.join(", "),
            t.prepared_by.value
        );
        if !legs.is_empty() {
            let _ = writeln!(s, "              legs: {}", legs.join("; "));
        }
        if let Some(a) = &t.advance {
            let _ = writeln!(
                s,
                "              advance: {} ({})",
                a.amount.value, a.purpose
            );
        }
    }
    for v in &case.visits {
        let confirmed = v
            .confirmation
            .as_ref()
            .map(|c| format!(", confirmed by {}", c.name))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "  visit       {} {} – {}, cause {}, {}{confirmed}",
            v.site.value,
            time(&v.arrived_at.value),
            time(&v.left_at.value),
            v.cause.value,
            if v.resolved {
                "resolved 已解决"
            } else {
                "not resolved 未解决"
            }
        );
    }
    if let Some(f) = &case.fees {
        let total = f
            .total
            .as_ref()
            .map(|t| t.value.to_string())
            .unwrap_or_else(|| "—".into());
        let paid = f
            .payment
            .as_ref()
            .map(|p| format!(", paid {} by {}", p.amount.value, p.method))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "  fees        {} item(s), total {total}{paid}",
            f.items.len()
        );
    }
    if let Some(l) = &case.travel_log {
        let home = l
            .back_home_at
            .as_ref()
            .map(|t| time(&t.value))
            .unwrap_or_else(|| "—".into());
        let _ = writeln!(s, "  travel-log  {} leg(s), back home {home}", l.legs.len());
    }
    if let Some(m) = &case.summary {
        let _ = writeln!(
            s,
            "  summary     {} ({}), {} suggestion(s)",
            m.outcome,
            m.fault_category,
            m.suggestions.len()
        );
        for sug in &m.suggestions {
            let _ = writeln!(s, "              · {}", one_line(sug));
        }
    }
    if !case.attachments.is_empty() {
        let _ = writeln!(s, "\nAttachments 附件 ({}):", case.attachments.len());
        // The size first, right-aligned: names of any width then start in one column.
        for a in &case.attachments {
            let _ = writeln!(s, "  {:>9}  {}", case::human_size(a.bytes), a.name);
        }
    }
    s
}

fn person_name(ws: &Workspace, id: &str) -> String {
    ws.people
        .get(id)
        .map_or_else(|| id.to_string(), |p| format!("{} ({id})", p.name))
}

fn one_line(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if line.chars().count() > 100 {
        format!("{}…", line.chars().take(99).collect::<String>())
    } else {
        line
    }
}
