//! The language of the command line, and svc's caches under another language.

use crate::common::{self, stderr, stdout};
use std::process::Command;

#[test]
fn findings_come_in_the_language_asked_for_even_from_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("company");
    let svc = |lang: &str, args: &[&str]| {
        let mut command = common::on_the_real_clock(Command::new(env!("CARGO_BIN_EXE_svc")));
        command.env("LANG", lang).args(args).current_dir(dir.path());
        command.output().expect("run svc")
    };
    let out = svc(
        "en_US.UTF-8",
        &["init", "--example", root.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let root = root.to_str().unwrap();
    let english = "1 check-in from 2026-10-19 to 2026-10-25; 2 needed while travelling";
    let chinese = "2026-10-19 至 2026-10-25 出差联系 1 次；出差期间应联系 2 次";
    // English, then Chinese, then English again: each run's index was written in the
    // language before it, and is not believed in another.
    for (lang, shown, not) in [
        ("en_US.UTF-8", english, chinese),
        ("zh_CN.UTF-8", chinese, english),
        ("en_US.UTF-8", english, chinese),
    ] {
        let out = svc(lang, &["-C", root, "validate"]);
        let text = stdout(&out) + &stderr(&out);
        assert!(out.status.success(), "{text}");
        assert!(
            text.contains(shown) && !text.contains(not),
            "{lang}: {text}"
        );
    }
    // `C` names no language: the workspace's (zh-CN) is used; --locale beats them all.
    let out = svc("C.UTF-8", &["-C", root, "validate"]);
    assert!(stdout(&out).contains(chinese), "{}", stdout(&out));
    let out = svc("zh_CN.UTF-8", &["-C", root, "--locale", "en", "validate"]);
    assert!(stdout(&out).contains(english), "{}", stdout(&out));
}
