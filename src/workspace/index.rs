//! The index of the workspace: for each case folder, the stat data of its files as they were
//! when it was last read (size, modification and change times, inode — what git's own index
//! keeps), the key of what else its reading depended on, and what the reading gave (bytes the
//! caller encodes). A later run re-reads a folder only when a file in it changed, appeared or
//! went, or the key differs; every other folder's result is taken from here.
//!
//! The index lives in `.git/svc/index`. It is a cache and never the truth: written whole and
//! renamed into place (a write cut short leaves the old one, or none), it ends with a
//! checksum of everything before it, and one that is missing, truncated, altered, or from
//! another version of svc is not read at all — the workspace is read again and the index
//! written anew. A file changed so soon after the index was written that its times could not
//! tell (git's "racily clean" files) is read again too.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::forms::decode::Timestamp;

/// The stat data of one file of a case folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stat {
    /// The path in the case folder (`/` separators).
    pub path: String,
    /// Its size in bytes.
    pub size: u64,
    /// Last modification, in nanoseconds since the epoch.
    pub mtime: i64,
    /// Last change of its inode (rename, permissions), in nanoseconds since the epoch.
    pub ctime: i64,
    /// The inode number (0 where the system has none).
    pub ino: u64,
    /// 1 a regular file, 2 a folder, 3 anything else (a link, a pipe…).
    pub kind: u8,
}

/// What a reading gave for one case folder, fresh from this run.
#[derive(Debug, Clone)]
struct Entry {
    files: Vec<Stat>,
    key: String,
    payload: Vec<u8>,
}

/// The index of one workspace. The file read is kept as it is and each folder's entry is
/// decoded only when asked for; the entries put this run are written beside the others
/// copied as they were.
#[derive(Debug)]
pub struct Index {
    path: PathBuf,
    /// The file as read (its entries' bytes, where `slots` say).
    bytes: Vec<u8>,
    /// Where each folder's entry is in `bytes`.
    slots: HashMap<String, std::ops::Range<usize>>,
    /// The entries put this run.
    fresh: HashMap<String, Entry>,
    /// When the index read was written: a file modified since then (or just before) may
    /// have changed without its times showing it.
    written: Option<SystemTime>,
    changed: bool,
}

/// The first line of the file: what it is, which svc wrote it, and the language its
/// findings are worded in (an index of another language is made again, never shown).
fn magic() -> String {
    format!(
        "svc-index 5 {} {}\n",
        env!("CARGO_PKG_VERSION"),
        crate::i18n::current().tag()
    )
}

/// How close to the index's writing a modification must be to be doubted, in nanoseconds
/// (file systems whose times are coarse round to 1 or 2 seconds).
const RACY: i64 = 2_000_000_000;

fn nanos(t: SystemTime) -> i64 {
    let n = match t.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(d) => i128::try_from(d.as_nanos()).unwrap_or(i128::MAX),
        Err(e) => -i128::try_from(e.duration().as_nanos()).unwrap_or(i128::MAX),
    };
    i64::try_from(n).unwrap_or(if n < 0 { i64::MIN } else { i64::MAX })
}

fn key_of(dir: &Path) -> String {
    dir.to_string_lossy().into_owned()
}

/// The stat data of every file and folder in the case folder `dir` (relative to `root`),
/// recursively, sorted by path; names starting with `.` are left out, as the reading leaves
/// them out.
pub fn stat_folder(root: &Path, dir: &Path) -> Vec<Stat> {
    let mut out = Vec::new();
    stat_into(&root.join(dir), "", &mut out);
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

fn stat_into(abs: &Path, rel: &str, out: &mut Vec<Stat>) {
    let Ok(entries) = std::fs::read_dir(abs) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        // The entry's own metadata: looked up from its folder, links not followed.
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        let path = if rel.is_empty() {
            name
        } else {
            format!("{rel}/{name}")
        };
        let kind = if meta.file_type().is_file() {
            1
        } else if meta.file_type().is_dir() {
            2
        } else {
            3
        };
        out.push(stat_of(&path, &meta, kind));
        if kind == 2 {
            stat_into(&entry.path(), &path, out);
        }
    }
}

fn stat_of(path: &str, meta: &std::fs::Metadata, kind: u8) -> Stat {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let time = |s: i64, ns: i64| s.saturating_mul(1_000_000_000).saturating_add(ns);
        Stat {
            path: path.to_string(),
            size: if kind == 2 { 0 } else { meta.size() },
            mtime: time(meta.mtime(), meta.mtime_nsec()),
            ctime: time(meta.ctime(), meta.ctime_nsec()),
            ino: meta.ino(),
            kind,
        }
    }
    #[cfg(not(unix))]
    {
        Stat {
            path: path.to_string(),
            size: if kind == 2 { 0 } else { meta.len() },
            mtime: meta.modified().map(nanos).unwrap_or(0),
            ctime: 0,
            ino: 0,
            kind,
        }
    }
}

