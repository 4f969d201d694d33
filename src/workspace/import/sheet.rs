//! Reading a spreadsheet into a grid of cells: `.xlsx`, `.xlsm`, `.xls` and `.ods` through
//! calamine, `.csv` as UTF-8 (with or without a byte-order mark) or GBK/GB18030, the way
//! Excel on a Chinese desktop saves it.

use crate::t;
use calamine::{Data, Reader};
use std::path::Path;

/// One cell as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Nothing.
    Empty,
    /// Text (a CSV cell is always text).
    Text(String),
    /// A number, with the shortest decimal text that reads back as it (so that 1280.5
    /// stays "1280.5", never 1280.4999…).
    Number(f64, String),
    /// A date (and time) the sheet formats as one: year, month, day.
    Date(i32, u32, u32),
    /// A formula's error (`#N/A`, `#REF!`…).
    Error(String),
}

impl Value {
    /// The cell as text, trimmed: what a person sees in it
    pub fn text(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(t) => t.trim().to_owned(),
            Value::Number(_, text) => text.clone(),
            Value::Date(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
            Value::Error(e) => e.clone(),
        }
    }

    /// Whether the cell holds nothing but white space.
    pub fn is_blank(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// The cells of one sheet, as rows; `first_row` is the sheet's row number (from 1) of the
/// first row, `first_col` the index (from 0) of the first column.
#[derive(Debug, Clone)]
pub struct Grid {
    /// The sheet's name (`None` for CSV).
    pub sheet: Option<String>,
    /// The rows.
    pub rows: Vec<Vec<Value>>,
    /// The row number of `rows[0]`.
    pub first_row: u32,
    /// The column index of each row's first cell.
    pub first_col: u32,
}

/// How a CSV file's bytes are to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, a byte-order mark allowed.
    Utf8,
    /// GBK, or GB18030 of which it is a part.
    Gb18030,
}

impl Encoding {
    /// `utf-8`, `gbk`, `gb18030` (any case).
    pub fn parse(text: &str) -> Option<Encoding> {
        match text.to_ascii_lowercase().replace('_', "-").as_str() {
            "utf-8" | "utf8" => Some(Encoding::Utf8),
            "gbk" | "gb18030" | "gb2312" | "cp936" => Some(Encoding::Gb18030),
            _ => None,
        }
    }
}

/// Why a file could not be read as a spreadsheet.
#[derive(Debug, thiserror::Error)]
pub enum SheetError {
    /// Not a format svc reads.
    #[error("{}", t!("import-sheet-format", ext = .0))]
    Format(String),
    /// The file could not be opened or parsed.
    #[error("{}", t!("import-sheet-unreadable", error = .0))]
    Read(String),
    /// The sheet asked for is not in the workbook.
    #[error("{}", t!("import-sheet-no-such-sheet", sheet = .asked, sheets = .sheets.join(", ")))]
    NoSheet {
        /// The name asked for.
        asked: String,
        /// The sheets it has.
        sheets: Vec<String>,
    },
    /// The CSV is in neither encoding.
    #[error("{}", t!("import-sheet-not-utf8", byte = format!("{:02X}", .byte), offset = .offset.to_string()))]
    NotUtf8 {
        /// Where.
        offset: usize,
        /// The byte.
        byte: u8,
    },
}

/// Read the sheet `sheet` (the first when `None`) of the workbook or CSV file at `path`;
/// a CSV is read in `encoding`, or, when `None`, as UTF-8 if it is valid UTF-8 and as
/// GB18030 otherwise.
pub fn read(
    path: &Path,
    sheet: Option<&str>,
    encoding: Option<Encoding>,
) -> Result<Grid, SheetError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" => {
            let bytes = std::fs::read(path).map_err(|e| SheetError::Read(e.to_string()))?;
            let text = decode(&bytes, encoding)?;
            Ok(Grid {
                sheet: None,
                rows: parse_csv(&text),
                first_row: 1,
                first_col: 0,
            })
        }
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => read_workbook(path, sheet),
        other => Err(SheetError::Format(other.to_owned())),
    }
}

