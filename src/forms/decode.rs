//! Typed forms from spanned trees, with every problem found at once.
//!
//! Decoding is hand-rolled rather than serde-derived for one reason: a person filling in a
//! form wants *all* the mistakes in it, each at its line, with a "did you mean" for a
//! misspelt key — serde stops at the first. The [`record!`] and [`keywords!`] macros
//! declare a form once and derive from that declaration the Rust type, its decoder, its
//! JSON Schema (for editors) and its bilingual field descriptions (for scaffolds).

use crate::forms::config::Locale;
use crate::forms::node::{Kind, Node};
use crate::forms::source::Span;
use crate::{t, t_in};
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde_json::{Value, json};

/// One thing wrong with the shape of a form.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Where it is.
    pub span: Span,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

/// Collects the problems found while decoding one file.
#[derive(Debug, Default)]
pub struct Decoder {
    /// Everything found so far.
    pub problems: Vec<Problem>,
}

impl Decoder {
    /// Record a problem.
    pub fn problem(&mut self, span: Span, message: impl Into<String>, hint: Option<String>) {
        self.problems.push(Problem {
            span,
            message: message.into(),
            hint,
        });
    }

    /// Record that a node has the wrong type (`what` it should be, as said to the person).
    pub fn expected(&mut self, node: &Node, what: &str, hint: Option<String>) {
        self.problem(
            node.span,
            t!(
                "ws-schema-expected",
                what = what,
                found = kind_said(&node.kind)
            ),
            hint,
        );
    }
}

/// A type that can be read from a [`Node`].
pub trait Decode: Sized {
    /// Read the value, recording problems; `None` when it cannot be read.
    fn decode(node: &Node, d: &mut Decoder) -> Option<Self>;

    /// The value when its key is absent; `None` means the key is required.
    fn absent() -> Option<Self> {
        None
    }

    /// The JSON Schema (draft-07) of the value.
    fn schema() -> Value;
}

/// Decode a whole form; `Err` carries every problem found.
pub fn decode_root<T: Decode>(node: &Node) -> Result<T, Vec<Problem>> {
    let mut d = Decoder::default();
    let value = T::decode(node, &mut d);
    match value {
        Some(v) if d.problems.is_empty() => Ok(v),
        _ => {
            if d.problems.is_empty() {
                d.problem(node.span, t!("ws-schema-form-unreadable"), None);
            }
            Err(d.problems)
        }
    }
}

/// A complete JSON Schema document (draft-07) around a record's schema.
pub fn document_schema(title: &str, body: Value) -> Value {
    let mut doc = serde_json::Map::new();
    doc.insert(
        "$schema".into(),
        Value::from("http://json-schema.org/draft-07/schema#"),
    );
    doc.insert("title".into(), Value::from(title));
    if let Value::Object(fields) = body {
        doc.extend(fields);
    }
    Value::Object(doc)
}

/// A value together with where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Sp<T> {
    /// The value.
    pub value: T,
    /// Where it is written.
    pub span: Span,
}

impl<T> std::ops::Deref for Sp<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: Decode> Decode for Sp<T> {
    fn decode(node: &Node, d: &mut Decoder) -> Option<Self> {
        T::decode(node, d).map(|value| Sp {
            value,
            span: node.span,
        })
    }
    fn schema() -> Value {
        T::schema()
    }
}

