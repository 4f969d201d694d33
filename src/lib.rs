//! svc: the on-site service procedure of a Customer Service Centre, run over a git-tracked
//! folder of forms.
//!
//! - [`source`]: source files, byte spans and line/column positions.
//! - [`config`]: the company's shared files: settings, people, customers, catalog.
//! - [`decode`]: typed records from spanned trees, every problem at once, JSON Schema.
//! - [`forms`]: the six forms of the procedure and `case.toml`.
//! - [`node`]: TOML and YAML parsed into one spanned tree.
pub mod config;
pub mod decode;
pub mod forms;
pub mod node;
pub mod source;
