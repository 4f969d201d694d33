//! One module per command, each with its clap arguments and its `run`.

mod accept;
mod approve;
mod asset;
mod assign;
mod calendar;
mod check;
mod checkin;
mod ci;
mod completions;
mod edit;
mod export;
mod import;
mod init;
mod list;
mod log;
mod new;
mod plan;
mod render;
mod reopen;
mod report;
mod report_case;
mod schema;
mod serve;
mod show;
mod status;
mod step;
mod sync;
mod templates;
mod validate;

pub use step::{fault_hook, store_error};

use super::Env;
use super::error::CliResult;
use svc::forms::Action;
use svc::history::actions::Step;

/// The commands.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Create a workspace (git init if needed), or the bundled sample company with --example
    Init(init::Args),
    /// Record a new request as a case; prints its id (8.1)
    New(new::Args),
    /// Close a request solved by phone, saying how (--note)
    Resolve(step::CaseNote),
    /// Accept on-site service, with the fee arrangement agreed (8.1, 5.1.2)
    Accept(accept::Args),
    /// Assign engineers (8.2)
    Assign(assign::Args),
    /// Fill in a form in your editor (scaffolded if missing), validated on save
    Edit(edit::Args),
    /// Submit the task sheet (8.3), or after the trip the travel log and summary (8.6)
    ///
    /// With review = "pull-request" in svc.toml the step goes on the branch case/<id>, which
    /// is pushed, and svc prints where to open the pull request.
    Submit(step::CaseNote),
    /// Sign a task sheet (7.2), accept the records (5.1.6), or approve flights (--flight, 7.4)
    ///
    /// With review = "pull-request" in svc.toml svc fetches the case's branch case/<id>,
    /// switches to it, takes the step there and pushes it; merging the pull request brings it
    /// to the main branch.
    Approve(approve::Args),
    /// Send a submission back, with a reason
    ///
    /// With review = "pull-request" in svc.toml, on the case's branch case/<id>, pushed.
    Reject(step::CaseReason),
    /// Set off for the site (8.4)
    Start(step::CaseNote),
    /// Record a check-in with the company while travelling (7.5)
    Checkin(checkin::Args),
    /// Finish the work on site, records filled in (8.5)
    Complete(step::CaseNote),
    /// File a reviewed case (7.10)
    Archive(step::CaseNote),
    /// Cancel a case before the trip, with a reason
    Cancel(step::CaseReason),
    /// Record that a case waits on the customer, with a reason: the response targets' clocks
    /// stop where the targets say so (5.1.7)
    Hold(step::CaseReason),
    /// End a wait on the customer: the clocks run again
    Resume(step::CaseNote),
    /// Open a new case for a fault that came back after its case was finished, linked to it
    Reopen(reopen::Args),
    /// Check every form against the procedure's rules and report all findings
    Validate(validate::Args),
    /// List cases with their state
    List(list::Args),
    /// Show a case: its forms' key facts, state, approvals and findings
    Show(show::Args),
    /// Show a case's history: when, who, from → to, note
    Log(log::Args),
    /// Show a product's history: its cases, visits, parts swapped, repeat faults and
    /// warranty; or a part's moves from unit to unit
    Asset(asset::Args),
    /// What awaits you, by your roles and assignments
    Status(status::Args),
    /// Who is away when: trips planned and travelled, site visits and planned maintenance,
    /// from today for four weeks (a table, JSON, or an iCalendar feed to subscribe to)
    Calendar(calendar::Args),
    /// Maintenance plans: what each covers, the occurrences due, and opening their cases
    /// (plans/<id>.toml)
    Plan(plan::Args),
    /// Validate and verify the history: every step legal, by the right person (for CI)
    Check(check::Args),
    /// Fetch, integrate and push: share your steps with the team, receive theirs
    Sync(sync::Args),
    /// Set up CI on GitHub, GitLab or Forgejo/Gitea: svc check on pull requests, CODEOWNERS
    Ci(ci::Args),
    /// Print a form as on paper (Markdown or A4 HTML), with signature lines
    Render(render::Args),
    /// Serve the centre on one screen: the board, each case, what awaits you, the monthly
    /// report and who is away, on http://127.0.0.1:8080/ (buttons take the steps that need
    /// no editor, as you)
    Serve(serve::Args),
    /// Write reports from committed data: the monthly analysis (8.7), a case's dossier
    Report(report::Args),
    /// Import a spreadsheet into the catalog: the parts price list or the rate card
    /// (shows the changes; --apply writes and commits them)
    Import(import::Args),
    /// Export data for spreadsheets: every case with its key facts (csv, xlsx, json)
    Export(export::Args),
    /// Work with the report templates: export the built-ins for editing
    Templates(templates::Args),
    /// Print the JSON Schema of a form, for editors
    Schema(schema::Args),
    /// Print shell completions
    Completions(completions::Args),
}

