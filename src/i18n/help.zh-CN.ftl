# svc 命令行帮助(简体中文)。英文帮助即各命令的文档注释。

# accept
arg-accept-case = 服务单（编号的任一唯一前缀或后缀均可）
arg-accept-fee = 与客户商定的服务费处理方式：warranty（保修）、billable（收费）或 agreement:ID（按售后服务协议）
arg-accept-note = 写入记录的备注

# approve
arg-approve-case = 服务单（编号的任一唯一前缀或后缀均可）
arg-approve-flight = 审批本次出差的航班（总经理或市场部副总，7.4）
arg-approve-note = 写入记录的备注

# archive
arg-archive-case = 服务单（编号的任一唯一前缀或后缀均可）
arg-archive-note = 写入记录的备注（即提交说明的正文）

# assign
arg-assign-case = 服务单（编号的任一唯一前缀或后缀均可）
arg-assign-note = 写入记录的备注
arg-assign-to = 现场服务人员（人员编号）；指派多人时重复此选项
arg-assign-reason = 改派的理由（给已指派的服务单改派时必填；已提交或已签批的任务书须为新的服务人员重写并重新签批）

# asset
arg-asset-serial = 设备序列号（customers/*.toml 中登记的），或现场服务更换过的备件序列号（serial_out 或 serial_in）

# calendar
arg-calendar-format = 输出格式：text（表格，每项出差或现场服务一行）、ics（iCalendar 日历文件，RFC 5545，可在手机或电脑的日历中订阅）或 json（各项的数组）；默认取 -o 的扩展名，否则为 text，加 --json 时为 json
arg-calendar-from = 开始日期（YYYY-MM-DD；默认：今天）
arg-calendar-output = 写入 FILE，而不是标准输出
arg-calendar-person = 只列出此人的出差与现场服务（`me` 指电子邮件与 git 的 user.email 相同的人）
arg-calendar-to = 结束日期，含当天（YYYY-MM-DD；默认：自开始日期起四周）

# cancel
arg-cancel-case = 服务单（编号的任一唯一前缀或后缀均可）
arg-cancel-reason = 原因（必填）

# hold
arg-hold-case = 服务单（编号的任一唯一前缀或后缀均可）
arg-hold-reason = 原因（必填）：在等客户什么

# resume
arg-resume-case = 服务单（编号的任一唯一前缀或后缀均可）
arg-resume-note = 写入记录的备注（即提交说明的正文）

# reopen
arg-reopen-case = 已结束的服务单（编号的任一唯一前缀或后缀均可）
arg-reopen-reason = 又出现了什么问题（必填）：作为新请求的故障描述

# check
arg-check-base = 只检查此版本之后的提交（如拉取请求的目标分支）
arg-check-full = 重新判定所有提交，而不只是此前未判定过的

# checkin
arg-checkin-case = 服务单（编号的任一唯一前缀或后缀均可）
arg-checkin-note = 汇报的内容
arg-checkin-via = 联系方式：phone、fax 或 email

# ci init
arg-ci-init-force = 文件已存在时覆盖
arg-ci-init-forge = 托管工作区的代码托管平台：github、gitlab 或 forgejo（forgejo 也适用于 Gitea）

# complete
arg-complete-case = 服务单（编号的任一唯一前缀或后缀均可）
arg-complete-note = 写入记录的备注（即提交说明的正文）

# completions
arg-completions-shell = 目标 shell

# edit
arg-edit-case = 服务单（编号的任一唯一前缀或后缀均可）
arg-edit-form = 表单：request、task-sheet、visit、fees、travel-log、summary
arg-edit-site = 现场服务记录的服务地点（默认：任务书中第一个尚无记录的地点）

# export cases
arg-export-cases-assignee = 只含指派给此人的服务单（`me` 指电子邮件与 git 的 user.email 相同的人）
arg-export-cases-breached = 只含未守服务时限（5.1.7）的服务单：逾时达成，或此刻已超时
arg-export-cases-customer = 只含此客户的服务单
arg-export-cases-format = 输出格式：csv（带 UTF-8 字节序标记，供 Excel 打开）、xlsx（Excel 工作簿）或 json（各行的数组，字段同月报的服务单列表）；默认取 -o 的扩展名，否则为 csv
arg-export-cases-no-bom = 输出不带 UTF-8 字节顺序标记（BOM）的 CSV
arg-export-cases-output = 写入 FILE，而不是标准输出
arg-export-cases-since = 只含在此日期（YYYY-MM-DD）当天或之后受理的服务单
arg-export-cases-state = 只含处于此状态的服务单

# global
arg-global-color = 何时使用彩色输出：auto（输出到终端且未设置 NO_COLOR 时）、always（总是）或 never（从不）；默认 auto
arg-global-dir = 在 DIR 处的工作区中运行，而不是从当前文件夹向上查找
arg-global-json = 输出机器可读的 JSON
arg-global-locale = 消息、帮助和打印件的语言：zh-CN 或 en（默认：消息按 LC_ALL、LC_MESSAGES 或 LANG，打印件按 svc.toml 中的 locale）
arg-global-no-cache = 不经 .git/svc 中的 svc 缓存，重新读取每个表单和提交（结果相同，可借此验证）
arg-global-quiet = 减少输出

# import
arg-import-apply = 写入更改并提交（不加此选项则不写入任何内容）
arg-import-encoding = CSV 文件的编码：utf-8、gbk 或 gb18030（默认：文件是 UTF-8 时按 UTF-8，否则按 GB18030）
arg-import-file = 要导入的文件：.xlsx、.xlsm、.xls、.ods 或 .csv
arg-import-rules = 读取表格的规则（默认：工作区中有 import/<what>.toml 时用它）
arg-import-sheet = 要读取的工作表（默认：第一个）
arg-import-what = 表格的内容：parts（易损件价目表，catalog/parts.toml，11.1）、rates（现场服务收费清单，catalog/rates.toml，9.3）、products（装机产品，写入 customers/<id>.toml）或 customers（客户，每个客户一个文件）

# init
arg-init-admin = 工作区的首位管理员，写作 `姓名 <邮箱>` 或邮箱（默认：git 的 user.name 和 user.email）
arg-init-dir = 工作区文件夹（不存在则创建）；省略时为当前文件夹
arg-init-example = 创建内置的示例公司：人员、客户、价目表以及处于各种状态的服务单

# list
arg-list-assignee = 只列出指派给此人的服务单（`me` 指电子邮件与 git 的 user.email 相同的人）
arg-list-breached = 只列出未守服务时限（5.1.7）的服务单：逾时达成，或此刻已超时
arg-list-customer = 只列出此客户的服务单
arg-list-since = 只列出在此日期（YYYY-MM-DD）当天或之后受理的服务单
arg-list-state = 只列出处于此状态的服务单

# log
arg-log-case = 服务单（编号的任一唯一前缀或后缀均可）

# new
arg-new-channel = 服务请求的来源：phone、fax、email、visit 或 web
arg-new-contact = 客户联系人（默认：客户文件中的第一位联系人）
arg-new-customer = 客户（其编号，即 customers/<id>.toml）
arg-new-fault = 客户所述的故障情况
arg-new-phone = 联系人电话
arg-new-product = 涉及的产品（其序列号）
arg-new-site = 服务地点（客户的地点编号）
arg-new-title = 一行标题（默认：取故障描述的开头）

# reject
arg-reject-case = 服务单（编号的任一唯一前缀或后缀均可）
arg-reject-reason = 原因（必填）

# render
arg-render-case = 服务单（编号的任一唯一前缀或后缀均可）
arg-render-font = PDF 所用字体：字体文件、字体文件夹或已安装的字体族（默认：svc.toml 中 [print] 下的 font，否则用系统中文字体）
arg-render-form = 要打印的表单
arg-render-format = 输出格式：md（Markdown）、html（可在 A4 纸上打印的独立 HTML 页面）或 pdf（由 svc 排版、嵌入字体的 PDF）；默认取 -o 的扩展名，否则为 md
arg-render-output = 写入 FILE，而不是标准输出
arg-render-site = 服务单有多份现场服务记录时要打印的那一份：其地点编号或文件名

# report case
arg-report-case-case = 服务单（编号的任一唯一前缀或后缀均可）
arg-report-case-expense-claim = 改为生成出差费用报销材料：出差工作日志中的交通费、各项费用及借款，并附现场服务记录和服务总结报告（7.9）
arg-report-case-font = PDF 所用字体：字体文件、字体文件夹或已安装的字体族（默认：svc.toml 中 [print] 下的 font，否则用系统中文字体）
arg-report-case-format = 输出格式：md（Markdown）、html（可在 A4 纸上打印的独立 HTML 页面）或 pdf（由 svc 排版、嵌入字体的 PDF）；默认取 -o 的扩展名，否则为 md
arg-report-case-output = 写入 FILE，而不是标准输出

# report monthly
arg-report-monthly-font = PDF 所用字体：字体文件、字体文件夹或已安装的字体族（默认：svc.toml 中 [print] 下的 font，否则用系统中文字体）
arg-report-monthly-format = 输出格式：md（Markdown）、html（可在 A4 纸上打印的独立 HTML 页面）、csv（每个服务单一行，带 UTF-8 字节序标记）、json（字段见 README）、xlsx（Excel 工作簿，每张分析表一个工作表）或 pdf（图表和各分析表，嵌入字体）；默认取 -o 或 --template 的扩展名，否则为 md
arg-report-monthly-month = 月份，格式 YYYY-MM（默认：本月）
arg-report-monthly-no-bom = 输出不带 UTF-8 字节顺序标记的 CSV（Excel 需要此标记才能按 UTF-8 读取）
arg-report-monthly-output = 写入 FILE，而不是标准输出（未给 --format 时按其扩展名确定格式）
arg-report-monthly-rev = 按 REV（提交、分支或标签；默认 HEAD）时已提交的数据生成报告
arg-report-monthly-template = 用此模板文件渲染，而不用内置模板（或工作区中的模板）

# resolve
arg-resolve-case = 服务单（编号的任一唯一前缀或后缀均可）
arg-resolve-note = 写入记录的备注（即提交说明的正文）

# schema
arg-schema-form = 表单：request、task-sheet、visit、fees、travel-log、summary；或 case、settings、people、customer、parts、rates、calendar、plan；省略时列出全部名称

# serve
arg-serve-port = 监听的端口（默认 8080；0：任选一个空闲端口，启动时打印）
arg-serve-address = 监听的地址（默认 127.0.0.1）；除本机回环地址外，网络上的其他人都能看到工作区，且（未加 --read-only 时）能以你的身份操作
arg-serve-read-only = 只显示页面：没有按钮，所有 POST 均被拒绝

# show
arg-show-case = 服务单（编号的任一唯一前缀或后缀均可）

# start
arg-start-case = 服务单（编号的任一唯一前缀或后缀均可）
arg-start-note = 写入记录的备注（即提交说明的正文）

# submit
arg-submit-case = 服务单（编号的任一唯一前缀或后缀均可）
arg-submit-note = 写入记录的备注（即提交说明的正文）

# templates export
arg-templates-export-dir = 写入的文件夹（不存在则创建）；默认：工作区中的 templates/

# validate
arg-validate-cases = 要检查的服务单（编号的任一唯一前缀或后缀均可）；不指定则检查全部

# accept
cmd-accept = 确认需要现场服务，并记录与客户商定的服务费处理方式（8.1，5.1.2）

# approve
cmd-approve = 签批客户服务任务书（7.2）、审核确认服务记录（5.1.6），或审批航班（--flight，7.4）
long-approve = svc.toml 中 review = "pull-request" 时，svc 取回该服务单的分支 case/<id>，切换过去，在那里执行这一步并推送；合并拉取请求后，这一步才进入主分支。

# archive
cmd-archive = 将已审核的服务单归档（7.10）

# assign
cmd-assign = 指派现场服务人员（8.2）

# asset
cmd-asset = 显示一台设备的履历：服务单、现场服务、更换的备件、重复故障和保修情况；或一个备件在各设备间的流转

# calendar
cmd-calendar = 谁何时外出：计划中与已完成的出差、现场服务、计划维护，默认自今天起四周（表格、JSON，或可订阅的 iCalendar 日历）

# cancel
cmd-cancel = 在出差前取消服务单，须说明原因

# hold
cmd-hold = 记录服务单在等待客户，须说明原因：按时限约定暂停响应计时（5.1.7）

# resume
cmd-resume = 结束等待客户：恢复计时

# reopen
cmd-reopen = 故障在服务单结束后再次出现时，新开一张与之关联的服务单

# check
cmd-check = 校验表单并核验历史：每一步都合规，且由有权限的人执行（供 CI 使用）

# checkin
cmd-checkin = 记录出差期间与公司的联系（7.5）

# ci
cmd-ci = 在 GitHub、GitLab 或 Forgejo/Gitea 上配置 CI：对拉取请求运行 svc check，并生成 CODEOWNERS

# ci init
cmd-ci-init = 写入代码托管平台的 CI 工作流（每个拉取请求都运行 svc check），并按 people.toml 生成 CODEOWNERS（服务单归领导；people.toml、catalog/、plans/、svc.toml 归管理员）

# complete
cmd-complete = 结束现场服务，相关记录须已填好（8.5）

# completions
cmd-completions = 输出 shell 补全脚本

# edit
cmd-edit = 在编辑器中填写表单（尚无则先生成空白表单），保存时校验

# export
cmd-export = 导出数据供电子表格使用：每个服务单及其要点（csv、xlsx、json）

# export cases
cmd-export-cases = 所有服务单（按与 `svc list` 相同的条件筛选），每单一行：客户、产品、状态、各时间点、响应与解决小时数、服务费、工程师、结果

# import
cmd-import = 将电子表格导入 catalog/：易损件价目表或现场服务收费清单（先显示更改；加 --apply 才写入并提交）

# init
cmd-init = 创建工作区（必要时执行 git init）；加 --example 则创建内置的示例公司

# list
cmd-list = 列出服务单及其状态

# log
cmd-log = 显示服务单的流转记录：时间、操作人、原状态 → 新状态、说明

# new
cmd-new = 将新的服务请求登记为服务单，并输出其编号（8.1）

# reject
cmd-reject = 驳回所提交的内容，须说明原因
long-reject = svc.toml 中 review = "pull-request" 时，这一步在该服务单的分支 case/<id> 上执行并推送。

# render
cmd-render = 按纸质原件样式打印表单（Markdown 或 A4 HTML），带签字栏

# report
cmd-report = 根据已提交的数据生成报告：月度分析（8.7）、服务单档案

# report case
cmd-report-case = 单个服务单的档案，用于归档（7.10）和出差费用报销（7.9）

# report monthly
cmd-report-monthly = 服务月度分析（8.7）：服务单、响应与解决时间、一次修复、服务费、出差、出差联系、改进建议

# resolve
cmd-resolve = 结束已通过电话解决的服务请求，并说明解决方法（--note）

# schema
cmd-schema = 输出表单的 JSON Schema，供编辑器使用

# serve
cmd-serve = 服务中心一屏总览：看板、各服务单、我的待办、月度报告和出差情况，地址 http://127.0.0.1:8080/（按钮以你的身份执行无需编辑器的步骤）

# show
cmd-show = 显示服务单：各表单要点、状态、审批情况和检查结果

# start
cmd-start = 出发前往现场（8.4）

# status
cmd-status = 按你的角色和指派，列出待你处理的事项

# submit
cmd-submit = 提交客户服务任务书（8.3），或出差返回后提交出差工作日志和服务总结报告（8.6）
long-submit = svc.toml 中 review = "pull-request" 时，这一步在分支 case/<id> 上执行并推送，svc 会打印在哪里发起拉取请求。

# svc
cmd-svc = 在 git 管理的表单文件夹上执行客户服务中心的《现场服务工作程序》

# sync
cmd-sync = 获取、整合并推送：与团队共享你的步骤，并接收他们的步骤

# templates
cmd-templates = 管理报告模板：导出内置模板以便修改

# templates export
cmd-templates-export = 将内置模板写入 DIR（默认：工作区的 templates/），从不覆盖已有文件；该处与内置模板同名的文件会在报告中取代内置模板

# validate
cmd-validate = 按程序规则检查所有表单，并报告全部问题

# plan
cmd-plan = 维护计划：各计划的维护对象、到期的维护，以及为其开服务单（plans/<编号>.toml）
cmd-plan-list = 列出维护计划：维护对象、重复规则和下次日期
cmd-plan-due = 列出到期而尚未开服务单的维护（标出逾期的），以及已开的服务单
arg-plan-due-within = 从今天往后看多久，以天或周计（30d、2w；默认 30d）
cmd-plan-open = 为每次到期的维护开一张服务单，每张一次 new 步骤（需 csc 角色）
arg-plan-open-within = 开出从今天起这段时间内的维护（14d、2w；默认按各计划的提前开单天数）
arg-plan-open-dry-run = 只显示将开哪些服务单，不写入任何内容
