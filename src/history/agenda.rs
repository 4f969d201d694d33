//! What awaits a person (`svc status`): the steps of the procedure that their roles and
//! assignments make theirs, with overdue check-ins flagged (7.5).

use crate::forms::config::Role;
use crate::forms::decode::Timestamp;
use crate::forms::{ApprovalKind, State, Transport};
use crate::t;
use crate::workspace::Workspace;
use crate::workspace::case::{self, Case};
use crate::workspace::index::{Reader, Writer};
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
    let facts: Vec<Facts> = dirs
        .par_iter()
        .filter_map(|dir| Facts::of(ws, &case::load(&ws.root, dir)))
        .collect();
    agenda_of(ws, &facts, person, now)
}

/// What awaits `person` among the cases whose facts are `facts`.
pub fn agenda_of(ws: &Workspace, facts: &[Facts], person: &str, now: Timestamp) -> Vec<Item> {
    let mut items: Vec<Item> = facts
        .iter()
        .flat_map(|f| items_for(ws, f, person, now))
        .collect();
    items.sort_by(|a, b| (b.overdue, &a.case).cmp(&(a.overdue, &b.case)));
    items
}

/// What of a case decides what awaits whom: read once from its forms, and kept by the
/// workspace's index so that `svc status` need not read the forms again.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    id: String,
    title: String,
    state: State,
    assignees: Vec<String>,
    via_sales: bool,
    salesperson: Option<String>,
    lead_signed: bool,
    sales_lead_signed: bool,
    last_contact: Option<Timestamp>,
    flight_planned: bool,
    flight_approved: bool,
}

impl Facts {
    /// The facts of `case` (none when its case.toml could not be read).
    pub fn of(ws: &Workspace, case: &Case) -> Option<Facts> {
        let file = case.file.as_ref()?;
        let signed = |role: Role| {
            file.approvals
                .iter()
                .any(|a| a.kind.value == ApprovalKind::TaskSheet && a.role.value == role)
        };
        let last_contact = file.checkins.iter().map(|c| c.at.value).max().or_else(|| {
            file.timeline
                .as_ref()
                .and_then(|t| t.started_at.as_ref())
                .map(|t| t.value)
        });
        Some(Facts {
            id: file.id.value.clone(),
            title: file.title.clone(),
            state: file.state.value,
            assignees: file.assignees.iter().map(|a| a.value.clone()).collect(),
            via_sales: file
                .assigned_via
                .as_ref()
                .is_some_and(|v| v.value == Role::Sales),
            salesperson: ws
                .customers
                .get(&file.customer.value)
                .and_then(|c| c.salesperson.as_ref())
                .map(|s| s.value.clone()),
            lead_signed: signed(Role::Lead),
            sales_lead_signed: signed(Role::SalesLead),
            last_contact,
            flight_planned: case
                .task_sheet
                .as_ref()
                .is_some_and(|t| t.legs.iter().any(|l| l.mode.value == Transport::Flight)),
            flight_approved: file
                .approvals
                .iter()
                .any(|a| a.kind.value == ApprovalKind::Flight),
        })
    }

    /// The facts as bytes, for the index.
    pub fn encode(&self, w: &mut Writer) {
        w.str(&self.id);
        w.str(&self.title);
        w.str(self.state.as_str());
        w.u64(self.assignees.len() as u64);
        for a in &self.assignees {
            w.str(a);
        }
        w.opt(self.salesperson.as_deref());
        w.opt_time(self.last_contact.as_ref());
        let flags = [
            self.via_sales,
            self.lead_signed,
            self.sales_lead_signed,
            self.flight_planned,
            self.flight_approved,
        ];
        w.bytes(&flags.map(u8::from));
    }

    /// Facts read back from the index.
    pub fn decode(r: &mut Reader) -> Option<Facts> {
        let id = r.str()?;
        let title = r.str()?;
        let state = State::parse(&r.str()?)?;
        let mut assignees = Vec::new();
        for _ in 0..r.u64()? {
            assignees.push(r.str()?);
        }
        let salesperson = r.opt()?;
        let last_contact = r.opt_time()?;
        let flag = |b: u8| -> Option<bool> {
            match b {
                0 => Some(false),
                1 => Some(true),
                _ => None,
            }
        };
        let flags = r.take(5)?;
        Some(Facts {
            id,
            title,
            state,
            assignees,
            salesperson,
            last_contact,
            via_sales: flag(flags[0])?,
            lead_signed: flag(flags[1])?,
            sales_lead_signed: flag(flags[2])?,
            flight_planned: flag(flags[3])?,
            flight_approved: flag(flags[4])?,
        })
    }
}

fn items_for(ws: &Workspace, facts: &Facts, person: &str, now: Timestamp) -> Vec<Item> {
    let id = facts.id.clone();
    let holds = |r: Role| ws.has_role(person, r);
    let assignee = facts.assignees.iter().any(|a| a == person);
    let via_sales = facts.via_sales;
    let signed = |role: Role| match role {
        Role::Lead => facts.lead_signed,
        _ => facts.sales_lead_signed,
    };
    let state = facts.state;
    let mut todo: Vec<(String, bool)> = Vec::new();
    match state {
        State::Requested if holds(Role::Csc) => todo.push((t!("todo-accept", case = &id), false)),
        State::Accepted
            if holds(Role::Csc)
                || (holds(Role::Sales) && facts.salesperson.as_deref() == Some(person)) =>
        {
            todo.push((t!("todo-assign", case = &id), false));
        }
        State::Assigned if assignee => todo.push((t!("todo-task-sheet", case = &id), false)),
        State::PendingApproval if !assignee => {
            if holds(Role::Lead) && !signed(Role::Lead) {
                todo.push((t!("todo-sign", case = &id), false));
            } else if via_sales && holds(Role::SalesLead) && !signed(Role::SalesLead) {
                todo.push((t!("todo-sign-for-sales", case = &id), false));
            }
        }
        State::Approved if assignee => todo.push((t!("todo-start", case = &id), false)),
        State::OnSite if assignee => {
            let since = facts.last_contact;
            let overdue = since.is_some_and(|t| (now - t).num_hours() >= CHECKIN_INTERVAL_HOURS);
            let last = since.map_or_else(String::new, |t| {
                let when = t.with_timezone(&ws.offset()).format("%Y-%m-%d %H:%M");
                t!("todo-last-contact", when = when.to_string())
            });
            let text = t!("todo-checkin", case = &id, last = last);
            let text = if overdue {
                t!("todo-overdue", todo = text)
            } else {
                text
            };
            todo.push((text, overdue));
            todo.push((t!("todo-complete", case = &id), false));
        }
        State::Serviced if assignee => todo.push((t!("todo-hand-in", case = &id), false)),
        State::PendingReview
            if !assignee && (holds(Role::Csc) || (via_sales && holds(Role::Sales))) =>
        {
            todo.push((t!("todo-review", case = &id), false));
        }
        State::Reviewed if holds(Role::Csc) => todo.push((t!("todo-archive", case = &id), false)),
        _ => {}
    }
    if holds(Role::Manager)
        && facts.flight_planned
        && !facts.flight_approved
        && matches!(
            state,
            State::Assigned | State::PendingApproval | State::Approved
        )
    {
        todo.push((t!("todo-approve-flight", case = &id), false));
    }
    todo.into_iter()
        .map(|(todo, overdue)| Item {
            case: id.clone(),
            title: facts.title.clone(),
            state,
            todo,
            overdue,
        })
        .collect()
}
