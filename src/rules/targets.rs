//! Response targets (5.1.7): what an agreement (or the company, in svc.toml) promises —
//! respond, be on site, resolve within so many working or calendar hours, by priority — and
//! each case's clocks against it: when each is due, when it was met, by how much.
//!
//! A clock starts when the request is received. `respond` stops at the first answer
//! (accepted for on-site service, or solved by phone); `arrive` at the first arrival on site
//! (only for a case accepted for on-site service); `resolve` when the case is solved: by
//! phone, at the end of the visit that resolved it, or when the work was completed. A
//! cancelled case's clocks that had not stopped are dropped. Working hours are counted on
//! the working calendar (working hours, holidays, make-up working days).
//!
//! A preventive case (opened for a maintenance plan's occurrence, `[plan]` in `case.toml`)
//! has no response targets: nobody called for it, and its date is the occurrence's.

use super::{Context, state};
use crate::forms::config::{Allowance, Hours, TargetTimes, Targets};
use crate::forms::decode::{Sp, Timestamp};
use crate::forms::finding::{Finding, Location};
use crate::forms::{FeeArrangement, Priority, State};
use crate::t;
use crate::workspace::Workspace;
use crate::workspace::case::Case;
use crate::workspace::index::{Reader, Writer};

/// One of the promises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Promise {
    /// Answered: accepted for on-site service or solved by phone.
    Respond,
    /// On site.
    Arrive,
    /// Solved.
    Resolve,
}

impl Promise {
    /// Every promise, in the order a case meets them.
    pub const ALL: [Promise; 3] = [Promise::Respond, Promise::Arrive, Promise::Resolve];

    /// Its keyword in svc.toml and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Promise::Respond => "respond",
            Promise::Arrive => "arrive",
            Promise::Resolve => "resolve",
        }
    }

    /// The promise named `name`.
    pub fn parse(name: &str) -> Option<Promise> {
        Promise::ALL.into_iter().find(|p| p.name() == name)
    }

    /// Its name in the current language.
    pub fn label(self) -> String {
        match self {
            Promise::Respond => t!("target-respond"),
            Promise::Arrive => t!("target-arrive"),
            Promise::Resolve => t!("target-resolve"),
        }
    }
}

/// Where a case's targets come from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "kebab-case")]
pub enum Source {
    /// The agreement the case is served under.
    Agreement(String),
    /// The company's default, `[targets]` in svc.toml.
    Company,
}

impl Source {
    /// Whose targets, in the current language ("agreement GZDX-…", "the company's targets").
    pub fn label(&self) -> String {
        match self {
            Source::Agreement(id) => t!("target-source-agreement", agreement = id.as_str()),
            Source::Company => t!("target-source-company"),
        }
    }
}

/// How a target counts time, in the current language.
pub fn hours_label(hours: Hours) -> String {
    match hours {
        Hours::Working => t!("target-working-hours"),
        Hours::Calendar => t!("target-calendar-hours"),
    }
}

/// Where a case stands against one promise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "standing", rename_all = "kebab-case")]
pub enum Standing {
    /// Met in time, with `margin` minutes to spare.
    Met { margin: i64 },
    /// Met, `late` minutes after it was due.
    MetLate { late: i64 },
    /// Not met, `left` minutes before it is due; `soon` when less than a quarter of the
    /// allowance is left.
    Running { left: i64, soon: bool },
    /// Not met and due `late` minutes ago.
    Overdue { late: i64 },
    /// Not met, the clock stopped while the case waits on the customer, `left` minutes of
    /// the allowance still to run when it resumes.
    Paused { left: i64 },
}

impl Standing {
    /// Whether the promise was broken (met late, or overdue).
    pub fn breached(self) -> bool {
        matches!(self, Standing::MetLate { .. } | Standing::Overdue { .. })
    }

    /// Minutes to spare (negative: late), when met or overdue; None while running.
    pub fn margin(self) -> Option<i64> {
        match self {
            Standing::Met { margin } => Some(margin),
            Standing::MetLate { late } | Standing::Overdue { late } => Some(-late),
            Standing::Running { .. } | Standing::Paused { .. } => None,
        }
    }
}

