"""Search tuning: what Material's search indexes, so the page a reader means ranks first.

Two changes, both measured with tests/browser/test_search_ranking.py (reader queries typed into the
search box of a real build, and the teasers the results show):
- Boilerplate stays out. The footnote list, the note numbers in the text, the "Cite this page"
  and "Download this data" sections, diagram source, table column headings and the timeline's
  filter links and status lines get `data-search-exclude` in on_page_content (BOILERPLATE), before Material's search
  plugin reads the page in on_page_context (it then drops the attribute from the HTML). Before,
  every page matched every source's name, "Cite this page" came up as the best section, and
  result teasers read "Download this data", "flowchart LR accTitle: ..." or "a CRS report, 1 are
  kept". hooks/html/page_dates.py marks its lines with EXCLUDE itself.
- Pages that own a topic are found by the words readers use for it. A data/glossary.yml entry's
  term, abbreviation and `aliases` go into a `topics` field of the index entry for the top of
  the page its `see:` names ("ammunition" finds the munitions page; "Kim Jong-un" and "Kim Jong
  Un" find the page on his trip). The field's weight is set with the other fields under
  plugins.search in mkdocs.yml. It is added to search/search_index.json in on_post_build, after
  the search plugin writes the file and before the offline plugin (priority -100) copies it into
  search_index.js. Nothing is hidden in the pages: the glossary page shows the same aliases to
  readers as "Also called" (hooks/render/markers.py). Diagrams are found by their words the same
  way: the source of each Mermaid fence is left out of the text (a teaser would show "flowchart
  LR accTitle: ..."), and its titles, descriptions and labels go into a `diagrams` field of the
  section it is in, which ranks but is never shown.
Name spellings with a hyphen ("Choe Son-hui") index as the separate words because the search
separator in mkdocs.yml splits on hyphens; the field boosts there say why they are what they are.

Exact phrases (issue 10: "make exact phrases rank first"). Material's search (9.8.2, lunr 2) has
no phrase query: lunr matches single terms and cannot ask for words next to each other. Nothing
is added here for it, because Material already does the part that can be done without a fork:
its query transform (src/templates/assets/javascripts/integrations/search/query/transform in
squidfunk/mkdocs-material; `ue()` in the shipped workers/search.*.min.js) turns words in double
quotes into required terms, so "sanctions relief" in quotes is `+sanctions +relief` and lists
only sections holding both words; the home page's "How to read this site" tells readers so.
One catch, also told there: lunr's stop-word filter drops "of", "the" and the like from the
index, so a quoted stop word is a required term nothing holds and "Panel of Experts" in quotes
lists nothing. Turning the filter off (`pipeline: []`) fixed that, but then "of" matched every
paragraph and unquoted queries such as "Panel of Experts" showed whole sections as teasers, so
readers are told to leave small words out of quotes instead. A
true phrase match would need word positions checked inside the search worker, which the theme
offers no hook for (its `__search.transform` hook was removed in 9.0.0; the worker and its
query parser are bundled), so it would mean patching or forking Material's bundle, which this
project avoids (maintenance mode, end of life 2027-05-05). Unquoted phrases rank first through the field
boosts and Material's own post-query boost for sections that match every word; the browser test
(PHRASES, QUOTED in tests/browser/test_search_ranking.py) checks both.
"""
from __future__ import annotations

import html
import json
import logging
import re
from pathlib import Path

from hooks.core.mermaid_text import PRE, is_phone_variant

log = logging.getLogger("mkdocs.plugins.hooks.search_tuning")

EXCLUDE = 'data-search-exclude="true"'     # Material strips data-search-*="..." after indexing
BOILERPLATE = (
    re.compile(r'<div class="footnote"(?=>)'),         # the notes at the foot of each page
    re.compile(r'<sup id="fnref\d*:[^"]*"(?=>)'),     # note numbers in the text ("a CRS report, 1 are kept")
    re.compile(r'<h2 id="cite-this-page"(?=>)'),       # hooks/render/cite_this_page.py's section
    re.compile(r'<h2 id="download-this-data"(?=>)'),   # hooks/render/downloads.py's section
    re.compile(r'<pre\s+class="mermaid"(?=>)'),       # diagram source ("flowchart LR accTitle: ..."): its
                                                       # words go to the `diagrams` field instead (below)
    re.compile(r'<thead(?=>)'),                        # column headings ("Date Event Thread Source")
    re.compile(r'<nav class="mdx-filter"(?=[ >])'),    # the timeline's "Narrow the timeline" links
    re.compile(r'<p class="mdx-filter__status[^"]*"(?=[ >])'),   # and their "Showing only ..." lines
    re.compile(r'<div class="mdx-filter__menus"(?=[ >])'),       # its menus (hooks/render/timeline.py)
    re.compile(r'<p class="mdx-years"(?=[ >])'),                 # and its "Jump to" years
)
INDEX = "search/search_index.json"
HEADING = re.compile(r'<h[2-6] id="(?P<id>[^"]+)"')
_ACC = re.compile(r"^\s*acc(?:Title|Descr)\s*:")
_SYNTAX = re.compile(r"[-=.]+>>?|--[-x]?|[\[\](){}|\"`*;]+|\\n")


