# 打印(src/report/)的消息:模板、案卷、PDF。

## 模板：工作区自己的、--template FILE、内置的

report-template-error-at-line = 模板 { $template } 第 { $line } 行：{ $message }
report-template-error = 模板 { $template }：{ $message }
# 跟在模板引擎自己的消息之后，指出出错的文字。
report-template-error-at = （位于 `{ $at }`）
report-unknown-locale = 未知的语言 `{ $text }`（请用 zh-CN 或 en）
report-template-folder-unreadable = 无法读取该文件夹：{ $error }
report-no-such-template = 没有这个模板（内置模板有：{ $templates }）
report-template-file-unreadable = 无法读取该文件：{ $error }
report-template-not-a-file = 不是普通文件
report-template-too-large = 文件超过 1 MiB
report-template-not-utf8 = 该文件不是 UTF-8 编码（在第 { $offset } 字节处）

## PDF：排版与字体

report-pdf-date-out-of-range = 打印日期超出范围
report-pdf-failed = 排版失败
# 跟在排版程序的消息之后：它的每条提示，以及后面还有几处错误。
report-pdf-hint = ；提示：{ $hint }
report-pdf-more-errors = （另有 { $count } 处错误）
report-font-none = 本机没有能显示中文的字体，没有中文字体的 PDF 会印出空白方框
report-font-not-found = 字体 `{ $font }` 既不是字体文件或字体文件夹，也不是本机已安装的字体
report-font-not-cjk = `{ $font }` 中没有能显示中文的字体
report-font-install-hint = 请安装中文字体——fonts-noto-cjk（Debian、Ubuntu）、google-noto-sans-cjk-fonts（Fedora）、noto-fonts-cjk（Arch）——或用 --font 或 svc.toml 中 [print] 下的 `font` 指定字体文件或文件夹

## 无法生成表单或档案

report-form-missing = { $case } 还没有{ $form ->
        [request] 客户服务请求（`request`）
        [task-sheet] 客户服务任务书（`task-sheet`）
        [visit] 现场服务记录（`visit`）
        [fees] 服务费清单（`fees`）
        [travel-log] 出差工作日志（`travel-log`）
       *[summary] 服务总结报告（`summary`）
    }
report-form-unreadable = { $case }：{ $form } 表单无法读取（{ $count } 个问题）
report-which-visit = { $case } 有 { $count } 份现场服务记录（{ $sites }）；请用 --site 指定一份
report-no-such-visit = { $case } 没有 `{ $site }` 的现场服务记录（现有：{ $sites }）
report-claim-refused = 缺少{ $forms }，无法为 { $case } 生成报销单（7.9）
# 报销所需的表单，即上面 $forms 列出的各项。
report-claim-form = { $form ->
        [request] 客户服务请求
        [task-sheet] 客户服务任务书
        [visit] 现场服务记录
        [fees] 服务费清单
        [travel-log] 出差工作日志
       *[summary] 服务总结报告
    }
report-list-comma = {"、"}
report-list-and = { $rest }和{ $last }
report-claim-no-travel-log = 报销单依据出差工作日志中的行程和费用生成，而此服务单没有出差工作日志
report-claim-no-travel-log-hint = 8.6：先执行 `svc edit { $case } travel-log`

## 谁何时外出（svc calendar）：iCalendar 日历订阅中的用语

report-away-planned-trip = 出差（计划）
report-away-trip = 出差
report-away-visit = 现场服务
report-away-calendar-name = { $whose } · 出差与现场服务
report-away-case = 服务单：{ $case }
report-away-customer = 客户：{ $customer }
report-away-people = 人员：{ $people }
report-away-fault = 故障：{ $fault }
report-away-as-planned = 按任务书的计划；尚无出差工作日志。
report-away-clash = { $person } 届时不在：{ $case } 的{ $kind }，{ $from } 至 { $to }
