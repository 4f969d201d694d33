//! Carrying out a step of the procedure: check, in this order, that the action is legal in
//! the case's state, that the acting person holds a role allowed to take it, and that the
//! case satisfies the rules in its new state; then edit `case.toml` in place (comments and
//! layout kept) and record the step as one commit by that person, with trailers that
//! `svc log` and `svc check` read back.

use crate::forms::Action;
use crate::forms::config::Locale;
use crate::forms::config::Role;
use crate::forms::decode::Timestamp;
use crate::forms::finding::Finding;
use crate::forms::source::SourceFile;
use crate::forms::{ApprovalKind, CaseFile, FeeArrangement, State, Transport, Via as CheckinVia};
use crate::history::store::{CaseCommit, Store, StoreError};
use crate::history::workflow::{self, Via};
use crate::rules::{self, Context};
use crate::workspace::case::{self, Case};
use crate::workspace::{Loaded, Workspace, decode_file, suggest};
use crate::{t, t_in};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

/// How long a step waits for another svc to finish before giving up.
pub const LOCK_WAIT: Duration = Duration::from_secs(3);

/// The person taking a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// Person id in people.toml.
    pub id: String,
    /// Name, for the commit's author.
    pub name: String,
    /// E-mail, for the commit's author.
    pub email: String,
}

impl Actor {
    /// The person people.toml lists, acting.
    pub fn of(person: &crate::forms::config::Person) -> Actor {
        Actor {
            id: person.id.value.clone(),
            name: person.name.clone(),
            email: person.email.value.clone(),
        }
    }
}

/// Why a step was refused or failed (said in the person's language: [`crate::i18n`]).
#[derive(Debug)]
pub enum ActionError {
    /// Git has no identity here.
    NoIdentity,
    /// Nobody in people.toml has the e-mail.
    UnknownPerson(String),
    /// `case.toml` cannot be read.
    Unreadable(String, Vec<Finding>),
    /// The action is not legal in the case's state.
    WrongState {
        /// The action.
        action: Action,
        /// The command.
        command: &'static str,
        /// The case.
        case: String,
        /// Its state.
        state: State,
        /// Where the action applies.
        allowed: String,
    },
    /// The person does not hold a role allowed to take the action.
    Role {
        /// Who tried.
        person: String,
        /// The action.
        action: Action,
        /// The case.
        case: String,
        /// What would be needed.
        why: String,
    },
    /// Nobody approves their own submission.
    SelfApproval {
        /// Who tried.
        person: String,
        /// The case.
        case: String,
    },
    /// A needed option is missing or wrong.
    Invalid(String, String),
    /// case.toml in the work tree (or the index) is not what was last committed.
    Uncommitted {
        /// The file, relative to the workspace root.
        path: PathBuf,
        /// What differs (keys of case.toml, or what happened to the file).
        differences: Vec<String>,
    },
    /// The case would break the procedure's rules in its new state.
    Rules {
        /// The action.
        action: Action,
        /// The case.
        case: String,
        /// The errors.
        findings: Vec<Finding>,
        /// The files as svc would have written them (the findings' positions are in these).
        unwritten: Vec<std::sync::Arc<SourceFile>>,
    },
    /// The repository refused or failed.
    Store(StoreError),
}

impl std::fmt::Display for ActionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            ActionError::NoIdentity => t!("step-no-identity"),
            ActionError::UnknownPerson(email) => t!("step-unknown-person", email = email),
            ActionError::Unreadable(case, _) => t!("step-unreadable", case = case),
            ActionError::WrongState {
                action,
                command,
                case,
                state,
                allowed,
            } => t!(
                "step-wrong-state",
                action = action.name(),
                case = case,
                state = state.as_str(),
                command = *command,
                allowed = allowed,
            ),
            ActionError::Role {
                person,
                action,
                case,
                why,
            } => t!(
                "step-role",
                person = person,
                action = action.name(),
                case = case,
                why = why
            ),
            ActionError::SelfApproval { person, case } => {
                t!("step-self-approval", person = person, case = case)
            }
            ActionError::Invalid(message, _) => message.clone(),
            ActionError::Uncommitted { path, differences } => t!(
                "step-uncommitted",
                path = path.display().to_string(),
                differences = differences.join(", ")
            ),
            ActionError::Rules {
                action,
                case,
                findings,
                ..
            } => t!(
                "step-rules",
                action = action.name(),
                case = case,
                count = findings.len()
            ),
            ActionError::Store(e) => return e.fmt(f),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ActionError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ActionError::Store(e) => Some(e),
            _ => None,
        }
    }
}

impl From<StoreError> for ActionError {
    fn from(e: StoreError) -> ActionError {
        ActionError::Store(e)
    }
}

/// The identity git uses in the workspace's repository (read from where the store's
/// configuration sources say), matched to people.toml.
pub fn actor(ws: &Workspace, store: &Store) -> Result<Actor, ActionError> {
    let (_, email) = crate::history::git::identity(store.repo(), store.config_sources())
        .ok_or(ActionError::NoIdentity)?;
    let person = ws
        .person_by_email(&email)
        .ok_or(ActionError::UnknownPerson(email.clone()))?;
    Ok(Actor::of(person))
}

impl Session<'_> {
    /// Take the lock (saying who holds it) and finish any step a killed svc left half done.
    fn begin(&self, what: String) -> Result<crate::history::store::Lock, ActionError> {
        let lock = self.store.lock(&what, LOCK_WAIT)?;
        self.store.recover(&lock)?;
        Ok(lock)
    }
}

/// What a step needs besides the case: notes, the fee arrangement, assignees, a channel.
#[derive(Debug, Clone, Default)]
pub struct Step {
    /// A note (`--note`) or reason (`--reason`).
    pub note: Option<String>,
    /// The fee arrangement (`accept --fee`).
    pub fee: Option<String>,
    /// The assignees (`assign --to`).
    pub assignees: Vec<String>,
    /// The check-in channel (`checkin --via`).
    pub via: Option<CheckinVia>,
}

/// What a step did.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The case id.
    pub case: String,
    /// The folder, relative to the root.
    pub dir: PathBuf,
    /// The state before (`None` for a new case).
    pub from: Option<State>,
    /// The state after.
    pub to: State,
    /// The commit.
    pub commit: git2::Oid,
    /// What the person should look at twice, though the step was right to take (a fee
    /// arrangement against the product's warranty, 5.1.2).
    pub notices: Vec<String>,
}

/// Test hooks: called with each of [`crate::history::store::FAULT_POINTS`].
pub type Fault<'a> = &'a dyn Fn(&str);

/// Who acts, where, and when.
pub struct Session<'a> {
    /// The workspace.
    pub ws: &'a Workspace,
    /// Its repository.
    pub store: &'a Store,
    /// The acting person.
    pub actor: &'a Actor,
    /// The moment of the step.
    pub now: Timestamp,
    /// Where a test may stop the process.
    pub fault: Fault<'a>,
}

