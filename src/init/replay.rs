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
        let text = files
            .get(Path::new("case.toml"))
            .and_then(|b| String::from_utf8(b.clone()).ok());
        let file = text
            .and_then(|t| parse(&SourceFile::new("case.toml", t), Syntax::Toml).ok())
            .and_then(|node| decode_root::<CaseFile>(&node).ok())
            .ok_or_else(|| ReplayError::Unreadable(dir.display().to_string()))?;
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
            let bytes = sample.files.get(form).cloned().unwrap_or_default();
            let bytes = if planned.action == Action::Submit && form == Path::new("task-sheet.toml")
            {
                as_submitted(&bytes, planned.at.with_timezone(&ws.offset()).date_naive())
            } else {
                bytes
            };
            let path = root.join(&sample.dir).join(form);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| ReplayError::Io(parent.to_path_buf(), e))?;
            }
            crate::workspace::fsutil::write_atomic(&path, &bytes)
                .map_err(|e| ReplayError::Io(path.clone(), e))?;
        }
        let person = ws.people.get(&planned.by);
        let actor = Actor {
            id: planned.by.clone(),
            name: person.map_or_else(|| planned.by.clone(), |p| p.name.clone()),
            email: person.map_or_else(String::new, |p| p.email.value.clone()),
        };
        let session = Session {
            ws: &ws,
            store: &store,
            actor: &actor,
            now: planned.at,
            fault: &quiet,
        };
        let result = if planned.action == Action::New {
            let request = sample
                .files
                .get(Path::new("request.toml"))
                .map(|b| String::from_utf8_lossy(b).into_owned())
                .unwrap_or_default();
            let opening = Opening {
                id: sample.file.id.value.clone(),
                title: sample.file.title.clone(),
                customer: sample.file.customer.value.clone(),
                site: sample.file.site.as_ref().map(|s| s.value.clone()),
                product: sample.file.product.as_ref().map(|s| s.value.clone()),
                request,
                note: "Request recorded.".into(),
            };
            actions::record_new(&session, &opening)
        } else {
            actions::act(&session, &sample.dir, planned.action, &planned.step)
        };
        result.map_err(|source| ReplayError::Refused {
            detail: match &source {
                ActionError::Rules { findings, .. } => findings
                    .iter()
                    .map(|f| format!("; {} [{}] {}", f.location.file.display(), f.rule, f.message))
                    .collect(),
                _ => String::new(),
            },
            case: sample.file.id.value.clone(),
            action: planned.action,
            at: planned.at,
            by: planned.by.clone(),
            source: Box::new(source),
        })?;
    }
    Ok(steps.len())
}

/// The task sheet as submitted on `day`: dated no later than the submission (a sheet sent
/// back is corrected and dated anew). The cash advance is on it, signed with it (7.3).
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

/// The submissions sent back at a gate, each submitted once before: halfway between the
/// state's start (`since`) and its rejection.
fn send_backs(
    f: &CaseFile,
    gate: ApprovalKind,
    since: Option<Timestamp>,
    forms: &[PathBuf],
    submitter: &str,
) -> Vec<(Timestamp, Action, String, Step, Vec<PathBuf>)> {
    let mut out = Vec::new();
    let mut since = since;
    for r in f.rejections.iter().filter(|r| r.kind.value == gate) {
        if let Some(from) = since {
            out.push((
                from + (r.at.value - from) / 2,
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
    records.extend(form_files(FormKind::Summary));
    for (when, action, by, step, forms) in send_backs(
        f,
        ApprovalKind::Review,
        at(&t.completed_at),
        &records,
        &first_assignee,
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
