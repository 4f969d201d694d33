//! One tree for TOML and YAML.
//!
//! Forms may be written in either language; both parse into the same [`Node`] tree, every
//! value and key carrying its [`Span`], so that decoding and the rules never care which
//! language a person chose. YAML is parsed with tight limits (aliases, depth, node count):
//! a form is a page of text, and anything that expands beyond that is refused.

use crate::forms::source::{SourceFile, Span};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// A parsed value with its place in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Where the value is written.
    pub span: Span,
    /// The value.
    pub kind: Kind,
}

/// The value of a [`Node`].
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// YAML `~` or an empty value.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A whole number too large for 64 bits, as written.
    BigInt(String),
    /// A floating-point number (never accepted for money).
    Float(f64),
    /// A string.
    Str(String),
    /// A TOML date, time or date-time literal, as written.
    Datetime(String),
    /// An array / sequence.
    Seq(Vec<Node>),
    /// A table / mapping, in document order.
    Map(Vec<Entry>),
}

/// One key of a table with its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The key.
    pub key: String,
    /// Where the key is written.
    pub key_span: Span,
    /// The value.
    pub value: Node,
}

impl Kind {
    /// What the value is, in the words of an error message.
    pub fn describe(&self) -> &'static str {
        match self {
            Kind::Null => "an empty value",
            Kind::Bool(_) => "a boolean",
            Kind::Int(_) => "an integer",
            Kind::BigInt(_) => "a whole number too large to read (more than 64 bits)",
            Kind::Float(_) => "a floating-point number",
            Kind::Str(_) => "a string",
            Kind::Datetime(_) => "a date-time",
            Kind::Seq(_) => "a list",
            Kind::Map(_) => "a table",
        }
    }
}

impl Node {
    /// The entry for `key`, when this node is a table that has it.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            Kind::Map(entries) => entries.iter().find(|e| e.key == key).map(|e| &e.value),
            _ => None,
        }
    }

    /// The string value, when this node is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::Str(s) | Kind::Datetime(s) => Some(s),
            _ => None,
        }
    }
}

/// A file that is not well-formed TOML or YAML.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    /// Where the parser stopped.
    pub span: Span,
    /// What the parser said.
    pub message: String,
}

/// The language of a form file, decided by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// `.toml`
    Toml,
    /// `.yaml` or `.yml`
    Yaml,
}

impl Syntax {
    /// The language of a file name, if it is one svc reads.
    pub fn of(path: &std::path::Path) -> Option<Syntax> {
        match path.extension()?.to_str()? {
            "toml" => Some(Syntax::Toml),
            "yaml" | "yml" => Some(Syntax::Yaml),
            _ => None,
        }
    }
}

/// Parse a file in its language; all syntax errors the parser can recover from are returned.
pub fn parse(file: &SourceFile, syntax: Syntax) -> Result<Node, Vec<SyntaxError>> {
    match syntax {
        Syntax::Toml => parse_toml(&file.text),
        Syntax::Yaml => parse_yaml(file).map_err(|e| vec![e]),
    }
}

/// Parse TOML text.
pub fn parse_toml(text: &str) -> Result<Node, Vec<SyntaxError>> {
    let (table, errors) = toml::de::DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        let mut errors: Vec<SyntaxError> = errors
            .into_iter()
            .map(|e| {
                let range = e.span().unwrap_or(0..0);
                SyntaxError {
                    span: Span::new(range.start, range.end),
                    message: e.message().trim().to_string(),
                }
            })
            .collect();
        // An array or inline table left open swallows the lines after it, and the parser
        // reports where it gave up; point at the bracket instead, without the cascade.
        if let Some((at, bracket)) = unclosed_toml_bracket(text) {
            errors.retain(|e| (e.span.start as usize) < at);
            errors.push(SyntaxError {
                span: Span::new(at, at + 1),
                message: format!("`{bracket}` is never closed"),
            });
        }
        return Err(errors);
    }
    let span = table.span();
    Ok(Node {
        span: Span::new(span.start, span.end),
        kind: toml_table(table.into_inner()),
    })
}

fn toml_table(table: toml::de::DeTable<'_>) -> Kind {
    Kind::Map(
        table
            .into_iter()
            .map(|(key, value)| {
                let ks = key.span();
                Entry {
                    key: key.into_inner().into_owned(),
                    key_span: Span::new(ks.start, ks.end),
                    value: toml_node(value),
                }
            })
            .collect(),
    )
}

