//! On the road and after it (7.5–7.9, 8.6, 5.1.6): check-ins, one record per site, the
//! customer's confirmation, the return to work, and the records handed in and reviewed.

use super::{Context, approvals, fees::charges, state};
use crate::forms::config::Role;
use crate::forms::decode::Timestamp;
use crate::forms::finding::{Finding, Location};
use crate::forms::{ApprovalKind, FormKind, State};
use crate::t;
use crate::workspace::Workspace;
use crate::workspace::case::Case;
use chrono::{Duration, FixedOffset, NaiveDate, NaiveDateTime};

/// One stretch of a trip of at most 7 days, with the check-ins counted in it as rule 7.5
/// counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckinWeek {
    /// The first day.
    pub from: NaiveDate,
    /// The last day (the 7th, or the trip's last).
    pub to: NaiveDate,
    /// Check-ins made in the stretch (each counted once).
    pub had: usize,
    /// Check-ins needed: 2 in a full week, its share (at least 1) in a shorter last stretch.
    pub needed: usize,
}

impl CheckinWeek {
    /// Whether the stretch had the check-ins it needed.
    pub fn met(&self) -> bool {
        self.had >= self.needed
    }
}

/// The stretches of 7 days (the last one shorter) from the trip's departure (its first leg,
/// else the start of the case) to its return home, or to `today` while the case is on site
/// and the return is not recorded; with the check-ins in each, counting those recorded by
/// `svc checkin` and those in the travel log once. Empty when the case has not travelled.
pub fn checkin_weeks(offset: FixedOffset, case: &Case, today: NaiveDate) -> Vec<CheckinWeek> {
    let (Some(file), Some(state)) = (&case.file, state(case)) else {
        return Vec::new();
    };
    if !state.reached(State::OnSite) {
        return Vec::new();
    }
    let log = case.travel_log.as_ref();
    let start = log
        .and_then(|l| l.legs.iter().map(|leg| leg.date.value).min())
        .or_else(|| {
            file.timeline
                .as_ref()
                .and_then(|t| t.started_at.as_ref())
                .map(|t| t.value.with_timezone(&offset).date_naive())
        });
    let end = log
        .and_then(|l| l.back_home_at.as_ref())
        .map(|t| t.value.with_timezone(&offset).date_naive());
    let end = match (end, state) {
        (Some(end), _) => end,
        (None, State::OnSite) => today,
        (None, _) => return Vec::new(),
    };
    let Some(start) = start else {
        return Vec::new();
    };
    // Check-ins are those `svc checkin` recorded (7.5), in case.toml.
    let mut times: Vec<_> = file.checkins.iter().map(|c| c.at.value).collect();
    times.sort();
    times.dedup();
    let days: Vec<NaiveDate> = times
        .iter()
        .map(|t| t.with_timezone(&offset).date_naive())
        .collect();
    // A return recorded in the future is a `dates` error; count only the trip until today.
    let end = end.min(today);
    let mut weeks = Vec::new();
    let mut from = start;
    while from <= end {
        let to = (from + Duration::days(6)).min(end);
        let length = (to - from).num_days() + 1;
        let needed = (2 * length as u64).div_ceil(7).max(1) as usize;
        let had = days.iter().filter(|d| **d >= from && **d <= to).count();
        weeks.push(CheckinWeek {
            from,
            to,
            had,
            needed,
        });
        from += Duration::days(7);
    }
    weeks
}

/// 7.5: while travelling, at least two check-ins (phone, fax or e-mail) in every 7 days;
/// a last stretch shorter than a week needs its share (one for up to three days).
pub fn r7_5_checkins(cx: &Context, case: &Case, out: &mut Vec<Finding>) {
    let Some(file) = &case.file else {
        return;
    };
    // Today counts only while the trip is not over: on site with no return recorded, or a
    // return still to come. Once home, the weeks are those up to the return.
    let offset = cx.ws.offset();
    let home = case
        .travel_log
        .as_ref()
        .and_then(|l| l.back_home_at.as_ref())
        .map(|t| t.value.with_timezone(&offset).date_naive());
    let travelling = state(case).is_some_and(|s| s.reached(State::OnSite));
    let today = match home {
        Some(end) if !travelling || cx.day_has_come(end) => end,
        None if state(case) != Some(State::OnSite) => NaiveDate::MIN,
        _ => cx.today(),
    };
    let short: Vec<(NaiveDate, NaiveDate, usize, usize)> = checkin_weeks(offset, case, today)
        .into_iter()
        .filter(|w| !w.met())
        .map(|w| (w.from, w.to, w.had, w.needed))
        .collect();
    if short.is_empty() {
        return;
    }
    let log = case.travel_log.as_ref();
    let location = log.map_or_else(|| file.at(file.state.span), |l| l.at(l.span));
    let hint = t!("rule-7-5-short-checkins-hint", case = &file.id.value);
    // One finding a week is right for a trip; a long run of them says one thing.
    let shown = if short.len() > 3 { 2 } else { short.len() };
    for (from, to, had, needed) in &short[..shown] {
        out.push(
            Finding::warning(
                "7.5",
                location.clone(),
                t!(
                    "rule-7-5-short-checkins",
                    count = *had,
                    from = from.to_string(),
                    to = to.to_string(),
                    needed = *needed
                ),
            )
            .hint(hint.clone()),
        );
    }
    if let (Some(first), Some(last)) = (short.get(shown), short.last()) {
        out.push(
            Finding::warning(
                "7.5",
                location,
                t!(
                    "rule-7-5-more-weeks",
                    count = short.len() - shown,
                    from = first.0.to_string(),
                    to = last.1.to_string()
                ),
            )
            .hint(hint),
        );
    }
}

