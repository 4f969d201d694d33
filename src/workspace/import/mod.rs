//! Importing the office's spreadsheets into the workspace's shared files: the wearing-parts
//! price list (易损件价目表, 11.1) and the rate card (现场服务收费清单, 9.3) into `catalog/`,
//! the installed base (serials, models, sites, warranty ends) into `customers/`.
//!
//! - [`sheet`]: a workbook or CSV file read into a grid of cells.
//! - this module: which column is which field (the headers a centre's sheets carry, in
//!   Chinese or English, full-width or not, over one or two header rows), each cell cleaned
//!   (full-width digits, `¥` and thousands separators, numbers stored as text) and checked,
//!   every bad cell reported with its sheet, row and column, all at once.
//! - [`catalog`]: what the rows change in `catalog/parts.toml` or `catalog/rates.toml`, field
//!   by field, and the file with those changes made (its comments and order kept).
//! - [`installed`]: the same for products, each under the customer and site it names.
//! - [`rules`]: a workspace's own rules for a sheet: which sheet, header row, columns,
//!   date formats, fixed values.
//!
//! Nothing here writes or commits: the command shows the plan, and with `--apply` writes the
//! file and commits it as the person importing.

pub mod catalog;
pub mod installed;
pub mod rules;
pub mod sheet;

use crate::forms::decode::Money;
use crate::t;
use rules::Rules;
use sheet::{Grid, Value};

/// What a sheet is imported as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The wearing-parts price list, `catalog/parts.toml`.
    Parts,
    /// The rate card, `catalog/rates.toml`.
    Rates,
    /// The installed base: each product under its customer, `customers/<id>.toml`.
    Products,
    /// The customers themselves: a file `customers/<id>.toml` each.
    Customers,
}

/// How a field's cells are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Read {
    /// Text, trimmed, full-width letters and digits made half-width.
    Text,
    /// An identifier: text without spaces inside.
    Code,
    /// Money: decimal text, `¥`/`,`/`元` allowed, at most two decimals.
    Money,
    /// A rate's kind: hardware, software, labour, travel (or 硬件, 软件, 人工, 差旅).
    RateKind,
    /// A date: a date cell, a date serial number, or text such as 2026-04-09, 2026/4/9,
    /// 2026.4.9, 2026年4月9日 or 20260409.
    Date,
}

/// One field of a record and the headers that name it.
#[derive(Debug)]
struct Field {
    key: &'static str,
    read: Read,
    required: bool,
    /// Headers, normalised ([`normalise_header`]).
    headers: &'static [&'static str],
}

const CODE_HEADERS: &[&str] = &[
    "编码",
    "料号",
    "物料编码",
    "备件编码",
    "物料号",
    "代码",
    "编号",
    "项目编码",
    "收费编码",
    "code",
    "partno",
    "partnumber",
    "itemcode",
    "item",
    "sku",
];
const NAME_HEADERS: &[&str] = &[
    "名称",
    "品名",
    "备件名称",
    "物料名称",
    "物料描述",
    "项目",
    "项目名称",
    "收费项目",
    "服务项目",
    "name",
    "description",
];
const NAME_EN_HEADERS: &[&str] = &["英文名称", "英文名", "英文", "nameen", "englishname"];
const UNIT_HEADERS: &[&str] = &["单位", "计量单位", "unit", "uom"];
const PRICE_HEADERS: &[&str] = &[
    "单价",
    "价格",
    "含税单价",
    "含税价",
    "售价",
    "收费标准",
    "标准",
    "price",
    "unitprice",
];

const CODE: Field = Field {
    key: "code",
    read: Read::Code,
    required: true,
    headers: CODE_HEADERS,
};
const NAME: Field = Field {
    key: "name",
    read: Read::Text,
    required: true,
    headers: NAME_HEADERS,
};
const NAME_EN: Field = Field {
    key: "name_en",
    read: Read::Text,
    required: false,
    headers: NAME_EN_HEADERS,
};
const UNIT: Field = Field {
    key: "unit",
    read: Read::Text,
    required: true,
    headers: UNIT_HEADERS,
};
const PRICE: Field = Field {
    key: "price",
    read: Read::Money,
    required: true,
    headers: PRICE_HEADERS,
};
const RATE_KIND: Field = Field {
    key: "kind",
    read: Read::RateKind,
    required: true,
    headers: &[
        "类别",
        "类型",
        "分类",
        "收费类别",
        "kind",
        "type",
        "category",
    ],
};

