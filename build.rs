//! Embeds the starter workspace and the sample company into the binary, so that
//! `svc init` works wherever the binary is copied.

use std::fmt::Write;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let mut code = String::new();
    for (name, dir) in [
        ("STARTER", "templates/starter"),
        ("EXAMPLE", "examples/company"),
    ] {
        println!("cargo:rerun-if-changed={dir}");
        let base = manifest.join(dir);
        let mut found = Vec::new();
        files(&base, &mut found);
        writeln!(code, "/// The files of `{dir}`, by path relative to it.").ok();
        writeln!(code, "pub const {name}: &[(&str, &[u8])] = &[").ok();
        for path in found {
            let rel = path
                .strip_prefix(&base)
                .expect("walked under base")
                .to_string_lossy()
                .replace('\\', "/");
            writeln!(
                code,
                "    ({rel:?}, include_bytes!({:?})),",
                path.display().to_string()
            )
            .ok();
        }
        writeln!(code, "];").ok();
    }
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
