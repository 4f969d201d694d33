//! What `svc check` found in each commit it judged, remembered under `.git/svc/` by commit
//! id — so that a check after one new step judges only that step.
//!
//! A commit's judgement depends on nothing but the commit (its id covers its tree, its
//! parents, its message, its author and its signature) and the version of svc's rules, so a
//! commit id with its findings is a fact that never goes stale — in the language they were
//! worded in: the file names it, and one of another language is not believed. Beside the
//! commits, the file names the last HEAD checked whole (its *tip*): the commits of the tip's
//! history that had findings, its root commits and the root its first parents lead to. A
//! check of a HEAD that descends from the tip then walks only the commits the tip does not
//! have.
//!
//! The file is a cache and never the truth: written whole and renamed into place, it ends
//! with a checksum of everything before it; one that is missing, from another version, cut
//! short or altered is ignored (and written again by the next check), and `svc check --full`
//! ignores it anyway. The commits are kept as sorted binary ids, looked up where they lie in
//! the file as read, so that reading a memory of a million commits costs reading its bytes.

use crate::forms::finding::{Finding, Location};
use crate::workspace::index::{Reader, Writer, open_sealed};
use git2::Oid;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The version of the judgement: a change to what `svc check` finds in a commit changes it,
/// and every remembered judgement is then forgotten.
const JUDGEMENT: &str = "judgement 2";

/// The length of a binary commit id.
const ID: usize = 20;

/// The last HEAD whose whole history was checked, and what the answer needs of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tip {
    /// The commit.
    pub commit: Oid,
    /// The root commit its first parents lead to: the workspace's own first commit.
    pub first_root: Oid,
    /// Every root commit of its history.
    pub roots: Vec<Oid>,
    /// The commits of its history that had findings, in the order they were judged.
    pub flagged: Vec<Oid>,
}

/// The history findings of each remembered commit.
#[derive(Debug, Default)]
pub struct Verified {
    /// The file as read.
    bytes: Vec<u8>,
    /// Where its sorted commit ids lie.
    ids: Range<usize>,
    /// The findings of its commits that had some.
    found: BTreeMap<Oid, Vec<Finding>>,
    tip: Option<Tip>,
    /// Commits judged since it was read, with their findings.
    added: BTreeMap<Oid, Vec<Finding>>,
    /// Whether anything changed since the file was read.
    changed: bool,
}

/// The first line of the file: what it is, which svc wrote it, and the language its findings
/// are worded in (a memory of another language is judged again, never shown).
fn magic() -> String {
    format!(
        "svc-verified {} {JUDGEMENT} {}\n",
        env!("CARGO_PKG_VERSION"),
        crate::i18n::current().tag()
    )
}

/// The file, in svc's folder of the repository.
pub fn path(svc_dir: &Path) -> PathBuf {
    svc_dir.join("verified")
}

impl Verified {
    /// Read what was remembered; anything doubtful reads as nothing remembered.
    pub fn read(svc_dir: &Path) -> Verified {
        std::fs::read(path(svc_dir))
            .ok()
            .and_then(decode)
            .unwrap_or_default()
    }

    /// The findings remembered for a commit, if it was judged.
    pub fn get(&self, commit: Oid) -> Option<&[Finding]> {
        if let Some(f) = self.added.get(&commit) {
            return Some(f);
        }
        if !self.has_read(commit) {
            return None;
        }
        Some(self.found.get(&commit).map_or(&[][..], Vec::as_slice))
    }

    /// Whether the file as read holds the commit.
    fn has_read(&self, commit: Oid) -> bool {
        let ids = &self.bytes[self.ids.clone()];
        let (mut lo, mut hi) = (0, ids.len() / ID);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match ids[mid * ID..(mid + 1) * ID].cmp(commit.as_bytes()) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }

    /// Remember the findings of a commit.
    pub fn insert(&mut self, commit: Oid, findings: Vec<Finding>) {
        self.added.insert(commit, findings);
        self.changed = true;
    }

    /// The last HEAD checked whole.
    pub fn tip(&self) -> Option<&Tip> {
        self.tip.as_ref()
    }

    /// Remember the HEAD just checked whole.
    pub fn set_tip(&mut self, tip: Tip) {
        if self.tip.as_ref() != Some(&tip) {
            self.tip = Some(tip);
            self.changed = true;
        }
    }

