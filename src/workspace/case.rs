//! Cases: one folder each under `cases/<yyyy>/<mm>/<id>/`, holding `case.toml` and the
//! forms. This module finds the folders and reads a folder's files into a [`Case`]; what a
//! case must satisfy is in [`crate::rules`].

use crate::forms::finding::{Finding, Location};
use crate::forms::node::Syntax;
use crate::forms::{
    CaseFile, FeeList, FormKind, Request, State, Summary, TaskSheet, TravelLog, Visit, blob_id,
};
use crate::t;
use crate::workspace::{Loaded, decode_file, read_decode, read_source};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The folder holding all cases.
pub const CASES_DIR: &str = "cases";

/// The folder of a case for its photos, scans and other files that are not forms.
pub const ATTACHMENTS_DIR: &str = "attachments";

/// A file under a case's `attachments/` folder, as the folder lists it: svc looks at its
/// name and size, never at its contents.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Attachment {
    /// The path inside `attachments/`, `/`-separated (`photos/olt.jpg`); a name that is
    /// not UTF-8 is shown with U+FFFD where its bytes are not.
    #[serde(rename = "path")]
    pub name: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// The file, relative to the workspace root, exactly as the system names it.
    #[serde(skip)]
    pub file: PathBuf,
}

/// A size for people: bytes, KB, MB or GB (1 KB = 1024 bytes), one decimal above bytes.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 3] = ["KB", "MB", "GB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut size = bytes as f64 / 1024.0;
    let mut unit = 0;
    while size >= 1024.0 && unit + 1 < UNITS.len() {
        size /= 1024.0;
        unit += 1;
    }
    format!("{size:.1} {}", UNITS[unit])
}

/// A case folder as read from disk: every form that could be read, and the findings of
/// those that could not.
#[derive(Debug)]
pub struct Case {
    /// The folder, relative to the workspace root.
    pub dir: PathBuf,
    /// `case.toml`.
    pub file: Option<Loaded<CaseFile>>,
    /// The request.
    pub request: Option<Loaded<Request>>,
    /// The task sheet.
    pub task_sheet: Option<Loaded<TaskSheet>>,
    /// Visit records, in file-name order.
    pub visits: Vec<Loaded<Visit>>,
    /// The fee list.
    pub fees: Option<Loaded<FeeList>>,
    /// The travel log.
    pub travel_log: Option<Loaded<TravelLog>>,
    /// The summary.
    pub summary: Option<Loaded<Summary>>,
    /// The files found for each form (even those that failed to parse).
    pub files: BTreeMap<FormKind, Vec<PathBuf>>,
    /// The files under `attachments/`, by path.
    pub attachments: Vec<Attachment>,
    /// The git object id of each form that could be read, by its path in the case folder
    /// (`task-sheet.toml`, `visits/01-gz.toml`): what an approval's `covers` is compared
    /// with.
    pub ids: BTreeMap<String, String>,
    /// Problems found while reading.
    pub findings: Vec<Finding>,
}

impl Case {
    /// The folder name: what the case id must be.
    pub fn folder_name(&self) -> &str {
        self.dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
    }

    /// The case id from `case.toml`, or the folder name when it cannot be read.
    pub fn id(&self) -> &str {
        self.file
            .as_ref()
            .map_or_else(|| self.folder_name(), |f| f.id.value.as_str())
    }

    /// The state, when `case.toml` could be read.
    pub fn state(&self) -> Option<State> {
        self.file.as_ref().map(|f| f.state.value)
    }

    /// Whether a file exists for the form (readable or not).
    pub fn has_file(&self, form: FormKind) -> bool {
        self.files.get(&form).is_some_and(|f| !f.is_empty())
    }
}

/// Every case folder under `cases/`, sorted, as paths relative to the root; folders and
/// files at the wrong depth are findings.
pub fn discover(root: &Path) -> (Vec<PathBuf>, Vec<Finding>) {
    discover_where(root, &|_| true)
}

