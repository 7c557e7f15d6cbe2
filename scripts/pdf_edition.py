#!/usr/bin/env python3
"""The whole site as one PDF: python -m scripts.pdf_edition OUT.pdf [--site BUILT_OFFLINE_SITE].

How: without --site, build the offline edition (strict, diagrams pre-rendered to SVG) into a
temporary folder. Then assemble one print page from its built HTML: a cover, a table of contents,
and every nav page's article in nav order (ids prefixed per page so footnotes and links stay apart,
links between pages turned into links inside the document, links to other files into the hosted
site's addresses, "Diagram as text" boxes opened, and the "Cite this page" box, the same on every
page, left out: the Sources page says how to cite). Print it with the Chromium the build already
uses (Playwright, no network: every request that is not a local file is refused), light scheme,
tagged. Page numbers in the table of contents take two passes: print, read each page's named
destination with pypdf, print again with the numbers (the contents' length does not change, so
the numbers hold; a third pass is tried if they moved, then it gives up with an error).
Last, pypdf adds the metadata (title, author, subject, language) and a bookmark outline that
follows the nav, and pikepdf packs the objects into compressed object streams (see `pack`).
Styles: Material's and the site's CSS as built, plus scripts/pdf_edition.css.
"""
from __future__ import annotations

import argparse
import datetime
import html
import io
import os
import posixpath
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from hooks.core.dates import build_date, long_date
from hooks.diagrams import chromium

ROOT = Path(__file__).resolve().parent.parent
CSS = Path(__file__).with_suffix(".css")
PRINT_FILE = "_print.html"       # written into the built site so its relative CSS paths work
MAX_PASSES = 3
DIAGRAM_MAX_HEIGHT = "4.6in"     # of 9.5in of text height on a Letter page


# --- The nav -------------------------------------------------------------------------------

def nav_entries(config_file: Path) -> list[dict]:
    """The nav in order: {"title", "src", "section"} per page; section is the enclosing nav title or None."""
    from mkdocs.config import load_config
    config = load_config(str(config_file))
    entries = []

    def walk(items, section):
        for item in items:
            title, value = next(iter(item.items())) if isinstance(item, dict) else (None, item)
            if isinstance(value, list):
                walk(value, title)
            else:
                entries.append({"title": title or value, "src": value, "section": section})
    walk(config["nav"], None)
    return entries


def slug(src: str) -> str:
    return "p-" + src.removesuffix(".md").replace("/", "-")


def built_file(src: str) -> str:
    """foo/bar.md -> foo/bar.html (the offline edition's file names)."""
    return src.removesuffix(".md") + ".html"


# --- One page's article, rewritten for the one document ------------------------------------------

def rewrite_article(page_html: str, src: str, pages: dict[str, str], site_url: str) -> str:
    """The page's <article> content with ids prefixed, links resolved and details opened.

    `pages` maps built file names (report/summary.html) to their slugs."""
    doc = BeautifulSoup(page_html, "html.parser")
    article = doc.select_one("article.md-content__inner")
    if article is None:
        raise SystemExit(f"{built_file(src)}: no <article class='md-content__inner'> (is this a built MkDocs page?)")
    prefix = slug(src)
    for node in article.select(".md-content__button, a.headerlink, a.footnote-backref"):
        node.decompose()
    cite = article.find(id="cite-this-page")       # the same box on every page: the Sources page says it once
    if cite is not None:
        box = cite.find_next_sibling()
        if box is not None and box.name == "details":
            box.decompose()
        cite.decompose()
    for template in article.select("template[shadowrootmode]"):
        style = doc.new_tag("style")          # a tall diagram shrinks to share its page with text
        style.string = f"svg{{max-height:{DIAGRAM_MAX_HEIGHT}}}"
        template.insert(0, style)
    for details in article.find_all("details"):
        details["open"] = ""
    here = built_file(src)
    for node in article.find_all(True):
        if node.find_parent("template") is not None or node.name == "template":
            continue                   # ids inside a diagram's shadow root are private to it
        if node.has_attr("id"):
            node["id"] = f"{prefix}--{node['id']}"
        if node.name == "a" and node.has_attr("href"):
            node["href"] = resolve_link(node["href"], here, prefix, pages, site_url)
        for attr in ("src",):
            if node.has_attr(attr) and not urlsplit(node[attr]).scheme:
                node[attr] = posixpath.normpath(posixpath.join(posixpath.dirname(here), node[attr]))
    first = article.find("h1")
    if first is not None:
        first["id"] = prefix          # the page's start: the table of contents and outline point here
    return article.decode_contents()


