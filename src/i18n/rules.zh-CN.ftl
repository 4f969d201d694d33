# rules 检查的消息。

## 几条规则共用

rule-approval-no-covers = { $person } 于 { $at } 的 { $kind } 审批未写明所涵盖的内容（`covers`）
rule-approval-no-covers-hint = svc 会记录每次审批所涵盖的内容；手工写入或由旧版 svc 写入的审批，须用 svc approve 重新审批

## layout

rule-layout-attachment-too-large = 附件 `{ $name }` 大小为 { $size }，超过了附件 { $limit } MB 的上限（{ $why }）
rule-layout-limit-set = 由 svc.toml 中的 [attachments] max_mb 设定
rule-layout-limit-default = svc 的默认值；可在 svc.toml 的 [attachments] max_mb 中另设
rule-layout-attachment-too-large-hint = git 会永久保留它的每一个版本：把它移出工作区（放到文件共享上）并在服务单的表单中注明存放位置，或在 svc.toml 中提高上限：[attachments] max_mb = { $mb }

## id

rule-id-duplicate = 服务单编号 { $case } 也被 { $others } 使用
rule-id-duplicate-hint = 服务单编号必须唯一；用 `svc new` 为其中一个服务单取新编号，并把它的表单移过去
rule-id-folder = 服务单编号 { $case } 与其文件夹名 { $folder } 不一致
rule-id-folder-hint = 文件夹须以服务单编号命名：重命名文件夹，或更正编号
rule-id-malformed = 服务单编号 "{ $case }" 不符合 PREFIX-YYYYMMDD-XXXXXX 格式
rule-id-malformed-hint = 编号由 `svc new` 生成：前缀、开单日期、六个 Crockford base32 字符（例如 SR-20261127-K7F3Q2）
rule-id-month = 服务单 { $case } 存放在 { $folder } 下，而不在其所属月份 { $month } 下
rule-id-month-hint = 把文件夹移到 cases/{ $month }/

## ref（以及收费方式的格式）

rule-ref-customer = 客户 `{ $customer }` 没有文件 customers/{ $customer }.toml
rule-ref-site = 现场 `{ $site }` 不是客户 { $customer } 的现场
rule-ref-serial = 序列号 { $serial } 不是客户 { $customer } 的产品
rule-ref-agreement = 协议 { $agreement } 不是客户 { $customer } 的售后服务协议
rule-ref-part = 代码 `{ $code }` 不在 catalog/parts.toml 中
rule-ref-part-or-rate = 代码 `{ $code }` 不在 catalog/parts.toml 或 catalog/rates.toml 中
rule-ref-person-assignee = 被指派人
rule-ref-person-approver = 审批人
rule-ref-person-rejected-by = 退回人
rule-ref-person-checkin-by = 出差联系人
rule-ref-person-engineer = 现场服务人员
rule-ref-person-helper = 协助人员
rule-ref-person-traveller = 出差人员
rule-schema-fee = 收费方式 "{ $fee }" 不是 warranty、billable 或 agreement:ID
rule-schema-fee-hint = 例如 fee = "warranty"，或 fee = "agreement:AG-2026-003"

## dates

