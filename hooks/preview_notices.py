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
_STATE: dict = {"command": None, "active": False, "messages": []}


# --- Hooks ---------------------------------------------------------------------------------

def on_startup(command, dirty):
    _STATE["command"] = command


def on_config(config):
    _STATE["active"] = _STATE["command"] == "serve" and not config.strict
    logger = logging.getLogger("mkdocs")
    if _STATE["active"] and _HANDLER not in logger.handlers:
        logger.addHandler(_HANDLER)
    return config


def on_pre_build(config):
    _STATE["messages"].clear()   # each rebuild in `mkdocs serve` starts afresh


def on_page_content(html_text, page, config, files):
    if not _STATE["active"]:
        return html_text
    return notice(page_problems(_STATE["messages"], page.file.src_uri)) + html_text


# --- Helpers -------------------------------------------------------------------------------

class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)

    def emit(self, record):
        _STATE["messages"].extend(record.getMessage().splitlines())


_HANDLER = _Collect()


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
