"""hooks/diagrams/prerender.py: which layouts a diagram gets (a narrow one only where it is too wide
for a phone, a contributor's phone variant drawn narrow), and how they replace the fences."""
from __future__ import annotations

import re

from conftest import ROOT

from hooks.diagrams import prerender as pre
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
