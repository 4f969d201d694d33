"""Write the sample company's price lists as an office keeps them: the wearing-parts price
list (易损件价目表, 11.1) and the installed base of the new workspace's example customer as
Excel workbooks, and the rate card (现场服务收费清单, 9.3) as a CSV file saved by Excel on
a Chinese desktop (GBK). They are written by openpyxl, not by
svc, so that importing them tests svc against another writer.

    python3 examples/sheets/make.py    # pip install openpyxl
"""
import datetime
import pathlib

import openpyxl

here = pathlib.Path(__file__).parent

book = openpyxl.Workbook()
sheet = book.active
sheet.title = "易损件价目表"
# A title over the table, merged across it, as such sheets have.
sheet.append(["示例网络终端设备厂 易损件价目表(含税)"])
sheet.merge_cells("A1:F1")
sheet.append(["料号", "品名", "英文名称", "单位", "含税单价(元)", "备注"])
rows = [
    ("PSU-AC-3600", "NT-3600 交流电源模块", "NT-3600 AC power module", "个", 1280, ""),
    ("PSU-DC-3600", "NT-3600 直流电源模块 (-48V)", "NT-3600 DC power module (-48 V)", "个", "1,180.00", "价格以文本存储"),
    ("FAN-3600", "NT-3600 风扇盒", "NT-3600 fan tray", "个", 560.5, ""),
    ("ＳＦＰ-ＧＰＯＮ", "GPON 光模块 (Class C+)", "GPON optical module (Class C+)", "个", "¥４２０", "全角字符"),
    ("ONU-PSU-12V", "ONU 电源适配器 12V/1A", "ONU power adapter 12 V / 1 A", "个", 35, ""),
]
for row in rows:
    sheet.append(list(row))
# Trailing rows an office leaves: empty ones, and a note below the table.
sheet.append([])
sheet.append([])
book.properties.created = datetime.datetime(2026, 1, 1)
book.save(here / "parts.xlsx")

book = openpyxl.Workbook()
sheet = book.active
sheet.title = "在网设备"
sheet.append(["客户名称", "安装地点", "设备序列号", "设备型号", "开通日期", "保修到期"])
installed = [
    # The customer and the site by name; dates as date cells, as text, as a serial number.
    ("示例电信有限公司广州分公司", "天河机房", "NT3600-2025-00001", "NT-3600 OLT", datetime.date(2025, 3, 1), datetime.date(2028, 2, 29)),
    ("示例电信有限公司广州分公司", "天河机房", "NT3600-2026-00102", "NT-3600 OLT", "2026/6/18", "2029年6月17日"),
    ("example-customer", "gz-main", "NT5800-2026-00011", "NT-5800 Switch", None, 47299),
]
for row in installed:
    sheet.append(list(row))
book.properties.created = datetime.datetime(2026, 1, 1)
book.save(here / "installed-base.xlsx")

rates = [
    ("编码", "收费项目", "类别", "单位", "收费标准"),
    ("SVC-HW", "硬件维修费", "硬件", "次", "800.00"),
    ("SVC-SW-UPG", "软件升级服务费", "软件", "次", "600"),
    ("SVC-LAB-DAY", "工程师人工费", "人工", "人天", "1,200.00"),
    ("SVC-TRAVEL", "差旅补贴", "差旅", "人天", "150"),
]
text = "".join(",".join(f'"{c}"' if "," in c else c for c in row) + "\r\n" for row in rates)
(here / "rates-gbk.csv").write_bytes(text.encode("gbk"))
