//! Who is away when: the trips and site visits of the cases as events in time order, for
//! `svc calendar`'s table, its JSON and its iCalendar feed.
//!
//! Three kinds of event come from a case's forms:
//!
//! - a **planned trip**: the task sheet's `depart_on` to `return_on`, its engineers and sites,
//!   for a case approved or further along whose travel log is not written yet;
//! - a **trip** as travelled: the travel log's first leg (or day) to the arrival back home,
//!   its travellers, the sites of the visit records. It replaces the planned trip, never
//!   stands beside it, and keeps its identity in the feed, so a subscribed calendar moves the
//!   event rather than showing two;
//! - a **site visit**: a visit record's `arrived_at` to `left_at`, its site and engineers.
//!
//! And one from the maintenance plans ([`of_plans`]):
//!
//! - a **planned maintenance**: a plan's occurrence for one unit, a whole day, its person
//!   the plan's engineer if it names one; the case opened for it, once there is one. Its UID
//!   is made of the plan, the date and the unit, so it stays one event before and after its
//!   case is opened.
//!
//! The gathering is pure: forms in, events out; [`select`] keeps the window's and sorts
//! them. [`gather`] is the one step that reads: the cases that may have events on the days
//! asked, for every front end that shows them (`svc calendar`, the web view's week).

use super::ics;
use super::names;
use crate::forms::State;
use crate::forms::config::{Locale, Site};
use crate::forms::decode::Timestamp;
use crate::rules::validate::Overview;
use crate::t_in;
use crate::workspace::Workspace;
use crate::workspace::case::Case;
use chrono::{Days, FixedOffset, NaiveDate, TimeZone};
use serde::Serialize;

/// What an event is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A trip as the task sheet plans it (the case approved, its travel log not written).
    PlannedTrip,
    /// A trip as the travel log records it.
    Trip,
    /// A visit to a site, as its record gives it.
    Visit,
    /// A maintenance plan's occurrence for one unit.
    PlannedMaintenance,
}

impl Kind {
    /// The kind as its UID names it: a planned trip and the trip travelled are one event
    /// of the feed, first tentative, then confirmed.
    fn uid_part(self) -> &'static str {
        match self {
            Kind::PlannedTrip | Kind::Trip => "trip",
            Kind::Visit => "visit",
            Kind::PlannedMaintenance => "maintenance",
        }
    }

    /// The kind in words, in `locale`: 出差（计划）, 出差, 现场服务.
    pub fn name(self, locale: Locale) -> String {
        match self {
            Kind::PlannedTrip => t_in!(locale, "report-away-planned-trip"),
            Kind::Trip => t_in!(locale, "report-away-trip"),
            Kind::Visit => t_in!(locale, "report-away-visit"),
            Kind::PlannedMaintenance => t_in!(locale, "report-away-maintenance"),
        }
    }
}

/// When an event is: whole days (a trip) or from one moment to another (a visit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// From the first day to the last, both included.
    Days {
        /// The first day.
        first: NaiveDate,
        /// The last day (included).
        last: NaiveDate,
    },
    /// From one moment to another.
    Times {
        /// The start.
        from: Timestamp,
        /// The end.
        to: Timestamp,
    },
}

impl When {
    /// The first and last day the event touches, in the time zone `offset`.
    pub fn days(&self, offset: FixedOffset) -> (NaiveDate, NaiveDate) {
        match *self {
            When::Days { first, last } => (first, last),
            When::Times { from, to } => (
                from.with_timezone(&offset).date_naive(),
                to.with_timezone(&offset).date_naive(),
            ),
        }
    }

    /// The moment the event starts: a day's at 00:00 in `offset`.
    fn start(&self, offset: FixedOffset) -> Timestamp {
        match *self {
            When::Days { first, .. } => midnight(first, offset),
            When::Times { from, .. } => from,
        }
    }
}

/// 00:00 of `day` in `offset`.
fn midnight(day: NaiveDate, offset: FixedOffset) -> Timestamp {
    let naive = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    offset
        .from_local_datetime(&naive)
        .single()
        .unwrap_or_else(|| naive.and_utc().fixed_offset())
}

