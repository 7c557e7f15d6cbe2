"""hooks/render/feed.py: the Atom feed of data/changes.yml."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from helpers.feed import ATOM, parse_feed
from helpers.sample import CHANGES

from hooks.render import feed


def test_build_feed():
    urls = {"since.md": "since/", "index.md": "./", "report/summary.md": "report/summary/", "whats-new.md": "whats-new/"}
    xml = feed.build_feed(CHANGES, urls, {"since.md": "Since the report"}, "https://x.org/s/", "Site", "Authors")
    entries = parse_feed(xml)
    assert [e["title"] for e in entries] == [c["summary"] for c in CHANGES]
    assert entries[0] == {"id": "https://x.org/s/whats-new/#change-2026-12-02-1", "title": "Newest change, on one page.",
                          "updated": "2026-12-02T00:00:00+00:00", "links": ["https://x.org/s/since/"],
                          "content": '<p>Newest change, on one page.</p><p>Pages: <a href="https://x.org/s/since/">Since the report</a>.</p>'}
    assert entries[1]["links"] == ["https://x.org/s/"]
    assert ET.fromstring(xml).findtext(f"{ATOM}updated") == "2026-12-02T00:00:00+00:00"
    again = feed.build_feed(CHANGES, urls, {"since.md": "Since the report"}, "https://x.org/s/", "Site", "Authors")
    assert xml == again   # no build time in the feed: rebuilding changes nothing
