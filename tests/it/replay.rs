//! The sample company's history worked out without committing (what `generate --history`
//! uses) is the history `svc init --example` commits: the same steps, by the same people, at
//! the same moments, writing the same files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every file of a case folder in the work tree, by its path in the folder.
fn files_of(root: &Path, dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(root.join(dir)) {
        let entry = entry.expect("a folder entry");
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(root.join(dir)).expect("inside");
            files.insert(
                rel.to_path_buf(),
                std::fs::read(entry.path()).expect("a file"),
            );
        }
    }
    files
}

#[test]
fn a_case_worked_out_is_the_history_the_sample_commits() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let root = tmp.path().join("company");
    let sources = svc::history::git::ConfigSources {
        global: Some(PathBuf::from("/dev/null")),
        no_system: true,
    };
    svc::init::create(&root, svc::init::Template::Example, &sources, None).expect("the sample");
    let repo = git2::Repository::open(&root).expect("its repository");
    let ws = svc::workspace::Workspace::open(&root);
    let (dirs, _) = svc::workspace::case::discover(&root);
    // The sample's final files, as the example holds them: the input of the planning.
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/company");
    let scratch = tmp.path().join("scratch");
    let mut steps = 0;
    for dir in &dirs {
        let worked = svc::init::replay::work_out(&ws, &scratch, dir, &files_of(&example, dir))
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        let id = dir
            .file_name()
            .expect("a case id")
            .to_string_lossy()
            .into_owned();
        let log = svc::history::log::case_log(&repo, &id, false).expect("the case's log");
        assert_eq!(worked.len(), log.len(), "{id}");
        for (w, entry) in worked.iter().zip(&log) {
            assert_eq!(w.at, entry.when, "{id}");
            assert_eq!(w.by.id, entry.actor, "{id}");
            let commit = repo
                .find_commit(git2::Oid::from_str(&entry.commit).expect("an id"))
                .expect("the commit");
            assert_eq!(w.message, commit.message().unwrap_or_default(), "{id}");
            let tree = commit.tree().expect("its tree");
            for (rel, bytes) in &w.writes {
                let blob = tree
                    .get_path(&dir.join(rel))
                    .and_then(|e| repo.find_blob(e.id()))
                    .unwrap_or_else(|_| panic!("{id}: {} not committed", rel.display()));
                assert_eq!(blob.content(), bytes.as_slice(), "{id}: {}", rel.display());
            }
        }
        steps += worked.len();
    }
    assert!(steps > 200, "{steps} steps");
}
