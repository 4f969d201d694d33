//! `svc check` remembers what it found in each commit it judged (`.git/svc/verified`) and
//! judges only new commits: the answer is the same with the memory, without it (`--full`),
//! and with a memory that is truncated, altered or from another version (ignored, then
//! written again).

use super::*;

/// `svc check --json` at T_LATER: exit code and the history findings as `commit: message`.
fn history(ws: &Ws, extra: &[&str]) -> (i32, Vec<String>) {
    let (exit, findings) = ws.check_json(extra);
    let mut lines: Vec<String> = findings
        .iter()
        .filter(|f| f["rule"] == "history")
        .map(|f| {
            format!(
                "{}: {}",
                f["commit"].as_str().unwrap_or("?"),
                f["message"].as_str().unwrap_or("")
            )
        })
        .collect();
    lines.sort();
    (exit, lines)
}

#[test]
fn the_remembered_judgements_give_the_answer_of_a_full_check() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::PendingApproval, "wang.qiang");
    ws.edit(
        &case.file("case.toml"),
        "state = \"pending-approval\"",
        "state = \"approved\"",
    );
    ws.git(&["add", "-A"]);
    let forged = ws.git_commit_as("wang.qiang", "状态改为已批准");
    let memory = ws.root().join(".git/svc/verified");
    assert!(!memory.exists());
    let first = history(&ws, &[]);
    assert_eq!(first.0, 1);
    assert_eq!(first.1.len(), 1, "{first:?}");
    assert!(first.1[0].starts_with(&forged), "{first:?}");
    assert!(memory.is_file(), "nothing was remembered");
    // Remembered, the same; in full, the same.
    assert_eq!(history(&ws, &[]), first);
    assert_eq!(history(&ws, &["--full"]), first);
    // A memory cut short, altered, or of another version is not believed.
    let bytes = std::fs::read(&memory).expect("the memory");
    let mut altered = bytes.clone();
    altered[bytes.len() / 2] ^= 0x20;
    let mut other = bytes.clone();
    let version = b"svc-verified ".len();
    other[version] = b'9';
    for doubtful in [
        bytes[..bytes.len() / 2].to_vec(),
        altered,
        other,
        Vec::new(),
    ] {
        std::fs::write(&memory, doubtful).expect("write the memory");
        assert_eq!(history(&ws, &[]), first);
    }
    // A new step is judged; a new forgery is found beside the remembered one.
    ws.act_as("zhao.min");
    let other = ws.new_case_at(T_NEW, "另一个告警");
    ws.edit(
        &other.file("case.toml"),
        "state = \"requested\"",
        "state = \"accepted\"",
    );
    ws.git(&["add", "-A"]);
    let second = ws.git_commit_as("zhao.min", "直接改为已接受");
    let (exit, lines) = history(&ws, &[]);
    assert_eq!(exit, 1);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines.iter().any(|l| l.starts_with(&second)), "{lines:?}");
    assert_eq!((exit, lines), history(&ws, &["--full"]));
}

/// `svc check` and `svc check --full` at T_LATER, byte for byte, and the memory's answer.
fn same_as_full(ws: &Ws, what: &str) -> String {
    let remembered = ws.svc(T_LATER, &["check"]);
    let full = ws.svc(T_LATER, &["check", "--full"]);
    let seen = |o: &std::process::Output| (code(o), stdout(o), stderr(o));
    assert_eq!(seen(&remembered), seen(&full), "after {what}");
    stdout(&remembered)
}

#[test]
fn a_check_from_the_remembered_tip_answers_as_a_full_one_on_branches_merges_resets_and_roots() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::OnSite, "wang.qiang");
    let trunk = ws.git(&["branch", "--show-current"]).trim().to_string();
    same_as_full(&ws, "the first steps");
    // A forgery on a branch of its own.
    ws.git(&["checkout", "-q", "-b", "side"]);
    ws.edit(
        &case.file("case.toml"),
        "state = \"on-site\"",
        "state = \"serviced\"",
    );
    ws.git(&["add", "-A"]);
    let forged = ws.git_commit_as("wang.qiang", "改为已完成");
    let on_side = same_as_full(&ws, "a forgery on a side branch");
    assert!(on_side.contains(&forged[..10]), "{on_side}");
    // Back on the trunk (not a descendant of the tip), a new step there.
    ws.git(&["checkout", "-q", &trunk]);
    let back = same_as_full(&ws, "switching back");
    assert!(!back.contains(&forged[..10]), "{back}");
    ws.act_as("zhao.min");
    ws.new_case_at(T_NEW, "另一个告警");
    same_as_full(&ws, "a step on the trunk");
    // The side branch merged in: a descendant whose first parents lead to the tip.
    ws.git(&["merge", "-q", "--no-edit", "side"]);
    let merged = same_as_full(&ws, "merging the side branch");
    assert!(merged.contains(&forged[..10]), "{merged}");
    // A history from elsewhere, merged in: a second root.
    ws.git(&["checkout", "-q", "--orphan", "elsewhere"]);
    ws.git(&["rm", "-rq", "--cached", "."]);
    std::fs::write(ws.root().join("stray.txt"), "not of this workspace\n").unwrap();
    ws.git(&["add", "stray.txt"]);
    ws.git_commit_as("wang.qiang", "外来的历史");
    ws.git(&["checkout", "-q", "-f", &trunk]);
    ws.git(&[
        "merge",
        "-q",
        "--no-edit",
        "--allow-unrelated-histories",
        "elsewhere",
    ]);
    let rooted = same_as_full(&ws, "merging an unrelated history");
    assert!(rooted.contains("a second root commit"), "{rooted}");
    // Reset to before the merges: an ancestor of the tip.
    ws.git(&["reset", "-q", "--hard", "HEAD~2"]);
    let reset = same_as_full(&ws, "a reset");
    assert!(!reset.contains(&forged[..10]), "{reset}");
    assert!(!reset.contains("a second root commit"), "{reset}");
}
