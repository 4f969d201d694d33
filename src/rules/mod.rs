//! The rules of the procedure (design §4), each a function named after its clause that
//! looks at one case and reports [`Finding`]s. The list of rules is data ([`RULES`]), so
//! validation, the workflow's gates and the documentation all read the same table.
//!
//! - [`validate`]: validation of a whole workspace, cases in parallel.
//! - [`asset`]: the installed base as the visits left it (units replaced, parts moved),
//!   and rule `asset`, which spans cases.
//! - [`plan`]: planned maintenance: what a plan covers, its occurrences and their cases,
//!   and rule `8.1-plan`, which spans cases too.

mod after_trip;
pub mod asset;
mod before_trip;
mod fees;
pub use fees::warranty_notices;
pub mod plan;
mod records;
pub mod targets;
pub mod validate;

pub use after_trip::{CheckinWeek, checkin_weeks, return_deadline};
pub use fees::{fee_total, unit_price};

use crate::forms::config::{Agreement, Customer, Product};
use crate::forms::decode::{Sp, Timestamp};
use crate::forms::finding::{Finding, Location, Severity};
use crate::forms::{
    Approval, ApprovalKind, FeeArrangement, FormKind, State, Transport, flight_label,
};
use crate::t;
use crate::workspace::case::Case;
use crate::workspace::{Loaded, Workspace};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// What the rules need besides the case: the workspace index and the present moment.
///
/// A rule reads the clock only through the questions below, each of which notes the moment
/// its answer would change: so the findings of a case come with how long they hold
/// ([`Context::holds_until`]), and an index can keep them exactly that long.
pub struct Context<'a> {
    /// The workspace.
    pub ws: &'a Workspace,
    /// Now (nothing may be recorded after it).
    now: Timestamp,
    /// The earliest moment after `now` at which an answer given would change.
    until: std::cell::Cell<Option<Timestamp>>,
    /// The installed base as every case's visits left it, when known (rule `asset`).
    base: Option<&'a asset::InstalledBase>,
}

