//! The pages' templates (`templates/serve/`, compiled into the binary), rendered by tera
//! with every value escaped as the reports escape theirs, and the labels they show, every
//! one from the message catalogue (`serve.*.ftl`) in the page's language.

use crate::forms::config::Locale;
use std::collections::BTreeMap;
use std::sync::OnceLock;
use tera::{Context, Tera};

/// The page templates: (name, text).
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/serve/base.html")),
    (
        "board.html",
        include_str!("../../templates/serve/board.html"),
    ),
    ("case.html", include_str!("../../templates/serve/case.html")),
    ("me.html", include_str!("../../templates/serve/me.html")),
    ("away.html", include_str!("../../templates/serve/away.html")),
    (
        "error.html",
        include_str!("../../templates/serve/error.html"),
    ),
];

/// The stylesheet, served as `/assets/style.css`.
pub const STYLE: &str = include_str!("../../templates/serve/style.css");

/// The board's script, served as `/assets/live.js`: it asks `/version` every few seconds
/// and reloads the page when the answer changes.
pub const LIVE: &str = include_str!("../../templates/serve/live.js");

/// The labels the templates use, as `l.<name>`: the message `serve-<name>` (dashes for the
/// underscores).
pub const LABELS: &[&str] = &[
    "title",
    "nav_board",
    "nav_me",
    "nav_report",
    "nav_away",
    "language",
    "read_only",
    "filter",
    "state",
    "any",
    "assignee",
    "customer",
    "since",
    "breached",
    "search",
    "search_hint",
    "apply",
    "clear",
    "no_cases",
    "case",
    "case_title",
    "opened",
    "opened_by",
    "assignees",
    "targets",
    "findings",
    "errors",
    "warnings",
    "site",
    "product",
    "warranty_end",
    "fee",
    "resolution",
    "cancel_reason",
    "holds",
    "approvals",
    "approval_kind",
    "approval_by",
    "approval_role",
    "approval_at",
    "approval_note",
    "approval_covers",
    "approval_flights",
    "rejections",
    "checkins",
    "forms",
    "printable",
    "history",
    "history_when",
    "history_action",
    "history_from",
    "history_to",
    "history_who",
    "history_commit",
    "history_none",
    "attachments",
    "none",
    "findings_none",
    "hint",
    "steps",
    "note",
    "reason",
    "fee_arrangement",
    "engineers",
    "via",
    "act_approve",
    "act_reject",
    "act_approve_flight",
    "act_accept",
    "act_assign",
    "act_checkin",
    "act_archive",
    "act_cancel",
    "act_hold",
    "act_resume",
    "refused",
    "done",
    "commit",
    "me_title",
    "me_nothing",
    "me_todo",
    "away_title",
    "away_none",
    "away_when",
    "away_what",
    "away_who",
    "away_where",
    "error_title",
    "back",
    "unknown",
];

/// The labels in `locale`.
pub fn labels(locale: Locale) -> BTreeMap<&'static str, String> {
    LABELS
        .iter()
        .map(|name| (*name, crate::i18n::text_in(locale, &message_id(name), &[])))
        .collect()
}

/// `nav_board` → `serve-nav-board`.
pub fn message_id(label: &str) -> String {
    format!("serve-{}", label.replace('_', "-"))
}

/// The templates, parsed once.
fn tera() -> &'static Result<Tera, String> {
    static TERA: OnceLock<Result<Tera, String>> = OnceLock::new();
    TERA.get_or_init(|| {
        let mut tera = Tera::default();
        tera.autoescape_on([".html"]);
        tera.set_escape_fn(crate::report::templates::escape_markup);
        tera.add_raw_templates(TEMPLATES.iter().copied())
            .map_err(|e| e.to_string())?;
        Ok(tera)
    })
}

/// Render the page `name` with `context`.
pub fn render(name: &str, context: &Context) -> Result<String, String> {
    let tera = tera().as_ref().map_err(Clone::clone)?;
    tera.render(name, context).map_err(|e| {
        let mut text = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(s) = source {
            text.push_str(&format!(": {s}"));
            source = s.source();
        }
        text
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_is_in_the_catalogue() {
        for locale in Locale::ALL {
            for name in LABELS {
                let id = message_id(name);
                assert_ne!(
                    crate::i18n::text_in(locale, &id, &[]),
                    id,
                    "{id} is missing in {locale:?}"
                );
            }
        }
    }

    #[test]
    fn the_templates_parse() {
        assert!(tera().is_ok(), "{:?}", tera().as_ref().err());
    }
}