impl Index {
    /// An empty index, to be written at `path`.
    pub fn empty(path: &Path) -> Index {
        Index {
            path: path.to_path_buf(),
            bytes: Vec::new(),
            slots: HashMap::new(),
            fresh: HashMap::new(),
            written: None,
            changed: false,
        }
    }

    /// The index at `path` (in a repository's `.git/svc/`), or an empty one when there is
    /// none or it cannot be trusted.
    pub fn read(path: &Path) -> Index {
        let mut index = Index::empty(path);
        let (Ok(bytes), Ok(meta)) = (std::fs::read(path), std::fs::metadata(path)) else {
            return index;
        };
        if let Some(slots) = slots(&bytes) {
            index.slots = slots;
            index.bytes = bytes;
            index.written = meta.modified().ok();
        }
        index
    }

    /// The index of the workspace at `root`: in its repository's `.git/svc/`; `None` when
    /// the workspace is not in a repository.
    pub fn of_workspace(root: &Path) -> Option<Index> {
        let repo = git2::Repository::discover(root).ok()?;
        Some(Index::read(&repo.path().join("svc").join("index")))
    }

    /// The key and what the folder's last reading gave, when its files are the same, with
    /// the same stat data, and none was modified too close to the index's writing to tell (as
    /// git judges it: by the modification time; the change time is compared but not
    /// doubted, so a file whose modification time was set back still reads as changed).
    pub fn get(&self, dir: &Path, files: &[Stat]) -> Option<(&str, &[u8])> {
        let range = self.slots.get(&key_of(dir))?;
        let written = nanos(self.written?);
        if files
            .iter()
            .any(|f| f.mtime >= written.saturating_sub(RACY))
        {
            return None;
        }
        let mut r = Reader::new(&self.bytes[range.clone()]);
        let _dir = r.str()?;
        let n = usize::try_from(r.u64()?).ok()?;
        if n != files.len() {
            return None;
        }
        for f in files {
            let same = r.str()? == f.path
                && r.u64()? == f.size
                && r.i64()? == f.mtime
                && r.i64()? == f.ctime
                && r.u64()? == f.ino
                && *r.take(1)?.first()? == f.kind;
            if !same {
                return None;
            }
        }
        let key = r.str_ref()?;
        let len = usize::try_from(r.u64()?).ok()?;
        let payload = r.take(len)?;
        r.done().then_some((key, payload))
    }

    /// Keep what a folder's reading gave.
    pub fn put(&mut self, dir: &Path, files: Vec<Stat>, key: String, payload: Vec<u8>) {
        self.fresh.insert(
            key_of(dir),
            Entry {
                files,
                key,
                payload,
            },
        );
        self.changed = true;
    }

    /// Forget the folders `keep` says no to (cases no longer there).
    pub fn retain(&mut self, keep: impl Fn(&Path) -> bool) {
        let before = self.slots.len() + self.fresh.len();
        self.slots.retain(|dir, _| keep(Path::new(dir)));
        self.fresh.retain(|dir, _| keep(Path::new(dir)));
        self.changed |= self.slots.len() + self.fresh.len() != before;
    }

