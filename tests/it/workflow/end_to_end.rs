//! One case through the whole procedure on a fresh `svc init` workspace, each step by the
//! person the procedure names, and what the history says afterwards.

use super::*;

/// One step of the main line as the test takes it.
struct Step {
    person: &'static str,
    now: &'static str,
    args: Vec<String>,
    action: &'static str,
    from: &'static str,
    to: &'static str,
    /// Files of the case folder the step's commit holds.
    files: &'static [&'static str],
    /// Forms written by hand just before the step.
    write: Vec<(&'static str, String)>,
}

#[test]
fn a_case_goes_through_the_whole_procedure_one_commit_per_step() {
    let ws = Ws::init();
    let init = ws.head();
    ws.act_as("zhao.min");
    let new = ws.svc(
        T_NEW,
        &[
            "new",
            "--customer",
            "example-customer",
            "--site",
            "gz-main",
            "--product",
            "NT3600-2025-00001",
            "--fault",
            "OLT 电源告警,部分 PON 口掉线",
        ],
    );
    assert_eq!(code(&new), 0, "{}", stderr(&new));
    let id = stdout(&new).trim().to_string();
    assert_eq!(stdout(&new), format!("{id}\n"), "stdout is the id alone");
    assert!(
        id.starts_with("SR-20261102-") && id.len() == 18,
        "id {id} is SR-<opening date>-<6 characters>"
    );
    let case = Case {
        dir: format!("cases/2026/11/{id}"),
        id: id.clone(),
    };
    let new_commit = ws.head();
    assert_eq!(
        stderr(&new),
        format!(
            "new {id}: requested, in {} (commit {})\n",
            case.dir,
            &new_commit[..10]
        )
    );

    let s = |v: &[&str]| -> Vec<String> { v.iter().map(|a| a.to_string()).collect() };
    let steps = vec![
        Step {
            person: "zhao.min",
            now: T_ACCEPT,
            args: s(&["accept", &id, "--fee", "warranty"]),
            action: "accept",
            from: "requested",
            to: "accepted",
            files: &["case.toml"],
            write: vec![],
        },
        Step {
            person: "zhao.min",
            now: T_ASSIGN,
            args: s(&["assign", &id, "--to", "wang.qiang"]),
            action: "assign",
            from: "accepted",
            to: "assigned",
            files: &["case.toml"],
            write: vec![],
        },
        Step {
            person: "wang.qiang",
            now: T_SUBMIT,
            args: s(&["submit", &id]),
            action: "submit",
            from: "assigned",
            to: "pending-approval",
            files: &["case.toml", "task-sheet.toml"],
            write: vec![("task-sheet.toml", task_sheet("wang.qiang", "wang.qiang"))],
        },
        Step {
            person: "li.na",
            now: T_APPROVE,
            args: s(&["approve", &id]),
            action: "approve",
            from: "pending-approval",
            to: "approved",
            files: &["case.toml"],
            write: vec![],
        },
        Step {
            person: "liu.yang",
            now: T_FLIGHT,
            args: s(&["approve", &id, "--flight"]),
            action: "approve-flight",
            from: "approved",
            to: "approved",
            files: &["case.toml"],
            write: vec![],
        },
        Step {
            person: "wang.qiang",
            now: T_START,
            args: s(&["start", &id]),
            action: "start",
            from: "approved",
            to: "on-site",
            files: &["case.toml"],
            write: vec![],
        },
        Step {
            person: "wang.qiang",
            now: T_CHECKIN,
            args: s(&["checkin", &id, "--via", "phone", "--note", "已到广州"]),
            action: "checkin",
            from: "on-site",
            to: "on-site",
            files: &["case.toml"],
            write: vec![],
        },
        Step {
            person: "wang.qiang",
            now: T_COMPLETE,
            args: s(&["complete", &id]),
            action: "complete",
            from: "on-site",
            to: "serviced",
            files: &["case.toml", "visits/01-gz-main.toml"],
            write: vec![("visits/01-gz-main.toml", visit("wang.qiang"))],
        },
        Step {
            person: "wang.qiang",
            now: T_HAND_IN,
            args: s(&["submit", &id]),
            action: "submit",
            from: "serviced",
            to: "pending-review",
            files: &["case.toml", "summary.toml", "travel-log.yaml"],
            write: vec![
                ("travel-log.yaml", travel_log("wang.qiang")),
                ("summary.toml", summary("wang.qiang")),
            ],
        },
        Step {
            person: "zhao.min",
            now: T_REVIEW,
            args: s(&["approve", &id]),
            action: "approve",
            from: "pending-review",
            to: "reviewed",
            files: &["case.toml"],
            write: vec![],
        },
        Step {
            person: "zhao.min",
            now: T_ARCHIVE,
            args: s(&["archive", &id]),
            action: "archive",
            from: "reviewed",
            to: "archived",
            files: &["case.toml"],
            write: vec![],
        },
    ];

    let mut commits = vec![new_commit.clone()];
    for step in &steps {
        for (rel, text) in &step.write {
            ws.write(&case.file(rel), text);
        }
        ws.act_as(step.person);
        let args: Vec<&str> = step.args.iter().map(String::as_str).collect();
        let out = ws.ok(step.now, &args);
        let head = ws.head();
        assert_eq!(
            out,
            format!(
                "{} {id}: {} -> {} (commit {})\n",
                step.action,
                step.from,
                step.to,
                &head[..10]
            ),
            "the report of {args:?}"
        );
        assert_eq!(ws.state(&case), step.to, "case.toml after {args:?}");
        assert_eq!(ws.porcelain(), "", "the work tree is clean after {args:?}");
        commits.push(head);
    }

    // Git: exactly one commit per step, in order, on top of the workspace's creation.
    let listed: Vec<String> = ws
        .git(&["rev-list", "--reverse", &format!("{init}..HEAD")])
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(listed, commits);
    let all = std::iter::once((
        "zhao.min",
        T_NEW,
        "new",
        "none",
        "requested",
        &["case.toml", "request.toml"][..],
    ))
    .chain(
        steps
            .iter()
            .map(|s| (s.person, s.now, s.action, s.from, s.to, s.files)),
    );
    for ((person, now, action, from, to, files), commit) in all.zip(&commits) {
        let name = STARTER_PEOPLE
            .iter()
            .find(|(p, _)| *p == person)
            .map(|(_, n)| *n)
            .unwrap();
        let meta = ws.git(&["show", "-s", "--format=%an|%ae|%cn|%ce|%aI|%P|%s", commit]);
        let parent = ws.git(&["rev-parse", &format!("{commit}^")]);
        assert_eq!(
            meta.trim_end(),
            format!(
                "{name}|{person}@example.com|{name}|{person}@example.com|{now}|{}|{action} {id}: {from} -> {to}",
                parent.trim()
            ),
            "commit {commit}"
        );
        let trailers = ws.git(&["show", "-s", "--format=%(trailers:only,unfold)", commit]);
        assert_eq!(
            trailers.trim_end(),
            format!(
                "Svc-Case: {id}\nSvc-Action: {action}\nSvc-From: {from}\nSvc-To: {to}\nSvc-Actor: {person}"
            ),
            "trailers of {action} ({commit})"
        );
        let touched = ws.git(&["show", "--name-only", "--format=", commit]);
        let expected: Vec<String> = files.iter().map(|f| case.file(f)).collect();
        assert_eq!(
            touched.lines().collect::<Vec<_>>(),
            expected,
            "files of {action} ({commit})"
        );
    }
    // Each form the person wrote is committed as written, with the step that needed it.
    assert_eq!(
        ws.show(&commits[3], &case.file("task-sheet.toml")),
        task_sheet("wang.qiang", "wang.qiang")
    );
    assert_eq!(
        ws.show(&commits[8], &case.file("visits/01-gz-main.toml")),
        visit("wang.qiang")
    );
    assert_eq!(
        ws.show(&commits[9], &case.file("travel-log.yaml")),
        travel_log("wang.qiang")
    );
    assert_eq!(
        ws.show(&commits[9], &case.file("summary.toml")),
        summary("wang.qiang")
    );
    let before_visit = ws.git(&["ls-tree", "-r", "--name-only", &commits[7]]);
    assert!(!before_visit.contains("visits/"), "{before_visit}");

    // What svc recorded in case.toml along the way.
    let file: toml::Table = toml::from_str(&ws.read(&case.file("case.toml"))).unwrap();
    assert_eq!(file["state"].as_str(), Some("archived"));
    assert_eq!(file["fee"].as_str(), Some("warranty"));
    assert_eq!(file["assigned_via"].as_str(), Some("csc"));
    let approvals: Vec<(String, String, String, String)> = file["approvals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["kind"].as_str().unwrap().to_string(),
                a["by"].as_str().unwrap().to_string(),
                a["role"].as_str().unwrap().to_string(),
                when(&a["at"]),
            )
        })
        .collect();
    assert_eq!(
        approvals,
        vec![
            (
                "task-sheet".into(),
                "li.na".into(),
                "lead".into(),
                T_APPROVE.into()
            ),
            (
                "flight".into(),
                "liu.yang".into(),
                "manager".into(),
                T_FLIGHT.into()
            ),
            (
                "review".into(),
                "zhao.min".into(),
                "csc".into(),
                T_REVIEW.into()
            ),
        ]
    );
    let checkins = file["checkins"].as_array().unwrap();
    assert_eq!(checkins.len(), 1);
    assert_eq!(checkins[0]["via"].as_str(), Some("phone"));
    assert_eq!(checkins[0]["by"].as_str(), Some("wang.qiang"));
    assert_eq!(checkins[0]["note"].as_str(), Some("已到广州"));
    assert_eq!(when(&checkins[0]["at"]), T_CHECKIN);
    let timeline = file["timeline"].as_table().unwrap();
    let times: Vec<(String, String)> = timeline.iter().map(|(k, v)| (k.clone(), when(v))).collect();
    assert_eq!(
        times,
        [
            ("accepted_at", T_ACCEPT),
            ("assigned_at", T_ASSIGN),
            ("submitted_at", T_SUBMIT),
            ("approved_at", T_APPROVE),
            ("started_at", T_START),
            ("completed_at", T_COMPLETE),
            ("handed_in_at", T_HAND_IN),
            ("reviewed_at", T_REVIEW),
            ("archived_at", T_ARCHIVE),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string()))
    );

    // The whole workspace is valid and its history explained.
    let validate = ws.svc(T_LATER, &["validate"]);
    assert_eq!(
        code(&validate),
        0,
        "{}{}",
        stdout(&validate),
        stderr(&validate)
    );
    let check = ws.svc(T_LATER, &["check"]);
    assert_eq!(code(&check), 0, "{}{}", stdout(&check), stderr(&check));
    assert_eq!(stdout(&check), "");
    assert_eq!(
        stderr(&check),
        "checked the history and 1 case: 0 errors, 0 warnings\n"
    );

    // svc log: every step in order, with who and from -> to.
    let log = ws.ok(T_LATER, &["log", &id]);
    let rows: Vec<Vec<&str>> = log
        .lines()
        .filter(|l| !l.starts_with(' '))
        .map(|l| l.split_whitespace().collect())
        .collect();
    let all = std::iter::once(("zhao.min", T_NEW, "new", "none", "requested")).chain(
        steps
            .iter()
            .map(|s| (s.person, s.now, s.action, s.from, s.to)),
    );
    assert_eq!(rows.len(), commits.len(), "{log}");
    for (((person, now, action, from, to), commit), row) in all.zip(&commits).zip(&rows) {
        let name = STARTER_PEOPLE.iter().find(|(p, _)| *p == person).unwrap().1;
        let when = format!("{} {}", &now[..10], &now[11..16]);
        let who = format!("({person})");
        assert_eq!(
            row,
            &vec![
                &when[..10],
                &when[11..],
                action,
                from,
                "->",
                to,
                name,
                who.as_str(),
                &commit[..10]
            ],
            "{log}"
        );
    }
    let suffix = id[12..].to_lowercase();
    assert_eq!(
        ws.ok(T_LATER, &["log", &suffix]),
        log,
        "a case named by its suffix"
    );
    let notes: Vec<&str> = log
        .lines()
        .filter(|l| l.starts_with(' '))
        .map(str::trim)
        .collect();
    assert_eq!(notes[0], "OLT 电源告警,部分 PON 口掉线");
    assert_eq!(notes[7], "已到广州");
    // The default note is the workspace's language (zh-CN), whoever takes the step.
    assert_eq!(notes[4], "任务书已签批。");

    let json: serde_json::Value =
        serde_json::from_str(&ws.ok(T_LATER, &["--json", "log", &id])).unwrap();
    let entries = json.as_array().unwrap();
    assert_eq!(entries.len(), commits.len());
    let all = std::iter::once(("zhao.min", T_NEW, "new", "none", "requested")).chain(
        steps
            .iter()
            .map(|s| (s.person, s.now, s.action, s.from, s.to)),
    );
    for (((person, now, action, from, to), commit), e) in all.zip(&commits).zip(entries) {
        let name = STARTER_PEOPLE.iter().find(|(p, _)| *p == person).unwrap().1;
        assert_eq!(e["commit"], commit.as_str());
        assert_eq!(e["when"], now);
        assert_eq!(e["actor"], person);
        assert_eq!(e["author"], name);
        assert_eq!(e["action"], action);
        assert_eq!(e["from"], from);
        assert_eq!(e["to"], to);
    }
}

