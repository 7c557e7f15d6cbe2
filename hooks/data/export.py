"""Turn the shared data files into downloads: JSON (with its schema) and CSV, one row per entry.

Generic over data/: every `data/<name>.yml` that has `data/schemas/<name>.schema.json` is published,
so a new data file with a schema needs no change here. The JSON is the entries exactly as in the
YAML (key order kept), so the published schema validates it as it validates data/. The CSV has one
header row and exactly one record per entry; columns follow the schema's property order, then any
other keys in order of first use. Nested values are flattened:
    {"a": {"b": 1}}         -> column "a.b"
    {"a": ["x", "y"]}       -> column "a" = "x; y"
    {"a": [{"b": 1}, ...]}  -> column "a" = the list as compact JSON text
    true / false / null     -> "true" / "false" / ""
`load_data` gives hooks/render/downloads.py every data file's label, entry count, JSON, CSV and schema.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from hooks.core.problems import Problem
from hooks.data import datafiles

LIST_SEPARATOR = "; "


def discover(root: Path) -> list[str]:
    """Names of the data files that have a schema, sorted: data/x.yml + data/schemas/x.schema.json."""
    schemas = (root / "data" / "schemas").glob("*.schema.json")
    return sorted(p.name.removesuffix(".schema.json") for p in schemas if (root / "data" / f"{p.name.removesuffix('.schema.json')}.yml").is_file())


def to_json(entries: list) -> str:
    return json.dumps(entries, ensure_ascii=False, indent=2) + "\n"


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        if all(not isinstance(v, (dict, list, tuple)) for v in value):
            return LIST_SEPARATOR.join(_cell(v) for v in value)
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def flatten(entry, prefix: str = "") -> dict[str, str]:
    """One entry as {column: text}; nested mappings become dotted columns."""
    if not isinstance(entry, dict):
        return {prefix or "value": _cell(entry)}
    row: dict[str, str] = {}
    for key, value in entry.items():
        name = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, dict):
            row.update(flatten(value, name))
        else:
            row[name] = _cell(value)
    return row


def schema_columns(schema: dict, prefix: str = "") -> list[str]:
    """Column order from the schema: its item properties in order, nested objects dotted."""
    node = schema.get("items", schema) if not prefix else schema
    columns = []
    for key, sub in (node.get("properties") or {}).items():
        name = f"{prefix}.{key}" if prefix else key
        if isinstance(sub, dict) and sub.get("type") == "object" and sub.get("properties"):
            columns += schema_columns(sub, name)
        else:
            columns.append(name)
    return columns


def to_csv(entries: list, schema: dict) -> str:
    rows = [flatten(entry) for entry in entries]
    columns = schema_columns(schema)
    for row in rows:
        columns += [key for key in row if key not in columns]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: row.get(c, "") for c in columns})
    return out.getvalue()


def load_data(root: Path) -> tuple[dict, list[Problem]]:
    """Every data file with a schema, as its downloads. Files hooks/render/markers.py does not load
    are validated here, so a new data file's problems are reported once."""
    data, problems = {}, []
    for name in discover(root):
        entries, found = datafiles.load(root, name)
        if name not in datafiles.DATA_FILES:
            problems += found
        schema_text = (root / f"data/schemas/{name}.schema.json").read_text(encoding="utf-8")
        schema = json.loads(schema_text)
        title = schema.get("title", name)
        data[name] = {
            "label": title.split(":")[0].strip(),
            "about": title.split(":", 1)[1].strip() if ":" in title else "",
            "count": len(entries),
            "json": to_json(entries),
            "csv": to_csv(entries, schema),
            "schema_text": schema_text,
        }
    return data, problems