impl<T: serde::Serialize> serde::Serialize for Sp<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(node: &Node, d: &mut Decoder) -> Option<Self> {
        match node.kind {
            Kind::Null => Some(None),
            _ => T::decode(node, d).map(Some),
        }
    }
    fn absent() -> Option<Self> {
        Some(None)
    }
    fn schema() -> Value {
        T::schema()
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(node: &Node, d: &mut Decoder) -> Option<Self> {
        let Kind::Seq(items) = &node.kind else {
            d.expected(
                node,
                &t!("ws-schema-expect-list"),
                Some(t!("ws-schema-expect-list-hint")),
            );
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for item in items {
            match T::decode(item, d) {
                Some(v) => out.push(v),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }
    fn absent() -> Option<Self> {
        Some(Vec::new())
    }
    fn schema() -> Value {
        json!({ "type": "array", "items": T::schema() })
    }
}

impl Decode for String {
    fn decode(node: &Node, d: &mut Decoder) -> Option<Self> {
        match &node.kind {
            Kind::Str(s) => Some(s.clone()),
            Kind::Datetime(s) => Some(s.clone()),
            Kind::Int(i) => Some(i.to_string()),
            Kind::BigInt(i) => Some(i.clone()),
            _ => {
                d.expected(
                    node,
                    &t!("ws-schema-expect-text"),
                    Some(t!("ws-schema-expect-text-hint")),
                );
                None
            }
        }
    }
    fn schema() -> Value {
        json!({ "type": ["string", "integer"] })
    }
}

impl Decode for bool {
    fn decode(node: &Node, d: &mut Decoder) -> Option<Self> {
        match node.kind {
            Kind::Bool(b) => Some(b),
            _ => {
                d.expected(node, &t!("ws-schema-expect-bool"), None);
                None
            }
        }
    }
    fn schema() -> Value {
        json!({ "type": "boolean" })
    }
}

/// A count of things: a whole number of at least one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Quantity(pub u32);

impl Decode for Quantity {
    fn decode(node: &Node, d: &mut Decoder) -> Option<Self> {
        match node.kind {
            Kind::Int(n) if n >= 1 => match u32::try_from(n) {
                Ok(n) => Some(Quantity(n)),
                Err(_) => {
                    d.problem(
                        node.span,
                        t!("ws-schema-quantity-too-large", quantity = n.to_string()),
                        None,
                    );
                    None
                }
            },
            Kind::BigInt(ref n) => {
                d.problem(
                    node.span,
                    t!("ws-schema-quantity-too-large", quantity = n),
                    None,
                );
                None
            }
            Kind::Int(n) => {
                d.problem(
                    node.span,
                    t!("ws-schema-quantity-too-small", quantity = n.to_string()),
                    Some(t!("ws-schema-quantity-too-small-hint")),
                );
                None
            }
            _ => {
                d.expected(node, &t!("ws-schema-expect-whole-number"), None);
                None
            }
        }
    }
    fn schema() -> Value {
        json!({ "type": "integer", "minimum": 1 })
    }
}

/// A size in megabytes (1 MB = 1024 × 1024 bytes): a whole number of at least one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Megabytes(pub u32);

impl Megabytes {
    /// The size in bytes
    pub fn bytes(self) -> u64 {
        u64::from(self.0) << 20
    }
}

impl Decode for Megabytes {
    fn decode(node: &Node, d: &mut Decoder) -> Option<Self> {
        let hint = || Some(t!("ws-schema-megabytes-hint"));
        match node.kind {
            Kind::Int(n) if n >= 1 => match u32::try_from(n) {
                Ok(n) => Some(Megabytes(n)),
                Err(_) => {
                    d.problem(
                        node.span,
                        t!("ws-schema-megabytes-too-large", size = n.to_string()),
                        hint(),
                    );
                    None
                }
            },
            Kind::BigInt(ref n) => {
                d.problem(
                    node.span,
                    t!("ws-schema-megabytes-too-large", size = n),
                    hint(),
                );
                None
            }
            Kind::Int(n) => {
                d.problem(
                    node.span,
                    t!("ws-schema-megabytes-too-small", size = n.to_string()),
                    hint(),
                );
                None
            }
            _ => {
                d.expected(node, &t!("ws-schema-expect-megabytes"), hint());
                None
            }
        }
    }
    fn schema() -> Value {
        json!({ "type": "integer", "minimum": 1, "maximum": u32::MAX })
    }
}

/// A small whole number within a range (a satisfaction score, a week count).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Score(pub u8);

impl Decode for Score {
    fn decode(node: &Node, d: &mut Decoder) -> Option<Self> {
        match node.kind {
            Kind::Int(n @ 1..=5) => Some(Score(n as u8)),
            _ => {
                d.problem(
                    node.span,
                    t!("ws-schema-score", found = describe_value(node)),
                    Some(t!("ws-schema-score-hint")),
                );
                None
            }
        }
    }
    fn schema() -> Value {
        json!({ "type": "integer", "minimum": 1, "maximum": 5 })
    }
}

fn describe_value(node: &Node) -> String {
    match &node.kind {
        Kind::Int(n) => n.to_string(),
        Kind::Str(s) => format!("\"{s}\""),
        other => kind_said(other),
    }
}

/// What a value is (a string, a list…), in the current language: [`Kind::describe`] as
/// said to a person.
pub fn kind_said(kind: &Kind) -> String {
    kind_said_in(crate::i18n::current(), kind)
}

/// [`kind_said`] in `locale`.
pub fn kind_said_in(locale: Locale, kind: &Kind) -> String {
    match kind {
        Kind::Null => t_in!(locale, "ws-value-null"),
        Kind::Bool(_) => t_in!(locale, "ws-value-bool"),
        Kind::Int(_) => t_in!(locale, "ws-value-int"),
        Kind::BigInt(_) => t_in!(locale, "ws-value-big-int"),
        Kind::Float(_) => t_in!(locale, "ws-value-float"),
        Kind::Str(_) => t_in!(locale, "ws-value-string"),
        Kind::Datetime(_) => t_in!(locale, "ws-value-datetime"),
        Kind::Seq(_) => t_in!(locale, "ws-value-list"),
        Kind::Map(_) => t_in!(locale, "ws-value-table"),
    }
}

/// What a record or a set of words is (the `what` of [`record!`] and [`keywords!`]: "the
/// travel log", "request channel"), in the current language. A file name or a section
/// (`svc.toml`, `[company]`) is said as it is written.
pub fn what_said(what: &str) -> String {
    what_said_in(crate::i18n::current(), what)
}

/// [`what_said`] in `locale`.
pub fn what_said_in(locale: Locale, what: &str) -> String {
    match what {
        "an approval" => t_in!(locale, "ws-form-approval"),
        "what an approval covers" => t_in!(locale, "ws-form-approval-covers"),
        "a rejection" => t_in!(locale, "ws-form-rejection"),
        "a check-in" => t_in!(locale, "ws-form-checkin"),
        "a re-assignment" => t_in!(locale, "ws-form-reassignment"),
        "a hold" => t_in!(locale, "ws-form-hold"),
        "the timeline" => t_in!(locale, "ws-form-timeline"),
        "a person" => t_in!(locale, "ws-form-person"),
        "a contact" => t_in!(locale, "ws-form-customer-contact"),
        "a site" => t_in!(locale, "ws-form-site"),
        "a product" => t_in!(locale, "ws-form-product"),
        "an agreement" => t_in!(locale, "ws-form-agreement"),
        "a customer file" => t_in!(locale, "ws-form-customer"),
        "a part" => t_in!(locale, "ws-form-part"),
        "a rate" => t_in!(locale, "ws-form-rate"),
        "a fee item" => t_in!(locale, "ws-form-fee-item"),
        "the signature" => t_in!(locale, "ws-form-signature"),
        "the payment" => t_in!(locale, "ws-form-payment"),
        "the fee list" => t_in!(locale, "ws-form-fee-list"),
        "the contact" => t_in!(locale, "ws-form-contact"),
        "the request" => t_in!(locale, "ws-form-request"),
        "the summary" => t_in!(locale, "ws-form-summary"),
        "a helper" => t_in!(locale, "ws-form-helper"),
        "a planned leg" => t_in!(locale, "ws-form-planned-leg"),
        "a part to bring" => t_in!(locale, "ws-form-part-to-bring"),
        "the advance" => t_in!(locale, "ws-form-advance"),
        "the task sheet" => t_in!(locale, "ws-form-task-sheet"),
        "a leg" => t_in!(locale, "ws-form-leg"),
        "a day" => t_in!(locale, "ws-form-day"),
        "an expense" => t_in!(locale, "ws-form-expense"),
        "the advance received" => t_in!(locale, "ws-form-advance-received"),
        "the travel log" => t_in!(locale, "ws-form-travel-log"),
        "a replaced part" => t_in!(locale, "ws-form-replaced-part"),
        "the confirmation" => t_in!(locale, "ws-form-confirmation"),
        "the visit record" => t_in!(locale, "ws-form-visit"),
        "a holiday" => t_in!(locale, "ws-form-holiday"),
        "a make-up working day" => t_in!(locale, "ws-form-make-up-day"),
        "state" => t_in!(locale, "ws-word-state"),
        "approval kind" => t_in!(locale, "ws-word-approval-kind"),
        "role" => t_in!(locale, "ws-word-role"),
        "review mode" => t_in!(locale, "ws-word-review-mode"),
        "forge" => t_in!(locale, "ws-word-forge"),
        "paper" => t_in!(locale, "ws-word-paper"),
        "response targets" => t_in!(locale, "ws-form-targets"),
        "hours" => t_in!(locale, "ws-word-hours"),
        "priority" => t_in!(locale, "ws-word-priority"),
        "rate kind" => t_in!(locale, "ws-word-rate-kind"),
        "payment method" => t_in!(locale, "ws-word-payment-method"),
        "mode of transport" => t_in!(locale, "ws-word-transport"),
        "check-in channel" => t_in!(locale, "ws-word-checkin-channel"),
        "request channel" => t_in!(locale, "ws-word-request-channel"),
        "outcome" => t_in!(locale, "ws-word-outcome"),
        "fault category" => t_in!(locale, "ws-word-fault-category"),
        "expense category" => t_in!(locale, "ws-word-expense-category"),
        "cause" => t_in!(locale, "ws-word-cause"),
        _ => what.to_owned(),
    }
}

/// An amount of money in minor units (fen), written as a decimal string such as `"180.00"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(pub i64);

impl Money {
    /// Parse a decimal string with at most two decimals.
    pub fn parse(text: &str) -> Result<Money, String> {
        if text.trim() != text || text.contains(char::is_whitespace) {
            return Err(t!("ws-schema-money-spaces", text = text));
        }
        let t = text;
        let (neg, t) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
        if whole.is_empty()
            || !whole.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(t!("ws-schema-money-not-amount", text = text));
        }
        if frac.len() > 2 {
            return Err(t!("ws-schema-money-decimals", text = text));
        }
        if t.ends_with('.') {
            return Err(t!("ws-schema-money-decimal-point", text = text));
        }
        let whole: i64 = whole
            .parse()
            .map_err(|_| t!("ws-schema-money-too-large", text = text))?;
        let frac: i64 = format!("{frac:0<2}").parse().unwrap_or(0);
        let fen = whole
            .checked_mul(100)
            .and_then(|w| w.checked_add(frac))
            .ok_or_else(|| t!("ws-schema-money-too-large", text = text))?;
        Ok(Money(if neg { -fen } else { fen }))
    }
}

impl std::fmt::Display for Money {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, other: Money) -> Money {
        Money(self.0.saturating_add(other.0))
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money(0), |a, b| a + b)
    }
}

