//! `svc plan list | due | open`: the maintenance plans, the occurrences due, and the
//! opening of their cases.

use super::step;
use crate::cli::{Env, done, error::CliError, error::CliResult};
use chrono::{Days, NaiveDate};
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use std::collections::HashMap;
use svc::forms::config::Role;
use svc::forms::plan::{Plan, parse_lead};
use svc::forms::text::visible;
use svc::history::actions::PlannedCase;
use svc::rules::asset::InstalledBase;
use svc::rules::plan::{self, Covered, Scheduled};
use svc::rules::validate::Validation;
use svc::t;
use svc::team;
use svc::workspace::{Loaded, Workspace};

/// How far ahead `svc plan due` looks unless told: 30 days.
const DEFAULT_WITHIN_DAYS: u64 = 30;

/// Maintenance plans: what they cover, what is due, and opening the due cases
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: PlanCommand,
}

/// The plan subcommands.
#[derive(Debug, clap::Subcommand)]
enum PlanCommand {
    /// List the plans: what each covers, its recurrence and its next date
    List,
    /// List the occurrences due with no case yet (overdue ones marked) and those opened
    Due(Due),
    /// Open a case for each occurrence due, one `new` step each (role csc)
    Open(Open),
}

/// `svc plan due`.
#[derive(Debug, clap::Args)]
struct Due {
    /// How far past today to look, in days or weeks (30d, 2w; default 30d)
    #[arg(long, value_name = "SPAN")]
    within: Option<String>,
}

/// `svc plan open`.
#[derive(Debug, clap::Args)]
struct Open {
    /// Open what falls within this span from today (14d, 2w; default: each plan's lead)
    #[arg(long, value_name = "SPAN")]
    within: Option<String>,
    /// Show what would be opened; write nothing
    #[arg(long)]
    dry_run: bool,
}

/// Run a plan subcommand.
pub fn run(args: Args, env: &Env) -> CliResult {
    match args.command {
        PlanCommand::List => list(env),
        PlanCommand::Due(due_args) => due(due_args, env),
        PlanCommand::Open(open_args) => open(open_args, env),
    }
}

/// A span given on the command line, in days.
fn span(text: Option<&str>) -> Result<Option<u64>, CliError> {
    let Some(text) = text else { return Ok(None) };
    parse_lead(text).map(Some).ok_or_else(|| {
        CliError::usage(t!("cli-plan-within", within = text)).hint(t!("cli-plan-within-hint"))
    })
}

fn after(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days))
        .unwrap_or(NaiveDate::MAX)
}

/// What every plan command reads: the workspace, today, and the cases' links to plans.
struct Scene {
    ws: Workspace,
    today: NaiveDate,
    validation: Validation,
    base: InstalledBase,
}

impl Scene {
    fn read(env: &Env) -> Result<Scene, CliError> {
        let ws = env.workspace()?;
        let now = env.now(&ws)?;
        let today = now.with_timezone(&ws.offset()).date_naive();
        let validation = env.validate(&ws, None, now);
        let base = InstalledBase::of(&ws, &validation.mentions);
        Ok(Scene {
            ws,
            today,
            validation,
            base,
        })
    }

    fn schedule(&self, to: NaiveDate) -> Vec<Scheduled> {
        plan::schedule(
            &self.ws,
            &self.base,
            &self.validation.mentions,
            self.today,
            to,
        )
    }

    /// The state of each case by its id.
    fn states(&self) -> HashMap<&str, &'static str> {
        self.validation
            .cases
            .iter()
            .map(|c| (c.id.as_str(), c.state.map_or("?", |s| s.as_str())))
            .collect()
    }
}

/// A plan as `svc plan list --json` gives it.
#[derive(serde::Serialize)]
struct PlanRow<'p> {
    id: &'p str,
    title: &'p str,
    customer: &'p str,
    agreement: Option<&'p str>,
    site: Option<&'p str>,
    model: Option<&'p str>,
    serials: Vec<&'p str>,
    rrule: &'p str,
    start: NaiveDate,
    until: Option<NaiveDate>,
    lead_days: u64,
    task: &'p str,
    engineer: Option<&'p str>,
    units: Vec<Covered>,
    next: Option<NaiveDate>,
}

