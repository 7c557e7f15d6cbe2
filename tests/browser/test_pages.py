"""Every page in a real browser, for each edition and colour scheme: nothing leaves the site,
nothing errors, every diagram is drawn, and search finds a page by a word only it contains.

Editions:
- offline             the offline edition as published (mkdocs-offline.yml), opened from file://
- hosted              the hosted edition as published (mkdocs.yml), over http://127.0.0.1
- offline-clientside  the offline edition built with PRERENDER_DIAGRAMS=false: Material renders
                      the diagrams in the browser with the vendored Mermaid, from file://
- hosted-clientside   conftest's clientside_site (what `make serve` shows), over http://127.0.0.1
The published editions ship diagrams pre-rendered by hooks/diagrams/prerender.py; the client-side
ones exercise Material's own rendering (closed shadow roots, forced open here to look inside).
"""
from __future__ import annotations

from collections import Counter

import pytest
from conftest import ROOT, nav_pages, record_problems
from helpers.built import built_page, built_path, page_url
from helpers.guard import guarded_context
from helpers.pages import SCHEMES, check_page
from helpers.search import check_search

from hooks.core.mermaid_text import is_phone_variant
from hooks.diagrams.inventory import project_diagrams

pytestmark = pytest.mark.browser

EDITIONS = ["offline", "hosted", "offline-clientside", "hosted-clientside"]

PAGES = nav_pages()


@pytest.fixture(scope="session")
def editions(request, source_diagrams):
    """edition name -> (base URL, site folder, offline?), each built and served on first use."""
    cache = {}

    def get(name: str):
        if name not in cache:
            if name == "offline":
                site = request.getfixturevalue("offline_site")
                cache[name] = (site.as_uri() + "/", site, True)
            elif name == "hosted":
                cache[name] = (request.getfixturevalue("hosted_server"), request.getfixturevalue("hosted_site"), False)
            elif name == "offline-clientside":
                site = request.getfixturevalue("offline_clientside_site")
                cache[name] = (site.as_uri() + "/", site, True)
            elif name == "hosted-clientside":
                cache[name] = (request.getfixturevalue("clientside_server"), request.getfixturevalue("clientside_site"), False)
        return cache[name]

    return get


@pytest.fixture(scope="session")
def contexts(browser, editions):
    """(edition, scheme) -> (page, guard, base URL, site, offline?): one context each, pages reused."""
    cache, opened = {}, []

    def get(edition: str, scheme: str):
        key = (edition, scheme)
        if key not in cache:
            base, site, offline = editions(edition)
            context, page, guard = guarded_context(browser, base, scheme)
            opened.append(context)
            cache[key] = (page, guard, base, site, offline)
        return cache[key]

    yield get
    for context in opened:
        context.close()


@pytest.fixture(scope="session")
def source_diagrams():
    """docs/ path -> number of Mermaid diagrams its source holds (fences and data-built ones).

    Requested before any build, so it describes the same sources the builds read."""
    diagrams = project_diagrams(ROOT)
    # A phone variant (a fence starting `%% phone`) is the same diagram: both pre-rendering and
    # client-side rendering (hooks/diagrams/phone_variants.py) show one of the two at each width.
    distinct = Counter(d.path for d in diagrams if not is_phone_variant(d.text.lstrip()))
    return lambda src: distinct[f"docs/{src}"]


@pytest.mark.parametrize("src", PAGES)
@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("edition", EDITIONS)
def test_page_is_self_contained_error_free_and_draws_its_diagrams(source_diagrams, contexts, edition, scheme, src):
    page, guard, base, site, offline = contexts(edition, scheme)
    built = built_page(built_path(site, src, offline))
    url = page_url(base, site, src, offline)
    problems = check_page(page, guard, url, scheme, built)
    expected = source_diagrams(src)
    if built.diagrams != expected:
        problems.append(f"the built page holds {built.diagrams} diagram(s), its source {expected}")
    if edition.endswith("clientside") and built.prerendered:
        problems.append(f"{built.prerendered} diagram(s) pre-rendered in a client-side build")
    if problems:
        record_problems(f"docs/{src}: [{edition}, {scheme}] {p}" for p in problems)
    assert not problems, f"{url} ({edition}, {scheme}):\n  " + "\n  ".join(problems)


def test_some_pages_have_diagrams_and_some_do_not(editions):
    """Guards the per-page test against vacuity: both branches of its Mermaid checks are exercised."""
    for edition in EDITIONS:
        _, site, offline = editions(edition)
        counts = [built_page(built_path(site, src, offline)).diagrams for src in PAGES]
        assert any(counts), f"{edition}: no page has a diagram"
        assert not all(counts), f"{edition}: every page has a diagram"


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("edition", EDITIONS)
def test_search_finds_the_one_page_with_a_distinctive_word(contexts, edition, scheme):
    page, guard, base, site, offline = contexts(edition, scheme)
    problems = check_search(page, guard, base, site, offline, scheme)
    if problems:
        record_problems(f"docs/index.md: [{edition}, {scheme}] search: {p}" for p in problems)
    assert not problems, f"search on {edition} ({scheme}):\n  " + "\n  ".join(problems)