const PART_FIELDS: &[Field] = &[CODE, NAME, NAME_EN, UNIT, PRICE];

const RATE_FIELDS: &[Field] = &[CODE, NAME, NAME_EN, RATE_KIND, UNIT, PRICE];

const CUSTOMER_FIELDS: &[Field] = &[
    Field {
        key: "id",
        read: Read::Code,
        required: true,
        headers: &[
            "客户编号",
            "客户编码",
            "客户代码",
            "编号",
            "编码",
            "id",
            "customerid",
            "code",
        ],
    },
    Field {
        key: "name",
        read: Read::Text,
        required: true,
        headers: &[
            "客户名称",
            "名称",
            "客户",
            "单位名称",
            "name",
            "customer",
            "customername",
        ],
    },
    NAME_EN,
    Field {
        key: "salesperson",
        read: Read::Text,
        required: false,
        headers: &[
            "业务员",
            "负责业务员",
            "销售",
            "销售员",
            "客户经理",
            "salesperson",
            "sales",
            "accountmanager",
        ],
    },
];

const PRODUCT_FIELDS: &[Field] = &[
    Field {
        key: "serial",
        read: Read::Code,
        required: true,
        headers: &[
            "序列号",
            "设备序列号",
            "机身号",
            "sn",
            "serial",
            "serialno",
            "serialnumber",
        ],
    },
    Field {
        key: "model",
        read: Read::Text,
        required: true,
        headers: &["型号", "设备型号", "产品型号", "model"],
    },
    Field {
        key: "site",
        read: Read::Text,
        required: true,
        headers: &["站点", "安装地点", "机房", "地点", "site", "location"],
    },
    Field {
        key: "installed_on",
        read: Read::Date,
        required: false,
        headers: &[
            "安装日期",
            "开通日期",
            "installedon",
            "installed",
            "installdate",
        ],
    },
    Field {
        key: "warranty_end",
        read: Read::Date,
        required: true,
        headers: &[
            "保修截止",
            "保修截止日期",
            "保修到期",
            "保修期至",
            "warrantyend",
            "warranty",
            "warrantyuntil",
        ],
    },
    Field {
        key: "customer",
        read: Read::Text,
        required: true,
        headers: &[
            "客户",
            "客户名称",
            "客户编号",
            "用户",
            "customer",
            "customerid",
            "client",
        ],
    },
];

impl Kind {
    /// `parts` or `rates`.
    pub fn parse(text: &str) -> Option<Kind> {
        match text {
            "parts" => Some(Kind::Parts),
            "rates" => Some(Kind::Rates),
            "products" => Some(Kind::Products),
            "customers" => Some(Kind::Customers),
            _ => None,
        }
    }

    /// The word for it.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Parts => "parts",
            Kind::Rates => "rates",
            Kind::Products => "products",
            Kind::Customers => "customers",
        }
    }

    fn fields(self) -> &'static [Field] {
        match self {
            Kind::Parts => PART_FIELDS,
            Kind::Rates => RATE_FIELDS,
            Kind::Products => PRODUCT_FIELDS,
            Kind::Customers => CUSTOMER_FIELDS,
        }
    }

    /// The fields of a record, in the order the file writes them.
    pub fn keys(self) -> Vec<&'static str> {
        self.fields().iter().map(|f| f.key).collect()
    }

    /// The value the file holds for `text` in `field`: a TOML date for a date, else a
    /// string.
    pub fn toml_value(self, field: &str, text: &str) -> toml_edit::Value {
        let is_date = self
            .fields()
            .iter()
            .any(|f| f.key == field && f.read == Read::Date);
        match text.parse::<toml_edit::Datetime>() {
            Ok(date) if is_date => toml_edit::Value::from(date),
            _ => toml_edit::Value::from(text),
        }
    }
}

