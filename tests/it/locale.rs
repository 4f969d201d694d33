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

/// A command line svc cannot read is explained in the person's language, with the usage
/// line and the nearest command; the exit code is 2 in both.
#[test]
fn a_command_line_svc_cannot_read_is_explained_in_the_persons_language() {
    let dir = tempfile::tempdir().unwrap();
    let svc = |lang: &str, args: &[&str]| {
        let mut command = common::on_the_real_clock(Command::new(env!("CARGO_BIN_EXE_svc")));
        command.env("LANG", lang).args(args).current_dir(dir.path());
        command.output().expect("run svc")
    };
    let cases: [(&[&str], &str, &str); 5] = [
        (
            &["lst"],
            "error: unrecognized subcommand 'lst'\nhint: a similar subcommand exists: 'list'",
            "错误: 没有子命令 'lst'\n提示: 有一个相近的子命令：'list'",
        ),
        (
            &["approve"],
            "the following required arguments were not provided: <CASE>\n\nUsage: svc approve <CASE>",
            "缺少必需的参数：<CASE>\n\n用法: svc approve [选项] <CASE>",
        ),
        (
            &["approve", "--bogus", "x"],
            "unexpected argument '--bogus' found\nhint: to pass '--bogus' as a value, use '-- --bogus'\n\nUsage: svc approve [OPTIONS] <CASE>",
            "不认识的参数 '--bogus'\n提示: 如要把 '--bogus' 当作值传入，请写成 '-- --bogus'\n\n用法: svc approve [选项] <CASE>",
        ),
        (
            &["list", "--since", "2026-02-30"],
            "invalid value '2026-02-30' for '--since <DATE>': there is no such date",
            "'--since <DATE>' 的值 '2026-02-30' 无效: 没有这一天",
        ),
        (
            &["report", "monthly", "--format", "htm"],
            "hint: possible values: md, html, csv, json, xlsx, pdf\nhint: a similar value exists: 'html'",
            "提示: 可选的值：md, html, csv, json, xlsx, pdf\n提示: 有一个相近的值：'html'",
        ),
    ];
    for (args, english, chinese) in cases {
        for (lang, said, more) in [
            (
                "en_US.UTF-8",
                english,
                "For more information, try '--help'.",
            ),
            ("zh_CN.UTF-8", chinese, "更多信息请用 '--help'。"),
        ] {
            let out = svc(lang, args);
            let text = stderr(&out);
            assert_eq!(out.status.code(), Some(2), "{lang} {args:?}: {text}");
            assert!(text.contains(said), "{lang} {args:?}: {text}");
            assert!(text.trim_end().ends_with(more), "{lang} {args:?}: {text}");
            assert!(stdout(&out).is_empty(), "{lang} {args:?}");
        }
    }
    // The Chinese help's usage lines speak Chinese too, down to the nested commands.
    let out = svc("zh_CN.UTF-8", &["report", "--help"]);
    let help = stdout(&out);
    assert!(help.contains("用法: svc report [选项] <命令>"), "{help}");
    assert!(help.contains("help     显示本帮助"), "{help}");
    assert!(
        !help.contains("OPTIONS") && !help.contains("Print"),
        "{help}"
    );
    // `--help` gives the longer description in both languages.
    let out = svc("zh_CN.UTF-8", &["approve", "--help"]);
    assert!(stdout(&out).contains("合并拉取请求后"), "{}", stdout(&out));
    let out = svc("en_US.UTF-8", &["approve", "--help"]);
    assert!(
        stdout(&out).contains("merging the pull request"),
        "{}",
        stdout(&out)
    );
}
