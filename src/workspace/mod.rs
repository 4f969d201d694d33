//! The workspace: finding its root, and reading the company's shared files into an index
//! that the rules consult (people by id and e-mail, customers with their sites, products
//! and agreements, the catalog).
//!
//! Reading never stops at the first bad file: every problem becomes a [`Finding`] and the
//! rest of the workspace is still read, so `validate` can report everything at once.
//!
//! - [`case`]: case folders found and read into typed forms.
//! - [`calendar`]: the working calendar: `[workday]` and `calendar/<year>.toml`.
//! - [`plans`]: the maintenance plans, `plans/<id>.toml`.
//! - [`scaffold`]: new forms with bilingual comments, ready to fill in.
//! - [`fsutil`]: atomic file writes.
//! - [`import`]: the office's spreadsheets (parts price list, rate card) read into the catalog.
//! - [`index`]: what reading each case folder gave, kept by its files' stat data, so a
//!   second run reads only what changed.

pub mod calendar;
pub mod case;
pub mod customers;
pub mod fsutil;
pub mod import;
pub mod index;
pub mod plans;
pub mod scaffold;

use crate::forms::Action;
use crate::forms::config::{
    Forge, Part, PartsList, People, Person, Rate, RateCard, ReviewMode, Role, Settings,
};
use crate::forms::decode::{Decode, decode_root};
use crate::forms::finding::{Finding, Location};
use crate::forms::node::{self, Syntax};
use crate::forms::source::{SourceFile, Span};
use crate::t;
use chrono::FixedOffset;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The largest form svc reads: a form is a page or two of text.
pub const MAX_FILE_BYTES: u64 = 1 << 20;

/// The file that marks a workspace's root.
pub const SETTINGS_FILE: &str = "svc.toml";

/// The largest attachment a case may keep unless `svc.toml` says otherwise.
pub const DEFAULT_ATTACHMENT_LIMIT: crate::forms::decode::Megabytes =
    crate::forms::decode::Megabytes(20);

/// Why a workspace could not be opened at all (said in the person's language:
/// [`crate::i18n`]).
#[derive(Debug)]
pub enum OpenError {
    /// No `svc.toml` in the folder or any folder above it.
    NotFound(PathBuf),
    /// The folder cannot be read.
    Io {
        /// The folder.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            OpenError::NotFound(folder) => t!(
                "ws-open-not-found",
                file = SETTINGS_FILE,
                folder = folder.display().to_string()
            ),
            OpenError::Io { path, source } => t!(
                "ws-open-unreadable",
                path = path.display().to_string(),
                error = source.to_string()
            ),
        })
    }
}

impl std::error::Error for OpenError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            OpenError::NotFound(_) => None,
            OpenError::Io { source, .. } => Some(source),
        }
    }
}

/// Find the workspace root: `start` or the nearest folder above it holding `svc.toml`.
pub fn find_root(start: &Path) -> Result<PathBuf, OpenError> {
    let start = start.canonicalize().map_err(|source| OpenError::Io {
        path: start.to_path_buf(),
        source,
    })?;
    start
        .ancestors()
        .find(|dir| dir.join(SETTINGS_FILE).is_file())
        .map(Path::to_path_buf)
        .ok_or(OpenError::NotFound(start))
}

