//! The procedure as recorded in git: the trailers of svc's commits read back as git reads
//! them, and a case's steps from them (`svc log`).

use crate::forms::Action;
use crate::forms::State;
use crate::forms::decode::Timestamp;
use crate::history::store::{StoreError, git};
use chrono::TimeZone;
use git2::{Commit, Repository};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The trailers of one of svc's commits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trailers {
    /// `Svc-Case`.
    pub case: String,
    /// `Svc-Action`.
    pub action: Action,
    /// `Svc-From` (`None` for a new case).
    pub from: Option<State>,
    /// `Svc-To`.
    pub to: State,
    /// `Svc-Actor`.
    pub actor: String,
}

/// The trailer block of a commit message as git reads it: the last paragraph, when every
/// line of it is `Key: value` (a line starting with white space continues the one before);
/// never the subject. `None` when the message has none.
pub fn trailer_block(message: &str) -> Option<Vec<(&str, String)>> {
    let lines: Vec<&str> = message.lines().collect();
    let end = lines.iter().rposition(|l| !l.trim().is_empty())? + 1;
    let start = lines[..end].iter().rposition(|l| l.trim().is_empty())? + 1;
    let mut block: Vec<(&str, String)> = Vec::new();
    for line in &lines[start..end] {
        if line.starts_with([' ', '\t']) {
            let (_, value) = block.last_mut()?;
            value.push(' ');
            value.push_str(line.trim());
            continue;
        }
        let (key, value) = line.split_once(':')?;
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return None;
        }
        block.push((key, value.trim().to_string()));
    }
    Some(block)
}

/// Read the trailers of a commit message, if it is one of svc's: each `Svc-*` trailer once,
/// in the message's trailer block ([`trailer_block`]).
pub fn trailers(message: &str) -> Option<Trailers> {
    let block = trailer_block(message)?;
    let field = |key: &str| {
        let mut values = block
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.as_str());
        let value = values.next()?;
        values.next().is_none().then_some(value)
    };
    let state = |text: &str| {
        if text == "none" {
            Some(None)
        } else {
            State::parse(text).map(Some)
        }
    };
    Some(Trailers {
        case: field("Svc-Case")?.to_string(),
        action: Action::from_name(field("Svc-Action")?)?,
        from: state(field("Svc-From")?)?,
        to: State::parse(field("Svc-To")?)?,
        actor: field("Svc-Actor")?.to_string(),
    })
}

/// The note of a step: the message's body without the subject and the trailer block.
pub fn note(message: &str) -> String {
    let lines: Vec<&str> = message.lines().collect();
    let blank = |l: &&str| l.trim().is_empty();
    let start = lines.iter().position(blank).map_or(lines.len(), |i| i + 1);
    let mut end = lines.iter().rposition(|l| !blank(l)).map_or(0, |i| i + 1);
    if trailer_block(message).is_some() {
        end = lines[..end].iter().rposition(blank).unwrap_or(0);
    }
    if end <= start {
        return String::new();
    }
    lines[start..end].join("\n").trim().to_string()
}

/// One step of a case's history.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// The commit id.
    pub commit: String,
    /// When (the author's time).
    pub when: Timestamp,
    /// Who (person id, from the trailers).
    pub actor: String,
    /// The author's name.
    pub author: String,
    /// The action.
    pub action: String,
    /// The state before (`none` for a new case).
    pub from: String,
    /// The state after.
    pub to: String,
    /// The note.
    pub note: String,
}

/// When a step was taken: the author's time, in the author's offset.
pub fn when(commit: &Commit) -> Timestamp {
    let t = commit.author().when();
    let offset = chrono::FixedOffset::east_opt(t.offset_minutes() * 60)
        .unwrap_or_else(crate::workspace::default_offset);
    offset
        .timestamp_opt(t.seconds(), 0)
        .single()
        .unwrap_or_else(|| {
            offset
                .timestamp_opt(0, 0)
                .single()
                .expect("the epoch exists")
        })
}

/// The steps of one case, oldest first, from its latest opening on: its commits found
/// through the map of case ids to commits when `cached` ([`crate::history::steps`]), by
/// reading every commit message back from HEAD otherwise.
pub fn case_log(repo: &Repository, case: &str, cached: bool) -> Result<Vec<Entry>, StoreError> {
    let commits = crate::history::steps::commits_of(repo, case, cached)?;
    let mut entries = Vec::with_capacity(commits.len());
    for id in commits {
        let commit = repo.find_commit(id).map_err(git("reading a commit"))?;
        let message = commit.message().unwrap_or_default();
        let Some(t) = trailers(message).filter(|t| t.case == case) else {
            continue;
        };
        if t.action == Action::New {
            entries.clear();
        }
        entries.push(Entry {
            commit: id.to_string(),
            when: when(&commit),
            actor: t.actor.clone(),
            author: commit.author().name().unwrap_or_default().to_string(),
            action: t.action.name().to_string(),
            from: t.from.map_or("none", State::as_str).to_string(),
            to: t.to.as_str().to_string(),
            note: note(message),
        });
    }
    Ok(entries)
}

/// Whether a path is one of the company's shared files: people (in any syntax), the
/// settings, the catalog, the working calendar and the workspace's templates.
pub fn is_shared(path: &Path) -> bool {
    ["people.toml", "people.yaml", "people.yml", "svc.toml"]
        .iter()
        .any(|p| path == Path::new(p))
        || path.starts_with("catalog")
        || path.starts_with(crate::forms::calendar::CALENDAR_DIR)
        || path.starts_with(crate::forms::plan::PLANS_DIR)
        || path.starts_with("templates")
}

/// The case folder a path is in (`cases/<yyyy>/<mm>/<id>`).
pub fn case_dir(path: &Path) -> Option<PathBuf> {
    let parts: Vec<_> = path.components().collect();
    if parts.len() < 5 || parts[0].as_os_str() != crate::workspace::case::CASES_DIR {
        return None;
    }
    Some(parts[..4].iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailers_read_back_what_svc_writes() {
        let message = crate::history::actions::commit_message(
            crate::forms::config::Locale::En,
            Action::Approve,
            "SR-20261127-K7F3Q2",
            Some(State::PendingApproval),
            State::Approved,
            None,
            "li.na",
        );
        let t = trailers(&message).unwrap();
        assert_eq!(t.case, "SR-20261127-K7F3Q2");
        assert_eq!(t.action, Action::Approve);
        assert_eq!(
            (t.from, t.to),
            (Some(State::PendingApproval), State::Approved)
        );
        assert_eq!(t.actor, "li.na");
        assert_eq!(note(&message), "Task sheet signed.");
        assert!(trailers("an ordinary commit\n\nno trailers here\n").is_none());
    }

    #[test]
    fn paths_belong_to_their_case_folder() {
        assert_eq!(
            case_dir(Path::new("cases/2026/11/SR-1/visits/01-a.toml")),
            Some(PathBuf::from("cases/2026/11/SR-1"))
        );
        assert_eq!(case_dir(Path::new("cases/README.md")), None);
        assert!(is_shared(Path::new("catalog/parts.toml")));
        assert!(is_shared(Path::new("calendar/2026.toml")));
        assert!(!is_shared(Path::new("customers/a.toml")));
    }
}
