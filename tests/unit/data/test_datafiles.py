"""Unit tests of the hooks' pure functions, with small inline inputs (no build)."""
from __future__ import annotations

import importlib
import logging
import os
import re
import textwrap
from pathlib import Path

import material
import pytest
from conftest import ROOT

from hooks.checks import citations, content_kinds, diagram_rules, front_matter, link_lines, unsafe_content
from hooks.core import dates, markdown, problems, report_facts
from hooks.core.build import Build
from hooks.data import datafiles
from hooks.html import footnote_titles, phone_tables
from hooks.render import cite_this_page, markers, robots_txt, timeline
from hooks.render.actors import render_actors
from hooks.render.glossary import check_abbreviations, render_abbreviations, render_glossary

CRS = "[^crs]: CRS, [Report](https://www.everycrsreport.com/reports/IN12355.html), May 6, 2024."

FACTS = report_facts.load(ROOT)
GROUPS = datafiles.actor_groups(ROOT)

DATES = "covers_through: 2024-05-06\nlast_reviewed: 2026-11-30"


def page(body: str, meta: str = 'title: A test page\ndescription: A description that is long enough to pass the fifty-character minimum.\nreport_part: "None (site page)"') -> str:
    return f"---\n{meta}\n---\n\n# A test page\n\n{textwrap.dedent(body).strip()}\n"


def messages(problems) -> list[str]:
    return [str(p) for p in problems]


# --- Smoke import --------------------------------------------------------------------------

HOOK_MODULES = sorted(p.relative_to(ROOT).with_suffix("").as_posix() for p in (ROOT / "hooks").rglob("*.py") if p.stem != "__init__")


def test_the_hooks_are_grouped_by_stage():
    assert len(HOOK_MODULES) >= 40 and "hooks/pipeline" in HOOK_MODULES, HOOK_MODULES


@pytest.mark.parametrize("module", HOOK_MODULES)
def test_every_hook_module_imports(module):
    imported = importlib.import_module(module.replace("/", "."))
    assert imported.__doc__, f"{module}.py needs a docstring saying why it exists"


# --- _common ---------------------------------------------------------------------------------

def test_scan_keeps_line_numbers_and_splits_fences():
    result = markdown.scan("---\ntitle: x\n---\ntext\n```mermaid\nflowchart LR\n```\nafter\n")
    assert result.front_matter == [(2, "title: x")]
    assert result.prose == [(4, "text"), (8, "after")]
    assert [(f.lang, f.start, f.end, f.body) for f in result.fences] == [("mermaid", 5, 7, [(6, "flowchart LR")])]


def test_admonitions_split_paragraphs_and_list_items():
    result = markdown.scan('!!! report "T"\n\n    one\n    more\n\n    - item a\n    - item b\n\noutside\n')
    [box] = markdown.admonitions(result)
    assert (box.kind, box.title, box.line) == ("report", "T", 1)
    assert box.paragraphs == [(3, "one more"), (6, "- item a"), (7, "- item b")]


def test_problem_format():
    assert str(problems.Problem("docs/a.md", 3, "bad", "fix it")) == "docs/a.md:3: bad (fix it)"


# --- front_matter ----------------------------------------------------------------------------

def test_front_matter_valid():
    meta = 'title: A test page\ndescription: ' + "d" * 60 + '\nreport_part: "None (site page)"\n' + DATES
    assert front_matter.check("docs/a.md", page("Text.", meta)) == []


@pytest.mark.parametrize("meta, expected", [
    ("title: A test page\nreport_part: x y\n" + DATES, "docs/a.md:1: front matter lacks required key 'description' (add 'description: <one sentence"),
    ("title: [a, b]\ndescription: " + "d" * 60 + "\nreport_part: abc\n" + DATES, "docs/a.md:2: front matter 'title': ['a', 'b'] is not of type 'string'"),
    ("title: A page\ndescription: " + "d" * 60 + "\nreport_part: abc\ntags: x\n" + DATES, "docs/a.md:5: unknown front matter key 'tags'"),
    ("title: A: page: broken\ndescription: x", "docs/a.md:2: front matter is not valid YAML"),
])
def test_front_matter_problems(meta, expected):
    found = messages(front_matter.check("docs/a.md", page("Text.", meta)))
    assert any(line.startswith(expected) for line in found), found


