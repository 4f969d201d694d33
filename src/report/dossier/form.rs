//! Each form laid out as its paper original: the fields in the order the form declares
//! them with their bilingual labels, the lists as tables, and the signature lines of the
//! people who sign it, filled in where svc or the form records the signature.
//!
//! Values are plain text, formatted for a reader (names beside person ids, times in the
//! workspace's time zone, words in the report's language); the templates escape them.

use crate::forms::config::{Customer, Role};
use crate::forms::decode::{Money, Timestamp};
use crate::forms::{
    Approval, ApprovalKind, FeeList, FormKind, Priority, Request, Summary, TaskSheet, Transport,
    TravelLog, Visit,
};
use crate::report::templates::{self, Locale};
use crate::workspace::case::Case;
use crate::workspace::{Loaded, Workspace};
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;

/// One form, ready for `form.md` / `form.html`.
#[derive(Debug, Clone, Serialize)]
pub struct FormView {
    /// The form's name (`task-sheet`).
    pub kind: &'static str,
    /// The number printed on the form (`CSC-F02`).
    pub number: &'static str,
    /// The clause asking for it.
    pub clause: &'static str,
    /// The title in the report's language, and in the other one.
    pub title: &'static str,
    /// The title in the other language.
    pub title_alt: &'static str,
    /// The Chinese title.
    pub title_zh: &'static str,
    /// The English title.
    pub title_en: &'static str,
    /// The file, relative to the workspace root.
    pub file: String,
    /// What tells two forms of a kind apart (a visit's site), or empty.
    pub subtitle: String,
    /// The single-valued fields, in the form's order; nested records as a group row
    /// followed by their own fields.
    pub fields: Vec<Row>,
    /// The lists, as tables.
    pub tables: Vec<Table>,
    /// Fields printed after the tables, before the signatures: the fee list's total (in
    /// figures and in Chinese capitals) and payment, which close what the items add up.
    pub closing: Vec<Row>,
    /// Who signs the form.
    pub signatures: Vec<SignatureLine>,
    /// The form as written, for templates that want a field by its key.
    pub data: Value,
}

/// A labelled value.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// The field's key in the form (`received_at`), or a label key for computed rows.
    pub key: String,
    /// The label in the report's language.
    pub label: String,
    /// The label in the other language.
    pub label_alt: String,
    /// The value (lines joined by newlines); empty for a group row.
    pub value: String,
    /// The value's lines.
    pub lines: Vec<String>,
    /// A heading for the nested record's fields that follow.
    pub group: bool,
    /// A field of a nested record.
    pub sub: bool,
}

/// A list as a table.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    /// The field's key in the form.
    pub key: String,
    /// The label in the report's language.
    pub label: String,
    /// The label in the other language.
    pub label_alt: String,
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows, one text per column.
    pub rows: Vec<Vec<String>>,
    /// A totals row, when the table adds up.
    pub footer: Option<Vec<String>>,
}

/// A column of a table.
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    /// The label in the report's language.
    pub label: String,
    /// The label in the other language.
    pub label_alt: String,
    /// Numbers: aligned right.
    pub num: bool,
}

/// A line for a signature and its date.
#[derive(Debug, Clone, Serialize)]
pub struct SignatureLine {
    /// Who signs, in the report's language.
    pub role: String,
    /// Who signs, in the other language.
    pub role_alt: String,
    /// The name, when known.
    pub name: String,
    /// Title or remarks recorded with the signature.
    pub detail: String,
    /// The date, when known.
    pub date: String,
    /// Whether the signature is recorded (an approval in svc, a confirmation in the form).
    pub recorded: bool,
    /// How it is recorded, e.g. "approved in svc 2026-10-13 10:00".
    pub how: String,
}

/// The words and lookups every view needs.
pub struct Views<'a> {
    /// The workspace (people, customers, catalog).
    pub ws: &'a Workspace,
    /// The report's language.
    pub locale: Locale,
    labels: Value,
    labels_alt: Value,
}