/// A file read from the workspace, or the finding that says why it could not be.
pub fn read_source(root: &Path, rel: &Path) -> Result<Arc<SourceFile>, Box<Finding>> {
    let path = root.join(rel);
    let here = Location::file(rel);
    let meta = std::fs::symlink_metadata(&path).map_err(|e| {
        Finding::error(
            "layout",
            here.clone(),
            t!("ws-layout-unreadable-file", error = e.to_string()),
        )
    })?;
    if meta.file_type().is_symlink() {
        return Err(Box::new(link_finding(root, rel)));
    }
    if !meta.is_file() {
        return Err(Box::new(
            Finding::error("layout", here, t!("ws-layout-not-regular-file"))
                .hint(t!("ws-layout-not-regular-file-hint")),
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Box::new(
            Finding::error(
                "layout",
                here,
                t!(
                    "ws-layout-too-large",
                    size = format!("{:.1}", meta.len() as f64 / (1 << 20) as f64)
                ),
            )
            .hint(t!("ws-layout-too-large-hint")),
        ));
    }
    let bytes = std::fs::read(&path).map_err(|e| {
        Finding::error(
            "layout",
            here.clone(),
            t!("ws-layout-unreadable-file", error = e.to_string()),
        )
    })?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let truncated = err.utf8_error().error_len().is_none();
            let bytes = err.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let file = SourceFile::new(rel, prefix);
            let at = Location::at(&file, Span::new(valid, valid));
            let finding = if truncated {
                Finding::error("schema", at, t!("ws-schema-cut-character"))
                    .hint(t!("ws-schema-cut-character-hint"))
            } else {
                Finding::error(
                    "schema",
                    at,
                    t!(
                        "ws-schema-not-utf8",
                        byte = format!("{:02X}", bytes[valid]),
                        offset = valid.to_string()
                    ),
                )
                .hint(t!("ws-schema-not-utf8-hint"))
            };
            return Err(Box::new(finding));
        }
    };
    if let Some(at) = conflict_marker(&text) {
        let file = SourceFile::new(rel, text);
        return Err(Box::new(
            Finding::error(
                "schema",
                Location::at(&file, Span::new(at, at + 7)),
                t!("ws-schema-merge-conflict"),
            )
            .hint(t!("ws-schema-merge-conflict-hint")),
        ));
    }
    if text.trim().is_empty() {
        return Err(Box::new(
            Finding::error("schema", here, t!("ws-schema-empty-file"))
                .hint(t!("ws-schema-empty-file-hint")),
        ));
    }
    Ok(SourceFile::new(rel, text))
}

/// Where a merge left conflict markers in a file.
fn conflict_marker(text: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.starts_with("<<<<<<< ") || line.trim_end() == "<<<<<<<" {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

/// The finding for a symbolic link at `rel`: svc reads only what is in the workspace itself.
pub fn link_finding(root: &Path, rel: &Path) -> Finding {
    let path = root.join(rel);
    let target = std::fs::read_link(&path)
        .map(|t| t.display().to_string())
        .unwrap_or_default();
    let outside = path
        .canonicalize()
        .ok()
        .zip(root.canonicalize().ok())
        .is_none_or(|(t, r)| !t.starts_with(r));
    let message = if outside {
        t!("ws-layout-link-outside", target = target)
    } else {
        t!("ws-layout-link", target = target)
    };
    Finding::error("layout", Location::file(rel), message).hint(t!("ws-layout-link-hint"))
}

/// The names in the workspace's folder `dir`, in order, hidden ones left out; `None` when
/// it cannot be listed.
pub(crate) fn listed_names(root: &Path, dir: &Path) -> Option<Vec<String>> {
    let entries = std::fs::read_dir(root.join(dir)).ok()?;
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| !name.starts_with('.'))
        .collect();
    names.sort();
    Some(names)
}

/// Whether `rel` is a symbolic link.
pub fn is_link(root: &Path, rel: &Path) -> bool {
    std::fs::symlink_metadata(root.join(rel)).is_ok_and(|m| m.file_type().is_symlink())
}

/// Parse and decode a file read from the workspace; every problem becomes a finding.
pub fn decode_file<T: Decode>(file: &SourceFile, findings: &mut Vec<Finding>) -> Option<T> {
    let Some(syntax) = Syntax::of(&file.path) else {
        findings.push(Finding::error(
            "layout",
            Location::file(&file.path),
            t!("ws-layout-not-a-form-syntax"),
        ));
        return None;
    };
    let tree = match node::parse(file, syntax) {
        Ok(tree) => tree,
        Err(errors) => {
            let language = match syntax {
                Syntax::Toml => "TOML",
                Syntax::Yaml => "YAML",
            };
            findings.extend(errors.into_iter().map(|e| {
                Finding::error(
                    "schema",
                    Location::at(file, e.span),
                    t!(
                        "ws-schema-invalid-syntax",
                        language = language,
                        error = &e.message
                    ),
                )
            }));
            return None;
        }
    };
    match decode_root::<T>(&tree) {
        Ok(value) => Some(value),
        Err(problems) => {
            findings.extend(problems.into_iter().map(|p| {
                Finding::error("schema", Location::at(file, p.span), p.message).hint_opt(p.hint)
            }));
            None
        }
    }
}

/// Read, parse and decode one file; every problem becomes a finding.
pub fn read_decode<T: Decode>(
    root: &Path,
    rel: &Path,
    findings: &mut Vec<Finding>,
) -> Option<Loaded<T>> {
    let source = match read_source(root, rel) {
        Ok(source) => source,
        Err(finding) => {
            findings.push(*finding);
            return None;
        }
    };
    decode_file::<T>(&source, findings).map(|value| Loaded { value, source })
}

/// A decoded file with the source it came from (for positions).
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    /// The decoded value.
    pub value: T,
    /// The file.
    pub source: Arc<SourceFile>,
}