#[test]
fn a_sales_assigned_case_needs_the_csc_lead_and_the_sales_lead() {
    let ws = Ws::with_staff();
    let case = ws.new_case();
    let id = case.id.as_str();
    ws.act_as("zhao.min");
    ws.ok(T_ACCEPT, &["accept", id, "--fee", "warranty"]);
    // Sales assigns its own engineer (5.2.1).
    ws.act_as("chen.jie");
    ws.ok(T_ASSIGN, &["assign", id, "--to", "sun.li"]);
    let file: toml::Table = toml::from_str(&ws.read(&case.file("case.toml"))).unwrap();
    assert_eq!(file["assigned_via"].as_str(), Some("sales"));
    assert_eq!(file["assigned_by"].as_str(), Some("chen.jie"));
    ws.write(
        &case.file("task-sheet.toml"),
        &task_sheet("sun.li", "sun.li"),
    );
    ws.act_as("sun.li");
    ws.ok(T_SUBMIT, &["submit", id]);

    // The CSC lead signs: the case still waits for the sales lead.
    ws.act_as("li.na");
    let out = ws.ok(T_APPROVE, &["approve", id]);
    let first = ws.head();
    assert_eq!(
        out,
        format!(
            "approve {id}: pending-approval -> pending-approval (commit {})\n",
            &first[..10]
        )
    );
    assert_eq!(ws.state(&case), "pending-approval");
    assert_eq!(
        ws.git(&["show", "-s", "--format=%s%n%n%b", &first]),
        format!(
            "approve {id}: pending-approval -> pending-approval\n\n\
             任务书已签批，尚需另一位领导签批。\n\n\
             Svc-Case: {id}\nSvc-Action: approve\nSvc-From: pending-approval\n\
             Svc-To: pending-approval\nSvc-Actor: li.na\n\n"
        )
    );
    let file: toml::Table = toml::from_str(&ws.read(&case.file("case.toml"))).unwrap();
    assert!(
        file["timeline"].get("approved_at").is_none(),
        "not approved yet"
    );
    // She cannot sign twice, and the engineer cannot start.
    let err = refused(&ws, &case, T_APPROVE, &["approve", id]);
    assert_eq!(
        error_line(&err),
        format!("error: li.na has already signed the task sheet of {id}")
    );
    ws.act_as("sun.li");
    let err = refused(&ws, &case, T_APPROVE, &["start", id]);
    assert_eq!(
        error_line(&err),
        format!(
            "error: cannot start case {id}: it is pending-approval; `svc start` applies to a case that is approved"
        )
    );
    // The sales lead's agenda shows the signature; then the sales lead signs.
    ws.act_as("chen.jie");
    let status = ws.ok(T_APPROVE, &["status"]);
    assert!(
        status.contains(&format!(
            "→ sign the task sheet for Sales: svc approve {id}"
        )),
        "{status}"
    );
    ws.ok(T_FLIGHT, &["approve", id]);
    assert_eq!(ws.state(&case), "approved");
    let second = ws.head();
    assert_eq!(
        ws.git(&["show", "-s", "--format=%an <%ae>|%s", &second])
            .trim_end(),
        format!("陈杰 <chen.jie@example.com>|approve {id}: pending-approval -> approved")
    );
    let file: toml::Table = toml::from_str(&ws.read(&case.file("case.toml"))).unwrap();
    let signed: Vec<(&str, &str)> = file["approvals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["by"].as_str().unwrap(), a["role"].as_str().unwrap()))
        .collect();
    assert_eq!(signed, vec![("li.na", "lead"), ("chen.jie", "sales-lead")]);
    assert_eq!(when(&file["timeline"]["approved_at"]), T_FLIGHT);
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 0, "{findings:?}");
}

