//! Working together: a team's clones, the forge between them, and the pull requests that
//! carry approvals (design §8).
//!
//! - [`remote`]: fetch and push, through the person's own `git`.
//! - [`sync`]: `svc sync`: fetch, carry this clone's steps over onto upstream, push.
//! - [`review`]: review by pull request: a case's branch, the switch to it, the forge's link.
//! - [`step`]: one step, the whole of it, for every front end: find the case, enter its
//!   branch in pull-request mode, take the step, push.
//! - [`refusal`]: what a step not taken says to do next, for every front end.
//! - [`ci`]: a forge's CI workflow and CODEOWNERS, made from people.toml.

pub mod ci;
pub mod refusal;
pub mod remote;
pub mod review;
pub mod step;
pub mod sync;
