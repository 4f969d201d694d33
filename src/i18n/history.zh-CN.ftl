# 历史检查(src/history/)的消息:提交做了程序不允许的事。

## svc check：整段历史

history-commit = 提交 { $short }：{ $message }
history-base-rewritten = 基准 { $short } 不是 HEAD 的祖先：此后历史被改写过（强制推送或 rebase），它之后的提交已无从判断
history-base-rewritten-hint = 请检查完整历史（运行 svc check 时不带 --base），并保护共享分支，禁止强制推送
history-second-root = 出现了第二个根提交：这段历史来自工作区之外，还带有它自己的共享文件
history-second-root-hint = 一个工作区只有一个初始提交；其他地方的工作应以表单的形式带入，提交在现有历史之上
history-thread-stopped = 一个检查提交的线程意外中止

## 合并

history-merge-deleted-case = 一次合并删除了 { $path }，而其中一方仍保留着它
history-merge-took-side = 一次合并直接采用了其中一方的 { $path }，覆盖了另一方在该服务单上记录的步骤
history-merge-wrote-case = 一次合并写出了双方都没有的 case.toml
history-merge-case-hint = 合并时，每个服务单的步骤只能取自一方；另一方的步骤在合并之后用 svc 重新执行

## 谁能改什么，一次提交能包含多少

history-shared-not-admin = { $path } 被 { $email } 修改了，而此人不是管理员
history-shared-not-admin-hint = people.toml、catalog/、calendar/、plans/、templates/ 和 svc.toml 只能由管理员修改（以修改前的 people.toml 中角色为 "admin" 为准）
history-customers-not-csc = { $path } 被 { $email } 修改了，而此人既不是客服中心人员、客服中心领导，也不是管理员
history-customers-not-csc-hint = 客户文件（保修截止日期和售后服务协议决定收费，9.1）只能由客服中心、客服中心领导或管理员修改
history-step-outside = 服务单 { $case } 的步骤还修改了 { $paths }：一个步骤的提交只能包含本服务单的文件夹
history-step-outside-hint = 流程中的每一步都是针对一个服务单的一次提交；其余的改动是手工加进去的
history-many-cases = 一次提交修改了 { $count } 个服务单：{ $cases }
history-many-cases-hint = 流程中的每一步都是针对一个服务单的一次提交

## 签名

history-unsigned = `{ $action }` 没有签名，但 svc.toml 要求此步骤签名（signed_actions）
history-unsigned-hint = 当 git 的 user.signingkey 指向本人的密钥时，svc 会为步骤签名；如果所在分支尚未合并，丢弃这次提交，再用 svc 重新执行该步骤
history-signature-unreadable = 无法读取 `{ $action }` 的签名：{ $why }
history-signature-unreadable-hint = 步骤用 SSH 密钥签名，与 git 在 gpg.format = ssh 时的做法相同；如果所在分支尚未合并，丢弃这次提交，再用 svc 重新执行该步骤
history-signature-not-ssh = 不是 SSH 签名（{ $error }）
history-signature-namespace = 它是为 "{ $namespace }" 所做的签名，而不是为 git 的提交
history-signature-no-key = `{ $action }` 已签名，但在该提交的父提交中，people.toml 里 { $person } 没有 signing_key（密钥已被删除，或从未登记）
history-signature-no-key-hint = 在某人执行须签名的步骤之前，由管理员把其公钥作为 signing_key 登记到 people.toml；如果所在分支尚未合并，丢弃这次提交，再用 svc 重新执行该步骤
history-signature-bad-key = people.toml 中 { $person } 的 signing_key 不是 OpenSSH 公钥
history-signature-bad-key-hint = 由管理员把本人 .pub 文件中的那一行原样粘贴为 people.toml 中的 signing_key
history-signature-wrong-key = `{ $action }` 是用密钥 { $signed_by } 签名的，而 people.toml 中 { $person } 的 signing_key 是另一把（{ $expected }）
history-signature-wrong-key-hint = git 的 user.signingkey 必须指向 people.toml 为本人登记的那把密钥（ssh-keygen -lf KEY 可显示其指纹）；如果所在分支尚未合并，丢弃这次提交，再用 svc 重新执行该步骤
history-signature-mismatch = `{ $action }` 的签名与提交内容不符：提交在签名之后被改动过
history-signature-mismatch-hint = 已签名的提交不得再修改（amend、rebase 或改写历史）；如果所在分支尚未合并，丢弃这次提交，再用 svc 重新执行该步骤

## 为步骤签名

history-sign-no-key = svc.toml 要求 `{ $action }` 签名，但此处的 git 没有设置 user.signingkey
history-sign-spawn = 无法运行 { $program } 为提交签名：{ $error }
history-sign-failed = { $program } 未能为提交签名：{ $stderr }
history-sign-no-output = 它以 { $status } 结束，没有输出签名

## 服务单的文件夹

