//! The monthly analysis of the service (8.7): what the CSC received, visited and closed in
//! a month, how fast, at what cost, and what the engineers suggest.
//!
//! Every measure is computed from committed data (see [`super::snapshot`]) and from the
//! `[timeline]` of each `case.toml` (which `svc check` guarantees matches the commits), in
//! the workspace's time zone. The month runs from the 1st at 00:00 to the 1st of the next
//! month at 00:00; "at month end" means the earlier of that end and now (`as_of`).
//!
//! Which cases count for which measure — each measure counts the cases whose *event* falls
//! in the month, so a month's numbers are final once it is over:
//!
//! | measure | the cases counted |
//! | --- | --- |
//! | `cases.received` | the request was received in the month (`request.received_at`, else `opened_at`) |
//! | `cases.resolved_remotely` | `timeline.resolved_at` in the month |
//! | `cases.visited` | a visit record's `arrived_at` in the month |
//! | `cases.closed` | reached an end in the month: `archived_at`, `resolved_at` or `cancelled_at` |
//! | `cases.cancelled` | `cancelled_at` in the month |
//! | `cases.open_by_state` | opened by month end and not closed then; state at month end from the timeline |
//! | `response_hours` | first arrival on site (earliest visit `arrived_at`) in the month: received → first arrival |
//! | `resolution_hours` | `completed_at` in the month: received → completed |
//! | `first_time_fix_rate` | `completed_at` in the month, with visit records: every site visited once, every visit resolved |
//! | `repeat_visits` | first arrival in the month, and the same serial visited in another case within the 90 days before; or received in the month, reopening another case (`reopened`) |
//! | `work`, `fees` | `completed_at` in the month: fee arrangement; fee list totals (unit price × qty) and payments |
//! | `work.planned`, `work.corrective` | received in the month, and `completed_at` in the month: preventive (`[plan]` in `case.toml`) or not |
//! | `parts` | parts replaced on visits arriving in the month |
//! | `faults`, `suggestions` | records handed in (`handed_in_at`, 8.6) in the month: the summary's category and suggestions |
//! | `travel` | trips (departure to return home, as rule 7.5 sees them) with days in the month; flight legs dated in the month |
//! | `checkins` | the 7-day stretches of trips (rule 7.5) starting in the month |
//! | `return_to_work` | travel logs with `back_home_at` in the month (rule 7.8) |
//! | `targets` | response-target deadlines (5.1.7) due in the month, as they stood at month end: a promise met after `as_of` counts as not met then |
//! | `case_list` | cases received in the month or with any of the events above in it |
//!
//! Medians are the middle value (the mean of the two middle values for an even count); the
//! 90th percentile is the nearest rank (the value at position ⌈0.9 n⌉ of the sorted list).
//! Hours are rounded to one decimal, rates to four, margins to the minute; money is a
//! decimal string.

use super::charts;
use super::names;
use super::snapshot::{Snapshot, SnapshotError};
use super::templates::{self, Format, Locale, TemplateError, Templates};
use crate::forms::config::{self, Role};
use crate::forms::decode::{Money, Timestamp};
use crate::forms::source::SourceFile;
use crate::forms::{ApprovalKind, CaseFile, FeeArrangement, State, Transport};
use crate::rules;
use crate::rules::targets::{self, Promise, Source, Standing};
use crate::workspace::Workspace;
use crate::workspace::case::{self, Case};
use crate::workspace::{decode_file, read_decode};
use chrono::{Datelike, Duration, FixedOffset, NaiveDate, TimeZone};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use tera::Context;

/// How far back a visit to the same serial makes a repeat visit.
pub const REPEAT_WINDOW_DAYS: i64 = 90;

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
}

impl Month {
    /// The month written `YYYY-MM`
    pub fn parse(text: &str) -> Option<Month> {
        let (y, m) = text.trim().split_once('-')?;
        if y.len() != 4 || m.len() != 2 {
            return None;
        }
        let month = Month {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
        };
        month.first_day().map(|_| month)
    }

    /// The month `t` falls in, in the time zone `offset`
    pub fn of(t: Timestamp, offset: FixedOffset) -> Month {
        let local = t.with_timezone(&offset);
        Month {
            year: local.year(),
            month: local.month(),
        }
    }

    /// The 1st of the month
    pub fn first_day(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month, 1)
    }

    /// The month after
    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// The first moment of the month in the time zone `offset`
    fn start(self, offset: FixedOffset) -> Option<Timestamp> {
        let day = self.first_day()?.and_hms_opt(0, 0, 0)?;
        offset.from_local_datetime(&day).single()
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// The cases a report for `month` needs, read in parallel from `snapshot`: every folder of
/// that month and before has its `case.toml` read; the whole folder is read only when the
/// case may count — it is not closed, or something happened to it since 90 days before the
/// month (the repeat-visit window), or its `case.toml` cannot be read. A case closed before
/// that adds nothing to any measure, so a report of one month costs little more than
/// reading the `case.toml` files, however long the history (and from a checkout, only the
/// folders needed are written out). `offset` is the workspace's time zone; `progress` is
/// told (done, total) as `case.toml` files are read
pub fn load_cases(
    snapshot: &Snapshot,
    month: Month,
    offset: FixedOffset,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Vec<Case>, SnapshotError> {
    let wanted = |y: i32, m: u32| Month { year: y, month: m } <= month;
    let dirs: Vec<PathBuf> = match snapshot.committed_case_dirs(&wanted)? {
        Some(dirs) => dirs,
        None => case::discover(&snapshot.root)
            .0
            .into_iter()
            .filter(|d| folder_month(d).is_none_or(|m| m <= month))
            .collect(),
    };
    let since = month
        .start(offset)
        .map(|t| t - Duration::days(REPEAT_WINDOW_DAYS));
    let total = dirs.len();
    let done = AtomicUsize::new(0);
    // The case.toml of a folder that comes from git is read from git: only the folders
    // needed are written out.
    let from_git: Vec<bool> = dirs.iter().map(|d| snapshot.from_git(d)).collect();
    let files: Vec<PathBuf> = dirs
        .iter()
        .zip(&from_git)
        .filter(|(_, git)| **git)
        .map(|(d, _)| d.join("case.toml"))
        .collect();
    let mut texts = snapshot.read_committed(&files).into_iter();
    let committed: Vec<Option<Option<String>>> = from_git
        .iter()
        .map(|git| git.then(|| texts.next().flatten()))
        .collect();
    let needed: Vec<PathBuf> = dirs
        .par_iter()
        .enumerate()
        .filter(|(i, dir)| {
            let mut findings = Vec::new();
            let rel = dir.join("case.toml");
            let file = match &committed[*i] {
                Some(text) => text.as_ref().and_then(|text| {
                    let source = SourceFile::new(&rel, text.clone());
                    decode_file::<CaseFile>(&source, &mut findings)
                }),
                None => read_decode::<CaseFile>(snapshot.case_root(dir), &rel, &mut findings)
                    .map(|l| l.value),
            };
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress(n, total);
            match (&file, since) {
                (Some(file), Some(since)) => {
                    !file.state.value.is_closed() || last_step(file) >= since
                }
                _ => true,
            }
        })
        .map(|(_, dir)| dir.clone())
        .collect();
    snapshot.check_out_dirs(&needed)?;
    Ok(needed
        .par_iter()
        .map(|dir| case::load(snapshot.case_root(dir), dir))
        .collect())
}

/// The latest moment recorded in a case file: its opening or a step of its timeline.
fn last_step(file: &CaseFile) -> Timestamp {
    let mut last = file.opened_at.value;
    if let Some(t) = &file.timeline {
        for step in [
            &t.accepted_at,
            &t.resolved_at,
            &t.assigned_at,
            &t.submitted_at,
            &t.approved_at,
            &t.started_at,
            &t.completed_at,
            &t.handed_in_at,
            &t.reviewed_at,
            &t.archived_at,
            &t.cancelled_at,
        ]
        .into_iter()
        .flatten()
        {
            last = last.max(step.value);
        }
    }
    last
}

/// The month of a case folder `cases/<yyyy>/<mm>/<id>`.
pub fn folder_month(dir: &std::path::Path) -> Option<Month> {
    let mut parts = dir.iter().rev().skip(1);
    let month = parts.next()?.to_str()?.parse().ok()?;
    let year = parts.next()?.to_str()?.parse().ok()?;
    Some(Month { year, month })
}

/// Median and 90th percentile of a list of durations, in hours.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Hours {
    /// How many durations.
    pub count: usize,
    /// The median, in hours (null when there are none).
    pub median: Option<f64>,
    /// The 90th percentile (nearest rank), in hours.
    pub p90: Option<f64>,
}

impl Hours {
    /// The statistics of `seconds`
    pub fn of(seconds: &[i64]) -> Hours {
        let mut sorted = seconds.to_vec();
        sorted.sort_unstable();
        let n = sorted.len();
        if n == 0 {
            return Hours::default();
        }
        let median = if n % 2 == 1 {
            sorted[n / 2] as f64
        } else {
            (sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0
        };
        let rank = (9 * n).div_ceil(10).max(1);
        Hours {
            count: n,
            median: Some(hours(median)),
            p90: Some(hours(sorted[rank - 1] as f64)),
        }
    }
}

fn hours(seconds: f64) -> f64 {
    (seconds / 360.0).round() / 10.0
}

fn rate(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| (part as f64 / whole as f64 * 10_000.0).round() / 10_000.0)
}

/// The number of cases in each flow of the month.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    /// Requests received in the month.
    pub received: usize,
    /// Cases resolved by phone in the month.
    pub resolved_remotely: usize,
    /// Cases with a visit on site in the month.
    pub visited: usize,
    /// Cases that reached an end (archived, resolved by phone, cancelled) in the month.
    pub closed: usize,
    /// Cases cancelled in the month.
    pub cancelled: usize,
    /// Cases open at month end, by state (every open state, in procedure order).
    pub open_by_state: Map<String, Value>,
    /// Cases open at month end.
    pub open: usize,
}

