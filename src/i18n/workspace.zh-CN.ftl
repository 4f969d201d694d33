# 工作区检查的消息：读取工作区的文件和表单（layout、schema、id、ref、dates），打开工作区，
# 指定服务单，写出文档。

## 打开工作区、指定服务单、编辑表单、写出文档

ws-open-not-found = 不在 svc 工作区内（{ $folder } 及其上级文件夹中都没有 { $file }）
ws-open-unreadable = 无法读取 { $path }：{ $error }
ws-lookup-not-found = 没有与 `{ $query }` 匹配的服务单
ws-lookup-ambiguous = `{ $query }` 匹配 { $count } 个服务单：{ $cases }
ws-edit-which-site = 哪个站点？该服务单已有以下站点的现场服务记录：{ $sites }
ws-output-not-a-file = { $path } 是{ $what }，不是可以写入文档的文件
ws-output-folder = 文件夹
ws-output-socket = 套接字
ws-output-block-device = 块设备
ws-output-not-regular = 非普通文件
ws-output-link-loop = { $path }：符号链接层数过多

## 读取文件（layout、schema）

ws-layout-unreadable-file = 无法读取此文件：{ $error }
ws-layout-not-regular-file = 不是普通文件（而是管道、套接字或设备）
ws-layout-not-regular-file-hint = 表单都是普通文件；请删除此项
ws-layout-too-large = 文件大小为 { $size } MiB；表单最大 1 MiB
ws-layout-too-large-hint = 大的附件（照片、扫描件）放在服务单文件夹的 attachments/ 下
ws-schema-cut-character = 文件在一个字符的中间结束
ws-schema-cut-character-hint = 文件在写入或复制时被截断；请从 git 或编辑器中恢复
ws-schema-not-utf8 = 文件不是 UTF-8 编码（偏移 { $offset } 处的字节 0x{ $byte }）
ws-schema-not-utf8-hint = 将文件另存为 UTF-8（用 GBK 编写的表单须先转换，例如 `iconv -f GBK -t UTF-8`）
ws-schema-merge-conflict = 存在未解决的合并冲突
ws-schema-merge-conflict-hint = 保留一方（或将两方合并），删除 <<<<<<< ======= >>>>>>> 这几行，然后重新验证
ws-schema-empty-file = 文件为空
ws-schema-empty-file-hint = 填写此表单，或删除此文件
ws-layout-link-outside = 符号链接指向工作区之外（指向 { $target }）
ws-layout-link = 符号链接（指向 { $target }）；svc 只读取普通文件和文件夹
ws-layout-link-hint = 用链接所指内容的副本替换此链接
ws-layout-not-a-form-syntax = svc 只读取 .toml、.yaml 和 .yml 文件
ws-schema-invalid-syntax = { $language } 格式无效：{ $error }

## 共享文件：svc.toml、people.toml、目录（catalog）、customers/