def test_front_matter_missing_block():
    assert messages(front_matter.check("docs/a.md", "# Title\n"))[0].startswith("docs/a.md:1: page has no front matter")


# --- unsafe_content --------------------------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("<script>alert(1)</script>", "raw <script> tag is not allowed"),
    ('<iframe src="https://example.org"></iframe>', "raw <iframe> tag is not allowed"),
    ("<style>p{}</style>", "raw <style> tag is not allowed"),
    ("<div>x</div>", "raw HTML tag <div> is not allowed"),
    ('<a href="#" onclick="x()">a</a>', "event-handler attribute (on...=) is not allowed"),
    ('Text\n{: onmouseover="x()" }', "event-handler attribute (on...=) is not allowed"),
    ("[a](javascript:alert(1))", "javascript: URL is not allowed"),
    ("[a](data:text/html,hi)", "data: URL is not allowed"),
    ("![a](data:image/png;base64,AAAA)", "data: URL is not allowed"),
    ("[a](vbscript:x)", "vbscript: URL is not allowed"),
])
def test_unsafe_content_found(line, expected):
    assert any(expected in m for m in messages(unsafe_content.check("docs/a.md", line + "\n"))), expected


@pytest.mark.parametrize("text", [
    "<!-- render: glossary -->", "Use `<script>` in code.", "```html\n<script>x</script>\n```",
    "A range of 1 < 2 > 0.", "Online = not a handler.", "[data](https://example.org/data:1)",
])
def test_unsafe_content_allows(text):
    assert unsafe_content.check("docs/a.md", text + "\n") == []


# --- diagram_rules ---------------------------------------------------------------------------

GOOD_DIAGRAM = """```mermaid
flowchart LR
    accTitle: T
    accDescr: D.
    A["a"] --> B["b"]
```

??? abstract "Diagram as text"

    - a to b.[^crs]
"""


def test_diagram_valid():
    assert diagram_rules.check("docs/a.md", GOOD_DIAGRAM) == []


@pytest.mark.parametrize("old, new, expected", [
    ("    accTitle: T\n", "", "docs/a.md:1: Mermaid diagram has no accTitle"),
    ("    accDescr: D.\n", "", "docs/a.md:1: Mermaid diagram has no accDescr"),
    ('A["a"]', 'A["<b>a</b>"]', "docs/a.md:5: HTML inside a Mermaid diagram"),
    ('A["a"] --> B["b"]\n', 'A["a"] --> B["b"]\n    click A callback\n', "docs/a.md:6: click callback or link"),
    ('A["a"] --> B["b"]\n', 'A["a"] --> B["b"]\n    click A href "https://x.org"\n', "docs/a.md:6: click callback or link"),
    ("flowchart LR\n", "%%{init: {'securityLevel': 'loose'}}%%\nflowchart LR\n", "docs/a.md:2: Mermaid diagram changes securityLevel"),
    ("flowchart LR\n", "%%{ init: {'theme': 'dark'} }%%\nflowchart LR\n", "docs/a.md:2: Mermaid %%{init}%% directive"),
    ('??? abstract "Diagram as text"', "Some text.", "docs/a.md:6: Mermaid diagram has no text equivalent"),
])
def test_diagram_problems(old, new, expected):
    found = messages(diagram_rules.check("docs/a.md", GOOD_DIAGRAM.replace(old, new, 1)))
    assert any(line.startswith(expected) for line in found), found


def test_empty_diagram():
    assert messages(diagram_rules.check("docs/a.md", "```mermaid\n\n```\n"))[0].startswith("docs/a.md:1: empty Mermaid diagram")


# --- citations -------------------------------------------------------------------------------

def test_citations_valid():
    assert citations.check("docs/a.md", page(f'!!! report "R"\n\n    Fact.[^crs]\n\n{CRS}')) == []


