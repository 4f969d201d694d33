//! `svc sync` against a real git server on loopback: the CSC's desk, the engineer's laptop
//! and the lead's desk work offline, then sync. After every sync each desk has every
//! step, `svc check` passes, and nothing anyone typed is lost.

use super::server::Team;
use super::*;
use crate::common::{stderr, stdout};
use std::collections::BTreeSet;

/// `svc sync` on a desk; it must succeed. Returns stdout.
fn sync(ws: &Ws) -> String {
    ws.ok(T_LATER, &["sync"])
}

/// Every desk at the server's main, clean, `svc check` passing.
fn all_in_step(team: &Team) {
    let main = team.server_head("main");
    for ws in team.desks() {
        assert_eq!(
            ws.head(),
            main,
            "{} is not at the server's main",
            ws.root().display()
        );
        assert_eq!(ws.porcelain(), "", "{} is not clean", ws.root().display());
        let (exit, findings) = ws.check_json(&[]);
        assert_eq!(
            exit,
            0,
            "svc check on {}: {findings:#?}",
            ws.root().display()
        );
    }
}

/// The (action, actor) of each step in `svc log --json`.
fn steps(ws: &Ws, case: &Case) -> Vec<(String, String)> {
    let out = ws.ok(T_LATER, &["--json", "log", &case.id]);
    let log: serde_json::Value = serde_json::from_str(&out).expect("svc log --json");
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

#[test]
fn cases_opened_offline_on_three_desks_reach_every_desk() {
    let team = Team::start(|_| {});
    let a = team.csc.new_case_by("zhao.min", T_NEW, "电源告警");
    let b = team
        .engineer
        .new_case_by("wang.qiang", T_ACCEPT, "光口闪断");
    let c = team.lead.new_case_by("li.na", T_ASSIGN, "风扇噪声");

    assert_eq!(
        sync(&team.csc),
        "pushed 1 commit to origin/main\n",
        "the first to sync just pushes"
    );
    let out = sync(&team.engineer);
    assert_eq!(
        out,
        "received 1 commit from origin/main\npushed 1 commit to origin/main\n"
    );
    let out = sync(&team.lead);
    assert_eq!(
        out,
        "received 2 commits from origin/main\npushed 1 commit to origin/main\n"
    );
    assert_eq!(sync(&team.csc), "received 2 commits from origin/main\n");
    assert_eq!(sync(&team.engineer), "received 1 commit from origin/main\n");
    assert_eq!(sync(&team.lead), "up to date with origin/main\n");
    all_in_step(&team);
    for ws in team.desks() {
        for (case, by) in [(&a, "zhao.min"), (&b, "wang.qiang"), (&c, "li.na")] {
            assert!(ws.exists(&case.file("request.toml")), "{}", case.id);
            assert_eq!(steps(ws, case), vec![("new".to_string(), by.to_string())]);
        }
    }
}

#[test]
fn two_signatures_made_apart_become_one_signed_task_sheet() {
    let team = Team::start(|csc| csc.add_people(MORE_PEOPLE));
    let csc = &team.csc;
    let case = csc.new_case_by("zhao.min", T_NEW, "电源告警");
    let id = case.id.as_str();
    csc.ok(T_ACCEPT, &["accept", id, "--fee", "warranty"]);
    csc.act_as("chen.jie");
    csc.ok(T_ASSIGN, &["assign", id, "--to", "sun.li"]);
    csc.write(
        &case.file("task-sheet.toml"),
        &task_sheet("sun.li", "sun.li"),
    );
    csc.act_as("sun.li");
    csc.ok(T_SUBMIT, &["submit", id]);
    sync(csc);
    sync(&team.lead);

    // Offline, each lead signs: the CSC lead on her desk, the sales lead at the CSC's.
    team.lead.ok(T_APPROVE, &["approve", id]);
    assert_eq!(team.lead.state(&case), "pending-approval");
    csc.act_as("chen.jie");
    csc.ok(T_FLIGHT, &["approve", id]);
    assert_eq!(csc.state(&case), "pending-approval");

    sync(&team.lead);
    let out = sync(csc);
    assert_eq!(
        out,
        format!(
            "received 1 commit from origin/main\n\
             took again on top of origin/main: approve {id} by chen.jie (2026-11-03 10:00), the case had moved there\n\
             pushed 1 commit to origin/main\n"
        )
    );
    // Taken again on the case as the lead left it, the second signature completes it.
    assert_eq!(csc.state(&case), "approved");
    assert_eq!(
        csc.git(&[
            "show",
            "-s",
            "--format=%an <%ae>|%ad|%s",
            "--date=iso-strict",
            "HEAD"
        ])
        .trim_end(),
        format!(
            "陈杰 <chen.jie@example.com>|2026-11-03T10:00:00+08:00|approve {id}: pending-approval -> approved"
        )
    );
    let file: toml::Table = toml::from_str(&csc.read(&case.file("case.toml"))).unwrap();
    let signed: Vec<(&str, &str)> = file["approvals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["by"].as_str().unwrap(), a["role"].as_str().unwrap()))
        .collect();
    assert_eq!(signed, vec![("li.na", "lead"), ("chen.jie", "sales-lead")]);
    sync(&team.lead);
    sync(&team.engineer);
    all_in_step(&team);
    assert_eq!(team.engineer.state(&case), "approved");
}

#[test]
fn a_step_that_no_longer_applies_is_refused_naming_both_and_the_forms_are_kept() {
    let team = Team::start(|_| {});
    let case = team.csc.case_at(Stage::Assigned, "wang.qiang");
    let id = case.id.as_str();
    sync(&team.csc);
    sync(&team.engineer);

    // The engineer writes the task sheet and submits it, offline; meanwhile the CSC cancels.
    let sheet = task_sheet("wang.qiang", "wang.qiang");
    team.engineer.write(&case.file("task-sheet.toml"), &sheet);
    team.engineer.ok(T_SUBMIT, &["submit", id]);
    team.csc.act_as("zhao.min");
    team.csc
        .ok(T_APPROVE, &["cancel", id, "--reason", "客户已自行修复"]);
    sync(&team.csc);

    let before = team.engineer.head();
    let out = team.engineer.svc(T_LATER, &["sync"]);
    assert_eq!(code(&out), 1, "a refused step: exit 1\n{}", stderr(&out));
    let text = stdout(&out);
    let refused_line = format!(
        "refused: `submit` of {id} by wang.qiang (2026-11-02 14:00, assigned -> pending-approval) no longer applies; \
         upstream, zhao.min took `cancel` (assigned -> cancelled) at 2026-11-03 09:00: \
         cannot submit case {id}: it is cancelled; `svc submit` applies to a case that is assigned or serviced"
    );
    assert!(text.contains(&refused_line), "{text}");
    assert!(
        text.contains(&format!(
            "  kept in the work tree, uncommitted: {}\n",
            case.file("task-sheet.toml")
        )),
        "{text}"
    );
    let kept = format!("refs/svc/refused/{id}/{}", &before[..10]);
    assert!(
        text.contains(&format!("  the refused commit is kept as {kept}\n")),
        "{text}"
    );
    // The desk now has upstream's history; the sheet as typed, uncommitted; the refused
    // commit still reachable.
    assert_eq!(team.engineer.head(), team.server_head("main"));
    assert_eq!(team.engineer.state(&case), "cancelled");
    assert_eq!(team.engineer.read(&case.file("task-sheet.toml")), sheet);
    assert_eq!(
        team.engineer.porcelain(),
        format!("?? {}\n", case.file("task-sheet.toml"))
    );
    assert_eq!(team.engineer.git(&["rev-parse", &kept]).trim(), before);
    assert_eq!(
        steps(&team.engineer, &case)
            .into_iter()
            .map(|(a, _)| a)
            .collect::<Vec<_>>(),
        ["new", "accept", "assign", "cancel"]
    );
    let (exit, findings) = team.engineer.check_json(&[]);
    assert_eq!(exit, 0, "{findings:#?}");
}

#[test]
fn a_push_that_loses_the_race_is_retried_after_integrating() {
    let team = Team::start(|_| {});
    team.csc.new_case_by("zhao.min", T_NEW, "电源告警");
    let theirs = team.lead.new_case_by("li.na", T_ACCEPT, "风扇噪声");
    // The lead pushes between the CSC's fetch and push: a `git` that runs her push first.
    let real = String::from_utf8(
        Command::new("sh")
            .args(["-c", "command -v git"])
            .output()
            .expect("find git")
            .stdout,
    )
    .expect("a path");
    let bin = team.csc.parent().join("bin");
    std::fs::create_dir(&bin).expect("a folder");
    let marker = team.csc.parent().join("raced");
    let script = format!(
        "#!/bin/sh\n\
         for a in \"$@\"; do\n\
           if [ \"$a\" = push ] && [ ! -e '{marker}' ]; then\n\
             touch '{marker}'\n\
             '{real}' -C '{lead}' push -q origin HEAD:main || exit 1\n\
           fi\n\
         done\n\
         exec '{real}' \"$@\"\n",
        marker = marker.display(),
        real = real.trim(),
        lead = team.lead.root().display(),
    );
    let wrapper = bin.join("git");
    std::fs::write(&wrapper, script).expect("write the wrapper");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = team
        .csc
        .command(T_LATER)
        .env("PATH", path)
        .arg("sync")
        .output()
        .expect("run svc sync");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(marker.exists(), "the race was staged");
    assert_eq!(
        stdout(&out),
        "received 1 commit from origin/main\n\
         origin/main moved while pushing; integrated again and retried (1 time)\n\
         pushed 1 commit to origin/main\n"
    );
    assert!(team.csc.exists(&theirs.file("case.toml")));
    sync(&team.lead);
    sync(&team.engineer);
    all_in_step(&team);
}

#[test]
fn uncommitted_edits_that_upstream_changed_stop_the_sync_before_anything_changes() {
    let team = Team::start(|_| {});
    let case = team.csc.case_at(Stage::Accepted, "wang.qiang");
    sync(&team.csc);
    sync(&team.engineer);
    // The CSC corrects the request and records it with the next step; the engineer, on
    // the laptop, has typed into the same request without recording it.
    team.csc.edit(
        &case.file("request.toml"),
        "OLT 电源告警",
        "OLT 电源告警(两台)",
    );
    team.csc.act_as("zhao.min");
    team.csc
        .ok(T_ASSIGN, &["assign", &case.id, "--to", "wang.qiang"]);
    sync(&team.csc);
    team.engineer.edit(
        &case.file("request.toml"),
        "OLT 电源告警",
        "OLT 电源告警,客户说已重启",
    );
    let typed = team.engineer.read(&case.file("request.toml"));
    let head = team.engineer.head();
    let out = team.engineer.svc(T_LATER, &["sync"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "error: uncommitted changes to {} would be overwritten",
            case.file("request.toml")
        )),
        "{err}"
    );
    assert!(err.contains("hint: nothing was changed"), "{err}");
    assert_eq!(team.engineer.head(), head);
    assert_eq!(team.engineer.read(&case.file("request.toml")), typed);
    assert!(!team.engineer.exists(".git/svc/advance"));
}

#[test]
fn a_workspace_without_a_remote_is_told_how_to_add_one() {
    let ws = Ws::init();
    let out = ws.svc(T_LATER, &["sync"]);
    assert_eq!(code(&out), 3);
    assert_eq!(
        stderr(&out),
        "error: this workspace has no remote to sync with\n\
         hint: add the team's repository: git remote add origin URL (then svc sync)\n"
    );
}

#[test]
fn a_workspace_without_a_remote_is_told_in_the_language_asked_for() {
    let ws = Ws::init();
    let sync_in = |lang: &str, args: &[&str]| {
        ws.command(T_LATER)
            .env("LANG", lang)
            .args(args)
            .arg("sync")
            .output()
            .expect("run svc")
    };
    let out = sync_in("zh_CN.UTF-8", &[]);
    assert_eq!(code(&out), 3);
    assert_eq!(
        stderr(&out),
        "错误: 此工作区没有可同步的远程仓库\n\
         提示: 请添加团队的仓库：git remote add origin URL（然后运行 svc sync）\n"
    );
    let out = sync_in("zh_CN.UTF-8", &["--locale", "en"]);
    assert_eq!(code(&out), 3);
    assert_eq!(
        stderr(&out),
        "error: this workspace has no remote to sync with\n\
         hint: add the team's repository: git remote add origin URL (then svc sync)\n"
    );
}

#[test]
fn a_sync_killed_while_bringing_the_work_tree_forward_is_finished_by_the_next() {
    for point in svc::history::store::ADVANCE_FAULT_POINTS {
        let team = Team::start(|_| {});
        let theirs = team.csc.new_case_by("zhao.min", T_NEW, "电源告警");
        sync(&team.csc);
        let mine = team
            .engineer
            .new_case_by("wang.qiang", T_ACCEPT, "光口闪断");
        // Something typed elsewhere, not recorded: it must survive.
        team.engineer.write("notes.txt", "客户电话 020-1234\n");
        let out = team.engineer.svc_fault(T_LATER, point, &["sync"]);
        assert!(aborted(&out), "{point}: {}", stderr(&out));
        let out = team.engineer.svc(T_LATER, &["sync"]);
        assert_eq!(code(&out), 0, "{point}: {}", stderr(&out));
        assert_eq!(stdout(&out), "pushed 1 commit to origin/main\n", "{point}");
        assert_eq!(team.engineer.head(), team.server_head("main"), "{point}");
        for case in [&theirs, &mine] {
            assert!(team.engineer.exists(&case.file("case.toml")), "{point}");
        }
        assert_eq!(team.engineer.porcelain(), "?? notes.txt\n", "{point}");
        assert_eq!(team.engineer.read("notes.txt"), "客户电话 020-1234\n");
        assert!(!team.engineer.exists(".git/svc/advance"), "{point}");
        let (exit, findings) = team.engineer.check_json(&[]);
        assert_eq!(exit, 0, "{point}: {findings:#?}");
    }
}

#[test]
fn a_plain_folder_serves_as_the_remote_too() {
    let ws = Ws::init();
    let bare = ws.parent().join("shared.git");
    ws.git(&["init", "-q", "--bare", bare.to_str().unwrap()]);
    ws.git(&["remote", "add", "origin", bare.to_str().unwrap()]);
    assert_eq!(sync(&ws), format!("pushed {} commit to origin/master\n", 1));
    let out = ws
        .git_command()
        .current_dir(ws.parent())
        .args(["clone", "-q", bare.to_str().unwrap(), "laptop"])
        .output()
        .expect("git clone");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let laptop = ws.sibling("laptop");
    let case = laptop.new_case_by("wang.qiang", T_NEW, "电源告警");
    assert_eq!(sync(&laptop), "pushed 1 commit to origin/master\n");
    assert_eq!(sync(&ws), "received 1 commit from origin/master\n");
    assert!(ws.exists(&case.file("request.toml")));
}

/// The HTTP git server of tests/tools/git_http.py, stopped when dropped.
struct HttpServer(std::process::Child);

impl Drop for HttpServer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn an_http_remote_uses_the_persons_credential_helper() {
    use std::io::BufRead;
    let ws = Ws::init();
    let base = ws.parent().join("http");
    std::fs::create_dir(&base).expect("a folder");
    let bare = base.join("company.git");
    ws.git(&["init", "-q", "--bare", bare.to_str().unwrap()]);
    let mut child = Command::new("python3")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/tools/git_http.py"
        ))
        .arg(&base)
        .args(["wang.qiang", "s3cret"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("start the HTTP git server");
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().expect("its stdout"))
        .read_line(&mut first)
        .expect("its port");
    let _server = HttpServer(child);
    let port = first.trim();
    ws.git(&[
        "remote",
        "add",
        "origin",
        &format!("http://127.0.0.1:{port}/company.git"),
    ]);

    // Without credentials git cannot ask anyone (no terminal): a clear failure, no hang.
    let head = ws.head();
    let out = ws.svc(T_LATER, &["sync"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.starts_with("error: `git fetch"), "{err}");
    assert!(err.contains("terminal prompts disabled"), "{err}");
    assert!(err.contains("hint: nothing was changed"), "{err}");
    assert_eq!(ws.head(), head);

    // With the person's credential helper, as git itself would use it.
    let store = ws.parent().join("home/.git-credentials");
    std::fs::write(
        &store,
        format!("http://wang.qiang:s3cret@127.0.0.1:{port}\n"),
    )
    .expect("write the credentials");
    ws.git(&[
        "config",
        "credential.helper",
        &format!("store --file={}", store.display()),
    ]);
    assert_eq!(sync(&ws), "pushed 1 commit to origin/master\n");
    let out = Command::new("git")
        .arg("--git-dir")
        .arg(&bare)
        .args(["rev-parse", "master"])
        .output()
        .expect("git rev-parse");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), head);
}

