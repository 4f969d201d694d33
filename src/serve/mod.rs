//! `svc serve`: the centre on one screen, a local web view of the workspace — the board of
//! open cases, each case with its forms, approvals, findings and history, what awaits the
//! person running the server, the monthly report, and who is away this week — and buttons
//! for the steps that need no editor, each taken by [`crate::team::step::take`] exactly as
//! the command line takes it.
//!
//! - [`http`]: the request as the pages read it (path segments, query, form, cookies) and
//!   the reply; no page sees tiny_http.
//! - [`view`]: the page templates (`templates/serve/`, embedded, autoescaped) and their
//!   labels from the message catalogue.
//! - [`pages`]: the pages, read through the workspace's index on every request.
//! - [`act`]: the steps behind the buttons, and the checks every POST passes first.
//!
//! Why a small synchronous server ([tiny_http]) and no async runtime: this is a server for
//! one office on the loopback interface, every request is a short read of files the index
//! already summarises or one step that holds the store's lock anyway, and a fixed pool of
//! worker threads taking requests from one listener serves that with a handful of small
//! crates. tokio with hyper or axum would bring some sixty crates and minutes of build for
//! concurrency this server never needs.
//!
//! Nothing is cached between requests: a step taken on the command line, a `svc sync` or a
//! checkout shows on the next load, and [`pages::version`] changes with them so that an
//! open board reloads itself.
//!
//! [tiny_http]: https://docs.rs/tiny_http

pub mod act;
pub mod http;
pub mod pages;
pub mod view;

use crate::forms::decode::Timestamp;
use crate::history::git::ConfigSources;
use http::{Method, Reply, Req};
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How many requests are served at once.
pub const WORKERS: usize = 8;

/// The largest request body read (a form with a note is a few hundred bytes).
pub const MAX_BODY: usize = 64 * 1024;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// The address listened on (loopback unless asked otherwise).
    pub address: IpAddr,
    /// The port; 0 picks a free one.
    pub port: u16,
    /// No buttons; every POST is refused.
    pub read_only: bool,
    /// Where git's configuration (the identity acting) comes from.
    pub sources: ConfigSources,
    /// A pinned moment (tests); `None`: the clock.
    pub now: Option<Timestamp>,
    /// Whether svc's caches in `.git/svc` may be used.
    pub cached: bool,
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address could not be listened on.
    #[error("cannot listen on {address}: {error}")]
    Bind {
        /// The address.
        address: SocketAddr,
        /// What the system said.
        error: String,
    },
    /// The system gave no random bytes for the session's token.
    #[error("cannot make the session's token: {0}")]
    Token(String),
}

/// What every request is answered from: the workspace, the options and the session.
pub struct Site {
    /// The workspace's root.
    pub root: PathBuf,
    /// How the server runs.
    pub options: Options,
    /// The session's token, which every POST must carry (in its form and its cookie).
    pub token: String,
    /// The address listened on.
    pub addr: SocketAddr,
}

impl Site {
    /// The moment of a request: pinned, else the workspace's stopped clock, else now.
    pub fn now(&self, ws: &crate::workspace::Workspace) -> Timestamp {
        self.options
            .now
            .or_else(|| ws.clock())
            .unwrap_or_else(|| chrono::Utc::now().with_timezone(&ws.offset()))
    }
}

/// A server listening, not yet serving.
pub struct Server {
    http: tiny_http::Server,
    site: Site,
    stop: Arc<AtomicBool>,
}

impl Server {
    /// Listen on the address the options give, for the workspace at `root`.
    pub fn bind(root: &Path, options: Options) -> Result<Server, ServeError> {
        let asked = SocketAddr::new(options.address, options.port);
        let http = tiny_http::Server::http(asked).map_err(|e| ServeError::Bind {
            address: asked,
            error: e.to_string(),
        })?;
        let addr = http.server_addr().to_ip().unwrap_or(asked);
        let token = token().map_err(ServeError::Token)?;
        Ok(Server {
            http,
            site: Site {
                root: root.to_path_buf(),
                options,
                token,
                addr,
            },
            stop: Arc::new(AtomicBool::new(false)),
        })
    }