@pytest.mark.parametrize("body, expected", [
    (f"Fact.[^crs][^x]\n\n{CRS}", "docs/a.md:9: footnote [^x] is referenced but never defined"),
    (f"Fact.[^crs]\n\n{CRS}\n[^y]: Y, [T](https://y.org), 2024.", "docs/a.md:12: footnote [^y] is defined but never referenced"),
    (f"Fact.[^crs]\n\n{CRS}\n{CRS}", "docs/a.md:12: footnote [^crs] is defined twice (first on line 11)"),
    (f'!!! context "Background: x (2024)"\n\n    Uncited fact.\n\nFact.[^crs]\n\n{CRS}', "docs/a.md:11: statement in a 'context' box cites no source"),
    ("Fact.[^z]\n\n[^z]: Z, [T](http://z.org), 2024. https://www.everycrsreport.com/reports/IN12355.html", "docs/a.md:11: footnote [^z] links a non-https source: http://z.org"),
    ("Fact.[^z]\n\n[^z]: Just a name, 2024. https://www.everycrsreport.com/reports/IN12355.html", "docs/a.md:11: footnote [^z] names no linked source"),
    ("No report link here.", "docs/a.md:1: page never links the original CRS report"),
])
def test_citation_problems(body, expected):
    found = messages(citations.check("docs/a.md", page(body)))
    assert any(line.startswith(expected) for line in found), found


# --- content_kinds ---------------------------------------------------------------------------

@pytest.mark.parametrize("box, expected", [
    ('!!! report "The report"', "docs/a.md:9: 'report' box titled 'The report'"),
    ('!!! context "Earlier"', "docs/a.md:9: 'context' box titled 'Earlier'"),
    ('!!! after "After the report"', "docs/a.md:9: 'after' box titled 'After the report'"),
])
def test_content_kind_titles(box, expected):
    found = messages(content_kinds.check("docs/a.md", page(f"{box}\n\n    Fact.[^crs]")))
    assert any(line.startswith(expected) for line in found), found


def test_content_kinds_report_page_needs_report_box():
    meta = "title: A page\ndescription: " + "d" * 60 + "\nreport_part: Summary"
    assert messages(content_kinds.check("docs/a.md", page("Text.", meta)))[0].startswith("docs/a.md:1: page restates 'Summary' but has no 'report' box")
    good = page('!!! report "What the report says (May 6, 2024)"\n\n    Fact.[^crs]\n\n!!! after "After the report: June 2024"\n\n    Later.[^crs]', meta)
    assert content_kinds.check("docs/a.md", good) == []


# --- _datafiles ------------------------------------------------------------------------------

DATE_SCHEMA = {"type": "array", "items": {"type": "object", "required": ["date"], "additionalProperties": False,
                                         "properties": {"date": {"type": "string", "format": "partial-iso-date"}}}}


@pytest.mark.parametrize("value", ["2024", "2024-02", "2024-02-29", "2023-12-31"])
def test_partial_iso_dates_valid(value):
    assert datafiles.validate("data/t.yml", [{"date": value}], DATE_SCHEMA, {(0, "date"): 3}) == []


@pytest.mark.parametrize("value", ["2024-02-30", "2023-13", "2023-02-29", "2024-00", "24", "2024-1-5", "May 2024", "2024-05-06T00:00"])
def test_partial_iso_dates_invalid(value):
    found = messages(datafiles.validate("data/t.yml", [{"date": value}], DATE_SCHEMA, {(0, "date"): 3}))
    assert len(found) == 1 and found[0].startswith(f"data/t.yml:3: entry 1, field 'date': '{value}' is not a 'partial-iso-date'"), found


def test_datafiles_messages_name_file_line_and_field():
    lines = {(0,): 1, (0, "date"): 1, (1,): 3, (1, "extra"): 4}
    found = messages(datafiles.validate("data/t.yml", [{"date": "2024"}, {"extra": 1}], DATE_SCHEMA, lines))
    assert "data/t.yml:3: entry 2, field 'date': is missing (see data/schemas/t.schema.json)" in found
    assert any(line.startswith("data/t.yml:3: entry 2: Additional properties are not allowed") for line in found)


