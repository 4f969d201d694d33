//! Review by pull request (design §8): with `review = "pull-request"` a submission goes on a
//! branch of its own, `case/<id>`, and the approval or rejection follows it there; merging
//! the pull request brings the steps to the target branch.
//!
//! This module owns the branch of a case (finding it here or on the remote, making it,
//! switching to it as `git switch` would, with the person's uncommitted work carried over or
//! the switch refused before anything changes) and the address where a forge opens a pull
//! request, worked out from the remote's URL. Fetching and pushing are [`crate::team::remote`]'s.

use crate::forms::config::Forge;
use crate::history::actions::LOCK_WAIT;
use crate::history::git::{includes, short_branch};
use crate::history::store::{Store, StoreError};
use crate::t;
use git2::build::CheckoutBuilder;
use git2::{CheckoutNotificationType, ConfigLevel, ErrorCode, Oid, Repository};
use std::cell::RefCell;

/// What every case branch's name starts with.
pub const BRANCH_PREFIX: &str = "case/";

/// The git configuration key, per case branch, naming the branch it merges into.
const TARGET_KEY: &str = "svc-target";

/// The branch of a case: `case/<id>`.
pub fn branch(case: &str) -> String {
    format!("{BRANCH_PREFIX}{case}")
}

/// The case whose branch this is (`case/<id>` or `refs/heads/case/<id>`), if it is one.
pub fn case_of(branch: &str) -> Option<&str> {
    short_branch(branch)
        .strip_prefix(BRANCH_PREFIX)
        .filter(|id| !id.is_empty() && !id.contains('/'))
}

/// The branch a case branch merges into (`main`), as recorded when svc made it.
pub fn target_of(repo: &Repository, branch: &str) -> Option<String> {
    let short = short_branch(branch);
    repo.config()
        .ok()?
        .get_string(&format!("branch.{short}.{TARGET_KEY}"))
        .ok()
        .filter(|t| !t.is_empty())
}

/// The branch a remote's HEAD names (`main`), as the clone or the last fetch recorded it.
pub fn default_branch(repo: &Repository, remote: &str) -> Option<String> {
    let head = repo
        .find_reference(&format!("refs/remotes/{remote}/HEAD"))
        .ok()?;
    head.symbolic_target()
        .ok()
        .flatten()?
        .strip_prefix(&format!("refs/remotes/{remote}/"))
        .map(str::to_string)
}

/// Why a case's branch could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    /// The switch would overwrite changes not committed yet.
    #[error("{}", t!("team-review-would-overwrite", branch = .branch, files = .files.join(", ")))]
    WouldOverwrite {
        /// The branch svc was switching to.
        branch: String,
        /// The files in the way, relative to the repository.
        files: Vec<String>,
    },
    /// The branch here and the remote's have both moved on.
    #[error("{}", t!("team-review-diverged", branch = .branch, remote = .remote))]
    Diverged {
        /// The case branch.
        branch: String,
        /// The remote.
        remote: String,
    },
    /// The clone is on the branch of another case.
    #[error("{}", other_case(.current, .other, .case.as_deref()))]
    OtherCase {
        /// The branch checked out.
        current: String,
        /// Its case.
        other: String,
        /// The case of the step (`None`: a new case).
        case: Option<String>,
        /// The branch `current` merges into, if svc knows it.
        back_to: Option<String>,
    },
    /// The branch checked out has no commit to start a case branch from.
    #[error("{}", t!("team-review-unborn", branch = .0))]
    Unborn(String),
    /// The repository refused or failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The clone is on `current`, the branch of case `other`; a step on `case` (`None`: a new
/// case) does not belong there.
fn other_case(current: &str, other: &str, case: Option<&str>) -> String {
    match case {
        Some(case) => t!(
            "team-review-other-case",
            current = current,
            other = other,
            case = case
        ),
        None => t!(
            "team-review-other-case-new",
            current = current,
            other = other
        ),
    }
}

fn git(doing: &'static str) -> impl FnOnce(git2::Error) -> ReviewError {
    move |source| ReviewError::Store(StoreError::Git { doing, source })
}