/// Take a step on an existing case.
pub fn act(
    session: &Session,
    dir: &Path,
    action: Action,
    step: &Step,
) -> Result<Outcome, ActionError> {
    let Session {
        ws,
        store,
        actor,
        now,
        ..
    } = *session;
    let lock = session.begin(format!(
        "{} is taking `{}` on {}",
        actor.id,
        action,
        dir.display()
    ))?;
    committed(store, dir)?;
    let case = case::load(&ws.root, dir);
    let Prepared {
        id,
        from,
        to,
        text,
        message,
        notices,
    } = prepare(ws, actor, now, case, action, step)?;
    let writes = vec![(PathBuf::from("case.toml"), text.into_bytes())];
    let commit = record(session, &lock, dir, &writes, &message, action, &id)?;
    Ok(Outcome {
        case: id,
        dir: dir.to_path_buf(),
        from: Some(from),
        to,
        commit,
        notices,
    })
}

/// A step worked out and checked, not yet recorded: `case.toml` as it will be, and the
/// commit's message.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The case id.
    pub id: String,
    /// The state before.
    pub from: State,
    /// The state after.
    pub to: State,
    /// The new `case.toml`.
    pub text: String,
    /// The commit message, trailers included.
    pub message: String,
    /// What to look at twice (see [`Outcome::notices`]).
    pub notices: Vec<String>,
}

