"""Search ranks the right page (issue 10, item 4).

1. A browser test types reader queries into Material's own search box on the hosted build and
   reads the ranked result list: for each query the named page must be among the first three
   pages listed; for the exact-phrase queries the first page listed must contain the phrase.
   Every query runs and every miss is listed, so one run shows the whole table.
2. Build tests on the search index: boilerplate (footnote lists, "Cite this page") is left out,
   each glossary alias is in the `topics` field of the page its entry points to (and nowhere in
   that page's HTML), the glossary page shows the aliases as "Also called", and the tuned
   settings from mkdocs.yml reach the index.
3. Unit tests of hooks/html/search_tuning.py's pure functions.
"""
from __future__ import annotations

import json
import re
import time

import pytest
from conftest import ROOT, record_problems
from helpers.guard import guarded_context
from helpers.js import script
from helpers.pages import wait_for_material

from hooks.html import glossary_search, search_tuning

# (what a reader types, the page that must be in the top 3). Name variants, aliases from the
# glossary, phrases, single names, and "UN" queries that must still find the UN material.
QUERIES = [
    ("Kim Jong Un", "report/partnership/"),
    ("Kim Jong-un", "report/partnership/"),
    ("kim jong un", "report/partnership/"),
    ("Choe Son Hui", "report/partnership/"),
    ("Choe Son-hui", "report/partnership/"),
    ("ammunition", "report/exchange/"),
    ("munitions", "report/exchange/"),
    ("shells", "report/exchange/"),
    ("artillery shells", "report/exchange/"),
    ("DPRK", "report/summary/"),
    ("North Korea Russia treaty", "since/"),
    ("mutual assistance", "since/"),
    ("Panel of Experts", "report/sanctions/"),
    ("veto", "report/sanctions/"),
    ("oil cap", "report/sanctions/"),
    ("Washington Declaration", "report/responses/"),
    ("Nuclear Consultative Group", "report/responses/"),
    ("Vostochny", "report/partnership/"),
    ("Shoigu", "report/partnership/"),
    ("Lavrov", "report/partnership/"),
    ("Komsomolsk", "report/partnership/"),
    ("Kursk", "since/"),
    ("Congress options", "report/congress/"),
    ("KIMS Act", "report/congress/"),
    ("timeline", "timeline/"),
    ("cite", "sources/"),
    ("UN Security Council", "report/sanctions/"),
    ("UN sanctions", "report/sanctions/"),
    ("ballistic missiles Ukraine", "report/exchange/"),
    ("Far East", "report/partnership/"),
    ("refined petroleum", "report/sanctions/"),
    ("Naryshkin", "timeline/"),
    ("Tumen bridge", "since/"),
    ("casualties", "since/"),
]
# The complaint: "Un" matched "UN", so these listed the UN sanctions page first.
NOT_IN_TOP = {
    "Kim Jong Un": "report/sanctions/",
    "Kim Jong-un": "report/sanctions/",
    "kim jong un": "report/sanctions/",
}
# Queries whose words occur together on some page: the first page listed must hold the phrase.
PHRASES = ["Kim Jong Un", "Choe Son Hui", "artillery shells", "mutual assistance", "Panel of Experts",
           "Washington Declaration", "Nuclear Consultative Group", "UN sanctions", "Far East"]
TOP = 3
# Words in double quotes: Material makes each one required (+word), so every section listed holds
# all of them (see "Exact phrases" in hooks/html/search_tuning.py); the home page tells readers so, and
# to leave stop words such as "of" out of the quotes (they are not indexed, so none would match).
QUOTED = ['"sanctions relief"', '"Panel Experts"', '"Kim Jong Un"', '"artillery shells"', '"oil cap"']

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
# Queries whose first result must have a teaser of real text (MIN_TEASER_WORDS words or more).
TEASER_QUERIES = ["Kim Jong Un", "ammunition", "DPRK", "mutual assistance", "Panel of Experts", "veto",
                  "Washington Declaration", "KIMS Act", "Kursk", "Tumen bridge", "casualties", "refined petroleum",
                  "Naryshkin", "timeline", "cite", "data"]
MIN_TEASER_WORDS = 8

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


def page_texts(site) -> dict[str, str]:
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    texts: dict[str, str] = {}
    for doc in index["docs"]:
        location = doc["location"].split("#", 1)[0]
        fields = (doc["title"], doc["text"], doc.get("topics", ""), doc.get("diagrams", ""))   # every field searched
        texts[location] = texts.get(location, "") + " " + normalise(" ".join(fields))
    return texts


