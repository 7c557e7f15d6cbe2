"""Search finds the material added after the report's review (issue 25): new office-holders by name,
and one timeline event lands on that event (issue 23)."""
from __future__ import annotations

import pytest
from helpers.guard import guarded_context
from helpers.pages import wait_for_material
from helpers.search import search

# (query, the page that must be among the first three results)
QUERIES = [("Pak Thae Song", "actors/office-holders/"), ("Lee Jong-seok", "actors/office-holders/"), ("Mike Waltz", "actors/office-holders/"),
           ("Wi Sung-lac", "actors/office-holders/"), ("Ursa Major", "timeline/"), ("Volodin", "timeline/")]


@pytest.fixture()
def home(browser, hosted_server):
    context, page, _ = guarded_context(browser, hosted_server, viewport=(1280, 800))
    page.goto(hosted_server, wait_until="load")
    assert not (problems := wait_for_material(page)), problems
    yield page
    context.close()


@pytest.mark.parametrize("query,wanted", QUERIES)
def test_new_material_is_found(home, hosted_server, query, wanted):
    links = search(home, query, hosted_server + wanted)
    top = list(dict.fromkeys(links))[:3]
    assert hosted_server + wanted in top, f"search {query!r}: {top}"


def test_a_search_for_one_event_lands_on_that_event(home, hosted_server):
    search(home, "Ursa Major", hosted_server + "timeline/")
    hrefs = home.evaluate("() => [...document.querySelectorAll('.md-search-result__list a[href]')].map((a) => a.href)")
    assert any("/timeline/" in href and href.endswith("#2026-05-12-cnn-ursa-major-reactors") for href in hrefs), hrefs
