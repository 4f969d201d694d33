//! What a user sees: the real binary run in hermetic temporary workspaces, its output
//! compared with reviewed snapshots (temporary paths and commit ids redacted), and every
//! command's refusal paths beside its happy path.

use crate::common::{CASE, Fixture, stderr, stdout, svc_in};
use std::path::Path;
use std::process::{Command, Output};

/// `text` with the temporary folder `root` (as given and as resolved) written `[ROOT]`.
fn redact(root: &Path, text: &str) -> String {
    let mut text = text.to_string();
    if let Ok(canonical) = root.canonicalize() {
        text = text.replace(&canonical.display().to_string(), "[ROOT]");
    }
    text.replace(&root.display().to_string(), "[ROOT]")
}

/// Exit code, standard output and standard error, redacted, for a snapshot.
fn transcript(root: &Path, out: &Output) -> String {
    redact(
        root,
        &format!(
            "exit: {}\n--- stdout\n{}--- stderr\n{}",
            out.status
                .code()
                .map_or("none".to_string(), |c| c.to_string()),
            stdout(out),
            stderr(out)
        ),
    )
}

#[track_caller]
fn exit_code(out: &Output) -> i32 {
    out.status.code().expect("svc exited, not killed")
}

/// Run git hermetically in `dir`.
fn git(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CEILING_DIRECTORIES", dir.parent().unwrap_or(dir))
        .output()
        .expect("run git");
    assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
    out
}

/// The fixture case with three findings: an error in the fees, an error in the task sheet
/// and a warning in the travel log.
fn three_findings() -> Fixture {
    let f = Fixture::new();
    f.edit(
        &format!("{CASE}/fees.toml"),
        "total = \"980.00\"",
        "total = \"990.00\"",
    );
    f.edit(
        &format!("{CASE}/task-sheet.toml"),
        "requested_on = 2026-10-13",
        "requested_on = 2026-10-12",
    );
    f.edit(
        &format!("{CASE}/travel-log.yaml"),
        "back_at_work_at: 2026-10-19T08:30:00+08:00",
        "back_at_work_at: 2026-10-20T08:30:00+08:00",
    );
    f
}

/// A request just recorded for the fixture's customer.
const REQUESTED: &str = r#"id = "SR-20261103-AB12CD"
title = "禅城 OLT 升级咨询"
customer = "gd-telecom"
state = "requested"
opened_at = 2026-11-03T14:20:00+08:00
opened_by = "zhao.min"
"#;

/// A case of a second customer, assigned by Sales to its own engineer.
const ASSIGNED: &str = r#"id = "SR-20261120-K7F3Q2"
title = "车公庙站 ONU 批量离线"
customer = "sz-metro"
site = "sz-chegongmiao"
state = "assigned"
opened_at = 2026-11-20T10:00:00+08:00
opened_by = "zhao.min"
fee = "warranty"
assigned_by = "chen.jie"
assigned_via = "sales"
assignees = ["sun.li"]

[timeline]
accepted_at = 2026-11-20T11:00:00+08:00
assigned_at = 2026-11-20T15:00:00+08:00
"#;

const SZ_METRO: &str = r#"id = "sz-metro"
name = "深圳地铁某线路"
salesperson = "chen.jie"

[[sites]]
id = "sz-chegongmiao"
name = "车公庙站"
city = "深圳"
"#;

/// Three cases: the fixture's (archived, with one error), a request and an assigned case of
/// another customer.
fn three_cases() -> Fixture {
    let f = Fixture::new();
    f.edit(
        &format!("{CASE}/fees.toml"),
        "total = \"980.00\"",
        "total = \"990.00\"",
    );
    f.write("cases/2026/11/SR-20261103-AB12CD/case.toml", REQUESTED);
    f.write("cases/2026/11/SR-20261120-K7F3Q2/case.toml", ASSIGNED);
    for (case, at) in [
        (
            "cases/2026/11/SR-20261103-AB12CD",
            "2026-11-03T14:20:00+08:00",
        ),
        (
            "cases/2026/11/SR-20261120-K7F3Q2",
            "2026-11-20T10:00:00+08:00",
        ),
    ] {
        f.write(&format!("{case}/request.toml"), &request_received_at(at));
    }
    f.write("customers/sz-metro.toml", SZ_METRO);
    f
}

