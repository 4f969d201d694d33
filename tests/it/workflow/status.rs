//! `svc status`: what awaits the person acting, by role and assignment; a check-in overdue
//! after 84 hours on the road (7.5: twice a week).

use super::*;

#[test]
fn an_engineer_on_site_without_contact_for_more_than_84_hours_is_overdue() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::OnSite, "wang.qiang");
    let id = case.id.as_str();
    ws.act_as("wang.qiang");
    ws.ok(T_CHECKIN, &["checkin", id, "--via", "phone"]);
    let head = ws.head();
    let todo = |now: &str| {
        let out = ws.ok(now, &["status"]);
        assert_eq!(ws.head(), head, "status commits nothing");
        out
    };
    // 83 hours after the check-in of 2026-11-04 20:00: due, not overdue.
    let fine = todo("2026-11-08T07:00:00+08:00");
    assert_eq!(
        fine,
        format!(
            "王强 (wang.qiang): engineer\n  {id}  on-site           OLT 电源告警\n      → check in with the company (svc checkin {id} --via phone) (last contact 2026-11-04 20:00)\n  {id}  on-site           OLT 电源告警\n      → record the visits and complete: svc complete {id}\n"
        )
    );
    // 85 hours: overdue.
    let late = todo("2026-11-08T09:00:00+08:00");
    assert!(
        late.contains(&format!(
            "      → OVERDUE: check in with the company (svc checkin {id} --via phone) (last contact 2026-11-04 20:00)\n"
        )),
        "{late}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&ws.ok("2026-11-08T09:00:00+08:00", &["--json", "status"])).unwrap();
    assert_eq!(json["person"], "wang.qiang");
    let items = json["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["overdue"], true);
    assert_eq!(items[0]["case"], id);
    assert_eq!(items[0]["state"], "on-site");
    assert_eq!(items[1]["overdue"], false);
    // A check-in clears it.
    ws.ok(
        "2026-11-08T09:30:00+08:00",
        &["checkin", id, "--via", "email"],
    );
    let after = ws.ok("2026-11-08T10:00:00+08:00", &["status"]);
    assert!(!after.contains("OVERDUE"), "{after}");
    assert!(after.contains("(last contact 2026-11-08 09:30)"), "{after}");
}

#[test]
fn without_any_check_in_the_trip_start_counts() {
    let ws = Ws::init();
    let case = ws.case_at(Stage::OnSite, "wang.qiang");
    ws.act_as("wang.qiang");
    // Started 2026-11-04 08:00; 85 hours later.
    let late = ws.ok("2026-11-07T21:00:00+08:00", &["status"]);
    assert!(
        late.contains(&format!(
            "→ OVERDUE: check in with the company (svc checkin {} --via phone) (last contact 2026-11-04 08:00)",
            case.id
        )),
        "{late}"
    );
}

#[test]
fn the_lead_sees_the_task_sheets_to_sign_and_others_do_not() {
    let ws = Ws::init();
    let waiting = ws.case_at(Stage::PendingApproval, "wang.qiang");
    let assigned = ws.case_at(Stage::Assigned, "wang.qiang");
    let mut ids = [waiting.id.clone(), assigned.id.clone()];
    ids.sort();
    ws.act_as("li.na");
    let lead = ws.ok(T_LATER, &["status"]);
    assert_eq!(
        lead,
        format!(
            "李娜 (li.na): csc, lead\n  {w}  pending-approval  OLT 电源告警\n      → sign the task sheet: svc approve {w}\n",
            w = waiting.id
        )
    );
    // The manager sees the flight to approve; the engineer the sheet to write.
    ws.act_as("liu.yang");
    let manager = ws.ok(T_LATER, &["status"]);
    assert!(
        manager.contains(&format!(
            "→ approve the trip's flights (7.4): svc approve {} --flight",
            waiting.id
        )),
        "{manager}"
    );
    assert!(!manager.contains(&assigned.id), "{manager}");
    ws.act_as("wang.qiang");
    let engineer = ws.ok(T_LATER, &["status"]);
    assert_eq!(
        engineer,
        format!(
            "王强 (wang.qiang): engineer\n  {a}  assigned          OLT 电源告警\n      → fill in the task sheet (svc edit {a} task-sheet) and submit it (svc submit {a})\n",
            a = assigned.id
        )
    );
    // Once signed, it leaves the lead's list.
    ws.act_as("li.na");
    ws.ok(T_APPROVE, &["approve", &waiting.id]);
    let lead = ws.ok(T_LATER, &["status"]);
    assert_eq!(
        lead,
        "李娜 (li.na): csc, lead\nNothing awaits you. 暂无待办。\n"
    );
}
