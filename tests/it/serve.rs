//! `svc serve`: the real binary on the sample company, spoken to over HTTP as a browser
//! would — the board and its filters, a case, a step taken by a button, the refusals, the
//! token and origin checks, the paths that name nothing, and a clean stop on SIGINT.

use crate::common;
use crate::report::sample_company;
use crate::workflow::{Ws, code};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

/// The sample company's case waiting for the CSC lead's signature on its task sheet.
const PENDING: &str = "SR-20261120-Y9HH6E";
/// Its case whose records wait for the CSC's review.
const IN_REVIEW: &str = "SR-20261109-4KX2T6";
/// An archived case: never on the board unless asked for.
const ARCHIVED: &str = "SR-20261008-SFH5AX";
/// A request just taken, of another customer (sc-telecom, 绵阳).
const REQUESTED: &str = "SR-20261126-98954X";

/// A reply: the status, the headers (names in lower case) and the body.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The text of the board's section of `state`.
    fn column(&self, state: &str) -> &str {
        let start = self
            .body
            .find(&format!("id=\"state-{state}\""))
            .unwrap_or_else(|| panic!("no column {state}:\n{}", self.body));
        let rest = &self.body[start..];
        &rest[..rest.find("</section>").unwrap_or(rest.len())]
    }

    /// How many cards the board shows.
    fn cards(&self) -> usize {
        self.body.matches("class=\"card\"").count()
    }
}

/// `svc serve` running on a workspace.
struct Served {
    child: Child,
    host: String,
}