ws-layout-missing = 缺少 { $file }
ws-layout-missing-hint = `svc init` 会为每个共享文件写出初始版本
ws-layout-other-syntax-beside = 不读取 { $file }：svc 读取的是旁边的 { $toml }
ws-layout-other-syntax = 不读取 { $file }：svc 读取 { $toml }（共享文件为 TOML 格式）
ws-layout-other-syntax-hint = 把其内容以 TOML 格式写入 { $toml }，并删除 { $file }
ws-layout-cases-file = cases 是一个文件，而不是存放服务单的文件夹
ws-layout-cases-file-hint = 把它移走；svc 将每个服务单存放在 cases/<yyyy>/<mm>/<case-id>/ 中
ws-schema-locale = locale "{ $locale }" 不是 svc 支持的语言
ws-schema-locale-hint = 报告以 zh-CN 或 en 书写
ws-schema-timezone = 时区 "{ $timezone }" 不是 UTC 偏移
ws-schema-timezone-hint = 写成 +08:00
ws-schema-clock = clock "{ $clock }" 不是一个时刻
ws-schema-clock-hint = 写成 2026-11-26T18:00:00+08:00，或删去此项以按真实时间运行
ws-schema-time-of-day = "{ $time }" 不是一天中的时刻
ws-schema-time-of-day-hint = 写成 HH:MM，例如 08:30
ws-schema-id-prefix = 编号前缀 "{ $prefix }" 必须由大写字母组成
ws-schema-id-prefix-hint = 例如 "SR"
ws-schema-action = "{ $action }" 不是工作程序中的操作
ws-schema-action-hint = 操作有：{ $actions }
ws-id-person-twice = 人员 `{ $id }` 登记了两次
ws-id-person-twice-hint = 每人只登记一条，id 各不相同
ws-id-person-id = 人员 id `{ $id }` 含有 id 不允许的字符
ws-id-person-id-hint = id 由小写字母、数字、`.`、`_` 和 `-` 组成，以字母或数字开头，例如 li.na
ws-schema-email = `{ $id }` 的电子邮件 "{ $email }" 不是有效的电子邮件地址
ws-schema-email-hint = 填写此人电脑上 git 的 user.email 所给的地址，例如 li.na@example.com
ws-schema-no-roles = `{ $id }` 没有任何角色
ws-schema-no-roles-hint = roles：csc、lead、sales、sales-lead、engineer、manager、admin（至少一个）
ws-schema-signing-key = `{ $id }` 的 signing_key 不是 OpenSSH 公钥
ws-schema-signing-key-hint = 粘贴密钥 .pub 文件中的那一行，例如 "ssh-ed25519 AAAA… li.na@example.com"
ws-id-email-shared = 电子邮件 { $email } 也属于 `{ $other }`：svc 无法判断是谁在操作
ws-id-code-empty = 目录编码为空
ws-id-code-empty-hint = 为每个配件和收费项填写编码，例如 "P-PSU-48V"
ws-id-code-twice = 目录编码 `{ $code }` 使用了两次
ws-id-code-twice-hint = 配件和收费项的编码共用一套：每个编码须唯一
ws-layout-no-customers = 缺少 customers/ 文件夹
ws-layout-no-customers-hint = 每个客户一个文件：customers/<id>.toml
ws-layout-customer-yaml = 不读取 { $file }：客户文件为 TOML 格式
ws-layout-customer-yaml-hint = 写成 customers/<id>.toml；其中的保修截止日期和协议决定哪些服务收费（9.1）
ws-layout-customer-ignored = svc 只读取 customers/<id>.toml 文件；此文件被忽略
ws-id-customer-file-name = 客户 id `{ $id }` 与其文件名 `{ $file_id }.toml` 不一致
ws-id-customer-file-name-hint = 把文件改名为 { $id }.toml，或设置 id = "{ $file_id }"
ws-id-site-twice = 站点 `{ $site }` 登记了两次
ws-ref-unknown-site = 产品 { $serial } 位于未知站点 `{ $site }`
ws-dates-warranty-before-install = 产品 { $serial } 的保修截止日期（{ $warranty_end }）早于安装日期（{ $installed }）
ws-dates-warranty-before-install-hint = 保修截止日期决定维修是否收费（9.1）：请改正有误的日期
ws-dates-agreement-reversed = 协议 { $agreement } 的截止日期（{ $end }）早于起始日期（{ $start }）
ws-id-serial-elsewhere = 序列号 { $serial } 也是客户 `{ $customer }` 的产品
ws-id-serial-elsewhere-hint = 一个序列号只对应一台产品：登记在其安装所在的客户下
ws-id-serial-twice = 序列号 { $serial } 登记了两次
# `what`：该 id 应指的人，由调用方给出（字段名，或以下之一）。
ws-ref-person = { $what } `{ $id }` 不在 people.toml 中
ws-ref-salesperson = 销售人员
ws-ref-signer = 签署人
ws-did-you-mean = 是否应为 `{ $close }`？

## 工作日历：svc.toml 的 [workday]，calendar/<year>.toml

