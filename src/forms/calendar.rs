//! The company's working calendar: the working hours of a day (`[workday]` in `svc.toml`)
//! and, for each year an admin has written one, `calendar/<year>.toml` with the public
//! holidays and the make-up working days (调休上班) the State Council announces for it.
//!
//! Everything that counts working time asks a [`WorkingCalendar`]: the return to work after
//! a trip (7.8), and any response-time target. The arithmetic is on local naive times in
//! the workspace's time zone; callers convert. It walks a day at a time, and jumps whole
//! weeks where no holiday or make-up day lies, so a year of minutes costs no more than a
//! week of them, and nothing it is given makes it panic.

use crate::forms::config::Locale;
use crate::forms::decode::{Decode, Decoder, Sp};
use crate::forms::finding::{Finding, Location};
use crate::forms::node::{Kind, Node};
use crate::forms::source::SourceFile;
use crate::{record, t};
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};

/// The folder of the calendar files, relative to the workspace root.
pub const CALENDAR_DIR: &str = "calendar";

/// A year of the calendar: 1 to 9999, as a calendar file's name writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Year(pub i32);

impl Decode for Year {
    fn decode(node: &Node, d: &mut Decoder) -> Option<Self> {
        match node.kind {
            Kind::Int(n @ 1..=9999) => Some(Year(n as i32)),
            _ => {
                let found = match &node.kind {
                    Kind::Int(n) => n.to_string(),
                    Kind::BigInt(n) => n.clone(),
                    Kind::Str(s) => format!("\"{s}\""),
                    other => crate::forms::decode::kind_said(other),
                };
                d.problem(
                    node.span,
                    t!("ws-schema-year", found = found),
                    Some(t!("ws-schema-year-hint")),
                );
                None
            }
        }
    }
    fn schema() -> Value {
        json!({ "type": "integer", "minimum": 1, "maximum": 9999 })
    }
}

record! {
    /// A public holiday: the days off from `from` to `to`, both included.
    pub struct Holiday ("a holiday") {
        /// 名称 · name, e.g. 国庆节
        pub name: String,
        /// 英文名称 · name in English, e.g. National Day
        pub name_en: Option<String>,
        /// 首日 · first day off
        pub from: Sp<NaiveDate>,
        /// 末日 · last day off
        pub to: Sp<NaiveDate>,
    }
}

record! {
    /// A make-up working day (调休上班): a Saturday or Sunday that is worked.
    pub struct MakeUpDay ("a make-up working day") {
        /// 日期 · date
        pub date: Sp<NaiveDate>,
        /// 名称 · name, e.g. 国庆节调休
        pub name: Option<String>,
    }
}

record! {
    /// `calendar/<year>.toml`: one year's public holidays and make-up working days.
    pub struct CalendarFile ("calendar/<year>.toml") {
        /// 年份 · the year (= file name)
        pub year: Sp<Year>,
        /// 法定节假日 · public holidays
        pub holidays: Vec<Holiday>,
        /// 调休上班日 · make-up working days: weekend days that are worked
        pub workdays: Vec<MakeUpDay>,
    }
}

/// The year a calendar file's name says (`calendar/2026.toml` → 2026), if it names one.
pub fn named_year(path: &std::path::Path) -> Option<i32> {
    let stem = path.file_stem()?.to_str()?;
    let ext = path.extension()?.to_str()?;
    (ext == "toml" && stem.len() == 4 && stem.bytes().all(|b| b.is_ascii_digit()))
        .then(|| stem.parse().ok())
        .flatten()
        .filter(|y| *y >= 1)
}

impl Holiday {
    /// Whether the holiday's days are in `year` and in order.
    fn sound(&self, year: i32) -> bool {
        self.from.value <= self.to.value
            && self.from.value.year() == year
            && self.to.value.year() == year
    }
}

