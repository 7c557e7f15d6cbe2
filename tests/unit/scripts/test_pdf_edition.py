"""Unit tests of scripts/pdf_edition.py's pure parts: links and ids inside the one document, the
contents, packing, and the clear errors for a page that is not a built MkDocs page (printing
in Chromium: tests/browser/test_pdf_print.py; a broken site: tests/guardrails/test_pdf_gate.py)."""
from __future__ import annotations

import pytest

from scripts import pdf_edition as pdf

PAGES = {"index.html": "p-index", "report/summary.html": "p-report-summary", "timeline.html": "p-timeline"}

SITE = "https://x.org/site/"


@pytest.mark.parametrize("href, expected", [
    ("#fn:crs", "#p-report-summary--fn:crs"),
    ("../timeline.html#after", "#p-timeline--after"),
    ("../index.html", "#p-index"),
    ("../downloads/data/timeline.csv", "https://x.org/site/downloads/data/timeline.csv"),
    ("https://example.org/a", "https://example.org/a"),
])
def test_links_point_inside_the_document_or_at_the_hosted_site(href, expected):
    assert pdf.resolve_link(href, "report/summary.html", "p-report-summary", PAGES, SITE) == expected


def test_article_ids_are_prefixed_details_opened_and_site_furniture_dropped():
    page = """<html><body><article class="md-content__inner md-typeset">
    <a class="md-content__button" href="x">edit</a>
    <h1 id="summary">Summary<a class="headerlink" href="#summary">¶</a></h1>
    <p>Text<sup id="fnref:crs"><a class="footnote-ref" href="#fn:crs">1</a></sup></p>
    <div class="mermaid mdx-diagram"><template shadowrootmode="open"><svg id="mdx-diagram-0"></svg></template></div>
    <details class="abstract"><summary>Diagram as text</summary><p>Same.</p></details>
    <h2 id="cite-this-page">Cite this page</h2><details class="quote"><summary>How to cite</summary><p>APA</p></details>
    <div class="footnote"><ol><li id="fn:crs"><p>CRS. <a class="footnote-backref" href="#fnref:crs">↩</a></p></li></ol></div>
    </article></body></html>"""
    out = pdf.rewrite_article(page, "report/summary.md", PAGES, SITE)
    assert '<h1 id="p-report-summary">Summary</h1>' in out
    assert 'id="p-report-summary--fnref:crs"' in out and 'href="#p-report-summary--fn:crs"' in out
    assert 'id="mdx-diagram-0"' in out, "ids inside a diagram's shadow root stay as they are"
    assert "svg{max-height:" in out
    assert '<details class="abstract" open="">' in out
    assert "edit" not in out and "¶" not in out and "↩" not in out and "Cite this page" not in out and "APA" not in out


def test_contents_list_sections_with_their_pages_and_numbers():
    entries = [{"title": "Home", "src": "index.md", "section": None},
               {"title": "Summary", "src": "report/summary.md", "section": "The report, restated"}]
    toc = pdf.toc_html(entries, {"p-index": 3, "p-report-summary": 9})
    assert '<a href="#p-index"><span class="mdx-print-toc__title">Home</span><span class="mdx-print-toc__page">3</span>' in toc
    assert '<li class="mdx-print-toc__section"><span>The report, restated</span><ol>' in toc and ">9</span>" in toc


def test_a_page_that_is_not_a_built_page_is_named():
    with pytest.raises(SystemExit, match=r"report/summary.html: no <article class='md-content__inner'>"):
        pdf.rewrite_article("<html><body><p>Draft</p></body></html>", "report/summary.md", PAGES, SITE)


def test_packing_keeps_outline_and_metadata_and_shrinks_plain_objects(tmp_path):
    """`pack` moves plain objects (Chromium's tags and link annotations) into compressed object
    streams; what readers and assistive tools use stays, and the same input gives the same file."""
    import io

    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Link
    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(612, 792)
    for number in range(3):            # many small plain objects, like Chromium's link annotations
        for i in range(300):
            writer.add_annotation(number, Link(rect=(i, i, i + 9, i + 9), target_page_index=0))
    writer.add_metadata({"/Title": "T", "/Author": "A"})
    writer.add_outline_item(title="Contents", page_number=1)
    plain = io.BytesIO()
    writer.write(plain)
    pdf.pack(plain.getvalue(), tmp_path / "a.pdf")
    pdf.pack(plain.getvalue(), tmp_path / "b.pdf")
    packed = (tmp_path / "a.pdf").read_bytes()
    assert packed == (tmp_path / "b.pdf").read_bytes(), "packing is not reproducible"
    assert b"/ObjStm" in packed and len(packed) < len(plain.getvalue()) / 2, (len(plain.getvalue()), len(packed))
    reader = PdfReader(tmp_path / "a.pdf")
    assert reader.metadata.title == "T" and [o.title for o in reader.outline] == ["Contents"]
    assert len(reader.pages) == 3 and len(reader.pages[2]["/Annots"]) == 300


def test_the_build_date_is_source_date_epoch_or_today(monkeypatch):
    """hooks.downloads.build_date without a file: the PDF's "Built" date."""
    import datetime

    from hooks.core.dates import build_date
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    assert build_date() == datetime.date(2025, 12, 1)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert build_date() == datetime.datetime.now(datetime.timezone.utc).date()
