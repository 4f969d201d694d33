//! One case on paper: each form printed as its original (`svc render`), and the whole
//! case as the dossier the CSC archives (7.10) or as the reimbursement pack an engineer
//! hands in with an expense claim (7.9, `svc report case --expense-claim`).
//!
//! The printer prints the case it is given: `svc render` gives it the forms as they are on
//! disk (a visit record is printed for the customer to sign before the step that records
//! it), `svc report case` the committed data ([`super::snapshot`]). Either way every page is
//! stamped with the commit HEAD names and the files of the case folder that differ from
//! it ([`recorded`]), so a printed page says what it was made from. The dossier reuses the
//! form rendering: each form is rendered with `form.md` / `form.html` on its own, then placed
//! in `case.md` / `case.html` with the case's facts, approvals, history and findings.
//!
//! Values reach the templates as plain text formatted for a reader; HTML templates escape
//! them, Markdown ones pass them through the engine's `md` filter inside tables.
//!
//! - [`form`]: each form laid out as its paper original (fields, tables, signatures).

pub mod form;

use crate::forms::decode::{Money, Timestamp};
use crate::forms::finding::{Finding, Location, Severity};
use crate::forms::{FormKind, State, Visit};
use crate::history::log::{self, Entry};
use crate::history::store::{Store, StoreError};
use crate::report::pdf::{self, FontError, Fonts, PdfError};
use crate::report::templates::{self, Locale, TemplateError, Templates};
use crate::rules::{self, Context as RuleContext};
use crate::t;
use crate::workspace::case::Case;
use crate::workspace::{Loaded, Workspace};
use form::{FormView, Row, SignatureLine, Table, Views};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The formats a form or dossier is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown: for reading, diffing and converting.
    Md,
    /// One self-contained HTML page, for printing on A4 (or Letter).
    Html,
    /// A PDF typeset by svc, fonts embedded.
    Pdf,
}

impl Format {
    /// The file extension (`md`, `html`).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Pdf => "pdf",
        }
    }

    /// The format a file name asks for by its extension.
    pub fn of_path(path: &Path) -> Option<Format> {
        let pdf = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
        if pdf {
            return Some(Format::Pdf);
        }
        match templates::Format::of_path(path)? {
            templates::Format::Md => Some(Format::Md),
            templates::Format::Html => Some(Format::Html),
            _ => None,
        }
    }

    /// The template printing one form.
    pub fn form_template(self) -> &'static str {
        match self {
            Format::Md => "form.md",
            Format::Html => "form.html",
            Format::Pdf => "form.typ",
        }
    }

    /// The template printing a dossier.
    pub fn case_template(self) -> &'static str {
        match self {
            Format::Md => "case.md",
            Format::Html => "case.html",
            Format::Pdf => "case.typ",
        }
    }
}

/// Which dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dossier {
    /// Everything, for the archive (7.10).
    Archive,
    /// The reimbursement pack: the travel log's expenses with the visit records and the
    /// summary attached (7.9).
    ExpenseClaim,
}

/// What git knows of a case: the commit a report is made from, the files of the case
/// folder that differ from it, and the steps recorded.
#[derive(Debug, Clone, Default)]
pub struct Recorded {
    /// Whether the workspace is in a git repository at all.
    pub repository: bool,
    /// The commit HEAD names (None before the first commit).
    pub commit: Option<String>,
    /// Files of the case folder not as committed (changed, new, deleted), relative to the
    /// workspace root.
    pub uncommitted: Vec<PathBuf>,
    /// The case's steps, oldest first.
    pub history: Vec<Entry>,
}

/// Read what git knows of the case in `case_dir` (relative to `root`). A workspace outside
/// git is not an error: it has no commit and no history.
pub fn recorded(
    root: &Path,
    case_dir: &Path,
    id: &str,
    cached: bool,
) -> Result<Recorded, StoreError> {
    let store = match Store::open(root) {
        Ok(store) => store,
        Err(StoreError::NotARepository) => return Ok(Recorded::default()),
        Err(e) => return Err(e),
    };
    let repo = store.repo();
    let commit = repo
        .head()
        .ok()
        .and_then(|head| head.peel_to_commit().ok())
        .map(|c| c.id().to_string());
    let git = |doing: &'static str| move |source| StoreError::Git { doing, source };
    let in_repo = store.repo_path(case_dir);
    let prefix = store.repo_path(Path::new(""));
    let mut options = git2::StatusOptions::new();
    options
        .pathspec(in_repo.to_string_lossy().replace('\\', "/"))
        .include_untracked(true)
        .recurse_untracked_dirs(true)
        .include_ignored(false);
    let statuses = repo
        .statuses(Some(&mut options))
        .map_err(git("reading the status of the case folder"))?;
    let mut uncommitted: Vec<PathBuf> = statuses
        .iter()
        .filter(|e| e.status() != git2::Status::CURRENT && !e.status().is_ignored())
        .filter_map(|e| e.path().ok().map(PathBuf::from))
        .filter(|p| p.starts_with(&in_repo))
        .map(|p| p.strip_prefix(&prefix).map(Path::to_path_buf).unwrap_or(p))
        .collect();
    uncommitted.sort();
    uncommitted.dedup();
    let history = log::case_log(repo, id, cached)?;
    Ok(Recorded {
        repository: true,
        commit,
        uncommitted,
        history,
    })
}