def test_load_reports_yaml_errors_and_leaves_out_bad_entries(tmp_path):
    (tmp_path / "data/schemas").mkdir(parents=True)
    (tmp_path / "data/schemas/timeline.schema.json").write_text((ROOT / "data/schemas/timeline.schema.json").read_text())
    good = {"id": "a-label", "date": "2024-01-02", "label": "A label", "text": "Some text that is long enough.", "kind": "report",
            "source": "https://example.org/", "source_title": "Example"}
    import yaml
    bad = dict(good, id="another-label", date="2024-02-30")          # entry 2 at line 8, its date at line 9
    (tmp_path / "data/timeline.yml").write_text(yaml.safe_dump([good, bad], sort_keys=False))
    entries, problems = datafiles.load(tmp_path, "timeline")
    assert entries == [good]
    assert [str(p).split(": ")[0] for p in problems] == ["data/timeline.yml:9"]
    (tmp_path / "data/timeline.yml").write_text("- date: '2024'\n  label: [unclosed\n")
    entries, problems = datafiles.load(tmp_path, "timeline")
    assert entries == [] and str(problems[0]).startswith("data/timeline.yml:3: not valid YAML")


@pytest.mark.parametrize("text, expected", [
    # PyYAML fails at line 5 (or at the end); the problem names the line where the quote opened
    ('- id: a\n  name: "North Korea\n  group: x\n- id: b\n  name: "B"\n', 'data/a.yml:2: not valid YAML: the quoted value that starts on this line is not closed on it, so YAML reads on and fails at line 5'),
    ("- id: a\n  name: 'it''s open\n", "data/a.yml:2: not valid YAML: the quoted value that starts on this line is not closed on it"),
    ('- id: a\n  name: "a \\" b"\n group: x\n', "data/a.yml:3: not valid YAML: did not find expected '-' indicator (check indentation"),
    ("- id: a\n  name: a: b\n", "data/a.yml:2: not valid YAML: mapping values are not allowed in this context (check indentation and quote strings that contain a colon)"),
])
def test_yaml_errors_name_the_line_to_fix(text, expected):
    import yaml
    with pytest.raises(yaml.YAMLError) as error:
        datafiles._parse(text)
    assert str(datafiles.yaml_problem("data/a.yml", text, error.value)).startswith(expected)


def test_no_line_of_the_real_data_looks_like_an_open_quote():
    """The unclosed-quote hint must not fire on valid data (a quoted value spanning lines would)."""
    for path in (ROOT / "data").glob("*.yml"):
        opened = [n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if datafiles._unclosed_quote(line)]
        assert not opened, f"{path.name}: lines {opened}"


def test_duplicate_ids():
    found = messages(datafiles._unique("data/a.yml", [{"id": "x"}, {"id": "x"}], {(1, "id"): 7}))
    assert found == ["data/a.yml:7: entry 2: duplicate id 'x' (also entry 1) (merge the two entries or rename one)"]
    # Terms that would share an anchor on the glossary page (datafiles.term_anchor) are duplicates too.
    found = messages(datafiles._unique("data/glossary.yml", [{"term": "Article 4 (2024 treaty)"}, {"term": "Article 4, 2024 treaty"}], {(1, "term"): 9}))
    assert found == ["data/glossary.yml:9: entry 2: term 'Article 4, 2024 treaty' has the same anchor #term-article-4-2024-treaty "
                     "as entry 1 'Article 4 (2024 treaty)' (rename one so the anchors differ, or merge the two entries)"]
    found = messages(datafiles._unique("data/glossary.yml", [{"term": "Kim"}, {"term": "зс"}], {(1, "term"): 5}))
    assert found == ["data/glossary.yml:5: entry 2: term 'зс' has no letters or digits for its anchor (spell the term with Latin letters or digits)"]


def test_real_data_files_are_valid():
    for name in datafiles.DATA_FILES:
        assert datafiles.load(ROOT, name)[1] == []


