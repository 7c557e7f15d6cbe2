"""Preview notices: in `make serve`, show each page's problems on the page itself.

`make serve` previews work in progress: it runs MkDocs with STRICT=false (mkdocs.yml reads
`strict: !ENV [STRICT, true]`), so a warning no longer stops the server. The warnings still
print in the terminal, and this hook also puts a box at the top of the affected page listing
its problems, line by line, so an unfinished page says what is left to fix. Only in `mkdocs
serve` with strict off; `make build`, `make test` and CI stay strict and never show the box.
Warnings found after the pages are rendered (anchors between pages) show in the terminal only.
"""
from __future__ import annotations

import html
import logging
import re

_LOCATED = re.compile(r"^docs/(?P<src>[^:\s]+\.md):(?P<line>\d+): (?P<text>.+)$")


# --- Steps (hooks/pipeline.py) -------------------------------------------------------------

def start(build) -> None:
    """In `mkdocs serve` with strict off, collect this build's warnings for the pages' notices."""
    build.preview = build.command == "serve" and not build.config.strict
    logger = logging.getLogger("mkdocs")
    for old in [h for h in logger.handlers if type(h).__name__ == "_Collect"]:
        logger.removeHandler(old)    # the previous build's (each `make serve` rebuild starts afresh)
    if build.preview:
        logger.addHandler(_Collect(build.preview_messages))


def add_notice(build, html_text: str, src_uri: str) -> str:
    """The page's problems in a box at its top (only in a `make serve` preview)."""
    if not build.preview:
        return html_text
    return notice(page_problems(build.preview_messages, src_uri)) + html_text


# --- Helpers -------------------------------------------------------------------------------

class _Collect(logging.Handler):
    def __init__(self, messages: list[str]):
        super().__init__(logging.WARNING)
        self.messages = messages

    def emit(self, record):
        self.messages.extend(record.getMessage().splitlines())


def page_problems(messages: list[str], src_uri: str) -> list[tuple[int, str]]:
    """(line, problem) for each warning about docs/<src_uri>, in line order, without repeats."""
    found = []
    for message in messages:
        match = _LOCATED.match(message)
        if match and match["src"] == src_uri:
            found.append((int(match["line"]), match["text"]))
    return sorted(dict.fromkeys(found))


def notice(problems: list[tuple[int, str]]) -> str:
    """An admonition listing the page's problems, or "" when there are none."""
    if not problems:
        return ""
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    items = "".join(f"<li>Line {line}: {html.escape(text, quote=False)}</li>" for line, text in problems)
    return ('<div class="admonition warning mdx-preview-problems">'
            f'<p class="admonition-title">Preview only: this page has {count} to fix before it can be published</p>'
            f"<ul>{items}</ul></div>\n")