/// Why a form or dossier could not be made.
#[derive(Debug, thiserror::Error)]
pub enum DossierError {
    /// The case has no file for the form.
    #[error("{}", t!("report-form-missing", case = .case, form = .form.name()))]
    Missing {
        /// The case id.
        case: String,
        /// The form.
        form: FormKind,
    },
    /// The form's file is there but cannot be read.
    #[error("{}", t!("report-form-unreadable", case = .case, form = .form.name(), count = .findings.len()))]
    Unreadable {
        /// The case id.
        case: String,
        /// The form.
        form: FormKind,
        /// What reading found.
        findings: Vec<Finding>,
    },
    /// The case has several visit records and none was named.
    #[error("{}", t!("report-which-visit", case = .case, count = .sites.len(), sites = .sites.join(", ")))]
    WhichVisit {
        /// The case id.
        case: String,
        /// The sites of its visit records.
        sites: Vec<String>,
    },
    /// No visit record of the case is for the named site.
    #[error("{}", t!("report-no-such-visit", case = .case, site = .site, sites = .sites.join(", ")))]
    NoSuchVisit {
        /// The case id.
        case: String,
        /// What was asked for.
        site: String,
        /// The sites of its visit records.
        sites: Vec<String>,
    },
    /// An expense claim without the records 7.9 asks for.
    #[error("{}", t!("report-claim-refused", case = .case, forms = list(.missing)))]
    ClaimRefused {
        /// The case id.
        case: String,
        /// The forms missing (or unreadable).
        missing: Vec<FormKind>,
        /// The findings of rule 7.9.
        findings: Vec<Finding>,
        /// Why those of the forms that are there cannot be read.
        unreadable: Vec<Finding>,
    },
    /// A template failed.
    #[error(transparent)]
    Template(#[from] TemplateError),
    /// No font for a PDF.
    #[error(transparent)]
    Font(#[from] FontError),
}

impl From<PdfError> for DossierError {
    fn from(e: PdfError) -> DossierError {
        match e {
            PdfError::Font(e) => DossierError::Font(e),
            PdfError::Template(e) => DossierError::Template(e),
        }
    }
}

/// The visit record named by `site` (its site id, or its file's name or stem, which tells
/// apart two records of one site), or the case's only one.
pub fn select_visit<'c>(
    case: &'c Case,
    site: Option<&str>,
) -> Result<&'c Loaded<Visit>, DossierError> {
    if case.visits.is_empty() {
        return Err(missing_or_unreadable(case, FormKind::Visit));
    }
    let stem = |v: &Loaded<Visit>| {
        v.source
            .path
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let candidates: Vec<&Loaded<Visit>> = match site {
        None => case.visits.iter().collect(),
        Some(wanted) => {
            let by_file: Vec<&Loaded<Visit>> = case
                .visits
                .iter()
                .filter(|v| {
                    stem(v) == wanted || v.source.path.file_name().is_some_and(|n| n == wanted)
                })
                .collect();
            if by_file.is_empty() {
                case.visits
                    .iter()
                    .filter(|v| v.site.value == wanted)
                    .collect()
            } else {
                by_file
            }
        }
    };
    match (candidates.as_slice(), site) {
        ([one], _) => Ok(one),
        ([], Some(wanted)) => Err(DossierError::NoSuchVisit {
            case: case.id().to_string(),
            site: wanted.to_string(),
            sites: case.visits.iter().map(|v| v.site.value.clone()).collect(),
        }),
        // Two records of the one site asked for: their file names tell them apart.
        (several, Some(_)) => Err(DossierError::WhichVisit {
            case: case.id().to_string(),
            sites: several.iter().map(|v| stem(v)).collect(),
        }),
        (several, None) => Err(DossierError::WhichVisit {
            case: case.id().to_string(),
            sites: several.iter().map(|v| v.site.value.clone()).collect(),
        }),
    }
}

/// The error for a form that is not there: missing, or there but unreadable.
fn missing_or_unreadable(case: &Case, form: FormKind) -> DossierError {
    let findings = reading_findings(case, form);
    if case.has_file(form) {
        DossierError::Unreadable {
            case: case.id().to_string(),
            form,
            findings,
        }
    } else {
        DossierError::Missing {
            case: case.id().to_string(),
            form,
        }
    }
}

/// What reading found in the files of one form.
fn reading_findings(case: &Case, form: FormKind) -> Vec<Finding> {
    let files = case.files.get(&form).cloned().unwrap_or_default();
    case.findings
        .iter()
        .filter(|f| files.contains(&f.location.file))
        .cloned()
        .collect()
}

/// Everything a form or dossier is printed with.
pub struct Printer<'a> {
    /// The workspace.
    pub ws: &'a Workspace,
    /// The templates (their locale is the report's).
    pub templates: &'a Templates,
    /// Markdown or HTML.
    pub format: Format,
    /// The moment of printing.
    pub now: Timestamp,
    /// What git knows of the case.
    pub recorded: &'a Recorded,
    /// The fonts a PDF is typeset with (needed for [`Format::Pdf`] only).
    pub fonts: Option<&'a Fonts>,
    /// Where the case folders are read from (their `attachments/`).
    pub files_root: &'a Path,
}

/// The company, for page headers.
#[derive(Debug, Serialize)]
struct Company {
    name: String,
    name_en: String,
    department: String,
}