impl serde::Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// How money is written.
fn money_hint() -> Option<String> {
    Some(t!("ws-schema-money-hint"))
}

impl Decode for Money {
    fn decode(node: &Node, d: &mut Decoder) -> Option<Self> {
        match &node.kind {
            Kind::Str(s) => match Money::parse(s) {
                Ok(m) if m.0 < 0 => {
                    d.problem(
                        node.span,
                        t!("ws-schema-money-negative", amount = s),
                        Some(t!("ws-schema-money-negative-hint")),
                    );
                    None
                }
                Ok(m) => Some(m),
                Err(e) => {
                    d.problem(node.span, e, money_hint());
                    None
                }
            },
            Kind::Float(_) | Kind::Int(_) | Kind::BigInt(_) => {
                d.problem(
                    node.span,
                    t!("ws-schema-money-number", found = kind_said(&node.kind)),
                    money_hint(),
                );
                None
            }
            _ => {
                d.expected(node, &t!("ws-schema-expect-money"), money_hint());
                None
            }
        }
    }
    fn schema() -> Value {
        json!({ "type": "string", "pattern": "^[0-9]+(\\.[0-9]{1,2})?$" })
    }
}

impl Decode for NaiveDate {
    fn decode(node: &Node, d: &mut Decoder) -> Option<Self> {
        let hint = Some(t!("ws-schema-date-hint"));
        let Some(text) = node.as_str() else {
            d.expected(node, &t!("ws-schema-expect-date"), hint);
            return None;
        };
        match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(date) => Some(date),
            Err(_) => {
                let message = if text.len() == 10 && text.as_bytes().get(4) == Some(&b'-') {
                    t!("ws-schema-date-not-in-calendar", date = text)
                } else {
                    t!("ws-schema-date-invalid", date = text)
                };
                d.problem(node.span, message, hint);
                None
            }
        }
    }
    fn schema() -> Value {
        json!({ "type": "string", "format": "date" })
    }
}

