//! The sample company's history, made real: each case of the bundled example is taken
//! through the procedure again with svc's own actions — the same checks, the same commits
//! — authored by the people who took each step, at the times its `case.toml` records. So
//! `svc log` and `svc check` on the example show a true procedure.

use crate::forms::Action;
use crate::forms::config::Role;
use crate::forms::decode::{Timestamp, decode_root};
use crate::forms::node::{Syntax, parse};
use crate::forms::source::SourceFile;
use crate::forms::{ApprovalKind, CaseFile, FormKind};
use crate::history::actions::{self, ActionError, Actor, Opening, Session, Step};
use crate::history::store::Store;
use crate::workspace::Workspace;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Why the replay stopped.
#[derive(Debug, thiserror::Error)]
pub enum ReplayError {
    /// A case file of the example cannot be read.
    #[error("{0}: cannot be read as a case")]
    Unreadable(String),
    /// A step was refused.
    #[error("{case}: `{action}` at {at} by {by} was refused: {source}{detail}")]
    Refused {
        /// The findings behind a refusal, if any.
        detail: String,
        /// The case.
        case: String,
        /// The action.
        action: Action,
        /// When.
        at: Timestamp,
        /// Who.
        by: String,
        /// Why.
        source: Box<ActionError>,
    },
    /// A file could not be written.
    #[error("{0}: {1}")]
    Io(PathBuf, std::io::Error),
}

/// One step to replay.
struct Planned {
    at: Timestamp,
    case: usize,
    action: Action,
    by: String,
    step: Step,
    /// Files (relative to the case folder) to put in place before the step.
    forms: Vec<PathBuf>,
}

/// A case of the example: its folder, its final files, its final case.toml.
struct Sample {
    dir: PathBuf,
    files: BTreeMap<PathBuf, Vec<u8>>,
    file: CaseFile,
}

/// Replay every case under `cases/` of `files` in the workspace at `root` (whose shared
/// files are committed already). Returns the number of steps taken.
pub fn replay(root: &Path, files: &[(&str, &[u8])]) -> Result<usize, ReplayError> {
    let mut by_case: BTreeMap<PathBuf, BTreeMap<PathBuf, Vec<u8>>> = BTreeMap::new();
    for (rel, bytes) in files {
        let path = Path::new(rel);
        let parts: Vec<_> = path.components().collect();
        if parts.len() >= 5 && parts[0].as_os_str() == "cases" {
            let dir: PathBuf = parts[..4].iter().collect();
            let inner: PathBuf = parts[4..].iter().collect();
            by_case
                .entry(dir)
                .or_default()
                .insert(inner, bytes.to_vec());
        }
    }
    let mut samples = Vec::new();
    for (dir, files) in by_case {
        let file = case_file_of(&dir, &files)?;
        samples.push(Sample { dir, files, file });
    }
    let ws = Workspace::open(root);
    let mut steps: Vec<Planned> = Vec::new();
    for (i, sample) in samples.iter().enumerate() {
        steps.extend(plan(&ws, i, sample));
    }
    steps.sort_by_key(|s| s.at);
    let store = Store::open(root)
        .map_err(|e| ReplayError::Io(root.to_path_buf(), std::io::Error::other(e.to_string())))?;
    let quiet = |_: &str| {};
    for planned in &steps {
        let sample = &samples[planned.case];
        for form in &planned.forms {
            let bytes = as_written(&ws, sample, planned, form);
            let path = root.join(&sample.dir).join(form);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| ReplayError::Io(parent.to_path_buf(), e))?;
            }
            crate::workspace::fsutil::write_atomic(&path, &bytes)
                .map_err(|e| ReplayError::Io(path.clone(), e))?;
        }
        let actor = actor_of(&ws, &planned.by);
        let session = Session {
            ws: &ws,
            store: &store,
            actor: &actor,
            now: planned.at,
            fault: &quiet,
        };
        let result = if planned.action == Action::New {
            actions::record_new(&session, &opening(&ws, sample))
        } else {
            actions::act(&session, &sample.dir, planned.action, &planned.step)
        };
        result.map_err(|source| ReplayError::Refused {
            detail: detail(&source),
            case: sample.file.id.value.clone(),
            action: planned.action,
            at: planned.at,
            by: planned.by.clone(),
            source: Box::new(source),
        })?;
    }
    Ok(steps.len())
}