impl<'a> Context<'a> {
    /// The rules' context in the workspace `ws` at `now`.
    pub fn new(ws: &'a Workspace, now: Timestamp) -> Context<'a> {
        Context {
            ws,
            now,
            until: std::cell::Cell::new(None),
            base: None,
        }
    }

    /// The same context, knowing the installed base as every case's visits left it (which
    /// rule `asset` needs; without it the rule finds nothing).
    pub fn with_base(self, base: &'a asset::InstalledBase) -> Context<'a> {
        Context {
            base: Some(base),
            ..self
        }
    }

    /// The installed base, when the context knows it.
    pub fn base(&self) -> Option<&'a asset::InstalledBase> {
        self.base
    }

    /// The moment the rules are judged at.
    pub fn now(&self) -> Timestamp {
        self.now
    }

    /// Until when the answers given so far hold (`None`: for ever after `now`).
    pub fn holds_until(&self) -> Option<Timestamp> {
        self.until.get()
    }

    fn changes_at(&self, at: Timestamp) {
        if at > self.now {
            let earliest = self.until.get().map_or(at, |u| u.min(at));
            self.until.set(Some(earliest));
        }
    }

    /// The start of a day in the workspace's time zone.
    fn start_of(&self, day: NaiveDate) -> Option<Timestamp> {
        day.and_hms_opt(0, 0, 0)?
            .and_local_timezone(self.ws.offset())
            .single()
    }

    /// Today in the workspace's time zone (an answer that holds until midnight).
    pub fn today(&self) -> NaiveDate {
        let today = self.now.with_timezone(&self.ws.offset()).date_naive();
        if let Some(midnight) = today.succ_opt().and_then(|d| self.start_of(d)) {
            self.changes_at(midnight);
        }
        today
    }

    /// Whether the moment `at` has come (it is now or before).
    pub fn has_come(&self, at: Timestamp) -> bool {
        let come = at <= self.now;
        if !come {
            self.changes_at(at);
        }
        come
    }

    /// Whether the day `day` has come (it is today or before).
    pub fn day_has_come(&self, day: NaiveDate) -> bool {
        let today = self.now.with_timezone(&self.ws.offset()).date_naive();
        let come = day <= today;
        if !come && let Some(start) = self.start_of(day) {
            self.changes_at(start);
        }
        come
    }

    /// The customer of a case.
    pub fn customer(&self, case: &Case) -> Option<&Loaded<Customer>> {
        case.file
            .as_ref()
            .and_then(|f| self.ws.customers.get(&f.customer.value))
    }

    /// The products a case concerns: the case's product, or those its visits name.
    pub fn products<'c>(&'c self, case: &'c Case) -> Vec<&'c Product> {
        let Some(customer) = self.customer(case) else {
            return Vec::new();
        };
        let mut serials: Vec<&str> = case
            .file
            .iter()
            .filter_map(|f| f.product.as_ref())
            .map(|p| p.value.as_str())
            .collect();
        if serials.is_empty() {
            serials = case
                .visits
                .iter()
                .flat_map(|v| v.products.iter().map(|p| p.value.as_str()))
                .collect();
        }
        customer
            .products
            .iter()
            .filter(|p| serials.contains(&p.serial.value.as_str()))
            .collect()
    }

    /// The fee arrangement recorded on the case.
    pub fn arrangement(&self, case: &Case) -> Option<FeeArrangement> {
        case.file
            .as_ref()
            .and_then(|f| f.fee.as_ref())
            .and_then(|f| FeeArrangement::parse(&f.value))
    }

    /// The agreement the case is served under, if any.
    pub fn agreement(&self, case: &Case) -> Option<&Agreement> {
        let Some(FeeArrangement::Agreement(id)) = self.arrangement(case) else {
            return None;
        };
        self.customer(case)?
            .agreements
            .iter()
            .find(|a| a.id.value == id)
    }
}

/// A rule of the procedure.
pub struct Rule {
    /// Its id: the clause number, or a name for the structural rules.
    pub id: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// What must hold, in one line.
    pub summary: &'static str,
    /// The check.
    pub check: fn(&Context, &Case, &mut Vec<Finding>),
}

/// Every rule that looks at one case, in the order of the procedure. (`schema` and most of
/// `layout` are found while reading; duplicate ids across cases by [`duplicate_ids`]; rule
/// `asset` by the whole-workspace run, which knows every case's visits.)
pub const RULES: &[Rule] = &[
    Rule {
        id: "layout",
        severity: Severity::Warning,
        summary: "attachments no larger than [attachments] max_mb in svc.toml (20 MB)",
        check: records::attachment_sizes,
    },
    Rule {
        id: "id",
        severity: Severity::Error,
        summary: "folder name = case id; ids well-formed",
        check: records::id,
    },
    Rule {
        id: "ref",
        severity: Severity::Error,
        summary: "customer, site, serial, people, catalog codes and agreements resolve",
        check: records::refs,
    },
    Rule {
        id: "asset",
        severity: Severity::Warning,
        summary: "a new case on a unit a visit replaced is told the serial installed in its place",
        check: asset::r_asset_replaced_unit,
    },
    Rule {
        id: "dates",
        severity: Severity::Error,
        summary: "times in procedure order and not in the future",
        check: records::dates,
    },
    Rule {
        id: "8.1",
        severity: Severity::Error,
        summary: "an accepted case records the fee arrangement; a case solved by phone says how",
        check: records::r8_1_accepted,
    },
    Rule {
        id: "8.1-plan",
        severity: Severity::Error,
        summary: "one case per plan occurrence and unit; a preventive case names a plan that exists (a warning)",
        check: plan::r8_1_plan_exists,
    },
    Rule {
        id: "8.2",
        severity: Severity::Error,
        summary: "assignees are engineers, assigned by the CSC or Sales",
        check: records::r8_2_assigned,
    },
    Rule {
        id: "state",
        severity: Severity::Error,
        summary: "a cancelled case says why",
        check: records::cancelled,
    },
    Rule {
        id: "7.1",
        severity: Severity::Error,
        summary: "a submitted task sheet states tasks, fault detail, customer situation, sites and dates",
        check: before_trip::r7_1_task_sheet_complete,
    },
    Rule {
        id: "7.2",
        severity: Severity::Error,
        summary: "the task sheet is signed by the CSC lead (and the sales lead when Sales assigned) before the trip; never by its preparer",
        check: before_trip::r7_2_task_sheet_signed,
    },
    Rule {
        id: "7.3",
        severity: Severity::Error,
        summary: "a cash advance only on or after the task sheet's approval",
        check: before_trip::r7_3_advance_after_approval,
    },
    Rule {
        id: "7.4",
        severity: Severity::Error,
        summary: "every flight approved by a manager before the leg",
        check: before_trip::r7_4_flights_approved,
    },
    Rule {
        id: "7.5",
        severity: Severity::Warning,
        summary: "two check-ins in every 7 days of travel",
        check: after_trip::r7_5_checkins,
    },
    Rule {
        id: "7.6",
        severity: Severity::Error,
        summary: "one visit record for every site visited",
        check: after_trip::r7_6_visit_per_site,
    },
    Rule {
        id: "7.7",
        severity: Severity::Error,
        summary: "customer confirmation on visit records (when required, and always with fees)",
        check: after_trip::r7_7_confirmation,
    },
    Rule {
        id: "7.8",
        severity: Severity::Warning,
        summary: "back at work the afternoon after a morning return, the next working morning after an afternoon return",
        check: after_trip::r7_8_return_to_work,
    },
    Rule {
        id: "8.5",
        severity: Severity::Error,
        summary: "billable hardware and software work appears on the fee list",
        check: fees::r8_5_work_on_fee_list,
    },
    Rule {
        id: "8.6",
        severity: Severity::Error,
        summary: "travel log and summary handed in for review",
        check: after_trip::r8_6_records_handed_in,
    },
    Rule {
        id: "5.1.6",
        severity: Severity::Error,
        summary: "a reviewed case carries the review of the CSC (or Sales for its own staff)",
        check: after_trip::r5_1_6_reviewed,
    },
    Rule {
        id: "5.1.7",
        severity: Severity::Warning,
        summary: "the response targets of the case's agreement (or svc.toml's [targets]) met: respond, on site, resolved",
        check: targets::r5_1_7_targets,
    },
    Rule {
        id: "9.1",
        severity: Severity::Error,
        summary: "charges only out of warranty, for non-product faults, or as an agreement allows",
        check: fees::r9_1_charges_allowed,
    },
    Rule {
        id: "9.2",
        severity: Severity::Error,
        summary: "a fee list with charges is signed by the customer and its collection recorded",
        check: fees::r9_2_signed_and_collected,
    },
    Rule {
        id: "9.3",
        severity: Severity::Error,
        summary: "catalog prices unless a reason is given; totals add up",
        check: fees::r9_3_prices_and_totals,
    },
];

/// The rule with an id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// Every finding of one case: what reading found, then every rule, tagged with the case id.
pub fn check_case(cx: &Context, case: &Case) -> Vec<Finding> {
    let mut findings = case.findings.clone();
    for rule in RULES {
        let start = findings.len();
        (rule.check)(cx, case, &mut findings);
        for f in &mut findings[start..] {
            f.severity = f.severity.max(rule.severity);
        }
    }
    let id = case.id().to_string();
    for f in &mut findings {
        f.case = Some(id.clone());
    }
    findings
}

/// The 7.9 check for an expense claim: the visit records and the summary must be there.
pub fn r7_9_expense_claim(case: &Case) -> Vec<Finding> {
    after_trip::r7_9_expense_claim(case)
}

/// Findings for case ids used by more than one folder, from (id, folder, where the id is
/// written) of every case.
pub fn duplicate_ids(
    cases: &[(String, std::path::PathBuf, crate::forms::finding::Location)],
) -> Vec<Finding> {
    let mut seen: std::collections::BTreeMap<&str, Vec<usize>> = std::collections::BTreeMap::new();
    for (i, (id, ..)) in cases.iter().enumerate() {
        seen.entry(id.as_str()).or_default().push(i);
    }
    let mut findings = Vec::new();
    for (id, users) in seen.into_iter().filter(|(_, u)| u.len() > 1) {
        for &i in &users {
            let location = &cases[i].2;
            let others: Vec<String> = users
                .iter()
                .filter(|&&j| j != i)
                .map(|&j| cases[j].1.display().to_string())
                .collect();
            let mut finding = Finding::error(
                "id",
                location.clone(),
                t!("rule-id-duplicate", case = id, others = others.join(", ")),
            )
            .hint(t!("rule-id-duplicate-hint"));
            finding.case = Some(id.to_string());
            findings.push(finding);
        }
    }
    findings
}

/// The approvals of one kind on a case.
fn approvals(case: &Case, kind: ApprovalKind) -> impl Iterator<Item = &crate::forms::Approval> {
    case.file
        .iter()
        .flat_map(|f| f.approvals.iter())
        .filter(move |a| a.kind.value == kind)
}

/// The state, when the case file was read.
fn state(case: &Case) -> Option<State> {
    case.state()
}

/// The moment the task sheet was finally approved (the last required signature).
fn task_sheet_approved_at(case: &Case) -> Option<Timestamp> {
    approvals(case, ApprovalKind::TaskSheet)
        .map(|a| a.at.value)
        .max()
}

/// What an approval of `kind` covers on the case as it is: the task sheet for a signature
/// on it or for a flight approval (7.2, 5.2.2, 7.4), every form for a review (5.1.6) — each
/// by its path in the case folder and the git object id of its content.
pub fn coverable(case: &Case, kind: ApprovalKind) -> BTreeMap<String, String> {
    match kind {
        ApprovalKind::Review => case.ids.clone(),
        ApprovalKind::TaskSheet | ApprovalKind::Flight => case
            .files
            .get(&FormKind::TaskSheet)
            .into_iter()
            .flatten()
            .take(1)
            .filter_map(|path| {
                let inner = case.inner_path(path);
                case.ids.get(&inner).map(|id| (inner, id.clone()))
            })
            .collect(),
    }
}

/// The files of the case whose content is not what `approval` covers (changed, added or
/// removed since), in path order; empty when it covers the case as it is. A flight
/// approval is judged by the flights it names instead ([`uncovered_flights`]).
pub fn changed_since(case: &Case, approval: &Approval) -> Vec<String> {
    let now = coverable(case, approval.kind.value);
    let mut paths: Vec<String> = now
        .iter()
        .filter(|(path, id)| approval.covers.get(path) != Some(id.as_str()))
        .map(|(path, _)| path.clone())
        .chain(
            approval
                .covers
                .iter()
                .filter(|(path, _)| !now.contains_key(*path))
                .map(|(path, _)| path.to_string()),
        )
        .collect();
    paths.sort();
    paths.dedup();
    paths
}

/// Whether `approval` covers the case as it is: it names what it approved, and that is
/// the content now (for a flight approval: every flight it names is still planned, and it
/// names the task sheet it approved them on).
pub fn covers_current(case: &Case, approval: &Approval) -> bool {
    if approval.covers.is_empty() {
        return false;
    }
    match approval.kind.value {
        ApprovalKind::Flight => !approval.flights.is_empty(),
        _ => changed_since(case, approval).is_empty(),
    }
}

/// Whether `approval` approves the case as it is printed: it covers the forms as they are
/// (a flight approval: it names every flight the task sheet plans). A form changed since
/// shows no signature over it.
pub fn approves_as_is(case: &Case, approval: &Approval) -> bool {
    match approval.kind.value {
        ApprovalKind::Flight => {
            !approval.covers.is_empty()
                && planned_flights(case)
                    .iter()
                    .all(|(label, _)| approval.flights.contains(label))
        }
        _ => covers_current(case, approval),
    }
}

/// The planned flights of the task sheet (as [`flight_label`] names them) with where each
/// is written.
pub fn planned_flights(case: &Case) -> Vec<(String, Location)> {
    let Some(sheet) = &case.task_sheet else {
        return Vec::new();
    };
    sheet
        .legs
        .iter()
        .filter(|l| l.mode.value == Transport::Flight)
        .map(|l| {
            (
                flight_label(l.date.value, &l.from, &l.to),
                sheet.at(l.mode.span),
            )
        })
        .collect()
}

/// The planned flights of the case that none of `approvals` names (7.4: a new flight
/// needs a new approval).
pub fn uncovered_flights(case: &Case, approvals: &[Approval]) -> Vec<(String, Location)> {
    planned_flights(case)
        .into_iter()
        .filter(|(label, _)| {
            !approvals.iter().any(|a| {
                a.kind.value == ApprovalKind::Flight
                    && !a.covers.is_empty()
                    && a.flights.contains(label)
            })
        })
        .collect()
}

/// The finding for an approval that names no content.
fn uncovering(rule: &'static str, file: &Loaded<crate::forms::CaseFile>, a: &Approval) -> Finding {
    Finding::error(
        rule,
        file.at(a.by.span),
        t!(
            "rule-approval-no-covers",
            person = &a.by.value,
            kind = a.kind.value.to_string(),
            at = a.at.value.format("%Y-%m-%d %H:%M").to_string()
        ),
    )
    .hint(t!("rule-approval-no-covers-hint"))
}

/// A non-empty text, trimmed.
fn filled(text: &Sp<String>) -> bool {
    !text.value.trim().is_empty()
}
