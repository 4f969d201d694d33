# 命令行的消息。

# 终端上消息前的字样。
cli-error = 错误
cli-hint = 提示
cli-warning = 警告

# 多个命令共用。
cli-cannot-read = 无法读取 { $path }：{ $error }
cli-cannot-write = 无法写入 { $path }：{ $error }
cli-cannot-create = 无法创建 { $path }：{ $error }
cli-cannot-make-workbook = 无法生成工作簿：{ $error }
cli-not-overwriting = 不覆盖 { $files }
cli-unreadable-cases = 注意：有 { $count } 个服务单文件夹无法读取，已略去；`svc validate` 会说明原因

# 每个命令都可能报的错误（src/cli/error.rs）。
cli-workspace-hint = 请在工作区内运行 svc，或用 -C DIR 指定工作区，或用 `svc init` 新建一个
cli-case-did-you-mean = 是否指 { $case }？
cli-case-list-hint = `svc list` 列出所有服务单
cli-case-ambiguous-hint = 请多给出几位编号

# 文档的去处（src/cli/output.rs）。
cli-output-contradicts = --format { $format } 与 -o { $file } 矛盾：该文件名表示 .{ $named } 文件
cli-output-contradicts-hint = 去掉 --format（扩展名已说明格式），或按格式给文件命名；可用格式：{ $formats }
cli-output-unknown-extension = svc 在此无法写 .{ $extension } 文件；可用格式：{ $formats }
cli-output-unknown-extension-hint = 用上述扩展名之一命名文件，或指定 --format
cli-output-not-a-file-hint = 用 -o 指定一个文件（或管道、终端）
cli-output-wrote = 已写入 { $path }（{ $what }）
cli-output-binary-terminal = 工作簿是二进制文件，不在终端上显示
cli-output-binary-terminal-hint = 用 -o 指定文件，例如 -o report.xlsx
cli-output-stdout = 无法写入标准输出：{ $error }

# svc new
cli-new-done = 新服务单 { $case }：requested（已受理），位于 { $dir }（提交 { $commit }）
cli-reopen-done = 新服务单 { $case }：requested（已受理），重开 { $old }，位于 { $dir }（提交 { $commit }）

# svc validate
cli-validate-summary = 已检查 { $cases } 个服务单：{ $errors } 个错误，{ $warnings } 个警告

# svc check
cli-check-no-commit = 没有提交 `{ $rev }`：{ $error }
cli-check-no-commit-hint = 请给出分支、标签或提交编号
cli-check-summary = 已检查历史记录和 { $cases } 个服务单：{ $errors } 个错误，{ $warnings } 个警告

# svc log
cli-log-empty = { $case } 没有记录的步骤（其文件从未由 svc 提交）

# svc schema
cli-schema-unknown = 没有名为 `{ $name }` 的表单
cli-schema-did-you-mean = 是否指 `{ $name }`？
cli-schema-forms = 表单有：{ $forms }

# svc status
cli-status-unshared = 此处有 { $count } 个提交尚未推送到 { $upstream }：svc sync 会共享它们
cli-status-nothing = 暂无待办。

# svc templates
cli-templates-not-overwriting-hint = 先移走这些文件（或导出到另一个文件夹），再运行此命令
cli-templates-wrote = 已写出 { $count } 个模板；可就地编辑：工作区 templates/ 下与内置模板同名（或在扩展名前加语言，例如 monthly.en.html）的文件会取代内置模板

# svc export
cli-export-json = 无法写出 JSON：{ $error }
cli-export-what = { $count } 个服务单

# svc edit
cli-edit-unknown-form = 没有名为 `{ $name }` 的表单；表单有：{ $forms }
cli-edit-site-hint = 用 --site SITE 指定
cli-edit-new = 新建 { $form }：{ $path }
cli-edit-unchanged = 新表单未改动，未保留任何内容
cli-edit-valid = { $path } 有效；将随服务单的下一步一并提交
cli-edit-reopen = { $path } 中有 { $count } 个错误。重新打开编辑器修改？[Y/n]
cli-edit-kept = 已原样保留；`svc validate` 会再次列出这些错误
cli-edit-cannot-start = 无法启动编辑器 `{ $editor }`：{ $error }
cli-edit-cannot-start-hint = 把 { $variable } 设为你的编辑器，例如 export EDITOR=nano
cli-edit-failed = 编辑器 `{ $editor }` 执行失败（{ $status }）；文件保持原样

