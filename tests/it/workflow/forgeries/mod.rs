//! Forgeries made with plain git, one class per module, each test asserting the exact
//! findings `svc check` makes about the forged commit (or the exact refusal of a step
//! svc is asked to take on tampered files), and beside them consistent histories that must
//! pass. What `svc check` holds is the module documentation of `src/history/check.rs`.
//!
//! - [`signed_sheet`]: a task sheet changed after its signature;
//! - [`frozen`]: the records of a reviewed or closed case changed;
//! - [`vanished`]: a case, or a form its state needs, deleted or renamed;
//! - [`merges`]: evil merges, an orphan root merged in, and merges that are fine;
//! - [`times`]: steps dated otherwise than when they were taken;
//! - [`other_case`]: a step's commit that changes files outside its case;
//! - [`customers`]: customers' files and templates changed by the wrong people;
//! - [`work_tree`]: a case.toml edited by hand in the work tree, under a real step;
//! - [`trailers`]: notes that read as trailers, and trailer lines where git reads none;
//! - [`regressions`]: the older classes of forgery, with their exact findings;
//! - [`consistent`]: histories made with svc, git's merges and `svc sync`, that pass.

mod consistent;
mod customers;
mod frozen;
mod merges;
mod other_case;
mod regressions;
mod signed_sheet;
mod times;
mod trailers;
mod vanished;
mod work_tree;

use super::*;
use serde_json::Value;

/// The first 10 hex digits of a commit id, as findings name it.
pub fn short(commit: &str) -> &str {
    &commit[..10]
}

/// The history findings of a commit in `svc check --json`.
pub fn about<'a>(findings: &'a [Value], commit: &str) -> Vec<&'a Value> {
    findings
        .iter()
        .filter(|f| f["rule"] == "history" && f["commit"] == commit)
        .collect()
}