def test_data_is_read_once_until_a_file_changes(tmp_path, monkeypatch):
    """_datafiles keeps each load until its file's mtime (or size) changes: one read per build,
    and `make serve` still sees an edit."""
    (tmp_path / "data/schemas").mkdir(parents=True)
    (tmp_path / "data/schemas/glossary.schema.json").write_text((ROOT / "data/schemas/glossary.schema.json").read_text())
    entry = {"term": "Alpha", "definition": "A first term, with a definition long enough to pass."}
    import yaml
    path = tmp_path / "data/glossary.yml"
    path.write_text(yaml.safe_dump([entry], sort_keys=False))
    reads = []
    real_read = datafiles._read
    monkeypatch.setattr(datafiles, "_read", lambda root, name: reads.append(name) or real_read(root, name))
    first, problems = datafiles.load(tmp_path, "glossary")
    assert problems == [] and first[0]["term"] == "Alpha"
    first.clear()                                                     # a caller's list is its own
    assert datafiles.load(tmp_path, "glossary")[0][0]["term"] == "Alpha" and reads == ["glossary"]
    before = path.stat().st_mtime_ns
    path.write_text(yaml.safe_dump([dict(entry, term="Omega")], sort_keys=False))   # same size
    os.utime(path, ns=(before + 1_000_000_000, before + 1_000_000_000))
    assert datafiles.load(tmp_path, "glossary")[0][0]["term"] == "Omega" and reads == ["glossary"] * 2
    os.utime(path, ns=(before + 2_000_000_000, before + 2_000_000_000))   # only the mtime changes
    datafiles.load(tmp_path, "glossary")
    assert reads == ["glossary"] * 3
    data, lines = datafiles.source(tmp_path, "glossary")
    assert data[0]["term"] == "Omega" and lines[(0, "term")] == 1 and reads == ["glossary"] * 3


# --- shared_data -----------------------------------------------------------------------------

EVENTS = [
    {"date": "2024-06-19", "label": "Putin in Pyongyang", "text": "Treaty signed | in Pyongyang.", "kind": "after",
     "meeting": True, "source": "https://a.org", "source_title": "A"},
    {"date": "2023-09", "label": "Summit", "text": "Leaders meet.", "kind": "background", "meeting": True,
     "source": "https://b.org", "source_title": "B"},
    {"date": "2024", "label": "Report", "text": "The report.", "kind": "report", "source": "https://c.org", "source_title": "C"},
]


def test_human_date():
    assert [dates.human_date(d) for d in ("2024", "2024-02", "2024-02-05")] == ["2024", "February 2024", "February 5, 2024"]


def test_render_timeline_table_splits_at_report_date():
    out = timeline.render_timeline_table(EVENTS, FACTS)
    before, after = out.split("## After the report")
    assert '<time datetime="2023-09">September 2023</time> <span class="mdx-event__kind">Background</span>' in before
    assert '<li class="mdx-event mdx-event--report"' in before and "The report." in before
    assert "Treaty signed | in Pyongyang." in after and '<a href="https://a.org">A</a>' in after
    assert '<li class="mdx-event mdx-event--after"' in after and "mdx-event--after" not in before
    assert '!!! after "After the report: May 2024 to June 19, 2024"' in after
    assert '<nav class="mdx-filter" aria-label="Narrow the timeline">' in out.split("## Up to the report")[0]


def test_timeline_filter_status_lines_are_text_with_counts_and_a_way_back():
    lines = timeline.render_timeline_filters(EVENTS)
    status = [line for line in lines if 'class="mdx-filter__status' in line]
    kinds = [e["kind"] for e in EVENTS]
    after = next(line for line in status if 'id="kind-after"' in line)
    assert f"Showing only the {kinds.count('after')} event" in after and "of the kind “After the report”." in after
    assert f'<a href="#all-events">Show all {len(EVENTS)} events</a>' in after
    assert status[-1] == (f'<p class="mdx-filter__status mdx-filter__status--all" id="all-events" tabindex="-1">'
                          f"Showing all {len(EVENTS)} events.</p>")
    links = [line for line in lines if line.startswith("<p><span")]
    targets = set(re.findall(r'href="#([\w-]+)"', "".join(links)))
    assert targets == {m for line in status for m in re.findall(r'id="([\w-]+)"', line)} - {"all-events"}, \
        "every filter link has its status line"


def test_render_timeline_diagram_groups_meetings_by_year_and_marks_the_report():
    out = timeline.render_timeline_diagram(EVENTS, FACTS)
    assert out.startswith("```mermaid\nflowchart TB\n    accTitle:")
    assert out.index('y0["`**2023**\nSep: Summit`"]') < out.index("report([") < out.index("**2024 (after the report)**")
    assert "Jun 19: Putin in Pyongyang" in out
    assert diagram_rules.check("x.md", out) == []