/// [`discover`], keeping only the case folders whose name `keep` accepts (the others are
/// passed over unsorted: naming one case in 100,000 does not sort them all).
fn discover_where(root: &Path, keep: &dyn Fn(&str) -> bool) -> (Vec<PathBuf>, Vec<Finding>) {
    let mut dirs = Vec::new();
    let mut findings = Vec::new();
    let base = root.join(CASES_DIR);
    if crate::workspace::is_link(root, Path::new(CASES_DIR)) {
        findings.push(crate::workspace::link_finding(root, Path::new(CASES_DIR)));
        return (dirs, findings);
    }
    if !base.is_dir() {
        return (dirs, findings);
    }
    // Three levels read with their entries' types as the folder lists them: the case
    // folders themselves are not opened (at 100,000 cases that is most of the cost).
    let mut pending: Vec<(PathBuf, usize)> = vec![(PathBuf::from(CASES_DIR), 0)];
    while let Some((folder, depth)) = pending.pop() {
        let entries = match std::fs::read_dir(root.join(&folder)) {
            Ok(entries) => entries,
            Err(e) => {
                findings.push(cannot_read(&folder, &e));
                continue;
            }
        };
        let mut names: Vec<(String, std::fs::FileType)> = Vec::new();
        for entry in entries {
            match entry.and_then(|e| Ok((e.file_name(), e.file_type()?))) {
                Ok((name, kind))
                    if depth == 2 && kind.is_dir() && !keep(&name.to_string_lossy()) => {}
                Ok((name, kind)) => names.push((name.to_string_lossy().into_owned(), kind)),
                Err(e) => findings.push(cannot_read(&folder, &e)),
            }
        }
        names.sort_by(|a, b| a.0.cmp(&b.0));
        let depth = depth + 1;
        let mut deeper = Vec::new();
        for (name, kind) in names {
            if name.starts_with('.') || (depth == 1 && name == "README.md") {
                continue;
            }
            let rel = folder.join(&name);
            let is_dir = kind.is_dir();
            if kind.is_symlink() {
                findings.push(crate::workspace::link_finding(root, &rel));
            } else if depth == 3 && is_dir {
                dirs.push(rel);
            } else if !is_dir {
                findings.push(
                    Finding::warning(
                        "layout",
                        Location::file(rel),
                        t!("ws-layout-file-outside-case"),
                    )
                    .hint(t!("ws-layout-file-outside-case-hint")),
                );
            } else if depth < 3 && !name.chars().all(|c| c.is_ascii_digit()) {
                findings.push(
                    Finding::warning(
                        "layout",
                        Location::file(rel),
                        t!("ws-layout-folder-not-date"),
                    )
                    .hint(t!("ws-layout-folder-not-date-hint")),
                );
            } else if depth < 3 {
                deeper.push((rel, depth));
            }
        }
        // Reversed, so that the stack gives the folders back in order.
        pending.extend(deeper.into_iter().rev());
    }
    dirs.sort();
    (dirs, findings)
}

/// The finding for a folder or file of the cases that cannot be read.
fn cannot_read(rel: &Path, e: &std::io::Error) -> Finding {
    Finding::error(
        "layout",
        Location::file(rel),
        t!("ws-layout-cannot-read", error = e.to_string()),
    )
}

/// Which form a file in a case folder is, from its name.
fn form_of(name: &str) -> Option<FormKind> {
    let (stem, _) = name.rsplit_once('.')?;
    Syntax::of(Path::new(name))?;
    FormKind::ALL
        .into_iter()
        .find(|f| *f != FormKind::Visit && f.name() == stem)
}

impl Case {
    /// A case folder with nothing read yet.
    pub fn empty(dir: &Path) -> Case {
        Case {
            dir: dir.to_path_buf(),
            file: None,
            request: None,
            task_sheet: None,
            visits: Vec::new(),
            fees: None,
            travel_log: None,
            summary: None,
            files: BTreeMap::new(),
            attachments: Vec::new(),
            ids: BTreeMap::new(),
            findings: Vec::new(),
        }
    }

