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
    let text = std::fs::read_to_string(&memory).expect("the memory");
    for doubtful in [
        text[..text.len() / 2].to_string(),
        text.replace(&forged[..10], "0000000000"),
        text.replacen("svc-verified ", "svc-verified 0.0.0 ", 1),
        String::new(),
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
