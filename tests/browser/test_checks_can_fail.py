"""The browser checks themselves can fail: a copy of the offline edition broken in known ways,
and each check of tests/helpers/pages.py and search.py must report its fault."""
from __future__ import annotations

import re
import shutil

from conftest import nav_pages
from helpers.built import built_page, built_path, mermaid_file_name, page_url
from helpers.guard import guarded_context
from helpers.pages import check_page
from helpers.search import check_search

PAGES = nav_pages()

FAULT_WAIT = 2_000      # ms to wait for diagrams that will never render


def test_the_checks_catch_injected_faults(browser, offline_site, offline_clientside_site, tmp_path):
    """Break a copy of the offline edition in known ways; each check must report its fault."""
    site = tmp_path / "site"
    shutil.copytree(offline_clientside_site, site)
    base = site.as_uri() + "/"
    mermaid = mermaid_file_name()
    pages = {src: built_page(built_path(site, src, True)) for src in PAGES}
    with_diagrams = next(src for src, b in pages.items() if b.client_diagrams)
    without = next(src for src, b in pages.items() if not b.diagrams)

    # A diagram Mermaid cannot draw, an external image, a console error.
    path = built_path(site, with_diagrams, True)
    html = path.read_text(encoding="utf-8")
    html = re.sub(r'(<pre class="mermaid"><code>).*?(</code></pre>)', r"\1flowchart LR\n  A[[[\2", html, count=1, flags=re.S)
    html = html.replace("</body>", '<img src="https://example.com/pixel.png" alt="">'
                                   '<script>console.error("injected fault")</script></body>')
    path.write_text(html, encoding="utf-8")
    # Mermaid on a page without diagrams.
    path = built_path(site, without, True)
    depth = "../" * with_diagrams.count("/")
    script = next(s for s in pages[with_diagrams].mermaid_scripts if s.endswith(mermaid)).removeprefix(depth)
    prefix = "../" * without.count("/")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "</body>", f'<script src="{prefix}{script}"></script></body>'), encoding="utf-8")
    # A pre-rendered diagram without <title> and <desc>, next to its original.
    published = next(src for src in PAGES if built_page(built_path(offline_site, src, True)).prerendered)
    html = built_path(offline_site, published, True).read_text(encoding="utf-8")
    head, rest = html.split('<template shadowrootmode="open">', 1)
    rest = re.sub(r"<title[^>]*>.*?</title>|<desc[^>]*>.*?</desc>", "", rest, count=2, flags=re.S)
    untitled = built_path(site, published, True).with_name("untitled.html")
    untitled.write_text(head + '<template shadowrootmode="open">' + rest, encoding="utf-8")
    # Search without the iframe-worker shim cannot start from file://.
    for shim in site.glob("assets/vendor/iframe-worker*/shim.js"):
        shim.unlink()

    context, page, guard = guarded_context(browser, base, "light")
    try:
        broken = check_page(page, guard, page_url(base, site, with_diagrams, True), "light",
                            built_page(built_path(site, with_diagrams, True)), FAULT_WAIT)
        expected = {"leftover pre.mermaid": "still a pre.mermaid", "external image": "https://example.com/pixel.png",
                    "console error": "injected fault"}
        for fault, text in expected.items():
            assert any(text in p for p in broken), f"{fault} not reported; got {broken}"

        loads = check_page(page, guard, page_url(base, site, without, True), "light",
                           built_page(built_path(site, without, True)))
        assert any("yet has Mermaid script tags" in p for p in loads), loads
        assert any("yet requested" in p and mermaid in p for p in loads), loads

        dark = check_page(page, guard, page_url(base, site, without, True), "dark", built_page(built_path(site, without, True)))
        assert any("data-md-color-scheme is 'default', expected 'slate'" in p for p in dark), dark

        url = untitled.as_uri()
        built = built_page(untitled)
        untitled_problems = check_page(page, guard, url, "light", built, FAULT_WAIT)
        assert any("no <title>" in p for p in untitled_problems) and any("no <desc>" in p for p in untitled_problems), untitled_problems
        assert not [p for p in check_page(page, guard, url, "light", built, FAULT_WAIT) if "expected" in p]
        built.prerendered += 1
        assert any(f"expected {built.diagrams}" in p for p in check_page(page, guard, url, "light", built, FAULT_WAIT))

        no_shim = check_search(page, guard, base, site, True, "light", timeout_ms=3_000)
        assert any("did not list" in p for p in no_shim), no_shim
    finally:
        context.close()