impl CalendarFile {
    /// What is wrong in the file read from `source`: a year that differs from the file's
    /// name, a day outside the year, a holiday ending before it begins, holidays that
    /// overlap, a make-up working day inside a holiday (errors), and a make-up working day
    /// that is not a Saturday or Sunday (a warning: the day is worked anyway).
    pub fn findings(&self, source: &SourceFile) -> Vec<Finding> {
        let at = |span| Location::at(source, span);
        let year = self.year.value.0;
        let file = source.path.display().to_string();
        let mut found = Vec::new();
        if named_year(&source.path) != Some(year) {
            found.push(
                Finding::error(
                    "layout",
                    at(self.year.span),
                    t!(
                        "ws-calendar-year-mismatch",
                        year = year.to_string(),
                        file = &file
                    ),
                )
                .hint(t!(
                    "ws-calendar-year-mismatch-hint",
                    year = year.to_string()
                )),
            );
        }
        let mut dates: Vec<&Sp<NaiveDate>> = Vec::new();
        for h in &self.holidays {
            dates.extend([&h.from, &h.to]);
        }
        dates.extend(self.workdays.iter().map(|w| &w.date));
        for date in dates.into_iter().filter(|d| d.value.year() != year) {
            found.push(
                Finding::error(
                    "layout",
                    at(date.span),
                    t!(
                        "ws-calendar-outside-year",
                        date = date.value.to_string(),
                        year = year.to_string()
                    ),
                )
                .hint(t!("ws-calendar-outside-year-hint", year = year.to_string())),
            );
        }
        for h in self.holidays.iter().filter(|h| h.to.value < h.from.value) {
            found.push(
                Finding::error(
                    "layout",
                    at(h.to.span),
                    t!(
                        "ws-calendar-reversed",
                        name = &h.name,
                        from = h.from.value.to_string(),
                        to = h.to.value.to_string()
                    ),
                )
                .hint(t!("ws-calendar-reversed-hint")),
            );
        }
        let ordered: Vec<&Holiday> = self
            .holidays
            .iter()
            .filter(|h| h.from.value <= h.to.value)
            .collect();
        for (i, h) in ordered.iter().enumerate() {
            if let Some(other) = ordered[..i]
                .iter()
                .find(|o| o.from.value <= h.to.value && h.from.value <= o.to.value)
            {
                found.push(
                    Finding::error(
                        "layout",
                        at(h.from.span),
                        t!(
                            "ws-calendar-overlap",
                            name = &h.name,
                            from = h.from.value.to_string(),
                            to = h.to.value.to_string(),
                            other = &other.name,
                            other_from = other.from.value.to_string(),
                            other_to = other.to.value.to_string()
                        ),
                    )
                    .hint(t!("ws-calendar-overlap-hint")),
                );
            }
        }
        for w in &self.workdays {
            let day = w.date.value;
            if let Some(h) = ordered
                .iter()
                .find(|h| h.from.value <= day && day <= h.to.value)
            {
                found.push(
                    Finding::error(
                        "layout",
                        at(w.date.span),
                        t!(
                            "ws-calendar-workday-in-holiday",
                            date = day.to_string(),
                            name = &h.name,
                            from = h.from.value.to_string(),
                            to = h.to.value.to_string()
                        ),
                    )
                    .hint(t!("ws-calendar-workday-in-holiday-hint")),
                );
            } else if !is_weekend(day) {
                found.push(
                    Finding::warning(
                        "layout",
                        at(w.date.span),
                        t!("ws-calendar-workday-not-weekend", date = day.to_string()),
                    )
                    .hint(t!("ws-calendar-workday-not-weekend-hint")),
                );
            }
        }
        found
    }
}

/// The two working periods of a day: the morning and the afternoon, each from its start
/// (included) to its end (excluded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkingHours {
    /// Morning start and end, e.g. 08:30–12:00.
    pub morning: (NaiveTime, NaiveTime),
    /// Afternoon start and end, e.g. 14:00–17:30.
    pub afternoon: (NaiveTime, NaiveTime),
}

