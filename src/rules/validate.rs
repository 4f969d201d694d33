//! Validation of a whole workspace (or some of its cases): every case folder read and
//! checked in parallel, plus the checks that span cases (duplicate ids, and rule `asset`:
//! a case opened on a unit another case's visit replaced).

use crate::forms::State;
use crate::forms::decode::Timestamp;
use crate::forms::finding::{self, Finding, Location, Severity};
use crate::forms::source::Position;
use crate::history::agenda::Facts;
use crate::rules::asset::{self, InstalledBase, Mentions, Move, Opened};
use crate::rules::targets::Deadline;
use crate::rules::{self, Context};
use crate::workspace::Workspace;
use crate::workspace::case::{self, Case};
use crate::workspace::index::{Index, Reader, Stat, Writer, stat_folder};
use rayon::prelude::*;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The key facts of a case, for lists.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    /// The case id (the folder name when case.toml is unreadable).
    pub id: String,
    /// The folder, relative to the root.
    pub dir: PathBuf,
    /// The state, when known.
    pub state: Option<State>,
    /// The customer id.
    pub customer: Option<String>,
    /// The title.
    pub title: Option<String>,
    /// The assignees.
    pub assignees: Vec<String>,
    /// When the case was opened.
    pub opened_at: Option<Timestamp>,
    /// How many errors the case has.
    pub errors: usize,
    /// How many warnings the case has.
    pub warnings: usize,
    /// Its response targets' deadlines (5.1.7); where they stand depends on the moment.
    #[serde(skip)]
    pub deadlines: Vec<Deadline>,
}

impl Overview {
    /// The overview of a loaded case with its findings.
    pub fn of(ws: &Workspace, case: &Case, findings: &[Finding]) -> Overview {
        let file = case.file.as_ref();
        Overview {
            id: case.id().to_string(),
            dir: case.dir.clone(),
            state: case.state(),
            customer: file.map(|f| f.customer.value.clone()),
            title: file.map(|f| f.title.clone()),
            assignees: file
                .map(|f| f.assignees.iter().map(|a| a.value.clone()).collect())
                .unwrap_or_default(),
            opened_at: file.map(|f| f.opened_at.value),
            errors: findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count(),
            warnings: findings
                .iter()
                .filter(|f| f.severity == Severity::Warning)
                .count(),
            deadlines: super::targets::deadlines(ws, case),
        }
    }
}

/// Which cases a list shows: the filters of `svc list`, `svc export cases` and the web
/// view's board, the names in them already checked (the assignee a person's id).
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only cases in this state.
    pub state: Option<State>,
    /// Only cases assigned to this person.
    pub assignee: Option<String>,
    /// Only cases of this customer.
    pub customer: Option<String>,
    /// Only cases opened on or after this day (in the workspace's time zone).
    pub since: Option<chrono::NaiveDate>,
    /// Only cases that broke a response target (5.1.7): met late, or overdue at the moment.
    pub breached: bool,
}

impl Filter {
    /// Whether the case passes every filter, at `now`.
    pub fn keeps(&self, ws: &Workspace, now: Timestamp, c: &Overview) -> bool {
        self.state.is_none_or(|s| c.state == Some(s))
            && self
                .assignee
                .as_ref()
                .is_none_or(|a| c.assignees.contains(a))
            && self
                .customer
                .as_ref()
                .is_none_or(|x| c.customer.as_ref() == Some(x))
            && self.since.is_none_or(|d| {
                c.opened_at
                    .is_some_and(|t| t.with_timezone(&ws.offset()).date_naive() >= d)
            })
            && (!self.breached || c.deadlines.iter().any(|d| d.standing(ws, now).breached()))
    }
}

/// What validating one case gave, as the index keeps it: its overview and findings, where
/// its id is written, when it was judged and until when that holds.
struct Judged {
    overview: Overview,
    findings: Vec<Finding>,
    id_at: Location,
    at: Timestamp,
    until: Option<Timestamp>,
    facts: Option<Facts>,
    mentions: Mentions,
}

impl Judged {
    /// Whether the judgement holds at `now`: made at or before it, and nothing it read of the
    /// clock has changed since.
    fn holds_at(&self, now: Timestamp) -> bool {
        self.at <= now && self.until.is_none_or(|u| now < u)
    }