/// Where a page comes from.
#[derive(Debug, Serialize)]
struct Stamp {
    /// When it was made.
    generated_at: String,
    /// Whether the workspace is in git.
    repository: bool,
    /// The commit HEAD names, or empty.
    commit: String,
    /// Its first 10 characters.
    commit_short: String,
    /// Files of the case folder that differ from the commit.
    uncommitted: Vec<String>,
}

/// The case's facts.
#[derive(Debug, Serialize)]
struct Facts {
    id: String,
    title: String,
    state: String,
    state_label: String,
    /// Customer, site, product and warranty, fees, people.
    rows: Vec<Row>,
    /// When each step happened.
    timeline: Vec<Row>,
}

/// A form's place in the dossier.
#[derive(Debug, Serialize)]
struct FormEntry {
    kind: &'static str,
    number: &'static str,
    title: &'static str,
    title_alt: &'static str,
    subtitle: String,
    /// `ok`, `missing` or `unreadable`.
    status: &'static str,
    /// The form as printed with the form template (empty unless `ok`, and for a PDF, whose
    /// template lays out `view` itself).
    rendered: String,
    /// The form's fields, tables and signatures (null unless `ok`).
    view: Option<FormView>,
}

/// What a page is printed from: the context of the HTML and Markdown templates, and the
/// data of the PDF ones (the same values).
#[derive(Debug, Default)]
struct Page(serde_json::Map<String, Value>);

impl Page {
    fn insert<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        self.0.insert(
            key.to_owned(),
            serde_json::to_value(value).unwrap_or(Value::Null),
        );
    }

    fn to_tera(&self) -> tera::Context {
        let mut cx = tera::Context::new();
        for (key, value) in &self.0 {
            cx.insert(key.clone(), value);
        }
        cx
    }
}

/// Who the paper is for, and in what money: printed at the head of every form.
#[derive(Debug, Serialize)]
struct Parties {
    /// The customer's name (in English for an English page, when the file gives it).
    customer: String,
    /// The case's site, by name.
    site: String,
    /// The currency, named: `人民币 (CNY)`.
    currency: String,
}

/// A file under the case's `attachments/`.
#[derive(Debug, Serialize)]
struct AttachmentView {
    /// Relative to `attachments/`.
    path: String,
    bytes: u64,
    /// The size for a reader: `2.4 MB`.
    size: String,
    /// Whether the page shows it (a PNG, JPEG, GIF or WebP photo or scan).
    image: bool,
    /// Where a PDF template finds it (`/attachments/…`); for HTML, a `data:` URI.
    src: String,
}

/// One step of the history.
#[derive(Debug, Serialize)]
struct Step {
    when: String,
    actor: String,
    action: String,
    from: String,
    to: String,
    note: String,
    commit: String,
    commit_short: String,
}

/// A finding as printed.
#[derive(Debug, Serialize)]
struct FindingView {
    severity: String,
    error: bool,
    rule: &'static str,
    place: String,
    message: String,
    hint: String,
}

/// The expense claim (7.9).
#[derive(Debug, Serialize)]
struct Claim {
    travellers: String,
    fares: Table,
    expenses: Table,
    by_category: Table,
    totals: Vec<Row>,
    fares_total: String,
    expenses_total: String,
    total: String,
    advance: String,
    balance: String,
    signatures: Vec<SignatureLine>,
}

impl<'a> Printer<'a> {
    fn locale(&self) -> Locale {
        self.templates.locale()
    }