/// A moment with its UTC offset (RFC 3339), e.g. `2026-11-27T09:30:00+08:00`.
pub type Timestamp = DateTime<FixedOffset>;

impl Decode for Timestamp {
    fn decode(node: &Node, d: &mut Decoder) -> Option<Self> {
        let hint = Some(t!("ws-schema-time-hint"));
        let Some(text) = node.as_str() else {
            d.expected(node, &t!("ws-schema-expect-time"), hint);
            return None;
        };
        match DateTime::parse_from_rfc3339(text) {
            // chrono takes 23:59:60 as a leap second; no time svc records is one.
            Ok(t) if chrono::Timelike::nanosecond(&t) >= 1_000_000_000 => {
                d.problem(
                    node.span,
                    t!("ws-schema-time-leap-second", time = text),
                    Some(t!("ws-schema-time-leap-second-hint")),
                );
                None
            }
            Ok(t) => Some(t),
            Err(_) => {
                let message = if NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok() {
                    t!("ws-schema-time-no-time-of-day", time = text)
                } else if !text.ends_with('Z')
                    && text
                        .get(19..)
                        .is_some_and(|rest| !rest.contains(['+', '-']))
                {
                    t!("ws-schema-time-no-offset", time = text)
                } else {
                    t!("ws-schema-time-invalid", time = text)
                };
                d.problem(node.span, message, hint);
                None
            }
        }
    }
    fn schema() -> Value {
        json!({ "type": "string", "format": "date-time" })
    }
}