    fn encode(&self) -> Vec<u8> {
        let mut w = Writer::default();
        let o = &self.overview;
        w.str(&o.id);
        w.str(&o.dir.to_string_lossy());
        w.opt(o.state.map(State::as_str));
        w.opt(o.customer.as_deref());
        w.opt(o.title.as_deref());
        w.u64(o.assignees.len() as u64);
        for a in &o.assignees {
            w.str(a);
        }
        w.opt_time(o.opened_at.as_ref());
        w.u64(o.deadlines.len() as u64);
        for d in &o.deadlines {
            d.encode(&mut w);
        }
        location(&mut w, &self.id_at);
        w.time(&self.at);
        w.opt_time(self.until.as_ref());
        w.u64(self.findings.len() as u64);
        for f in &self.findings {
            w.str(f.rule);
            w.bytes(&[u8::from(f.severity == Severity::Warning)]);
            location(&mut w, &f.location);
            w.opt(f.case.as_deref());
            w.str(&f.message);
            w.opt(f.hint.as_deref());
            w.opt(f.commit.as_deref());
        }
        match &self.facts {
            Some(facts) => {
                w.bytes(&[1]);
                facts.encode(&mut w);
            }
            None => w.bytes(&[0]),
        }
        mentions(&mut w, &self.mentions);
        w.buf
    }

    fn decode(bytes: &[u8]) -> Option<Judged> {
        let mut r = Reader::new(bytes);
        let id = r.str()?;
        let dir = PathBuf::from(r.str()?);
        let state = match r.opt()? {
            None => None,
            Some(s) => Some(State::parse(&s)?),
        };
        let customer = r.opt()?;
        let title = r.opt()?;
        let mut assignees = Vec::new();
        for _ in 0..r.u64()? {
            assignees.push(r.str()?);
        }
        let opened_at = r.opt_time()?;
        let mut deadlines = Vec::new();
        for _ in 0..r.u64()? {
            deadlines.push(Deadline::decode(&mut r)?);
        }
        let id_at = read_location(&mut r)?;
        let at = r.time()?;
        let until = r.opt_time()?;
        let mut findings = Vec::new();
        for _ in 0..r.u64()? {
            let rule = rule_name(&r.str()?);
            let severity = match r.take(1)?.first()? {
                0 => Severity::Error,
                _ => Severity::Warning,
            };
            let location = read_location(&mut r)?;
            let case = r.opt()?;
            let message = r.str()?;
            let hint = r.opt()?;
            let commit = r.opt()?;
            findings.push(Finding {
                rule,
                severity,
                location,
                case,
                message,
                hint,
                commit,
            });
        }
        let facts = match r.take(1)?.first()? {
            0 => None,
            1 => Some(Facts::decode(&mut r)?),
            _ => return None,
        };
        let mentions = read_mentions(&mut r, &dir)?;
        if !r.done() {
            return None;
        }
        let mut overview = Overview {
            id,
            dir,
            state,
            customer,
            title,
            assignees,
            opened_at,
            errors: 0,
            warnings: 0,
            deadlines,
        };
        overview.errors = findings.iter().filter(|f| f.is_error()).count();
        overview.warnings = findings.len() - overview.errors;
        Some(Judged {
            overview,
            findings,
            id_at,
            at,
            until,
            facts,
            mentions,
        })
    }
}

/// What a case says about serials, for the index.
fn mentions(w: &mut Writer, m: &Mentions) {
    match &m.opened {
        Some(o) => {
            w.bytes(&[1]);
            w.str(&o.case);
            w.str(&o.serial);
            w.time(&o.at);
            w.bytes(&[u8::from(o.open)]);
            location(w, &o.location);
        }
        None => w.bytes(&[0]),
    }
    w.u64(m.served.len() as u64);
    for s in &m.served {
        w.str(s);
    }
    w.u64(m.moves.len() as u64);
    for x in &m.moves {
        w.str(&x.case);
        w.str(&x.visit.to_string_lossy());
        w.str(&x.site);
        w.time(&x.at);
        w.str(&x.code);
        w.u64(x.units.len() as u64);
        for u in &x.units {
            w.str(u);
        }
        w.opt(x.serial_out.as_deref());
        w.opt(x.serial_in.as_deref());
    }
    match &m.plan {
        Some((plan, date)) => {
            w.bytes(&[1]);
            w.str(plan);
            w.str(&date.to_string());
        }
        None => w.bytes(&[0]),
    }
}