/// Check a step against the case as read (`case`, loaded from its folder) and work out
/// its new `case.toml`: legal in the state, by a person holding the role, the rules holding
/// in the new state. Nothing is written. `svc sync` uses it to re-check a step taken
/// offline against what others recorded meanwhile.
pub fn prepare(
    ws: &Workspace,
    actor: &Actor,
    now: Timestamp,
    mut case: Case,
    action: Action,
    step: &Step,
) -> Result<Prepared, ActionError> {
    let dir = case.dir.clone();
    let dir = dir.as_path();
    let notices = match (action, step.fee.as_deref().and_then(FeeArrangement::parse)) {
        (Action::Accept, Some(fee)) => {
            let day = now.with_timezone(&ws.offset()).date_naive();
            rules::warranty_notices(&Context::new(ws, now), &case, &fee, day)
        }
        (Action::Hold, _) => rules::targets::hold_notices(ws, &case),
        _ => Vec::new(),
    };
    let Some(file) = case.file.take() else {
        return Err(ActionError::Unreadable(
            case.id().to_string(),
            case.findings.clone(),
        ));
    };
    let id = file.id.value.clone();
    let from = file.state.value;
    let resubmission = workflow::is_resubmission(action, Some(from));
    let stale_signatures = resubmission
        && file
            .approvals
            .iter()
            .any(|a| a.kind.value == ApprovalKind::TaskSheet && !rules::covers_current(&case, a));
    let transition =
        workflow::transition(action, Some(from)).filter(|_| !resubmission || stale_signatures);
    let Some(transition) = transition else {
        let allowed: Vec<String> = workflow::legal_from(action)
            .iter()
            .map(|s| s.to_string())
            .collect();
        return Err(ActionError::WrongState {
            action,
            command: action.command(),
            case: id,
            state: from,
            allowed: allowed.join(&t!("step-or")),
        });
    };
    let via = file.assigned_via.as_ref().map(|v| {
        if v.value == Role::Sales {
            Via::Sales
        } else {
            Via::Csc
        }
    });
    let who = workflow::who(action, Some(from), via);
    let is_assignee = file.assignees.iter().any(|a| a.value == actor.id);
    if who.assignee && !is_assignee {
        let assignees: Vec<&str> = file.assignees.iter().map(|a| a.value.as_str()).collect();
        return Err(ActionError::Role {
            person: actor.id.clone(),
            action,
            case: id,
            why: t!(
                "step-role-assignees",
                assignees = if assignees.is_empty() {
                    t!("step-role-nobody")
                } else {
                    assignees.join(", ")
                }
            ),
        });
    }
    let holds = |role: Role| ws.has_role(&actor.id, role);
    if !who.roles.is_empty() && !who.roles.iter().any(|r| holds(*r)) {
        let roles: Vec<&str> = who.roles.iter().map(|r| r.as_str()).collect();
        return Err(ActionError::Role {
            person: actor.id.clone(),
            action,
            case: id,
            why: t!("step-role-takes", roles = roles.join(&t!("step-or"))),
        });
    }
    let mut doc = file.source.text.parse::<DocumentMut>().map_err(|e| {
        ActionError::Invalid(
            t!(
                "step-case-toml-uneditable",
                case = &id,
                error = e.to_string()
            ),
            t!("step-case-toml-uneditable-hint"),
        )
    })?;
    let at = now.format("%Y-%m-%dT%H:%M:%S%:z").to_string();
    let mut to = transition.to;
    let preparer = case
        .task_sheet
        .as_ref()
        .map(|t| t.prepared_by.value.clone());
    let note = step
        .note
        .as_deref()
        .map(|n| {
            plain_text(
                &if from_reason(action) {
                    t!("step-field-reason")
                } else {
                    t!("step-field-note")
                },
                n,
            )
        })
        .transpose()?;
    let note = note.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let need_note = |what: &str, flag: &str| {
        note.map(str::to_string).ok_or_else(|| {
            ActionError::Invalid(
                t!("step-needs", action = action.name(), what = what),
                t!("step-needs-hint", flag = flag),
            )
        })
    };
    match (action, from) {
        (Action::Resolve, _) => {
            doc["resolution"] = value(need_note(&t!("step-needs-resolution"), "--note")?);
        }
        (Action::Accept, _) => {
            let fee = step.fee.as_deref().ok_or_else(|| {
                ActionError::Invalid(t!("step-accept-needs-fee"), t!("step-fee-hint"))
            })?;
            let arrangement = FeeArrangement::parse(fee).ok_or_else(|| {
                ActionError::Invalid(t!("step-not-a-fee", fee = fee), t!("step-fee-hint"))
            })?;
            if let FeeArrangement::Agreement(agreement) = &arrangement {
                let customer = ws.customers.get(&file.customer.value);
                let known: Vec<&str> = customer
                    .map(|c| c.agreements.iter().map(|a| a.id.value.as_str()).collect())
                    .unwrap_or_default();
                if !known.contains(&agreement.as_str()) {
                    return Err(ActionError::Invalid(
                        t!(
                            "step-not-an-agreement",
                            agreement = agreement,
                            customer = &file.customer.value
                        ),
                        suggest(agreement, known)
                            .unwrap_or_else(|| t!("step-not-an-agreement-hint")),
                    ));
                }
            }
            doc["fee"] = value(arrangement.to_string());
        }
        (Action::Assign, _) => {
            if step.assignees.is_empty() {
                return Err(ActionError::Invalid(
                    t!("step-assign-needs-engineer"),
                    t!("step-assign-needs-engineer-hint"),
                ));
            }
            let by = if holds(Role::Csc) {
                Role::Csc
            } else {
                Role::Sales
            };
            for person in &step.assignees {
                if !ws.people.contains_key(person) {
                    return Err(ActionError::Invalid(
                        t!("step-not-in-people", person = person),
                        suggest(person, ws.people.keys().map(String::as_str))
                            .unwrap_or_else(|| t!("step-not-in-people-hint")),
                    ));
                }
                if !ws.has_role(person, Role::Engineer) {
                    return Err(ActionError::Invalid(
                        t!("step-not-an-engineer", person = person),
                        t!("step-not-an-engineer-hint"),
                    ));
                }
                if by == Role::Sales && !ws.has_role(person, Role::Sales) {
                    return Err(ActionError::Invalid(
                        t!("step-not-sales", person = person),
                        t!("step-not-sales-hint"),
                    ));
                }
            }
            if workflow::is_reassignment(action, Some(from)) {
                reassign(&mut doc, &file, step, &actor.id, &at, need_note)?;
            }
            let mut list = toml_edit::Array::new();
            for person in &step.assignees {
                list.push(person.as_str());
            }
            doc["assignees"] = value(list);
            doc["assigned_by"] = value(actor.id.as_str());
            doc["assigned_via"] = value(by.as_str());
        }
        (Action::Hold, _) => {
            let reason = need_note(&t!("step-needs-hold-reason"), "--reason")?;
            if let Some(open) = file.holds.iter().find(|h| h.until.is_none()) {
                return Err(ActionError::Invalid(
                    t!(
                        "step-held-already",
                        case = &id,
                        since = open.from.value.format("%Y-%m-%d %H:%M").to_string(),
                        reason = open.reason.as_str()
                    ),
                    t!("step-held-already-hint", case = &id),
                ));
            }
            let mut t = Table::new();
            t["from"] = datetime(&at);
            t["by"] = value(actor.id.as_str());
            t["reason"] = value(reason);
            push_table(&mut doc, "holds", t);
        }
        (Action::Resume, _) => {
            let open = file.holds.iter().rposition(|h| h.until.is_none());
            let list = doc.get_mut("holds").and_then(Item::as_array_of_tables_mut);
            let (Some(i), Some(list)) = (open, list) else {
                return Err(ActionError::Invalid(
                    t!("step-not-held", case = &id),
                    t!("step-not-held-hint", case = &id),
                ));
            };
            if let Some(t) = list.get_mut(i) {
                t["until"] = datetime(&at);
                t["resumed_by"] = value(actor.id.as_str());
            }
        }
        (Action::Approve, State::PendingApproval) => {
            if is_assignee || preparer.as_deref() == Some(actor.id.as_str()) {
                return Err(ActionError::SelfApproval {
                    person: actor.id.clone(),
                    case: id,
                });
            }
            let signers = workflow::task_sheet_signers(via);
            let signed: Vec<Role> = file
                .approvals
                .iter()
                .filter(|a| a.kind.value == ApprovalKind::TaskSheet)
                .map(|a| a.role.value)
                .collect();
            if file
                .approvals
                .iter()
                .any(|a| a.kind.value == ApprovalKind::TaskSheet && a.by.value == actor.id)
            {
                return Err(ActionError::Invalid(
                    t!("step-signed-already", person = &actor.id, case = &id),
                    t!("step-signed-already-hint"),
                ));
            }
            let Some(role) = signers
                .iter()
                .copied()
                .find(|r| holds(*r) && !signed.contains(r))
            else {
                return Err(ActionError::Invalid(
                    t!(
                        "step-signed-as",
                        case = &id,
                        roles = signed
                            .iter()
                            .map(|r| r.as_str())
                            .collect::<Vec<_>>()
                            .join(&t!("step-and"))
                    ),
                    t!("step-signed-as-hint"),
                ));
            };
            push_approval(
                &mut doc,
                ApprovalKind::TaskSheet,
                &actor.id,
                role,
                &at,
                note,
                &Approved::of(&case, ApprovalKind::TaskSheet),
            );
            let mut now_signed = signed;
            now_signed.push(role);
            if !signers.iter().all(|r| now_signed.contains(r)) {
                to = State::PendingApproval;
            }
        }
        (Action::Approve, _) => {
            if is_assignee {
                return Err(ActionError::SelfApproval {
                    person: actor.id.clone(),
                    case: id,
                });
            }
            let role = if via == Some(Via::Sales) && holds(Role::Sales) && !holds(Role::Csc) {
                Role::Sales
            } else {
                Role::Csc
            };
            push_approval(
                &mut doc,
                ApprovalKind::Review,
                &actor.id,
                role,
                &at,
                note,
                &Approved::of(&case, ApprovalKind::Review),
            );
        }
        (Action::Submit, State::Approved | State::PendingApproval) => {
            let stale: Vec<&str> = file
                .approvals
                .iter()
                .filter(|a| a.kind.value == ApprovalKind::TaskSheet)
                .filter(|a| !rules::covers_current(&case, a))
                .map(|a| a.by.value.as_str())
                .collect();
            remove_approvals_where(&mut doc, |t| {
                t.get("kind").and_then(Item::as_str) == Some(ApprovalKind::TaskSheet.as_str())
                    && t.get("by")
                        .and_then(Item::as_str)
                        .is_some_and(|by| stale.contains(&by))
            });
            if let Some(timeline) = doc.get_mut("timeline").and_then(Item::as_table_mut) {
                timeline.remove("approved_at");
            }
        }
        (Action::ApproveFlight, _) => {
            let planned = case
                .task_sheet
                .as_ref()
                .is_some_and(|t| t.legs.iter().any(|l| l.mode.value == Transport::Flight));
            if !planned {
                return Err(ActionError::Invalid(
                    t!("step-no-flight", case = &id),
                    t!("step-no-flight-hint"),
                ));
            }
            if rules::uncovered_flights(&case, &file.approvals).is_empty() {
                return Err(ActionError::Invalid(
                    t!("step-flights-approved", case = &id),
                    t!("step-flights-approved-hint"),
                ));
            }
            push_approval(
                &mut doc,
                ApprovalKind::Flight,
                &actor.id,
                Role::Manager,
                &at,
                note,
                &Approved::of(&case, ApprovalKind::Flight),
            );
        }
        (Action::Reject, _) => {
            if is_assignee
                || (from == State::PendingApproval
                    && preparer.as_deref() == Some(actor.id.as_str()))
            {
                return Err(ActionError::SelfApproval {
                    person: actor.id.clone(),
                    case: id,
                });
            }
            let reason = need_note(&t!("step-needs-reason"), "--reason")?;
            let gate = if from == State::PendingApproval {
                ApprovalKind::TaskSheet
            } else {
                ApprovalKind::Review
            };
            remove_approvals(&mut doc, gate);
            let mut t = Table::new();
            t["kind"] = value(gate.as_str());
            t["by"] = value(actor.id.as_str());
            t["at"] = datetime(&at);
            t["reason"] = value(reason);
            push_table(&mut doc, "rejections", t);
        }
        (Action::Checkin, _) => {
            let via = step.via.ok_or_else(|| {
                ActionError::Invalid(
                    t!("step-checkin-needs-via"),
                    t!("step-checkin-needs-via-hint"),
                )
            })?;
            let mut t = Table::new();
            t["at"] = datetime(&at);
            t["via"] = value(via.as_str());
            t["by"] = value(actor.id.as_str());
            if let Some(n) = note {
                t["note"] = value(n);
            }
            push_table(&mut doc, "checkins", t);
        }
        (Action::Cancel, _) => {
            doc["cancel_reason"] = value(need_note(&t!("step-needs-reason"), "--reason")?);
        }
        _ => {}
    }
    doc["state"] = value(to.as_str());
    if let Some(key) = timeline_key(action, from, to) {
        if !doc.contains_table("timeline") {
            doc["timeline"] = Item::Table(Table::new());
        }
        doc["timeline"][key] = datetime(&at);
    }
    let text = doc.to_string();
    let case_toml = dir.join("case.toml");
    let source = SourceFile::new(&case_toml, text.clone());
    let mut decoding = Vec::new();
    let Some(decoded) = decode_file::<CaseFile>(&source, &mut decoding) else {
        return Err(ActionError::Rules {
            action,
            case: id,
            findings: decoding,
            unwritten: vec![source],
        });
    };
    case.file = Some(Loaded {
        value: decoded,
        source: source.clone(),
    });
    let errors: Vec<Finding> = rules::check_case(&Context::new(ws, now), &case)
        .into_iter()
        .filter(Finding::is_error)
        .collect();
    if !errors.is_empty() {
        return Err(ActionError::Rules {
            action,
            case: id,
            findings: errors,
            unwritten: vec![source],
        });
    }
    let message = commit_message(ws.locale(), action, &id, Some(from), to, note, &actor.id);
    Ok(Prepared {
        id,
        from,
        to,
        text,
        message,
        notices,
    })
}