/// A problem with one cell or row, reported as `FILE:SHEET:ROW:COLUMN`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The sheet's row number (from 1); 0 for the sheet as a whole.
    pub row: u32,
    /// The column's letter (`A`, `B`, … `AA`), when one cell is at fault.
    pub column: Option<String>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

/// One row read: its fields' values as the file will hold them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The sheet's row number.
    pub row: u32,
    /// (field, value), in the order of [`Kind::keys`]; a field without a value is left out.
    pub values: Vec<(&'static str, String)>,
    /// (field, column letter) of each field the sheet has.
    pub columns: Vec<(&'static str, String)>,
}

impl Record {
    /// The column letter of `key`'s cell.
    pub fn column(&self, key: &str) -> Option<String> {
        self.columns
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, c)| c.clone())
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// The column letter of the index `col` (0 is `A`).
pub fn column_letter(col: u32) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Full-width ASCII (`Ａ`, `１`, `（`) and the ideographic space made half-width.
pub fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match u32::from(c) {
            0xFF01..=0xFF5E => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            0x3000 => ' ',
            _ => c,
        })
        .collect()
}

/// A header as compared: half-width, lower case, without spaces, underscores, hyphens,
/// line breaks, a trailing `*` (a required column) or a unit in brackets (`单价(元)`).
fn normalise_header(text: &str) -> String {
    let text = half_width(text);
    let text = match text.find(['(', '[']) {
        Some(at) if at > 0 => &text[..at],
        _ => text.as_str(),
    };
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '*' | '.' | ':'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Which field each column holds, by its header text.
fn recognise(fields: &'static [Field], headers: &[String]) -> Vec<Option<&'static Field>> {
    let mut taken: Vec<&str> = Vec::new();
    headers
        .iter()
        .map(|h| {
            let h = normalise_header(h);
            let field = fields
                .iter()
                .find(|f| !taken.contains(&f.key) && f.headers.contains(&h.as_str()))?;
            taken.push(field.key);
            Some(field)
        })
        .collect()
}

/// The header of the grid: the first of its first twenty rows that names the code and one
/// other field, alone or together with the row below it (a header over two rows, the upper
/// one merged across columns). Returns the index of the first data row and each column's
/// field.
fn find_header(
    fields: &'static [Field],
    grid: &Grid,
) -> Option<(usize, Vec<Option<&'static Field>>)> {
    let text_row = |i: usize| -> Vec<String> {
        grid.rows
            .get(i)
            .map(|r| r.iter().map(Value::text).collect())
            .unwrap_or_default()
    };
    let score = |cols: &[Option<&Field>]| {
        let code = cols.iter().flatten().any(|f| f.key == fields[0].key);
        (code, cols.iter().flatten().count())
    };
    for i in 0..grid.rows.len().min(20) {
        let one = recognise(fields, &text_row(i));
        let (lower, upper) = (text_row(i + 1), text_row(i));
        let width = lower.len().max(upper.len());
        let two_rows: Vec<String> = (0..width)
            .map(|c| {
                let l = lower.get(c).map(String::as_str).unwrap_or("");
                if l.is_empty() {
                    upper.get(c).cloned().unwrap_or_default()
                } else {
                    l.to_owned()
                }
            })
            .collect();
        let two = recognise(fields, &two_rows);
        let (one_code, one_n) = score(&one);
        let (two_code, two_n) = score(&two);
        if two_code && two_n >= 2 && two_n > one_n && !lower.iter().all(String::is_empty) {
            return Some((i + 2, two));
        }
        if one_code && one_n >= 2 {
            return Some((i + 1, one));
        }
    }
    None
}

/// Money written in a cell: `1280`, `1,280.50`, `¥1280.5`, `1280.00元`, full-width digits;
/// at most two decimals, never negative. The text is read as a decimal, never through a
/// float.
pub fn parse_money(text: &str) -> Result<Money, String> {
    let clean: String = half_width(text)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, ',' | '¥' | '￥' | '元'))
        .collect();
    let clean = clean
        .strip_prefix("RMB")
        .or_else(|| clean.strip_prefix("CNY"))
        .unwrap_or(&clean);
    if clean.is_empty() {
        return Err(t!("import-money-none"));
    }
    if clean.starts_with('-') {
        return Err(t!("import-money-negative", text = text));
    }
    let (whole, frac) = clean.split_once('.').unwrap_or((clean, ""));
    if whole.is_empty() && frac.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(t!("import-money-not-an-amount", text = text));
    }
    let frac = frac.trim_end_matches('0');
    if frac.len() > 2 {
        return Err(t!("import-money-decimals", text = text));
    }
    Money::parse(&format!(
        "{}.{:0<2}",
        if whole.is_empty() { "0" } else { whole },
        frac
    ))
}

