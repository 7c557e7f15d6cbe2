"""scripts/bench.py's draw probe, in Chromium: only diagrams shown at the width count."""
from __future__ import annotations

from scripts import bench

# The probe on a page after Mermaid ran: a host for each fence, the hidden layout in a hidden wrapper
# (clientside) or hidden itself (pre-rendered). extra.css hides the narrow layout at 1280 px.
STYLE = "<style>.mdx-diagram--narrow { display: none; } .mermaid { width: 300px; height: 120px; }</style>"

CLIENTSIDE = STYLE + ('<div class="mdx-diagram--wide"><div class="mermaid"></div></div>'
                      '<div class="mdx-diagram--narrow"><div class="mermaid"></div></div><div class="mermaid"></div>')

PRERENDERED = STYLE + ('<div class="mermaid mdx-diagram mdx-diagram--wide"></div>'
                       '<div class="mermaid mdx-diagram mdx-diagram--narrow"></div><div class="mermaid mdx-diagram"></div>')


def _drawn(browser, html: str, expected: int) -> bool:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.set_content(html)
        page.evaluate(f"({bench.DRAW_PROBE})({expected})")
        try:
            page.wait_for_function("window.__drawnAt", timeout=1_000, polling=50)
            return True
        except Exception:
            return False
    finally:
        page.close()


def test_the_draw_probe_counts_only_shown_diagrams(browser):
    """The hidden layout has no layout box (getClientRects) and counts zero; both kinds of page are
    drawn once the two diagrams shown are, and a shown diagram of no size is not drawn."""
    for html in (CLIENTSIDE, PRERENDERED):
        assert _drawn(browser, html, 2), html
        assert not _drawn(browser, html, 3), html                  # only two are shown
    assert not _drawn(browser, CLIENTSIDE.replace('<div class="mermaid"></div>', '<div class="mermaid" style="height: 0"></div>', 1), 2)