# --- 1. In the browser ------------------------------------------------------------------------

@pytest.mark.browser
def test_reader_queries_rank_the_right_page(search_page, hosted_server, hosted_site):
    texts = page_texts(hosted_site)
    misses, table = [], []
    for query, wanted in QUERIES:
        pages = ranked_pages(search_page, hosted_server, query)
        top = pages[:TOP]
        table.append(f"{query!r}: {' > '.join(p or 'home' for p in top)}")
        if wanted not in top:
            misses.append(f"search {query!r}: /{wanted} is not in the top {TOP}, which is {top}")
        if NOT_IN_TOP.get(query) in top:
            misses.append(f"search {query!r}: /{NOT_IN_TOP[query]} is in the top {TOP}: {top}")
        if query in PHRASES and (not pages or normalise(query) not in texts.get(pages[0], "")):
            misses.append(f"search {query!r}: the first page listed, /{pages[0] if pages else '(none)'}, "
                          "does not contain the exact phrase")
    print("\n".join(table))
    record_problems(misses)
    assert len(QUERIES) >= 20
    assert not misses, "\n".join(misses)


@pytest.fixture()
def search_page(browser, hosted_server):
    """The hosted home page at 1280x800, only the local server reachable: where each test types."""
    context, page, _ = guarded_context(browser, hosted_server, viewport=(1280, 800))
    page.goto(hosted_server, wait_until="load")
    assert not (problems := wait_for_material(page)), problems
    yield page
    context.close()


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
    assert "since/" in ranked_pages(page, hosted_server, "Lavrov")[:3]
    context.close()


@pytest.mark.browser
def test_result_teasers_are_content_not_boilerplate(search_page, hosted_server):
    """Every query of this file, typed into the search box: no result's teaser is page furniture,
    and for TEASER_QUERIES the first teaser shown (of the first page listed) is real text."""
    problems, shown = [], []
    for query in dict.fromkeys([q for q, _ in QUERIES] + TEASER_QUERIES):
        results = search_results(search_page, hosted_server, query)
        if not results:
            problems.append(f"search {query!r}: no results")
            continue
        for item in (result for page in results for result in page):
            for what in boilerplate_in(f"{item['title']} | {item['teaser']}"):
                problems.append(f"search {query!r}: result {item['title']!r} ({item['href']}) shows {what}: "
                                f"{item['teaser'][:120]!r}")
        # Material shows a page's own teaser only when the page beats its sections; otherwise the
        # page title, then its best sections with theirs. The first teaser shown is what counts.
        first = next((r for r in results[0] if r["teaser"]), results[0][0])
        shown.append(f"{query!r}: {first['title']} | {first['teaser'][:100]}")
        if query in TEASER_QUERIES and len(first["teaser"].split()) < MIN_TEASER_WORDS:
            problems.append(f"search {query!r}: the first page listed, {results[0][0]['title']!r}, shows no real teaser: "
                            f"{first['teaser']!r}")
    print("\n".join(shown))
    record_problems(problems)
    assert len(shown) >= 20
    assert not problems, "\n".join(problems)


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


def index_tokens(site) -> dict[str, set[str]]:
    """Index location -> the lower-case words of every field Material searches, split as it splits."""
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    fields = list(index["config"]["fields"])
    return {d["location"]: {w.lower() for w in separator.split(re.sub(r"<[^>]+>", " ", " ".join(d.get(f, "") for f in fields))) if w}
            for d in index["docs"]}


def location_of(href: str, base: str) -> str:
    """http://host/report/partnership/?h=kim#x -> report/partnership/#x (an index location)."""
    path, _, fragment = href[len(base):].partition("#")
    return path.split("?", 1)[0] + (f"#{fragment}" if fragment else "")


@pytest.mark.browser
def test_quoted_words_are_all_required(search_page, hosted_server, hosted_site):
    """Words in double quotes (Material's own query transform): every section listed holds every
    word, and the same words unquoted list more sections (so the quotes did something)."""
    problems, tokens = [], index_tokens(hosted_site)
    for query in QUOTED:
        words = normalise(query.strip('"')).split()
        quoted = [r for page in search_results(search_page, hosted_server, query) for r in page if r["score"] > 0]
        loose = [r for page in search_results(search_page, hosted_server, query.strip('"')) for r in page if r["score"] > 0]
        if not quoted:
            problems.append(f"search {query}: no results")
        for item in quoted:
            location = location_of(item["href"], hosted_server)
            missing = [w for w in words if w not in tokens.get(location, set())]
            if missing:
                problems.append(f"search {query}: {item['title']!r} (/{location}) lacks {missing}")
        if len(loose) <= len(quoted):
            problems.append(f"search {query}: quoted lists {len(quoted)} results, unquoted {len(loose)}: the quotes did nothing")
    record_problems(problems)
    assert not problems, "\n".join(problems)


