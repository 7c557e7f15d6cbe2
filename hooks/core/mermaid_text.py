"""Mermaid as text: the patterns every stage shares for diagrams in Markdown and in HTML.

- `PHONE_MARKER` / `is_phone_variant`: a contributor's phone layout is a second ```mermaid fence
  right after a diagram, whose first line is `%% phone` (CONTRIBUTING.md, "Add a diagram");
- `PRE`: a diagram as Python-Markdown and mermaid2 leave it in a page's HTML,
  `<pre class="mermaid"><code>...</code></pre>` (its text HTML-escaped).
"""
from __future__ import annotations

import re

PHONE_MARKER = re.compile(r"^\s*%%\s*phone\s*$")
PRE = re.compile(r'<pre\s+class="mermaid"><code>(?P<code>(?:(?!</pre>).)*?)</code></pre>', re.S)


def is_phone_variant(text: str) -> bool:
    """Whether a diagram's text (from its first line) is a phone variant."""
    return bool(PHONE_MARKER.match(text.split("\n", 1)[0]))
