"""Limits on inputs: sizes, and no YAML anchors or aliases.

A hostile or mistaken input must fail fast with `path:line:`, not run the build or the fast check
out of time or memory:
- size: a page, a data file or a snippet larger than its limit is reported and not processed
  further (the build renders a stub in its place; the fast check leaves it out of the linters);
- YAML anchors (`&name`) and aliases (`*name`) are rejected in data files and front matter before
  anything is built from them: a 585-byte "alias bomb" expands to gigabytes when a schema check or
  a line map walks it. The scan reads the parser's events only, so a bomb costs what its bytes cost.
  Nothing here needs them: write each value out.
"""
from __future__ import annotations

import yaml

# Bytes. The largest page is about 55 KB and the largest data file about 60 KB (2026): room to grow
# several times over, far below what makes Markdown lint or the build slow.
MAX_BYTES = {"page": 250_000, "data": 500_000, "snippet": 100_000}
SPLIT_FIX = {
    "page": "split it into several pages, or move tables into data/ files",
    "data": "split the file, or move old entries out",
    "snippet": "split the snippet into several files",
}

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def too_large(kind: str, size: int) -> tuple[str, str] | None:
    """(message, fix) if `size` bytes is over the limit for `kind` ("page", "data", "snippet"), else None."""
    limit = MAX_BYTES[kind]
    if size <= limit:
        return None
    return (f"{'data file' if kind == 'data' else kind} is {size:,} bytes, over the {limit:,}-byte limit",
            f"{SPLIT_FIX[kind]}; the limit is MAX_BYTES in hooks/core/limits.py")


def anchors_and_aliases(text: str) -> list[tuple[int, str]]:
    """(1-based line, message) for each anchor or alias in the YAML `text`, from its parse events
    (nothing is composed or constructed). A syntax error ends the scan: the caller's parse reports it."""
    by_line: dict[int, list[str]] = {}
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                by_line.setdefault(event.start_mark.line + 1, []).append(f"alias *{event.anchor}")
            elif getattr(event, "anchor", None):
                by_line.setdefault(event.start_mark.line + 1, []).append(f"anchor &{event.anchor}")
            if len(by_line) > MAX_REPORTED:
                break
    except yaml.YAMLError:
        pass
    return [(line, f"YAML {', '.join(dict.fromkeys(names))} {'is' if len(set(names)) == 1 else 'are'} not allowed")
            for line, names in list(by_line.items())[:MAX_REPORTED]]


MAX_REPORTED = 10     # lines with anchors or aliases reported per file: the first ones say what to fix


ALIAS_FIX = "write the value out in full: anchors and aliases can expand a small file into gigabytes"
