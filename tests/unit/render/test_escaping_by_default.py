"""Issue 26: renderers escape by default; a field shows as text whichever field it is (hooks/core/escape.py,
hooks/render/md.py, hooks/render/markers.escaped)."""
from __future__ import annotations

import copy

import markdown
import pytest
from conftest import ROOT

from hooks.core.escape import escape_all, raw, text
from hooks.data import datafiles
from hooks.html import output_gate
from hooks.render import markers, md

HOSTILE = ['<script>alert(1)</script>', '[x](javascript:alert(1))', '![i](https://other.example/a.png)',
           '{: onclick="alert(1)" }', '" onmouseover="alert(1)', '&#106;avascript:alert(1)', '`code`', '# heading', '1. item',
           '| cell |', '--8<-- "README.md"', '<img src=x onerror=alert(1)>']


@pytest.mark.parametrize("value", HOSTILE)
def test_text_is_inert_markdown_and_html_and_idempotent(value):
    escaped = text(value)
    assert text(escaped) == escaped and text(str(escaped)) == escaped and raw(escaped) == value
    html = markdown.markdown(f"Before {escaped} after.", extensions=["attr_list", "tables", "md_in_html"])
    assert output_gate.scan(html, set(), set(), None) == []
    assert "<script" not in html and "<img" not in html and "href" not in html and "onclick" not in html.replace("onclick=&quot;", "")


def test_urls_keep_only_safe_schemes():
    assert md.url("javascript:alert(1)") == "#" and md.url("&#106;avascript:x") == "#" and md.url("data:text/html,x") == "#"
    assert md.url("https://a.org/x_(y)?a=1&b=2") == "https://a.org/x_%28y%29?a=1&amp;b=2"
    assert md.link("<b>", "since.md#diplomacy") == "[&lt;b&gt;](since.md#diplomacy)"
    assert md.with_page_links("See [the page](since.md#x) and [bad](javascript:x) <b>.") == \
        "See [the page](since.md#x) and &#91;bad&#93;(javascript:x) &lt;b&gt;."


def hostile_data():
    """The real data with a hostile value in every string field of every entry, and in a field no
    renderer knows yet: whatever a renderer shows, it shows as text."""
    data = copy.deepcopy(datafiles.load_all(ROOT))

    def poison(value, key=""):
        if isinstance(value, dict):
            return {k: poison(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [poison(v, key) for v in value]
        if isinstance(value, str) and key not in ("id", "date", "kind", "group", "actor", "measure", "thread", "since",
                                                  "as_of", "pages", "see", "maps", "source", "url", "since_source",
                                                  "coordinates_source", "abbr", "term", "names", "status",
                                                  "report_section", "events", "assessed", "next_check", "read", "language", "title_is"):
            return value + " <img src=x onerror=alert(1)> [x](javascript:alert(1)) <script>alert(2)</script>"
        return value
    return {name: poison(entries) for name, entries in data.items()}


def test_every_marker_renders_hostile_data_as_text():
    from hooks.core import report_facts
    from hooks.core.build import Build
    build = Build(root=ROOT, facts=report_facts.load(ROOT), data=hostile_data())
    build.titles = {"since.md": "Since <b>the</b> report"}
    page = "\n\n".join(f"<!-- render: {name} -->" for name in markers.REGISTRY if not name.startswith(("map-", "editions", "data-files")))
    out, problems = markers.render(build, "docs/a.md", "a.md", page)
    assert not problems
    html = markdown.markdown(out, extensions=["attr_list", "tables", "def_list", "admonition", "md_in_html", "pymdownx.details",
                                              "pymdownx.superfences"])
    findings = output_gate.scan(html, set(), set(), None)
    assert findings == [], [f.message for f in findings]
    assert "<script>alert" not in html and "<img src=x" not in html


def test_escape_all_reaches_every_depth():
    data = {"a": [{"b": "<x>", "c": [1, "[y](z)"]}]}
    assert escape_all(data) == {"a": [{"b": "&lt;x&gt;", "c": [1, "&#91;y&#93;(z)"]}]}
