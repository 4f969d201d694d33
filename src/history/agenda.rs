//! What awaits a person (`svc status`): the steps of the procedure that their roles and
//! assignments make theirs, with overdue check-ins flagged (7.5).

use crate::forms::config::Role;
use crate::forms::decode::Timestamp;
use crate::forms::{ApprovalKind, State, Transport};
use crate::workspace::Workspace;
use crate::workspace::case::{self, Case};
use rayon::prelude::*;
use serde::Serialize;

/// One thing to do.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// The case id.
    pub case: String,
    /// Its title.
    pub title: String,
    /// Its state.
    pub state: State,
    /// What to do, with the command.
    pub todo: String,
    /// Overdue (a check-in, 7.5).
    pub overdue: bool,
}

/// How long an engineer on the road may go without contacting the company: twice a week
/// (7.5) is every three and a half days.
pub const CHECKIN_INTERVAL_HOURS: i64 = 84;

/// Everything that awaits `person` in the workspace.
pub fn agenda(ws: &Workspace, person: &str, now: Timestamp) -> Vec<Item> {
    let (dirs, _) = case::discover(&ws.root);
    let mut items: Vec<Item> = dirs
        .par_iter()
        .flat_map_iter(|dir| items_for(ws, &case::load(&ws.root, dir), person, now))
        .collect();
    items.sort_by(|a, b| (b.overdue, &a.case).cmp(&(a.overdue, &b.case)));
    items
}

fn items_for(ws: &Workspace, case: &Case, person: &str, now: Timestamp) -> Vec<Item> {
    let Some(file) = &case.file else {
        return Vec::new();
    };
    let id = file.id.value.clone();
    let holds = |r: Role| ws.has_role(person, r);
    let assignee = file.assignees.iter().any(|a| a.value == person);
    let via_sales = file
        .assigned_via
        .as_ref()
        .is_some_and(|v| v.value == Role::Sales);
    let signed = |role: Role| {
        file.approvals
            .iter()
            .any(|a| a.kind.value == ApprovalKind::TaskSheet && a.role.value == role)
    };
    let state = file.state.value;
    let mut todo: Vec<(String, bool)> = Vec::new();
    match state {
        State::Requested if holds(Role::Csc) => todo.push((
            format!(
                "accept (svc accept {id} --fee …) or resolve by phone (svc resolve {id} --note …)"
            ),
            false,
        )),
        State::Accepted
            if holds(Role::Csc) || (holds(Role::Sales) && is_salesperson(ws, file, person)) =>
        {
            todo.push((
                format!("assign engineers: svc assign {id} --to PERSON"),
                false,
            ));
        }
        State::Assigned if assignee => todo.push((
            format!(
                "fill in the task sheet (svc edit {id} task-sheet) and submit it (svc submit {id})"
            ),
            false,
        )),
        State::PendingApproval if !assignee => {
            if holds(Role::Lead) && !signed(Role::Lead) {
                todo.push((format!("sign the task sheet: svc approve {id}"), false));
            } else if via_sales && holds(Role::SalesLead) && !signed(Role::SalesLead) {
                todo.push((
                    format!("sign the task sheet for Sales: svc approve {id}"),
                    false,
                ));
            }
        }
        State::Approved if assignee => todo.push((format!("set off: svc start {id}"), false)),
        State::OnSite if assignee => {
            let times: Vec<Timestamp> = file.checkins.iter().map(|c| c.at.value).collect();
            let since = times.into_iter().max().or_else(|| {
                file.timeline
                    .as_ref()
                    .and_then(|t| t.started_at.as_ref())
                    .map(|t| t.value)
            });
            let overdue = since.is_some_and(|t| (now - t).num_hours() >= CHECKIN_INTERVAL_HOURS);
            let last = since.map_or_else(String::new, |t| {
                format!(
                    " (last contact {})",
                    t.with_timezone(&ws.offset()).format("%Y-%m-%d %H:%M")
                )
            });
            let mark = if overdue { "OVERDUE: " } else { "" };
            todo.push((
                format!("{mark}check in with the company (svc checkin {id} --via phone){last}"),
                overdue,
            ));
            todo.push((
                format!("record the visits and complete: svc complete {id}"),
                false,
            ));
        }
        State::Serviced if assignee => todo.push((
            format!("hand in the travel log and summary: svc submit {id}"),
            false,
        )),
        State::PendingReview
            if !assignee && (holds(Role::Csc) || (via_sales && holds(Role::Sales))) =>
        {
            todo.push((
                format!("review the records: svc approve {id} (or svc reject {id} --reason …)"),
                false,
            ));
        }
        State::Reviewed if holds(Role::Csc) => {
            todo.push((format!("archive: svc archive {id}"), false))
        }
        _ => {}
    }
    let flight_planned = case
        .task_sheet
        .as_ref()
        .is_some_and(|t| t.legs.iter().any(|l| l.mode.value == Transport::Flight));
    let flight_approved = file
        .approvals
        .iter()
        .any(|a| a.kind.value == ApprovalKind::Flight);
    if holds(Role::Manager)
        && flight_planned
        && !flight_approved
        && matches!(
            state,
            State::Assigned | State::PendingApproval | State::Approved
        )
    {
        todo.push((
            format!("approve the trip's flights (7.4): svc approve {id} --flight"),
            false,
        ));
    }
    todo.into_iter()
        .map(|(todo, overdue)| Item {
            case: id.clone(),
            title: file.title.clone(),
            state,
            todo,
            overdue,
        })
        .collect()
}

fn is_salesperson(ws: &Workspace, file: &crate::forms::CaseFile, person: &str) -> bool {
    ws.customers
        .get(&file.customer.value)
        .and_then(|c| c.salesperson.as_ref())
        .is_some_and(|s| s.value == person)
}