/// A case's clock for one promise: what it was given and when it stopped, from the
/// forms alone (where it stands depends on the moment asked: [`Deadline::standing`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Deadline {
    /// The promise.
    pub promise: Promise,
    /// What was promised, as written (`4h`).
    pub within: String,
    /// Working or calendar time.
    pub hours: Hours,
    /// The allowance in minutes of that time.
    #[serde(skip)]
    pub minutes: i64,
    /// When the clock started (the request received).
    pub started: Timestamp,
    /// When it is due.
    pub due: Timestamp,
    /// When it was met, if it was.
    pub met_at: Option<Timestamp>,
    /// Since when the clock stands, the case waiting on the customer (`svc hold`); `due` is
    /// then when it falls due if the case is resumed at that moment.
    pub paused_since: Option<Timestamp>,
    /// The minutes of that time the case waited on the customer before it was due or met,
    /// not counted against the allowance (5.1.7).
    pub held: i64,
}

impl Deadline {
    /// Where the promise stands at `now`.
    pub fn standing(&self, ws: &Workspace, now: Timestamp) -> Standing {
        let hours = self.hours;
        if let (Some(since), None) = (self.paused_since, self.met_at) {
            return Standing::Paused {
                left: minutes_between(ws, hours, since, self.due),
            };
        }
        match self.met_at {
            Some(at) if at <= self.due => Standing::Met {
                margin: minutes_between(ws, hours, at, self.due),
            },
            Some(at) => Standing::MetLate {
                late: minutes_between(ws, hours, self.due, at),
            },
            None if now > self.due => Standing::Overdue {
                late: minutes_between(ws, hours, self.due, now),
            },
            None => {
                let left = minutes_between(ws, hours, now, self.due);
                Standing::Running {
                    left,
                    soon: left * 4 < self.minutes,
                }
            }
        }
    }

    /// The deadline with where it stands at `now`.
    pub fn at(&self, ws: &Workspace, now: Timestamp) -> Clock {
        Clock {
            deadline: self.clone(),
            standing: self.standing(ws, now),
        }
    }

    /// The deadline as bytes, for the index.
    pub fn encode(&self, w: &mut Writer) {
        w.str(self.promise.name());
        w.str(&self.within);
        w.str(self.hours.as_str());
        w.u64(self.minutes.max(0) as u64);
        w.time(&self.started);
        w.time(&self.due);
        w.opt_time(self.met_at.as_ref());
        w.opt_time(self.paused_since.as_ref());
        w.u64(self.held.max(0) as u64);
    }

    /// The deadline read back from the index.
    pub fn decode(r: &mut Reader) -> Option<Deadline> {
        let promise = Promise::parse(&r.str()?)?;
        let within = r.str()?;
        let hours = Hours::parse(&r.str()?)?;
        let minutes = i64::try_from(r.u64()?).ok()?;
        Some(Deadline {
            promise,
            within,
            hours,
            minutes,
            started: r.time()?,
            due: r.time()?,
            met_at: r.opt_time()?,
            paused_since: r.opt_time()?,
            held: i64::try_from(r.u64()?).ok()?,
        })
    }
}

/// A deadline and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Clock {
    /// The deadline.
    #[serde(flatten)]
    pub deadline: Deadline,
    /// Where it stands.
    #[serde(flatten)]
    pub standing: Standing,
}

/// The targets that apply to a case: its agreement's when the agreement sets any, else the
/// company's; None when neither does, and for a preventive case (its date is its plan's).
pub fn targets_for<'w>(ws: &'w Workspace, case: &Case) -> Option<(Source, &'w Targets)> {
    if case.file.as_ref().is_some_and(|f| f.plan.is_some()) {
        return None;
    }
    let arrangement = case
        .file
        .as_ref()
        .and_then(|f| f.fee.as_ref())
        .or_else(|| case.request.as_ref()?.fee_arrangement.as_ref())
        .and_then(|f| FeeArrangement::parse(&f.value));
    if let Some(FeeArrangement::Agreement(id)) = arrangement {
        let customer = case
            .file
            .as_ref()
            .and_then(|f| ws.customers.get(&f.customer.value));
        let agreement = customer.and_then(|c| c.agreements.iter().find(|a| a.id.value == id));
        if let Some(targets) = agreement.and_then(|a| a.targets.as_ref()) {
            return Some((Source::Agreement(id), targets));
        }
    }
    let targets = ws.settings.as_ref()?.targets.as_ref()?;
    Some((Source::Company, targets))
}

