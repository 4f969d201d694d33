"""Read an .xlsx workbook with openpyxl (independent of svc's writer) and print it as JSON:
each sheet's name, frozen cell, and rows of values, each with its number format when it is
a number or a date."""
import datetime
import json
import sys

import openpyxl


def cell(c):
    v = c.value
    if isinstance(v, datetime.datetime):
        return {"date": v.isoformat(), "format": c.number_format}
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return {"number": v, "format": c.number_format}
    return v


book = openpyxl.load_workbook(sys.argv[1])
out = []
for sheet in book.worksheets:
    out.append(
        {
            "name": sheet.title,
            "freeze": sheet.freeze_panes,
            "rows": [[cell(c) for c in row] for row in sheet.iter_rows()],
        }
    )
json.dump(out, sys.stdout, ensure_ascii=False)