rule-dates-order = { $what }（{ $at }）早于{ $other }（{ $other_at }）
rule-dates-order-hint = { $what }不能早于{ $other }；请更正错误的那个时间
rule-dates-return-before-departure = 计划返回日期 { $return_on } 早于计划出发日期 { $depart_on }
rule-dates-return-before-departure-hint = 交换这两个日期，或更正错误的那个
rule-dates-trip-before-approval = 出差开始（{ $started }）早于客户服务任务书的批准（{ $approved }）
rule-dates-trip-before-approval-hint = 7.2：客户服务任务书签字前任何人不得出发；更正该段行程的日期或审批
rule-dates-left-before-arrival = 离开现场（{ $left }）不晚于到达现场（{ $arrived }）
rule-dates-left-before-arrival-hint = left_at 必须晚于 arrived_at
rule-dates-arrival-before-approval = 到达现场（{ $arrived }）早于客户服务任务书的批准（{ $approved }）
rule-dates-arrival-before-approval-hint = 7.2：客户服务任务书签字之后才能去现场
rule-dates-arrival-before-leg = 到达现场（{ $arrived }）早于出差的第一段行程（{ $leg }）
rule-dates-arrival-before-leg-hint = 8.4：现场服务人员先出发后到达；更正现场服务记录的到达时间或出差工作日志中的行程
rule-dates-confirmed-early = 客户确认日期 { $date } 早于现场服务开始
rule-dates-confirmed-early-hint = 客户在工作完成后才确认
rule-dates-future-moment = { $what }记录的时间 { $at } 尚未到来
rule-dates-future-moment-hint = 事情发生后再记录；请核对日期和 UTC 时差
rule-dates-future-date = { $what }的日期 { $date } 尚未到来
rule-dates-future-date-hint = 事情发生后再记录
# 服务单记录的时间和日期（上面消息中的 $what）。
rule-dates-what-receipt = 服务请求的接收
rule-dates-what-opening = 服务单的开立
rule-dates-what-acceptance = 受理
rule-dates-what-resolution = 电话解决
rule-dates-what-assignment = 指派
rule-dates-what-submission = 客户服务任务书的提交
rule-dates-what-approval = 客户服务任务书的批准
rule-dates-what-start = 出差开始
rule-dates-what-completion = 完工
rule-dates-what-handing-in = 交回记录
rule-dates-what-review = 审核
rule-dates-what-archiving = 归档
rule-dates-what-cancellation = 取消
rule-dates-what-an-approval = 一次审批
rule-dates-what-checkin = 一次出差联系
rule-dates-what-rejection = 一次退回
rule-dates-what-sheet-date = 客户服务任务书的日期
rule-dates-what-advance-request = 借款申请
rule-dates-what-leg = 一段行程
rule-dates-what-first-leg = 第一段行程
rule-dates-what-day = 出差中的一天
rule-dates-what-expense = 一笔费用
rule-dates-what-advance = 借款
rule-dates-what-leaving-last-site = 离开最后一个现场
rule-dates-what-return-home = 出差返回
rule-dates-what-back-at-work = 回到公司上班
rule-dates-what-arrival = 到达现场
rule-dates-what-leaving = 离开现场
rule-dates-what-confirmation = 客户确认
rule-dates-what-signature = 客户签字
rule-dates-what-payment = 收费
rule-dates-what-summary-date = 服务总结报告的日期

## 8.1、8.2、state

rule-8-1-no-request = 服务单没有服务请求
rule-8-1-no-request-hint = 8.1：每个服务单都从收到的服务请求开始：request.toml（由 svc new 写入）
rule-8-1-fee-mismatch = 服务请求中的收费方式为 "{ $requested }"，而 case.toml 记录的是 "{ $recorded }"
rule-8-1-fee-mismatch-hint = 8.1、5.1.2：与客户商定的收费方式只有一种；更正错误的一方
rule-8-1-no-fee = 服务单处于 { $state } 状态，但没有记录收费方式
rule-8-1-no-fee-hint = 8.1：受理前与客户商定服务费的处理：`svc accept CASE --fee warranty|billable|agreement:ID`
rule-8-1-no-resolution = 服务单已通过电话解决，但未写明是如何解决的
rule-8-1-no-resolution-hint = 在 case.toml 中添加 resolution = "…"：写明电话中做了什么
rule-8-2-nobody = 服务单处于 { $state } 状态，但没有指派任何人
rule-8-2-nobody-hint = 8.2：`svc assign CASE --to PERSON`
rule-8-2-not-engineer = 被指派人 `{ $person }` 不是现场服务人员
rule-8-2-not-engineer-hint = 只能指派在 people.toml 中具有 "engineer" 角色的人
rule-8-2-via = assigned_via 为 "{ $via }"；只有客服中心或产品销售部可以指派现场服务人员
rule-8-2-via-hint = assigned_via = "csc" 或 "sales"（8.2）
rule-8-2-role-not-held = `{ $person }` 以 { $via } 的身份指派了此服务单，但并不具有该角色
rule-8-2-role-not-held-hint = 5.1.3、5.2.1：由客服中心或产品销售部指派；请核对 people.toml
rule-8-2-no-assigner = 服务单处于 { $state } 状态，但没有记录由谁指派
rule-8-2-no-assigner-hint = 在 case.toml 中添加 assigned_by（人员 id）和 assigned_via（"csc" 或 "sales"）
rule-state-no-cancel-reason = 服务单已取消，但未写明原因
rule-state-no-cancel-reason-hint = 在 case.toml 中添加 cancel_reason = "…"