/// The allowance for `promise` at `priority`: the priority's own, else the base one.
fn allowance(targets: &Targets, priority: Priority, promise: Promise) -> Option<&Sp<String>> {
    fn pick(t: &TargetTimes, promise: Promise) -> Option<&Sp<String>> {
        match promise {
            Promise::Respond => t.respond.as_ref(),
            Promise::Arrive => t.arrive.as_ref(),
            Promise::Resolve => t.resolve.as_ref(),
        }
    }
    let own = match priority {
        Priority::Urgent => targets.urgent.as_ref().and_then(|t| pick(t, promise)),
        Priority::High => targets.high.as_ref().and_then(|t| pick(t, promise)),
        Priority::Low => targets.low.as_ref().and_then(|t| pick(t, promise)),
        Priority::Normal => None,
    };
    own.or(match promise {
        Promise::Respond => targets.respond.as_ref(),
        Promise::Arrive => targets.arrive.as_ref(),
        Promise::Resolve => targets.resolve.as_ref(),
    })
}

/// The moment a case met `promise`, if it has.
fn met_at(case: &Case, promise: Promise) -> Option<Timestamp> {
    let file = case.file.as_ref()?;
    let tl = file.timeline.as_ref();
    let at = |t: Option<&Option<Sp<Timestamp>>>| t.and_then(|t| t.as_ref()).map(|t| t.value);
    match promise {
        Promise::Respond => [
            at(tl.map(|t| &t.accepted_at)),
            at(tl.map(|t| &t.resolved_at)),
        ]
        .into_iter()
        .flatten()
        .min(),
        Promise::Arrive => case.visits.iter().map(|v| v.arrived_at.value).min(),
        Promise::Resolve => {
            let visit = case
                .visits
                .iter()
                .filter(|v| v.resolved)
                .map(|v| v.left_at.value)
                .min();
            at(tl.map(|t| &t.resolved_at))
                .or(visit)
                .or(at(tl.map(|t| &t.completed_at)))
        }
    }
}

/// Whether `promise` applies to the case: arriving only to a case accepted for on-site
/// service and not solved by phone.
fn applies(case: &Case, promise: Promise) -> bool {
    let Some(file) = &case.file else { return false };
    match promise {
        Promise::Respond | Promise::Resolve => true,
        Promise::Arrive => {
            let tl = file.timeline.as_ref();
            tl.is_none_or(|t| t.resolved_at.is_none())
                && (tl.is_some_and(|t| t.accepted_at.is_some())
                    || case.request.as_ref().is_some_and(|r| r.onsite_needed))
        }
    }
}

/// Minutes from `from` to `to` in the time `hours` counts (negative when `to` is earlier).
fn minutes_between(ws: &Workspace, hours: Hours, from: Timestamp, to: Timestamp) -> i64 {
    match hours {
        Hours::Calendar => (to - from).num_minutes(),
        Hours::Working => {
            let local = |t: Timestamp| t.with_timezone(&ws.offset()).naive_local();
            let calendar = ws.calendar();
            if to >= from {
                calendar.working_minutes(local(from), local(to))
            } else {
                -calendar.working_minutes(local(to), local(from))
            }
        }
    }
}

/// `minutes` of the time `hours` counts after `start`.
fn after(ws: &Workspace, hours: Hours, start: Timestamp, minutes: i64) -> Option<Timestamp> {
    match hours {
        Hours::Calendar => Some(start + chrono::Duration::minutes(minutes)),
        Hours::Working => {
            let offset = ws.offset();
            let local = start.with_timezone(&offset).naive_local();
            let due = ws.calendar().add_working_minutes(local, minutes);
            due.and_local_timezone(offset).single()
        }
    }
}

