"""Check a calendar file of svc, and svc's reading of it, against Python's chinese-calendar
package (an independent record of China's public holidays and make-up working days).

usage: check_calendar.py CALENDAR.toml SVC_ANSWERS
SVC_ANSWERS has one line per day, `YYYY-MM-DD 1` for a working day and `YYYY-MM-DD 0` for a
day off, as svc's WorkingCalendar answers for the file. For every day of the file's year,
three answers must agree: chinese_calendar.is_workday, the file read with tomllib under the
documented rule (a make-up working day is worked; a day inside a holiday is not; else Monday
to Friday are), and svc's.
Exits 3 when chinese_calendar is not installed, 1 when any day disagrees.
"""

import datetime
import pathlib
import sys
import tomllib

try:
    import chinese_calendar
except ImportError:
    print("chinese_calendar is not installed: python3 -m pip install chinese-calendar")
    sys.exit(3)


def documented(calendar, day):
    if any(w["date"] == day for w in calendar.get("workdays", [])):
        return True
    if any(h["from"] <= day <= h["to"] for h in calendar.get("holidays", [])):
        return False
    return day.weekday() < 5


def main():
    calendar = tomllib.loads(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))
    svc = {}
    for line in pathlib.Path(sys.argv[2]).read_text(encoding="utf-8").split("\n"):
        if line.strip():
            day, answer = line.split()
            svc[datetime.date.fromisoformat(day)] = answer == "1"
    year = calendar["year"]
    day = datetime.date(year, 1, 1)
    checked = failures = 0
    while day.year == year:
        expected = chinese_calendar.is_workday(day)
        said = {"the file": documented(calendar, day), "svc": svc.get(day)}
        for who, answer in said.items():
            if answer != expected:
                failures += 1
                print(f"FAIL {day} ({day:%a}): chinese_calendar says "
                      f"{'working' if expected else 'off'}, {who} says {answer}")
        checked += 1
        day += datetime.timedelta(days=1)
    print(f"checked {checked} days of {year}, chinese_calendar {chinese_calendar.__version__}")
    sys.exit(1 if failures else 0)


main()
