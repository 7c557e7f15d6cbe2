"""The maps in the built site, both editions: each map a figure of two inline SVGs with <title> and
<desc> within 80 KB, every place in data/places.yml drawn and listed (a broken places.yml:
tests/guardrails/test_strict_build.py)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT
from helpers.built import built_path, soup
from helpers.maps import map_pages

from hooks.data import datafiles

PLACES = datafiles.load(ROOT, "places")[0]

BUDGET = 80 * 1024

EDITIONS = ("hosted_site", "offline_site")


def test_the_pages_the_issue_names_have_their_maps():
    pages = map_pages()
    assert "trip-2023" in pages.get("report/partnership.md", [])
    assert "long-view" in pages.get("since/troops.md", []) and "region" in pages.get("since/transport.md", [])
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
