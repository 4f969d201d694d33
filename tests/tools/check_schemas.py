"""Validate every file of an svc workspace against the JSON Schemas that `svc schema --json`
printed, with Python's jsonschema (an implementation independent of svc's own parser).

usage: check_schemas.py SCHEMAS.json WORKSPACE
Prints one line per file checked; exits 1 if any file fails its schema.
"""

import datetime
import json
import pathlib
import sys
import tomllib

import jsonschema
import yaml


def plain(value):
    """TOML and YAML dates become the strings an editor's language server sees."""
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def load(path):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".toml":
        return plain(tomllib.loads(text))
    return plain(yaml.safe_load(text))


FORMS = {"request", "task-sheet", "fees", "travel-log", "summary"}


def schema_name(rel):
    parts = rel.parts
    if rel.as_posix() == "svc.toml":
        return "settings"
    if rel.as_posix() == "people.toml":
        return "people"
    if rel.as_posix() == "catalog/parts.toml":
        return "parts"
    if rel.as_posix() == "catalog/rates.toml":
        return "rates"
    if parts[0] == "customers":
        return "customer"
    if parts[0] == "calendar":
        return "calendar"
    if parts[0] == "plans":
        return "plan"
    if parts[0] == "cases" and len(parts) >= 5:
        if parts[-2] == "visits":
            return "visit"
        if rel.name == "case.toml":
            return "case"
        if rel.stem in FORMS:
            return rel.stem
    return None


def main():
    schemas = json.loads(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))
    root = pathlib.Path(sys.argv[2])
    failures = 0
    checked = 0
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.suffix not in (".toml", ".yaml", ".yml") or ".git" in path.parts:
            continue
        rel = path.relative_to(root)
        name = schema_name(rel)
        if name is None:
            continue
        schema = schemas[name]
        jsonschema.Draft7Validator.check_schema(schema)
        errors = list(jsonschema.Draft7Validator(schema).iter_errors(load(path)))
        checked += 1
        for error in errors:
            failures += 1
            where = "/".join(str(p) for p in error.absolute_path)
            print(f"FAIL {rel} [{name}] at {where or '(top)'}: {error.message}")
        if not errors:
            print(f"ok   {rel} [{name}]")
    print(f"checked {checked} files, {failures} failures")
    sys.exit(1 if failures else 0)


main()