impl<'a> Views<'a> {
    /// Views in `locale`.
    pub fn new(ws: &'a Workspace, locale: Locale) -> Views<'a> {
        let other = match locale {
            Locale::ZhCn => Locale::En,
            Locale::En => Locale::ZhCn,
        };
        Views {
            ws,
            locale,
            labels: templates::labels(locale),
            labels_alt: templates::labels(other),
        }
    }

    /// The dictionary of the report's language.
    pub fn labels(&self) -> &Value {
        &self.labels
    }

    /// The dictionary of the other language.
    pub fn labels_alt(&self) -> &Value {
        &self.labels_alt
    }

    /// A word of the dictionary (its key when missing, so a gap shows rather than fails).
    pub fn word(&self, key: &str) -> String {
        self.labels
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or(key)
            .to_string()
    }

    /// A word in the other language.
    pub fn word_alt(&self, key: &str) -> String {
        self.labels_alt
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or(key)
            .to_string()
    }

    /// A `中文 · English` description as (this language, the other).
    pub fn bilingual(&self, description: &str) -> (String, String) {
        let (zh, en) = split_description(description);
        match self.locale {
            Locale::ZhCn => (zh, capitalize(&en)),
            Locale::En => (capitalize(&en), zh),
        }
    }

    /// A keyword's description (`电话 · phone`) as the word of this language.
    pub fn keyword(&self, description: &str) -> String {
        let (zh, en) = split_description(description);
        match self.locale {
            Locale::ZhCn => zh,
            Locale::En => en,
        }
    }

    /// The label of a field from a record's bilingual descriptions.
    fn field_label(&self, fields: &[(&str, &str)], key: &str) -> (String, String) {
        match fields.iter().find(|(k, _)| *k == key) {
            Some((_, description)) => self.bilingual(description),
            None => (key.to_string(), key.to_string()),
        }
    }

    /// A column labelled from a record's field.
    pub fn described_column(&self, fields: &[(&str, &str)], key: &str, num: bool) -> Column {
        let (label, label_alt) = self.field_label(fields, key);
        Column {
            label,
            label_alt,
            num,
        }
    }

    /// A row labelled from the dictionary (`label_key`).
    pub fn labelled(&self, key: &str, label_key: &str, value: String) -> Row {
        row(
            key,
            (self.word(label_key), self.word_alt(label_key)),
            value.lines().map(str::to_string).collect(),
        )
    }

    /// A row labelled with a record's field description.
    pub fn described(&self, fields: &[(&str, &str)], key: &str, value: String) -> Row {
        row(
            key,
            self.field_label(fields, key),
            value.lines().map(str::to_string).collect(),
        )
    }

    /// A table labelled from the dictionary (`label_key`).
    pub fn table(
        &self,
        key: &str,
        label_key: &str,
        columns: Vec<Column>,
        rows: Vec<Vec<String>>,
    ) -> Table {
        Table {
            key: key.to_string(),
            label: self.word(label_key),
            label_alt: self.word_alt(label_key),
            columns,
            rows,
            footer: None,
        }
    }

    /// A column labelled from the dictionary.
    fn column_word(&self, key: &str, num: bool) -> Column {
        Column {
            label: self.word(key),
            label_alt: self.word_alt(key),
            num,
        }
    }

    /// "—" for a value not given.
    pub fn blank(&self) -> String {
        "—".to_string()
    }

    /// A person by name (ids are for machines), or the id when people.toml does not list
    /// them.
    pub fn name(&self, id: &str) -> String {
        crate::report::names::person(self.ws, id)
    }

    /// People as one line.
    pub fn people<'s>(&self, ids: impl IntoIterator<Item = &'s str>) -> String {
        let names: Vec<String> = ids.into_iter().map(|id| self.name(id)).collect();
        if names.is_empty() {
            self.blank()
        } else {
            names.join(", ")
        }
    }

    /// A moment in the workspace's time zone.
    pub fn time(&self, t: &Timestamp) -> String {
        t.with_timezone(&self.ws.offset())
            .format("%Y-%m-%d %H:%M")
            .to_string()
    }

    /// The date of a moment in the workspace's time zone.
    pub fn day(&self, t: &Timestamp) -> String {
        t.with_timezone(&self.ws.offset())
            .format("%Y-%m-%d")
            .to_string()
    }

    /// A date.
    pub fn date(&self, d: &NaiveDate) -> String {
        d.format("%Y-%m-%d").to_string()
    }

    /// Yes or no.
    pub fn yes_no(&self, b: bool) -> String {
        self.word(if b { "yes" } else { "no" })
    }

    /// Free text, or "—" when empty or absent.
    pub fn text(&self, t: Option<&str>) -> String {
        match t.map(str::trim) {
            Some(t) if !t.is_empty() => t.to_string(),
            _ => self.blank(),
        }
    }

