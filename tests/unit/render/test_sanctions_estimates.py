"""The after-the-report data (issue 9): sanctions, estimates, office-holders, and what renders them.

Unit tests of hooks/data_tables.py and the new marker handling in hooks/render/markers.py, a
deliberately broken entry for each new schema (the message names file, line and field), and one
strict build of a copy of the project with a broken sanctions entry.
"""
from __future__ import annotations

import shutil

import pytest
import yaml
from conftest import ROOT, build, warnings_of

from hooks.checks import citations
from hooks.data import datafiles
from hooks.core import report_facts
from hooks.core.build import Build
from hooks.render import actors, estimates, home, markers, sanctions, timeline
from hooks.render.sanctions import after_report
from scripts import check

SANCTION = {"date": "2024-12-16", "actor": "us-treasury", "action": "OFAC designates bankers and generals | sent to Russia.",
            "instrument": "E.O. 13382", "targets": 16, "targets_note": "9 individuals, 7 entities",
            "source": "https://home.treasury.gov/news/press-releases/jy2751", "source_title": "Treasury, December 16, 2024"}
EARLY = dict(SANCTION, date="2024-03-27", actor="rok", targets=None, targets_note="not stated", action="South Korea designates six people.", source_title="MOFA")
ESTIMATE = {"date": "2025-04-30", "estimator": "South Korea's NIS", "measure": "deployed", "figure": "about 15,000",
            "counts": "Troops sent in two deployments", "key": True, "source": "https://a.org", "source_title": "KBS"}
LOSS = dict(ESTIMATE, measure="killed", figure="around 2,000", counts="Killed in the war", key=False, date="2025-09-02")
EVENT = {"date": "2025-04-30", "label": "Tumen bridge construction begins", "text": "Work starts on the road bridge.",
         "kind": "after", "thread": "transport-people", "highlight": True, "figure": "1 km bridge",
         "source": "https://tass.com/economy/1951481", "source_title": "TASS"}
ACTOR = {"id": "japan", "name": "Japan", "officeholders": [
    {"office": "Prime Minister", "at_report": "Kishida Fumio", "now": "Takaichi Sanae", "since": "2025-10-21",
     "as_of": "2026-02-18", "source": "https://n.org", "source_title": "Nippon.com"},
    {"office": "Emperor", "at_report": "Naruhito", "now": "Naruhito", "as_of": "2025-01", "source": "https://n.org", "source_title": "X"}]}


# --- Renderers -----------------------------------------------------------------------------

def test_sanctions_split_at_the_report_date_and_escape_pipes():
    before = sanctions.render_sanctions([SANCTION, EARLY], False, REPORT_DATE)
    after = sanctions.render_sanctions([SANCTION, EARLY], True, REPORT_DATE)
    assert "March 27, 2024 | South Korea |" in before and "December 16" not in before
    assert ("| December 16, 2024 | U.S. Treasury (OFAC) | OFAC designates bankers and generals \\| sent to Russia. *Instrument:* E.O. 13382. "
            "*Targets:* 16 (9 individuals, 7 entities). | [Treasury, December 16, 2024](https://home.treasury.gov/news/press-releases/jy2751) |") in after
    assert "*Targets:* number not stated (not stated). |" in before
    assert sanctions.render_sanctions([EARLY], True, REPORT_DATE) == "*No entries yet.*\n"

FACTS = report_facts.load(ROOT)
REPORT_DATE = FACTS["date"]


def test_sanctions_become_timeline_rows_of_the_right_kind():
    rows = sanctions.sanctions_as_events([SANCTION, EARLY], REPORT_DATE)
    assert [r["kind"] for r in rows] == ["after", "background"]
    assert rows[0]["label"] == "U.S. Treasury (OFAC) sanctions" and len(rows[0]["label"]) <= 40
    assert rows[0]["text"].endswith("Targets: 9 individuals, 7 entities.")
    table = timeline.render_timeline_table(rows, FACTS)
    assert table.index("March 27, 2024") < table.index("## After the report") < table.index("December 16, 2024")


def test_estimates_are_listed_never_reduced_to_one():
    troops = estimates.render_estimates([ESTIMATE, LOSS, dict(ESTIMATE, figure="about 10,000", date="2024-10-28")], ("deployed",))
    assert troops.index("about 10,000") < troops.index("about 15,000") and "2,000" not in troops
    losses = estimates.render_estimates([ESTIMATE, LOSS], ("killed", "wounded"))
    assert "| September 2, 2025 | South Korea's NIS | Killed: around 2,000 | Killed in the war | [KBS](https://a.org) |" in losses


def test_officeholders_table_gives_then_now_since_and_as_of():
    out = actors.render_officeholders([ACTOR, {"id": "x", "name": "X"}], FACTS['long_date'])
    assert ("| [Japan](#japan) | Prime Minister | Kishida Fumio | Takaichi Sanae, in office since October 21, 2025 "
            "(confirmed as of February 18, 2026) | [Nippon.com](https://n.org) |") in out
    assert "| Naruhito | Naruhito, in office since before the report (confirmed as of January 2025) |" in out
    assert actors.render_officeholders([{"id": "x", "name": "X"}], FACTS['long_date']) == "*No entries yet.*\n"