/// A request form received at a time.
fn request_received_at(at: &str) -> String {
    crate::common::REQUEST.replace("2026-10-12T09:10:00+08:00", at)
}

/// The ids `svc list --json` prints with these filters.
#[track_caller]
fn listed(f: &Fixture, filters: &[&str]) -> Vec<String> {
    let mut args = vec!["list", "--json"];
    args.extend_from_slice(filters);
    let out = f.svc(&args);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    let cases: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    cases
        .as_array()
        .expect("a list")
        .iter()
        .map(|c| c["id"].as_str().expect("an id").to_string())
        .collect()
}

// ---------------------------------------------------------------------------------------
// validate

#[test]
fn validate_prints_findings_as_compiler_diagnostics() {
    let f = three_findings();
    let out = f.svc(&["validate"]);
    assert_eq!(exit_code(&out), 1);
    insta::assert_snapshot!("validate_three_findings", transcript(f.root(), &out));
}

#[test]
fn validate_json_lists_every_finding_with_its_position() {
    let f = three_findings();
    let out = f.svc(&["validate", "--json"]);
    assert_eq!(exit_code(&out), 1);
    assert_eq!(stderr(&out), "");
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(value["errors"], 2);
    assert_eq!(value["warnings"], 1);
    insta::assert_snapshot!("validate_three_findings_json", transcript(f.root(), &out));
}

#[test]
fn validate_a_valid_workspace_exits_zero() {
    let f = Fixture::new();
    let out = f.svc(&["validate"]);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    assert_eq!(stderr(&out), "checked 1 case: 0 errors, 0 warnings\n");
}

#[test]
fn validate_warnings_alone_exit_zero() {
    let f = Fixture::new();
    f.edit(
        &format!("{CASE}/travel-log.yaml"),
        "back_at_work_at: 2026-10-19T08:30:00+08:00",
        "back_at_work_at: 2026-10-20T08:30:00+08:00",
    );
    let out = f.svc(&["validate"]);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("warning[7.8]"), "{}", stdout(&out));
    assert_eq!(stderr(&out), "checked 1 case: 0 errors, 1 warning\n");
}

#[test]
fn validate_carets_line_up_under_chinese_text() {
    let f = Fixture::new();
    // Columns count characters; the caret must sit under `true`, past three wide characters.
    f.edit(
        &format!("{CASE}/task-sheet.toml"),
        "tools = [\"万用表\"]",
        "tools = [\"万用表\", true]",
    );
    let out = f.svc(&["validate"]);
    assert_eq!(exit_code(&out), 1);
    insta::assert_snapshot!("validate_wide_characters", transcript(f.root(), &out));
}

#[test]
fn validate_some_cases_of_a_workspace_named_with_dash_c() {
    let f = three_findings();
    f.seal();
    let elsewhere = tempfile::tempdir().expect("a temporary folder");
    let root = f.root().to_str().expect("a UTF-8 path");
    let out = svc_in(elsewhere.path(), &["-C", root, "validate", "7q2m4k"]);
    assert_eq!(exit_code(&out), 1);
    // Paths stay relative to the workspace, whatever the current folder.
    assert_eq!(stdout(&out), stdout(&f.svc(&["validate"])));
}

#[test]
fn validate_refuses_a_case_that_does_not_exist() {
    let f = Fixture::new();
    let out = f.svc(&["validate", "nope"]);
    assert_eq!(exit_code(&out), 1);
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "error: no case matches `nope`\nhint: `svc list` shows every case\n"
    );
}