# --- 2. The built index -------------------------------------------------------------------------

def test_index_leaves_out_boilerplate(hosted_site):
    index = json.loads((hosted_site / "search/search_index.json").read_text(encoding="utf-8"))
    cite = [d["location"] for d in index["docs"] if d["location"].endswith("#cite-this-page")]
    assert cite == [], f"'Cite this page' sections are indexed: {cite}"
    notes = [d["location"] for d in index["docs"] if "Congressional Research Service, North Korea-Russia Relations" in d["text"]]
    assert notes == [], f"footnote lists are indexed in {notes}"
    notice = [d["location"] for d in index["docs"] if "Not affiliated with CRS or Congress" in d["text"]]
    assert notice == [], f"the notice banner is indexed in {notice}"
    downloads = [d["location"] for d in index["docs"] if d["location"].endswith("#download-this-data")]
    assert downloads == [], f"'Download this data' sections are indexed: {downloads}"
    furniture = {d["location"]: boilerplate_in(f"{d['title']} | {d['text']}") for d in index["docs"]}
    assert not {k: v for k, v in furniture.items() if v}, f"page furniture in the index: {furniture}"
    numbers = [d["location"] for d in index["docs"] if re.search(r"<sup>\d+</sup>", d["text"])]
    assert numbers == [], f"footnote numbers are indexed as text in {numbers}"
    assert any(d["location"] == "timeline/#narrow-the-timeline" for d in index["docs"]), "the heading stays findable"
    diagrams = {d["location"]: d["diagrams"] for d in index["docs"] if "diagrams" in d}
    assert "The UN sanctions layer" in " ".join(diagrams.values()), "a diagram's title is searchable"
    assert len(diagrams) >= 8 and not any("accTitle" in v or "%%" in v for v in diagrams.values()), diagrams
    built = (hosted_site / "report/sanctions/index.html").read_text(encoding="utf-8")
    assert "data-search-exclude" not in built, "Material should strip data-search-* after indexing"
    timeline = (hosted_site / "timeline/index.html").read_text(encoding="utf-8")
    assert "data-search-exclude" not in timeline and "Showing only the" in timeline


def test_glossary_aliases_are_indexed_on_their_page_and_shown_on_the_glossary(hosted_site):
    import yaml
    glossary = yaml.safe_load((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))
    index = json.loads((hosted_site / "search/search_index.json").read_text(encoding="utf-8"))
    topics = {d["location"]: normalise(d["topics"]) for d in index["docs"] if "topics" in d}
    assert all("#" not in location for location in topics), "topics belong to the top of a page"
    shown = normalise((hosted_site / "glossary/index.html").read_text(encoding="utf-8"))
    with_aliases = [e for e in glossary if e.get("aliases")]
    assert len(with_aliases) >= 5
    for entry in with_aliases:
        location = entry["see"].split("#")[0].removesuffix(".md") + "/"
        location = "" if location == "index/" else location
        for word in [entry["term"], *entry["aliases"]]:
            assert normalise(word) in topics.get(location, ""), f"{word!r} ({entry['term']}) not in the topics of /{location}"
        assert normalise("also called: " + ", ".join(entry["aliases"])) in shown, f"glossary does not show {entry['term']!r}'s aliases"
    ammunition = [e for e in glossary if "ammunition" in e.get("aliases", [])]
    assert ammunition and ammunition[0]["see"] == "report/exchange.md"
    north_korea = [e for e in glossary if e.get("abbr") == "DPRK"]
    assert "North Korea" in north_korea[0].get("aliases", [])
    exchange = (hosted_site / "report/exchange/index.html").read_text(encoding="utf-8")
    assert "<p hidden" not in exchange and "Topics:" not in exchange, "aliases go to the index only, not hidden in the page"