def test_chronology_story_and_numbers():
    background = dict(EVENT, kind="background", date="2024-01-01", label="Earlier", highlight=False, figure=None)
    unmarked = dict(EVENT, label="Not a key date", chronology=False)
    chronology = home.render_chronology([dict(EVENT, chronology=True), unmarked, dict(background, chronology=True)])
    assert chronology == ("- **April 30, 2025.** Transport and people: Tumen bridge construction begins "
                          "([TASS](https://tass.com/economy/1951481))\n")
    assert home.render_chronology([unmarked]) == "*No entries yet.*\n"
    assert home.render_story([EVENT, background]) == "- **April 30, 2025.** Work starts on the road bridge. ([TASS](https://tass.com/economy/1951481))\n"
    numbers = home.render_numbers([EVENT], [ESTIMATE, LOSS], [SANCTION, EARLY], REPORT_DATE)
    assert "| 1 km bridge | Tumen bridge construction begins | April 30, 2025 |" in numbers
    assert "| About 15,000 | Sent to Russia: South Korea's NIS | April 30, 2025 |" in numbers and "around 2,000" not in numbers
    assert "| 1 actions naming 16 targets in all |" in numbers


def test_indented_marker_renders_inside_its_box():
    data = {"glossary": [], "timeline": [], "actors": [], "sanctions": [SANCTION], "estimates": []}
    page = '!!! after "After the report: December 2024"\n\n    Intro.[^a]\n\n    <!-- render: sanctions-after -->\n'
    out, problems = markers.render(Build(ROOT, FACTS, data), "docs/a.md", "a.md", page)
    assert problems == []
    table_lines = [line for line in out.splitlines() if "|" in line]
    assert table_lines and all(line.startswith("    |") for line in table_lines)


def test_a_render_marker_in_a_box_needs_no_footnote_but_prose_does():
    page = ('---\ntitle: T\n---\n\n!!! after "After the report: May 2024"\n\n    <!-- render: sanctions-after -->\n\n'
            '    Uncited prose.\n\n[^crs]: CRS, [R](https://www.everycrsreport.com/reports/IN12355.html).\n\nText.[^crs]\n')
    found = [str(p) for p in citations.check("docs/a.md", page)]
    assert found == ["docs/a.md:9: statement in a 'after' box cites no source (end the paragraph or list item with a footnote such as [^crs])"]


def test_real_new_data_is_valid_and_rendered_counts_match():
    for name in ("sanctions", "estimates", "actors", "timeline"):
        entries, problems = datafiles.load(ROOT, name)
        assert problems == [], problems
        assert entries, name
    sanctions = datafiles.load(ROOT, "sanctions")[0]
    assert any(not after_report(s, REPORT_DATE) for s in sanctions) and any(after_report(s, REPORT_DATE) for s in sanctions)


def test_reader_facing_labels_live_only_in_the_schemas(tmp_path):
    """Who acted, what an estimate measures and the story threads are titled in data/schemas
    (oneOf const/title): a value added there is rendered with its title and needs no code."""
    assert sanctions.ACTORS["us-treasury"] == "U.S. Treasury (OFAC)" and estimates.MEASURES["deployed"] == "Sent to Russia"
    assert list(timeline.THREADS)[0] == "treaty"
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "hooks").rglob("*.py"))
    for name, field in (("sanctions", "actor"), ("estimates", "measure"), ("timeline", "thread")):
        for title in datafiles.choices(name, field).values():
            if len(title) > 8:   # "Other", "Killed"... are ordinary words
                assert f'"{title}"' not in code, f"{title!r} is spelled in hooks/: read it from data/schemas/{name}.schema.json"
    shutil.copytree(ROOT / "data/schemas", tmp_path / "data/schemas")
    path = tmp_path / "data/schemas/sanctions.schema.json"
    schema = path.read_text(encoding="utf-8").replace('{"const": "other", "title": "Other"}',
                                                     '{"const": "swiss", "title": "Switzerland"}, {"const": "other", "title": "Other"}')
    path.write_text(schema, encoding="utf-8")
    assert list(datafiles.choices("sanctions", "actor", tmp_path).items())[-2:] == [("swiss", "Switzerland"), ("other", "Other")]


# --- A broken entry per schema: file, line and field ----------------------------------------

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


def test_broken_sanctions_entry_fails_the_strict_build(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", ".git", "site", "site-offline", "dist", "node_modules", ".cache", "__pycache__"))
    path = project / "data/sanctions.yml"
    text = path.read_text(encoding="utf-8")
    first = text.index("- id:")                                    # every entry starts with its id
    entry_line = text[:first].count("\n") + 1
    date = text.index("\n  date: ", first) + 1
    assert text[first:date].count("\n- ") == 0, "the first entry has no date field"
    date_line = text[:date].count("\n") + 1
    path.write_text(text[:date] + text[date:].replace("  date: ", "  date: 2024-13-01\n  old_date: ", 1), encoding="utf-8")
    result = build("mkdocs.yml", tmp_path / "site", cwd=project, PRERENDER_DIAGRAMS="false")
    assert result.returncode != 0
    warnings = warnings_of(result)
    assert f"data/sanctions.yml:{date_line}: entry 1, field 'date'" in warnings, warnings
    # an unexpected key is reported at its entry's first line (datafiles.validate)
    assert f"data/sanctions.yml:{entry_line}: entry 1: Additional properties are not allowed ('old_date' was unexpected)" in warnings, warnings