    fn views(&self) -> Views<'a> {
        Views::new(self.ws, self.locale())
    }

    /// One form of the case as its paper original; `site` picks the visit record.
    pub fn form(
        &self,
        case: &Case,
        kind: FormKind,
        site: Option<&str>,
    ) -> Result<Vec<u8>, DossierError> {
        let views = self.views();
        let visit = match kind {
            FormKind::Visit => Some(select_visit(case, site)?),
            _ => None,
        };
        let view = views
            .form(case, kind, visit)
            .ok_or_else(|| missing_or_unreadable(case, kind))?;
        if self.format == Format::Pdf {
            let mut cx = self.context(&views, case, visit.map(|v| v.value.site.value.as_str()));
            cx.insert("form", &view);
            cx.insert("standalone", &true);
            cx.insert(
                "title",
                &format!("{} {} · {}", view.number, view.title, case.id()),
            );
            return self.typeset(self.format.form_template(), &cx, BTreeMap::new());
        }
        Ok(self.render_form(&views, case, &view, false)?.into_bytes())
    }

    /// A PDF of `template` with the context `cx`, showing `files`.
    fn typeset(
        &self,
        template: &str,
        cx: &Page,
        files: BTreeMap<String, Vec<u8>>,
    ) -> Result<Vec<u8>, DossierError> {
        let fonts = self.fonts.ok_or(FontError::NoCjk)?;
        let data = Value::Object(cx.0.clone());
        Ok(pdf::typeset(
            self.templates,
            fonts,
            template,
            &data,
            files,
            &self.now,
        )?)
    }

    /// The dossier of the case: for the archive, or the expense claim (refused without
    /// the visit records and the summary, 7.9).
    pub fn dossier(&self, case: &Case, which: Dossier) -> Result<Vec<u8>, DossierError> {
        let views = self.views();
        if which == Dossier::ExpenseClaim {
            claim_allowed(case)?;
        }
        let mut forms = Vec::new();
        let kinds: &[FormKind] = match which {
            Dossier::Archive => &FormKind::ALL,
            Dossier::ExpenseClaim => &[FormKind::Visit, FormKind::Summary],
        };
        for &kind in kinds {
            if kind == FormKind::Visit && !case.visits.is_empty() {
                for visit in &case.visits {
                    if let Some(view) = views.form(case, kind, Some(visit)) {
                        forms.push(self.entry(&views, case, view)?);
                    }
                }
                let unreadable = case.files.get(&kind).map_or(0, Vec::len) > case.visits.len();
                if unreadable {
                    forms.push(absent(&views, kind, "unreadable"));
                }
                continue;
            }
            match views.form(case, kind, None) {
                Some(view) => forms.push(self.entry(&views, case, view)?),
                None if case.has_file(kind) => forms.push(absent(&views, kind, "unreadable")),
                None => forms.push(absent(&views, kind, "missing")),
            }
        }
        let mut cx = self.context(&views, case, None);
        cx.insert(
            "kind",
            match which {
                Dossier::Archive => "case",
                Dossier::ExpenseClaim => "expense-claim",
            },
        );
        let title_key = match which {
            Dossier::Archive => "case_title",
            Dossier::ExpenseClaim => "case_claim_title",
        };
        cx.insert("title", &views.word(title_key));
        cx.insert("title_alt", &views.word_alt(title_key));
        cx.insert("forms", &forms);
        cx.insert("approvals", &approvals(&views, case));
        cx.insert("rejections", &rejections(&views, case));
        cx.insert("checkins", &checkins(&views, case));
        cx.insert("history", &steps(&views, &self.recorded.history));
        let mut findings = rules::check_case(&RuleContext::new(self.ws, self.now), case);
        crate::forms::finding::sort(&mut findings);
        let errors = findings.iter().filter(|f| f.is_error()).count();
        cx.insert("errors", &errors);
        cx.insert("warnings", &(findings.len() - errors));
        cx.insert("findings", &finding_views(&views, &findings));
        let claim = match which {
            Dossier::ExpenseClaim => Some(claim(&views, case)),
            Dossier::Archive => None,
        };
        cx.insert("claim", &claim);
        let (attachments, files) = attachments(self.files_root, &case.attachments, self.format);
        cx.insert("attachments", &attachments);
        if self.format == Format::Pdf {
            return self.typeset(self.format.case_template(), &cx, files);
        }
        Ok(self
            .templates
            .render(self.format.case_template(), &cx.to_tera())?
            .into_bytes())
    }

    fn entry(&self, views: &Views, case: &Case, view: FormView) -> Result<FormEntry, DossierError> {
        let rendered = match self.format {
            Format::Pdf => String::new(),
            _ => self.render_form(views, case, &view, true)?,
        };
        Ok(FormEntry {
            kind: view.kind,
            number: view.number,
            title: view.title,
            title_alt: view.title_alt,
            subtitle: view.subtitle.clone(),
            status: "ok",
            rendered,
            view: Some(view),
        })
    }

    fn render_form(
        &self,
        views: &Views,
        case: &Case,
        view: &FormView,
        embedded: bool,
    ) -> Result<String, TemplateError> {
        let mut cx = self.context(views, case, None);
        cx.insert("form", view);
        cx.insert("standalone", &!embedded);
        cx.insert("heading", if embedded { "###" } else { "#" });
        self.templates
            .render(self.format.form_template(), &cx.to_tera())
    }

    /// What every page has: the company, the case and who it is for, the stamp, the paper
    /// and the dictionaries. `site` is the visit record's, when printing one.
    fn context(&self, views: &Views, case: &Case, site: Option<&str>) -> Page {
        let mut cx = Page::default();
        cx.insert("paper", self.ws.paper().typst());
        cx.insert("paper_css", self.ws.paper().css());
        cx.insert("parties", &parties(views, case, site));
        cx.insert("labels", views.labels());
        cx.insert("labels_alt", views.labels_alt());
        cx.insert("locale", self.locale().tag());
        cx.insert("case_id", case.id());
        cx.insert("case", &facts(views, case));
        let company = self.ws.settings.as_ref().map(|s| &s.company);
        cx.insert(
            "company",
            &Company {
                name: company.map(|c| c.name.clone()).unwrap_or_default(),
                name_en: company.and_then(|c| c.name_en.clone()).unwrap_or_default(),
                department: company
                    .and_then(|c| c.department.clone())
                    .unwrap_or_default(),
            },
        );
        let commit = self.recorded.commit.clone().unwrap_or_default();
        cx.insert(
            "stamp",
            &Stamp {
                generated_at: views.time(&self.now),
                repository: self.recorded.repository,
                commit_short: commit.chars().take(10).collect(),
                commit,
                uncommitted: self
                    .recorded
                    .uncommitted
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect(),
            },
        );
        cx
    }
}

/// A form that is not in the dossier, and why.
fn absent(views: &Views, kind: FormKind, status: &'static str) -> FormEntry {
    let (title, title_alt) = match views.locale {
        Locale::ZhCn => (kind.title_zh(), kind.title_en()),
        Locale::En => (kind.title_en(), kind.title_zh()),
    };
    FormEntry {
        kind: kind.name(),
        number: kind.number(),
        title,
        title_alt,
        subtitle: String::new(),
        status,
        rendered: String::new(),
        view: None,
    }
}