#[test]
fn status_says_when_steps_are_waiting_to_be_shared() {
    let team = Team::start(|_| {});
    let ws = &team.engineer;
    ws.new_case_by("wang.qiang", T_NEW, "电源告警");
    let waiting = "1 commit here is not on origin/main yet: svc sync shares them";
    let status = ws.ok(T_LATER, &["status"]);
    assert_eq!(status.lines().nth(1), Some(waiting), "{status}");
    sync(ws);
    let status = ws.ok(T_LATER, &["status"]);
    assert!(!status.contains("not on origin/main"), "{status}");
}

#[test]
fn a_signed_approval_carried_over_is_signed_again_by_its_author() {
    use super::signing::{keygen, require_signed_approvals, sign_with};
    let team = Team::start(|csc| {
        let (_, public) = keygen(csc, "li.na");
        require_signed_approvals(csc, &public);
    });
    let case = team.csc.case_at(Stage::PendingApproval, "wang.qiang");
    sync(&team.csc);
    sync(&team.lead);
    // The lead signs offline; meanwhile a new case reaches the server.
    sign_with(&team.lead, "li.na");
    team.lead.ok(T_APPROVE, &["approve", &case.id]);
    team.csc.new_case_by("zhao.min", T_FLIGHT, "风扇噪声");
    sync(&team.csc);
    assert_eq!(
        sync(&team.lead),
        "received 1 commit from origin/main\npushed 1 commit to origin/main\n"
    );
    let head = team.lead.git(&["cat-file", "commit", "HEAD"]);
    assert!(
        head.contains("\ngpgsig -----BEGIN SSH SIGNATURE-----"),
        "{head}"
    );
    assert_eq!(team.lead.state(&case), "approved");
    sync(&team.csc);
    sync(&team.engineer);
    all_in_step(&team);
}

