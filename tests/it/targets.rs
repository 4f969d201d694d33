//! Response targets (5.1.7): due times counted in working time over weekends, public
//! holidays, make-up working days and the lunch break, or round the clock; met, near
//! misses, breaches and overdue promises; the rule's warning, `svc list --breached` and
//! `svc show`. Every expectation is worked out by hand in the test.
//!
//! Working time here: 08:30–12:00 and 14:00–17:30 (the default ends), 7 hours a day;
//! 2026-10-01 to 10-07 are the National Day holiday and Saturday 2026-10-10 is worked.

use crate::common::{CASE, Fixture, stderr, stdout, svc_in};
use svc::forms::decode::Timestamp;
use svc::rules::targets::{self, Deadline, Promise, Standing};
use svc::workspace::Workspace;
use svc::workspace::case;

const CALENDAR: &str = include_str!("../../examples/company/calendar/2026.toml");

/// A moment in the workspace's time zone.
fn at(text: &str) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339(&format!("{text}:00+08:00")).expect("a time")
}

/// The fixture with the sample's 2026 calendar and `targets` appended to svc.toml.
fn with_targets(targets: &str) -> Fixture {
    let f = Fixture::new();
    f.write("calendar/2026.toml", CALENDAR);
    let settings = f.read("svc.toml");
    f.write("svc.toml", &format!("{settings}\n[targets]\n{targets}"));
    f
}

/// The fixture case received at `received` and answered (accepted) at `accepted`.
fn received(f: &Fixture, received: &str, accepted: &str) {
    f.edit(
        &format!("{CASE}/request.toml"),
        "received_at = 2026-10-12T09:10:00+08:00",
        &format!("received_at = {received}:00+08:00"),
    );
    f.edit(
        &format!("{CASE}/case.toml"),
        "accepted_at = 2026-10-12T10:00:00+08:00",
        &format!("accepted_at = {accepted}:00+08:00"),
    );
}

/// The case's deadline for `promise`.
fn deadline(f: &Fixture, promise: Promise) -> (Workspace, Deadline) {
    let ws = Workspace::open(f.root());
    let case = case::load(&ws.root, std::path::Path::new(CASE));
    let found = targets::deadlines(&ws, &case)
        .into_iter()
        .find(|d| d.promise == promise)
        .unwrap_or_else(|| panic!("no {promise:?} deadline"));
    (ws, found)
}

#[test]
fn a_working_hour_target_skips_a_public_holiday() {
    let f = with_targets("respond = \"4h\"\n");
    received(&f, "2026-09-30T16:00", "2026-10-08T10:59");
    let (ws, d) = deadline(&f, Promise::Respond);
    // 09-30 16:00–17:30 is 90 min; 10-01..07 are the holiday; the other 150 min from
    // 10-08 08:30 end at 11:00.
    assert_eq!(d.due, at("2026-10-08T11:00"));
    // Accepted at 10:59: a near miss, 1 minute to spare.
    assert_eq!(
        d.standing(&ws, at("2026-11-27T12:00")),
        Standing::Met { margin: 1 }
    );
}

#[test]
fn a_make_up_saturday_is_worked_and_a_sunday_is_not() {
    let f = with_targets("arrive = \"1d\"\n");
    received(&f, "2026-10-09T16:30", "2026-10-09T16:45");
    f.edit(
        &format!("{CASE}/visits/01-gz-tianhe.toml"),
        "arrived_at = 2026-10-14T14:00:00+08:00",
        "arrived_at = 2026-10-12T09:00:00+08:00",
    );
    let (ws, d) = deadline(&f, Promise::Arrive);
    // A working day is 420 min: Friday 16:30–17:30 gives 60, the make-up Saturday 10-10
    // 08:30–12:00 gives 210, and the last 150 from 14:00 end at 16:30.
    assert_eq!(d.due, at("2026-10-10T16:30"));
    assert_eq!(d.met_at, Some(at("2026-10-12T09:00")));
    // Late: Saturday 16:30–17:30 (60) + Sunday (0) + Monday 08:30–09:00 (30).
    assert_eq!(
        d.standing(&ws, at("2026-11-27T12:00")),
        Standing::MetLate { late: 90 }
    );
}

#[test]
fn the_lunch_break_is_not_counted_and_a_priority_has_its_own_target() {
    let f = with_targets("respond = \"2h\"\n\n[targets.urgent]\nrespond = \"30m\"\n");
    received(&f, "2026-10-12T11:00", "2026-10-12T14:55");
    let (ws, d) = deadline(&f, Promise::Respond);
    // 11:00–12:00 is 60 min, the other 60 from 14:00: due 15:00, met 5 min before.
    assert_eq!(d.due, at("2026-10-12T15:00"));
    assert_eq!(d.standing(&ws, at(NOW_MINUTE)), Standing::Met { margin: 5 });
    // An urgent request gets 30 minutes: due 11:30, answered at 14:55 — 30 min late
    // (11:30–12:00), the lunch break not counted, and 55 min after 14:00.
    f.edit(
        &format!("{CASE}/request.toml"),
        "channel = ",
        "priority = \"urgent\"\nchannel = ",
    );
    let (ws, d) = deadline(&f, Promise::Respond);
    assert_eq!(d.due, at("2026-10-12T11:30"));
    assert_eq!(
        d.standing(&ws, at(NOW_MINUTE)),
        Standing::MetLate { late: 85 }
    );
}

