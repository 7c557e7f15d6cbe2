"""hooks/render/markers.py: the one marker grammar and registry (data, maps and downloads)."""
from __future__ import annotations

from conftest import ROOT
from helpers.sample import FACTS, PLACES, SANCTION, messages

from hooks.core import report_facts
from hooks.core.build import Build
from hooks.render import maps, markers


def test_render_markers_reports_unknown_marker_at_its_line():
    data = {"glossary": [], "timeline": [], "actors": [], "changes": [], "names": []}
    out, problems = markers.render(Build(ROOT, FACTS, data), "docs/a.md", "a.md", "x\n\n<!-- render: glosary -->\n", offset=4)
    assert messages(problems) == [f"docs/a.md:7: unknown render marker 'glosary' (use one of: {', '.join(sorted(markers.REGISTRY))})"]
    assert "glosary" in out and "<!-- render: glosary -->" in out      # left as it was, for the author to see
    out, problems = markers.render(Build(ROOT, FACTS, data), "docs/a.md", "a.md", "<!-- render: actors -->\n")
    assert problems == [] and "render" not in out


def test_indented_marker_renders_inside_its_box():
    data = {"glossary": [], "timeline": [], "actors": [], "sanctions": [SANCTION], "estimates": []}
    page = '!!! after "After the report: December 2024"\n\n    Intro.[^a]\n\n    <!-- render: sanctions-after -->\n'
    out, problems = markers.render(Build(ROOT, FACTS, data), "docs/a.md", "a.md", page)
    assert problems == []
    table_lines = [line for line in out.splitlines() if "|" in line]
    assert table_lines and all(line.startswith("    |") for line in table_lines)


def test_an_unknown_downloads_marker_is_reported_with_its_line():
    """The downloads are render markers now (`<!-- render: editions|data-files -->`): a wrong name is
    reported at its line by the one marker grammar, and the list it offers names both."""
    markdown = "# Title\n\ntext\n<!-- render: everything -->\n"
    build = Build(ROOT, report_facts.load(ROOT), {})
    out, problems = markers.render(build, "docs/about.md", "about.md", markdown, offset=4)
    assert [str(p) for p in problems] == [
        f"docs/about.md:8: unknown render marker 'everything' (use one of: {', '.join(sorted(markers.REGISTRY))})"]
    assert {"editions", "data-files"} <= set(markers.REGISTRY) and out == markdown


def test_unknown_map_marker_is_reported_at_its_line():
    """The map markers are render markers (hooks/render/markers.py): an unknown map is reported at
    its line, with every map among the names offered."""
    build = Build(ROOT, report_facts.load(ROOT), {"places": PLACES})
    text, problems = markers.render(build, "docs/a.md", "a.md", "intro\n\n<!-- render: map-nowhere -->\n", offset=4)
    assert [str(p) for p in problems] == [
        f"docs/a.md:7: unknown render marker 'map-nowhere' (use one of: {', '.join(sorted(markers.REGISTRY))})"]
    assert {f"map-{key}" for key in maps.MAPS} == {"map-region", "map-trip-2023", "map-long-view"} <= set(markers.REGISTRY)
    assert "map-nowhere" in text and "<svg" not in text      # left as written, nothing drawn
