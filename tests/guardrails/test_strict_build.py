"""One deliberate mistake in a copy of the project, and the strict build fails naming its file and line:
a broken sanctions entry, a folded 'report' box, a diagram too wide for a phone, a broken places.yml."""
from __future__ import annotations

import re
import shutil

from conftest import ROOT, build, warnings_of
from helpers.jobs import background
from helpers.project import copy_project

from hooks.render import markers


@background
def test_broken_sanctions_entry_fails_the_strict_build(tmp_path):
    project = copy_project(tmp_path / "project")
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


@background
def test_strict_build_names_a_folded_report_box(tmp_path):
    """A contributor writes `??? report`: the strict build fails and names the file and line (what the
    report says is never folded; other boxes may fold)."""
    project = copy_project(tmp_path / "project")
    target = project / "docs/report/sanctions.md"
    lines = target.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("!!! report")) + 1
    lines[number - 1] = lines[number - 1].replace("!!! report", "??? report", 1)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = build("mkdocs.yml", project / "site", cwd=project, PRERENDER_DIAGRAMS="false")
    assert result.returncode != 0
    assert f"docs/report/sanctions.md:{number}: 'report' box starts closed (???)" in warnings_of(result)


@background
def test_strict_build_names_a_diagram_too_wide_for_a_phone(tmp_path):
    """Remove the actors page's phone variant: the build stops at the diagram's line."""
    project = copy_project(tmp_path / "project")
    page = project / "docs/actors.md"
    text = page.read_text(encoding="utf-8")
    variant = re.search(r"\n```mermaid\n%% phone\n.*?\n```\n", text, re.S)
    assert variant, "docs/actors.md has a phone variant to remove"
    page.write_text(text[:variant.start()] + text[variant.end():], encoding="utf-8")
    line = text[:text.index("```mermaid")].count("\n") + 1
    result = build("mkdocs.yml", project / "site", cwd=project)
    assert result.returncode != 0
    assert re.search(rf"docs/actors\.md:{line}: diagram is \d+ px wide even in its narrow layout", warnings_of(result)), warnings_of(result)


COPY = ("docs", "data", "hooks", "includes", "overrides", "scripts", "mkdocs.yml", "mkdocs-offline.yml")


@background
def test_broken_places_fail_the_build_with_file_and_line(tmp_path):
    project = tmp_path / "project"
    for name in COPY:
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, project / name)
    rel = project / "data/places.yml"
    lines = rel.read_text(encoding="utf-8").split("\n")
    lat = lines.index("  lat: 51.717")                    # Kursk
    lines[lat] = "  lat: 517.17"
    moscow = lines.index("- id: moscow")
    pages = next(i for i in range(moscow, len(lines)) if lines[i].startswith("  pages: ["))
    lines[pages] = lines[pages].replace("]", ", glossary.md, nowhere.md]")
    rel.write_text("\n".join(lines), encoding="utf-8")
    marker_page = project / "docs/places.md"
    marker_page.write_text(marker_page.read_text(encoding="utf-8") + "\n<!-- render: map-nowhere -->\n", encoding="utf-8")
    marker_line = marker_page.read_text(encoding="utf-8").split("\n").index("<!-- render: map-nowhere -->") + 1

    result = build("mkdocs.yml", tmp_path / "site", cwd=project, PRERENDER_DIAGRAMS="false")
    warnings = warnings_of(result)
    assert result.returncode != 0
    entry = sum(1 for line in lines[:lat] if line.startswith("- id:"))
    moscow_entry = sum(1 for line in lines[:moscow + 1] if line.startswith("- id:"))
    for expected in (
        f"data/places.yml:{lat + 1}: entry {entry}, field 'lat': 517.17 is greater than the maximum of 90",
        f"docs/places.md:{marker_line}: unknown render marker 'map-nowhere' (use one of: {', '.join(sorted(markers.REGISTRY))})",
        f"data/places.yml:{pages + 1}: entry {moscow_entry} (moscow), field 'pages': 'nowhere.md' is not a page in docs/",
        f"data/places.yml:{pages + 1}: entry {moscow_entry} (moscow), field 'pages': glossary.md does not name Moscow",
    ):
        assert expected in warnings, warnings
