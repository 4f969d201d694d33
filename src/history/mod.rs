//! The procedure as git records it: the state machine, one step as one commit, and the
//! history read back and proved.
//!
//! - [`workflow`]: the procedure as a state machine: actions, states, who may act.
//! - [`git`]: the repository: creation, identity, commits of exactly svc's files.
//! - [`store`]: git as the store: one transition, one commit of one case folder, crash-safe.
//! - [`signing`]: SSH signatures on the steps `svc.toml` asks to be signed, as git makes them.
//! - [`actions`]: taking a step of the procedure: checks, the edit of case.toml, the commit.
//! - [`log`]: the trailers of svc's commits read back as git reads them; `svc log`.
//! - [`check`]: `svc check`: every commit judged by what it changes, merges included, and
//!   the step about to be recorded by the same rules.
//! - [`steps`]: which commits record a case's steps, through a map kept by commit.
//! - [`verified`]: what `svc check` found in each commit it judged, remembered by commit id.
//! - [`agenda`]: what awaits a person, by roles and assignments.

pub mod actions;
pub mod agenda;
pub mod check;
pub mod git;
pub mod log;
pub mod signing;
pub mod steps;
pub mod store;
pub mod verified;
pub mod workflow;
