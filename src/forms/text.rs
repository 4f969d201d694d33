//! Text from users as a terminal must never see it raw: control characters (ESC, BEL, CR…)
//! and the invisible ones (zero-width spaces, bidirectional overrides) that make text read
//! differently from what it is. [`visible`] shows them escaped, as git quotes odd paths;
//! [`hidden_char`] finds the first one, for inputs that refuse them.

use std::borrow::Cow;

/// Whether a character is a control or an invisible formatting character: C0 and C1
/// controls, DEL, the line and paragraph separators, and Unicode's format characters
/// (zero-width spaces and joiners, bidirectional embeddings, overrides and isolates, the
/// byte-order mark, invisible operators, tags).
pub fn is_hidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{ad}'
        | '\u{600}'..='\u{605}'
        | '\u{61c}'
        | '\u{6dd}'
        | '\u{70f}'
        | '\u{890}'..='\u{891}'
        | '\u{8e2}'
        | '\u{180e}'
        | '\u{200b}'..='\u{200f}'
        | '\u{2028}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206f}'
        | '\u{feff}'
        | '\u{fff9}'..='\u{fffb}'
        | '\u{110bd}'
        | '\u{110cd}'
        | '\u{13430}'..='\u{1343f}'
        | '\u{1bca0}'..='\u{1bca3}'
        | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0001}'
        | '\u{e0020}'..='\u{e007f}'
    )
}

/// How a hidden character is shown: `\t`, `\r`, `\n`, or `\u{1b}`.
pub fn escape_char(c: char) -> String {
    match c {
        '\t' => "\\t".to_string(),
        '\r' => "\\r".to_string(),
        '\n' => "\\n".to_string(),
        c => format!("\\u{{{:x}}}", u32::from(c)),
    }
}

/// `text` with every hidden character shown escaped, line breaks included (for one-line
/// places: a table cell, a name, a path).
pub fn visible(text: &str) -> Cow<'_, str> {
    escape_where(text, is_hidden)
}

/// `text` with every hidden character but the line break shown escaped (for text that
/// spans lines: a note, a message).
pub fn visible_lines(text: &str) -> Cow<'_, str> {
    escape_where(text, |c| c != '\n' && is_hidden(c))
}

fn escape_where(text: &str, hide: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&hide) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hide(c) {
            out.push_str(&escape_char(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A document (Markdown, CSV, plain text) with every hidden character shown escaped but
/// the line breaks (LF, and CR before LF) and tabs that lay it out.
pub fn visible_document(text: &str) -> Cow<'_, str> {
    let hidden = |c: char, next: Option<char>| match c {
        '\n' | '\t' => false,
        '\r' => next != Some('\n'),
        c => is_hidden(c),
    };
    let mut chars = text.chars().peekable();
    let mut clean = true;
    while let Some(c) = chars.next() {
        if hidden(c, chars.peek().copied()) {
            clean = false;
            break;
        }
    }
    if clean {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if hidden(c, chars.peek().copied()) {
            out.push_str(&escape_char(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The first hidden character of `text` other than a line break or a tab, if any: what a
/// note or a reason may not hold.
pub fn hidden_char(text: &str) -> Option<char> {
    text.chars()
        .find(|&c| c != '\n' && c != '\t' && is_hidden(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_invisibles_are_escaped() {
        assert_eq!(visible("plain 中文"), "plain 中文");
        assert!(matches!(visible("plain"), Cow::Borrowed(_)));
        assert_eq!(visible("a\u{1b}[31mred"), "a\\u{1b}[31mred");
        assert_eq!(visible("bell\u{7}"), "bell\\u{7}");
        assert_eq!(visible("x\ry"), "x\\ry");
        assert_eq!(visible("two\nlines"), "two\\nlines");
        assert_eq!(visible_lines("two\nlines\u{202e}"), "two\nlines\\u{202e}");
        assert_eq!(visible("zero\u{200b}width"), "zero\\u{200b}width");
        assert_eq!(visible("\u{9b}csi"), "\\u{9b}csi");
        assert_eq!(visible("bom\u{feff}"), "bom\\u{feff}");
    }

    #[test]
    fn a_document_keeps_its_layout() {
        assert_eq!(visible_document("a\tb\r\nc\n"), "a\tb\r\nc\n");
        assert_eq!(visible_document("x\ry\u{1b}"), "x\\ry\\u{1b}");
    }

    #[test]
    fn the_first_hidden_character_is_found() {
        assert_eq!(hidden_char("ok\nand\ttab"), None);
        assert_eq!(hidden_char("esc\u{1b}"), Some('\u{1b}'));
        assert_eq!(hidden_char("rtl \u{2067}x"), Some('\u{2067}'));
        assert_eq!(hidden_char("cr\r\n"), Some('\r'));
    }
}