def resolve_link(href: str, here: str, prefix: str, pages: dict[str, str], site_url: str) -> str:
    """A link as it should work inside the PDF."""
    parts = urlsplit(href)
    if parts.scheme or href.startswith("//"):
        return href
    if not parts.path:                                       # #anchor on the same page
        return f"#{prefix}--{parts.fragment}" if parts.fragment else f"#{prefix}"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(here), parts.path))
    if target in pages:
        return f"#{pages[target]}--{parts.fragment}" if parts.fragment else f"#{pages[target]}"
    return site_url.rstrip("/") + "/" + target                 # a download or other file: the hosted copy


# --- The print page ------------------------------------------------------------------------------

def toc_html(entries: list[dict], numbers: dict[str, int]) -> str:
    out, section = ['<nav class="mdx-print-toc" aria-labelledby="contents"><h1 id="contents">Contents</h1><ol>'], None
    for entry in entries:
        if entry["section"] != section:
            if section is not None:
                out.append("</ol></li>")
            if entry["section"] is not None:
                out.append(f'<li class="mdx-print-toc__section"><span>{html.escape(entry["section"])}</span><ol>')
            section = entry["section"]
        number = numbers.get(slug(entry["src"]), "")
        out.append(f'<li><a href="#{slug(entry["src"])}"><span class="mdx-print-toc__title">{html.escape(entry["title"])}</span>'
                   f'<span class="mdx-print-toc__page">{number}</span></a></li>')
    if section is not None:
        out.append("</ol></li>")
    out.append("</ol></nav>")
    return "".join(out)


def cover_html(meta: dict) -> str:
    e = {k: html.escape(str(v)) for k, v in meta.items()}
    return f"""<section class="mdx-print-cover">
<p class="mdx-print-cover__kicker">An unofficial plain-language restatement</p>
<p class="mdx-print-cover__title">{e['site_name']}</p>
<p class="mdx-print-cover__source">Restates CRS Insight {e['report_id']}, <cite>{e['report_title']}</cite>,
by the Congressional Research Service, {e['report_date']}. The report: <a href="{e['report_url']}">{e['report_url']}</a></p>
<p class="mdx-print-cover__notice"><strong>Unofficial restatement.</strong> This document is not the report and is not
affiliated with, endorsed by or produced by the Congressional Research Service, the Library of Congress or the U.S.
Congress. For the report's own words, read the report.</p>
<dl class="mdx-print-cover__facts">
<dt>Built</dt><dd>{e['build_date']}</dd>
<dt>Online</dt><dd><a href="{e['site_url']}">{e['site_url']}</a></dd>
<dt>Licence</dt><dd>Text CC BY 4.0; the CRS report is a U.S. government work in the public domain.</dd>
</dl>
</section>"""


