//! The workflow end to end, through the binary: every step of the procedure as a person
//! takes it (git's `user.email` switched between people, the clock pinned per step with
//! `SVC_NOW`), what svc refuses, what it records in git, how it survives a kill at every
//! point of a transition, how `svc check` catches a history forged with plain git, and
//! the SSH signatures of the steps `svc.toml` asks to be signed.
//!
//! Each test builds its own workspace with `svc init` in a temporary folder, with its own
//! empty `HOME` so that neither git nor libgit2 reads the machine's configuration.

mod crash;
mod edit;
mod end_to_end;
mod forgeries;
mod forgery;
mod index;
mod kill;
mod refusals;
mod repository;
mod review;
mod server;
mod signing;
mod status;
mod sync;
mod verified;

use crate::common::{stderr, stdout};
use std::path::PathBuf;
use std::process::{Command, Output};

/// The clock of the procedure's main line, one moment per step, in order.
pub const T_NEW: &str = "2026-11-02T09:00:00+08:00";
pub const T_ACCEPT: &str = "2026-11-02T09:30:00+08:00";
pub const T_ASSIGN: &str = "2026-11-02T10:00:00+08:00";
pub const T_SUBMIT: &str = "2026-11-02T14:00:00+08:00";
pub const T_APPROVE: &str = "2026-11-03T09:00:00+08:00";
pub const T_FLIGHT: &str = "2026-11-03T10:00:00+08:00";
pub const T_START: &str = "2026-11-04T08:00:00+08:00";
pub const T_CHECKIN: &str = "2026-11-04T20:00:00+08:00";
pub const T_COMPLETE: &str = "2026-11-05T18:00:00+08:00";
pub const T_HAND_IN: &str = "2026-11-09T09:00:00+08:00";
pub const T_REVIEW: &str = "2026-11-09T15:00:00+08:00";
pub const T_ARCHIVE: &str = "2026-11-10T09:00:00+08:00";
/// After everything: for refusals, reads and checks.
pub const T_LATER: &str = "2026-11-12T09:00:00+08:00";

/// The starter's people (`svc init`), with their names as people.toml gives them.
pub const STARTER_PEOPLE: &[(&str, &str)] = &[
    ("zhao.min", "赵敏"),
    ("li.na", "李娜"),
    ("wang.qiang", "王强"),
    ("chen.jie", "陈杰"),
    ("liu.yang", "刘洋"),
];

/// People some tests add (committed by the admin, zhao.min).
pub const MORE_PEOPLE: &str = r#"
[[person]]
id = "sun.li"
name = "孙丽"
email = "sun.li@example.com"
department = "产品销售部"
roles = ["sales", "engineer"]

[[person]]
id = "zhou.wei"
name = "周伟"
email = "zhou.wei@example.com"
department = "市场部客户服务中心"
roles = ["engineer", "lead"]

[[person]]
id = "ma.lin"
name = "马林"
email = "ma.lin@example.com"
department = "市场部客户服务中心"
roles = ["engineer"]
"#;

/// The task sheet the engineer writes by hand: one site, a flight there, the train back.
pub fn task_sheet(prepared_by: &str, engineer: &str) -> String {
    format!(
        r#"# 客户服务任务书 · written by hand
prepared_by = "{prepared_by}"
prepared_on = 2026-11-02
engineers = ["{engineer}"]
customer_situation = "天河机房,OLT 运行一年半"
fault_detail = "电源模块告警,部分 PON 口掉线"
tasks = ["更换电源模块"]
sites = ["gz-main"]
depart_on = 2026-11-04
return_on = 2026-11-06
tools = ["万用表"]

[[legs]]
date = 2026-11-04
from = "深圳"
to = "广州"
mode = "flight"

[[legs]]
date = 2026-11-06
from = "广州"
to = "深圳"
mode = "train"
"#
    )
}

/// The visit record, with the customer's confirmation (the starter requires it, 7.7).
pub fn visit(engineer: &str) -> String {
    format!(
        r#"site = "gz-main"
arrived_at = 2026-11-04T14:00:00+08:00
left_at = 2026-11-05T17:00:00+08:00
engineers = ["{engineer}"]
products = ["NT3600-2025-00001"]
symptoms = "电源模块告警灯亮"
diagnosis = "电源模块故障"
cause = "product-defect"
work_done = "更换电源模块"
resolved = true

[[parts_replaced]]
code = "P-PSU-48V"
qty = 1

[confirmation]
name = "黄工"
title = "机房主管"
date = 2026-11-05
"#
    )
}