    /// The path of a file of the case, relative to the case folder, as `covers` names it.
    pub fn inner_path(&self, rel: &Path) -> String {
        let inner = rel.strip_prefix(&self.dir).unwrap_or(rel);
        inner
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// Read one form of the folder, noting its object id.
    fn read<T: crate::forms::decode::Decode>(
        &mut self,
        root: &Path,
        rel: &Path,
    ) -> Option<Loaded<T>> {
        let source = match read_source(root, rel) {
            Ok(source) => source,
            Err(finding) => {
                self.findings.push(*finding);
                return None;
            }
        };
        self.ids
            .insert(self.inner_path(rel), blob_id(source.text.as_bytes()));
        decode_file::<T>(&source, &mut self.findings).map(|value| Loaded { value, source })
    }
}

/// Read one case folder.
pub fn load(root: &Path, dir: &Path) -> Case {
    let mut case = Case::empty(dir);
    let mut names: Vec<(String, bool)> = match std::fs::read_dir(root.join(dir)) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                if e.file_type().is_ok_and(|t| t.is_symlink()) && !name.starts_with('.') {
                    case.findings
                        .push(crate::workspace::link_finding(root, &dir.join(&name)));
                    return None;
                }
                Some((name, e.file_type().is_ok_and(|t| t.is_dir())))
            })
            .collect(),
        Err(e) => {
            case.findings.push(Finding::error(
                "layout",
                Location::file(dir),
                t!("ws-layout-case-folder-unreadable", error = e.to_string()),
            ));
            return case;
        }
    };
    names.sort();
    let mut case_toml = None;
    for (name, is_dir) in names {
        let rel = dir.join(&name);
        if name.starts_with('.') {
            continue;
        }
        if is_dir {
            match name.as_str() {
                "visits" => load_visits(root, &rel, &mut case),
                ATTACHMENTS_DIR => list_attachments(root, &rel, "", &mut case),
                _ => case.findings.push(
                    Finding::warning(
                        "layout",
                        Location::file(&rel),
                        t!("ws-layout-unknown-folder"),
                    )
                    .hint(t!("ws-layout-unknown-folder-hint")),
                ),
            }
            continue;
        }
        if name == "case.toml" {
            case_toml = Some(rel);
            continue;
        }
        match form_of(&name) {
            Some(form) => case.files.entry(form).or_default().push(rel),
            None => case.findings.push(
                Finding::warning(
                    "layout",
                    Location::file(&rel),
                    t!("ws-layout-unknown-file", name = &name),
                )
                .hint(t!(
                    "ws-layout-unknown-file-hint",
                    forms = FormKind::ALL
                        .iter()
                        .filter(|f| **f != FormKind::Visit)
                        .map(|f| f.name())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            ),
        }
    }
    match case_toml {
        Some(rel) => case.file = read_decode(root, &rel, &mut case.findings),
        None => case.findings.push(
            Finding::error("layout", Location::file(dir), t!("ws-layout-no-case-toml"))
                .hint(t!("ws-layout-no-case-toml-hint")),
        ),
    }
    let files = case.files.clone();
    for (form, paths) in files.iter().filter(|(form, _)| **form != FormKind::Visit) {
        if paths.len() > 1 {
            for extra in &paths[1..] {
                case.findings.push(
                    Finding::error(
                        "layout",
                        Location::file(extra),
                        t!(
                            "ws-layout-two-files",
                            form = form.to_string(),
                            first = paths[0].display().to_string()
                        ),
                    )
                    .hint(t!("ws-layout-two-files-hint")),
                );
            }
            continue;
        }
        let rel = &paths[0];
        match form {
            FormKind::Request => case.request = case.read(root, rel),
            FormKind::TaskSheet => case.task_sheet = case.read(root, rel),
            FormKind::Fees => case.fees = case.read(root, rel),
            FormKind::TravelLog => case.travel_log = case.read(root, rel),
            FormKind::Summary => case.summary = case.read(root, rel),
            FormKind::Visit => {}
        }
    }
    case
}

/// List the files under `folder` (the case's `attachments/`, or a folder in it, `inner` the
/// path inside `attachments/` so far) from their folders' entries alone: no file is opened.
/// A name a person could not type or see as it is — not UTF-8, or holding a control or
/// invisible character — is a finding, as is a link.
fn list_attachments(root: &Path, folder: &Path, inner: &str, case: &mut Case) {
    let entries = match std::fs::read_dir(root.join(folder)) {
        Ok(entries) => entries,
        Err(e) => {
            case.findings.push(cannot_read(folder, &e));
            return;
        }
    };
    let mut found: Vec<(std::ffi::OsString, std::io::Result<std::fs::Metadata>)> = entries
        .filter_map(Result::ok)
        .map(|e| (e.file_name(), e.metadata()))
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    for (os_name, meta) in found {
        let shown = os_name.to_string_lossy();
        if shown.starts_with('.') {
            continue;
        }
        let rel = folder.join(&os_name);
        let name = if inner.is_empty() {
            shown.to_string()
        } else {
            format!("{inner}/{shown}")
        };
        let meta = match meta {
            Ok(meta) => meta,
            Err(e) => {
                case.findings.push(cannot_read(&rel, &e));
                continue;
            }
        };
        if let Some(finding) = attachment_name_finding(&rel, &os_name, &name) {
            case.findings.push(finding);
        }
        let kind = meta.file_type();
        if kind.is_symlink() {
            case.findings
                .push(crate::workspace::link_finding(root, &rel));
        } else if kind.is_dir() {
            list_attachments(root, &rel, &name, case);
        } else if kind.is_file() {
            case.attachments.push(Attachment {
                name,
                bytes: meta.len(),
                file: rel,
            });
        } else {
            case.findings.push(
                Finding::warning(
                    "layout",
                    Location::file(&rel),
                    t!("ws-layout-attachment-not-file", name = &name),
                )
                .hint(t!("ws-layout-attachment-not-file-hint")),
            );
        }
    }
}

/// The finding for an attachment's name that is not UTF-8 or holds a character that does
/// not show (`rel` its path, `name` as shown).
fn attachment_name_finding(rel: &Path, os_name: &std::ffi::OsStr, name: &str) -> Option<Finding> {
    let problem = match os_name.to_str() {
        None => t!("ws-layout-attachment-not-utf8", name = name),
        Some(text) => {
            let c = text.chars().find(|c| crate::forms::text::is_hidden(*c))?;
            t!(
                "ws-layout-attachment-hidden",
                name = name,
                character = crate::forms::text::escape_char(c)
            )
        }
    };
    Some(
        Finding::warning("layout", Location::file(rel), problem)
            .hint(t!("ws-layout-attachment-name-hint")),
    )
}

fn load_visits(root: &Path, visits_dir: &Path, case: &mut Case) {
    let mut names: Vec<String> = match std::fs::read_dir(root.join(visits_dir)) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect(),
        Err(e) => {
            case.findings.push(cannot_read(visits_dir, &e));
            return;
        }
    };
    names.sort();
    for name in names.into_iter().filter(|n| !n.starts_with('.')) {
        let rel = visits_dir.join(&name);
        if Syntax::of(Path::new(&name)).is_none() {
            case.findings.push(
                Finding::warning("layout", Location::file(&rel), t!("ws-layout-not-a-visit"))
                    .hint(t!("ws-layout-not-a-visit-hint")),
            );
            continue;
        }
        case.files
            .entry(FormKind::Visit)
            .or_default()
            .push(rel.clone());
        if let Some(visit) = case.read::<Visit>(root, &rel) {
            case.visits.push(visit);
        }
    }
}

