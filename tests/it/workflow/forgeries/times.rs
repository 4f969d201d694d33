//! Class 5: times. A step records its moments at its commit's time, and never before the
//! step that brought the case to its state: an approval written a week before it was
//! given, three back-dated check-ins slipped into one `checkin`, a step's date amended to
//! 2020, a start dated before the approval and a rejection dated before it was made are
//! caught. The same moment written in another offset is the same time.

use super::*;

/// A date long before any case of the workspace.
const IN_2020: &str = "2020-01-01T00:00:00+08:00";

#[test]
fn an_approval_dated_a_week_before_it_was_given_is_caught() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::Approved, "wang.qiang");
    // li.na's real approval, amended: the signature's time a week earlier (the commit keeps
    // its date).
    ws.edit(
        &case.file("case.toml"),
        "role = \"lead\"\nat = 2026-11-03T09:00:00+08:00",
        "role = \"lead\"\nat = 2026-10-27T09:00:00+08:00",
    );
    ws.git(&["add", "-A"]);
    let forged = amend(&ws, "li.na", None);
    let findings = caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: `approve` records the approval at 2026-10-27 09:00:00 +08:00, but its commit is dated 2026-11-03 09:00:00 +08:00",
            short(&forged)
        )],
    );
    assert_eq!(files(&findings, &forged), vec![case.file("case.toml")]);
}

#[test]
fn three_back_dated_check_ins_in_one_checkin_are_caught() {
    // At the end of a long trip the engineer makes up for the check-ins 7.5 asked for.
    let ws = Ws::init();
    let case = ws.case_at(Stage::OnSite, "wang.qiang");
    let at = "2026-11-11T20:00:00+08:00";
    ws.act_as("wang.qiang");
    ws.ok(at, &["checkin", &case.id, "--via", "phone"]);
    let made_up: String = ["2026-11-05", "2026-11-07", "2026-11-09"]
        .iter()
        .map(|day| {
            format!(
                "[[checkins]]\nat = {day}T20:00:00+08:00\nvia = \"phone\"\nby = \"wang.qiang\"\n"
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    ws.edit(
        &case.file("case.toml"),
        &format!("[[checkins]]\nat = {at}\nvia = \"phone\"\nby = \"wang.qiang\"\n"),
        &made_up,
    );
    ws.git(&["add", "-A"]);
    let forged = amend(&ws, "wang.qiang", None);
    let short = short(&forged);
    caught(
        &ws,
        &forged,
        &[
            format!(
                "commit {short}: `checkin` records the check-in at 2026-11-05 20:00:00 +08:00, but its commit is dated 2026-11-11 20:00:00 +08:00"
            ),
            format!(
                "commit {short}: `checkin` records the check-in at 2026-11-07 20:00:00 +08:00, but its commit is dated 2026-11-11 20:00:00 +08:00"
            ),
            format!(
                "commit {short}: `checkin` records the check-in at 2026-11-09 20:00:00 +08:00, but its commit is dated 2026-11-11 20:00:00 +08:00"
            ),
            format!(
                "commit {short}: one `checkin` records one check-in by its author; this one records 3"
            ),
        ],
    );
}

#[test]
fn an_accept_amended_to_2020_is_caught() {
    let ws = Ws::init();
    ws.case_at(Stage::Accepted, "wang.qiang");
    let forged = amend(&ws, "zhao.min", Some(IN_2020));
    assert_eq!(
        ws.git(&["show", "-s", "--format=%aI %cI", &forged]).trim(),
        "2020-01-01T00:00:00+08:00 2020-01-01T00:00:00+08:00"
    );
    let short = short(&forged);
    caught(
        &ws,
        &forged,
        &[
            format!(
                "commit {short}: `accept` is dated 2020-01-01 00:00, before the case became requested (2026-11-02 09:00)"
            ),
            format!(
                "commit {short}: `accept` records timeline.accepted_at at 2026-11-02 09:30:00 +08:00, but its commit is dated 2020-01-01 00:00:00 +08:00"
            ),
        ],
    );
}

#[test]
fn an_approval_amended_to_2020_is_caught() {
    let ws = Ws::init();
    ws.case_at(Stage::Approved, "wang.qiang");
    let forged = amend(&ws, "li.na", Some(IN_2020));
    let short = short(&forged);
    // Both moments the step records, and the step before it.
    caught(
        &ws,
        &forged,
        &[
            format!(
                "commit {short}: `approve` is dated 2020-01-01 00:00, before the case became pending-approval (2026-11-02 14:00)"
            ),
            format!(
                "commit {short}: `approve` records the approval at 2026-11-03 09:00:00 +08:00, but its commit is dated 2020-01-01 00:00:00 +08:00"
            ),
            format!(
                "commit {short}: `approve` records timeline.approved_at at 2026-11-03 09:00:00 +08:00, but its commit is dated 2020-01-01 00:00:00 +08:00"
            ),
        ],
    );
}

#[test]
fn a_start_dated_before_the_approval_is_caught() {
    // The commit and case.toml agree, so only the order of the steps tells.
    let ws = Ws::init();
    let case = ws.case_at(Stage::OnSite, "wang.qiang");
    let early = "2026-11-03T08:00:00+08:00";
    ws.edit(
        &case.file("case.toml"),
        &format!("started_at = {T_START}"),
        &format!("started_at = {early}"),
    );
    ws.git(&["add", "-A"]);
    let forged = amend(&ws, "wang.qiang", Some(early));
    caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: `start` is dated 2026-11-03 08:00, before the case became approved (2026-11-03 09:00)",
            short(&forged)
        )],
    );
}

