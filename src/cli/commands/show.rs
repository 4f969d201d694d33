//! `svc show CASE`

use crate::cli::{Env, done, error::CliResult};
use std::fmt::Write;
use svc::forms::FeeArrangement;
use svc::forms::config::Hours;
use svc::rules::targets::{self, Standing};
use svc::rules::{self, Context};
use svc::t;
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
            "targets": targets::clocks(&ws, &case, now),
            "findings": findings,
        }))?;
        return done();
    }
    env.ui.text(&describe(&ws, &case, now));
    if findings.is_empty() {
        env.ui.line(format!("\n{}", t!("cli-show-findings-none")));
    } else {
        env.ui.line(format!(
            "\n{}\n",
            t!("cli-show-findings", count = findings.len())
        ));
        env.ui.out(&env.ui.findings(&ws.root, &findings));
    }
    done()
}

fn describe(ws: &Workspace, case: &Case, now: svc::forms::decode::Timestamp) -> String {
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
            "{}",
            t!(
                "cli-show-unreadable",
                case = case.id(),
                dir = case.dir.display().to_string()
            )
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
        customer.map_or_else(|| t!("cli-show-unknown"), |c| c.name.clone())
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
        let detail = product.map(|p| {
            t!(
                "cli-show-product",
                model = &p.model,
                warranty_end = p.warranty_end.value.to_string()
            )
        });
        let _ = writeln!(
            s,
            "  Product 设备:      {} {}",
            serial.value,
            detail.unwrap_or_default()
        );
    }
    let _ = writeln!(
        s,
        "  Opened 受理:       {}",
        t!(
            "cli-show-opened",
            time = time(&file.opened_at.value),
            person = person_name(ws, &file.opened_by.value)
        )
    );
    if let Some(link) = &file.plan {
        let title = ws
            .plans
            .get(&link.id.value)
            .map_or_else(|| t!("cli-show-unknown"), |p| p.title.clone());
        let _ = writeln!(
            s,
            "  Plan 计划:         {}",
            t!(
                "cli-show-plan",
                plan = &link.id.value,
                title = title,
                date = link.occurrence.value.to_string()
            )
        );
    }
    if let Some(fee) = &file.fee {
        let label = match FeeArrangement::parse(&fee.value) {
            Some(FeeArrangement::Warranty) => "保修 warranty".to_string(),
            Some(FeeArrangement::Billable) => "收费 billable".to_string(),
            Some(FeeArrangement::Agreement(id)) => format!("协议 agreement {id}"),
            None => fee.value.clone(),
        };
        let _ = writeln!(s, "  Fees 费用:         {label}");
    }
    describe_targets(&mut s, ws, case, now);
    if !file.assignees.is_empty() {
        let names: Vec<String> = file
            .assignees
            .iter()
            .map(|a| person_name(ws, &a.value))
            .collect();
        let via = file
            .assigned_via
            .as_ref()
            .map(|v| t!("cli-show-assigned-via", via = v.value.to_string()))
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
                "  {:<11} {}{note}",
                a.kind.value,
                t!(
                    "cli-show-approval",
                    person = person_name(ws, &a.by.value),
                    role = a.role.value.to_string(),
                    time = time(&a.at.value)
                )
            );
        }
    }
    for r in &file.rejections {
        let _ = writeln!(
            s,
            "  rejected    {}",
            t!(
                "cli-show-rejection",
                kind = r.kind.value.to_string(),
                time = time(&r.at.value),
                person = person_name(ws, &r.by.value),
                reason = r.reason.to_string()
            )
        );
    }
    if let Some(old) = &file.reopens {
        let _ = writeln!(s, "  Reopens 重开自:    {}", old.value);
    }
    for r in &file.reassignments {
        let names = |list: &[svc::forms::decode::Sp<String>]| {
            list.iter()
                .map(|p| person_name(ws, &p.value))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(
            s,
            "  reassigned  {}",
            t!(
                "cli-show-reassignment",
                time = time(&r.at.value),
                person = person_name(ws, &r.by.value),
                from = names(&r.from),
                to = names(&r.to),
                reason = r.reason.as_str()
            )
        );
    }
    for h in &file.holds {
        let _ = writeln!(
            s,
            "  on hold     {}",
            match &h.until {
                Some(until) => t!(
                    "cli-show-hold",
                    from = time(&h.from.value),
                    until = time(&until.value),
                    person = person_name(ws, &h.by.value),
                    reason = h.reason.as_str()
                ),
                None => t!(
                    "cli-show-hold-open",
                    from = time(&h.from.value),
                    person = person_name(ws, &h.by.value),
                    reason = h.reason.as_str()
                ),
            }
        );
    }
    if !file.checkins.is_empty() {
        let _ = writeln!(s, "\nCheck-ins 联系公司:");
        for c in &file.checkins {
            let _ = writeln!(
                s,
                "  {}{}",
                t!(
                    "cli-show-checkin",
                    time = time(&c.at.value),
                    via = c.via.to_string(),
                    person = person_name(ws, &c.by.value)
                ),
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
                "  request     {}",
                t!(
                    "cli-show-request",
                    time = time(&r.received_at.value),
                    channel = r.channel.to_string(),
                    contact = r.contact.name.value.to_string(),
                    phone = r.contact.phone.value.to_string()
                )
            );
            let _ = writeln!(
                s,
                "              {}",
                t!("cli-show-fault", fault = one_line(&r.fault.value))
            );
        }
        None if case.has_file(svc::forms::FormKind::Request) => {
            let _ = writeln!(s, "  request     {}", t!("cli-show-request-unreadable"));
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
            "  task-sheet  {}",
            t!(
                "cli-show-task-sheet",
                depart = t.depart_on.value.to_string(),
                back = t.return_on.value.to_string(),
                sites = sites.join(", "),
                person = &t.prepared_by.value
            )
        );
        if !legs.is_empty() {
            let _ = writeln!(
                s,
                "              {}",
                t!("cli-show-legs", legs = legs.join("; "))
            );
        }
        if let Some(a) = &t.advance {
            let _ = writeln!(
                s,
                "              {}",
                t!(
                    "cli-show-advance",
                    amount = a.amount.value.to_string(),
                    purpose = a.purpose.to_string()
                )
            );
        }
    }
    for v in &case.visits {
        let confirmed = v
            .confirmation
            .as_ref()
            .map(|c| t!("cli-show-confirmed", name = c.name.to_string()))
            .unwrap_or_default();
        let outcome = if v.resolved {
            t!("cli-show-resolved")
        } else {
            t!("cli-show-not-resolved")
        };
        let _ = writeln!(
            s,
            "  visit       {}{confirmed}",
            t!(
                "cli-show-visit",
                site = &v.site.value,
                arrived = time(&v.arrived_at.value),
                left = time(&v.left_at.value),
                cause = v.cause.value.to_string(),
                outcome = outcome
            )
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
            .map(|p| {
                t!(
                    "cli-show-paid",
                    amount = p.amount.value.to_string(),
                    method = p.method.to_string()
                )
            })
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "  fees        {}{paid}",
            t!("cli-show-fees", count = f.items.len(), total = total)
        );
    }
    if let Some(l) = &case.travel_log {
        let home = l
            .back_home_at
            .as_ref()
            .map(|t| time(&t.value))
            .unwrap_or_else(|| "—".into());
        let _ = writeln!(
            s,
            "  travel-log  {}",
            t!("cli-show-travel-log", count = l.legs.len(), home = home)
        );
    }
    if let Some(m) = &case.summary {
        let _ = writeln!(
            s,
            "  summary     {}",
            t!(
                "cli-show-summary",
                outcome = m.outcome.to_string(),
                category = m.fault_category.to_string(),
                count = m.suggestions.len()
            )
        );
        for sug in &m.suggestions {
            let _ = writeln!(s, "              · {}", one_line(sug));
        }
    }
    if !case.attachments.is_empty() {
        let _ = writeln!(
            s,
            "\n{}",
            t!("cli-show-attachments", count = case.attachments.len())
        );
        // The size first, right-aligned: names of any width then start in one column.
        for a in &case.attachments {
            let _ = writeln!(s, "  {:>9}  {}", case::human_size(a.bytes), a.name);
        }
    }
    s
}

