"""hooks/checks/citations.py: footnotes, sources and cited boxes."""
from __future__ import annotations

import pytest
from helpers.sample import CRS, messages, page

from hooks.checks import citations


def test_citations_valid():
    assert citations.check("docs/a.md", page(f'!!! report "R"\n\n    Fact.[^crs]\n\n{CRS}')) == []


@pytest.mark.parametrize("body, expected", [
    (f"Fact.[^crs][^x]\n\n{CRS}", "docs/a.md:9: footnote [^x] is referenced but never defined"),
    (f"Fact.[^crs]\n\n{CRS}\n[^y]: Y, [T](https://y.org), 2024.", "docs/a.md:12: footnote [^y] is defined but never referenced"),
    (f"Fact.[^crs]\n\n{CRS}\n{CRS}", "docs/a.md:12: footnote [^crs] is defined twice (first on line 11)"),
    (f'!!! context "Background: x (2024)"\n\n    Uncited fact.\n\nFact.[^crs]\n\n{CRS}', "docs/a.md:11: statement in a 'context' box cites no source"),
    ("Fact.[^z]\n\n[^z]: Z, [T](http://z.org), 2024. https://www.everycrsreport.com/reports/IN12355.html", "docs/a.md:11: footnote [^z] links a non-https source: http://z.org"),
    ("Fact.[^z]\n\n[^z]: Just a name, 2024. https://www.everycrsreport.com/reports/IN12355.html", "docs/a.md:11: footnote [^z] names no linked source"),
    ("No report link here.", "docs/a.md:1: page never links the original CRS report"),
])
def test_citation_problems(body, expected):
    found = messages(citations.check("docs/a.md", page(body)))
    assert any(line.startswith(expected) for line in found), found


def test_a_render_marker_in_a_box_needs_no_footnote_but_prose_does():
    page = ('---\ntitle: T\n---\n\n!!! after "After the report: May 2024"\n\n    <!-- render: sanctions-after -->\n\n'
            '    Uncited prose.\n\n[^crs]: CRS, [R](https://www.everycrsreport.com/reports/IN12355.html).\n\nText.[^crs]\n')
    found = [str(p) for p in citations.check("docs/a.md", page)]
    assert found == ["docs/a.md:9: statement in a 'after' box cites no source (end the paragraph or list item with a footnote such as [^crs])"]
