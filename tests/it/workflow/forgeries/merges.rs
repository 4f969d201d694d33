//! Class 4: merge commits. A merge may bring in what each side changed where the other
//! did not; whatever else it holds it wrote itself and is judged as its author's commit:
//! a role, a setting, a signing key or a price changed inside an "evil merge", a case.toml
//! taken from a side branch over the other side's steps (the cancelled case brought back
//! to life), a case deleted, a frozen record changed, an orphan root with its own
//! people.toml merged in. Merges that only bring both sides together pass.

use super::super::signing::{keygen, require_signed_approvals};
use super::*;

/// Commit the merge in progress (the index as it is) as `person`; it must be a merge.
fn commit_merge(ws: &Ws, person: &str) -> String {
    ws.git(&["add", "-A"]);
    let merge = ws.git_commit_as(person, "Merge branch 'side'");
    assert!(is_merge(ws, &merge), "{merge} is not a merge");
    merge
}

/// `svc check` reports exactly one finding about `merge`, saying `message`, at `file`.
fn merge_caught(ws: &Ws, merge: &str, message: &str, file: &str) {
    let findings = caught(ws, merge, &[format!("commit {}: {message}", short(merge))]);
    assert_eq!(files(&findings, merge), vec![file.to_string()]);
}

#[test]
fn a_role_granted_inside_a_merge_is_caught() {
    let ws = Ws::init();
    diverge(&ws);
    merge_no_commit(&ws, "wang.qiang", "side");
    ws.edit(
        "people.toml",
        "email = \"wang.qiang@example.com\"\ndepartment = \"市场部客户服务中心\"\nroles = [\"engineer\"]",
        "email = \"wang.qiang@example.com\"\ndepartment = \"市场部客户服务中心\"\nroles = [\"engineer\", \"lead\"]",
    );
    let merge = commit_merge(&ws, "wang.qiang");
    merge_caught(
        &ws,
        &merge,
        "people.toml was changed by wang.qiang@example.com, who is not an admin",
        "people.toml",
    );
}

#[test]
fn signatures_turned_off_inside_a_merge_are_caught() {
    let ws = Ws::init();
    ws.edit(
        "svc.toml",
        "signed_actions = []",
        "signed_actions = [\"approve\"]",
    );
    ws.git(&["add", "svc.toml"]);
    ws.git_commit_as("zhao.min", "审批须签名");
    diverge(&ws);
    // li.na would rather approve without her key: she drops the setting while merging.
    merge_no_commit(&ws, "li.na", "side");
    ws.edit(
        "svc.toml",
        "signed_actions = [\"approve\"]",
        "signed_actions = []",
    );
    let merge = commit_merge(&ws, "li.na");
    merge_caught(
        &ws,
        &merge,
        "svc.toml was changed by li.na@example.com, who is not an admin",
        "svc.toml",
    );
}

#[test]
fn a_signing_key_swapped_inside_a_merge_is_caught() {
    let ws = Ws::init();
    let (_, li_na) = keygen(&ws, "li.na");
    require_signed_approvals(&ws, &li_na);
    // wang.qiang puts his own key in li.na's place: then he could sign as her.
    let (_, his) = keygen(&ws, "wang.qiang");
    diverge(&ws);
    merge_no_commit(&ws, "wang.qiang", "side");
    ws.edit("people.toml", &li_na, &his);
    let merge = commit_merge(&ws, "wang.qiang");
    merge_caught(
        &ws,
        &merge,
        "people.toml was changed by wang.qiang@example.com, who is not an admin",
        "people.toml",
    );
}

#[test]
fn a_catalog_price_changed_inside_a_merge_is_caught() {
    let ws = Ws::init();
    diverge(&ws);
    merge_no_commit(&ws, "chen.jie", "side");
    ws.edit(
        "catalog/parts.toml",
        "price = \"680.00\"",
        "price = \"880.00\"",
    );
    let merge = commit_merge(&ws, "chen.jie");
    merge_caught(
        &ws,
        &merge,
        "catalog/parts.toml was changed by chen.jie@example.com, who is not an admin",
        "catalog/parts.toml",
    );
}

/// An assigned case, a branch `side` made from there with a commit of its own, and on the
/// branch we come back to, the case cancelled by the CSC. Returns the case and that branch.
fn cancelled_behind_a_side_branch(ws: &Ws) -> (Case, String) {
    let case = ws.case_at(Stage::Assigned, "wang.qiang");
    let main = branch(ws);
    ws.git(&["checkout", "-q", "-b", "side"]);
    ws.write("notes/side.md", "客户的机房门禁卡已办好\n");
    ws.git(&["add", "-A"]);
    ws.git_commit_as("wang.qiang", "门禁");
    ws.git(&["checkout", "-q", &main]);
    ws.act_as("zhao.min");
    ws.ok(
        T_SUBMIT,
        &["cancel", &case.id, "--reason", "客户已自行修复"],
    );
    (case, main)
}

