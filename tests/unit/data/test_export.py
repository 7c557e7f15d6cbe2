"""hooks/data/export.py: every data file with a schema as JSON and CSV."""
from __future__ import annotations

import csv
import io
import json

from hooks.data import export

SCHEMA = {"items": {"properties": {"id": {}, "place": {"type": "object", "properties": {"city": {}, "country": {}}},
                                   "tags": {}, "ok": {}}}}


def test_flatten_nested_lists_and_booleans():
    entry = {"id": "a", "place": {"city": "Vladivostok", "country": "Russia"}, "tags": ["x", "y"], "ok": True,
             "events": [{"d": "2024"}], "none": None}
    assert export.flatten(entry) == {"id": "a", "place.city": "Vladivostok", "place.country": "Russia",
                                           "tags": "x; y", "ok": "true", "events": '[{"d":"2024"}]', "none": ""}


def test_csv_columns_follow_the_schema_and_keep_one_record_per_entry():
    entries = [{"id": "a", "ok": False, "note": "two\nlines, and a \"quote\""}, {"id": "b", "place": {"city": "Moscow"}}]
    text = export.to_csv(entries, SCHEMA)
    assert text.splitlines()[0] == "id,place.city,place.country,tags,ok,note"
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 2 and rows[0]["note"] == "two\nlines, and a \"quote\"" and rows[1]["place.city"] == "Moscow"


def test_a_new_data_file_with_a_schema_is_published(tmp_path):
    (tmp_path / "data" / "schemas").mkdir(parents=True)
    (tmp_path / "data" / "ships.yml").write_text('- name: Angara\n  year: "2023"\n', encoding="utf-8")
    (tmp_path / "data" / "notes.yml").write_text("- x\n", encoding="utf-8")          # no schema: not published
    (tmp_path / "data" / "schemas" / "ships.schema.json").write_text(json.dumps(
        {"title": "Ships: vessels named in the sources", "type": "array",
         "items": {"type": "object", "properties": {"name": {"type": "string"}, "year": {"type": "string"}}}}))
    data, problems = export.load_data(tmp_path)
    assert list(data) == ["ships"] and not problems
    assert data["ships"]["label"] == "Ships" and data["ships"]["count"] == 1
    assert data["ships"]["csv"] == "name,year\r\nAngara,2023\r\n"


def test_a_broken_new_data_file_is_reported_once(tmp_path):
    (tmp_path / "data" / "schemas").mkdir(parents=True)
    (tmp_path / "data" / "ships.yml").write_text("- name: 3\n", encoding="utf-8")
    (tmp_path / "data" / "schemas" / "ships.schema.json").write_text(json.dumps(
        {"title": "Ships", "type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}}}}))
    data, problems = export.load_data(tmp_path)
    assert data["ships"]["count"] == 0
    assert [str(p) for p in problems] == [
        "data/ships.yml:1: entry 1, field 'name': 3 is not of type 'string' (see data/schemas/ships.schema.json)"]