/// Every step recorded in a desk's history: (when, who, action, case).
fn transitions(ws: &Ws, rev: &str) -> BTreeSet<String> {
    ws.git(&[
        "log",
        "--date=iso-strict",
        "--format=%ad|%ae|%(trailers:key=Svc-Action,valueonly,separator=)|%(trailers:key=Svc-Case,valueonly,separator=)",
        rev,
    ])
    .lines()
    .filter(|l| !l.ends_with("||"))
    .map(str::to_string)
    .collect()
}

/// Sync a desk and check what a user would: every step it had and every step the server
/// had are in its history now, the server has them all, and `svc check` passes.
fn sync_and_verify(team: &Team, ws: &Ws) {
    ws.git(&["fetch", "-q", "origin"]);
    let mut expected = transitions(ws, "HEAD");
    expected.extend(transitions(ws, "origin/main"));
    sync(ws);
    assert_eq!(transitions(ws, "HEAD"), expected, "a step went missing");
    assert_eq!(ws.head(), team.server_head("main"));
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 0, "{findings:#?}");
}

#[test]
fn a_day_of_three_desks_working_offline_loses_nothing() {
    let team = Team::start(|_| {});
    let (csc, eng, lead) = (&team.csc, &team.engineer, &team.lead);
    let a = csc.case_at(Stage::Assigned, "wang.qiang");
    for ws in team.desks() {
        sync_and_verify(&team, ws);
    }
    // Offline: the engineer submits A's task sheet and opens B, then starts typing into
    // B's request without recording it; the desk opens C; the lead opens D.
    eng.write(
        &a.file("task-sheet.toml"),
        &task_sheet("wang.qiang", "wang.qiang"),
    );
    eng.ok(T_SUBMIT, &["submit", &a.id]);
    let b = eng.new_case_by("wang.qiang", T_SUBMIT, "光口闪断");
    eng.edit(&b.file("request.toml"), "光口闪断", "光口闪断,每天上午");
    let typed = eng.read(&b.file("request.toml"));
    let c = csc.new_case_by("zhao.min", T_APPROVE, "风扇噪声");
    let d = lead.new_case_by("li.na", T_FLIGHT, "板卡过热");
    sync_and_verify(&team, lead);
    sync_and_verify(&team, eng);
    sync_and_verify(&team, csc);
    // The lead signs A; the desk accepts B; both offline, then they sync the other way round.
    lead.ok(T_LATER, &["sync"]);
    lead.act_as("li.na");
    lead.ok(T_START, &["approve", &a.id]);
    csc.act_as("zhao.min");
    csc.ok(T_START, &["accept", &b.id, "--fee", "warranty"]);
    sync_and_verify(&team, csc);
    sync_and_verify(&team, lead);
    sync_and_verify(&team, eng);
    sync_and_verify(&team, csc);
    all_in_step_but(&team, eng);
    assert_eq!(
        eng.read(&b.file("request.toml")),
        typed,
        "the typing survived"
    );
    assert_eq!(eng.porcelain(), format!(" M {}\n", b.file("request.toml")));
    for ws in team.desks() {
        assert_eq!(ws.state(&a), "approved");
        assert_eq!(ws.state(&b), "accepted");
        for case in [&c, &d] {
            assert_eq!(ws.state(case), "requested");
        }
    }
}

