"""The data downloads (hooks/render/downloads.py, hooks/download_pages.py, hooks/export.py): every data/*.yml with a schema is
published in both editions as JSON (matching data/ and its schema) and CSV (one row per entry), is
linked from the pages that render it and from the Data page; and broken inputs get clear messages."""
from __future__ import annotations

import csv
import io
import json
import posixpath
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import ROOT, nav_pages
from helpers.built import built_path, soup

from hooks.core import report_facts
from hooks.core.build import Build
from hooks.data import datafiles, export
from hooks.render import download_pages, downloads, markers

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
    shown = [("timeline.md", "timeline"), ("timeline.md", "sanctions"), ("actors.md", "actors"),
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


# --- Unit tests of the conversion ----------------------------------------------------------------

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


# --- Broken inputs ---------------------------------------------------------------------------------

def test_an_unknown_downloads_marker_is_reported_with_its_line():
    """The downloads are render markers now (`<!-- render: editions|data-files -->`): a wrong name is
    reported at its line by the one marker grammar, and the list it offers names both."""
    markdown = "# Title\n\ntext\n<!-- render: everything -->\n"
    build = Build(ROOT, report_facts.load(ROOT), {})
    out, problems = markers.render(build, "docs/about.md", "about.md", markdown, offset=4)
    assert [str(p) for p in problems] == [
        f"docs/about.md:8: unknown render marker 'everything' (use one of: {', '.join(sorted(markers.REGISTRY))})"]
    assert {"editions", "data-files"} <= set(markers.REGISTRY) and out == markdown


def test_a_missing_edition_file_is_reported(tmp_path):
    (tmp_path / "dist").mkdir()
    editions, problems = downloads.find_editions(tmp_path, "dist", ["pdf", "zip", "epub"])
    assert editions == {}
    assert [str(p) for p in problems] == [
        "dist/in12355-explainer.pdf:1: edition file is missing (run `make build`, which builds the PDF and the offline zip before the site)",
        "dist/in12355-explainer-offline.zip:1: edition file is missing (run `make build`, which builds the PDF and the offline zip before the site)",
        "mkdocs.yml:1: extra.downloads.editions: unknown edition 'epub' (use some of: pdf, zip)",
    ]


def test_a_broken_new_data_file_is_reported_once(tmp_path):
    (tmp_path / "data" / "schemas").mkdir(parents=True)
    (tmp_path / "data" / "ships.yml").write_text("- name: 3\n", encoding="utf-8")
    (tmp_path / "data" / "schemas" / "ships.schema.json").write_text(json.dumps(
        {"title": "Ships", "type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}}}}))
    data, problems = export.load_data(tmp_path)
    assert data["ships"]["count"] == 0
    assert [str(p) for p in problems] == [
        "data/ships.yml:1: entry 1, field 'name': 3 is not of type 'string' (see data/schemas/ships.schema.json)"]


def test_edition_sizes_and_dates_read_as_a_reader_expects(tmp_path, monkeypatch):
    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / "in12355-explainer.pdf").write_bytes(b"%PDF" + b"x" * 1_500_000)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    editions, problems = downloads.find_editions(tmp_path, "dist", ["pdf"])
    assert not problems
    text = download_pages.render_editions("about.md", editions, "https://x.org/about/#downloads")
    assert "1.5 MB, built September 21, 2026." in text
    assert re.search(r"SHA-256: `[0-9a-f]{64}`", text)
    assert "(in12355-explainer-offline.zip): " in text and "https://x.org/about/#downloads" in text
    assert download_pages.human_size(659_000) == "659 KB"
    assert download_pages.hosted_url("https://x.org/site/", "report/index.md") == "https://x.org/site/report/"