/// The messages of the history findings of a commit.
pub fn messages(findings: &[Value], commit: &str) -> Vec<String> {
    about(findings, commit)
        .iter()
        .map(|f| f["message"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The `file` of each history finding of a commit.
pub fn files(findings: &[Value], commit: &str) -> Vec<String> {
    about(findings, commit)
        .iter()
        .map(|f| f["file"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// Every history finding, as `commit: message`.
pub fn history(findings: &[Value]) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f["rule"] == "history")
        .map(|f| {
            format!(
                "{}: {}",
                f["commit"].as_str().unwrap_or("?"),
                f["message"].as_str().unwrap_or_default()
            )
        })
        .collect()
}

/// `svc check --json` fails (exit 1) and its history findings are exactly `expected`, each
/// message written in full (`commit <10 hex digits>: …`), in the order svc prints them (by
/// file, then message), all about `commit`: nothing else in the history is reported.
/// Returns every finding, for the caller's further checks.
pub fn caught(ws: &Ws, commit: &str, expected: &[String]) -> Vec<Value> {
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 1, "svc check passed: {findings:#?}");
    assert_eq!(
        messages(&findings, commit),
        expected,
        "the findings about {commit}; the whole history: {:#?}",
        history(&findings)
    );
    assert_eq!(
        history(&findings).len(),
        expected.len(),
        "findings about other commits: {:#?}",
        history(&findings)
    );
    findings
}

/// `svc check --json` passes: exit 0, and not one history finding.
pub fn passes(ws: &Ws) {
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 0, "{findings:#?}");
    assert_eq!(history(&findings), Vec::<String>::new());
}

/// The message svc writes for a step (any note will do: `svc check` reads the trailers).
pub fn svc_message(action: &str, id: &str, from: &str, to: &str, actor: &str) -> String {
    format!(
        "{action} {id}: {from} -> {to}\n\nRecorded by hand.\n\nSvc-Case: {id}\nSvc-Action: {action}\nSvc-From: {from}\nSvc-To: {to}\nSvc-Actor: {actor}\n"
    )
}

/// Edit case.toml as svc would for a task-sheet signature by `by` as `role` at `at`: the
/// state approved, and an approval covering the task sheet as committed (its object id,
/// as git computes it), so that the forms are valid and only the history tells.
pub fn forge_signature(ws: &Ws, case: &Case, by: &str, role: &str, at: &str) {
    let file = case.file("case.toml");
    ws.edit(
        &file,
        "state = \"pending-approval\"",
        "state = \"approved\"",
    );
    let text = ws.read(&file);
    let sheet = ws.git(&[
        "rev-parse",
        &format!("HEAD:{}", case.file("task-sheet.toml")),
    ]);
    ws.write(
        &file,
        &format!(
            "{text}\n[[approvals]]\nkind = \"task-sheet\"\nby = \"{by}\"\nrole = \"{role}\"\nat = {at}\ncovers = {{ \"task-sheet.toml\" = \"{}\" }}\n",
            sheet.trim()
        ),
    );
}

/// Run git as someone (name and e-mail on the command line, as a forger would), with the
/// author's and the committer's date pinned to `at` when given; it must succeed.
pub fn git_by(ws: &Ws, name: &str, email: &str, at: Option<&str>, args: &[&str]) -> String {
    let mut command = ws.git_command();
    if let Some(at) = at {
        command
            .env("GIT_AUTHOR_DATE", at)
            .env("GIT_COMMITTER_DATE", at);
    }
    let out = command
        .arg("-c")
        .arg(format!("user.name={name}"))
        .arg("-c")
        .arg(format!("user.email={email}"))
        .args(args)
        .output()
        .expect("run git");
    assert!(
        out.status.success(),
        "git {args:?}: {}{}",
        stdout(&out),
        stderr(&out)
    );
    stdout(&out)
}

/// [`git_by`] as a person of people.toml.
pub fn git_as(ws: &Ws, person: &str, at: Option<&str>, args: &[&str]) -> String {
    git_by(
        ws,
        &ws.name_of(person),
        &format!("{person}@example.com"),
        at,
        args,
    )
}

/// Commit the index as someone people.toml does not list. Returns the commit.
pub fn commit_by_stranger(ws: &Ws, name: &str, email: &str, message: &str) -> String {
    git_by(ws, name, email, None, &["commit", "-q", "-m", message]);
    ws.head()
}

/// Amend HEAD with the index as it is, as `person`, the message kept: the author's date
/// too when `date` is given (`--date`, the committer's date with it), else the author's
/// date is kept, as `git commit --amend` does. Returns the new HEAD.
pub fn amend(ws: &Ws, person: &str, date: Option<&str>) -> String {
    let mut args = vec!["commit", "-q", "--amend", "--no-edit", "--allow-empty"];
    let flag = date.map(|d| format!("--date={d}"));
    if let Some(flag) = &flag {
        args.push(flag);
    }
    let mut command = ws.git_command();
    if let Some(date) = date {
        command.env("GIT_COMMITTER_DATE", date);
    }
    let out = command
        .arg("-c")
        .arg(format!("user.name={}", ws.name_of(person)))
        .arg("-c")
        .arg(format!("user.email={person}@example.com"))
        .args(&args)
        .output()
        .expect("run git");
    assert!(out.status.success(), "git commit --amend: {}", stderr(&out));
    ws.head()
}

/// The branch checked out.
pub fn branch(ws: &Ws) -> String {
    ws.git(&["symbolic-ref", "--short", "HEAD"])
        .trim()
        .to_string()
}

/// A side branch `side` from HEAD with one harmless commit of its own (a note at the root,
/// by the admin), and one on the branch we come back to: merging them is a real merge.
/// Returns the branch we are on.
pub fn diverge(ws: &Ws) -> String {
    let main = branch(ws);
    ws.git(&["checkout", "-q", "-b", "side"]);
    ws.write("notes/side.md", "from the side branch\n");
    ws.git(&["add", "-A"]);
    ws.git_commit_as("zhao.min", "A note on the side branch");
    ws.git(&["checkout", "-q", &main]);
    ws.write("notes/main.md", "from the main branch\n");
    ws.git(&["add", "-A"]);
    ws.git_commit_as("zhao.min", "A note on the main branch");
    main
}

/// Start merging `side` as `person`, stopping before the commit (`--no-ff --no-commit`),
/// for the forger to edit what the merge holds.
pub fn merge_no_commit(ws: &Ws, person: &str, side: &str) {
    git_as(
        ws,
        person,
        None,
        &["merge", "-q", "--no-ff", "--no-commit", side],
    );
}

/// Whether a commit is a merge (two parents).
pub fn is_merge(ws: &Ws, commit: &str) -> bool {
    ws.git(&["rev-list", "--parents", "-n", "1", commit])
        .split_whitespace()
        .count()
        == 3
}

/// The git object id a file's text would have (as the covers of an approval name it).
pub fn blob_id(ws: &Ws, rel: &str) -> String {
    ws.git(&["hash-object", rel]).trim().to_string()
}

/// The (action, actor) of each step in `svc --json log CASE`.
pub fn steps(ws: &Ws, case: &Case) -> Vec<(String, String)> {
    let out = ws.ok(T_LATER, &["--json", "log", &case.id]);
    let log: Value = serde_json::from_str(&out).expect("svc log --json");
    log.as_array()
        .or_else(|| log["steps"].as_array())
        .expect("a list of steps")
        .iter()
        .map(|s| {
            (
                s["action"].as_str().unwrap_or_default().to_string(),
                s["actor"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// The fee list of a warranty case: nothing charged, signed by the customer.
pub const NO_FEES: &str = "total = \"0.00\"\n\n[signature]\nname = \"黄工\"\ndate = 2026-11-05\n";

/// A case taken to `stage` (on site or later) with a fee list and a photo among its
/// records, both committed with the step that completes it.
pub fn case_with_records(ws: &Ws, stage: Stage) -> Case {
    assert!(stage >= Stage::Serviced, "the records come with `complete`");
    let case = ws.case_at(Stage::OnSite, "wang.qiang");
    ws.write(&case.file("fees.toml"), NO_FEES);
    let photo = ws.root().join(case.file("attachments/photo.jpg"));
    std::fs::create_dir_all(photo.parent().expect("a folder")).expect("create a folder");
    std::fs::write(&photo, b"\xff\xd8\xff\xe0 the power module, before\xff\xd9").expect("write");
    ws.advance(&case, Stage::OnSite, stage, "wang.qiang");
    assert_eq!(ws.porcelain(), "", "the step committed every record");
    case
}