def test_render_glossary_and_abbreviations():
    glossary = [{"term": "United Nations", "abbr": "UN", "definition": "A body. More text.", "see": "report/sanctions.md"},
                {"term": "KCNA", "abbr": "KCNA", "definition": "Korean Central News Agency. The state agency."},
                {"term": "autarky", "definition": "Self-sufficiency."}]
    out = render_glossary(glossary)
    assert out.splitlines()[:3] == ["autarky { #term-autarky }", ":   Self-sufficiency.", ""]
    assert "UN (United Nations) { #term-united-nations }\n:   A body. More text. See [the sanctions page](report/sanctions.md)." in out
    abbreviations = render_abbreviations(glossary)
    assert abbreviations.splitlines()[2:] == ["*[KCNA]: Korean Central News Agency", "*[UN]: United Nations"]


def test_a_glossary_term_anchor_keeps_only_letters_and_digits():
    assert datafiles.term_anchor("Article 4 (2024 treaty)") == "term-article-4-2024-treaty"
    assert datafiles.term_anchor("U.S. Treasury's OFAC") == "term-u-s-treasury-s-ofac"
    assert datafiles.term_anchor("Sinŭiju") == "term-sinuiju"          # accents dropped, not the letter


def test_check_abbreviations(tmp_path):
    glossary = [{"term": "United Nations", "abbr": "UN", "definition": "A body."}]
    (tmp_path / "includes").mkdir()
    (tmp_path / "includes/abbreviations.md").write_text("stale\n")
    assert messages(check_abbreviations(tmp_path, glossary)) == [
        "includes/abbreviations.md:1: out of date with data/glossary.yml (run `make generate` and commit the result)"]
    (tmp_path / "includes/abbreviations.md").write_text(render_abbreviations(glossary))
    assert check_abbreviations(tmp_path, glossary) == []


def test_render_actors_groups_and_anchors():
    actors = [{"id": "dprk", "name": "North Korea (DPRK)", "group": "partnership", "role": "R.", "interests": "I.",
               "in_report": True, "source": "https://a.org", "source_title": "A"}]
    out = render_actors(actors, GROUPS)
    assert out.startswith("## The partnership\n\n### North Korea (DPRK) { #dprk }\n")
    assert "*Named in the report's text.* Source: [A](https://a.org)" in out


def test_render_actors_puts_later_changes_in_an_after_box():
    """A profile describes the actor at the report's date; what changed later is in an after box
    that passes the content-kind rules (review nit #44)."""
    later = {"period": "May 2024 to June 2025", "text": "Moved to another post days after the report.",
             "source": "https://b.org", "source_title": "B"}
    actors = [{"id": "russia", "name": "Russia", "group": "partnership", "role": "R.", "interests": "I.",
               "in_report": True, "source": "https://a.org", "source_title": "A", "after_report": later}]
    out = render_actors(actors, GROUPS, after_title="After the report")
    assert out.index("*Named in the report's text.*") < out.index('!!! after "After the report: May 2024 to June 2025"')
    assert "\n\n    Moved to another post days after the report. Source: [B](https://b.org)\n" in out
    page = '---\ntitle: T\nreport_part: "None (site page)"\n---\n\n' + out
    assert content_kinds.check("docs/actors.md", page) == []
    real = {a["id"]: a for a in datafiles.load(ROOT, "actors")[0]}
    assert "later" not in real["russia"]["leaders"] and real["russia"]["after_report"]["period"].endswith("2025")


def test_render_markers_reports_unknown_marker_at_its_line():
    data = {"glossary": [], "timeline": [], "actors": [], "changes": []}
    out, problems = markers.render(Build(ROOT, FACTS, data), "docs/a.md", "a.md", "x\n\n<!-- render: glosary -->\n", offset=4)
    assert messages(problems) == ["docs/a.md:7: unknown render marker 'glosary' (use one of: actors, by-the-numbers, changes, "
                                  "chronology, data-files, editions, estimates-deployed, estimates-losses, glossary, map-long-view, "
                                  "map-region, map-trip-2023, officeholders, places, sanctions-after, sanctions-report-time, "
                                  "story-so-far, timeline-diagram, timeline-table)"]
    assert "glosary" in out and "<!-- render: glosary -->" in out      # left as it was, for the author to see
    out, problems = markers.render(Build(ROOT, FACTS, data), "docs/a.md", "a.md", "<!-- render: actors -->\n")
    assert problems == [] and "render" not in out