impl<T> Loaded<T> {
    /// The location of a span in this file.
    pub fn at(&self, span: Span) -> Location {
        Location::at(&self.source, span)
    }
}

impl<T> std::ops::Deref for Loaded<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// The workspace's settings and index of shared data.
#[derive(Debug)]
pub struct Workspace {
    /// The root folder (absolute).
    pub root: PathBuf,
    /// `svc.toml`, when it could be read.
    pub settings: Option<Loaded<Settings>>,
    /// People by id.
    pub people: BTreeMap<String, Loaded<Person>>,
    /// Customers by id, each file read when first asked for.
    pub customers: customers::Customers,
    /// Parts by code.
    pub parts: BTreeMap<String, Loaded<Part>>,
    /// Rates by code.
    pub rates: BTreeMap<String, Loaded<Rate>>,
    /// Problems in the shared files read at opening (see [`Workspace::findings`]).
    findings: Vec<Finding>,
    /// Whether people.toml could be read (if not, nobody can be looked up, and the rules do
    /// not report every person as unknown).
    pub people_readable: bool,
    /// The object id of each shared file read (by its path in the workspace).
    pub read_ids: BTreeMap<PathBuf, String>,
    /// The working hours and the holidays of `calendar/<year>.toml`.
    calendar: crate::forms::calendar::WorkingCalendar,
    /// Whether the workspace keeps a `calendar/` folder.
    calendar_kept: bool,
    /// The maintenance plans by id (`plans/<id>.toml`), those that could be read.
    pub plans: BTreeMap<String, Loaded<crate::forms::plan::Plan>>,
    /// The plans read with an error of their own, not in use (their names are checked).
    unusable_plans: Vec<Loaded<crate::forms::plan::Plan>>,
}

