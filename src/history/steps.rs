//! Which commits record a case's steps: found by reading every commit message back from
//! HEAD, or through a map of case ids to commits kept in `.git/svc/steps` for the commit
//! it was made at, so that `svc log` of any case costs the same however old the case is.
//!
//! The map is a cache and never the truth. It names the commit it holds the steps up to;
//! when HEAD is that commit it is read as it is, when HEAD descends from it only the new
//! commits are read and added, and otherwise (another branch, a reset, a rewritten
//! history) it is made again from the whole history. One that is missing, cut short,
//! altered or of another version is not read. Both ways give the commits in the same
//! order: by author time, a tie settled by ancestry, then by id.

use crate::history::log::trailers;
use crate::history::store::{StoreError, git};
use crate::workspace::index::{Writer, open_sealed};
use git2::{Oid, Repository, Sort};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The first line of the file: what it is and which svc wrote it.
fn magic() -> String {
    format!("svc-steps 1 {}\n", env!("CARGO_PKG_VERSION"))
}

/// The commits from HEAD back that carry `case`'s trailers, in the order above: through
/// the map when `cached`, brought up to date and written back; by reading every commit
/// otherwise.
pub fn commits_of(repo: &Repository, case: &str, cached: bool) -> Result<Vec<Oid>, StoreError> {
    let Some(head) = repo.head().ok().and_then(|h| h.target()) else {
        return Ok(Vec::new());
    };
    let found = if cached {
        through_map(repo, head, case)?
    } else {
        let mut one = read_commits(repo, head, None, Some(case))?;
        one.remove(case).unwrap_or_default()
    };
    order(repo, found)
}

fn map_path(repo: &Repository) -> PathBuf {
    repo.path().join("svc").join("steps")
}

fn through_map(repo: &Repository, head: Oid, case: &str) -> Result<Vec<Oid>, StoreError> {
    let path = map_path(repo);
    let bytes = std::fs::read(&path).unwrap_or_default();
    let map = Map::parse(&bytes);
    if let Some(map) = &map
        && map.tip == head
    {
        return Ok(map.get(case));
    }
    let since = map
        .as_ref()
        .filter(|m| repo.graph_descendant_of(head, m.tip).unwrap_or(false))
        .map(|m| m.tip);
    let new = read_commits(repo, head, since, None)?;
    let mut found = match (&map, since) {
        (Some(map), Some(_)) => map.get(case),
        _ => Vec::new(),
    };
    found.extend(new.get(case).into_iter().flatten());
    let written = match (&map, since) {
        (Some(map), Some(_)) => map.extended(head, &new),
        _ => encode(
            head,
            new.iter().map(|(c, ids)| (c.as_str(), ids.as_slice())),
        ),
    };
    // A map that cannot be written costs the next run time, never its answer.
    let _ = crate::workspace::fsutil::write_cache(&path, &written, &|_| {});
    Ok(found)
}

/// Every case's commits (or only `only`'s) reachable from `head` and not from `since`, read
/// from the commit messages.
fn read_commits(
    repo: &Repository,
    head: Oid,
    since: Option<Oid>,
    only: Option<&str>,
) -> Result<BTreeMap<String, Vec<Oid>>, StoreError> {
    let mut walk = repo.revwalk().map_err(git("walking the history"))?;
    walk.set_sorting(Sort::NONE)
        .map_err(git("walking the history"))?;
    walk.push(head).map_err(git("walking the history"))?;
    if let Some(since) = since {
        walk.hide(since).map_err(git("walking the history"))?;
    }
    let mut cases: BTreeMap<String, Vec<Oid>> = BTreeMap::new();
    for oid in walk {
        let oid = oid.map_err(git("walking the history"))?;
        let commit = repo.find_commit(oid).map_err(git("reading a commit"))?;
        let Some(t) = commit.message().ok().and_then(trailers) else {
            continue;
        };
        if only.is_none_or(|c| c == t.case) {
            cases.entry(t.case).or_default().push(oid);
        }
    }
    Ok(cases)
}