/// Why a case named on the command line could not be found (said in the person's
/// language: [`crate::i18n`]).
#[derive(Debug)]
pub enum LookupError {
    /// No case id starts or ends with the text.
    NotFound {
        /// What was asked for.
        query: String,
        /// The closest id, if any.
        closest: Option<String>,
    },
    /// More than one case matches.
    Ambiguous {
        /// What was asked for.
        query: String,
        /// The ids it matches.
        matches: Vec<String>,
    },
}

impl std::fmt::Display for LookupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            LookupError::NotFound { query, .. } => t!("ws-lookup-not-found", query = query),
            LookupError::Ambiguous { query, matches } => t!(
                "ws-lookup-ambiguous",
                query = query,
                count = matches.len(),
                cases = matches.join(", ")
            ),
        })
    }
}

impl std::error::Error for LookupError {}

/// Find the case named by `query` (an id, or any unique prefix or suffix of one) in the
/// workspace at `root`. A query that carries the opening date looks only in that month's
/// folder, so naming a case costs the same in a workspace of 100,000 cases as in an empty one.
pub fn find(root: &Path, query: &str) -> Result<PathBuf, LookupError> {
    let q = query.trim().to_ascii_uppercase();
    let date = q
        .split('-')
        .nth(1)
        .filter(|d| d.len() == 8 && d.bytes().all(|b| b.is_ascii_digit()));
    if let Some(date) = date {
        let month = PathBuf::from(CASES_DIR).join(&date[..4]).join(&date[4..6]);
        if let Ok(entries) = std::fs::read_dir(root.join(&month)) {
            let dirs: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                .map(|e| month.join(e.file_name()))
                .collect();
            if let Ok(found) = lookup(&dirs, query) {
                return Ok(found);
            }
        }
    }
    // The folders the query can name, found without listing every case; when there is
    // none, the whole list, for the closest id to suggest.
    let named = |name: &str| {
        let (n, q) = (name.as_bytes(), q.as_bytes());
        !q.is_empty()
            && n.len() >= q.len()
            && (n[..q.len()].eq_ignore_ascii_case(q)
                || n[n.len() - q.len()..].eq_ignore_ascii_case(q))
    };
    let (some, _) = discover_where(root, &named);
    if !some.is_empty() {
        return lookup(&some, query);
    }
    let (all, _) = discover(root);
    lookup(&all, query)
}