/// The edit distance between two short words, a swap of neighbours counting as one edit
/// (for "did you mean").
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(dist, c)| {
            *dist <= c.chars().count().div_ceil(3) || (word.len() > 3 && c.contains(word))
        })
        .min_by_key(|(dist, _)| *dist)
        .map(|(_, c)| c)
}

/// A key a form (`what`) no longer has: where what it held is kept now.
fn retired(what: &str, key: &str) -> Option<String> {
    match (what, key) {
        ("the travel log", "checkins") => Some(t!("ws-schema-retired-checkins-hint")),
        _ => None,
    }
}

/// Record an unknown key with the closest known one.
pub fn unknown_key(d: &mut Decoder, key: &str, span: Span, what: &str, known: &[&str]) {
    if let Some(hint) = retired(what, key) {
        d.problem(
            span,
            t!("ws-schema-retired-key", key = key, what = what_said(what)),
            Some(hint),
        );
        return;
    }
    let hint = match did_you_mean(key, known.iter().copied()) {
        Some(close) => t!("ws-did-you-mean", close = close),
        None => t!(
            "ws-schema-unknown-key-hint",
            what = what_said(what),
            keys = known.join(", ")
        ),
    };
    d.problem(
        span,
        t!("ws-schema-unknown-key", key = key, what = what_said(what)),
        Some(hint),
    );
}

