//! The files that put a workspace under a forge's review (design §8): a CI workflow that runs
//! `svc check --base <target>` on every pull (merge) request, and a CODEOWNERS made from
//! people.toml that routes case changes to the leads and the shared files to the admins.
//! Each forge has its own places and syntax (GitHub and GitLab: gitignore-style patterns
//! and e-mails; Forgejo/Gitea: regular expressions and usernames), so the texts are made
//! here as plain values; the command line decides where and whether to write them.

use crate::config::{Person, Role};

/// A forge whose CI and code owners svc can set up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forge {
    /// GitHub (Actions, `.github/CODEOWNERS`).
    GitHub,
    /// GitLab (`.gitlab-ci.yml`, `.gitlab/CODEOWNERS`).
    GitLab,
    /// Forgejo or Gitea (Actions, `.forgejo/CODEOWNERS` with regular expressions).
    Forgejo,
}

impl Forge {
    /// Every forge, in the order the help lists them.
    pub const ALL: [Forge; 3] = [Forge::GitHub, Forge::GitLab, Forge::Forgejo];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Forge::GitHub => "github",
            Forge::GitLab => "gitlab",
            Forge::Forgejo => "forgejo",
        }
    }

    /// Where the CI workflow goes, relative to the workspace root.
    pub fn workflow_path(self) -> &'static str {
        match self {
            Forge::GitHub => ".github/workflows/svc.yml",
            Forge::GitLab => ".gitlab-ci.yml",
            Forge::Forgejo => ".forgejo/workflows/svc.yml",
        }
    }

    /// Where the code owners file goes, relative to the workspace root.
    pub fn codeowners_path(self) -> &'static str {
        match self {
            Forge::GitHub => ".github/CODEOWNERS",
            Forge::GitLab => ".gitlab/CODEOWNERS",
            Forge::Forgejo => ".forgejo/CODEOWNERS",
        }
    }
}

/// One file to write: its path relative to the workspace root and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CiFile {
    /// The path, relative to the root, with `/` separators.
    pub path: &'static str,
    /// The whole text.
    pub text: String,
}

/// The files for a forge, and what could not be routed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    /// The workflow, then CODEOWNERS.
    pub files: Vec<CiFile>,
    /// The paths left without owners because nobody in people.toml has the roles
    /// (`cases/` without a lead or sales lead; the shared files without an admin).
    pub without_owners: Vec<&'static str>,
}

/// Who reviews which paths: the routing of design §8.
struct Route {
    /// The path as the user reads it (`cases/`, `people.toml`).
    path: &'static str,
    /// The path as a Forgejo/Gitea regular expression.
    regex: &'static str,
    /// The roles whose holders own it.
    roles: &'static [Role],
}

const ROUTES: [Route; 4] = [
    Route {
        path: "cases/",
        regex: r"^cases/.*",
        roles: &[Role::Lead, Role::SalesLead],
    },
    Route {
        path: "people.toml",
        regex: r"^people\.toml$",
        roles: &[Role::Admin],
    },
    Route {
        path: "catalog/",
        regex: r"^catalog/.*",
        roles: &[Role::Admin],
    },
    Route {
        path: "svc.toml",
        regex: r"^svc\.toml$",
        roles: &[Role::Admin],
    },
];

/// The CI workflow and CODEOWNERS for `forge`, from the people (in people.toml's order).
pub fn generate<'a>(forge: Forge, people: impl IntoIterator<Item = &'a Person>) -> Generated {
    let people: Vec<&Person> = people.into_iter().collect();
    let (codeowners, without_owners) = codeowners(forge, &people);
    Generated {
        files: vec![
            CiFile {
                path: forge.workflow_path(),
                text: workflow(forge).to_string(),
            },
            CiFile {
                path: forge.codeowners_path(),
                text: codeowners,
            },
        ],
        without_owners,
    }
}

/// The owners of a route in the forge's notation, each once, in the people's order.
fn owners(forge: Forge, route: &Route, people: &[&Person]) -> Vec<String> {
    let mut owners: Vec<String> = Vec::new();
    for person in people {
        if !person.roles.iter().any(|r| route.roles.contains(&r.value)) {
            continue;
        }
        let email = person.email.value.trim();
        let owner = match forge {
            // Both accept the e-mail address of an account as an owner.
            Forge::GitHub | Forge::GitLab => email.to_string(),
            // Forgejo/Gitea take only @username or @org/team: the e-mail's local part is a
            // guess the header asks the user to check.
            Forge::Forgejo => format!("@{}", email.split('@').next().unwrap_or(email)),
        };
        if !owners.contains(&owner) {
            owners.push(owner);
        }
    }
    owners
}