impl Served {
    /// Start `svc serve --port 0` with `args`, and read the address it prints.
    fn start(ws: &Ws, args: &[&str]) -> Served {
        let mut child = ws
            .command(common::NOW)
            .args(["serve", "--port", "0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start svc serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("the address line");
        let host = line
            .trim()
            .strip_prefix("http://")
            .and_then(|rest| rest.strip_suffix('/'))
            .unwrap_or_else(|| panic!("not an address: {line:?}"))
            .to_string();
        assert!(host.starts_with("127.0.0.1:"), "{host}");
        Served { child, host }
    }

    /// Send a request as it is written (HTTP/1.0: one request, the reply whole, then close).
    fn send(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Reply {
        let mut stream = TcpStream::connect(&self.host).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .expect("a timeout");
        let mut request = format!("{method} {path} HTTP/1.0\r\n");
        if !headers.iter().any(|(n, _)| n.eq_ignore_ascii_case("host")) {
            request.push_str(&format!("Host: {}\r\n", self.host));
        }
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        if !body.is_empty() {
            request.push_str("Content-Type: application/x-www-form-urlencoded\r\n");
        }
        request.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
        stream.write_all(request.as_bytes()).expect("send");
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).expect("the reply");
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("no status in {head:?}"));
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        Reply {
            status,
            headers,
            body: body.to_string(),
        }
    }

    fn get(&self, path: &str) -> Reply {
        self.send("GET", path, &[], "")
    }

    /// The name of the token's cookie: one per port.
    fn cookie_name(&self) -> String {
        let port = self.host.rsplit(':').next().unwrap_or_default();
        format!("svc_token_{port}")
    }

    /// The session's token, as the server sets it in its cookie.
    fn token(&self) -> String {
        let reply = self.get("/");
        let cookie = reply
            .headers
            .iter()
            .filter(|(n, _)| n == "set-cookie")
            .find_map(|(_, v)| v.strip_prefix(&format!("{}=", self.cookie_name())))
            .expect("the token's cookie");
        cookie.split(';').next().unwrap_or_default().to_string()
    }

    /// POST `form` to `path` as this server's own page would: the token in the form and in
    /// the cookie, the Origin this server.
    fn post(&self, path: &str, form: &str) -> Reply {
        let token = self.token();
        let origin = format!("http://{}", self.host);
        let cookie = format!("{}={token}", self.cookie_name());
        let body = format!("token={token}&{form}");
        self.send(
            "POST",
            path,
            &[("Origin", &origin), ("Cookie", &cookie)],
            &body,
        )
    }

    /// Interrupt the server (SIGINT) and wait for it: its exit code.
    fn interrupt(mut self) -> Option<i32> {
        // The shell's own `kill`: every system has a shell, not every one a kill program.
        let sent = std::process::Command::new("sh")
            .args(["-c", &format!("kill -INT {}", self.child.id())])
            .status()
            .expect("kill -INT");
        assert!(sent.success());
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.code();
            }
            assert!(Instant::now() < deadline, "svc serve did not stop");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Text as the pages write it, escaped.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The sample company, with git's identity `person` of it.
fn company_as(person: &str) -> Ws {
    let ws = sample_company();
    act_as(&ws, person);
    ws
}

fn act_as(ws: &Ws, person: &str) {
    ws.git(&["config", "user.email", &format!("{person}@huaxuntong.cn")]);
}

#[test]
fn the_board_shows_the_open_cases_by_state_and_its_filters_and_search_narrow_it() {
    let ws = company_as("li.na");
    let served = Served::start(&ws, &[]);
    let board = served.get("/");
    assert_eq!(board.status, 200, "{}", board.body);
    // In the workspace's language, with the switch to the other one.
    assert!(
        board.body.contains("<html lang=\"zh-CN\">"),
        "{}",
        board.body
    );
    assert!(board.body.contains("?lang=en"));
    assert!(board.column("pending-approval").contains(PENDING));
    assert!(board.column("requested").contains(REQUESTED));
    assert!(
        !board.body.contains(ARCHIVED),
        "archived cases are not open"
    );
    assert_eq!(board.cards(), 12, "the sample's open cases");
    // Any state on request, as `svc list --state`.
    let archived = served.get("/?state=archived");
    assert!(archived.column("archived").contains(ARCHIVED));
    assert!(!archived.body.contains(PENDING));
    // By customer, by assignee, since a date.
    let campus = served.get("/?customer=szu-campus");
    assert!(campus.body.contains(PENDING) && !campus.body.contains(REQUESTED));
    let liu = served.get("/?assignee=liu.yang");
    assert!(liu.body.contains(PENDING) && !liu.body.contains(REQUESTED));
    let recent = served.get("/?since=2026-11-25");
    assert_eq!(recent.cards(), 1, "{}", recent.body);
    assert!(recent.body.contains(REQUESTED));
    // Only the cases that broke a response target (the engineer overdue on site).
    let breached = served.get("/?breached=1");
    assert_eq!(breached.cards(), 1, "{}", breached.body);
    assert!(breached.column("approved").contains("SR-20261119-EX5594"));
    // The search: the case id's tail, a customer's name, a city, a product's serial.
    for (q, found) in [
        ("y9hh6e", PENDING),
        ("%E5%9B%9B%E5%B7%9D", REQUESTED),
        ("%E7%BB%B5%E9%98%B3", REQUESTED),
        ("NT3600-2025-00388", PENDING),
    ] {
        let hits = served.get(&format!("/?q={q}"));
        assert_eq!(hits.status, 200);
        assert!(hits.body.contains(found), "{q}: {}", hits.body);
        assert!(hits.cards() < 12, "{q} narrows the board");
    }
    // A filter naming nobody says so.
    let nobody = served.get("/?assignee=nobody");
    assert_eq!(nobody.status, 400);
    assert!(nobody.body.contains("nobody"));
    // English on request, remembered in a cookie.
    let english = served.get("/?lang=en");
    assert!(english.body.contains("<html lang=\"en\">"));
    assert!(english.body.contains("Pending approval"));
    assert!(
        english
            .headers
            .iter()
            .any(|(n, v)| n == "set-cookie" && v.starts_with("svc_lang=en"))
    );
    let again = served.send("GET", "/", &[("Cookie", "svc_lang=en")], "");
    assert!(again.body.contains("<html lang=\"en\">"));
}

#[test]
fn a_case_page_shows_its_facts_findings_history_and_printable_forms() {
    let ws = company_as("li.na");
    let served = Served::start(&ws, &[]);
    // The approved case whose engineer is overdue on site: a warning with a hint.
    let page = served.get("/case/SR-20261119-EX5594?lang=en");
    assert_eq!(page.status, 200, "{}", page.body);
    for text in [
        "广州番禺 NT-3600 OLT 主控板异常重启",
        "中国电信股份有限公司广州分公司",
        "Approved",
        "task-sheet",
        "hint:",
        "Approvals",
        "History",
    ] {
        assert!(page.body.contains(text), "{text}:\n{}", page.body);
    }
    assert!(page.body.contains("class=\"warning\""));
    // The history is `svc log`'s: the approval is there.
    assert!(page.body.contains("<td>approve</td>"), "{}", page.body);
    // A part of the id leads to the case's one address.
    let short = served.get("/case/EX5594");
    assert_eq!(short.status, 303);
    assert_eq!(short.header("location"), Some("/case/SR-20261119-EX5594"));
    // Its printable task sheet is `svc render`'s HTML.
    let form = served.get("/case/SR-20261119-EX5594/form/task-sheet");
    assert_eq!(form.status, 200);
    let rendered = ws.ok(
        common::NOW,
        &[
            "render",
            "SR-20261119-EX5594",
            "task-sheet",
            "--format",
            "html",
        ],
    );
    assert_eq!(form.body, rendered);
    // The monthly report with its charts, and who is away this week.
    let report = served.get("/report/2026-11");
    assert_eq!(report.status, 200);
    assert!(report.body.contains("<svg"), "the charts");
    assert_eq!(served.get("/report").status, 303);
    let away = served.get("/away");
    assert_eq!(away.status, 200);
    assert!(away.body.contains("SR-20261118-81ZBJF"), "{}", away.body);
    // What awaits the lead.
    let me = served.get("/me");
    assert_eq!(me.status, 200);
    assert!(me.body.contains(IN_REVIEW), "{}", me.body);
}

#[test]
fn a_script_in_a_customers_name_stays_text() {
    let ws = company_as("li.na");
    let file = "customers/szu-campus.toml";
    let text = ws.read(file);
    let name = text
        .lines()
        .find(|l| l.starts_with("name = "))
        .expect("a name")
        .to_string();
    ws.write(
        file,
        &text.replacen(&name, "name = \"<script>alert('x')</script>\"", 1),
    );
    let served = Served::start(&ws, &[]);
    for path in ["/", &format!("/case/{PENDING}"), "/?q=script"] {
        let page = served.get(path);
        assert_eq!(page.status, 200, "{path}");
        assert!(
            !page.body.contains("<script>alert"),
            "{path}:\n{}",
            page.body
        );
        assert!(
            page.body
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
            "{path}:\n{}",
            page.body
        );
    }
}

#[test]
fn the_lead_approves_a_task_sheet_with_the_button_as_the_command_line_would() {
    let ws = company_as("li.na");
    let served = Served::start(&ws, &[]);
    let before = ws.head();
    let reply = served.post(
        &format!("/case/{PENDING}/approve"),
        "note=signed+on+the+web",
    );
    assert_eq!(reply.status, 303, "{}", reply.body);
    let location = reply.header("location").expect("where to");
    assert!(
        location.starts_with(&format!("/case/{PENDING}?done=approve")),
        "{location}"
    );
    assert_ne!(ws.head(), before);
    let message = ws.git(&["log", "-1", "--format=%B"]);
    assert!(message.contains("Svc-Action: approve"), "{message}");
    assert!(message.contains("Svc-Actor: li.na"), "{message}");
    assert!(message.contains("signed on the web"), "{message}");
    let check = ws.svc(common::NOW, &["check"]);
    assert_eq!(code(&check), 0, "{}", crate::common::stderr(&check));
    let page = served.get(&format!("{location}&lang=en"));
    assert!(page.body.contains("approve done"), "{}", page.body);
    let board = served.get("/");
    assert!(board.column("approved").contains(PENDING));
}

#[test]
fn a_person_without_the_role_is_refused_with_the_command_lines_words() {
    let ws = company_as("liu.yang");
    let served = Served::start(&ws, &[]);
    let before = ws.head();
    let reply = served.post(&format!("/case/{IN_REVIEW}/approve"), "note=");
    assert_eq!(reply.status, 409, "{}", reply.body);
    assert_eq!(ws.head(), before, "nothing committed");
    let cli = ws.svc(common::NOW, &["approve", IN_REVIEW]);
    assert_eq!(code(&cli), 1);
    let said = crate::common::stderr(&cli);
    let lines: Vec<&str> = said.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(lines.len() >= 2, "{said}");
    for line in lines {
        let text = line
            .strip_prefix("error: ")
            .or_else(|| line.strip_prefix("hint: "))
            .unwrap_or(line);
        assert!(
            reply.body.contains(&escaped(text)),
            "{text}:\n{}",
            reply.body
        );
    }
}

#[test]
fn a_post_without_the_token_or_from_another_site_is_refused_and_changes_nothing() {
    let ws = company_as("li.na");
    let served = Served::start(&ws, &[]);
    let token = served.token();
    let before = ws.head();
    let path = format!("/case/{PENDING}/approve");
    let origin = format!("http://{}", served.host);
    let cookie = format!("{}={token}", served.cookie_name());
    let form = format!("token={token}&note=x");
    for (headers, body) in [
        // No token at all.
        (vec![("Origin", origin.as_str())], "note=x".to_string()),
        // The token in the form, not in the cookie.
        (vec![("Origin", origin.as_str())], form.clone()),
        // A wrong token.
        (
            vec![("Origin", origin.as_str()), ("Cookie", cookie.as_str())],
            "token=0000&note=x".to_string(),
        ),
        // Another site's page posting with the browser's cookie.
        (
            vec![
                ("Origin", "http://evil.example"),
                ("Cookie", cookie.as_str()),
            ],
            form.clone(),
        ),
        (
            vec![
                ("Referer", "http://evil.example/page"),
                ("Cookie", cookie.as_str()),
            ],
            form.clone(),
        ),
    ] {
        let reply = served.send("POST", &path, &headers, &body);
        assert_eq!(reply.status, 403, "{headers:?} {body}: {}", reply.body);
    }
    // A name that is not this server's (DNS rebinding) reads nothing.
    let rebound = served.send("GET", "/", &[("Host", "evil.example")], "");
    assert_eq!(rebound.status, 403);
    assert_eq!(ws.head(), before);
    let board = served.get("/");
    assert!(board.column("pending-approval").contains(PENDING));
}

#[test]
fn read_only_shows_no_buttons_and_refuses_every_post() {
    let ws = company_as("li.na");
    let served = Served::start(&ws, &["--read-only"]);
    let page = served.get(&format!("/case/{PENDING}"));
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("method=\"post\""), "{}", page.body);
    let before = ws.head();
    let reply = served.post(&format!("/case/{PENDING}/approve"), "note=x");
    assert_eq!(reply.status, 405);
    assert_eq!(ws.head(), before);
}

#[test]
fn the_version_changes_after_a_step_on_the_command_line_and_the_board_shows_it() {
    let ws = company_as("li.na");
    let served = Served::start(&ws, &[]);
    let first = served.get("/version");
    assert_eq!(first.status, 200);
    assert_eq!(
        served.get("/version").body,
        first.body,
        "stable while nothing changes"
    );
    assert!(served.get("/").column("pending-approval").contains(PENDING));
    ws.ok(common::NOW, &["approve", PENDING]);
    let second = served.get("/version");
    assert_ne!(second.body, first.body);
    let board = served.get("/");
    assert!(board.column("approved").contains(PENDING), "{}", board.body);
    assert!(!board.column("pending-approval").contains(PENDING));
    // The board asks for it every few seconds.
    assert!(board.body.contains("/assets/live.js"));
    let script = served.get("/assets/live.js");
    assert!(script.body.contains("/version"));
}

#[test]
fn paths_that_name_nothing_are_404_and_other_methods_405() {
    let ws = company_as("li.na");
    let served = Served::start(&ws, &[]);
    for path in [
        "/case/NOPE",
        "/case/..",
        "/case/%2e%2e/svc.toml",
        "/case/..%2f..%2fsvc.toml",
        "/assets/..%2fsvc.toml",
        "/assets/%2e%2e",
        "/../svc.toml",
        "/svc.toml",
        "/case/SR-20261120-Y9HH6E/form/..%2f..%2fpeople.toml",
        "/case/SR-20261120-Y9HH6E/form/nothing",
        "/report/2026-13",
        "/report/2026-11?rev=no-such-commit",
    ] {
        let reply = served.get(path);
        assert_eq!(reply.status, 404, "{path}: {}", reply.body);
        assert!(!reply.body.contains("huaxuntong.cn"), "{path}");
    }
    let nope = served.get("/case/NOPE?lang=en");
    assert!(nope.body.contains("NOPE"), "{}", nope.body);
    assert_eq!(served.send("PUT", "/", &[], "").status, 405);
    assert_eq!(
        served
            .send("DELETE", &format!("/case/{PENDING}"), &[], "")
            .status,
        405
    );
    // Still serving.
    assert_eq!(served.get("/").status, 200);
}

#[test]
fn the_server_stops_on_sigint_with_exit_0() {
    let ws = company_as("li.na");
    let served = Served::start(&ws, &[]);
    assert_eq!(served.get("/").status, 200);
    assert_eq!(served.interrupt(), Some(0));
}

#[test]
fn a_malformed_form_shows_its_findings_not_a_crash() {
    let ws = company_as("li.na");
    let sheet = format!("cases/2026/11/{PENDING}/task-sheet.toml");
    ws.write(&sheet, "prepared_by = [unclosed\n");
    let served = Served::start(&ws, &[]);
    let page = served.get(&format!("/case/{PENDING}?lang=en"));
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("[schema]"), "{}", page.body);
    assert!(page.body.contains("task-sheet.toml:1:"), "{}", page.body);
    let form = served.get(&format!("/case/{PENDING}/form/task-sheet?lang=en"));
    assert_eq!(form.status, 422, "{}", form.body);
    assert!(form.body.contains("task-sheet.toml"), "{}", form.body);
    // The step it would need is refused with the findings that stand in its way.
    let reply = served.post(&format!("/case/{PENDING}/approve"), "note=x");
    assert_eq!(reply.status, 409, "{}", reply.body);
    assert!(reply.body.contains("task-sheet.toml:1:"), "{}", reply.body);
    assert_eq!(served.get("/").status, 200);
}

