//! What imported rows change in `catalog/parts.toml` (`[[part]]`) or `catalog/rates.toml`
//! (`[[rate]]`): rows are matched to entries by code; an entry the sheet does not name is
//! left alone. The file is edited in place, so its comments, order and layout stay; a row
//! whose values are the entry's changes nothing, so importing the same sheet twice changes
//! nothing the second time.

use super::{Kind, Record};
use std::collections::HashMap;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

/// What one row does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A new entry.
    Add {
        /// The row.
        record: Record,
    },
    /// An entry whose fields change: (field, old, new), `None` for a field not there.
    Update {
        /// The row.
        record: Record,
        /// The fields that change.
        fields: Vec<(&'static str, Option<String>, String)>,
    },
    /// An entry that holds the row's values already.
    Same {
        /// The row.
        record: Record,
    },
}

/// The plan of an import, and the file it leads to.
#[derive(Debug, Clone)]
pub struct Plan {
    /// One change per row, in the sheet's order.
    pub changes: Vec<Change>,
    /// The entries of the file that no row names (left as they are).
    pub untouched: usize,
    /// The file's new text (the same as the old when nothing changes).
    pub text: String,
}

impl Plan {
    /// Whether the import changes anything.
    pub fn changes_anything(&self) -> bool {
        self.changes
            .iter()
            .any(|c| !matches!(c, Change::Same { .. }))
    }
}

/// The file an import of `kind` writes, relative to the workspace.
pub fn file_of(kind: Kind) -> &'static str {
    match kind {
        Kind::Parts => "catalog/parts.toml",
        Kind::Rates => "catalog/rates.toml",
    }
}

fn array_key(kind: Kind) -> &'static str {
    match kind {
        Kind::Parts => "part",
        Kind::Rates => "rate",
    }
}

/// The plan of importing `records` into the file whose text is `current` (`None` when it
/// does not exist yet).
pub fn plan(kind: Kind, current: Option<&str>, records: &[Record]) -> Result<Plan, String> {
    let mut doc: DocumentMut = match current {
        Some(text) => text
            .parse()
            .map_err(|e| format!("{} is not valid TOML: {e}", file_of(kind)))?,
        None => DocumentMut::new(),
    };
    let key = array_key(kind);
    if doc.get(key).is_none() {
        doc.insert(key, Item::ArrayOfTables(ArrayOfTables::new()));
    }
    let entries = doc[key].as_array_of_tables_mut().ok_or_else(|| {
        format!(
            "{}: `{key}` is not a list of [[{key}]] tables",
            file_of(kind)
        )
    })?;
    let before = entries.len();
    let mut named = vec![false; before];
    let mut by_code: HashMap<String, usize> = HashMap::new();
    for (i, t) in entries.iter().enumerate() {
        if let Some(code) = t.get("code").and_then(Item::as_str) {
            by_code.entry(code.to_owned()).or_insert(i);
        }
    }
    let mut changes = Vec::new();
    for record in records {
        let code = record.get("code").unwrap_or_default();
        match by_code.get(code).copied() {
            Some(i) => {
                named[i] = true;
                let Some(table) = entries.get_mut(i) else {
                    continue;
                };
                let mut fields = Vec::new();
                for (field, new) in &record.values {
                    let old = table.get(field).map(shown);
                    if old.as_deref() != Some(new.as_str()) {
                        table[*field] = value(new.as_str());
                        fields.push((*field, old, new.clone()));
                    }
                }
                changes.push(if fields.is_empty() {
                    Change::Same {
                        record: record.clone(),
                    }
                } else {
                    Change::Update {
                        record: record.clone(),
                        fields,
                    }
                });
            }
            None => {
                let mut table = Table::new();
                for field in kind.keys() {
                    if let Some(v) = record.get(field) {
                        table[field] = value(v);
                    }
                }
                entries.push(table);
                changes.push(Change::Add {
                    record: record.clone(),
                });
            }
        }
    }
    let untouched = named.iter().filter(|n| !**n).count();
    let text = if changes.iter().all(|c| matches!(c, Change::Same { .. })) {
        current.unwrap_or_default().to_owned()
    } else {
        let mut text = doc.to_string();
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text
    };
    Ok(Plan {
        changes,
        untouched,
        text,
    })
}

/// A value of the file as text: a string's content, anything else as written.
fn shown(item: &Item) -> String {
    match item.as_str() {
        Some(s) => s.to_owned(),
        None => item.to_string().trim().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(row: u32, values: &[(&'static str, &str)]) -> Record {
        Record {
            row,
            values: values.iter().map(|(k, v)| (*k, (*v).to_owned())).collect(),
        }
    }

    #[test]
    fn rows_are_matched_by_code_and_comments_stay() {
        let current = "# price list\n\n[[part]]\ncode = \"A\" # the first\nname = \"甲\"\nunit = \"个\"\nprice = \"1.00\"\n\n[[part]]\ncode = \"B\"\nname = \"乙\"\nunit = \"个\"\nprice = \"2.00\"\n";
        let records = [
            record(
                2,
                &[
                    ("code", "A"),
                    ("name", "甲"),
                    ("unit", "个"),
                    ("price", "1.50"),
                ],
            ),
            record(
                3,
                &[
                    ("code", "C"),
                    ("name", "丙"),
                    ("unit", "套"),
                    ("price", "3.00"),
                ],
            ),
        ];
        let plan = plan(Kind::Parts, Some(current), &records).unwrap();
        assert_eq!(plan.untouched, 1);
        assert!(matches!(
            &plan.changes[0],
            Change::Update { fields, .. } if fields == &vec![("price", Some("1.00".to_owned()), "1.50".to_owned())]
        ));
        assert!(matches!(plan.changes[1], Change::Add { .. }));
        assert!(plan.text.starts_with("# price list\n"));
        assert!(plan.text.contains("code = \"A\" # the first"));
        assert!(plan.text.contains("price = \"1.50\""));
        assert!(plan.text.contains("code = \"C\""));
        // Again: nothing changes, the text is the same.
        let again = super::plan(Kind::Parts, Some(&plan.text), &records).unwrap();
        assert!(!again.changes_anything());
        assert_eq!(again.text, plan.text);
    }
}
