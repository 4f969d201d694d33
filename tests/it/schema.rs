//! `svc schema`: the JSON Schemas are valid draft-07 and every form of the bundled sample
//! company and of the test fixture passes them, as checked by Python's jsonschema.

use crate::common::{Fixture, stdout, svc_in};
use std::process::Command;

fn check_with_python(schemas: &str, workspace: &std::path::Path) -> (bool, String) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("schemas.json");
    std::fs::write(&file, schemas).expect("write the schemas");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/tools/check_schemas.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(&file)
        .arg(workspace)
        .output()
        .expect("python3 runs (install it, and `pip install jsonschema pyyaml`)");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn every_form_of_the_sample_company_passes_its_schema() {
    let f = Fixture::shared_only();
    let out = f.svc(&["schema", "--json"]);
    assert!(out.status.success());
    let sample = tempfile::tempdir().expect("a temporary folder");
    let init = svc_in(sample.path(), &["init", "--example", "company"]);
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );
    let (ok, report) = check_with_python(&stdout(&out), &sample.path().join("company"));
    assert!(ok, "{report}");
    let checked: usize = report
        .lines()
        .last()
        .and_then(|l| l.strip_prefix("checked "))
        .and_then(|l| l.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(checked >= 100, "only {checked} files checked:\n{report}");
    for form in [
        "[request]",
        "[task-sheet]",
        "[visit]",
        "[fees]",
        "[travel-log]",
        "[summary]",
        "[case]",
        "[customer]",
        "[people]",
        "[settings]",
        "[parts]",
        "[rates]",
        "[calendar]",
        "[plan]",
    ] {
        assert!(
            report.contains(form),
            "no file checked against {form}:\n{report}"
        );
    }
}

#[test]
fn the_fixture_passes_and_a_broken_form_fails_the_schema() {
    let f = Fixture::new();
    let schemas = stdout(&f.svc(&["schema", "--json"]));
    let (ok, report) = check_with_python(&schemas, f.root());
    assert!(ok, "{report}");
    f.edit(
        &format!("{}/request.toml", crate::common::CASE),
        "channel = \"phone\"",
        "channel = \"pigeon\"",
    );
    f.edit(
        &format!("{}/fees.toml", crate::common::CASE),
        "total = \"980.00\"",
        "total = 980.0",
    );
    let (ok, report) = check_with_python(&schemas, f.root());
    assert!(!ok, "{report}");
    assert!(
        report.contains("request.toml [request] at channel"),
        "{report}"
    );
    assert!(report.contains("fees.toml [fees] at total"), "{report}");
}

#[test]
fn each_form_schema_is_a_draft_07_document() {
    let f = Fixture::shared_only();
    for form in [
        "request",
        "task-sheet",
        "visit",
        "fees",
        "travel-log",
        "summary",
    ] {
        let out = f.svc(&["schema", form]);
        assert!(out.status.success(), "{form}");
        let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(
            schema["$schema"], "http://json-schema.org/draft-07/schema#",
            "{form}"
        );
        assert_eq!(schema["additionalProperties"], false, "{form}");
        assert!(schema["required"].is_array(), "{form}");
        let properties = schema["properties"].as_object().expect("properties");
        let fields = svc::forms::FormKind::from_name(form)
            .expect("a form")
            .fields();
        assert_eq!(
            properties.len(),
            fields.len(),
            "{form}: one property per field"
        );
        for (key, description) in fields {
            assert_eq!(
                properties[*key]["description"], *description,
                "{form}.{key}"
            );
        }
    }
}