impl Workspace {
    /// Read the shared files of the workspace at `root`.
    pub fn open(root: &Path) -> Workspace {
        let mut ws = Workspace {
            root: root.to_path_buf(),
            settings: None,
            people: BTreeMap::new(),
            customers: customers::Customers::default(),
            parts: BTreeMap::new(),
            rates: BTreeMap::new(),
            findings: Vec::new(),
            people_readable: false,
            read_ids: BTreeMap::new(),
            calendar: crate::forms::calendar::WorkingCalendar::default(),
            calendar_kept: false,
            plans: BTreeMap::new(),
            unusable_plans: Vec::new(),
        };
        ws.check_other_syntaxes();
        ws.settings = ws.load_required::<Settings>(SETTINGS_FILE);
        ws.check_settings();
        let hours = calendar::hours(ws.settings.as_ref(), &mut ws.findings);
        (ws.calendar, ws.calendar_kept) = calendar::load(&mut ws, hours);
        (ws.plans, ws.unusable_plans) = plans::load(&mut ws);
        if let Some(people) = ws.load_required::<People>("people.toml") {
            ws.people_readable = true;
            let source = people.source.clone();
            for person in people.value.person {
                let id = person.id.value.clone();
                ws.findings.extend(check_person(&source, &person));
                if ws.people.contains_key(&id) {
                    ws.findings.push(
                        Finding::error(
                            "id",
                            Location::at(&source, person.id.span),
                            t!("ws-id-person-twice", id = &id),
                        )
                        .hint(t!("ws-id-person-twice-hint")),
                    );
                    continue;
                }
                if let Some(key) = &person.signing_key
                    && crate::forms::config::parse_public_key(&key.value).is_none()
                {
                    ws.findings.push(
                        Finding::error(
                            "schema",
                            Location::at(&source, key.span),
                            t!("ws-schema-signing-key", id = &id),
                        )
                        .hint(t!("ws-schema-signing-key-hint")),
                    );
                }
                // git's identity lookup ignores case, and so does svc's.
                if let Some(other) = ws
                    .people
                    .values()
                    .find(|p| p.email.value.eq_ignore_ascii_case(&person.email.value))
                {
                    ws.findings.push(Finding::error(
                        "id",
                        Location::at(&source, person.email.span),
                        t!(
                            "ws-id-email-shared",
                            email = &person.email.value,
                            other = &other.id.value
                        ),
                    ));
                }
                ws.people.insert(
                    id,
                    Loaded {
                        value: person,
                        source: source.clone(),
                    },
                );
            }
        }
        let catalog_linked = is_link(&ws.root, Path::new("catalog"));
        if catalog_linked {
            ws.findings
                .push(link_finding(&ws.root, Path::new("catalog")));
        }
        if let Some(parts) = ws
            .load_required::<PartsList>("catalog/parts.toml")
            .filter(|_| !catalog_linked)
        {
            for part in parts.value.part {
                let source = parts.source.clone();
                ws.insert_code(
                    part.code.clone(),
                    Loaded {
                        value: part,
                        source,
                    },
                    |w| &mut w.parts,
                );
            }
        }
        if let Some(rates) = ws
            .load_required::<RateCard>("catalog/rates.toml")
            .filter(|_| !catalog_linked)
        {
            for rate in rates.value.rate {
                let source = rates.source.clone();
                ws.insert_code(
                    rate.code.clone(),
                    Loaded {
                        value: rate,
                        source,
                    },
                    |w| &mut w.rates,
                );
            }
        }
        ws.customers = customers::Customers::list(&ws.root, &mut ws.findings);
        ws
    }

    /// Every problem in the shared files: those read at opening, every customer's file
    /// (all read now), serials listed twice, and people the customers name who are not in
    /// people.toml.
    pub fn findings(&self) -> Vec<Finding> {
        let mut found = self.findings.clone();
        found.extend(self.customers.findings());
        found.extend(self.serial_findings());
        found.extend(self.shared_ref_findings());
        found.extend(self.plan_ref_findings());
        found
    }

    /// The shared files are TOML: one written in YAML beside (or instead of) its TOML file
    /// is never read, which the person must know.
    fn check_other_syntaxes(&mut self) {
        for toml in [
            SETTINGS_FILE,
            "people.toml",
            "catalog/parts.toml",
            "catalog/rates.toml",
        ] {
            let stem = toml.trim_end_matches(".toml");
            for other in ["yaml", "yml"] {
                let rel = format!("{stem}.{other}");
                if !self.root.join(&rel).exists() {
                    continue;
                }
                let message = if self.root.join(toml).exists() {
                    t!("ws-layout-other-syntax-beside", file = &rel, toml = toml)
                } else {
                    t!("ws-layout-other-syntax", file = &rel, toml = toml)
                };
                self.findings.push(
                    Finding::error("layout", Location::file(&rel), message).hint(t!(
                        "ws-layout-other-syntax-hint",
                        toml = toml,
                        file = &rel
                    )),
                );
            }
        }
        let cases = self.root.join(crate::workspace::case::CASES_DIR);
        if cases.exists() && !cases.is_dir() && !is_link(&self.root, Path::new("cases")) {
            self.findings.push(
                Finding::error(
                    "layout",
                    Location::file(crate::workspace::case::CASES_DIR),
                    t!("ws-layout-cases-file"),
                )
                .hint(t!("ws-layout-cases-file-hint")),
            );
        }
    }