/// One step of a case's history worked out as svc takes it, not committed: when, by whom,
/// the commit's message, and the files of the case folder it writes.
#[derive(Debug, Clone)]
pub struct Worked {
    /// When (the commit's time).
    pub at: Timestamp,
    /// Who (a person of people.toml).
    pub by: Actor,
    /// The commit message, trailers included.
    pub message: String,
    /// The files written, by their path in the case folder.
    pub writes: Vec<(PathBuf, Vec<u8>)>,
}

/// Work out the history of one case whose final files are `files` (by their path in the
/// case folder `dir`): every step svc would take to reach them, each prepared with svc's
/// own checks on the case as the steps before left it — in the folder `dir` under `scratch`,
/// which this uses as it goes — and none committed. `ws` holds the shared files.
pub fn work_out(
    ws: &Workspace,
    scratch: &Path,
    dir: &Path,
    files: &BTreeMap<PathBuf, Vec<u8>>,
) -> Result<Vec<Worked>, ReplayError> {
    let file = case_file_of(dir, files)?;
    let sample = Sample {
        dir: dir.to_path_buf(),
        files: files.clone(),
        file,
    };
    let mut steps = plan(ws, 0, &sample);
    steps.sort_by_key(|s| s.at);
    let folder = scratch.join(dir);
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).map_err(|e| ReplayError::Io(folder.clone(), e))?;
    let put = |rel: &Path, bytes: &[u8]| {
        let path = folder.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| ReplayError::Io(parent.into(), e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| ReplayError::Io(path, e))
    };
    let mut worked = Vec::with_capacity(steps.len());
    for planned in &steps {
        let mut writes = Vec::new();
        for form in &planned.forms {
            let bytes = as_written(ws, &sample, planned, form);
            put(form, &bytes)?;
            writes.push((form.clone(), bytes));
        }
        let actor = actor_of(ws, &planned.by);
        let refused = |source: ActionError| ReplayError::Refused {
            detail: detail(&source),
            case: sample.file.id.value.clone(),
            action: planned.action,
            at: planned.at,
            by: planned.by.clone(),
            source: Box::new(source),
        };
        let message = if planned.action == Action::New {
            let new = actions::prepare_new(ws, &actor, planned.at, &opening(ws, &sample))
                .map_err(refused)?;
            for (rel, bytes) in &new.writes {
                put(rel, bytes)?;
            }
            writes.extend(new.writes);
            new.message
        } else {
            let case = crate::workspace::case::load(scratch, dir);
            let prepared =
                actions::prepare(ws, &actor, planned.at, case, planned.action, &planned.step)
                    .map_err(refused)?;
            put(Path::new("case.toml"), prepared.text.as_bytes())?;
            writes.retain(|(p, _)| p != Path::new("case.toml"));
            writes.push((PathBuf::from("case.toml"), prepared.text.into_bytes()));
            prepared.message
        };
        worked.push(Worked {
            at: planned.at,
            by: actor,
            message,
            writes,
        });
    }
    let _ = std::fs::remove_dir_all(&folder);
    Ok(worked)
}

/// The person taking a planned step, as people.toml lists them.
fn actor_of(ws: &Workspace, by: &str) -> Actor {
    let person = ws.people.get(by);
    Actor {
        id: by.to_string(),
        name: person.map_or_else(|| by.to_string(), |p| p.name.clone()),
        email: person.map_or_else(String::new, |p| p.email.value.clone()),
    }
}