#[test]
fn svc_does_not_take_a_step_dated_before_the_step_before_it() {
    // With the clock before the approval, svc itself refuses the start: first of all for
    // the order of the two steps, then for what lies in that clock's future (the approval
    // in the timeline, the signature, the flight's approval).
    let ws = Ws::init();
    let case = ws.case_at(Stage::FlightApproved, "wang.qiang");
    ws.act_as("wang.qiang");
    let err = refused(
        &ws,
        &case,
        "2026-11-03T08:00:00+08:00",
        &["start", &case.id],
    );
    assert!(
        err.starts_with(&format!(
            "{}:20:14: error[dates]: the start of the trip (2026-11-03 08:00) is before the task sheet's approval (2026-11-03 09:00)\n",
            case.file("case.toml")
        )),
        "{err}"
    );
    assert!(
        err.ends_with(&format!(
            "error: cannot start case {}: 4 rule errors must be fixed first\nhint: fix the findings above (svc validate shows them all), then try again\n",
            case.id
        )),
        "{err}"
    );
    assert_eq!(ws.state(&case), "approved");
}

#[test]
fn a_rejection_dated_before_it_was_made_is_caught() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::PendingApproval, "wang.qiang");
    ws.act_as("li.na");
    ws.ok(
        "2026-11-02T15:00:00+08:00",
        &["reject", &case.id, "--reason", "任务不清楚"],
    );
    ws.edit(
        &case.file("case.toml"),
        "at = 2026-11-02T15:00:00+08:00",
        "at = 2026-11-02T13:00:00+08:00",
    );
    ws.git(&["add", "-A"]);
    let forged = amend(&ws, "li.na", None);
    caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: `reject` records the rejection at 2026-11-02 13:00:00 +08:00, but its commit is dated 2026-11-02 15:00:00 +08:00",
            short(&forged)
        )],
    );
}

#[test]
fn the_same_moment_in_another_offset_is_the_same_time() {
    // The commit dated in UTC, case.toml in +08:00: one instant, no forgery.
    let ws = Ws::init();
    ws.case_at(Stage::Accepted, "wang.qiang");
    let amended = amend(&ws, "zhao.min", Some("2026-11-02T01:30:00+00:00"));
    assert_eq!(
        ws.git(&["show", "-s", "--format=%aI", &amended]).trim(),
        "2026-11-02T01:30:00Z"
    );
    passes(&ws);
}
