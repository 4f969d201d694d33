//! The pages: the board, a case, what awaits me, the monthly report, who is away this week,
//! and the version the board polls. Each reads the workspace afresh, through its index, as
//! the command line's `svc list`, `show`, `log`, `status`, `report monthly` and `calendar`
//! read it; the printed forms and the report are the very HTML `svc render` and `svc report`
//! make.

use super::Site;
use super::http::{self, LANG_COOKIE, Reply, Req};
use super::view;
use crate::forms::config::Locale;
use crate::forms::decode::Timestamp;
use crate::forms::finding::{Finding, Severity};
use crate::forms::{Action, FormKind, State};
use crate::history::log;
use crate::history::store::Store;
use crate::report::away;
use crate::report::dossier::{self, DossierError, Format, Printer};
use crate::report::monthly::{self, Month};
use crate::report::names;
use crate::report::templates::{self, Templates};
use crate::rules::targets;
use crate::rules::validate::{Overview, Validation};
use crate::rules::{self, Context as RuleContext};
use crate::workspace::Workspace;
use crate::workspace::case::{self, Case};
use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;
use std::path::Path;
use tera::Context;

/// The states a case is still open in: on the board unless a filter asks for another.
fn is_open(state: State) -> bool {
    !matches!(
        state,
        State::ResolvedRemotely | State::Archived | State::Cancelled
    )
}

/// A state as the page's language names it.
pub fn state_label(locale: Locale, state: State) -> String {
    crate::i18n::text_in(locale, &format!("serve-state-{}", state.as_str()), &[])
}

/// The language of a page: the one asked for (query or cookie), else the workspace's.
fn locale_of(req: Option<&Req>, ws: Option<&Workspace>) -> Locale {
    req.and_then(Req::asked_lang)
        .or_else(|| ws.map(Workspace::locale))
        .unwrap_or(Locale::En)
}

/// The workspace, a step an interrupted svc left half done finished first.
fn open(site: &Site) -> Workspace {
    // A workspace that cannot be settled is shown as it is; the step that needs it says why.
    let _ = crate::history::store::settle(&site.root);
    Workspace::open(&site.root)
}

/// Validate the whole workspace through its index, as `svc list` does.
pub fn validate(site: &Site, ws: &Workspace, now: Timestamp) -> Validation {
    let mut index = if site.options.cached {
        crate::workspace::index::Index::of_workspace(&ws.root)
    } else {
        None
    };
    let validation = crate::rules::validate::validate_with(ws, None, now, index.as_mut());
    if let Some(index) = index {
        // A cache that cannot be written costs the next request time, never its answer.
        let _ = index.save();
    }
    validation
}

/// What every page's template is given: the labels, the language and its switch, the
/// session's token, whether buttons are shown, the company.
fn context(site: &Site, req: Option<&Req>, ws: Option<&Workspace>, locale: Locale) -> Context {
    let mut cx = Context::new();
    cx.insert("l", &view::labels(locale));
    cx.insert("lang", locale.tag());
    let path = req.map_or("/", |r| r.path.as_str());
    let switch: Vec<(String, &str)> = Locale::ALL
        .iter()
        .map(|l| {
            let mut query: Vec<String> = req
                .map(|r| {
                    r.query
                        .iter()
                        .filter(|(n, _)| {
                            !["lang", "done", "commit", "notice"].contains(&n.as_str())
                        })
                        .map(|(n, v)| format!("{}={}", http::encode(n), http::encode(v)))
                        .collect()
                })
                .unwrap_or_default();
            query.push(format!("lang={}", l.tag()));
            (format!("{path}?{}", query.join("&")), l.tag())
        })
        .collect();
    cx.insert("switch", &switch);
    cx.insert("token", &site.token);
    cx.insert("read_only", &site.options.read_only);
    cx.insert(
        "company",
        &ws.and_then(|w| w.settings.as_ref())
            .map(|s| s.company.name.clone())
            .unwrap_or_default(),
    );
    cx
}

/// Render `name` as the page's reply, with the session's cookies; a template that fails is
/// the failure page.
fn page(site: &Site, req: Option<&Req>, status: u16, name: &str, cx: &Context) -> Reply {
    match view::render(name, cx) {
        Ok(html) => with_cookies(site, req, Reply::html(status, html)),
        Err(e) => Reply::text(500, format!("500: {e}\n")),
    }
}