/// What `svc new` records.
#[derive(Debug, Clone, Default)]
pub struct NewCase {
    /// Customer id.
    pub customer: String,
    /// The fault as described.
    pub fault: String,
    /// Site id.
    pub site: Option<String>,
    /// Product serial.
    pub product: Option<String>,
    /// Channel (default phone).
    pub channel: Option<crate::forms::Channel>,
    /// Contact name (default: the customer's first contact).
    pub contact: Option<String>,
    /// Contact phone.
    pub phone: Option<String>,
    /// One-line title (default: the fault's first line).
    pub title: Option<String>,
    /// The finished case this one reopens (`svc reopen`): its fault came back.
    pub reopens: Option<String>,
}

/// Record a new request as a new case (8.1, 5.3.1): a new id, `case.toml` and the request
/// scaffolded from what the person said.
pub fn open_case(session: &Session, new: &NewCase) -> Result<Outcome, ActionError> {
    let Session { ws, actor, now, .. } = *session;
    let Some(customer) = ws.customers.get(&new.customer) else {
        return Err(ActionError::Invalid(
            t!("step-no-customer", customer = &new.customer),
            suggest(&new.customer, ws.customers.keys().map(String::as_str))
                .unwrap_or_else(|| t!("step-no-customer-hint")),
        ));
    };
    for (what, text) in [
        (t!("step-field-fault"), Some(&new.fault)),
        (t!("step-field-title"), new.title.as_ref()),
        (t!("step-field-contact"), new.contact.as_ref()),
        (t!("step-field-phone"), new.phone.as_ref()),
    ] {
        if let Some(text) = text {
            plain_text(&what, text)?;
        }
    }
    if new.fault.trim().is_empty() {
        return Err(ActionError::Invalid(
            t!("step-request-needs-fault"),
            "--fault \"…\"".into(),
        ));
    }
    // The id carries the opening date, which names the month's folder: only there can it
    // already be taken.
    let local = now.with_timezone(&ws.offset());
    let month = ws
        .root
        .join(case::CASES_DIR)
        .join(local.format("%Y").to_string())
        .join(local.format("%m").to_string());
    let id = loop {
        let id = format!(
            "{}-{}-{}",
            ws.id_prefix(),
            local.format("%Y%m%d"),
            random_suffix()
        );
        if !month.join(&id).exists() {
            break id;
        }
    };
    let at = now.format("%Y-%m-%dT%H:%M:%S%:z").to_string();
    let title = new.title.clone().unwrap_or_else(|| {
        let first = new.fault.lines().next().unwrap_or_default().trim();
        first.chars().take(40).collect()
    });
    let contact = customer.contacts.first();
    let name = new
        .contact
        .clone()
        .or_else(|| contact.map(|c| c.name.clone()))
        .unwrap_or_else(|| "(未记录 not recorded)".into());
    let phone = new
        .phone
        .clone()
        .or_else(|| contact.and_then(|c| c.phone.clone()))
        .unwrap_or_default();
    let request = request_scaffold(
        &at,
        new.channel.unwrap_or(crate::forms::Channel::Phone),
        &name,
        &phone,
        &new.fault,
        &actor.id,
    );
    let note = match &new.reopens {
        Some(old) => format!(
            "{}: {}",
            t_in!(ws.locale(), "step-reopened-by", case = old.as_str()),
            one_line(&new.fault)
        ),
        None => one_line(&new.fault),
    };
    let opening = Opening {
        id,
        title,
        customer: new.customer.clone(),
        site: new.site.clone(),
        product: new.product.clone(),
        request,
        note,
        reopens: new.reopens.clone(),
        plan: None,
    };
    record_new(session, &opening)
}

