//! The procedure as recorded in git: reading the trailers of svc's commits back
//! (`svc log`), and replaying the history to prove every step was legal (`svc check`).

use crate::forms::Action;
use crate::forms::State;
use crate::forms::config::{People, Role};
use crate::forms::decode::{Timestamp, decode_root};
use crate::forms::finding::{Finding, Location};
use crate::forms::node::{Kind, Node, parse_toml};
use crate::history::signing::{self, Problem};
use crate::history::store::{Store, StoreError, blob_at, git};
use crate::history::workflow::{self, Via};
use chrono::TimeZone;
use git2::{Commit, Oid, Repository, Sort, Tree};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
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

/// Read the trailers of a commit message, if it is one of svc's.
pub fn trailers(message: &str) -> Option<Trailers> {
    let field = |key: &str| {
        message
            .lines()
            .rev()
            .find_map(|l| l.strip_prefix(key))
            .map(str::trim)
    };
    let state = |text: &str| {
        if text == "none" {
            Some(None)
        } else {
            State::parse(text).map(Some)
        }
    };
    Some(Trailers {
        case: field("Svc-Case:")?.to_string(),
        action: Action::from_name(field("Svc-Action:")?)?,
        from: state(field("Svc-From:")?)?,
        to: State::parse(field("Svc-To:")?)?,
        actor: field("Svc-Actor:")?.to_string(),
    })
}

