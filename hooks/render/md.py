"""Markdown helpers the data renderers share: table cells, tables and source links.
"""
from __future__ import annotations

NO_ENTRIES = "*No entries yet.*\n"


def cell(text) -> str:
    """Text safe in a Markdown table cell: pipes escaped, on one line."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def table(headings: tuple[str, ...], rows: list[tuple[str, ...]], empty: str | None = NO_ENTRIES) -> str:
    """A Markdown table of already-escaped cells; `empty` instead when there are no rows (None: the
    headings alone)."""
    if not rows and empty is not None:
        return empty
    out = ["| " + " | ".join(headings) + " |", "|" + " --- |" * len(headings)]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(out) + "\n"


def source_link(entry: dict) -> str:
    """An entry's source as a Markdown link titled by its source_title."""
    return f"[{cell(entry['source_title'])}]({entry['source']})"