#[test]
fn a_cancelled_case_brought_back_by_a_merge_is_caught() {
    let ws = Ws::init();
    let (case, _) = cancelled_behind_a_side_branch(&ws);
    // While merging, the side branch's case.toml (from before the cancel) is taken.
    merge_no_commit(&ws, "wang.qiang", "side");
    ws.git(&["checkout", "side", "--", &case.file("case.toml")]);
    let merge = commit_merge(&ws, "wang.qiang");
    assert_eq!(ws.state(&case), "assigned", "the case is back to life");
    merge_caught(
        &ws,
        &merge,
        &format!(
            "a merge took {} from one side over the steps the other side recorded on the case",
            case.file("case.toml")
        ),
        &case.file("case.toml"),
    );
}

#[test]
fn a_cancel_dropped_by_merging_with_the_ours_strategy_is_caught() {
    let ws = Ws::init();
    let (case, main) = cancelled_behind_a_side_branch(&ws);
    // On the side branch, main merged with `-s ours` (the side's tree kept whole), and
    // main brought forward to that merge.
    ws.git(&["checkout", "-q", "side"]);
    git_as(
        &ws,
        "wang.qiang",
        None,
        &["merge", "-q", "-s", "ours", "--no-edit", &main],
    );
    let merge = ws.head();
    assert!(is_merge(&ws, &merge));
    ws.git(&["checkout", "-q", &main]);
    ws.git(&["merge", "-q", "--ff-only", "side"]);
    assert_eq!(ws.state(&case), "assigned", "the case is back to life");
    merge_caught(
        &ws,
        &merge,
        &format!(
            "a merge took {} from one side over the steps the other side recorded on the case",
            case.file("case.toml")
        ),
        &case.file("case.toml"),
    );
}

#[test]
fn a_state_written_inside_a_merge_is_caught() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::PendingApproval, "wang.qiang");
    diverge(&ws);
    merge_no_commit(&ws, "wang.qiang", "side");
    forge_signature(&ws, &case, "li.na", "lead", T_APPROVE);
    let merge = commit_merge(&ws, "wang.qiang");
    merge_caught(
        &ws,
        &merge,
        "a merge wrote a case.toml that neither side had",
        &case.file("case.toml"),
    );
}

#[test]
fn a_case_deleted_inside_a_merge_is_caught() {
    let ws = Ws::init();
    let case = ws.new_case();
    diverge(&ws);
    merge_no_commit(&ws, "zhao.min", "side");
    ws.git(&["rm", "-q", "-r", &case.dir]);
    let merge = commit_merge(&ws, "zhao.min");
    merge_caught(
        &ws,
        &merge,
        &format!(
            "a merge deleted {}, which one side still had",
            case.file("case.toml")
        ),
        &case.file("case.toml"),
    );
}

#[test]
fn a_frozen_record_changed_inside_a_merge_is_caught() {
    let ws = Ws::init();
    let case = case_with_records(&ws, Stage::Reviewed);
    diverge(&ws);
    merge_no_commit(&ws, "wang.qiang", "side");
    ws.edit(
        &case.file("summary.toml"),
        "satisfaction = 5",
        "satisfaction = 2",
    );
    let merge = commit_merge(&ws, "wang.qiang");
    merge_caught(
        &ws,
        &merge,
        &format!(
            "case {} is reviewed: its records are frozen, but summary.toml changed (by wang.qiang)",
            case.id
        ),
        &case.file("case.toml"),
    );
}

#[test]
fn an_orphan_root_with_its_own_people_toml_merged_in_is_caught() {
    let ws = Ws::init();
    let main = branch(&ws);
    // A history of its own, made with `git checkout --orphan`, in which wang.qiang is an
    // admin.
    let people = ws.read("people.toml").replace(
        "email = \"wang.qiang@example.com\"\ndepartment = \"市场部客户服务中心\"\nroles = [\"engineer\"]",
        "email = \"wang.qiang@example.com\"\ndepartment = \"市场部客户服务中心\"\nroles = [\"engineer\", \"admin\"]",
    );
    ws.git(&["checkout", "-q", "--orphan", "outside"]);
    ws.git(&["rm", "-q", "-r", "-f", "."]);
    ws.write("people.toml", &people);
    ws.git(&["add", "people.toml"]);
    let root = ws.git_commit_as("wang.qiang", "人员表");
    assert_eq!(ws.git(&["rev-list", "--count", "HEAD"]).trim(), "1");
    ws.git(&["checkout", "-q", &main]);
    // Both histories add people.toml: the merge stops on it, and the forger takes his.
    let out = ws
        .git_command()
        .args([
            "-c",
            "user.name=王强",
            "-c",
            "user.email=wang.qiang@example.com",
            "merge",
            "-q",
            "--allow-unrelated-histories",
            "--no-edit",
            "outside",
        ])
        .output()
        .expect("run git merge");
    assert!(!out.status.success(), "people.toml conflicts");
    ws.git(&["checkout", "--theirs", "people.toml"]);
    let merge = commit_merge(&ws, "wang.qiang");
    assert_eq!(ws.read("people.toml"), people);
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 1);
    // The root is history from outside; the merge changed people.toml, judged by the
    // people.toml of the branch merged into, where wang.qiang is no admin.
    assert_eq!(
        messages(&findings, &root),
        vec![format!(
            "commit {}: a second root commit: history from outside the workspace, with shared files of its own",
            short(&root)
        )]
    );
    assert_eq!(files(&findings, &root), vec![String::new()]);
    assert_eq!(
        messages(&findings, &merge),
        vec![format!(
            "commit {}: people.toml was changed by wang.qiang@example.com, who is not an admin",
            short(&merge)
        )]
    );
    assert_eq!(files(&findings, &merge), vec!["people.toml".to_string()]);
    assert_eq!(history(&findings).len(), 2, "{:#?}", history(&findings));
}