def assemble(site: Path, entries: list[dict], meta: dict, numbers: dict[str, int]) -> str:
    """The print page's HTML: cover, contents, then every page's article in nav order."""
    pages = {built_file(e["src"]): slug(e["src"]) for e in entries}
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    styles = "\n".join(str(tag) for tag in home.select('link[rel="stylesheet"]'))
    body = [cover_html(meta), toc_html(entries, numbers)]
    for entry in entries:
        article = rewrite_article((site / built_file(entry["src"])).read_text(encoding="utf-8"),
                                  entry["src"], pages, meta["site_url"])
        kicker = f'<p class="mdx-print-section">{html.escape(entry["section"])}</p>' if entry["section"] else ""
        body.append(f'<article class="mdx-print-page md-typeset">{kicker}{article}</article>')
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(meta['site_name'])}</title>
{styles}
<style>{CSS.read_text(encoding="utf-8")}</style>
</head>
<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="custom" data-md-color-accent="custom">
{"".join(body)}
</body></html>
"""


# --- Printing ------------------------------------------------------------------------------------

def header_footer(meta: dict) -> tuple[str, str]:
    style = "font-family:Liberation Sans,Arial,sans-serif;font-size:8px;color:#444;width:100%;margin:0 0.7in;display:flex;justify-content:space-between"
    header = (f'<div style="{style}"><span>{html.escape(meta["site_name"])}</span>'
              f'<span>Unofficial restatement of CRS Insight {html.escape(meta["report_id"])}</span></div>')
    footer = (f'<div style="{style}"><span>Built {html.escape(meta["build_date"])}</span>'
              '<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>')
    return header, footer


def print_pdf(browser, print_file: Path, meta: dict, out: Path) -> None:
    context = browser.new_context(color_scheme="light")
    refused = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(("file:", "data:")):
            request_route.continue_()
        else:
            refused.append(url)
            request_route.abort()
    context.route("**/*", route)
    page = context.new_page()
    page.goto(print_file.as_uri(), wait_until="load")
    if refused:
        context.close()
        raise SystemExit(f"{PRINT_FILE}: the print page asked for files from another host: {sorted(set(refused))} "
                         "(the PDF must build without the network; vendor the file or drop it)")
    page.emulate_media(media="print", color_scheme="light")
    header, footer = header_footer(meta)
    page.pdf(path=str(out), format="Letter", print_background=True, tagged=True, outline=False,
             display_header_footer=True, header_template=header, footer_template=footer,
             margin={"top": "0.75in", "bottom": "0.75in", "left": "0.7in", "right": "0.7in"})
    context.close()


def start_pages(pdf: Path, entries: list[dict]) -> dict[str, int]:
    """{page slug: 1-based PDF page where it starts}, from the named destinations of the contents' links."""
    from pypdf import PdfReader
    reader = PdfReader(str(pdf))
    dests = reader.named_destinations
    numbers = {}
    for entry in entries:
        key = "/" + slug(entry["src"])
        if key not in dests:
            raise SystemExit(f"{pdf}: no destination for {entry['src']} (the contents should link it)")
        numbers[slug(entry["src"])] = reader.get_destination_page_number(dests[key]) + 1
    return numbers