/// First-time fixes among the cases completed in the month.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FirstTimeFix {
    /// Cases completed in the month with visit records.
    pub completed: usize,
    /// Of those, fixed on the first visit.
    pub fixed: usize,
}

/// A case whose product was visited in another case within 90 days before.
#[derive(Debug, Clone, Serialize)]
pub struct RepeatVisit {
    /// The case.
    pub case: String,
    /// The serial visited twice.
    pub serial: String,
    /// Its model.
    pub model: Option<String>,
    /// The customer id.
    pub customer: String,
    /// The customer's name.
    pub customer_name: String,
    /// The customer's name in English, when its file gives one.
    pub customer_name_en: Option<String>,
    /// The earlier case.
    pub previous_case: String,
    /// Days between the earlier visit and this case's first arrival.
    pub days: i64,
    /// The case reopens the earlier one (`svc reopen`): the fault came back, visited or not.
    pub reopened: bool,
}

/// Times and counts of one engineer or customer.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Group {
    /// The person's or customer's id.
    pub id: String,
    /// The name.
    pub name: String,
    /// The customer's name in English, when its file gives one (none for engineers).
    pub name_en: Option<String>,
    /// Requests received in the month (customers only; 0 for engineers).
    pub received: usize,
    /// Cases visited in the month.
    pub visited: usize,
    /// Response times of the cases first on site in the month.
    pub response_hours: Hours,
    /// Resolution times of the cases completed in the month.
    pub resolution_hours: Hours,
    /// Cases completed in the month with visit records.
    pub completed: usize,
    /// Of those, fixed on the first visit.
    pub fixed_first_time: usize,
    /// Fees charged on cases completed in the month.
    pub charged: Money,
    /// Fees collected on them.
    pub collected: Money,
}

/// How many summaries of one product model name one fault category.
#[derive(Debug, Clone, Serialize)]
pub struct Fault {
    /// The product model ("" when the case names no known product).
    pub model: String,
    /// The fault category.
    pub category: String,
    /// How many cases.
    pub count: usize,
}

/// Work under one fee arrangement.
#[derive(Debug, Clone, Default, Serialize)]
pub struct WorkKind {
    /// Cases completed in the month.
    pub cases: usize,
    /// Fees charged on them.
    pub charged: Money,
}

/// Warranty against billable work, among the cases completed in the month.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Work {
    /// Free under warranty.
    pub warranty: WorkKind,
    /// Billable.
    pub billable: WorkKind,
    /// Under an after-sales agreement.
    pub agreement: WorkKind,
    /// No fee arrangement recorded.
    pub unknown: WorkKind,
    /// Preventive maintenance: the cases opened for a plan's occurrence.
    pub planned: WorkCount,
    /// Corrective: every other case.
    pub corrective: WorkCount,
}

/// Planned or corrective work: the cases received and those completed in the month.
#[derive(Debug, Clone, Default, Serialize)]
pub struct WorkCount {
    /// Cases received in the month.
    pub received: usize,
    /// Cases completed in the month.
    pub completed: usize,
}

/// Fees of one customer.
#[derive(Debug, Clone, Serialize)]
pub struct CustomerFees {
    /// The customer id.
    pub customer: String,
    /// The name.
    pub name: String,
    /// The name in English, when the customer's file gives one.
    pub name_en: Option<String>,
    /// Charged.
    pub charged: Money,
    /// Collected.
    pub collected: Money,
}

/// Fees charged and collected.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Fees {
    /// The fee lists' totals (unit price × quantity) of the cases completed in the month.
    pub charged: Money,
    /// The payments recorded on those fee lists.
    pub collected: Money,
    /// By customer, largest charge first.
    pub by_customer: Vec<CustomerFees>,
}

/// A part used.
#[derive(Debug, Clone, Serialize)]
pub struct PartUsed {
    /// Catalog code.
    pub code: String,
    /// Name from the catalog ("" when unknown).
    pub name: String,
    /// English name from the catalog, when given.
    pub name_en: Option<String>,
    /// Total quantity.
    pub qty: u64,
}

/// A flight leg and its approval (7.4).
#[derive(Debug, Clone, Serialize)]
pub struct Flight {
    /// The case.
    pub case: String,
    /// The leg's date.
    pub date: NaiveDate,
    /// From.
    pub from: String,
    /// To.
    pub to: String,
    /// Planned on the task sheet (no travel log yet) rather than travelled.
    pub planned: bool,
    /// Whether a manager approved flying on or before the leg's date.
    pub approved: bool,
    /// Who approved (the first such approval): the person's id.
    pub approved_by: Option<String>,
    /// Their name.
    pub approved_by_name: Option<String>,
}

/// Travel in the month.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Travel {
    /// Trips with days in the month.
    pub trips: usize,
    /// Days of those trips in the month (departure and return days included).
    pub days: i64,
    /// Days × travellers.
    pub person_days: i64,
    /// Flight legs dated in the month.
    pub flights: Vec<Flight>,
    /// How many of them were approved in time.
    pub flights_approved: usize,
}

/// Check-ins while travelling (7.5).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Checkins {
    /// Stretches of 7 days (or a shorter last one) starting in the month.
    pub weeks: usize,
    /// Those with the check-ins rule 7.5 asks for (2 a week; a share of them for a shorter
    /// last stretch).
    pub compliant: usize,
    /// compliant ÷ weeks (null without travel).
    pub compliance: Option<f64>,
}

/// Return to work after trips (7.8).
#[derive(Debug, Clone, Default, Serialize)]
pub struct ReturnToWork {
    /// Trips ending (back home) in the month.
    pub returns: usize,
    /// Back at work by the time 7.8 sets.
    pub on_time: usize,
    /// Back later.
    pub late: usize,
    /// Not recorded.
    pub unknown: usize,
    /// on_time ÷ (on_time + late) (null when none is known).
    pub compliance: Option<f64>,
}

/// Deadlines met, broken and not yet due, and how much time was to spare (5.1.7).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Tally {
    /// Met in time.
    pub met: usize,
    /// Broken: met late, or not met by month end though due.
    pub breached: usize,
    /// Not met at month end and not yet due then.
    pub open: usize,
    /// The median margin of the met and breached ones, in whole minutes of the time each
    /// target counts (negative: late); null when there are none.
    pub median_margin: Option<i64>,
}

/// The compliance of one customer or engineer.
#[derive(Debug, Clone, Serialize)]
pub struct TargetGroup {
    /// The customer's or person's id.
    pub id: String,
    /// The name.
    pub name: String,
    /// The customer's name in English, when its file gives one (none for engineers).
    pub name_en: Option<String>,
    /// Its deadlines.
    #[serde(flatten)]
    pub tally: Tally,
}

/// The compliance of the cases under one agreement's targets, or the company's.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementTally {
    /// The agreement's id; null for the company's targets in `svc.toml`.
    pub id: Option<String>,
    /// Its deadlines.
    #[serde(flatten)]
    pub tally: Tally,
}