/// The session's token cookie, and the language cookie when the query chose one.
fn with_cookies(site: &Site, req: Option<&Req>, reply: Reply) -> Reply {
    let mut reply = reply.with(
        "Set-Cookie",
        format!(
            "{}={}; Path=/; HttpOnly; SameSite=Strict",
            http::token_cookie(site.addr.port()),
            site.token
        ),
    );
    if let Some(lang) = req.and_then(|r| r.param("lang")).and_then(Locale::parse) {
        reply = reply.with(
            "Set-Cookie",
            format!("{LANG_COOKIE}={}; Path=/; SameSite=Strict", lang.tag()),
        );
    }
    reply
}

/// A page saying what went wrong: the status, a message and hints.
pub fn problem(
    site: &Site,
    req: Option<&Req>,
    status: u16,
    message: &str,
    hints: &[String],
) -> Reply {
    let ws = open(site);
    let locale = locale_of(req, Some(&ws));
    let mut cx = context(site, req, Some(&ws), locale);
    cx.insert("status", &status);
    cx.insert("message", message);
    cx.insert("hints", hints);
    page(site, req, status, "error.html", &cx)
}

/// The page of a status: 404 no such page, 405 not this method, and so on.
pub fn error_page(site: &Site, req: Option<&Req>, status: u16) -> Reply {
    let locale = locale_of(req, None);
    let id = match status {
        403 => "serve-forbidden",
        404 => "serve-not-found",
        405 => "serve-not-allowed",
        413 => "serve-too-large",
        _ => "serve-bad-request",
    };
    let message = crate::i18n::text_in(locale, id, &[]);
    problem(site, req, status, &message, &[])
}

/// The page of a request whose handler failed unexpectedly.
pub fn failure(site: &Site, lang: Option<Locale>) -> Reply {
    let message = crate::i18n::text_in(lang.unwrap_or(Locale::En), "serve-failure", &[]);
    // Even the error page may be what failed: plain text then.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        problem(site, None, 500, &message, &[])
    }))
    .unwrap_or_else(|_| Reply::text(500, format!("{message}\n")))
}

/// An embedded file: the stylesheet or the board's script.
pub fn asset(site: &Site, req: &Req, name: &str) -> Reply {
    match name {
        "style.css" => Reply::asset("text/css; charset=utf-8", view::STYLE),
        "live.js" => Reply::asset("text/javascript; charset=utf-8", view::LIVE),
        _ => error_page(site, Some(req), 404),
    }
}

/// A short text that changes whenever anything the pages show changes: HEAD's commit, and
/// a checksum of what the index compares to know a file changed (the stat data of every
/// case folder's files) and of the shared files the readings depend on.
pub fn version(site: &Site) -> Reply {
    use rayon::prelude::*;
    let ws = Workspace::open(&site.root);
    let head = git2::Repository::open(&ws.root)
        .ok()
        .and_then(|repo| {
            let head = repo.head().ok()?;
            Some(format!(
                "{}@{}",
                head.shorthand().unwrap_or_default(),
                head.target()?
            ))
        })
        .unwrap_or_else(|| "none".into());
    let (dirs, _) = case::discover(&ws.root);
    let stats: Vec<String> = dirs
        .par_iter()
        .map(|dir| {
            let files = crate::workspace::index::stat_folder(&ws.root, dir);
            let mut line = dir.to_string_lossy().into_owned();
            for f in files {
                line.push_str(&format!(
                    " {}:{}:{}:{}:{}",
                    f.path, f.size, f.mtime, f.ctime, f.ino
                ));
            }
            line
        })
        .collect();
    let mut all = ws.depends(None);
    for customer in ws.customers.keys() {
        all.push_str(&ws.depends(Some(customer)));
    }
    for shared in ["calendar", "plans", "templates"] {
        for f in crate::workspace::index::stat_folder(&ws.root, Path::new(shared)) {
            all.push_str(&format!(" {}:{}:{}:{}", f.path, f.size, f.mtime, f.ino));
        }
    }
    all.push('\n');
    all.push_str(&stats.join("\n"));
    let sum = crate::workspace::index::checksum(all.as_bytes());
    Reply::text(200, format!("{head} {sum:016x}\n")).with("Cache-Control", "no-store".into())
}

