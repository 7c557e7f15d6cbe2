"""hooks/html/search_tuning.py and glossary_search.py: what the search index holds."""
from __future__ import annotations

import json

from hooks.html import glossary_search, search_tuning


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