    /// The customer of a case.
    pub fn customer(&self, case: &Case) -> Option<&'a Loaded<Customer>> {
        let file = case.file.as_ref()?;
        self.ws.customers.get(&file.customer.value)
    }

    /// A site of the customer as "name, city (id)".
    pub fn site(&self, customer: Option<&Customer>, id: &str) -> String {
        match customer.and_then(|c| c.sites.iter().find(|s| s.id.value == id)) {
            Some(s) => format!("{}, {}", s.name, s.city),
            None => id.to_string(),
        }
    }

    /// A product of the customer as "serial (model)".
    pub fn product(&self, customer: Option<&Customer>, serial: &str) -> String {
        match customer.and_then(|c| c.products.iter().find(|p| p.serial.value == serial)) {
            Some(p) => format!("{serial} ({})", p.model),
            None => serial.to_string(),
        }
    }

    /// A catalog entry's name in the report's language (the part or rate of `code`).
    pub fn catalog_name(&self, code: &str) -> String {
        let pick = |zh: &str, en: Option<&String>| match (self.locale, en) {
            (Locale::En, Some(en)) if !en.trim().is_empty() => en.clone(),
            _ => zh.to_string(),
        };
        if let Some(p) = self.ws.parts.get(code) {
            return pick(&p.name, p.name_en.as_ref());
        }
        if let Some(r) = self.ws.rates.get(code) {
            return pick(&r.name, r.name_en.as_ref());
        }
        self.blank()
    }

    /// A catalog entry's unit.
    pub fn catalog_unit(&self, code: &str) -> Option<String> {
        self.ws
            .parts
            .get(code)
            .map(|p| p.unit.clone())
            .or_else(|| self.ws.rates.get(code).map(|r| r.unit.clone()))
    }

    /// A catalog entry's price.
    pub fn catalog_price(&self, code: &str) -> Option<Money> {
        self.ws
            .parts
            .get(code)
            .map(|p| p.price.value)
            .or_else(|| self.ws.rates.get(code).map(|r| r.price.value))
    }

    /// A fee arrangement (`warranty`, `billable`, `agreement:ID`) in words.
    pub fn fee_arrangement(&self, text: &str) -> String {
        crate::report::names::fee_arrangement(text, self.locale)
    }

    /// The signature line of an approval recorded in `case.toml`, or an empty line for
    /// `role` when there is none.
    fn approval_line(
        &self,
        case: &Case,
        kind: ApprovalKind,
        roles: &[Role],
        role_key: &str,
    ) -> SignatureLine {
        let recorded: Vec<&Approval> = case
            .file
            .iter()
            .flat_map(|f| f.approvals.iter())
            .filter(|a| a.kind.value == kind && roles.contains(&a.role.value))
            .collect();
        // A signature shows only over the content it approved.
        let approval = recorded
            .iter()
            .filter(|a| crate::rules::approves_as_is(case, a))
            .max_by_key(|a| a.at.value);
        let mut line = self.blank_signature(role_key);
        if approval.is_none()
            && let Some(stale) = recorded.iter().max_by_key(|a| a.at.value)
        {
            line.how = format!(
                "{} ({}, {})",
                self.word("form_approval_stale"),
                self.name(&stale.by.value),
                self.time(&stale.at.value)
            );
        }
        if let Some(a) = approval {
            line.name = self.name(&a.by.value);
            line.date = self.day(&a.at.value);
            line.detail = a.note.clone().unwrap_or_default();
            line.recorded = true;
            line.how = format!(
                "{} {} ({})",
                self.word("form_approved_in_svc"),
                self.time(&a.at.value),
                self.keyword(a.role.value.describe())
            );
        }
        line
    }

    /// An empty signature line for the role named by a dictionary key.
    pub fn blank_signature(&self, role_key: &str) -> SignatureLine {
        SignatureLine {
            role: self.word(role_key),
            role_alt: self.word_alt(role_key),
            name: String::new(),
            detail: String::new(),
            date: String::new(),
            recorded: false,
            how: String::new(),
        }
    }

    /// The review of the records after the trip (5.1.6, 5.2.4).
    pub fn review_line(&self, case: &Case) -> SignatureLine {
        self.approval_line(
            case,
            ApprovalKind::Review,
            &[Role::Csc, Role::Sales, Role::Lead, Role::SalesLead],
            "form_sig_reviewer",
        )
    }

    /// A form laid out for printing.
    pub fn form(
        &self,
        case: &Case,
        kind: FormKind,
        visit: Option<&Loaded<Visit>>,
    ) -> Option<FormView> {
        let mut b = Builder::new(self, kind);
        match kind {
            FormKind::Request => self.request(&mut b, case.request.as_ref()?),
            FormKind::TaskSheet => self.task_sheet(&mut b, case, case.task_sheet.as_ref()?),
            FormKind::Visit => self.visit(&mut b, case, visit?),
            FormKind::Fees => self.fees(&mut b, case, case.fees.as_ref()?),
            FormKind::TravelLog => self.travel_log(&mut b, case, case.travel_log.as_ref()?),
            FormKind::Summary => self.summary(&mut b, case, case.summary.as_ref()?),
        }
        Some(b.view)
    }

    fn request(&self, b: &mut Builder, r: &Loaded<Request>) {
        b.source(r);
        b.field("received_at", self.time(&r.received_at.value));
        b.field("channel", self.keyword(r.channel.describe()));
        b.group("contact");
        let c = &r.contact;
        let sub = crate::forms::Contact::FIELDS;
        b.sub(sub, "name", c.name.value.clone());
        b.sub(sub, "phone", c.phone.value.clone());
        b.sub(sub, "title", self.text(c.title.as_deref()));
        b.sub(sub, "email", self.text(c.email.as_deref()));
        b.field("fault", r.fault.value.clone());
        b.field("tried_by_phone", r.tried_by_phone.value.clone());
        b.field("onsite_needed", self.yes_no(r.onsite_needed));
        b.field(
            "onsite_reason",
            self.text(r.onsite_reason.as_ref().map(|s| s.value.as_str())),
        );
        b.field(
            "fee_arrangement",
            r.fee_arrangement
                .as_ref()
                .map_or_else(|| self.blank(), |f| self.fee_arrangement(&f.value)),
        );
        b.field(
            "priority",
            self.keyword(r.priority.unwrap_or(Priority::Normal).describe()),
        );
        b.field("received_by", self.name(&r.received_by.value));
        b.field("remarks", self.text(r.remarks.as_deref()));
        let mut line = self.blank_signature("form_sig_received_by");
        line.name = self.name(&r.received_by.value);
        line.date = self.day(&r.received_at.value);
        line.recorded = true;
        line.how = self.word("form_recorded_in_form");
        b.view.signatures.push(line);
    }

    fn task_sheet(&self, b: &mut Builder, case: &Case, t: &Loaded<TaskSheet>) {
        b.source(t);
        let customer = self.customer(case).map(|c| &c.value);
        b.field("prepared_by", self.name(&t.prepared_by.value));
        b.field("prepared_on", self.date(&t.prepared_on.value));
        b.field(
            "engineers",
            self.people(t.engineers.iter().map(|e| e.value.as_str())),
        );
        b.field("customer_situation", t.customer_situation.value.clone());
        b.field("fault_detail", t.fault_detail.value.clone());
        b.lines("tasks", numbered(t.tasks.value.iter().map(String::as_str)));
        b.lines(
            "sites",
            t.sites
                .value
                .iter()
                .map(|s| self.site(customer, &s.value))
                .collect(),
        );
        b.field("depart_on", self.date(&t.depart_on.value));
        b.field("return_on", self.date(&t.return_on.value));
        b.lines("tools", t.tools.clone());
        match &t.advance {
            Some(a) => {
                b.group("advance");
                let sub = crate::forms::Advance::FIELDS;
                b.sub(sub, "amount", a.amount.value.to_string());
                b.sub(sub, "purpose", a.purpose.clone());
                b.sub(
                    sub,
                    "requested_on",
                    a.requested_on
                        .as_ref()
                        .map_or_else(|| self.blank(), |d| self.date(&d.value)),
                );
            }
            None => b.field("advance", self.word("none")),
        }
        let helper = crate::forms::Helper::FIELDS;
        b.table(
            "helpers",
            vec![
                self.described_column(helper, "person", false),
                self.described_column(helper, "role", false),
            ],
            t.helpers
                .iter()
                .map(|h| vec![self.name(&h.person.value), h.role.clone()])
                .collect(),
            None,
        );
        let leg = crate::forms::PlannedLeg::FIELDS;
        b.table(
            "legs",
            vec![
                self.described_column(leg, "date", false),
                self.described_column(leg, "from", false),
                self.described_column(leg, "to", false),
                self.described_column(leg, "mode", false),
            ],
            t.legs
                .iter()
                .map(|l| {
                    vec![
                        self.date(&l.date.value),
                        l.from.clone(),
                        l.to.clone(),
                        self.keyword(l.mode.value.describe()),
                    ]
                })
                .collect(),
            None,
        );
        let part = crate::forms::PartToBring::FIELDS;
        b.table(
            "parts",
            vec![
                self.described_column(part, "code", false),
                self.column_word("form_col_name", false),
                self.described_column(part, "qty", true),
            ],
            t.parts
                .iter()
                .map(|p| {
                    vec![
                        p.code.value.clone(),
                        self.catalog_name(&p.code.value),
                        p.qty.0.to_string(),
                    ]
                })
                .collect(),
            None,
        );
        let mut prepared = self.blank_signature("form_sig_prepared_by");
        prepared.name = self.name(&t.prepared_by.value);
        prepared.date = self.date(&t.prepared_on.value);
        prepared.recorded = true;
        prepared.how = self.word("form_recorded_in_form");
        b.view.signatures.push(prepared);
        b.view.signatures.push(self.approval_line(
            case,
            ApprovalKind::TaskSheet,
            &[Role::Lead],
            "form_sig_csc_lead",
        ));
        let via_sales = case
            .file
            .as_ref()
            .and_then(|f| f.assigned_via.as_ref())
            .is_some_and(|v| v.value == Role::Sales);
        let sales_line = self.approval_line(
            case,
            ApprovalKind::TaskSheet,
            &[Role::SalesLead],
            "form_sig_sales_lead",
        );
        if via_sales || sales_line.recorded {
            b.view.signatures.push(sales_line);
        }
        let flight_line = self.approval_line(
            case,
            ApprovalKind::Flight,
            &[Role::Manager],
            "form_sig_manager",
        );
        let flies = t.legs.iter().any(|l| l.mode.value == Transport::Flight);
        if flies || flight_line.recorded {
            b.view.signatures.push(flight_line);
        }
    }

    fn visit(&self, b: &mut Builder, case: &Case, v: &Loaded<Visit>) {
        b.source(v);
        let customer = self.customer(case).map(|c| &c.value);
        b.view.subtitle = self.site(customer, &v.site.value);
        b.field("site", self.site(customer, &v.site.value));
        b.field("arrived_at", self.time(&v.arrived_at.value));
        b.field("left_at", self.time(&v.left_at.value));
        b.field(
            "engineers",
            self.people(v.engineers.iter().map(|e| e.value.as_str())),
        );
        b.lines(
            "products",
            v.products
                .iter()
                .map(|p| self.product(customer, &p.value))
                .collect(),
        );
        b.field("symptoms", v.symptoms.clone());
        b.field("diagnosis", v.diagnosis.clone());
        b.field("cause", self.keyword(v.cause.value.describe()));
        b.field("work_done", v.work_done.clone());
        b.field(
            "software_maintenance",
            v.software_maintenance
                .map_or_else(|| self.blank(), |s| self.yes_no(s)),
        );
        b.field("resolved", self.yes_no(v.resolved));
        b.field("training", self.text(v.training.as_deref()));
        let part = crate::forms::PartReplaced::FIELDS;
        b.table(
            "parts_replaced",
            vec![
                self.described_column(part, "code", false),
                self.column_word("form_col_name", false),
                self.described_column(part, "qty", true),
                self.described_column(part, "serial_out", false),
                self.described_column(part, "serial_in", false),
            ],
            v.parts_replaced
                .iter()
                .map(|p| {
                    vec![
                        p.code.value.clone(),
                        self.catalog_name(&p.code.value),
                        p.qty.0.to_string(),
                        self.text(p.serial_out.as_deref()),
                        self.text(p.serial_in.as_deref()),
                    ]
                })
                .collect(),
            None,
        );
        let mut engineers = self.blank_signature("form_sig_engineer");
        engineers.name = v
            .engineers
            .iter()
            .map(|e| self.name(&e.value))
            .collect::<Vec<_>>()
            .join(", ");
        engineers.date = self.day(&v.left_at.value);
        b.view.signatures.push(engineers);
        let mut customer_line = self.blank_signature("form_sig_customer");
        if let Some(c) = &v.confirmation {
            customer_line.name = c.name.clone();
            customer_line.detail = [c.title.as_deref(), c.remarks.as_deref()]
                .into_iter()
                .flatten()
                .filter(|t| !t.trim().is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
            customer_line.date = self.date(&c.date.value);
            customer_line.recorded = true;
            customer_line.how = self.word("form_recorded_in_form");
        }
        b.view.signatures.push(customer_line);
        b.view.signatures.push(self.review_line(case));
    }

    fn fees(&self, b: &mut Builder, case: &Case, f: &Loaded<FeeList>) {
        b.source(f);
        let item = crate::forms::FeeItem::FIELDS;
        let mut total = Money(0);
        let rows = f
            .items
            .iter()
            .map(|i| {
                let price = i
                    .unit_price
                    .as_ref()
                    .map(|p| p.value)
                    .or_else(|| self.catalog_price(&i.code.value));
                let amount = price.map(|p| Money(p.0.saturating_mul(i64::from(i.qty.0))));
                if let Some(a) = amount {
                    total = total + a;
                }
                let money = |m: Option<Money>| m.map_or_else(|| self.blank(), |m| m.to_string());
                vec![
                    i.code.value.clone(),
                    self.catalog_name(&i.code.value),
                    format!(
                        "{}{}",
                        i.qty.0,
                        self.catalog_unit(&i.code.value)
                            .map(|u| format!(" {u}"))
                            .unwrap_or_default()
                    ),
                    money(price),
                    money(amount),
                    self.text(i.override_reason.as_deref()),
                    self.text(i.note.as_deref()),
                ]
            })
            .collect();
        let mut footer = vec![String::new(); 7];
        footer[0] = self.word("total");
        footer[4] = total.to_string();
        b.table(
            "items",
            vec![
                self.described_column(item, "code", false),
                self.column_word("form_col_name", false),
                self.described_column(item, "qty", true),
                self.described_column(item, "unit_price", true),
                self.column_word("form_col_amount", true),
                self.described_column(item, "override_reason", false),
                self.described_column(item, "note", false),
            ],
            rows,
            Some(footer),
        );
        b.closing();
        b.field(
            "total",
            f.total
                .as_ref()
                .map_or_else(|| self.blank(), |t| t.value.to_string()),
        );
        // The total in capital numerals, as a Chinese receipt carries it: the form's total,
        // or the items' sum when the form states none.
        let stated = f.total.as_ref().map_or(total, |t| t.value);
        b.row(
            "total_capital",
            (
                self.word("form_total_capital"),
                self.word_alt("form_total_capital"),
            ),
            vec![crate::report::capital::capital(stated)],
            false,
            false,
        );
        match &f.payment {
            Some(p) => {
                b.group("payment");
                let sub = crate::forms::Payment::FIELDS;
                b.sub(sub, "method", self.keyword(p.method.describe()));
                b.sub(sub, "amount", p.amount.value.to_string());
                b.sub(sub, "receipt", p.receipt.clone());
                b.sub(sub, "date", self.date(&p.date.value));
            }
            None => b.field("payment", self.blank()),
        }
        let mut engineers = self.blank_signature("form_sig_issued_by");
        let mut ids: Vec<&str> = Vec::new();
        for v in &case.visits {
            for e in &v.engineers {
                if !ids.contains(&e.value.as_str()) {
                    ids.push(&e.value);
                }
            }
        }
        if ids.is_empty() {
            ids = case
                .file
                .iter()
                .flat_map(|c| c.assignees.iter().map(|a| a.value.as_str()))
                .collect();
        }
        engineers.name = ids
            .iter()
            .map(|id| self.name(id))
            .collect::<Vec<_>>()
            .join(", ");
        b.view.signatures.push(engineers);
        let mut customer_line = self.blank_signature("form_sig_customer_fees");
        if let Some(s) = &f.signature {
            customer_line.name = s.name.clone();
            customer_line.date = self.date(&s.date.value);
            customer_line.recorded = true;
            customer_line.how = self.word("form_recorded_in_form");
        }
        b.view.signatures.push(customer_line);
        b.view.signatures.push(self.review_line(case));
    }

    fn travel_log(&self, b: &mut Builder, case: &Case, l: &Loaded<TravelLog>) {
        b.source(l);
        b.field(
            "travellers",
            self.people(l.travellers.iter().map(|t| t.value.as_str())),
        );
        let time = |t: Option<&Timestamp>| t.map_or_else(|| self.blank(), |t| self.time(t));
        b.field(
            "back_home_at",
            time(l.back_home_at.as_ref().map(|t| &t.value)),
        );
        b.field(
            "back_at_work_at",
            time(l.back_at_work_at.as_ref().map(|t| &t.value)),
        );
        match &l.advance_received {
            Some(a) => {
                b.group("advance_received");
                let sub = crate::forms::ReceivedAdvance::FIELDS;
                b.sub(sub, "amount", a.amount.value.to_string());
                b.sub(sub, "date", self.date(&a.date.value));
            }
            None => b.field("advance_received", self.word("none")),
        }
        let leg = crate::forms::Leg::FIELDS;
        let fares: Money = l
            .legs
            .iter()
            .filter_map(|g| g.cost.as_ref())
            .map(|c| c.value)
            .sum();
        b.table(
            "legs",
            vec![
                self.described_column(leg, "date", false),
                self.described_column(leg, "from", false),
                self.described_column(leg, "to", false),
                self.described_column(leg, "mode", false),
                self.described_column(leg, "cost", true),
            ],
            l.legs
                .iter()
                .map(|g| {
                    vec![
                        self.date(&g.date.value),
                        g.from.clone(),
                        g.to.clone(),
                        self.keyword(g.mode.value.describe()),
                        g.cost
                            .as_ref()
                            .map_or_else(|| self.blank(), |c| c.value.to_string()),
                    ]
                })
                .collect(),
            Some(vec![
                self.word("total"),
                String::new(),
                String::new(),
                String::new(),
                fares.to_string(),
            ]),
        );
        // The check-ins are those `svc checkin` recorded (7.5), the one place they are kept.
        let checkin = crate::forms::Checkin::FIELDS;
        b.word_table(
            "checkins",
            "case_checkins",
            vec![
                self.described_column(checkin, "at", false),
                self.described_column(checkin, "via", false),
                self.described_column(checkin, "by", false),
                self.described_column(checkin, "note", false),
            ],
            case.file
                .iter()
                .flat_map(|f| f.checkins.iter())
                .map(|c| {
                    vec![
                        self.time(&c.at.value),
                        self.keyword(c.via.describe()),
                        self.name(&c.by.value),
                        self.text(c.note.as_deref()),
                    ]
                })
                .collect(),
        );
        let day = crate::forms::Day::FIELDS;
        b.table(
            "days",
            vec![
                self.described_column(day, "date", false),
                self.described_column(day, "place", false),
                self.described_column(day, "work", false),
            ],
            l.days
                .iter()
                .map(|d| vec![self.date(&d.date.value), d.place.clone(), d.work.clone()])
                .collect(),
            None,
        );
        let (rows, total) = self.expense_rows(l);
        let expense = crate::forms::Expense::FIELDS;
        b.table(
            "expenses",
            vec![
                self.described_column(expense, "date", false),
                self.described_column(expense, "category", false),
                self.described_column(expense, "amount", true),
                self.described_column(expense, "receipt", false),
            ],
            rows,
            Some(vec![
                self.word("total"),
                String::new(),
                total.to_string(),
                String::new(),
            ]),
        );
        let mut travellers = self.blank_signature("form_sig_travellers");
        travellers.name = l
            .travellers
            .iter()
            .map(|t| self.name(&t.value))
            .collect::<Vec<_>>()
            .join(", ");
        b.view.signatures.push(travellers);
        b.view.signatures.push(self.review_line(case));
    }

    /// The expenses of a travel log as table rows, and their total.
    pub fn expense_rows(&self, l: &TravelLog) -> (Vec<Vec<String>>, Money) {
        let rows = l
            .expenses
            .iter()
            .map(|e| {
                vec![
                    self.date(&e.date.value),
                    self.keyword(e.category.describe()),
                    e.amount.value.to_string(),
                    self.text(e.receipt.as_deref()),
                ]
            })
            .collect();
        (rows, l.expenses.iter().map(|e| e.amount.value).sum())
    }

    fn summary(&self, b: &mut Builder, case: &Case, s: &Loaded<Summary>) {
        b.source(s);
        b.field("prepared_by", self.name(&s.prepared_by.value));
        b.field("prepared_on", self.date(&s.prepared_on.value));
        b.field("outcome", self.keyword(s.outcome.describe()));
        b.field("root_cause", s.root_cause.clone());
        b.field("fault_category", self.keyword(s.fault_category.describe()));
        b.field("actions", s.actions.clone());
        b.field(
            "customer_feedback",
            self.text(s.customer_feedback.as_deref()),
        );
        b.field(
            "satisfaction",
            s.satisfaction
                .map_or_else(|| self.blank(), |n| format!("{} / 5", n.0)),
        );
        b.field("training", self.text(s.training.as_deref()));
        b.lines(
            "suggestions",
            numbered(s.suggestions.iter().map(String::as_str)),
        );
        b.field("follow_up", self.text(s.follow_up.as_deref()));
        b.field(
            "delay_reason",
            self.text(s.delay_reason.as_ref().map(|r| r.value.as_str())),
        );
        let mut prepared = self.blank_signature("form_sig_prepared_by");
        prepared.name = self.name(&s.prepared_by.value);
        prepared.date = self.date(&s.prepared_on.value);
        prepared.recorded = true;
        prepared.how = self.word("form_recorded_in_form");
        b.view.signatures.push(prepared);
        b.view.signatures.push(self.review_line(case));
    }
}