/// The travel log (YAML).
pub fn travel_log(engineer: &str) -> String {
    format!(
        r#"travellers: [{engineer}]
legs:
  - {{date: 2026-11-04, from: 深圳, to: 广州, mode: flight, cost: "780.00"}}
  - {{date: 2026-11-06, from: 广州, to: 深圳, mode: train, cost: "95.50"}}
back_home_at: 2026-11-06T11:00:00+08:00
back_at_work_at: 2026-11-06T14:00:00+08:00
days:
  - {{date: 2026-11-04, place: 广州, work: 诊断}}
  - {{date: 2026-11-05, place: 广州, work: 更换电源模块}}
expenses:
  - {{date: 2026-11-05, category: lodging, amount: "380.00", receipt: "F-001"}}
"#
    )
}

/// The summary report.
pub fn summary(engineer: &str) -> String {
    format!(
        r#"prepared_by = "{engineer}"
prepared_on = 2026-11-09
outcome = "resolved"
root_cause = "电源模块故障"
fault_category = "power"
actions = "更换电源模块"
satisfaction = 5
suggestions = ["建议客户备一块电源模块"]
"#
    )
}

/// The exit code (panics on a signal: use [`aborted`] for those).
pub fn code(out: &Output) -> i32 {
    out.status
        .code()
        .unwrap_or_else(|| panic!("killed by a signal: {:?}\n{}", out.status, stderr(out)))
}

/// Whether the process was stopped by SIGABRT (`std::process::abort`).
pub fn aborted(out: &Output) -> bool {
    use std::os::unix::process::ExitStatusExt;
    out.status.signal() == Some(6)
}

/// A case: its id and folder (relative to the root).
#[derive(Debug, Clone)]
pub struct Case {
    pub id: String,
    pub dir: String,
}

impl Case {
    /// A file of the case, relative to the root.
    pub fn file(&self, rel: &str) -> String {
        format!("{}/{rel}", self.dir)
    }
}

/// How far [`Ws::case_at`] takes a case along the main line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    Requested,
    Accepted,
    Assigned,
    /// Assigned, with the task sheet written (uncommitted).
    SheetWritten,
    PendingApproval,
    Approved,
    FlightApproved,
    OnSite,
    Serviced,
    PendingReview,
    Reviewed,
    Archived,
}

/// A workspace made by `svc init` in its own temporary folder; clones of it (a team's
/// desks, see [`server`]) share that folder and its home.
pub struct Ws {
    tmp: std::rc::Rc<tempfile::TempDir>,
    dir: String,
}

impl Ws {
    /// `svc init` in a fresh folder: the starter workspace, committed.
    pub fn init() -> Ws {
        let tmp = tempfile::tempdir().expect("a temporary folder");
        std::fs::create_dir(tmp.path().join("home")).expect("a home folder");
        let ws = Ws {
            tmp: std::rc::Rc::new(tmp),
            dir: "ws".into(),
        };
        let out = ws
            .command(T_NEW)
            .current_dir(ws.tmp.path())
            .args(["init", "ws", "--admin", "赵敏 <zhao.min@example.com>"])
            .output()
            .expect("run svc init");
        assert_eq!(code(&out), 0, "svc init: {}", stderr(&out));
        ws
    }

    /// A fresh workspace with [`MORE_PEOPLE`] added by the admin.
    pub fn with_staff() -> Ws {
        let ws = Ws::init();
        ws.add_people(MORE_PEOPLE);
        ws
    }

    /// A folder with a home but no workspace yet (the workspace goes to [`Ws::root`]).
    pub fn bare() -> Ws {
        let tmp = tempfile::tempdir().expect("a temporary folder");
        std::fs::create_dir(tmp.path().join("home")).expect("a home folder");
        std::fs::create_dir(tmp.path().join("ws")).expect("a workspace folder");
        Ws {
            tmp: std::rc::Rc::new(tmp),
            dir: "ws".into(),
        }
    }

    /// Another folder `dir` beside this workspace, sharing its home (for clones).
    pub fn sibling(&self, dir: &str) -> Ws {
        Ws {
            tmp: self.tmp.clone(),
            dir: dir.into(),
        }
    }

    /// The shared temporary folder (the parent of every clone).
    pub fn parent(&self) -> PathBuf {
        self.tmp.path().to_path_buf()
    }

    /// The workspace root.
    pub fn root(&self) -> PathBuf {
        self.tmp.path().join(&self.dir)
    }

