"""Sources are cited honestly (issue 9, item 9): originals where found, reposts labelled as such.

Reads the Markdown footnotes (each `@id` written out from data/sources.yml) and the data files (no build needed):
- a footnote or data source that links a known republisher or aggregator says so ("as
  republished by", "as published by"), so no repost passes for the original;
- sources the research replaced with the original are gone for good, and none needs a login;
- the MSMT's own site and the later CRS products are linked.
"""
from __future__ import annotations

import re

import pytest
from conftest import ROOT

from hooks.data import datafiles
from hooks.render import citations

REPUBLISHERS = ("menafn.com", "cambodiatribune.com", "cambodianewsservice.com", "thenewsintel.com", "einpresswire.com",
                "orissapost.com", "stratnewsglobal.com", "docslib.org", "foreignpolicywatchdog.com", "wttlonline.com")
REPLACED = ("devdiscourse.com/article/law-order/2941017", "en.mehrnews.com", "complianceconcourse.willkie.com/articles/treasury-targets",
            "thefollowup.ai", "caliber.az", "news.am/eng/news/803347", "www3.nhk.or.jp", "jurist.org")
# Databases that need a login or a subscription: a reader (and the offline edition) cannot open them.
LOGIN_WALLED = ("heinonline.org",)
DEFINITION = re.compile(r"^\[\^(?P<label>[^\]]+)\]:\s*(?P<text>.*)$", re.M)


REGISTRY = citations.by_id(datafiles.load(ROOT, "sources")[0])


def expanded(page) -> str:
    """A page's Markdown with each `[^label]: @id` written out from data/sources.yml, as the build does."""
    return citations.expand(page.read_text(encoding="utf-8"), REGISTRY)[0]


def footnotes():
    for page in sorted((ROOT / "docs").rglob("*.md")):
        for match in DEFINITION.finditer(expanded(page)):
            yield f"{page.relative_to(ROOT)} [^{match['label']}]", match["text"]


def data_sources():
    for name in ("timeline", "actors", "sanctions", "estimates"):
        for entry in datafiles.load_all(ROOT)[name]:
            for source in [entry] + entry.get("officeholders", []):
                yield f"data/{name}.yml {source.get('date', source.get('office', ''))}", source["source"], source["source_title"]


@pytest.mark.parametrize("where, text", list(footnotes()))
def test_a_footnote_citing_a_repost_says_so(where, text):
    if any(host in text for host in REPUBLISHERS):
        assert re.search(r"(re)?published by|republishing", text), f"{where} links a republished copy without saying so"
    for gone in REPLACED:
        assert gone not in text, f"{where} still cites {gone}; cite the original the research found"
    for host in LOGIN_WALLED:
        assert host not in text, f"{where} links {host}, which needs a login; link a public copy"


def test_data_sources_citing_a_repost_say_so():
    for where, url, title in data_sources():
        if any(host in url for host in REPUBLISHERS):
            assert re.search(r"(re)?publish|republisher|repost|via|rewrite", title, re.I), f"{where}: {title}"
        assert not any(gone in url for gone in REPLACED), f"{where} still cites {url}"
        assert not any(host in url for host in LOGIN_WALLED), f"{where} links {url}, which needs a login; link a public copy"


def test_msmt_site_and_later_crs_products_are_linked():
    since, sources = expanded(ROOT / "docs/since.md"), expanded(ROOT / "docs/sources.md")
    for text in (since, sources):
        assert "https://msmt.info" in text
        assert "https://www.everycrsreport.com/reports/IF10246.html" in text
        assert "https://www.everycrsreport.com/reports/IF10165.html" in text
