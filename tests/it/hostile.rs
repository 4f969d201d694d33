//! Data from users is hostile until escaped: control characters (ESC, BEL, CR…) and
//! invisible ones (zero-width spaces, bidirectional overrides) in notes, names, form values
//! and file names reach no terminal raw — every human output shows them escaped, checked
//! here byte by byte — while JSON stays exact. And `-o FILE` never replaces what is not a
//! regular file.

use crate::common::{stderr, stdout};
use crate::workflow::{Stage, T_LATER, Ws, code};
use std::path::Path;

/// The raw bytes that must never be written to a terminal: ESC, BEL, CR, the C1 CSI in
/// UTF-8, a right-to-left override and a zero-width space in UTF-8.
const RAW: &[&[u8]] = &[
    b"\x1b",
    b"\x07",
    b"\r",
    b"\xc2\x9b",
    "\u{202e}".as_bytes(),
    "\u{200b}".as_bytes(),
];

/// Assert that `bytes` hold none of [`RAW`], naming the command.
#[track_caller]
fn no_raw_controls(what: &str, bytes: &[u8]) {
    for raw in RAW {
        assert!(
            !bytes.windows(raw.len()).any(|w| w == *raw),
            "{what} wrote the raw bytes {raw:?}:\n{}",
            String::from_utf8_lossy(bytes)
        );
    }
}

/// Both streams of a command, checked.
#[track_caller]
fn clean(what: &str, out: &std::process::Output) {
    no_raw_controls(&format!("{what} (stdout)"), &out.stdout);
    no_raw_controls(&format!("{what} (stderr)"), &out.stderr);
}

/// A terminal escape that would retitle the window, a bell, a carriage return that hides
/// what came before it, a right-to-left override and a zero-width space.
const HOSTILE: &str = "黄工\u{1b}]0;pwned\u{7}\r\u{202e}evil\u{200b}";

/// `HOSTILE` as a TOML basic string writes it (escapes for the control characters).
const HOSTILE_TOML: &str = "\"黄工\\u001B]0;pwned\\u0007\\r\u{202e}evil\u{200b}\"";

#[test]
fn hostile_text_is_shown_escaped_in_every_human_output() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::OnSite, "wang.qiang");
    let id = case.id.as_str();
    // A contact's name and a title with hostile text (hand-written: svc refuses to record
    // such text itself), a visit record whose file name holds an ESC, and a summary with a
    // raw ESC that TOML refuses (the finding quotes the line).
    set_line(&ws, &case.file("request.toml"), "name", HOSTILE_TOML);
    set_line(&ws, &case.file("case.toml"), "title", HOSTILE_TOML);
    ws.write(
        &case.file("visits/01-\u{1b}[2J.toml"),
        "site = \"gz-main\"\n",
    );
    ws.write(
        &case.file("summary.toml"),
        &format!("root_cause = \"{HOSTILE}\"\n"),
    );
    ws.git(&["add", "-A"]);
    ws.git_commit_as("wang.qiang", &format!("记录 {HOSTILE}\n\n{HOSTILE}\n"));
    ws.act_as("wang.qiang");
    for args in [
        vec!["list"],
        vec!["show", id],
        vec!["log", id],
        vec!["status"],
        vec!["validate"],
        vec!["check"],
        vec!["report", "case", id],
        vec!["report", "case", id, "--format", "html"],
        vec!["report", "monthly", "--month", "2026-11", "--format", "csv"],
        vec!["render", id, "request"],
        vec!["render", id, "request", "--format", "html"],
    ] {
        let out = ws.svc(T_LATER, &args);
        clean(&format!("svc {}", args.join(" ")), &out);
    }
    // What is shown is the text, escaped: the reader sees that something is there.
    let show = stdout(&ws.svc(T_LATER, &["show", id]));
    assert!(
        show.contains("黄工\\u{1b}]0;pwned\\u{7}\\r\\u{202e}evil\\u{200b}"),
        "{show}"
    );
    let validate = stdout(&ws.svc(T_LATER, &["validate"]));
    assert!(
        validate.contains(&format!("{}/visits/01-\\u{{1b}}[2J.toml", case.dir)),
        "{validate}"
    );
    // An error that echoes what was typed, and a refused note, are escaped on stderr.
    let out = ws.svc(T_LATER, &["show", "SR\u{1b}[31m"]);
    assert_eq!(code(&out), 1);
    clean("svc show <ESC>", &out);
    assert!(stderr(&out).contains("SR\\u{1b}[31m"), "{}", stderr(&out));
    let out = ws.svc(
        T_LATER,
        &[
            "checkin",
            id,
            "--via",
            "phone",
            "--note",
            "ok\u{1b}[8m hidden",
        ],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    clean("svc checkin --note <ESC>", &out);
    assert_eq!(
        stderr(&out).lines().next().unwrap_or_default(),
        "error: the note holds the control or invisible character \\u{1b}, which svc does not record"
    );
    // JSON stays exact: the same text, parsed back.
    let json = ws.svc(T_LATER, &["--json", "show", id]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(value["case"]["title"], HOSTILE, "{value}");
    assert_eq!(value["request"]["contact"]["name"], HOSTILE, "{value}");
}

/// Set the first line `key = …` of a file to `key = value`.
fn set_line(ws: &Ws, rel: &str, key: &str, value: &str) {
    let text = ws.read(rel);
    let prefix = format!("{key} = ");
    let at = text
        .lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("{rel} has no line {prefix}…"))
        .to_string();
    ws.write(rel, &text.replacen(&at, &format!("{prefix}{value}"), 1));
}

