"""A broken entry for each data schema: the fast check's data step (scripts/check.data) and
datafiles.validate name file, line and field."""
from __future__ import annotations

import json
import shutil

import pytest
import yaml
from conftest import ROOT
from helpers.sample import ESTIMATE, EVENT, SANCTION

from hooks.data import datafiles
from scripts import check


def _project_with(tmp_path, name: str, text: str):
    (tmp_path / "data/schemas").mkdir(parents=True)
    for schema in (ROOT / "data/schemas").glob("*.json"):
        shutil.copy(schema, tmp_path / "data/schemas" / schema.name)
    for data in (ROOT / "data").glob("*.yml"):
        shutil.copy(data, tmp_path / "data" / data.name)
    (tmp_path / f"data/{name}.yml").write_text(text, encoding="utf-8")
    return [line for line in check.data(tmp_path) if line.startswith(f"data/{name}.yml")]


GOOD_SANCTION = yaml.safe_dump([SANCTION], sort_keys=False)


@pytest.mark.parametrize("name, text, expected", [
    ("sanctions", GOOD_SANCTION.replace("actor: us-treasury", "actor: treasury"),
     "data/sanctions.yml:2: entry 1, field 'actor': 'treasury' is not one of ['us-treasury', 'us-state', 'eu', 'uk', 'rok', 'japan', 'australia', 'canada', 'new-zealand', 'other'] (see data/schemas/sanctions.schema.json)"),
    ("sanctions", GOOD_SANCTION.replace("targets: 16", "targets: sixteen"),
     "data/sanctions.yml:5: entry 1, field 'targets': 'sixteen' is not of type 'integer', 'null' (see data/schemas/sanctions.schema.json)"),
    ("sanctions", GOOD_SANCTION.replace("  instrument: E.O. 13382\n", ""),
     "data/sanctions.yml:1: entry 1, field 'instrument': is missing (see data/schemas/sanctions.schema.json)"),
    ("estimates", yaml.safe_dump([ESTIMATE], sort_keys=False).replace("measure: deployed", "measure: dead"),
     "data/estimates.yml:3: entry 1, field 'measure': 'dead' is not one of ['deployed', 'killed', 'wounded', 'killed-or-wounded', 'captured'] (see data/schemas/estimates.schema.json)"),
    ("estimates", yaml.safe_dump([ESTIMATE], sort_keys=False).replace("date: '2025-04-30'", "date: 2025-04-30"),
     "data/estimates.yml:1: entry 1, field 'date': 2025-04-30 is not quoted, so YAML reads it as a date rather than text (write it in quotes: \"2025-04-30\")"),
    ("timeline", yaml.safe_dump([EVENT], sort_keys=False).replace("thread: transport-people", "thread: trains"),
     "data/timeline.yml:5: entry 1, field 'thread': 'trains' is not one of ['treaty', 'troops', 'arms-money', 'sanctions', 'transport-people', 'diplomacy'] (see data/schemas/timeline.schema.json)"),
    # A backtick ends the meetings diagram's Markdown label early and Mermaid cannot draw it.
    ("timeline", yaml.safe_dump([dict(EVENT, meeting=True, label="Kim meets `Putin` in Vostochny")], sort_keys=False),
     "data/timeline.yml:2: entry 1, field 'label': 'Kim meets `Putin` in Vostochny' contains ` (leave out < > \" `: the "
     "meetings diagram (hooks/render/markers.py) draws meeting labels as Mermaid text, which these characters break)"),
    ("actors", "- id: japan\n  name: Japan\n  group: allies\n  role: A role that is long enough.\n  interests: Interests that are long enough.\n"
               "  in_report: true\n  source: https://a.org\n  source_title: A source\n  officeholders:\n"
               "    - office: Prime Minister\n      at_report: Kishida Fumio\n      now: Takaichi Sanae\n"
               "      since: '2025-10-32'\n      as_of: '2026-02-18'\n      source: https://n.org\n      source_title: N\n",
     "data/actors.yml:13: entry 1, field 'officeholders' item 1 'since': '2025-10-32' is not a 'partial-iso-date' (day is out of range for month) (see data/schemas/actors.schema.json)"),
    ("actors", "- id: japan\n  name: Japan\n  group: allies\n  role: A role that is long enough.\n  interests: Interests that are long enough.\n"
               "  in_report: true\n  source: https://a.org\n  source_title: A source\n  officeholders:\n"
               "    - office: Prime Minister\n      at_report: Kishida Fumio\n      as_of: '2026-02-18'\n      source: https://n.org\n      source_title: N\n",
     "data/actors.yml:10: entry 1, field 'officeholders' item 1 'now': is missing (see data/schemas/actors.schema.json)"),
])
def test_broken_entry_is_reported_with_file_line_and_field(tmp_path, name, text, expected):
    found = _project_with(tmp_path, name, text)
    assert expected in found, found


def _validate(text: str):
    schema = json.loads((ROOT / "data/schemas/places.schema.json").read_text(encoding="utf-8"))
    return [str(p) for p in datafiles.validate("data/places.yml", yaml.safe_load(text), schema,
                                                datafiles._lines(yaml.compose(text)))]


def test_broken_places_are_reported_with_file_and_line():
    good = (ROOT / "data/places.yml").read_text(encoding="utf-8")
    broken = good.replace("lat: 39.0194", "lat: 139.0194", 1).replace(
        "coordinates_source: https://en.wikipedia.org/wiki/Wonsan", "coordinates_source: http://example.org/", 1)
    problems = _validate(broken)
    line_lat = broken.split("\n").index("  lat: 139.0194") + 1
    assert any(p.startswith(f"data/places.yml:{line_lat}: entry 1, field 'lat': 139.0194 is greater than the maximum of 90")
               for p in problems), problems
    assert any("field 'coordinates_source': 'http://example.org/' is not an https:// address" in p for p in problems), problems