/// The customer, the site and the currency of the case, by name.
fn parties(views: &Views, case: &Case, site: Option<&str>) -> Parties {
    let customer = views.customer(case).map(|c| &c.value);
    let customer_name = match customer {
        Some(c) => {
            crate::report::names::in_locale(&c.name, c.name_en.as_deref(), views.locale).to_owned()
        }
        None => case
            .file
            .as_ref()
            .map(|f| f.value.customer.value.clone())
            .unwrap_or_default(),
    };
    let site = site
        .map(str::to_owned)
        .or_else(|| {
            case.file
                .as_ref()
                .and_then(|f| f.value.site.as_ref())
                .map(|s| s.value.clone())
        })
        .map(|id| views.site(customer, &id))
        .unwrap_or_default();
    let code = views.ws.currency();
    let currency = match (code, views.locale) {
        ("CNY", Locale::ZhCn) => "人民币 (CNY)".to_owned(),
        ("CNY", Locale::En) => "Chinese yuan (CNY)".to_owned(),
        (other, _) => other.to_owned(),
    };
    Parties {
        customer: customer_name,
        site,
        currency,
    }
}

/// The largest attachment a page shows inline; bigger ones are listed only.
const MAX_INLINE_IMAGE: u64 = 16 << 20;

/// The case's attachments as a page shows them, and for a PDF the bytes of the images it
/// shows (read from `root`). Only images are read: a video is listed, never opened.
fn attachments(
    root: &Path,
    list: &[crate::workspace::case::Attachment],
    format: Format,
) -> (Vec<AttachmentView>, BTreeMap<String, Vec<u8>>) {
    let mut files = BTreeMap::new();
    let views = list
        .iter()
        .map(|a| {
            let kind = image_kind(&a.name).filter(|_| a.bytes <= MAX_INLINE_IMAGE);
            let content = match (kind, format) {
                (Some(_), Format::Pdf | Format::Html) => std::fs::read(root.join(&a.file)).ok(),
                _ => None,
            };
            let src = match (&content, format, kind) {
                (Some(bytes), Format::Html, Some(mime)) => {
                    format!("data:{mime};base64,{}", base64(bytes))
                }
                (Some(_), Format::Pdf, _) => format!("/attachments/{}", a.name),
                _ => String::new(),
            };
            if let (Some(content), Format::Pdf) = (content, format) {
                files.insert(src.clone(), content);
            }
            AttachmentView {
                image: !src.is_empty(),
                size: crate::workspace::case::human_size(a.bytes),
                path: a.name.clone(),
                bytes: a.bytes,
                src,
            }
        })
        .collect();
    (views, files)
}

/// The MIME type of a photo or scan a page can show, by its extension.
fn image_kind(name: &str) -> Option<&'static str> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    match ext.as_str() {
        "png" => Some("image/png"),
        "jpg" | "jpeg" => Some("image/jpeg"),
        "gif" => Some("image/gif"),
        "webp" => Some("image/webp"),
        _ => None,
    }
}

/// Standard base64 with padding (RFC 4648 §4), for `data:` URIs.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// 7.9: the visit records and the summary, and something to claim (the travel log).
fn claim_allowed(case: &Case) -> Result<(), DossierError> {
    let mut findings = rules::r7_9_expense_claim(case);
    let mut missing = Vec::new();
    if case.visits.is_empty() {
        missing.push(FormKind::Visit);
    }
    if case.summary.is_none() {
        missing.push(FormKind::Summary);
    }
    if case.travel_log.is_none() {
        missing.push(FormKind::TravelLog);
        let here = case
            .file
            .as_ref()
            .map_or_else(|| Location::file(&case.dir), |f| f.at(f.span));
        findings.push(
            Finding::error("7.9", here, t!("report-claim-no-travel-log"))
                .hint(t!("report-claim-no-travel-log-hint", case = case.id())),
        );
    }
    if findings.is_empty() {
        return Ok(());
    }
    let unreadable = missing
        .iter()
        .flat_map(|kind| reading_findings(case, *kind))
        .collect();
    Err(DossierError::ClaimRefused {
        case: case.id().to_string(),
        missing,
        findings,
        unreadable,
    })
}

/// "the field service records (现场服务记录), the service summary report (服务总结报告) and …"
fn list(forms: &[FormKind]) -> String {
    let names: Vec<String> = forms
        .iter()
        .map(|kind| t!("report-claim-form", form = kind.name()))
        .collect();
    match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => t!(
            "report-list-and",
            rest = rest.join(&t!("report-list-comma")),
            last = last
        ),
        None => String::new(),
    }
}