    /// The home folder svc and git run with.
    pub fn home(&self) -> PathBuf {
        self.tmp.path().join("home")
    }

    /// svc with a hermetic environment and the clock at `now`.
    pub fn command(&self, now: &str) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_svc"));
        c.current_dir(self.root())
            .env("HOME", self.tmp.path().join("home"))
            .env("XDG_CONFIG_HOME", self.tmp.path().join("home/.config"))
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CEILING_DIRECTORIES", self.tmp.path())
            .env("SVC_NOW", now)
            .env("NO_COLOR", "1")
            // Messages in English (the tests of the Chinese ones ask for them).
            .env("LANG", "en_US.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("SSH_AUTH_SOCK")
            .env_remove("SVC_FAULT")
            .env_remove("EDITOR")
            .env_remove("VISUAL");
        c
    }

    /// Run svc at `now`.
    pub fn svc(&self, now: &str, args: &[&str]) -> Output {
        self.command(now).args(args).output().expect("run svc")
    }

    /// Run svc at `now`, told to abort at `fault`. It runs from outside the workspace
    /// (`-C`), so that a core dump, where the system writes one, lands elsewhere.
    pub fn svc_fault(&self, now: &str, fault: &str, args: &[&str]) -> Output {
        self.command(now)
            .current_dir(self.tmp.path())
            .env("SVC_FAULT", fault)
            .arg("-C")
            .arg(self.root())
            .args(args)
            .output()
            .expect("run svc")
    }

    /// Run svc at `now`; it must succeed. Returns stdout.
    pub fn ok(&self, now: &str, args: &[&str]) -> String {
        let out = self.svc(now, args);
        assert_eq!(
            code(&out),
            0,
            "svc {args:?} failed:\n{}{}",
            stdout(&out),
            stderr(&out)
        );
        stdout(&out)
    }

    /// git with a hermetic environment.
    pub fn git_command(&self) -> Command {
        let mut c = Command::new("git");
        c.current_dir(self.root())
            .env("HOME", self.tmp.path().join("home"))
            .env("XDG_CONFIG_HOME", self.tmp.path().join("home/.config"))
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CEILING_DIRECTORIES", self.tmp.path())
            .env_remove("SSH_AUTH_SOCK")
            .env_remove("GIT_AUTHOR_NAME")
            .env_remove("GIT_AUTHOR_EMAIL")
            .env_remove("GIT_COMMITTER_NAME")
            .env_remove("GIT_COMMITTER_EMAIL")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE");
        c
    }

    /// Run git; it must succeed. Returns stdout.
    pub fn git(&self, args: &[&str]) -> String {
        let out = self.git_command().args(args).output().expect("run git");
        assert!(
            out.status.success(),
            "git {args:?}: {}{}",
            stdout(&out),
            stderr(&out)
        );
        stdout(&out)
    }

    /// Commit with plain git as `person` (name and e-mail given on the command line, as a
    /// forger would), the index as it is.
    pub fn git_commit_as(&self, person: &str, message: &str) -> String {
        self.git_commit_dated(person, message, None)
    }

    /// Commit with plain git as `person`, dated `at` (author and committer), the index as
    /// it is: a forger who also sets the clock.
    pub fn git_commit_at(&self, person: &str, message: &str, at: &str) -> String {
        self.git_commit_dated(person, message, Some(at))
    }

    fn git_commit_dated(&self, person: &str, message: &str, at: Option<&str>) -> String {
        let name = self.name_of(person);
        let mut command = self.git_command();
        if let Some(at) = at {
            command
                .env("GIT_AUTHOR_DATE", at)
                .env("GIT_COMMITTER_DATE", at);
        }
        let out = command
            .args([
                "-c",
                &format!("user.name={name}"),
                "-c",
                &format!("user.email={person}@example.com"),
                "commit",
                "-q",
                "-m",
                message,
            ])
            .output()
            .expect("run git");
        assert!(out.status.success(), "git commit: {}", stderr(&out));
        self.head()
    }

    /// The name people.toml gives a person.
    pub fn name_of(&self, person: &str) -> String {
        let people = self.read("people.toml");
        let at = people
            .find(&format!("id = \"{person}\""))
            .unwrap_or_else(|| panic!("{person} is not in people.toml"));
        let rest = &people[at..];
        let line = rest
            .lines()
            .find(|l| l.starts_with("name = "))
            .expect("a name");
        line.trim_start_matches("name = ")
            .trim_matches('"')
            .to_string()
    }