/// `NOW` without its seconds and offset, as [`at`] takes it.
const NOW_MINUTE: &str = "2026-11-27T12:00";

#[test]
fn calendar_hours_run_round_the_clock() {
    let f = with_targets("hours = \"calendar\"\nresolve = \"24h\"\n");
    let (ws, d) = deadline(&f, Promise::Resolve);
    // Received 10-12 09:10, due 24 hours later; the first visit that resolved it left
    // 10-14 18:00: 32 h 50 min late.
    assert_eq!(d.due, at("2026-10-13T09:10"));
    assert_eq!(d.met_at, Some(at("2026-10-14T18:00")));
    assert_eq!(
        d.standing(&ws, at(NOW_MINUTE)),
        Standing::MetLate { late: 32 * 60 + 50 }
    );
}

#[test]
fn an_open_promise_runs_then_is_due_soon_then_overdue() {
    let f = with_targets("arrive = \"1d\"\n");
    received(&f, "2026-10-09T16:30", "2026-10-09T16:45");
    f.remove(&format!("{CASE}/visits/01-gz-tianhe.toml"));
    f.remove(&format!("{CASE}/visits/02-fs-chancheng.toml"));
    let (ws, d) = deadline(&f, Promise::Arrive);
    assert_eq!((d.due, d.met_at), (at("2026-10-10T16:30"), None));
    // At 09:00 on the Saturday: 180 + 150 = 330 min left of 420, not yet a quarter.
    assert_eq!(
        d.standing(&ws, at("2026-10-10T09:00")),
        Standing::Running {
            left: 330,
            soon: false
        }
    );
    // At 15:30: 60 min left, less than a quarter (105).
    assert_eq!(
        d.standing(&ws, at("2026-10-10T15:30")),
        Standing::Running {
            left: 60,
            soon: true
        }
    );
    // On Monday 10:00: overdue by 60 (Saturday) + 90 (Monday 08:30–10:00).
    assert_eq!(
        d.standing(&ws, at("2026-10-12T10:00")),
        Standing::Overdue { late: 150 }
    );
}

#[test]
fn a_breach_is_a_warning_and_the_lists_show_it() {
    let f = with_targets("hours = \"calendar\"\nresolve = \"24h\"\n");
    let out = svc_in(f.root(), &["--locale", "en", "validate"]);
    let text = stdout(&out) + &stderr(&out);
    assert!(
        text.contains(
            "warning[5.1.7]: \"resolve within 24h\" (round the clock, the company's targets \
             ([targets] in svc.toml)) was due 2026-10-13 09:10 and met 2026-10-14 18:00, \
             32 h 50 min late"
        ),
        "{text}"
    );
    assert!(text.contains("visits/01-gz-tianhe.toml:3:"), "{text}");
    // The engineer's reason, once given, is the hint.
    f.edit(
        &format!("{CASE}/summary.toml"),
        "satisfaction = 5",
        "satisfaction = 5\ndelay_reason = \"客户机房 10-13 封网,次日方可进场\"",
    );
    let out = svc_in(f.root(), &["--locale", "zh-CN", "validate"]);
    assert!(
        stdout(&out).contains("已记录的超时原因：客户机房 10-13 封网,次日方可进场"),
        "{}",
        stdout(&out)
    );
    let out = svc_in(f.root(), &["--locale", "en", "list", "--breached"]);
    assert!(
        stdout(&out).contains("resolve 32 h 50 min late"),
        "{}",
        stdout(&out)
    );
    let out = svc_in(f.root(), &["list", "--breached", "--json"]);
    let rows: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let target = &rows[0]["targets"][0];
    assert_eq!(target["promise"], "resolve");
    assert_eq!(target["standing"], "met-late");
    assert_eq!(target["late"], 32 * 60 + 50);
    assert_eq!(target["due"], "2026-10-13T09:10:00+08:00");
    let out = svc_in(f.root(), &["--locale", "zh-CN", "show", "7Q2M4K"]);
    assert!(
        stdout(&out).contains(
            "解决时限 24h：应于 2026-10-13 09:10 前，2026-10-14 18:00 达成，超时 32 小时 50 分钟"
        ),
        "{}",
        stdout(&out)
    );
    // A target met in time is no breach: none are listed.
    let f = with_targets("hours = \"calendar\"\nresolve = \"72h\"\n");
    let out = svc_in(f.root(), &["list", "--breached", "--json"]);
    assert_eq!(stdout(&out).trim(), "[]", "{}", stderr(&out));
}

#[test]
fn an_allowance_that_is_not_one_is_an_error_where_it_is_written() {
    let f = with_targets("respond = \"4 hours\"\n");
    let out = svc_in(f.root(), &["--locale", "en", "validate"]);
    let text = stdout(&out) + &stderr(&out);
    assert!(!out.status.success(), "{text}");
    assert!(
        text.contains("svc.toml:") && text.contains("`4 hours` is not a time allowed"),
        "{text}"
    );
    assert!(text.contains("30m, 4h, 1h30m or 2d"), "{text}");
}

