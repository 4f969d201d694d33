# 流程步骤：为何被拒绝，以及该怎么做。

step-no-identity = 此处的 git 没有设置 user.email，svc 无法判断是谁在操作
step-no-identity-hint = git config user.email 你的邮箱（即 people.toml 中你那一条的电子邮件）
step-unknown-person = people.toml 中没有人的电子邮件是 { $email }
step-unknown-person-hint = 请管理员把你加入 people.toml，或把 git 的 user.email 设为其中登记的邮箱
step-unreadable = 服务单 { $case }：无法读取 case.toml
step-fix-findings-hint = 先修正上面列出的问题（svc validate 会全部列出），再重试
step-wrong-state = 无法对服务单 { $case } 执行 { $action }：它处于 { $state } 状态；`{ $command }` 只适用于处于 { $allowed } 状态的服务单
step-wrong-state-hint = `svc show { $case }` 显示服务单的现状；`svc log { $case }` 显示它的经过
step-role = { $person } 不能对服务单 { $case } 执行 { $action }（{ $why }）
step-role-hint = 角色登记在 people.toml 中，由管理员修改
step-role-assignees = 只有其指派人员可以：{ $assignees }
step-role-nobody = 尚未指派任何人
step-role-takes = 需要角色 { $roles }
step-or = { " " }或{ " " }
step-self-approval = { $person } 不能审批自己提交的内容（服务单 { $case }）
step-self-approval-hint = 任何人都不能审批自己的提交：须由另一位具有该角色的人审批
step-uncommitted = { $path } 与最近一次提交不一致（{ $differences }）：此文件由 svc 维护，步骤以已提交的服务单为准
step-uncommitted-hint = 未做任何改动；`git restore --staged --worktree -- { $path }` 可恢复已提交的 case.toml（旁边的表单可自行编辑）
step-rules = 无法对服务单 { $case } 执行 { $action }：须先修正 { $count } 个规则错误

# 步骤提交时，操作人未写备注所记录的说明（使用工作区的语言）。
note-new = 已登记服务请求。
note-resolve = 已电话解决，无需现场服务。
note-accept = 已确认需现场服务，并与客户商定费用。
note-assign = 已指派服务人员。
note-submit-task-sheet = 已提交客户服务任务书，待签批。
note-submit-again = 任务书在签批后有修改，已重新提交签批。
note-submit-records = 已提交出差工作日志和服务总结报告，待审核。
note-approve-task-sheet = 任务书已签批。
note-approve-one-of-two = 任务书已签批，尚需另一位领导签批。
note-review = 记录已审核。
note-approve-flight = 航班已批准。
note-reject = 已驳回。
note-start = 已出发前往现场。
note-checkin = 已与公司联系。
note-complete = 现场服务完成，记录已填写。
note-archive = 记录已归档。
note-cancel = 已取消。

# 仓库拒绝或出错，以及该怎么做。
store-not-a-repository = 工作区不在 git 仓库中
store-not-a-repository-hint = `svc init` 会把工作区建成 git 仓库
store-detached = HEAD 处于分离状态（不在任何分支上）；svc 只在分支上记录步骤
store-detached-hint = 先切换到工作区的分支：git switch main
store-busy = 有一个 git { $what } 正在进行
store-busy-hint = 先完成或中止它（git merge --abort、git rebase --abort…）
store-locked = 另一个 svc 正在处理此工作区（{ $holder }）
store-locked-hint = 等它结束后再重试
store-moved = svc 提交期间分支 { $branch } 有了变动；未做任何改动
store-moved-hint = 请重试
store-ref-locked = 分支 { $branch } 的 git 锁被另一个 git 进程持有（{ $lock }）；此步骤已保留，锁释放后下一条 svc 命令会完成它
store-ref-locked-hint = 等另一个 git 结束后运行任一 svc 命令；如果没有 git 在运行，删除 { $lock }
store-dirty = 对 { $paths } 的未提交修改会被覆盖
store-dirty-hint = 未做任何改动；先执行这些修改所属的步骤（或把它们移开），再重试
store-refused = 此步骤的提交无法通过 svc check（{ $count } 个问题）；未做任何改动
store-refused-hint = 提交后 svc check 会显示同样的问题；请先修正

# 待办事项（svc status）。
todo-accept = 确认需现场服务（svc accept { $case } --fee …），或电话解决（svc resolve { $case } --note …）
todo-assign = 指派服务人员：svc assign { $case } --to PERSON
todo-task-sheet = 填写客户服务任务书（svc edit { $case } task-sheet）并提交（svc submit { $case }）
todo-sign = 签批任务书：svc approve { $case }
todo-sign-for-sales = 代表销售部签批任务书：svc approve { $case }
todo-start = 出发：svc start { $case }
todo-checkin = 与公司联系（svc checkin { $case } --via phone）{ $last }
todo-last-contact = （上次联系 { $when }）
todo-overdue = 已逾期：{ $todo }
todo-complete = 填写现场服务记录并结束现场服务：svc complete { $case }
todo-hand-in = 提交出差工作日志和服务总结报告：svc submit { $case }
todo-review = 审核记录：svc approve { $case }（或 svc reject { $case } --reason …）
todo-archive = 归档：svc archive { $case }
todo-approve-flight = 审批本次出差的航班（7.4）：svc approve { $case } --flight