/// One absence: who is away, where, when, for which case.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// What it is.
    pub kind: Kind,
    /// The case id.
    pub case: String,
    /// The case's title.
    pub title: String,
    /// The customer id.
    pub customer: String,
    /// When.
    pub when: When,
    /// Who is away (person ids).
    pub people: Vec<String>,
    /// Where (site ids of the customer).
    pub sites: Vec<String>,
    /// Which of the case's events of its kind this is, from 1 (visits in their files' order).
    pub number: usize,
    /// The fault as the request describes it.
    pub fault: Option<String>,
    /// A planned maintenance's plan, date and unit (its place's serial).
    pub occurrence: Option<(String, NaiveDate, String)>,
}

impl Event {
    /// An identifier for the event that stays the same as long as the case's forms say the
    /// same thing (case, kind, number), for a calendar that is subscribed to; a planned
    /// maintenance's is its plan, date and unit, whether its case is opened or not.
    pub fn uid(&self) -> String {
        match &self.occurrence {
            Some((plan, date, unit)) => {
                format!("plan-{plan}-{}-{unit}@svc", date.format("%Y%m%d"))
            }
            None => format!("{}-{}-{}@svc", self.case, self.kind.uid_part(), self.number),
        }
    }
}

/// The planned maintenance of `schedule` as events: a whole day each, the plan's engineer
/// away, at the unit's site; `case` is the case opened for it, or empty.
pub fn of_plans(ws: &Workspace, schedule: &[crate::rules::plan::Scheduled]) -> Vec<Event> {
    schedule
        .iter()
        .filter_map(|s| {
            let o = &s.occurrence;
            let plan = ws.plans.get(&o.plan)?;
            Some(Event {
                kind: Kind::PlannedMaintenance,
                case: s.case.as_ref().map(|c| c.case.clone()).unwrap_or_default(),
                title: plan.title.clone(),
                customer: plan.customer.value.clone(),
                when: When::Days {
                    first: o.date,
                    last: o.date,
                },
                people: plan.engineer.iter().map(|e| e.value.clone()).collect(),
                sites: vec![o.unit.site.clone()],
                number: 1,
                fault: Some(plan.task.value.clone()),
                occurrence: Some((o.plan.clone(), o.date, o.unit.place.clone())),
            })
        })
        .collect()
}

/// Which events: the days from `first` to `last` (both included), and one person's only
/// when `person` names them (an id).
#[derive(Debug, Clone, Copy)]
pub struct Query<'q> {
    /// The first day.
    pub first: NaiveDate,
    /// The last day (included).
    pub last: NaiveDate,
    /// Only this person's events.
    pub person: Option<&'q str>,
}

/// The events on the query's days, sorted: those of the cases the validation's overviews
/// say may have some (read from the workspace), and the maintenance plans' occurrences due
/// from `today`.
pub fn gather(
    ws: &Workspace,
    validation: &crate::rules::validate::Validation,
    query: &Query,
    today: NaiveDate,
) -> Vec<Event> {
    use rayon::prelude::*;
    let offset = ws.offset();
    let dirs: Vec<&std::path::Path> = validation
        .cases
        .iter()
        .filter(|c| may_have_events(c, query, offset))
        .map(|c| c.dir.as_path())
        .collect();
    let cases: Vec<Case> = dirs
        .par_iter()
        .map(|d| crate::workspace::case::load(&ws.root, d))
        .collect();
    let base = crate::rules::asset::InstalledBase::of(ws, &validation.mentions);
    let scheduled =
        crate::rules::plan::schedule(ws, &base, &validation.mentions, today, query.last);
    let mut events = of_cases(ws, &cases);
    events.extend(of_plans(ws, &scheduled));
    select(events, query, offset)
}

/// Whether a case can have an event on the query's days, by what its overview says: it is
/// approved or further along (a case cancelled or solved by phone travels nowhere), and was
/// opened by the last day. What passes is worth reading; what does not never has an event.
pub fn may_have_events(case: &Overview, query: &Query, offset: FixedOffset) -> bool {
    case.state.is_some_and(|s| s.reached(State::Approved))
        && case
            .opened_at
            .is_none_or(|t| t.with_timezone(&offset).date_naive() <= query.last)
}

