//! The template engine (tera 2) behind every report and printable form.
//!
//! Built-in templates are compiled into the binary ([`BUILTIN`]); each renders both
//! languages from a `labels` map that Rust supplies per [`Locale`] ([`labels`]), so there is
//! one template per output rather than one per language. A workspace replaces a built-in by
//! putting a file of the same name under its `templates/` folder, either for one language
//! (`templates/monthly.zh-CN.html`) or for all (`templates/monthly.html`); `--template FILE`
//! uses any file instead. Templates are parsed when first rendered, so a broken override of
//! one report never stops another from rendering.
//!
//! Lookup order for `monthly.html` in locale zh-CN: `templates/monthly.zh-CN.html`,
//! `templates/monthly.html`, a built-in `monthly.zh-CN.html`, the built-in `monthly.html`.
//!
//! HTML templates (`.html`, `.htm`, `.xml`, `.svg`) escape every value unless marked
//! `| safe`. Two filters help the other formats: `csv` quotes a spreadsheet cell (and
//! defuses cells a spreadsheet would take for a formula), `md` makes a value safe inside a
//! Markdown table cell.

use crate::t;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tera::{Context, Kwargs, State, Tera};

/// The built-in templates: name → text, compiled into the binary.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "monthly.md",
        include_str!("../../templates/report/monthly.md"),
    ),
    (
        "monthly.html",
        include_str!("../../templates/report/monthly.html"),
    ),
    (
        "monthly.csv",
        include_str!("../../templates/report/monthly.csv"),
    ),
    // The printable forms and the case dossier (`svc render`, `svc report case`).
    ("form.md", include_str!("../../templates/report/form.md")),
    (
        "form.html",
        include_str!("../../templates/report/form.html"),
    ),
    ("case.md", include_str!("../../templates/report/case.md")),
    (
        "case.html",
        include_str!("../../templates/report/case.html"),
    ),
    // The PDF layouts (typst, not rendered through tera: they read the context as data).
    ("svc.typ", include_str!("../../templates/report/svc.typ")),
    ("form.typ", include_str!("../../templates/report/form.typ")),
    ("case.typ", include_str!("../../templates/report/case.typ")),
    (
        "monthly.typ",
        include_str!("../../templates/report/monthly.typ"),
    ),
];

/// The folder of a workspace holding its own versions of the built-in templates.
pub const WORKSPACE_DIR: &str = "templates";

/// The largest template svc reads (a report template is a few pages).
const MAX_TEMPLATE_BYTES: u64 = 1 << 20;

/// What a report is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Markdown (the default, for the terminal and for pasting).
    Md,
    /// One self-contained HTML page (inline CSS and SVG), printable on A4.
    Html,
    /// CSV, one row per item, for spreadsheets.
    Csv,
    /// JSON, the documented machine interface (no template).
    Json,
}

impl Format {
    /// The file extension, which is also the built-in template's: `md`, `html`, `csv`, `json`
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    /// The format of a file name's extension (`.htm` is HTML, `.markdown` Markdown)
    pub fn of_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Format::Md),
            "html" | "htm" => Some(Format::Html),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

pub use crate::forms::config::Locale;

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

impl std::str::FromStr for Locale {
    type Err = String;
    fn from_str(text: &str) -> Result<Locale, String> {
        Locale::parse(text).ok_or_else(|| t!("report-unknown-locale", text = text))
    }
}