fn toml_node(value: toml::Spanned<toml::de::DeValue<'_>>) -> Node {
    use toml::de::DeValue;
    let range = value.span();
    let span = Span::new(range.start, range.end);
    let kind = match value.into_inner() {
        DeValue::String(s) => Kind::Str(s.into_owned()),
        DeValue::Integer(i) => match i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()) {
            Ok(n) => Kind::Int(n),
            Err(_) => Kind::BigInt(i.as_str().replace('_', "")),
        },
        DeValue::Float(f) => Kind::Float(f.as_str().replace('_', "").parse().unwrap_or(f64::NAN)),
        DeValue::Boolean(b) => Kind::Bool(b),
        DeValue::Datetime(d) => Kind::Datetime(d.to_string()),
        DeValue::Array(items) => Kind::Seq(items.into_iter().map(toml_node).collect()),
        DeValue::Table(t) => toml_table(t),
    };
    Node { span, kind }
}

/// The `[` or `{` of a TOML value still open when a later line starts a new key or table.
fn unclosed_toml_bracket(text: &str) -> Option<(usize, char)> {
    let mut open: Vec<(usize, char)> = Vec::new();
    let mut offset = 0;
    let mut multiline: Option<&str> = None;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if multiline.is_none() && !open.is_empty() {
            let key_start = trimmed.split_once('=').is_some_and(|(k, _)| {
                let k = k.trim();
                !k.is_empty()
                    && k.chars()
                        .all(|c| c.is_alphanumeric() || "_-.\"' ".contains(c))
            });
            let header = trimmed.starts_with('[')
                && trimmed[1..]
                    .trim_start_matches('[')
                    .starts_with(|c: char| c.is_alphabetic());
            if key_start || header {
                return open.first().copied();
            }
        }
        if multiline.is_none() && open.is_empty() && trimmed.starts_with('[') {
            offset += line.len();
            continue;
        }
        let bytes = line.as_bytes();
        let mut i = indent;
        while i < bytes.len() {
            if let Some(close) = multiline {
                if bytes[i..].starts_with(close.as_bytes()) {
                    multiline = None;
                    i += 3;
                } else {
                    i += 1;
                }
                continue;
            }
            match bytes[i] {
                b'#' => break,
                b'"' | b'\'' => {
                    let quote = bytes[i];
                    let triple = if quote == b'"' { "\"\"\"" } else { "'''" };
                    if bytes[i..].starts_with(triple.as_bytes()) {
                        multiline = Some(triple);
                        i += 3;
                        continue;
                    }
                    i += 1;
                    while i < bytes.len() && bytes[i] != quote && bytes[i] != b'\n' {
                        if quote == b'"' && bytes[i] == b'\\' {
                            i += 1;
                        }
                        i += 1;
                    }
                    i += 1;
                }
                b'[' | b'{' => {
                    open.push((offset + i, bytes[i] as char));
                    i += 1;
                }
                b']' | b'}' => {
                    open.pop();
                    i += 1;
                }
                _ => i += 1,
            }
        }
        offset += line.len();
    }
    None
}

/// A line up to `last_line` (1-based) indented with a tab, which YAML forbids.
fn yaml_tab_indent(text: &str, last_line: usize) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n').take(last_line) {
        let indent: &str = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
        if let Some(tab) = indent.find('\t')
            && !line.trim().is_empty()
        {
            return Some(offset + tab);
        }
        offset += line.len();
    }
    None
}

/// A double quote opened and not closed on its line, up to `last_line`.
fn yaml_unclosed_quote(text: &str, last_line: usize) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n').take(last_line) {
        let mut open: Option<usize> = None;
        let mut single = false;
        let bytes = line.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'#' if open.is_none() && !single && (i == 0 || bytes[i - 1] == b' ') => break,
                b'\'' if open.is_none() => single = !single,
                b'\\' if open.is_some() => i += 1,
                b'"' if !single => open = if open.is_some() { None } else { Some(i) },
                _ => {}
            }
            i += 1;
        }
        if let Some(at) = open {
            return Some(offset + at);
        }
        offset += line.len();
    }
    None
}

/// The limits a YAML form must stay within: forms are a page or two of text.
fn yaml_options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_aliases = 100;
    budget.max_anchors = 100;
    budget.max_depth = 32;
    budget.max_nodes = 20_000;
    budget.max_documents = 1;
    budget.max_total_scalar_bytes = 2 << 20;
    budget.max_events = 50_000;
    budget.max_recorded_anchor_events = 10_000;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options
}