def finish(pdf: Path, out: Path, entries: list[dict], numbers: dict[str, int], meta: dict) -> None:
    """Metadata and a bookmark outline that follows the nav (sections hold their pages)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject
    writer = PdfWriter(clone_from=PdfReader(str(pdf)))
    made = pdf_date(build_date_time())      # reproducible: the commit's time (SOURCE_DATE_EPOCH), not Chromium's clock
    writer.add_metadata({
        "/CreationDate": made,
        "/ModDate": made,
        "/Producer": "Chromium (Skia/PDF), pypdf, qpdf",
        "/Title": meta["site_name"],
        "/Author": meta["site_author"],
        "/Subject": f"An unofficial plain-language restatement of CRS Insight {meta['report_id']}, "
                    f"{meta['report_title']} ({meta['report_date']})",
        "/Keywords": "North Korea; Russia; CRS; IN12355; sanctions",
        "/Creator": "scripts/pdf_edition.py (headless Chromium)",
    })
    root = writer.root_object
    root[NameObject("/Lang")] = TextStringObject("en")
    root[NameObject("/PageMode")] = NameObject("/UseOutlines")
    parents: dict[str, object] = {}
    writer.add_outline_item(title="Contents", page_number=1)
    for entry in entries:
        parent = None
        if entry["section"]:
            if entry["section"] not in parents:
                parents[entry["section"]] = writer.add_outline_item(title=entry["section"], page_number=numbers[slug(entry["src"])] - 1)
            parent = parents[entry["section"]]
        writer.add_outline_item(title=entry["title"], page_number=numbers[slug(entry["src"])] - 1, parent=parent)
    finished = io.BytesIO()
    writer.write(finished)
    pack(finished.getvalue(), out)


def build_date_time() -> datetime.datetime:
    """SOURCE_DATE_EPOCH (the Makefile sets it from the commit), else now; UTC."""
    stamp = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.datetime.fromtimestamp(int(stamp), datetime.timezone.utc) if stamp else \
        datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)


def pdf_date(moment: datetime.datetime) -> str:
    """A PDF date string, D:YYYYMMDDHHmmSS+00'00'."""
    return moment.strftime("D:%Y%m%d%H%M%S+00'00'")


def pack(pdf: bytes, out: Path) -> None:
    """Chromium writes the tag structure and the link annotations (2,400 of them) as plain,
    uncompressed objects: about half the file. qpdf (through pikepdf) packs them into compressed
    object streams (PDF 1.5), 4.3 MB -> 2.3 MB; the pages, tags, outline and metadata are unchanged.
    The file ID is derived from the content, so the same input gives the same file."""
    import pikepdf
    partial = out.with_name(out.name + ".tmp")            # moved into place only when complete
    with pikepdf.open(io.BytesIO(pdf)) as document:
        if "/Metadata" in document.Root:                    # XMP would repeat Chromium's own dates
            del document.Root["/Metadata"]
        document.save(partial, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True,
                      deterministic_id=True)
    os.replace(partial, out)


def site_meta(config_file: Path) -> dict:
    from mkdocs.config import load_config
    config = load_config(str(config_file))
    report = config["extra"]["report"]
    return {"site_name": config["site_name"], "site_author": config["site_author"], "site_url": config["site_url"],
            "report_id": report["id"], "report_title": report["title"], "report_url": report["url"],
            "report_date": long_date(report["date"]), "build_date": long_date(build_date())}


def build_offline(target: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    env.pop("EDITIONS_DIR", None)          # the PDF's own pages must not wait for a PDF
    # Never --quiet: it hides warnings from --strict, which then passes a broken site
    # (tests/guardrails/test_pdf_gate.py breaks a link and expects this to fail).
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
                             str(ROOT / "mkdocs-offline.yml"), "--site-dir", str(target)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode:
        problems = "\n".join(line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR")))
        raise SystemExit(f"the strict build of the offline edition failed; fix these first:\n{problems}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--site", type=Path, help="an already built offline edition (default: build one)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    config_file = ROOT / "mkdocs-offline.yml"
    entries, meta = nav_entries(config_file), site_meta(config_file)
    with tempfile.TemporaryDirectory(prefix="pdf-edition-") as temp:
        site = args.site
        if site is None:
            site = Path(temp) / "site"
            build_offline(site)
        built = time.monotonic()
        work = Path(temp) / "copy"
        shutil.copytree(site, work)        # never write into the caller's site
        print_file, draft = work / PRINT_FILE, Path(temp) / "draft.pdf"
        with chromium.browser("to print the PDF") as browser:
            numbers: dict[str, int] = {}
            for _ in range(MAX_PASSES):
                print_file.write_text(assemble(work, entries, meta, numbers), encoding="utf-8")
                print_pdf(browser, print_file, meta, draft)
                found = start_pages(draft, entries)
                if found == numbers:
                    break
                numbers = found
            else:
                raise SystemExit(f"page numbers did not settle after {MAX_PASSES} passes: {numbers}")
        args.out.parent.mkdir(parents=True, exist_ok=True)
        finish(draft, args.out, entries, numbers, meta)
    from pypdf import PdfReader
    pages = len(PdfReader(str(args.out)).pages)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB, {pages} pages; "
          f"site build {built - started:.1f} s, printing {time.monotonic() - built:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
