//! What imported rows of customers, and of the installed base, change in
//! `customers/<id>.toml`. A customer row is its file's `id`, `name`, `name_en` and
//! `salesperson` (a person's id or name in people.toml); a new id is a new file. A product row's
//! product goes under the customer it names (by id, or by its name in either language) in
//! `[[products]]`, at the site it names (by id or name); a serial already installed at
//! another customer is an error, since moving a product is a decision for a person, not a
//! sheet.

use super::catalog::{self, Change, Plan};
use super::{Kind, Record, RowError, half_width};
use crate::t;
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

struct Known<'f> {
    id: String,
    /// The file it was read from, as it stands.
    file: &'f CustomerFile,
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
                    hint: t!("import-fix-shared-file-hint"),
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
        known.push(Known {
            id,
            file,
            doc,
            sites,
        });
    }
    // Each row resolved to its customer, with the site as its id.
    let mut rows: Vec<Vec<Record>> = vec![Vec::new(); known.len()];
    for record in records {
        let mut error = |key: &str, message: String, hint: String| {
            errors.push(RowError {
                row: record.row,
                column: record.column(key),
                message,
                hint,
            })
        };
        let customer = record.get("customer").unwrap_or_default();
        let Some(&at) = by_name.get(&key_of(customer)) else {
            error(
                "customer",
                t!("import-no-customer", customer = customer),
                t!("import-no-customer-hint"),
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
                t!(
                    "import-serial-elsewhere",
                    serial = serial,
                    other = &known[other].id,
                    customer = &c.id
                ),
                t!("import-serial-elsewhere-hint"),
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
                t!("import-no-site", customer = &c.id, site = site),
                t!(
                    "import-no-site-hint",
                    sites = names
                        .iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    customer = &c.id
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
        let rel = c.file.rel.clone();
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
                hint: t!("import-fix-file-hint"),
            }]
        })?;
        untouched += left;
        edits.extend(catalog::finish(rel, Some(&c.file.text), &c.doc, &these));
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

/// The plan of importing the customer `records`: each matched to `customers/<id>.toml` by
/// id, its fields set at the top of the file (a new id is a new file); `people` are
/// (id, name) of everyone in people.toml, for the salesperson.
pub fn plan_customers(
    files: &[CustomerFile],
    people: &[(String, String)],
    records: &[Record],
) -> Result<Plan, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut changes = Vec::new();
    let mut edits = Vec::new();
    for record in records {
        let id = record.get("id").unwrap_or_default();
        if !crate::workspace::is_safe_id(id) {
            errors.push(RowError {
                row: record.row,
                column: record.column("id"),
                message: t!("import-bad-customer-id", id = id),
                hint: t!("import-bad-customer-id-hint"),
            });
            continue;
        }
        let mut resolved = record.clone();
        if let Some(sales) = record.get("salesperson") {
            let key = key_of(sales);
            match people
                .iter()
                .find(|(pid, name)| key_of(pid) == key || key_of(name) == key)
            {
                Some((pid, _)) => {
                    for (k, v) in resolved.values.iter_mut() {
                        if *k == "salesperson" {
                            *v = pid.clone();
                        }
                    }
                }
                None => {
                    errors.push(RowError {
                        row: record.row,
                        column: record.column("salesperson"),
                        message: t!("import-unknown-salesperson", name = sales),
                        hint: t!("import-unknown-salesperson-hint"),
                    });
                    continue;
                }
            }
        }
        let rel = PathBuf::from(format!("customers/{id}.toml"));
        let current = files.iter().find(|f| f.rel == rel).map(|f| f.text.as_str());
        let mut doc = match catalog::parse(&rel, current) {
            Ok(doc) => doc,
            Err(message) => {
                errors.push(RowError {
                    row: record.row,
                    column: None,
                    message,
                    hint: t!("import-fix-file-hint"),
                });
                continue;
            }
        };
        let fields = catalog::update(doc.as_table_mut(), Kind::Customers, &resolved.values);
        let change = match (current, fields.is_empty()) {
            (None, _) => Change::Add { record: resolved },
            (Some(_), true) => Change::Same { record: resolved },
            (Some(_), false) => Change::Update {
                record: resolved,
                fields,
            },
        };
        edits.extend(catalog::finish(
            rel,
            current,
            &doc,
            std::slice::from_ref(&change),
        ));
        changes.push(change);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let named: Vec<PathBuf> = records
        .iter()
        .filter_map(|r| r.get("id"))
        .map(|id| PathBuf::from(format!("customers/{id}.toml")))
        .collect();
    let untouched = files.iter().filter(|f| !named.contains(&f.rel)).count();
    Ok(Plan {
        changes,
        untouched,
        files: edits,
    })
}