/// A promise broken (5.1.7).
#[derive(Debug, Clone, Serialize)]
pub struct Breach {
    /// The case.
    pub case: String,
    /// The customer id.
    pub customer: String,
    /// The customer's name.
    pub customer_name: String,
    /// The customer's name in English, when its file gives one.
    pub customer_name_en: Option<String>,
    /// The agreement whose targets apply; null for the company's.
    pub agreement: Option<String>,
    /// The promise: respond, arrive or resolve.
    pub promise: Promise,
    /// What was promised, as written (`4d`).
    pub within: String,
    /// Counted in working or calendar time.
    pub hours: config::Hours,
    /// When it was due.
    pub due: Timestamp,
    /// When it was met; null when it was not met by month end.
    pub met_at: Option<Timestamp>,
    /// Minutes late, of the time the target counts: until it was met, else until month end.
    pub late: i64,
    /// Why, as the engineer wrote in the summary (`delay_reason`).
    pub delay_reason: Option<String>,
}

/// Response targets (5.1.7): the deadlines due in the month, as they stood at month end.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TargetCompliance {
    /// Every deadline due in the month.
    pub total: Tally,
    /// Answering: accepted for on-site service or solved by phone.
    pub respond: Tally,
    /// Being on site.
    pub arrive: Tally,
    /// Solving.
    pub resolve: Tally,
    /// By customer, by id.
    pub by_customer: Vec<TargetGroup>,
    /// By the agreement whose targets apply, by id; the company's targets last.
    pub by_agreement: Vec<AgreementTally>,
    /// By engineer (assignee), by id.
    pub by_engineer: Vec<TargetGroup>,
    /// The promises broken, by time due.
    pub breaches: Vec<Breach>,
}

impl TargetCompliance {
    /// The tally of `promise`.
    pub fn of(&self, promise: Promise) -> &Tally {
        match promise {
            Promise::Respond => &self.respond,
            Promise::Arrive => &self.arrive,
            Promise::Resolve => &self.resolve,
        }
    }
}

/// An engineer's suggestion to the CSC (8.6).
#[derive(Debug, Clone, Serialize)]
pub struct Suggestion {
    /// The case.
    pub case: String,
    /// The customer id.
    pub customer: String,
    /// The customer's name.
    pub customer_name: String,
    /// The customer's name in English, when its file gives one.
    pub customer_name_en: Option<String>,
    /// The product model (the serial when the model is unknown; "" when none).
    pub product: String,
    /// The serial.
    pub serial: Option<String>,
    /// The suggestion.
    pub text: String,
}

/// One case of the month, for the table and the CSV.
#[derive(Debug, Clone, Serialize)]
pub struct CaseRow {
    /// The case id.
    pub case: String,
    /// Its title.
    pub title: String,
    /// The customer id.
    pub customer: String,
    /// The customer's name.
    pub customer_name: String,
    /// The customer's name in English, when its file gives one.
    pub customer_name_en: Option<String>,
    /// The product serial.
    pub serial: Option<String>,
    /// The product model.
    pub model: Option<String>,
    /// State at month end.
    pub state: State,
    /// Request received.
    pub received_at: Timestamp,
    /// First arrival on site.
    pub first_arrival_at: Option<Timestamp>,
    /// Work completed.
    pub completed_at: Option<Timestamp>,
    /// Closed (archived, resolved by phone, cancelled).
    pub closed_at: Option<Timestamp>,
    /// Hours from request to first arrival.
    pub response_hours: Option<f64>,
    /// Hours from request to completion.
    pub resolution_hours: Option<f64>,
    /// Fee arrangement: warranty, billable, agreement:ID.
    pub fee: Option<String>,
    /// The fee list's total.
    pub charged: Option<Money>,
    /// The payment recorded.
    pub collected: Option<Money>,
    /// Assigned engineers (ids).
    pub engineers: Vec<String>,
    /// Their names, in the same order (the id of one `people.toml` does not list).
    pub engineer_names: Vec<String>,
    /// Visit records.
    pub visits: usize,
    /// Fixed on the first visit (null without visit records).
    pub first_time_fix: Option<bool>,
    /// The summary's fault category.
    pub fault_category: Option<String>,
    /// The summary's outcome.
    pub outcome: Option<String>,
    /// A repeat visit of the same serial.
    pub repeat: bool,
}

/// A week of the month in the cases-per-week chart.
#[derive(Debug, Clone, Serialize)]
pub struct WeekCount {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
    /// Received that week and resolved by phone.
    pub remote: usize,
    /// Received that week and gone on site by month end.
    pub visited: usize,
    /// Received that week and cancelled.
    pub cancelled: usize,
    /// Received that week and still waiting for a visit at month end.
    pub open: usize,
}

/// The monthly analysis (the JSON of `svc report monthly --format json`, documented in
/// the README).
#[derive(Debug, Clone, Serialize)]
pub struct Monthly {
    /// The month, YYYY-MM.
    pub month: String,
    /// The commit the data is from.
    pub commit: String,
    /// Whether the working tree had uncommitted changes (left out).
    pub dirty: bool,
    /// The company's name.
    pub company: String,
    /// The company's name in English, when `svc.toml` gives it.
    pub company_en: Option<String>,
    /// The workspace's time zone.
    pub timezone: String,
    /// The month's first moment.
    pub from: Timestamp,
    /// The next month's first moment.
    pub to: Timestamp,
    /// "Month end": the earlier of `to` and now.
    pub as_of: Timestamp,
    /// Case folders that could not be read (left out; `svc validate` says why).
    pub unreadable: Vec<String>,
    /// Counts.
    pub cases: Counts,
    /// Request → first arrival on site.
    pub response_hours: Hours,
    /// Request → completed.
    pub resolution_hours: Hours,
    /// Fixed first time.
    pub first_time_fix: FirstTimeFix,
    /// fixed ÷ completed (null when none was completed).
    pub first_time_fix_rate: Option<f64>,
    /// Repeat visits.
    pub repeat_visits: Vec<RepeatVisit>,
    /// By engineer (assignee), by id.
    pub by_engineer: Vec<Group>,
    /// By customer, by id.
    pub by_customer: Vec<Group>,
    /// Fault categories by product model, most frequent first.
    pub faults: Vec<Fault>,
    /// Warranty against billable work.
    pub work: Work,
    /// Fees.
    pub fees: Fees,
    /// Parts used, most used first.
    pub parts: Vec<PartUsed>,
    /// Travel.
    pub travel: Travel,
    /// Check-ins (7.5).
    pub checkins: Checkins,
    /// Return to work (7.8).
    pub return_to_work: ReturnToWork,
    /// Response targets (5.1.7).
    pub targets: TargetCompliance,
    /// Suggestions, by customer, product and case.
    pub suggestions: Vec<Suggestion>,
    /// Cases received in the month per week (days 1–7, 8–14, …), by outcome at month end.
    pub weeks: Vec<WeekCount>,
    /// The cases of the month, by time received.
    pub case_list: Vec<CaseRow>,
}

/// What one case contributes, worked out once.
struct Facts<'c> {
    case: &'c Case,
    id: String,
    title: String,
    customer: String,
    customer_name: String,
    customer_name_en: Option<String>,
    serials: Vec<String>,
    serial: Option<String>,
    model: Option<String>,
    opened: Timestamp,
    received: Timestamp,
    arrivals: Vec<Timestamp>,
    first_arrival: Option<Timestamp>,
    completed: Option<Timestamp>,
    resolved: Option<Timestamp>,
    cancelled: Option<Timestamp>,
    closed: Option<Timestamp>,
    handed_in: Option<Timestamp>,
    state: State,
    engineers: Vec<String>,
    engineer_names: Vec<String>,
    fee: Option<FeeArrangement>,
    charged: Option<Money>,
    collected: Option<Money>,
    first_time_fix: Option<bool>,
    planned: bool,
}

/// The case a case reopens, if it reopens one.
fn reopened<'f>(f: &'f Facts) -> Option<&'f str> {
    let file = f.case.file.as_ref()?;
    file.reopens.as_ref().map(|r| r.value.as_str())
}

/// Seconds from the request to the first arrival on site.
fn response(f: &Facts) -> Option<i64> {
    f.first_arrival.map(|a| (a - f.received).num_seconds())
}

/// Seconds from the request to the work completed.
fn resolution(f: &Facts) -> Option<i64> {
    f.completed.map(|c| (c - f.received).num_seconds())
}

