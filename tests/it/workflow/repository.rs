//! The repository around the workspace: a step commits exactly the case folder and leaves
//! the person's other work (staged, unstaged, untracked) as it was; a detached HEAD or a
//! merge in progress is refused; an unborn branch gets its first commit.

use super::*;

#[test]
fn a_step_commits_only_the_case_folder_and_leaves_other_work_as_it_was() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::SheetWritten, "wang.qiang");
    let old = ws.head();
    // Staged: a contact's new phone number.
    ws.edit(
        "customers/example-customer.toml",
        "phone = \"020-0000-0000\"",
        "phone = \"020-8888-0000\"",
    );
    ws.git(&["add", "customers/example-customer.toml"]);
    // Unstaged: a price being changed.
    ws.edit(
        "catalog/parts.toml",
        "price = \"320.00\"",
        "price = \"330.00\"",
    );
    // Staged and changed again since.
    ws.edit("svc.toml", "name_en = \"Example", "name_en = \"The Example");
    ws.git(&["add", "svc.toml"]);
    ws.edit(
        "svc.toml",
        "home_city = \"深圳\"",
        "home_city = \"深圳\" # 总部",
    );
    // Untracked, outside and inside the case folder; an ignored file in the case folder.
    ws.write("notes/todo.txt", "备忘\n");
    ws.write(&case.file("photos/fault.txt"), "照片说明\n");
    ws.write(".git/info/exclude", "*.bak\n");
    ws.write(&case.file("task-sheet.toml.bak"), "旧版本\n");

    let status = ws.porcelain();
    assert_eq!(
        status,
        format!(
            " M catalog/parts.toml\nM  customers/example-customer.toml\nMM svc.toml\n?? {}\n?? {}\n?? notes/todo.txt\n",
            case.file("photos/fault.txt"),
            case.file("task-sheet.toml"),
        )
    );
    let staged = ws.git(&["diff", "--cached"]);
    let unstaged = ws.git(&["diff"]);

    ws.act_as("wang.qiang");
    ws.ok(T_SUBMIT, &["submit", &case.id]);

    // The commit holds the case folder, nothing else.
    assert_eq!(ws.git(&["rev-parse", "HEAD^"]).trim(), old);
    assert_eq!(
        ws.git(&["show", "--name-only", "--format=", "HEAD"]),
        format!(
            "{}\n{}\n{}\n",
            case.file("case.toml"),
            case.file("photos/fault.txt"),
            case.file("task-sheet.toml")
        )
    );
    for shared in [
        "customers/example-customer.toml",
        "catalog/parts.toml",
        "svc.toml",
    ] {
        assert_eq!(ws.show("HEAD", shared), ws.show(&old, shared), "{shared}");
    }
    // The other work is exactly as it was: still staged, still unstaged, still untracked.
    assert_eq!(
        ws.porcelain(),
        " M catalog/parts.toml\nM  customers/example-customer.toml\nMM svc.toml\n?? notes/todo.txt\n"
    );
    assert_eq!(ws.git(&["diff", "--cached"]), staged);
    assert_eq!(ws.git(&["diff"]), unstaged);
    assert!(ws.read("svc.toml").contains("home_city = \"深圳\" # 总部"));
    assert_eq!(ws.read(&case.file("task-sheet.toml.bak")), "旧版本\n");
    let ignored = ws.git(&["status", "--porcelain", "--ignored"]);
    assert!(
        ignored.contains(&format!("!! {}", case.file("task-sheet.toml.bak"))),
        "{ignored}"
    );
    assert_eq!(ws.state(&case), "pending-approval");
}

#[test]
fn a_step_on_a_detached_head_is_refused() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Requested, "wang.qiang");
    ws.git(&["checkout", "-q", "--detach"]);
    ws.act_as("zhao.min");
    let err = refused(
        &ws,
        &case,
        T_ACCEPT,
        &["accept", &case.id, "--fee", "warranty"],
    );
    assert_eq!(
        error_line(&err),
        "error: HEAD is detached (not on a branch); svc records steps on a branch"
    );
    assert_eq!(hint_lines(&err).len(), 1, "{err}");
    assert!(hint_lines(&err)[0].starts_with("hint: check out the workspace's branch first"));
    let out = ws.svc(
        T_ACCEPT,
        &["new", "--customer", "example-customer", "--fault", "告警"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("detached"), "{}", stderr(&out));
    assert_eq!(ws.porcelain(), "", "no case folder was left behind");
}

#[test]
fn a_step_during_a_merge_is_refused() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Requested, "wang.qiang");
    let head = ws.head();
    ws.write(".git/MERGE_HEAD", &format!("{head}\n"));
    ws.act_as("zhao.min");
    let err = refused(
        &ws,
        &case,
        T_ACCEPT,
        &["accept", &case.id, "--fee", "warranty"],
    );
    assert_eq!(
        err,
        "error: a git merge is in progress\nhint: finish or abort it first (git merge --abort, git rebase --abort…)\n"
    );
    std::fs::remove_file(ws.root().join(".git/MERGE_HEAD")).unwrap();
    ws.ok(T_ACCEPT, &["accept", &case.id, "--fee", "warranty"]);
}