    /// How many folders the index holds.
    pub fn len(&self) -> usize {
        self.slots.len()
            + self
                .fresh
                .keys()
                .filter(|d| !self.slots.contains_key(*d))
                .count()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Write the index when it changed: whole, then renamed into place.
    pub fn save(&self) -> std::io::Result<()> {
        self.save_with(&|_| {})
    }

    /// [`Index::save`], calling `fault` half-way through the writing and before the rename
    /// (the crash tests stop the process there). The file is not synced to disk: a copy
    /// that a crash of the machine leaves short or garbled fails its checksum and is not
    /// read, which costs one slow run and no answer.
    pub fn save_with(&self, fault: &dyn Fn(&str)) -> std::io::Result<()> {
        if !self.changed {
            return Ok(());
        }
        crate::workspace::fsutil::write_cache(&self.path, &self.encode(), fault)
    }

    /// The file: the magic line, the count of entries, each entry length-prefixed, sorted
    /// by folder, then the checksum of all before it.
    fn encode(&self) -> Vec<u8> {
        let mut dirs: Vec<&String> = self
            .slots
            .keys()
            .chain(self.fresh.keys().filter(|d| !self.slots.contains_key(*d)))
            .collect();
        dirs.sort();
        let mut w = Writer::default();
        w.buf.reserve(self.bytes.len() + 256 * self.fresh.len());
        w.bytes(magic().as_bytes());
        w.u64(dirs.len() as u64);
        for dir in dirs {
            match self.fresh.get(dir) {
                Some(e) => {
                    let mut one = Writer::default();
                    one.str(dir);
                    one.u64(e.files.len() as u64);
                    for f in &e.files {
                        one.str(&f.path);
                        one.u64(f.size);
                        one.i64(f.mtime);
                        one.i64(f.ctime);
                        one.u64(f.ino);
                        one.bytes(&[f.kind]);
                    }
                    one.str(&e.key);
                    one.u64(e.payload.len() as u64);
                    one.bytes(&e.payload);
                    w.u64(one.buf.len() as u64);
                    w.bytes(&one.buf);
                }
                None => {
                    let range = self.slots[dir].clone();
                    w.u64(range.len() as u64);
                    w.bytes(&self.bytes[range]);
                }
            }
        }
        w.seal()
    }
}

/// Where each entry of an index file is, when the file is whole, of this version, and its
/// checksum holds.
fn slots(bytes: &[u8]) -> Option<HashMap<String, std::ops::Range<usize>>> {
    let (body, mut r) = open_sealed(bytes, &magic())?;
    let count = usize::try_from(r.u64()?).ok()?;
    let mut slots = HashMap::with_capacity(count.min(body.len()));
    for _ in 0..count {
        let len = usize::try_from(r.u64()?).ok()?;
        let start = body.len() - r.rest.len();
        let entry = r.take(len)?;
        let dir = Reader::new(entry).str()?;
        slots.insert(dir, start..start + len);
    }
    r.done().then_some(slots)
}

/// The body of a cache file written by [`Writer::seal`] (all before its checksum), and a
/// reader past its first line: when the checksum holds and the first line is `magic`.
pub fn open_sealed<'b>(bytes: &'b [u8], magic: &str) -> Option<(&'b [u8], Reader<'b>)> {
    let body = &bytes[..bytes.len().checked_sub(8)?];
    if checksum(body).to_le_bytes() != bytes[body.len()..] {
        return None;
    }
    let mut r = Reader::new(body);
    if r.take(magic.len())? != magic.as_bytes() {
        return None;
    }
    Some((body, r))
}

/// A checksum of the file, to tell a whole index from one cut short or garbled (not a
/// defence against someone who can write in `.git`, who can write the forms too): 64-bit,
/// eight bytes at a time.
pub fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h: u64 = 0x243f_6a88_85a3_08d3 ^ (bytes.len() as u64);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let word = u64::from_le_bytes(c.try_into().unwrap_or_default());
        h = (h ^ word).wrapping_mul(K).rotate_left(29);
    }
    for (i, b) in chunks.remainder().iter().enumerate() {
        h = (h ^ (u64::from(*b) << (8 * i))).wrapping_mul(K);
    }
    h ^= h >> 32;
    h = h.wrapping_mul(K);
    h ^ (h >> 29)
}

/// Bytes written field by field: numbers as variable-length integers (seven bits a byte),
/// text length-prefixed.
#[derive(Debug, Default)]
pub struct Writer {
    /// What is written so far.
    pub buf: Vec<u8>,
}

impl Writer {
    /// What is written, followed by its checksum (read back by [`open_sealed`]).
    pub fn seal(mut self) -> Vec<u8> {
        let sum = checksum(&self.buf);
        self.bytes(&sum.to_le_bytes());
        self.buf
    }
    /// Raw bytes.
    pub fn bytes(&mut self, b: &[u8]) {
        self.buf.extend_from_slice(b);
    }
    /// A number.
    pub fn u64(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.buf.push((n as u8) | 0x80);
            n >>= 7;
        }
        self.buf.push(n as u8);
    }
    /// A signed number.
    pub fn i64(&mut self, n: i64) {
        self.u64(((n << 1) ^ (n >> 63)) as u64);
    }
    /// A text.
    pub fn str(&mut self, s: &str) {
        self.u64(s.len() as u64);
        self.bytes(s.as_bytes());
    }
    /// A text or none.
    pub fn opt(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.bytes(&[1]);
                self.str(s);
            }
            None => self.bytes(&[0]),
        }
    }
    /// A moment with its offset from UTC.
    pub fn time(&mut self, t: &Timestamp) {
        self.i64(t.timestamp());
        self.u64(u64::from(t.timestamp_subsec_nanos()));
        self.i64(i64::from(t.offset().local_minus_utc()));
    }
    /// A moment or none.
    pub fn opt_time(&mut self, t: Option<&Timestamp>) {
        match t {
            Some(t) => {
                self.bytes(&[1]);
                self.time(t);
            }
            None => self.bytes(&[0]),
        }
    }
}