# svc ci
cli-ci-people-unreadable = 无法读取 people.toml，因此无法确定代码负责人
cli-ci-people-unreadable-hint = `svc validate` 会说明它的问题
cli-ci-force-hint = 运行 `svc ci init { $forge } --force` 替换这些文件，或将其移走
cli-ci-no-owners = 警告：{ $path } 没有代码负责人：people.toml 中没有人担任相应角色
cli-ci-next = 请检查 { $path } 中的安装步骤，并提交这两个文件；然后把 `svc check` 设为目标分支的必需检查

# svc report case
cli-report-case-no-commit-hint = svc 的每一步都会提交服务单；先走第一步（`svc new` 即是）
cli-report-case-uncommitted = { $case } 尚未提交，而档案只用已提交的数据生成
cli-report-case-uncommitted-hint = svc 的每一步都会提交服务单文件夹；`svc log` 列出它的步骤
cli-report-case-left-out-hint = 档案依据提交 { $commit } 生成；未提交的文件已略去：{ $files }
cli-report-case-dirty = 注意：{ $dir } 有未提交的改动；档案只包含提交 { $commit }
cli-report-case-what-claim = { $case } 的报销材料，提交 { $commit }
cli-report-case-what-dossier = { $case } 的档案，提交 { $commit }

# svc init
cli-init-exists-hint = 直接使用该工作区，或另选一个文件夹
cli-init-occupied-hint = 请选择一个空文件夹
cli-init-no-admin-hint = 请说明你是谁：git config --global user.email you@example.com（以及 user.name），或 svc init --admin "Name <you@example.com>"
cli-init-created = 已在 { $dir } 创建工作区（{ $count } 个文件）。
cli-init-created-example = 已在 { $dir } 创建示例公司工作区（{ $count } 个文件）。
cli-init-repository = 已在其中初始化 git 仓库。
cli-init-committed = 已提交 { $commit }。
cli-init-admin = 你是它的第一位管理员：{ $name } <{ $email }>（people.toml，编号 { $id }）；只有管理员能修改 people.toml、svc.toml 和 catalog/。
cli-init-next = 下一步：在 people.toml 中填写你的人员（替换其中的示例），在 customers/ 中填写客户，在 catalog/ 中填写价格，然后提交。

# svc list
cli-list-unknown-person = `{ $person }` 不在 people.toml 中
cli-list-unknown-customer = 客户 `{ $customer }` 没有文件 customers/{ $customer }.toml
cli-list-none = 没有符合条件的服务单
cli-list-errors = { $errors } 个错误
cli-list-warnings = { $warnings } 个警告
cli-list-errors-warnings = { $errors } 个错误，{ $warnings } 个警告
cli-list-count = 共 { $count } 个服务单

# svc render
cli-render-unknown-form = 未知表单 `{ $form }`
cli-render-site-one-per-case = --site 用于选择现场服务记录；{ $form } 表单每个服务单只有一份
cli-render-what = { $case } 的 { $number } { $form }
cli-render-missing-hint = 用 `svc edit { $case } { $form }` 填写
cli-render-unreadable-hint = 请修正上面的问题（`svc validate { $case }` 会全部列出）
cli-render-which-visit-hint = 例如 svc render { $case } visit --site { $site }
cli-render-claim-hint = 7.9：报销须附现场服务记录和服务总结报告，并依据出差工作日志生成；先填写缺少的表单（{ $edits }），再用 `svc submit { $case }` 上交

# svc report monthly
cli-report-bad-month = `{ $text }` 不是月份；请写成 YYYY-MM，例如 2026-11
cli-report-template-hint = 请修改模板（或删除它以使用内置模板）；`svc templates export DIR` 会写出内置模板以便对照
cli-report-workbook-template = 工作簿不由模板生成；--template 只适用于 md、html、csv 和 json
cli-report-workbook-template-hint = 去掉 --template，或另选 --format
cli-report-not-html = 注意：{ $template } 的文件名不是 .html，因此其中的值不做 HTML 转义
cli-report-bad-rev-hint = 请给出提交、分支或标签：`git log --oneline` 会列出它们
cli-report-no-commit-hint = 请先提交工作区（svc 的每一步都会提交）
cli-report-reading = 正在读取服务单
cli-report-no-fonts = 没有字体
cli-report-dirty = 注意：工作目录有未提交的改动；报告只包含提交 { $commit }
cli-report-what = { $month } 月度报告，提交 { $commit }