/// 7.6: one visit record for every site the task sheet sends the engineer to.
pub fn r7_6_visit_per_site(_cx: &Context, case: &Case, out: &mut Vec<Finding>) {
    let (Some(file), Some(state)) = (&case.file, state(case)) else {
        return;
    };
    for visit in &case.visits {
        let stem = visit
            .source
            .path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let named = stem.split_once('-').map_or(stem, |(_, site)| site);
        if named != visit.site.value {
            out.push(
                Finding::warning(
                    "7.6",
                    visit.at(visit.site.span),
                    t!(
                        "rule-7-6-file-name",
                        site = &visit.site.value,
                        named = named
                    ),
                )
                .hint(t!("rule-7-6-file-name-hint", site = &visit.site.value)),
            );
        }
    }
    if !state.reached(State::Serviced)
        || case
            .files
            .get(&FormKind::Visit)
            .is_some_and(|f| f.len() > case.visits.len())
    {
        return;
    }
    let Some(sheet) = &case.task_sheet else {
        return;
    };
    for site in &sheet.sites.value {
        if !case.visits.iter().any(|v| v.site.value == site.value) {
            out.push(
                Finding::error(
                    "7.6",
                    sheet.at(site.span),
                    t!("rule-7-6-no-visit", site = &site.value),
                )
                .hint(t!(
                    "rule-7-6-no-visit-hint",
                    case = &file.id.value,
                    site = &site.value
                )),
            );
        }
    }
    if case.visits.is_empty() && sheet.sites.value.is_empty() {
        out.push(
            Finding::error(
                "7.6",
                file.at(file.state.span),
                t!("rule-7-6-no-visits", state = state.to_string()),
            )
            .hint(t!("rule-7-6-no-visits-hint")),
        );
    }
}

/// 7.7: each visit record carries the customer's confirmation when the workspace asks for
/// it, and always when fees are charged (9.2).
pub fn r7_7_confirmation(cx: &Context, case: &Case, out: &mut Vec<Finding>) {
    let charged = charges(case);
    if !cx.ws.requires_confirmation() && !charged {
        return;
    }
    for visit in case.visits.iter().filter(|v| v.confirmation.is_none()) {
        let why = if charged {
            t!("rule-7-7-why-fees")
        } else {
            t!("rule-7-7-why-settings")
        };
        out.push(
            Finding::error(
                "7.7",
                visit.at(visit.span),
                t!(
                    "rule-7-7-no-confirmation",
                    site = &visit.site.value,
                    why = why
                ),
            )
            .hint(t!("rule-7-7-no-confirmation-hint")),
        );
    }
}

/// When a traveller arriving home at `arrived` is due back at work (7.8): that afternoon
/// after a morning arrival on a working day (before the morning's end), else the next
/// working morning, holidays skipped and make-up working days counted (the workspace's
/// calendar); true when due the same afternoon.
pub fn return_deadline(ws: &Workspace, arrived: Timestamp) -> (NaiveDateTime, bool) {
    let calendar = ws.calendar();
    let hours = calendar.hours();
    let arrived = arrived.with_timezone(&ws.offset());
    let day = arrived.date_naive();
    let same_afternoon = calendar.is_working_day(day) && arrived.time() < hours.morning.1;
    let deadline = if same_afternoon {
        day.and_time(hours.afternoon.0)
    } else {
        calendar.next_working_day(day).and_time(hours.morning.0)
    };
    (deadline, same_afternoon)
}

/// The first holiday between the day of arrival and the day due back, for the message.
fn holiday_between(ws: &Workspace, arrived: NaiveDate, due: NaiveDate) -> Option<String> {
    let locale = crate::i18n::current();
    arrived
        .iter_days()
        .skip(1)
        .take_while(|d| *d < due)
        .find_map(|d| ws.calendar().holiday_in(d, locale))
        .map(str::to_owned)
}