# 步骤拒绝操作人给出的内容：缺少选项、人员或客户不存在、svc 不予记录的文字。
step-case-toml-uneditable = 服务单 { $case }：case.toml 无法编辑：{ $error }
step-case-toml-uneditable-hint = 请手工修正该文件
step-needs = { $action } 需要{ $what }
step-needs-hint = 请用 { $flag } "…" 写明
step-needs-resolution = 说明电话解决经过的备注
step-needs-reason = 理由
step-accept-needs-fee = accept 需要写明与客户商定的收费方式（8.1、5.1.2）
step-fee-hint = --fee warranty、--fee billable 或 --fee agreement:ID
step-not-a-fee = "{ $fee }" 不是有效的收费方式
step-not-an-agreement = 协议 { $agreement } 不是客户 { $customer } 的售后服务协议
step-not-an-agreement-hint = 客户的售后服务协议登记在 customers/ 下该客户的文件中
step-assign-needs-engineer = assign 至少需要指派一名现场服务人员
step-assign-needs-engineer-hint = --to PERSON（指派多人时重复此选项）
step-not-in-people = `{ $person }` 不在 people.toml 中
step-not-in-people-hint = 只能指派 people.toml 中登记的人员
step-not-an-engineer = `{ $person }` 不是现场服务人员
step-not-an-engineer-hint = 8.2：只能指派角色中包含 "engineer" 的人员
step-not-sales = `{ $person }` 不是产品销售部人员；产品销售部只能指派本部门的人员（5.2.1）
step-not-sales-hint = 其他现场服务人员由客服中心指派
step-signed-already = { $person } 已签批过服务单 { $case } 的客户服务任务书
step-signed-already-hint = 尚需另一位领导签批
step-signed-as = 服务单 { $case } 的客户服务任务书已由 { $roles } 签批
step-signed-as-hint = 没有需要你签批的了
step-and = { " " }和{ " " }
step-no-flight = 服务单 { $case } 的客户服务任务书没有安排航班
step-no-flight-hint = 7.4：先在客户服务任务书中加上乘飞机的行程（mode = "flight"）
step-flights-approved = 服务单 { $case } 的航班已经批准
step-flights-approved-hint = 一次批准只涵盖其中列出的航班；新增的航班须先加入客户服务任务书并重新提交，再另行审批
step-checkin-needs-via = checkin 需要写明联系方式
step-checkin-needs-via-hint = --via phone、--via fax 或 --via email（7.5）
step-no-customer = 客户 `{ $customer }` 没有文件 customers/{ $customer }.toml
step-no-customer-hint = 请先添加该客户的文件
step-request-needs-fault = 服务请求须写明客户所描述的故障
step-case-exists = { $path } 已存在
step-case-exists-hint = 服务单编号只能使用一次
step-role-new = 需要角色 csc、sales 或 engineer（8.1、5.3.1）
step-differs-never-committed = 此服务单从未提交过
step-differs-deleted = 文件已被删除
step-differs-edited = 文件内容被改动过
step-differs-staged = 暂存区中是另一个版本
step-hidden-char = { $what }中含有控制字符或不可见字符 { $char }，svc 不予记录
step-hidden-char-hint = 请把{ $what }写成纯文本
step-trailer-line = { $what }中有一行 `{ $line }`，会被当作 svc 自己的 trailer
step-trailer-line-hint = 步骤的 Svc-… 行由 svc 自己写入；请改写这一行
# 操作人为步骤写的文字（上面的 $what）。
step-field-note = 备注
step-field-reason = 理由
step-field-fault = 故障描述
step-field-title = 标题
step-field-contact = 联系人
step-field-phone = 联系电话

## 改派、暂停与恢复、重开（5.1.3、5.1.7）
note-reassign = 已改派服务人员。
note-hold = 等待客户：暂停计时。
note-resume = 不再等待客户：恢复计时。
step-needs-reassign-reason = 改派的理由
step-needs-hold-reason = 暂停的理由（在等客户什么）
step-assigned-already = { $case } 已指派给 { $people }，无需改动
step-assigned-already-hint = 用 --to 写明现在应负责的服务人员，每人一个 --to
step-held-already = { $case } 自 { $since } 起已在等待客户（{ $reason }）
step-held-already-hint = 请先结束这次等待：svc resume { $case }
step-not-held = { $case } 并未处于等待客户状态
step-not-held-hint = 用 svc hold { $case } --reason "…" 记录等待，用 svc resume 结束等待
step-reopen-not-closed = { $case } 当前为 { $state }：只有已结束的服务单才能重开
step-reopen-not-closed-hint = 未结束的服务单照常办理即可；已归档、电话解决或已审核的服务单才能重开
step-reopen-needs-reason = svc reopen 需要写明理由：什么问题又出现了
step-reopen-needs-reason-hint = 请用 --reason "…" 写明
step-reopened-by = 重开 { $case }
