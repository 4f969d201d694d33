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