/// The row of one case in the case list.
fn case_row(f: &Facts, offset: FixedOffset, repeat: bool) -> CaseRow {
    CaseRow {
        case: f.id.clone(),
        title: f.title.clone(),
        customer: f.customer.clone(),
        customer_name: f.customer_name.clone(),
        customer_name_en: f.customer_name_en.clone(),
        serial: f.serial.clone(),
        model: f.model.clone(),
        state: f.state,
        received_at: f.received.with_timezone(&offset),
        first_arrival_at: f.first_arrival.map(|t| t.with_timezone(&offset)),
        completed_at: f.completed.map(|t| t.with_timezone(&offset)),
        closed_at: f.closed.map(|t| t.with_timezone(&offset)),
        response_hours: response(f).map(|s| hours(s as f64)),
        resolution_hours: resolution(f).map(|s| hours(s as f64)),
        fee: f.fee.as_ref().map(ToString::to_string),
        charged: f.charged,
        collected: f.collected,
        engineers: f.engineers.clone(),
        engineer_names: f.engineer_names.clone(),
        visits: f.case.visits.len(),
        first_time_fix: f.first_time_fix,
        fault_category: f
            .case
            .summary
            .as_ref()
            .map(|s| s.fault_category.as_str().to_owned()),
        outcome: f
            .case
            .summary
            .as_ref()
            .map(|s| s.outcome.as_str().to_owned()),
        repeat,
    }
}

/// Every readable case of `cases` as a row of the case list, as it stands at `now`, in
/// the order given (for `svc export cases`). A case is a repeat visit when another case
/// visited one of its serials within 90 days before its first arrival, as in the monthly
/// analysis.
pub fn case_rows(ws: &Workspace, cases: &[Case], now: Timestamp) -> Vec<CaseRow> {
    let offset = ws.offset();
    let facts: Vec<Facts> = cases.iter().filter_map(|c| facts(ws, c, now)).collect();
    // Every arrival at each serial, in time order.
    let mut arrivals: BTreeMap<&str, Vec<(Timestamp, &str)>> = BTreeMap::new();
    for f in &facts {
        for serial in &f.serials {
            for a in &f.arrivals {
                arrivals
                    .entry(serial)
                    .or_default()
                    .push((*a, f.id.as_str()));
            }
        }
    }
    for list in arrivals.values_mut() {
        list.sort();
    }
    facts
        .iter()
        .map(|f| {
            let repeat = reopened(f).is_some()
                || f.first_arrival.is_some_and(|first| {
                    f.serials.iter().any(|serial| {
                        let list = &arrivals[serial.as_str()];
                        let before = list.partition_point(|(a, _)| *a < first);
                        list[..before].iter().rev().any(|(a, id)| {
                            *id != f.id && first - *a <= Duration::days(REPEAT_WINDOW_DAYS)
                        })
                    })
                });
            case_row(f, offset, repeat)
        })
        .collect()
}