#[test]
fn the_sales_lead_may_sign_first_and_the_csc_lead_completes_it() {
    let ws = Ws::with_staff();
    let case = ws.new_case();
    let id = case.id.as_str();
    ws.act_as("zhao.min");
    ws.ok(T_ACCEPT, &["accept", id, "--fee", "warranty"]);
    ws.act_as("chen.jie");
    ws.ok(T_ASSIGN, &["assign", id, "--to", "sun.li"]);
    ws.write(
        &case.file("task-sheet.toml"),
        &task_sheet("sun.li", "sun.li"),
    );
    ws.act_as("sun.li");
    ws.ok(T_SUBMIT, &["submit", id]);
    ws.act_as("chen.jie");
    ws.ok(T_APPROVE, &["approve", id]);
    assert_eq!(ws.state(&case), "pending-approval");
    ws.act_as("li.na");
    ws.ok(T_FLIGHT, &["approve", id]);
    assert_eq!(ws.state(&case), "approved");
}

#[test]
fn a_rejected_task_sheet_goes_back_to_the_engineer_and_is_signed_after_the_fix() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::PendingApproval, "wang.qiang");
    let id = case.id.as_str();
    ws.act_as("li.na");
    let out = ws.ok(
        "2026-11-02T15:00:00+08:00",
        &["reject", id, "--reason", "任务不清楚"],
    );
    assert_eq!(
        out,
        format!(
            "reject {id}: pending-approval -> assigned (commit {})\n",
            &ws.head()[..10]
        )
    );
    assert_eq!(ws.state(&case), "assigned");
    let file: toml::Table = toml::from_str(&ws.read(&case.file("case.toml"))).unwrap();
    let rejection = &file["rejections"].as_array().unwrap()[0];
    assert_eq!(rejection["reason"].as_str(), Some("任务不清楚"));
    assert_eq!(rejection["by"].as_str(), Some("li.na"));
    assert_eq!(
        ws.git(&["show", "-s", "--format=%b", "HEAD"]),
        format!(
            "任务不清楚\n\nSvc-Case: {id}\nSvc-Action: reject\nSvc-From: pending-approval\nSvc-To: assigned\nSvc-Actor: li.na\n\n"
        )
    );
    ws.edit(
        &case.file("task-sheet.toml"),
        "tasks = [\"更换电源模块\"]",
        "tasks = [\"更换电源模块\", \"检查风扇\"]",
    );
    ws.act_as("wang.qiang");
    ws.ok("2026-11-02T16:00:00+08:00", &["submit", id]);
    assert_eq!(
        ws.git(&["show", "--name-only", "--format=", "HEAD"]),
        format!(
            "{}\n{}\n",
            case.file("case.toml"),
            case.file("task-sheet.toml")
        )
    );
    ws.act_as("li.na");
    ws.ok(T_APPROVE, &["approve", id]);
    assert_eq!(ws.state(&case), "approved");
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 0, "{findings:?}");
}