/// A case on the board.
#[derive(Serialize)]
struct Card {
    id: String,
    title: String,
    customer: String,
    customer_name: String,
    assignees: Vec<String>,
    opened: String,
    flags: String,
    errors: usize,
    warnings: usize,
}

/// A state's column on the board.
#[derive(Serialize)]
struct Column {
    state: &'static str,
    label: String,
    cards: Vec<Card>,
}

/// The board: open cases by state, filtered as `svc list` filters them, and searched.
pub fn board(site: &Site, req: &Req) -> Reply {
    let ws = open(site);
    let now = site.now(&ws);
    let locale = locale_of(Some(req), Some(&ws));
    let mut problems: Vec<String> = Vec::new();
    let state = req.param("state").and_then(|s| match s.parse::<State>() {
        Ok(state) => Some(state),
        Err(e) => {
            problems.push(e);
            None
        }
    });
    let assignee = req.param("assignee").and_then(|a| {
        let person = if a == "me" {
            acting_person(site, &ws).map_err(|(message, _)| message)
        } else if ws.people.contains_key(a) {
            Ok(a.to_string())
        } else {
            Err(crate::t!("cli-list-unknown-person", person = a))
        };
        person.map_err(|e| problems.push(e)).ok()
    });
    let customer = req.param("customer").and_then(|c| {
        if ws.customers.contains_key(c) {
            Some(c.to_string())
        } else {
            problems.push(crate::t!("cli-list-unknown-customer", customer = c));
            None
        }
    });
    let since = req.param("since").and_then(|d| {
        d.trim()
            .parse::<NaiveDate>()
            .map_err(|e| problems.push(format!("{d}: {e}")))
            .ok()
    });
    let filter = crate::rules::validate::Filter {
        state,
        assignee,
        customer,
        since,
        breached: req.param("breached").is_some(),
    };
    let q = req.param("q").map(|q| q.trim().to_lowercase());
    let validation = validate(site, &ws, now);
    let offset = ws.offset();
    let passes: Vec<&Overview> = validation
        .cases
        .iter()
        // No state asked for: the open ones.
        .filter(|c| state.is_some() || c.state.is_some_and(is_open))
        .filter(|c| filter.keeps(&ws, now, c))
        .collect();
    let passes = match &q {
        Some(q) => search(&ws, passes, q),
        None => passes,
    };
    let mut columns: Vec<Column> = State::ALL
        .iter()
        .filter(|s| state.map_or(is_open(**s), |f| f == **s))
        .map(|s| Column {
            state: s.as_str(),
            label: state_label(locale, *s),
            cards: Vec::new(),
        })
        .collect();
    let count = passes.len();
    for c in passes {
        let Some(column) = columns
            .iter_mut()
            .find(|col| c.state.is_some_and(|s| s.as_str() == col.state))
        else {
            continue;
        };
        let customer = c.customer.clone().unwrap_or_default();
        column.cards.push(Card {
            id: c.id.clone(),
            title: c.title.clone().unwrap_or_default(),
            customer_name: names::customer(&ws, &customer).0,
            customer,
            assignees: c.assignees.iter().map(|a| names::person(&ws, a)).collect(),
            opened: c
                .opened_at
                .map(|t| t.with_timezone(&offset).format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            flags: targets::flags(&ws, &c.deadlines, now),
            errors: c.errors,
            warnings: c.warnings,
        });
    }
    let mut cx = context(site, Some(req), Some(&ws), locale);
    cx.insert("columns", &columns);
    cx.insert(
        "count",
        &crate::i18n::text_in(locale, "serve-count", &[("count", count.into())]),
    );
    let states: Vec<(&str, String)> = State::ALL
        .iter()
        .map(|s| (s.as_str(), state_label(locale, *s)))
        .collect();
    cx.insert("states", &states);
    cx.insert("people", &choices(&ws.people, |p| &p.name));
    cx.insert("customers", &choices(ws.customers.iter(), |c| &c.name));
    for name in ["state", "assignee", "customer", "since", "q", "breached"] {
        cx.insert(format!("f_{name}"), req.param(name).unwrap_or_default());
    }
    cx.insert("problems", &problems);
    let status = if problems.is_empty() { 200 } else { 400 };
    page(site, Some(req), status, "board.html", &cx)
}

/// A list's choices: each entry's id and name.
fn choices<'a, T: 'a>(
    entries: impl IntoIterator<Item = (&'a String, &'a T)>,
    name: fn(&T) -> &str,
) -> Vec<(&'a str, &'a str)> {
    entries
        .into_iter()
        .map(|(id, entry)| (id.as_str(), name(entry)))
        .collect()
}

/// The cases `q` (lower case) finds: in the id, the customer's id and names, the title, or
/// — read from the case's forms — the site, the product's serial or the fault described.
fn search<'o>(ws: &Workspace, cases: Vec<&'o Overview>, q: &str) -> Vec<&'o Overview> {
    use rayon::prelude::*;
    let has = |text: &str| text.to_lowercase().contains(q);
    cases
        .into_par_iter()
        .filter(|c| {
            let customer = c.customer.as_deref().and_then(|id| ws.customers.get(id));
            if has(&c.id)
                || c.customer.as_deref().is_some_and(has)
                || c.title.as_deref().is_some_and(has)
                || customer.is_some_and(|x| has(&x.name) || x.name_en.as_deref().is_some_and(has))
            {
                return true;
            }
            let case = case::load(&ws.root, &c.dir);
            let Some(file) = &case.file else {
                return false;
            };
            let site = file.site.as_ref().is_some_and(|s| {
                has(&s.value)
                    || customer
                        .and_then(|x| x.sites.iter().find(|y| y.id.value == s.value))
                        .is_some_and(|y| has(&y.name) || has(&y.city))
            });
            site || file.product.as_ref().is_some_and(|p| has(&p.value))
                || case.request.as_ref().is_some_and(|r| has(&r.fault.value))
                || case.visits.iter().any(|v| has(&v.symptoms))
        })
        .collect()
}