/// The commits in their order: by author time; commits of the same second with the
/// ancestors first, then by id.
fn order(repo: &Repository, mut ids: Vec<Oid>) -> Result<Vec<Oid>, StoreError> {
    ids.sort();
    ids.dedup();
    let mut timed: Vec<(i64, Oid)> = Vec::with_capacity(ids.len());
    for id in ids {
        let commit = repo.find_commit(id).map_err(git("reading a commit"))?;
        timed.push((commit.author().when().seconds(), id));
    }
    timed.sort();
    let mut out = Vec::with_capacity(timed.len());
    let mut i = 0;
    while i < timed.len() {
        let j = timed[i..]
            .iter()
            .position(|(t, _)| *t != timed[i].0)
            .map_or(timed.len(), |n| i + n);
        let mut group: Vec<Oid> = timed[i..j].iter().map(|(_, id)| *id).collect();
        // Of the same second: take first, each time, the smallest id none of the others
        // descends from.
        while !group.is_empty() {
            let at = (0..group.len())
                .find(|&a| {
                    !group.iter().enumerate().any(|(b, other)| {
                        b != a && repo.graph_descendant_of(group[a], *other).unwrap_or(false)
                    })
                })
                .unwrap_or(0);
            out.push(group.remove(at));
        }
        i = j;
    }
    Ok(out)
}

/// The map as read: the commit it was made at and where each case's commits are, by case
/// id in order (as the file holds them).
struct Map<'b> {
    tip: Oid,
    bytes: &'b [u8],
    slots: Vec<(&'b str, std::ops::Range<usize>)>,
}

impl<'b> Map<'b> {
    fn parse(bytes: &'b [u8]) -> Option<Map<'b>> {
        let (body, mut r) = open_sealed(bytes, &magic())?;
        let tip = Oid::from_bytes(r.take(20)?).ok()?;
        let count = usize::try_from(r.u64()?).ok()?;
        let mut slots: Vec<(&str, std::ops::Range<usize>)> =
            Vec::with_capacity(count.min(r.rest_len()));
        for _ in 0..count {
            let case = r.str_ref()?;
            if slots.last().is_some_and(|(last, _)| *last >= case) {
                return None;
            }
            let n = usize::try_from(r.u64()?).ok()?;
            let start = body.len() - r.rest_len();
            r.take(n.checked_mul(20)?)?;
            slots.push((case, start..start + n * 20));
        }
        r.done().then_some(Map { tip, bytes, slots })
    }

    fn get(&self, case: &str) -> Vec<Oid> {
        let at = self.slots.binary_search_by(|(c, _)| (*c).cmp(case));
        at.ok().map_or_else(Vec::new, |i| {
            self.bytes[self.slots[i].1.clone()]
                .chunks_exact(20)
                .filter_map(|c| Oid::from_bytes(c).ok())
                .collect()
        })
    }

    /// The map at `tip`: this one with the commits of `new` added.
    fn extended(&self, tip: Oid, new: &BTreeMap<String, Vec<Oid>>) -> Vec<u8> {
        let mut merged: BTreeMap<&str, Vec<Oid>> = BTreeMap::new();
        for case in self
            .slots
            .iter()
            .map(|(c, _)| *c)
            .chain(new.keys().map(String::as_str))
        {
            merged.entry(case).or_insert_with(|| {
                let mut ids = self.get(case);
                ids.extend(new.get(case).into_iter().flatten());
                ids
            });
        }
        encode(tip, merged.iter().map(|(c, ids)| (*c, ids.as_slice())))
    }
}

fn encode<'a>(tip: Oid, cases: impl Iterator<Item = (&'a str, &'a [Oid])>) -> Vec<u8> {
    let cases: Vec<(&str, &[Oid])> = cases.collect();
    let mut w = Writer::default();
    w.bytes(magic().as_bytes());
    w.bytes(tip.as_bytes());
    w.u64(cases.len() as u64);
    for (case, ids) in cases {
        w.str(case);
        w.u64(ids.len() as u64);
        for id in ids {
            w.bytes(id.as_bytes());
        }
    }
    w.seal()
}