/// The note of a step: the message's body without the subject and the trailers.
pub fn note(message: &str) -> String {
    let mut paragraphs: Vec<&str> = message.split("\n\n").skip(1).collect();
    if paragraphs
        .last()
        .is_some_and(|p| p.trim_start().starts_with("Svc-"))
    {
        paragraphs.pop();
    }
    paragraphs.join("\n\n").trim().to_string()
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

/// The steps of one case, oldest first. Walks back from HEAD until the case's opening.
pub fn case_log(repo: &Repository, case: &str) -> Result<Vec<Entry>, StoreError> {
    let mut walk = repo.revwalk().map_err(git("walking the history"))?;
    if walk.push_head().is_err() {
        return Ok(Vec::new());
    }
    walk.set_sorting(Sort::TOPOLOGICAL | Sort::TIME)
        .map_err(git("walking the history"))?;
    let needle = format!("Svc-Case: {case}");
    let mut entries = Vec::new();
    for oid in walk {
        let commit = repo
            .find_commit(oid.map_err(git("walking the history"))?)
            .map_err(git("reading a commit"))?;
        let message = commit.message().unwrap_or_default();
        if !message.contains(&needle) {
            continue;
        }
        let Some(t) = trailers(message) else { continue };
        entries.push(Entry {
            commit: commit.id().to_string(),
            when: when(&commit),
            actor: t.actor.clone(),
            author: commit.author().name().unwrap_or_default().to_string(),
            action: t.action.name().to_string(),
            from: t.from.map_or("none", State::as_str).to_string(),
            to: t.to.as_str().to_string(),
            note: note(message),
        });
        if t.action == Action::New {
            break;
        }
    }
    entries.reverse();
    Ok(entries)
}

/// What `svc check` needs to know of `case.toml` at one commit.
#[derive(Debug, Default, Clone, PartialEq)]
struct CaseFacts {
    state: Option<State>,
    via: Option<Via>,
    assignees: Vec<String>,
    /// (kind, by, role) of every approval.
    approvals: Vec<(String, String, String)>,
    checkins: Vec<String>,
    rejections: usize,
}

fn facts(text: &[u8]) -> Option<CaseFacts> {
    let node = parse_toml(std::str::from_utf8(text).ok()?).ok()?;
    let s = |n: Option<&Node>| n.and_then(Node::as_str).map(str::to_string);
    let list = |key: &str| match node.get(key).map(|n| &n.kind) {
        Some(Kind::Seq(items)) => items.clone(),
        _ => Vec::new(),
    };
    Some(CaseFacts {
        state: s(node.get("state")).and_then(|t| State::parse(&t)),
        via: s(node.get("assigned_via")).map(|v| if v == "sales" { Via::Sales } else { Via::Csc }),
        assignees: list("assignees")
            .iter()
            .filter_map(|n| n.as_str().map(str::to_string))
            .collect(),
        approvals: list("approvals")
            .iter()
            .map(|a| {
                (
                    s(a.get("kind")).unwrap_or_default(),
                    s(a.get("by")).unwrap_or_default(),
                    s(a.get("role")).unwrap_or_default(),
                )
            })
            .collect(),
        checkins: list("checkins")
            .iter()
            .map(|c| format!("{:?}", c.get("at").map(|n| &n.kind)))
            .collect(),
        rejections: list("rejections").len(),
    })
}

/// A person as people.toml stood at one commit.
#[derive(Debug, Clone)]
struct Member {
    id: String,
    roles: Vec<Role>,
    signing_key: Option<String>,
}

/// Who is who at one commit, by e-mail.
type Roster = HashMap<String, Member>;

fn roster(text: &[u8]) -> Roster {
    let Some(node) = std::str::from_utf8(text)
        .ok()
        .and_then(|t| parse_toml(t).ok())
    else {
        return Roster::new();
    };
    let Ok(people) = decode_root::<People>(&node) else {
        return Roster::new();
    };
    people
        .person
        .into_iter()
        .map(|p| {
            (
                p.email.value.to_lowercase(),
                Member {
                    id: p.id.value,
                    roles: p.roles.into_iter().map(|r| r.value).collect(),
                    signing_key: p.signing_key.map(|k| k.value),
                },
            )
        })
        .collect()
}

/// The actions `svc.toml` asks to be signed (`[security] signed_actions`). Read leniently:
/// whatever else is wrong with the file, the list still counts.
fn signed_actions(text: &[u8]) -> BTreeSet<Action> {
    let Some(node) = std::str::from_utf8(text)
        .ok()
        .and_then(|t| parse_toml(t).ok())
    else {
        return BTreeSet::new();
    };
    match node
        .get("security")
        .and_then(|s| s.get("signed_actions"))
        .map(|n| &n.kind)
    {
        Some(Kind::Seq(items)) => items
            .iter()
            .filter_map(|n| n.as_str().and_then(Action::from_name))
            .collect(),
        _ => BTreeSet::new(),
    }
}

/// Replay the history (all of it, or the commits after `base`) and report every step that
/// the procedure does not explain: a state no legal transition reaches, a step by someone
/// without the role (as people.toml stood at the commit's parent), a self-approval, a change
/// to the shared files by someone not an admin, a commit touching two cases, and a step
/// that svc.toml asks to be signed without a good signature by the author's key.
pub fn check(store: &Store, base: Option<Oid>) -> Result<Vec<Finding>, StoreError> {
    let repo = store.repo();
    let mut walk = repo.revwalk().map_err(git("walking the history"))?;
    if walk.push_head().is_err() {
        return Ok(Vec::new());
    }
    if let Some(base) = base {
        walk.hide(base).map_err(git("walking the history"))?;
    }
    walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)
        .map_err(git("walking the history"))?;
    let prefix = store.repo_path(Path::new(""));
    let people_path = prefix.join("people.toml");
    let settings_path = prefix.join(crate::workspace::SETTINGS_FILE);
    let mut rosters: HashMap<Option<Oid>, Roster> = HashMap::new();
    let mut signed: HashMap<Option<Oid>, BTreeSet<Action>> = HashMap::new();
    let mut findings = Vec::new();
    for oid in walk {
        let commit = repo
            .find_commit(oid.map_err(git("walking the history"))?)
            .map_err(git("reading a commit"))?;
        let tree = commit.tree().map_err(git("reading a tree"))?;
        let parent = commit.parents().next();
        let parent_tree = parent
            .as_ref()
            .map(Commit::tree)
            .transpose()
            .map_err(git("reading a tree"))?;
        // A merge joins work checked on each side; it may take each case.toml from one side
        // or the other, never write a new one.
        if commit.parent_count() > 1 {
            findings.extend(check_merge(repo, &commit, &prefix)?);
            continue;
        }
        let mut diff_options = git2::DiffOptions::new();
        if !prefix.as_os_str().is_empty() {
            diff_options.pathspec(&prefix);
        }
        let diff = repo
            .diff_tree_to_tree(parent_tree.as_ref(), Some(&tree), Some(&mut diff_options))
            .map_err(git("comparing trees"))?;
        let mut changed: BTreeSet<PathBuf> = BTreeSet::new();
        for delta in diff.deltas() {
            for file in [delta.old_file(), delta.new_file()] {
                if let Some(path) = file.path() {
                    changed.insert(path.strip_prefix(&prefix).unwrap_or(path).to_path_buf());
                }
            }
        }
        let roster_tree = parent_tree.as_ref().unwrap_or(&tree);
        let roster_oid = roster_tree.get_path(&people_path).map(|e| e.id()).ok();
        let roster = rosters.entry(roster_oid).or_insert_with(|| {
            blob_at(repo, roster_tree, &people_path)
                .map(|b| roster(&b))
                .unwrap_or_default()
        });
        let settings_oid = roster_tree.get_path(&settings_path).map(|e| e.id()).ok();
        let signed = signed.entry(settings_oid).or_insert_with(|| {
            blob_at(repo, roster_tree, &settings_path)
                .map(|b| signed_actions(&b))
                .unwrap_or_default()
        });
        let email = commit.author().email().unwrap_or_default().to_lowercase();
        let author = roster.get(&email).cloned();
        let short = &commit.id().to_string()[..10];
        let mut report = |location: Location, message: String, hint: &str| {
            let mut f = Finding::error("history", location, format!("commit {short}: {message}"))
                .hint(hint);
            f.commit = Some(commit.id().to_string());
            findings.push(f);
        };
        let shared: Vec<&PathBuf> = changed.iter().filter(|p| is_shared(p)).collect();
        if parent.is_some()
            && !shared.is_empty()
            && !author
                .as_ref()
                .is_some_and(|m| m.roles.contains(&Role::Admin))
        {
            for path in shared {
                report(
                    Location::file(path),
                    format!(
                        "{} was changed by {email}, who is not an admin",
                        path.display()
                    ),
                    "people.toml, catalog/ and svc.toml are changed only by an admin (role \"admin\" in people.toml as it stood before)",
                );
            }
        }
        let cases: BTreeSet<PathBuf> = changed.iter().filter_map(|p| case_dir(p)).collect();
        if cases.len() > 1 {
            let names: Vec<String> = cases
                .iter()
                .filter_map(|c| c.file_name().map(|n| n.to_string_lossy().into_owned()))
                .collect();
            report(
                Location::file(cases.iter().next().cloned().unwrap_or_default()),
                format!(
                    "one commit changes {} cases: {}",
                    cases.len(),
                    names.join(", ")
                ),
                "each step of the procedure is one commit of one case",
            );
        }
        let message = commit.message().unwrap_or_default();
        let t = trailers(message);
        if let Some(t) = t.as_ref().filter(|t| signed.contains(&t.action)) {
            let key = author.as_ref().and_then(|m| m.signing_key.as_deref());
            let problem = signing::verify(repo, commit.id(), key).err();
            let who = author.as_ref().map_or(email.as_str(), |m| m.id.as_str());
            // Someone not in people.toml is reported below; only a missing signature is
            // worth saying then.
            if let Some(problem) = problem.filter(|p| author.is_some() || *p == Problem::Unsigned) {
                let (what, hint) = signature_finding(t.action, who, problem);
                // The case's case.toml, or svc.toml (which asks for the signature) when the
                // commit holds no case.
                let place = cases
                    .iter()
                    .find(|d| d.ends_with(&t.case))
                    .or(cases.iter().next())
                    .map_or_else(
                        || Location::file(crate::workspace::SETTINGS_FILE),
                        |d| Location::file(d.join("case.toml")),
                    );
                report(place, what, hint);
            }
        }
        for dir in &cases {
            let file = dir.join("case.toml");
            let before = parent_tree
                .as_ref()
                .and_then(|pt| blob_at(repo, pt, &prefix.join(&file)))
                .and_then(|b| facts(&b));
            let after = blob_at(repo, &tree, &prefix.join(&file)).and_then(|b| facts(&b));
            let id = dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let here = Location::file(&file);
            let Some(after) = after else { continue };
            let before_state = before.as_ref().and_then(|b| b.state);
            let before_node = parent_tree
                .as_ref()
                .and_then(|pt| blob_at(repo, pt, &prefix.join(&file)))
                .and_then(|b| node_of(&b));
            let after_node = blob_at(repo, &tree, &prefix.join(&file)).and_then(|b| node_of(&b));
            let changed = after_node
                .as_ref()
                .map(|a| changed_keys(before_node.as_ref(), a))
                .unwrap_or_default();
            let Some(t) = t.as_ref().filter(|t| t.case == id) else {
                if !changed.is_empty() {
                    let what = if before_state != after.state {
                        format!(
                            "case.toml's state changed from {} to {} in a commit svc did not make",
                            state_name(before_state),
                            state_name(after.state)
                        )
                    } else {
                        format!(
                            "case.toml's {} changed in a commit svc did not make",
                            changed.iter().cloned().collect::<Vec<_>>().join(", ")
                        )
                    };
                    report(
                        here.clone(),
                        what,
                        "steps of the procedure are taken with svc commands, which record who took them",
                    );
                }
                continue;
            };
            if t.from != before_state || Some(t.to) != after.state {
                report(
                    here.clone(),
                    format!(
                        "its trailers say {} -> {}, but case.toml went from {} to {}",
                        state_name(t.from),
                        t.to,
                        state_name(before_state),
                        state_name(after.state)
                    ),
                    "the commit's message or case.toml was edited by hand",
                );
                continue;
            }
            let legal = workflow::transition(t.action, t.from).is_some_and(|step| {
                step.to == t.to
                    || (t.action == Action::Approve
                        && t.from == Some(State::PendingApproval)
                        && t.to == State::PendingApproval)
            });
            if !legal {
                report(
                    here.clone(),
                    format!(
                        "{} from {} to {} is not a step of the procedure",
                        t.action,
                        state_name(t.from),
                        t.to
                    ),
                    "see the transition table: svc's README",
                );
                continue;
            }
            if before_node.is_some() {
                let allowed = allowed_keys(t.action);
                let extra: Vec<&str> = changed
                    .iter()
                    .map(String::as_str)
                    .filter(|k| {
                        !allowed
                            .iter()
                            .any(|a| k == a || k.starts_with(&format!("{a}.")))
                    })
                    .collect();
                if !extra.is_empty() {
                    report(
                        here.clone(),
                        format!(
                            "`{}` also changes {} in case.toml, which that step never does",
                            t.action,
                            extra.join(", ")
                        ),
                        "each field of case.toml is changed only by the step that owns it; this one was edited by hand",
                    );
                }
            }
            let Some(Member {
                id: person, roles, ..
            }) = author.clone()
            else {
                report(
                    here.clone(),
                    format!(
                        "{} was taken by {email}, who is not in people.toml",
                        t.action
                    ),
                    "every step is taken by a person listed in people.toml",
                );
                continue;
            };
            if person != t.actor {
                report(
                    here.clone(),
                    format!(
                        "the trailers name {} but the commit is by {person}",
                        t.actor
                    ),
                    "the commit's message was edited by hand",
                );
            }
            let facts_before = before.clone().unwrap_or_default();
            let via = if t.action == Action::Assign {
                after.via
            } else {
                facts_before.via
            };
            let who = workflow::who(t.action, t.from, via);
            if who.assignee && !facts_before.assignees.contains(&person) {
                report(
                    here.clone(),
                    format!(
                        "{person} took `{}` but is not assigned to the case",
                        t.action
                    ),
                    "only the case's assignees take this step",
                );
            }
            if !who.roles.is_empty() && !who.roles.iter().any(|r| roles.contains(r)) {
                let needed: Vec<&str> = who.roles.iter().map(|r| r.as_str()).collect();
                report(
                    here.clone(),
                    format!(
                        "{person} took `{}` without the role {} (people.toml at the commit's parent)",
                        t.action,
                        needed.join(" or ")
                    ),
                    "roles are granted in people.toml by an admin, before the step",
                );
            }
            if matches!(t.action, Action::Approve | Action::Reject) {
                let preparer = blob_at(repo, &tree, &prefix.join(dir).join("task-sheet.toml"))
                    .and_then(|b| String::from_utf8(b).ok())
                    .and_then(|text| parse_toml(&text).ok())
                    .and_then(|n| {
                        n.get("prepared_by")
                            .and_then(Node::as_str)
                            .map(str::to_string)
                    });
                let own = facts_before.assignees.contains(&person)
                    || (t.from == Some(State::PendingApproval)
                        && preparer.as_deref() == Some(person.as_str()));
                if own {
                    report(
                        here.clone(),
                        format!("{person} approved their own submission"),
                        "nobody approves their own submission (7.2, 5.1.6)",
                    );
                }
            }
            let added: Vec<&(String, String, String)> = after
                .approvals
                .iter()
                .filter(|a| !facts_before.approvals.contains(a))
                .collect();
            let may_add = match t.action {
                Action::Approve | Action::ApproveFlight => 1,
                _ => 0,
            };
            if added.len() > may_add || added.iter().any(|a| a.1 != person) {
                report(
                    here.clone(),
                    format!(
                        "an approval was added that `{}` by {person} does not explain",
                        t.action
                    ),
                    "approvals are recorded only by svc approve, one per commit, by the approver",
                );
            }
        }
    }
    Ok(findings)
}