/// Every event the cases' forms give, in no particular order.
pub fn of_cases(ws: &Workspace, cases: &[Case]) -> Vec<Event> {
    cases.iter().flat_map(|c| of_case(ws, c)).collect()
}

/// The events of one case: its trip (planned, or as travelled) and its visits.
fn of_case(ws: &Workspace, case: &Case) -> Vec<Event> {
    let Some(file) = case.file.as_ref() else {
        return Vec::new();
    };
    if !file.state.value.reached(State::Approved) {
        return Vec::new();
    }
    let offset = ws.offset();
    let event = |kind, when, people: Vec<String>, sites: Vec<String>, number| Event {
        kind,
        case: file.id.value.clone(),
        title: file.title.clone(),
        customer: file.customer.value.clone(),
        when,
        people,
        sites,
        number,
        fault: case.request.as_ref().map(|r| r.fault.value.clone()),
        occurrence: None,
    };
    let mut events = Vec::new();
    let sheet = case.task_sheet.as_ref();
    let planned_sites = || -> Vec<String> {
        sheet
            .map(|s| s.sites.value.iter().map(|x| x.value.clone()).collect())
            .unwrap_or_default()
    };
    let assignees = || -> Vec<String> { file.assignees.iter().map(|a| a.value.clone()).collect() };
    let travelled = case.travel_log.as_ref().and_then(|log| {
        let days = travelled_days(log, offset)?;
        let mut people = ids(&log.travellers);
        if people.is_empty() {
            people = sheet.map(|s| ids(&s.engineers)).unwrap_or_else(assignees);
        }
        let mut sites: Vec<String> = Vec::new();
        for v in &case.visits {
            if !sites.contains(&v.site.value) {
                sites.push(v.site.value.clone());
            }
        }
        if sites.is_empty() {
            sites = planned_sites();
        }
        Some(event(Kind::Trip, days, people, sites, 1))
    });
    match (travelled, sheet) {
        (Some(trip), _) => events.push(trip),
        (None, Some(s)) if s.depart_on.value <= s.return_on.value => {
            let mut people = ids(&s.engineers);
            if people.is_empty() {
                people = assignees();
            }
            let days = When::Days {
                first: s.depart_on.value,
                last: s.return_on.value,
            };
            events.push(event(Kind::PlannedTrip, days, people, planned_sites(), 1));
        }
        (None, _) => {}
    }
    for (i, v) in case.visits.iter().enumerate() {
        let mut people = ids(&v.engineers);
        if people.is_empty() {
            people = assignees();
        }
        let (from, to) = (v.arrived_at.value, v.left_at.value);
        let when = When::Times {
            from,
            to: to.max(from),
        };
        events.push(event(
            Kind::Visit,
            when,
            people,
            vec![v.site.value.clone()],
            i + 1,
        ));
    }
    events
}

/// The days a travel log covers: from its first leg or day to the arrival back home (else
/// its last leg or day); none when it dates nothing.
fn travelled_days(log: &crate::forms::TravelLog, offset: FixedOffset) -> Option<When> {
    let dates: Vec<NaiveDate> = log
        .legs
        .iter()
        .map(|l| l.date.value)
        .chain(log.days.iter().map(|d| d.date.value))
        .collect();
    let first = dates.iter().min().copied()?;
    let last = log
        .back_home_at
        .as_ref()
        .map(|t| t.value.with_timezone(&offset).date_naive())
        .or_else(|| dates.iter().max().copied())
        .unwrap_or(first)
        .max(first);
    Some(When::Days { first, last })
}