impl Default for WorkingHours {
    /// 08:30–12:00 and 14:00–17:30.
    fn default() -> WorkingHours {
        let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default();
        WorkingHours {
            morning: (at(8, 30), at(12, 0)),
            afternoon: (at(14, 0), at(17, 30)),
        }
    }
}

impl WorkingHours {
    /// The hours, when they are in order: morning start < morning end ≤ afternoon start <
    /// afternoon end.
    pub fn new(
        morning: (NaiveTime, NaiveTime),
        afternoon: (NaiveTime, NaiveTime),
    ) -> Option<WorkingHours> {
        (morning.0 < morning.1 && morning.1 <= afternoon.0 && afternoon.0 < afternoon.1)
            .then_some(WorkingHours { morning, afternoon })
    }

    /// The periods in seconds from midnight, made ordered and disjoint whatever the fields
    /// hold (a period that ends before it starts is empty; one that starts inside the one
    /// before it starts where that one ends).
    fn seconds(&self) -> [(i64, i64); 2] {
        let s = |t: NaiveTime| i64::from(t.num_seconds_from_midnight());
        let m0 = s(self.morning.0);
        let m1 = s(self.morning.1).max(m0);
        let a0 = s(self.afternoon.0).max(m1);
        let a1 = s(self.afternoon.1).max(a0);
        [(m0, m1), (a0, a1)]
    }

    fn from_seconds(periods: [(i64, i64); 2]) -> WorkingHours {
        let t = |s: i64| {
            u32::try_from(s)
                .ok()
                .and_then(|s| NaiveTime::from_num_seconds_from_midnight_opt(s, 0))
                .unwrap_or_default()
        };
        WorkingHours {
            morning: (t(periods[0].0), t(periods[0].1)),
            afternoon: (t(periods[1].0), t(periods[1].1)),
        }
    }
}

/// What a listed day is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Special {
    /// A day of the holiday with this index in `names`.
    Holiday(usize),
    /// A make-up working day.
    Workday,
}

/// The working hours, the holidays and make-up working days, and which years have a
/// calendar file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkingCalendar {
    hours: WorkingHours,
    /// The working periods in seconds from midnight, ordered and disjoint.
    periods: [(i64, i64); 2],
    /// Every day a calendar file lists, holiday or make-up working day.
    special: BTreeMap<NaiveDate, Special>,
    /// The holidays' names: Chinese, and English when given.
    names: Vec<(String, Option<String>)>,
    /// The years a calendar file was read for.
    years: BTreeSet<i32>,
}

impl Default for WorkingCalendar {
    fn default() -> WorkingCalendar {
        WorkingCalendar::weekends_only(WorkingHours::default())
    }
}

const DAY_SECONDS: i64 = 86_400;

/// Whether `day` is a Saturday or a Sunday.
fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The seconds from midnight of a time, its fraction of a second dropped.
fn seconds_of(t: NaiveTime) -> i64 {
    i64::from(t.num_seconds_from_midnight())
}

/// The moment `seconds` from midnight of `day`.
fn moment(day: NaiveDate, seconds: i64) -> NaiveDateTime {
    let time = u32::try_from(seconds.clamp(0, DAY_SECONDS - 1))
        .ok()
        .and_then(|s| NaiveTime::from_num_seconds_from_midnight_opt(s, 0))
        .unwrap_or_default();
    day.and_time(time)
}

impl WorkingCalendar {
    /// A calendar that knows no holidays: Monday to Friday are working days.
    pub fn weekends_only(hours: WorkingHours) -> WorkingCalendar {
        let periods = hours.seconds();
        WorkingCalendar {
            hours: WorkingHours::from_seconds(periods),
            periods,
            special: BTreeMap::new(),
            names: Vec::new(),
            years: BTreeSet::new(),
        }
    }

