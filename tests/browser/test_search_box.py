"""Material's search box on the hosted edition: search starts only when the reader opens it, results
stay short on a phone, and a glossary term is its own result."""
from __future__ import annotations

import pytest
from conftest import record_problems
from helpers.guard import guarded_context
from helpers.pages import wait_for_material
from helpers.search_box import ranked_pages, search_results


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_search_starts_when_the_reader_opens_it(browser, hosted_server, width):
    """overrides/mdx/search-worker.html: no search worker (Lunr and the index build) while the
    page loads; opening search (the header's button on a phone, the "/" key on a laptop) starts
    it, and the first query finds its pages."""
    context, page, _ = guarded_context(browser, hosted_server, viewport=(width, 800))
    workers: list[str] = []
    page.on("worker", lambda worker: workers.append(worker.url))
    page.goto(hosted_server + "about/", wait_until="load")
    assert not (problems := wait_for_material(page)), problems
    page.wait_for_timeout(1000)
    assert workers == [], f"a worker started before the reader opened search: {workers}"
    if width < 1000:
        page.click("label.md-header__button[for='__search']")
    else:
        page.keyboard.press("/")
    page.keyboard.type("Lavrov")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert len(workers) == 1 and "/workers/search." in workers[0], workers
    assert "since/diplomacy/" in ranked_pages(page, hosted_server, "Lavrov")[:3]
    context.close()


# Queries whose results include long sections (the timeline's, the glossary's, What's new) and
# the tallest a result may be at 390 px: its title and about seven lines (extra.css).
LONG_QUERIES = ["Shoigu", "Kursk", "ammunition", "sanctions", "treaty", "MSMT"]

MAX_RESULT_PX = 240


@pytest.mark.browser
def test_results_are_short_on_a_phone_and_a_glossary_term_is_its_own_result(browser, hosted_server):
    """Material shows a section's whole text under its title: before extra.css clamped it, one
    result ran to 5,764 px at 390 px. And a glossary term is its own result, showing its own
    definition (hooks/html/glossary_search.py), not the glossary from its first term on."""
    context, page, _ = guarded_context(browser, hosted_server, viewport=(390, 844))
    page.goto(hosted_server, wait_until="load")
    assert not (problems := wait_for_material(page)), problems
    page.click("label.md-header__button[for='__search']")
    problems, tallest = [], 0
    for query in LONG_QUERIES:
        ranked_pages(page, hosted_server, query)
        heights = page.evaluate("""() => [...document.querySelectorAll('.md-search-result__more')].forEach(d => d.open = true)
            || [...document.querySelectorAll('.md-search-result__article')]
            .map(a => [a.closest('a').href, Math.round(a.getBoundingClientRect().height)])""")
        assert heights, f"search {query!r}: no results"
        tallest = max(tallest, *(h for _, h in heights))
        problems += [f"search {query!r}: the result for {href} is {h} px tall at 390 px (at most {MAX_RESULT_PX})"
                     for href, h in heights if h > MAX_RESULT_PX]
    results = [r for group in search_results(page, hosted_server, "ammunition") for r in group]
    terms = [r for r in results if "/glossary/" in r["href"] and "#term-" in r["href"]]
    if not terms or "#term-munitions" not in terms[0]["href"] or "ammunition" not in terms[0]["teaser"].lower():
        problems.append(f"search 'ammunition': no glossary result for the term Munitions showing its definition: {terms}")
    context.close()
    print(f"tallest result: {tallest} px")
    record_problems(problems)
    assert not problems, "\n".join(problems)