ws-layout-workday-order = [workday] 中 { $later }（{ $later_time }）必须晚于 { $earlier }（{ $earlier_time }）
ws-layout-workday-overlap = [workday] 中 { $later }（{ $later_time }）不能早于 { $earlier }（{ $earlier_time }）
ws-layout-workday-order-hint = 作息时间须满足 morning_start < morning_end ≤ afternoon_start < afternoon_end，例如 08:30、12:00、14:00、17:30（未写 morning_end 时为 12:00，未写 afternoon_end 时为 17:30）；改正之前 svc 按这组默认时间计算
ws-schema-year = { $found } 不是年份
ws-schema-year-hint = 年份写成数字，例如 year = 2026
ws-calendar-not-folder = calendar 不是 svc 能读取的文件夹
ws-calendar-not-folder-hint = 节假日安排按年存放为 calendar/<年份>.toml，每年一个文件
ws-calendar-file-name = 不读取 { $file }：工作日历文件须以年份命名
ws-calendar-not-toml = 不读取 { $file }：工作日历文件为 TOML 格式
ws-calendar-ignored = 已忽略 { $file }：svc 只读取 calendar/<年份>.toml 文件
ws-calendar-file-name-hint = 每年的文件以该年命名，例如 calendar/2026.toml（其中写 year = 2026）
ws-calendar-year-mismatch = 年份 { $year } 与文件名 { $file } 不一致
ws-calendar-year-mismatch-hint = 一个工作日历文件只写一年，并以该年命名：把文件改名为 { $year }.toml，或改正年份；改正之前 svc 不使用此文件
ws-calendar-outside-year = { $date } 不在 { $year } 年内
ws-calendar-outside-year-hint = calendar/{ $year }.toml 只写 { $year } 年的日期；跨年的假期在两年的文件中各写各年的日期
ws-calendar-reversed = 假期「{ $name }」的末日 { $to } 早于首日 { $from }
ws-calendar-reversed-hint = from 为放假第一天，to 为最后一天（只放一天时两者相同）
ws-calendar-overlap = 假期「{ $name }」（{ $from } 至 { $to }）与「{ $other }」（{ $other_from } 至 { $other_to }）重叠
ws-calendar-overlap-hint = 每个放假日只属于一个假期：按国务院办公厅的通知改正日期
ws-calendar-workday-in-holiday = 调休上班日 { $date } 落在假期「{ $name }」（{ $from } 至 { $to }）之内
ws-calendar-workday-in-holiday-hint = 调休上班日是为调休而上班的周六或周日；请改正它的日期或假期的日期
ws-calendar-workday-not-weekend = 调休上班日 { $date } 不是周六或周日：这一天本来就上班
ws-calendar-workday-not-weekend-hint = [[workdays]] 中只列需要上班的周末；请核对日期
ws-calendar-missing-year = 缺少 { $file }：{ $year } 年只按周末计算休息日
ws-calendar-missing-year-hint = 在 { $file } 中写明 { $year } 年的法定节假日和调休上班日（国务院办公厅每年公布下一年的安排）；在此之前，出差返回上班（7.8）等按工作时间计算的规则只认周六、周日为休息日

## 服务单文件夹（layout）

