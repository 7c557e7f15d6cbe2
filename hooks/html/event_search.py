"""Event search: one search result per timeline event, landing on that event.

The timeline lists its events under year headings, so Material's search indexed a whole year as one
section: a search for one event landed on its year. Here the event lists are left out of the page's
own entries (`data-search-exclude`, as hooks/html/search_tuning.py does for boilerplate) and each
event gets an entry of its own at its anchor (its data `id`), titled with its date and label and
holding its text and source, as hooks/html/glossary_search.py does for glossary terms (whose
add_entries writes them into the index after the search plugin).
"""
from __future__ import annotations

import re

from hooks.core.html_text import search_text
from hooks.html.search_tuning import EXCLUDE

EVENT = re.compile(r'<li class="mdx-event[^"]*" id="(?P<id>[^"]+)"[^>]*><details><summary>(?P<title>.*?)</summary>'
                   r'(?P<text>.*?)</details>', re.S)
LIST = re.compile(r'<ol class="mdx-timeline">')


# --- Steps (hooks/pipeline.py) -------------------------------------------------------------

def split_events(build, html_text: str, url: str) -> str:
    """Take the event lists out of the page's own entries, kept for one entry per event."""
    entries = event_entries(html_text, url)
    if not entries:
        return html_text
    build.search_entries.setdefault(url, []).extend(entries)    # written with the glossary's entries
    return LIST.sub(f'<ol class="mdx-timeline" {EXCLUDE}>', html_text)


# --- Helpers -------------------------------------------------------------------------------

def event_entries(html_text: str, url: str) -> list[dict]:
    """An index entry per event: "June 19, 2024 Putin in Pyongyang" and its text, kind and source."""
    return [{"location": f"{url}#{m['id']}", "title": search_text(m["title"]), "text": search_text(m["text"].replace("</p>", "</p> "))}
            for m in EVENT.finditer(html_text)]