# svc sync
cli-sync-no-remote-hint = 请添加团队的仓库：git remote add origin URL（然后运行 svc sync）
cli-sync-no-git-hint = 请安装 git；svc 用它访问远程仓库
cli-sync-push-hint = 上游的内容已整合到本地，你的步骤在其之上；没有推送任何内容。如果该分支受保护，步骤须经拉取请求合入（review = "pull-request"）；否则请再次运行 svc sync
cli-sync-remote-hint = 未做任何改动；请检查网络和你对远程仓库的访问权限，然后再次运行 svc sync
cli-sync-conflict-hint = 未做任何改动；该提交不是 svc 生成的，svc 无法合并它：请用 git 整合（git pull --rebase），然后运行 svc sync
cli-sync-unchanged-hint = 未做任何改动
cli-sync-switch-hint = 你的步骤已共享；待这些文件移开后，请手动切换回去（git switch main）
cli-sync-race-hint = 你的步骤已在本地整合；请再次运行 svc sync
cli-sync-merged = { $branch } 已合并到 { $upstream }：已回到 { $local }
cli-sync-received = 从 { $upstream } 收到 { $count } 个提交
cli-sync-replayed = 已在 { $upstream } 之上重做：{ $actor } 的 { $action } { $case }（{ $at }），该服务单在上游已有变化
cli-sync-theirs = ；上游 { $actor } 于 { $at } 执行了 `{ $action }`（{ $from } -> { $to }）
cli-sync-refused = 已拒绝：{ $actor } 对 { $case } 的 `{ $action }`（{ $at }，{ $from } -> { $to }）已不再适用{ $theirs }：{ $why }
cli-sync-kept-form = 保留在工作目录中，未提交：{ $path }
cli-sync-kept-commit = 被拒绝的提交保留为 { $commit }
cli-sync-retried = 推送时 { $upstream } 有变化；已重新整合并重试（{ $count } 次）
cli-sync-pushed = 已向 { $upstream } 推送 { $count } 个提交
cli-sync-pushed-branch = 已将 { $branch } 推送到 { $remote }（用于其拉取请求）
cli-sync-up-to-date = 已与 { $upstream } 同步
cli-sync-refused-note = 被拒绝的步骤未被记录：`svc show CASE` 显示服务单目前的状态；如仍有必要，请重新执行该步骤

# svc import
cli-import-bad-encoding = svc 不支持编码 `{ $text }`；请用 utf-8、gbk 或 gb18030
cli-import-rules-hint = 规则项有 sheet、header_row、skip_rows、date_formats、[columns] 和 [fixed]；README 中有示例
cli-import-sheet-hint = 请把表格另存为 .xlsx 或 .csv；`--sheet NAME` 选择工作表，`--encoding` 指定 CSV 的编码
cli-import-errors = { $file } 中有 { $count } 个错误；未写入任何内容
cli-import-errors-hint = 请修正上面列出的行，然后重新导入
cli-import-fix-file-hint = 请修正该文件（svc validate 会指出位置），然后重新导入
cli-import-customer-files = 客户文件
cli-import-dry-run = 未写入任何内容：加 --apply 再次运行，即写入 { $target } 并提交
cli-import-nothing-to-commit = { $target }：每一行都已存在；无需提交
cli-import-not-allowed-products = { $person } 不是 csc、lead 或 admin；客户文件只由客户服务中心修改（角色见 people.toml）
cli-import-not-allowed-catalog = { $person } 不是管理员；目录只由管理员修改（people.toml 中的角色 "admin"）
cli-import-not-allowed-hint = 请有该角色的人导入此表格
cli-import-plan = { $what }：新增 { $added }，修改 { $changed }，不变 { $same }；另有 { $untouched } 条未动（不在表格中）
cli-import-uncommitted = { $path } 有未提交的改动；导入会提交该文件，并把这些改动一并带上
cli-import-uncommitted-hint = 请先提交或撤销这些改动（git diff 可查看）
cli-import-unknown-person = { $person } 不在 people.toml 中
cli-import-no-author = 无法生成提交的作者：{ $error }
cli-import-done = 已将 { $name } 导入 { $files }：新增 { $added }，修改 { $changed }（提交 { $commit }）
cli-import-cannot-commit = 无法提交此次导入：{ $error }