fn read_mentions(r: &mut Reader, dir: &Path) -> Option<Mentions> {
    let opened = match r.take(1)?.first()? {
        0 => None,
        1 => Some(Opened {
            case: r.str()?,
            serial: r.str()?,
            at: r.time()?,
            open: *r.take(1)?.first()? != 0,
            location: read_location(r)?,
        }),
        _ => return None,
    };
    let mut served = Vec::new();
    for _ in 0..r.u64()? {
        served.push(r.str()?);
    }
    let mut moves = Vec::new();
    for _ in 0..r.u64()? {
        let (case, visit, site, at, code) = (r.str()?, r.str()?, r.str()?, r.time()?, r.str()?);
        let mut units = Vec::new();
        for _ in 0..r.u64()? {
            units.push(r.str()?);
        }
        moves.push(Move {
            case,
            visit: PathBuf::from(visit),
            site,
            at,
            code,
            units,
            serial_out: r.opt()?,
            serial_in: r.opt()?,
        });
    }
    let plan = match r.take(1)?.first()? {
        0 => None,
        1 => Some((r.str()?, r.str()?.parse().ok()?)),
        _ => return None,
    };
    Some(Mentions {
        dir: dir.to_path_buf(),
        opened,
        served,
        moves,
        plan,
    })
}

fn location(w: &mut Writer, l: &Location) {
    w.str(&l.file.to_string_lossy());
    for n in [l.start.line, l.start.column, l.end.line, l.end.column] {
        w.u64(u64::from(n));
    }
}

fn read_location(r: &mut Reader) -> Option<Location> {
    let file = PathBuf::from(r.str()?);
    let mut n = || r.u64().and_then(|n| u32::try_from(n).ok());
    let (a, b, c, d) = (n()?, n()?, n()?, n()?);
    Some(Location {
        file,
        start: Position { line: a, column: b },
        end: Position { line: c, column: d },
    })
}

/// The rule a finding read back names, as the rules name it (the set is small and fixed;
/// a name svc no longer has is kept once).
fn rule_name(name: &str) -> &'static str {
    const OTHERS: &[&str] = &["schema", "layout", "history"];
    if let Some(rule) = rules::rule(name) {
        return rule.id;
    }
    if let Some(known) = OTHERS.iter().find(|k| **k == name) {
        return known;
    }
    static SEEN: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());
    let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(s) = seen.iter().find(|s| **s == name) {
        return s;
    }
    let leaked: &'static str = Box::leak(name.to_string().into_boxed_str());
    seen.push(leaked);
    leaked
}

/// What a case folder's reading gave, to be put in the index.
struct ToKeep {
    dir: PathBuf,
    files: Vec<Stat>,
    key: String,
    payload: Vec<u8>,
}

/// The result of validating.
#[derive(Debug, Default, Serialize)]
pub struct Validation {
    /// The cases looked at, in folder order.
    pub cases: Vec<Overview>,
    /// Every finding, sorted by file and position.
    pub findings: Vec<Finding>,
    /// What of each case decides what awaits whom (`svc status`).
    #[serde(skip)]
    pub facts: Vec<Facts>,
    /// What every case of the workspace (not only those looked at) says about serials: the
    /// installed base as the visits left it is made of these ([`InstalledBase::of`]).
    #[serde(skip)]
    pub mentions: Vec<Mentions>,
}

impl Validation {
    /// How many errors.
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.is_error()).count()
    }

    /// How many warnings.
    pub fn warnings(&self) -> usize {
        self.findings.len() - self.errors()
    }
}

/// Validate the cases in `dirs` (all of them when `None`) and the shared files.
pub fn validate(ws: &Workspace, dirs: Option<&[PathBuf]>, now: Timestamp) -> Validation {
    validate_with(ws, dirs, now, None)
}

