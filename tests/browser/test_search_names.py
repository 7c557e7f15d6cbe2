"""Search finds people, places and organisations by their Korean and Russian names (issue 27).

data/names.yml's names are shown beside the English ones on the actors, places and glossary pages
(hooks/render/names.py). These tests type at least five Korean and five Russian names into
Material's own search box, on the hosted edition over http and on the offline edition from
file://, and need the entry that shows the name (the page and its section or glossary term)
among the first three results; a query that matches nothing must say so ("No matching documents",
Material's "no results" line). The build tests read the built index and pages: the names are in
the index as written, and every name on a page is marked with its language.
"""
from __future__ import annotations

import json
import re
import time

import pytest
from helpers.guard import guarded_context
from helpers.pages import wait_for_material

# (what a reader types, the entry that must be in the top 3: page URL path and fragment)
KOREAN = [
    ("김정은", "actors/profiles/#dprk"),
    ("블라디미르 푸틴", "actors/profiles/#russia"),
    ("평양", "places/#pyongyang"),
    ("블라디보스토크", "places/#vladivostok"),
    ("쿠르스크", "places/#kursk"),
    ("유엔 안전보장이사회", "actors/profiles/#unsc"),
    ("거부권", "glossary/#term-veto"),
]
RUSSIAN = [
    ("Ким Чен Ын", "actors/profiles/#dprk"),
    ("Шойгу", "actors/profiles/#russia"),
    ("Пхеньян", "places/#pyongyang"),
    ("Комсомольск-на-Амуре", "places/#komsomolsk-on-amur"),
    ("Восточный", "places/#vostochny"),
    ("Совет Безопасности ООН", "actors/profiles/#unsc"),
    ("Зеленский", "actors/profiles/#ukraine"),
]
NONSENSE = "xqzvvq пщщщъ 흙흙흙"
TOP = 3
NO_RESULTS = "No matching documents"     # Material's English "search.result.none"

_RESULTS = """() => [...document.querySelectorAll('.md-search-result__list > li.md-search-result__item')]
  .map(li => [...li.querySelectorAll('a[href]')].map(a => a.href))"""
_META = "() => (document.querySelector('.md-search-result__meta') || {}).textContent || ''"


def entry(href: str, base: str) -> str:
    """http://host/actors/?h=x#dprk or file:///.../actors.html?h=x#dprk -> 'actors/#dprk'."""
    path, _, fragment = href[len(base):].partition("#")
    path = path.split("?", 1)[0]
    path = "" if path in ("", "index.html") else re.sub(r"(?:/index)?\.html$", "/", path)
    return path + (f"#{fragment}" if fragment else "")


def results(page, query: str, timeout_s: float = 12.0) -> tuple[list[list[str]], str]:
    """Type `query`; once the results stop changing: the links of each result (page, then its
    sections) in rank order, and the line above them."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")              # Material reads the query on keyup
    last, stable, deadline = None, 0, time.monotonic() + timeout_s
    while time.monotonic() < deadline and stable < 4:
        time.sleep(0.15)
        current, meta = page.evaluate(_RESULTS), page.evaluate(_META)
        settled = current or NO_RESULTS in meta
        stable = stable + 1 if settled and current == last else 0
        last = current
    return last or [], page.evaluate(_META).strip()


def misses(page, base: str) -> tuple[list[str], list[str]]:
    table, problems = [], []
    for query, wanted in KOREAN + RUSSIAN:
        found, meta = results(page, query)
        top = [[entry(href, base) for href in links] for links in found[:TOP]]
        table.append(f"{query!r}: {meta} | " + " > ".join(links[0] if links else "?" for links in top))
        if not any(wanted in links for links in top):
            problems.append(f"search {query!r}: {wanted} is not in the top {TOP} results: {top}")
    found, meta = results(page, NONSENSE)
    table.append(f"{NONSENSE!r}: {meta}")
    if found or NO_RESULTS not in meta:
        problems.append(f"search {NONSENSE!r}: expected {NO_RESULTS!r} and no results, got {meta!r} and {found[:3]}")
    return table, problems


def test_at_least_five_names_in_each_script():
    assert len(KOREAN) >= 5 and len(RUSSIAN) >= 5
    assert all(re.search(r"[\uac00-\ud7a3]", q) for q, _ in KOREAN)
    assert all(re.search(r"[\u0400-\u04ff]", q) for q, _ in RUSSIAN)


@pytest.mark.browser
def test_hosted_search_finds_names_in_korean_and_russian(browser, hosted_server):
    context, page, guard = guarded_context(browser, hosted_server, viewport=(1280, 800))
    page.goto(hosted_server, wait_until="load")
    assert not (problems := wait_for_material(page)), problems
    table, problems = misses(page, hosted_server)
    context.close()
    print("\n".join(table))
    assert not problems + guard.errors, "\n".join(problems + guard.errors)


@pytest.mark.browser
def test_offline_search_finds_names_in_korean_and_russian(browser, offline_site):
    base = offline_site.as_uri() + "/"
    context, page, guard = guarded_context(browser, base, viewport=(1280, 800))
    page.goto(base + "index.html", wait_until="load")
    assert not (problems := wait_for_material(page)), problems
    table, problems = misses(page, base)
    context.close()
    print("\n".join(table))
    assert not problems + guard.errors + guard.blocked, "\n".join(problems + guard.errors + guard.blocked)


# --- The built site ------------------------------------------------------------------------

def test_names_are_in_the_search_index_as_written(hosted_site):
    index = json.loads((hosted_site / "search/search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    words: dict[str, set[str]] = {}
    for doc in index["docs"]:
        text = re.sub(r"<[^>]+>", " ", " ".join(doc.get(f, "") for f in index["config"]["fields"]))
        words[doc["location"]] = {w.lower() for w in separator.split(text) if w}
    for query, wanted in KOREAN + RUSSIAN:
        terms = [w.lower() for w in separator.split(query) if w]
        assert all(t in words.get(wanted, set()) for t in terms), f"{query!r}: not all of {terms} indexed at {wanted}"


def test_every_hangul_or_cyrillic_run_on_the_name_pages_has_a_lang(hosted_site):
    from bs4 import BeautifulSoup
    for page in ("actors", "places", "glossary", "treaty", "report/checked", "reading"):
        soup = BeautifulSoup((hosted_site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article")
        for node in article.find_all(string=re.compile(r"[\uac00-\ud7a3\u0400-\u04ff]")):
            owner = node.find_parent(attrs={"lang": True})
            script = "ko" if re.search(r"[\uac00-\ud7a3]", node) else "ru"
            assert owner is not None and owner["lang"] == script, f"{page}: {node.strip()[:40]!r} is not marked lang={script}"


def test_claim_events_are_anchors_on_the_timeline(hosted_site):
    import yaml
    from conftest import ROOT
    timeline = (hosted_site / "timeline/index.html").read_text(encoding="utf-8")
    for claim in yaml.safe_load((ROOT / "data/claims.yml").read_text(encoding="utf-8")):
        for event in claim["events"]:
            assert re.search(rf'<li [^>]*\bid="{re.escape(event)}"', timeline), f"timeline has no anchor #{event} ({claim['id']})"