/// A template that could not be read, parsed or rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// The template: a built-in's name (`monthly.html`) or the file's path
    /// (`templates/monthly.html`).
    pub template: String,
    /// The line in the template (1-based), when known.
    pub line: Option<usize>,
    /// What is wrong, e.g. "Variable `total` is not defined".
    pub message: String,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self.line {
            Some(line) => t!(
                "report-template-error-at-line",
                template = &self.template,
                line = line.to_string(),
                message = &self.message
            ),
            None => t!(
                "report-template-error",
                template = &self.template,
                message = &self.message
            ),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for TemplateError {}

/// One template as found: where it came from and its text.
#[derive(Debug)]
struct Source {
    /// The name errors use: the built-in's name or the file's path.
    display: String,
    text: String,
    /// Whether it is a file of the workspace (which wins over any built-in).
    from_workspace: bool,
    /// The engine, parsed on first use.
    parsed: OnceLock<Result<Tera, TemplateError>>,
}

/// The templates a report is rendered with: built-ins, the workspace's overrides, and an
/// optional custom file.
#[derive(Debug)]
pub struct Templates {
    locale: Locale,
    /// Name (`monthly.html`, or `monthly.zh-CN.html` for a locale's own) → source.
    by_name: BTreeMap<String, Source>,
    /// `--template FILE`: used for every name rendered.
    custom: Option<Source>,
}

impl Templates {
    /// Read the templates for `locale`: the built-ins, the files under the workspace's
    /// `templates/` that replace them, and `custom` (a file used for whatever is rendered)
    pub fn load(
        workspace_root: &Path,
        locale: Locale,
        custom: Option<&Path>,
    ) -> Result<Templates, TemplateError> {
        let mut by_name = BTreeMap::new();
        for (name, text) in BUILTIN {
            by_name.insert(
                (*name).to_owned(),
                Source::new((*name).to_owned(), (*text).to_owned()),
            );
        }
        let dir = workspace_root.join(WORKSPACE_DIR);
        if dir.is_dir() {
            let entries = std::fs::read_dir(&dir).map_err(|e| TemplateError {
                template: WORKSPACE_DIR.to_owned(),
                line: None,
                message: t!("report-template-folder-unreadable", error = e.to_string()),
            })?;
            let mut names = Vec::new();
            for entry in entries.flatten() {
                if let Some(name) = entry.file_name().to_str()
                    && !name.starts_with('.')
                    && entry.file_type().is_ok_and(|t| t.is_file())
                {
                    names.push(name.to_owned());
                }
            }
            names.sort();
            for name in names {
                let rel = PathBuf::from(WORKSPACE_DIR).join(&name);
                let text = read_template(&workspace_root.join(&rel), &rel.display().to_string())?;
                let mut source = Source::new(rel.display().to_string(), text);
                source.from_workspace = true;
                by_name.insert(name, source);
            }
        }
        let custom = match custom {
            Some(path) => {
                let display = path.display().to_string();
                Some(Source::new(display.clone(), read_template(path, &display)?))
            }
            None => None,
        };
        Ok(Templates {
            locale,
            by_name,
            custom,
        })
    }

    /// The locale these templates render in
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// Where the template rendered for `name` comes from: the built-in's name or the path
    /// of the file replacing it (None when there is no such template)
    pub fn source_of(&self, name: &str) -> Option<&str> {
        self.find(name).map(|s| s.display.as_str())
    }

    /// Render the template `name` (e.g. `monthly.html`, `case.md`, `form.html`) with
    /// `context`; `labels` (this locale's dictionary) and `locale` (its tag) are added to
    /// the context unless it has them already
    pub fn render(&self, name: &str, context: &Context) -> Result<String, TemplateError> {
        let source = self.find(name).ok_or_else(|| TemplateError {
            template: name.to_owned(),
            line: None,
            message: t!(
                "report-no-such-template",
                templates = BUILTIN
                    .iter()
                    .map(|(n, _)| *n)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        })?;
        let tera = source
            .parsed
            .get_or_init(|| source.parse())
            .as_ref()
            .map_err(Clone::clone)?;
        let mut context = context.clone();
        if !context.contains_key("labels") {
            context.insert("labels", &labels(self.locale));
        }
        if !context.contains_key("locale") {
            context.insert("locale", self.locale.tag());
        }
        let text = tera
            .render(&source.display, &context)
            .map_err(|e| convert(&source.display, &source.text, &e))?;
        // Markup escapes each value as it goes in; any other document is made safe whole
        // (its layout — line breaks, tabs — kept).
        Ok(if is_markup(name) {
            text
        } else {
            crate::forms::text::visible_document(&text).into_owned()
        })
    }

    /// The text of the template `name` as it would be used, for templates svc does not
    /// render through tera (the PDF layouts). A `--template FILE` replaces only what is
    /// rendered (`main`), not the files it imports.
    pub fn text_of(&self, name: &str, main: bool) -> Option<&str> {
        if main && let Some(custom) = &self.custom {
            return Some(&custom.text);
        }
        self.find_in_workspace_or_builtin(name)
            .map(|s| s.text.as_str())
    }

    /// The source for `name`, in lookup order.
    fn find(&self, name: &str) -> Option<&Source> {
        if let Some(custom) = &self.custom {
            return Some(custom);
        }
        self.find_in_workspace_or_builtin(name)
    }

    /// The workspace's template for `name`, else the built-in, in lookup order.
    fn find_in_workspace_or_builtin(&self, name: &str) -> Option<&Source> {
        let localized = localized_name(name, self.locale);
        self.by_name
            .get(&localized)
            .filter(|s| s.from_workspace)
            .or_else(|| self.by_name.get(name).filter(|s| s.from_workspace))
            .or_else(|| self.by_name.get(&localized))
            .or_else(|| self.by_name.get(name))
    }
}

impl Source {
    fn new(display: String, text: String) -> Source {
        Source {
            display,
            text,
            from_workspace: false,
            parsed: OnceLock::new(),
        }
    }

    /// A tera instance holding this template, with svc's filters.
    fn parse(&self) -> Result<Tera, TemplateError> {
        let mut tera = Tera::default();
        tera.autoescape_on([".html", ".htm", ".xml", ".svg"]);
        tera.set_escape_fn(escape_markup);
        tera.register_filter("csv", csv_cell);
        tera.register_filter("md", md_cell);
        tera.register_filter("num", num);
        tera.register_filter("pct", pct);
        tera.register_filter("when", when);
        tera.add_raw_template(&self.display, &self.text)
            .map_err(|e| convert(&self.display, &self.text, &e))?;
        Ok(tera)
    }
}

/// `monthly.html` → `monthly.zh-CN.html`.
fn localized_name(name: &str, locale: Locale) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{}.{ext}", locale.tag()),
        None => format!("{name}.{}", locale.tag()),
    }
}