# svc show
cli-show-findings-none = 检查结果：无
cli-show-findings = 检查结果（{ $count }）：
cli-show-attachments = 附件（{ $count }）：
cli-show-unreadable = { $case }（{ $dir }）：无法读取 case.toml
cli-show-unknown = （未知）
cli-show-product = { $model }，保修至 { $warranty_end }
cli-show-opened = { $time }，受理人 { $person }
cli-show-assigned-via = （经 { $via } 指派）
cli-show-approval = { $person } 以 { $role } 身份于 { $time }
cli-show-rejection = { $kind } { $time } 由 { $person } 退回 — { $reason }
cli-show-reassignment = { $time } 由 { $person } 改派：{ $from } → { $to } — { $reason }
cli-show-hold = { $from } 至 { $until }，由 { $person } 记录 — { $reason }
cli-show-hold-open = 自 { $from } 起，由 { $person } 记录 — { $reason }（仍在等待）
cli-show-checkin = { $time } { $person } 经 { $via } 联系
cli-show-request = { $time } 经 { $channel } 收到，联系人 { $contact } { $phone }
cli-show-fault = 故障：{ $fault }
cli-show-request-unreadable = 无法读取（见检查结果）
cli-show-task-sheet = { $depart } 至 { $back }，地点 { $sites }，由 { $person } 填写
cli-show-legs = 行程：{ $legs }
cli-show-advance = 借款：{ $amount }（{ $purpose }）
cli-show-confirmed = ，由 { $name } 确认
cli-show-visit = { $site } { $arrived } – { $left }，原因 { $cause }，{ $outcome }
cli-show-resolved = 已解决
cli-show-not-resolved = 未解决
cli-show-paid = ，已付 { $amount }（{ $method }）
cli-show-fees = { $count } 项，合计 { $total }
cli-show-travel-log = { $count } 段行程，返回时间 { $home }
cli-show-summary = { $outcome }（{ $category }），{ $count } 条建议

# 读不懂的命令行（src/cli/usage.rs）。
cli-parse-unknown-argument = 不认识的参数 '{ $arg }'
cli-parse-unknown-subcommand = 没有子命令 '{ $name }'
cli-parse-missing-value = '{ $arg }' 需要一个值，但没有给出
cli-parse-invalid-value = '{ $arg }' 的值 '{ $value }' 无效
cli-parse-missing-required = 缺少必需的参数：{ $args }
cli-parse-missing-subcommand = '{ $command }' 后面需要一个子命令
cli-parse-conflict = 参数 '{ $arg }' 不能与 { $with } 同时使用
cli-parse-repeated = 参数 '{ $arg }' 只能给一次
cli-parse-no-equals = 给 '{ $arg }' 赋值时需要等号（如 { $arg }=值）
cli-parse-too-many = '{ $arg }' 多出了一个值 '{ $value }'，它不接受更多的值
cli-parse-value-count = '{ $arg }' 需要 { $expected } 个值，实际给了 { $actual } 个
cli-parse-possible-values = 可选的值：{ $values }
cli-parse-similar-subcommand = 有一个相近的子命令：'{ $name }'
cli-parse-similar-argument = 有一个相近的参数：'{ $name }'
cli-parse-similar-value = 有一个相近的值：'{ $name }'
cli-parse-as-value = 如要把 '{ $arg }' 当作值传入，请写成 '-- { $arg }'
cli-parse-no-such-date = 没有这一天
cli-parse-not-a-date = 不是日期（请写成 YYYY-MM-DD）
cli-parse-not-a-number = 不是整数
cli-parse-number-too-large = 数字太大
cli-parse-usage = 用法: { $usage }
cli-parse-more = 更多信息请用 '{ $flag }'。

# 服务单的服务时限（svc show，5.1.7）。
cli-show-target-met = { $promise }时限 { $within }：应于 { $due } 前，{ $met } 达成，提前 { $margin }
cli-show-target-late = { $promise }时限 { $within }：应于 { $due } 前，{ $met } 达成，超时 { $late }
cli-show-target-overdue = { $promise }时限 { $within }：应于 { $due } 前，尚未达成，已超时 { $late }
cli-show-target-running = { $promise }时限 { $within }：应于 { $due } 前，还剩 { $left }
cli-show-target-paused = { $promise }时限 { $within }：自 { $since } 起暂停计时，还剩 { $left }
cli-show-targets = { $whose }，{ $hours }