def test_each_glossary_term_is_an_anchor_and_a_search_entry(hosted_site):
    """hooks/html/glossary_search.py: the glossary list is out of the page's own entry, and each term
    has an entry at its anchor (which the page has), with its definition."""
    import yaml

    from hooks.data.datafiles import term_anchor
    glossary = yaml.safe_load((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))
    shown = (hosted_site / "glossary/index.html").read_text(encoding="utf-8")
    docs = {d["location"]: d for d in json.loads((hosted_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]}
    page = docs["glossary/"]
    for entry in glossary:
        anchor = term_anchor(entry["term"])
        assert f'<dt id="{anchor}">' in shown, f"the glossary page has no anchor #{anchor}"
        doc = docs.get(f"glossary/#{anchor}")
        assert doc, f"no search entry for the glossary term {entry['term']!r}"
        assert entry["term"] in doc["title"] and normalise(entry["definition"]) in normalise(doc["text"])
        assert normalise(entry["definition"]) not in normalise(page["text"]), "the glossary list is in the page's own entry"


def test_offline_index_script_carries_the_topics(offline_site):
    """The offline plugin copies the index into search_index.js after these hooks have changed it."""
    script = (offline_site / "search/search_index.js").read_text(encoding="utf-8")
    assert '"topics":' in script and '"topics":{"boost":3' in script.replace(".0", "")
    assert '"location":"glossary.html#term-munitions"' in script, "hooks/html/glossary_search.py's entries are not in the offline index"


def test_index_uses_the_tuned_settings(hosted_site):
    config = json.loads((hosted_site / "search/search_index.json").read_text(encoding="utf-8"))["config"]
    assert config["fields"]["title"]["boost"] <= 20, "a large title boost lets one heading word outrank whole sections"
    separator = re.compile(config["separator"])
    assert [t for t in separator.split("Kim Jong-un, Choe Son-hui (UN).") if t] == ["Kim", "Jong", "un", "Choe", "Son", "hui", "UN"]
    assert [t for t in separator.split("Resolution 2397 of 2017.") if t] == ["Resolution", "2397", "of", "2017"]


# --- 3. Unit tests --------------------------------------------------------------------------------

def test_exclude_boilerplate_marks_footnotes_and_cite_heading():
    html = '<h2 id="cite-this-page">Cite this page</h2><p>x</p><div class="footnote"><ol></ol></div><div class="footnotes">'
    out = search_tuning.exclude_boilerplate(html)
    assert '<h2 id="cite-this-page" data-search-exclude="true">' in out
    assert '<div class="footnote" data-search-exclude="true">' in out
    assert '<div class="footnotes">' in out          # only the exact class


def test_exclude_boilerplate_marks_note_numbers_downloads_diagram_source_and_filters():
    html = ('<p>a report,<sup id="fnref:crs"><a class="footnote-ref" href="#fn:crs">1</a></sup> and'
            '<sup id="fnref2:crs"><a href="#fn:crs">1</a></sup></p><sup>2</sup>'
            '<h2 id="download-this-data">Download this data</h2><h2 id="downloads">Downloads</h2>'
            '<pre  class="mermaid"><code>flowchart LR</code></pre><pre class="mermaidx"><code>x</code></pre>'
            '<nav class="mdx-filter" aria-label="Narrow the timeline"><p>By thread:</p></nav>'
            '<p class="mdx-filter__status" id="kind-after" tabindex="-1">Showing only</p>'
            '<p class="mdx-filter__status mdx-filter__status--all" id="all-events">Showing all</p>'
            '<table><thead><tr><th>Date</th></tr></thead><tbody></tbody></table>')
    out = search_tuning.exclude_boilerplate(html)
    ex = search_tuning.EXCLUDE
    for marked in ('<sup id="fnref:crs"', '<sup id="fnref2:crs"', '<h2 id="download-this-data"',
                   '<pre  class="mermaid"', '<nav class="mdx-filter"', '<p class="mdx-filter__status"',
                   '<p class="mdx-filter__status mdx-filter__status--all"', "<thead"):
        assert f"{marked} {ex}" in out, marked
    assert out.count(ex) == 8            # not <sup>2</sup>, the Downloads heading or class "mermaidx"


def test_diagram_words_keep_titles_and_labels_without_syntax():
    source = ("sequenceDiagram\n    accTitle: Visits\n    accDescr: Who visited whom.\n    %% a comment\n"
              "    R->>N: October 2023, Foreign Minister Lavrov\n    A[\"UN Security Council\"] -->|creates| B(\"`**Panel**`\")")
    assert search_tuning.diagram_words(source) == ("Visits Who visited whom. R N: October 2023, Foreign Minister Lavrov "
                                                   "A UN Security Council creates B Panel")


def test_diagram_words_go_to_the_section_they_are_in_and_a_phone_variant_counts_once():
    fence = '<pre class="mermaid"><code>flowchart LR\n accTitle: {}\n</code></pre>'
    html = (fence.format("Top") + '<h2 id="a">A</h2>' + fence.format("One &amp; two")
            + fence.replace("flowchart", "%% phone\nflowchart").format("One again") + '<h3 id="b">B</h3><p>x</p>')
    assert search_tuning.diagram_words_by_section(html, "p/") == {"p/": "Top", "p/#a": "One & two"}


def test_add_field_sets_the_section_or_falls_back_to_the_page_top():
    index = json.dumps({"config": {}, "docs": [{"location": "p/", "title": "P", "text": ""},
                                               {"location": "p/#a", "title": "A", "text": ""}]})
    out = json.loads(search_tuning.add_field(index, "diagrams", {"p/#a": "one", "p/#gone": "two", "q/": "three"}))
    assert out["docs"][1]["diagrams"] == "one" and out["docs"][0]["diagrams"] == "two"


def test_topic_terms_collects_term_abbr_and_aliases_for_the_see_page():
    glossary = [
        {"term": "Munitions", "definition": "d" * 20, "see": "report/exchange.md", "aliases": ["ammunition", "shells"]},
        {"term": "Democratic People's Republic of Korea", "abbr": "DPRK", "definition": "d" * 20,
         "see": "report/summary.md#x", "aliases": ["North Korea"]},
        {"term": "Other", "definition": "d" * 20},
    ]
    assert search_tuning.topic_terms(glossary, "report/exchange.md") == ["Munitions", "ammunition", "shells"]
    assert search_tuning.topic_terms(glossary, "report/summary.md") == ["Democratic People's Republic of Korea", "DPRK", "North Korea"]
    assert search_tuning.topic_terms(glossary, "index.md") == []


def test_add_topics_sets_the_field_on_the_top_entry_of_each_page():
    index = json.dumps({"config": {}, "docs": [
        {"location": "report/exchange/", "title": "T", "text": "x"},
        {"location": "report/exchange/#a", "title": "A", "text": "y"},
        {"location": "about/", "title": "About", "text": "z"}]})
    out = json.loads(search_tuning.add_topics(index, {"report/exchange/": ["Munitions", "ammunition"], "about/": []}))
    assert out["docs"][0]["topics"] == "Munitions; ammunition"
    assert "topics" not in out["docs"][1] and "topics" not in out["docs"][2]


def test_glossary_terms_become_index_entries_after_their_page():
    html = ('<p>Intro</p><dl>\n<dt id="term-un"><abbr title="United Nations">UN</abbr> (United Nations)</dt>\n'
            '<dd>A body. See <a href="../x/">the x page</a>.</dd>\n<dt id="term-kcna">KCNA</dt>\n<dd>An agency &amp; more.</dd>\n</dl>')
    entries = glossary_search.term_entries(html, "glossary/")
    assert entries == [{"location": "glossary/#term-un", "title": "UN (United Nations)", "text": "A body. See the x page."},
                       {"location": "glossary/#term-kcna", "title": "KCNA", "text": "An agency &amp; more."}]   # escaped, as Material stores text
    marked = glossary_search.exclude_term_lists(html + "<dl><dt>Other</dt><dd>list</dd></dl>")
    assert marked.count('<dl data-search-exclude="true">') == 1 and marked.endswith("<dl><dt>Other</dt><dd>list</dd></dl>")
    index = json.dumps({"config": {}, "docs": [{"location": "", "title": "Home", "text": ""},
                                               {"location": "glossary/", "title": "Glossary", "text": "Intro", "boost": 0.5},
                                               {"location": "glossary/#cite", "title": "Cite", "text": ""},
                                               {"location": "z/", "title": "Z", "text": ""}]})
    docs = json.loads(glossary_search.add_entries(index, "glossary/", entries))["docs"]
    assert [d["location"] for d in docs] == ["", "glossary/", "glossary/#cite", "glossary/#term-un", "glossary/#term-kcna", "z/"]
    assert "boost" not in docs[3]        # the glossary page's 0.5 is for a page that mentions every topic
    assert glossary_search.add_entries(index, "missing/", entries) == index
    assert glossary_search.add_entries(glossary_search.add_entries(index, "glossary/", entries), "glossary/", entries).count("term-un") == 1