fn ids(list: &[crate::forms::decode::Sp<String>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in list {
        if !out.contains(&id.value) {
            out.push(id.value.clone());
        }
    }
    out
}

/// The events that touch the query's days (and its person's, when it names one), in time
/// order: by start, whole days before a visit starting that day, then by case.
pub fn select(mut events: Vec<Event>, query: &Query, offset: FixedOffset) -> Vec<Event> {
    events.retain(|e| {
        let (first, last) = e.when.days(offset);
        first <= query.last
            && last >= query.first
            && query.person.is_none_or(|p| e.people.iter().any(|x| x == p))
    });
    events.sort_by(|a, b| {
        (a.when.start(offset), a.kind, &a.case, a.number).cmp(&(
            b.when.start(offset),
            b.kind,
            &b.case,
            b.number,
        ))
    });
    events
}

/// The events of the cases on the query's days, in time order.
pub fn away(ws: &Workspace, cases: &[Case], query: &Query) -> Vec<Event> {
    select(of_cases(ws, cases), query, ws.offset())
}

/// The site `id` of the customer `customer`, when its file lists it.
fn site<'w>(ws: &'w Workspace, customer: &str, id: &str) -> Option<&'w Site> {
    ws.customers
        .get(customer)
        .and_then(|c| c.sites.iter().find(|s| s.id.value == id))
}

/// A site as a person names it: its name, and the city after a comma (`天河枢纽机房, 广州`);
/// the id when the customer's file does not list it.
pub fn site_label(ws: &Workspace, customer: &str, id: &str) -> String {
    match site(ws, customer, id) {
        Some(s) if s.city.trim().is_empty() => s.name.clone(),
        Some(s) => format!("{}, {}", s.name, s.city),
        None => id.to_owned(),
    }
}

/// Where a site is: its name, and its address or else its city.
fn location(ws: &Workspace, customer: &str, id: &str) -> String {
    match site(ws, customer, id) {
        Some(s) => {
            let place = s
                .address
                .as_deref()
                .filter(|a| !a.trim().is_empty())
                .unwrap_or(&s.city);
            if place.trim().is_empty() {
                s.name.clone()
            } else {
                format!("{}, {place}", s.name)
            }
        }
        None => id.to_owned(),
    }
}

/// When an event is, in the workspace's time zone: `2026-11-24 → 2026-11-27` for days,
/// `2026-11-20 09:40–11:30` for a visit within a day.
pub fn when_text(ws: &Workspace, when: &When) -> String {
    let offset = ws.offset();
    match *when {
        When::Days { first, last } if first == last => first.to_string(),
        When::Days { first, last } => format!("{first} → {last}"),
        When::Times { from, to } => {
            let (from, to) = (from.with_timezone(&offset), to.with_timezone(&offset));
            if from.date_naive() == to.date_naive() {
                format!("{}–{}", from.format("%Y-%m-%d %H:%M"), to.format("%H:%M"))
            } else {
                format!(
                    "{} → {}",
                    from.format("%Y-%m-%d %H:%M"),
                    to.format("%Y-%m-%d %H:%M")
                )
            }
        }
    }
}

/// An event as `svc calendar --json` gives it: ids and keywords, the names beside them.
#[derive(Debug, Serialize)]
pub struct Entry {
    /// `planned-trip`, `trip`, `visit` or `planned-maintenance`.
    pub kind: Kind,
    /// The case id (empty for a planned maintenance whose case is not opened yet).
    pub case: String,
    /// The case's title (a planned maintenance's: its plan's).
    pub title: String,
    /// The customer id.
    pub customer: String,
    /// A planned maintenance's plan id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    /// A planned maintenance's unit (the serial where it stands, as the customer lists it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The customer's name.
    pub customer_name: String,
    /// The first day (`YYYY-MM-DD`) or the start (RFC 3339, in the workspace's time zone).
    pub from: String,
    /// The last day, included (`YYYY-MM-DD`), or the end (RFC 3339).
    pub to: String,
    /// Whether the event is of whole days (a trip) or timed (a visit).
    pub all_day: bool,
    /// Who is away (person ids).
    pub people: Vec<String>,
    /// Their names, in the same order.
    pub people_names: Vec<String>,
    /// The sites (site ids).
    pub sites: Vec<String>,
    /// The sites' names, in the same order.
    pub site_names: Vec<String>,
    /// The event's UID in the iCalendar feed.
    pub uid: String,
}

