//! The customers' files (`customers/<id>.toml`), read when a customer is first asked for:
//! naming one case, or taking a step on it, reads its own customer's file and no other,
//! however many customers the workspace keeps. Whatever asks about all of them (validation,
//! a list of names to suggest from) reads them all, once.

use super::{Loaded, decode_file, is_link, link_finding, read_source, suggest};
use crate::forms::config::Customer;
use crate::forms::finding::{Finding, Location};
use crate::t;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The customers of a workspace, by id (the file's name without `.toml`).
#[derive(Debug, Default)]
pub struct Customers {
    root: PathBuf,
    /// What the folder's listing holds, in order of name.
    listed: Vec<Listed>,
    /// Each customer file's place in `listed`, by id.
    by_id: BTreeMap<String, usize>,
}

/// One name in the folder: a customer's file, read when first needed, or a file svc does
/// not read (and says so).
#[derive(Debug)]
enum Listed {
    File { id: String, read: OnceLock<Read> },
    Ignored(Finding),
}

/// A customer's file as read: the customer when it could be decoded, what is wrong in it,
/// and the object id of its bytes when they could be read.
#[derive(Debug, Default)]
struct Read {
    customer: Option<Loaded<Customer>>,
    findings: Vec<Finding>,
    blob: Option<String>,
}

impl Customers {
    /// List the customers of the workspace at `root` (their files are read later); the
    /// problems of the folder itself go to `findings`.
    pub fn list(root: &Path, findings: &mut Vec<Finding>) -> Customers {
        let mut customers = Customers {
            root: root.to_path_buf(),
            ..Customers::default()
        };
        if is_link(root, Path::new("customers")) {
            findings.push(link_finding(root, Path::new("customers")));
            return customers;
        }
        let Ok(entries) = std::fs::read_dir(root.join("customers")) else {
            findings.push(
                Finding::error(
                    "layout",
                    Location::file("customers"),
                    t!("ws-layout-no-customers"),
                )
                .hint(t!("ws-layout-no-customers-hint")),
            );
            return customers;
        };
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .collect();
        names.sort();
        for name in names {
            let rel = Path::new("customers").join(&name);
            let listed = match name.strip_suffix(".toml") {
                Some(id) => {
                    customers
                        .by_id
                        .insert(id.to_string(), customers.listed.len());
                    Listed::File {
                        id: id.to_string(),
                        read: OnceLock::new(),
                    }
                }
                None if name.ends_with(".yaml") || name.ends_with(".yml") => Listed::Ignored(
                    Finding::error(
                        "layout",
                        Location::file(&rel),
                        t!("ws-layout-customer-yaml", file = rel.display().to_string()),
                    )
                    .hint(t!("ws-layout-customer-yaml-hint")),
                ),
                None if !name.starts_with('.') => Listed::Ignored(Finding::warning(
                    "layout",
                    Location::file(&rel),
                    t!("ws-layout-customer-ignored"),
                )),
                None => continue,
            };
            customers.listed.push(listed);
        }
        customers
    }

    fn read(&self, at: usize) -> Option<(&str, &Read)> {
        match &self.listed[at] {
            Listed::File { id, read } => Some((id, read.get_or_init(|| read_one(&self.root, id)))),
            Listed::Ignored(_) => None,
        }
    }

    /// The customer `id`, when its file exists and could be read.
    pub fn get(&self, id: &str) -> Option<&Loaded<Customer>> {
        let at = *self.by_id.get(id)?;
        self.read(at)?.1.customer.as_ref()
    }

    /// Whether the customer `id` is there (its file read and decoded).
    pub fn contains_key(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// Every customer, by id, in order (every file read).
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Loaded<Customer>)> {
        (0..self.listed.len()).filter_map(|at| match &self.listed[at] {
            Listed::File { id, .. } => Some((id, self.read(at)?.1.customer.as_ref()?)),
            Listed::Ignored(_) => None,
        })
    }

    /// The ids of every customer, in order (every file read).
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.iter().map(|(id, _)| id)
    }

    /// Every customer, in order of id (every file read).
    pub fn values(&self) -> impl Iterator<Item = &Loaded<Customer>> {
        self.iter().map(|(_, c)| c)
    }

    /// The object id of customer `id`'s file, when it could be read.
    pub fn blob_id(&self, id: &str) -> Option<&str> {
        let at = *self.by_id.get(id)?;
        self.read(at)?.1.blob.as_deref()
    }

    /// What is wrong in the folder's files, in order of name (every file read).
    pub fn findings(&self) -> Vec<Finding> {
        let mut found = Vec::new();
        for at in 0..self.listed.len() {
            match &self.listed[at] {
                Listed::Ignored(f) => found.push(f.clone()),
                Listed::File { .. } => {
                    if let Some((_, read)) = self.read(at) {
                        found.extend(read.findings.iter().cloned());
                    }
                }
            }
        }
        found
    }
}