fn facts(views: &Views, case: &Case) -> Facts {
    let Some(file) = case.file.as_ref() else {
        return Facts {
            id: case.id().to_string(),
            title: String::new(),
            state: String::new(),
            state_label: String::new(),
            rows: Vec::new(),
            timeline: Vec::new(),
        };
    };
    let customer = views.customer(case).map(|c| &c.value);
    let mut rows = Vec::new();
    let customer_text = match customer {
        Some(c) => match (&c.name_en, views.locale) {
            (Some(en), Locale::En) if !en.trim().is_empty() => {
                format!("{} · {en}", c.name)
            }
            _ => c.name.clone(),
        },
        None => file.customer.value.clone(),
    };
    rows.push(views.labelled("customer", "customer", customer_text));
    if let Some(site) = &file.site {
        let mut text = views.site(customer, &site.value);
        if let Some(address) = customer
            .and_then(|c| c.sites.iter().find(|s| s.id.value == site.value))
            .and_then(|s| s.address.as_deref())
        {
            text = format!("{text}\n{address}");
        }
        rows.push(views.labelled("site", "case_site", text));
    }
    if let Some(serial) = &file.product {
        rows.push(views.labelled("product", "product", views.product(customer, &serial.value)));
        if let Some(p) =
            customer.and_then(|c| c.products.iter().find(|p| p.serial.value == serial.value))
        {
            let served_on = case
                .visits
                .iter()
                .map(|v| v.arrived_at.value)
                .min()
                .unwrap_or(file.opened_at.value)
                .with_timezone(&views.ws.offset())
                .date_naive();
            let key = if served_on <= p.warranty_end.value {
                "case_in_warranty"
            } else {
                "case_out_of_warranty"
            };
            let mut text = format!(
                "{} {} ({} {}: {})",
                views.word("case_warranty_to"),
                views.date(&p.warranty_end.value),
                views.word("case_service_date"),
                views.date(&served_on),
                views.word(key),
            );
            if let Some(installed) = &p.installed_on {
                text = format!(
                    "{text}\n{} {}",
                    views.word("case_installed_on"),
                    views.date(&installed.value)
                );
            }
            rows.push(views.labelled("warranty", "case_warranty", text));
        }
    }
    let fee = file
        .fee
        .as_ref()
        .map_or_else(|| views.blank(), |f| views.fee_arrangement(&f.value));
    let fee = match views
        .customer(case)
        .zip(file.fee.as_ref())
        .and_then(|(c, f)| {
            let id = f.value.strip_prefix("agreement:")?.trim();
            c.agreements.iter().find(|a| a.id.value == id)
        }) {
        Some(a) => format!(
            "{fee}\n{} – {} · {}",
            views.date(&a.valid_from.value),
            views.date(&a.valid_to.value),
            a.terms
        ),
        None => fee,
    };
    rows.push(views.labelled("fee", "case_fee", fee));
    rows.push(views.labelled(
        "opened",
        "case_opened",
        format!(
            "{} · {}",
            views.time(&file.opened_at.value),
            views.name(&file.opened_by.value)
        ),
    ));
    if let Some(by) = &file.assigned_by {
        let via = file
            .assigned_via
            .as_ref()
            .map(|v| format!(" · {}", views.keyword(v.value.describe())))
            .unwrap_or_default();
        rows.push(views.labelled(
            "assigned_by",
            "case_assigned_by",
            format!("{}{via}", views.name(&by.value)),
        ));
    }
    rows.push(views.labelled(
        "assignees",
        "case_assignees",
        views.people(file.assignees.iter().map(|a| a.value.as_str())),
    ));
    if let Some(r) = &file.resolution {
        rows.push(views.labelled("resolution", "case_resolution", r.clone()));
    }
    if let Some(r) = &file.cancel_reason {
        rows.push(views.labelled("cancel_reason", "case_cancel_reason", r.clone()));
    }
    let mut timeline = Vec::new();
    if let Some(t) = &file.timeline {
        let fields = crate::forms::Timeline::FIELDS;
        let moments = [
            ("accepted_at", &t.accepted_at),
            ("resolved_at", &t.resolved_at),
            ("assigned_at", &t.assigned_at),
            ("submitted_at", &t.submitted_at),
            ("approved_at", &t.approved_at),
            ("started_at", &t.started_at),
            ("completed_at", &t.completed_at),
            ("handed_in_at", &t.handed_in_at),
            ("reviewed_at", &t.reviewed_at),
            ("archived_at", &t.archived_at),
            ("cancelled_at", &t.cancelled_at),
        ];
        for (key, at) in moments {
            if let Some(at) = at {
                timeline.push(views.described(fields, key, views.time(&at.value)));
            }
        }
    }
    let state = file.state.value;
    Facts {
        id: file.id.value.clone(),
        title: file.title.clone(),
        state: state.as_str().to_string(),
        state_label: state_word(views, state),
        rows,
        timeline,
    }
}

/// A state in the report's language.
fn state_word(views: &Views, state: State) -> String {
    let key = format!("state_{}", state.as_str());
    let word = views.word(&key);
    if word == key {
        views.keyword(state.describe())
    } else {
        word
    }
}

/// A state written in a commit's trailers (`none` for a new case).
fn state_text(views: &Views, text: &str) -> String {
    match State::parse(text) {
        Some(state) => state_word(views, state),
        None => views.blank(),
    }
}