/// The events as [`Entry`]s.
pub fn entries(ws: &Workspace, events: &[Event]) -> Vec<Entry> {
    let offset = ws.offset();
    events
        .iter()
        .map(|e| {
            let (from, to, all_day) = match e.when {
                When::Days { first, last } => (first.to_string(), last.to_string(), true),
                When::Times { from, to } => (
                    from.with_timezone(&offset).to_rfc3339(),
                    to.with_timezone(&offset).to_rfc3339(),
                    false,
                ),
            };
            Entry {
                kind: e.kind,
                case: e.case.clone(),
                title: e.title.clone(),
                customer: e.customer.clone(),
                plan: e.occurrence.as_ref().map(|o| o.0.clone()),
                unit: e.occurrence.as_ref().map(|o| o.2.clone()),
                customer_name: names::customer(ws, &e.customer).0,
                from,
                to,
                all_day,
                people: e.people.clone(),
                people_names: e.people.iter().map(|p| names::person(ws, p)).collect(),
                sites: e.sites.clone(),
                site_names: e
                    .sites
                    .iter()
                    .map(|s| site(ws, &e.customer, s).map_or_else(|| s.clone(), |x| x.name.clone()))
                    .collect(),
                uid: e.uid(),
            }
        })
        .collect()
}

/// People's names joined as `locale` lists them (刘洋、黄磊; Liu Yang, Huang Lei).
fn people_names(ws: &Workspace, people: &[String], locale: Locale) -> String {
    let names: Vec<String> = people.iter().map(|p| names::person(ws, p)).collect();
    names.join(&t_in!(locale, "report-list-comma"))
}

/// The events as an iCalendar feed (RFC 5545) for a phone or desktop calendar to subscribe
/// to, worded in `locale`, stamped `now`; named after the company, or after `person` when
/// the events are one person's.
pub fn feed(
    ws: &Workspace,
    events: &[Event],
    locale: Locale,
    now: Timestamp,
    person: Option<&str>,
) -> String {
    let mut w = ics::Writer::new();
    w.raw("BEGIN", "VCALENDAR");
    w.raw("VERSION", "2.0");
    w.text("PRODID", "-//svc//svc calendar//EN");
    w.raw("CALSCALE", "GREGORIAN");
    w.raw("METHOD", "PUBLISH");
    let whose = match person {
        Some(p) => names::person(ws, p),
        None => ws
            .settings
            .as_ref()
            .map(|s| match (locale, s.company.name_en.as_deref()) {
                (Locale::En, Some(en)) if !en.trim().is_empty() => en.to_owned(),
                _ => s.company.name.clone(),
            })
            .unwrap_or_default(),
    };
    w.text(
        "X-WR-CALNAME",
        &t_in!(locale, "report-away-calendar-name", whose = whose),
    );
    // How often a subscribed calendar should read the feed again.
    w.raw("REFRESH-INTERVAL;VALUE=DURATION", "PT1H");
    w.raw("X-PUBLISHED-TTL", "PT1H");
    let stamp = ics::utc(now);
    for e in events {
        w.raw("BEGIN", "VEVENT");
        w.text("UID", &e.uid());
        w.raw("DTSTAMP", &stamp);
        match e.when {
            When::Days { first, last } => {
                let after = last.checked_add_days(Days::new(1)).unwrap_or(last);
                w.raw("DTSTART;VALUE=DATE", &ics::date(first));
                w.raw("DTEND;VALUE=DATE", &ics::date(after));
            }
            When::Times { from, to } => {
                w.raw("DTSTART", &ics::utc(from));
                w.raw("DTEND", &ics::utc(to));
            }
        }
        let kind = e.kind.name(locale);
        let who = people_names(ws, &e.people, locale);
        let title = if e.title.trim().is_empty() {
            &e.case
        } else {
            &e.title
        };
        let summary = if who.is_empty() {
            format!("{kind} · {title}")
        } else {
            format!("{kind} · {title} · {who}")
        };
        w.text("SUMMARY", &summary);
        let places: Vec<String> = e
            .sites
            .iter()
            .map(|s| location(ws, &e.customer, s))
            .collect();
        if !places.is_empty() {
            w.text("LOCATION", &places.join(" / "));
        }
        let case = if e.case.is_empty() {
            t_in!(locale, "report-away-not-opened")
        } else {
            e.case.clone()
        };
        let mut description = vec![
            t_in!(locale, "report-away-case", case = case),
            t_in!(
                locale,
                "report-away-customer",
                customer = names::customer(ws, &e.customer).0
            ),
            t_in!(locale, "report-away-people", people = who),
        ];
        if let Some(fault) = e.fault.as_deref().map(one_line).filter(|f| !f.is_empty()) {
            description.push(t_in!(locale, "report-away-fault", fault = fault));
        }
        if e.kind == Kind::PlannedTrip {
            description.push(t_in!(locale, "report-away-as-planned"));
        }
        if let Some((plan, _, unit)) = &e.occurrence {
            description.push(t_in!(locale, "report-away-plan", plan = plan, unit = unit));
        }
        w.text("DESCRIPTION", &description.join("\n"));
        w.texts("CATEGORIES", &[kind]);
        let status = if e.kind == Kind::PlannedTrip || e.case.is_empty() {
            "TENTATIVE"
        } else {
            "CONFIRMED"
        };
        w.raw("STATUS", status);
        w.raw("TRANSP", "OPAQUE");
        w.raw("END", "VEVENT");
    }
    w.raw("END", "VCALENDAR");
    w.finish()
}