/// The person whose git identity runs the server, or why there is none (the message and
/// its hint, as the command line says them).
pub fn acting_person(site: &Site, ws: &Workspace) -> Result<String, (String, Vec<String>)> {
    let store = Store::open(&ws.root)
        .map_err(|e| {
            let hints = crate::team::refusal::store_hint(&e).into_iter().collect();
            (e.to_string(), hints)
        })?
        .with_config_sources(site.options.sources.clone());
    crate::history::actions::actor(ws, &store)
        .map(|a| a.id)
        .map_err(|e| {
            let hints = crate::team::refusal::action_hint(&e).into_iter().collect();
            (e.to_string(), hints)
        })
}

/// A refusal shown on a case's page: the message and hints the command line prints, and
/// the findings that stood in the way.
pub struct Refusal {
    /// The status of the page.
    pub status: u16,
    /// The message.
    pub message: String,
    /// The hints.
    pub hints: Vec<String>,
    /// The findings.
    pub findings: Vec<Finding>,
}

/// A finding on a page.
#[derive(Serialize)]
struct FindingView {
    rule: &'static str,
    error: bool,
    at: String,
    message: String,
    hint: Option<String>,
}

fn finding_views(findings: &[Finding]) -> Vec<FindingView> {
    findings
        .iter()
        .map(|f| FindingView {
            rule: f.rule,
            error: f.severity == Severity::Error,
            at: if f.location.start.line == 0 {
                f.location.file.display().to_string()
            } else {
                format!(
                    "{}:{}:{}",
                    f.location.file.display(),
                    f.location.start.line,
                    f.location.start.column
                )
            },
            message: f.message.clone(),
            hint: f.hint.clone(),
        })
        .collect()
}

/// A button's form: the step, its label, the fields it asks for.
#[derive(Serialize)]
struct Button {
    action: &'static str,
    label: String,
    fields: Vec<&'static str>,
}

/// A form's printable page.
#[derive(Serialize)]
struct FormLink {
    name: String,
    href: String,
}

/// A case id as a URL may carry it: letters, digits and dashes, nothing else.
pub fn plain_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Find the case `id` names, or the page saying there is none.
fn find_case(
    site: &Site,
    req: &Req,
    ws: &Workspace,
    id: &str,
) -> Result<std::path::PathBuf, Reply> {
    if !plain_id(id) {
        return Err(error_page(site, Some(req), 404));
    }
    case::find(&ws.root, id).map_err(|e| {
        let hints = vec![crate::team::refusal::lookup_hint(&e)];
        problem(site, Some(req), 404, &e.to_string(), &hints)
    })
}

