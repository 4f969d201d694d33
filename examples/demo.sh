#!/usr/bin/env bash
# The main job on the bundled sample company: create its workspace (every case replayed as
# real svc steps), take a new request through the whole procedure as the people who act on
# it, show the result, and print the month's report. Usage: examples/demo.sh [SVC] [DIR]
set -euo pipefail
if [ -n "${1:-}" ]; then
    svc=$1
else
    # The binary `cargo build --release` made, wherever cargo puts it (CARGO_TARGET_DIR,
    # a target-dir in cargo's configuration, or target/).
    target=$(cd "$(dirname "$0")/.." && cargo metadata --format-version 1 --no-deps 2>/dev/null |
        sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
    svc="${target:-$(dirname "$0")/../target}/release/svc"
fi
if [ ! -x "$svc" ]; then
    echo "error: no svc binary at $svc" >&2
    echo "hint: build it first (cargo build --release), or name it: examples/demo.sh PATH/TO/svc" >&2
    exit 3
fi
svc="$(cd "$(dirname "$svc")" && pwd)/$(basename "$svc")"
dir="${2:-$(mktemp -d)/company}"

# The story takes place from 23 to 26 November 2026: each step is taken at its moment (the
# clock of the steps is pinned, so the story reads the same any day).
now=""
at() { now="2026-11-$1:00+08:00"; }
as() { git -C "$dir" config user.email "$1@huaxuntong.cn"; }
step() { echo "\$ svc $*"; SVC_NOW="$now" "$svc" -C "$dir" "$@"; }
look() { echo "\$ svc $*"; "$svc" -C "$dir" "$@"; }

"$svc" init --example "$dir"
cd "$dir"
look validate
look list --state on-site
echo; echo "== Planned maintenance: the quarterly inspection up to the end of the month: one opened, one overdue"
look plan due --within 4d
at 23T08:00

echo; echo "== A request comes in by phone (8.1): the CSC records it, accepts it, assigns an engineer"
as zhang.wei
id=$(SVC_NOW="$now" "$svc" new --customer gd-telecom-gz --site gz-tianhe --product NT3600-2024-00123 --fault "天河机房 OLT 风扇告警,设备温度偏高" --contact 陈工)
echo "new case: $id"
at 23T08:20; step accept "$id" --fee warranty --note "在保,保修处理"
at 23T08:30; step assign "$id" --to liu.yang

echo; echo "== The engineer fills in the task sheet (8.3); the CSC lead signs it (7.2)"
as liu.yang
case_dir=$(dirname "$(find cases -name case.toml -path "*$id*")")
cat > "$case_dir/task-sheet.toml" <<TOML
prepared_by = "liu.yang"
prepared_on = 2026-11-23
engineers = ["liu.yang"]
customer_situation = "广州天河机房,NT-3600 OLT 运行两年,机房空调正常"
fault_detail = "风扇托盘告警,主控温度 68℃,高于阈值"
tasks = ["检查风扇托盘", "必要时更换风扇托盘", "清理防尘网"]
sites = ["gz-tianhe"]
depart_on = 2026-11-24
return_on = 2026-11-24
tools = ["测温枪", "螺丝刀"]

[[legs]]
date = 2026-11-24
from = "深圳"
to = "广州"
mode = "train"

[[parts]]
code = "FAN-3600"
qty = 1
TOML
at 23T15:00; step submit "$id"
as li.na
at 23T16:30; step approve "$id" --note "同意,当天往返"

echo; echo "== On the road: start, check in (7.5), the visit record with the customer's confirmation (7.6, 7.7)"
as liu.yang
at 24T07:30; step start "$id"
at 24T12:30; step checkin "$id" --via phone --note "已到天河机房"
mkdir -p "$case_dir/visits"
cat > "$case_dir/visits/01-gz-tianhe.toml" <<TOML
site = "gz-tianhe"
arrived_at = 2026-11-24T12:20:00+08:00
left_at = 2026-11-24T15:10:00+08:00
engineers = ["liu.yang"]
products = ["NT3600-2024-00123"]
symptoms = "风扇托盘告警,两只风扇转速为零"
diagnosis = "风扇轴承磨损"
cause = "wear"
work_done = "更换风扇托盘,清理防尘网,温度回落至 45℃"
resolved = true
training = "向客户讲解防尘网的清洁周期"

[[parts_replaced]]
code = "FAN-3600"
qty = 1

[confirmation]
name = "陈工"
title = "机房主管"
date = 2026-11-24
TOML
at 24T15:20; step complete "$id"

echo; echo "== Back home: travel log and summary (8.6); the CSC reviews and archives (5.1.6, 7.10)"
cat > "$case_dir/travel-log.yaml" <<YAML
travellers: [liu.yang]
legs:
  - {date: 2026-11-24, from: 深圳, to: 广州, mode: train, cost: "74.50"}
  - {date: 2026-11-24, from: 广州, to: 深圳, mode: train, cost: "74.50"}
back_home_at: 2026-11-24T17:10:00+08:00
back_at_work_at: 2026-11-25T08:30:00+08:00
days:
  - {date: 2026-11-24, place: 广州, work: 天河机房更换风扇托盘}
expenses:
  - {date: 2026-11-24, category: meals, amount: "40.00"}
YAML
cat > "$case_dir/summary.toml" <<TOML
prepared_by = "liu.yang"
prepared_on = 2026-11-25
outcome = "resolved"
root_cause = "风扇轴承磨损,机房灰尘较多"
fault_category = "hardware"
actions = "更换风扇托盘,清理防尘网"
satisfaction = 5
suggestions = ["建议客户每季度清理一次防尘网", "NT-3600 风扇托盘列入常备备件"]
TOML
at 25T09:10; step submit "$id"
as zhang.wei
at 26T10:00; step approve "$id" --note "记录齐全"
at 26T10:05; step archive "$id"

echo; echo "== The case's history, and the whole history checked"
look log "$id"
look check
look show "$id"

echo; echo "== Service commitments: the promises missed (5.1.7), who is away that week, the product's history"
look list --breached
look calendar --from 2026-11-23 --to 2026-11-29
look asset NT3600-2024-00123

echo; echo "== The month's analysis (8.7): what came in, how fast, what it cost, what the engineers suggest"
look report monthly --month 2026-11