/// A FIFO made with mkfifo, and a reader that collects what is written into it.
#[cfg(unix)]
fn fifo(path: &Path) -> std::thread::JoinHandle<Vec<u8>> {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let path = path.to_path_buf();
    std::thread::spawn(move || std::fs::read(&path).expect("read the fifo"))
}

#[test]
#[cfg(unix)]
fn o_writes_into_a_pipe_or_a_device_follows_a_link_and_refuses_a_folder() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Approved, "wang.qiang");
    let id = case.id.as_str();
    let here = ws.parent();
    let expected = ws.ok(T_LATER, &["render", id, "task-sheet"]);
    // Into a pipe: the reader gets the form, the pipe is still a pipe.
    let pipe = here.join("pipe");
    let reader = fifo(&pipe);
    let out = ws.svc(
        T_LATER,
        &[
            "render",
            id,
            "task-sheet",
            "-o",
            pipe.to_str().expect("UTF-8"),
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        String::from_utf8(reader.join().expect("the reader")).expect("UTF-8"),
        expected
    );
    {
        use std::os::unix::fs::FileTypeExt;
        assert!(
            std::fs::metadata(&pipe)
                .expect("the pipe")
                .file_type()
                .is_fifo()
        );
    }
    // Into a device.
    let out = ws.svc(T_LATER, &["render", id, "task-sheet", "-o", "/dev/null"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(Path::new("/dev/null").exists());
    // Through a link: the target is written, the link stays a link.
    let target = here.join("forms").join("sheet.md");
    std::fs::create_dir_all(target.parent().expect("a folder")).expect("a folder");
    std::fs::write(&target, "old").expect("the target");
    let link = here.join("latest.md");
    std::os::unix::fs::symlink(&target, &link).expect("a link");
    let out = ws.svc(
        T_LATER,
        &[
            "render",
            id,
            "task-sheet",
            "-o",
            link.to_str().expect("UTF-8"),
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("the link")
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        std::fs::read_to_string(&target).expect("the target"),
        expected
    );
    // A dangling link: its target is made.
    let missing = here.join("forms").join("new.md");
    let dangling = here.join("dangling.md");
    std::os::unix::fs::symlink(&missing, &dangling).expect("a link");
    let out = ws.svc(
        T_LATER,
        &[
            "report",
            "monthly",
            "--month",
            "2026-11",
            "-o",
            dangling.to_str().expect("UTF-8"),
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(missing.is_file(), "the link's target was not written");
    assert!(
        std::fs::symlink_metadata(&dangling)
            .expect("the link")
            .file_type()
            .is_symlink()
    );
    // A folder is refused, saying why, and left as it was.
    let folder = here.join("forms");
    let out = ws.svc(
        T_LATER,
        &[
            "render",
            id,
            "task-sheet",
            "-o",
            folder.to_str().expect("UTF-8"),
        ],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("is a folder, not a file to write a document into"),
        "{}",
        stderr(&out)
    );
    assert!(folder.is_dir());
    assert_eq!(
        std::fs::read_to_string(&target).expect("the target"),
        expected
    );
}