    /// Append people to people.toml and commit it as the admin, with plain git.
    pub fn add_people(&self, block: &str) {
        let people = self.read("people.toml");
        self.write("people.toml", &format!("{people}{block}"));
        self.git(&["add", "people.toml"]);
        self.git_commit_as("zhao.min", "Add people");
    }

    /// Act as `person` from now on: git's user.email in the repository's config.
    pub fn act_as(&self, person: &str) {
        self.git(&["config", "user.email", &format!("{person}@example.com")]);
    }

    /// The commit HEAD names.
    pub fn head(&self) -> String {
        self.git(&["rev-parse", "HEAD"]).trim().to_string()
    }

    /// `git status --porcelain` (untracked files listed one by one).
    pub fn porcelain(&self) -> String {
        self.git(&["status", "--porcelain", "--untracked-files=all"])
    }

    /// Whether a file exists.
    pub fn exists(&self, rel: &str) -> bool {
        self.root().join(rel).exists()
    }

    /// Write a file (creating folders).
    pub fn write(&self, rel: &str, text: &str) {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("create folders");
        std::fs::write(path, text).expect("write a file");
    }

    /// Read a file.
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root().join(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    /// Replace `from` by `to` in a file; the text must be there.
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        self.write(rel, &text.replacen(from, to, 1));
    }

    /// A file as committed at `rev`.
    pub fn show(&self, rev: &str, rel: &str) -> String {
        self.git(&["show", &format!("{rev}:{rel}")])
    }

    /// The `state` written in a case's case.toml on disk.
    pub fn state(&self, case: &Case) -> String {
        let text = self.read(&case.file("case.toml"));
        let line = text
            .lines()
            .find(|l| l.starts_with("state = "))
            .expect("a state line");
        line.trim_start_matches("state = ")
            .trim_matches('"')
            .to_string()
    }

    /// Open a case as zhao.min (csc) at [`T_NEW`]; `svc new` prints the id alone.
    pub fn new_case(&self) -> Case {
        self.new_case_at(T_NEW, "OLT 电源告警")
    }

    /// Open a case as zhao.min at `now`.
    pub fn new_case_at(&self, now: &str, fault: &str) -> Case {
        self.new_case_by("zhao.min", now, fault)
    }

    /// Open a case as `person` at `now`.
    pub fn new_case_by(&self, person: &str, now: &str, fault: &str) -> Case {
        self.act_as(person);
        let run = self.try_new_case(now, fault);
        assert_eq!(code(&run), 0, "svc new: {}", stderr(&run));
        let out = stdout(&run);
        let id = out.trim().to_string();
        assert_eq!(out, format!("{id}\n"), "svc new prints the id alone");
        // SR-YYYYMMDD-XXXXXX, filed under its month.
        let date = &id[3..11];
        let dir = format!("cases/{}/{}/{id}", &date[..4], &date[4..6]);
        assert!(self.exists(&format!("{dir}/case.toml")), "{dir}/case.toml");
        Case { id, dir }
    }

    /// `svc new` for the starter's customer, as whoever acts now, at `now`: what it gave.
    pub fn try_new_case(&self, now: &str, fault: &str) -> Output {
        self.svc(
            now,
            &[
                "new",
                "--customer",
                "example-customer",
                "--site",
                "gz-main",
                "--product",
                "NT3600-2025-00001",
                "--fault",
                fault,
            ],
        )
    }

    /// A new case taken along the main line up to `stage`, assigned to `engineer` by
    /// zhao.min, the task sheet prepared by the engineer.
    pub fn case_at(&self, stage: Stage, engineer: &str) -> Case {
        let case = self.new_case();
        self.advance(&case, Stage::Requested, stage, engineer);
        case
    }

