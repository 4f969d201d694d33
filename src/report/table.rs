//! Tables of typed cells, written as an Excel workbook (one sheet per table) or as CSV.
//!
//! A cell keeps its kind — text, a count, an amount of money, hours, a share, a date or a
//! moment — so that a workbook holds native numbers and dates (sums and filters work in
//! Excel) and CSV writes each kind the same way every time. Text is written as text: a
//! workbook stores it as a string cell, never a formula, and CSV defuses a cell that a
//! spreadsheet would take for one.

use crate::forms::decode::Money;
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text.
    Text(String),
    /// A whole number (a count, days).
    Int(i64),
    /// An amount of money.
    Money(Money),
    /// Hours, to one decimal.
    Hours(f64),
    /// A share between 0 and 1, shown as a percentage.
    Share(f64),
    /// A day.
    Date(NaiveDate),
    /// A moment, in the workspace's local time.
    Time(NaiveDateTime),
}

impl Cell {
    /// The cell for a reader (a printed page): money with two decimals, hours with one, a
    /// share as a percentage, dates and times as in the workbook.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Money(m) => m.to_string(),
            Cell::Hours(h) => format!("{h:.1}"),
            Cell::Share(s) => format!("{:.1}%", s * 100.0),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::Time(t) => t.format("%Y-%m-%d %H:%M").to_string(),
        }
    }

    /// Whether the cell is a number (aligned right on a page).
    pub fn is_number(&self) -> bool {
        matches!(
            self,
            Cell::Int(_) | Cell::Money(_) | Cell::Hours(_) | Cell::Share(_)
        )
    }

    /// Text, or nothing for `None`.
    pub fn text_opt(text: Option<&str>) -> Cell {
        text.map_or(Cell::Empty, |t| Cell::Text(t.to_owned()))
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::Text(text.to_owned())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::Text(text)
    }
}

impl From<usize> for Cell {
    fn from(n: usize) -> Cell {
        Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<i64> for Cell {
    fn from(n: i64) -> Cell {
        Cell::Int(n)
    }
}

impl From<u64> for Cell {
    fn from(n: u64) -> Cell {
        Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<Money> for Cell {
    fn from(m: Money) -> Cell {
        Cell::Money(m)
    }
}

/// A table: a header row and rows of cells, under a name (the sheet's, in a workbook).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The sheet's name (at most 31 characters; Excel's rule).
    pub name: String,
    /// The header row.
    pub header: Vec<String>,
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// An empty table named `name` with the header `header`
    pub fn new(name: &str, header: &[&str]) -> Table {
        Table {
            name: name.to_owned(),
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    /// Add a row
    pub fn row(&mut self, cells: Vec<Cell>) {
        self.rows.push(cells);
    }
}

/// A sheet name Excel accepts: none of `[]:*?/\`, at most 31 characters, not empty, and
/// unlike every name in `taken`.
fn sheet_name(name: &str, taken: &[String]) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .collect();
    let clean = clean.trim().trim_matches('\'');
    let base: String = if clean.is_empty() { "Sheet" } else { clean }
        .chars()
        .take(31)
        .collect();
    let mut candidate = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&candidate)) {
        let suffix = format!(" ({n})");
        candidate = base
            .chars()
            .take(31 - suffix.chars().count())
            .collect::<String>()
            + &suffix;
        n += 1;
    }
    candidate
}

/// How wide a text shows, in Excel's character widths: CJK and other wide characters count
/// two.
fn display_width(text: &str) -> usize {
    text.lines()
        .map(|line| {
            line.chars()
                .map(|c| if is_wide(c) { 2 } else { 1 })
                .sum::<usize>()
        })
        .max()
        .unwrap_or(0)
}

fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

fn excel_time(t: &NaiveDateTime) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(
        u16::try_from(t.year()).unwrap_or(1900),
        t.month() as u8,
        t.day() as u8,
    )?
    .and_hms(t.hour() as u16, t.minute() as u8, t.second())
}

fn excel_date(d: &NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(
        u16::try_from(d.year()).unwrap_or(1900),
        d.month() as u8,
        d.day() as u8,
    )
}

/// The tables as an `.xlsx` workbook, one sheet each, in order: the header row bold and
/// frozen, columns as wide as their contents (within reason), money as `0.00`, hours as
/// `0.0`, shares as `0.0%`, dates and times as dates. `created` is written as the
/// document's creation time, so that the same data gives the same bytes.
pub fn to_xlsx(
    tables: &[Table],
    title: &str,
    created: NaiveDateTime,
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let properties = DocProperties::new()
        .set_title(title)
        .set_creation_datetime(&excel_time(&created)?);
    workbook.set_properties(&properties);
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("#,##0.00");
    let hours = Format::new().set_num_format("0.0");
    let share = Format::new().set_num_format("0.0%");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let time = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let wrap = Format::new().set_text_wrap();
    let mut names: Vec<String> = Vec::new();
    for table in tables {
        let name = sheet_name(&table.name, &names);
        names.push(name.clone());
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name)?;
        let columns = table
            .header
            .len()
            .max(table.rows.iter().map(Vec::len).max().unwrap_or(0));
        let mut widths = vec![8usize; columns];
        for (c, label) in table.header.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, label, &bold)?;
            widths[c] = widths[c].max(display_width(label));
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
            for (c, cell) in row.iter().enumerate() {
                let col = c as u16;
                let shown = match cell {
                    Cell::Empty => 0,
                    Cell::Text(t) => {
                        if t.contains('\n') {
                            sheet.write_string_with_format(r, col, t, &wrap)?;
                        } else {
                            sheet.write_string(r, col, t)?;
                        }
                        display_width(t)
                    }
                    Cell::Int(n) => {
                        sheet.write_number(r, col, *n as f64)?;
                        n.to_string().len()
                    }
                    Cell::Money(m) => {
                        sheet.write_number_with_format(r, col, m.0 as f64 / 100.0, &money)?;
                        m.to_string().len() + 2
                    }
                    Cell::Hours(h) => {
                        sheet.write_number_with_format(r, col, *h, &hours)?;
                        6
                    }
                    Cell::Share(s) => {
                        sheet.write_number_with_format(r, col, *s, &share)?;
                        6
                    }
                    Cell::Date(d) => {
                        sheet.write_datetime_with_format(r, col, excel_date(d)?, &date)?;
                        10
                    }
                    Cell::Time(t) => {
                        sheet.write_datetime_with_format(r, col, excel_time(t)?, &time)?;
                        16
                    }
                };
                widths[c] = widths[c].max(shown);
            }
        }
        for (c, w) in widths.iter().enumerate() {
            sheet.set_column_width(c as u16, (*w).min(60) as f64 + 2.0)?;
        }
        sheet.set_freeze_panes(1, 0)?;
    }
    workbook.save_to_buffer()
}