    /// How many commits are remembered.
    pub fn len(&self) -> usize {
        let read = self.ids.len() / ID;
        read + self.added.keys().filter(|c| !self.has_read(**c)).count()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Write the file again when something changed (whole, then renamed into place: a
    /// write cut short leaves the old file or none, never half a one).
    pub fn save(&self, svc_dir: &Path) -> std::io::Result<()> {
        if !self.changed {
            return Ok(());
        }
        crate::workspace::fsutil::write_cache(&path(svc_dir), &self.encode(), &|_| {})
    }

    /// The file: the magic line; the tip, if any; the count of commits and their sorted
    /// ids; the commits with findings, each with its findings (file, message, hint); then
    /// the checksum of all before it.
    fn encode(&self) -> Vec<u8> {
        let read = &self.bytes[self.ids.clone()];
        let new: Vec<&Oid> = self.added.keys().filter(|c| !self.has_read(**c)).collect();
        let mut w = Writer::default();
        w.buf.reserve(read.len() + ID * new.len() + 4096);
        w.bytes(magic().as_bytes());
        match &self.tip {
            Some(tip) => {
                w.bytes(&[1]);
                w.bytes(tip.commit.as_bytes());
                w.bytes(tip.first_root.as_bytes());
                ids(&mut w, &tip.roots);
                ids(&mut w, &tip.flagged);
            }
            None => w.bytes(&[0]),
        }
        // The ids as read and the new ones, merged in order.
        w.u64((read.len() / ID + new.len()) as u64);
        let mut old = read.chunks_exact(ID).peekable();
        for id in new {
            while let Some(o) = old.next_if(|o| *o < id.as_bytes()) {
                w.bytes(o);
            }
            w.bytes(id.as_bytes());
        }
        for o in old {
            w.bytes(o);
        }
        let mut found: BTreeMap<&Oid, &Vec<Finding>> = self.found.iter().collect();
        found.extend(self.added.iter().filter(|(_, f)| !f.is_empty()));
        w.u64(found.len() as u64);
        for (id, findings) in found {
            w.bytes(id.as_bytes());
            w.u64(findings.len() as u64);
            for f in findings {
                w.str(&f.location.file.to_string_lossy());
                w.str(&f.message);
                w.opt(f.hint.as_deref());
            }
        }
        w.seal()
    }
}

fn ids(w: &mut Writer, ids: &[Oid]) {
    w.u64(ids.len() as u64);
    for id in ids {
        w.bytes(id.as_bytes());
    }
}

fn read_id(r: &mut Reader) -> Option<Oid> {
    Oid::from_bytes(r.take(ID)?).ok()
}

fn read_ids(r: &mut Reader) -> Option<Vec<Oid>> {
    let n = usize::try_from(r.u64()?).ok()?;
    if n > r.rest_len() / ID {
        return None;
    }
    (0..n).map(|_| read_id(r)).collect()
}

/// The memory in `bytes`, when they are whole, of this version, and their checksum holds.
fn decode(bytes: Vec<u8>) -> Option<Verified> {
    let (body, mut r) = open_sealed(&bytes, &magic())?;
    let tip = match r.take(1)?.first()? {
        0 => None,
        1 => Some(Tip {
            commit: read_id(&mut r)?,
            first_root: read_id(&mut r)?,
            roots: read_ids(&mut r)?,
            flagged: read_ids(&mut r)?,
        }),
        _ => return None,
    };
    let count = usize::try_from(r.u64()?).ok()?;
    let start = body.len() - r.rest_len();
    let sorted = r.take(count.checked_mul(ID)?)?;
    if sorted
        .chunks_exact(ID)
        .zip(sorted.chunks_exact(ID).skip(1))
        .any(|(a, b)| a >= b)
    {
        return None;
    }
    let ids = start..start + sorted.len();
    let mut found = BTreeMap::new();
    for _ in 0..r.u64()? {
        let id = read_id(&mut r)?;
        let n = r.u64()?;
        let mut findings = Vec::new();
        for _ in 0..n {
            let file = r.str()?;
            let message = r.str()?;
            let hint = r.opt()?;
            let mut f = Finding::error("history", Location::file(file), message);
            if let Some(hint) = hint {
                f = f.hint(hint);
            }
            f.commit = Some(id.to_string());
            findings.push(f);
        }
        found.insert(id, findings);
    }
    if !r.done() {
        return None;
    }
    let v = Verified {
        bytes,
        ids,
        found,
        tip,
        added: BTreeMap::new(),
        changed: false,
    };
    // What the file says of commits it does not hold is not believed.
    let holds = |c: &Oid| v.has_read(*c);
    let whole =
        v.found.keys().all(holds) && v.tip.as_ref().is_none_or(|t| t.flagged.iter().all(holds));
    whole.then_some(v)
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

    fn oid(digit: char) -> Oid {
        Oid::from_str(&digit.to_string().repeat(40)).unwrap()
    }

    #[test]
    fn what_is_remembered_reads_back_and_a_doubtful_file_reads_as_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b, c) = (oid('1'), oid('2'), oid('3'));
        let mut v = Verified::default();
        v.insert(b, vec![finding(b, "commit 2222222222: one\tthing")]);
        v.insert(a, Vec::new());
        let tip = Tip {
            commit: b,
            first_root: c,
            roots: vec![c],
            flagged: vec![b],
        };
        v.set_tip(tip.clone());
        v.save(dir.path()).unwrap();
        let mut back = Verified::read(dir.path());
        assert_eq!(back.len(), 2);
        assert_eq!(back.get(a), Some(&[][..]));
        assert_eq!(back.get(b), v.get(b));
        assert_eq!(back.get(c), None);
        assert_eq!(back.tip(), Some(&tip));
        // More commits merge in order with those read.
        back.insert(c, Vec::new());
        back.insert(oid('0'), vec![finding(oid('0'), "zero")]);
        back.save(dir.path()).unwrap();
        let again = Verified::read(dir.path());
        assert_eq!(again.len(), 4);
        assert_eq!(again.get(oid('0')), back.get(oid('0')));
        assert_eq!(again.get(b), v.get(b));
        assert_eq!(again.get(c), Some(&[][..]));
        // Cut short, altered, or of another version: nothing.
        let bytes = std::fs::read(path(dir.path())).unwrap();
        let mut altered = bytes.clone();
        let at = bytes.len() / 2;
        altered[at] ^= 1;
        let mut other = bytes.clone();
        other.splice(
            ..magic().len(),
            b"svc-verified 0.0.0 judgement 2\n".iter().copied(),
        );
        for bad in [
            bytes[..bytes.len() / 2].to_vec(),
            altered,
            other,
            Vec::new(),
        ] {
            std::fs::write(path(dir.path()), bad).unwrap();
            let read = Verified::read(dir.path());
            assert!(read.is_empty() && read.tip().is_none());
        }
    }
}