/// Run one command.
pub fn run(command: Command, env: &Env) -> CliResult {
    match command {
        Command::Init(args) => init::run(args, env),
        Command::New(args) => new::run(args, env),
        Command::Resolve(a) => step::run(
            env,
            Action::Resolve,
            &a.case,
            Step {
                note: a.note,
                ..Step::default()
            },
        ),
        Command::Accept(args) => accept::run(args, env),
        Command::Assign(args) => assign::run(args, env),
        Command::Edit(args) => edit::run(args, env),
        Command::Submit(a) => step::run(
            env,
            Action::Submit,
            &a.case,
            Step {
                note: a.note,
                ..Step::default()
            },
        ),
        Command::Approve(args) => approve::run(args, env),
        Command::Reject(a) => step::run(
            env,
            Action::Reject,
            &a.case,
            Step {
                note: a.reason,
                ..Step::default()
            },
        ),
        Command::Start(a) => step::run(
            env,
            Action::Start,
            &a.case,
            Step {
                note: a.note,
                ..Step::default()
            },
        ),
        Command::Checkin(args) => checkin::run(args, env),
        Command::Complete(a) => step::run(
            env,
            Action::Complete,
            &a.case,
            Step {
                note: a.note,
                ..Step::default()
            },
        ),
        Command::Archive(a) => step::run(
            env,
            Action::Archive,
            &a.case,
            Step {
                note: a.note,
                ..Step::default()
            },
        ),
        Command::Cancel(a) => step::run(
            env,
            Action::Cancel,
            &a.case,
            Step {
                note: a.reason,
                ..Step::default()
            },
        ),
        Command::Hold(a) => step::run(
            env,
            Action::Hold,
            &a.case,
            Step {
                note: a.reason,
                ..Step::default()
            },
        ),
        Command::Resume(a) => step::run(
            env,
            Action::Resume,
            &a.case,
            Step {
                note: a.note,
                ..Step::default()
            },
        ),
        Command::Reopen(args) => reopen::run(args, env),
        Command::Validate(args) => validate::run(args, env),
        Command::List(args) => list::run(args, env),
        Command::Show(args) => show::run(args, env),
        Command::Log(args) => log::run(args, env),
        Command::Asset(args) => asset::run(args, env),
        Command::Status(args) => status::run(args, env),
        Command::Calendar(args) => calendar::run(args, env),
        Command::Plan(args) => plan::run(args, env),
        Command::Check(args) => check::run(args, env),
        Command::Sync(args) => sync::run(args, env),
        Command::Ci(args) => ci::run(args, env),
        Command::Render(args) => render::run(args, env),
        Command::Serve(args) => serve::run(args, env),
        Command::Report(args) => report::run(args, env),
        Command::Export(args) => export::run(args, env),
        Command::Import(args) => import::run(args, env),
        Command::Templates(args) => templates::run(args, env),
        Command::Schema(args) => schema::run(args, env),
        Command::Completions(args) => completions::run(args, env),
    }
}