/// Refuse a step on `case` while the clone is on another case's branch (`None`: a new
/// case, which belongs on no case branch).
pub fn guard(store: &Store, case: Option<&str>) -> Result<(), ReviewError> {
    let (head, _) = store.head()?;
    match case_of(&head) {
        Some(other) if Some(other) != case => Err(ReviewError::OtherCase {
            current: branch(other),
            other: other.to_string(),
            case: case.map(str::to_string),
            back_to: target_of(store.repo(), &head),
        }),
        _ => Ok(()),
    }
}

/// A case's branch, checked out for a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseBranch {
    /// The branch (`case/SR-…`).
    pub branch: String,
    /// The local branch it merges into (`main`), when known.
    pub target: Option<String>,
    /// The branch HEAD named before (`refs/heads/main`).
    pub came_from: String,
    /// Whether svc made the branch just now (or started it afresh, merged before).
    pub created: bool,
    /// Where the local branch pointed before (`None`: there was none).
    pub previous: Option<Oid>,
}

/// Check out the branch of `case`: the local one, brought forward to the remote's
/// (`refs/remotes/REMOTE/case/<id>`, fetched beforehand) when that is ahead; else the
/// remote's; else, when `create`, a new one from the tip of the current branch (or, on
/// another case's branch, of the branch that one merges into). `None`: there is no such
/// branch and `create` is false — the step belongs where HEAD is.
///
/// The switch follows git's rules: uncommitted changes to files that are the same on both
/// branches are carried over; any other would be overwritten, and then nothing changes.
pub fn enter(
    store: &Store,
    case: &str,
    remote: Option<&str>,
    create: bool,
) -> Result<Option<CaseBranch>, ReviewError> {
    let lock = store.lock(&format!("switching to {}", branch(case)), LOCK_WAIT)?;
    // A step a killed svc left half done belongs to the branch it was taken on.
    store.recover(&lock)?;
    let repo = store.repo();
    let (head, head_oid) = store.head()?;
    let name = branch(case);
    let local_ref = format!("refs/heads/{name}");
    let here = case_of(&head);
    // From the main line, a case branch already merged there is finished work: the next
    // submission of the case starts afresh from the tip (the push is then a fast-forward).
    let merged = |tip: Oid| here.is_none() && head_oid.is_some_and(|h| includes(repo, h, tip));
    let previous = repo.refname_to_id(&local_ref).ok();
    let local = previous.filter(|l| here == Some(case) || !merged(*l));
    let theirs = remote
        .and_then(|r| repo.refname_to_id(&format!("refs/remotes/{r}/{name}")).ok())
        .filter(|t| !merged(*t));
    let target = match here {
        Some(_) => target_of(repo, &head),
        None => Some(short_branch(&head).to_string()),
    };
    let tip = match (local, theirs) {
        (Some(l), Some(t)) if l == t => l,
        (Some(l), Some(t)) => {
            if repo
                .graph_descendant_of(t, l)
                .map_err(git("comparing branches"))?
            {
                t
            } else if repo
                .graph_descendant_of(l, t)
                .map_err(git("comparing branches"))?
            {
                l
            } else {
                return Err(ReviewError::Diverged {
                    branch: name,
                    remote: remote.unwrap_or_default().to_string(),
                });
            }
        }
        (Some(l), None) => l,
        (None, Some(t)) => t,
        (None, None) if !create => return Ok(None),
        (None, None) => match here {
            None => head_oid.ok_or_else(|| ReviewError::Unborn(head.clone()))?,
            Some(other) => {
                let Some(back) = &target else {
                    return Err(ReviewError::OtherCase {
                        current: short_branch(&head).to_string(),
                        other: other.to_string(),
                        case: Some(case.to_string()),
                        back_to: None,
                    });
                };
                repo.refname_to_id(&format!("refs/heads/{back}"))
                    .map_err(|_| ReviewError::Unborn(back.clone()))?
            }
        },
    };
    checkout(repo, tip, &name)?;
    if previous != Some(tip) {
        repo.reference(&local_ref, tip, true, "svc: the case's branch")
            .map_err(git("moving the case's branch"))?;
    }
    if head != local_ref {
        repo.set_head(&local_ref)
            .map_err(git("switching to the case's branch"))?;
    }
    let created = local.is_none();
    if created && let Some(target) = &target {
        let mut config = repo
            .config()
            .and_then(|c| c.open_level(ConfigLevel::Local))
            .map_err(git("reading the repository's configuration"))?;
        config
            .set_str(&format!("branch.{name}.{TARGET_KEY}"), target)
            .map_err(git("recording the case branch's target"))?;
    }
    drop(lock);
    Ok(Some(CaseBranch {
        branch: name,
        target,
        came_from: head,
        created,
        previous,
    }))
}

