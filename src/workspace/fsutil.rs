//! Writing files so that nothing is ever half-written: a temporary file in the same
//! folder, synced, then renamed over the target — and writing a document where the person
//! asked for it (`-o FILE`) without replacing what is not a regular file.

use crate::t;
use std::io::Write;
use std::path::Path;

/// Write `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.svc-{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Write a cache file of svc's (under `.git/svc/`): whole to a temporary file of this
/// process, then renamed into place, so that a reader sees the old file or the new one and
/// two processes never mix theirs; `fault` is called half-way through the writing and
/// before the rename (the crash tests stop the process there). The file is not synced to
/// disk: a cache checks its own checksum, and one a crash of the machine leaves short or
/// garbled is not read — which costs one slow run, never an answer. Temporary files of
/// writings stopped dead an hour ago or more are removed.
pub fn write_cache(path: &Path, bytes: &[u8], fault: &dyn Fn(&str)) -> std::io::Result<()> {
    let Some(dir) = path.parent() else {
        return Ok(());
    };
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.svc-");
    // One name per writing, not per process: two threads of one process (the web view's
    // workers) may write the same cache at once, and must not write into each other's file.
    static WRITINGS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = WRITINGS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!("{prefix}{}-{n}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        let (head, tail) = bytes.split_at(bytes.len() / 2);
        file.write_all(head)?;
        fault("cache-half-written");
        file.write_all(tail)?;
        drop(file);
        fault("cache-written");
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    forget_abandoned(dir, &prefix);
    result
}

/// Remove the temporary files named `prefix…tmp` in `dir` untouched for an hour (no other
/// process's writing in progress).
fn forget_abandoned(dir: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let abandoned = name.starts_with(prefix)
            && name.ends_with(".tmp")
            && entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|m| m.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 3600);
        if abandoned {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Write `bytes` to `path` atomically, making its folder first, unless the file holds
/// them already.
pub fn write_if_changed(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if std::fs::read(path).ok().as_deref() == Some(bytes) {
        return Ok(());
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    write_atomic(path, bytes)
}

/// Write a document the person asked for to `path` (`-o FILE`): a regular file, or a new
/// one, is replaced atomically; a symbolic link is followed and its target written (the
/// link stays); a pipe or a character device (a terminal, `/dev/null`) is written into;
/// anything else (a folder, a socket, a block device) is refused with an error of kind
/// `InvalidInput` that says what it is.
pub fn write_output(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target = match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => link_target(path)?,
        _ => path.to_path_buf(),
    };
    let meta = match std::fs::metadata(&target) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return write_atomic(&target, bytes);
        }
        other => other?,
    };
    if meta.is_file() {
        return write_atomic(&target, bytes);
    }
    let refuse = |what: String| {
        Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            t!(
                "ws-output-not-a-file",
                path = target.display().to_string(),
                what = what
            ),
        ))
    };
    if meta.is_dir() {
        return refuse(t!("ws-output-folder"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() || kind.is_char_device() {
            let mut out = std::fs::OpenOptions::new().write(true).open(&target)?;
            out.write_all(bytes)?;
            return out.flush();
        }
        if kind.is_socket() {
            return refuse(t!("ws-output-socket"));
        }
        if kind.is_block_device() {
            return refuse(t!("ws-output-block-device"));
        }
    }
    refuse(t!("ws-output-not-regular"))
}

/// Where a symbolic link points, followed to the end (a dangling link: where it points).
fn link_target(link: &Path) -> std::io::Result<std::path::PathBuf> {
    if let Ok(real) = std::fs::canonicalize(link) {
        return Ok(real);
    }
    let mut path = link.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => {
                let next = std::fs::read_link(&path)?;
                path = match path.parent() {
                    Some(dir) if next.is_relative() => dir.join(next),
                    _ => next,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(std::io::Error::other(t!(
        "ws-output-link-loop",
        path = link.display().to_string()
    )))
}