/// The folder of the case named by its id, or by any unique prefix or suffix of it
/// (ignoring case), among `dirs`.
pub fn lookup(dirs: &[PathBuf], query: &str) -> Result<PathBuf, LookupError> {
    let name = |d: &PathBuf| {
        d.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let q = query.trim().to_ascii_uppercase();
    if let Some(exact) = dirs.iter().find(|d| name(d).to_ascii_uppercase() == q) {
        return Ok(exact.clone());
    }
    let matches: Vec<&PathBuf> = dirs
        .iter()
        .filter(|d| {
            let n = name(d).to_ascii_uppercase();
            !q.is_empty() && (n.starts_with(&q) || n.ends_with(&q))
        })
        .collect();
    match matches.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(LookupError::NotFound {
            query: query.to_string(),
            closest: crate::forms::decode::did_you_mean(
                &q,
                dirs.iter().filter_map(|d| d.file_name()?.to_str()),
            )
            .map(str::to_string),
        }),
        many => {
            let mut ids: Vec<String> = many.iter().map(|d| name(d)).collect();
            ids.sort();
            Err(LookupError::Ambiguous {
                query: query.to_string(),
                matches: ids,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases_are_found_by_unique_prefix_or_suffix() {
        let dirs: Vec<PathBuf> = [
            "cases/2026/10/SR-20261015-K7F3Q2",
            "cases/2026/10/SR-20261016-AB12CD",
            "cases/2026/11/SR-20261101-ZZZZ99",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        assert_eq!(lookup(&dirs, "k7f3q2").unwrap(), dirs[0]);
        assert_eq!(lookup(&dirs, "SR-20261101").unwrap(), dirs[2]);
        assert_eq!(lookup(&dirs, "SR-20261016-AB12CD").unwrap(), dirs[1]);
        match lookup(&dirs, "SR-202610") {
            Err(LookupError::Ambiguous { matches, .. }) => assert_eq!(matches.len(), 2),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            lookup(&dirs, "nothing"),
            Err(LookupError::NotFound { .. })
        ));
    }
}