#[test]
fn steps_asked_at_once_are_taken_one_at_a_time() {
    let ws = company_as("li.na");
    let served = Served::start(&ws, &[]);
    let before = ws.git(&["rev-list", "--count", "HEAD"]);
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let asked: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| served.post(&format!("/case/{PENDING}/approve"), "note=x")))
            .collect();
        asked
            .into_iter()
            .map(|h| h.join().expect("a request").status)
            .collect()
    });
    assert_eq!(
        statuses.iter().filter(|s| **s == 303).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| *s == 303 || *s == 409),
        "{statuses:?}"
    );
    let after = ws.git(&["rev-list", "--count", "HEAD"]);
    assert_eq!(
        after.trim().parse::<u32>().expect("a count"),
        before.trim().parse::<u32>().expect("a count") + 1
    );
    let check = ws.svc(common::NOW, &["check"]);
    assert_eq!(code(&check), 0, "{}", crate::common::stderr(&check));
}

#[test]
fn an_assignment_by_button_says_whom_it_takes_while_away_elsewhere() {
    let ws = company_as("zhang.wei");
    let served = Served::start(&ws, &[]);
    // wu.gang's trip to Korla is planned 2026-11-24 to 11-27; B6DE82 has no task sheet yet.
    let reply = served.post("/case/SR-20261124-B6DE82/assign", "to=wu.gang&reason=");
    assert_eq!(reply.status, 303, "{}", reply.body);
    let location = reply.header("location").expect("where to");
    let page = served.get(location);
    assert!(
        page.body.contains(&escaped(
            "吴刚 is away then: Trip (planned) of SR-20261118-81ZBJF, 2026-11-24 to 2026-11-27"
        )),
        "{}",
        page.body
    );
    assert!(
        ws.git(&["log", "-1", "--format=%B"])
            .contains("Svc-Action: assign")
    );
}

