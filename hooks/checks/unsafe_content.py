"""Unsafe content: Markdown may not carry raw HTML, scripts, script URLs or other hosts' images.

The hosted site must not run anything a contribution smuggles in, nor make a reader's browser
call another host. Python-Markdown passes raw HTML through untouched, so this check rejects,
outside code: any raw HTML tag, `on...=` event attributes, `javascript:`, `vbscript:` and `data:`
URLs (matched after decoding HTML entities and dropping control characters, as a browser reads
them: `&#106;avascript:` and `jav&#x09;ascript:` are caught), images from another host, and bidi
control characters. The rules are hooks/core/unsafe_text.py's, the same for front matter, data
files and snippets. HTML comments are allowed (the `<!-- render: ... -->` markers of
hooks/render/markers.py are comments). Mermaid fences are checked by hooks/checks/diagram_rules.py;
bidi controls are rejected in fences too.
Images by reference (`![alt][logo]` with `[logo]: https://...`) are checked at the image's line.
"""
from __future__ import annotations

import re

from hooks.core import unsafe_text
from hooks.core.build import Build
from hooks.core.markdown import scan
from hooks.core.problems import Problem

_COMMENT = re.compile(r"<!--.*?-->")
_INLINE_CODE = re.compile(r"`[^`]*`")
_REFERENCE = re.compile(r"^\s{0,3}\[(?P<label>[^\]^][^\]]*)\]:\s*<?(?P<url>\S+?)>?(?:\s|$)")
_IMAGE_REFERENCE = re.compile(r"!\[(?P<alt>[^\]]*)\](?:\[(?P<label>[^\]]*)\])?")
_REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", re.I)


def check(path: str, source: str, build: Build | None = None) -> list[Problem]:
    """One problem per unsafe construct found outside code, at its line."""
    result = scan(source)
    problems = []
    references = {}
    for number, raw in result.prose:
        match = _REFERENCE.match(unsafe_text.decoded(raw) if "&" in raw else raw)
        if match:
            references[match["label"].strip().lower()] = match["url"]
    for number, raw in result.prose:
        text = _INLINE_CODE.sub("", _COMMENT.sub("", raw))
        for message, fix in unsafe_text.problems(text):
            problems.append(Problem(path, number, message, fix))
        for image in _IMAGE_REFERENCE.finditer(text):
            rest = text[image.end():image.end() + 1]
            if rest in ("(", ":"):
                continue                          # inline image (checked above) or a definition
            label = (image["label"] or image["alt"]).strip().lower()
            url = references.get(label)
            if url and _REMOTE.match(unsafe_text.decoded(url)):
                problems.append(Problem(path, number, f"image from another host ({url[:60]}) is not allowed",
                                        unsafe_text.IMAGE_FIX))
    # Bidi controls in code fences too (Trojan Source hides code); front matter is front_matter.py's.
    for number, line in ((n, t) for fence in result.fences for n, t in fence.body):
        bidi = unsafe_text.bidi_problems(line)
        if bidi:
            problems.append(Problem(path, number, f"bidi control character {', '.join(dict.fromkeys(bidi))} is not allowed",
                                    unsafe_text.BIDI_FIX))
    return problems