/// The analysis of `month` from the commit `rev` names (HEAD and the work tree's committed
/// state when `None`), and the snapshot it was read from. No case folder is checked out at
/// once: only those the report needs are read. A report of an older commit is the report
/// as it was made right after that commit: trips still under way then end there, not at
/// `now`. `progress` is told how many cases are read of how many.
pub fn of_revision(
    root: &std::path::Path,
    rev: Option<&str>,
    month: Month,
    now: Timestamp,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<(Monthly, Snapshot), SnapshotError> {
    let snapshot = Snapshot::open(root, rev)?;
    let now = match rev {
        Some(_) => now.min(snapshot.commit_time),
        None => now,
    };
    let ws = Workspace::open(&snapshot.root);
    let cases = load_cases(&snapshot, month, ws.offset(), progress)?;
    let stamp = Stamp {
        commit: snapshot.commit.clone(),
        dirty: snapshot.dirty,
    };
    let report = analyse(&ws, &cases, month, now, &stamp);
    Ok((report, snapshot))
}

/// The stamp of the data a report is made from.
#[derive(Debug, Clone)]
pub struct Stamp {
    /// The commit id.
    pub commit: String,
    /// Whether the working tree had uncommitted changes.
    pub dirty: bool,
}

/// The analysis of `month` over `cases` (as read by [`load_cases`]), at `now`
pub fn analyse(
    ws: &Workspace,
    cases: &[Case],
    month: Month,
    now: Timestamp,
    stamp: &Stamp,
) -> Monthly {
    let offset = ws.offset();
    let from = month.start(offset).unwrap_or(now);
    let to = month.next().start(offset).unwrap_or(now);
    let as_of = to.min(now).max(from);
    let in_month = |t: &Timestamp| *t >= from && *t < to;
    let in_month_opt = |t: &Option<Timestamp>| t.as_ref().is_some_and(in_month);
    let as_of_day = (as_of - Duration::seconds(1))
        .with_timezone(&offset)
        .date_naive()
        .max(from.with_timezone(&offset).date_naive());
    let first_day = from.with_timezone(&offset).date_naive();
    let last_day = (to - Duration::seconds(1))
        .with_timezone(&offset)
        .date_naive();

    let mut unreadable = Vec::new();
    let facts: Vec<Facts> = cases
        .iter()
        .filter_map(|case| {
            let f = facts(ws, case, as_of);
            if f.is_none() {
                unreadable.push(case.dir.display().to_string());
            }
            f
        })
        .filter(|f| f.opened <= as_of || f.received < to)
        .collect();

    // Counts.
    let mut counts = Counts::default();
    for state in OPEN_STATES {
        counts
            .open_by_state
            .insert(state.as_str().to_owned(), Value::from(0));
    }
    for f in &facts {
        counts.received += usize::from(in_month(&f.received));
        counts.resolved_remotely += usize::from(in_month_opt(&f.resolved));
        counts.visited += usize::from(f.arrivals.iter().any(in_month));
        counts.closed += usize::from(in_month_opt(&f.closed));
        counts.cancelled += usize::from(in_month_opt(&f.cancelled));
        if f.opened <= as_of && !f.state.is_closed() {
            counts.open += 1;
            if let Some(Value::Number(n)) = counts.open_by_state.get_mut(f.state.as_str()) {
                *n = (n.as_u64().unwrap_or(0) + 1).into();
            }
        }
    }

    let responding: Vec<&Facts> = facts
        .iter()
        .filter(|f| in_month_opt(&f.first_arrival))
        .collect();
    let completing: Vec<&Facts> = facts
        .iter()
        .filter(|f| in_month_opt(&f.completed))
        .collect();
    let response_hours = Hours::of(
        &responding
            .iter()
            .filter_map(|f| response(f))
            .collect::<Vec<_>>(),
    );
    let resolution_hours = Hours::of(
        &completing
            .iter()
            .filter_map(|f| resolution(f))
            .collect::<Vec<_>>(),
    );
    let first_time_fix = FirstTimeFix {
        completed: completing
            .iter()
            .filter(|f| f.first_time_fix.is_some())
            .count(),
        fixed: completing
            .iter()
            .filter(|f| f.first_time_fix == Some(true))
            .count(),
    };

    // Repeat visits: the latest visit to the same serial in another case, within 90 days
    // before this case's first arrival; and every case received in the month that reopens
    // another.
    let mut repeat_visits = Vec::new();
    for f in facts.iter().filter(|f| in_month(&f.received)) {
        let Some(old) = reopened(f) else { continue };
        let previous = facts.iter().find(|g| g.id == old);
        let then = previous.map_or(f.received, |g| {
            g.arrivals.iter().max().copied().unwrap_or(g.received)
        });
        let now = f.first_arrival.unwrap_or(f.received);
        let serial = f.serials.first().cloned().unwrap_or_default();
        repeat_visits.push(RepeatVisit {
            case: f.id.clone(),
            model: model_of(ws, &f.customer, &serial),
            serial,
            customer: f.customer.clone(),
            customer_name: f.customer_name.clone(),
            customer_name_en: f.customer_name_en.clone(),
            previous_case: old.to_string(),
            days: (now.with_timezone(&offset).date_naive()
                - then.with_timezone(&offset).date_naive())
            .num_days(),
            reopened: true,
        });
    }
    for f in responding.iter().filter(|f| reopened(f).is_none()) {
        let Some(first) = f.first_arrival else {
            continue;
        };
        let earlier = facts
            .iter()
            .filter(|g| g.id != f.id)
            .flat_map(|g| {
                g.serials
                    .iter()
                    .filter(|s| f.serials.contains(s))
                    .flat_map(move |s| g.arrivals.iter().map(move |a| (*a, s, g)))
            })
            .filter(|(a, _, _)| *a < first && (first - *a) <= Duration::days(REPEAT_WINDOW_DAYS))
            .max_by_key(|(a, _, _)| *a);
        if let Some((at, serial, g)) = earlier {
            let days = (first.with_timezone(&offset).date_naive()
                - at.with_timezone(&offset).date_naive())
            .num_days();
            repeat_visits.push(RepeatVisit {
                case: f.id.clone(),
                serial: serial.clone(),
                model: model_of(ws, &f.customer, serial),
                customer: f.customer.clone(),
                customer_name: f.customer_name.clone(),
                customer_name_en: f.customer_name_en.clone(),
                previous_case: g.id.clone(),
                days,
                reopened: false,
            });
        }
    }
    repeat_visits.sort_by(|a, b| a.case.cmp(&b.case));
    let repeated: BTreeSet<&str> = repeat_visits.iter().map(|r| r.case.as_str()).collect();

    // By engineer and by customer.
    let group_of = |members: &dyn Fn(&Facts) -> bool,
                    id: &str,
                    (name, name_en): (String, Option<String>)| {
        let responding: Vec<&Facts> = responding.iter().copied().filter(|f| members(f)).collect();
        let completing: Vec<&Facts> = completing.iter().copied().filter(|f| members(f)).collect();
        let all: Vec<&Facts> = facts.iter().filter(|f| members(f)).collect();
        Group {
            id: id.to_owned(),
            name,
            name_en,
            received: all.iter().filter(|f| in_month(&f.received)).count(),
            visited: all
                .iter()
                .filter(|f| f.arrivals.iter().any(in_month))
                .count(),
            response_hours: Hours::of(
                &responding
                    .iter()
                    .filter_map(|f| response(f))
                    .collect::<Vec<_>>(),
            ),
            resolution_hours: Hours::of(
                &completing
                    .iter()
                    .filter_map(|f| resolution(f))
                    .collect::<Vec<_>>(),
            ),
            completed: completing
                .iter()
                .filter(|f| f.first_time_fix.is_some())
                .count(),
            fixed_first_time: completing
                .iter()
                .filter(|f| f.first_time_fix == Some(true))
                .count(),
            charged: completing.iter().filter_map(|f| f.charged).sum(),
            collected: completing.iter().filter_map(|f| f.collected).sum(),
        }
    };
    let active = |f: &Facts| {
        in_month(&f.received)
            || f.arrivals.iter().any(in_month)
            || in_month_opt(&f.completed)
            || in_month_opt(&f.closed)
            || in_month_opt(&f.handed_in)
    };
    let engineers: BTreeSet<&str> = facts
        .iter()
        .filter(|f| f.arrivals.iter().any(in_month) || in_month_opt(&f.completed))
        .flat_map(|f| f.engineers.iter().map(String::as_str))
        .collect();
    let by_engineer: Vec<Group> = engineers
        .into_iter()
        .map(|e| {
            let name = (names::person(ws, e), None);
            let mut g = group_of(&|f: &Facts| f.engineers.iter().any(|x| x == e), e, name);
            g.received = 0;
            g
        })
        .collect();
    let customers: BTreeSet<&str> = facts
        .iter()
        .filter(|f| active(f))
        .map(|f| f.customer.as_str())
        .collect();
    let by_customer: Vec<Group> = customers
        .into_iter()
        .map(|c| group_of(&|f: &Facts| f.customer == c, c, names::customer(ws, c)))
        .collect();

    // Faults and suggestions: the summaries handed in this month.
    let handed_in: Vec<&Facts> = facts
        .iter()
        .filter(|f| in_month_opt(&f.handed_in))
        .collect();
    let mut fault_counts: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut suggestions = Vec::new();
    for f in &handed_in {
        let Some(summary) = &f.case.summary else {
            continue;
        };
        let model = f.model.clone().unwrap_or_default();
        *fault_counts
            .entry((model, summary.fault_category.as_str().to_owned()))
            .or_default() += 1;
        for text in summary.suggestions.iter().filter(|t| !t.trim().is_empty()) {
            suggestions.push(Suggestion {
                case: f.id.clone(),
                customer: f.customer.clone(),
                customer_name: f.customer_name.clone(),
                customer_name_en: f.customer_name_en.clone(),
                product: f
                    .model
                    .clone()
                    .or_else(|| f.serial.clone())
                    .unwrap_or_default(),
                serial: f.serial.clone(),
                text: text.trim().to_owned(),
            });
        }
    }
    let mut faults: Vec<Fault> = fault_counts
        .into_iter()
        .map(|((model, category), count)| Fault {
            model,
            category,
            count,
        })
        .collect();
    faults.sort_by(|a, b| b.count.cmp(&a.count).then(a.model.cmp(&b.model)));
    suggestions.sort_by(|a, b| {
        (&a.customer_name, &a.product, &a.case).cmp(&(&b.customer_name, &b.product, &b.case))
    });

    // Work and fees: the cases completed this month.
    let mut work = Work::default();
    let mut fees = Fees::default();
    let mut fees_by_customer: BTreeMap<&str, (Money, Money)> = BTreeMap::new();
    for f in facts.iter().filter(|f| in_month(&f.received)) {
        let count = if f.planned {
            &mut work.planned
        } else {
            &mut work.corrective
        };
        count.received += 1;
    }
    for f in &completing {
        let count = if f.planned {
            &mut work.planned
        } else {
            &mut work.corrective
        };
        count.completed += 1;
        let kind = match &f.fee {
            Some(FeeArrangement::Warranty) => &mut work.warranty,
            Some(FeeArrangement::Billable) => &mut work.billable,
            Some(FeeArrangement::Agreement(_)) => &mut work.agreement,
            None => &mut work.unknown,
        };
        kind.cases += 1;
        kind.charged = kind.charged + f.charged.unwrap_or_default();
        fees.charged = fees.charged + f.charged.unwrap_or_default();
        fees.collected = fees.collected + f.collected.unwrap_or_default();
        if f.charged.is_some() || f.collected.is_some() {
            let entry = fees_by_customer.entry(f.customer.as_str()).or_default();
            entry.0 = entry.0 + f.charged.unwrap_or_default();
            entry.1 = entry.1 + f.collected.unwrap_or_default();
        }
    }
    fees.by_customer = fees_by_customer
        .into_iter()
        .map(|(c, (charged, collected))| {
            let (name, name_en) = names::customer(ws, c);
            CustomerFees {
                customer: c.to_owned(),
                name,
                name_en,
                charged,
                collected,
            }
        })
        .collect();
    fees.by_customer
        .sort_by(|a, b| b.charged.cmp(&a.charged).then(a.customer.cmp(&b.customer)));

    // Parts replaced on visits this month.
    let mut part_counts: BTreeMap<&str, u64> = BTreeMap::new();
    for f in &facts {
        for visit in f
            .case
            .visits
            .iter()
            .filter(|v| in_month(&v.arrived_at.value))
        {
            for part in &visit.parts_replaced {
                *part_counts.entry(part.code.value.as_str()).or_default() += u64::from(part.qty.0);
            }
        }
    }
    let mut parts: Vec<PartUsed> = part_counts
        .into_iter()
        .map(|(code, qty)| {
            let known = ws.parts.get(code);
            PartUsed {
                code: code.to_owned(),
                name: known.map(|p| p.name.clone()).unwrap_or_default(),
                name_en: known.and_then(|p| p.name_en.clone()),
                qty,
            }
        })
        .collect();
    parts.sort_by(|a, b| b.qty.cmp(&a.qty).then(a.code.cmp(&b.code)));

    // Travel, check-ins and flights.
    let mut travel = Travel::default();
    let mut checkins = Checkins::default();
    for f in &facts {
        let weeks = rules::checkin_weeks(offset, f.case, as_of_day);
        for week in weeks
            .iter()
            .filter(|w| w.from >= first_day && w.from <= last_day)
        {
            checkins.weeks += 1;
            checkins.compliant += usize::from(week.met());
        }
        if let (Some(first), Some(last)) = (weeks.first(), weeks.last()) {
            let start = first.from.max(first_day);
            let end = last.to.min(last_day);
            if start <= end {
                let days = (end - start).num_days() + 1;
                let travellers = f
                    .case
                    .travel_log
                    .as_ref()
                    .map(|l| l.travellers.len())
                    .filter(|n| *n > 0)
                    .unwrap_or(f.engineers.len())
                    .max(1);
                travel.trips += 1;
                travel.days += days;
                travel.person_days += days * travellers as i64;
            }
        }
        travel.flights.extend(flights(ws, f, first_day, last_day));
    }
    checkins.compliance = rate(checkins.compliant, checkins.weeks);
    travel
        .flights
        .sort_by(|a, b| (a.date, &a.case).cmp(&(b.date, &b.case)));
    travel.flights_approved = travel.flights.iter().filter(|f| f.approved).count();

    // Return to work (7.8).
    let mut return_to_work = ReturnToWork::default();
    for f in &facts {
        let Some(log) = &f.case.travel_log else {
            continue;
        };
        let Some(home) = log.back_home_at.as_ref().filter(|h| in_month(&h.value)) else {
            continue;
        };
        return_to_work.returns += 1;
        let (deadline, _) = rules::return_deadline(ws, home.value);
        match &log.back_at_work_at {
            Some(work) if work.value.with_timezone(&offset).naive_local() <= deadline => {
                return_to_work.on_time += 1;
            }
            Some(_) => return_to_work.late += 1,
            None => return_to_work.unknown += 1,
        }
    }
    return_to_work.compliance = rate(
        return_to_work.on_time,
        return_to_work.on_time + return_to_work.late,
    );

    // Cases per week of the month, by outcome at month end.
    let mut weeks = Vec::new();
    let mut day = first_day;
    while day <= last_day {
        let end = (day + Duration::days(6)).min(last_day);
        let mut week = WeekCount {
            from: day,
            to: end,
            remote: 0,
            visited: 0,
            cancelled: 0,
            open: 0,
        };
        for f in facts.iter().filter(|f| in_month(&f.received)) {
            let received = f.received.with_timezone(&offset).date_naive();
            if received < day || received > end {
                continue;
            }
            match f.state {
                State::ResolvedRemotely => week.remote += 1,
                State::Cancelled => week.cancelled += 1,
                s if s.reached(State::OnSite) => week.visited += 1,
                _ => week.open += 1,
            }
        }
        weeks.push(week);
        day = end + Duration::days(1);
    }

    let mut case_list: Vec<CaseRow> = facts
        .iter()
        .filter(|f| active(f))
        .map(|f| case_row(f, offset, repeated.contains(f.id.as_str())))
        .collect();
    case_list.sort_by(|a, b| (a.received_at, &a.case).cmp(&(b.received_at, &b.case)));

    Monthly {
        month: month.to_string(),
        commit: stamp.commit.clone(),
        dirty: stamp.dirty,
        company: ws
            .settings
            .as_ref()
            .map(|s| s.company.name.clone())
            .unwrap_or_default(),
        company_en: ws.settings.as_ref().and_then(|s| s.company.name_en.clone()),
        timezone: offset.to_string(),
        from,
        to,
        as_of: as_of.with_timezone(&offset),
        unreadable,
        cases: counts,
        response_hours,
        resolution_hours,
        first_time_fix_rate: rate(first_time_fix.fixed, first_time_fix.completed),
        first_time_fix,
        repeat_visits,
        by_engineer,
        by_customer,
        faults,
        work,
        fees,
        parts,
        travel,
        checkins,
        return_to_work,
        targets: target_compliance(ws, &facts, from, to, as_of),
        suggestions,
        weeks,
        case_list,
    }
}

/// The response targets' deadlines (5.1.7) due in `from..to`, as they stood at `as_of`: a
/// promise met later was not met then.
fn target_compliance(
    ws: &Workspace,
    facts: &[Facts],
    from: Timestamp,
    to: Timestamp,
    as_of: Timestamp,
) -> TargetCompliance {
    struct Judged<'f, 'c> {
        f: &'f Facts<'c>,
        source: Source,
        deadline: targets::Deadline,
        standing: Standing,
    }
    let mut judged = Vec::new();
    for f in facts {
        let Some((source, _)) = targets::targets_for(ws, f.case) else {
            continue;
        };
        for mut deadline in targets::deadlines(ws, f.case) {
            if deadline.due < from || deadline.due >= to {
                continue;
            }
            deadline.met_at = deadline.met_at.filter(|at| *at <= as_of);
            judged.push(Judged {
                f,
                source: source.clone(),
                standing: deadline.standing(ws, as_of),
                deadline,
            });
        }
    }
    let tally = |members: &dyn Fn(&Judged) -> bool| {
        let mut tally = Tally::default();
        let mut margins = Vec::new();
        for j in judged.iter().filter(|j| members(j)) {
            match j.standing {
                Standing::Met { .. } => tally.met += 1,
                s if s.breached() => tally.breached += 1,
                _ => tally.open += 1,
            }
            margins.extend(j.standing.margin());
        }
        tally.median_margin = median_minutes(&mut margins);
        tally
    };
    let promise = |p: Promise| tally(&|j: &Judged| j.deadline.promise == p);

    let customers: BTreeSet<&str> = judged.iter().map(|j| j.f.customer.as_str()).collect();
    let by_customer = customers
        .into_iter()
        .map(|c| {
            let (name, name_en) = names::customer(ws, c);
            TargetGroup {
                id: c.to_owned(),
                name,
                name_en,
                tally: tally(&|j: &Judged| j.f.customer == c),
            }
        })
        .collect();
    let agreement = |j: &Judged| match &j.source {
        Source::Agreement(id) => Some(id.clone()),
        Source::Company => None,
    };
    // The agreements by id, then the company's targets (None).
    let mut agreements: Vec<Option<String>> = judged.iter().map(agreement).collect();
    agreements.sort_by_key(|a| (a.is_none(), a.clone()));
    agreements.dedup();
    let by_agreement = agreements
        .into_iter()
        .map(|id| AgreementTally {
            tally: tally(&|j: &Judged| agreement(j) == id),
            id,
        })
        .collect();
    let engineers: BTreeSet<&str> = judged
        .iter()
        .flat_map(|j| j.f.engineers.iter().map(String::as_str))
        .collect();
    let by_engineer = engineers
        .into_iter()
        .map(|e| TargetGroup {
            id: e.to_owned(),
            name: names::person(ws, e),
            name_en: None,
            tally: tally(&|j: &Judged| j.f.engineers.iter().any(|x| x == e)),
        })
        .collect();

    let offset = ws.offset();
    let mut breaches: Vec<Breach> = judged
        .iter()
        .filter(|j| j.standing.breached())
        .map(|j| Breach {
            case: j.f.id.clone(),
            customer: j.f.customer.clone(),
            customer_name: j.f.customer_name.clone(),
            customer_name_en: j.f.customer_name_en.clone(),
            agreement: agreement(j),
            promise: j.deadline.promise,
            within: j.deadline.within.clone(),
            hours: j.deadline.hours,
            due: j.deadline.due.with_timezone(&offset),
            met_at: j.deadline.met_at.map(|t| t.with_timezone(&offset)),
            late: -j.standing.margin().unwrap_or(0),
            delay_reason: j
                .f
                .case
                .summary
                .as_ref()
                .and_then(|s| s.delay_reason.as_ref())
                .map(|r| r.value.trim().to_owned())
                .filter(|r| !r.is_empty()),
        })
        .collect();
    breaches.sort_by(|a, b| (a.due, &a.case, a.promise).cmp(&(b.due, &b.case, b.promise)));

    TargetCompliance {
        total: tally(&|_: &Judged| true),
        respond: promise(Promise::Respond),
        arrive: promise(Promise::Arrive),
        resolve: promise(Promise::Resolve),
        by_customer,
        by_agreement,
        by_engineer,
        breaches,
    }
}

/// The median of `minutes` (the mean of the middle two for an even count), rounded to
/// the minute; None when there are none.
fn median_minutes(minutes: &mut [i64]) -> Option<i64> {
    minutes.sort_unstable();
    let n = minutes.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(minutes[n / 2]),
        _ => Some(((minutes[n / 2 - 1] + minutes[n / 2]) as f64 / 2.0).round() as i64),
    }
}