    /// Add a year's file: its holidays and make-up working days, and its year as known.
    /// Entries [`CalendarFile::findings`] reports as outside the year or reversed are left
    /// out; where a make-up working day falls inside a holiday, the day is worked.
    pub fn add(&mut self, file: &CalendarFile) {
        let year = file.year.value.0;
        self.years.insert(year);
        for h in file.holidays.iter().filter(|h| h.sound(year)) {
            let index = self.names.len();
            self.names.push((h.name.clone(), h.name_en.clone()));
            let mut day = h.from.value;
            while day <= h.to.value {
                self.special.entry(day).or_insert(Special::Holiday(index));
                match day.succ_opt() {
                    Some(next) => day = next,
                    None => break,
                }
            }
        }
        for w in file.workdays.iter().filter(|w| w.date.value.year() == year) {
            self.special.insert(w.date.value, Special::Workday);
        }
    }

    /// The working hours.
    pub fn hours(&self) -> WorkingHours {
        self.hours
    }

    /// Whether `day` is worked: a make-up working day is; a holiday is not; else Monday to
    /// Friday are.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        match self.special.get(&day) {
            Some(Special::Workday) => true,
            Some(Special::Holiday(_)) => false,
            None => !is_weekend(day),
        }
    }

    /// The first working day after `day` (the last day of the calendar when none is left).
    pub fn next_working_day(&self, day: NaiveDate) -> NaiveDate {
        let mut next = day;
        // Runs of days off are as long as the listed holidays and the weekends around them.
        loop {
            match next.succ_opt() {
                Some(d) => next = d,
                None => return next,
            }
            if self.is_working_day(next) {
                return next;
            }
        }
    }

    /// The name of the holiday `day` falls in, as written in its calendar file.
    pub fn holiday(&self, day: NaiveDate) -> Option<&str> {
        self.holiday_in(day, Locale::ZhCn)
    }

    /// The name of the holiday `day` falls in, in `locale` (the English name when the file
    /// gives one, else the name as written).
    pub fn holiday_in(&self, day: NaiveDate, locale: Locale) -> Option<&str> {
        let Some(Special::Holiday(index)) = self.special.get(&day) else {
            return None;
        };
        let (name, name_en) = self.names.get(*index)?;
        Some(match (locale, name_en) {
            (Locale::En, Some(en)) => en,
            _ => name,
        })
    }

    /// Whether a calendar file was read for `year`.
    pub fn knows_year(&self, year: i32) -> bool {
        self.years.contains(&year)
    }

    /// The years a calendar file was read for, in order.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.iter().copied()
    }

    /// The minutes of working time in a working day (420 for 08:30–12:00 and 14:00–17:30).
    pub fn working_day_minutes(&self) -> i64 {
        self.per_day() / 60
    }

    /// The working seconds of a working day.
    fn per_day(&self) -> i64 {
        self.periods.iter().map(|(a, b)| b - a).sum()
    }

    /// The working seconds of `day` before its second `s`.
    fn worked_before(&self, day: NaiveDate, s: i64) -> i64 {
        if !self.is_working_day(day) {
            return 0;
        }
        self.periods.iter().map(|(a, b)| s.clamp(*a, *b) - a).sum()
    }

    /// The first second at or after `s` at which a working day's working time runs.
    fn running_from(&self, s: i64) -> Option<i64> {
        self.periods
            .iter()
            .find(|(a, b)| a < b && s < *b)
            .map(|(a, _)| s.max(*a))
    }

    /// The earliest second of a working day by which `n` (0 < n ≤ a day's) working seconds
    /// have passed since its start: a period's end rather than the next one's start.
    fn second_after(&self, n: i64) -> i64 {
        let [(m0, m1), (a0, _)] = self.periods;
        if n <= m1 - m0 {
            m0 + n
        } else {
            a0 + (n - (m1 - m0))
        }
    }

    /// How many days from `day` to the first listed day on or after it (`None`: none is).
    fn days_to_special(&self, day: NaiveDate) -> Option<i64> {
        self.special
            .range(day..)
            .next()
            .map(|(d, _)| (*d - day).num_days())
    }

    /// The moment `minutes` of working time after `start` (working time = the two periods
    /// of each working day). A start outside working time counts from the next period's
    /// start; the moment a count ends exactly at a period's end is that end. Zero or fewer
    /// minutes give the moment counting starts. A moment past the end of the calendar is
    /// its last; hours with no working time give `start`.
    pub fn add_working_minutes(&self, start: NaiveDateTime, minutes: i64) -> NaiveDateTime {
        let per_day = self.per_day();
        if per_day == 0 {
            return start;
        }
        let week = 5 * per_day;
        let mut day = start.date();
        let mut s = seconds_of(start.time());
        let mut left = minutes.max(0).saturating_mul(60);
        if left == 0 {
            if self.is_working_day(day)
                && let Some(at) = self.running_from(s)
            {
                return moment(day, at);
            }
            let next = self.next_working_day(day);
            if next == day {
                return NaiveDateTime::MAX;
            }
            return moment(next, self.running_from(0).unwrap_or(0));
        }
        loop {
            let done = self.worked_before(day, s);
            let available = if self.is_working_day(day) {
                per_day - done
            } else {
                0
            };
            if left <= available {
                return moment(day, self.second_after(done + left));
            }
            left -= available;
            let Some(next) = day.succ_opt() else {
                return NaiveDateTime::MAX;
            };
            day = next;
            s = 0;
            // Seven days with no listed day among them hold five working days, whatever
            // day they start on. Stop a week short of the end, so that it is found above.
            let free = self.days_to_special(day).unwrap_or(i64::MAX) / 7;
            let weeks = ((left - 1) / week).min(free);
            if weeks > 0 {
                let Some(later) = u64::try_from(weeks)
                    .ok()
                    .and_then(|w| w.checked_mul(7))
                    .and_then(|n| day.checked_add_days(Days::new(n)))
                else {
                    return NaiveDateTime::MAX;
                };
                day = later;
                left -= weeks * week;
            }
        }
    }

    /// The working minutes between two moments (whole minutes; 0 if `to` is not after
    /// `from`).
    pub fn working_minutes(&self, from: NaiveDateTime, to: NaiveDateTime) -> i64 {
        if to <= from {
            return 0;
        }
        let per_day = self.per_day();
        let (first, last) = (from.date(), to.date());
        let (fs, ts) = (seconds_of(from.time()), seconds_of(to.time()));
        if first == last {
            return (self.worked_before(first, ts) - self.worked_before(first, fs)).max(0) / 60;
        }
        let mut total = self.worked_before(first, DAY_SECONDS) - self.worked_before(first, fs)
            + self.worked_before(last, ts);
        let mut day = match first.succ_opt() {
            Some(d) => d,
            None => return total / 60,
        };
        while day < last {
            let free = self.days_to_special(day).unwrap_or(i64::MAX);
            let weeks = (last - day).num_days().min(free) / 7;
            if weeks > 0 {
                total += weeks * 5 * per_day;
                match day.checked_add_days(Days::new(weeks.unsigned_abs() * 7)) {
                    Some(later) => day = later,
                    None => break,
                }
                continue;
            }
            if self.is_working_day(day) {
                total += per_day;
            }
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
        total / 60
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::decode::decode_root;
    use crate::forms::node::parse_toml;

    /// The 2026 schedule as the sample company ships it.
    const SAMPLE: &str = include_str!("../../examples/company/calendar/2026.toml");

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    fn file(text: &str) -> CalendarFile {
        decode_root(&parse_toml(text).unwrap()).unwrap()
    }

    /// 08:30–12:00, 14:00–17:30 (seven hours a day) and the 2026 holidays.
    fn calendar() -> WorkingCalendar {
        let mut c = WorkingCalendar::default();
        c.add(&file(SAMPLE));
        c
    }

    fn problems(text: &str) -> Vec<String> {
        let source = SourceFile::new("calendar/2026.toml", text.to_string());
        file(text)
            .findings(&source)
            .iter()
            .map(|f| format!("{} {}: {}", f.severity, f.location, f.message))
            .collect()
    }

    #[test]
    fn working_days_are_weekdays_but_holidays_and_make_up_days() {
        let c = calendar();
        assert!(c.knows_year(2026) && !c.knows_year(2027));
        // Thursday 1 October is National Day; Saturday 10 October is worked for it.
        assert!(!c.is_working_day(date("2026-10-01")));
        assert_eq!(c.holiday(date("2026-10-01")), Some("国庆节"));
        assert_eq!(
            c.holiday_in(date("2026-10-01"), Locale::En),
            Some("National Day")
        );
        assert!(c.is_working_day(date("2026-10-10")));
        assert_eq!(c.holiday(date("2026-10-10")), None);
        assert!(!c.is_working_day(date("2026-10-11")));
        assert!(c.is_working_day(date("2026-10-12")));
        // Without the file the same days are an ordinary Thursday and Saturday.
        let plain = WorkingCalendar::default();
        assert_eq!(plain.working_day_minutes(), 420);
        assert!(plain.is_working_day(date("2026-10-01")));
        assert!(!plain.is_working_day(date("2026-10-10")));
    }

    #[test]
    fn the_next_working_day_skips_weekends_and_holidays() {
        let c = calendar();
        // Friday → Monday.
        assert_eq!(c.next_working_day(date("2026-10-16")), date("2026-10-19"));
        // Wednesday 30 September → Thursday 8 October, after National Day.
        assert_eq!(c.next_working_day(date("2026-09-30")), date("2026-10-08"));
        // Friday 9 October → the make-up Saturday 10 October.
        assert_eq!(c.next_working_day(date("2026-10-09")), date("2026-10-10"));
        // Friday 18 September → Sunday 20 September, worked for National Day.
        assert_eq!(c.next_working_day(date("2026-09-18")), date("2026-09-20"));
        assert_eq!(c.next_working_day(NaiveDate::MAX), NaiveDate::MAX);
    }

    #[test]
    fn working_time_runs_across_a_weekend() {
        let c = calendar();
        // Friday 16 October 16:00: 1.5 h to 17:30, then 2.5 h from Monday 08:30 → 11:00.
        assert_eq!(
            c.add_working_minutes(at("2026-10-16 16:00"), 240),
            at("2026-10-19 11:00")
        );
        assert_eq!(
            c.working_minutes(at("2026-10-16 16:00"), at("2026-10-19 11:00")),
            240
        );
    }

    #[test]
    fn working_time_runs_across_a_public_holiday() {
        let c = calendar();
        // Wednesday 30 September 16:00: 1.5 h that day; 1–7 October are National Day;
        // Thursday 8 October 08:30 + 2.5 h → 11:00.
        assert_eq!(
            c.add_working_minutes(at("2026-09-30 16:00"), 240),
            at("2026-10-08 11:00")
        );
        assert_eq!(
            c.working_minutes(at("2026-09-30 16:00"), at("2026-10-08 11:00")),
            240
        );
        // The whole holiday week counts nothing.
        assert_eq!(
            c.working_minutes(at("2026-09-30 17:30"), at("2026-10-08 08:30")),
            0
        );
        // Without the calendar the same four hours end on Thursday 1 October.
        assert_eq!(
            WorkingCalendar::default().add_working_minutes(at("2026-09-30 16:00"), 240),
            at("2026-10-01 11:00")
        );
    }

    #[test]
    fn a_make_up_saturday_is_worked() {
        let c = calendar();
        // Friday 9 October 17:00: half an hour, then Saturday 10 October from 08:30.
        assert_eq!(
            c.add_working_minutes(at("2026-10-09 17:00"), 60),
            at("2026-10-10 09:00")
        );
        // A whole make-up day is seven hours; Sunday 11 October is off again.
        assert_eq!(
            c.working_minutes(at("2026-10-10 00:00"), at("2026-10-12 00:00")),
            420
        );
        assert_eq!(
            c.add_working_minutes(at("2026-10-10 17:00"), 60),
            at("2026-10-12 09:00")
        );
    }

    #[test]
    fn the_lunch_break_is_not_working_time() {
        let c = calendar();
        // 11:00 + 2 h: one hour to 12:00, then 14:00 + 1 h.
        assert_eq!(
            c.add_working_minutes(at("2026-10-12 11:00"), 120),
            at("2026-10-12 15:00")
        );
        // A count that ends at noon ends at noon, not at 14:00.
        assert_eq!(
            c.add_working_minutes(at("2026-10-12 11:00"), 60),
            at("2026-10-12 12:00")
        );
        assert_eq!(
            c.working_minutes(at("2026-10-12 11:30"), at("2026-10-12 14:30")),
            60
        );
    }

    #[test]
    fn a_start_outside_working_time_counts_from_the_next_period() {
        let c = calendar();
        // Lunch: from 14:00.
        assert_eq!(
            c.add_working_minutes(at("2026-10-12 12:30"), 30),
            at("2026-10-12 14:30")
        );
        // Before work: from 08:30.
        assert_eq!(
            c.add_working_minutes(at("2026-10-12 06:00"), 30),
            at("2026-10-12 09:00")
        );
        // Evening: the next morning.
        assert_eq!(
            c.add_working_minutes(at("2026-10-12 20:00"), 30),
            at("2026-10-13 09:00")
        );
        // Saturday: Monday morning.
        assert_eq!(
            c.add_working_minutes(at("2026-10-17 10:00"), 30),
            at("2026-10-19 09:00")
        );
        // No minutes: the moment the count starts.
        assert_eq!(
            c.add_working_minutes(at("2026-09-30 18:00"), 0),
            at("2026-10-08 08:30")
        );
        assert_eq!(
            c.add_working_minutes(at("2026-10-12 12:00"), 0),
            at("2026-10-12 14:00")
        );
        assert_eq!(
            c.add_working_minutes(at("2026-10-12 10:00"), -5),
            at("2026-10-12 10:00")
        );
        assert_eq!(
            c.working_minutes(at("2026-10-12 18:00"), at("2026-10-12 08:00")),
            0
        );
    }

    #[test]
    fn a_year_of_minutes_is_counted_by_weeks() {
        let c = calendar();
        // 2026 has 248 working days: 261 weekdays (52 weeks and Thursday 1 January), 19 of
        // them holidays (1–2 Jan, 16–20 and 23 Feb, 6 Apr, 1, 4 and 5 May, 19 Jun, 25 Sep,
        // 1, 2 and 5–7 Oct), and 6 make-up days.
        let year = c.working_minutes(at("2026-01-01 00:00"), at("2027-01-01 00:00"));
        assert_eq!(year, 248 * 420);
        assert_eq!(
            c.add_working_minutes(at("2026-01-01 00:00"), year),
            at("2026-12-31 17:30")
        );
        // 2027 has no file: 52 weeks of five days, plus Friday 31 December.
        let next = c.working_minutes(at("2027-01-01 00:00"), at("2028-01-01 00:00"));
        assert_eq!(next, 261 * 420);
        // Huge counts end, at the end of the calendar at worst.
        let far = c.add_working_minutes(at("2026-01-01 00:00"), i64::MAX);
        assert_eq!(far, NaiveDateTime::MAX);
        // Ten thousand years of working time, counted both ways.
        let far = c.add_working_minutes(at("2026-01-01 00:00"), 1 << 30);
        assert!(far.date().year() > 11_000, "{far}");
        assert_eq!(c.working_minutes(at("2026-01-01 00:00"), far), 1 << 30);
        let all = c.working_minutes(NaiveDateTime::MIN, NaiveDateTime::MAX);
        assert!(all > 0);
        assert_eq!(
            c.add_working_minutes(NaiveDateTime::MAX, 10),
            NaiveDateTime::MAX
        );
    }

    #[test]
    fn adding_and_counting_agree() {
        let c = calendar();
        let base = at("2026-09-01 00:00");
        // A fixed pseudo-random walk over starts (every quarter hour of four months) and
        // counts (up to two months of working time).
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..2000 {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let start = base + chrono::Duration::minutes(((x >> 33) % (120 * 96)) as i64 * 15);
            let minutes = ((x >> 13) % (44 * 420)) as i64;
            let end = c.add_working_minutes(start, minutes);
            assert_eq!(
                c.working_minutes(start, end),
                minutes,
                "{start} + {minutes}"
            );
            assert!(end >= start || minutes == 0, "{start} + {minutes} = {end}");
            // The end is the earliest such moment: a minute earlier is a minute short.
            if minutes > 0 {
                let before = end - chrono::Duration::minutes(1);
                assert_eq!(c.working_minutes(start, before), minutes - 1);
            }
        }
    }

    #[test]
    fn hours_out_of_order_do_not_break_the_arithmetic() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(
            WorkingHours::new((t(12, 0), t(8, 0)), (t(14, 0), t(17, 0))),
            None
        );
        assert!(WorkingHours::new((t(8, 0), t(12, 0)), (t(12, 0), t(17, 0))).is_some());
        let odd = WorkingCalendar::weekends_only(WorkingHours {
            morning: (t(12, 0), t(8, 0)),
            afternoon: (t(9, 0), t(13, 0)),
        });
        // The morning is empty and the afternoon starts where it ends: 12:00–13:00.
        assert_eq!(
            odd.add_working_minutes(at("2026-10-12 00:00"), 90),
            at("2026-10-13 12:30")
        );
        let none = WorkingCalendar::weekends_only(WorkingHours {
            morning: (t(9, 0), t(9, 0)),
            afternoon: (t(9, 0), t(9, 0)),
        });
        assert_eq!(
            none.add_working_minutes(at("2026-10-12 10:00"), 60),
            at("2026-10-12 10:00")
        );
        assert_eq!(
            none.working_minutes(at("2026-10-12 00:00"), at("2026-10-19 00:00")),
            0
        );
    }

    #[test]
    fn the_sample_calendar_is_sound() {
        assert_eq!(problems(SAMPLE), Vec::<String>::new());
    }

    #[test]
    fn a_broken_calendar_file_is_reported_line_by_line() {
        let text = "year = 2026\n\
            [[holidays]]\nname = \"国庆节\"\nfrom = 2026-10-01\nto = 2026-10-07\n\
            [[holidays]]\nname = \"中秋节\"\nfrom = 2026-09-25\nto = 2026-10-02\n\
            [[holidays]]\nname = \"倒过来\"\nfrom = 2026-05-05\nto = 2026-05-01\n\
            [[holidays]]\nname = \"元旦\"\nfrom = 2027-01-01\nto = 2027-01-03\n\
            [[workdays]]\ndate = 2026-10-03\n\
            [[workdays]]\ndate = 2026-10-14\n";
        let mut found = problems(text);
        found.sort();
        assert_eq!(
            found,
            [
                "error calendar/2026.toml:13:6: holiday 倒过来 ends on 2026-05-01, before it begins on 2026-05-05",
                "error calendar/2026.toml:16:8: 2027-01-01 is not in 2026",
                "error calendar/2026.toml:17:6: 2027-01-03 is not in 2026",
                "error calendar/2026.toml:19:8: make-up working day 2026-10-03 is inside the holiday 国庆节 (2026-10-01 to 2026-10-07)",
                "error calendar/2026.toml:8:8: holiday 中秋节 (2026-09-25 to 2026-10-02) overlaps 国庆节 (2026-10-01 to 2026-10-07)",
                "warning calendar/2026.toml:21:8: make-up working day 2026-10-14 is not a Saturday or Sunday: it is a working day anyway",
            ]
        );
        // A file whose year is not its name's.
        let source = SourceFile::new("calendar/2027.toml", "year = 2026\n".to_string());
        let found: Vec<String> = file("year = 2026\n")
            .findings(&source)
            .iter()
            .map(|f| format!("{}: {}", f.location, f.message))
            .collect();
        assert_eq!(
            found,
            ["calendar/2027.toml:1:8: year 2026 differs from the file's name, calendar/2027.toml"]
        );
    }
}