/// The finding about a step's signature: what is wrong and how to put it right.
fn signature_finding(action: Action, who: &str, problem: Problem) -> (String, &'static str) {
    match problem {
        Problem::Unsigned => (
            format!("`{action}` is not signed, but svc.toml asks for it to be (signed_actions)"),
            "svc signs the step when git's user.signingkey names the person's key; on a branch not yet merged, drop the commit and take the step again with svc",
        ),
        Problem::Unreadable(why) => (
            format!("the signature of `{action}` cannot be read: {why}"),
            "steps are signed with SSH keys, as git does with gpg.format = ssh; on a branch not yet merged, drop the commit and take the step again with svc",
        ),
        Problem::NoKey => (
            format!(
                "`{action}` is signed, but {who} has no signing_key in people.toml at the commit's parent (the key was removed, or never listed)"
            ),
            "an admin lists a person's public key as signing_key in people.toml before they take signed steps; on a branch not yet merged, drop the commit and take the step again with svc",
        ),
        Problem::BadKey => (
            format!("{who}'s signing_key in people.toml is not an OpenSSH public key"),
            "an admin pastes the line of the person's .pub file as signing_key in people.toml",
        ),
        Problem::WrongKey {
            signed_by,
            expected,
        } => (
            format!(
                "`{action}` is signed with the key {signed_by}, which is not {who}'s signing_key in people.toml ({expected})"
            ),
            "git's user.signingkey must name the key people.toml lists for the person (ssh-keygen -lf KEY shows its fingerprint); on a branch not yet merged, drop the commit and take the step again with svc",
        ),
        Problem::Mismatch => (
            format!(
                "the signature of `{action}` does not match the commit: it was changed after it was signed"
            ),
            "a signed commit is never edited (amended, rebased, rewritten); on a branch not yet merged, drop the commit and take the step again with svc",
        ),
    }
}

