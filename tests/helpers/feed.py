"""Reading the Atom feed hooks/render/feed.py writes."""
from __future__ import annotations

import xml.etree.ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"


def parse_feed(xml: bytes) -> list[dict]:
    root = ET.fromstring(xml)
    assert root.tag == f"{ATOM}feed"
    return [{"id": e.findtext(f"{ATOM}id"), "title": e.findtext(f"{ATOM}title"), "updated": e.findtext(f"{ATOM}updated"),
             "links": [link.get("href") for link in e.findall(f"{ATOM}link")], "content": e.findtext(f"{ATOM}content")}
            for e in root.findall(f"{ATOM}entry")]
