//! Before the trip (7.1–7.4): a complete task sheet, signed by the right people, the cash
//! advance only after the signature, and every flight approved by a manager.

use super::{
    Context, approvals, changed_since, filled, planned_flights, state, task_sheet_approved_at,
    uncovering,
};
use crate::forms::config::Role;
use crate::forms::finding::{Finding, Location};
use crate::forms::{ApprovalKind, FormKind, State, Transport};
use crate::t;
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
                Finding::error(
                    "7.1",
                    file.at(file.state.span),
                    t!("rule-7-1-no-task-sheet", state = state.to_string()),
                )
                .hint(t!("rule-7-1-no-task-sheet-hint", case = &file.id.value)),
            );
        }
        return;
    };
    let missing = |what: String, span| {
        Finding::error(
            "7.1",
            sheet.at(span),
            t!("rule-7-1-not-stated", what = what),
        )
        .hint(t!("rule-7-1-not-stated-hint"))
    };
    if !filled(&sheet.customer_situation) {
        out.push(missing(
            t!("rule-7-1-what-situation"),
            sheet.customer_situation.span,
        ));
    }
    if !filled(&sheet.fault_detail) {
        out.push(missing(t!("rule-7-1-what-fault"), sheet.fault_detail.span));
    }
    if sheet.tasks.value.iter().all(|t| t.trim().is_empty()) {
        out.push(missing(t!("rule-7-1-what-tasks"), sheet.tasks.span));
    }
    if sheet.sites.value.is_empty() {
        out.push(missing(t!("rule-7-1-what-sites"), sheet.sites.span));
    }
    if sheet.engineers.is_empty() {
        out.push(missing(t!("rule-7-1-what-engineers"), sheet.span));
    }
    for e in &sheet.engineers {
        if !file.assignees.iter().any(|a| a.value == e.value) {
            out.push(
                Finding::error(
                    "7.1",
                    sheet.at(e.span),
                    t!("rule-7-1-engineer-not-assigned", person = &e.value),
                )
                .hint(t!("rule-7-1-engineer-not-assigned-hint")),
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
                Finding::error(
                    "7.2",
                    file.at(a.role.span),
                    t!("rule-7-2-wrong-role", role = a.role.value.to_string()),
                )
                .hint(t!("rule-7-2-wrong-role-hint")),
            );
        } else if cx.ws.people.contains_key(&a.by.value)
            && !cx.ws.has_role(&a.by.value, a.role.value)
        {
            out.push(
                Finding::error(
                    "7.2",
                    file.at(a.by.span),
                    t!(
                        "rule-7-2-role-not-held",
                        person = &a.by.value,
                        role = a.role.value.to_string()
                    ),
                )
                .hint(t!("rule-7-2-role-not-held-hint")),
            );
        }
        // Without a task sheet there is nothing to compare (7.1 reports it missing).
        let has_sheet = case.has_file(FormKind::TaskSheet);
        let changed = changed_since(case, a);
        if has_sheet && a.covers.is_empty() {
            out.push(uncovering("7.2", file, a));
        } else if has_sheet && !changed.is_empty() {
            out.push(
                Finding::error(
                    "7.2",
                    file.at(a.by.span),
                    t!(
                        "rule-7-2-changed",
                        files = changed.join(", "),
                        person = &a.by.value,
                        at = a.at.value.format("%Y-%m-%d %H:%M").to_string()
                    ),
                )
                .hint(t!("rule-7-2-changed-hint", case = &file.id.value)),
            );
        }
        if Some(a.by.value.as_str()) == preparer
            || (preparer.is_none() && file.assignees.iter().any(|x| x.value == a.by.value))
        {
            out.push(
                Finding::error(
                    "7.2",
                    file.at(a.by.span),
                    t!("rule-7-2-own-sheet", person = &a.by.value),
                )
                .hint(t!("rule-7-2-own-sheet-hint")),
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
                t!("rule-7-2-who-lead")
            } else {
                t!("rule-7-2-who-sales-lead")
            };
            out.push(
                Finding::error(
                    "7.2",
                    file.at(file.state.span),
                    t!("rule-7-2-not-signed", state = state.to_string(), who = who),
                )
                .hint(t!("rule-7-2-not-signed-hint")),
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
    // (date, where, whether requested — else received)
    let mut dates: Vec<(chrono::NaiveDate, Location, bool)> = Vec::new();
    if let Some(sheet) = &case.task_sheet
        && let Some(advance) = &sheet.advance
        && let Some(on) = &advance.requested_on
    {
        dates.push((on.value, sheet.at(on.span), true));
    }
    if let Some(log) = &case.travel_log
        && let Some(adv) = &log.advance_received
    {
        dates.push((adv.date.value, log.at(adv.date.span), false));
    }
    for (date, location, requested) in dates {
        let message = match (approved, requested) {
            (Some(approved), true) if date < approved => t!(
                "rule-7-3-requested-early",
                date = date.to_string(),
                approved = approved.to_string()
            ),
            (Some(approved), false) if date < approved => t!(
                "rule-7-3-received-early",
                date = date.to_string(),
                approved = approved.to_string()
            ),
            (Some(_), _) => continue,
            (None, true) => t!("rule-7-3-requested-unapproved", date = date.to_string()),
            (None, false) => t!("rule-7-3-received-unapproved", date = date.to_string()),
        };
        out.push(Finding::error("7.3", location, message).hint(t!("rule-7-3-hint")));
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
                Finding::error(
                    "7.4",
                    file.at(a.by.span),
                    t!("rule-7-4-not-manager", person = &a.by.value),
                )
                .hint(t!("rule-7-4-not-manager-hint")),
            );
        }
    }
    let approved = |a: &&crate::forms::Approval| {
        a.role.value == Role::Manager
            && (!cx.ws.people.contains_key(&a.by.value)
                || cx.ws.has_role(&a.by.value, Role::Manager))
    };
    for a in approvals(case, ApprovalKind::Flight)
        .filter(|a| a.covers.is_empty() && case.has_file(FormKind::TaskSheet))
    {
        out.push(uncovering("7.4", file, a));
    }
    // Somebody unknown is reported by `ref`; here only the role they signed as counts.
    let approval_dates: Vec<chrono::NaiveDate> = approvals(case, ApprovalKind::Flight)
        .filter(approved)
        .map(|a| a.at.value.with_timezone(&cx.ws.offset()).date_naive())
        .collect();
    let hint = || t!("rule-7-4-hint", case = &file.id.value);
    // A planned flight is approved by name: an approval covers the flights it names (a
    // new flight needs a new approval). It may still be approved before it leaves; once the
    // case is on site (8.4) the approval must be there.
    let on_site = state(case).is_some_and(|s| s.reached(State::OnSite));
    let legs: Vec<(chrono::NaiveDate, &crate::forms::PlannedLeg)> = case
        .task_sheet
        .iter()
        .flat_map(|sheet| sheet.legs.iter())
        .filter(|l| l.mode.value == Transport::Flight)
        .map(|l| (l.date.value, l))
        .collect();
    for ((label, location), (date, _)) in planned_flights(case).into_iter().zip(legs) {
        let naming: Vec<&crate::forms::Approval> = approvals(case, ApprovalKind::Flight)
            .filter(approved)
            .filter(|a| !a.covers.is_empty() && a.flights.contains(&label))
            .collect();
        let in_time = naming
            .iter()
            .any(|a| a.at.value.with_timezone(&cx.ws.offset()).date_naive() <= date);
        let message = if naming.is_empty() {
            if !on_site && approval_dates.is_empty() {
                continue;
            }
            if approval_dates.is_empty() {
                t!("rule-7-4-no-approval", date = date.to_string())
            } else {
                t!("rule-7-4-not-among-approved", flight = &label)
            }
        } else if in_time || !on_site {
            continue;
        } else {
            t!("rule-7-4-late", date = date.to_string())
        };
        out.push(Finding::error("7.4", location, message).hint(hint()));
    }
    // A flight taken is approved by a manager before the leg.
    if let Some(log) = &case.travel_log {
        for l in log
            .legs
            .iter()
            .filter(|l| l.mode.value == Transport::Flight)
        {
            let date = l.date.value;
            if approval_dates.iter().any(|d| *d <= date) {
                continue;
            }
            let message = if approval_dates.is_empty() {
                t!("rule-7-4-no-approval", date = date.to_string())
            } else {
                t!("rule-7-4-late", date = date.to_string())
            };
            out.push(Finding::error("7.4", log.at(l.mode.span), message).hint(hint()));
        }
    }
}