/// Undo [`enter`] after a step was refused: back to the branch HEAD named before, and the
/// case's branch back where it was (removed, when svc made it).
pub fn leave(store: &Store, entered: &CaseBranch) -> Result<(), ReviewError> {
    let lock = store.lock(&format!("leaving {}", entered.branch), LOCK_WAIT)?;
    let repo = store.repo();
    let local_ref = format!("refs/heads/{}", entered.branch);
    // Already on the case's branch: it was at most brought up to the remote's, as a pull
    // would; that stays.
    if entered.came_from == local_ref {
        return Ok(());
    }
    if let Ok(back) = repo.refname_to_id(&entered.came_from) {
        checkout(repo, back, &entered.came_from)?;
    }
    repo.set_head(&entered.came_from)
        .map_err(git("switching back"))?;
    match entered.previous {
        Some(before) => {
            repo.reference(&local_ref, before, true, "svc: the step was refused")
                .map_err(git("moving the case's branch back"))?;
        }
        None => {
            if let Ok(mut reference) = repo.find_reference(&local_ref) {
                reference
                    .delete()
                    .map_err(git("removing the case's branch"))?;
            }
            if let Ok(mut config) = repo.config().and_then(|c| c.open_level(ConfigLevel::Local)) {
                let _ = config.remove(&format!("branch.{}.{TARGET_KEY}", entered.branch));
            }
        }
    }
    drop(lock);
    Ok(())
}

/// Switch to the local branch `target` (`main`), as `git switch` would: when a case's pull
/// request was merged, its clone goes back to the branch the case merged into.
pub fn switch_to(store: &Store, target: &str) -> Result<(), ReviewError> {
    let lock = store.lock(&format!("switching to {target}"), LOCK_WAIT)?;
    let repo = store.repo();
    let name = format!("refs/heads/{target}");
    let tip = repo
        .refname_to_id(&name)
        .map_err(|_| ReviewError::Unborn(target.to_string()))?;
    checkout(repo, tip, &name)?;
    repo.set_head(&name).map_err(git("switching branches"))?;
    drop(lock);
    Ok(())
}

/// Bring the work tree and the index to the tree of commit `to`, safely: refuse, naming
/// the files, when uncommitted work would be lost (libgit2 checks every file before it
/// writes any).
fn checkout(repo: &Repository, to: Oid, branch: &str) -> Result<(), ReviewError> {
    let commit = repo.find_commit(to).map_err(git("reading the branch"))?;
    let head_tree = repo.head().ok().and_then(|h| h.peel_to_tree().ok());
    if head_tree.map(|t| t.id()) == Some(commit.tree_id()) {
        return Ok(());
    }
    let conflicts = RefCell::new(Vec::new());
    let result = {
        let mut options = CheckoutBuilder::new();
        options
            .safe()
            .notify_on(CheckoutNotificationType::CONFLICT)
            .notify(|_, path, _, _, _| {
                if let Some(path) = path {
                    conflicts.borrow_mut().push(path.display().to_string());
                }
                true
            });
        repo.checkout_tree(commit.as_object(), Some(&mut options))
    };
    let mut files = conflicts.into_inner();
    match result {
        Ok(()) => Ok(()),
        Err(e) if !files.is_empty() || e.code() == ErrorCode::Conflict => {
            files.sort();
            files.dedup();
            Err(ReviewError::WouldOverwrite {
                branch: short_branch(branch).to_string(),
                files,
            })
        }
        Err(e) => Err(git("checking out the case's branch")(e)),
    }
}