ws-layout-file-outside-case = 文件不在任何服务单文件夹中；svc 忽略它
ws-layout-file-outside-case-hint = 服务单的文件放在 cases/<yyyy>/<mm>/<case-id>/ 中
ws-layout-folder-not-date = 文件夹不是年份或月份；svc 忽略它
ws-layout-folder-not-date-hint = 服务单文件夹位于 cases/<yyyy>/<mm>/<case-id>/
ws-layout-cannot-read = 无法读取：{ $error }
ws-layout-case-folder-unreadable = 无法读取服务单文件夹：{ $error }
ws-layout-unknown-folder = 服务单中有未知的文件夹；svc 忽略它
ws-layout-unknown-folder-hint = 现场服务记录放在 visits/，其他文件放在 attachments/
ws-layout-unknown-file = `{ $name }` 不是 svc 认识的表单，已忽略
ws-layout-unknown-file-hint = 表单有 { $forms }（.toml、.yaml 或 .yml）；其他文件放在 attachments/
ws-layout-no-case-toml = 服务单文件夹中没有 case.toml
ws-layout-no-case-toml-hint = 用 `svc new` 创建服务单，它会写出 case.toml
ws-layout-two-files = { $form } 表单有两个文件：{ $first } 和此文件
ws-layout-two-files-hint = 保留其中一个（TOML 或 YAML），删除另一个
ws-layout-attachment-not-file = 附件 `{ $name }` 不是普通文件（而是管道、套接字或设备）；svc 忽略它
ws-layout-attachment-not-file-hint = 请删除它：附件应是普通文件（照片、扫描件）
ws-layout-attachment-not-utf8 = 附件 `{ $name }` 的名称不是 UTF-8（U+FFFD 标出了非 UTF-8 的字节）
ws-layout-attachment-hidden = 附件 `{ $name }` 的名称含有控制字符或不可见字符 { $character }
ws-layout-attachment-name-hint = 请用能原样显示的字母、数字和标点重命名此文件：这样的名称在其他电脑和工具上会显示得不一样，或无法检出
ws-layout-not-a-visit = 不是现场服务记录（.toml、.yaml 或 .yml）；svc 忽略它
ws-layout-not-a-visit-hint = 照片和扫描件放在 attachments/

## 表单的结构（schema）

ws-schema-form-unreadable = 无法读取此表单
ws-schema-expected = 应为{ $what }，实际为{ $found }
ws-schema-unknown-key = { $what }：未知的键 `{ $key }`
ws-schema-unknown-key-hint = { $what }的键有：{ $keys }
ws-schema-retired-key = { $what }：`{ $key }` 已不再使用
ws-schema-retired-checkins-hint = 联系记录在联系发生时用 `svc checkin CASE --via phone|fax|email` 记入 case.toml（7.5），打印的出差工作日志从那里列出：请逐条用 svc checkin 记录，并删除此列表
ws-schema-missing-key = { $what }：缺少键 `{ $key }`
ws-schema-missing-key-hint = 添加 `{ $key }`：{ $description }
ws-schema-unknown-keyword = 未知的{ $what } "{ $value }"
ws-schema-unknown-keyword-hint = 是否应为 "{ $close }"？（可选值：{ $words }）
ws-schema-keyword-choices = 可选值：{ $words }
# 命令行上给出的词（`svc new --channel phnoe`）。
ws-arg-unknown-keyword = 未知的{ $what } `{ $value }`：应为 { $words } 之一
ws-schema-quantity-too-large = 数量 { $quantity } 过大
ws-schema-quantity-too-small = 数量至少为 1，实际为 { $quantity }
ws-schema-quantity-too-small-hint = 删除该行，不要写零或负数的数量
ws-schema-megabytes-too-large = { $size } MB 过大
ws-schema-megabytes-too-small = 大小至少为 1 MB，实际为 { $size }
ws-schema-megabytes-hint = 以整数兆字节填写大小，例如 20
ws-schema-score = 应为 1 到 5 的评分，实际为 { $found }
ws-schema-score-hint = 1 = 非常不满意 … 5 = 非常满意
ws-schema-money-spaces = "{ $text }" 中有空格；只写金额，例如 "180.00"
ws-schema-money-not-amount = "{ $text }" 不是金额
ws-schema-money-decimals = "{ $text }" 的小数超过两位
ws-schema-money-decimal-point = "{ $text }" 以小数点结尾
ws-schema-money-too-large = "{ $text }" 过大
ws-schema-money-hint = 金额写成字符串，最多两位小数，例如 "180.00"
ws-schema-money-negative = 金额 "{ $amount }" 为负数
ws-schema-money-negative-hint = 金额不能为负数；退款请写在备注中
ws-schema-money-number = 写成数字（{ $found }）的金额可能被舍入
ws-schema-date-hint = 日期写成 YYYY-MM-DD，例如 2026-11-27
ws-schema-date-not-in-calendar = 日历上没有 { $date } 这一天
ws-schema-date-invalid = "{ $date }" 不是日期
ws-schema-time-hint = 时间写成日期、时刻和 UTC 偏移：2026-11-27T09:30:00+08:00
ws-schema-time-leap-second = { $time } 是闰秒（:60），svc 不记录这样的时间
ws-schema-time-leap-second-hint = 写成 :59，或下一分钟的 :00
ws-schema-time-no-time-of-day = { $time } 没有时刻
ws-schema-time-no-offset = { $time } 没有 UTC 偏移
ws-schema-time-invalid = "{ $time }" 不是有效的日期和时间