#[test]
fn validate_outside_a_workspace_exits_three_with_a_hint() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = svc_in(dir.path(), &["validate"]);
    assert_eq!(exit_code(&out), 3);
    insta::assert_snapshot!("outside_a_workspace", transcript(dir.path(), &out));
}

// ---------------------------------------------------------------------------------------
// list

#[test]
fn list_prints_a_table_of_the_cases() {
    let f = three_cases();
    let out = f.svc(&["list"]);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    insta::assert_snapshot!("list_table", transcript(f.root(), &out));
}

#[test]
fn list_json_gives_each_case_with_its_counts() {
    let f = three_cases();
    let out = f.svc(&["list", "--json"]);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    insta::assert_snapshot!("list_json", transcript(f.root(), &out));
}

#[test]
fn list_filters_by_state() {
    let f = three_cases();
    assert_eq!(listed(&f, &["--state", "archived"]), ["SR-20261012-7Q2M4K"]);
    assert_eq!(
        listed(&f, &["--state", "requested"]),
        ["SR-20261103-AB12CD"]
    );
    assert_eq!(listed(&f, &["--state", "on-site"]), Vec::<String>::new());
    let out = f.svc(&["list", "--state", "on-site"]);
    assert_eq!(exit_code(&out), 0);
    assert_eq!(stdout(&out), "");
    assert_eq!(stderr(&out), "no cases match\n");
}