/// The fixture case with `holds` (TOML array-of-tables text) appended to its case.toml.
fn held(f: &Fixture, holds: &str) {
    let text = f.read(&format!("{CASE}/case.toml"));
    f.write(&format!("{CASE}/case.toml"), &format!("{text}\n{holds}"));
}

#[test]
fn a_wait_on_the_customer_stops_the_clock_where_the_targets_say_so() {
    let holds = "[[holds]]\nfrom = 2026-10-12T10:00:00+08:00\nby = \"zhang.wei\"\n\
                 reason = \"等客户确认机房开放时间\"\nuntil = 2026-10-12T15:00:00+08:00\n\
                 resumed_by = \"zhang.wei\"\n";
    // Received Monday 10-12 09:10, answered Tuesday 09:00, 4 working hours to respond.
    let f = with_targets("respond = \"4h\"\npause_on_customer = true\n");
    received(&f, "2026-10-12T09:10", "2026-10-13T09:00");
    held(&f, holds);
    let (ws, d) = deadline(&f, Promise::Respond);
    // 09:10–10:00 runs 50 of 240 min; on hold 10:00–15:00 (120 + 60 working minutes, the
    // lunch break not counted); 15:00–17:30 runs 150 more; the last 40 from Tuesday 08:30
    // end at 09:10. Answered at 09:00: met, 10 minutes to spare.
    assert_eq!(d.due, at("2026-10-13T09:10"));
    assert_eq!(d.held, 180);
    assert_eq!(
        d.standing(&ws, at(NOW_MINUTE)),
        Standing::Met { margin: 10 }
    );
    // Targets that do not pause run on: due Monday 15:10 (170 min to noon, 70 from
    // 14:00), answered 140 + 30 minutes late.
    let f = with_targets("respond = \"4h\"\n");
    received(&f, "2026-10-12T09:10", "2026-10-13T09:00");
    held(&f, holds);
    let (ws, d) = deadline(&f, Promise::Respond);
    assert_eq!((d.due, d.held), (at("2026-10-12T15:10"), 0));
    assert_eq!(
        d.standing(&ws, at(NOW_MINUTE)),
        Standing::MetLate { late: 170 }
    );
}

#[test]
fn a_wait_still_open_holds_the_clock_until_it_is_resumed() {
    let f = with_targets("arrive = \"1d\"\npause_on_customer = true\n");
    received(&f, "2026-10-09T16:30", "2026-10-09T16:45");
    f.remove(&format!("{CASE}/visits/01-gz-tianhe.toml"));
    f.remove(&format!("{CASE}/visits/02-fs-chancheng.toml"));
    held(
        &f,
        "[[holds]]\nfrom = 2026-10-10T09:00:00+08:00\nby = \"zhang.wei\"\nreason = \"客户未开机房\"\n",
    );
    let (ws, d) = deadline(&f, Promise::Arrive);
    // Friday 16:30–17:30 and the make-up Saturday 08:30–09:00 ran 90 of 420 min; from
    // 09:00 the clock stands with 330 left, however late it is asked.
    assert_eq!(d.paused_since, Some(at("2026-10-10T09:00")));
    assert_eq!(
        d.standing(&ws, at("2026-10-10T09:30")),
        Standing::Paused { left: 330 }
    );
    assert_eq!(
        d.standing(&ws, at("2026-10-20T09:00")),
        Standing::Paused { left: 330 }
    );
    // Resumed Monday 09:00: held Saturday 09:00–17:30 (390 working minutes) and Monday
    // 08:30–09:00 (30); the 330 left run 09:00–12:00 (180) and 14:00–16:30.
    f.edit(
        &format!("{CASE}/case.toml"),
        "reason = \"客户未开机房\"\n",
        "reason = \"客户未开机房\"\nuntil = 2026-10-12T09:00:00+08:00\nresumed_by = \"zhang.wei\"\n",
    );
    let (ws, d) = deadline(&f, Promise::Arrive);
    assert_eq!(
        (d.due, d.paused_since, d.held),
        (at("2026-10-12T16:30"), None, 420)
    );
    assert_eq!(
        d.standing(&ws, at("2026-10-12T16:00")),
        Standing::Running {
            left: 30,
            soon: true
        }
    );
    // svc show says the clock stands while the wait is open.
    f.edit(
        &format!("{CASE}/case.toml"),
        "until = 2026-10-12T09:00:00+08:00\nresumed_by = \"zhang.wei\"\n",
        "",
    );
    let out = svc_in(f.root(), &["--locale", "en", "show", "7Q2M4K"]);
    assert!(
        stdout(&out).contains("on site within 1d: paused since 2026-10-10 09:00, 5 h 30 min left"),
        "{}",
        stdout(&out)
    );
    assert!(
        stdout(&out).contains(
            "on hold     since 2026-10-10 09:00, by zhang.wei — 客户未开机房 (still waiting)"
        ),
        "{}",
        stdout(&out)
    );
}
