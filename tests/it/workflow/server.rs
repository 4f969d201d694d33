//! A real git server on loopback (`git daemon`, pushes enabled) and a team's clones of the
//! company's workspace: the centre's desk, the engineer's laptop, the lead's desk.

use super::{Ws, code};
use crate::common::stderr;
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// `git daemon` serving the bare repositories of one folder on 127.0.0.1.
pub struct Server {
    child: Child,
    base: PathBuf,
    port: u16,
}

/// The `git-daemon` program of the git on the PATH.
fn daemon_program() -> PathBuf {
    let out = Command::new("git")
        .arg("--exec-path")
        .output()
        .expect("run git --exec-path");
    PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()).join("git-daemon")
}

impl Server {
    /// Serve `base` (a folder of bare repositories), reading and pushing.
    pub fn start(base: PathBuf) -> Server {
        for _ in 0..10 {
            // A port the system says is free now; another process may take it before the
            // daemon does, hence the retries.
            let port = TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .expect("a free port")
                .port();
            // git-daemon itself, not `git daemon`: git runs it as a child of its own, which
            // killing `git` would leave serving after the test.
            let mut child = Command::new(daemon_program())
                .args([
                    "--reuseaddr",
                    "--listen=127.0.0.1",
                    &format!("--port={port}"),
                    &format!("--base-path={}", base.display()),
                    "--export-all",
                    "--enable=receive-pack",
                    "--informative-errors",
                ])
                .arg(&base)
                .env("GIT_CONFIG_GLOBAL", "/dev/null")
                .env("GIT_CONFIG_NOSYSTEM", "1")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start git daemon");
            let start = Instant::now();
            while start.elapsed() < Duration::from_secs(10) {
                if let Ok(Some(_)) = child.try_wait() {
                    break;
                }
                if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                    return Server { child, base, port };
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        panic!("git daemon did not start on loopback");
    }

    /// The URL of a repository served (`git://127.0.0.1:PORT/NAME`).
    pub fn url(&self, name: &str) -> String {
        format!("git://127.0.0.1:{}/{name}", self.port)
    }

    /// The bare repository's folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.base.join(name)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The company's workspace on a server, and the three desks that clone it.
pub struct Team {
    /// The server (kept running while the team works).
    pub server: Server,
    /// The CSC's desk: zhao.min (csc, admin).
    pub csc: Ws,
    /// The engineer's laptop: wang.qiang.
    pub engineer: Ws,
    /// The lead's desk: li.na (csc, lead).
    pub lead: Ws,
}

impl Team {
    /// `svc init` on the CSC's desk, pushed to a new repository on the server, cloned by the
    /// engineer and the lead. `setup` may change the CSC's workspace before the first push
    /// (it commits what it changes).
    pub fn start(setup: impl FnOnce(&Ws)) -> Team {
        let csc = Ws::init();
        setup(&csc);
        let base = csc.parent().join("server");
        std::fs::create_dir(&base).expect("the server's folder");
        let bare = base.join("company.git");
        let out = csc
            .git_command()
            .current_dir(&base)
            .args(["init", "-q", "--bare", "-b", "main"])
            .arg(&bare)
            .output()
            .expect("run git init");
        assert_eq!(code(&out), 0, "git init --bare: {}", stderr(&out));
        let server = Server::start(base);
        let url = server.url("company.git");
        csc.git(&["remote", "add", "origin", &url]);
        csc.git(&["push", "-q", "-u", "origin", "HEAD:main"]);
        csc.act_as("zhao.min");
        let engineer = clone(&csc, &url, "engineer", "wang.qiang");
        let lead = clone(&csc, &url, "lead", "li.na");
        Team {
            server,
            csc,
            engineer,
            lead,
        }
    }

    /// The desks, for checks on each.
    pub fn desks(&self) -> [&Ws; 3] {
        [&self.csc, &self.engineer, &self.lead]
    }

    /// `git rev-parse` of a branch in the server's repository.
    pub fn server_head(&self, branch: &str) -> String {
        let out = Command::new("git")
            .arg("-C")
            .arg(self.server.path("company.git"))
            .args(["rev-parse", branch])
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .expect("run git");
        assert!(out.status.success(), "{}", stderr(&out));
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }
}

/// `git clone` of the server's repository into a sibling folder, acting as `person`.
fn clone(from: &Ws, url: &str, dir: &str, person: &str) -> Ws {
    let out = from
        .git_command()
        .current_dir(from.parent())
        .args(["clone", "-q", url, dir])
        .output()
        .expect("run git clone");
    assert_eq!(code(&out), 0, "git clone: {}", stderr(&out));
    let ws = from.sibling(dir);
    ws.act_as(person);
    ws
}
