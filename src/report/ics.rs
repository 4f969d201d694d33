//! iCalendar text (RFC 5545), written by hand: content lines ended by CRLF and folded at 75
//! octets without splitting a UTF-8 character, TEXT values escaped, dates and UTC times in
//! the forms the standard gives. The little svc needs of the format does not earn a
//! dependency; what it writes is checked against an independent parser in the tests.

use crate::forms::decode::Timestamp;
use chrono::NaiveDate;

/// The longest content line, in octets, before it is folded (RFC 5545 §3.1).
const LINE_OCTETS: usize = 75;

/// An iCalendar document being written, one content line at a time.
#[derive(Debug, Default)]
pub struct Writer {
    text: String,
}

impl Writer {
    /// An empty document.
    pub fn new() -> Writer {
        Writer::default()
    }

    /// A content line whose value is written as it is: `name` may carry parameters
    /// (`DTSTART;VALUE=DATE`), `value` must be one the standard reads as it stands (a date,
    /// a time, a keyword, a UID made of safe characters).
    pub fn raw(&mut self, name: &str, value: &str) {
        self.text.push_str(&fold(&format!("{name}:{value}")));
    }

    /// A content line with a TEXT value, escaped.
    pub fn text(&mut self, name: &str, value: &str) {
        self.raw(name, &escape(value));
    }

    /// A content line with a list of TEXT values (CATEGORIES), each escaped, separated by
    /// commas.
    pub fn texts(&mut self, name: &str, values: &[String]) {
        let escaped: Vec<String> = values.iter().map(|v| escape(v)).collect();
        self.raw(name, &escaped.join(","));
    }

    /// The document.
    pub fn finish(self) -> String {
        self.text
    }
}

/// A TEXT value escaped (RFC 5545 §3.3.11): backslash, semicolon and comma behind a
/// backslash, every line break as `\n`; other control characters, which TEXT cannot hold,
/// are left out.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded (RFC 5545 §3.1): no line longer than 75 octets, each continuation
/// starting with a space, every line ended by CRLF. A cut falls between characters, never
/// inside one, so Chinese text survives a reader that unfolds octet by octet.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 24 + 2);
    let mut rest = line;
    // The first line has all 75 octets; a continuation's leading space takes one of them.
    let mut room = LINE_OCTETS;
    while rest.len() > room {
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        room = LINE_OCTETS - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
    out
}

/// A DATE value: `20261124`.
pub fn date(day: NaiveDate) -> String {
    day.format("%Y%m%d").to_string()
}

/// A DATE-TIME value in UTC: `20261112T013000Z`.
pub fn utc(at: Timestamp) -> String {
    at.with_timezone(&chrono::Utc)
        .format("%Y%m%dT%H%M%SZ")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines of a folded text, without their CRLF.
    fn lines(text: &str) -> Vec<&str> {
        assert!(text.ends_with("\r\n"), "{text:?}");
        text.trim_end_matches("\r\n").split("\r\n").collect()
    }

    /// A folded text unfolded as a reader does it: each CRLF and the space after it removed.
    fn unfold(text: &str) -> String {
        text.replace("\r\n ", "")
            .trim_end_matches("\r\n")
            .to_owned()
    }

    #[test]
    fn text_escapes_backslash_semicolon_comma_and_line_breaks() {
        assert_eq!(escape("a\\b;c,d\ne\r\nf\rg"), "a\\\\b\\;c\\,d\\ne\\nf\\ng");
        // Control characters TEXT cannot hold are left out; a tab stays.
        assert_eq!(escape("a\u{7}b\tc\u{0}"), "ab\tc");
        assert_eq!(escape("广州天河；机房，6 层"), "广州天河；机房，6 层");
    }

    #[test]
    fn a_short_line_is_not_folded() {
        assert_eq!(fold("VERSION:2.0"), "VERSION:2.0\r\n");
        let exactly = format!("SUMMARY:{}", "a".repeat(75 - 8));
        assert_eq!(fold(&exactly), format!("{exactly}\r\n"));
    }

    #[test]
    fn a_long_ascii_line_is_folded_at_75_octets() {
        let line = format!("DESCRIPTION:{}", "x".repeat(200));
        let folded = fold(&line);
        let lines = lines(&folded);
        assert_eq!(lines[0].len(), 75);
        for l in &lines[1..] {
            assert!(l.starts_with(' ') && l.len() <= 75, "{l:?}");
        }
        assert_eq!(lines[1].len(), 75);
        assert_eq!(unfold(&folded), line);
    }

    #[test]
    fn chinese_is_folded_between_characters_never_inside_one() {
        // "SUMMARY:" is 8 octets and each character 3: the 75th octet falls inside the
        // 23rd character (octets 75 to 77), so the first line stops after the 22nd at 74.
        let line = format!("SUMMARY:{}", "出差广州天河机房".repeat(10));
        let folded = fold(&line);
        let lines = lines(&folded);
        assert_eq!(lines[0].len(), 8 + 22 * 3);
        for l in &lines {
            assert!(l.len() <= 75, "{l:?} is {} octets", l.len());
            // Each line is whole UTF-8 on its own (a str slice could not be otherwise, and
            // the cut is where a reader splits octets).
            assert!(std::str::from_utf8(l.as_bytes()).is_ok());
        }
        // A continuation: the space, then 24 characters (73 octets; a 25th would make 76).
        assert_eq!(lines[1].len(), 1 + 24 * 3);
        assert_eq!(unfold(&folded), line);
    }

    #[test]
    fn a_cut_on_a_character_boundary_takes_the_whole_75_octets() {
        // 9 octets of name, then 22 characters: 75 octets exactly, and one more character.
        let line = format!("LOCATION:{}", "机".repeat(23));
        let lines_of = fold(&line);
        let lines = lines(&lines_of);
        assert_eq!(lines[0].len(), 75);
        assert_eq!(lines[1], " 机");
    }

    #[test]
    fn escaped_text_folds_and_unfolds_back() {
        let value = "番禺汇聚机房;3 楼,B 区\\机柜\n".repeat(6);
        let mut w = Writer::new();
        w.text("LOCATION", &value);
        let doc = w.finish();
        assert!(lines(&doc).iter().all(|l| l.len() <= 75));
        assert_eq!(unfold(&doc), format!("LOCATION:{}", escape(&value)));
        assert!(unfold(&doc).contains("机房\\;3 楼\\,B 区\\\\机柜\\n"));
    }

    #[test]
    fn dates_and_times_in_the_forms_of_the_standard() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(date(day), "20261124");
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-12T09:30:00+08:00").unwrap();
        assert_eq!(utc(at), "20261112T013000Z");
    }

    #[test]
    fn categories_are_escaped_one_by_one() {
        let mut w = Writer::new();
        w.texts("CATEGORIES", &["出差".to_owned(), "a,b".to_owned()]);
        assert_eq!(w.finish(), "CATEGORIES:出差,a\\,b\r\n");
    }
}
