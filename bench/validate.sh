#!/usr/bin/env bash
# Benchmark svc against the raw cost of the same work, on generated workspaces.
#
#   bench/validate.sh              10,000 and 100,000 cases
#   bench/validate.sh 2000         a quick run
#   bench/validate.sh 2000 20000   any sizes
#
# For each size, a workspace is generated once (examples/generate.rs) into a temporary
# folder and committed to a fresh git repository (later rows compare with git). The page
# cache is warmed once; then every row times its svc command and its raw counterpart
# RUNS times each and reports the medians and their ratio.
#
# Environment: RUNS (default 5), KEEP=1 to keep the workspaces, TMPDIR, CARGO_TARGET_DIR.
#
# To add a benchmark, add a `row` call in `bench_size` (see the comment there).

set -euo pipefail

RUNS=${RUNS:-5}
SIZES=("$@")
if [ ${#SIZES[@]} -eq 0 ]; then
    SIZES=(10000 100000)
fi
for n in "${SIZES[@]}"; do
    if ! [[ $n =~ ^[0-9]+$ ]] || [ "$n" -lt 1 ]; then
        echo "usage: bench/validate.sh [CASES ...]   (default: 10000 100000)" >&2
        exit 2
    fi
done

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
SVC=$TARGET/release/svc
GENERATE=$TARGET/release/examples/generate

say() { printf '%s\n' "$*" >&2; }

# Nanoseconds since the epoch.
now_ns() { date +%s%N; }

# Seconds, from nanoseconds.
secs() { awk -v ns="$1" 'BEGIN { printf "%.3f", ns / 1e9 }'; }

# The median of the numbers given as arguments.
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Run a shell command in the workspace RUNS times and print the median wall time in ns.
# The command's output goes to /dev/null; a non-zero exit stops the benchmark. PREPARE
# (optional) runs untimed before each run, e.g. to put a case back into its state.
time_runs() {
    local dir=$1 cmd=$2 prepare=${3:-}
    local times=() t0 t1 i
    for ((i = 0; i < RUNS; i++)); do
        if [ -n "$prepare" ]; then
            (cd "$dir" && eval "$prepare") >/dev/null 2>"$WORK/prepare.err" || {
                say "error: preparing \`$cmd\` failed:"
                tail -n 20 "$WORK/prepare.err" >&2
                exit 1
            }
        fi
        t0=$(now_ns)
        if ! (cd "$dir" && eval "$cmd") >/dev/null 2>"$WORK/run.err"; then
            say "error: \`$cmd\` exited with a non-zero status in $dir:"
            tail -n 20 "$WORK/run.err" >&2
            exit 1
        fi
        t1=$(now_ns)
        times+=($((t1 - t0)))
    done
    median "${times[@]}"
}

TABLE=()

# row NAME CASES DIR SVC_COMMAND RAW_COMMAND [PREPARE]
# Time an svc command against its raw counterpart (or, for a report, against validate)
# and add a line to the table.
row() {
    local name=$1 cases=$2 dir=$3 svc_cmd=$4 raw_cmd=$5 prepare=${6:-}
    say "  $name: $RUNS × svc, $RUNS × raw"
    local svc_ns raw_ns
    svc_ns=$(time_runs "$dir" "$svc_cmd" "$prepare")
    raw_ns=$(time_runs "$dir" "$raw_cmd" "$prepare")
    TABLE+=("$(awk -v n="$name" -v c="$cases" -v s="$svc_ns" -v r="$raw_ns" -v raw="$raw_cmd" \
        'BEGIN { printf "%-12s %9d %10.3f %10.3f %8.1fx   %s", n, c, s / 1e9, r / 1e9, (r > 0 ? s / r : 0), raw }')")
}

bench_size() {
    local n=$1
    local ws=$WORK/ws-$n
    say "== $n cases"
    local t0 t1
    t0=$(now_ns)
    "$GENERATE" --cases "$n" "$ws" >"$WORK/generate.out"
    t1=$(now_ns)
    say "  generated in $(secs $((t1 - t0))) s: $(head -n 1 "$WORK/generate.out")"

    # One commit of everything, by a fixed person at a fixed time, with no outside config.
    t0=$(now_ns)
    (
        cd "$ws"
        export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
        export GIT_AUTHOR_DATE="2026-11-26T18:00:00+08:00" GIT_COMMITTER_DATE="2026-11-26T18:00:00+08:00"
        git init -q -b main .
        # No background gc or maintenance racing the measurements; packed explicitly below.
        git config gc.auto 0
        git config maintenance.auto false
        git config user.name "孙慧"
        git config user.email "sun.hui@pengyuan-tel.example.com"
        git add -A
        git commit -q -m "Import $n generated cases"
        git repack -a -d -q
    )
    t1=$(now_ns)
    local bytes files
    read -r files bytes < <(find "$ws/cases" -type f -printf '%s\n' | awk '{ n++; b += $1 } END { print n, b }')
    say "  committed in $(secs $((t1 - t0))) s: $files files, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB under cases/"

    # Warm the page cache once, for svc and the raw read alike.
    (cd "$ws" && find . -path ./.git -prune -o -type f -exec cat {} + >/dev/null)

    # The first validate run, untimed, shows what svc found.
    if ! "$SVC" -C "$ws" validate --color never >/dev/null 2>"$WORK/validate.err"; then
        say "error: svc validate failed on the generated workspace:"
        tail -n 20 "$WORK/validate.err" >&2
        exit 1
    fi
    say "  svc: $(tail -n 1 "$WORK/validate.err")"

    # Rows: row NAME CASES DIR "SVC COMMAND" "RAW COMMAND" ["PREPARE (untimed, before each run)"]
    # e.g. a transition against git:
    #   row approve "$n" "$ws" "svc approve \$CASE" "git add -A && git commit -qm x" "git reset -q --hard"
    row validate "$n" "$ws" "'$SVC' -C . validate --color never" \
        "find cases -type f -exec cat {} + > /dev/null"

    # The monthly report (8.7) against validating the same workspace: it reads the month's
    # cases and the open ones from committed data.
    row report "$n" "$ws" "SVC_NOW=2026-11-27T12:00:00+08:00 '$SVC' -C . report monthly --month 2026-10 --format json" \
        "'$SVC' -C . validate --color never"

    # A step of the procedure on one case against committing the same case folder with git.
    # `svc checkin` leaves the state as it is, so it can be repeated; so can the raw commit.
    local case_toml case_dir id person email
    case_toml=$(cd "$ws" && grep -rl --include case.toml '^state = "on-site"' cases | head -n 1 || true)
    if [ -n "$case_toml" ]; then
        case_dir=$(dirname "$case_toml")
        id=$(basename "$case_dir")
        person=$(sed -n 's/^assignees = \["\([^"]*\)".*/\1/p' "$ws/$case_toml")
        email=$(awk -v id="$person" '$1 == "id" && $3 == "\"" id "\"" { found = 1 } found && $1 == "email" { gsub(/"/, "", $3); print $3; exit }' "$ws/people.toml")
        git -C "$ws" config user.email "$email"
        row transition "$n" "$ws" "SVC_NOW=2026-11-26T21:00:00+08:00 '$SVC' -C . checkin $id --via phone" \
            "echo . >> $case_dir/notes.txt && git add $case_dir && git commit -qm checkin"

        # Sharing a step: `svc sync` (fetch, integrate, push) against `git fetch` and
        # `git push` of the same commit, to a bare repository on the same disk. Before
        # each run, one step is taken (untimed).
        git clone -q --bare "$ws" "$WORK/remote-$n.git"
        git -C "$ws" remote add origin "$WORK/remote-$n.git"
        git -C "$ws" fetch -q origin
        git -C "$ws" branch -q -u origin/main
        row sync "$n" "$ws" "'$SVC' -C . sync" "git fetch -q origin && git push -q origin main" \
            "SVC_NOW=2026-11-26T21:00:00+08:00 '$SVC' -C . checkin $id --via phone"
    else
        say "  (no on-site case: no transition row)"
    fi

    if [ "${KEEP:-0}" = 1 ]; then
        say "  kept $ws"
    fi
}

say "building (release)…"
(cd "$ROOT" && cargo build --release --quiet && cargo build --release --quiet --example generate)

# The workspaces are removed only at the end: deleting 100,000 case folders keeps the disk
# busy for a while, which would disturb the next measurement.
WORK=$(mktemp -d "${TMPDIR:-/tmp}/svc-bench.XXXXXX")
if [ "${KEEP:-0}" != 1 ]; then
    trap 'rm -rf "$WORK"' EXIT
fi
trap 'exit 130' INT TERM

for n in "${SIZES[@]}"; do
    bench_size "$n"
done

commit=$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(cd "$ROOT" && git status --porcelain 2>/dev/null)" ]; then
    commit="$commit+dirty"
fi
echo
echo "svc $commit, $(nproc) cores, median of $RUNS runs, warm page cache"
printf '%-12s %9s %10s %10s %9s   %s\n' benchmark cases "svc (s)" "raw (s)" ratio "raw command"
for line in "${TABLE[@]}"; do
    echo "$line"
done
