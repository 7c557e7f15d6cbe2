"""Typing into Material's search box and reading what it lists (tests/browser/test_search_*.py),
and the page furniture no result or index entry may show."""
from __future__ import annotations

import re
import time

from helpers.js import script

# What a result (its title, " | ", its teaser: the text under the title) must never show: the page
# furniture that hooks/html/search_tuning.py keeps out of the index. Pattern -> what it is. Case
# matters: pages may say "covers events through" or name the "Cite this page" block in prose.
BOILERPLATE_TEXT = {
    r"Covers events through|Last reviewed": 'the "Covers events through ... Last reviewed ..." line',
    r"^Cite this page \||How to cite the report and this page|This page \(APA\)|@misc\{": '"Cite this page"',
    r"\u21a9|Congressional Research Service, North Korea-Russia Relations: Current Developments, CRS Insight": "footnote text",
    r"Not affiliated with CRS or Congress": "the notice banner",
    r"Download this data|The data on this page is kept once": '"Download this data"',
    r"\baccTitle\b|\baccDescr\b|\bflowchart (?:TB|LR)\b|\bsequenceDiagram\b": "diagram source",
    r"Showing only the|Showing all \d+ events|By thread:": "the timeline's filter links",
}

_RESULT_PAGES = """
() => [...document.querySelectorAll(".md-search-result__list > li.md-search-result__item")].map(li => {
  const a = li.querySelector("a[href]");
  return a ? a.href.split("#")[0].split("?")[0] : "";
})
"""


def ranked_pages(page, base: str, query: str, timeout_s: float = 10.0) -> list[str]:
    """Type `query` into the search box; once the result list stops changing, the pages listed
    in order (site-relative paths such as 'report/sanctions/')."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")           # Material reads the query on keyup, which fill() does not send
    last, stable, deadline = None, 0, time.monotonic() + timeout_s
    while time.monotonic() < deadline and stable < 4:
        time.sleep(0.1)
        current = page.evaluate(_RESULT_PAGES)
        stable = stable + 1 if current and current == last else 0
        last = current
    return [url[len(base):] if url.startswith(base) else url for url in (last or [])]


def search_results(page, base: str, query: str) -> list[list[dict]]:
    """Type `query`; the results (tests/js/search_teasers.js): per page listed, its title and
    teaser and those of its sections, once the list stops changing."""
    ranked_pages(page, base, query)
    return page.evaluate(script("search_teasers"))


def boilerplate_in(text: str) -> list[str]:
    return [what for pattern, what in BOILERPLATE_TEXT.items() if re.search(pattern, text)]


def normalise(text: str) -> str:
    """Lower case, tags dropped, hyphens and runs of space as one space: how a phrase is compared."""
    return " ".join(re.sub(r"<[^>]+>", " ", text).lower().replace("-", " ").split())