/// The states a case may be in before it is closed, in procedure order.
pub const OPEN_STATES: [State; 9] = [
    State::Requested,
    State::Accepted,
    State::Assigned,
    State::PendingApproval,
    State::Approved,
    State::OnSite,
    State::Serviced,
    State::PendingReview,
    State::Reviewed,
];

fn model_of(ws: &Workspace, customer: &str, serial: &str) -> Option<String> {
    ws.customers
        .get(customer)?
        .products
        .iter()
        .find(|p| p.serial.value == serial)
        .map(|p| p.model.clone())
}

/// The facts of a case whose `case.toml` could be read.
fn facts<'c>(ws: &Workspace, case: &'c Case, as_of: Timestamp) -> Option<Facts<'c>> {
    let file = case.file.as_ref()?;
    let timeline = file.timeline.as_ref();
    let at = |pick: fn(&crate::forms::Timeline) -> Option<&crate::forms::decode::Sp<Timestamp>>| {
        timeline.and_then(pick).map(|t| t.value)
    };
    let received = case
        .request
        .as_ref()
        .map(|r| r.received_at.value)
        .unwrap_or(file.opened_at.value);
    let mut serials: Vec<String> = file.product.iter().map(|p| p.value.clone()).collect();
    for visit in &case.visits {
        for p in &visit.products {
            if !serials.contains(&p.value) {
                serials.push(p.value.clone());
            }
        }
    }
    let serial = serials.first().cloned();
    let customer = file.customer.value.clone();
    let model = serial.as_deref().and_then(|s| model_of(ws, &customer, s));
    let mut arrivals: Vec<Timestamp> = case.visits.iter().map(|v| v.arrived_at.value).collect();
    arrivals.sort();
    let resolved = at(|t| t.resolved_at.as_ref());
    let cancelled = at(|t| t.cancelled_at.as_ref());
    let archived = at(|t| t.archived_at.as_ref());
    let closed = [resolved, cancelled, archived].into_iter().flatten().min();
    let first_time_fix = (!case.visits.is_empty()).then(|| {
        let mut sites = BTreeSet::new();
        case.visits
            .iter()
            .all(|v| v.resolved && sites.insert(v.site.value.as_str()))
    });
    let fee = file
        .fee
        .as_ref()
        .and_then(|f| FeeArrangement::parse(&f.value));
    let charged = case.fees.as_ref().filter(|f| !f.items.is_empty()).map(|f| {
        f.items
            .iter()
            .filter_map(|item| {
                rules::unit_price(ws, item)
                    .map(|p| Money(p.0.saturating_mul(i64::from(item.qty.0))))
            })
            .sum()
    });
    let collected = case
        .fees
        .as_ref()
        .and_then(|f| f.payment.as_ref())
        .map(|p| p.amount.value);
    let (customer_name, customer_name_en) = names::customer(ws, &customer);
    let engineers: Vec<String> = file.assignees.iter().map(|a| a.value.clone()).collect();
    Some(Facts {
        case,
        id: file.id.value.clone(),
        title: file.title.clone(),
        customer_name,
        customer_name_en,
        customer,
        serials,
        serial,
        model,
        opened: file.opened_at.value,
        received,
        first_arrival: arrivals.first().copied(),
        arrivals,
        completed: at(|t| t.completed_at.as_ref()),
        resolved,
        cancelled,
        closed,
        handed_in: at(|t| t.handed_in_at.as_ref()),
        state: state_at(case, as_of),
        engineer_names: engineers.iter().map(|e| names::person(ws, e)).collect(),
        engineers,
        fee,
        charged,
        collected,
        first_time_fix,
        planned: file.plan.is_some(),
    })
}