fn roles_text(roles: &[Role]) -> String {
    roles
        .iter()
        .map(|r| r.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn codeowners(forge: Forge, people: &[&Person]) -> (String, Vec<&'static str>) {
    let mut text = format!(
        "# Generated by `svc ci init {}` from people.toml: edit people.toml and run\n\
         # `svc ci init {} --force` again rather than editing this file.\n\
         # Changes to cases go to the leads (roles lead, sales-lead); changes to people.toml,\n\
         # catalog/ and svc.toml go to the admins (role admin).\n",
        forge.name(),
        forge.name()
    );
    text.push_str(match forge {
        Forge::GitHub => "# Owners are e-mail addresses, which GitHub accepts for accounts that list them.\n",
        Forge::GitLab => "# Owners are e-mail addresses, which GitLab accepts for users whose address is verified.\n",
        Forge::Forgejo => "# Patterns are regular expressions. Owners must be usernames (@user) or teams\n\
             # (@org/team): each is the part of the person's e-mail before @ — adjust any that\n\
             # differ from the account's username.\n",
    });
    let mut without_owners = Vec::new();
    let mut section = "";
    for route in &ROUTES {
        let owners = owners(forge, route, people);
        if forge == Forge::GitLab {
            let name = if route.path == "cases/" {
                "[Cases]"
            } else {
                "[Shared files]"
            };
            if name != section {
                text.push_str(&format!("\n{name}\n"));
                section = name;
            }
        } else if route.path == "cases/" || route.path == "people.toml" {
            text.push('\n');
        }
        let pattern = match forge {
            // A leading slash anchors the pattern at the root, as in .gitignore.
            Forge::GitHub | Forge::GitLab => format!("/{}", route.path),
            Forge::Forgejo => route.regex.to_string(),
        };
        if owners.is_empty() {
            text.push_str(&format!(
                "# {pattern}: nobody in people.toml has the role {}\n",
                roles_text(route.roles)
            ));
            without_owners.push(route.path);
        } else {
            text.push_str(&format!("{pattern} {}\n", owners.join(" ")));
        }
    }
    (text, without_owners)
}

fn workflow(forge: Forge) -> &'static str {
    match forge {
        Forge::GitHub => GITHUB,
        Forge::GitLab => GITLAB,
        Forge::Forgejo => FORGEJO,
    }
}

const GITHUB: &str = r#"# Generated by `svc ci init github`. On every pull request, svc check replays the commits
# after the target branch and validates the forms (exit 1 on any error): make the job
# "svc check" a required status check of the target branch (Settings → Branches).
name: svc

on:
  pull_request:

permissions:
  contents: read

jobs:
  check:
    name: svc check
    runs-on: ubuntu-latest
    steps:
      - name: Check out the full history
        uses: actions/checkout@v4
        with:
          # svc check needs every commit of the pull request and the target branch.
          fetch-depth: 0

      # svc is built once and kept in the cache; `cargo install` below only rebuilds when a
      # newer release is out. Change the key to start afresh.
      - name: Cache svc
        uses: actions/cache@v4
        with:
          path: |
            ~/.cargo/bin/svc
            ~/.cargo/.crates.toml
            ~/.cargo/.crates2.json
          key: svc-${{ runner.os }}-1

      # HOW SVC IS INSTALLED — adjust to your setup. By default the release published on
      # crates.io; for a pinned version add `--version X.Y.Z`, for your own build use
      # `cargo install --locked --git <your svc repository> svc`, or download a binary.
      - name: Install svc
        run: cargo install --locked svc

      - name: Fetch the target branch
        env:
          BASE_REF: ${{ github.base_ref }}
        run: git fetch --no-tags origin "+refs/heads/$BASE_REF:refs/remotes/origin/$BASE_REF"

      - name: svc check
        env:
          BASE_REF: ${{ github.base_ref }}
        run: svc check --base "origin/$BASE_REF"

      # The month's report on the run's summary page, even when the check failed.
      - name: Monthly report summary
        if: ${{ !cancelled() }}
        run: svc report monthly --format md >> "$GITHUB_STEP_SUMMARY"
"#;

const FORGEJO: &str = r#"# Generated by `svc ci init forgejo`. On every pull request, svc check replays the commits
# after the target branch and validates the forms (exit 1 on any error): make this job a
# required status check in the target branch's protection rules. Gitea reads the same
# workflow from .gitea/workflows/ — move the file there on Gitea.
name: svc

on:
  pull_request:

jobs:
  check:
    # A label of one of your runners. Its image needs git, Node.js (for checkout) and a
    # Rust toolchain (for cargo install), or svc installed already.
    runs-on: docker
    steps:
      - name: Check out the full history
        uses: actions/checkout@v4
        with:
          # svc check needs every commit of the pull request and the target branch.
          fetch-depth: 0

      # HOW SVC IS INSTALLED — adjust to your setup. By default the release published on
      # crates.io; for a pinned version add `--version X.Y.Z`, for your own build use
      # `cargo install --locked --git <your svc repository> svc`, or download a binary.
      - name: Install svc
        run: cargo install --locked svc

      - name: Fetch the target branch
        env:
          BASE_REF: ${{ github.base_ref }}
        run: git fetch --no-tags origin "+refs/heads/$BASE_REF:refs/remotes/origin/$BASE_REF"

      - name: svc check
        env:
          BASE_REF: ${{ github.base_ref }}
        run: svc check --base "origin/$BASE_REF"

      # The month's report as the job summary. Recent Forgejo versions provide
      # GITHUB_STEP_SUMMARY like GitHub; where it is not set (older Forgejo, Gitea) the
      # report goes to the job's log instead.
      - name: Monthly report summary
        if: ${{ !cancelled() }}
        run: |
          if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
            svc report monthly --format md >> "$GITHUB_STEP_SUMMARY"
          else
            svc report monthly --format md
          fi
"#;

const GITLAB: &str = r#"# Generated by `svc ci init gitlab`. On every merge request, svc check replays the commits
# after the target branch and validates the forms (exit 1 on any error): require the
# pipeline to succeed before merging (Settings → Merge requests).
svc-check:
  stage: test
  image: rust:latest
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  variables:
    # The full history: svc check needs every commit of the merge request and its base.
    GIT_DEPTH: "0"
  before_script:
    # HOW SVC IS INSTALLED — adjust to your setup. By default the release published on
    # crates.io; for a pinned version add `--version X.Y.Z`, for your own build use
    # `cargo install --locked --git <your svc repository> svc`, or use an image that has
    # svc already (and delete this line).
    - cargo install --locked svc
  script:
    # GitLab has no job summary page: the month's report is kept as an artifact instead,
    # written first so that it is there even when the check fails.
    - svc report monthly --format md -o svc-report.md || echo "no monthly report"
    - svc check --base "$CI_MERGE_REQUEST_DIFF_BASE_SHA"
  artifacts:
    when: always
    expose_as: "svc monthly report"
    paths:
      - svc-report.md
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_forge_writes_a_workflow_and_codeowners_in_distinct_places() {
        let mut paths = Vec::new();
        for forge in Forge::ALL {
            let generated = generate(forge, []);
            assert_eq!(generated.files.len(), 2);
            paths.extend(generated.files.iter().map(|f| f.path));
            assert!(generated.files[0].text.contains("svc check --base"));
            assert!(
                generated.files[0]
                    .text
                    .contains("cargo install --locked svc")
            );
        }
        let unique: std::collections::BTreeSet<_> = paths.iter().collect();
        assert_eq!(unique.len(), paths.len());
    }

    #[test]
    fn without_people_every_route_is_reported_and_commented_out() {
        let generated = generate(Forge::GitHub, []);
        assert_eq!(
            generated.without_owners,
            ["cases/", "people.toml", "catalog/", "svc.toml"]
        );
        let codeowners = &generated.files[1].text;
        assert!(
            codeowners.contains("# /cases/: nobody in people.toml has the role lead, sales-lead")
        );
        assert!(
            codeowners
                .lines()
                .all(|l| l.is_empty() || l.starts_with('#')),
            "{codeowners}"
        );
    }
}