/// Where a forge opens a pull request from `source` into `target` (branch names) of the
/// repository at `remote_url`. The forge is `forge` when `svc.toml` names one, else what
/// the host's name says. `None` when the URL names no web host (`git://`, `file://`, a
/// path) or the forge is unknown.
pub fn pull_request_url(
    remote_url: &str,
    forge: Option<Forge>,
    source: &str,
    target: &str,
) -> Option<String> {
    let web = Web::parse(remote_url)?;
    let forge = match forge {
        Some(forge) => forge,
        None => forge_of_host(&web.host)?,
    };
    let path = web.path.join("/");
    match forge {
        Forge::GitHub | Forge::Forgejo if web.path.len() != 2 => None,
        Forge::GitHub => Some(format!(
            "{}/{path}/compare/{}...{}?expand=1",
            web.origin,
            encode(target, true),
            encode(source, true)
        )),
        Forge::Forgejo => Some(format!(
            "{}/{path}/compare/{}...{}",
            web.origin,
            encode(target, true),
            encode(source, true)
        )),
        Forge::GitLab => Some(format!(
            "{}/{path}/-/merge_requests/new?merge_request%5Bsource_branch%5D={}&merge_request%5Btarget_branch%5D={}",
            web.origin,
            encode(source, false),
            encode(target, false)
        )),
    }
}

/// The forge a host's name says: GitHub, GitLab, or Forgejo/Gitea (Codeberg among them).
pub fn forge_of_host(host: &str) -> Option<Forge> {
    let host = host.to_ascii_lowercase();
    if host.contains("github") {
        Some(Forge::GitHub)
    } else if host.contains("gitlab") {
        Some(Forge::GitLab)
    } else if host == "codeberg.org" || host.contains("gitea") || host.contains("forgejo") {
        Some(Forge::Forgejo)
    } else {
        None
    }
}

/// A repository's place on the web, from the URL of its remote.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Web {
    /// `https://host` (with the port of an http(s) remote).
    origin: String,
    /// The host, lower case, without port.
    host: String,
    /// The repository's path: owner (groups on GitLab) and name, without `.git`.
    path: Vec<String>,
}

impl Web {
    /// `https://host[:port]/owner/repo(.git)`, `http://…`, `ssh://[user@]host[:port]/…` and
    /// the scp-like `[user@]host:owner/repo(.git)`; user names and passwords are dropped.
    fn parse(url: &str) -> Option<Web> {
        let url = url.trim();
        let (origin, host, path) = match url.split_once("://") {
            Some((scheme, rest)) => {
                let scheme = scheme.to_ascii_lowercase();
                let (authority, path) = rest.split_once('/')?;
                let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
                let host = match host_port.rsplit_once(':') {
                    Some((host, port)) if port.bytes().all(|b| b.is_ascii_digit()) => host,
                    _ => host_port,
                }
                .to_ascii_lowercase();
                let origin = match scheme.as_str() {
                    "https" | "http" => format!("{scheme}://{}", host_port.to_ascii_lowercase()),
                    // The web is on https whatever port ssh listens on.
                    "ssh" | "git+ssh" | "ssh+git" => format!("https://{}", web_host(&host)),
                    _ => return None,
                };
                (origin, host, path)
            }
            None => {
                // git's rule: a colon before any slash makes it ssh, not a path.
                let (before, path) = url.split_once(':')?;
                if before.contains('/') {
                    return None;
                }
                let host = before
                    .rsplit_once('@')
                    .map_or(before, |(_, h)| h)
                    .to_ascii_lowercase();
                // `C:\…` is a Windows path.
                if host.len() < 2 {
                    return None;
                }
                (format!("https://{}", web_host(&host)), host, path)
            }
        };
        let host = web_host(&host).to_string();
        let path = path.trim_matches('/');
        let path = path.strip_suffix(".git").unwrap_or(path);
        let parts: Vec<String> = path.split('/').map(str::to_string).collect();
        if host.is_empty()
            || parts.len() < 2
            || parts
                .iter()
                .any(|p| p.is_empty() || p.starts_with('~') || p == "." || p == "..")
        {
            return None;
        }
        Some(Web {
            origin,
            host,
            path: parts,
        })
    }
}