/// The case's response targets (5.1.7): where each promise stands at `now`.
fn describe_targets(
    s: &mut String,
    ws: &Workspace,
    case: &Case,
    now: svc::forms::decode::Timestamp,
) {
    let Some((source, targets)) = targets::targets_for(ws, case) else {
        return;
    };
    let clocks = targets::clocks(ws, case, now);
    if clocks.is_empty() {
        return;
    }
    let whose = source.label();
    let hours = targets::hours_label(targets.hours.unwrap_or(Hours::Working));
    let _ = writeln!(
        s,
        "  Targets 时限:      {}",
        t!("cli-show-targets", whose = whose, hours = hours)
    );
    let offset = ws.offset();
    let time = |t: svc::forms::decode::Timestamp| {
        t.with_timezone(&offset)
            .format("%Y-%m-%d %H:%M")
            .to_string()
    };
    for clock in clocks {
        let d = &clock.deadline;
        let (promise, within, due) = (d.promise.label(), d.within.as_str(), time(d.due));
        let met = d.met_at.map(time).unwrap_or_default();
        let line = match clock.standing {
            Standing::Met { margin } => t!(
                "cli-show-target-met",
                promise = promise,
                within = within,
                due = due,
                met = met,
                margin = targets::say_minutes(margin)
            ),
            Standing::MetLate { late } => t!(
                "cli-show-target-late",
                promise = promise,
                within = within,
                due = due,
                met = met,
                late = targets::say_minutes(late)
            ),
            Standing::Overdue { late } => t!(
                "cli-show-target-overdue",
                promise = promise,
                within = within,
                due = due,
                late = targets::say_minutes(late)
            ),
            Standing::Running { left, .. } => t!(
                "cli-show-target-running",
                promise = promise,
                within = within,
                due = due,
                left = targets::say_minutes(left)
            ),
            Standing::Paused { left } => t!(
                "cli-show-target-paused",
                promise = promise,
                within = within,
                since = d.paused_since.map(time).unwrap_or_default(),
                left = targets::say_minutes(left)
            ),
        };
        let _ = writeln!(s, "    {line}");
    }
    if let Some(reason) = case.summary.as_ref().and_then(|x| x.delay_reason.as_ref()) {
        let _ = writeln!(
            s,
            "    {}",
            t!("rule-5-1-7-reason", reason = one_line(&reason.value))
        );
    }
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