/// A date in a cell: a date cell (already text), a serial number (days from 1899-12-30, as
/// Excel counts), or text in the usual orders of year, month and day.
fn parse_date(cell: &Value, text: &str, formats: &[String]) -> Option<String> {
    use chrono::NaiveDate;
    if let Value::Number(n, _) = cell {
        if n.fract() != 0.0 || *n < 61.0 || *n > 2_958_465.0 {
            return None;
        }
        let day = NaiveDate::from_ymd_opt(1899, 12, 30)? + chrono::Duration::days(*n as i64);
        return Some(day.format("%Y-%m-%d").to_string());
    }
    let t = text.trim();
    if let Some(date) = formats
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(t, f).ok())
    {
        return Some(date.format("%Y-%m-%d").to_string());
    }
    let t = t.split([' ', 'T']).next().unwrap_or(t);
    let date = ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(t, f).ok())?;
    Some(date.format("%Y-%m-%d").to_string())
}

/// A rate's kind in English or Chinese.
fn parse_rate_kind(text: &str) -> Option<&'static str> {
    let t = normalise_header(text);
    Some(match t.as_str() {
        "hardware" | "硬件" | "硬件维修" => "hardware",
        "software" | "软件" | "软件维护" => "software",
        "labour" | "labor" | "人工" | "人工费" => "labour",
        "travel" | "差旅" | "差旅费" => "travel",
        _ => return None,
    })
}

/// Read the records of `kind` from `grid`; every problem is reported, and none is left out
/// quietly.
pub fn records(kind: Kind, grid: &Grid, rules: &Rules) -> Result<Vec<Record>, Vec<RowError>> {
    let (records, errors) = read_rows(kind, grid, rules)?;
    if errors.is_empty() {
        Ok(records)
    } else {
        Err(errors)
    }
}

