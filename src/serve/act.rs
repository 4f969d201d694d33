//! The steps behind the case page's buttons, and what every POST must pass first: the
//! session's token in both its form and its cookie (a page of another site can make a
//! browser send the cookie, never read the token to put in the form), and an Origin or
//! Referer, where the browser sends one, naming this server. A step is then taken by
//! [`crate::team::step::take`] as the command line takes it, as the server's git identity;
//! a refusal is shown with the message and hints the command line prints.

use super::Site;
use super::http::{self, Reply, Req};
use super::pages::{self, Refusal};
use crate::forms::Action;
use crate::forms::finding::Finding;
use crate::history::actions::{ActionError, Step};
use crate::history::store::StoreError;
use crate::team::refusal;
use crate::team::step::{self, Desk, StepError};
use std::cell::RefCell;

/// The fields the button of `action` asks for; none: there is no button for it.
pub fn fields(action: Action) -> &'static [&'static str] {
    match action {
        Action::Approve | Action::ApproveFlight | Action::Archive | Action::Resume => &["note"],
        Action::Reject | Action::Cancel | Action::Hold => &["reason"],
        Action::Accept => &["fee", "note"],
        Action::Assign => &["to", "reason"],
        Action::Checkin => &["via", "note"],
        _ => &[],
    }
}

/// Whether the request is addressed to this server by a name that is its own: on the
/// loopback interface only `127.0.0.1`, `localhost` or `[::1]` with its port (a page
/// whose name a hostile DNS turned into 127.0.0.1 is not served).
pub fn host_ok(site: &Site, req: &Req) -> bool {
    let Some(host) = req.header("host") else {
        return false;
    };
    if !site.addr.ip().is_loopback() {
        return true;
    }
    let port = site.addr.port();
    [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
    ]
    .iter()
    .any(|h| h.eq_ignore_ascii_case(host))
}

/// Whether the Origin and Referer, those the browser sent, name the host asked for.
fn same_origin(req: &Req) -> bool {
    let Some(host) = req.header("host") else {
        return false;
    };
    ["origin", "referer"].iter().all(|name| {
        req.header(name).is_none_or(|value| {
            value
                .strip_prefix("http://")
                .map(|rest| rest.split(['/', '?', '#']).next().unwrap_or_default())
                .is_some_and(|authority| authority.eq_ignore_ascii_case(host))
        })
    })
}

/// Whether the form carries the session's token and the cookie holds it too.
fn token_ok(site: &Site, req: &Req, form: &[(String, String)]) -> bool {
    let sent = http::first(form, "token").unwrap_or_default();
    let cookie = req
        .cookie(&http::token_cookie(site.addr.port()))
        .unwrap_or_default();
    same(sent, &site.token) && same(cookie, &site.token)
}

/// Equal texts, compared in time that does not depend on where they differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Take the step `action` on the case `id` as the form asks.
pub fn post(site: &Site, req: &Req, id: &str, action: &str) -> Reply {
    let form = req.form();
    if !same_origin(req) || !token_ok(site, req, &form) {
        return pages::error_page(site, Some(req), 403);
    }
    let Some(action) = Action::ALL
        .into_iter()
        .find(|a| a.name() == action && !fields(*a).is_empty())
    else {
        return pages::error_page(site, Some(req), 404);
    };
    if !pages::plain_id(id) {
        return pages::error_page(site, Some(req), 404);
    }
    let text = |name: &str| http::first(&form, name).map(|v| v.trim().to_string());
    let via = match text("via").map(|v| v.parse()) {
        Some(Ok(via)) => Some(via),
        Some(Err(e)) => {
            let refusal = Refusal {
                status: 400,
                message: e,
                hints: Vec::new(),
                findings: Vec::new(),
            };
            return pages::case(site, req, id, Some(refusal));
        }
        None => None,
    };
    let assignees = form
        .iter()
        .filter(|(n, _)| n == "to")
        .flat_map(|(_, v)| v.split([',', ' ', '\t', '\n']))
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(String::from)
        .collect();
    let step = Step {
        note: text("note").or_else(|| text("reason")),
        fee: text("fee"),
        assignees,
        via,
    };
    let notices = RefCell::new(Vec::new());
    let notify = |n: step::Notice| notices.borrow_mut().push(n.to_string());
    let desk = Desk {
        root: &site.root,
        sources: &site.options.sources,
        now: site.options.now,
        fault: &|_| {},
        notify: &notify,
    };
    match step::take(&desk, action, id, &step) {
        Ok(taken) => {
            let o = &taken.outcome;
            let commit = o.commit.to_string();
            // What the step says beside being done (a push that failed, an engineer away
            // elsewhere) goes along to the page it leads to.
            let said: String = notices
                .borrow()
                .iter()
                .chain(&o.notices)
                .map(|n| format!("&notice={}", http::encode(n)))
                .collect();
            Reply::see_other(&format!(
                "/case/{}?done={}&commit={}{said}",
                http::encode(&o.case),
                action.name(),
                commit.get(..10).unwrap_or(&commit)
            ))
        }
        Err(StepError::Lookup(e)) => {
            let hints = vec![refusal::lookup_hint(&e)];
            pages::problem(site, Some(req), 404, &e.to_string(), &hints)
        }
        Err(e) => {
            let refusal = Refusal {
                status: if refusal::step_is_environment(&e) {
                    500
                } else {
                    409
                },
                message: e.to_string(),
                hints: refusal::step_hints(&e),
                findings: findings_of(&e),
            };
            pages::case(site, req, id, Some(refusal))
        }
    }
}

/// The findings that stood in the way of a step.
fn findings_of(e: &StepError) -> Vec<Finding> {
    match e {
        StepError::Action(ActionError::Unreadable(_, findings))
        | StepError::Action(ActionError::Rules { findings, .. })
        | StepError::Action(ActionError::Store(StoreError::Refused(findings))) => findings.clone(),
        StepError::OnBranch { source, .. } => findings_of(source),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(headers: &[(&str, &str)]) -> Req {
        Req {
            method: http::Method::Post,
            path: "/case/x/approve".into(),
            query: Vec::new(),
            headers: headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            body: Vec::new(),
        }
    }

    #[test]
    fn a_post_from_another_site_is_not_the_same_origin() {
        let host = ("host", "127.0.0.1:8080");
        assert!(same_origin(&req(&[host])));
        assert!(same_origin(&req(&[
            host,
            ("origin", "http://127.0.0.1:8080")
        ])));
        assert!(same_origin(&req(&[
            host,
            ("referer", "http://127.0.0.1:8080/case/x?lang=en")
        ])));
        assert!(!same_origin(&req(&[
            host,
            ("origin", "http://evil.example")
        ])));
        assert!(!same_origin(&req(&[host, ("origin", "null")])));
        assert!(!same_origin(&req(&[
            host,
            ("referer", "http://127.0.0.1:8080.evil.example/")
        ])));
        assert!(!same_origin(&req(&[("origin", "http://127.0.0.1:8080")])));
    }

    #[test]
    fn tokens_compare_whole() {
        assert!(same("abc", "abc"));
        assert!(!same("abc", "abd"));
        assert!(!same("abc", "ab"));
        assert!(!same("", "a"));
    }

    #[test]
    fn every_button_has_its_label() {
        for action in Action::ALL {
            if fields(action).is_empty() {
                continue;
            }
            let id =
                super::super::view::message_id(&format!("act_{}", action.name().replace('-', "_")));
            for locale in crate::forms::config::Locale::ALL {
                assert_ne!(crate::i18n::text_in(locale, &id, &[]), id);
            }
        }
    }
}