# --- cite_this_page, robots_txt --------------------------------------------------------------

def test_one_long_date_for_every_page_and_hook():
    """report_facts.long_date is the one way pages write a day: the changelog, the page dates, the
    downloads and "Cite this page" all call it, with a date or an ISO string."""
    import datetime

    from hooks.data import changelog
    from hooks.html import page_dates
    from hooks.render import download_pages
    assert dates.long_date("2024-05-06") == dates.long_date(datetime.date(2024, 5, 6)) == "May 6, 2024"
    assert dates.long_date(datetime.date(2026, 11, 30)) == "November 30, 2026"
    assert all(module.long_date is dates.long_date for module in (changelog, download_pages, page_dates, cite_this_page))
    assert dates.apa_date(datetime.date(2024, 5, 6)) == "2024, May 6"
    with pytest.raises(ValueError):
        dates.long_date("2024-02-30")


def test_cite_this_page_render():
    report = {"id": "IN12355", "title": "North Korea-Russia Relations: Current Developments", "date": "2024-05-06",
              "url": "https://www.everycrsreport.com/reports/IN12355.html"}
    import datetime
    out = cite_this_page.render(report, "Sanctions", "Explainer", "https://x.org/report/sanctions/",
                                datetime.date(2026, 11, 30), "Explainer contributors")
    assert out.startswith("## Cite this page\n")
    assert "Congressional Research Service. (2024, May 6). *North Korea-Russia Relations: Current Developments* (CRS Insight No. IN12355)." in out
    assert "**This page (APA):** Explainer contributors. (2026, November 30). *Sanctions*. Explainer. https://x.org/report/sanctions/\n" in out
    assert '**This page (Chicago):** Explainer contributors. "Sanctions." Explainer. Last reviewed November 30, 2026. https://x.org/report/sanctions/.' in out
    assert "accessed" not in out and "*date*" not in out
    undated = cite_this_page.render(report, "Sanctions", "Explainer", "https://x.org/s/")
    assert "Explainer. (n.d.). *Sanctions*. Explainer. https://x.org/s/" in undated
    assert "@techreport{crs_in12355_2024," in out and "month       = {may}," in out
    assert unsafe_content.check("x.md", out) == []


def test_footnote_titles_from_markdown_output():
    import markdown
    html = markdown.markdown('A fact.[^1] Again.[^1] Other.[^b]\n\n[^1]: The *source*, [Report](https://x.org/?a=1&b=2) "quoted".\n'
                             '[^b]: Two\n    lines & <i>more</i>.', extensions=["footnotes"])
    out = footnote_titles.add_titles(html)
    assert out.count('href="#fn:1" title="The source, Report &quot;quoted&quot;."') == 2
    assert 'href="#fn:b" title="Two lines &amp; more."' in out
    assert footnote_titles.add_titles("<p>No notes.</p>") == "<p>No notes.</p>"


def test_phone_tables_label_each_cell_with_its_heading_as_plain_text():
    head = "<thead><tr><th>Date <em>of</em>\n action</th><th>Who &amp; where</th><th>What</th><th>Source</th></tr></thead>"
    table = f"<table>{head}<tbody><tr><td>1</td><td>2</td><td>3</td><td>4</td></tr></tbody></table>"
    out = phone_tables.label_tables(table)
    assert out.startswith("<table data-mdx-stack>")
    assert '<td data-label="Date of action">1</td><td data-label="Who &amp; where">2</td>' in out
    narrow = table.replace("<th>Source</th>", "").replace("<td>4</td>", "")
    assert phone_tables.label_tables(narrow) == narrow, "a table of three columns stays as it is"


def test_footnote_titles_cut_long_notes():
    note = "word " * 100
    html = f'<a class="footnote-ref" href="#fn:x">1</a><li id="fn:x"><p>{note}</p></li>'
    title = footnote_titles.note_texts(html)["x"]
    assert len(title) == footnote_titles.MAX_CHARS and title.endswith("…")