# 值应是什么（“应为{ $what }，……”）。
ws-schema-expect-list = 列表
ws-schema-expect-list-hint = 列表在 TOML 中写作 [a, b]，在 YAML 中每行写一个 `- item`
ws-schema-expect-text = 文本
ws-schema-expect-text-hint = 把文本放在双引号中
ws-schema-expect-bool = true 或 false
ws-schema-expect-whole-number = 整数
ws-schema-expect-megabytes = 整数兆字节数
ws-schema-expect-money = 金额
ws-schema-expect-date = 日期
ws-schema-expect-time = 日期和时间
ws-schema-expect-table = 表（{ $what }）

# 值实际是什么（“……，实际为{ $found }”）。
ws-value-null = 空值
ws-value-bool = 布尔值
ws-value-int = 整数
ws-value-big-int = 超过 64 位、无法读取的整数
ws-value-float = 浮点数
ws-value-string = 字符串
ws-value-datetime = 日期时间
ws-value-list = 列表
ws-value-table = 表

# 表单中的记录（`record!`）；文件名和节名（svc.toml、[company]）照原样显示，不在此列。
ws-form-approval = 审批记录
ws-form-approval-covers = 审批所涵盖的文件
ws-form-rejection = 退回记录
ws-form-checkin = 联系记录
ws-form-reassignment = 改派记录
ws-form-hold = 暂停记录
ws-form-timeline = 时间线
ws-form-person = 人员条目
ws-form-customer-contact = 联系人
ws-form-site = 站点
ws-form-product = 产品
ws-form-agreement = 售后服务协议
ws-form-customer = 客户文件
ws-form-part = 配件
ws-form-rate = 收费项
ws-form-fee-item = 费用项
ws-form-signature = 签字
ws-form-payment = 付款
ws-form-fee-list = 服务费清单
ws-form-contact = 联系人
ws-form-request = 服务请求
ws-form-summary = 服务总结报告
ws-form-helper = 协助人员
ws-form-planned-leg = 计划行程
ws-form-part-to-bring = 需携带的配件
ws-form-advance = 借款
ws-form-task-sheet = 客户服务任务书
ws-form-leg = 行程
ws-form-day = 每日工作
ws-form-expense = 费用
ws-form-advance-received = 已收借款
ws-form-travel-log = 出差工作日志
ws-form-replaced-part = 更换的配件
ws-form-confirmation = 客户确认
ws-form-visit = 现场服务记录
ws-form-holiday = 法定节假日
ws-form-make-up-day = 调休上班日

# 表单中的词集（`keywords!`）。
ws-word-state = 状态
ws-word-approval-kind = 审批类型
ws-word-role = 角色
ws-word-review-mode = 审核方式
ws-word-forge = 代码托管平台
ws-word-paper = 纸张
ws-form-targets = 服务时限
ws-word-hours = 计时方式
ws-word-priority = 优先级
ws-word-rate-kind = 收费类型
ws-word-payment-method = 付款方式
ws-word-transport = 交通方式
ws-word-checkin-channel = 联系方式
ws-word-request-channel = 请求渠道
ws-word-outcome = 服务结果
ws-word-fault-category = 故障类别
ws-word-expense-category = 费用类别
ws-word-cause = 故障原因

# 服务时限（5.1.7）。
ws-schema-allowance = `{ $allowance }` 不是有效的时限
ws-schema-allowance-hint = 请写整数加单位：30m、4h、1h30m 或 2d（按自然时间一天为 24 小时，按工作时间一天为一个工作日的工作小时）
