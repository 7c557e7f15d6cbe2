"""Diagrams that fit a phone (issue 10, item 1): hooks/diagrams/prerender.py's choice of layouts,
the phone-variant fence in hooks/checks/diagram_rules.py, and the build's warning, at the diagram's
line, when a diagram stays too wide for a phone (a copy of the site with a phone variant removed).
Where the browser draws the diagrams (`make serve`, PRERENDER_DIAGRAMS=false), hooks/diagrams/phone_variants.py
wraps a diagram and its phone variant so one of them shows per width: unit tests, and a browser
test of the client-side build at 390 and 1280 px (tests/test_serve.py checks `mkdocs serve` itself).
The sizes on screen are measured in a browser by tests/test_layout.py.
"""
from __future__ import annotations

import re

import pytest
from conftest import ROOT, build, warnings_of
from helpers.built import built_path, page_url
from helpers.guard import guarded_context
from helpers.js import script
from helpers.project import copy_project
from helpers.server import Server

from hooks.checks import diagram_rules
from hooks.core.mermaid_text import is_phone_variant
from hooks.diagrams import phone_variants
from hooks.diagrams import prerender as pre
from hooks.diagrams.inventory import project_diagrams
from hooks.diagrams.mermaid import Rendered


def svg(width: float) -> Rendered:
    return Rendered(svg=f'<svg viewBox="0 0 {width} 300"><g/></svg>')


class FakeDriver:
    """Stands in for hooks/_mermaid.Mermaid: 'narrow' drawings are 400 px unless the text says 'huge'."""

    def __init__(self):
        self.calls = []

    def render(self, texts, overrides=None, id_prefix=""):
        self.calls.append((list(texts), overrides))
        return [svg(900 if "huge" in t else 400) for t in texts]


class Where:
    path, line = "docs/a.md", 7


def test_narrow_layout_only_for_diagrams_too_wide_for_a_phone():
    driver = FakeDriver()
    layouts, problems = pre.fit(["flowchart TB\nA", "flowchart LR\nB"], [svg(300), svg(600)], [Where, Where], driver)
    assert [layout[0] for layout in layouts] == ["wide", "both"]
    assert driver.calls == [(["flowchart LR\nB"], pre.NARROW)]
    assert problems == []


def test_phone_variant_is_drawn_narrow_and_not_shown_twice():
    driver = FakeDriver()
    texts = ["flowchart TB\nwide one", "%% phone\nflowchart TB\nphone one"]
    layouts, problems = pre.fit(texts, [svg(700), svg(420)], [Where, Where], driver)
    assert [layout[0] for layout in layouts] == ["both", "skip"]
    assert driver.calls[0][0] == ["%% phone\nflowchart TB\nphone one"]


def test_too_wide_for_a_laptop_shows_the_narrow_layout_everywhere():
    layouts, _ = pre.fit(["flowchart TB\nA"], [svg(1235)], [Where], FakeDriver())
    assert layouts[0][0] == "narrow"


def test_still_too_wide_is_a_problem_at_the_diagram_line():
    _, problems = pre.fit(["flowchart TB\nhuge"], [svg(1000)], [Where], FakeDriver())
    assert [str(p) for p in problems] == [
        "docs/a.md:7: diagram is 900 px wide even in its narrow layout, so its labels would be under 12 px on a "
        "phone (at most 470 px fits) (write a phone variant: a second ```mermaid fence right after it whose first "
        "line is '%% phone'; see 'Diagrams' in CONTRIBUTING.md)"]


def test_replace_fences_emits_both_layouts_with_their_classes():
    html = '<pre class="mermaid"><code>a</code></pre><pre class="mermaid"><code>b</code></pre>'
    out = pre.replace_fences(html, [("both", svg(600), svg(400)), ("skip",)])
    assert out.count('class="mermaid mdx-diagram mdx-diagram--wide"') == 1
    assert out.count('class="mermaid mdx-diagram mdx-diagram--narrow"') == 1
    assert "<pre" not in out


def test_css_shows_one_layout_per_width():
    css = (ROOT / "docs/assets/stylesheets/extra.css").read_text(encoding="utf-8")
    assert re.search(r"max-width: 44\.99em\) \{ \.md-typeset \.mdx-diagram--wide \{ display: none; \}", css)
    assert re.search(r"min-width: 45em\) \{ \.md-typeset \.mdx-diagram--narrow \{ display: none; \}", css)


PAGE = ("---\ntitle: A test page\ndescription: A description that is long enough to pass the fifty-character minimum.\n"
        "report_part: \"None (site page)\"\n---\n\n# A test page\n\n")
DIAGRAM = "```mermaid\nflowchart TB\n    accTitle: T\n    accDescr: D\n    A --> B\n```\n"
PHONE = "```mermaid\n%% phone\nflowchart TB\n    accTitle: T\n    accDescr: D\n    A --> B\n```\n"
TEXT = '??? abstract "Diagram as text"\n\n    - A to B.\n'


def test_diagram_rules_accept_a_phone_variant_before_the_text():
    problems = [str(p) for p in diagram_rules.check("docs/a.md", PAGE + DIAGRAM + "\n" + PHONE + "\n" + TEXT)]
    assert problems == []
    problems = [str(p) for p in diagram_rules.check("docs/a.md", PAGE + DIAGRAM + "\n" + PHONE + "\nText.\n")]
    assert any("no text equivalent after it" in p for p in problems), problems