fn plan_row<'p>(plan: &'p Loaded<Plan>, base: &InstalledBase, today: NaiveDate) -> PlanRow<'p> {
    PlanRow {
        id: &plan.id.value,
        title: &plan.title,
        customer: &plan.customer.value,
        agreement: plan.agreement.as_ref().map(|a| a.value.as_str()),
        site: plan.site.as_ref().map(|s| s.value.as_str()),
        model: plan.model.as_ref().map(|m| m.value.as_str()),
        serials: plan.serials.iter().map(|s| s.value.as_str()).collect(),
        rrule: &plan.rrule.value,
        start: plan.start.value,
        until: plan.until.as_ref().map(|u| u.value),
        lead_days: plan.lead_days(),
        task: &plan.task.value,
        engineer: plan.engineer.as_ref().map(|e| e.value.as_str()),
        units: plan::covered(plan, base),
        next: plan
            .recurrence()
            .ok()
            .and_then(|r| r.next(today.max(plan.start.value))),
    }
}

fn new_table(header: Vec<&str>) -> Table {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header);
    table
}

fn no_plans(env: &Env) -> CliResult {
    env.ui.note(t!("cli-plan-none"));
    env.ui.note(format!("hint: {}", t!("cli-plan-none-hint")));
    done()
}

/// `svc plan list`.
fn list(env: &Env) -> CliResult {
    let scene = Scene::read(env)?;
    let rows: Vec<PlanRow> = scene
        .ws
        .plans
        .values()
        .map(|p| plan_row(p, &scene.base, scene.today))
        .collect();
    if env.ui.json {
        env.ui.json(&rows)?;
        return done();
    }
    if rows.is_empty() {
        return no_plans(env);
    }
    let mut table = new_table(vec![
        "Plan 计划",
        "Title 名称",
        "Customer 客户",
        "Covers 维护对象",
        "Recurrence 重复规则",
        "Units 设备数",
        "Next 下次",
    ]);
    for r in &rows {
        let covers = match r.model {
            Some(model) => t!("cli-plan-covers-model", model = model),
            None => r.serials.join(", "),
        };
        let cells = [
            r.id.to_owned(),
            r.title.to_owned(),
            r.customer.to_owned(),
            covers,
            r.rrule.to_owned(),
            r.units.len().to_string(),
            r.next.map(|d| d.to_string()).unwrap_or_default(),
        ];
        table.add_row(cells.iter().map(|cell| visible(cell).into_owned()));
    }
    env.ui.line(table.to_string());
    env.ui.note(t!("cli-plan-count", count = rows.len()));
    done()
}

/// An occurrence as `svc plan due --json` gives it.
#[derive(serde::Serialize)]
struct DueRow<'s> {
    #[serde(flatten)]
    scheduled: &'s Scheduled,
    status: &'static str,
    state: Option<&'static str>,
}

/// What `svc plan due` shows of the schedule: every occurrence without a case, and those
/// opened whose case is still open or whose date is from today on.
fn shown<'s>(scene: &Scene, all: &'s [Scheduled]) -> Vec<DueRow<'s>> {
    let states = scene.states();
    all.iter()
        .filter_map(|s| {
            let (status, state) = match &s.case {
                None if s.overdue => ("overdue", None),
                None => ("due", None),
                Some(case) => {
                    let state = states.get(case.case.as_str()).copied();
                    let closed = state
                        .and_then(svc::forms::State::parse)
                        .is_some_and(svc::forms::State::is_closed);
                    if closed && s.occurrence.date < scene.today {
                        return None;
                    }
                    ("opened", state)
                }
            };
            Some(DueRow {
                scheduled: s,
                status,
                state,
            })
        })
        .collect()
}

/// `svc plan due`.
fn due(args: Due, env: &Env) -> CliResult {
    let within = span(args.within.as_deref())?.unwrap_or(DEFAULT_WITHIN_DAYS);
    let scene = Scene::read(env)?;
    let to = after(scene.today, within);
    let all = scene.schedule(to);
    let rows = shown(&scene, &all);
    if env.ui.json {
        env.ui.json(&serde_json::json!({
            "today": scene.today,
            "to": to,
            "occurrences": rows,
        }))?;
        return done();
    }
    if scene.ws.plans.is_empty() {
        return no_plans(env);
    }
    let waiting = rows.iter().filter(|r| r.scheduled.case.is_none()).count();
    if rows.is_empty() {
        env.ui.note(t!("cli-plan-due-none", to = to.to_string()));
        return done();
    }
    let mut table = new_table(vec![
        "Date 日期",
        "Plan 计划",
        "Customer 客户",
        "Unit 设备",
        "Site 地点",
        "Status 状态",
        "Case 服务单",
        "Engineer 工程师",
    ]);
    for r in &rows {
        let o = &r.scheduled.occurrence;
        let plan = scene.ws.plans.get(&o.plan);
        let status = match (r.status, r.state) {
            ("overdue", _) => t!("cli-plan-state-overdue"),
            ("due", _) => t!("cli-plan-state-due"),
            (_, Some(state)) => state.to_owned(),
            _ => "?".to_owned(),
        };
        let cells = [
            o.date.to_string(),
            o.plan.clone(),
            plan.map(|p| p.customer.value.clone()).unwrap_or_default(),
            o.unit.serial.clone(),
            o.unit.site.clone(),
            status,
            r.scheduled
                .case
                .as_ref()
                .map(|c| c.case.clone())
                .unwrap_or_default(),
            plan.and_then(|p| p.engineer.as_ref())
                .map(|e| e.value.clone())
                .unwrap_or_default(),
        ];
        table.add_row(cells.iter().map(|cell| visible(cell).into_owned()));
    }
    env.ui.line(table.to_string());
    let overdue = rows.iter().filter(|r| r.status == "overdue").count();
    env.ui.note(t!(
        "cli-plan-due-count",
        due = waiting,
        overdue = overdue,
        opened = rows.len() - waiting,
        to = to.to_string()
    ));
    done()
}

