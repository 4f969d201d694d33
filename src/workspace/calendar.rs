//! The workspace's working calendar: the working hours in `svc.toml`'s `[workday]` and the
//! holiday files `calendar/<year>.toml`, read once when the workspace opens into one
//! [`WorkingCalendar`]. Every problem in them is a `layout` finding at its line (a time that
//! is not HH:MM is a `schema` finding, as in the rest of `svc.toml`).

use super::{Loaded, Workspace, is_link, link_finding};
use crate::forms::calendar::{
    CALENDAR_DIR, CalendarFile, WorkingCalendar, WorkingHours, named_year,
};
use crate::forms::config::Settings;
use crate::forms::decode::Sp;
use crate::forms::finding::{Finding, Location};
use crate::t;
use chrono::NaiveTime;
use std::path::{Path, PathBuf};

/// The working hours `[workday]` gives, and what is wrong with them. Times that are not
/// HH:MM or are out of order leave the default hours (08:30–12:00, 14:00–17:30) in force.
pub fn hours(settings: Option<&Loaded<Settings>>, found: &mut Vec<Finding>) -> WorkingHours {
    let default = WorkingHours::default();
    let Some((settings, day)) = settings.and_then(|s| Some((s, s.workday.as_ref()?))) else {
        return default;
    };
    let keys: [(&str, Option<&Sp<String>>, NaiveTime); 4] = [
        ("morning_start", Some(&day.morning_start), default.morning.0),
        ("morning_end", day.morning_end.as_ref(), default.morning.1),
        (
            "afternoon_start",
            Some(&day.afternoon_start),
            default.afternoon.0,
        ),
        (
            "afternoon_end",
            day.afternoon_end.as_ref(),
            default.afternoon.1,
        ),
    ];
    let mut times = [NaiveTime::MIN; 4];
    let mut readable = true;
    for (i, (_, written, fallback)) in keys.iter().enumerate() {
        times[i] = match written {
            None => *fallback,
            Some(t) => match NaiveTime::parse_from_str(&t.value, "%H:%M") {
                Ok(time) => time,
                Err(_) => {
                    found.push(
                        Finding::error(
                            "schema",
                            settings.at(t.span),
                            t!("ws-schema-time-of-day", time = &t.value),
                        )
                        .hint(t!("ws-schema-time-of-day-hint")),
                    );
                    readable = false;
                    continue;
                }
            },
        };
    }
    if !readable {
        return default;
    }
    if let Some(hours) = WorkingHours::new((times[0], times[1]), (times[2], times[3])) {
        return hours;
    }
    // The first pair out of order, pointed at where it is written: the later key, else the
    // earlier one (a default end is not written), else the table.
    for i in 0..3 {
        let (earlier, later) = (times[i], times[i + 1]);
        let in_order = if i == 1 {
            earlier <= later
        } else {
            earlier < later
        };
        if in_order {
            continue;
        }
        let span = keys[i + 1].1.or(keys[i].1).map_or(day.span, |t| t.span);
        let args = (
            keys[i + 1].0,
            later.format("%H:%M").to_string(),
            keys[i].0,
            earlier.format("%H:%M").to_string(),
        );
        let message = if i == 1 {
            t!(
                "ws-layout-workday-overlap",
                later = args.0,
                later_time = args.1,
                earlier = args.2,
                earlier_time = args.3
            )
        } else {
            t!(
                "ws-layout-workday-order",
                later = args.0,
                later_time = args.1,
                earlier = args.2,
                earlier_time = args.3
            )
        };
        found.push(
            Finding::error("layout", settings.at(span), message)
                .hint(t!("ws-layout-workday-order-hint")),
        );
        break;
    }
    default
}

/// The calendar of the workspace at `ws.root`: its hours with the holidays of every
/// `calendar/<year>.toml` whose year is its name's; and whether the workspace keeps a
/// `calendar/` folder at all. Problems go to the workspace's findings.
pub(super) fn load(ws: &mut Workspace, hours: WorkingHours) -> (WorkingCalendar, bool) {
    let mut calendar = WorkingCalendar::weekends_only(hours);
    let dir = Path::new(CALENDAR_DIR);
    if is_link(&ws.root, dir) {
        ws.findings.push(link_finding(&ws.root, dir));
        return (calendar, true);
    }
    let path = ws.root.join(dir);
    if !path.exists() {
        return (calendar, false);
    }
    let Some(names) = super::listed_names(&ws.root, dir) else {
        ws.findings.push(
            Finding::error("layout", Location::file(dir), t!("ws-calendar-not-folder"))
                .hint(t!("ws-calendar-not-folder-hint")),
        );
        return (calendar, true);
    };
    for name in names {
        let rel: PathBuf = dir.join(&name);
        let shown = rel.display().to_string();
        if named_year(&rel).is_none() {
            let finding = if name.ends_with(".toml") {
                Finding::error(
                    "layout",
                    Location::file(&rel),
                    t!("ws-calendar-file-name", file = &shown),
                )
            } else if name.ends_with(".yaml") || name.ends_with(".yml") {
                Finding::error(
                    "layout",
                    Location::file(&rel),
                    t!("ws-calendar-not-toml", file = &shown),
                )
            } else {
                Finding::warning(
                    "layout",
                    Location::file(&rel),
                    t!("ws-calendar-ignored", file = &shown),
                )
            };
            ws.findings
                .push(finding.hint(t!("ws-calendar-file-name-hint")));
            continue;
        }
        let Some(file) = ws.load::<CalendarFile>(&rel) else {
            continue;
        };
        ws.findings.extend(file.findings(&file.source));
        if named_year(&rel) == Some(file.year.value.0) {
            calendar.add(&file);
        }
    }
    (calendar, true)
}

/// The warning that the workspace keeps a calendar but none for `year` (today's).
pub fn missing_year(year: i32) -> Finding {
    let file = format!("{CALENDAR_DIR}/{year}.toml");
    Finding::warning(
        "layout",
        Location::file(&file),
        t!(
            "ws-calendar-missing-year",
            file = &file,
            year = year.to_string()
        ),
    )
    .hint(t!(
        "ws-calendar-missing-year-hint",
        file = &file,
        year = year.to_string()
    ))
}