/// Builds one [`FormView`].
struct Builder<'v, 'a> {
    v: &'v Views<'a>,
    fields: &'static [(&'static str, &'static str)],
    view: FormView,
    /// Whether fields go after the tables (see [`FormView::closing`]).
    closing: bool,
}

impl<'v, 'a> Builder<'v, 'a> {
    fn new(v: &'v Views<'a>, kind: FormKind) -> Builder<'v, 'a> {
        let (title, title_alt) = match v.locale {
            Locale::ZhCn => (kind.title_zh(), kind.title_en()),
            Locale::En => (kind.title_en(), kind.title_zh()),
        };
        Builder {
            v,
            fields: kind.fields(),
            view: FormView {
                kind: kind.name(),
                number: kind.number(),
                clause: kind.clause(),
                title,
                title_alt,
                title_zh: kind.title_zh(),
                title_en: kind.title_en(),
                file: String::new(),
                subtitle: String::new(),
                fields: Vec::new(),
                tables: Vec::new(),
                closing: Vec::new(),
                signatures: Vec::new(),
                data: Value::Null,
            },
            closing: false,
        }
    }

    /// The fields that follow are printed after the tables.
    fn closing(&mut self) {
        self.closing = true;
    }

    /// Note the file and the form as written.
    fn source<T: Serialize>(&mut self, form: &Loaded<T>) {
        self.view.file = form.source.path.display().to_string();
        self.view.data = serde_json::to_value(&form.value).unwrap_or(Value::Null);
    }

