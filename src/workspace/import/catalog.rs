//! What imported rows change in `catalog/parts.toml` (`[[part]]`) or `catalog/rates.toml`
//! (`[[rate]]`), and the editing of such a file that the installed base shares
//! ([`super::installed`]): rows are matched to entries by code (or serial); an entry the
//! sheet does not name is left alone. The file is edited in place, so its comments, order and layout stay; a row
//! whose values are the entry's changes nothing, so importing the same sheet twice changes
//! nothing the second time.

use super::{Kind, Record};
use crate::t;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

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

/// One file an import writes: where (relative to the workspace), what it held (`None` when
/// it is new) and what it will hold.
#[derive(Debug, Clone)]
pub struct FileEdit {
    /// The file.
    pub rel: PathBuf,
    /// Its text now.
    pub before: Option<String>,
    /// Its text after the import.
    pub after: String,
}

/// The plan of an import, and the files it leads to.
#[derive(Debug, Clone)]
pub struct Plan {
    /// One change per row, in the sheet's order.
    pub changes: Vec<Change>,
    /// The entries of the files that no row names (left as they are).
    pub untouched: usize,
    /// The files that change, with their new text.
    pub files: Vec<FileEdit>,
}

impl Plan {
    /// Whether the import changes anything.
    pub fn changes_anything(&self) -> bool {
        self.changes
            .iter()
            .any(|c| !matches!(c, Change::Same { .. }))
    }
}

/// The file an import of `kind` writes into the catalog, relative to the workspace.
pub fn file_of(kind: Kind) -> &'static str {
    match kind {
        Kind::Parts => "catalog/parts.toml",
        Kind::Rates => "catalog/rates.toml",
        Kind::Products | Kind::Customers => "customers/<id>.toml",
    }
}

/// The plan of importing `records` of the catalog `kind` into the file whose text is
/// `current` (`None` when it does not exist yet).
pub fn plan(kind: Kind, current: Option<&str>, records: &[Record]) -> Result<Plan, String> {
    let rel = PathBuf::from(file_of(kind));
    let array = match kind {
        Kind::Rates => "rate",
        _ => "part",
    };
    let mut doc = parse(&rel, current)?;
    let (changes, untouched) = edit(&mut doc, &rel, array, "code", kind, records)?;
    let files = finish(rel, current, &doc, &changes).into_iter().collect();
    Ok(Plan {
        changes,
        untouched,
        files,
    })
}

/// A file's text as a document to edit (an empty one when the file does not exist).
pub(super) fn parse(rel: &Path, text: Option<&str>) -> Result<DocumentMut, String> {
    match text {
        Some(text) => text.parse().map_err(|e: toml_edit::TomlError| {
            t!(
                "import-file-not-toml",
                file = rel.display().to_string(),
                error = e.to_string()
            )
        }),
        None => Ok(DocumentMut::new()),
    }
}

/// The edit of one file, when any of `changes` changes it.
pub(super) fn finish(
    rel: PathBuf,
    before: Option<&str>,
    doc: &DocumentMut,
    changes: &[Change],
) -> Option<FileEdit> {
    if changes.iter().all(|c| matches!(c, Change::Same { .. })) {
        return None;
    }
    let mut after = doc.to_string();
    if !after.ends_with('\n') {
        after.push('\n');
    }
    Some(FileEdit {
        rel,
        before: before.map(str::to_owned),
        after,
    })
}

/// Apply `records` to the array of tables `array` of `doc`, each matched to the entry whose
/// `key` field holds its value; returns what each row does and how many entries no row
/// named.
pub(super) fn edit(
    doc: &mut DocumentMut,
    rel: &Path,
    array: &str,
    key: &str,
    kind: Kind,
    records: &[Record],
) -> Result<(Vec<Change>, usize), String> {
    if doc.get(array).is_none() {
        doc.insert(array, Item::ArrayOfTables(ArrayOfTables::new()));
    }
    let entries = doc[array].as_array_of_tables_mut().ok_or_else(|| {
        t!(
            "import-file-not-tables",
            file = rel.display().to_string(),
            array = array
        )
    })?;
    let before = entries.len();
    let mut named = vec![false; before];
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (i, t) in entries.iter().enumerate() {
        if let Some(k) = t.get(key).and_then(Item::as_str) {
            by_key.entry(k.to_owned()).or_insert(i);
        }
    }
    let mut changes = Vec::new();
    for record in records {
        let wanted = record.get(key).unwrap_or_default();
        match by_key.get(wanted).copied() {
            Some(i) => {
                named[i] = true;
                let Some(table) = entries.get_mut(i) else {
                    continue;
                };
                let fields = update(table, kind, &record.values);
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
                        table[field] = Item::Value(kind.toml_value(field, v));
                    }
                }
                entries.push(table);
                changes.push(Change::Add {
                    record: record.clone(),
                });
            }
        }
    }
    Ok((changes, named.iter().filter(|n| !**n).count()))
}

/// Set each of `values` in `table` that differs from what it holds, each new value keeping
/// the old one's comment and spacing; returns (field, old, new) of those that changed.
pub(super) fn update(
    table: &mut Table,
    kind: Kind,
    values: &[(&'static str, String)],
) -> Vec<(&'static str, Option<String>, String)> {
    let mut fields = Vec::new();
    for (field, new) in values {
        let old = table.get(field).map(shown);
        if old.as_deref() == Some(new.as_str()) {
            continue;
        }
        let mut value = kind.toml_value(field, new);
        if let Some(decor) = table
            .get(field)
            .and_then(Item::as_value)
            .map(|v| v.decor().clone())
        {
            *value.decor_mut() = decor;
        }
        table[*field] = Item::Value(value);
        fields.push((*field, old, new.clone()));
    }
    fields
}

/// A value of the file as text: a string's content, anything else (a date) as written.
pub(super) fn shown(item: &Item) -> String {
    match (item.as_str(), item.as_value()) {
        (Some(s), _) => s.to_owned(),
        (None, Some(v)) => {
            let mut v = v.clone();
            v.decor_mut().clear();
            v.to_string()
        }
        (None, None) => item.to_string().trim().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(row: u32, values: &[(&'static str, &str)]) -> Record {
        Record {
            row,
            values: values.iter().map(|(k, v)| (*k, (*v).to_owned())).collect(),
            columns: Vec::new(),
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
        let text = &plan.files[0].after;
        assert!(text.starts_with("# price list\n"));
        assert!(text.contains("code = \"A\" # the first"));
        assert!(text.contains("price = \"1.50\""));
        assert!(text.contains("code = \"C\""));
        // Again: nothing changes, no file is written.
        let again = super::plan(Kind::Parts, Some(text), &records).unwrap();
        assert!(!again.changes_anything());
        assert!(again.files.is_empty());
    }
}