#[test]
fn steps_on_two_branches_merged_with_plain_git_pass() {
    let ws = Ws::init();
    let a = ws.case_at(Stage::Assigned, "wang.qiang");
    let b = ws.new_case_at(T_ACCEPT, "光口闪断");
    let main = branch(&ws);
    // On a branch, A's task sheet is submitted and signed.
    ws.git(&["checkout", "-q", "-b", "laptop"]);
    ws.advance(&a, Stage::Assigned, Stage::Approved, "wang.qiang");
    // Meanwhile on main, B is accepted and assigned.
    ws.git(&["checkout", "-q", &main]);
    ws.act_as("zhao.min");
    ws.ok(T_SUBMIT, &["accept", &b.id, "--fee", "warranty"]);
    ws.ok(T_APPROVE, &["assign", &b.id, "--to", "wang.qiang"]);
    git_as(
        &ws,
        "zhao.min",
        None,
        &["merge", "-q", "--no-ff", "--no-edit", "laptop"],
    );
    assert!(is_merge(&ws, &ws.head()));
    assert_eq!(ws.state(&a), "approved");
    assert_eq!(ws.state(&b), "assigned");
    passes(&ws);
}

#[test]
fn shared_files_changed_by_the_admin_inside_a_merge_pass() {
    let ws = Ws::init();
    diverge(&ws);
    merge_no_commit(&ws, "zhao.min", "side");
    ws.edit(
        "catalog/parts.toml",
        "price = \"680.00\"",
        "price = \"700.00\"",
    );
    commit_merge(&ws, "zhao.min");
    passes(&ws);
}

#[test]
fn a_form_conflict_resolved_by_hand_inside_a_merge_passes() {
    // What a merge writes itself is judged as a commit: a request's text may be written by
    // anyone, in a merge as in any commit.
    let ws = Ws::init();
    let case = ws.new_case();
    let request = case.file("request.toml");
    let main = branch(&ws);
    ws.git(&["checkout", "-q", "-b", "side"]);
    ws.edit(
        &request,
        "tried_by_phone = \"\"",
        "tried_by_phone = \"已检查电源\"",
    );
    ws.git(&["add", "-A"]);
    ws.git_commit_as("li.na", "电话处理");
    ws.git(&["checkout", "-q", &main]);
    ws.edit(
        &request,
        "tried_by_phone = \"\"",
        "tried_by_phone = \"重启无效\"",
    );
    ws.git(&["add", "-A"]);
    ws.git_commit_as("zhao.min", "电话处理");
    let out = ws
        .git_command()
        .args([
            "-c",
            "user.name=赵敏",
            "-c",
            "user.email=zhao.min@example.com",
            "merge",
            "-q",
            "--no-edit",
            "side",
        ])
        .output()
        .expect("run git merge");
    assert!(!out.status.success(), "the request conflicts");
    ws.git(&["checkout", "--ours", &request]);
    ws.edit(
        &request,
        "tried_by_phone = \"重启无效\"",
        "tried_by_phone = \"重启无效,已检查电源\"",
    );
    commit_merge(&ws, "zhao.min");
    passes(&ws);
}

#[test]
fn a_base_the_history_no_longer_holds_is_a_rewritten_history() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Accepted, "wang.qiang");
    ws.act_as("zhao.min");
    ws.ok(T_ASSIGN, &["assign", &case.id, "--to", "wang.qiang"]);
    let base = ws.head();
    // The step is rewritten (amended, as a force-push would publish it): the old commit is
    // no ancestor of HEAD any more, and a range after it means nothing.
    ws.git(&["commit", "--amend", "-q", "--no-edit", "--allow-empty"]);
    assert_ne!(ws.head(), base);
    let (exit, findings) = ws.check_json(&["--base", &base]);
    assert_eq!(exit, 1, "{findings:?}");
    assert_eq!(
        history(&findings),
        vec![format!(
            "{base}: the base {} is not an ancestor of HEAD: the history was rewritten since (a force-push or a rebase), so the commits after it mean nothing",
            short(&base)
        )]
    );
    // An ancestor is a range like any other.
    let (exit, findings) = ws.check_json(&["--base", &format!("{base}~1")]);
    assert_eq!(exit, 0, "{findings:?}");
}