/// The case.toml fields each step may change (the timeline only at its own key).
fn allowed_keys(action: Action) -> &'static [&'static str] {
    match action {
        Action::New => &[],
        Action::Resolve => &["state", "resolution", "timeline.resolved_at"],
        Action::Accept => &["state", "fee", "timeline.accepted_at"],
        Action::Assign => &[
            "state",
            "assignees",
            "assigned_by",
            "assigned_via",
            "timeline.assigned_at",
        ],
        Action::Submit => &["state", "timeline.submitted_at", "timeline.handed_in_at"],
        Action::Approve => &[
            "state",
            "approvals",
            "timeline.approved_at",
            "timeline.reviewed_at",
        ],
        Action::ApproveFlight => &["approvals"],
        Action::Reject => &["state", "approvals", "rejections"],
        Action::Start => &["state", "timeline.started_at"],
        Action::Checkin => &["checkins"],
        Action::Complete => &["state", "timeline.completed_at"],
        Action::Archive => &["state", "timeline.archived_at"],
        Action::Cancel => &["state", "cancel_reason", "timeline.cancelled_at"],
    }
}

fn node_of(bytes: &[u8]) -> Option<Node> {
    parse_toml(std::str::from_utf8(bytes).ok()?).ok()
}

/// Whether two values are the same, wherever they are written.
fn same(a: &Node, b: &Node) -> bool {
    match (&a.kind, &b.kind) {
        (Kind::Seq(x), Kind::Seq(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Kind::Map(x), Kind::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|e| y.iter().any(|f| f.key == e.key && same(&e.value, &f.value)))
        }
        (x, y) => x == y,
    }
}

