//! A workspace's own rules for reading one kind of sheet (`import/<kind>.toml`, or
//! `--rules FILE`), for the sheets the built-in headers do not fit — as hledger's CSV rules
//! do for bank statements:
//!
//! ```toml
//! sheet = "价目表"            # the sheet to read (default: the first)
//! header_row = 3             # the header's row number (default: found)
//! skip_rows = 1              # rows under the header that are not data (a row of units)
//! date_formats = ["%d/%m/%Y"] # tried before the usual ones (chrono's notation)
//!
//! [columns]                  # field = its header's text, or its column letter
//! code = "物料代码"
//! price = "F"
//!
//! [fixed]                    # a value for every row whose cell is empty or missing
//! unit = "个"
//! ```

use super::Kind;
use crate::t;
use std::collections::BTreeMap;

/// The rules of one import.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// The sheet to read.
    pub sheet: Option<String>,
    /// The header's row number (from 1).
    pub header_row: Option<u32>,
    /// Rows under the header to leave out.
    #[serde(default)]
    pub skip_rows: u32,
    /// Date formats tried before the built-in ones.
    #[serde(default)]
    pub date_formats: Vec<String>,
    /// Field → header text or column letter.
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
    /// Field → the value for every row without one.
    #[serde(default)]
    pub fixed: BTreeMap<String, String>,
}

impl Rules {
    /// Read rules for `kind` from `text` (a TOML file); an unknown setting or field is an
    /// error that names the known ones.
    pub fn parse(kind: Kind, text: &str) -> Result<Rules, String> {
        let rules: Rules = toml::from_str(text).map_err(|e| e.to_string())?;
        let keys = kind.keys();
        for field in rules.columns.keys().chain(rules.fixed.keys()) {
            if !keys.contains(&field.as_str()) {
                return Err(t!(
                    "import-rules-unknown-field",
                    field = field,
                    kind = kind.name(),
                    fields = keys.join(", ")
                ));
            }
        }
        if rules.header_row == Some(0) {
            return Err(t!("import-rules-header-row-zero"));
        }
        Ok(rules)
    }
}

/// The column index of a column's letters (`A` is 0, `AA` 26), if `text` is one.
pub fn column_index(text: &str) -> Option<u32> {
    let t = text.trim();
    if t.is_empty() || t.len() > 3 || !t.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    Some(
        t.bytes()
            .fold(0u32, |n, b| n * 26 + u32::from(b - b'A') + 1)
            - 1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_name_known_fields_only() {
        let r = Rules::parse(
            Kind::Parts,
            "header_row = 2\n[columns]\ncode = \"物料代码\"\n[fixed]\nunit = \"个\"\n",
        )
        .unwrap();
        assert_eq!(r.header_row, Some(2));
        assert_eq!(r.fixed["unit"], "个");
        let e = Rules::parse(Kind::Parts, "[columns]\nkind = \"A\"\n").unwrap_err();
        assert!(e.contains("`kind` is not a field of parts"), "{e}");
        assert!(Rules::parse(Kind::Parts, "sheeet = \"x\"\n").is_err());
    }

    #[test]
    fn column_letters_are_indexes() {
        assert_eq!(column_index("A"), Some(0));
        assert_eq!(column_index("F"), Some(5));
        assert_eq!(column_index("AA"), Some(26));
        assert_eq!(column_index("单价"), None);
        assert_eq!(column_index("Ab"), None);
    }
}