/// The request for a case that reopens the finished case in `dir` (`svc reopen`): the same
/// customer, site, product, title and contact, and `reason` — what came back — as the fault.
/// Refused unless the case is finished: solved by phone, reviewed or archived.
pub fn reopening(ws: &Workspace, dir: &Path, reason: &str) -> Result<NewCase, ActionError> {
    let old = case::load(&ws.root, dir);
    let Some(file) = old.file.as_ref() else {
        return Err(ActionError::Unreadable(
            old.id().to_string(),
            old.findings.clone(),
        ));
    };
    let id = file.id.value.clone();
    let state = file.state.value;
    if !matches!(
        state,
        State::ResolvedRemotely | State::Reviewed | State::Archived
    ) {
        return Err(ActionError::Invalid(
            t!("step-reopen-not-closed", case = &id, state = state.as_str()),
            t!("step-reopen-not-closed-hint"),
        ));
    }
    if reason.trim().is_empty() {
        return Err(ActionError::Invalid(
            t!("step-reopen-needs-reason"),
            t!("step-reopen-needs-reason-hint"),
        ));
    }
    let contact = old.request.as_ref().map(|r| &r.contact);
    Ok(NewCase {
        customer: file.customer.value.clone(),
        fault: reason.to_string(),
        site: file.site.as_ref().map(|s| s.value.clone()),
        product: file.product.as_ref().map(|p| p.value.clone()),
        channel: None,
        contact: contact.map(|c| c.name.value.clone()),
        phone: contact.map(|c| c.phone.value.clone()),
        title: Some(file.title.clone()),
        reopens: Some(id),
    })
}

/// What `svc plan open` records for one occurrence of a maintenance plan.
#[derive(Debug, Clone)]
pub struct PlannedCase {
    /// The case id (made of the plan, the date and the unit: the same on every clone).
    pub id: String,
    /// The plan's id.
    pub plan: String,
    /// The occurrence's date.
    pub date: chrono::NaiveDate,
    /// The customer id.
    pub customer: String,
    /// The unit's site.
    pub site: String,
    /// The unit's serial.
    pub product: String,
    /// The plan's title.
    pub title: String,
    /// The work to do (the request's fault).
    pub task: String,
}

/// Open the case of a plan's occurrence (8.1, preventive): a `new` step by a person of the
/// CSC, the request scaffolded from the plan — the task as the fault, received now through
/// the channel `plan`, on-site needed, the customer's first contact.
pub fn open_planned(session: &Session, planned: &PlannedCase) -> Result<Outcome, ActionError> {
    let Session { ws, actor, now, .. } = *session;
    if !ws.has_role(&actor.id, Role::Csc) {
        return Err(ActionError::Role {
            person: actor.id.clone(),
            action: Action::New,
            case: planned.id.clone(),
            why: t!("step-role-plan"),
        });
    }
    let Some(customer) = ws.customers.get(&planned.customer) else {
        return Err(ActionError::Invalid(
            t!("step-no-customer", customer = &planned.customer),
            t!("step-no-customer-hint"),
        ));
    };
    plain_text(&t!("step-field-fault"), &planned.task)?;
    plain_text(&t!("step-field-title"), &planned.title)?;
    let at = now.format("%Y-%m-%dT%H:%M:%S%:z").to_string();
    let contact = customer.contacts.first();
    let name = contact
        .map(|c| c.name.clone())
        .unwrap_or_else(|| "(未记录 not recorded)".into());
    let phone = contact.and_then(|c| c.phone.clone()).unwrap_or_default();
    let request = request_scaffold(
        &at,
        crate::forms::Channel::Plan,
        &name,
        &phone,
        &planned.task,
        &actor.id,
    );
    let request = with_onsite(&request, &planned.plan, planned.date);
    let title: String = planned.title.chars().take(60).collect();
    let opening = Opening {
        id: planned.id.clone(),
        title,
        customer: planned.customer.clone(),
        site: Some(planned.site.clone()),
        product: Some(planned.product.clone()),
        request,
        note: one_line(&t!(
            "step-plan-note",
            plan = &planned.plan,
            date = planned.date.to_string()
        )),
        plan: Some((planned.plan.clone(), planned.date)),
        reopens: None,
    };
    record_new(session, &opening)
}

/// The request of a planned case says a visit is needed, and why: the plan's date.
fn with_onsite(request: &str, plan: &str, date: chrono::NaiveDate) -> String {
    let q = |s: &str| toml_edit::Value::from(s).to_string();
    let reason = format!("计划维护 · planned maintenance: {plan} {date}");
    request.replacen(
        "onsite_needed = false         # 是否需要现场服务 · on-site visit needed?\n\
         # onsite_reason = \"\"        # 需要现场服务的原因 · why\n",
        &format!(
            "onsite_needed = true          # 是否需要现场服务 · on-site visit needed?\n\
             onsite_reason = {}\n",
            q(&reason)
        ),
        1,
    )
}

/// A case about to be opened: its `case.toml` facts and its request form's text.
#[derive(Debug, Clone)]
pub struct Opening {
    /// The case id.
    pub id: String,
    /// The title.
    pub title: String,
    /// The customer id.
    pub customer: String,
    /// The site id.
    pub site: Option<String>,
    /// The product serial.
    pub product: Option<String>,
    /// The text of `request.toml`.
    pub request: String,
    /// The commit's note.
    pub note: String,
    /// The finished case it reopens.
    pub reopens: Option<String>,
    /// The plan occurrence it is opened for (plan id, date): the case is filed under the
    /// date's month, as its id says, and `case.toml` records `[plan]`.
    pub plan: Option<(String, chrono::NaiveDate)>,
}

/// A new case worked out and checked, not yet recorded: its folder, the files svc writes
/// there (`case.toml`, the request) and the commit's message.
#[derive(Debug, Clone)]
pub struct PreparedNew {
    /// The case folder, relative to the workspace root.
    pub dir: PathBuf,
    /// The files, by their path in the folder.
    pub writes: Vec<(PathBuf, Vec<u8>)>,
    /// The commit message, trailers included.
    pub message: String,
}

