"""The offline zip as a reader gets it, from the hosted site `make build` publishes: unzip, open
in12355-explainer/index.html from disk, no network at all. Every diagram is drawn and search works."""
from __future__ import annotations

import pytest
from conftest import nav_pages, record_problems
from helpers.built import built_page, built_path, page_url
from helpers.offline_reader import reader_page  # noqa: F401 (a fixture)
from helpers.pages import check_page
from helpers.search import check_search

pytestmark = pytest.mark.browser


def test_unzipped_site_draws_every_diagram_without_the_network(unzipped, reader_page):
    page, guard = reader_page
    base = unzipped.as_uri() + "/"
    problems, drawn = [], 0
    for src in nav_pages():
        built = built_page(built_path(unzipped, src, True))
        if src != "index.md" and not built.diagrams:
            continue
        drawn += built.diagrams
        problems += [f"docs/{src}: {p}" for p in check_page(page, guard, page_url(base, unzipped, src, True), "light", built)]
    record_problems(f"[zip in hosted site] {p}" for p in problems)
    assert not problems, "\n".join(problems)
    assert drawn >= 5, f"only {drawn} diagrams in the offline edition"


def test_unzipped_site_search_works(unzipped, reader_page):
    page, guard = reader_page
    problems = check_search(page, guard, unzipped.as_uri() + "/", unzipped, True, "light")
    record_problems(f"[zip in hosted site] docs/index.md: search: {p}" for p in problems)
    assert not problems, "\n".join(problems)