    fn row(
        &mut self,
        key: &str,
        label: (String, String),
        lines: Vec<String>,
        group: bool,
        sub: bool,
    ) {
        let lines = if lines.is_empty() && !group {
            vec![self.v.blank()]
        } else {
            lines
        };
        let row = Row {
            key: key.to_string(),
            label: label.0,
            label_alt: label.1,
            value: lines.join("\n"),
            lines,
            group,
            sub,
        };
        if self.closing {
            self.view.closing.push(row);
        } else {
            self.view.fields.push(row);
        }
    }

    /// A field of the form.
    fn field(&mut self, key: &str, value: String) {
        let label = self.v.field_label(self.fields, key);
        let lines = value.lines().map(str::to_string).collect();
        self.row(key, label, lines, false, false);
    }

    /// A field of the form whose value is a list, one item a line.
    fn lines(&mut self, key: &str, lines: Vec<String>) {
        let label = self.v.field_label(self.fields, key);
        self.row(key, label, lines, false, false);
    }

    /// The heading of a nested record of the form.
    fn group(&mut self, key: &str) {
        let label = self.v.field_label(self.fields, key);
        self.row(key, label, Vec::new(), true, false);
    }

    /// A field of the nested record whose group row came last.
    fn sub(&mut self, fields: &[(&str, &str)], key: &str, value: String) {
        let label = self.v.field_label(fields, key);
        let lines = value.lines().map(str::to_string).collect();
        self.row(key, label, lines, false, true);
    }