/// 7.8: back in the home city in the morning, at work that afternoon; in the afternoon, at
/// work on time the next working day.
pub fn r7_8_return_to_work(cx: &Context, case: &Case, out: &mut Vec<Finding>) {
    let Some(log) = &case.travel_log else { return };
    let Some(home) = &log.back_home_at else {
        return;
    };
    let offset = cx.ws.offset();
    let arrived = home.value.with_timezone(&offset);
    let (deadline, same_afternoon) = return_deadline(cx.ws, home.value);
    let Some(work) = &log.back_at_work_at else {
        if state(case).is_some_and(|s| s.reached(State::PendingReview)) {
            out.push(
                Finding::warning("7.8", log.at(home.span), t!("rule-7-8-no-back-at-work"))
                    .hint(t!("rule-7-8-no-back-at-work-hint")),
            );
        }
        return;
    };
    let back = work.value.with_timezone(&offset).naive_local();
    if back > deadline {
        let holiday = holiday_between(cx.ws, arrived.date_naive(), deadline.date());
        let due = match (same_afternoon, holiday) {
            (true, _) => t!("rule-7-8-due-afternoon"),
            (false, Some(holiday)) => t!("rule-7-8-due-morning-after", holiday = holiday),
            (false, None) => t!("rule-7-8-due-morning"),
        };
        out.push(
            Finding::warning(
                "7.8",
                log.at(work.span),
                t!(
                    "rule-7-8-late",
                    back = back.format("%Y-%m-%d %H:%M").to_string(),
                    arrived = arrived.format("%Y-%m-%d %H:%M").to_string(),
                    due = due,
                    deadline = deadline.format("%Y-%m-%d %H:%M").to_string()
                ),
            )
            .hint(t!("rule-7-8-late-hint")),
        );
    }
}

/// 8.6: after the trip the engineer hands in the travel log and the summary report.
pub fn r8_6_records_handed_in(_cx: &Context, case: &Case, out: &mut Vec<Finding>) {
    let (Some(file), Some(state)) = (&case.file, state(case)) else {
        return;
    };
    if !state.reached(State::PendingReview) {
        return;
    }
    for form in [FormKind::TravelLog, FormKind::Summary] {
        if !case.has_file(form) {
            let state = state.to_string();
            let message = if form == FormKind::TravelLog {
                t!("rule-8-6-no-travel-log", state = state)
            } else {
                t!("rule-8-6-no-summary", state = state)
            };
            out.push(
                Finding::error("8.6", file.at(file.state.span), message).hint(t!(
                    "rule-8-6-hint",
                    case = &file.id.value,
                    form = form.name()
                )),
            );
        }
    }
}

/// 5.1.6, 5.2.4: a reviewed case carries the review of the CSC (or of Sales when Sales
/// assigned it).
pub fn r5_1_6_reviewed(cx: &Context, case: &Case, out: &mut Vec<Finding>) {
    let (Some(file), Some(state)) = (&case.file, state(case)) else {
        return;
    };
    let by_sales = file
        .assigned_via
        .as_ref()
        .is_some_and(|v| v.value == Role::Sales);
    for a in approvals(case, ApprovalKind::Review) {
        let allowed = a.role.value == Role::Csc || (by_sales && a.role.value == Role::Sales);
        if !allowed
            || (cx.ws.people.contains_key(&a.by.value)
                && !cx.ws.has_role(&a.by.value, a.role.value))
        {
            out.push(
                Finding::error(
                    "5.1.6",
                    file.at(a.by.span),
                    t!(
                        "rule-5-1-6-wrong-role",
                        person = &a.by.value,
                        role = a.role.value.to_string()
                    ),
                )
                .hint(t!("rule-5-1-6-wrong-role-hint")),
            );
        }
        if file.assignees.iter().any(|x| x.value == a.by.value) {
            out.push(
                Finding::error(
                    "5.1.6",
                    file.at(a.by.span),
                    t!("rule-5-1-6-own-records", person = &a.by.value),
                )
                .hint(t!("rule-5-1-6-own-records-hint")),
            );
        }
        if a.covers.is_empty() {
            out.push(super::uncovering("5.1.6", file, a));
            continue;
        }
        let changed = super::changed_since(case, a);
        if !changed.is_empty() {
            out.push(
                Finding::error(
                    "5.1.6",
                    file.at(a.by.span),
                    t!(
                        "rule-5-1-6-changed",
                        files = changed.join(", "),
                        person = &a.by.value,
                        at = a.at.value.format("%Y-%m-%d %H:%M").to_string()
                    ),
                )
                .hint(t!("rule-5-1-6-changed-hint")),
            );
        }
    }
    if state.reached(State::Reviewed) && approvals(case, ApprovalKind::Review).next().is_none() {
        out.push(
            Finding::error(
                "5.1.6",
                file.at(file.state.span),
                t!("rule-5-1-6-no-review", state = state.to_string()),
            )
            .hint(t!("rule-5-1-6-no-review-hint")),
        );
    }
}

/// 7.9: an expense claim carries the field service records and the summary report.
pub fn r7_9_expense_claim(case: &Case) -> Vec<Finding> {
    let mut out = Vec::new();
    let here = case
        .file
        .as_ref()
        .map_or_else(|| Location::file(&case.dir), |f| f.at(f.span));
    if case.visits.is_empty() {
        out.push(
            Finding::error("7.9", here.clone(), t!("rule-7-9-no-visits"))
                .hint(t!("rule-7-9-no-visits-hint")),
        );
    }
    if case.summary.is_none() {
        out.push(
            Finding::error("7.9", here, t!("rule-7-9-no-summary"))
                .hint(t!("rule-7-9-no-summary-hint")),
        );
    }
    out
}