/// The case's deadlines, in the order of [`Promise::ALL`]; empty when no targets apply or
/// the request is unreadable, and for a preventive case. A cancelled case keeps only the
/// deadlines it met.
pub fn deadlines(ws: &Workspace, case: &Case) -> Vec<Deadline> {
    let (Some(request), Some(file)) = (&case.request, &case.file) else {
        return Vec::new();
    };

    let Some((_, targets)) = targets_for(ws, case) else {
        return Vec::new();
    };
    let hours = targets.hours.unwrap_or(Hours::Working);
    let priority = request.priority.unwrap_or(Priority::Normal);
    let started = request.received_at.value;
    let cancelled = file.state.value == State::Cancelled;
    let holds: Vec<(Timestamp, Option<Timestamp>)> = if targets.pause_on_customer == Some(true) {
        file.holds
            .iter()
            .map(|h| (h.from.value, h.until.as_ref().map(|u| u.value)))
            .collect()
    } else {
        Vec::new()
    };
    let mut out = Vec::new();
    for promise in Promise::ALL {
        let Some(within) = allowance(targets, priority, promise) else {
            continue;
        };
        let Some(allowed) = Allowance::parse(&within.value) else {
            continue;
        };
        let met_at = met_at(case, promise);
        if !applies(case, promise) || (cancelled && met_at.is_none()) {
            continue;
        }
        let minutes = allowed.total_minutes(hours, ws.calendar().working_day_minutes());
        let Some(run) = run_clock(ws, hours, started, minutes, &holds, met_at) else {
            continue;
        };
        out.push(Deadline {
            promise,
            within: within.value.clone(),
            hours,
            minutes,
            started,
            due: run.due,
            met_at,
            paused_since: run.paused_since,
            held: run.held,
        });
    }
    out
}

/// A clock run from its start: when it falls due, since when it stands, how long it stood.
struct Run {
    due: Timestamp,
    paused_since: Option<Timestamp>,
    held: i64,
}

/// Run a clock of `minutes` from `start`, stopped during each hold (`until` none: still on
/// hold) that begins before it falls due and before `met_at`; a hold still open when the
/// promise was met ends there.
fn run_clock(
    ws: &Workspace,
    hours: Hours,
    start: Timestamp,
    minutes: i64,
    holds: &[(Timestamp, Option<Timestamp>)],
    met_at: Option<Timestamp>,
) -> Option<Run> {
    let mut holds: Vec<(Timestamp, Option<Timestamp>)> = holds
        .iter()
        .filter(|(from, _)| met_at.is_none_or(|m| *from < m))
        .map(|(from, until)| (*from, until.or(met_at)))
        .collect();
    holds.sort();
    let (mut cursor, mut left, mut held) = (start, minutes, 0);
    for (from, until) in holds {
        let from = from.max(cursor);
        let running = minutes_between(ws, hours, cursor, from).max(0);
        if running >= left {
            break;
        }
        left -= running;
        let Some(until) = until else {
            return Some(Run {
                due: after(ws, hours, from, left)?,
                paused_since: Some(from),
                held,
            });
        };
        if until > from {
            held += minutes_between(ws, hours, from, until);
            cursor = until;
        } else {
            cursor = from;
        }
    }
    Some(Run {
        due: after(ws, hours, cursor, left)?,
        paused_since: None,
        held,
    })
}

/// What to say at `svc hold` when the case's targets do not stop for it: the hold is
/// recorded, and the clocks run on.
pub fn hold_notices(ws: &Workspace, case: &Case) -> Vec<String> {
    match targets_for(ws, case) {
        Some((source, targets)) if targets.pause_on_customer != Some(true) => {
            vec![t!("target-hold-runs-on", whose = source.label())]
        }
        _ => Vec::new(),
    }
}

/// The case's clocks at `now`.
pub fn clocks(ws: &Workspace, case: &Case, now: Timestamp) -> Vec<Clock> {
    deadlines(ws, case).iter().map(|d| d.at(ws, now)).collect()
}

/// What a list says of a case's targets at `now`: each promise overdue, due soon or met
/// late, or paused, most pressing first; empty when all are met in time or running with time
/// to spare.
pub fn flags(ws: &Workspace, deadlines: &[Deadline], now: Timestamp) -> String {
    let offset = ws.offset();
    let show = |t: Timestamp| t.with_timezone(&offset).format("%m-%d %H:%M").to_string();
    let mut flags: Vec<(u8, Timestamp, String)> = Vec::new();
    for d in deadlines {
        let promise = d.promise.label();
        match d.standing(ws, now) {
            Standing::Overdue { .. } => flags.push((
                0,
                d.due,
                t!("target-flag-overdue", promise = promise, due = show(d.due)),
            )),
            Standing::Running { left, soon: true } => flags.push((
                1,
                d.due,
                t!(
                    "target-flag-soon",
                    promise = promise,
                    due = show(d.due),
                    left = say_minutes(left)
                ),
            )),
            Standing::Paused { left } => flags.push((
                3,
                d.due,
                t!(
                    "target-flag-paused",
                    promise = promise,
                    left = say_minutes(left)
                ),
            )),
            Standing::MetLate { late } => flags.push((
                2,
                d.due,
                t!(
                    "target-flag-late",
                    promise = promise,
                    late = say_minutes(late)
                ),
            )),
            _ => {}
        }
    }
    flags.sort();
    flags
        .into_iter()
        .map(|(_, _, text)| text)
        .collect::<Vec<_>>()
        .join("; ")
}