/// The web host behind a host that serves ssh on port 443 for those behind firewalls.
fn web_host(host: &str) -> &str {
    match host {
        "ssh.github.com" => "github.com",
        "altssh.gitlab.com" => "gitlab.com",
        other => other,
    }
}

/// Percent-encode for a URL: unreserved characters stay, and `/` where `keep_slash`.
fn encode(text: &str, keep_slash: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(b))
            }
            b'/' if keep_slash => out.push('/'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "case/SR-20261102-K7F3Q2";

    fn url(remote: &str) -> Option<String> {
        pull_request_url(remote, None, SOURCE, "main")
    }

    fn with(remote: &str, forge: Forge) -> Option<String> {
        pull_request_url(remote, Some(forge), SOURCE, "main")
    }

    #[test]
    fn the_branch_of_a_case_names_it() {
        assert_eq!(branch("SR-20261102-K7F3Q2"), SOURCE);
        assert_eq!(case_of(SOURCE), Some("SR-20261102-K7F3Q2"));
        assert_eq!(
            case_of("refs/heads/case/SR-20261102-K7F3Q2"),
            Some("SR-20261102-K7F3Q2")
        );
        assert_eq!(case_of("refs/heads/main"), None);
        assert_eq!(case_of("case/"), None);
        assert_eq!(case_of("case/a/b"), None);
        assert_eq!(case_of("refs/heads/showcase/x"), None);
    }

    const GITHUB: &str =
        "https://github.com/acme/service/compare/main...case/SR-20261102-K7F3Q2?expand=1";

    #[test]
    fn github_in_every_shape_of_url() {
        for remote in [
            "https://github.com/acme/service",
            "https://github.com/acme/service.git",
            "https://github.com/acme/service/",
            "https://x-access-token:secret@github.com/acme/service.git",
            "HTTPS://GitHub.com/acme/service.git",
            "ssh://git@github.com/acme/service.git",
            "ssh://git@ssh.github.com:443/acme/service.git",
            "git+ssh://git@github.com/acme/service",
            "git@github.com:acme/service.git",
            "github.com:acme/service",
        ] {
            assert_eq!(url(remote).as_deref(), Some(GITHUB), "{remote}");
        }
    }

    #[test]
    fn github_enterprise_keeps_its_host_and_an_https_port() {
        assert_eq!(
            url("https://github.example.com:8443/acme/service.git").as_deref(),
            Some(
                "https://github.example.com:8443/acme/service/compare/main...case/SR-20261102-K7F3Q2?expand=1"
            )
        );
        assert_eq!(
            url("ssh://git@github.example.com:2222/acme/service.git").as_deref(),
            Some(
                "https://github.example.com/acme/service/compare/main...case/SR-20261102-K7F3Q2?expand=1"
            )
        );
    }

    #[test]
    fn github_has_no_subgroups() {
        assert_eq!(url("https://github.com/acme/team/service.git"), None);
        assert_eq!(url("https://github.com/acme"), None);
    }

    const GITLAB: &str = "https://gitlab.com/acme/service/-/merge_requests/new?merge_request%5Bsource_branch%5D=case%2FSR-20261102-K7F3Q2&merge_request%5Btarget_branch%5D=main";

    #[test]
    fn gitlab_in_every_shape_of_url() {
        for remote in [
            "https://gitlab.com/acme/service",
            "https://gitlab.com/acme/service.git",
            "https://oauth2:glpat-secret@gitlab.com/acme/service.git",
            "ssh://git@gitlab.com/acme/service.git",
            "ssh://git@altssh.gitlab.com:443/acme/service.git",
            "git@gitlab.com:acme/service.git",
        ] {
            assert_eq!(url(remote).as_deref(), Some(GITLAB), "{remote}");
        }
    }

    #[test]
    fn gitlab_keeps_subgroups_and_encodes_both_branches() {
        assert_eq!(
            url("git@gitlab.example.com:acme/csc/service.git").as_deref(),
            Some(
                "https://gitlab.example.com/acme/csc/service/-/merge_requests/new?merge_request%5Bsource_branch%5D=case%2FSR-20261102-K7F3Q2&merge_request%5Btarget_branch%5D=main"
            )
        );
        assert_eq!(
            pull_request_url(
                "http://gitlab.internal:8080/acme/csc/service.git",
                None,
                SOURCE,
                "release/2026"
            )
            .as_deref(),
            Some(
                "http://gitlab.internal:8080/acme/csc/service/-/merge_requests/new?merge_request%5Bsource_branch%5D=case%2FSR-20261102-K7F3Q2&merge_request%5Btarget_branch%5D=release%2F2026"
            )
        );
    }

    #[test]
    fn forgejo_and_gitea_in_every_shape_of_url() {
        let codeberg = "https://codeberg.org/acme/service/compare/main...case/SR-20261102-K7F3Q2";
        for remote in [
            "https://codeberg.org/acme/service",
            "https://codeberg.org/acme/service.git",
            "ssh://git@codeberg.org/acme/service.git",
            "git@codeberg.org:acme/service.git",
        ] {
            assert_eq!(url(remote).as_deref(), Some(codeberg), "{remote}");
        }
        assert_eq!(
            url("http://gitea.lan:3000/acme/service.git").as_deref(),
            Some("http://gitea.lan:3000/acme/service/compare/main...case/SR-20261102-K7F3Q2")
        );
        assert_eq!(
            url("ssh://git@forgejo.example.com:2222/acme/service.git").as_deref(),
            Some("https://forgejo.example.com/acme/service/compare/main...case/SR-20261102-K7F3Q2")
        );
        assert_eq!(url("https://codeberg.org/acme/team/service.git"), None);
    }

    #[test]
    fn a_host_that_does_not_say_needs_the_setting() {
        let remote = "git@git.example.com:acme/service.git";
        assert_eq!(url(remote), None);
        assert_eq!(
            with(remote, Forge::GitHub).as_deref(),
            Some(
                "https://git.example.com/acme/service/compare/main...case/SR-20261102-K7F3Q2?expand=1"
            )
        );
        assert_eq!(
            with(remote, Forge::GitLab).as_deref(),
            Some(
                "https://git.example.com/acme/service/-/merge_requests/new?merge_request%5Bsource_branch%5D=case%2FSR-20261102-K7F3Q2&merge_request%5Btarget_branch%5D=main"
            )
        );
        assert_eq!(
            with(remote, Forge::Forgejo).as_deref(),
            Some("https://git.example.com/acme/service/compare/main...case/SR-20261102-K7F3Q2")
        );
        // The setting wins over what the host seems to say.
        assert_eq!(
            with("https://gitlab.example.com/acme/service", Forge::Forgejo).as_deref(),
            Some("https://gitlab.example.com/acme/service/compare/main...case/SR-20261102-K7F3Q2")
        );
    }

    #[test]
    fn no_web_host_no_url() {
        for remote in [
            "git://127.0.0.1:9418/company.git",
            "git://github.com/acme/service.git",
            "file:///srv/git/company.git",
            "/srv/git/company.git",
            "../company.git",
            "C:\\git\\company.git",
            "C:/git/company.git",
            "git@github.com:~acme/service.git",
            "https://github.com",
            "",
        ] {
            for forge in [None, Some(Forge::GitHub)] {
                assert_eq!(
                    pull_request_url(remote, forge, SOURCE, "main"),
                    None,
                    "{remote}"
                );
            }
        }
    }

    #[test]
    fn branch_names_are_encoded_where_a_url_needs_it() {
        assert_eq!(encode("case/SR-1", true), "case/SR-1");
        assert_eq!(encode("case/SR-1", false), "case%2FSR-1");
        assert_eq!(encode("a b#?&%", true), "a%20b%23%3F%26%25");
        assert_eq!(encode("版本", true), "%E7%89%88%E6%9C%AC");
    }
}