/// A case opened (or that would be), as `svc plan open --json` gives it.
#[derive(serde::Serialize)]
struct OpenedRow {
    case: String,
    plan: String,
    date: NaiveDate,
    serial: String,
    dir: String,
    commit: Option<String>,
}

/// `svc plan open`.
fn open(args: Open, env: &Env) -> CliResult {
    let within = span(args.within.as_deref())?;
    let scene = Scene::read(env)?;
    if !args.dry_run {
        let person = env.current_person(&scene.ws)?;
        if !scene.ws.has_role(&person, Role::Csc) {
            return Err(
                CliError::refused(t!("cli-plan-role", person = &person)).hint(t!("step-role-hint"))
            );
        }
    }
    let prefix = scene.ws.id_prefix().to_owned();
    let longest = scene
        .ws
        .plans
        .values()
        .map(|p| within.unwrap_or_else(|| p.lead_days()))
        .max()
        .unwrap_or(0);
    let to = after(scene.today, longest);
    let all = scene.schedule(to);
    let todo: Vec<&Scheduled> = all
        .iter()
        .filter(|s| s.case.is_none())
        .filter(|s| {
            let lead = within
                .or_else(|| {
                    scene
                        .ws
                        .plans
                        .get(&s.occurrence.plan)
                        .map(|p| p.lead_days())
                })
                .unwrap_or(0);
            s.occurrence.date <= after(scene.today, lead)
        })
        .collect();
    let mut rows = Vec::new();
    for s in todo {
        let o = &s.occurrence;
        let Some(p) = scene.ws.plans.get(&o.plan) else {
            continue;
        };
        let case = o.case_id(&prefix);
        let dir = o.case_dir(&prefix);
        if args.dry_run {
            if !env.ui.json {
                env.ui.line(t!(
                    "cli-plan-would-open",
                    case = &case,
                    plan = &o.plan,
                    date = o.date.to_string(),
                    serial = &o.unit.serial
                ));
            }
            rows.push(OpenedRow {
                case,
                plan: o.plan.clone(),
                date: o.date,
                serial: o.unit.serial.clone(),
                dir: dir.display().to_string(),
                commit: None,
            });
            continue;
        }
        let planned = PlannedCase {
            id: case,
            plan: o.plan.clone(),
            date: o.date,
            customer: p.customer.value.clone(),
            site: o.unit.site.clone(),
            product: o.unit.serial.clone(),
            title: p.title.clone(),
            task: p.task.value.clone(),
        };
        let outcome = step::at_desk(env, |desk| team::step::open_planned(desk, &planned))?;
        let commit = outcome.commit.to_string();
        if !env.ui.json {
            env.ui.line(t!(
                "cli-plan-opened",
                case = &outcome.case,
                plan = &o.plan,
                date = o.date.to_string(),
                serial = &o.unit.serial,
                commit = &commit[..10]
            ));
        }
        rows.push(OpenedRow {
            case: outcome.case,
            plan: o.plan.clone(),
            date: o.date,
            serial: o.unit.serial.clone(),
            dir: outcome.dir.display().to_string(),
            commit: Some(commit),
        });
    }
    if env.ui.json {
        env.ui.json(&serde_json::json!({
            "dry_run": args.dry_run,
            "to": to,
            "opened": rows,
        }))?;
        return done();
    }
    if rows.is_empty() {
        env.ui
            .note(t!("cli-plan-nothing-to-open", to = to.to_string()));
    } else if args.dry_run {
        env.ui.note(t!("cli-plan-would-count", count = rows.len()));
    } else {
        env.ui.note(t!("cli-plan-opened-count", count = rows.len()));
    }
    done()
}
