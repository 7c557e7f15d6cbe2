"""Phone tables: wide tables become one block per row on a phone, each cell labelled by its column.

A table of four or more columns squeezed into a 358 px phone column either scrolls sideways or
breaks its words into slivers. This hook gives such a table `data-mdx-stack` and every body cell
a `data-label` with its column's heading; below 45em extra.css shows each row as a block and
each cell as "Heading: value" (the label comes from CSS, so the HTML stays one table for every
width, and the headings stay in the table for screen readers). Narrower tables are left alone.
"""
from __future__ import annotations

import html
import re

from hooks.core.html_text import plain_text

MIN_COLUMNS = 4
_TABLE = re.compile(r"<table>(?P<body>.*?)</table>", re.S)
_TH = re.compile(r"<th[^>]*>(?P<text>.*?)</th>", re.S)
_ROW = re.compile(r"<tr>(?P<cells>.*?)</tr>", re.S)
_TD = re.compile(r"<td(?P<attrs>[^>]*)>")


# --- Helpers -------------------------------------------------------------------------------

def label_tables(html_text: str) -> str:
    """Mark tables of MIN_COLUMNS or more columns for stacking and label each body cell."""
    def table(match):
        body = match["body"]
        head, _, rest = body.partition("</thead>")
        headings = [plain_text(m["text"]) for m in _TH.finditer(head)]
        if len(headings) < MIN_COLUMNS or not rest:
            return match.group(0)

        def row(m):
            cells = iter(headings)
            return "<tr>" + _TD.sub(lambda c: f'<td{c["attrs"]} data-label="{html.escape(next(cells, ""), quote=True)}">',
                                    m["cells"]) + "</tr>"
        return f"<table data-mdx-stack>{head}</thead>{_ROW.sub(row, rest)}</table>"
    return _TABLE.sub(table, html_text)