/// The entries of a table, or a problem.
pub fn expect_table<'n>(
    node: &'n Node,
    d: &mut Decoder,
    what: &str,
) -> Option<&'n [crate::forms::node::Entry]> {
    match &node.kind {
        Kind::Map(entries) => Some(entries),
        Kind::Null if node.span == Span::default() => Some(&[]),
        _ => {
            d.expected(
                node,
                &t!("ws-schema-expect-table", what = what_said(what)),
                None,
            );
            None
        }
    }
}

/// Declare a record: a struct, its decoder and its JSON Schema, from one list of fields.
///
/// Each field has exactly one doc line, `中文 · English`, used as its description in the
/// schema and in scaffolded forms. Every struct gets a `span` field: where it is written.
#[macro_export]
macro_rules! record {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident ($what:literal) {
            $(
                #[doc = $fdoc:literal]
                pub $field:ident : $ty:ty,
            )*
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize)]
        pub struct $name {
            $(
                #[doc = $fdoc]
                pub $field: $ty,
            )*
            /// Where the record is written.
            #[serde(skip)]
            pub span: $crate::forms::source::Span,
        }

        impl $name {
            /// The keys of the record, in declaration order.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($field)),*];
            /// Each key with its bilingual description.
            pub const FIELDS: &'static [(&'static str, &'static str)] = &[$((stringify!($field), $fdoc.trim_ascii())),*];
            /// What the record is, for messages.
            pub const WHAT: &'static str = $what;
        }

        impl $crate::forms::decode::Decode for $name {
            #[allow(non_snake_case)]
            fn decode(node: &$crate::forms::node::Node, d: &mut $crate::forms::decode::Decoder) -> Option<Self> {
                let entries = $crate::forms::decode::expect_table(node, d, $what)?;
                $( let mut $field: Option<Option<$ty>> = None; )*
                for entry in entries {
                    let key = entry.key.as_str();
                    $(
                        if key == stringify!($field) {
                            $field = Some(<$ty as $crate::forms::decode::Decode>::decode(&entry.value, d));
                            continue;
                        }
                    )*
                    $crate::forms::decode::unknown_key(d, key, entry.key_span, $what, Self::KEYS);
                }
                let mut complete = true;
                $(
                    let $field = match $field {
                        Some(Some(v)) => Some(v),
                        Some(None) => { complete = false; None }
                        None => match <$ty as $crate::forms::decode::Decode>::absent() {
                            Some(v) => Some(v),
                            None => {
                                complete = false;
                                // Point at where the table starts, not at all of it.
                                d.problem(
                                    $crate::forms::source::Span { start: node.span.start, end: node.span.start },
                                    $crate::t!(
                                        "ws-schema-missing-key",
                                        key = stringify!($field),
                                        what = $crate::forms::decode::what_said($what)
                                    ),
                                    Some($crate::t!(
                                        "ws-schema-missing-key-hint",
                                        key = stringify!($field),
                                        description = $fdoc.trim_ascii()
                                    )),
                                );
                                None
                            }
                        },
                    };
                )*
                if !complete {
                    return None;
                }
                Some($name {
                    $( $field: $field?, )*
                    span: node.span,
                })
            }

            fn schema() -> serde_json::Value {
                let mut properties = serde_json::Map::new();
                let mut required: Vec<&str> = Vec::new();
                $(
                    let mut property = <$ty as $crate::forms::decode::Decode>::schema();
                    if let Some(obj) = property.as_object_mut() {
                        obj.insert("description".into(), serde_json::Value::from($fdoc.trim_ascii()));
                    }
                    properties.insert(stringify!($field).into(), property);
                    if <$ty as $crate::forms::decode::Decode>::absent().is_none() {
                        required.push(stringify!($field));
                    }
                )*
                serde_json::json!({
                    "type": "object",
                    "description": $what,
                    "properties": properties,
                    "required": required,
                    "additionalProperties": false,
                })
            }
        }
    };
}