/// Bytes read back field by field, `None` at the first that does not fit.
#[derive(Debug)]
pub struct Reader<'b> {
    rest: &'b [u8],
}

impl<'b> Reader<'b> {
    /// Read `bytes`.
    pub fn new(bytes: &'b [u8]) -> Reader<'b> {
        Reader { rest: bytes }
    }
    /// The next `n` bytes.
    pub fn take(&mut self, n: usize) -> Option<&'b [u8]> {
        if self.rest.len() < n {
            return None;
        }
        let (head, tail) = self.rest.split_at(n);
        self.rest = tail;
        Some(head)
    }
    /// A number.
    pub fn u64(&mut self) -> Option<u64> {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = *self.take(1)?.first()?;
            n |= u64::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }
    /// A signed number.
    pub fn i64(&mut self) -> Option<i64> {
        let z = self.u64()?;
        Some(((z >> 1) as i64) ^ -((z & 1) as i64))
    }
    /// A text, borrowed.
    pub fn str_ref(&mut self) -> Option<&'b str> {
        let n = usize::try_from(self.u64()?).ok()?;
        std::str::from_utf8(self.take(n)?).ok()
    }
    /// A text.
    pub fn str(&mut self) -> Option<String> {
        self.str_ref().map(str::to_string)
    }
    /// A text or none.
    pub fn opt(&mut self) -> Option<Option<String>> {
        match self.take(1)?.first()? {
            0 => Some(None),
            1 => Some(Some(self.str()?)),
            _ => None,
        }
    }
    /// A moment with its offset from UTC.
    pub fn time(&mut self) -> Option<Timestamp> {
        let secs = self.i64()?;
        let nanos = u32::try_from(self.u64()?).ok()?;
        let offset = chrono::FixedOffset::east_opt(i32::try_from(self.i64()?).ok()?)?;
        Some(chrono::DateTime::from_timestamp(secs, nanos)?.with_timezone(&offset))
    }
    /// A moment or none.
    pub fn opt_time(&mut self) -> Option<Option<Timestamp>> {
        match self.take(1)?.first()? {
            0 => Some(None),
            1 => Some(Some(self.time()?)),
            _ => None,
        }
    }
    /// How many bytes are left.
    pub fn rest_len(&self) -> usize {
        self.rest.len()
    }
    /// Whether everything was read.
    pub fn done(&self) -> bool {
        self.rest.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_index_reads_back_and_a_doubtful_one_reads_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("svc/index");
        let case = dir.path().join("cases/2026/11/SR-1");
        std::fs::create_dir_all(case.join("visits")).unwrap();
        std::fs::write(case.join("case.toml"), "x").unwrap();
        std::fs::write(case.join("visits/01.toml"), "v").unwrap();
        std::fs::write(case.join(".case.toml.svc-1.tmp"), "left").unwrap();
        let rel = Path::new("cases/2026/11/SR-1");
        let files = stat_folder(dir.path(), rel);
        let names: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(names, ["case.toml", "visits", "visits/01.toml"]);
        let mut index = Index::empty(&path);
        index.put(rel, files.clone(), "key".into(), b"payload".to_vec());
        index.save().unwrap();
        let back = Index::read(&path);
        assert_eq!(back.len(), 1);
        // Just written: the files are too recent to be trusted by their times.
        assert_eq!(back.get(rel, &files), None);
        let mut aged = Index::read(&path);
        aged.written = files.iter().map(|f| f.mtime.max(f.ctime)).max().map(|t| {
            SystemTime::UNIX_EPOCH + std::time::Duration::from_nanos((t + 3 * RACY) as u64)
        });
        assert_eq!(aged.get(rel, &files), Some(("key", &b"payload"[..])));
        let mut touched = files.clone();
        touched[0].size += 1;
        assert_eq!(aged.get(rel, &touched), None);
        // Truncated, altered or of another version: empty.
        let bytes = std::fs::read(&path).unwrap();
        for bad in [
            bytes[..bytes.len() / 2].to_vec(),
            {
                let mut b = bytes.clone();
                b[20] ^= 1;
                b
            },
            Vec::new(),
        ] {
            std::fs::write(&path, bad).unwrap();
            assert!(Index::read(&path).is_empty());
        }
    }
}