## 7.1–7.4：出差前

rule-7-1-no-task-sheet = 服务单处于 { $state } 状态，但没有客户服务任务书
rule-7-1-no-task-sheet-hint = 8.3：现场服务人员在提交前填写客户服务任务书：`svc edit { $case } task-sheet`
rule-7-1-not-stated = 客户服务任务书未写明{ $what }
rule-7-1-not-stated-hint = 7.1：出差前现场服务人员必须明确工作任务，了解故障情况和客户情况；请填写完整
rule-7-1-what-situation = 客户情况
rule-7-1-what-fault = 详细的故障情况
rule-7-1-what-tasks = 工作任务
rule-7-1-what-sites = 要去的现场
rule-7-1-what-engineers = 现场服务人员
rule-7-1-engineer-not-assigned = 客户服务任务书上的现场服务人员 `{ $person }` 未被指派到此服务单
rule-7-1-engineer-not-assigned-hint = 8.2：只有被指派的现场服务人员才能出差；请先指派，或更正客户服务任务书
rule-7-2-wrong-role = 客户服务任务书以 { $role } 身份签字，而不是 lead 或 sales-lead
rule-7-2-wrong-role-hint = 7.2、5.2.2：客户服务任务书由客服中心领导（角色 "lead"）或产品销售部领导（角色 "sales-lead"）签字
rule-7-2-role-not-held = `{ $person }` 以 { $role } 身份签署了客户服务任务书，但并不具有该角色
rule-7-2-role-not-held-hint = 请核对 people.toml 中的角色
rule-7-2-changed = { $files } 在 { $person } 于 { $at } 签字后有改动：签字针对的是较早的版本
rule-7-2-changed-hint = 签字后的改动须重新签字：`svc submit { $case }` 把客户服务任务书重新送签，或恢复已签字的版本
rule-7-2-own-sheet = `{ $person }` 签署了自己的客户服务任务书
rule-7-2-own-sheet-hint = 任何人都不能审批自己的提交；须由另一位领导签字
rule-7-2-not-signed = 服务单处于 { $state } 状态，但其客户服务任务书没有{ $who }的签字
rule-7-2-not-signed-hint = 7.2：没有签字则服务无效；由领导执行 `svc approve CASE`
rule-7-2-who-lead = 客服中心领导（5.1.4）
rule-7-2-who-sales-lead = 产品销售部领导（服务单由产品销售部指派，5.2.2）
rule-7-3-requested-early = 借款于 { $date } 申请，早于客户服务任务书的批准日期 { $approved }
rule-7-3-received-early = 借款于 { $date } 收到，早于客户服务任务书的批准日期 { $approved }
rule-7-3-requested-unapproved = 借款于 { $date } 申请，但客户服务任务书尚未批准
rule-7-3-received-unapproved = 借款于 { $date } 收到，但客户服务任务书尚未批准
rule-7-3-hint = 7.3：只有持已签字的客户服务任务书才能请款
rule-7-4-not-manager = 乘坐飞机由 `{ $person }` 批准，而此人不是总经理/市场部副总
rule-7-4-not-manager-hint = 7.4：乘坐飞机须由网络终端设备厂总经理或市场部副总审批（角色 "manager"）
rule-7-4-no-approval = { $date } 的航班没有总经理/市场部副总的审批
rule-7-4-not-among-approved = 航班 { $flight } 不在总经理/市场部副总批准的航班之中
rule-7-4-late = { $date } 的航班在出行之后才获批准
rule-7-4-hint = 7.4：请总经理或市场部副总审批：`svc approve { $case } --flight`

## 7.5–7.9、8.6、5.1.6：出差途中及返回后