/// Declare a closed set of words (a channel, a cause, a role), written as kebab-case strings.
#[macro_export]
macro_rules! keywords {
    (
        $(#[doc = $doc:literal])*
        pub enum $name:ident ($what:literal) {
            $(
                #[doc = $vdoc:literal]
                $variant:ident = $text:literal,
            )*
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $(
                #[doc = $vdoc]
                $variant,
            )*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
            /// Every spelling, in declaration order.
            pub const WORDS: &'static [&'static str] = &[$($text),*];

            /// The word as written in forms.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),* }
            }

            /// The bilingual description of the value.
            pub fn describe(self) -> &'static str {
                match self { $($name::$variant => $vdoc.trim_ascii()),* }
            }

            /// The value a word stands for.
            pub fn parse(word: &str) -> Option<$name> {
                match word { $($text => Some($name::$variant),)* _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                $name::parse(s).ok_or_else(|| $crate::t!(
                    "ws-arg-unknown-keyword",
                    what = $crate::forms::decode::what_said($what),
                    value = s,
                    words = Self::WORDS.join(", ")
                ))
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl $crate::forms::decode::Decode for $name {
            fn decode(node: &$crate::forms::node::Node, d: &mut $crate::forms::decode::Decoder) -> Option<Self> {
                let Some(text) = node.as_str() else {
                    d.expected(
                        node,
                        &$crate::forms::decode::what_said($what),
                        Some($crate::t!("ws-schema-keyword-choices", words = Self::WORDS.join(", "))),
                    );
                    return None;
                };
                if let Some(v) = $name::parse(text) {
                    return Some(v);
                }
                let words = Self::WORDS.join(", ");
                let hint = match $crate::forms::decode::did_you_mean(text, Self::WORDS.iter().copied()) {
                    Some(close) => $crate::t!("ws-schema-unknown-keyword-hint", close = close, words = &words),
                    None => $crate::t!("ws-schema-keyword-choices", words = &words),
                };
                d.problem(
                    node.span,
                    $crate::t!(
                        "ws-schema-unknown-keyword",
                        what = $crate::forms::decode::what_said($what),
                        value = text
                    ),
                    Some(hint),
                );
                None
            }

            fn schema() -> serde_json::Value {
                serde_json::json!({ "type": "string", "enum": Self::WORDS })
            }
        }
    };
}

#[cfg(test)]
#[allow(dead_code)]
mod tests {
    use super::*;
    use crate::forms::node::parse_toml;

    keywords! {
        /// A test word set.
        pub enum Color ("color") {
            /// 红 · red
            Red = "red",
            /// 蓝 · blue
            Blue = "blue",
        }
    }

    record! {
        /// A test record.
        pub struct Thing ("a thing") {
            /// 名称 · name
            pub name: String,
            /// 金额 · amount
            pub amount: Money,
            /// 颜色 · color
            pub color: Option<Color>,
            /// 日期 · dates
            pub dates: Vec<NaiveDate>,
        }
    }

    fn problems(text: &str) -> Vec<String> {
        let node = parse_toml(text).unwrap();
        match decode_root::<Thing>(&node) {
            Ok(_) => vec![],
            Err(ps) => ps
                .into_iter()
                .map(|p| format!("{} | {}", p.message, p.hint.unwrap_or_default()))
                .collect(),
        }
    }

    #[test]
    fn money_is_exact() {
        assert_eq!(Money::parse("180.00"), Ok(Money(18000)));
        assert_eq!(Money::parse("180.5"), Ok(Money(18050)));
        assert_eq!(Money::parse("7"), Ok(Money(700)));
        assert!(Money::parse("1.234").unwrap_err().contains("two decimals"));
        assert!(Money::parse("1,000").is_err());
        assert!(Money::parse("1.").is_err());
        assert_eq!(Money(123456).to_string(), "1234.56");
    }

    #[test]
    fn a_good_record_decodes() {
        let node =
            parse_toml("name = \"x\"\namount = \"1.50\"\ncolor = \"red\"\ndates = [2026-11-01]\n")
                .unwrap();
        let t: Thing = decode_root(&node).unwrap();
        assert_eq!(t.amount, Money(150));
        assert_eq!(t.color, Some(Color::Red));
        assert_eq!(t.dates.len(), 1);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let found =
            problems("nmae = \"x\"\namount = 1.5\ncolor = \"rde\"\ndates = [\"2026-02-30\"]\n");
        assert!(
            found
                .iter()
                .any(|p| p.starts_with("unknown key `nmae`") && p.contains("did you mean `name`")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|p| p.contains("money written as a number")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|p| p.contains("unknown color \"rde\"") && p.contains("did you mean \"red\"")),
            "{found:?}"
        );
        assert!(
            found.iter().any(|p| p.starts_with("missing key `name`")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|p| p.contains("2026-02-30 is not a day of the calendar")),
            "{found:?}"
        );
    }

    #[test]
    fn values_are_described_in_english_as_the_tree_describes_them() {
        let kinds = [
            Kind::Null,
            Kind::Bool(true),
            Kind::Int(1),
            Kind::BigInt("1".repeat(30)),
            Kind::Float(1.5),
            Kind::Str(String::new()),
            Kind::Datetime(String::new()),
            Kind::Seq(Vec::new()),
            Kind::Map(Vec::new()),
        ];
        for kind in kinds {
            assert_eq!(kind_said_in(Locale::En, &kind), kind.describe());
            assert_ne!(kind_said_in(Locale::ZhCn, &kind), kind.describe());
        }
    }

    /// Every record and word set the forms declare (`pub struct Name ("what")`, `pub enum
    /// Name ("what")`) is said in English as declared, and in Chinese in Chinese unless it is
    /// a file name or a section (`svc.toml`, `[company]`).
    #[test]
    fn every_form_is_named_in_both_languages() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/forms");
        let mut found = 0;
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.ends_with("decode.rs") || path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for line in text.lines() {
                let line = line.trim();
                if !(line.starts_with("pub struct ") || line.starts_with("pub enum ")) {
                    continue;
                }
                let Some((_, rest)) = line.split_once("(\"") else {
                    continue;
                };
                let Some((what, _)) = rest.split_once("\")") else {
                    continue;
                };
                found += 1;
                assert_eq!(what_said_in(Locale::En, what), what, "{}", path.display());
                let file_like = what.contains('.') || what.starts_with('[');
                assert!(
                    file_like || what_said_in(Locale::ZhCn, what) != what,
                    "{}: \"{what}\" has no Chinese name in what_said_in",
                    path.display()
                );
            }
        }
        assert!(found > 40, "{found} forms found");
        assert_eq!(
            what_said_in(Locale::ZhCn, "what an approval covers"),
            crate::t_in!(Locale::ZhCn, "ws-form-approval-covers")
        );
    }

    #[test]
    fn schema_lists_required_keys() {
        let schema = Thing::schema();
        assert_eq!(schema["required"], json!(["name", "amount"]));
        assert_eq!(schema["additionalProperties"], json!(false));
        assert_eq!(
            schema["properties"]["color"]["enum"],
            json!(["red", "blue"])
        );
    }
}