history-case-toml-removed = 服务单 { $case }：其 case.toml 被删除了（操作人 { $person }）；流程中没有任何步骤会删除服务单
history-case-deleted = 服务单 { $case }：整个服务单被删除了（操作人 { $person }）；流程中没有任何步骤会删除服务单
history-case-removed-hint = 服务单连同其全部记录都须保留（7.10）；从这次提交的前一个提交中把它恢复回来（git checkout <commit>^ -- <folder>）
history-frozen = 服务单 { $case } 处于 { $state } 状态，其记录已冻结，但 { $paths } 被修改了（操作人 { $person }）
history-frozen-hint = 已审核或已归档的内容须保持原样；从这次提交的前一个提交中把这些文件恢复回来（git checkout <commit>^ -- <file>）
history-form-removed = { $file } 从服务单 { $case } 中被删除了（操作人 { $person }），而该服务单处于 { $state } 状态，需要其 { $form } 表单
history-form-removed-hint = 服务单当前状态所依据的记录须保留；从这次提交的前一个提交中把该文件恢复回来（git checkout <commit>^ -- <file>）
history-sheet-changed = { $approver } 于 { $at } 签字之后，{ $person } 修改了 { $file }（服务单 { $case }）：签字后有修改，须重新签字
history-sheet-changed-hint = 修改后的任务书用 svc submit 重新送签，原来的签字随之作废（7.2）

## 在非 svc 生成的提交中修改了 case.toml

history-merge-wrote-keys = 一次合并写入了 case.toml 的 { $keys }
history-case-written-by-hand = case.toml 是在一次非 svc 生成的提交中写入的：服务单应使用 svc new 开立
history-state-changed-by-hand = case.toml 的状态在一次非 svc 生成的提交中从 { $from } 变成了 { $to }
history-keys-changed-by-hand = case.toml 的 { $keys } 在一次非 svc 生成的提交中被修改了
history-by-hand-hint = 流程中的步骤须用 svc 命令执行，svc 会记录由谁执行
history-no-longer-toml = 它已不是有效的 TOML

## 步骤的提交：其 trailer 所说的步骤

history-trailers-disagree = 提交的 trailer 写的是 { $from } -> { $to }，但 case.toml 实际是从 { $before } 变为 { $after }
history-trailers-disagree-hint = 提交说明或 case.toml 被手工改动过
history-not-a-step = 从 { $from } 到 { $to } 的 { $action } 不是流程中的步骤
history-not-a-step-hint = 参见 svc 的 README 中的状态转换表
history-extra-keys = `{ $action }` 还修改了 case.toml 中的 { $keys }，而这一步从不修改这些字段
history-extra-keys-hint = case.toml 的每个字段只由负责它的那一步修改；这里是手工改动的

## 步骤的提交：由谁执行

history-no-people = { $action } 由 { $email } 执行，但历史中没有已提交的 people.toml 可以说明此人是谁
history-no-people-hint = 步骤依据历史中的 people.toml 来判断：先提交共享文件（git add svc.toml people.toml customers catalog，然后 git commit）
history-not-in-people = { $action } 由 { $email } 执行，但此人不在 people.toml 中
history-not-in-people-hint = 每个步骤都须由 people.toml 中登记的人员执行
history-actor-mismatch = trailer 中写的是 { $actor }，但提交人是 { $person }
history-actor-mismatch-hint = 提交说明被手工改动过
history-not-assigned = { $person } 执行了 `{ $action }`，但并未被指派到该服务单
history-not-assigned-hint = 只有该服务单的指派人员才能执行这一步
history-without-role = { $person } 执行了 `{ $action }`，但不具有角色 { $roles }（以该提交父提交中的 people.toml 为准）
history-without-role-hint = 角色由管理员在 people.toml 中授予，且须在执行步骤之前授予
history-self-approval = { $person } 审批了自己提交的内容
history-self-approval-hint = 任何人都不能审批自己的提交（7.2、5.1.6）

## 步骤的提交：记录了什么

history-approval-unexplained = 新增了一项审批，而 { $person } 执行的 `{ $action }` 不会产生这项审批
history-approval-unexplained-hint = 审批只由 svc approve 记录，每次提交一项，由审批人本人记录
history-approval-covers = { $person } 的审批所涵盖的内容与提交中的不一致（审批涵盖：{ $covers }）
history-approval-covers-nothing = 无
history-approval-covers-hint = svc 根据所提交的表单记录审批涵盖的内容；这一项是手工写入的
history-approval-removed = { $person } 执行的 `{ $action }` 删除了一项审批，而这一步从不这样做
history-approval-removed-hint = 审批只会被 svc reject 撤销，或在 svc submit 把修改后的任务书重新送签时作废
history-checkins = 一次 `checkin` 只记录执行人的一次出差联系；这一次记录了 { $count } 次
history-checkins-hint = 出差联系用 svc checkin 记录，每与公司联系一次就记录一次（7.5）
history-time = `{ $action }` 记录的时间（{ $what }）为 { $at }，但其提交时间为 { $time }
history-time-missing = `{ $action }` 没有记录时间（{ $what }），而其提交时间为 { $time }
history-time-the-approval = 审批
history-time-the-checkin = 出差联系
history-waits-and-changes = { $person } 的这次 `{ $action }` 修改了 case.toml 中的改派或暂停记录，这不是任何步骤会做的修改
history-waits-and-changes-hint = svc assign 记录一次改派，svc hold 开始一次等待，svc resume 结束等待，均由执行人本人记录；其他操作不会改动它们
history-time-the-reassignment = 改派
history-time-the-hold = 暂停
history-time-the-resumption = 恢复
history-time-the-rejection = 退回
history-time-hint = svc 以提交时间记录步骤；case.toml 中的时间或提交日期是手工设定的
history-too-early = `{ $action }` 的日期为 { $at }，早于服务单进入 { $state } 状态的时间（{ $since }）
history-too-early-hint = 一个步骤不会早于它之前的步骤；提交日期是手工设定的（git commit --date、--amend）