/// What a refused step's rules said, for the error.
fn detail(source: &ActionError) -> String {
    match source {
        ActionError::Rules { findings, .. } => findings
            .iter()
            .map(|f| format!("; {} [{}] {}", f.location.file.display(), f.rule, f.message))
            .collect(),
        _ => String::new(),
    }
}

/// A sample case's opening: its facts and its request as received.
fn opening(ws: &Workspace, sample: &Sample) -> Opening {
    let request = sample
        .files
        .get(Path::new("request.toml"))
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default();
    Opening {
        id: sample.file.id.value.clone(),
        title: sample.file.title.clone(),
        customer: sample.file.customer.value.clone(),
        site: sample.file.site.as_ref().map(|s| s.value.clone()),
        product: sample.file.product.as_ref().map(|s| s.value.clone()),
        request,
        reopens: sample.file.reopens.as_ref().map(|s| s.value.clone()),
        note: crate::history::actions::default_note(
            ws.locale(),
            crate::forms::Action::New,
            None,
            crate::forms::State::Requested,
        ),
        plan: sample
            .file
            .plan
            .as_ref()
            .map(|p| (p.id.value.clone(), p.occurrence.value)),
    }
}

/// A form as the person writes it for a planned step: as the sample has it, but a task sheet
/// or a summary handed in with a submission dated no later than that day (one sent back is
/// corrected and dated anew).
fn as_written(ws: &Workspace, sample: &Sample, planned: &Planned, form: &Path) -> Vec<u8> {
    let bytes = sample.files.get(form).cloned().unwrap_or_default();
    let dated = [Path::new("task-sheet.toml"), Path::new("summary.toml")];
    if planned.action == Action::Submit && dated.contains(&form) {
        as_submitted(&bytes, planned.at.with_timezone(&ws.offset()).date_naive())
    } else {
        bytes
    }
}

/// A form as submitted on `day`: dated (`prepared_on`) no later than the submission. A task
/// sheet's cash advance is on it, signed with it (7.3).
fn as_submitted(bytes: &[u8], day: chrono::NaiveDate) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return bytes.to_vec();
    };
    let Ok(mut doc) = text.parse::<toml_edit::DocumentMut>() else {
        return bytes.to_vec();
    };
    let prepared = doc
        .get("prepared_on")
        .and_then(|v| v.as_datetime())
        .and_then(|d| d.date)
        .map(|d| (d.year, d.month, d.day));
    if let Some((y, m, d)) = prepared
        && chrono::NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d))
            .is_some_and(|p| p > day)
        && let Ok(date) = day
            .format("%Y-%m-%d")
            .to_string()
            .parse::<toml_edit::Datetime>()
    {
        doc["prepared_on"] = toml_edit::value(date);
    }
    doc.to_string().into_bytes()
}

/// The latest moment the forms record (a time, or the start of a date's day): a form is
/// handed in only once what it records has happened.
fn latest_moment(ws: &Workspace, sample: &Sample, forms: &[PathBuf]) -> Option<Timestamp> {
    let offset = ws.offset();
    let mut latest: Option<Timestamp> = None;
    for form in forms {
        let Some(text) = sample
            .files
            .get(form)
            .and_then(|b| std::str::from_utf8(b).ok())
        else {
            continue;
        };
        let bytes = text.as_bytes();
        for (i, _) in text.match_indices(|c: char| c.is_ascii_digit()) {
            // Only where a date could start: four digits and a dash.
            if i > 0 && bytes[i - 1].is_ascii_digit() || bytes.get(i + 4) != Some(&b'-') {
                continue;
            }
            let rest = &text[i..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | ':' | '+' | '.')))
                .unwrap_or(rest.len());
            let word = &rest[..end];
            let moment = chrono::DateTime::parse_from_rfc3339(word).ok().or_else(|| {
                let day = chrono::NaiveDate::parse_from_str(word, "%Y-%m-%d").ok()?;
                day.and_hms_opt(0, 0, 0)?
                    .and_local_timezone(offset)
                    .single()
            });
            if let Some(m) = moment {
                latest = Some(latest.map_or(m, |l| l.max(m)));
            }
        }
    }
    latest
}