/// Check a new case and work out its files: the acting person may open cases, and the case
/// and its request are valid. Nothing is written.
pub fn prepare_new(
    ws: &Workspace,
    actor: &Actor,
    now: Timestamp,
    opening: &Opening,
) -> Result<PreparedNew, ActionError> {
    let who = workflow::who(Action::New, None, None);
    if !who.roles.iter().any(|r| ws.has_role(&actor.id, *r)) {
        return Err(ActionError::Role {
            person: actor.id.clone(),
            action: Action::New,
            case: opening.id.clone(),
            why: t!("step-role-new"),
        });
    }
    let filed = opening.plan.as_ref().map_or_else(
        || now.with_timezone(&ws.offset()).date_naive(),
        |(_, date)| *date,
    );
    let dir = PathBuf::from(case::CASES_DIR)
        .join(filed.format("%Y").to_string())
        .join(filed.format("%m").to_string())
        .join(&opening.id);
    let at = now.format("%Y-%m-%dT%H:%M:%S%:z").to_string();
    let mut case_toml = DocumentMut::new();
    case_toml["id"] = value(opening.id.as_str());
    case_toml["title"] = value(opening.title.as_str());
    case_toml["customer"] = value(opening.customer.as_str());
    if let Some(site) = &opening.site {
        case_toml["site"] = value(site.as_str());
    }
    if let Some(product) = &opening.product {
        case_toml["product"] = value(product.as_str());
    }
    if let Some(old) = &opening.reopens {
        case_toml["reopens"] = value(old.as_str());
    }
    case_toml["state"] = value(State::Requested.as_str());
    case_toml["opened_at"] = datetime(&at);
    case_toml["opened_by"] = value(actor.id.as_str());
    if let Some((plan, date)) = &opening.plan {
        let mut link = Table::new();
        link["id"] = value(plan.as_str());
        link["occurrence"] = match date.to_string().parse::<toml_edit::Datetime>() {
            Ok(d) => value(d),
            Err(_) => value(date.to_string()),
        };
        case_toml["plan"] = Item::Table(link);
    }
    let case_text = format!(
        "# case.toml — 服务单 · written by svc; edit the forms beside it, not this file\n{case_toml}"
    );
    // Check the new case like any other before anything is written.
    let mut findings = Vec::new();
    let case_source = SourceFile::new(dir.join("case.toml"), case_text.clone());
    let request_source = SourceFile::new(dir.join("request.toml"), opening.request.clone());
    let unwritten = vec![case_source.clone(), request_source.clone()];
    let file = decode_file::<CaseFile>(&case_source, &mut findings).map(|value| Loaded {
        value,
        source: case_source,
    });
    let request = decode_file(&request_source, &mut findings).map(|value| Loaded {
        value,
        source: request_source,
    });
    let mut files = std::collections::BTreeMap::new();
    files.insert(
        crate::forms::FormKind::Request,
        vec![dir.join("request.toml")],
    );
    let case = Case {
        file,
        request,
        files,
        findings,
        ..Case::empty(&dir)
    };
    let errors: Vec<Finding> = rules::check_case(&Context::new(ws, now), &case)
        .into_iter()
        .filter(Finding::is_error)
        .collect();
    if !errors.is_empty() {
        return Err(ActionError::Rules {
            action: Action::New,
            case: opening.id.clone(),
            findings: errors,
            unwritten,
        });
    }
    let message = commit_message(
        ws.locale(),
        Action::New,
        &opening.id,
        None,
        State::Requested,
        Some(&opening.note),
        &actor.id,
    );
    Ok(PreparedNew {
        dir,
        writes: vec![
            (PathBuf::from("case.toml"), case_text.into_bytes()),
            (
                PathBuf::from("request.toml"),
                opening.request.clone().into_bytes(),
            ),
        ],
        message,
    })
}

/// Check and commit a new case (see [`prepare_new`]); its folder, under the opening month,
/// must be new.
pub fn record_new(session: &Session, opening: &Opening) -> Result<Outcome, ActionError> {
    let Session { ws, actor, now, .. } = *session;
    let lock = session.begin(format!("{} is opening case {}", actor.id, opening.id))?;
    let PreparedNew {
        dir,
        writes,
        message,
    } = prepare_new(ws, actor, now, opening)?;
    if ws.root.join(&dir).exists() {
        return Err(ActionError::Invalid(
            t!("step-case-exists", path = dir.display().to_string()),
            t!("step-case-exists-hint"),
        ));
    }
    let commit = record(
        session,
        &lock,
        &dir,
        &writes,
        &message,
        Action::New,
        &opening.id,
    )?;
    Ok(Outcome {
        case: opening.id.clone(),
        dir,
        from: None,
        to: State::Requested,
        commit,
        notices: Vec::new(),
    })
}

/// Whether the step's text is a reason (`--reason`) rather than a note.
fn from_reason(action: Action) -> bool {
    matches!(action, Action::Reject | Action::Cancel | Action::Hold)
}