fn read_workbook(path: &Path, sheet: Option<&str>) -> Result<Grid, SheetError> {
    let mut book =
        calamine::open_workbook_auto(path).map_err(|e| SheetError::Read(e.to_string()))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(asked) => names
            .iter()
            .find(|n| n.as_str() == asked || n.trim().eq_ignore_ascii_case(asked.trim()))
            .cloned()
            .ok_or_else(|| SheetError::NoSheet {
                asked: asked.to_owned(),
                sheets: names.clone(),
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| SheetError::Read(t!("import-sheet-no-sheets")))?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| SheetError::Read(e.to_string()))?;
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let rows = range
        .rows()
        .map(|row| row.iter().map(value_of).collect())
        .collect();
    Ok(Grid {
        sheet: Some(name),
        rows,
        first_row: first_row + 1,
        first_col,
    })
}

fn value_of(cell: &Data) -> Value {
    match cell {
        Data::Empty => Value::Empty,
        Data::String(s) => Value::Text(s.clone()),
        Data::Int(i) => Value::Number(*i as f64, i.to_string()),
        Data::Float(f) => Value::Number(*f, shortest(*f)),
        Data::Bool(b) => Value::Text(b.to_string()),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            Value::Date(i32::from(y), u32::from(m), u32::from(d))
        }
        Data::DateTime(dt) => Value::Number(dt.as_f64(), shortest(dt.as_f64())),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Value::Text(s.clone()),
        Data::Error(e) => Value::Error(format!("{e}")),
    }
}

/// The shortest decimal text that reads back as `f` (Rust's `Display` of a float), without
/// an exponent for the sizes a price list holds.
fn shortest(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

fn decode(bytes: &[u8], encoding: Option<Encoding>) -> Result<String, SheetError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let utf8 = std::str::from_utf8(bytes);
    match (encoding, utf8) {
        (Some(Encoding::Utf8), Ok(text)) | (None, Ok(text)) => Ok(text.to_owned()),
        (Some(Encoding::Utf8), Err(e)) => {
            let offset = e.valid_up_to();
            Err(SheetError::NotUtf8 {
                offset,
                byte: bytes[offset],
            })
        }
        (Some(Encoding::Gb18030), _) | (None, Err(_)) => {
            let (text, _, _) = encoding_rs::GB18030.decode(bytes);
            Ok(text.into_owned())
        }
    }
}

/// CSV as RFC 4180 writes it (and Excel): `,` between cells, `"` around a cell that holds
/// one, `""` for a quote inside; CRLF or LF between records.
fn parse_csv(text: &str) -> Vec<Vec<Value>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => row.push(Value::Text(std::mem::take(&mut cell))),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                row.push(Value::Text(std::mem::take(&mut cell)));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(Value::Text(cell));
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_is_read_as_excel_writes_it() {
        let rows = parse_csv("a,\"b,c\",\"say \"\"hi\"\"\"\r\n1,\"two\nlines\",\r\n");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0][1], Value::Text("b,c".into()));
        assert_eq!(rows[0][2], Value::Text("say \"hi\"".into()));
        assert_eq!(rows[1][1], Value::Text("two\nlines".into()));
        assert_eq!(rows[1][2], Value::Text(String::new()));
    }

    #[test]
    fn gbk_is_told_from_utf8() {
        let (gbk, _, _) = encoding_rs::GBK.encode("编码,单价\n");
        assert_eq!(decode(&gbk, None).unwrap(), "编码,单价\n");
        assert_eq!(
            decode("\u{feff}编码".as_bytes(), None).unwrap(),
            "编码",
            "the byte-order mark is not part of the first cell"
        );
        assert!(matches!(
            decode(&gbk, Some(Encoding::Utf8)),
            Err(SheetError::NotUtf8 { offset: 0, .. })
        ));
    }

    #[test]
    fn numbers_keep_their_shortest_text() {
        assert_eq!(shortest(1280.5), "1280.5");
        assert_eq!(shortest(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(shortest(35.0), "35");
    }
}