/// A case: its facts as `svc show` gives them, approvals and what they cover, findings with
/// hints, history from git, attachments, its printable forms, and the buttons of the steps
/// it may take next; with `refusal`, why the step just asked for was not taken.
pub fn case(site: &Site, req: &Req, id: &str, refusal: Option<Refusal>) -> Reply {
    let ws = open(site);
    let dir = match find_case(site, req, &ws, id) {
        Ok(dir) => dir,
        Err(reply) => return reply,
    };
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // A case found by a part of its id has one address: its whole id.
    if name != id && refusal.is_none() {
        return Reply::see_other(&format!("/case/{}", http::encode(&name)));
    }
    let now = site.now(&ws);
    let locale = locale_of(Some(req), Some(&ws));
    let case = case::load(&ws.root, &dir);
    let mut findings = rules::check_case(&RuleContext::new(&ws, now), &case);
    crate::forms::finding::sort(&mut findings);
    let mut cx = context(site, Some(req), Some(&ws), locale);
    cx.insert("id", case.id());
    cx.insert("facts", &facts(&ws, &case, locale, now));
    insert_records(&mut cx, &ws, &case);
    cx.insert("findings", &finding_views(&findings));
    cx.insert("forms", &form_links(&case));
    let attachments: Vec<(String, String)> = case
        .attachments
        .iter()
        .map(|a| (a.name.clone(), case::human_size(a.bytes)))
        .collect();
    cx.insert("attachments", &attachments);
    cx.insert("history", &history(site, &ws, &name));
    let buttons = if site.options.read_only {
        Vec::new()
    } else {
        buttons(&case, locale)
    };
    cx.insert("buttons", &buttons);
    let people: Vec<(&str, &str)> = ws
        .people
        .iter()
        .filter(|(_, p)| {
            p.roles
                .iter()
                .any(|r| r.value == crate::forms::config::Role::Engineer)
        })
        .map(|(id, p)| (id.as_str(), p.name.as_str()))
        .collect();
    cx.insert("engineers", &people);
    if let Some(done) = req.param("done") {
        cx.insert(
            "done",
            &crate::i18n::text_in(
                locale,
                "serve-done-step",
                &[
                    ("action", done.into()),
                    ("commit", req.param("commit").unwrap_or_default().into()),
                ],
            ),
        );
    }
    let notices: Vec<&str> = req
        .query
        .iter()
        .filter(|(n, _)| n == "notice")
        .map(|(_, v)| v.as_str())
        .collect();
    cx.insert("notices", &notices);
    let status = match refusal {
        Some(r) => {
            cx.insert("refused", &r.message);
            cx.insert("refused_hints", &r.hints);
            cx.insert("refused_findings", &finding_views(&r.findings));
            r.status
        }
        None => 200,
    };
    page(site, Some(req), status, "case.html", &cx)
}