/// A span of minutes as people say it: `2 h 05 min`, `45 min`, `3 d 2 h` (calendar days of
/// 24 hours; working time is said in hours).
pub fn say_minutes(minutes: i64) -> String {
    let minutes = minutes.abs();
    let (hours, rest) = (minutes / 60, minutes % 60);
    if hours == 0 {
        t!("target-minutes", minutes = rest)
    } else if rest == 0 {
        t!("target-hours", hours = hours)
    } else {
        t!("target-hours-minutes", hours = hours, minutes = rest)
    }
}

/// 5.1.7: each response target of the case's agreement (or the company's) met in time. A
/// promise met late, or overdue now, is a warning; the engineer may say why in the
/// summary's `delay_reason`.
pub fn r5_1_7_targets(cx: &Context, case: &Case, out: &mut Vec<Finding>) {
    let (Some(file), Some(_)) = (&case.file, state(case)) else {
        return;
    };
    let Some((source, _)) = targets_for(cx.ws, case) else {
        return;
    };
    let now = cx.now();
    let clocks = clocks(cx.ws, case, now);
    let reason = case
        .summary
        .as_ref()
        .and_then(|s| s.delay_reason.as_ref().map(|r| r.value.clone()));
    let whose = source.label();
    let offset = cx.ws.offset();
    let show = |t: Timestamp| {
        t.with_timezone(&offset)
            .format("%Y-%m-%d %H:%M")
            .to_string()
    };
    for clock in &clocks {
        let (standing, clock) = (clock.standing, &clock.deadline);
        let hours = hours_label(clock.hours);
        let message = match standing {
            Standing::MetLate { late } => t!(
                "rule-5-1-7-late",
                promise = clock.promise.label(),
                within = clock.within.as_str(),
                hours = hours,
                whose = whose.as_str(),
                due = show(clock.due),
                met = clock.met_at.map(show).unwrap_or_default(),
                late = say_minutes(late)
            ),
            // Not how late: that changes every minute, the finding only when the promise
            // is met.
            Standing::Overdue { .. } => t!(
                "rule-5-1-7-overdue",
                promise = clock.promise.label(),
                within = clock.within.as_str(),
                hours = hours,
                whose = whose.as_str(),
                due = show(clock.due)
            ),
            Standing::Running { .. } => {
                // The answer changes when the clock runs out.
                let _ = cx.has_come(clock.due);
                continue;
            }
            // Nothing runs out while the clock stands.
            Standing::Met { .. } | Standing::Paused { .. } => continue,
        };
        let location = where_met(case, clock).unwrap_or_else(|| file.at(file.state.span));
        let mut finding = Finding::warning("5.1.7", location, message);
        finding = match &reason {
            Some(reason) => finding.hint(t!("rule-5-1-7-reason", reason = reason.as_str())),
            None => finding.hint(t!("rule-5-1-7-hint")),
        };
        out.push(finding);
    }
}

/// Where the moment a clock was met is written.
fn where_met(case: &Case, clock: &Deadline) -> Option<Location> {
    let at = clock.met_at?;
    let file = case.file.as_ref()?;
    let tl = file.timeline.as_ref()?;
    for t in [&tl.accepted_at, &tl.resolved_at, &tl.completed_at]
        .into_iter()
        .flatten()
    {
        if t.value == at {
            return Some(file.at(t.span));
        }
    }
    case.visits.iter().find_map(|v| {
        if v.arrived_at.value == at {
            Some(v.at(v.arrived_at.span))
        } else {
            (v.left_at.value == at).then(|| v.at(v.left_at.span))
        }
    })
}
