"""The editions a reader takes away, as `make build` publishes them: the hosted site holds the PDF,
the offline zip and the data; the About page gives each file's size, date and SHA-256; the zip
holds the same PDF and the data (opened in Chromium from file://: tests/browser/test_offline_zip.py);
the PDF has a cover, contents with page numbers, every page, an outline that follows the nav,
metadata, tags, embedded fonts and extractable text.

`make build` runs once per test run, into a temporary folder (conftest's `made`, `unzipped`)."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from conftest import ROOT, nav_pages
from helpers.built import built_path, soup
import pypdfium2
from pypdf import PdfReader

PDF, ZIP, FOLDER = "in12355-explainer.pdf", "in12355-explainer-offline.zip", "in12355-explainer"

PDF_PAGES = range(60, 320)          # 113 on November 30, 2026; 262 on December 5, 2026 (every footnote's passages printed, and the list of every source); far outside this range means pages were lost or repeated

PDF_MAX_BYTES = 5_000_000


@pytest.fixture(scope="module")
def pdf(made) -> PdfReader:
    path = made["site"] / "downloads" / PDF
    assert path.is_file(), "the hosted site has no downloads/" + PDF
    return PdfReader(str(path))


@pytest.fixture(scope="module")
def pdf_texts(made) -> list[str]:
    """Each page's text as a reader's PDF viewer extracts it, whitespace collapsed. Read with PDFium
    (Chromium's own PDF engine), in a second; pypdf takes twenty."""
    document = pypdfium2.PdfDocument(str(made["site"] / "downloads" / PDF))
    try:
        return [" ".join(page.get_textpage().get_text_range().split()) for page in document]
    finally:
        document.close()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def page_titles(site: Path, offline: bool) -> dict[str, str]:
    """{src: the page's <h1> text} from a built edition."""
    return {src: soup(built_path(site, src, offline)).select_one("article h1").get_text(" ", strip=True).rstrip("¶").strip()
            for src in nav_pages()}


def test_hosted_site_publishes_the_pdf_zip_and_data(made):
    site = made["site"]
    for name in (PDF, ZIP):
        assert (site / "downloads" / name).read_bytes() == (made["dist"] / name).read_bytes()
    assert sorted(p.name for p in (site / "downloads" / "data").glob("timeline.*")) == [
        "timeline.csv", "timeline.json", "timeline.schema.json"]


def test_about_page_gives_size_date_and_sha256_of_each(made):
    site = made["site"]
    about = soup(built_path(site, "about.md", False))
    section = about.select_one("#downloads").find_next("ul")
    text = section.get_text(" ", strip=True)
    for name in (PDF, ZIP):
        path = site / "downloads" / name
        link = section.find("a", href=f"../downloads/{name}")
        assert link is not None, f"the About page does not link downloads/{name}"
        item = link.find_parent("li").get_text(" ", strip=True)
        assert sha256(path) in item, f"About: the SHA-256 given for {name} is not the file's"
        size = path.stat().st_size
        shown = f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{round(size / 1000)} KB"
        assert f"{shown}, built " in item, f"About: {name} should be listed as {shown}; it says {item!r}"
        assert re.search(r"built [A-Z][a-z]+ \d{1,2}, \d{4}\.", item)
    assert "Data" in text


def test_zip_holds_readme_pdf_and_data(made, unzipped):
    readme = (unzipped / "README.txt").read_text(encoding="utf-8")
    assert "index.html" in readme and "Unzip" in readme
    assert sha256(unzipped / "downloads" / PDF) == sha256(made["site"] / "downloads" / PDF), "the zip's PDF differs"
    for name in ("timeline", "actors", "glossary"):
        for suffix in ("json", "csv", "schema.json"):
            assert (unzipped / "downloads" / "data" / f"{name}.{suffix}").is_file()
    about = soup(built_path(unzipped, "about.md", True))
    hrefs = {a["href"] for a in about.select("article a[href]")}
    assert f"downloads/{PDF}" in hrefs, "the offline edition's About page does not link its PDF"
    assert "data.html" in hrefs, "the offline edition's About page does not link its data"
    assert not list(unzipped.rglob(ZIP)), "the offline zip must not contain a zip"


def test_pdf_size_and_page_count(made, pdf):
    data = (made["site"] / "downloads" / PDF).read_bytes()
    assert len(data) <= PDF_MAX_BYTES
    assert b"/ObjStm" in data, "the PDF's objects are not packed into object streams (scripts/pdf_edition.py pack)"
    assert len(pdf.pages) in PDF_PAGES, f"{len(pdf.pages)} pages"


def test_pdf_has_cover_contents_and_every_page_with_extractable_text(made, pdf_texts):
    texts = pdf_texts
    cover = texts[0]
    for words in ("North Korea-Russia Relations: an explainer", "IN12355", "Unofficial restatement", "Built"):
        assert words in cover, f"the cover lacks {words!r}"
    assert "Contents" in texts[1]
    everything = " ".join(texts)
    for src, title in page_titles(made["offline"], True).items():
        assert " ".join(title.split()) in everything, f"the PDF lacks the title of {src}: {title!r}"
    assert sum(len(t.split()) for t in texts) > 20_000, "too little extractable text"
    assert all(re.search(rf"Page {i} of {len(texts)}", t) for i, t in enumerate(texts, 1)), "a page lacks its page number"
    assert "Diagram as text" in everything and "<https://" in everything, "diagram text or footnote URLs missing"


def test_pdf_outline_follows_the_nav_and_matches_the_contents(pdf, pdf_texts):
    from mkdocs.config import load_config
    nav = load_config(str(ROOT / "mkdocs.yml"))["nav"]
    outline = pdf.outline
    top = [item for item in outline if not isinstance(item, list)]
    assert [item.title for item in top] == ["Contents"] + [next(iter(i)) if isinstance(i, dict) else i for i in nav]
    sections = {next(iter(i)): [next(iter(c)) for c in i[next(iter(i))]] for i in nav
                if isinstance(i, dict) and isinstance(next(iter(i.values())), list)}
    contents = pdf_texts[1]
    leaves = []
    for index, item in enumerate(outline):
        if isinstance(item, list):
            continue
        children = outline[index + 1] if index + 1 < len(outline) and isinstance(outline[index + 1], list) else None
        if children is not None:
            assert [c.title for c in children] == sections[item.title], f"outline section {item.title!r} differs from the nav"
            leaves += children
        elif item.title != "Contents":
            leaves.append(item)
    assert len(leaves) == len(nav_pages())
    for leaf in leaves:
        number = pdf.get_destination_page_number(leaf) + 1
        assert f"{leaf.title} {number}" in contents, f"the contents do not give page {number} for {leaf.title!r}"


def test_pdf_metadata_tags_and_fonts(pdf):
    meta = pdf.metadata
    assert meta.title == "North Korea-Russia Relations: an explainer"
    assert meta.author and "IN12355" in (meta.subject or "")
    root = pdf.trailer["/Root"]
    assert root.get("/Lang") == "en"
    assert "/StructTreeRoot" in root and root["/MarkInfo"].get("/Marked"), "the PDF is not tagged"
    unembedded = set()
    for page in pdf.pages:
        for font in (page["/Resources"].get_object().get("/Font") or {}).values():
            font = font.get_object()
            if font.get("/Subtype") == "/Type3":
                continue                 # its glyphs are drawings inside the PDF itself
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described.get("/FontDescriptor")
            if descriptor is None or not any(k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                unembedded.add(str(font.get("/BaseFont")))
    assert not unembedded, f"fonts not embedded: {unembedded}"