    /// The address of the board: `http://127.0.0.1:8080/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.site.addr)
    }

    /// The flag that stops the server once set: no request is taken after it, those in
    /// flight are finished.
    pub fn stopper(&self) -> Arc<AtomicBool> {
        self.stop.clone()
    }

    /// Serve until stopped, with [`WORKERS`] threads taking requests.
    pub fn run(self) {
        let Server { http, site, stop } = self;
        std::thread::scope(|scope| {
            for _ in 0..WORKERS {
                scope.spawn(|| {
                    while !stop.load(Ordering::SeqCst) {
                        match http.recv_timeout(Duration::from_millis(200)) {
                            Ok(Some(request)) => serve(&site, request),
                            Ok(None) => {}
                            // A connection that failed is that client's loss only.
                            Err(_) => {}
                        }
                    }
                });
            }
        });
    }
}

/// 32 random bytes from the system, as hex.
fn token() -> Result<String, String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Answer one request; a page that panics is a 500 page, never a stopped server.
fn serve(site: &Site, mut request: tiny_http::Request) {
    let reply = match Req::read(&mut request) {
        Ok(req) => guarded(site, req.asked_lang(), || route(site, &req)),
        Err(status) => pages::error_page(site, None, status),
    };
    // The client may have gone; nothing to do about it.
    let _ = request.respond(reply.into_response());
}

/// What `answer` gives, or the failure page when it panics: the last guard, so that a page
/// that fails never stops the server.
fn guarded(
    site: &Site,
    lang: Option<crate::forms::config::Locale>,
    answer: impl FnOnce() -> Reply,
) -> Reply {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(answer))
        .unwrap_or_else(|_| pages::failure(site, lang))
}

/// The page or step a request asks for.
fn route(site: &Site, req: &Req) -> Reply {
    if !act::host_ok(site, req) {
        return pages::error_page(site, Some(req), 403);
    }
    let Some(segments) = req.segments() else {
        return pages::error_page(site, Some(req), 404);
    };
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    match req.method {
        Method::Get => match segments.as_slice() {
            [] => pages::board(site, req),
            ["case", id] => pages::case(site, req, id, None),
            ["case", id, "form", form] => pages::form(site, req, id, form),
            ["me"] => pages::me(site, req),
            ["away"] => pages::away(site, req),
            ["report"] => pages::this_month(site),
            ["report", month] => pages::report(site, req, month),
            ["version"] => pages::version(site),
            ["assets", name] => pages::asset(site, req, name),
            _ => pages::error_page(site, Some(req), 404),
        },
        Method::Post if site.options.read_only => pages::error_page(site, Some(req), 405),
        Method::Post => match segments.as_slice() {
            ["case", id, action] => act::post(site, req, id, action),
            _ => pages::error_page(site, Some(req), 404),
        },
        Method::Other => pages::error_page(site, Some(req), 405),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_that_panics_is_the_failure_page() {
        let dir = tempfile::tempdir().expect("a folder");
        let site = Site {
            root: dir.path().to_path_buf(),
            options: Options {
                address: IpAddr::from([127, 0, 0, 1]),
                port: 0,
                read_only: false,
                sources: ConfigSources {
                    global: None,
                    no_system: true,
                },
                now: None,
                cached: false,
            },
            token: "t".into(),
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
        };
        let reply = guarded(&site, Some(crate::forms::config::Locale::En), || {
            panic!("a page that fails")
        });
        assert_eq!(reply.status, 500);
        let body = String::from_utf8_lossy(&reply.body);
        assert!(
            body.contains("the page failed; the server goes on"),
            "{body}"
        );
    }
}
