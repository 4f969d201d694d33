//! Validation of a whole workspace (or some of its cases): every case folder read and
//! checked in parallel, plus the checks that span cases (duplicate ids).

use crate::forms::State;
use crate::forms::decode::Timestamp;
use crate::forms::finding::{self, Finding, Location, Severity};
use crate::rules::{self, Context};
use crate::workspace::Workspace;
use crate::workspace::case::{self, Case};
use rayon::prelude::*;
use serde::Serialize;
use std::path::PathBuf;

/// The key facts of a case, for lists.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    /// The case id (the folder name when case.toml is unreadable).
    pub id: String,
    /// The folder, relative to the root.
    pub dir: PathBuf,
    /// The state, when known.
    pub state: Option<State>,
    /// The customer id.
    pub customer: Option<String>,
    /// The title.
    pub title: Option<String>,
    /// The assignees.
    pub assignees: Vec<String>,
    /// When the case was opened.
    pub opened_at: Option<Timestamp>,
    /// How many errors the case has.
    pub errors: usize,
    /// How many warnings the case has.
    pub warnings: usize,
}

impl Overview {
    /// The overview of a loaded case with its findings.
    pub fn of(case: &Case, findings: &[Finding]) -> Overview {
        let file = case.file.as_ref();
        Overview {
            id: case.id().to_string(),
            dir: case.dir.clone(),
            state: case.state(),
            customer: file.map(|f| f.customer.value.clone()),
            title: file.map(|f| f.title.clone()),
            assignees: file
                .map(|f| f.assignees.iter().map(|a| a.value.clone()).collect())
                .unwrap_or_default(),
            opened_at: file.map(|f| f.opened_at.value),
            errors: findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count(),
            warnings: findings
                .iter()
                .filter(|f| f.severity == Severity::Warning)
                .count(),
        }
    }
}

/// The result of validating.
#[derive(Debug, Default, Serialize)]
pub struct Validation {
    /// The cases looked at, in folder order.
    pub cases: Vec<Overview>,
    /// Every finding, sorted by file and position.
    pub findings: Vec<Finding>,
}

impl Validation {
    /// How many errors.
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.is_error()).count()
    }

    /// How many warnings.
    pub fn warnings(&self) -> usize {
        self.findings.len() - self.errors()
    }
}

/// Validate the cases in `dirs` (all of them when `None`) and the shared files.
pub fn validate(ws: &Workspace, dirs: Option<&[PathBuf]>, now: Timestamp) -> Validation {
    let (all, mut findings) = case::discover(&ws.root);
    findings.extend(ws.findings.iter().cloned());
    let selected: &[PathBuf] = dirs.unwrap_or(&all);
    let cx = Context { ws, now };
    let checked: Vec<(Overview, Vec<Finding>, Location)> = selected
        .par_iter()
        .map(|dir| {
            let case = case::load(&ws.root, dir);
            let found = rules::check_case(&cx, &case);
            let id_at = case
                .file
                .as_ref()
                .map_or_else(|| Location::file(dir), |f| f.at(f.id.span));
            (Overview::of(&case, &found), found, id_at)
        })
        .collect();
    // Ids of the cases not read this time are their folder names (rule `id` keeps them equal).
    let mut ids: Vec<(String, PathBuf, Location)> = checked
        .iter()
        .map(|(o, _, at)| (o.id.clone(), o.dir.clone(), at.clone()))
        .collect();
    if dirs.is_some() {
        ids.extend(all.iter().filter(|d| !selected.contains(d)).map(|d| {
            let name = d
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, d.clone(), Location::file(d))
        }));
    }
    let duplicates = rules::duplicate_ids(&ids);
    let mut cases = Vec::with_capacity(checked.len());
    for (mut overview, found, _) in checked {
        let dup = duplicates
            .iter()
            .filter(|f| f.location.file.starts_with(&overview.dir))
            .count();
        overview.errors += dup;
        findings.extend(found);
        cases.push(overview);
    }
    findings.extend(
        duplicates
            .into_iter()
            .filter(|f| selected.iter().any(|d| f.location.file.starts_with(d))),
    );
    finding::sort(&mut findings);
    Validation { cases, findings }
}
