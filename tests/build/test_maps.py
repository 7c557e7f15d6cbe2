"""The maps in the built site, both editions: each map a figure of two inline SVGs with <title> and
<desc> within 80 KB, every place in data/places.yml drawn and listed, place links, and a broken
places.yml failing the strict build with file:line messages."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, build, warnings_of
from helpers.built import built_path, soup

from hooks.data import datafiles
from hooks.render import markers

PLACES = datafiles.load(ROOT, "places")[0]
BUDGET = 80 * 1024
EDITIONS = ("hosted_site", "offline_site")


def map_pages() -> dict[str, list[str]]:
    """docs page -> the maps its markers ask for, read from the Markdown sources."""
    found = {}
    for path in sorted((ROOT / "docs").rglob("*.md")):
        names = [m["name"].removeprefix("map-") for m in markers.MARKER.finditer(path.read_text(encoding="utf-8"))
                 if m["name"].startswith("map-") and not m["indent"]]
        if names:
            found[path.relative_to(ROOT / "docs").as_posix()] = names
    return found


def test_the_pages_the_issue_names_have_their_maps():
    pages = map_pages()
    assert "trip-2023" in pages.get("report/partnership.md", [])
    assert {"long-view", "region"} <= set(pages.get("since.md", []))
    assert {"long-view", "region"} <= set(pages.get("places.md", []))


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_map_is_an_accessible_svg_within_budget(edition, request):
    site: Path = request.getfixturevalue(edition)
    offline = edition == "offline_site"
    problems = []
    for src, names in map_pages().items():
        doc = soup(built_path(site, src, offline))
        raw = built_path(site, src, offline).read_text(encoding="utf-8")
        for name in names:
            where = f"{src}: map {name}"
            figure = doc.select_one(f"figure#map-{name}")
            if figure is None:
                problems.append(f"{where}: no figure#map-{name} in the built page")
                continue
            start = raw.index(f'<figure class="mdx-map" id="map-{name}"')
            size = len(raw[start:raw.index("</figure>", start)].encode("utf-8")) + len("</figure>")
            if size > BUDGET:
                problems.append(f"{where}: {size / 1024:.1f} KB, over the 80 KB budget")
            svgs = figure.find_all("svg", recursive=False)
            if sorted(s["class"][-1] for s in svgs) != ["mdx-map__svg--narrow", "mdx-map__svg--wide"]:
                problems.append(f"{where}: expected a wide and a narrow SVG, found {[s.get('class') for s in svgs]}")
            for svg in svgs:
                title, desc = svg.find("title", recursive=False), svg.find("desc", recursive=False)
                if svg.get("role") != "img" or not title or not desc or len(title.text) < 10 or len(desc.text) < 40:
                    problems.append(f"{where}: SVG lacks role=img, a <title> or a <desc>")
                elif svg.get("aria-labelledby") != title.get("id") or svg.get("aria-describedby") != desc.get("id"):
                    problems.append(f"{where}: aria-labelledby/-describedby do not point at its <title>/<desc>")
                if svg.find(attrs={"href": re.compile("^(https?:)?//")}) or "http" in (svg.get("style") or ""):
                    problems.append(f"{where}: SVG refers to another host")
                if re.search(r'fill="#|stroke="#', str(svg)):
                    problems.append(f"{where}: a hard-coded colour (colours come from maps.css and the theme)")
            after = figure.find_next_sibling()
            if after is None or after.name != "details" or "Map as text" not in after.summary.text:
                problems.append(f"{where}: no 'Map as text' block right after the figure")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_place_is_drawn_and_listed(edition, request):
    site: Path = request.getfixturevalue(edition)
    offline = edition == "offline_site"
    places_page = soup(built_path(site, "places.md", offline))
    drawn = " | ".join(t.text for t in places_page.select("figure.mdx-map text"))
    drawn += " | " + " | ".join(t.text for t in soup(built_path(site, "report/partnership.md", offline)).select("figure.mdx-map text"))
    problems = []
    for place in PLACES:
        label = place.get("label", place["names"][0])
        if label not in drawn:
            problems.append(f"{place['id']}: label {label!r} is on no map")
        heading = places_page.find(id=place["id"])
        if heading is None or heading.name != "h2" or place["names"][0] not in heading.text:
            problems.append(f"{place['id']}: no '## {place['names'][0]}' heading with id {place['id']} on the Places page")
        for page in place["pages"]:
            doc = soup(built_path(site, page, offline))
            links = [a for a in doc.select("article a.mdx-place") if a["href"].endswith(f"#{place['id']}")]
            if not links:
                problems.append(f"{place['id']}: {page} names it but has no link to places#{place['id']}")
    assert not problems, "\n".join(problems)


# --- A broken places.yml fails the strict build, at file:line ---------------------------------------

COPY = ("docs", "data", "hooks", "includes", "overrides", "scripts", "mkdocs.yml", "mkdocs-offline.yml")


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