/// The state of a case at `at`, from its timeline: the last step taken by then (a
/// rejection sends a case back); the state in `case.toml` once every step is past.
pub fn state_at(case: &Case, at: Timestamp) -> State {
    let Some(file) = &case.file else {
        return State::Requested;
    };
    let mut steps: Vec<(Timestamp, usize, State)> =
        vec![(file.opened_at.value, 0, State::Requested)];
    if let Some(t) = &file.timeline {
        let named = [
            (&t.accepted_at, State::Accepted),
            (&t.resolved_at, State::ResolvedRemotely),
            (&t.assigned_at, State::Assigned),
            (&t.submitted_at, State::PendingApproval),
            (&t.approved_at, State::Approved),
            (&t.started_at, State::OnSite),
            (&t.completed_at, State::Serviced),
            (&t.handed_in_at, State::PendingReview),
            (&t.reviewed_at, State::Reviewed),
            (&t.archived_at, State::Archived),
            (&t.cancelled_at, State::Cancelled),
        ];
        for (order, (time, state)) in named.into_iter().enumerate() {
            if let Some(time) = time {
                steps.push((time.value, order + 1, state));
            }
        }
    }
    for r in &file.rejections {
        let back = match r.kind.value {
            ApprovalKind::Review => State::Serviced,
            _ => State::Assigned,
        };
        // A rejection comes after the submission it answers, at the same moment or later.
        steps.push((r.at.value, 4, back));
    }
    if steps.iter().all(|(t, _, _)| *t <= at) {
        return file.state.value;
    }
    steps
        .into_iter()
        .filter(|(t, _, _)| *t <= at)
        .max_by_key(|(t, order, _)| (*t, *order))
        .map_or(State::Requested, |(_, _, s)| s)
}

/// The flight legs of a case dated in the month, with their approvals (7.4): the travel
/// log's legs, or while there is none, the task sheet's planned legs once the case is on
/// site.
fn flights(ws: &Workspace, f: &Facts, first_day: NaiveDate, last_day: NaiveDate) -> Vec<Flight> {
    let offset = ws.offset();
    let approvals: Vec<(NaiveDate, String)> = f
        .case
        .file
        .iter()
        .flat_map(|file| file.approvals.iter())
        .filter(|a| a.kind.value == ApprovalKind::Flight && a.role.value == Role::Manager)
        .map(|a| {
            (
                a.at.value.with_timezone(&offset).date_naive(),
                a.by.value.clone(),
            )
        })
        .collect();
    let legs: Vec<(NaiveDate, String, String, bool)> = match &f.case.travel_log {
        Some(log) => log
            .legs
            .iter()
            .filter(|l| l.mode.value == Transport::Flight)
            .map(|l| (l.date.value, l.from.clone(), l.to.clone(), false))
            .collect(),
        None if f.state.reached(State::OnSite) => f
            .case
            .task_sheet
            .iter()
            .flat_map(|s| s.legs.iter())
            .filter(|l| l.mode.value == Transport::Flight)
            .map(|l| (l.date.value, l.from.clone(), l.to.clone(), true))
            .collect(),
        None => Vec::new(),
    };
    legs.into_iter()
        .filter(|(date, ..)| *date >= first_day && *date <= last_day)
        .map(|(date, from, to, planned)| {
            let approval = approvals
                .iter()
                .filter(|(d, _)| *d <= date)
                .min_by_key(|(d, _)| *d);
            Flight {
                case: f.id.clone(),
                date,
                from,
                to,
                planned,
                approved: approval.is_some(),
                approved_by: approval.map(|(_, by)| by.clone()),
                approved_by_name: approval.map(|(_, by)| names::person(ws, by)),
            }
        })
        .collect()
}

/// The monthly report written as `format`: JSON directly, the others through the template
/// `monthly.<ext>` of `templates`
pub fn render(
    report: &Monthly,
    templates: &Templates,
    format: Format,
) -> Result<String, TemplateError> {
    if format == Format::Json && templates.source_of("monthly.json").is_none() {
        let mut text = serde_json::to_string_pretty(report).map_err(|e| TemplateError {
            template: "monthly.json".to_owned(),
            line: None,
            message: e.to_string(),
        })?;
        text.push('\n');
        return Ok(text);
    }
    let name = format!("monthly.{}", format.extension());
    templates.render(&name, &context(report, templates.locale(), format))
}