/// Record a change of engineers (5.1.3): with its reason, only when the engineers change,
/// and — the case's task sheet having been written for the others — with the task sheet's
/// and the flights' signatures dismissed, so the sheet goes back to be written and signed for
/// the new ones (7.2, 7.4).
fn reassign(
    doc: &mut DocumentMut,
    file: &CaseFile,
    step: &Step,
    by: &str,
    at: &str,
    need_note: impl Fn(&str, &str) -> Result<String, ActionError>,
) -> Result<(), ActionError> {
    let before: Vec<&str> = file.assignees.iter().map(|a| a.value.as_str()).collect();
    let mut same: Vec<&str> = step.assignees.iter().map(String::as_str).collect();
    same.sort_unstable();
    same.dedup();
    let mut old = before.clone();
    old.sort_unstable();
    if same == old {
        return Err(ActionError::Invalid(
            t!(
                "step-assigned-already",
                case = &file.id.value,
                people = before.join(", ")
            ),
            t!("step-assigned-already-hint"),
        ));
    }
    let reason = need_note(&t!("step-needs-reassign-reason"), "--reason")?;
    let people = |list: &[&str]| {
        let mut a = toml_edit::Array::new();
        for p in list {
            a.push(*p);
        }
        value(a)
    };
    let mut t = Table::new();
    t["at"] = datetime(at);
    t["by"] = value(by);
    t["from"] = people(&before);
    t["to"] = people(
        &step
            .assignees
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    t["reason"] = value(reason);
    push_table(doc, "reassignments", t);
    remove_approvals_where(doc, |t| {
        let kind = t.get("kind").and_then(Item::as_str);
        kind == Some(ApprovalKind::TaskSheet.as_str())
            || kind == Some(ApprovalKind::Flight.as_str())
    });
    if let Some(timeline) = doc.get_mut("timeline").and_then(Item::as_table_mut) {
        timeline.remove("approved_at");
    }
    Ok(())
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn request_scaffold(
    at: &str,
    channel: crate::forms::Channel,
    name: &str,
    phone: &str,
    fault: &str,
    by: &str,
) -> String {
    let q = |s: &str| toml_edit::Value::from(s).to_string();
    format!(
        "# request.toml — 客户服务请求 · Service request (8.1)\n\
         # 受理时写下客户所述;电话处理情况与是否需要现场服务在受理后补充。\n\
         # Written at intake; fill in what was tried by phone and whether a visit is needed.\n\n\
         received_at = {at}        # 受理时间 · received\n\
         channel = {}                # 受理方式 · phone, fax, email, visit, web\n\
         fault = {}\n\
         tried_by_phone = \"\"          # 电话处理情况 · what was tried by phone (5.1.1)\n\
         onsite_needed = false         # 是否需要现场服务 · on-site visit needed?\n\
         # onsite_reason = \"\"        # 需要现场服务的原因 · why\n\
         received_by = {}\n\n\
         [contact]                     # 客户联系人 · the customer's contact\n\
         name = {}\n\
         phone = {}\n",
        q(channel.as_str()),
        q(fault),
        q(by),
        q(name),
        q(phone)
    )
}

/// Six random Crockford base32 characters: ids made on different clones offline never
/// collide in practice (2³⁰ per day), and read well on the phone.
fn random_suffix() -> String {
    use std::hash::{BuildHasher, Hasher};
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    hasher.write_u32(std::process::id());
    let mut bits = hasher.finish();
    (0..6)
        .map(|_| {
            let c = ALPHABET[(bits & 31) as usize] as char;
            bits >>= 5;
            c
        })
        .collect()
}

fn datetime(at: &str) -> Item {
    match at.parse::<toml_edit::Datetime>() {
        Ok(d) => value(d),
        Err(_) => value(at),
    }
}

fn push_table(doc: &mut DocumentMut, key: &str, table: Table) {
    match doc.get_mut(key).and_then(Item::as_array_of_tables_mut) {
        Some(list) => list.push(table),
        None => {
            let mut list = ArrayOfTables::new();
            list.push(table);
            doc[key] = Item::ArrayOfTables(list);
        }
    }
}

/// What an approval records besides who, as what, when and why: the content it covers
/// (each form's path and object id) and, for a flight approval, the flights by name.
struct Approved {
    covers: BTreeMap<String, String>,
    flights: Vec<String>,
}

impl Approved {
    /// What an approval of `kind` covers on the case as it will be committed.
    fn of(case: &Case, kind: ApprovalKind) -> Approved {
        Approved {
            covers: rules::coverable(case, kind),
            flights: match kind {
                ApprovalKind::Flight => rules::planned_flights(case)
                    .into_iter()
                    .map(|(label, _)| label)
                    .collect(),
                _ => Vec::new(),
            },
        }
    }
}

fn push_approval(
    doc: &mut DocumentMut,
    kind: ApprovalKind,
    by: &str,
    role: Role,
    at: &str,
    note: Option<&str>,
    approved: &Approved,
) {
    let mut t = Table::new();
    t["kind"] = value(kind.as_str());
    t["by"] = value(by);
    t["role"] = value(role.as_str());
    t["at"] = datetime(at);
    if let Some(n) = note {
        t["note"] = value(n);
    }
    if !approved.flights.is_empty() {
        let mut flights = toml_edit::Array::new();
        for f in &approved.flights {
            flights.push(f.as_str());
        }
        t["flights"] = value(flights);
    }
    let mut covers = Table::new();
    for (path, id) in &approved.covers {
        covers[path.as_str()] = value(id.as_str());
    }
    t["covers"] = Item::Table(covers);
    push_table(doc, "approvals", t);
}

fn remove_approvals(doc: &mut DocumentMut, kind: ApprovalKind) {
    remove_approvals_where(doc, |t| {
        t.get("kind").and_then(Item::as_str) == Some(kind.as_str())
    });
}

fn remove_approvals_where(doc: &mut DocumentMut, dismissed: impl Fn(&Table) -> bool) {
    if let Some(list) = doc
        .get_mut("approvals")
        .and_then(Item::as_array_of_tables_mut)
    {
        list.retain(|t| !dismissed(t));
        if list.is_empty() {
            doc.remove("approvals");
        }
    }
}

fn timeline_key(action: Action, from: State, to: State) -> Option<&'static str> {
    Some(match (action, from) {
        (Action::Resolve, _) => "resolved_at",
        (Action::Accept, _) => "accepted_at",
        (Action::Assign, State::Accepted) => "assigned_at",
        (Action::Submit, State::Assigned | State::Approved | State::PendingApproval) => {
            "submitted_at"
        }
        (Action::Submit, _) => "handed_in_at",
        (Action::Approve, State::PendingApproval) if to == State::Approved => "approved_at",
        (Action::Approve, State::PendingReview) => "reviewed_at",
        (Action::Start, _) => "started_at",
        (Action::Complete, _) => "completed_at",
        (Action::Archive, _) => "archived_at",
        (Action::Cancel, _) => "cancelled_at",
        _ => return None,
    })
}

/// The default sentence of a step's commit, when the person gave no note: in the
/// workspace's language, since it is the company's record.
pub fn default_note(locale: Locale, action: Action, from: Option<State>, to: State) -> String {
    match (action, from) {
        (Action::New, _) => t_in!(locale, "note-new"),
        (Action::Resolve, _) => t_in!(locale, "note-resolve"),
        (Action::Accept, _) => t_in!(locale, "note-accept"),
        (Action::Assign, Some(State::Accepted) | None) => t_in!(locale, "note-assign"),
        (Action::Assign, _) => t_in!(locale, "note-reassign"),
        (Action::Submit, Some(State::Assigned)) => t_in!(locale, "note-submit-task-sheet"),
        (Action::Submit, Some(State::Approved | State::PendingApproval)) => {
            t_in!(locale, "note-submit-again")
        }
        (Action::Submit, _) => t_in!(locale, "note-submit-records"),
        (Action::Approve, Some(State::PendingApproval)) if to == State::Approved => {
            t_in!(locale, "note-approve-task-sheet")
        }
        (Action::Approve, Some(State::PendingApproval)) => t_in!(locale, "note-approve-one-of-two"),
        (Action::Approve, _) => t_in!(locale, "note-review"),
        (Action::ApproveFlight, _) => t_in!(locale, "note-approve-flight"),
        (Action::Reject, _) => t_in!(locale, "note-reject"),
        (Action::Start, _) => t_in!(locale, "note-start"),
        (Action::Checkin, _) => t_in!(locale, "note-checkin"),
        (Action::Complete, _) => t_in!(locale, "note-complete"),
        (Action::Archive, _) => t_in!(locale, "note-archive"),
        (Action::Cancel, _) => t_in!(locale, "note-cancel"),
        (Action::Hold, _) => t_in!(locale, "note-hold"),
        (Action::Resume, _) => t_in!(locale, "note-resume"),
    }
}

/// The commit message of a step: a subject, the note, and the trailers `svc log` and
/// `svc check` read.
pub fn commit_message(
    locale: Locale,
    action: Action,
    id: &str,
    from: Option<State>,
    to: State,
    note: Option<&str>,
    actor: &str,
) -> String {
    let from_text = from.map_or("none", State::as_str);
    let body = note.map_or_else(|| default_note(locale, action, from, to), str::to_string);
    format!(
        "{action} {id}: {from_text} -> {to}\n\n{body}\n\nSvc-Case: {id}\nSvc-Action: {action}\nSvc-From: {from_text}\nSvc-To: {to}\nSvc-Actor: {actor}\n"
    )
}

/// Refuse a step on a case whose case.toml, in the work tree or the index, is not the one
/// HEAD holds: svc owns that file, and a hand-edited state or approval must never be
/// committed as if a step had made it.
fn committed(store: &Store, dir: &Path) -> Result<(), ActionError> {
    let rel = dir.join("case.toml");
    let path = store.repo_path(&rel);
    let (_, head) = store.head()?;
    let repo = store.repo();
    let in_head = head
        .and_then(|h| repo.find_commit(h).ok())
        .and_then(|c| c.tree().ok())
        .and_then(|t| t.get_path(&path).ok())
        .map(|e| e.id());
    let on_disk = std::fs::read(store.workdir().join(&path)).ok();
    let staged = repo
        .index()
        .ok()
        .and_then(|i| i.get_path(&path, 0))
        .map(|e| e.id);
    let Some(in_head) = in_head else {
        return Err(ActionError::Uncommitted {
            path: rel,
            differences: vec![t!("step-differs-never-committed")],
        });
    };
    let committed_text = repo
        .find_blob(in_head)
        .map(|b| b.content().to_vec())
        .unwrap_or_default();
    let mut differences = Vec::new();
    match &on_disk {
        None => differences.push(t!("step-differs-deleted")),
        Some(bytes) if bytes != &committed_text => {
            let keys = crate::history::check::changed_fields(&committed_text, bytes);
            if keys.is_empty() {
                differences.push(t!("step-differs-edited"));
            } else {
                differences.extend(keys);
            }
        }
        Some(_) => {}
    }
    if staged.is_some_and(|s| s != in_head) {
        differences.push(t!("step-differs-staged"));
    }
    if differences.is_empty() {
        Ok(())
    } else {
        Err(ActionError::Uncommitted {
            path: rel,
            differences,
        })
    }
}

/// A note, a reason or a fault as svc will record it: line ends made plain, and refused
/// when it holds a control or invisible character, or a line that reads as one of svc's
/// trailers (a terminal, a commit message and `svc log` must show what was meant). `what`
/// names the text in the person's language (`step-field-…`).
pub fn plain_text(what: &str, text: &str) -> Result<String, ActionError> {
    let text = text.replace("\r\n", "\n");
    if let Some(c) = crate::forms::text::hidden_char(&text) {
        return Err(ActionError::Invalid(
            t!(
                "step-hidden-char",
                what = what,
                char = crate::forms::text::escape_char(c)
            ),
            t!("step-hidden-char-hint", what = what),
        ));
    }
    if let Some(line) = text.lines().find(|l| is_trailer_like(l)) {
        return Err(ActionError::Invalid(
            t!(
                "step-trailer-line",
                what = what,
                line = crate::forms::text::visible(line.trim()).into_owned()
            ),
            t!("step-trailer-line-hint"),
        ));
    }
    Ok(text)
}

/// Whether a line looks like an `Svc-…:` trailer.
fn is_trailer_like(line: &str) -> bool {
    let line = line.trim_start();
    line.get(..4)
        .is_some_and(|p| p.eq_ignore_ascii_case("svc-"))
        && line
            .split_once(':')
            .is_some_and(|(key, _)| key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
}

/// Record a step: the case folder with svc's files written, committed by the acting person
/// at the session's moment, signed where `svc.toml` asks, and verified as `svc check` will
/// judge it before the branch moves.
fn record(
    session: &Session,
    lock: &crate::history::store::Lock,
    dir: &Path,
    writes: &[(PathBuf, Vec<u8>)],
    message: &str,
    action: Action,
    case: &str,
) -> Result<git2::Oid, ActionError> {
    let store = session.store;
    let author = signature(session.actor, session.now)?;
    store
        .commit_case(
            lock,
            &CaseCommit {
                case_dir: dir,
                writes,
                author: &author,
                message,
                sign: signer(session, action).as_deref(),
                verify: Some(&|oid| verify(store, oid)),
            },
            session.fault,
        )
        .map_err(|e| refused(e, action, case))
}

/// What `svc check` would say of the commit a step made: it must say nothing.
pub fn verify(store: &Store, commit: git2::Oid) -> Result<(), StoreError> {
    let findings = crate::history::check::judge_step(store, commit)?;
    if findings.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Refused(findings))
    }
}