#[test]
fn an_engineer_on_site_checks_in_by_button_and_a_way_that_is_none_is_refused() {
    let ws = company_as("wu.gang");
    let served = Served::start(&ws, &[]);
    let on_site = "SR-20261118-81ZBJF";
    let page = served.get(&format!("/case/{on_site}"));
    assert!(
        page.body
            .contains(&format!("action=\"/case/{on_site}/checkin\"")),
        "{}",
        page.body
    );
    let before = ws.head();
    let refused = served.post(&format!("/case/{on_site}/checkin"), "via=pigeon");
    assert_eq!(refused.status, 400, "{}", refused.body);
    assert!(refused.body.contains("pigeon"), "{}", refused.body);
    assert_eq!(ws.head(), before);
    let reply = served.post(
        &format!("/case/{on_site}/checkin"),
        "via=phone&note=%E5%88%B0%E8%BE%BE%E5%BA%93%E5%B0%94%E5%8B%92",
    );
    assert_eq!(reply.status, 303, "{}", reply.body);
    let message = ws.git(&["log", "-1", "--format=%B"]);
    assert!(message.contains("Svc-Action: checkin"), "{message}");
    let page = served.get(&format!("/case/{on_site}"));
    assert!(page.body.contains("到达库尔勒"), "{}", page.body);
}
