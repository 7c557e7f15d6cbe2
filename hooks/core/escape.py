"""Escaping text for Markdown and HTML at once: what makes data safe by default.

`text` escapes by HTML character references, which mean the same in Markdown, in raw HTML blocks
and in double-quoted attributes; it is idempotent (an `&` that already starts a character reference
is left alone), so text escaped twice shows the same as text escaped once. `escape_all` escapes
every string of a data structure; `raw` gives back what `text` was given. hooks/render/md.py
builds the renderers' helpers on these; hooks/render/markers.py passes every renderer escaped data.
"""
from __future__ import annotations

import re

# Characters that start Markdown or HTML syntax anywhere in a line: tags and entities, links and
# images, attribute lists, code, emphasis, table cells, backslash escapes, attribute quotes.
_SPECIAL = {"<": "&lt;", ">": "&gt;", '"': "&quot;", "[": "&#91;", "]": "&#93;", "{": "&#123;", "}": "&#125;",
            "`": "&#96;", "*": "&#42;", "_": "&#95;", "|": "&#124;", "\\": "&#92;"}
_SPECIAL_RE = re.compile("[" + re.escape("".join(_SPECIAL)) + "]")
_BARE_AMP = re.compile(r"&(?!#\d{1,7};|#x[0-9a-fA-F]{1,6};|[a-zA-Z][a-zA-Z0-9]{1,31};)")
# Characters that start a block at the beginning of a line (headings, lists, quotes, admonitions,
# definitions, setext underlines, snippets) and "1." or "1)" list numbers.
_LINE_START = re.compile(r"^(?:[#\-+=:!?>~.;%]|\d+(?=[.)]))")
_WHITESPACE = re.compile(r"\s+")


class Md(str):
    """Text escaped by `text`: safe as Markdown and as HTML. `raw` is the text before escaping."""
    raw: str

    def __new__(cls, escaped: str, raw: str):
        self = super().__new__(cls, escaped)
        self.raw = raw
        return self


def text(value) -> Md:
    """`value` as text that shows as written in Markdown, in an HTML block and in a "..." attribute:
    on one line, every character that starts Markdown or HTML syntax a character reference."""
    if isinstance(value, Md):
        return value
    raw = str(value)
    escaped = _BARE_AMP.sub("&amp;", _WHITESPACE.sub(" ", raw))
    escaped = _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group(0)], escaped)
    start = _LINE_START.match(escaped)
    if start:
        head = start.group(0)
        escaped = (head + f"&#{ord(escaped[len(head)])};" + escaped[len(head) + 1:]) if head.isdigit() \
            else f"&#{ord(head)};" + escaped[1:]
    return Md(escaped, raw)


def raw(value):
    """The value as it was before `text` escaped it (anything else unchanged)."""
    return value.raw if isinstance(value, Md) else value


def escape_all(value):
    """A copy of `value` (data as YAML reads it) with every string, at any depth, escaped by `text`."""
    if isinstance(value, str):
        return text(value)
    if isinstance(value, dict):
        return {key: escape_all(item) for key, item in value.items()}
    if isinstance(value, list):
        return [escape_all(item) for item in value]
    return value


