//! svc: the on-site service procedure of a Customer Service Centre, run over a git-tracked
//! folder of forms.
//!
//! The parts, each using only those listed before it:
//!
//! - [`forms`]: the six forms and `case.toml`, the shared files' records, and the spanned
//!   decoding and findings they are read with.
//! - [`workspace`]: the workspace root, the shared files and the cases read into an index;
//!   new forms scaffolded; atomic writes.
//! - [`rules`]: the procedure's rules, one function per clause, and the whole-workspace run.
//! - [`history`]: the state machine, each step as one git commit, and the history read back
//!   (`svc log`) and proved (`svc check`).
//! - [`init`]: new workspaces from the starter files or the sample company's replay.
//! - [`report`]: reports and printable forms from templates.
//! - [`team`]: working together: fetch and push, `svc sync`, pull-request review, CI files.
//! - [`serve`]: `svc serve`, a local web view of the workspace whose buttons take the same
//!   steps the command line takes.
pub mod forms;
pub mod history;
pub mod i18n;
pub mod init;
pub mod report;
pub mod rules;
pub mod serve;
pub mod team;
pub mod workspace;