fn approvals(views: &Views, case: &Case) -> Table {
    let fields = crate::forms::Approval::FIELDS;
    let rows = case
        .file
        .iter()
        .flat_map(|f| f.approvals.iter())
        .map(|a| {
            vec![
                views.keyword(a.kind.value.describe()),
                views.name(&a.by.value),
                views.keyword(a.role.value.describe()),
                views.time(&a.at.value),
                views.text(a.note.as_deref()),
                if crate::rules::approves_as_is(case, a) {
                    views.word("case_covers_current")
                } else {
                    views.word("case_covers_earlier")
                },
            ]
        })
        .collect();
    views.table(
        "approvals",
        "case_approvals",
        vec![
            views.described_column(fields, "kind", false),
            views.described_column(fields, "by", false),
            views.described_column(fields, "role", false),
            views.described_column(fields, "at", false),
            views.described_column(fields, "note", false),
            views.described_column(fields, "covers", false),
        ],
        rows,
    )
}

fn rejections(views: &Views, case: &Case) -> Table {
    let fields = crate::forms::Rejection::FIELDS;
    let rows = case
        .file
        .iter()
        .flat_map(|f| f.rejections.iter())
        .map(|r| {
            vec![
                views.keyword(r.kind.value.describe()),
                views.name(&r.by.value),
                views.time(&r.at.value),
                r.reason.clone(),
            ]
        })
        .collect();
    views.table(
        "rejections",
        "case_rejections",
        vec![
            views.described_column(fields, "kind", false),
            views.described_column(fields, "by", false),
            views.described_column(fields, "at", false),
            views.described_column(fields, "reason", false),
        ],
        rows,
    )
}

fn checkins(views: &Views, case: &Case) -> Table {
    let fields = crate::forms::Checkin::FIELDS;
    let rows = case
        .file
        .iter()
        .flat_map(|f| f.checkins.iter())
        .map(|c| {
            vec![
                views.time(&c.at.value),
                views.keyword(c.via.describe()),
                views.name(&c.by.value),
                views.text(c.note.as_deref()),
            ]
        })
        .collect();
    views.table(
        "checkins",
        "case_checkins",
        vec![
            views.described_column(fields, "at", false),
            views.described_column(fields, "via", false),
            views.described_column(fields, "by", false),
            views.described_column(fields, "note", false),
        ],
        rows,
    )
}

fn steps(views: &Views, history: &[Entry]) -> Vec<Step> {
    history
        .iter()
        .map(|e| Step {
            when: views.time(&e.when),
            actor: views.name(&e.actor),
            action: e.action.clone(),
            from: state_text(views, &e.from),
            to: state_text(views, &e.to),
            note: e.note.clone(),
            commit_short: e.commit.chars().take(10).collect(),
            commit: e.commit.clone(),
        })
        .collect()
}

fn finding_views(views: &Views, findings: &[Finding]) -> Vec<FindingView> {
    findings
        .iter()
        .map(|f| {
            let loc = &f.location;
            let place = loc.to_string();
            FindingView {
                severity: views.word(match f.severity {
                    Severity::Error => "case_error",
                    Severity::Warning => "case_warning",
                }),
                error: f.is_error(),
                rule: f.rule,
                place,
                message: f.message.clone(),
                hint: f.hint.clone().unwrap_or_default(),
            }
        })
        .collect()
}

/// The claim: the fares of the legs travelled, the expenses by category, the advance
/// received and what is left to settle.
fn claim(views: &Views, case: &Case) -> Claim {
    let empty = crate::forms::TravelLog {
        travellers: Vec::new(),
        legs: Vec::new(),
        back_home_at: None,
        back_at_work_at: None,
        days: Vec::new(),
        expenses: Vec::new(),
        advance_received: None,
        span: crate::forms::source::Span::default(),
    };
    let log = case.travel_log.as_ref().map_or(&empty, |l| &l.value);
    let leg = crate::forms::Leg::FIELDS;
    let fared: Vec<&crate::forms::Leg> = log.legs.iter().filter(|l| l.cost.is_some()).collect();
    let fares_total: Money = fared
        .iter()
        .filter_map(|l| l.cost.as_ref())
        .map(|c| c.value)
        .sum();
    let mut fares = views.table(
        "fares",
        "case_claim_fares",
        vec![
            views.described_column(leg, "date", false),
            views.described_column(leg, "from", false),
            views.described_column(leg, "to", false),
            views.described_column(leg, "mode", false),
            views.described_column(leg, "cost", true),
        ],
        fared
            .iter()
            .map(|l| {
                vec![
                    views.date(&l.date.value),
                    l.from.clone(),
                    l.to.clone(),
                    views.keyword(l.mode.value.describe()),
                    l.cost
                        .as_ref()
                        .map(|c| c.value.to_string())
                        .unwrap_or_default(),
                ]
            })
            .collect(),
    );
    if !fares.rows.is_empty() {
        fares.footer = Some(vec![
            views.word("total"),
            String::new(),
            String::new(),
            String::new(),
            fares_total.to_string(),
        ]);
    }
    let expense = crate::forms::Expense::FIELDS;
    let (rows, expenses_total) = views.expense_rows(log);
    let mut expenses = views.table(
        "expenses",
        "case_claim_expenses",
        vec![
            views.described_column(expense, "date", false),
            views.described_column(expense, "category", false),
            views.described_column(expense, "amount", true),
            views.described_column(expense, "receipt", false),
        ],
        rows,
    );
    if !expenses.rows.is_empty() {
        expenses.footer = Some(vec![
            views.word("total"),
            String::new(),
            expenses_total.to_string(),
            String::new(),
        ]);
    }
    let mut categories: Vec<(crate::forms::ExpenseCategory, Money)> = Vec::new();
    for e in &log.expenses {
        match categories.iter_mut().find(|(c, _)| *c == e.category) {
            Some((_, sum)) => *sum = *sum + e.amount.value,
            None => categories.push((e.category, e.amount.value)),
        }
    }
    categories.sort_by_key(|(c, _)| *c);
    let mut by_category = views.table(
        "by_category",
        "case_claim_by_category",
        vec![
            views.described_column(expense, "category", false),
            views.described_column(expense, "amount", true),
        ],
        categories
            .iter()
            .map(|(c, m)| vec![views.keyword(c.describe()), m.to_string()])
            .collect(),
    );
    if !by_category.rows.is_empty() {
        by_category.footer = Some(vec![views.word("total"), expenses_total.to_string()]);
    }
    let total = fares_total + expenses_total;
    let advance = log.advance_received.as_ref().map(|a| a.amount.value);
    let mut totals = vec![
        views.labelled(
            "fares_total",
            "case_claim_fares_total",
            fares_total.to_string(),
        ),
        views.labelled(
            "expenses_total",
            "case_claim_expenses_total",
            expenses_total.to_string(),
        ),
        views.labelled("total", "case_claim_total", total.to_string()),
        views.labelled(
            "advance",
            "case_claim_advance",
            match &log.advance_received {
                Some(a) => format!("{} ({})", a.amount.value, views.date(&a.date.value)),
                None => Money(0).to_string(),
            },
        ),
    ];
    let balance = Money(total.0.saturating_sub(advance.map_or(0, |a| a.0)));
    let (key, shown) = if balance.0 >= 0 {
        ("case_claim_due", balance)
    } else {
        ("case_claim_return", Money(balance.0.saturating_neg()))
    };
    totals.push(views.labelled("balance", key, shown.to_string()));
    Claim {
        travellers: views.people(log.travellers.iter().map(|t| t.value.as_str())),
        fares,
        expenses,
        by_category,
        totals,
        fares_total: fares_total.to_string(),
        expenses_total: expenses_total.to_string(),
        total: total.to_string(),
        advance: advance.unwrap_or_default().to_string(),
        balance: balance.to_string(),
        signatures: claim_signatures(views, case),
    }
}