/// A moment to the minute, in the workspace's time zone.
fn minute(ws: &Workspace, t: &Timestamp) -> String {
    t.with_timezone(&ws.offset())
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// The case's key facts, labelled, as `svc show` lists them.
fn facts(ws: &Workspace, case: &Case, locale: Locale, now: Timestamp) -> Vec<(String, String)> {
    let l = |id: &str| crate::i18n::text_in(locale, &view::message_id(id), &[]);
    let time = |t: &Timestamp| minute(ws, t);
    let Some(file) = &case.file else {
        return vec![(l("case"), case.folder_name().to_string())];
    };
    let mut out = vec![
        (l("case_title"), file.title.clone()),
        (l("state"), state_label(locale, file.state.value)),
    ];
    let customer = ws.customers.get(&file.customer.value);
    out.push((
        l("customer"),
        format!(
            "{} · {}",
            file.customer.value,
            customer.map_or_else(|| l("unknown"), |c| c.name.clone())
        ),
    ));
    if let Some(s) = &file.site {
        let place = customer
            .and_then(|c| c.sites.iter().find(|x| x.id.value == s.value))
            .map(|x| format!(" · {} ({})", x.name, x.city));
        out.push((
            l("site"),
            format!("{}{}", s.value, place.unwrap_or_default()),
        ));
    }
    if let Some(serial) = &file.product {
        let product =
            customer.and_then(|c| c.products.iter().find(|p| p.serial.value == serial.value));
        let detail = product.map(|p| {
            format!(
                " · {} · {} {}",
                p.model,
                l("warranty_end"),
                p.warranty_end.value
            )
        });
        out.push((
            l("product"),
            format!("{}{}", serial.value, detail.unwrap_or_default()),
        ));
    }
    out.push((
        l("opened"),
        format!(
            "{} · {}",
            time(&file.opened_at.value),
            names::person(ws, &file.opened_by.value)
        ),
    ));
    if let Some(fee) = &file.fee {
        out.push((l("fee"), names::fee_arrangement(&fee.value, locale)));
    }
    if !file.assignees.is_empty() {
        let who: Vec<String> = file
            .assignees
            .iter()
            .map(|a| names::person(ws, &a.value))
            .collect();
        out.push((l("assignees"), who.join(", ")));
    }
    let flags = targets::flags(ws, &targets::deadlines(ws, case), now);
    if !flags.is_empty() {
        out.push((l("targets"), flags));
    }
    if let Some(r) = &file.resolution {
        out.push((l("resolution"), r.to_string()));
    }
    if let Some(r) = &file.cancel_reason {
        out.push((l("cancel_reason"), r.to_string()));
    }
    for h in &file.holds {
        let until = h.until.as_ref().map(|u| time(&u.value)).unwrap_or_default();
        out.push((
            l("holds"),
            format!(
                "{} → {until} · {} · {}",
                time(&h.from.value),
                names::person(ws, &h.by.value),
                h.reason
            ),
        ));
    }
    out
}

/// The approvals (with what each covers), rejections and check-ins of the case.
fn insert_records(cx: &mut Context, ws: &Workspace, case: &Case) {
    #[derive(Serialize)]
    struct ApprovalView {
        kind: String,
        by: String,
        role: String,
        at: String,
        note: String,
        covers: Vec<String>,
        flights: Vec<String>,
    }
    let time = |t: &Timestamp| minute(ws, t);
    let Some(file) = &case.file else {
        return;
    };
    let approvals: Vec<ApprovalView> = file
        .approvals
        .iter()
        .map(|a| ApprovalView {
            kind: a.kind.value.to_string(),
            by: names::person(ws, &a.by.value),
            role: a.role.value.to_string(),
            at: time(&a.at.value),
            note: a.note.clone().unwrap_or_default(),
            covers: a
                .covers
                .0
                .iter()
                .map(|(path, id)| format!("{path} @ {}", id.value.get(..10).unwrap_or(&id.value)))
                .collect(),
            flights: a.flights.clone(),
        })
        .collect();
    cx.insert("approvals", &approvals);
    let rejections: Vec<(String, String, String, String)> = file
        .rejections
        .iter()
        .map(|r| {
            (
                r.kind.value.to_string(),
                time(&r.at.value),
                names::person(ws, &r.by.value),
                r.reason.to_string(),
            )
        })
        .collect();
    cx.insert("rejections", &rejections);
    let checkins: Vec<(String, String, String, String)> = file
        .checkins
        .iter()
        .map(|c| {
            (
                time(&c.at.value),
                c.via.to_string(),
                names::person(ws, &c.by.value),
                c.note.clone().unwrap_or_default(),
            )
        })
        .collect();
    cx.insert("checkins", &checkins);
}

/// The printable forms the case has, one per visit record.
fn form_links(case: &Case) -> Vec<FormLink> {
    let id = http::encode(case.id());
    let mut out = Vec::new();
    for kind in FormKind::ALL {
        if case.files.get(&kind).is_none_or(Vec::is_empty) {
            continue;
        }
        let href = format!("/case/{id}/form/{}", kind.name());
        let name = format!("{} ({})", kind.name(), kind.number());
        if kind == FormKind::Visit && case.visits.len() > 1 {
            for v in &case.visits {
                out.push(FormLink {
                    name: format!("{name} · {}", v.site.value),
                    href: format!("{href}?site={}", http::encode(&v.site.value)),
                });
            }
        } else {
            out.push(FormLink { name, href });
        }
    }
    out
}

/// The case's history from git, as `svc log` gives it.
fn history(site: &Site, ws: &Workspace, id: &str) -> Vec<[String; 6]> {
    let offset = ws.offset();
    let Ok(store) = Store::open(&ws.root) else {
        return Vec::new();
    };
    let entries = log::case_log(store.repo(), id, site.options.cached).unwrap_or_default();
    entries
        .iter()
        .map(|e| {
            [
                e.when
                    .with_timezone(&offset)
                    .format("%Y-%m-%d %H:%M")
                    .to_string(),
                e.action.clone(),
                format!("{} → {}", e.from, e.to),
                names::person(ws, &e.actor),
                e.commit.get(..10).unwrap_or(&e.commit).to_string(),
                e.note.trim().to_string(),
            ]
        })
        .collect()
}

/// The steps the case's state may take next that need no editor, as buttons; the step
/// itself decides whether it is allowed, and for whom.
fn buttons(case: &Case, locale: Locale) -> Vec<Button> {
    let Some(file) = &case.file else {
        return Vec::new();
    };
    let state = file.state.value;
    let flying = case
        .task_sheet
        .as_ref()
        .is_some_and(|t| t.legs.iter().any(|l| l.mode.value.to_string() == "flight"));
    let held = file.holds.last().is_some_and(|h| h.until.is_none());
    // The workflow's table says which steps the state may take; a flight approval only
    // where a flight is planned, a hold or its end as the case stands.
    let actions: Vec<Action> = Action::ALL
        .into_iter()
        .filter(|a| !super::act::fields(*a).is_empty())
        .filter(|a| match a {
            Action::ApproveFlight => flying,
            Action::Hold => !held,
            Action::Resume => held,
            _ => true,
        })
        .filter(|a| crate::history::workflow::transition(*a, Some(state)).is_some())
        .collect();
    actions
        .into_iter()
        .map(|a| Button {
            action: a.name(),
            label: crate::i18n::text_in(
                locale,
                &view::message_id(&format!("act_{}", a.name().replace('-', "_"))),
                &[],
            ),
            fields: super::act::fields(a).to_vec(),
        })
        .collect()
}

/// A form as on paper: the HTML `svc render CASE FORM --format html` makes.
pub fn form(site: &Site, req: &Req, id: &str, form: &str) -> Reply {
    let ws = open(site);
    let Some(kind) = FormKind::from_name(form) else {
        return error_page(site, Some(req), 404);
    };
    let dir = match find_case(site, req, &ws, id) {
        Ok(dir) => dir,
        Err(reply) => return reply,
    };
    let now = site.now(&ws);
    let locale = locale_of(Some(req), Some(&ws));
    let templates = match Templates::load(&ws.root, locale, None) {
        Ok(t) => t,
        Err(e) => return problem(site, Some(req), 500, &e.to_string(), &[]),
    };
    let case = case::load(&ws.root, &dir);
    let recorded = match dossier::recorded(&ws.root, &dir, case.id(), site.options.cached) {
        Ok(r) => r,
        Err(e) => return problem(site, Some(req), 500, &e.to_string(), &[]),
    };
    let printer = Printer {
        ws: &ws,
        templates: &templates,
        format: Format::Html,
        now,
        recorded: &recorded,
        fonts: None,
        files_root: &ws.root,
    };
    match printer.form(&case, kind, req.param("site")) {
        Ok(bytes) => Reply::paper(String::from_utf8_lossy(&bytes).into_owned()),
        Err(e) => {
            let status = match &e {
                DossierError::Missing { .. } | DossierError::NoSuchVisit { .. } => 404,
                DossierError::Template(_) | DossierError::Font(_) => 500,
                _ => 422,
            };
            let findings = match &e {
                DossierError::Unreadable { findings, .. } => findings.clone(),
                _ => Vec::new(),
            };
            let hints: Vec<String> = finding_views(&findings)
                .into_iter()
                .map(|f| {
                    format!(
                        "{}: {} [{}] {}",
                        f.at,
                        f.message,
                        f.rule,
                        f.hint.unwrap_or_default()
                    )
                })
                .collect();
            problem(site, Some(req), status, &e.to_string(), &hints)
        }
    }
}

/// `/report`: this month's report.
pub fn this_month(site: &Site) -> Reply {
    let ws = Workspace::open(&site.root);
    let month = Month::of(site.now(&ws), ws.offset());
    Reply::see_other(&format!("/report/{month}"))
}

/// The monthly report as HTML with its charts: `svc report monthly --format html`, at HEAD
/// or, with `?rev=`, as of a commit.
pub fn report(site: &Site, req: &Req, month: &str) -> Reply {
    let Some(month) = Month::parse(month) else {
        return error_page(site, Some(req), 404);
    };
    let ws = open(site);
    let now = site.now(&ws);
    let locale = locale_of(Some(req), Some(&ws));
    let templates = match Templates::load(&ws.root, locale, None) {
        Ok(t) => t,
        Err(e) => return problem(site, Some(req), 500, &e.to_string(), &[]),
    };
    let rev = req.param("rev");
    let (report, _snapshot) = match monthly::of_revision(&ws.root, rev, month, now, &|_, _| {}) {
        Ok(read) => read,
        Err(e) => {
            let status = match e {
                crate::report::snapshot::SnapshotError::BadRevision { .. } => 404,
                _ => 500,
            };
            return problem(site, Some(req), status, &e.to_string(), &[]);
        }
    };
    match monthly::render(&report, &templates, templates::Format::Html) {
        Ok(html) => Reply::paper(html),
        Err(e) => problem(site, Some(req), 500, &e.to_string(), &[]),
    }
}

/// What awaits the person whose git identity runs the server, as `svc status` says.
pub fn me(site: &Site, req: &Req) -> Reply {
    let ws = open(site);
    let person = match acting_person(site, &ws) {
        Ok(p) => p,
        Err((message, hints)) => return problem(site, Some(req), 409, &message, &hints),
    };
    let now = site.now(&ws);
    let locale = locale_of(Some(req), Some(&ws));
    let validation = validate(site, &ws, now);
    let items = crate::history::agenda::agenda_of(&ws, &validation.facts, &person, now);
    let rows: Vec<[String; 5]> = items
        .iter()
        .map(|item| {
            let flags = validation
                .cases
                .iter()
                .find(|c| c.id == item.case)
                .map(|c| targets::flags(&ws, &c.deadlines, now))
                .unwrap_or_default();
            [
                item.case.clone(),
                state_label(locale, item.state),
                item.title.clone(),
                item.todo.clone(),
                flags,
            ]
        })
        .collect();
    let mut cx = context(site, Some(req), Some(&ws), locale);
    let who = ws.people.get(&person).map_or_else(
        || person.clone(),
        |p| {
            let roles: Vec<&str> = p.roles.iter().map(|r| r.value.as_str()).collect();
            format!("{} ({person}): {}", p.name, roles.join(", "))
        },
    );
    cx.insert("who", &who);
    cx.insert("items", &rows);
    page(site, Some(req), 200, "me.html", &cx)
}

/// Who is away this week (Monday to Sunday), as `svc calendar` shows it.
pub fn away(site: &Site, req: &Req) -> Reply {
    let ws = open(site);
    let now = site.now(&ws);
    let locale = locale_of(Some(req), Some(&ws));
    let today = now.with_timezone(&ws.offset()).date_naive();
    let monday = today
        .checked_sub_days(Days::new(u64::from(today.weekday().num_days_from_monday())))
        .unwrap_or(today);
    let sunday = monday.checked_add_days(Days::new(6)).unwrap_or(monday);
    let query = away::Query {
        first: monday,
        last: sunday,
        person: None,
    };
    let validation = validate(site, &ws, now);
    let events = away::gather(&ws, &validation, &query, today);
    let entries = away::entries(&ws, &events);
    let rows: Vec<[String; 6]> = events
        .iter()
        .zip(&entries)
        .map(|(e, entry)| {
            [
                away::when_text(&ws, &e.when),
                e.kind.name(locale),
                entry.people_names.join(", "),
                entry.site_names.join("; "),
                entry.case.clone(),
                entry.title.clone(),
            ]
        })
        .collect();
    let mut cx = context(site, Some(req), Some(&ws), locale);
    cx.insert(
        "week",
        &crate::i18n::text_in(
            locale,
            "serve-away-week",
            &[
                ("from", monday.to_string().into()),
                ("to", sunday.to_string().into()),
            ],
        ),
    );
    cx.insert("rows", &rows);
    page(site, Some(req), 200, "away.html", &cx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_has_a_label() {
        for locale in Locale::ALL {
            for state in State::ALL {
                let id = format!("serve-state-{}", state.as_str());
                assert_ne!(state_label(locale, *state), id, "{id} in {locale:?}");
            }
        }
    }

    #[test]
    fn a_case_id_in_a_url_is_plain() {
        assert!(plain_id("SR-20261127-K7F3Q2"));
        for bad in ["", "..", "a/b", "a%2f", "<script>", "a b"] {
            assert!(!plain_id(bad), "{bad}");
        }
    }
}