/// Parse YAML text (one document; an empty file is an empty table).
pub fn parse_yaml(file: &SourceFile) -> Result<Node, SyntaxError> {
    let text = &file.text;
    if text.trim().is_empty() {
        return Ok(Node {
            span: Span::default(),
            kind: Kind::Null,
        });
    }
    let parsed: Result<serde_saphyr::Spanned<YamlNode>, _> =
        serde_saphyr::from_str_with_options(text, yaml_options());
    match parsed {
        Ok(root) => Ok(yaml_node(file, root)),
        Err(err) => {
            let line = err.location().map_or(0, |l| l.line() as usize);
            let span = err
                .location()
                .filter(|l| l.line() > 0)
                .map(|l| {
                    let at = file.offset(l.line() as u32, l.column() as u32);
                    Span::new(at as usize, at as usize)
                })
                .unwrap_or_default();
            let message = yaml_message(&err);
            // The parser often notices a tab or an open quote lines later; point at the cause.
            if let Some(at) = yaml_tab_indent(text, line + 1) {
                return Err(SyntaxError {
                    span: Span::new(at, at + 1),
                    message: "a tab indents this line; YAML indents with spaces only".into(),
                });
            }
            if message.contains("quote")
                && let Some(at) = yaml_unclosed_quote(text, line)
            {
                return Err(SyntaxError {
                    span: Span::new(at, at + 1),
                    message: "this double quote is never closed on its line".into(),
                });
            }
            Err(SyntaxError { span, message })
        }
    }
}

/// The parser's message without its own position prefix and snippet (svc adds both).
fn yaml_message(err: &serde_saphyr::Error) -> String {
    let plain = err.without_snippet().to_string();
    let first = plain.lines().next().unwrap_or_default().trim();
    let first = first.strip_prefix("error:").unwrap_or(first).trim();
    let message = match first.strip_prefix("line ") {
        Some(rest) => rest.split_once(": ").map_or(rest, |(_, m)| m),
        None => first,
    };
    let message = message
        .split(", set DuplicateKeyPolicy")
        .next()
        .unwrap_or(message);
    let Some(breach) = message.strip_prefix("budget breached: ") else {
        return message.to_string();
    };
    let what = breach.split([' ', '{', '(']).next().unwrap_or_default();
    match what {
        "Documents" => "more than one YAML document (`---`): a form is one document".to_string(),
        "Aliases"
        | "Anchors"
        | "Nodes"
        | "Events"
        | "RecordedAnchorEvents"
        | "RecordedAnchorBytes" => {
            "the YAML expands (aliases, anchors) far beyond what a form holds".to_string()
        }
        "Depth" => "the YAML nests deeper than any form".to_string(),
        _ => format!("the YAML is larger than a form can be ({what})"),
    }
}

fn yaml_node(file: &SourceFile, spanned: serde_saphyr::Spanned<YamlNode>) -> Node {
    let span = yaml_span(file, &spanned.referenced);
    let kind = match spanned.value {
        YamlNode::Null => Kind::Null,
        YamlNode::Bool(b) => Kind::Bool(b),
        YamlNode::Int(i) => Kind::Int(i),
        YamlNode::BigInt(i) => Kind::BigInt(i),
        YamlNode::Float(f) => Kind::Float(f),
        YamlNode::Str(s) => Kind::Str(s),
        YamlNode::Seq(items) => Kind::Seq(items.into_iter().map(|n| yaml_node(file, n)).collect()),
        YamlNode::Map(entries) => Kind::Map(
            entries
                .into_iter()
                .map(|(k, v)| Entry {
                    key_span: yaml_span(file, &k.referenced),
                    key: k.value.into_key(),
                    value: yaml_node(file, v),
                })
                .collect(),
        ),
    };
    Node { span, kind }
}

fn yaml_span(file: &SourceFile, loc: &serde_saphyr::Location) -> Span {
    if loc.line() == 0 {
        return Span::default();
    }
    let start = file.offset(loc.line() as u32, loc.column() as u32) as usize;
    let len = loc.span().byte_len().unwrap_or(0) as usize;
    Span::new(start, start + len)
}

/// YAML as serde-saphyr hands it over, before spans are made uniform.
enum YamlNode {
    Null,
    Bool(bool),
    Int(i64),
    BigInt(String),
    Float(f64),
    Str(String),
    Seq(Vec<serde_saphyr::Spanned<YamlNode>>),
    Map(
        Vec<(
            serde_saphyr::Spanned<YamlNode>,
            serde_saphyr::Spanned<YamlNode>,
        )>,
    ),
}

impl YamlNode {
    fn into_key(self) -> String {
        match self {
            YamlNode::Str(s) => s,
            YamlNode::Int(i) => i.to_string(),
            YamlNode::BigInt(i) => i,
            YamlNode::Bool(b) => b.to_string(),
            YamlNode::Float(f) => f.to_string(),
            YamlNode::Null => "~".to_string(),
            YamlNode::Seq(_) | YamlNode::Map(_) => "<complex key>".to_string(),
        }
    }
}

impl<'de> Deserialize<'de> for YamlNode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(YamlVisitor)
    }
}

struct YamlVisitor;