/// The signature lines of the claim: the travellers, the CSC's review, finance.
fn claim_signatures(views: &Views, case: &Case) -> Vec<SignatureLine> {
    let mut lines = Vec::new();
    let mut claimant = views.blank_signature("case_claim_claimant");
    if let Some(log) = &case.travel_log {
        claimant.name = log
            .travellers
            .iter()
            .map(|t| views.name(&t.value))
            .collect::<Vec<_>>()
            .join(", ");
    }
    lines.push(claimant);
    lines.push(views.review_line(case));
    lines.push(views.blank_signature("case_claim_finance"));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `labels.KEY` and `labels_alt.KEY` a template uses.
    fn label_keys(text: &str) -> Vec<&str> {
        let mut keys = Vec::new();
        for prefix in ["labels.", "labels_alt."] {
            let mut rest = text;
            while let Some(at) = rest.find(prefix) {
                let after = &rest[at + prefix.len()..];
                let end = after
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(after.len());
                // Prose in a comment ("labels and labels_alt.") names no key.
                if end > 0 {
                    keys.push(&after[..end]);
                }
                rest = &after[end..];
            }
        }
        keys
    }

    #[test]
    fn every_label_the_templates_use_is_in_both_dictionaries() {
        let used: Vec<&str> = ["form.md", "form.html", "case.md", "case.html"]
            .iter()
            .flat_map(|name| {
                let (_, text) = templates::BUILTIN
                    .iter()
                    .find(|(n, _)| n == name)
                    .unwrap_or_else(|| panic!("{name} is not built in"));
                label_keys(text)
            })
            .collect();
        assert!(used.len() > 40, "{used:?}");
        for locale in Locale::ALL {
            let labels = templates::labels(locale);
            for key in &used {
                assert!(labels.get(*key).is_some(), "{locale}: no label `{key}`");
            }
        }
    }

    #[test]
    fn formats_follow_file_names() {
        assert_eq!(Format::of_path(Path::new("a/b.HTML")), Some(Format::Html));
        assert_eq!(Format::of_path(Path::new("b.md")), Some(Format::Md));
        assert_eq!(Format::of_path(Path::new("b.csv")), None);
        assert_eq!(Format::Html.case_template(), "case.html");
    }

    #[test]
    fn a_missing_form_is_named_by_its_titles_in_either_language() {
        for form in FormKind::ALL {
            let missing = DossierError::Missing {
                case: "SR-1".to_owned(),
                form,
            };
            assert_eq!(
                missing.to_string(),
                format!(
                    "SR-1 has no {} ({}, `{form}`) yet",
                    form.title_en().to_lowercase(),
                    form.title_zh()
                )
            );
            let zh = crate::t_in!(
                Locale::ZhCn,
                "report-form-missing",
                case = "SR-1",
                form = form.name()
            );
            assert_eq!(zh, format!("SR-1 还没有{}（`{form}`）", form.title_zh()));
        }
        assert_eq!(
            list(&[FormKind::Visit, FormKind::Summary, FormKind::TravelLog]),
            "the field service records (现场服务记录), the service summary report (服务总结报告) and the travel work log (出差工作日志)"
        );
    }
}
