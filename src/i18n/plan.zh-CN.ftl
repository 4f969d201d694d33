# 计划维护:plans/<id>.toml、svc plan、规则 8.1-plan。

## 计划文件。
ws-plan-not-folder = plans 不是文件夹
ws-plan-not-folder-hint = plans/ 存放维护计划，每个计划一个文件 plans/<编号>.toml
ws-plan-ignored = 未读取 { $file }：维护计划是 TOML 文件 plans/<编号>.toml
ws-plan-ignored-hint = 把它改名为 plans/<编号>.toml，或移出 plans/
ws-plan-id-name = 计划编号 { $id } 与文件名 { $file } 不一致
ws-plan-id-name-hint = 计划文件以编号命名：写 id = "{ $stem }"，或给文件改名；改正之前 svc 不使用此计划
ws-plan-id-chars = 计划编号「{ $id }」只能由小写字母、数字、点、连字符和下划线组成
ws-plan-id-chars-hint = 编号会写入服务单的历史和文件名，例如 gzdx-nt3600-quarterly
ws-plan-rrule = 重复规则无法使用：{ $why }
ws-plan-rrule-hint = 按 RFC 5545 写以日期为单位的 RRULE，例如 rrule = "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=5"（每季度 5 日），首次日期写在 start
ws-plan-rrule-empty = RRULE 为空
ws-plan-rrule-lines = RRULE 写成了多行
ws-plan-rrule-part = 计划不用 { $part }：计划的日期以天为单位，首次日期写在 start
ws-plan-rrule-freq = FREQ={ $freq } 在一天之内重复；计划的日期以天为单位（DAILY、WEEKLY、MONTHLY 或 YEARLY）
ws-plan-rrule-bad = { $error }
ws-plan-until-before-start = 截止日期 { $until } 早于首次日期 { $start }
ws-plan-lead = `{ $lead }` 不是提前开单的天数
ws-plan-lead-hint = 写整数天或整数周：14d、2w（默认 14d）
ws-plan-covers-nothing = 计划没有写维护对象：既没有型号，也没有序列号
ws-plan-covers-both = 计划同时写了型号和序列号；二者只能写其一
ws-plan-covers-hint = 写 model = "NT-3600" 覆盖客户安装的该型号全部设备，或写 serials = ["…"] 覆盖所列设备
ws-plan-no-task = 计划没有写工作内容
ws-plan-no-task-hint = task = "…" 是每次维护要做的工作，会写入服务单的服务请求
ws-plan-engineer = 计划的工程师
ws-plan-no-customer = 计划的客户 { $customer } 在 customers/ 中没有文件
ws-plan-no-agreement = 客户 { $customer } 没有协议 { $agreement }
ws-plan-no-site = 客户 { $customer } 没有服务地点 { $site }
ws-plan-no-serial = 客户 { $customer } 的设备中没有序列号 { $serial }
ws-plan-no-model = 客户 { $customer } 没有可供计划维护的 { $model }
ws-plan-no-model-hint = 按客户文件中设备的型号（model）核对写法；没有该型号的设备时，计划不开服务单

## 规则 8.1-plan。
rule-plan-twice = { $plan } 在 { $date } 对设备 { $serial } 又开了一张服务单：另有 { $others }
rule-plan-twice-hint = 一次计划维护只开一张服务单：取消多出的一张（svc cancel … --reason "与 … 重复"），保留另一张
rule-plan-unknown = 此服务单按维护计划 { $plan } 开出，但 plans/ 中没有这个计划
rule-plan-unknown-hint = 计划停用后，已开的服务单保持不变；若计划改了名，其文件应保留原编号

## 开计划服务单。
step-role-plan = 计划维护的服务单由客户服务中心开出（角色 csc）
step-plan-note = 计划维护 { $plan }，{ $date }。

## svc plan。
cli-plan-none = 工作区没有维护计划（plans/<编号>.toml）
cli-plan-none-hint = 维护计划写明维护对象、日期（RRULE）和工作内容：见 README 的「Planned maintenance」一节
cli-plan-count = { $count } 个计划
cli-plan-within = `{ $within }` 不是天数
cli-plan-within-hint = 写整数天或整数周：30d、2w
cli-plan-due-none = 截至 { $to } 没有待开的维护：每次维护都已开服务单
cli-plan-due-count = 截至 { $to }：待开 { $due } 次（其中逾期 { $overdue } 次），已开 { $opened } 次
cli-plan-opened = 已开 { $case }：{ $plan }，{ $date }，设备 { $serial }（提交 { $commit }）
cli-plan-would-open = 将开 { $case }：{ $plan }，{ $date }，设备 { $serial }
cli-plan-nothing-to-open = 截至 { $to } 没有要开的服务单：到期的每次维护都已开单
cli-plan-opened-count = 已开 { $count } 张服务单
cli-plan-would-count = 将开 { $count } 张服务单（试运行：未写入任何内容）
cli-plan-every = 按 { $rule }
cli-plan-covers-model = 全部 { $model }
cli-plan-state-due = 待开
cli-plan-state-overdue = 逾期

## svc sync。
cli-sync-duplicate = { $case }（{ $plan }，{ $occurrence }）已由 { $opened_by } 于 { $opened_at } 在上游（{ $upstream }）开出：本机对同一次维护的开单作为重复舍弃，以上游的服务单为准
cli-plan-role = { $person } 不能开计划维护的服务单：需要 csc 角色（8.1）

## svc calendar。
report-away-maintenance = 计划维护
report-away-not-opened = 尚未开单（svc plan open）
report-away-plan = 维护计划 { $plan }，设备 { $unit }。

## svc show。
cli-show-plan = { $plan } { $title }，{ $date }（计划维护）

## svc check。
history-plan-role = { $person } 没有 csc 角色，却开了计划维护的服务单（带 [plan]）
history-plan-role-hint = 计划维护的服务单由客户服务中心用 svc plan open 开出：取消此单，由客服中心人员为这次维护开单
