# 导入表格(src/workspace/import/)的消息。

## 读取文件（工作簿或 CSV 文件）

import-sheet-format = svc 读取 .xlsx、.xlsm、.xls、.ods 和 .csv 文件，不读取 .{ $ext } 文件
import-sheet-unreadable = 无法读取该文件：{ $error }
import-sheet-no-sheets = 该工作簿中没有工作表
import-sheet-no-such-sheet = 该工作簿中没有名为 `{ $sheet }` 的工作表（现有：{ $sheets }）
import-sheet-not-utf8 = 该文件不是 UTF-8 编码（偏移 { $offset } 处的字节 0x{ $byte }）

## 工作区自定的表格规则（import/<kind>.toml、--rules）

import-rules-unknown-field = `{ $field }` 不是 { $kind } 的字段；字段有：{ $fields }
import-rules-header-row-zero = header_row 从 1 开始计数

## 表头与各列

import-header-row-not-in-sheet = 规则中的 header_row { $row } 不在表格范围内
import-header-row-not-in-sheet-hint = 请把 header_row 设为列标题所在的行
import-no-header = 找不到表头：前 20 行中没有一行标出 { $key } 和另一个字段
import-no-header-hint = 请给各列加上表头，例如 { $names }；或在规则中指明各列（header_row、[columns]）
import-rules-column-not-in-header = 规则把 { $key } 指定在 `{ $column }` 列，但表头中没有这一列
import-rules-column-not-in-header-hint = 请用表头文字或列字母指明该列
import-no-column = 缺少 { $key } 列（表头可写作 { $headers }）
import-no-column-hint = 请补上该列，或修改它的表头

## 单元格与行

import-formula-error = { $key } 是公式错误 { $error }
import-formula-error-hint = 请修正公式，或直接填入数值
import-empty-cell = 未填写 { $key }
import-empty-cell-hint = 请填写该单元格，或删除这一行
import-code-with-space = 编码 `{ $code }` 中有空格
import-code-with-space-hint = 编码是一个词（字母、数字、- 和 _）
import-bad-price = 单价：{ $error }
import-bad-price-hint = 请以元为单位填写金额，最多两位小数，例如 1280.00
import-money-none = 没有金额
import-money-negative = `{ $text }` 是负数；价格不能小于零
import-money-not-an-amount = `{ $text }` 不是金额
import-money-decimals = `{ $text }` 的小数超过两位；金额只精确到分
import-not-a-date = { $key }：`{ $text }` 不是日期
import-not-a-date-hint = 请写成 2026-04-09（或把单元格设为日期格式）
import-not-a-rate-kind = `{ $text }` 不是收费类别
import-not-a-rate-kind-hint = 可选：硬件（hardware）、软件（software）、人工（labour）、差旅（travel）
import-duplicate-row = { $key } { $code } 在第 { $row } 行已出现过
import-duplicate-row-hint = 每个 { $key } 只保留一行

## 导入写入的文件（catalog/、customers/）

import-file-not-toml = { $file } 不是有效的 TOML：{ $error }
import-file-not-tables = { $file }：`{ $array }` 不是 [[{ $array }]] 表的列表
import-fix-shared-file-hint = 请修正该文件（svc validate 会指出位置），然后重新导入
import-fix-file-hint = 请修正该文件，然后重新导入
import-no-customer = customers/ 中没有客户 `{ $customer }`（按编号或名称查找）
import-no-customer-hint = 请先添加该客户的文件（customers/<id>.toml），或改填客户编号
import-serial-elsewhere = { $serial } 安装在 { $other }（customers/{ $other }.toml），而不是 { $customer }
import-serial-elsewhere-hint = 产品转到另一客户须手工处理，两个客户文件都要改
import-no-site = 客户 { $customer } 没有站点 `{ $site }`
import-no-site-hint = 可选：{ $sites }（编号或名称）；或先在 customers/{ $customer }.toml 中添加该站点
import-bad-customer-id = `{ $id }` 不能用作客户编号（它是文件名 customers/<id>.toml 的一部分）
import-bad-customer-id-hint = 请用字母、数字、- 和 _（例如 hn-unicom）
import-unknown-salesperson = people.toml 中没有名为 `{ $name }` 的人
import-unknown-salesperson-hint = 请按 people.toml 中的写法填写业务员的编号或姓名
