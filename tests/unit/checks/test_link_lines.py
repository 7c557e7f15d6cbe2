"""hooks/checks/link_lines.py: MkDocs' own link and nav warnings get a file and a line."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

from hooks.checks import link_lines


@pytest.fixture
def site_root(tmp_path) -> Path:
    (tmp_path / "docs/report").mkdir(parents=True)
    (tmp_path / "docs/report/a.md").write_text("# A\n\nSee [x](../gone.md) and\n[y](/about/) or [z](#nope).\n\n[^f]: F, [T](https://t.org).\n")
    (tmp_path / "mkdocs.yml").write_text("nav:\n  - Home: index.md\n  - Map: map.md\n")
    return tmp_path


@pytest.mark.parametrize("message, expected", [
    ("Doc file 'report/a.md' contains a link '../gone.md', but the target 'gone.md' is not found among documentation files.",
     "docs/report/a.md:3: link '../gone.md': the target 'gone.md' is not found among documentation files (link an existing"),
    ("Doc file 'report/a.md' contains an absolute link '/about/', it was left as is. Did you mean '../about.md'?",
     "docs/report/a.md:4: absolute link '/about/': MkDocs leaves it unchecked"),
    ("Doc file 'report/a.md' contains a link '#nope', but there is no such anchor on this page.",
     "docs/report/a.md:4: link '#nope': there is no such anchor on this page (use an anchor that exists"),
    ("Doc file 'report/a.md' contains a link '#fnref:f', but there is no such anchor on this page. This seems to be a footnote that is never referenced.",
     "docs/report/a.md:6: link '#fnref:f'"),
    ("A reference to 'map.md' is included in the 'nav' configuration, which is not found in the documentation files.",
     "mkdocs.yml:3: nav entry 'map.md' names a file that is not in docs/"),
    ('The following pages exist in the docs directory, but are not included in the "nav" configuration:\n  - x.md\n  - y/z.md',
     "docs/x.md:1: page is not in the nav (add it under nav: in mkdocs.yml)\ndocs/y/z.md:1: page is not in the nav"),
    ("Something else entirely.", "Something else entirely."),
])
def test_link_lines_rewrite(site_root, message, expected):
    out = link_lines.rewrite(message, site_root, site_root / "docs", site_root / "mkdocs.yml")
    assert out.startswith(expected), out


def test_link_lines_filter_keeps_the_warning(site_root):
    record = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, "", 0,
                               "Doc file 'report/a.md' contains a link '../gone.md', but the target 'gone.md' is not found among documentation files.", (), None)
    added = link_lines._AddLines(site_root, site_root / "docs", site_root / "mkdocs.yml")
    assert added.filter(record) is True and record.levelno == logging.WARNING
    assert record.getMessage().startswith("docs/report/a.md:3: ")