/// The submissions sent back at a gate, each submitted once before: halfway between the
/// state's start (`since`, or what the forms record when later) and its rejection, to the
/// second.
fn send_backs(
    f: &CaseFile,
    gate: ApprovalKind,
    since: Option<Timestamp>,
    forms: &[PathBuf],
    submitter: &str,
    recorded: Option<Timestamp>,
) -> Vec<(Timestamp, Action, String, Step, Vec<PathBuf>)> {
    let mut out = Vec::new();
    let mut since = since;
    for r in f.rejections.iter().filter(|r| r.kind.value == gate) {
        if let Some(from) = since {
            let from = recorded
                .filter(|m| *m > from && *m < r.at.value)
                .unwrap_or(from);
            let half = chrono::Duration::seconds((r.at.value - from).num_seconds() / 2);
            out.push((
                from + half,
                Action::Submit,
                submitter.to_string(),
                Step::default(),
                forms.to_vec(),
            ));
        }
        out.push((
            r.at.value,
            Action::Reject,
            r.by.value.clone(),
            Step {
                note: Some(r.reason.clone()),
                ..Step::default()
            },
            Vec::new(),
        ));
        since = Some(r.at.value);
    }
    out
}

/// The steps of one case, from what its final `case.toml` records.
fn plan(ws: &Workspace, case: usize, sample: &Sample) -> Vec<Planned> {
    let f = &sample.file;
    let t = f.timeline.clone();
    let at = |x: &Option<crate::forms::decode::Sp<Timestamp>>| x.as_ref().map(|v| v.value);
    let first_assignee = f
        .assignees
        .first()
        .map(|a| a.value.clone())
        .unwrap_or_default();
    let csc = [Some(f.opened_by.value.clone())]
        .into_iter()
        .flatten()
        .find(|p| ws.has_role(p, Role::Csc))
        .or_else(|| {
            ws.people
                .values()
                .find(|p| p.roles.iter().any(|r| r.value == Role::Csc))
                .map(|p| p.id.value.clone())
        })
        .unwrap_or_default();
    let names = |dir: &str| -> Vec<PathBuf> {
        sample
            .files
            .keys()
            .filter(|p| p.starts_with(dir))
            .cloned()
            .collect()
    };
    let form_files = |form: FormKind| -> Vec<PathBuf> {
        sample
            .files
            .keys()
            .filter(|p| {
                p.file_stem().and_then(|s| s.to_str()) == Some(form.name())
                    && p.parent() == Some(Path::new(""))
            })
            .cloned()
            .collect()
    };
    let mut out = Vec::new();
    let mut push = |at: Timestamp, action: Action, by: &str, step: Step, forms: Vec<PathBuf>| {
        out.push(Planned {
            at,
            case,
            action,
            by: by.to_string(),
            step,
            forms,
        })
    };
    push(
        f.opened_at.value,
        Action::New,
        &f.opened_by.value,
        Step::default(),
        Vec::new(),
    );
    let Some(t) = t else { return out };
    if let Some(when) = at(&t.resolved_at) {
        push(
            when,
            Action::Resolve,
            &csc,
            Step {
                note: f.resolution.clone(),
                ..Step::default()
            },
            Vec::new(),
        );
    }
    if let Some(when) = at(&t.accepted_at) {
        push(
            when,
            Action::Accept,
            &csc,
            Step {
                fee: f.fee.as_ref().map(|x| x.value.clone()),
                ..Step::default()
            },
            Vec::new(),
        );
    }
    if let Some(when) = at(&t.assigned_at) {
        let by = f
            .assigned_by
            .as_ref()
            .map_or(csc.clone(), |b| b.value.clone());
        push(
            when,
            Action::Assign,
            &by,
            Step {
                assignees: f.assignees.iter().map(|a| a.value.clone()).collect(),
                ..Step::default()
            },
            Vec::new(),
        );
    }
    let sheet = form_files(FormKind::TaskSheet);
    for (when, action, by, step, forms) in send_backs(
        f,
        ApprovalKind::TaskSheet,
        at(&t.assigned_at),
        &sheet,
        &first_assignee,
        None,
    ) {
        push(when, action, &by, step, forms);
    }
    if let Some(when) = at(&t.submitted_at) {
        push(
            when,
            Action::Submit,
            &first_assignee,
            Step::default(),
            sheet.clone(),
        );
    }
    for a in &f.approvals {
        let action = match a.kind.value {
            ApprovalKind::TaskSheet => Action::Approve,
            ApprovalKind::Flight => Action::ApproveFlight,
            ApprovalKind::Review => continue,
        };
        push(
            a.at.value,
            action,
            &a.by.value,
            Step {
                note: a.note.clone(),
                ..Step::default()
            },
            Vec::new(),
        );
    }
    if let Some(when) = at(&t.started_at) {
        // The task sheet stays as it was signed.
        push(
            when,
            Action::Start,
            &first_assignee,
            Step::default(),
            Vec::new(),
        );
    }
    for c in &f.checkins {
        push(
            c.at.value,
            Action::Checkin,
            &c.by.value,
            Step {
                note: c.note.clone(),
                via: Some(c.via),
                ..Step::default()
            },
            Vec::new(),
        );
    }
    if let Some(when) = at(&t.completed_at) {
        let mut forms = names("visits");
        forms.extend(form_files(FormKind::Fees));
        push(
            when,
            Action::Complete,
            &first_assignee,
            Step::default(),
            forms,
        );
    }
    let mut records = form_files(FormKind::TravelLog);
    // The travel log records the trip: it is handed in once the trip is over (the summary
    // is dated as handed in).
    let trip = latest_moment(ws, sample, &records);
    records.extend(form_files(FormKind::Summary));
    for (when, action, by, step, forms) in send_backs(
        f,
        ApprovalKind::Review,
        at(&t.completed_at),
        &records,
        &first_assignee,
        trip,
    ) {
        push(when, action, &by, step, forms);
    }
    if let Some(when) = at(&t.handed_in_at) {
        push(
            when,
            Action::Submit,
            &first_assignee,
            Step::default(),
            records,
        );
    }
    for a in f
        .approvals
        .iter()
        .filter(|a| a.kind.value == ApprovalKind::Review)
    {
        push(
            a.at.value,
            Action::Approve,
            &a.by.value,
            Step {
                note: a.note.clone(),
                ..Step::default()
            },
            Vec::new(),
        );
    }
    if let Some(when) = at(&t.archived_at) {
        let by = f
            .approvals
            .iter()
            .find(|a| a.kind.value == ApprovalKind::Review && ws.has_role(&a.by.value, Role::Csc))
            .map_or(csc.clone(), |a| a.by.value.clone());
        push(when, Action::Archive, &by, Step::default(), Vec::new());
    }
    if let Some(when) = at(&t.cancelled_at) {
        push(
            when,
            Action::Cancel,
            &csc,
            Step {
                note: f.cancel_reason.clone(),
                ..Step::default()
            },
            Vec::new(),
        );
    }
    out
}

/// The case file among a case folder's files, decoded.
fn case_file_of(dir: &Path, files: &BTreeMap<PathBuf, Vec<u8>>) -> Result<CaseFile, ReplayError> {
    let text = files
        .get(Path::new("case.toml"))
        .and_then(|b| String::from_utf8(b.clone()).ok());
    text.and_then(|t| parse(&SourceFile::new("case.toml", t), Syntax::Toml).ok())
        .and_then(|node| decode_root::<CaseFile>(&node).ok())
        .ok_or_else(|| ReplayError::Unreadable(dir.display().to_string()))
}