/// Read and check the file of customer `id`.
fn read_one(root: &Path, id: &str) -> Read {
    let rel = Path::new("customers").join(format!("{id}.toml"));
    let mut read = Read::default();
    let source = match read_source(root, &rel) {
        Ok(source) => source,
        Err(finding) => {
            read.findings.push(*finding);
            return read;
        }
    };
    read.blob = Some(crate::forms::blob_id(source.text.as_bytes()));
    let Some(value) = decode_file::<Customer>(&source, &mut read.findings) else {
        return read;
    };
    let customer = Loaded { value, source };
    if customer.id.value != id {
        read.findings.push(
            Finding::error(
                "id",
                customer.at(customer.id.span),
                t!(
                    "ws-id-customer-file-name",
                    id = &customer.id.value,
                    file_id = id
                ),
            )
            .hint(t!(
                "ws-id-customer-file-name-hint",
                id = &customer.id.value,
                file_id = id
            )),
        );
    }
    customer_findings(&customer, &mut read.findings);
    read.customer = Some(customer);
    read
}

fn customer_findings(c: &Loaded<Customer>, found: &mut Vec<Finding>) {
    let mut sites = std::collections::BTreeSet::new();
    for site in &c.sites {
        if !sites.insert(site.id.value.as_str()) {
            found.push(Finding::error(
                "id",
                c.at(site.id.span),
                t!("ws-id-site-twice", site = &site.id.value),
            ));
        }
    }
    for product in &c.products {
        if !sites.contains(product.site.value.as_str()) {
            found.push(
                Finding::error(
                    "ref",
                    c.at(product.site.span),
                    t!(
                        "ws-ref-unknown-site",
                        serial = &product.serial.value,
                        site = &product.site.value
                    ),
                )
                .hint_opt(suggest(&product.site.value, sites.iter().copied())),
            );
        }
    }
    for product in &c.products {
        if let Some(installed) = &product.installed_on
            && product.warranty_end.value < installed.value
        {
            found.push(
                Finding::error(
                    "dates",
                    c.at(product.warranty_end.span),
                    t!(
                        "ws-dates-warranty-before-install",
                        serial = &product.serial.value,
                        warranty_end = product.warranty_end.value.to_string(),
                        installed = installed.value.to_string()
                    ),
                )
                .hint(t!("ws-dates-warranty-before-install-hint")),
            );
        }
    }
    for agreement in &c.agreements {
        for bad in agreement.targets.iter().flat_map(|t| t.unreadable()) {
            found.push(
                Finding::error(
                    "schema",
                    c.at(bad.span),
                    t!("ws-schema-allowance", allowance = &bad.value),
                )
                .hint(t!("ws-schema-allowance-hint")),
            );
        }
        if agreement.valid_to.value < agreement.valid_from.value {
            found.push(Finding::error(
                "dates",
                c.at(agreement.valid_to.span),
                t!(
                    "ws-dates-agreement-reversed",
                    agreement = &agreement.id.value,
                    end = agreement.valid_to.value.to_string(),
                    start = agreement.valid_from.value.to_string()
                ),
            ));
        }
    }
}
