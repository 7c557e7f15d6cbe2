"""Diagram rules: every Mermaid fence is accessible, plain text and inert.

Checks each ```mermaid fence in the raw page source:
- not empty;
- has `accTitle:` and `accDescr` (Mermaid turns them into the SVG's <title> and <desc>);
- contains no HTML: mermaid2's fence passes diagram text into the page unescaped, so
  `<img onerror=...>` in a label would run in readers' browsers;
- has no `click` callbacks or `href` links, does not touch `securityLevel` and has no
  `%%{init}%%` directive (the theme colours diagrams);
- is followed by a "Diagram as text" block, the text equivalent for screen readers and search
  (a phone variant, a second fence whose first line is `%% phone`, may come in between; see
  hooks/diagrams/prerender.py).
Whether Mermaid can parse and draw the diagram is checked with the vendored Mermaid in headless
Chromium (hooks/diagrams/mermaid.py), by the fast check (`make check`) and when the build pre-renders it.
"""
from __future__ import annotations

import re

from hooks.core.build import Build
from hooks.core.markdown import scan
from hooks.core.mermaid_text import is_phone_variant
from hooks.core.problems import Problem

_HTML = re.compile(r"<[a-zA-Z/!]")
_CLICK = re.compile(r"^\s*click\s", re.I)
_HREF = re.compile(r"\bhref\b", re.I)
_INIT = re.compile(r"%%\s*\{\s*init", re.I)
_TEXT_EQUIVALENT = re.compile(r'^\s*(\?\?\?\+?|!!!)\s+[\w-]+\s+"Diagram as text"\s*$')


# --- Helpers -------------------------------------------------------------------------------

def check(path: str, source: str, build: Build | None = None) -> list[Problem]:
    """Problems in the page's Mermaid fences, at the line of the fence or of the offending text."""
    result = scan(source)
    problems = []
    for fence in (f for f in result.fences if f.lang == "mermaid"):
        text = [(n, line) for n, line in fence.body if line.strip()]
        if not text:
            problems.append(Problem(path, fence.start, "empty Mermaid diagram", "write the diagram or delete the fence"))
            continue
        if not any(line.strip().startswith("accTitle:") for _, line in text):
            problems.append(Problem(path, fence.start, "Mermaid diagram has no accTitle",
                                    "add a line 'accTitle: <short title>' after the diagram type"))
        if not any(re.match(r"\s*accDescr\s*[:{]", line) for _, line in text):
            problems.append(Problem(path, fence.start, "Mermaid diagram has no accDescr",
                                    "add a line 'accDescr: <one-sentence description>' after accTitle"))
        for number, line in text:
            if _HTML.search(line):
                problems.append(Problem(path, number, "HTML inside a Mermaid diagram",
                                        "use plain text labels; write 'to' or 'gives' instead of < and >"))
            if _CLICK.match(line) or _HREF.search(line):
                problems.append(Problem(path, number, "click callback or link inside a Mermaid diagram",
                                        "remove it; put links in the text next to the diagram"))
            if "securitylevel" in line.lower():
                problems.append(Problem(path, number, "Mermaid diagram changes securityLevel",
                                        "remove the setting; diagrams always render with securityLevel strict"))
            elif _INIT.search(line):
                problems.append(Problem(path, number, "Mermaid %%{init}%% directive in a diagram",
                                        "remove it; the theme sets the diagram's colours and fonts"))
        following = [line for line in result.lines[fence.end:fence.end + 4] if line.strip()]
        if any(f.start > fence.end and f.lang == "mermaid" and is_phone_variant(_first(f))
               and not any(line.strip() for line in result.lines[fence.end:f.start - 1]) for f in result.fences):
            continue     # its phone variant follows, and the text equivalent comes after that
        if not following or not _TEXT_EQUIVALENT.match(following[0]):
            problems.append(Problem(path, fence.end, "Mermaid diagram has no text equivalent after it",
                                    "add '??? abstract \"Diagram as text\"' with a list of what the diagram shows"))
    return problems


def _first(fence) -> str:
    return next((" ".join(line.split()) for _, line in fence.body if line.strip()), "")