#[test]
fn a_request_solved_by_phone_and_a_cancelled_case_end_there() {
    let ws = Ws::init();
    let solved = ws.new_case();
    ws.act_as("zhao.min");
    ws.ok(
        T_ACCEPT,
        &["resolve", &solved.id, "--note", "指导客户重启后恢复"],
    );
    assert_eq!(ws.state(&solved), "resolved-remotely");
    let cancelled = ws.case_at(Stage::Assigned, "wang.qiang");
    ws.act_as("zhao.min");
    ws.ok(
        T_SUBMIT,
        &["cancel", &cancelled.id, "--reason", "客户已自行解决"],
    );
    assert_eq!(ws.state(&cancelled), "cancelled");
    let file: toml::Table = toml::from_str(&ws.read(&cancelled.file("case.toml"))).unwrap();
    assert_eq!(file["cancel_reason"].as_str(), Some("客户已自行解决"));
    assert_eq!(
        ws.git(&["show", "-s", "--format=%s", "HEAD"]).trim_end(),
        format!("cancel {}: assigned -> cancelled", cancelled.id)
    );
    // Nothing moves any more.
    let err = refused(
        &ws,
        &cancelled,
        T_LATER,
        &["accept", &cancelled.id, "--fee", "warranty"],
    );
    assert_eq!(
        error_line(&err),
        format!(
            "error: cannot accept case {}: it is cancelled; `svc accept` applies to a case that is requested",
            cancelled.id
        )
    );
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 0, "{findings:?}");
}