# 在服务单分支上执行的一步（review = "pull-request"）。
cli-review-would-overwrite-hint = 请先提交这些改动、暂存起来（git stash）或撤销，然后再试
cli-review-diverged-hint = `git log --oneline { $branch }...{ $remote }/{ $branch }` 可看到两边的提交；请用 git 把它们合到一起（git switch { $branch }，git pull）后再试
cli-review-other-case-hint = 请先切回：git switch { $branch }
cli-review-unborn-hint = 服务单分支要从一个提交开始：请先提交
cli-review-pushed = 已把 { $branch } 推送到 { $remote }
cli-review-open-url = 请打开拉取请求：{ $url }
cli-review-open = 请发起从 { $branch } 合并到 { $target } 的拉取请求
cli-review-open-on = 请在 { $remote } 上发起从 { $branch } 合并到 { $target } 的拉取请求
cli-review-rejected = 来自 { $branch } 的拉取请求保持打开：服务单已退回提交人，由其在该分支上重新提交
cli-review-merge = 合并从 { $branch } 到 { $target } 的拉取请求后，这次审批才进入 { $target }
cli-review-merge-on = 合并 { $remote } 上从 { $branch } 到 { $target } 的拉取请求后，这次审批才进入 { $target }

# svc calendar：谁何时外出。
cli-calendar-backwards = 结束日期 { $to } 早于开始日期 { $from }
cli-calendar-backwards-hint = 用 --from 给出开始日期，用 --to 给出结束日期，例如 --from 2026-11-16 --to 2026-11-30
cli-calendar-none = { $from } 至 { $to } 无人外出
cli-calendar-count = { $from } 至 { $to } 共 { $count } 项出差与现场服务
cli-calendar-what = { $count } 项出差与现场服务

# 设备履历（svc asset）。
cli-asset-unknown = 没有序列号为 { $serial } 的设备或备件
cli-asset-unknown-hint = svc 所知最相近的序列号：{ $serials }
cli-asset-unknown-none-hint = svc 所知的序列号是 customers/*.toml 中登记的设备，以及现场服务记录 parts_replaced 中换下、换上的序列号
cli-asset-customer = 客户：{ $customer }
cli-asset-site = 地点：{ $site }（{ $city }）
cli-asset-installed = 安装日期：{ $date }
cli-asset-warranty-today = 今天（{ $today }）：{ $status }
cli-asset-in-warranty = 在保修期内，至 { $end }
cli-asset-out-of-warranty = 自 { $since } 起已过保修期
cli-asset-carried = customers/{ $customer }.toml 未登记此序列号：它替换了 { $old }，在客服中心登记本机及其保修截止日期之前沿用 { $old } 的档案
cli-asset-a-part = 现场服务中更换过的备件（不是整机）
cli-asset-unlisted = 服务单中提到，但没有客户登记此设备，也没有现场服务更换过它
cli-asset-replaces = { $date } 替换了 { $old }（服务单 { $case }）
cli-asset-replaced-by = 已于 { $date } 被 { $new } 替换（服务单 { $case }）；该位置现在的设备是 { $now }
cli-asset-taken-out = 已于 { $date } 撤下（服务单 { $case }），未记录换上的设备
cli-asset-no-cases = 没有服务单。
cli-asset-cases = 服务单 { $count } 个：
cli-asset-case = { $case }  { $date } 受理  { $state }
cli-asset-case-before = 针对 { $serial }（此前在这个位置的设备）
cli-asset-repeat = 重复故障：首次到场距 { $previous } 的上门 { $days } 天
cli-asset-resolved = 已解决
cli-asset-not-resolved = 未解决
cli-asset-part-named = { $code }（{ $name }）× { $qty }，换下 → 换上：{ $serials }
cli-asset-part = { $code } × { $qty }，换下 → 换上：{ $serials }
cli-asset-part-named-no-serials = { $code }（{ $name }）× { $qty }，未记录序列号
cli-asset-part-no-serials = { $code } × { $qty }，未记录序列号
cli-asset-repeats = 重复故障 { $count } 个，口径同月报（首次到场距另一服务单对同一序列号的上门不超过 { $days } 天）：
cli-asset-repeat-line = { $case }：距 { $previous } { $days } 天（{ $serial }）
cli-asset-hops = 流转 { $count } 次：
cli-asset-hop = { $date }  { $moved }（{ $part }）—— 服务单 { $case } 的现场服务 { $visit }，{ $site }
cli-asset-hop-in-for = 装入 { $units }，替换 { $other }
cli-asset-hop-in = 装入 { $units }
cli-asset-hop-out-by = 从 { $units } 换下，换上 { $other }
cli-asset-hop-out = 从 { $units } 换下