# Each copied Material partial in overrides/partials/, and the only edits made to it (ours -> Material's).
PARTIAL_EDITS = {
    "palette.html": [('<form class="md-header__option" data-mdx-palette>',
                      '<form class="md-header__option" data-md-component="palette">')],
    "search.html": [(' role="dialog" aria-label="{{ lang.t(\'search\') }}">', ' role="dialog">')],
}


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "overrides" / "partials").glob("*.html")))
def test_copied_partials_match_the_installed_material_but_for_their_edits(name):
    """An upgrade of Material that changes a partial we copied fails here, naming the file to re-copy."""
    strip = lambda text: re.sub(r"\A\{#-.*?-#\}\n", "", text, flags=re.S)  # noqa: E731  (the header comment)
    ours = strip((ROOT / "overrides" / "partials" / name).read_text(encoding="utf-8"))
    for edited, original in PARTIAL_EDITS.get(name, []):
        assert edited in ours, f"overrides/partials/{name}: expected edit {edited!r} is gone"
        ours = ours.replace(edited, original, 1)
    theirs = strip((Path(material.__file__).parent / "templates" / "partials" / name).read_text(encoding="utf-8"))
    assert ours == theirs, (f"overrides/partials/{name} differs from Material's partials/{name} beyond its listed "
                            "edits: re-copy it from the installed Material and re-apply them (PARTIAL_EDITS)")


def test_robots_txt_render():
    assert robots_txt.render("https://x.org/site") == "User-agent: *\nAllow: /\n\nSitemap: https://x.org/site/sitemap.xml\n"


# --- link_lines ------------------------------------------------------------------------------

@pytest.fixture
def site_root(tmp_path) -> Path:
    (tmp_path / "docs/report").mkdir(parents=True)
    (tmp_path / "docs/report/a.md").write_text("# A\n\nSee [x](../gone.md) and\n[y](/about/) or [z](#nope).\n\n[^f]: F, [T](https://t.org).\n")
    (tmp_path / "mkdocs.yml").write_text("nav:\n  - Home: index.md\n  - Map: map.md\n")
    return tmp_path


@pytest.mark.parametrize("message, expected", [
    ("Doc file 'report/a.md' contains a link '../gone.md', but the target 'gone.md' is not found among documentation files.",
     "docs/report/a.md:3: link '../gone.md': the target 'gone.md' is not found among documentation files (link an existing"),
    ("Doc file 'report/a.md' contains an absolute link '/about/', it was left as is. Did you mean '../about.md'?",
     "docs/report/a.md:4: absolute link '/about/': MkDocs leaves it unchecked"),
    ("Doc file 'report/a.md' contains a link '#nope', but there is no such anchor on this page.",
     "docs/report/a.md:4: link '#nope': there is no such anchor on this page (use an anchor that exists"),
    ("Doc file 'report/a.md' contains a link '#fnref:f', but there is no such anchor on this page. This seems to be a footnote that is never referenced.",
     "docs/report/a.md:6: link '#fnref:f'"),
    ("A reference to 'map.md' is included in the 'nav' configuration, which is not found in the documentation files.",
     "mkdocs.yml:3: nav entry 'map.md' names a file that is not in docs/"),
    ('The following pages exist in the docs directory, but are not included in the "nav" configuration:\n  - x.md\n  - y/z.md',
     "docs/x.md:1: page is not in the nav (add it under nav: in mkdocs.yml)\ndocs/y/z.md:1: page is not in the nav"),
    ("Something else entirely.", "Something else entirely."),
])
def test_link_lines_rewrite(site_root, message, expected):
    out = link_lines.rewrite(message, site_root, site_root / "docs", site_root / "mkdocs.yml")
    assert out.startswith(expected), out


def test_link_lines_filter_keeps_the_warning(site_root):
    record = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, "", 0,
                               "Doc file 'report/a.md' contains a link '../gone.md', but the target 'gone.md' is not found among documentation files.", (), None)
    added = link_lines._AddLines(site_root, site_root / "docs", site_root / "mkdocs.yml")
    assert added.filter(record) is True and record.levelno == logging.WARNING
    assert record.getMessage().startswith("docs/report/a.md:3: ")
