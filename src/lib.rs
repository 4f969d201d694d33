//! svc: the on-site service procedure of a Customer Service Centre, run over a git-tracked
//! folder of forms.
//!
//! - [`replay`]: the sample company's cases replayed as real steps, for `svc init --example`.
//! - [`report`]: reports and printable forms from templates.
//! - [`review`]: review by pull request: a case's branch, the switch to it, the forge's link.
//! - [`rules`]: the procedure's rules, one function per clause, and the table of them.
//! - [`scaffold`]: new forms with bilingual comments, ready to fill in.
//! - [`schema`]: JSON Schemas of every file, for editors.
//! - [`signing`]: SSH signatures on the steps `svc.toml` asks to be signed, as git makes them.
//! - [`source`]: source files, byte spans and line/column positions.
//! - [`sync`]: `svc sync`: fetch, carry this clone's steps over onto upstream, push.
//! - [`store`]: git as the store: one transition, one commit of one case folder, crash-safe.
//! - [`validate`]: validation of a whole workspace, cases in parallel.
//! - [`workflow`]: the procedure as a state machine: actions, states, who may act.
//! - [`workspace`]: the workspace root and the company's shared files, read into an index.
//! - [`actions`]: taking a step of the procedure: checks, the edit of case.toml, the commit.
//! - [`agenda`]: what awaits a person, by roles and assignments.
//! - [`case`]: case folders found and read into typed forms.
//! - [`ci`]: a forge's CI workflow and CODEOWNERS, made from people.toml.
//! - [`config`]: the company's shared files: settings, people, customers, catalog.
//! - [`decode`]: typed records from spanned trees, every problem at once, JSON Schema.
//! - [`finding`]: what validation reports: rule, severity, file, position, message, hint.
//! - [`fsutil`]: atomic file writes.
//! - [`forms`]: the six forms of the procedure and `case.toml`.
//! - [`git`]: the repository: creation, identity, commits of exactly svc's files.
//! - [`history`]: the procedure as recorded in git: `svc log` and `svc check`.
//! - [`init`]: new workspaces from the starter files or the sample company.
//! - [`node`]: TOML and YAML parsed into one spanned tree.
//! - [`remote`]: fetch and push, through the person's own `git`.
pub mod actions;
pub mod agenda;
pub mod case;
pub mod ci;
pub mod config;
pub mod decode;
pub mod finding;
pub mod forms;
pub mod fsutil;
pub mod git;
pub mod history;
pub mod init;
pub mod node;
pub mod remote;
pub mod replay;
pub mod report;
pub mod review;
pub mod rules;
pub mod scaffold;
pub mod schema;
pub mod signing;
pub mod source;
pub mod store;
pub mod sync;
pub mod validate;
pub mod workflow;
pub mod workspace;