#[test]
fn list_refuses_an_unknown_state() {
    let f = three_cases();
    let out = f.svc(&["list", "--state", "archivd"]);
    assert_eq!(exit_code(&out), 2);
    assert!(
        stderr(&out).contains("unknown state `archivd`: expected one of requested,"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn list_filters_by_customer() {
    let f = three_cases();
    assert_eq!(
        listed(&f, &["--customer", "gd-telecom"]),
        ["SR-20261012-7Q2M4K", "SR-20261103-AB12CD"]
    );
    assert_eq!(
        listed(&f, &["--customer", "sz-metro"]),
        ["SR-20261120-K7F3Q2"]
    );
    assert_eq!(
        listed(&f, &["--customer", "gd-telecom", "--state", "requested"]),
        ["SR-20261103-AB12CD"]
    );
}

#[test]
fn list_refuses_an_unknown_customer() {
    let f = three_cases();
    let out = f.svc(&["list", "--customer", "sz-metor"]);
    assert_eq!(exit_code(&out), 1);
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "error: customer `sz-metor` has no file customers/sz-metor.toml\nhint: did you mean `sz-metro`?\n"
    );
}

#[test]
fn list_filters_by_opening_date_inclusively() {
    let f = three_cases();
    assert_eq!(
        listed(&f, &["--since", "2026-11-03"]),
        ["SR-20261103-AB12CD", "SR-20261120-K7F3Q2"]
    );
    assert_eq!(
        listed(&f, &["--since", "2026-11-04"]),
        ["SR-20261120-K7F3Q2"]
    );
    assert_eq!(listed(&f, &["--since", "2026-11-21"]), Vec::<String>::new());
}

#[test]
fn list_refuses_a_date_that_is_not_one() {
    let f = three_cases();
    let out = f.svc(&["list", "--since", "2026-13-01"]);
    assert_eq!(exit_code(&out), 2);
    assert!(
        stderr(&out).contains("invalid value '2026-13-01' for '--since <DATE>'"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn list_filters_by_assignee() {
    let f = three_cases();
    assert_eq!(
        listed(&f, &["--assignee", "wang.qiang"]),
        ["SR-20261012-7Q2M4K"]
    );
    assert_eq!(
        listed(&f, &["--assignee", "sun.li"]),
        ["SR-20261120-K7F3Q2"]
    );
    // A person with no cases is no error.
    assert_eq!(listed(&f, &["--assignee", "li.na"]), Vec::<String>::new());
}

#[test]
fn list_refuses_an_assignee_not_in_people_toml() {
    let f = three_cases();
    let out = f.svc(&["list", "--assignee", "wang.qaing"]);
    assert_eq!(exit_code(&out), 1);
    assert_eq!(
        stderr(&out),
        "error: `wang.qaing` is not in people.toml\nhint: did you mean `wang.qiang`?\n"
    );
}

#[test]
fn list_assignee_me_is_the_person_with_gits_email() {
    let f = three_cases();
    git(f.root(), &["init", "--quiet"]);
    git(
        f.root(),
        &["config", "user.email", "wang.qiang@example.com"],
    );
    assert_eq!(listed(&f, &["--assignee", "me"]), ["SR-20261012-7Q2M4K"]);
    let out = f.svc(&["list", "--assignee", "me"]);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    insta::assert_snapshot!("list_assignee_me", transcript(f.root(), &out));
}

#[test]
fn list_assignee_me_refuses_an_email_nobody_has() {
    let f = three_cases();
    git(f.root(), &["init", "--quiet"]);
    git(f.root(), &["config", "user.email", "stranger@example.com"]);
    let out = f.svc(&["list", "--assignee", "me"]);
    assert_eq!(exit_code(&out), 1);
    insta::assert_snapshot!("list_assignee_me_unknown_email", transcript(f.root(), &out));
}

#[test]
fn list_assignee_me_outside_git_exits_three() {
    let f = three_cases();
    let out = f.svc(&["list", "--assignee", "me"]);
    assert_eq!(exit_code(&out), 3);
    assert!(
        stderr(&out).starts_with("error: the workspace is not in a git repository"),
        "{}",
        stderr(&out)
    );
}

// ---------------------------------------------------------------------------------------
// show

#[test]
fn show_a_case_by_a_prefix_of_its_id() {
    let f = three_findings();
    let out = f.svc(&["show", "SR-20261012"]);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    insta::assert_snapshot!("show_case", transcript(f.root(), &out));
}

#[test]
fn show_a_case_by_a_suffix_of_its_id_in_any_case() {
    let f = three_findings();
    let by_prefix = f.svc(&["show", "SR-20261012"]);
    let by_suffix = f.svc(&["show", "7q2m4k"]);
    assert_eq!(exit_code(&by_suffix), 0, "{}", stderr(&by_suffix));
    assert_eq!(stdout(&by_suffix), stdout(&by_prefix));
}

#[test]
fn show_lists_the_attachments_with_their_sizes() {
    let f = Fixture::new();
    // Without attachments, no list (and an empty one in the JSON).
    let out = f.svc(&["show", "7Q2M4K"]);
    assert!(!stdout(&out).contains("Attachments"), "{}", stdout(&out));
    let json: serde_json::Value =
        serde_json::from_slice(&f.svc(&["--json", "show", "7Q2M4K"]).stdout).expect("JSON");
    assert_eq!(json["attachments"], serde_json::json!([]));

    f.attach("现场照片.jpg", 1536);
    f.attach("scans/签收单.pdf", 2_621_440);
    f.attach("scans/.DS_Store", 10);
    f.attach("video.mp4", 3 << 30);
    let out = f.svc(&["show", "7Q2M4K"]);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(concat!(
            "\nAttachments 附件 (3):\n",
            "     2.5 MB  scans/签收单.pdf\n",
            "     3.0 GB  video.mp4\n",
            "     1.5 KB  现场照片.jpg\n",
        )),
        "{text}"
    );
    // The video is above the limit: its warning is among the findings shown.
    assert!(
        text.contains("attachment `video.mp4` is 3.0 GB, larger than the 20 MB"),
        "{text}"
    );
    let out = f.svc(&["--json", "show", "7Q2M4K"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        json["attachments"],
        serde_json::json!([
            {"path": "scans/签收单.pdf", "bytes": 2_621_440},
            {"path": "video.mp4", "bytes": 3_u64 << 30},
            {"path": "现场照片.jpg", "bytes": 1536},
        ])
    );
    let warned: Vec<&serde_json::Value> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|x| x["rule"] == "layout")
        .collect();
    assert_eq!(warned.len(), 1, "{warned:?}");
    assert_eq!(warned[0]["severity"], "warning");
}

#[test]
fn validate_sees_an_attachment_grow_and_the_limit_change_from_one_run_to_the_next() {
    let f = Fixture::new();
    // In a repository, validate keeps what it found in its index (.git/svc/index).
    git(f.root(), &["init", "-q"]);
    let warned = |f: &Fixture| {
        let out = f.svc(&["validate"]);
        assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
        stdout(&out).contains("warning[layout]: attachment `video.mp4`")
    };
    assert!(!warned(&f));
    f.attach("video.mp4", 21 << 20);
    assert!(warned(&f), "a new attachment is seen");
    let settings = f.read("svc.toml");
    f.write(
        "svc.toml",
        &format!("{settings}\n[attachments]\nmax_mb = 50\n"),
    );
    assert!(!warned(&f), "a new limit is seen");
    f.attach("video.mp4", 60 << 20);
    assert!(warned(&f), "a grown attachment is seen");
    assert!(
        f.root().join(".git/svc/index").exists(),
        "the runs kept an index"
    );
}

#[test]
fn show_writes_an_attachment_name_with_a_control_character_escaped() {
    let f = Fixture::new();
    f.attach("a\u{1b}[2Jb.jpg", 10);
    let out = f.svc(&["show", "7Q2M4K"]);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(!text.contains('\u{1b}'), "{text:?}");
    assert!(text.contains("     10 B  a\\u{1b}[2Jb.jpg\n"), "{text}");
    // The JSON carries the name as it is.
    let json: serde_json::Value =
        serde_json::from_slice(&f.svc(&["--json", "show", "7Q2M4K"]).stdout).expect("JSON");
    assert_eq!(json["attachments"][0]["path"], "a\u{1b}[2Jb.jpg");
}

#[test]
fn show_refuses_an_ambiguous_id() {
    let f = three_cases();
    let out = f.svc(&["show", "SR-202611"]);
    assert_eq!(exit_code(&out), 1);
    insta::assert_snapshot!("show_ambiguous", transcript(f.root(), &out));
}

#[test]
fn show_refuses_an_unknown_id_with_the_closest() {
    let f = three_cases();
    let out = f.svc(&["show", "SR-20261012-7Q2M4J"]);
    assert_eq!(exit_code(&out), 1);
    insta::assert_snapshot!("show_unknown", transcript(f.root(), &out));
}

#[test]
fn show_refuses_an_id_like_none_with_a_pointer_to_list() {
    let f = three_cases();
    let out = f.svc(&["show", "nothing-like-it"]);
    assert_eq!(exit_code(&out), 1);
    assert_eq!(
        stderr(&out),
        "error: no case matches `nothing-like-it`\nhint: `svc list` shows every case\n"
    );
}

// ---------------------------------------------------------------------------------------
// schema

#[test]
fn schema_lists_the_forms() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // No workspace needed.
    let out = svc_in(dir.path(), &["schema"]);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    insta::assert_snapshot!("schema_list", transcript(dir.path(), &out));
}

#[test]
fn schema_of_the_task_sheet() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = svc_in(dir.path(), &["schema", "task-sheet"]);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    insta::assert_snapshot!("schema_task_sheet", stdout(&out));
}

#[test]
fn schema_refuses_an_unknown_form() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = svc_in(dir.path(), &["schema", "nonsense"]);
    assert_eq!(exit_code(&out), 2);
    insta::assert_snapshot!("schema_unknown", transcript(dir.path(), &out));
}

#[test]
fn schema_suggests_the_form_meant() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = svc_in(dir.path(), &["schema", "tasksheet"]);
    assert_eq!(exit_code(&out), 2);
    insta::assert_snapshot!("schema_did_you_mean", transcript(dir.path(), &out));
}