    /// A serial is one product, installed at one customer.
    fn serial_findings(&self) -> Vec<Finding> {
        let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
        let mut found = Vec::new();
        for (id, c) in self.customers.iter() {
            for p in &c.products {
                match seen.get(p.serial.value.as_str()) {
                    Some(first) if first != id => found.push(
                        Finding::error(
                            "id",
                            c.at(p.serial.span),
                            t!(
                                "ws-id-serial-elsewhere",
                                serial = &p.serial.value,
                                customer = *first
                            ),
                        )
                        .hint(t!("ws-id-serial-elsewhere-hint")),
                    ),
                    Some(_) => found.push(Finding::error(
                        "id",
                        c.at(p.serial.span),
                        t!("ws-id-serial-twice", serial = &p.serial.value),
                    )),
                    None => {
                        seen.insert(&p.serial.value, id);
                    }
                }
            }
        }
        found
    }

    fn load_required<T: Decode>(&mut self, rel: &str) -> Option<Loaded<T>> {
        let path = Path::new(rel);
        if !self.root.join(path).exists() {
            self.findings.push(
                Finding::error(
                    "layout",
                    Location::file(path),
                    t!("ws-layout-missing", file = rel),
                )
                .hint(t!("ws-layout-missing-hint")),
            );
            return None;
        }
        self.load(path)
    }

    fn load<T: Decode>(&mut self, rel: &Path) -> Option<Loaded<T>> {
        let source = match read_source(&self.root, rel) {
            Ok(source) => source,
            Err(finding) => {
                self.findings.push(*finding);
                return None;
            }
        };
        self.read_ids.insert(
            rel.to_path_buf(),
            crate::forms::blob_id(source.text.as_bytes()),
        );
        decode_file::<T>(&source, &mut self.findings).map(|value| Loaded { value, source })
    }

    /// What a case's findings depend on besides the case: the settings, people, the
    /// catalog, the calendar files, the plans, and the file of its customer (`customer`), as their
    /// object ids — the key an index keeps the findings under. A file that could not be
    /// read counts as absent.
    pub fn depends(&self, customer: Option<&str>) -> String {
        let mut key = String::new();
        let customer_id = customer;
        let customer = customer.map(|c| PathBuf::from("customers").join(format!("{c}.toml")));
        let files = [
            Some(PathBuf::from(SETTINGS_FILE)),
            Some(PathBuf::from("people.toml")),
            Some(PathBuf::from("catalog/parts.toml")),
            Some(PathBuf::from("catalog/rates.toml")),
            customer,
        ];
        for file in files.iter().flatten() {
            let id = match (customer_id, file.starts_with("customers")) {
                (Some(c), true) => self.customers.blob_id(c),
                _ => self.read_ids.get(file).map(String::as_str),
            };
            key.push_str(&format!("{} {}\n", file.display(), id.unwrap_or("-")));
        }
        // The holidays decide when a traveller is due back at work (7.8); a preventive
        // case is told when its plan is gone (8.1-plan).
        for (file, id) in &self.read_ids {
            if file.starts_with(crate::forms::calendar::CALENDAR_DIR)
                || file.starts_with(crate::forms::plan::PLANS_DIR)
            {
                key.push_str(&format!("{} {id}\n", file.display()));
            }
        }
        // A case whose customer is not there is told the names of those who are.
        if customer_id.is_some_and(|c| !self.customers.contains_key(c)) {
            for id in self.customers.keys() {
                key.push_str(&format!("customer {id}\n"));
            }
        }
        crate::forms::blob_id(key.as_bytes())
    }

