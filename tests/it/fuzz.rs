//! A short run of the mutation fuzzer (`examples/fuzz.rs`, whose long runs are in
//! `bench/fuzz.sh`): a few thousand mutated forms, shared files, commit messages and notes,
//! none of which may make svc panic or break a round trip.

#[path = "../../examples/fuzz.rs"]
#[allow(dead_code)]
mod harness;

#[test]
fn a_short_fuzzing_run_finds_no_panic_and_no_broken_round_trip() {
    let scratch = tempfile::tempdir().expect("a temporary folder");
    let crashes = scratch.path().join("crashes");
    let outcome =
        harness::run(3000, 7, 2, &scratch.path().join("work"), &crashes).expect("the fuzzer runs");
    let saved: Vec<String> = outcome
        .saved
        .iter()
        .map(|f| {
            let why = std::fs::read_to_string(f.with_extension("txt")).unwrap_or_default();
            let input = std::fs::read(f).unwrap_or_default();
            format!("{why}{}", String::from_utf8_lossy(&input))
        })
        .collect();
    assert_eq!(outcome.execs, 3000);
    assert_eq!(
        (outcome.panics, outcome.broken),
        (0, 0),
        "failing inputs:\n{}",
        saved.join("\n---\n")
    );
}
