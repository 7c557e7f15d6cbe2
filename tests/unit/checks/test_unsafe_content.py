"""hooks/checks/unsafe_content.py: raw HTML, handlers and unsafe URLs."""
from __future__ import annotations

import pytest
from helpers.sample import messages

from hooks.checks import unsafe_content


@pytest.mark.parametrize("line, expected", [
    ("<script>alert(1)</script>", "raw <script> tag is not allowed"),
    ('<iframe src="https://example.org"></iframe>', "raw <iframe> tag is not allowed"),
    ("<style>p{}</style>", "raw <style> tag is not allowed"),
    ("<div>x</div>", "raw HTML tag <div> is not allowed"),
    ('<a href="#" onclick="x()">a</a>', "event-handler attribute (on...=) is not allowed"),
    ('Text\n{: onmouseover="x()" }', "event-handler attribute (on...=) is not allowed"),
    ("[a](javascript:alert(1))", "javascript: URL is not allowed"),
    ("[a](data:text/html,hi)", "data: URL is not allowed"),
    ("![a](data:image/png;base64,AAAA)", "data: URL is not allowed"),
    ("[a](vbscript:x)", "vbscript: URL is not allowed"),
])
def test_unsafe_content_found(line, expected):
    assert any(expected in m for m in messages(unsafe_content.check("docs/a.md", line + "\n"))), expected


@pytest.mark.parametrize("text", [
    "<!-- render: glossary -->", "Use `<script>` in code.", "```html\n<script>x</script>\n```",
    "A range of 1 < 2 > 0.", "Online = not a handler.", "[data](https://example.org/data:1)",
])
def test_unsafe_content_allows(text):
    assert unsafe_content.check("docs/a.md", text + "\n") == []
