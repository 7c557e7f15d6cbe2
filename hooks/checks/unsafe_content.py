"""Unsafe content: Markdown may not carry raw HTML, scripts or script URLs.

The hosted site must not run anything a contribution smuggles in. Python-Markdown passes raw
HTML through untouched, so this hook rejects, outside code fences: any raw HTML tag (with a
specific message for <script>, <iframe>, <style>, <object>, <embed>), `on...=` event
attributes, and `javascript:`, `vbscript:` and `data:` URLs. HTML comments are allowed (the
`<!-- render: ... -->` markers of hooks/render/markers.py are comments). Mermaid fences are
checked by hooks/checks/diagram_rules.py.
"""
from __future__ import annotations

import re

from hooks.core.build import Build
from hooks.core.markdown import scan
from hooks.core.problems import Problem

_DANGEROUS_TAG = re.compile(r"<\s*/?\s*(script|iframe|style|object|embed|frame|base|form|meta|link)\b", re.I)
_ANY_TAG = re.compile(r"</?([a-zA-Z][\w-]*)(?=[\s/>])")
_EVENT_ATTRIBUTE = re.compile(r"\bon[a-z]+\s*=", re.I)
_SCRIPT_ANYWHERE = re.compile(r"\b(?P<scheme>javascript|vbscript)\s*:", re.I)
_URL_IN_LINK = re.compile(r"(?:\]\(\s*<?|\]:\s*<?|<|(?:src|href)\s*=\s*[\"']?\s*)(?P<scheme>javascript|vbscript|data)\s*:", re.I)
_COMMENT = re.compile(r"<!--.*?-->")
_INLINE_CODE = re.compile(r"`[^`]*`")


# --- Helpers -------------------------------------------------------------------------------

def check(path: str, source: str, build: Build | None = None) -> list[Problem]:
    """One problem per unsafe construct found outside code fences."""
    problems = []
    for number, raw in scan(source).prose:
        text = _INLINE_CODE.sub("", _COMMENT.sub("", raw))
        dangerous = _DANGEROUS_TAG.search(text)
        if dangerous:
            problems.append(Problem(path, number, f"raw <{dangerous.group(1).lower()}> tag is not allowed",
                                    "remove it; pages may not embed scripts, frames or styles"))
        else:
            tag = _ANY_TAG.search(text)
            if tag:
                problems.append(Problem(path, number, f"raw HTML tag <{tag.group(1)}> is not allowed",
                                        "write Markdown instead; the theme and hooks produce all HTML"))
        if _EVENT_ATTRIBUTE.search(text) and ("<" in text or "{" in text):   # a tag or an attr_list
            problems.append(Problem(path, number, "event-handler attribute (on...=) is not allowed",
                                    "remove the attribute; pages may not run scripts"))
        url = _URL_IN_LINK.search(text) or _SCRIPT_ANYWHERE.search(text)
        if url:
            scheme = url["scheme"].lower()
            problems.append(Problem(path, number, f"{scheme}: URL is not allowed",
                                    "link to an https:// address instead"))
    return problems