    /// A list of the form as a table.
    fn table(
        &mut self,
        key: &str,
        columns: Vec<Column>,
        rows: Vec<Vec<String>>,
        footer: Option<Vec<String>>,
    ) {
        let label = self.v.field_label(self.fields, key);
        self.labelled_table(key, label, columns, rows, footer);
    }

    /// A table labelled from the dictionary: what the paper form lists besides its fields.
    fn word_table(&mut self, key: &str, word: &str, columns: Vec<Column>, rows: Vec<Vec<String>>) {
        let label = (self.v.word(word), self.v.word_alt(word));
        self.labelled_table(key, label, columns, rows, None);
    }

    fn labelled_table(
        &mut self,
        key: &str,
        (label, label_alt): (String, String),
        columns: Vec<Column>,
        rows: Vec<Vec<String>>,
        footer: Option<Vec<String>>,
    ) {
        let footer = footer.filter(|_| !rows.is_empty());
        self.view.tables.push(Table {
            key: key.to_string(),
            label,
            label_alt,
            columns,
            rows,
            footer,
        });
    }
}

/// A plain row ("—" for an empty value).
fn row(key: &str, label: (String, String), lines: Vec<String>) -> Row {
    let lines = if lines.is_empty() {
        vec!["—".to_string()]
    } else {
        lines
    };
    Row {
        key: key.to_string(),
        label: label.0,
        label_alt: label.1,
        value: lines.join("\n"),
        lines,
        group: false,
        sub: false,
    }
}

