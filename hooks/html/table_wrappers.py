"""Table wrappers: content tables leave the build already wrapped the way Material wraps them.

At load, Material's script finds every `table:not([class])` in the article and moves it into
`<div class="md-typeset__scrollwrap"><div class="md-typeset__table">`, the wrapper that lets a
wide table scroll on a phone. Moving a table after the first paint makes the browser restyle and
lay out all of its cells again: on since/ (three tables, 358 cells) that was a 985-element style
pass and an 1,830-object layout, all inside Lighthouse's blocking time (BENCHMARKS.md).

This hook writes the same two wrappers at build time and gives each table the class `mdx-table`,
so Material's script passes it by. Material styles only classless tables, so extra.css repeats
its table rules for `table.mdx-table` ("Tables" section there); tests/build/test_tables.py checks that
every built table is wrapped once, tests/browser/test_tables.py that it looks as Material draws it.
"""
from __future__ import annotations

import re

CLASS = "mdx-table"
OPEN = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
CLOSE = "</div></div>"
# A table tag without a class attribute (Python-Markdown writes `<table>`, phone_tables adds
# `data-mdx-stack`); a table that already has a class is not Material's to wrap either.
_TABLE = re.compile(r"<table(?P<attrs>(?:\s+(?!class\b)[\w:-]+(?:=\"[^\"]*\")?)*)\s*>(?P<body>.*?)</table>", re.S)


# --- Helpers -------------------------------------------------------------------------------

def wrap_tables(html_text: str) -> str:
    """Wrap each classless table as Material would, and class it so Material leaves it be."""
    def wrap(match):
        return f'{OPEN}<table class="{CLASS}"{match["attrs"]}>{match["body"]}</table>{CLOSE}'
    return _TABLE.sub(wrap, html_text)