/// The top-level keys of case.toml whose values differ (the timeline key by key, as
/// `timeline.<key>`; a timeline added whole counts as `timeline` and its keys).
fn changed_keys(before: Option<&Node>, after: &Node) -> BTreeSet<String> {
    let entries = |n: Option<&Node>| match n.map(|n| &n.kind) {
        Some(Kind::Map(e)) => e.clone(),
        _ => Vec::new(),
    };
    let (old, new) = (entries(before), entries(Some(after)));
    let mut keys: BTreeSet<String> = BTreeSet::new();
    let names: BTreeSet<&str> = old
        .iter()
        .chain(new.iter())
        .map(|e| e.key.as_str())
        .collect();
    for name in names {
        let a = old.iter().find(|e| e.key == name).map(|e| &e.value);
        let b = new.iter().find(|e| e.key == name).map(|e| &e.value);
        match (a, b) {
            (Some(a), Some(b)) if same(a, b) => {}
            (a, b) if name == "timeline" => {
                for sub in changed_keys(
                    a,
                    b.unwrap_or(&Node {
                        span: Default::default(),
                        kind: Kind::Map(Vec::new()),
                    }),
                ) {
                    keys.insert(format!("timeline.{sub}"));
                }
            }
            _ => {
                keys.insert(name.to_string());
            }
        }
    }
    keys
}