    fn insert_code<T>(
        &mut self,
        code: crate::forms::decode::Sp<String>,
        item: Loaded<T>,
        map: impl Fn(&mut Workspace) -> &mut BTreeMap<String, Loaded<T>>,
    ) {
        if code.value.trim().is_empty() {
            let location = item.at(code.span);
            self.findings.push(
                Finding::error("id", location, t!("ws-id-code-empty"))
                    .hint(t!("ws-id-code-empty-hint")),
            );
            return;
        }
        if map(self).contains_key(&code.value)
            || self.parts.contains_key(&code.value)
            || self.rates.contains_key(&code.value)
        {
            let location = item.at(code.span);
            self.findings.push(
                Finding::error("id", location, t!("ws-id-code-twice", code = &code.value))
                    .hint(t!("ws-id-code-twice-hint")),
            );
            return;
        }
        map(self).insert(code.value, item);
    }

    fn check_settings(&mut self) {
        let Some(settings) = &self.settings else {
            return;
        };
        let mut found = Vec::new();
        if let Some(locale) = &settings.locale
            && crate::forms::config::Locale::parse(&locale.value).is_none()
        {
            found.push(
                Finding::error(
                    "schema",
                    settings.at(locale.span),
                    t!("ws-schema-locale", locale = &locale.value),
                )
                .hint(t!("ws-schema-locale-hint")),
            );
        }
        if let Some(tz) = &settings.timezone
            && parse_offset(&tz.value).is_none()
        {
            found.push(
                Finding::error(
                    "schema",
                    settings.at(tz.span),
                    t!("ws-schema-timezone", timezone = &tz.value),
                )
                .hint(t!("ws-schema-timezone-hint")),
            );
        }
        for bad in settings.targets.iter().flat_map(|t| t.unreadable()) {
            found.push(
                Finding::error(
                    "schema",
                    settings.at(bad.span),
                    t!("ws-schema-allowance", allowance = &bad.value),
                )
                .hint(t!("ws-schema-allowance-hint")),
            );
        }
        if let Some(clock) = &settings.clock
            && chrono::DateTime::parse_from_rfc3339(&clock.value).is_err()
        {
            found.push(
                Finding::error(
                    "schema",
                    settings.at(clock.span),
                    t!("ws-schema-clock", clock = &clock.value),
                )
                .hint(t!("ws-schema-clock-hint")),
            );
        }
        if let Some(prefix) = &settings.id_prefix
            && (prefix.value.is_empty() || !prefix.value.chars().all(|c| c.is_ascii_uppercase()))
        {
            found.push(
                Finding::error(
                    "schema",
                    settings.at(prefix.span),
                    t!("ws-schema-id-prefix", prefix = &prefix.value),
                )
                .hint(t!("ws-schema-id-prefix-hint")),
            );
        }
        for name in settings
            .security
            .iter()
            .flat_map(|s| &s.signed_actions)
            .filter(|name| Action::from_name(&name.value).is_none())
        {
            let names = Action::ALL.map(Action::name);
            found.push(
                Finding::error(
                    "schema",
                    settings.at(name.span),
                    t!("ws-schema-action", action = &name.value),
                )
                .hint(
                    suggest(&name.value, names)
                        .unwrap_or_else(|| t!("ws-schema-action-hint", actions = names.join(", "))),
                ),
            );
        }
        self.findings.extend(found);
    }

    fn shared_ref_findings(&self) -> Vec<Finding> {
        let mut found = Vec::new();
        for c in self.customers.values() {
            if let Some(sales) = &c.salesperson {
                found.extend(self.person_ref(c, sales, &t!("ws-ref-salesperson")));
            }
            for a in &c.agreements {
                found.extend(self.person_ref(c, &a.signed_by, &t!("ws-ref-signer")));
            }
        }
        found
    }

