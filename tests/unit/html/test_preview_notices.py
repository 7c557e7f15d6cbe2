"""hooks/html/preview_notices.py: `make serve` lists a page's problems on the page."""
from __future__ import annotations

from hooks.html import preview_notices


def test_notice_lists_the_pages_own_problems_in_line_order():
    messages = ["docs/a.md:9: second <b> (fix)", "docs/b.md:1: elsewhere (fix)", "docs/a.md:2: first (fix)",
                "data/timeline.yml:4: data (fix)", "docs/a.md:2: first (fix)", "A warning without a place"]
    assert preview_notices.page_problems(messages, "a.md") == [(2, "first (fix)"), (9, "second <b> (fix)")]
    box = preview_notices.notice([(2, "first (fix)"), (9, "second <b> (fix)")])
    assert box.startswith('<div class="admonition warning mdx-preview-problems"><p class="admonition-title">'
                          "Preview only: this page has 2 problems to fix before it can be published</p>")
    assert "<li>Line 9: second &lt;b&gt; (fix)</li>" in box
    assert preview_notices.notice([]) == ""