/// A merge may take each case.toml from one of its parents, never write a new one.
fn check_merge(
    repo: &Repository,
    commit: &Commit,
    prefix: &Path,
) -> Result<Vec<Finding>, StoreError> {
    let tree = commit.tree().map_err(git("reading a tree"))?;
    let parents: Vec<Tree> = commit
        .parents()
        .map(|p| p.tree())
        .collect::<Result<_, _>>()
        .map_err(git("reading a tree"))?;
    let diff = repo
        .diff_tree_to_tree(parents.first(), Some(&tree), None)
        .map_err(git("comparing trees"))?;
    let mut findings = Vec::new();
    let mut seen = BTreeSet::new();
    for delta in diff.deltas() {
        let Some(path) = delta.new_file().path() else {
            continue;
        };
        let rel = path.strip_prefix(prefix).unwrap_or(path);
        let Some(dir) = case_dir(rel) else { continue };
        if !seen.insert(dir.clone()) {
            continue;
        }
        let file = prefix.join(&dir).join("case.toml");
        let merged = tree.get_path(&file).ok().map(|e| e.id());
        if merged.is_some()
            && !parents
                .iter()
                .any(|p| p.get_path(&file).ok().map(|e| e.id()) == merged)
        {
            let short = &commit.id().to_string()[..10];
            let mut f = Finding::error(
                "history",
                Location::file(dir.join("case.toml")),
                format!("commit {short}: a merge wrote a case.toml that neither side had"),
            )
            .hint("a merge takes each case's steps from one side; a step is taken again with svc after merging");
            f.commit = Some(commit.id().to_string());
            findings.push(f);
        }
    }
    Ok(findings)
}

fn state_name(state: Option<State>) -> &'static str {
    state.map_or("none", State::as_str)
}

/// Whether a path is one of the company's shared files (people, catalog, settings).
pub fn is_shared(path: &Path) -> bool {
    path == Path::new("people.toml") || path == Path::new("svc.toml") || path.starts_with("catalog")
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
    fn the_signed_actions_are_read_whatever_else_svc_toml_holds() {
        let text = b"locale = 42\n[security]\nsigned_actions = [\"approve\", \"nope\", \"new\"]\n";
        assert_eq!(
            signed_actions(text),
            BTreeSet::from([Action::New, Action::Approve])
        );
        assert!(signed_actions(b"[security]\nsigned_actions = []\n").is_empty());
        assert!(signed_actions(b"not toml [").is_empty());
    }

    #[test]
    fn paths_belong_to_their_case_folder() {
        assert_eq!(
            case_dir(Path::new("cases/2026/11/SR-1/visits/01-a.toml")),
            Some(PathBuf::from("cases/2026/11/SR-1"))
        );
        assert_eq!(case_dir(Path::new("cases/README.md")), None);
        assert!(is_shared(Path::new("catalog/parts.toml")));
        assert!(!is_shared(Path::new("customers/a.toml")));
    }
}
