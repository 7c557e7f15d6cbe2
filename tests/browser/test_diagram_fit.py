"""The client-side drawing (`make serve`, PRERENDER_DIAGRAMS=false) shows each diagram once per width
(hooks/diagrams/phone_variants.py; the pre-rendered layouts: tests/unit/diagrams/test_prerender.py)."""
from __future__ import annotations

import pytest
from conftest import ROOT
from helpers.built import built_path, page_url
from helpers.guard import guarded_context
from helpers.js import script

from hooks.core.mermaid_text import is_phone_variant
from hooks.diagrams.inventory import project_diagrams


@pytest.mark.browser
@pytest.mark.parametrize("src", ["report/summary.md", "actors.md"])
def test_client_side_shows_each_diagram_once_per_width(browser, clientside_site, clientside_server, src):
    """The `make serve` rendering (Mermaid in the browser): at 390 px only the phone variant is
    shown, at 1280 px only the wide diagram, and neither page shows a diagram twice."""
    built = built_path(clientside_site, src, False).read_text(encoding="utf-8")
    assert built.count('<div class="mdx-diagram--narrow"><pre') == 1, "the phone variant is wrapped"
    distinct = len([d for d in project_diagrams(ROOT) if d.path == f"docs/{src}" and not is_phone_variant(d.text)])
    for width, height, shown_layout in ((390, 844, "narrow"), (1280, 800, "wide")):
        # the guard's shadow-root opener: Material's are closed, and the wait needs to look in
        context, page, _ = guarded_context(browser, clientside_server, viewport=(width, height))
        page.goto(page_url(clientside_server, clientside_site, src, False), wait_until="load")
        page.wait_for_function(script("diagrams_settled"), arg=distinct + 1, timeout=30_000, polling=100)
        shown = page.evaluate("""() => [...document.querySelectorAll("div.mermaid")]
            .filter(host => host.getBoundingClientRect().height > 0)
            .map(host => (host.closest(".mdx-diagram--wide, .mdx-diagram--narrow") || {className: ""}).className)""")
        context.close()
        assert len(shown) == distinct, f"{src} at {width} px shows {len(shown)} diagrams, its source has {distinct}"
        assert shown.count(f"mdx-diagram--{shown_layout}") == 1 and not any(
            c.startswith("mdx-diagram--") and c != f"mdx-diagram--{shown_layout}" for c in shown), \
            f"{src} at {width} px shows {shown}, expected the {shown_layout} layout of the paired diagram"
