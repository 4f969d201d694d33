"""Read an iCalendar file svc wrote with Python's icalendar package (an independent parser of
RFC 5545) and say what a calendar application would see.

usage: check_ics.py FILE.ics
Checks that every line ends with CRLF and is at most 75 octets, that the parser reports no
problem in any component, and that every VEVENT has UID, DTSTART, DTEND and SUMMARY. Prints
one JSON object: the calendar's name and, for every event in order, its uid, summary,
location, description, categories, status, start and end (dates as YYYY-MM-DD, times in
UTC as RFC 3339) and whether it is all day.
Exits 3 when icalendar is not installed, 1 when a check fails.
"""

import datetime
import json
import pathlib
import sys

try:
    import icalendar
except ImportError:
    print("icalendar is not installed: python3 -m pip install icalendar")
    sys.exit(3)


def when(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise ValueError(f"a floating time: {value}")
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), False
    return value.isoformat(), True


def main():
    raw = pathlib.Path(sys.argv[1]).read_bytes()
    failures = []
    if not raw.endswith(b"\r\n"):
        failures.append("the file does not end with CRLF")
    for number, line in enumerate(raw.split(b"\r\n")[:-1], 1):
        if b"\n" in line or b"\r" in line:
            failures.append(f"line {number} has a bare line break")
        if len(line) > 75:
            failures.append(f"line {number} is {len(line)} octets")
        line.decode("utf-8")  # each folded line is whole UTF-8
    calendar = icalendar.Calendar.from_ical(raw)
    for component in calendar.walk():
        for problem in getattr(component, "errors", []):
            failures.append(f"{component.name}: {problem}")
    events = []
    for event in calendar.walk("VEVENT"):
        missing = [p for p in ("UID", "DTSTART", "DTEND", "SUMMARY") if p not in event]
        if missing:
            failures.append(f"an event without {', '.join(missing)}: {event.get('UID')}")
            continue
        start, all_day = when(event.decoded("DTSTART"))
        end, end_all_day = when(event.decoded("DTEND"))
        if all_day != end_all_day or end <= start:
            failures.append(f"{event['UID']}: DTSTART {start}, DTEND {end}")
        categories = event.get("CATEGORIES")
        events.append({
            "uid": str(event["UID"]),
            "summary": str(event["SUMMARY"]),
            "location": str(event.get("LOCATION", "")),
            "description": str(event.get("DESCRIPTION", "")),
            "categories": [str(c) for c in categories.cats] if categories else [],
            "status": str(event.get("STATUS", "")),
            "start": start,
            "end": end,
            "all_day": all_day,
        })
    for failure in failures:
        print(f"FAIL {failure}", file=sys.stderr)
    print(json.dumps({
        "name": str(calendar.get("X-WR-CALNAME", "")),
        "version": str(calendar.get("VERSION", "")),
        "events": events,
    }, ensure_ascii=False, indent=1))
    sys.exit(1 if failures else 0)


main()