/// Text on one line: its words separated by single spaces.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whom of `people` an assignment of the case in `dir` takes while they are away on another
/// case, one sentence each (in the current language): over the case's planned trip when its
/// task sheet dates one, else over the coming week from `now`. `cases` are the workspace's
/// overviews; only those that may have events then are read.
pub fn clashes(
    ws: &Workspace,
    cases: &[Overview],
    dir: &std::path::Path,
    people: &[String],
    now: Timestamp,
) -> Vec<String> {
    let offset = ws.offset();
    let this = crate::workspace::case::load(&ws.root, dir);
    let (first, last) = match this.task_sheet.as_ref() {
        Some(s) if s.depart_on.value <= s.return_on.value => (s.depart_on.value, s.return_on.value),
        _ => {
            let today = now.with_timezone(&offset).date_naive();
            (today, today.checked_add_days(Days::new(6)).unwrap_or(today))
        }
    };
    let query = Query {
        first,
        last,
        person: None,
    };
    let others: Vec<Case> = cases
        .iter()
        .filter(|c| c.dir != dir && may_have_events(c, &query, offset))
        .map(|c| crate::workspace::case::load(&ws.root, &c.dir))
        .collect();
    let mut out = Vec::new();
    for event in away(ws, &others, &query) {
        for person in people.iter().filter(|p| event.people.contains(p)) {
            let (from, to) = event.when.days(offset);
            out.push(crate::t!(
                "report-away-clash",
                person = names::person(ws, person),
                kind = event.kind.name(crate::i18n::current()),
                case = event.case.as_str(),
                from = from.to_string(),
                to = to.to_string()
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::case;
    use std::path::Path;

    fn sample() -> (Workspace, Vec<Case>) {
        let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/company"));
        let ws = Workspace::open(root);
        let (dirs, _) = case::discover(root);
        let cases = dirs.iter().map(|d| case::load(root, d)).collect();
        (ws, cases)
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    fn query(first: &str, last: &str) -> Query<'static> {
        Query {
            first: day(first),
            last: day(last),
            person: None,
        }
    }

    /// (kind, case's tail, first day, last day) of each event.
    fn brief(ws: &Workspace, events: &[Event]) -> Vec<(Kind, String, String, String)> {
        events
            .iter()
            .map(|e| {
                let (a, b) = e.when.days(ws.offset());
                (
                    e.kind,
                    e.case[12..].to_owned(),
                    a.to_string(),
                    b.to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn the_sample_companys_last_two_weeks_of_november() {
        let (ws, cases) = sample();
        let events = away(&ws, &cases, &query("2026-11-16", "2026-11-30"));
        let row = |k, c: &str, a: &str, b: &str| (k, c.to_owned(), a.to_owned(), b.to_owned());
        assert_eq!(
            brief(&ws, &events),
            vec![
                row(Kind::Trip, "AMAQ9X", "2026-11-19", "2026-11-20"),
                row(Kind::Visit, "AMAQ9X", "2026-11-19", "2026-11-20"),
                row(Kind::PlannedTrip, "WYWWKR", "2026-11-20", "2026-11-20"),
                row(Kind::Visit, "WYWWKR", "2026-11-20", "2026-11-20"),
                row(Kind::PlannedTrip, "81ZBJF", "2026-11-24", "2026-11-27"),
                row(Kind::PlannedTrip, "EX5594", "2026-11-27", "2026-11-27"),
            ]
        );
        let korla = &events[4];
        assert_eq!(korla.people, ["wu.gang"]);
        assert_eq!(korla.sites, ["korla-cn"]);
        assert_eq!(korla.uid(), "SR-20261118-81ZBJF-trip-1@svc");
        assert_eq!(events[1].uid(), "SR-20261111-AMAQ9X-visit-1@svc");
    }

    #[test]
    fn a_trip_travelled_replaces_its_plan_and_keeps_its_uid() {
        let (ws, cases) = sample();
        let all = of_cases(&ws, &cases);
        let gz: Vec<&Event> = all
            .iter()
            .filter(|e| e.case == "SR-20261109-4KX2T6")
            .collect();
        assert_eq!(gz.len(), 2, "{gz:?}");
        assert_eq!(gz[0].kind, Kind::Trip);
        assert_eq!(gz[0].uid(), "SR-20261109-4KX2T6-trip-1@svc");
        // Cases that never left (requested, cancelled, solved by phone) have none.
        assert!(all.iter().all(|e| e.case != "SR-20261125-XANJPA"));
    }

    #[test]
    fn one_persons_events_and_the_window_at_both_ends() {
        let (ws, cases) = sample();
        let mut q = query("2026-11-20", "2026-11-24");
        q.person = Some("liu.yang");
        let events = away(&ws, &cases, &q);
        assert!(
            events
                .iter()
                .all(|e| e.people.contains(&"liu.yang".to_owned()))
        );
        assert_eq!(events.len(), 2, "{events:?}");
        // A trip touching the first or last day counts; one a day outside does not.
        let edge = away(&ws, &cases, &query("2026-11-27", "2026-11-27"));
        assert_eq!(edge.len(), 2, "{edge:?}");
        let none = away(&ws, &cases, &query("2026-11-28", "2026-12-31"));
        assert!(none.is_empty(), "{none:?}");
    }

    #[test]
    fn the_feed_is_an_icalendar_document_in_the_workspaces_language() {
        let (ws, cases) = sample();
        let events = away(&ws, &cases, &query("2026-11-16", "2026-11-30"));
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-26T18:00:00+08:00").unwrap();
        let text = feed(&ws, &events, Locale::ZhCn, now, None);
        assert!(
            text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
            "{text}"
        );
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(text.matches("BEGIN:VEVENT").count(), events.len());
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains("DTSTAMP:20261126T100000Z"));
        // The Korla trip: all day, DTEND the day after the last.
        assert!(
            unfolded.contains("UID:SR-20261118-81ZBJF-trip-1@svc\r\nDTSTAMP:20261126T100000Z\r\nDTSTART;VALUE=DATE:20261124\r\nDTEND;VALUE=DATE:20261128\r\n"),
            "{unfolded}"
        );
        assert!(
            unfolded.contains(
                "SUMMARY:出差（计划） · 库尔勒 NT-3600 OLT 槽位 2 大量 ONU 注册失败 · 吴刚"
            ),
            "{unfolded}"
        );
        // The Foshan visit, in UTC.
        assert!(unfolded.contains("DTSTART:20261119T133000Z\r\nDTEND:20261119T184000Z\r\n"));
        assert!(text.lines().all(|l| l.len() <= 75), "{text}");
        let english = feed(&ws, &events, Locale::En, now, Some("wu.gang"));
        assert!(english.contains("X-WR-CALNAME:吴刚 · trips and site visits"));
        assert!(
            english
                .replace("\r\n ", "")
                .contains("SUMMARY:Trip (planned) · 库尔勒")
        );
    }

    #[test]
    fn one_line_joins_the_words() {
        assert_eq!(one_line("  主控板\n异常  重启\r\n"), "主控板 异常 重启");
    }
}
