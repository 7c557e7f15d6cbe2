"""Accessibility, 2: diagram colours, measured on the rendered SVG inside each diagram's open shadow
root of the hosted edition, in both colour schemes: text keeps 4.5:1 against what is painted behind
it, lines, arrowheads and node borders 3:1 against the background they sit on (WCAG 1.4.3, 1.4.11).
axe cannot judge these (it reports them as "incomplete": text inside foreignObject over SVG shapes).
The measuring script is tests/js/diagram_colours.js.
"""
from __future__ import annotations

import pytest
from conftest import nav_pages
from helpers.colour import GRAPHIC_MIN, TEXT_MIN, contrast, flatten, hex_of
from helpers.js import with_colour_lib
from helpers.pages import SCHEMES
from helpers.tabs import open_tab

pytestmark = pytest.mark.browser

PAGES = nav_pages()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_diagram_text_and_lines_keep_their_contrast(tabs, scheme):
    problems, measured = [], 0
    for src in PAGES:
        page = open_tab(tabs, scheme, 1280, src)
        for diagram in page.evaluate(with_colour_lib("diagram_colours")):
            where = f"{src} diagram {diagram['index'] + 1} ({diagram['title'][:50]!r}), {scheme}"
            problems += [f"{where}: {p}" for p in diagram["problems"]]
            page_bg = flatten(diagram["page"])
            for item in diagram["texts"]:
                measured += 1
                bg = flatten([layer["colour"] for layer in item["layers"]], page_bg)
                ratio = contrast(item["fg"], bg)
                if ratio < TEXT_MIN:
                    behind = " over ".join(layer["what"] for layer in reversed(item["layers"])) or "the page"
                    problems.append(f"{where}: text {item['what']} {hex_of(item['fg'])} on {hex_of(bg)} "
                                    f"({behind}): {ratio:.2f}:1 < {TEXT_MIN}:1")
            for item in diagram["lines"]:
                measured += 1
                bg = flatten([layer["colour"] for layer in item["layers"]], page_bg)
                ratio = contrast(item["fg"], bg)
                if ratio < GRAPHIC_MIN:
                    problems.append(f"{where}: {item['kind']} {item['what']} {hex_of(item['fg'])} on {hex_of(bg)}: "
                                    f"{ratio:.2f}:1 < {GRAPHIC_MIN}:1")
    assert measured, "no diagram text or line was measured: are the diagrams still pre-rendered into open shadow roots?"
    assert not problems, f"{len(problems)} diagram contrast problems:\n" + "\n".join(problems)
