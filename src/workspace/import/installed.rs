//! What imported rows of the installed base change in `customers/<id>.toml`: each row's
//! product goes under the customer it names (by id, or by its name in either language) in
//! `[[products]]`, at the site it names (by id or name); a serial already installed at
//! another customer is an error, since moving a product is a decision for a person, not a
//! sheet.

use super::catalog::{self, Change, Plan};
use super::{Kind, Record, RowError, half_width};
use std::collections::HashMap;
use std::path::PathBuf;
use toml_edit::{DocumentMut, Item};

/// A customer file as it stands: where, its text, and what a row may name it by.
#[derive(Debug, Clone)]
pub struct CustomerFile {
    /// `customers/<id>.toml`.
    pub rel: PathBuf,
    /// Its text.
    pub text: String,
}

fn key_of(text: &str) -> String {
    half_width(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

struct Known {
    id: String,
    doc: DocumentMut,
    /// Site names and ids (normalised) → site id.
    sites: HashMap<String, String>,
}

/// The plan of importing the product `records` into the customers' files.
pub fn plan(files: &[CustomerFile], records: &[Record]) -> Result<Plan, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut known: Vec<Known> = Vec::new();
    // Names and ids (normalised) → index in `known`; serial → index of its customer.
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut by_serial: HashMap<String, usize> = HashMap::new();
    for file in files {
        let doc = match catalog::parse(&file.rel, Some(&file.text)) {
            Ok(doc) => doc,
            Err(message) => {
                errors.push(RowError {
                    row: 0,
                    column: None,
                    message,
                    hint: "fix the file (svc validate says where), then import again".to_owned(),
                });
                continue;
            }
        };
        let text_of = |item: Option<&Item>| item.and_then(Item::as_str).map(str::to_owned);
        let Some(id) = text_of(doc.get("id")) else {
            continue;
        };
        let mut sites = HashMap::new();
        if let Some(list) = doc.get("sites").and_then(Item::as_array_of_tables) {
            for site in list {
                if let Some(sid) = text_of(site.get("id")) {
                    sites.insert(key_of(&sid), sid.clone());
                    if let Some(name) = text_of(site.get("name")) {
                        sites.entry(key_of(&name)).or_insert(sid);
                    }
                }
            }
        }
        let at = known.len();
        for name in [
            Some(id.clone()),
            text_of(doc.get("name")),
            text_of(doc.get("name_en")),
        ]
        .into_iter()
        .flatten()
        {
            by_name.entry(key_of(&name)).or_insert(at);
        }
        if let Some(list) = doc.get("products").and_then(Item::as_array_of_tables) {
            for p in list {
                if let Some(serial) = text_of(p.get("serial")) {
                    by_serial.entry(serial).or_insert(at);
                }
            }
        }
        known.push(Known { id, doc, sites });
    }
    // Each row resolved to its customer, with the site as its id.
    let mut rows: Vec<Vec<Record>> = vec![Vec::new(); known.len()];
    for record in records {
        let mut error = |key: &str, message: String, hint: &str| {
            errors.push(RowError {
                row: record.row,
                column: record.column(key),
                message,
                hint: hint.to_owned(),
            })
        };
        let customer = record.get("customer").unwrap_or_default();
        let Some(&at) = by_name.get(&key_of(customer)) else {
            error(
                "customer",
                format!("no customer `{customer}` (by id or name) in customers/"),
                "add the customer's file first (customers/<id>.toml), or write its id",
            );
            continue;
        };
        let c = &known[at];
        let serial = record.get("serial").unwrap_or_default();
        if let Some(&other) = by_serial.get(serial)
            && other != at
        {
            error(
                "serial",
                format!(
                    "{serial} is installed at {} (customers/{}.toml), not {}",
                    known[other].id, known[other].id, c.id
                ),
                "a product moves to another customer by hand, in both files",
            );
            continue;
        }
        let site = record.get("site").unwrap_or_default();
        let Some(site_id) = c.sites.get(&key_of(site)) else {
            let mut names: Vec<&String> = c.sites.values().collect();
            names.sort();
            names.dedup();
            error(
                "site",
                format!("customer {} has no site `{site}`", c.id),
                &format!(
                    "one of: {} (by id or name); add the site to customers/{}.toml first",
                    names
                        .iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    c.id
                ),
            );
            continue;
        };
        let mut resolved = record.clone();
        resolved.values.retain(|(k, _)| *k != "customer");
        for (k, v) in resolved.values.iter_mut() {
            if *k == "site" {
                *v = site_id.clone();
            }
        }
        rows[at].push(resolved);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut changes = Vec::new();
    let mut untouched = 0;
    let mut edits = Vec::new();
    for (at, c) in known.iter_mut().enumerate() {
        if rows[at].is_empty() {
            continue;
        }
        let rel = PathBuf::from(format!("customers/{}.toml", c.id));
        let before = c.doc.to_string();
        let (these, left) = catalog::edit(
            &mut c.doc,
            &rel,
            "products",
            "serial",
            Kind::Products,
            &rows[at],
        )
        .map_err(|message| {
            vec![RowError {
                row: 0,
                column: None,
                message,
                hint: "fix the file, then import again".to_owned(),
            }]
        })?;
        untouched += left;
        let source = files
            .iter()
            .find(|f| f.rel == rel)
            .map_or(before.as_str(), |f| f.text.as_str());
        edits.extend(catalog::finish(rel, Some(source), &c.doc, &these));
        changes.extend(these);
    }
    changes.sort_by_key(|c| match c {
        Change::Add { record } | Change::Update { record, .. } | Change::Same { record } => {
            record.row
        }
    });
    Ok(Plan {
        changes,
        untouched,
        files: edits,
    })
}