/// A template file's text.
fn read_template(path: &Path, display: &str) -> Result<String, TemplateError> {
    let error = |message: String| TemplateError {
        template: display.to_owned(),
        line: None,
        message,
    };
    let unreadable =
        |e: std::io::Error| error(t!("report-template-file-unreadable", error = e.to_string()));
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if !meta.is_file() {
        return Err(error(t!("report-template-not-a-file")));
    }
    if meta.len() > MAX_TEMPLATE_BYTES {
        return Err(error(t!("report-template-too-large")));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    String::from_utf8(bytes).map_err(|e| {
        error(t!(
            "report-template-not-utf8",
            offset = e.utf8_error().valid_up_to().to_string()
        ))
    })
}

/// A tera error as a [`TemplateError`] naming the template and line.
fn convert(template: &str, text: &str, error: &tera::Error) -> TemplateError {
    use tera::ErrorKind;
    match error.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
            let name = report.filename();
            let span = report.span();
            let mut message = report.message().to_owned();
            // Name what the error is about when tera's message does not (e.g. the value
            // of a loop that is undefined).
            if let Some(at) = text.get(span.range.clone())
                && !at.is_empty()
                && at.len() <= 80
                && !at.contains('\n')
                && !message.contains(at)
            {
                message.push_str(&t!("report-template-error-at", at = at));
            }
            TemplateError {
                template: if name.is_empty() { template } else { name }.to_owned(),
                line: Some(span.start_line),
                message: with_source_line(&message, text, span.start_line),
            }
        }
        _ => {
            // Other errors carry tera's full report as text: find the `--> name:line:col`
            // locus in it when there is one.
            let message = error.to_string();
            let line = message.lines().find_map(|l| {
                let rest = l.trim_start().strip_prefix("--> ")?;
                let mut parts = rest.rsplitn(3, ':');
                let _col = parts.next()?;
                parts.next()?.parse::<usize>().ok()
            });
            let first = message
                .lines()
                .next()
                .unwrap_or_default()
                .trim_start_matches("error: ")
                .to_owned();
            TemplateError {
                template: template.to_owned(),
                line,
                message: match line {
                    Some(line) => with_source_line(&first, text, line),
                    None => first,
                },
            }
        }
    }
}

/// The message followed by the template's line, for context.
fn with_source_line(message: &str, text: &str, line: usize) -> String {
    match text.lines().nth(line.saturating_sub(1)) {
        Some(source) if !source.trim().is_empty() => {
            format!("{message}\n    | {}", source.trim_end())
        }
        _ => message.to_owned(),
    }
}

/// Whether a template's output is markup, whose values are escaped as they go in.
fn is_markup(name: &str) -> bool {
    [".html", ".htm", ".xml", ".svg"]
        .iter()
        .any(|suffix| name.ends_with(suffix))
}

/// HTML escaping of every value: `& < > " '` (tera's own leaves `'` alone, which a
/// single-quoted attribute in a workspace's template would need), and the control and
/// invisible characters shown escaped (a right-to-left override would reorder the page).
pub(crate) fn escape_markup(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let escaped;
        let entity = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            c if c != '\n' && c != '\t' && crate::forms::text::is_hidden(c) => {
                escaped = crate::forms::text::escape_char(c);
                escaped.as_str()
            }
            _ => continue,
        };
        out.write_all(&text.as_bytes()[start..i])?;
        out.write_all(entity.as_bytes())?;
        start = i + c.len_utf8();
    }
    out.write_all(&text.as_bytes()[start..])
}

/// `| csv`: a value as one CSV cell (quoted when needed; a text a spreadsheet would take
/// for a formula is prefixed with an apostrophe).
fn csv_cell(value: &tera::Value, _: Kwargs, _: &State) -> String {
    match value.as_str() {
        Some(text) => super::table::csv_quote(text),
        None if value.is_none() || value.is_undefined() => String::new(),
        None => super::table::csv_quoted(&value.to_string()),
    }
}