/// [`validate`], reading through `index` when given: a case folder whose files are as the
/// index last saw them, and whose shared files (settings, people, catalog, its customer)
/// are the same, is not read again — its findings are taken from the index for as long as
/// they hold (a finding that depends on the clock holds until its moment). What was read
/// is put in the index. The answer is the same with the index as without it.
pub fn validate_with(
    ws: &Workspace,
    dirs: Option<&[PathBuf]>,
    now: Timestamp,
    mut index: Option<&mut Index>,
) -> Validation {
    let (all, mut findings) = case::discover(&ws.root);
    findings.extend(ws.findings());
    findings.extend(ws.calendar_findings(now.with_timezone(&ws.offset()).date_naive()));
    let selected: &[PathBuf] = dirs.unwrap_or(&all);
    let known = index.as_deref();
    // The keys of what each customer's cases depend on, worked out once.
    let keys: std::collections::HashMap<Option<&str>, String> = std::iter::once(None)
        .chain(ws.customers.keys().map(|c| Some(c.as_str())))
        .map(|c| (c, ws.depends(c)))
        .collect();
    let depends = |customer: Option<&str>| {
        keys.get(&customer)
            .cloned()
            .unwrap_or_else(|| ws.depends(customer))
    };
    let looked: Vec<(Judged, Option<ToKeep>)> = selected
        .par_iter()
        .map(|dir| {
            let files = known.map(|_| stat_folder(&ws.root, dir));
            if let (Some(index), Some(files)) = (known, &files)
                && let Some((key, payload)) = index.get(dir, files)
                && let Some(judged) = Judged::decode(payload)
                && judged.holds_at(now)
                && depends(judged.overview.customer.as_deref()) == key
            {
                return (judged, None);
            }
            let case = case::load(&ws.root, dir);
            let cx = Context::new(ws, now);
            let found = rules::check_case(&cx, &case);
            let id_at = case
                .file
                .as_ref()
                .map_or_else(|| Location::file(dir), |f| f.at(f.id.span));
            let judged = Judged {
                overview: Overview::of(ws, &case, &found),
                findings: found,
                id_at,
                at: now,
                until: cx.holds_until(),
                facts: Facts::of(ws, &case),
                mentions: Mentions::of(&case),
            };
            let kept = files.map(|files| ToKeep {
                dir: dir.clone(),
                files,
                key: depends(judged.overview.customer.as_deref()),
                payload: judged.encode(),
            });
            (judged, kept)
        })
        .collect();
    // Rule `asset` asks what every case's visits moved, those not looked at too: from the
    // index while their folders are as it saw them.
    let mut mentions: Vec<Mentions> = match dirs {
        None => Vec::new(),
        Some(_) => {
            let looked_at: std::collections::HashSet<&Path> =
                selected.iter().map(PathBuf::as_path).collect();
            all.par_iter()
                .filter(|dir| !looked_at.contains(dir.as_path()))
                .map(|dir| {
                    known
                        .and_then(|index| index.get(dir, &stat_folder(&ws.root, dir)))
                        .and_then(|(_, payload)| Judged::decode(payload))
                        .map_or_else(|| Mentions::of(&case::load(&ws.root, dir)), |j| j.mentions)
                })
                .collect()
        }
    };
    let mut facts = Vec::new();
    let mut checked: Vec<(Overview, Vec<Finding>, Location, Option<Opened>)> =
        Vec::with_capacity(looked.len());
    for (judged, kept) in looked {
        if let (Some(index), Some(k)) = (index.as_deref_mut(), kept) {
            index.put(&k.dir, k.files, k.key, k.payload);
        }
        facts.extend(judged.facts);
        let opened = judged.mentions.opened.clone();
        mentions.push(judged.mentions);
        checked.push((judged.overview, judged.findings, judged.id_at, opened));
    }
    mentions.sort_by(|a, b| a.dir.cmp(&b.dir));
    let base = InstalledBase::of(ws, &mentions);
    if let Some(index) = index
        && dirs.is_none()
    {
        let present: std::collections::HashSet<&Path> = all.iter().map(PathBuf::as_path).collect();
        index.retain(|dir| present.contains(dir));
    }
    // Ids of the cases not read this time are their folder names (rule `id` keeps them equal).
    let mut ids: Vec<(String, PathBuf, Location)> = checked
        .iter()
        .map(|(o, _, at, _)| (o.id.clone(), o.dir.clone(), at.clone()))
        .collect();
    if dirs.is_some() {
        ids.extend(all.iter().filter(|d| !selected.contains(d)).map(|d| {
            let name = d
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, d.clone(), Location::file(d))
        }));
    }
    let mut duplicates = rules::duplicate_ids(&ids);
    duplicates.extend(rules::plan::duplicates(&base, &mentions));
    let mut cases = Vec::with_capacity(checked.len());
    for (mut overview, found, _, opened) in checked {
        let dup = duplicates
            .iter()
            .filter(|f| f.location.file.starts_with(&overview.dir))
            .count();
        overview.errors += dup;
        findings.extend(found);
        if let Some(mut replaced) = opened.and_then(|o| asset::replaced_unit(&base, &o)) {
            replaced.case = Some(overview.id.clone());
            overview.warnings += 1;
            findings.push(replaced);
        }
        cases.push(overview);
    }
    findings.extend(
        duplicates
            .into_iter()
            .filter(|f| selected.iter().any(|d| f.location.file.starts_with(d))),
    );
    finding::sort(&mut findings);
    Validation {
        cases,
        findings,
        facts,
        mentions,
    }
}