    /// A finding when `id` names nobody in people.toml (`what`: who it is, as said to the
    /// person — a field name or a word in their language).
    pub fn person_ref<T>(
        &self,
        file: &Loaded<T>,
        id: &crate::forms::decode::Sp<String>,
        what: &str,
    ) -> Option<Finding> {
        if self.people.contains_key(&id.value) || !self.people_readable {
            return None;
        }
        Some(
            Finding::error(
                "ref",
                file.at(id.span),
                t!("ws-ref-person", what = what, id = &id.value),
            )
            .hint_opt(suggest(&id.value, self.people.keys().map(String::as_str))),
        )
    }

    /// The person with a role, if listed and holding it.
    pub fn has_role(&self, person: &str, role: Role) -> bool {
        self.people
            .get(person)
            .is_some_and(|p| p.roles.iter().any(|r| r.value == role))
    }

    /// The workspace's time zone (default +08:00).
    pub fn offset(&self) -> FixedOffset {
        self.settings
            .as_ref()
            .and_then(|s| s.timezone.as_ref())
            .and_then(|tz| parse_offset(&tz.value))
            .unwrap_or_else(default_offset)
    }

    /// The moment the workspace's clock stands at (`clock` in `svc.toml`), if it is stopped:
    /// a sample company's story reads the same whatever day it is shown.
    pub fn clock(&self) -> Option<crate::forms::decode::Timestamp> {
        self.settings
            .as_ref()
            .and_then(|s| s.clock.as_ref())
            .and_then(|c| chrono::DateTime::parse_from_rfc3339(&c.value).ok())
            .map(|t| t.with_timezone(&self.offset()))
    }

    /// The currency amounts are in (`currency`, CNY when absent).
    pub fn currency(&self) -> &str {
        self.settings
            .as_ref()
            .and_then(|s| s.currency.as_deref())
            .unwrap_or("CNY")
    }

    /// The paper forms and reports are laid out for (`[print] paper`, A4 when absent).
    pub fn paper(&self) -> crate::forms::config::Paper {
        self.settings
            .as_ref()
            .and_then(|s| s.print.as_ref())
            .and_then(|p| p.paper)
            .unwrap_or(crate::forms::config::Paper::A4)
    }

    /// The font svc.toml names for PDFs (`[print] font`), if any.
    pub fn print_font(&self) -> Option<&str> {
        self.settings
            .as_ref()
            .and_then(|s| s.print.as_ref())
            .and_then(|p| p.font.as_deref())
    }

    /// The largest attachment a case may keep (`[attachments] max_mb`, 20 MB when absent).
    pub fn attachment_limit(&self) -> crate::forms::decode::Megabytes {
        self.settings
            .as_ref()
            .and_then(|s| s.attachments.as_ref())
            .and_then(|a| a.max_mb.as_ref())
            .map_or(DEFAULT_ATTACHMENT_LIMIT, |m| m.value)
    }

    /// The workspace's locale: `locale` in `svc.toml`, zh-CN when absent or unknown.
    pub fn locale(&self) -> crate::forms::config::Locale {
        self.settings
            .as_ref()
            .and_then(|s| s.locale.as_ref())
            .and_then(|l| crate::forms::config::Locale::parse(&l.value))
            .unwrap_or_default()
    }

    /// The case id prefix (default `SR`).
    pub fn id_prefix(&self) -> &str {
        self.settings
            .as_ref()
            .and_then(|s| s.id_prefix.as_ref())
            .map_or("SR", |p| p.value.as_str())
    }

    /// Whether `svc.toml` asks for the action's commits to be signed (`[security]
    /// signed_actions`).
    pub fn signs(&self, action: Action) -> bool {
        self.settings
            .as_ref()
            .and_then(|s| s.security.as_ref())
            .is_some_and(|s| s.signed_actions.iter().any(|a| a.value == action.name()))
    }

    /// Whether every visit record needs the customer's confirmation (7.7).
    pub fn requires_confirmation(&self) -> bool {
        self.settings
            .as_ref()
            .and_then(|s| s.workflow.as_ref())
            .and_then(|w| w.require_confirmation)
            .unwrap_or(false)
    }