/// `| md`: a value safe inside a Markdown table cell (pipes escaped, lines joined).
fn md_cell(value: &tera::Value, _: Kwargs, _: &State) -> String {
    let text = match value.as_str() {
        Some(text) => text.to_owned(),
        None if value.is_none() || value.is_undefined() => String::new(),
        None => value.to_string(),
    };
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\r' => {}
            '\n' => out.push(' '),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// `| num`: a value as it is, or "—" when it is null (a median of nothing).
fn num(value: &tera::Value, _: Kwargs, _: &State) -> String {
    if value.is_none() || value.is_undefined() {
        "—".to_owned()
    } else {
        value.to_string()
    }
}

/// `| pct`: a share (0.75) as a percentage ("75.0%"), or "—" when it is null.
fn pct(value: &tera::Value, _: Kwargs, _: &State) -> String {
    match value.as_f64() {
        Some(share) => format!("{:.1}%", share * 100.0),
        None => "—".to_owned(),
    }
}

/// `| when`: an RFC 3339 time as `YYYY-MM-DD HH:MM` (its own offset), "" when null.
fn when(value: &tera::Value, _: Kwargs, _: &State) -> String {
    match value.as_str() {
        Some(text) => match chrono::DateTime::parse_from_rfc3339(text) {
            Ok(t) => t.format("%Y-%m-%d %H:%M").to_string(),
            Err(_) => text.to_owned(),
        },
        None if value.is_none() || value.is_undefined() => String::new(),
        None => value.to_string(),
    }
}

/// The shared dictionary: key, zh-CN, en. Reports and forms add their own keys here; keys
/// are grouped by prefix (`monthly_`, `case_`, `form_`, …), shared words have none.
const LABELS: &[(&str, &str, &str)] = &[
    // Shared words.
    ("generated_from", "数据来源提交", "Made from commit"),
    (
        "dirty_note",
        "注意:工作区有未提交的修改,本报告只包含已提交的数据。",
        "Note: the working tree has uncommitted changes; this report covers committed data only.",
    ),
    ("page", "页", "Page"),
    ("case", "服务单", "Case"),
    ("cases", "服务单", "Cases"),
    ("id", "编号", "Id"),
    ("name", "名称", "Name"),
    ("title", "标题", "Title"),
    ("customer_id", "客户编号", "Customer id"),
    // Sheet names of the workbook (Excel allows 31 characters).
    ("sheet_repeat_visits", "重复上门", "Repeat visits"),
    ("sheet_faults", "故障类别", "Fault categories"),
    (
        "sheet_target_breaches",
        "服务时限超时明细",
        "Response target breaches",
    ),
    ("first_time_fix", "一次修复", "Fixed first time"),
    ("export_cases", "服务单", "Cases"),
    ("customer", "客户", "Customer"),
    ("product", "产品", "Product"),
    ("model", "型号", "Model"),
    ("serial", "序列号", "Serial"),
    ("engineer", "工程师", "Engineer"),
    ("engineers", "工程师", "Engineers"),
    ("engineer_ids", "工程师编号", "Engineer ids"),
    ("state", "状态", "State"),
    ("date", "日期", "Date"),
    ("count", "数量", "Count"),
    ("total", "合计", "Total"),
    ("none", "无", "None"),
    ("yes", "是", "Yes"),
    ("no", "否", "No"),
    ("hours", "小时", "hours"),
    ("days", "天", "days"),
    ("median", "中位数", "Median"),
    ("p90", "90分位", "90th percentile"),
    ("currency", "元", "CNY"),
    // Fault categories (summary.fault_category).
    ("fault_power", "电源", "power"),
    ("fault_optics", "光模块/线路", "optics"),
    ("fault_hardware", "主板/硬件", "hardware"),
    ("fault_firmware", "软件/固件", "firmware"),
    ("fault_configuration", "配置", "configuration"),
    ("fault_environment", "环境", "environment"),
    ("fault_other", "其他", "other"),
    // Outcomes (summary.outcome).
    ("outcome_resolved", "已解决", "resolved"),
    ("outcome_partly", "部分解决", "partly resolved"),
    ("outcome_unresolved", "未解决", "unresolved"),
    // Case states.
    ("state_requested", "已受理", "requested"),
    ("state_resolved-remotely", "电话解决", "resolved remotely"),
    ("state_accepted", "已确认", "accepted"),
    ("state_assigned", "已指派", "assigned"),
    ("state_pending-approval", "待审批", "pending approval"),
    ("state_approved", "已审批", "approved"),
    ("state_on-site", "现场服务中", "on site"),
    ("state_serviced", "服务完成", "serviced"),
    ("state_pending-review", "待审核", "pending review"),
    ("state_reviewed", "已审核", "reviewed"),
    ("state_archived", "已归档", "archived"),
    ("state_cancelled", "已取消", "cancelled"),
    // The monthly analysis (8.7).
    (
        "monthly_title",
        "现场服务月度分析",
        "Monthly on-site service analysis",
    ),
    ("monthly_month", "月份", "Month"),
    ("monthly_summary", "概况", "Summary"),
    ("monthly_received", "受理请求", "Requests received"),
    (
        "monthly_planned",
        "其中计划维护(预防性)",
        "of which planned maintenance (preventive)",
    ),
    (
        "monthly_corrective",
        "其中故障维修",
        "of which corrective (on request)",
    ),
    (
        "monthly_planned_completed",
        "完成的计划维护",
        "Planned maintenance completed",
    ),
    ("monthly_resolved_remotely", "电话解决", "Resolved by phone"),
    ("monthly_visited", "现场服务", "Visited on site"),
    ("monthly_closed", "结案", "Closed"),
    ("monthly_cancelled", "取消", "Cancelled"),
    (
        "monthly_open_by_state",
        "月末未结服务单(按状态)",
        "Open at month end, by state",
    ),
    (
        "monthly_response",
        "响应时间(受理 → 到达现场)",
        "Response time (request → on site)",
    ),
    (
        "monthly_resolution",
        "解决时间(受理 → 服务完成)",
        "Resolution time (request → serviced)",
    ),
    (
        "monthly_first_time_fix",
        "一次修复率",
        "First-time fix rate",
    ),
    (
        "monthly_repeat_visits",
        "重复上门(同一序列号90天内)",
        "Repeat visits (same serial within 90 days)",
    ),
    ("monthly_previous_case", "前次服务单", "Previous case"),
    ("monthly_days_between", "间隔天数", "Days apart"),
    ("monthly_by_engineer", "按工程师", "By engineer"),
    ("monthly_by_customer", "按客户", "By customer"),
    (
        "monthly_faults",
        "故障类别(按产品型号)",
        "Fault categories by product model",
    ),
    ("monthly_fault_category", "故障类别", "Fault category"),
    (
        "monthly_work",
        "保修与收费服务",
        "Warranty and billable work",
    ),
    ("monthly_fee_warranty", "保修", "Warranty"),
    ("monthly_fee_billable", "收费", "Billable"),
    ("monthly_fee_agreement", "协议", "Agreement"),
    ("monthly_fee_unknown", "未约定", "Not agreed"),
    ("monthly_fees", "服务费", "Fees"),
    ("monthly_fees_charged", "应收", "Charged"),
    ("monthly_fees_collected", "实收", "Collected"),
    (
        "monthly_fees_by_customer",
        "按客户服务费",
        "Fees by customer",
    ),
    ("monthly_parts", "更换备件", "Parts used"),
    ("monthly_part_code", "编码", "Code"),
    ("monthly_part_name", "名称", "Name"),
    ("monthly_quantity", "数量", "Quantity"),
    ("monthly_travel", "出差", "Travel"),
    ("monthly_trips", "出差次数", "Trips"),
    ("monthly_travel_days", "出差天数", "Travel days"),
    ("monthly_person_days", "人天", "Person-days"),
    ("monthly_flights", "航班", "Flights"),
    (
        "monthly_flights_approved",
        "已审批航班",
        "Flights approved (7.4)",
    ),
    ("monthly_flight_route", "航段", "Leg"),
    ("monthly_flight_approved_by", "审批人", "Approved by"),
    ("monthly_flight_approver_id", "审批人编号", "Approver id"),
    (
        "monthly_checkins",
        "出差联系(7.5)",
        "Check-ins while travelling (7.5)",
    ),
    ("monthly_checkin_weeks", "出差周数", "Travel weeks"),
    (
        "monthly_checkin_compliant",
        "达标周数(每周≥2次)",
        "Weeks with ≥ 2 check-ins",
    ),
    ("monthly_compliance", "达标率", "Compliance"),
    ("monthly_return", "返岗(7.8)", "Return to work (7.8)"),
    ("monthly_returns", "返回次数", "Returns"),
    ("monthly_returns_on_time", "按时返岗", "Back on time"),
    ("monthly_returns_late", "迟返岗", "Back late"),
    (
        "monthly_targets",
        "服务时限(5.1.7)",
        "Response targets (5.1.7)",
    ),
    (
        "monthly_targets_note",
        "本月到期的服务时限,按月末情况统计:月末时未达成且已到期的计为超时,尚未到期的计为未到期。余量为距到期的分钟数,按各时限的计时方式(工作时间或自然时间)计算,负数为超时。",
        "The deadlines due in the month, as they stood at month end: one not met by then and already due counts as breached, one not yet due as open. The margin is the minutes to spare before the deadline, in the time each target counts (working or calendar), negative when late.",
    ),
    ("monthly_target_promise", "时限", "Promise"),
    ("monthly_targets_met", "按时", "Met"),
    ("monthly_targets_breached", "超时", "Breached"),
    ("monthly_targets_open", "未到期", "Open"),
    (
        "monthly_targets_median_margin",
        "余量中位数(分钟)",
        "Median margin (min)",
    ),
    ("monthly_targets_by_agreement", "按协议", "By agreement"),
    (
        "monthly_targets_company",
        "公司默认时限",
        "Company default targets",
    ),
    ("monthly_targets_breaches", "超时明细", "Breaches"),
    ("monthly_targets_group", "分组", "Group"),
    ("monthly_target_within", "约定时长", "Within"),
    ("monthly_target_due", "到期时间", "Due"),
    ("monthly_target_met_at", "达成时间", "Met at"),
    ("monthly_target_not_met", "未达成", "not met"),
    ("monthly_target_late", "超时(分钟)", "Late (min)"),
    (
        "monthly_target_delay_reason",
        "超时原因",
        "Reason for the delay",
    ),
    ("target_respond", "响应", "respond"),
    ("target_arrive", "到场", "on site"),
    ("target_resolve", "解决", "resolve"),
    ("target_hours_working", "工作时间", "working hours"),
    ("target_hours_calendar", "自然时间", "round the clock"),
    (
        "monthly_suggestions",
        "工程师建议(8.6)",
        "Engineers' suggestions (8.6)",
    ),
    (
        "monthly_suggestions_note",
        "作为制定服务改进措施的材料(8.7)。",
        "Material for the service improvement measures (8.7).",
    ),
    ("monthly_case_table", "本月服务单", "Cases of the month"),
    ("monthly_received_at", "受理时间", "Received"),
    ("monthly_arrived_at", "到达现场", "On site"),
    ("monthly_completed_at", "服务完成", "Serviced"),
    ("monthly_closed_at", "结案", "Closed"),
    ("monthly_outcome", "结果", "Outcome"),
    ("monthly_fee_arrangement", "费用约定", "Fee arrangement"),
    ("monthly_response_hours", "响应(小时)", "Response (h)"),
    ("monthly_resolution_hours", "解决(小时)", "Resolution (h)"),
    ("monthly_visits", "现场记录", "Visits"),
    (
        "monthly_chart_weeks",
        "每周服务单(按结果)",
        "Cases per week by outcome",
    ),
    (
        "monthly_chart_response",
        "响应时间分布",
        "Response time distribution",
    ),
    ("monthly_chart_fees", "按客户服务费", "Fees by customer"),
    (
        "monthly_chart_faults",
        "故障类别(按产品型号)",
        "Fault categories by product model",
    ),
    ("monthly_week_of", "周起", "week of"),
    ("monthly_outcome_open", "处理中", "open"),
    ("monthly_outcome_remote", "电话解决", "by phone"),
    ("monthly_outcome_visited", "现场服务", "visited"),
    ("monthly_outcome_cancelled", "已取消", "cancelled"),
    ("monthly_no_data", "本月无数据", "No data this month"),
    ("monthly_definitions", "口径说明", "Definitions"),
    (
        "monthly_definitions_text",
        "各项按事件发生的月份统计:受理按受理时间,响应按首次到达现场,解决、一次修复、费用按服务完成时间,故障类别与建议按报告提交时间;“月末”为月底或当前时刻(取早者);时间按工作区时区;中位数取中间值(偶数个取中间两值的平均),90分位取最近秩。",
        "Each measure counts the cases whose event falls in the month: received by the request's time, response by the first arrival on site, resolution, first-time fixes and fees by completion, fault categories and suggestions by the hand-in of the records; \"month end\" is the end of the month or now, whichever is earlier; times are in the workspace's time zone; the median is the middle value (the mean of the two middle ones for an even count), the 90th percentile the nearest rank.",
    ),
    // The printable forms (`svc render`): headings, signature lines, the page's stamp.
    ("form_no", "表单编号", "Form no."),
    ("form_field", "项目", "Item"),
    ("form_value", "内容", "Entry"),
    ("form_signatures", "签字", "Signatures"),
    ("form_sig_role", "签字人", "Signed by"),
    ("form_sig_name", "姓名", "Name"),
    ("form_sig_sign", "签字", "Signature"),
    ("form_sig_received_by", "受理人", "Received by"),
    ("form_sig_prepared_by", "填写人", "Prepared by"),
    (
        "form_sig_csc_lead",
        "客户服务中心领导审批(7.2)",
        "CSC lead's approval (7.2)",
    ),
    (
        "form_sig_sales_lead",
        "产品销售部领导审批(5.2.2)",
        "Sales lead's approval (5.2.2)",
    ),
    (
        "form_sig_manager",
        "乘机审批:总经理或市场部副总(7.4)",
        "Flight approval: GM or marketing VP (7.4)",
    ),
    ("form_sig_engineer", "服务人员", "Engineer"),
    (
        "form_sig_issued_by",
        "开单人(服务人员)",
        "Issued by (engineer)",
    ),
    (
        "form_sig_customer",
        "客户确认(7.7)",
        "Customer's confirmation (7.7)",
    ),
    (
        "form_sig_customer_fees",
        "客户签字(9.2)",
        "Customer's signature (9.2)",
    ),
    ("form_sig_travellers", "出差人员", "Traveller"),
    (
        "form_sig_reviewer",
        "客户服务中心审核(5.1.6)",
        "Reviewed by the CSC (5.1.6)",
    ),
    ("form_approved_in_svc", "已在 svc 中签批", "approved in svc"),
    (
        "form_approval_stale",
        "已签批的是修改前的版本,本页内容未经签批",
        "the approval recorded covers an earlier version, not this content",
    ),
    (
        "form_recorded_in_form",
        "已记录在表单中",
        "recorded in the form",
    ),
    ("form_col_name", "名称", "Name"),
    ("form_customer", "客户", "Customer"),
    ("form_site", "地点", "Site"),
    ("form_currency", "币种", "Currency"),
    ("case_attachments", "附件", "Attachments"),
    ("case_attachment_file", "文件", "File"),
    ("case_attachment_size", "大小", "Size"),
    ("form_col_amount", "金额", "Amount"),
    (
        "form_total_capital",
        "大写金额",
        "Amount in Chinese capitals",
    ),
    ("form_fee_warranty", "保修(免费)", "warranty (free)"),
    ("form_fee_billable", "收费", "billable"),
    (
        "form_fee_agreement",
        "售后服务协议",
        "after-sales agreement",
    ),
    ("form_printed", "打印于", "Printed"),
    ("form_commit", "提交", "commit"),
    (
        "form_not_committed",
        "尚未提交到 git",
        "not committed to git yet",
    ),
    (
        "form_not_in_git",
        "工作区不在 git 仓库中",
        "the workspace is not in a git repository",
    ),
    (
        "form_uncommitted",
        "以下文件有未提交的修改,按磁盘上的内容打印",
        "Printed as on disk; these files have uncommitted changes",
    ),
    // The case dossier (`svc report case`, 7.10) and the expense claim (7.9).
    ("case_title", "服务单档案", "Case dossier"),
    ("case_claim_title", "出差费用报销单", "Travel expense claim"),
    ("case_made_from", "数据来源", "Made from"),
    ("case_generated_at", "生成于", "made on"),
    (
        "case_uncommitted",
        "注意:服务单文件夹有未提交的修改,本档案不包含这些修改:",
        "Note: the case folder has uncommitted changes, which this dossier leaves out:",
    ),
    ("case_facts", "基本情况", "Case facts"),
    ("case_site", "服务地点", "Site"),
    ("case_warranty", "保修", "Warranty"),
    ("case_warranty_to", "保修至", "warranty to"),
    ("case_service_date", "服务日", "on the service date"),
    ("case_in_warranty", "在保修期内", "in warranty"),
    ("case_out_of_warranty", "已过保修期", "out of warranty"),
    ("case_installed_on", "安装日期", "installed on"),
    ("case_fee", "费用约定", "Fee arrangement"),
    ("case_opened", "受理", "Opened"),
    ("case_assigned_by", "指派人", "Assigned by"),
    ("case_assignees", "服务人员", "Assignees"),
    ("case_resolution", "电话解决说明", "Resolved by phone"),
    ("case_cancel_reason", "取消原因", "Cancelled because"),
    ("case_timeline", "时间线", "Timeline"),
    ("case_approvals", "审批", "Approvals"),
    (
        "case_covers_current",
        "覆盖当前内容",
        "covers the forms as they are",
    ),
    (
        "case_covers_earlier",
        "审批后已修改,不覆盖当前内容",
        "changed since: covers an earlier version",
    ),
    ("case_rejections", "退回", "Sent back"),
    ("case_checkins", "出差联系(7.5)", "Check-ins (7.5)"),
    ("case_forms", "表单", "Forms"),
    ("case_form_missing", "未填写", "not filled in"),
    (
        "case_form_unreadable",
        "无法读取(见检查结果)",
        "cannot be read (see the findings)",
    ),
    ("case_history", "流转记录", "History"),
    ("case_history_when", "时间", "When"),
    ("case_history_who", "操作人", "Who"),
    ("case_history_action", "操作", "Action"),
    ("case_history_from_to", "状态", "From → to"),
    ("case_history_note", "说明", "Note"),
    (
        "case_no_history",
        "git 中没有此服务单的 svc 记录",
        "No steps of this case are recorded in git",
    ),
    (
        "case_no_git",
        "工作区不在 git 仓库中,没有流转记录",
        "The workspace is not in a git repository: no history",
    ),
    ("case_findings", "检查结果", "Findings"),
    ("case_findings_none", "未发现问题", "No findings"),
    ("case_error", "错误", "error"),
    ("case_warning", "警告", "warning"),
    ("case_error_count", "错误", "Errors"),
    ("case_warning_count", "警告", "Warnings"),
    ("case_hint", "提示", "hint"),
    ("case_claim", "报销明细", "The claim"),
    (
        "case_claim_travellers",
        "报销人(出差人员):",
        "Claimed by (travellers):",
    ),
    (
        "case_claim_fares",
        "行程交通费",
        "Fares of the legs travelled",
    ),
    ("case_claim_expenses", "费用", "Expenses"),
    ("case_claim_by_category", "按类别汇总", "By category"),
    ("case_claim_totals", "合计", "Totals"),
    ("case_claim_fares_total", "交通费合计", "Fares"),
    ("case_claim_expenses_total", "费用合计", "Expenses"),
    ("case_claim_total", "报销总额", "Total claimed"),
    (
        "case_claim_advance",
        "已借款(7.3)",
        "Advance received (7.3)",
    ),
    ("case_claim_due", "应补付报销人", "Due to the claimant"),
    (
        "case_claim_return",
        "报销人应退还",
        "To return to the company",
    ),
    ("case_claim_claimant", "报销人", "Claimant"),
    ("case_claim_finance", "财务审核", "Finance"),
    (
        "case_claim_attached",
        "附件(7.9):现场服务记录与服务总结报告",
        "Attached (7.9): the field service records and the summary report",
    ),
];

/// The word for `key` in `locale` (the key itself when the dictionary has no such word)
pub fn label(locale: Locale, key: &str) -> &str {
    LABELS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or(key, |(_, zh, en)| match locale {
            Locale::ZhCn => zh,
            Locale::En => en,
        })
}

/// The dictionary of `locale`: key → text, for templates' `labels`
pub fn labels(locale: Locale) -> Value {
    let mut map = Map::new();
    for (key, zh, en) in LABELS {
        let text = match locale {
            Locale::ZhCn => zh,
            Locale::En => en,
        };
        map.insert((*key).to_owned(), Value::String((*text).to_owned()));
    }
    Value::Object(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render_str(name: &str, text: &str, context: &Context) -> Result<String, TemplateError> {
        Source::new(name.to_owned(), text.to_owned())
            .parse()
            .and_then(|tera| {
                tera.render(name, context)
                    .map_err(|e| convert(name, text, &e))
            })
    }

    #[test]
    fn locales_parse() {
        assert_eq!(Locale::parse("zh-CN"), Some(Locale::ZhCn));
        assert_eq!(Locale::parse("zh_cn"), Some(Locale::ZhCn));
        assert_eq!(Locale::parse("en"), Some(Locale::En));
        assert_eq!(Locale::parse("en-GB"), Some(Locale::En));
        assert_eq!(Locale::parse("fr"), None);
        assert_eq!(
            localized_name("monthly.html", Locale::ZhCn),
            "monthly.zh-CN.html"
        );
    }

    #[test]
    fn every_label_in_both_languages_once() {
        let mut seen = std::collections::BTreeSet::new();
        for (key, zh, en) in LABELS {
            assert!(seen.insert(*key), "label {key} twice");
            assert!(!zh.is_empty() && !en.is_empty(), "label {key} empty");
        }
    }

    #[test]
    fn missing_variable_names_template_line_and_variable() {
        let err = render_str("x.md", "a\nb {{ nothing }}\n", &Context::new()).unwrap_err();
        assert_eq!(err.template, "x.md");
        assert_eq!(err.line, Some(2));
        assert!(err.message.contains("nothing"), "{err}");
    }

    #[test]
    fn what_an_error_is_about_follows_the_engines_message_after_a_space() {
        assert_eq!(
            crate::t_in!(Locale::En, "report-template-error-at", at = "x"),
            " (at `x`)"
        );
        let err = TemplateError {
            template: "x.md".to_owned(),
            line: Some(2),
            message: "wrong".to_owned(),
        };
        assert_eq!(err.to_string(), "template x.md, line 2: wrong");
    }

    #[test]
    fn syntax_error_names_template_and_line() {
        let err = render_str("x.html", "ok\n\n{% if %}\n", &Context::new()).unwrap_err();
        assert_eq!(err.template, "x.html");
        assert_eq!(err.line, Some(3), "{err}");
    }

    #[test]
    fn html_escapes_and_filters_quote() {
        let mut context = Context::new();
        context.insert("v", "<script>a,\"b\"|c</script>");
        context.insert("f", "=SUM(A1)");
        let html = render_str("x.html", "{{ v }}<a title='{{ q }}'>", &{
            let mut c = context.clone();
            c.insert("q", "x' onmouseover='alert(1)");
            c
        })
        .unwrap();
        assert_eq!(
            html,
            "&lt;script&gt;a,&quot;b&quot;|c&lt;/script&gt;<a title='x&#39; onmouseover=&#39;alert(1)'>"
        );
        let csv = render_str("x.csv", "{{ v | csv }};{{ f | csv }}", &context).unwrap();
        assert_eq!(csv, "\"<script>a,\"\"b\"\"|c</script>\";'=SUM(A1)");
        let md = render_str("x.md", "{{ v | md }}", &context).unwrap();
        assert_eq!(md, "&lt;script&gt;a,\"b\"\\|c&lt;/script&gt;");
    }

    #[test]
    fn builtins_parse() {
        for (name, text) in BUILTIN.iter().filter(|(n, _)| !n.ends_with(".typ")) {
            Source::new((*name).to_owned(), (*text).to_owned())
                .parse()
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }
}