def test_every_hook_reads_the_phone_marker_the_same_way():
    """`%%phone` without a space is a phone variant to the build, so the text-equivalent rule must agree."""
    tight = PHONE.replace("%% phone", "%%phone")
    assert is_phone_variant("%%phone\nflowchart TB") and not is_phone_variant("%% phoneX\nflowchart TB")
    assert [str(p) for p in diagram_rules.check("docs/a.md", PAGE + DIAGRAM + "\n" + tight + "\n" + TEXT)] == []


def test_strict_build_names_a_diagram_too_wide_for_a_phone(tmp_path):
    """Remove the actors page's phone variant: the build stops at the diagram's line."""
    project = copy_project(tmp_path / "project")
    page = project / "docs/actors.md"
    text = page.read_text(encoding="utf-8")
    variant = re.search(r"\n```mermaid\n%% phone\n.*?\n```\n", text, re.S)
    assert variant, "docs/actors.md has a phone variant to remove"
    page.write_text(text[:variant.start()] + text[variant.end():], encoding="utf-8")
    line = text[:text.index("```mermaid")].count("\n") + 1
    result = build("mkdocs.yml", project / "site", cwd=project)
    assert result.returncode != 0
    assert re.search(rf"docs/actors\.md:{line}: diagram is \d+ px wide even in its narrow layout", warnings_of(result)), warnings_of(result)


# --- Client-side drawing (`make serve`, PRERENDER_DIAGRAMS=false): hooks/diagrams/phone_variants.py ------

WIDE_PRE = '<pre class="mermaid"><code>flowchart LR\n    accTitle: T\n</code></pre>'
PHONE_PRE = '<pre class="mermaid"><code>%% phone\nflowchart TB\n    accTitle: T\n</code></pre>'
OTHER_PRE = '<pre class="mermaid"><code>sequenceDiagram\n    accTitle: U\n</code></pre>'


def test_client_side_pairs_a_diagram_with_its_phone_variant():
    out = phone_variants.wrap_phone_variants(f"<p>x</p>{OTHER_PRE}<p>y</p>{WIDE_PRE}\n{PHONE_PRE}<p>z</p>")
    assert out == (f'<p>x</p>{OTHER_PRE}<p>y</p><div class="mdx-diagram--wide">{WIDE_PRE}</div>\n'
                   f'<div class="mdx-diagram--narrow">{PHONE_PRE}</div><p>z</p>')
    # two diagrams in a row, the second with a variant: only the second pair is wrapped
    out = phone_variants.wrap_phone_variants(OTHER_PRE + WIDE_PRE + PHONE_PRE)
    assert out == OTHER_PRE + f'<div class="mdx-diagram--wide">{WIDE_PRE}</div><div class="mdx-diagram--narrow">{PHONE_PRE}</div>'


def test_client_side_leaves_diagrams_without_an_adjacent_variant_alone():
    for html in (WIDE_PRE + OTHER_PRE, WIDE_PRE + "<p>text</p>" + PHONE_PRE, PHONE_PRE, WIDE_PRE):
        assert phone_variants.wrap_phone_variants(html) == html


def test_client_side_wrapping_runs_exactly_where_prerendering_does_not():
    # hooks/pipeline.py wraps the variants (phone_variants.pair_variants) exactly where this is False
    assert not pre.prerendered("serve", True)        # make serve
    assert not pre.prerendered("build", False)       # PRERENDER_DIAGRAMS=false
    assert pre.prerendered("build", True)            # published builds draw both layouts


@pytest.mark.browser
@pytest.mark.parametrize("src", ["index.md", "actors.md"])
def test_client_side_shows_each_diagram_once_per_width(browser, clientside_site, src):
    """The `make serve` rendering (Mermaid in the browser): at 390 px only the phone variant is
    shown, at 1280 px only the wide diagram, and neither page shows a diagram twice."""
    built = built_path(clientside_site, src, False).read_text(encoding="utf-8")
    assert built.count('<div class="mdx-diagram--narrow"><pre') == 1, "the phone variant is wrapped"
    distinct = len([d for d in project_diagrams(ROOT) if d.path == f"docs/{src}" and not is_phone_variant(d.text)])
    server = Server(clientside_site)
    try:
        for width, height, shown_layout in ((390, 844, "narrow"), (1280, 800, "wide")):
            # the guard's shadow-root opener: Material's are closed, and the wait needs to look in
            context, page, _ = guarded_context(browser, server.url, viewport=(width, height))
            page.goto(page_url(server.url, clientside_site, src, False), wait_until="load")
            page.wait_for_function(script("diagrams_settled"), arg=distinct + 1, timeout=30_000, polling=100)
            shown = page.evaluate("""() => [...document.querySelectorAll("div.mermaid")]
                .filter(host => host.getBoundingClientRect().height > 0)
                .map(host => (host.closest(".mdx-diagram--wide, .mdx-diagram--narrow") || {className: ""}).className)""")
            context.close()
            assert len(shown) == distinct, f"{src} at {width} px shows {len(shown)} diagrams, its source has {distinct}"
            assert shown.count(f"mdx-diagram--{shown_layout}") == 1 and not any(
                c.startswith("mdx-diagram--") and c != f"mdx-diagram--{shown_layout}" for c in shown), \
                f"{src} at {width} px shows {shown}, expected the {shown_layout} layout of the paired diagram"
    finally:
        server.close()