rule-7-5-short-checkins = { $from } 至 { $to } 出差联系 { $count } 次；出差期间应联系 { $needed } 次
rule-7-5-short-checkins-hint = 7.5：出差期间每周应通过电话、传真或 E-mail 与公司联系二次；用 `svc checkin { $case } --via phone` 记录
rule-7-5-more-weeks = { $from } 至 { $to } 期间另有 { $count } 周出差联系次数不足
rule-7-6-file-name = 现场 `{ $site }` 的现场服务记录存放在以 `{ $named }` 命名的文件中
rule-7-6-file-name-hint = 现场服务记录应命名为 visits/<nn>-<site>，例如 visits/01-{ $site }.toml
rule-7-6-no-visit = 现场 `{ $site }` 没有现场服务记录
rule-7-6-no-visit-hint = 7.6：每个现场都要有记录：`svc edit { $case } visit`（visits/NN-{ $site }.toml）
rule-7-6-no-visits = 服务单处于 { $state } 状态，但没有现场服务记录
rule-7-6-no-visits-hint = 8.5：为每个现场填写现场服务记录
rule-7-7-no-confirmation = `{ $site }` 的现场服务记录没有客户确认（{ $why }）
rule-7-7-no-confirmation-hint = 7.7：添加 [confirmation] 表，写明客户的姓名、职务和日期
rule-7-7-why-fees = 此服务单收取了服务费
rule-7-7-why-settings = svc.toml 要求客户确认
rule-7-8-no-back-at-work = 出差工作日志未写明出差人员何时回到公司上班
rule-7-8-no-back-at-work-hint = 添加 back_at_work_at
rule-7-8-late = { $arrived } 返回后，{ $back } 才回到公司上班；应于{ $due }上班（{ $deadline }）
rule-7-8-late-hint = 7.8：上午到达，下午应上班；下午到达，第二天应准时上班
rule-7-8-due-afternoon = 当天下午
rule-7-8-due-morning = 下一个工作日上午
rule-7-8-due-morning-after = { $holiday }假期后的第一个工作日上午
rule-7-9-no-visits = 报销须附现场服务记录，而此服务单没有
rule-7-9-no-visits-hint = 8.5：先为每个现场填写现场服务记录
rule-7-9-no-summary = 报销须附服务总结报告，而此服务单没有
rule-7-9-no-summary-hint = 8.6：先执行 `svc edit CASE summary`
rule-8-6-no-travel-log = 服务单处于 { $state } 状态，但没有出差工作日志
rule-8-6-no-summary = 服务单处于 { $state } 状态，但没有服务总结报告
rule-8-6-hint = 8.6：`svc edit { $case } { $form }`
rule-5-1-6-wrong-role = `{ $person }` 以 { $role } 身份审核了记录，而该角色不能审核此服务单
rule-5-1-6-wrong-role-hint = 5.1.6、5.2.4：由客服中心审核（产品销售部指派的服务单由产品销售部审核）
rule-5-1-6-own-records = `{ $person }` 审核了自己的记录
rule-5-1-6-own-records-hint = 任何人都不能审批自己的提交
rule-5-1-6-changed = { $files } 在 { $person } 于 { $at } 审核后有改动：已审核的服务单不得再改
rule-5-1-6-changed-hint = 已审核的内容须保持审核时的样子：把表单恢复到审核时的状态（git log 可查到审核的提交）
rule-5-1-6-no-review = 服务单处于 { $state } 状态，但没有审核记录
rule-5-1-6-no-review-hint = 5.1.6：由客服中心审核记录：在 pending-review 状态下执行 `svc approve CASE`

## 8.5、9.1–9.3：服务费