    /// How approvals travel (design §8), default direct.
    pub fn review_mode(&self) -> ReviewMode {
        self.settings
            .as_ref()
            .and_then(|s| s.workflow.as_ref())
            .and_then(|w| w.review)
            .unwrap_or(ReviewMode::Direct)
    }

    /// The forge `svc.toml` names for the remote, if it names one.
    pub fn forge(&self) -> Option<Forge> {
        self.settings
            .as_ref()
            .and_then(|s| s.workflow.as_ref())
            .and_then(|w| w.forge)
    }

    /// The working calendar: `[workday]`'s hours (08:30–12:00 and 14:00–17:30 unless
    /// svc.toml says) with the holidays and make-up working days of `calendar/<year>.toml`.
    pub fn calendar(&self) -> &crate::forms::calendar::WorkingCalendar {
        &self.calendar
    }

    /// What the calendar lacks on `today`: a workspace that keeps holiday files but none
    /// for this year counts its days as weekends only, and must be told.
    pub fn calendar_findings(&self, today: chrono::NaiveDate) -> Vec<Finding> {
        use chrono::Datelike;
        if self.calendar_kept && !self.calendar.knows_year(today.year()) {
            vec![calendar::missing_year(today.year())]
        } else {
            Vec::new()
        }
    }

    /// The person whose e-mail is `email`.
    pub fn person_by_email(&self, email: &str) -> Option<&Loaded<Person>> {
        self.people
            .values()
            .find(|p| p.email.value.eq_ignore_ascii_case(email))
    }
}

/// What is wrong with one person's entry: an id not of safe characters (it is written in
/// trailers, commit messages and file names), an e-mail git could not use, no roles.
fn check_person(source: &Arc<SourceFile>, person: &Person) -> Vec<Finding> {
    let mut found = Vec::new();
    let id = &person.id.value;
    if !is_safe_id(id) {
        found.push(
            Finding::error(
                "id",
                Location::at(source, person.id.span),
                t!(
                    "ws-id-person-id",
                    id = crate::forms::text::visible(id).into_owned()
                ),
            )
            .hint(t!("ws-id-person-id-hint")),
        );
    }
    if !is_email(&person.email.value) {
        found.push(
            Finding::error(
                "schema",
                Location::at(source, person.email.span),
                t!(
                    "ws-schema-email",
                    id = crate::forms::text::visible(id).into_owned(),
                    email = crate::forms::text::visible(&person.email.value).into_owned()
                ),
            )
            .hint(t!("ws-schema-email-hint")),
        );
    }
    if person.roles.is_empty() {
        found.push(
            Finding::error(
                "schema",
                Location::at(source, person.span),
                t!(
                    "ws-schema-no-roles",
                    id = crate::forms::text::visible(id).into_owned()
                ),
            )
            .hint(t!("ws-schema-no-roles-hint")),
        );
    }
    found
}

/// Whether `id` is a person id of safe characters.
pub fn is_safe_id(id: &str) -> bool {
    id.len() <= 64
        && id
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
}

/// Whether `text` is an e-mail address git can carry: one `@` between a local part and a
/// domain with a dot, no spaces or control characters, no `<>`.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text.chars().any(|c| {
            c.is_whitespace()
                || crate::forms::text::is_hidden(c)
                || matches!(c, '<' | '>' | ',' | ';')
        })
}

/// The default time zone of the procedure's home, Shenzhen.
pub fn default_offset() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600)
        .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset is valid"))
}

/// Parse `+08:00` / `-05:30` / `Z`.
pub fn parse_offset(text: &str) -> Option<FixedOffset> {
    if text == "Z" || text == "UTC" {
        return FixedOffset::east_opt(0);
    }
    let (sign, rest) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    let (h, m) = rest.split_once(':')?;
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    if h > 14 || m > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

/// "did you mean" for an unknown reference.
pub fn suggest<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    crate::forms::decode::did_you_mean(word, known)
        .map(|close| t!("ws-did-you-mean", close = close))
}
