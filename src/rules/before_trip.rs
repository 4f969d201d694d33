//! Before the trip (7.1–7.4): a complete task sheet, signed by the right people, the cash
//! advance only after the signature, and every flight approved by a manager.

use super::{Context, approvals, filled, state, task_sheet_approved_at};
use crate::forms::config::Role;
use crate::forms::finding::{Finding, Location};
use crate::forms::{ApprovalKind, FormKind, State, Transport};
use crate::workspace::case::Case;

/// 7.1: before submission the task sheet states the tasks, the fault in detail, the
/// customer's situation, the sites and the dates.
pub fn r7_1_task_sheet_complete(_cx: &Context, case: &Case, out: &mut Vec<Finding>) {
    let (Some(file), Some(state)) = (&case.file, state(case)) else {
        return;
    };
    if !state.reached(State::PendingApproval) {
        return;
    }
    let Some(sheet) = &case.task_sheet else {
        if !case.has_file(FormKind::TaskSheet) {
            out.push(
                Finding::error("7.1", file.at(file.state.span), format!("case is {state} but has no task sheet"))
                    .hint(format!("8.3: the engineer fills in the task sheet before submitting: `svc edit {} task-sheet`", file.id.value)),
            );
        }
        return;
    };
    let missing = |what: &str, span| {
        Finding::error("7.1", sheet.at(span), format!("the task sheet does not state {what}"))
            .hint("7.1: before the trip the engineer must know the task, the fault and the customer; fill it in")
    };
    if !filled(&sheet.customer_situation) {
        out.push(missing(
            "the customer's situation",
            sheet.customer_situation.span,
        ));
    }
    if !filled(&sheet.fault_detail) {
        out.push(missing("the fault in detail", sheet.fault_detail.span));
    }
    if sheet.tasks.value.iter().all(|t| t.trim().is_empty()) {
        out.push(missing("the tasks", sheet.tasks.span));
    }
    if sheet.sites.value.is_empty() {
        out.push(missing("the sites to visit", sheet.sites.span));
    }
    if sheet.engineers.is_empty() {
        out.push(missing("the engineers", sheet.span));
    }
    for e in &sheet.engineers {
        if !file.assignees.iter().any(|a| a.value == e.value) {
            out.push(
                Finding::error(
                    "7.1",
                    sheet.at(e.span),
                    format!(
                        "engineer `{}` on the task sheet is not assigned to the case",
                        e.value
                    ),
                )
                .hint(
                    "8.2: only assigned engineers go; assign them first, or correct the task sheet",
                ),
            );
        }
    }
}

/// 7.2: a case goes on site only with its task sheet signed by a CSC lead — and by the
/// sales lead too when Sales assigned it (5.2.2) — and never by the sheet's preparer.
pub fn r7_2_task_sheet_signed(cx: &Context, case: &Case, out: &mut Vec<Finding>) {
    let (Some(file), Some(state)) = (&case.file, state(case)) else {
        return;
    };
    let preparer = case
        .task_sheet
        .as_ref()
        .map(|s| s.prepared_by.value.as_str());
    for a in approvals(case, ApprovalKind::TaskSheet) {
        if !matches!(a.role.value, Role::Lead | Role::SalesLead) {
            out.push(
                Finding::error("7.2", file.at(a.role.span), format!("a task sheet is signed as {}, not as lead or sales-lead", a.role.value))
                    .hint("7.2, 5.2.2: task sheets are signed by the CSC lead (role \"lead\") or the sales lead (role \"sales-lead\")"),
            );
        } else if cx.ws.people.contains_key(&a.by.value)
            && !cx.ws.has_role(&a.by.value, a.role.value)
        {
            out.push(
                Finding::error(
                    "7.2",
                    file.at(a.by.span),
                    format!(
                        "`{}` signed the task sheet as {} but does not hold that role",
                        a.by.value, a.role.value
                    ),
                )
                .hint("check the roles in people.toml"),
            );
        }
        if Some(a.by.value.as_str()) == preparer
            || (preparer.is_none() && file.assignees.iter().any(|x| x.value == a.by.value))
        {
            out.push(
                Finding::error(
                    "7.2",
                    file.at(a.by.span),
                    format!("`{}` signed their own task sheet", a.by.value),
                )
                .hint("nobody approves their own submission; another lead must sign"),
            );
        }
    }
    if !state.reached(State::Approved) {
        return;
    }
    let mut needed = vec![Role::Lead];
    if file
        .assigned_via
        .as_ref()
        .is_some_and(|v| v.value == Role::Sales)
    {
        needed.push(Role::SalesLead);
    }
    for role in needed {
        if !approvals(case, ApprovalKind::TaskSheet).any(|a| a.role.value == role) {
            let who = if role == Role::Lead {
                "the CSC lead (5.1.4)"
            } else {
                "the sales lead, since Sales assigned the case (5.2.2)"
            };
            out.push(
                Finding::error("7.2", file.at(file.state.span), format!("case is {state} but its task sheet is not signed by {who}"))
                    .hint("7.2: without the signature the service is invalid; `svc approve CASE` by the lead"),
            );
        }
    }
}

