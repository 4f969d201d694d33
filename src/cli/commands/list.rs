//! `svc list`

use crate::cli::{
    Env, done,
    error::{CliError, CliResult},
};
use chrono::NaiveDate;
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use svc::forms::State;
use svc::forms::decode::Timestamp;
use svc::forms::text::visible;
use svc::rules::targets::{self, Clock};
use svc::rules::validate::{Filter, Overview};
use svc::t;
use svc::workspace::Workspace;

/// A case as `svc list --json` gives it: its overview and its response targets' clocks.
#[derive(serde::Serialize)]
struct Row<'o> {
    #[serde(flatten)]
    overview: &'o Overview,
    targets: Vec<Clock>,
}

/// List cases.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    filters: Filters,
}

/// Which cases: the filters of `svc list` (and `svc export cases`).
#[derive(Debug, clap::Args)]
pub struct Filters {
    /// Only cases in this state
    #[arg(long, value_parser = parse_state)]
    state: Option<State>,
    /// Only cases assigned to this person (`me`: the person whose e-mail is git's user.email)
    #[arg(long, value_name = "PERSON")]
    assignee: Option<String>,
    /// Only cases of this customer
    #[arg(long, value_name = "CUSTOMER")]
    customer: Option<String>,
    /// Only cases opened on or after this date (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    since: Option<NaiveDate>,
    /// Only cases that broke a response target (5.1.7): met late, or overdue now
    #[arg(long)]
    breached: bool,
}

fn parse_state(text: &str) -> Result<State, String> {
    text.parse()
}

/// The filters with the names in them checked: the assignee as a person's id.
pub struct Resolved<'f> {
    filter: Filter,
    ws: &'f Workspace,
    now: Timestamp,
}

impl Filters {
    /// Check the names the filters give (before any case is read): a person or customer
    /// that does not exist is refused, with the closest one; `me` is the person running.
    pub fn resolve<'f>(
        &'f self,
        env: &Env,
        ws: &'f Workspace,
        now: Timestamp,
    ) -> Result<Resolved<'f>, CliError> {
        let assignee = match self.assignee.as_deref() {
            Some(name) => Some(person(env, ws, name)?),
            None => None,
        };
        if let Some(c) = &self.customer
            && !ws.customers.contains_key(c)
        {
            let mut err = CliError::refused(t!("cli-list-unknown-customer", customer = c));
            if let Some(hint) = svc::workspace::suggest(c, ws.customers.keys().map(String::as_str))
            {
                err = err.hint(hint);
            }
            return Err(err);
        }
        Ok(Resolved {
            filter: Filter {
                state: self.state,
                assignee,
                customer: self.customer.clone(),
                since: self.since,
                breached: self.breached,
            },
            ws,
            now,
        })
    }
}

/// A person named on the command line, as their id: `me` is the person whose e-mail is
/// git's user.email; a name people.toml does not list is refused, with the closest one.
pub fn person(env: &Env, ws: &Workspace, name: &str) -> Result<String, CliError> {
    if name == "me" {
        return env.current_person(ws);
    }
    if !ws.people.contains_key(name) {
        let mut err = CliError::refused(t!("cli-list-unknown-person", person = name));
        if let Some(hint) = svc::workspace::suggest(name, ws.people.keys().map(String::as_str)) {
            err = err.hint(hint);
        }
        return Err(err);
    }
    Ok(name.to_string())
}

impl Resolved<'_> {
    /// The overviews that pass the filters, in order.
    pub fn cases<'r>(&self, overviews: &'r [Overview]) -> Vec<&'r Overview> {
        overviews
            .iter()
            .filter(|c| self.filter.keeps(self.ws, self.now, c))
            .collect()
    }
}

/// List the cases that pass the filters.
pub fn run(args: Args, env: &Env) -> CliResult {
    let ws = env.workspace()?;
    let now = env.now(&ws)?;
    let filters = args.filters.resolve(env, &ws, now)?;
    let result = env.validate(&ws, None, now);
    let offset = ws.offset();
    let cases = filters.cases(&result.cases);
    if env.ui.json {
        let rows: Vec<Row> = cases
            .iter()
            .map(|c| Row {
                overview: c,
                targets: c.deadlines.iter().map(|d| d.at(&ws, now)).collect(),
            })
            .collect();
        env.ui.json(&rows)?;
        return done();
    }
    if cases.is_empty() {
        env.ui.note(t!("cli-list-none"));
        return done();
    }
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    // The targets' column only where the workspace has targets (5.1.7).
    let with_targets = cases.iter().any(|c| !c.deadlines.is_empty());
    let mut header = vec![
        "Case 服务单",
        "State 状态",
        "Customer 客户",
        "Opened 受理",
        "Assignees 人员",
        "Title 标题",
    ];
    if with_targets {
        header.push("Targets 时限");
    }
    header.push("Findings");
    table.set_header(header);
    for c in &cases {
        let findings = match (c.errors, c.warnings) {
            (0, 0) => String::new(),
            (e, 0) => t!("cli-list-errors", errors = e),
            (0, w) => t!("cli-list-warnings", warnings = w),
            (e, w) => t!("cli-list-errors-warnings", errors = e, warnings = w),
        };
        let mut cells = vec![
            c.id.clone(),
            c.state.map_or_else(|| "?".to_string(), |s| s.to_string()),
            c.customer.clone().unwrap_or_default(),
            c.opened_at
                .map(|t| t.with_timezone(&offset).format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            c.assignees.join(", "),
            c.title.clone().unwrap_or_default(),
        ];
        if with_targets {
            cells.push(targets::flags(&ws, &c.deadlines, now));
        }
        cells.push(findings);
        // One line a case, whatever the data holds.
        table.add_row(cells.iter().map(|cell| visible(cell).into_owned()));
    }
    env.ui.line(table.to_string());
    env.ui.note(t!("cli-list-count", count = cases.len()));
    done()
}
