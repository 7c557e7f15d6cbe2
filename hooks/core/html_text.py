"""Small helpers for the hooks that edit the HTML Markdown produced (on_page_content).

- `plain_text(fragment)`: what a reader sees of an HTML fragment, as one line of text (the phone
  tables' cell labels, hooks/html/phone_tables.py; the footnote tooltips, hooks/html/footnote_titles.py; the
  glossary terms' search entries, hooks/html/glossary_search.py).
"""
from __future__ import annotations

import html
import re

TAG = re.compile(r"<[^>]+>")


def plain_text(fragment: str) -> str:
    """Tags dropped, entities decoded, white space folded: "<em>A</em>&amp;\\n B" -> "A& B"."""
    return " ".join(html.unescape(TAG.sub("", fragment)).split())


def search_text(fragment: str) -> str:
    """Plain text escaped as Material's search plugin stores text (its worker puts titles and text
    into the results with innerHTML): the glossary's and the timeline's own index entries."""
    return html.escape(plain_text(fragment), quote=False)
