//! What `svc check` found in each commit it judged, remembered under `.git/svc/` by commit
//! id — so that a check after one new step judges only that step.
//!
//! A commit's judgement depends on nothing but the commit (its id covers its tree, its
//! parents, its message, its author and its signature) and the version of svc's rules, so a
//! commit id with its findings is a fact that never goes stale. The file is a cache and never
//! the truth: written whole and renamed into place, it ends with a checksum of everything
//! before it; one that is missing, from another version, truncated or altered is ignored
//! (and rewritten by the next check), and `svc check --full` ignores it anyway.

use crate::forms::finding::{Finding, Location};
use crate::workspace::fsutil::write_atomic;
use git2::Oid;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The version of the judgement: a change to what `svc check` finds in a commit changes it,
/// and every remembered judgement is then forgotten.
const JUDGEMENT: &str = "judgement 1";

/// The history findings of each remembered commit.
#[derive(Debug, Default)]
pub struct Verified {
    commits: HashMap<Oid, Vec<Finding>>,
    /// Whether anything was added since the file was read.
    changed: bool,
}

fn header() -> String {
    format!("svc-verified {} {JUDGEMENT}\n", env!("CARGO_PKG_VERSION"))
}

/// The file, in svc's folder of the repository.
pub fn path(svc_dir: &Path) -> PathBuf {
    svc_dir.join("verified")
}

impl Verified {
    /// Read what was remembered; anything doubtful reads as nothing remembered.
    pub fn read(svc_dir: &Path) -> Verified {
        let Ok(text) = std::fs::read_to_string(path(svc_dir)) else {
            return Verified::default();
        };
        parse(&text).unwrap_or_default()
    }

    /// The findings remembered for a commit, if it was judged.
    pub fn get(&self, commit: Oid) -> Option<&[Finding]> {
        self.commits.get(&commit).map(Vec::as_slice)
    }

    /// Remember the findings of a commit.
    pub fn insert(&mut self, commit: Oid, findings: Vec<Finding>) {
        self.commits.insert(commit, findings);
        self.changed = true;
    }

    /// How many commits are remembered.
    pub fn len(&self) -> usize {
        self.commits.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.commits.is_empty()
    }

    /// Write the file again when something was added (whole, then renamed into place: a
    /// write cut short leaves the old file or none, never half a one).
    pub fn save(&self, svc_dir: &Path) -> std::io::Result<()> {
        if !self.changed {
            return Ok(());
        }
        std::fs::create_dir_all(svc_dir)?;
        write_atomic(&path(svc_dir), render(self).as_bytes())
    }
}

/// The file's text: the header, a line per commit (`<id> <findings>`) and a line per finding
/// (`\t<file>\t<message>\t<hint>`), then `end <checksum of all before>`.
fn render(v: &Verified) -> String {
    let mut ids: Vec<&Oid> = v.commits.keys().collect();
    ids.sort();
    let mut text = header();
    for id in ids {
        let findings = &v.commits[id];
        text.push_str(&format!("{id} {}\n", findings.len()));
        for f in findings {
            text.push_str(&format!(
                "\t{}\t{}\t{}\n",
                escape(&f.location.file.to_string_lossy()),
                escape(&f.message),
                escape(f.hint.as_deref().unwrap_or_default())
            ));
        }
    }
    let sum = crate::forms::blob_id(text.as_bytes());
    text.push_str(&format!("end {sum}\n"));
    text
}

fn parse(text: &str) -> Option<Verified> {
    let body = text.strip_suffix('\n')?;
    let (before, last) = body.rsplit_once('\n')?;
    let before = format!("{before}\n");
    let sum = last.strip_prefix("end ")?;
    if crate::forms::blob_id(before.as_bytes()) != sum {
        return None;
    }
    let mut lines = before.lines();
    if format!("{}\n", lines.next()?) != header() {
        return None;
    }
    let mut commits = HashMap::new();
    while let Some(line) = lines.next() {
        let (id, count) = line.split_once(' ')?;
        let id = Oid::from_str(id).ok()?;
        let count: usize = count.parse().ok()?;
        let mut findings = Vec::with_capacity(count);
        for _ in 0..count {
            let mut fields = lines.next()?.strip_prefix('\t')?.split('\t');
            let (file, message, hint) = (fields.next()?, fields.next()?, fields.next()?);
            let mut f =
                Finding::error("history", Location::file(unescape(file)), unescape(message));
            if !hint.is_empty() {
                f = f.hint(unescape(hint));
            }
            f.commit = Some(id.to_string());
            findings.push(f);
        }
        commits.insert(id, findings);
    }
    Some(Verified {
        commits,
        changed: false,
    })
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(commit: Oid, message: &str) -> Finding {
        let mut f = Finding::error("history", Location::file("cases/a\tb/case.toml"), message)
            .hint("a hint\nover two lines \\ with a backslash");
        f.commit = Some(commit.to_string());
        f
    }

    #[test]
    fn what_is_remembered_reads_back_and_a_doubtful_file_reads_as_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (
            Oid::from_str("1111111111111111111111111111111111111111").unwrap(),
            Oid::from_str("2222222222222222222222222222222222222222").unwrap(),
        );
        let mut v = Verified::default();
        v.insert(a, Vec::new());
        v.insert(b, vec![finding(b, "commit 2222222222: one\tthing")]);
        v.save(dir.path()).unwrap();
        let back = Verified::read(dir.path());
        assert_eq!(back.len(), 2);
        assert_eq!(back.get(a), Some(&[][..]));
        assert_eq!(back.get(b), v.get(b));
        // Truncated, altered, or of another version: nothing.
        let text = std::fs::read_to_string(path(dir.path())).unwrap();
        for bad in [
            text[..text.len() / 2].to_string(),
            text.replacen("one", "two", 1),
            text.replacen("svc-verified ", "svc-verified 0.0.0-other ", 1),
        ] {
            std::fs::write(path(dir.path()), bad).unwrap();
            assert!(Verified::read(dir.path()).is_empty());
        }
    }
}