/// [`all_in_step`], but `busy` has uncommitted work (checked apart).
fn all_in_step_but(team: &Team, busy: &Ws) {
    let main = team.server_head("main");
    for ws in team.desks() {
        assert_eq!(ws.head(), main);
        if ws.root() != busy.root() {
            assert_eq!(ws.porcelain(), "");
        }
    }
}

#[test]
fn an_ssh_remote_goes_through_the_persons_ssh_and_agent() {
    use std::os::unix::fs::PermissionsExt;
    let ws = Ws::init();
    let bare = ws.parent().join("company.git");
    ws.git(&["init", "-q", "--bare", bare.to_str().unwrap()]);
    // The person's ssh, as git's core.sshCommand names it: here a stand-in that serves the
    // repository locally, and only to someone whose agent is reachable.
    let ssh = ws.parent().join("ssh");
    std::fs::write(
        &ssh,
        "#!/bin/sh\n\
         [ -n \"$SSH_AUTH_SOCK\" ] || { echo 'Permission denied (publickey).' >&2; exit 255; }\n\
         for last; do :; done\n\
         exec sh -c \"$last\"\n",
    )
    .expect("write the stand-in");
    std::fs::set_permissions(&ssh, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    ws.git(&["config", "core.sshCommand", ssh.to_str().unwrap()]);
    ws.git(&[
        "remote",
        "add",
        "origin",
        &format!("git@git.example.com:{}", bare.display()),
    ]);
    let out = ws.svc(T_LATER, &["sync"]);
    assert_eq!(code(&out), 3, "without an agent: {}", stderr(&out));
    assert!(
        stderr(&out).contains("Permission denied (publickey)"),
        "{}",
        stderr(&out)
    );
    let agent = ws.parent().join("agent.sock");
    let out = ws
        .command(T_LATER)
        .env("SSH_AUTH_SOCK", &agent)
        .arg("sync")
        .output()
        .expect("run svc sync");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "pushed 1 commit to origin/master\n");
    let pushed = Command::new("git")
        .arg("--git-dir")
        .arg(&bare)
        .args(["rev-parse", "master"])
        .output()
        .expect("git rev-parse");
    assert_eq!(String::from_utf8_lossy(&pushed.stdout).trim(), ws.head());
}

#[test]
fn a_push_the_server_refuses_is_reported_with_what_the_clone_holds() {
    use std::os::unix::fs::PermissionsExt;
    let ws = Ws::init();
    let bare = ws.parent().join("company.git");
    ws.git(&["init", "-q", "--bare", bare.to_str().unwrap()]);
    let hook = bare.join("hooks/pre-receive");
    std::fs::write(
        &hook,
        "#!/bin/sh\necho 'master is protected: open a pull request' >&2\nexit 1\n",
    )
    .expect("write the hook");
    std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    ws.git(&["remote", "add", "origin", bare.to_str().unwrap()]);
    let head = ws.head();
    let out = ws.svc(T_LATER, &["sync"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.starts_with("error: `git push"), "{err}");
    assert!(
        err.contains("master is protected: open a pull request"),
        "{err}"
    );
    assert!(
        err.contains(
            "hint: what upstream had is integrated here, your steps on top; nothing was pushed."
        ),
        "{err}"
    );
    assert_eq!(ws.head(), head);
    assert_eq!(ws.porcelain(), "");
}
