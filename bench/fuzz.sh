#!/usr/bin/env bash
# The long run of svc's mutation fuzzer (examples/fuzz.rs): a million mutated forms, shared
# files, commit messages and notes by default, on every core. Prints the executions, the
# panics and broken round trips (their inputs saved under target/fuzz-crashes/), and the
# rate; exits 1 when anything failed.
#
#   bench/fuzz.sh                  1,000,000 executions, seed 1
#   bench/fuzz.sh 200000 7         any count and seed
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
EXECS=${1:-1000000}
SEED=${2:-1}
cd "$ROOT"
cargo build --release --quiet --example fuzz
"${CARGO_TARGET_DIR:-$ROOT/target}/release/examples/fuzz" --execs "$EXECS" --seed "$SEED"
