"""Every table of the built site leaves the build wrapped and classed as Material's script would
(hooks/html/table_wrappers.py; the hook's output: tests/unit/html/test_table_wrappers.py; in Chromium:
tests/browser/test_tables.py)."""
from __future__ import annotations

import re

from conftest import nav_pages
from helpers.tabs import url_path

from hooks.html.table_wrappers import CLASS, OPEN

PAGES = nav_pages()

_TABLE_TAG = re.compile(r"<table\b[^>]*>")


def test_every_built_table_is_wrapped_and_classed(hosted_site):
    problems, tables = [], 0
    for src in PAGES:
        html = (hosted_site / url_path(src) / "index.html").read_text(encoding="utf-8")
        article = html[html.index('<article'):html.index('</article>')]
        for match in _TABLE_TAG.finditer(article):
            tables += 1
            if f'class="{CLASS}"' not in match.group(0):
                problems.append(f"docs/{src}: {match.group(0)} has no class {CLASS!r}: Material's script will move it after the first paint")
            elif not article[:match.start()].endswith(OPEN):
                problems.append(f"docs/{src}: {match.group(0)} is not inside Material's two table wrappers")
    assert tables >= 5, f"only {tables} tables found in the built pages"
    assert not problems, "\n".join(problems)