// ---------------------------------------------------------------------------------------
// init

/// `svc init`'s output with the commit id (which depends on the time) redacted.
fn init_transcript(root: &Path, out: &Output) -> String {
    transcript(root, out)
        .lines()
        .map(|line| match line.strip_prefix("Committed ") {
            Some(_) => "Committed [COMMIT].".to_string(),
            None => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn init_creates_a_committed_valid_workspace() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path();
    let out = svc_in(root, &["init", "--admin", ADMIN]);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    insta::assert_snapshot!("init", init_transcript(root, &out));
    for file in [
        "svc.toml",
        "people.toml",
        "catalog/parts.toml",
        "catalog/rates.toml",
    ] {
        assert!(root.join(file).is_file(), "{file} is missing");
    }
    assert!(root.join(".git").is_dir(), "not a git repository");
    let log = git(root, &["log", "--format=%s"]);
    assert_eq!(stdout(&log), "Create the svc workspace\n");
    let status = git(root, &["status", "--porcelain"]);
    assert_eq!(stdout(&status), "", "init leaves files uncommitted");
    let validate = svc_in(root, &["validate"]);
    assert_eq!(
        exit_code(&validate),
        0,
        "{}{}",
        stdout(&validate),
        stderr(&validate)
    );
    assert_eq!(stderr(&validate), "checked 0 cases: 0 errors, 0 warnings\n");
    // The admin is the first person, and the commit's author.
    let people = std::fs::read_to_string(root.join("people.toml")).expect("read people.toml");
    assert!(
        people.contains("[[person]]\nid = \"zhao.min\"\nname = \"赵敏\"\nemail = \"zhao.min@example.com\"\ndepartment = \"市场部客户服务中心\"\nroles = [\"csc\", \"admin\"]\n"),
        "{people}"
    );
    let author = git(root, &["log", "--format=%an <%ae>"]);
    assert_eq!(stdout(&author), "赵敏 <zhao.min@example.com>\n");
}

/// The first admin `svc init` is given in the tests.
const ADMIN: &str = "赵敏 <zhao.min@example.com>";

#[test]
fn the_first_edit_of_people_toml_in_a_new_workspace_passes_check() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path();
    assert_eq!(exit_code(&svc_in(root, &["init", "--admin", ADMIN])), 0);
    // The admin puts the real team in: the workspace's first honest commit.
    let people = std::fs::read_to_string(root.join("people.toml")).expect("read people.toml");
    let people = people
        .replace("id = \"li.na\"", "id = \"qian.hui\"")
        .replace(
            "email = \"li.na@example.com\"",
            "email = \"qian.hui@example.com\"",
        );
    std::fs::write(root.join("people.toml"), people).expect("write people.toml");
    git(root, &["add", "people.toml"]);
    let commit = git(
        root,
        &[
            "-c",
            "user.name=赵敏",
            "-c",
            "user.email=zhao.min@example.com",
            "commit",
            "-q",
            "-m",
            "Our team",
        ],
    );
    assert_eq!(exit_code(&commit), 0, "{}", stderr(&commit));
    let check = svc_in(root, &["check"]);
    assert_eq!(exit_code(&check), 0, "{}{}", stdout(&check), stderr(&check));
    // Someone else's edit is still reported.
    std::fs::write(root.join("people.toml"), "# ours\n").expect("write people.toml");
    git(root, &["add", "people.toml"]);
    git(
        root,
        &[
            "-c",
            "user.name=x",
            "-c",
            "user.email=qian.hui@example.com",
            "commit",
            "-q",
            "-m",
            "mine now",
        ],
    );
    let check = svc_in(root, &["check"]);
    assert_eq!(exit_code(&check), 1);
    assert!(
        stdout(&check)
            .contains("people.toml was changed by qian.hui@example.com, who is not an admin"),
        "{}",
        stdout(&check)
    );
}

#[test]
fn init_takes_the_first_admin_from_gits_identity_or_refuses_without_one() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path().join("ws");
    // Without an identity or --admin: refused, nothing written.
    let out = svc_in(dir.path(), &["init", "ws"]);
    assert_eq!(exit_code(&out), 1, "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "error: svc init needs the workspace's first admin, and git has no user.email here to take\nhint: name yourself: git config --global user.email you@example.com (and user.name), or svc init --admin \"Name <you@example.com>\"\n"
    );
    assert!(!root.exists(), "init wrote something");
    // An --admin that is no e-mail is a usage error.
    let out = svc_in(dir.path(), &["init", "ws", "--admin", "赵敏"]);
    assert_eq!(exit_code(&out), 2, "{}", stderr(&out));
    assert!(!root.exists(), "init wrote something");
    // With git's global identity, that person is the admin.
    let global = dir.path().join("gitconfig");
    std::fs::write(
        &global,
        "[user]\n\tname = 孙丽\n\temail = Sun.Li@Example.com\n",
    )
    .expect("a config");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_svc"))
        .args(["init", "ws"])
        .current_dir(dir.path())
        .env("GIT_CONFIG_GLOBAL", &global)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("NO_COLOR", "1")
        // Messages in English (the tests of the Chinese ones ask for them).
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run svc");
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out).contains(
            "You are its first admin: 孙丽 <Sun.Li@Example.com> (people.toml, id sun.li)"
        ),
        "{}",
        stdout(&out)
    );
    let people = std::fs::read_to_string(root.join("people.toml")).expect("read people.toml");
    assert!(
        people.contains("id = \"sun.li\"\nname = \"孙丽\"\nemail = \"Sun.Li@Example.com\""),
        "{people}"
    );
    assert!(
        !people.contains("zhao.min"),
        "the example admin is replaced: {people}"
    );
    let check = svc_in(&root, &["check"]);
    assert_eq!(exit_code(&check), 0, "{}{}", stdout(&check), stderr(&check));
}