/// The table as CSV (RFC 4180: comma-separated, `"` quoted, CRLF line ends), each kind of
/// cell written as [`csv_value`] says.
pub fn to_csv(table: &Table) -> String {
    let mut out = String::new();
    let line = |cells: Vec<String>| cells.join(",") + "\r\n";
    out.push_str(&line(table.header.iter().map(|h| csv_quote(h)).collect()));
    for row in &table.rows {
        out.push_str(&line(row.iter().map(csv_value).collect()));
    }
    out
}

/// One cell of CSV: text quoted when it must be and defused when a spreadsheet would take
/// it for a formula; money with two decimals, hours with one, a share as a fraction with
/// four decimals, dates as `YYYY-MM-DD`, times as `YYYY-MM-DD HH:MM`.
pub fn csv_value(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) => csv_quote(t),
        Cell::Int(n) => n.to_string(),
        Cell::Money(m) => m.to_string(),
        Cell::Hours(h) => format!("{h:.1}"),
        Cell::Share(s) => format!("{s:.4}"),
        Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        Cell::Time(t) => t.format("%Y-%m-%d %H:%M").to_string(),
    }
}

/// A text as one CSV cell: a text that starts like a formula (`=`, `+`, `-`, `@`, tab, CR)
/// gets a leading `'` so that a spreadsheet shows it rather than runs it, then
/// [`csv_quoted`].
pub fn csv_quote(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        csv_quoted(&format!("'{text}"))
    } else {
        csv_quoted(text)
    }
}

/// A value as one CSV cell, quoted when it holds a comma, quote or line break.
pub fn csv_quoted(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_ones_excel_accepts() {
        assert_eq!(sheet_name("a/b:c", &[]), "a b c");
        assert_eq!(sheet_name("", &[]), "Sheet");
        let long = "x".repeat(40);
        assert_eq!(sheet_name(&long, &[]).chars().count(), 31);
        let taken = vec!["Cases".to_string()];
        assert_eq!(sheet_name("cases", &taken), "cases (2)");
    }

    #[test]
    fn csv_cells_are_quoted_and_defused() {
        assert_eq!(csv_quote("a,b"), "\"a,b\"");
        assert_eq!(csv_quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_quote("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_quote("-1+1,2"), "\"'-1+1,2\"");
        assert_eq!(csv_value(&Cell::Money(Money(128_050))), "1280.50");
        assert_eq!(csv_value(&Cell::Share(2.0 / 3.0)), "0.6667");
    }

    #[test]
    fn wide_characters_count_twice() {
        assert_eq!(display_width("电源ab"), 6);
        assert_eq!(display_width("ab\n电源电源"), 8);
    }
}
