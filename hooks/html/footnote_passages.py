"""Footnote passages: the "Its words" fold sits at the end of its citation's line.

hooks/render/citations.py puts a source's passages in a fold under its footnote. Python-Markdown
then gives the footnote's back-links a paragraph of their own after the fold (it adds them to the
last paragraph only when the footnote ends with one), which costs every footnote a line. This
moves them back to the end of the citation, before the fold, as in a footnote without passages;
extra.css shows the fold's summary inline after them. Every footnote's back-links are held together
in one `<span class="mdx-backrefs">`, which extra.css places on a phone (where Material shows them
only when focused) so they never wrap onto a blank line of their own under a long citation.
"""
from __future__ import annotations

import re

_MOVE = re.compile(r'(?P<head><li id="fn:[^"]+">\s*<p>)(?P<cite>(?:(?!</p>).)*?)(?P<close></p>\s*)'
                   r'(?P<fold><details class="quote">.*?</details>\s*)'
                   r'<p>(?P<back>\s*(?:<a class="footnote-backref"[^>]*>.*?</a>\s*)+)</p>', re.S)


_BACKLINKS = re.compile(r'(?:<a class="footnote-backref"[^>]*>[^<]*</a>\s*)+')


def join_backlinks(html: str) -> str:
    """Each footnote's back-links moved from their own paragraph after the fold to the citation's,
    and held together in one span."""
    html = _MOVE.sub(lambda m: f"{m['head']}{m['cite']} {m['back'].strip()}{m['close']}{m['fold']}", html)
    return _BACKLINKS.sub(lambda m: f'<span class="mdx-backrefs">{m.group(0)}</span>', html)