/// The rows of the sheet that read without a problem, and the problems of the others; an
/// error about the sheet as a whole (no header, a required column missing) is returned
/// alone, as no row can be read without it.
pub fn read_rows(
    kind: Kind,
    grid: &Grid,
    rules: &Rules,
) -> Result<(Vec<Record>, Vec<RowError>), Vec<RowError>> {
    let fields = kind.fields();
    let header = match rules.header_row {
        Some(row) => {
            let at = row.checked_sub(grid.first_row).map(|i| i as usize);
            match at.and_then(|i| grid.rows.get(i).map(|r| (i, r))) {
                Some((i, cells)) => {
                    let texts: Vec<String> = cells.iter().map(Value::text).collect();
                    Some((i + 1, recognise(fields, &texts)))
                }
                None => {
                    return Err(vec![RowError {
                        row,
                        column: None,
                        message: t!("import-header-row-not-in-sheet", row = row.to_string()),
                        hint: t!("import-header-row-not-in-sheet-hint"),
                    }]);
                }
            }
        }
        None => find_header(fields, grid),
    };
    let Some((start, mut columns)) = header else {
        let names: Vec<String> = fields
            .iter()
            .map(|f| format!("{} ({})", f.key, f.headers[0]))
            .collect();
        return Err(vec![RowError {
            row: 0,
            column: None,
            message: t!("import-no-header", key = fields[0].key),
            hint: t!("import-no-header-hint", names = names.join(", ")),
        }]);
    };
    let header_row = grid.first_row + start as u32 - 1;
    // The rules' columns: by letter, or by the header's text.
    let header_texts: Vec<String> = grid
        .rows
        .get(start - 1)
        .map(|r| r.iter().map(|c| normalise_header(&c.text())).collect())
        .unwrap_or_default();
    for (key, spec) in &rules.columns {
        let Some(field) = fields.iter().find(|f| f.key == key) else {
            continue;
        };
        let at = match rules::column_index(spec) {
            Some(i) => i.checked_sub(grid.first_col).map(|i| i as usize),
            None => header_texts
                .iter()
                .position(|h| *h == normalise_header(spec)),
        };
        let Some(at) = at else {
            return Err(vec![RowError {
                row: header_row,
                column: None,
                message: t!(
                    "import-rules-column-not-in-header",
                    key = key,
                    column = spec
                ),
                hint: t!("import-rules-column-not-in-header-hint"),
            }]);
        };
        for c in columns.iter_mut() {
            if c.is_some_and(|c| c.key == field.key) {
                *c = None;
            }
        }
        if columns.len() <= at {
            columns.resize(at + 1, None);
        }
        columns[at] = Some(field);
    }
    let start = start + rules.skip_rows as usize;
    let mut errors = Vec::new();
    for f in fields.iter().filter(|f| f.required) {
        if !columns.iter().flatten().any(|c| c.key == f.key) && !rules.fixed.contains_key(f.key) {
            errors.push(RowError {
                row: header_row,
                column: None,
                message: t!(
                    "import-no-column",
                    key = f.key,
                    headers = f.headers.join(", ")
                ),
                hint: t!("import-no-column-hint"),
            });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut out: Vec<Record> = Vec::new();
    // Each code's first row.
    let mut seen: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    for (i, row) in grid.rows.iter().enumerate().skip(start) {
        if row.iter().all(Value::is_blank) {
            continue;
        }
        let number = grid.first_row + i as u32;
        let mut values = Vec::new();
        let mut letters = Vec::new();
        for field in fields {
            let col = columns
                .iter()
                .position(|c| c.is_some_and(|c| c.key == field.key));
            let fixed = rules.fixed.get(field.key);
            let mut cell = col
                .and_then(|col| row.get(col).cloned())
                .unwrap_or(Value::Empty);
            if cell.is_blank()
                && let Some(value) = fixed
            {
                cell = Value::Text(value.clone());
            }
            let Some(col) = col.or(fixed.map(|_| usize::MAX)) else {
                continue;
            };
            // A fixed value has no column; its errors are the rules'.
            let letter = if col == usize::MAX {
                "rules".to_owned()
            } else {
                column_letter(grid.first_col + col as u32)
            };
            letters.push((field.key, letter.clone()));
            let mut error = |message: String, hint: String| {
                errors.push(RowError {
                    row: number,
                    column: Some(letter.clone()),
                    message,
                    hint,
                })
            };
            if let Value::Error(e) = &cell {
                error(
                    t!("import-formula-error", key = field.key, error = e),
                    t!("import-formula-error-hint"),
                );
                continue;
            }
            let text = match (&cell, field.read) {
                (Value::Date(y, m, d), _) => format!("{y:04}-{m:02}-{d:02}"),
                _ => half_width(&cell.text()).trim().to_owned(),
            };
            if text.is_empty() {
                if field.required {
                    error(
                        t!("import-empty-cell", key = field.key),
                        t!("import-empty-cell-hint"),
                    );
                }
                continue;
            }
            let value = match field.read {
                Read::Text => text,
                Read::Code => {
                    if text.chars().any(char::is_whitespace) {
                        error(
                            t!("import-code-with-space", code = &text),
                            t!("import-code-with-space-hint"),
                        );
                        continue;
                    }
                    text
                }
                Read::Money => match parse_money(&text) {
                    Ok(m) => m.to_string(),
                    Err(message) => {
                        error(
                            t!("import-bad-price", error = message),
                            t!("import-bad-price-hint"),
                        );
                        continue;
                    }
                },
                Read::Date => match parse_date(&cell, &text, &rules.date_formats) {
                    Some(date) => date,
                    None => {
                        error(
                            t!("import-not-a-date", key = field.key, text = &text),
                            t!("import-not-a-date-hint"),
                        );
                        continue;
                    }
                },
                Read::RateKind => match parse_rate_kind(&text) {
                    Some(k) => k.to_owned(),
                    None => {
                        error(
                            t!("import-not-a-rate-kind", text = &text),
                            t!("import-not-a-rate-kind-hint"),
                        );
                        continue;
                    }
                },
            };
            values.push((field.key, value));
        }
        let record = Record {
            row: number,
            values,
            columns: letters,
        };
        let key = fields[0].key;
        if let Some(code) = record.get(key)
            && let Some(earlier) = seen.get(code)
        {
            errors.push(RowError {
                row: number,
                column: record.column(key),
                message: t!(
                    "import-duplicate-row",
                    key = key,
                    code = code,
                    row = earlier.to_string()
                ),
                hint: t!("import-duplicate-row-hint", key = key),
            });
            continue;
        }
        if let Some(code) = record.get(key) {
            seen.insert(code.to_owned(), number);
        }
        if errors.last().is_none_or(|e| e.row != number) {
            out.push(record);
        }
    }
    Ok((out, errors))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(rows: &[&[&str]]) -> Grid {
        Grid {
            sheet: Some("Sheet1".into()),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| Value::Text((*c).into())).collect())
                .collect(),
            first_row: 1,
            first_col: 0,
        }
    }

    #[test]
    fn money_is_read_to_the_fen_without_floats() {
        assert_eq!(parse_money("1,280.50").unwrap(), Money(128_050));
        assert_eq!(parse_money("¥１２８０").unwrap(), Money(128_000));
        assert_eq!(parse_money("35元").unwrap(), Money(3_500));
        assert_eq!(parse_money("0.10").unwrap(), Money(10));
        assert_eq!(parse_money(".5").unwrap(), Money(50));
        assert!(parse_money("12.345").unwrap_err().contains("two decimals"));
        assert!(parse_money("-5").is_err());
        assert!(parse_money("abc").is_err());
        assert_eq!(parse_money("1280.5000").unwrap(), Money(128_050));
    }

    #[test]
    fn columns_are_found_by_their_headers_in_either_language() {
        let g = grid(&[
            &["易损件价目表", "", "", ""],
            &["料号", "品名", "单位", "含税单价(元)"],
            &["FAN-1", "风扇", "个", "560"],
        ]);
        let r = records(Kind::Parts, &g, &Rules::default()).unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].row, 3);
        assert_eq!(r[0].get("price"), Some("560.00"));
        let g = grid(&[
            &["Part No.", "Description", "UOM", "Unit Price"],
            &["X", "x", "pc", "1"],
        ]);
        assert_eq!(
            records(Kind::Parts, &g, &Rules::default()).unwrap()[0].get("code"),
            Some("X")
        );
    }

    #[test]
    fn a_header_over_two_rows_is_read_as_one() {
        let g = grid(&[
            &["备件", "", "价格", ""],
            &["编码", "名称", "单位", "单价"],
            &["A", "甲", "个", "1.5"],
        ]);
        let r = records(Kind::Parts, &g, &Rules::default()).unwrap();
        assert_eq!(r[0].get("price"), Some("1.50"));
    }

    #[test]
    fn every_bad_cell_is_reported_with_its_row_and_column() {
        let g = grid(&[
            &["编码", "名称", "单位", "单价"],
            &["A", "甲", "个", "1.234"],
            &["", "乙", "个", "2"],
            &["A", "丙", "个", "3"],
        ]);
        let errors = records(Kind::Parts, &g, &Rules::default()).unwrap_err();
        let at: Vec<(u32, Option<&str>)> = errors
            .iter()
            .map(|e| (e.row, e.column.as_deref()))
            .collect();
        assert_eq!(at, vec![(2, Some("D")), (3, Some("A")), (4, Some("A"))]);
    }

    #[test]
    fn column_letters_go_past_z() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
    }
}