/// 7.3: the cash advance is requested only with the signed task sheet.
pub fn r7_3_advance_after_approval(cx: &Context, case: &Case, out: &mut Vec<Finding>) {
    if case.file.is_none() {
        return;
    }
    let approved =
        task_sheet_approved_at(case).map(|t| t.with_timezone(&cx.ws.offset()).date_naive());
    let mut dates: Vec<(chrono::NaiveDate, Location, &str)> = Vec::new();
    if let Some(sheet) = &case.task_sheet
        && let Some(advance) = &sheet.advance
        && let Some(on) = &advance.requested_on
    {
        dates.push((on.value, sheet.at(on.span), "requested"));
    }
    if let Some(log) = &case.travel_log
        && let Some(adv) = &log.advance_received
    {
        dates.push((adv.date.value, log.at(adv.date.span), "received"));
    }
    for (date, location, what) in dates {
        let message = match approved {
            Some(approved) if date < approved => format!(
                "cash advance {what} on {date}, before the task sheet was approved on {approved}"
            ),
            Some(_) => continue,
            None => format!("cash advance {what} on {date}, but the task sheet is not approved"),
        };
        out.push(
            Finding::error("7.3", location, message)
                .hint("7.3: an advance may only be requested with the signed task sheet"),
        );
    }
}

/// 7.4: every flight has the approval of the factory's general manager or the marketing VP,
/// given before the leg.
pub fn r7_4_flights_approved(cx: &Context, case: &Case, out: &mut Vec<Finding>) {
    let Some(file) = &case.file else { return };
    for a in approvals(case, ApprovalKind::Flight) {
        if a.role.value != Role::Manager
            || (cx.ws.people.contains_key(&a.by.value)
                && !cx.ws.has_role(&a.by.value, Role::Manager))
        {
            out.push(
                Finding::error("7.4", file.at(a.by.span), format!("flight approved by `{}`, who is not a manager", a.by.value))
                    .hint("7.4: flights are approved by the factory's general manager or the marketing VP (role \"manager\")"),
            );
        }
    }
    let approval_dates: Vec<chrono::NaiveDate> = approvals(case, ApprovalKind::Flight)
        // Somebody unknown is reported by `ref`; here only the role they signed as counts.
        .filter(|a| {
            a.role.value == Role::Manager
                && (!cx.ws.people.contains_key(&a.by.value)
                    || cx.ws.has_role(&a.by.value, Role::Manager))
        })
        .map(|a| a.at.value.with_timezone(&cx.ws.offset()).date_naive())
        .collect();
    let mut flights: Vec<(chrono::NaiveDate, Location)> = Vec::new();
    // A planned flight may still be approved before it leaves; once the case is on site (8.4)
    // the approval must be there.
    if let Some(sheet) = &case.task_sheet
        && state(case).is_some_and(|s| s.reached(State::OnSite))
    {
        flights.extend(
            sheet
                .legs
                .iter()
                .filter(|l| l.mode.value == Transport::Flight)
                .map(|l| (l.date.value, sheet.at(l.mode.span))),
        );
    }
    if let Some(log) = &case.travel_log {
        flights.extend(
            log.legs
                .iter()
                .filter(|l| l.mode.value == Transport::Flight)
                .map(|l| (l.date.value, log.at(l.mode.span))),
        );
    }
    for (date, location) in flights {
        if !approval_dates.iter().any(|d| *d <= date) {
            let message = if approval_dates.is_empty() {
                format!("flight on {date} has no manager's approval")
            } else {
                format!("flight on {date} was approved only after the leg")
            };
            out.push(Finding::error("7.4", location, message).hint(format!(
                "7.4: ask the general manager or the marketing VP: `svc approve {} --flight`",
                file.id.value
            )));
        }
    }
}
