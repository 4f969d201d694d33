//! `svc calendar`: who is away when — the trips planned and travelled and the site visits
//! of the cases, and the maintenance plans' occurrences, as a table, as JSON, or as an
//! iCalendar feed to subscribe to.

use super::list;
use crate::cli::output::{choose, write_bytes};
use crate::cli::{Env, done, error::CliError, error::CliResult};
use chrono::{Days, NaiveDate};
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use std::path::PathBuf;
use svc::forms::text::visible;
use svc::report::away::{self, Event, Query};
use svc::report::names;
use svc::t;
use svc::workspace::Workspace;

/// How many days the calendar covers when `--to` is not given: four weeks.
const DEFAULT_DAYS: u64 = 28;

/// Who is away when.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this person's trips and visits (`me`: the person whose e-mail is git's user.email)
    #[arg(long, value_name = "PERSON")]
    person: Option<String>,
    /// The first day (YYYY-MM-DD; default: today)
    #[arg(long, value_name = "DATE")]
    from: Option<NaiveDate>,
    /// The last day, included (YYYY-MM-DD; default: four weeks from the first day)
    #[arg(long, value_name = "DATE")]
    to: Option<NaiveDate>,
    /// Output format (default: from -o's extension, else text; json with --json)
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Option<CalendarFormat>,
    /// Write to FILE instead of standard output
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// The formats of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum CalendarFormat {
    /// A table, one line per trip or visit
    Text,
    /// An iCalendar feed (RFC 5545), for a phone's or desktop's calendar to subscribe to
    Ics,
    /// JSON: an array of the events
    Json,
}

/// Show who is away when.
pub fn run(args: Args, env: &Env) -> CliResult {
    let format = match choose(args.format, args.output.as_deref())? {
        Some(f) => f,
        None if env.ui.json => CalendarFormat::Json,
        None => CalendarFormat::Text,
    };
    let ws = env.workspace()?;
    let now = env.now(&ws)?;
    let offset = ws.offset();
    let first = args
        .from
        .unwrap_or_else(|| now.with_timezone(&offset).date_naive());
    let last = args.to.unwrap_or_else(|| {
        first
            .checked_add_days(Days::new(DEFAULT_DAYS - 1))
            .unwrap_or(NaiveDate::MAX)
    });
    if last < first {
        return Err(CliError::usage(t!(
            "cli-calendar-backwards",
            from = first.to_string(),
            to = last.to_string()
        ))
        .hint(t!("cli-calendar-backwards-hint")));
    }
    let person = match args.person.as_deref() {
        Some(name) => Some(list::person(env, &ws, name)?),
        None => None,
    };
    let query = Query {
        first,
        last,
        person: person.as_deref(),
    };
    let validation = env.validate(&ws, None, now);
    let today = now.with_timezone(&offset).date_naive();
    let events = away::gather(&ws, &validation, &query, today);
    let output = args.output.as_deref();
    let what = || t!("cli-calendar-what", count = events.len());
    match format {
        CalendarFormat::Json => {
            let entries = away::entries(&ws, &events);
            if output.is_none() {
                env.ui.json(&entries)?;
                return done();
            }
            let mut text = serde_json::to_string_pretty(&entries)
                .map_err(|e| CliError::env(t!("cli-export-json", error = e.to_string())))?;
            text.push('\n');
            write_bytes(env, output, text.as_bytes(), false, what)?;
        }
        CalendarFormat::Ics => {
            let feed = away::feed(&ws, &events, env.paper_locale(&ws), now, query.person);
            write_bytes(env, output, feed.as_bytes(), false, what)?;
        }
        CalendarFormat::Text if events.is_empty() => {
            env.ui.note(t!(
                "cli-calendar-none",
                from = first.to_string(),
                to = last.to_string()
            ));
        }
        CalendarFormat::Text => {
            let table = table(&ws, &events);
            match output {
                Some(_) => write_bytes(env, output, format!("{table}\n").as_bytes(), false, what)?,
                None => {
                    env.ui.line(table);
                    env.ui.note(t!(
                        "cli-calendar-count",
                        count = events.len(),
                        from = first.to_string(),
                        to = last.to_string()
                    ));
                }
            }
        }
    }
    done()
}

/// The events as a table, one line each, in the language messages are said in.
fn table(ws: &Workspace, events: &[Event]) -> String {
    let locale = svc::i18n::current();
    let comma = svc::t!("report-list-comma");
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    table.set_header(vec![
        "When 时间",
        "What 事项",
        "Who 人员",
        "Where 地点",
        "Case 服务单",
        "Title 标题",
    ]);
    for e in events {
        let people: Vec<String> = e.people.iter().map(|p| names::person(ws, p)).collect();
        let sites: Vec<String> = e
            .sites
            .iter()
            .map(|s| away::site_label(ws, &e.customer, s))
            .collect();
        let cells = [
            away::when_text(ws, &e.when),
            e.kind.name(locale),
            people.join(&comma),
            sites.join("; "),
            e.case.clone(),
            e.title.clone(),
        ];
        // One line an event, whatever the data holds.
        table.add_row(cells.iter().map(|cell| visible(cell).into_owned()));
    }
    table.to_string()
}