/// The starter's shared files, written by hand.
fn write_starter(ws: &Ws) {
    let starter = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/starter");
    for rel in [
        "svc.toml",
        "people.toml",
        "customers/example-customer.toml",
        "catalog/parts.toml",
        "catalog/rates.toml",
    ] {
        ws.write(rel, &std::fs::read_to_string(starter.join(rel)).unwrap());
    }
}

#[test]
fn the_first_step_on_an_unborn_branch_makes_the_first_commit() {
    let ws = Ws::bare();
    write_starter(&ws);
    ws.git(&["init", "-q"]);
    let branch = ws.git(&["symbolic-ref", "HEAD"]);
    ws.act_as("zhao.min");
    let out = ws.svc(
        T_NEW,
        &[
            "new",
            "--customer",
            "example-customer",
            "--site",
            "gz-main",
            "--fault",
            "告警",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let id = stdout(&out).trim().to_string();
    let dir = format!("cases/2026/11/{id}");
    assert_eq!(ws.git(&["symbolic-ref", "HEAD"]), branch);
    assert_eq!(ws.git(&["rev-list", "--count", "HEAD"]).trim(), "1");
    assert_eq!(
        ws.git(&["show", "-s", "--format=%P|%an <%ae>|%s", "HEAD"])
            .trim(),
        format!("|赵敏 <zhao.min@example.com>|new {id}: none -> requested")
    );
    assert_eq!(
        ws.git(&["ls-tree", "-r", "--name-only", "HEAD"]),
        format!("{dir}/case.toml\n{dir}/request.toml\n")
    );
    // The hand-written shared files are left as they were: untracked.
    assert_eq!(
        ws.porcelain(),
        "?? catalog/parts.toml\n?? catalog/rates.toml\n?? customers/example-customer.toml\n?? people.toml\n?? svc.toml\n"
    );
    // The next step is judged as svc check will judge it: by the people.toml the history
    // holds, and there is none yet.
    let first = ws.head();
    let out = ws.svc(T_ACCEPT, &["accept", &id, "--fee", "warranty"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("accept was taken by zhao.min@example.com, but no people.toml is committed to say who that is"),
        "{}",
        stderr(&out)
    );
    assert_eq!(ws.head(), first, "nothing was committed");
    // The admin commits the shared files (judged by the people.toml they bring); then the
    // step builds on the history.
    ws.git(&["add", "svc.toml", "people.toml", "customers", "catalog"]);
    let shared = ws.git_commit_at("zhao.min", "The company's shared files", T_NEW);
    ws.ok(T_ACCEPT, &["accept", &id, "--fee", "warranty"]);
    assert_eq!(ws.git(&["rev-parse", "HEAD^"]).trim(), shared);
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 0, "{findings:?}");
    let validate = ws.svc(T_LATER, &["validate"]);
    assert_eq!(code(&validate), 0, "{}", stdout(&validate));
}

#[test]
fn a_step_outside_a_git_repository_is_an_environment_error() {
    let ws = Ws::bare();
    write_starter(&ws);
    let out = ws.svc(
        T_NEW,
        &["new", "--customer", "example-customer", "--fault", "告警"],
    );
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert_eq!(
        error_line(&stderr(&out)),
        "error: the workspace is not in a git repository"
    );
    assert!(!ws.exists("cases"), "nothing was written");
}

#[test]
fn a_step_leaves_another_cases_edits_alone() {
    let ws = Ws::init();
    let a = ws.case_at(Stage::SheetWritten, "wang.qiang");
    let b = ws.new_case_at(T_NEW, "另一个机房告警");
    ws.edit(
        &b.file("request.toml"),
        "tried_by_phone = \"\"",
        "tried_by_phone = \"重启无效\"",
    );
    ws.write(
        &b.file("task-sheet.toml"),
        &task_sheet("wang.qiang", "wang.qiang"),
    );
    ws.git(&["add", &b.file("task-sheet.toml")]);
    let theirs = ws.git(&["status", "--porcelain", "--", &b.dir]);
    assert_eq!(
        theirs,
        format!(
            " M {}\nA  {}\n",
            b.file("request.toml"),
            b.file("task-sheet.toml")
        )
    );
    let staged = ws.git(&["diff", "--cached", "--", &b.dir]);
    ws.act_as("wang.qiang");
    ws.ok(T_SUBMIT, &["submit", &a.id]);
    assert_eq!(
        ws.git(&["show", "--name-only", "--format=", "HEAD"]),
        format!("{}\n{}\n", a.file("case.toml"), a.file("task-sheet.toml"))
    );
    assert_eq!(ws.git(&["status", "--porcelain", "--", &b.dir]), theirs);
    assert_eq!(ws.git(&["diff", "--cached", "--", &b.dir]), staged);
    assert_eq!(ws.porcelain(), theirs);
}
