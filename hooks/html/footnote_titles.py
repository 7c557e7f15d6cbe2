"""Footnote tooltips without JavaScript: each footnote marker gets its note's text as a `title`.

Why not Material's `content.footnote.tooltips`: it builds a tooltip element for every marker on
load, which on a phone cost 100-300 ms of main-thread work per page (BENCHMARKS.md). A native
`title` costs nothing: a mouse user sees the note on hover, and screen readers announce it as the
link's description. Keyboard and touch users follow the marker to the note and its back link
(tooltips alone never reach them, so the notes stay at the foot of the page as before).
"""
from __future__ import annotations

import html
import re

from hooks.core.html_text import plain_text

_NOTE = re.compile(r'<li id="fn:(?P<id>[^"]+)">(?P<body>.*?)</li>', re.S)
_BACKREF = re.compile(r'(?:&#160;)?<a class="footnote-backref"[^>]*>.*?</a>', re.S)
_PASSAGES = re.compile(r'<details class="quote">.*?</details>', re.S)   # a source's words (render/citations.py): not in the tooltip
_REF = re.compile(r'<a class="footnote-ref" href="#fn:(?P<id>[^"]+)"')
MAX_CHARS = 300  # a long note is cut with an ellipsis; the full note is one click away


# --- Helpers -------------------------------------------------------------------------------

def note_texts(html_text: str) -> dict[str, str]:
    """Footnote id -> the note as plain text (no tags, no back links, whitespace collapsed)."""
    notes = {}
    for match in _NOTE.finditer(html_text):
        text = plain_text(_BACKREF.sub("", _PASSAGES.sub("", match["body"])))
        notes[match["id"]] = text if len(text) <= MAX_CHARS else text[:MAX_CHARS - 1].rstrip() + "…"
    return notes


def add_titles(html_text: str) -> str:
    """Give every footnote marker whose note exists a title attribute with the note's text."""
    notes = note_texts(html_text)
    if not notes:
        return html_text

    def titled(match):
        text = notes.get(match["id"])
        if text is None:
            return match.group(0)
        return f'{match.group(0)} title="{html.escape(text, quote=True)}"'
    return _REF.sub(titled, html_text)
