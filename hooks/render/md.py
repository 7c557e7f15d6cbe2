"""Markdown helpers the data renderers share, and the escaping that makes data safe by default.

Escaping is not something a renderer has to remember. hooks/render/markers.py hands every renderer
the build's data through `escape_all`: every string of every data file (and every page title) is
already `text(...)`, so a field put into Markdown with an f-string, today's or one added later,
shows as the characters it holds and can never become HTML, a link, an image, an attribute list,
a table cell break or a block. The rare place that needs the value as it was (a URL, an anchor
computed from a term, a Mermaid label, which has its own rules) asks for it with `raw(value)`.

`text` (hooks/core/escape.py) escapes by HTML character references, which mean the same in
Markdown, in raw HTML blocks and in double-quoted attributes, and it is idempotent (an `&` that
already starts a character reference is left alone), so text escaped twice shows the same as text
escaped once and the helpers below can escape whatever they are given. `url` keeps only https, http, mailto, in-page
and relative addresses (anything else becomes "#"); `link` builds `[text](url)` from both.
"""
from __future__ import annotations

import re
from urllib.parse import quote

from hooks.core import unsafe_text
from hooks.core.escape import Md, escape_all, raw, text  # noqa: F401  (the renderers' helpers, in one place)

NO_ENTRIES = "*No entries yet.*\n"

_PAGE_LINK = re.compile(r"\[(?P<label>[^\]]+)\]\((?P<target>[\w/.-]+\.md(?:#[\w-]+)?)\)")
_SAFE_SCHEME = re.compile(r"^(?:https?:|mailto:)", re.I)
_ANY_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def url(value) -> str:
    """An address fit for a Markdown link target or an href: https, http, mailto, #anchor or a
    relative path, with spaces, parentheses, quotes and angle brackets percent-encoded; any other
    scheme (javascript:, data:, ...) becomes "#", judged as a browser reads it (entities decoded,
    controls dropped). `&` is written `&amp;`, so no character reference in the value is decoded
    in the href. The data checks report such values by their line."""
    address = "".join(str(raw(value)).split())
    plain = unsafe_text.decoded(address)
    if (_ANY_SCHEME.match(plain) and not _SAFE_SCHEME.match(plain)) or plain.replace("\\", "/").startswith("//"):
        return "#"
    return quote(address, safe="/:?#[]@!$&'*+,;=%~-._").replace("&", "&amp;")


def link(label, address) -> str:
    """`[label](address)`: the label escaped, the address checked by `url`."""
    return f"[{text(label)}]({url(address)})"


def with_page_links(value) -> str:
    """Text that may link other pages of the site as `[label](page.md#anchor)` (an actor's
    after-report note does): those links kept, their labels escaped; everything else escaped by `text`.
    A field opts in by its renderer calling this; every other field is plain text."""
    source, out, last = str(raw(value)), [], 0
    for match in _PAGE_LINK.finditer(source):
        out += [text(source[last:match.start()]), link(match["label"], match["target"])]
        last = match.end()
    out.append(text(source[last:]))
    return "".join(out)


def cell(value) -> str:
    """Text safe in a Markdown table cell: escaped (pipes included), on one line."""
    return text(value)


def table(headings: tuple[str, ...], rows: list[tuple[str, ...]], empty: str | None = NO_ENTRIES) -> str:
    """A Markdown table of cells that are already Markdown (built with `cell`, `link` or from
    escaped data); `empty` instead when there are no rows (None: the headings alone)."""
    if not rows and empty is not None:
        return empty
    out = ["| " + " | ".join(headings) + " |", "|" + " --- |" * len(headings)]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(out) + "\n"


def source_link(entry: dict) -> str:
    """An entry's source as a Markdown link titled by its citation (hooks/data/source_refs.py resolves both)."""
    return "; ".join([link(entry["source_title"], entry["source"]),
                      *(link(more["title"], more["url"]) for more in entry.get("more_sources", []))])
