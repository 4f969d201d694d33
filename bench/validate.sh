#!/usr/bin/env bash
# Benchmark svc against the raw cost of the same work, on generated workspaces with their
# histories.
#
#   bench/validate.sh              10,000 and 100,000 cases
#   bench/validate.sh 2000         a quick run
#   bench/validate.sh 2000 20000   any sizes
#
# For each size, a workspace is generated once with its history (examples/generate.rs
# --history: every case's steps as commits, about ten a case) into a temporary folder. The
# page cache is warmed once; then every row times its svc command and its raw counterpart
# RUNS times each and reports the medians, their ratio, and the peak memory (max RSS) of
# each.
#
# Environment: RUNS (default 5); CHECK_RUNS (default RUNS) for the full checks, which take
# minutes at a million commits; WORKSPACES=DIR to keep each generated workspace in DIR/ws-N
# and use it again in later runs (generating 100,000 cases with their history takes most of
# an hour; the benchmark leaves the workspace at the commit it found); KEEP=1 to keep the
# temporary folder; ROWS="report step" to time only the rows named; TMPDIR, CARGO_TARGET_DIR.
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

# The clock of the generated workspaces: after their last step.
export SVC_NOW=2026-11-27T12:00:00+08:00
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1

say() { printf '%s\n' "$*" >&2; }

# Nanoseconds since the epoch.
now_ns() { date +%s%N; }

# Seconds, from nanoseconds.
secs() { awk -v ns="$1" 'BEGIN { printf "%.3f", ns / 1e9 }'; }