/// Items numbered "1. …".
fn numbered<'s>(items: impl IntoIterator<Item = &'s str>) -> Vec<String> {
    items
        .into_iter()
        .enumerate()
        .map(|(i, t)| format!("{}. {}", i + 1, t.trim()))
        .collect()
}

/// `受理时间 · when the request was received (RFC 3339 with offset)` → (`受理时间`, `when
/// the request was received`): the Chinese, and the English without the notes after a
/// colon or comma or in brackets, and without "id" (a site id is a site on paper).
pub fn split_description(description: &str) -> (String, String) {
    let (zh, en) = description
        .split_once(" · ")
        .unwrap_or((description, description));
    let en = en.split(": ").next().unwrap_or(en);
    let en = en.split(" (").next().unwrap_or(en);
    let en = en.split(", ").next().unwrap_or(en).trim();
    // "site id" is a site to a reader of the printed form.
    let en = en
        .strip_suffix(" ids")
        .map(|e| format!("{e}s"))
        .or_else(|| en.strip_suffix(" id").map(str::to_string))
        .filter(|e| !e.is_empty())
        .unwrap_or_else(|| en.to_string());
    (zh.trim().to_string(), en)
}

/// The first letter in upper case.
fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_split_into_short_labels() {
        assert_eq!(
            split_description("受理时间 · when the request was received (RFC 3339 with offset)"),
            ("受理时间".into(), "when the request was received".into())
        );
        assert_eq!(
            split_description("受理方式 · channel: phone, fax, email, visit, web"),
            ("受理方式".into(), "channel".into())
        );
        assert_eq!(
            split_description(
                "申请日期 · date requested: on or after the task sheet's approval (7.3)"
            ),
            ("申请日期".into(), "date requested".into())
        );
        assert_eq!(split_description("无"), ("无".into(), "无".into()));
        assert_eq!(
            split_description("人员 · person id"),
            ("人员".into(), "person".into())
        );
        assert_eq!(
            split_description("服务单号 · case id (= folder name)"),
            ("服务单号".into(), "case".into())
        );
        assert_eq!(capitalize("channel"), "Channel");
        assert_eq!(capitalize(""), "");
    }

    #[test]
    fn every_field_label_reads_short() {
        for kind in FormKind::ALL {
            for (key, description) in kind.fields() {
                let (zh, en) = split_description(description);
                assert!(!zh.is_empty() && !en.is_empty(), "{kind} {key}");
                assert!(!en.contains(['(', ':', ',']), "{kind} {key}: {en}");
                assert!(zh != en, "{kind} {key} has no English");
            }
        }
    }

    #[test]
    fn lists_are_numbered() {
        assert_eq!(numbered(["a", " b "]), vec!["1. a", "2. b"]);
    }
}