/// The names of what the report holds by id or keyword, in `locale`: `customers` (id →
/// name, the English one in English when given), `people` (id → name) and `fees` (a fee
/// arrangement as the JSON has it → words; an agreement of `targets.by_agreement` as
/// `agreement:ID`), every one the report mentions.
pub fn names(report: &Monthly, locale: Locale) -> Value {
    let mut customers = Map::new();
    let mut customer = |id: &str, name: &str, name_en: Option<&String>| {
        let name = names::in_locale(name, name_en.map(String::as_str), locale);
        customers.insert(id.to_owned(), Value::from(name));
    };
    for r in &report.repeat_visits {
        customer(&r.customer, &r.customer_name, r.customer_name_en.as_ref());
    }
    for g in &report.by_customer {
        customer(&g.id, &g.name, g.name_en.as_ref());
    }
    for c in &report.fees.by_customer {
        customer(&c.customer, &c.name, c.name_en.as_ref());
    }
    for s in &report.suggestions {
        customer(&s.customer, &s.customer_name, s.customer_name_en.as_ref());
    }
    for c in &report.case_list {
        customer(&c.customer, &c.customer_name, c.customer_name_en.as_ref());
    }
    for g in &report.targets.by_customer {
        customer(&g.id, &g.name, g.name_en.as_ref());
    }
    for b in &report.targets.breaches {
        customer(&b.customer, &b.customer_name, b.customer_name_en.as_ref());
    }
    let mut people = Map::new();
    for g in &report.by_engineer {
        people.insert(g.id.clone(), Value::from(g.name.as_str()));
    }
    for c in &report.case_list {
        for (id, name) in c.engineers.iter().zip(&c.engineer_names) {
            people.insert(id.clone(), Value::from(name.as_str()));
        }
    }
    for f in &report.travel.flights {
        if let (Some(id), Some(name)) = (&f.approved_by, &f.approved_by_name) {
            people.insert(id.clone(), Value::from(name.as_str()));
        }
    }
    for g in &report.targets.by_engineer {
        people.insert(g.id.clone(), Value::from(g.name.as_str()));
    }
    let agreements: Vec<String> = report
        .targets
        .by_agreement
        .iter()
        .filter_map(|a| a.id.as_ref())
        .map(|id| FeeArrangement::Agreement(id.clone()).to_string())
        .collect();
    let fees: Map<String, Value> = report
        .case_list
        .iter()
        .filter_map(|c| c.fee.as_deref())
        .chain(agreements.iter().map(String::as_str))
        .map(|fee| {
            let words = names::fee_arrangement(fee, locale);
            (fee.to_owned(), Value::from(words))
        })
        .collect();
    serde_json::json!({ "customers": customers, "people": people, "fees": fees })
}

/// What the monthly templates see: `report` (the JSON document), `labels`, `locale`,
/// `names` (see [`names`]), and for convenience `open_states` (state, count in procedure
/// order), `suggestion_groups` (by customer and product), `charts` (inline SVG, HTML only)
/// and `short_commit`.
pub fn context(report: &Monthly, locale: Locale, format: Format) -> Context {
    let labels = templates::labels(locale);
    let mut context = Context::new();
    context.insert("report", report);
    context.insert("names", &names(report, locale));
    context.insert("locale", locale.tag());
    context.insert(
        "short_commit",
        &report.commit[..report.commit.len().min(12)],
    );
    let open_states: Vec<Value> = OPEN_STATES
        .iter()
        .map(|s| {
            serde_json::json!({
                "state": s.as_str(),
                "count": report.cases.open_by_state.get(s.as_str()).cloned().unwrap_or(Value::from(0)),
            })
        })
        .collect();
    context.insert("open_states", &open_states);
    let mut groups: Vec<Value> = Vec::new();
    let mut current: Option<(String, String)> = None;
    for s in &report.suggestions {
        let key = (s.customer_name.clone(), s.product.clone());
        if current.as_ref() != Some(&key) {
            groups.push(serde_json::json!({
                "customer": s.customer,
                "customer_name": s.customer_name,
                "product": s.product,
                "items": [],
            }));
            current = Some(key);
        }
        if let Some(Value::Array(items)) = groups.last_mut().and_then(|g| g.get_mut("items")) {
            items.push(serde_json::json!({ "case": s.case, "text": s.text }));
        }
    }
    context.insert("suggestion_groups", &groups);
    let charts = if format == Format::Html {
        serde_json::json!({
            "weeks": charts::weeks(report, &labels),
            "response": charts::response(report, &labels),
            "fees": charts::fees(report, &labels, locale),
            "faults": charts::faults(report, &labels),
        })
    } else {
        serde_json::json!({})
    };
    context.insert("charts", &charts);
    context.insert("response_buckets", &charts::response_buckets(report));
    context.insert("labels", &labels);
    context
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_parse_and_step() {
        let m = Month::parse("2026-12").unwrap();
        assert_eq!(
            m.next(),
            Month {
                year: 2027,
                month: 1
            }
        );
        assert_eq!(m.to_string(), "2026-12");
        assert_eq!(Month::parse("2026-13"), None);
        assert_eq!(Month::parse("2026-1"), None);
        assert_eq!(Month::parse("nonsense"), None);
        assert_eq!(
            folder_month(std::path::Path::new("cases/2026/11/SR-1")),
            Some(Month {
                year: 2026,
                month: 11
            })
        );
    }

    fn case_of(toml: &str) -> Case {
        let source = SourceFile::new("cases/2026/11/SR-1/case.toml", toml.to_owned());
        let mut findings = Vec::new();
        let file = decode_file::<CaseFile>(&source, &mut findings)
            .map(|value| crate::workspace::Loaded { value, source });
        assert!(findings.is_empty(), "{findings:?}");
        Case {
            file,
            ..Case::empty(std::path::Path::new("cases/2026/11/SR-1"))
        }
    }

    #[test]
    fn the_state_at_a_moment_follows_the_timeline_and_rejections() {
        let case = case_of(
            r#"id = "SR-1"
title = "t"
customer = "c"
state = "approved"
opened_at = 2026-11-02T09:00:00+08:00
opened_by = "a"

[[rejections]]
kind = "task-sheet"
by = "l"
at = 2026-11-03T10:00:00+08:00
reason = "r"

[timeline]
accepted_at = 2026-11-02T10:00:00+08:00
assigned_at = 2026-11-02T11:00:00+08:00
submitted_at = 2026-11-03T12:00:00+08:00
approved_at = 2026-11-04T09:00:00+08:00
"#,
        );
        let at = |t: &str| state_at(&case, chrono::DateTime::parse_from_rfc3339(t).unwrap());
        assert_eq!(at("2026-11-02T09:30:00+08:00"), State::Requested);
        assert_eq!(at("2026-11-02T11:30:00+08:00"), State::Assigned);
        // Rejected at 10:00 on the 3rd, submitted again at 12:00.
        assert_eq!(at("2026-11-03T11:00:00+08:00"), State::Assigned);
        assert_eq!(at("2026-11-03T13:00:00+08:00"), State::PendingApproval);
        assert_eq!(at("2026-11-30T00:00:00+08:00"), State::Approved);
    }

    #[test]
    fn every_built_in_monthly_template_renders_in_both_languages() {
        let ws = Workspace::open(std::path::Path::new("/nonexistent-svc-workspace"));
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-27T12:00:00+08:00").unwrap();
        let month = Month::parse("2026-11").unwrap();
        let stamp = Stamp {
            commit: "0123456789abcdef".into(),
            dirty: true,
        };
        let report = analyse(&ws, &[], month, now, &stamp);
        for locale in Locale::ALL {
            let templates = Templates::load(
                std::path::Path::new("/nonexistent-svc-workspace"),
                locale,
                None,
            )
            .unwrap();
            for format in [Format::Md, Format::Html, Format::Csv, Format::Json] {
                let text = render(&report, &templates, format)
                    .unwrap_or_else(|e| panic!("{locale} {format:?}: {e}"));
                assert!(text.contains("2026-11") || format == Format::Csv, "{text}");
            }
        }
    }

    #[test]
    fn median_and_nearest_rank_p90() {
        let h = |v: &[i64]| Hours::of(&v.iter().map(|h| h * 3600).collect::<Vec<_>>());
        assert_eq!(h(&[]).median, None);
        // Odd count: the middle one; p90 of 5 is the 5th (⌈4.5⌉).
        let five = h(&[5, 1, 3, 2, 4]);
        assert_eq!((five.median, five.p90), (Some(3.0), Some(5.0)));
        // Even count: the mean of the middle two; p90 of 10 is the 9th.
        let ten = h(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        assert_eq!((ten.median, ten.p90), (Some(5.5), Some(9.0)));
        assert_eq!(Hours::of(&[5400]).median, Some(1.5));
    }

    #[test]
    fn the_median_margin_is_the_middle_one_or_the_mean_of_two_to_the_minute() {
        assert_eq!(median_minutes(&mut []), None);
        assert_eq!(median_minutes(&mut [570, -710, 90]), Some(90));
        assert_eq!(median_minutes(&mut [60, 10, 570, -710]), Some(35));
        // Half a minute rounds away from zero, early or late alike.
        assert_eq!(median_minutes(&mut [10, 15]), Some(13));
        assert_eq!(median_minutes(&mut [-10, -15]), Some(-13));
    }
}