#[test]
fn init_refuses_an_existing_workspace_and_overwrites_nothing() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path();
    assert_eq!(exit_code(&svc_in(root, &["init", "--admin", ADMIN])), 0);
    let people = root.join("people.toml");
    std::fs::write(&people, "# ours\n").expect("write people.toml");
    let out = svc_in(root, &["init"]);
    assert_eq!(exit_code(&out), 1);
    insta::assert_snapshot!("init_again", transcript(root, &out));
    assert_eq!(
        std::fs::read_to_string(&people).expect("read people.toml"),
        "# ours\n"
    );
    let log = git(root, &["log", "--format=%s"]);
    assert_eq!(
        stdout(&log),
        "Create the svc workspace\n",
        "a second commit"
    );
}

#[test]
fn init_refuses_to_overwrite_a_file_it_would_write() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path();
    std::fs::write(root.join("people.toml"), "# ours\n").expect("write people.toml");
    let out = svc_in(root, &["init"]);
    assert_eq!(exit_code(&out), 1);
    assert_eq!(
        redact(root, &stderr(&out)),
        "error: [ROOT]/people.toml already exists; svc will not overwrite it\nhint: choose an empty folder\n"
    );
    assert_eq!(
        std::fs::read_to_string(root.join("people.toml")).expect("read people.toml"),
        "# ours\n"
    );
    assert!(
        !root.join("svc.toml").exists(),
        "init wrote half a workspace"
    );
}

// ---------------------------------------------------------------------------------------
// completions

#[test]
fn completions_for_bash_know_the_commands() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = svc_in(dir.path(), &["completions", "bash"]);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    let script = stdout(&out);
    assert!(script.contains("_svc()"), "not a bash completion script");
    for word in ["validate", "list", "show", "schema", "init", "--assignee"] {
        assert!(script.contains(word), "no {word} in the script");
    }
}

#[test]
fn completions_refuse_an_unknown_shell() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = svc_in(dir.path(), &["completions", "tcsh"]);
    assert_eq!(exit_code(&out), 2);
    assert!(
        stderr(&out).contains("invalid value 'tcsh'"),
        "{}",
        stderr(&out)
    );
}