# --- Steps (hooks/pipeline.py) -------------------------------------------------------------

def tune_page(build, html_text: str, page) -> str:
    """Remember the page's diagrams' words by section, and keep boilerplate out of its index text."""
    build.search_pages[page.url] = page.file.src_uri
    build.search_diagrams.update(diagram_words_by_section(html_text, page.url))
    return exclude_boilerplate(html_text)


def tune_index(build, site_dir: str) -> None:
    """Add each page's glossary topics and each section's diagram words to the search index."""
    index = Path(site_dir) / INDEX
    if index.exists():           # absent when the search plugin is off
        topics = {url: topic_terms(build.data["glossary"], src) for url, src in build.search_pages.items()}
        people = "; ".join(officeholder_names(build.data["actors"]))
        shown = {url: people for url, src in build.search_pages.items() if src in build.shows.get("actors", {})}
        text = add_topics(index.read_text(encoding="utf-8"), topics)
        index.write_text(add_field(add_field(text, "diagrams", build.search_diagrams), "people", shown), encoding="utf-8")


# --- Helpers -------------------------------------------------------------------------------

def exclude_boilerplate(html_text: str) -> str:
    """Mark the footnote list and the "Cite this page" heading (hence its section) unindexed."""
    for pattern in BOILERPLATE:
        html_text = pattern.sub(lambda m: f"{m.group(0)} {EXCLUDE}", html_text)
    return html_text


def diagram_words(source: str) -> str:
    """A Mermaid diagram's words without its syntax: titles, descriptions, labels, node ids."""
    lines = [_ACC.sub("", line) for line in source.strip().splitlines()[1:] if not line.strip().startswith("%%")]
    return " ".join(_SYNTAX.sub(" ", " ".join(lines)).split())


def diagram_words_by_section(html_text: str, url: str) -> dict[str, str]:
    """{index location: words} for the diagrams in a page's HTML, each under the last heading with
    an id before it (Material's section), or the page's top. A phone variant (`%% phone`) is the
    same diagram and counts once."""
    found: dict[str, str] = {}
    for match in PRE.finditer(html_text):
        source = html.unescape(match["code"])
        if is_phone_variant(source.lstrip()):
            continue
        ids = HEADING.findall(html_text, 0, match.start())
        location = f"{url}#{ids[-1]}" if ids else url
        found[location] = " ".join(filter(None, [found.get(location), diagram_words(source)]))
    return found


def add_field(index_json: str, name: str, values: dict[str, str]) -> str:
    """Set field `name` on the index entries whose location is a key of `values`; a location the
    index lacks (a heading Material did not make a section) goes to its page's top entry."""
    index = json.loads(index_json)
    docs = {doc["location"]: doc for doc in index["docs"]}
    for location, value in values.items():
        doc = docs.get(location) or docs.get(location.split("#", 1)[0])
        if doc is not None and value:
            doc[name] = " ".join(filter(None, [doc.get(name), value]))
    return json.dumps(index, separators=(",", ":"))


def topic_terms(glossary: list, src_uri: str) -> list[str]:
    """Term, abbreviation and aliases of every glossary entry whose `see` is this page."""
    terms: list[str] = []
    for entry in glossary:
        if entry.get("see", "").split("#", 1)[0] != src_uri:
            continue
        for word in [entry["term"], entry.get("abbr"), *entry.get("aliases", [])]:
            if word and word not in terms:
                terms.append(word)
    return terms


def officeholder_names(actors: list) -> list[str]:
    """Every office-holder's name, then and now ("Wi Sung-lac (after ...)" -> "Wi Sung-lac"): the
    `people` field of the pages that show the actors (boost 1, mkdocs.yml), so a name deep in the
    long office-holders table still finds that page, without outranking a page about the person."""
    names: list[str] = []
    for actor in actors:
        for office in actor.get("officeholders", []):
            for value in (office["at_report"], office["now"]):
                name = value.split("(", 1)[0].split(",", 1)[0].strip()
                if name and name != "Vacant" and name not in names:
                    names.append(name)
    return names


def add_topics(index_json: str, topics: dict[str, list[str]]) -> str:
    """Give the index entry for the top of each page (location == page URL) a `topics` field."""
    index = json.loads(index_json)
    for doc in index["docs"]:
        terms = topics.get(doc["location"])
        if terms:
            doc["topics"] = "; ".join(terms)
    return json.dumps(index, separators=(",", ":"))
