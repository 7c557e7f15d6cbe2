"""The Markdown scanner: a page's raw source split into front matter, prose and fences, with lines.

Checks read the raw source (`page.file.content_string`), not the Markdown MkDocs passes on,
so every problem can name the line a contributor sees in their editor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*\{?\.?(?P<lang>[\w-]*)")


@dataclass
class Fence:
    lang: str
    start: int                     # 1-based line number of the opening fence
    end: int                       # 1-based line number of the closing fence (or last line)
    indent: str
    body: list[tuple[int, str]] = field(default_factory=list)   # (line number, text) inside


@dataclass
class Scan:
    front_matter: list[tuple[int, str]]   # lines between the --- markers, numbered
    prose: list[tuple[int, str]]          # lines outside front matter and code fences
    fences: list[Fence]
    lines: list[str]


def scan(source: str) -> Scan:
    """Split raw page source into front matter, prose lines and fenced blocks, keeping line numbers."""
    lines = source.splitlines()
    front, prose, fences = [], [], []
    i = 0
    if lines and lines[0].strip() == "---":
        for j in range(1, len(lines)):
            if lines[j].strip() in ("---", "..."):
                front = [(k + 1, lines[k]) for k in range(1, j)]
                i = j + 1
                break
    current: Fence | None = None
    closing = ""
    for n in range(i, len(lines)):
        text, number = lines[n], n + 1
        if current is None:
            match = _FENCE_OPEN.match(text)
            if match:
                current = Fence(match["lang"].lower(), number, number, match["indent"])
                closing = match["fence"]
                continue
            prose.append((number, text))
        elif text.strip().startswith(closing) and text.strip().strip(closing[0]) == "":
            current.end = number
            fences.append(current)
            current = None
        else:
            current.body.append((number, text))
    if current is not None:
        current.end = len(lines)
        fences.append(current)
    return Scan(front, prose, fences, lines)


def key_lines(result: Scan) -> dict[str, int]:
    """The line of each top-level front matter key: {"title": 2, "covers_through": 5, ...}."""
    return {line.split(":", 1)[0].strip(): number for number, line in result.front_matter
            if ":" in line and not line.startswith((" ", "\t"))}


_ADMONITION = re.compile(
    r'^(?P<indent>[ \t]*)(?P<marker>!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*$'
)
_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])[ \t]+")


@dataclass
class Admonition:
    kind: str
    title: str | None
    line: int
    paragraphs: list[tuple[int, str]]   # (first line number, joined text) of each paragraph or list item


def admonitions(result: Scan) -> list[Admonition]:
    """Find `!!! kind "title"` and `??? kind "title"` blocks and split their bodies into paragraphs."""
    found = []
    prose = result.prose
    for index, (number, text) in enumerate(prose):
        match = _ADMONITION.match(text)
        if not match:
            continue
        indent = len(match["indent"].expandtabs(4))
        paragraphs: list[tuple[int, str]] = []
        start, chunk, previous = 0, [], number
        for body_number, body in prose[index + 1:]:
            stripped = body.strip()
            if stripped and len(body) - len(body.lstrip()) <= indent:
                break
            new_item = bool(_ITEM.match(stripped))
            if not stripped or body_number != previous + 1 or new_item:
                if chunk:
                    paragraphs.append((start, " ".join(chunk)))
                chunk = []
            if stripped:
                if not chunk:
                    start = body_number
                chunk.append(stripped)
            previous = body_number
        if chunk:
            paragraphs.append((start, " ".join(chunk)))
        found.append(Admonition(match["kind"], match["title"], number, paragraphs))
    return found