    /// Take a case from stage `from` to stage `to` along the main line.
    pub fn advance(&self, case: &Case, from: Stage, to: Stage, engineer: &str) {
        let id = case.id.as_str();
        let steps = [
            Stage::Accepted,
            Stage::Assigned,
            Stage::SheetWritten,
            Stage::PendingApproval,
            Stage::Approved,
            Stage::FlightApproved,
            Stage::OnSite,
            Stage::Serviced,
            Stage::PendingReview,
            Stage::Reviewed,
            Stage::Archived,
        ];
        for stage in steps.into_iter().filter(|s| *s > from && *s <= to) {
            match stage {
                Stage::Requested => {}
                Stage::Accepted => {
                    self.act_as("zhao.min");
                    self.ok(T_ACCEPT, &["accept", id, "--fee", "warranty"]);
                }
                Stage::Assigned => {
                    self.act_as("zhao.min");
                    self.ok(T_ASSIGN, &["assign", id, "--to", engineer]);
                }
                Stage::SheetWritten => {
                    self.write(
                        &case.file("task-sheet.toml"),
                        &task_sheet(engineer, engineer),
                    );
                }
                Stage::PendingApproval => {
                    self.act_as(engineer);
                    self.ok(T_SUBMIT, &["submit", id]);
                }
                Stage::Approved => {
                    self.act_as("li.na");
                    self.ok(T_APPROVE, &["approve", id]);
                }
                Stage::FlightApproved => {
                    self.act_as("liu.yang");
                    self.ok(T_FLIGHT, &["approve", id, "--flight"]);
                }
                Stage::OnSite => {
                    self.act_as(engineer);
                    self.ok(T_START, &["start", id]);
                }
                Stage::Serviced => {
                    self.write(&case.file("visits/01-gz-main.toml"), &visit(engineer));
                    self.act_as(engineer);
                    self.ok(T_COMPLETE, &["complete", id]);
                }
                Stage::PendingReview => {
                    self.write(&case.file("travel-log.yaml"), &travel_log(engineer));
                    self.write(&case.file("summary.toml"), &summary(engineer));
                    self.act_as(engineer);
                    self.ok(T_HAND_IN, &["submit", id]);
                }
                Stage::Reviewed => {
                    self.act_as("zhao.min");
                    self.ok(T_REVIEW, &["approve", id]);
                }
                Stage::Archived => {
                    self.act_as("zhao.min");
                    self.ok(T_ARCHIVE, &["archive", id]);
                }
            }
        }
    }

    /// `svc check --json` at [`T_LATER`]: exit code and the findings.
    pub fn check_json(&self, extra: &[&str]) -> (i32, Vec<serde_json::Value>) {
        let mut args = vec!["--json", "check"];
        args.extend_from_slice(extra);
        let out = self.svc(T_LATER, &args);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("svc check --json: {e}\n{}", stdout(&out)));
        let findings = json["findings"].as_array().cloned().unwrap_or_default();
        (code(&out), findings)
    }
}

/// What a refused step must leave: no commit, case.toml and the work tree as they were,
/// no journal. Returns stderr.
pub fn refused(ws: &Ws, case: &Case, now: &str, args: &[&str]) -> String {
    refused_with(ws, case, now, args, 1)
}

/// [`refused`] with another exit code (3: the environment).
pub fn refused_with(ws: &Ws, case: &Case, now: &str, args: &[&str], exit: i32) -> String {
    let head = ws.head();
    let case_toml = ws.read(&case.file("case.toml"));
    let status = ws.porcelain();
    let holder = ws.exists(".git/svc/lock-holder");
    let out = ws.svc(now, args);
    let err = stderr(&out);
    assert_eq!(
        code(&out),
        exit,
        "svc {args:?} should be refused (exit {exit}):\n{}{err}",
        stdout(&out)
    );
    assert_eq!(stdout(&out), "", "a refusal prints nothing on stdout");
    assert!(err.contains("error: "), "no error line: {err}");
    assert!(err.contains("hint: "), "no hint: {err}");
    assert_eq!(ws.head(), head, "svc {args:?} made a commit");
    assert_eq!(
        ws.read(&case.file("case.toml")),
        case_toml,
        "svc {args:?} changed case.toml"
    );
    assert_eq!(ws.porcelain(), status, "svc {args:?} changed the work tree");
    assert!(!ws.exists(".git/svc/transaction"), "a journal was left");
    assert_eq!(
        ws.exists(".git/svc/lock-holder"),
        holder,
        "the lock's holder note"
    );
    err
}

/// A TOML date-time value as written (RFC 3339).
pub fn when(value: &toml::Value) -> String {
    value
        .as_datetime()
        .unwrap_or_else(|| panic!("{value:?} is not a date-time"))
        .to_string()
}

/// The `error:` line of stderr.
pub fn error_line(err: &str) -> &str {
    err.lines()
        .find(|l| l.starts_with("error: "))
        .unwrap_or_else(|| panic!("no error line in {err}"))
}

/// The `hint:` lines of stderr.
pub fn hint_lines(err: &str) -> Vec<&str> {
    err.lines().filter(|l| l.starts_with("hint: ")).collect()
}
