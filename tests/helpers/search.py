"""Search: find a word only one page contains, type it into Material's search box, read the results."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from helpers.built import page_url
from helpers.guard import guard_problems
from helpers.js import script
from helpers.pages import open_page

SEARCH_TIMEOUT_MS = 20_000
SEARCH_CANDIDATES = ("Vostochny", "Komsomolsk", "Warmbier", "Vladivostok", "Khasan", "Rajin", "Shoigu")


def _index(site: Path) -> dict:
    return json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))


def distinctive_word(site: Path) -> tuple[str, str]:
    """(word, page location) for a word of 7+ letters that occurs in the text of exactly one page.

    Prefers a fixed list of candidates; otherwise the most frequent such word on its page."""
    pages: dict[str, Counter] = {}
    for doc in _index(site)["docs"]:
        location = doc["location"].split("#", 1)[0]
        text = BeautifulSoup(f"{doc.get('title', '')} {doc.get('text', '')}", "html.parser").get_text(" ")
        pages.setdefault(location, Counter()).update(w.lower() for w in re.findall(r"[A-Za-z]{7,}", text))
    where: dict[str, list[str]] = {}
    for location, words in pages.items():
        for word in words:
            where.setdefault(word, []).append(location)
    unique = {w: locs[0] for w, locs in where.items() if len(locs) == 1}
    for candidate in SEARCH_CANDIDATES:
        if len(candidate) >= 7 and candidate.lower() in unique:
            return candidate, unique[candidate.lower()]
    if not unique:
        raise AssertionError("no word of 7+ letters occurs on exactly one page of the search index")
    word = max(sorted(unique), key=lambda w: pages[unique[w]][w])
    return word, unique[word]


def strip_fragment(url: str) -> str:
    """The URL without query (search.highlight adds ?h=word) and fragment."""
    return url.split("#", 1)[0].split("?", 1)[0]


def search(page, word: str, target_url: str, timeout_ms: int = SEARCH_TIMEOUT_MS) -> list[str]:
    """Type `word` into Material's search box; return the result links (absolute, no fragment)
    once one points at `target_url` or the timeout passes."""
    box = page.locator("input.md-search__input")
    try:
        box.click(timeout=5_000)      # on file:// search initialises on this first focus
        box.press_sequentially(word, delay=20, timeout=5_000)
    except Exception:                 # Material hides the search box when search cannot start
        return []
    # On a loaded machine the list once showed the results of a partial query (typed while the
    # index was loading) and kept them; Material reads the query again on a keyup, so the test
    # presses End once more before giving up. (Seen once in five full runs, 2026-12-06.)
    for attempt in range(2):
        try:
            page.wait_for_function(
                """(target) => [...document.querySelectorAll(".md-search-result__list a[href]")]
                                 .some(a => a.href.split("#")[0].split("?")[0] === target)""",
                arg=strip_fragment(target_url), timeout=timeout_ms // 2, polling=100)
            break
        except Exception:        # the links below say what came back
            if attempt == 0:
                box.press("End")
    return [strip_fragment(u) for u in page.evaluate(script("search_result_links"))]


def check_search(page, guard, base: str, site: Path, offline: bool, scheme: str,
                 timeout_ms: int = SEARCH_TIMEOUT_MS) -> list[str]:
    """From the home page, search a word only one page contains; list what went wrong."""
    word, location = distinctive_word(site)
    target = strip_fragment(urljoin(base, location))
    problems = open_page(page, guard, page_url(base, site, "index.md", offline), scheme)
    links = search(page, word, target, timeout_ms)
    problems += guard_problems(guard)
    if target not in links:
        problems.append(f"searching {word!r} did not list {target}; results: {sorted(set(links)) or 'none'}")
    return problems
