"""hooks/render/citations.py: a footnote `[^label]: @id` written out from the registry, with its passages."""
from __future__ import annotations

from hooks.render import citations

SOURCE = {"id": "tass", "publisher": "TASS", "title": '"Bridge <opens>"', "title_is": "headline", "url": "https://tass.com/1",
          "after": ", April 30, 2025.", "date": "2025-04-30", "language": "en", "kind": "news-agency", "read": "2026-12-05",
          "passages": [{"quote": "The bridge will be 1,000 metres long."}]}
KOREAN = {"id": "sbs", "publisher": "SBS", "title": "report", "title_is": "description", "url": "https://sbs.co.kr/1",
          "language": "ko", "kind": "newspaper", "read": "2026-12-05", "date": "2026-02-14",
          "passages": [{"quote": "약 6천 명", "translation": "about 6,000 people"}]}
UNREAD = {"id": "x", "publisher": "X", "title": "t", "title_is": "description", "url": "https://x.org", "language": "en",
          "kind": "newspaper", "unreadable": "no stored copy could be found"}
REGISTRY = citations.by_id([SOURCE, KOREAN, UNREAD])


def test_a_registry_citation_is_written_out_with_its_passages_as_quotations():
    out, unknown = citations.expand("Text.[^t]\n\n[^t]: @tass\n[^k]: @sbs\n[^u]: @x\n[^z]: @nothere\n", REGISTRY)
    assert '[^t]: TASS, [&quot;Bridge &lt;opens&gt;&quot;](https://tass.com/1), April 30, 2025.' in out, "escaped once"
    assert '    ??? quote "Its words"\n\n        > \u201cThe bridge will be 1,000 metres long.\u201d' in out, "folded"
    assert '        > {: lang="ko" }' in out and "        > Our translation: \u201cabout 6,000 people\u201d" in out
    assert "[^u]: X, [t](https://x.org)&#46; We could not read this source's text.\n" in out, "said plainly, on the citation's line ('.' escaped as data)"
    assert unknown == [(6, "nothere")] and "[^z]: @nothere" in out


def test_the_list_of_every_source_groups_by_kind_and_names_the_citing_pages():
    choices = {"news-agency": "News agencies", "newspaper": "Newspapers and broadcasters"}
    out = citations.render_registry([SOURCE, KOREAN, UNREAD], choices, {"https://tass.com/1": [("since.md", "Since the report")]},
                                    "reference/sources.md")
    assert out.index('??? note "News agencies (1)"') < out.index('??? note "Newspapers and broadcasters (2)"')
    assert "Cited on: [Since the report](../since.md)." in out and "(in Korean) Read December 5, 2026." in out
    assert "Not readable here." in out and out.startswith("3 sources, 2 of them read")


def test_cited_by_follows_footnotes_and_data_files_in_page_order():
    pages = {"a.md": ("A", "[^t]: @tass"), "b.md": ("B", "Nothing.")}
    found = citations.cited_by(pages, [SOURCE], {"timeline": [{"source": "https://tass.com/1"}]}, {"timeline": {"b.md": "B"}})
    assert found == {"https://tass.com/1": [("a.md", "A"), ("b.md", "B")]}
