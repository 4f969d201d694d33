//! The fixture itself is valid: every other test breaks exactly one thing in it.

use crate::common::{Fixture, brief};

#[test]
fn the_fixture_workspace_is_valid() {
    let f = Fixture::new();
    let findings = f.findings();
    assert!(findings.is_empty(), "{:#?}", brief(&findings));
}