rule-9-1-ground-warranty = { $serial }（{ $model }）自 { $date } 起已过保修期
rule-9-1-ground-cause = { $site } 的故障原因是 { $cause }
rule-9-1-ground-agreement = 售后服务协议 { $agreement } 允许收费
rule-8-5-part-not-listed = 收费服务单上更换了备件 { $part }，但它不在服务费清单上
rule-8-5-part-not-listed-hint = 8.5：硬件维修费列入服务费清单（fees.toml），由客户确认
rule-8-5-software-not-listed = 收费服务单在 { $site } 的软件维护未列入服务费清单
rule-8-5-software-not-listed-hint = 8.5：把软件维护的收费项加入 fees.toml
rule-9-1-not-allowed = { $date } 收取了服务费，但故障属于产品本身质量问题
rule-9-1-not-allowed-in-warranty = { $date } 收取了服务费，但 { $serial } 在保修期内（至 { $until }），且故障属于产品本身质量问题
rule-9-1-not-allowed-hint = 9.1：只有超出保修期、故障并非产品本身质量原因引起，或协议允许时才收费；删除收费项，或更正现场服务记录中的故障原因
rule-9-2-no-signature = 服务费清单有收费项，但没有客户签字
rule-9-2-no-signature-hint = 9.2：收费前客户须在服务费清单上签字；添加 [signature] 的 name 和 date
rule-9-2-no-payment = 服务费清单有收费项，但没有收费记录
rule-9-2-no-payment-hint = 9.2：服务费在现场收取；添加 [payment] 的 method、amount、receipt 和 date
rule-9-3-price-differs = { $code } 的单价 { $price } 与价目表的 { $catalog } 不同
rule-9-3-price-differs-hint = 9.3：按价目表收费，或用 override_reason 说明差价原因
rule-9-3-total-differs = 填写的合计 { $stated } 与各项之和 { $total } 不符
rule-9-3-total-differs-hint = 把合计改为 "{ $total }"，或删去它由 svc 计算
rule-9-3-collected-differs = 实收 { $collected }，但服务费清单合计为 { $total }
rule-9-3-collected-differs-hint = 按客户签字确认的金额收费；更正实收金额或收费项

# 服务时限（5.1.7，src/rules/targets.rs）。
target-respond = 响应
target-arrive = 到场
target-resolve = 解决
target-source-agreement = 协议 { $agreement }
target-source-company = 公司默认时限（svc.toml 的 [targets]）
target-working-hours = 按工作时间
target-calendar-hours = 按自然时间
target-minutes = { $minutes } 分钟
target-hours = { $hours } 小时
target-hours-minutes = { $hours } 小时 { $minutes } 分钟
rule-5-1-7-late = “{ $promise }”时限 { $within }（{ $hours }，{ $whose }）应于 { $due } 前达成，实际 { $met }，超时 { $late }
rule-5-1-7-overdue = “{ $promise }”时限 { $within }（{ $hours }，{ $whose }）应于 { $due } 前达成，至今未达成
rule-5-1-7-hint = 请工程师在 summary.toml 的 delay_reason 中说明超时原因；月度分析会统计这次超时
rule-5-1-7-reason = 已记录的超时原因：{ $reason }
target-flag-overdue = { $promise }已超时（应于 { $due }）
target-flag-soon = { $promise }将于 { $due } 到期（还剩 { $left }）
target-flag-late = { $promise }超时 { $late }
target-flag-paused = { $promise }已暂停计时（还剩 { $left }）
target-hold-runs-on = { $whose }：未约定等待客户时暂停计时（未设 pause_on_customer）；暂停已记录，计时照常进行

# 费用约定与保修期（5.1.2）。
rule-5-1-2-warranty-ended = { $accepted } 按保修受理，但 { $serial } 的保修期已于 { $end } 结束
rule-5-1-2-billable-in-warranty = { $accepted } 按收费受理，而 { $serial } 在保修期内（至 { $end }）
rule-5-1-2-hint = 请与客户核对费用约定：超出保修期可收费；保修期内只有非产品本身质量原因的故障才收费（9.1）

# 规则 asset：新服务单针对的设备已在现场服务中被整机更换。
rule-asset-replaced = { $serial } 已于 { $date } 被 { $new } 替换（服务单 { $case }）；该地点现在的设备是 { $now }
rule-asset-replaced-hint = 工程师到场见到的将是 { $now }：请在现场服务记录的 products 中填写它；customers/{ $customer }.toml 若尚未登记，请登记它及其保修截止日期；`svc asset { $serial }` 可查看该设备的履历
rule-asset-removed = { $serial } 已于 { $date } 撤下（服务单 { $case }），未记录换上的设备
rule-asset-removed-hint = 请向客户确认该处现在的设备；`svc asset { $serial }` 可查看该设备的履历