# The median of the numbers given as arguments.
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Run a shell command once in the current folder: prints its wall time in ns and the peak
# resident memory of the largest process it ran, in KB. Exits non-zero as the command does.
measure() {
    python3 -c '
import resource, subprocess, sys, time
err = open(sys.argv[2], "w")
t0 = time.monotonic_ns()
code = subprocess.run(sys.argv[1], shell=True, stdout=subprocess.DEVNULL, stderr=err).returncode
t1 = time.monotonic_ns()
print(t1 - t0, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(code)
' "$1" "$2"
}

# Run a shell command in the workspace RUNS times and print the median wall time in ns and
# the largest max RSS in KB. The command's output goes to /dev/null; a non-zero exit stops
# the benchmark. PREPARE (optional) runs untimed before each run, e.g. to take a step.
time_runs() {
    local dir=$1 cmd=$2 prepare=${3:-}
    local times=() rss=0 out t m i
    for ((i = 0; i < RUNS; i++)); do
        if [ -n "$prepare" ]; then
            (cd "$dir" && eval "$prepare") >/dev/null 2>"$WORK/prepare.err" || {
                say "error: preparing \`$cmd\` failed:"
                tail -n 20 "$WORK/prepare.err" >&2
                exit 1
            }
        fi
        if ! out=$(cd "$dir" && measure "$cmd" "$WORK/run.err"); then
            say "error: \`$cmd\` exited with a non-zero status in $dir:"
            tail -n 20 "$WORK/run.err" >&2
            exit 1
        fi
        read -r t m <<<"$out"
        times+=("$t")
        if [ "$m" -gt "$rss" ]; then rss=$m; fi
    done
    echo "$(median "${times[@]}") $rss"
}

TABLE=()
LAST_SVC=""
LAST_SVC_TIMES=""

# Whether the row NAME is to be timed (all of them unless ROWS names some).
wanted() {
    [ -z "${ROWS:-}" ] || [[ " $ROWS " == *" $1 "* ]]
}

# row NAME CASES DIR SVC_COMMAND RAW_COMMAND [PREPARE]
# Time an svc command against its raw counterpart and add a line to the table. A row whose
# svc command (without PREPARE) and folder are the previous row's reuses its times.
row() {
    local name=$1 cases=$2 dir=$3 svc_cmd=$4 raw_cmd=$5 prepare=${6:-}
    wanted "$name" || return 0
    say "  $name: $RUNS × svc, $RUNS × raw"
    local svc_ns svc_kb raw_ns raw_kb
    if [ -z "$prepare" ] && [ "$dir $svc_cmd" = "$LAST_SVC" ]; then
        read -r svc_ns svc_kb <<<"$LAST_SVC_TIMES"
    else
        read -r svc_ns svc_kb < <(time_runs "$dir" "$svc_cmd" "$prepare")
    fi
    LAST_SVC="$dir $svc_cmd"
    LAST_SVC_TIMES="$svc_ns $svc_kb"
    if [ -n "$prepare" ]; then LAST_SVC=""; fi
    read -r raw_ns raw_kb < <(time_runs "$dir" "$raw_cmd" "$prepare")
    TABLE+=("$(awk -v n="$name" -v c="$cases" -v s="$svc_ns" -v r="$raw_ns" -v sm="$svc_kb" -v rm="$raw_kb" -v raw="$raw_cmd" \
        'BEGIN { printf "%-14s %7d %9.3f %9.3f %7.2fx %8.0f %8.0f   %s", n, c, s / 1e9, r / 1e9, (r > 0 ? s / r : 0), sm / 1024, rm / 1024, raw }')")
}

bench_size() {
    local n=$1
    local ws=$WORK/ws-$n
    if [ -n "${WORKSPACES:-}" ]; then
        mkdir -p "$WORKSPACES"
        ws=$(cd "$WORKSPACES" && pwd)/ws-$n
    fi
    say "== $n cases"
    local t0 t1
    if [ -d "$ws/.git" ] && git -C "$ws" rev-parse -q --verify HEAD >/dev/null; then
        say "  using the workspace generated before in $ws"
    else
        rm -rf "$ws"
        t0=$(now_ns)
        "$GENERATE" --cases "$n" --history "$ws" >"$WORK/generate.out"
        t1=$(now_ns)
        say "  generated in $(secs $((t1 - t0))) s: $(head -n 1 "$WORK/generate.out"); $(tail -n 1 "$WORK/generate.out")"
    fi
    local start
    start=$(git -C "$ws" rev-parse HEAD)
    git -C "$ws" remote remove origin 2>/dev/null || true
    (
        cd "$ws"
        # No background gc or maintenance racing the measurements.
        git config gc.auto 0
        git config maintenance.auto false
    )
    local bytes files commits
    read -r files bytes < <(find "$ws/cases" -type f -printf '%s\n' | awk '{ n++; b += $1 } END { print n, b }')
    commits=$(git -C "$ws" rev-list --count HEAD)
    say "  $files files, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB under cases/, $commits commits"

    # Warm the page cache once, for svc and the raw read alike.
    (cd "$ws" && find . -path ./.git -prune -o -type f -exec cat {} + >/dev/null && git status -s >/dev/null)

    # The first check, untimed, shows what svc found (and remembers the history judged).
    if ! "$SVC" -C "$ws" check --color never >/dev/null 2>"$WORK/check.err"; then
        say "error: svc check failed on the generated workspace:"
        tail -n 20 "$WORK/check.err" >&2
        exit 1
    fi
    say "  svc: $(tail -n 1 "$WORK/check.err")"

    # A case on the road (its engineer acts below) and the oldest and newest cases.
    local case_toml case_dir id person email oldest newest
    case_toml=$(cd "$ws" && grep -rl --include case.toml '^state = "on-site"' cases | sort | tail -n 1)
    case_dir=$(dirname "$case_toml")
    id=$(basename "$case_dir")
    person=$(sed -n 's/^assignees = \["\([^"]*\)".*/\1/p' "$ws/$case_toml")
    email=$(awk -v id="$person" '$1 == "id" && $3 == "\"" id "\"" { found = 1 } found && $1 == "email" { gsub(/"/, "", $3); print $3; exit }' "$ws/people.toml")
    git -C "$ws" config user.email "$email"
    oldest=$(cd "$ws" && find cases -mindepth 3 -maxdepth 3 -type d | sort | sed -n '1s|.*/||p')
    newest=$(cd "$ws" && find cases -mindepth 3 -maxdepth 3 -type d | sort | sed -n '$s|.*/||p')

    # Rows: row NAME CASES DIR "SVC COMMAND" "RAW COMMAND" ["PREPARE (untimed, before each run)"]
    row validate-cold "$n" "$ws" "'$SVC' validate --color never" \
        "find cases customers catalog people.toml svc.toml -type f -exec cat {} + > /dev/null" \
        "rm -f .git/svc/index"
    "$SVC" -C "$ws" validate >/dev/null 2>&1 || true
    row validate "$n" "$ws" "'$SVC' validate --color never" "git status --porcelain"
    row list "$n" "$ws" "'$SVC' list --color never" "git status --porcelain"
    row status "$n" "$ws" "'$SVC' status --color never" "git status --porcelain"
    row show-new "$n" "$ws" "'$SVC' show ${newest: -6}" "git log --grep=$newest --format=%H"
    row show-old "$n" "$ws" "'$SVC' show ${oldest: -6}" "git log --grep=$oldest --format=%H"
    "$SVC" -C "$ws" log "$newest" >/dev/null
    row log-new "$n" "$ws" "'$SVC' log ${newest: -6}" "git log --grep=$newest --format=%H"
    row log-old "$n" "$ws" "'$SVC' log ${oldest: -6}" "git log --grep=$oldest --format=%H"
    RUNS=${CHECK_RUNS:-$RUNS} row check-full "$n" "$ws" "'$SVC' check --full --color never" "git log --format=%B"
    RUNS=${CHECK_RUNS:-$RUNS} row check-full "$n" "$ws" "'$SVC' check --full --color never" "git log --raw --format=%B"

    # A step of the procedure on one case against committing the same case folder with git.
    # `svc checkin` leaves the state as it is, so it can be repeated; so can the raw commit.
    local step="SVC_NOW=2026-11-27T12:00:00+08:00 '$SVC' checkin $id --via phone"
    row check-step "$n" "$ws" "'$SVC' check --color never" "git log -1 --raw --format=%B" "$step"
    row report "$n" "$ws" "'$SVC' report monthly --month 2026-10 --format json" \
        "'$SVC' validate --color never"
    row step "$n" "$ws" "$step" \
        "echo . >> $case_dir/notes.txt && git add $case_dir && git commit -qm checkin"
    # The raw commits are not steps: taken out again.
    if wanted step; then git -C "$ws" reset -q --hard "HEAD~$RUNS"; fi

    # Sharing a step: `svc sync` (fetch, integrate, push) against `git fetch` and
    # `git push` of the same commit, to a bare repository on the same disk. Before
    # each run, one step is taken (untimed).
    if wanted sync; then
        git -C "$ws" reset -q --hard
        git clone -q --bare "$ws" "$WORK/remote-$n.git"
        git -C "$ws" remote add origin "$WORK/remote-$n.git"
        git -C "$ws" fetch -q origin
        git -C "$ws" branch -q -u origin/main
        row sync "$n" "$ws" "'$SVC' sync" "git fetch -q origin && git push -q origin main" "$step"
        git -C "$ws" remote remove origin
    fi

    # The workspace as it was found, for the next run.
    git -C "$ws" reset -q --hard "$start"
    rm -rf "$WORK/remote-$n.git"

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
echo "svc $commit, $(nproc) cores, median of $RUNS runs (the full checks: ${CHECK_RUNS:-$RUNS}), warm page cache; memory: max RSS"
printf '%-14s %7s %9s %9s %8s %8s %8s   %s\n' benchmark cases "svc (s)" "raw (s)" ratio "svc MB" "raw MB" "raw command"
for line in "${TABLE[@]}"; do
    echo "$line"
done
