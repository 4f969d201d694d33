//! The working calendar: the sample company's 2026 holidays checked against an independent
//! record of them (Python's chinese-calendar), and every problem of `[workday]` and of
//! `calendar/<year>.toml` reported where it is written.

use crate::common::{Fixture, seen, stderr, stdout};
use std::process::Command;

/// The sample company's calendar file.
const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/company/calendar/2026.toml"
);

/// For every day of 2026, svc's answer (read from the sample company as a workspace),
/// the file's own under the documented rule (read with Python's tomllib) and
/// chinese_calendar's are the same. Skipped with a message when the package is missing,
/// unless SVC_REQUIRE_CALENDAR is set (CI installs it and sets it).
#[test]
fn the_sample_calendar_agrees_with_chinese_calendar() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/company");
    let ws = svc::workspace::Workspace::open(std::path::Path::new(root));
    let calendar = ws.calendar();
    assert!(
        calendar.knows_year(2026),
        "the sample's calendar was not read"
    );
    let mut answers = String::new();
    let first = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date");
    for day in first
        .iter_days()
        .take_while(|d| chrono::Datelike::year(d) == 2026)
    {
        let working = u8::from(calendar.is_working_day(day));
        answers.push_str(&format!("{day} {working}\n"));
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("svc-answers.txt");
    std::fs::write(&file, answers).expect("write svc's answers");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/tools/check_calendar.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(SAMPLE)
        .arg(&file)
        .output()
        .expect("python3 runs");
    let report = format!("{}{}", stdout(&out), stderr(&out));
    if out.status.code() == Some(3) && std::env::var_os("SVC_REQUIRE_CALENDAR").is_none() {
        eprintln!("skipped: {}", report.trim());
        return;
    }
    assert!(out.status.success(), "{report}");
    assert!(report.contains("checked 365 days of 2026"), "{report}");
}

#[test]
fn a_broken_calendar_file_is_reported_at_its_lines() {
    let f = Fixture::new();
    f.write(
        "calendar/2026.toml",
        "year = 2026\n\
         \n\
         [[holidays]]\n\
         name = \"国庆节\"\n\
         from = 2026-10-01\n\
         to = 2026-10-07\n\
         \n\
         [[holidays]]\n\
         name = \"中秋节\"\n\
         from = 2026-09-25\n\
         to = 2026-10-01\n\
         \n\
         [[holidays]]\n\
         name = \"元旦\"\n\
         from = 2026-01-03\n\
         to = 2026-01-01\n\
         \n\
         [[workdays]]\n\
         date = 2026-10-04\n\
         \n\
         [[workdays]]\n\
         date = 2025-12-28\n",
    );
    assert_eq!(
        seen(&f),
        [
            "error[layout] calendar/2026.toml:10:8: holiday 中秋节 (2026-09-25 to 2026-10-01) overlaps 国庆节 (2026-10-01 to 2026-10-07)",
            "error[layout] calendar/2026.toml:16:6: holiday 元旦 ends on 2026-01-01, before it begins on 2026-01-03",
            "error[layout] calendar/2026.toml:19:8: make-up working day 2026-10-04 is inside the holiday 国庆节 (2026-10-01 to 2026-10-07)",
            "error[layout] calendar/2026.toml:22:8: 2025-12-28 is not in 2026",
        ]
    );
}

#[test]
fn a_calendar_file_is_decoded_like_a_form() {
    let f = Fixture::new();
    f.write(
        "calendar/2026.toml",
        "year = \"2026\"\n[[holidays]]\nname = \"国庆节\"\nfrom = 2026-10-01\ntoo = 2026-10-07\n",
    );
    // Every problem at once; a file that cannot be read teaches nothing about its year.
    assert_eq!(
        seen(&f),
        [
            "warning[layout] calendar/2026.toml:0:0: calendar/2026.toml is missing: 2026 counts weekends only",
            "error[schema] calendar/2026.toml:1:8: \"2026\" is not a year",
            "error[schema] calendar/2026.toml:2:1: missing key `to` in a holiday",
            "error[schema] calendar/2026.toml:5:1: unknown key `too` in a holiday",
        ]
    );
}

#[test]
fn a_calendar_file_named_for_another_year_is_not_used() {
    let f = Fixture::new();
    f.write("calendar/2027.toml", "year = 2026\n");
    assert_eq!(
        seen(&f),
        [
            "warning[layout] calendar/2026.toml:0:0: calendar/2026.toml is missing: 2026 counts weekends only",
            "error[layout] calendar/2027.toml:1:8: year 2026 differs from the file's name, calendar/2027.toml",
        ]
    );
}

