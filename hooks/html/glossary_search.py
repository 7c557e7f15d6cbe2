"""Glossary search: one search result per glossary term, showing that term's definition.

The glossary page has no headings between its terms, so Material's search indexed the whole list
as the page's own text: searching "ammunition" listed "Glossary" with the list from its first
term on, and the munitions entry was nowhere in sight. Here the list is left out of the page's
entry (`data-search-exclude`, as hooks/html/search_tuning.py does for boilerplate) and each term gets
an entry of its own, located at its anchor on the glossary page (_datafiles.term_anchor), titled
with the term and holding its definition as shown. The entries go into search/search_index.json
in on_post_build, after the search plugin writes it and before the offline plugin (priority -100)
copies it into search_index.js.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from hooks.core.html_text import search_text
from hooks.html.search_tuning import EXCLUDE, INDEX

TERM = re.compile(r'<dt id="(?P<id>term-[^"]+)">(?P<title>.*?)</dt>\s*<dd>(?P<text>.*?)</dd>', re.S)
LIST = re.compile(r'<dl>(?=\s*<dt id="term-)')


# --- Steps (hooks/pipeline.py) -------------------------------------------------------------

def split_terms(build, html_text: str, url: str) -> str:
    """Take the glossary's terms out of the page's own entry, kept for one entry each."""
    entries = term_entries(html_text, url)
    if not entries:
        return html_text
    build.search_entries.setdefault(url, []).extend(entries)
    return exclude_term_lists(html_text)


def add_term_entries(build, site_dir: str) -> None:
    """One search index entry per glossary term and per timeline event (html.event_search), at its anchor."""
    index = Path(site_dir) / INDEX
    if index.exists() and build.search_entries:    # absent when the search plugin is off
        text = index.read_text(encoding="utf-8")
        for url, entries in build.search_entries.items():
            text = add_entries(text, url, entries)
        index.write_text(text, encoding="utf-8")


# --- Helpers -------------------------------------------------------------------------------

def exclude_term_lists(html_text: str) -> str:
    """Mark the glossary's list(s) unindexed, so the page's own entry keeps only its other text."""
    return LIST.sub(f'<dl {EXCLUDE}>', html_text)


def term_entries(html_text: str, url: str) -> list[dict]:
    """An index entry per term of the glossary list(s) on this page: title, definition as plain text."""
    return [{"location": f"{url}#{m['id']}", "title": search_text(m["title"]), "text": search_text(m["text"])}
            for m in TERM.finditer(html_text)]


def add_entries(index_json: str, url: str, entries: list[dict]) -> str:
    """Insert `entries` after the page's last entry (Material files an entry under the first one
    with its path); a page the index lacks is left alone. They do not take the glossary page's
    `search.boost` (0.5, because the page mentions every topic): each is about one term."""
    index = json.loads(index_json)
    docs = index["docs"]
    positions = [i for i, doc in enumerate(docs) if doc["location"].split("#", 1)[0] == url]
    if not positions:
        return index_json
    taken = {doc["location"] for doc in docs}
    new = [entry for entry in entries if entry["location"] not in taken]
    docs[positions[-1] + 1:positions[-1] + 1] = new
    return json.dumps(index, separators=(",", ":"))