impl<'de> Visitor<'de> for YamlVisitor {
    type Value = YamlNode;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<YamlNode, E> {
        Ok(YamlNode::Null)
    }
    fn visit_none<E>(self) -> Result<YamlNode, E> {
        Ok(YamlNode::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<YamlNode, D::Error> {
        YamlNode::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<YamlNode, E> {
        Ok(YamlNode::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<YamlNode, E> {
        Ok(YamlNode::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<YamlNode, E> {
        Ok(i64::try_from(v).map_or(YamlNode::BigInt(v.to_string()), YamlNode::Int))
    }
    fn visit_i128<E>(self, v: i128) -> Result<YamlNode, E> {
        Ok(i64::try_from(v).map_or(YamlNode::BigInt(v.to_string()), YamlNode::Int))
    }
    fn visit_u128<E>(self, v: u128) -> Result<YamlNode, E> {
        Ok(i64::try_from(v).map_or(YamlNode::BigInt(v.to_string()), YamlNode::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<YamlNode, E> {
        Ok(YamlNode::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<YamlNode, E> {
        Ok(YamlNode::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<YamlNode, E> {
        Ok(YamlNode::Str(v))
    }
    fn visit_bytes<E>(self, v: &[u8]) -> Result<YamlNode, E> {
        Ok(YamlNode::Str(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<YamlNode, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(YamlNode::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<YamlNode, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key()? {
            entries.push((key, map.next_value()?));
        }
        Ok(YamlNode::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(text: &str) -> Result<Node, SyntaxError> {
        parse_yaml(&SourceFile::new("f.yaml", text.to_string()))
    }

    #[test]
    fn toml_and_yaml_give_the_same_tree_shape() {
        let t = parse_toml("a = 1\nb = \"x\"\nc = [true]\n").unwrap();
        let y = yaml("a: 1\nb: x\nc: [true]\n").unwrap();
        let strip = |n: &Node| match &n.kind {
            Kind::Map(es) => es
                .iter()
                .map(|e| (e.key.clone(), e.value.kind.clone()))
                .collect::<Vec<_>>(),
            _ => vec![],
        };
        let mut ty = strip(&t);
        let mut yy = strip(&y);
        for v in ty.iter_mut().chain(yy.iter_mut()) {
            if let Kind::Seq(items) = &mut v.1 {
                for i in items.iter_mut() {
                    i.span = Span::default();
                }
            }
        }
        assert_eq!(ty, yy);
    }

    #[test]
    fn spans_point_at_values() {
        let text = "a: 1\nname: 李娜\n";
        let f = SourceFile::new("f.yaml", text.to_string());
        let n = parse_yaml(&f).unwrap();
        let name = n.get("name").unwrap();
        assert_eq!(
            &text[name.span.start as usize..name.span.end as usize],
            "李娜"
        );
        let t = parse_toml("a = 1\nname = \"李娜\"\n").unwrap();
        let name = t.get("name").unwrap();
        assert_eq!(name.span.start, 13);
    }

    #[test]
    fn toml_reports_every_syntax_error() {
        let errors = parse_toml("a = \nb = 2\nc = [\n").unwrap_err();
        assert!(errors.len() >= 2, "{errors:?}");
    }

    #[test]
    fn yaml_alias_bomb_is_refused_quickly() {
        let mut text = String::from("a: &a [x,x,x,x,x,x,x,x,x]\n");
        for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
            .iter()
            .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
        {
            text.push_str(&format!("{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
        }
        let err = yaml(&text).unwrap_err();
        assert!(err.message.contains("expands"), "{}", err.message);
    }

    #[test]
    fn an_unclosed_toml_array_is_reported_where_it_opens() {
        let text = "a = 1\ntools = [\"x\"\nb = 2\n[t]\nc = 3\n";
        let errors = parse_toml(text).unwrap_err();
        let last = errors.last().unwrap();
        assert_eq!(
            last.span.start as usize,
            text.find('[').unwrap(),
            "{errors:?}"
        );
        assert!(last.message.contains("never closed"));
        assert!(
            errors
                .iter()
                .all(|e| e.span.start as usize <= text.find('[').unwrap()),
            "{errors:?}"
        );
        assert!(unclosed_toml_bracket("tasks = [\n  \"a\",\n  \"b\",\n]\nx = 1\n").is_none());
        assert!(unclosed_toml_bracket("s = \"[not a bracket\"\nx = 1\n").is_none());
    }

    #[test]
    fn yaml_tabs_and_open_quotes_are_found_on_their_own_line() {
        let err = yaml("a:\n  b: x\n\tc: y\n").unwrap_err();
        assert!(err.message.contains("tab"), "{err:?}");
        assert_eq!(err.span.start, 10);
        assert_eq!(
            yaml_unclosed_quote("a: \"ok\"\nb: \"open\nc: 'it''s'\n", 3),
            Some(11)
        );
    }

    #[test]
    fn yaml_duplicate_key_is_a_syntax_error_at_the_second_key() {
        let err = yaml("a: 1\na: 2\n").unwrap_err();
        assert!(err.message.contains("duplicate"), "{}", err.message);
        assert_eq!(err.span.start, 5);
    }
}