#[test]
fn a_calendar_without_this_years_file_counts_weekends_only_and_says_so() {
    let f = Fixture::new();
    f.write(
        "calendar/2025.toml",
        "year = 2025\n[[holidays]]\nname = \"国庆节\"\nfrom = 2025-10-01\nto = 2025-10-08\n",
    );
    assert_eq!(
        seen(&f),
        [
            "warning[layout] calendar/2026.toml:0:0: calendar/2026.toml is missing: 2026 counts weekends only"
        ]
    );
    let out = f.svc(&["validate"]);
    let text = format!("{}{}", stdout(&out), stderr(&out));
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains(
            "hint: add 2026's public holidays and make-up working days in calendar/2026.toml"
        ),
        "{text}"
    );
    // With this year's file the warning goes.
    f.write("calendar/2026.toml", "year = 2026\n");
    assert_eq!(seen(&f), Vec::<String>::new());
}

#[test]
fn a_workspace_without_a_calendar_folder_is_not_warned() {
    let f = Fixture::new();
    assert_eq!(seen(&f), Vec::<String>::new());
}

#[test]
fn only_year_files_are_read_from_the_calendar_folder() {
    let f = Fixture::new();
    f.write("calendar/2026.toml", "year = 2026\n");
    f.write("calendar/holidays.toml", "year = 2026\n");
    f.write("calendar/2027.yaml", "year: 2027\n");
    f.write("calendar/README.md", "holidays\n");
    assert_eq!(
        seen(&f),
        [
            "error[layout] calendar/2027.yaml:0:0: calendar/2027.yaml is not read: calendar files are TOML",
            "warning[layout] calendar/README.md:0:0: calendar/README.md is ignored: svc reads only calendar/<year>.toml files",
            "error[layout] calendar/holidays.toml:0:0: calendar/holidays.toml is not read: a calendar file is named after its year",
        ]
    );
}

#[test]
fn working_hours_are_in_order() {
    let f = Fixture::new();
    f.edit(
        "svc.toml",
        "afternoon_start = \"14:00\"\n",
        "afternoon_start = \"14:00\"\nafternoon_end = \"13:00\"\n",
    );
    assert_eq!(
        seen(&f),
        [
            "error[layout] svc.toml:13:17: [workday] afternoon_end 13:00 must be later than afternoon_start 14:00"
        ]
    );
    let f = Fixture::new();
    f.edit(
        "svc.toml",
        "morning_start = \"08:30\"\n",
        "morning_start = \"08:30\"\nmorning_end = \"14:30\"\n",
    );
    assert_eq!(
        seen(&f),
        [
            "error[layout] svc.toml:13:19: [workday] afternoon_start 14:00 must not be earlier than morning_end 14:30"
        ]
    );
    // An end left out is the default one (12:00), and the start written is pointed at.
    let f = Fixture::new();
    f.edit(
        "svc.toml",
        "morning_start = \"08:30\"",
        "morning_start = \"12:30\"",
    );
    assert_eq!(
        seen(&f),
        [
            "error[layout] svc.toml:11:17: [workday] morning_end 12:00 must be later than morning_start 12:30"
        ]
    );
    let f = Fixture::new();
    f.edit(
        "svc.toml",
        "afternoon_start = \"14:00\"\n",
        "afternoon_start = \"14:00\"\nafternoon_end = \"25:00\"\n",
    );
    assert_eq!(
        seen(&f),
        ["error[schema] svc.toml:13:17: \"25:00\" is not a time of day"]
    );
}

/// The calendar is the admin's, as the catalog and the settings are: `svc check` flags a
/// change to it by anyone else.
#[test]
fn the_calendar_is_changed_only_by_an_admin() {
    use crate::workflow::Ws;
    let ws = Ws::init();
    ws.write("calendar/2026.toml", "year = 2026\n");
    ws.git(&["add", "calendar"]);
    ws.git_commit_as("zhao.min", "2026 年节假日");
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 0, "{findings:#?}");
    ws.write(
        "calendar/2026.toml",
        "year = 2026\n\n[[holidays]]\nname = \"厂庆\"\nfrom = 2026-11-02\nto = 2026-11-06\n",
    );
    ws.git(&["add", "calendar"]);
    let forged = ws.git_commit_as("wang.qiang", "放假一周");
    let (exit, findings) = ws.check_json(&[]);
    assert_eq!(exit, 1);
    let messages: Vec<&str> = findings
        .iter()
        .filter(|f| f["commit"].as_str() == Some(forged.as_str()))
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert_eq!(
        messages,
        [format!(
            "commit {}: calendar/2026.toml was changed by wang.qiang@example.com, who is not an admin",
            &forged[..10]
        )]
    );
}