/// A step's commit refused by the history's rules, as the step's refusal.
fn refused(e: StoreError, action: Action, case: &str) -> ActionError {
    match e {
        StoreError::Refused(findings) => ActionError::Rules {
            action,
            case: case.to_string(),
            findings,
            unwritten: Vec::new(),
        },
        e => ActionError::Store(e),
    }
}

fn signature(actor: &Actor, now: Timestamp) -> Result<git2::Signature<'static>, ActionError> {
    let offset = now.offset().local_minus_utc() / 60;
    git2::Signature::new(
        &actor.name,
        &actor.email,
        &git2::Time::new(now.timestamp(), offset),
    )
    .map_err(|source| {
        ActionError::Store(StoreError::Git {
            doing: "making the author",
            source,
        })
    })
}

/// The step a recorded commit took, as far as taking it again needs: the note (none when
/// the message carries the default sentence, in either language), and from `case.toml` as the step left it the
/// fee arrangement, the assignees or the check-in's channel.
pub fn recorded_step(
    action: Action,
    from: Option<State>,
    to: State,
    message: &str,
    case_toml: &str,
) -> Step {
    let body = crate::history::log::note(message);
    let default = Locale::ALL
        .iter()
        .any(|l| body == default_note(*l, action, from, to));
    let note = (!body.is_empty() && !default).then_some(body);
    let doc: Option<DocumentMut> = case_toml.parse().ok();
    let doc = doc.as_ref();
    let text = |key: &str| doc.and_then(|d| d.get(key)).and_then(Item::as_str);
    let mut step = Step {
        note,
        ..Step::default()
    };
    match action {
        Action::Accept => step.fee = text("fee").map(str::to_string),
        Action::Assign => {
            step.assignees = doc
                .and_then(|d| d.get("assignees"))
                .and_then(Item::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str())
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
        }
        Action::Checkin => {
            let last = doc
                .and_then(|d| d.get("checkins"))
                .and_then(Item::as_array_of_tables)
                .and_then(|t| t.iter().last());
            step.via = last
                .and_then(|t| t.get("via"))
                .and_then(Item::as_str)
                .and_then(CheckinVia::parse);
            step.note = last
                .and_then(|t| t.get("note"))
                .and_then(Item::as_str)
                .map(str::to_string)
                .or(step.note);
        }
        _ => {}
    }
    step
}

/// What signs the step's commit where `svc.toml` asks for the action to be signed: the key
/// git signs commits with here.
fn signer<'a>(
    session: &Session<'a>,
    action: Action,
) -> Option<Box<crate::history::store::Sign<'a>>> {
    if !session.ws.signs(action) {
        return None;
    }
    let store = session.store;
    Some(Box::new(move |data: &[u8]| {
        crate::history::signing::sign(
            store.repo(),
            store.config_sources(),
            store.svc_dir(),
            action,
            data,
        )
    }))
}
