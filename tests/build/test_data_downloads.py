"""The data downloads in both built editions: JSON and CSV that match the data and its schema,
the links from the pages that render data, the Data page, and the links to the downloads."""
from __future__ import annotations

import csv
import io
import json
import posixpath
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import ROOT, nav_pages
from helpers.built import built_path, soup

from hooks.data import datafiles, export

EDITIONS = ["hosted_site", "offline_site"]

NAMES = export.discover(ROOT)


@pytest.fixture(params=EDITIONS)
def edition(request):
    return request.getfixturevalue(request.param), request.param == "offline_site"


def entries_of(name: str) -> list:
    return yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))


def test_every_data_file_with_a_schema_is_found():
    assert {"timeline", "actors", "glossary"} <= set(NAMES)
    for name in NAMES:
        assert (ROOT / "data" / "schemas" / f"{name}.schema.json").is_file()


@pytest.mark.parametrize("name", NAMES)
def test_json_matches_data_and_its_schema(edition, name):
    site, _ = edition
    folder = site / "downloads" / "data"
    published = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
    assert published == entries_of(name), f"downloads/data/{name}.json differs from data/{name}.yml"
    schema = json.loads((folder / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert schema == json.loads((ROOT / "data" / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=datafiles.FORMATS).validate(published)


@pytest.mark.parametrize("name", NAMES)
def test_csv_has_one_row_per_entry_with_every_key(edition, name):
    site, _ = edition
    text = (site / "downloads" / "data" / f"{name}.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    entries = entries_of(name)
    assert len(rows) == len(entries), f"{name}.csv: {len(rows)} rows for {len(entries)} entries"
    for index, (row, entry) in enumerate(zip(rows, entries)):
        expected = export.flatten(entry)
        assert set(expected) <= set(row), f"{name}.csv row {index + 1} lacks columns {set(expected) - set(row)}"
        assert {k: row[k] for k in expected} == expected, f"{name}.csv row {index + 1} differs from entry {index + 1}"
        assert all(row[k] == "" for k in set(row) - set(expected))


def targets(site: Path, page: Path) -> set[str]:
    """Where the article's relative links point, as paths inside the site."""
    here = posixpath.dirname(page.relative_to(site).as_posix())
    return {posixpath.normpath(posixpath.join(here, a["href"].split("#")[0]))
            for a in soup(page).select("article a[href]") if "://" not in a["href"] and not a["href"].startswith("#")}


def test_pages_that_render_data_link_its_files(edition):
    site, offline = edition
    shown = [("timeline.md", "timeline"), ("timeline.md", "sanctions"), ("actors/profiles.md", "actors"),
             ("glossary.md", "glossary"), ("report/sanctions.md", "sanctions")]
    for src, name in shown:
        page = built_path(site, src, offline)
        hrefs = targets(site, page)
        for suffix in ("json", "csv", "schema.json"):
            assert f"downloads/data/{name}.{suffix}" in hrefs, f"{page.relative_to(site)} does not link {name}.{suffix}"
            assert (site / "downloads" / "data" / f"{name}.{suffix}").is_file()


def test_data_page_lists_every_file_with_licence_and_citation(edition):
    site, offline = edition
    hrefs = targets(site, built_path(site, "data.md", offline))
    page = soup(built_path(site, "data.md", offline))
    for name in NAMES:
        for suffix in ("json", "csv", "schema.json"):
            assert f"downloads/data/{name}.{suffix}" in hrefs, f"the Data page does not list {name}.{suffix}"
    text = page.select_one("article").get_text(" ")
    assert "CC BY 4.0" in text and "How to cite the data" in text
    assert "data.md" in nav_pages()


def test_footer_and_home_link_the_downloads(edition):
    site, offline = edition
    for src in nav_pages():
        footer = soup(built_path(site, src, offline)).select_one("footer .mdx-downloads-link a")
        assert footer is not None, f"{src}: no downloads link in the footer"
        assert footer["href"].endswith("#downloads") and ("about" in footer["href"] or src == "about.md"), footer["href"]
    home = {a["href"] for a in soup(built_path(site, "index.md", offline)).select("article a[href]")}
    assert any(h.startswith("about") and h.endswith("#downloads") for h in home), "the home page does not link the downloads"
    assert (site / built_path(site, "about.md", offline)).is_file()
