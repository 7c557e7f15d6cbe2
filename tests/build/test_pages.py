"""The built HTML of both editions: pages, metadata, shared data, and nothing loaded from elsewhere."""
from __future__ import annotations

import json
import re

import pytest
import yaml
from conftest import ROOT, nav_pages
from helpers.built import built_path, soup

from hooks.core import report_facts

EDITIONS = ["hosted_site", "offline_site"]

REPORT = report_facts.load(ROOT)     # extra.report in mkdocs.yml

REPORT_URL = REPORT["url"]


def front_matter(src: str) -> dict:
    text = (ROOT / "docs" / src).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1])


def is_external(url: str) -> bool:
    return bool(re.match(r"^(https?:)?//", url.strip(), re.I))


@pytest.fixture(params=EDITIONS)
def edition(request):
    return request.getfixturevalue(request.param), request.param == "offline_site"


def test_every_nav_entry_produces_a_page(edition):
    site, offline = edition
    missing = [src for src in nav_pages() if not built_path(site, src, offline).exists()]
    assert not missing, f"nav entries without a built page: {missing}"


def test_nothing_is_loaded_from_another_host(edition):
    """Tags that make the browser fetch something (scripts, styles, fonts, images, frames)."""
    site, _ = edition
    loads = []
    for page in site.rglob("*.html"):
        doc = soup(page)
        for tag in doc.find_all(["script", "img", "iframe", "source", "audio", "video", "embed", "object", "track"]):
            for attr in ("src", "srcset", "data"):
                if tag.get(attr) and is_external(tag[attr]):
                    loads.append(f"{page.relative_to(site)}: <{tag.name} {attr}={tag[attr]}>")
        for link in doc.find_all("link"):
            rel = set(link.get("rel") or [])
            if rel & {"stylesheet", "preload", "modulepreload", "preconnect", "dns-prefetch", "icon", "manifest", "prefetch"} \
                    and is_external(link.get("href", "")):
                loads.append(f"{page.relative_to(site)}: <link rel={sorted(rel)} href={link['href']}>")
        for style in doc.find_all(style=True):
            if re.search(r"url\(\s*['\"]?(https?:)?//", style["style"]):
                loads.append(f"{page.relative_to(site)}: inline style loads {style['style']}")
    for css in site.rglob("*.css"):
        for match in re.finditer(r"(?:url\(\s*['\"]?|@import\s+['\"])((?:https?:)?//[^'\")\s]+)", css.read_text(encoding="utf-8")):
            loads.append(f"{css.relative_to(site)}: {match.group(1)}")
    assert not loads, "the built site loads from other hosts:\n" + "\n".join(loads)


def test_no_cdn_hosts_in_html(edition):
    site, _ = edition
    hits = [str(p.relative_to(site)) for p in site.rglob("*.html")
            if re.search(r"unpkg\.com|jsdelivr|googleapis|gstatic|api\.github\.com", p.read_text(encoding="utf-8"))]
    assert not hits, f"CDN or API hosts named in: {hits}"


def test_each_page_has_its_metadata(edition):
    site, offline = edition
    for src in nav_pages():
        meta = front_matter(src)
        doc = soup(built_path(site, src, offline))
        description = doc.find("meta", attrs={"name": "description"})
        assert description and description["content"] == meta["description"], src
        assert doc.find("html")["lang"] == "en"
        assert doc.find("link", rel="canonical"), f"{src}: no canonical URL"
        assert doc.find("meta", property="og:title")["content"] == meta["title"], src
        assert doc.find("meta", attrs={"name": "twitter:card"}), src
        part = doc.select_one(".mdx-report-part")
        expected = "Site page:" if meta["report_part"] == "None (site page)" else meta["report_part"]
        assert part and expected in part.get_text(), f"{src}: 'Restates' line missing"
        data = json.loads(doc.find("script", type="application/ld+json").string)
        if meta["report_part"] == "None (site page)":
            assert data["@type"] == "WebPage" and "citation" not in data, f"{src}: site pages are WebPages citing nothing"
        else:
            assert data["@type"] == "Article" and data["citation"]["reportNumber"] == REPORT["id"], src


def test_every_page_links_the_report_and_offers_citation(edition):
    site, offline = edition
    for src in nav_pages():
        doc = soup(built_path(site, src, offline))
        article = doc.select_one("article")
        assert article.find("a", href=REPORT_URL), f"{src}: content never links the report"
        cite = article.find(id="cite-this-page")
        assert cite, f"{src}: no 'Cite this page' section"
        text = article.get_text()
        assert "@techreport{crs_in12355_2024" in text and "(APA)" in text and "(Chicago)" in text, src
        assert doc.select_one(".mdx-notice a[href='%s']" % REPORT_URL), f"{src}: no unofficial-restatement notice"


def test_published_pages_ship_svg_diagrams_and_no_mermaid(edition):
    """hooks/diagrams/prerender.py: every fence became an inline SVG with <title> and <desc>."""
    site, offline = edition
    diagram_pages = 0
    for src in nav_pages():
        doc = soup(built_path(site, src, offline))
        assert not doc.select("pre.mermaid"), f"{src}: a diagram was not pre-rendered"
        assert not [s for s in doc.find_all("script", src=True) if "mermaid" in s["src"]], f"{src} loads Mermaid"
        for host in doc.select("div.mdx-diagram"):
            template = host.find("template", attrs={"shadowrootmode": "open"})
            svg = template.find("svg")
            # (bs4's get_text skips strings inside <template>; .string does not)
            assert (svg.find("title").string or "").strip() and (svg.find("desc").string or "").strip(), src
            diagram_pages += 1
    assert diagram_pages >= 8, "the report pages, actors, timeline and since pages have diagrams"


def test_clientside_mermaid_is_sent_only_to_pages_with_diagrams(clientside_site):
    """`make serve`'s path: mermaid2 adds the vendored Mermaid only where a page has a diagram."""
    for src in nav_pages():
        doc = soup(built_path(clientside_site, src, False))
        diagrams = doc.select("pre.mermaid")
        scripts = [s["src"] for s in doc.find_all("script", src=True) if "mermaid" in s["src"]]
        if diagrams:
            assert len(scripts) == 1 and scripts[0].endswith("mermaid.tiny.js"), f"{src}: {scripts}"
        else:
            assert not scripts, f"{src} has no diagram but loads {scripts}"


def test_pages_without_diagrams_never_name_mermaid(clientside_site):
    """mermaid2 parses every page whose HTML holds the word "mermaid" with BeautifulSoup, a third
    of a build's time, and skips the others (overrides/mdx/after-paint.html avoids the word)."""
    named = [src for src in nav_pages() if "mermaid" in built_path(clientside_site, src, False).read_text(encoding="utf-8")
             and not soup(built_path(clientside_site, src, False)).select("pre.mermaid")]
    assert not named, f"pages without a diagram whose HTML holds 'mermaid': {named}"


def test_shared_data_is_rendered(hosted_site):
    from hooks.data import datafiles
    data = datafiles.load_all(ROOT)
    timeline = soup(built_path(hosted_site, "timeline.md", False)).select_one("article")
    assert timeline.find(id="up-to-the-report-to-may-6-2024") and timeline.find(id="after-the-report-may-7-2024-onward")
    rows = timeline.select("ol.mdx-timeline > li.mdx-event")
    assert len(rows) == len(data["timeline"]) + len(data["sanctions"]), "every timeline event and sanctions action is a timeline card"
    assert timeline.select("div.mdx-diagram"), "the meetings diagram is rendered from data"
    glossary = soup(built_path(hosted_site, "glossary.md", False)).select_one("article")
    assert len(glossary.select("dl dt")) == len(data["glossary"])
    actors = soup(built_path(hosted_site, "actors/profiles.md", False)).select_one("article")
    for actor in data["actors"]:
        assert actors.find(id=actor["id"]), f"actor {actor['id']} has no section"
    abbrs = soup(built_path(hosted_site, "report/summary.md", False)).select("article abbr")
    assert abbrs, "glossary abbreviations become tooltips on report pages"
    assert all(a.get("title") for a in abbrs), "every abbreviation carries its expansion as a title"


def test_theme_color_is_the_header_colour(hosted_site):
    """mkdocs.yml's extra.theme_color (a static <meta name="theme-color">) copies the header colour
    that extra.css sets for both schemes; this keeps the two from drifting apart."""
    css = (ROOT / "docs/assets/stylesheets/extra.css").read_text(encoding="utf-8")
    header_colours = set(re.findall(r"--md-primary-fg-color:\s*(#[0-9a-fA-F]+)", css))
    meta = soup(built_path(hosted_site, "index.md", False)).find("meta", attrs={"name": "theme-color"})
    assert header_colours and meta and header_colours == {meta["content"]}, (header_colours, meta)


def test_every_footnote_marker_carries_its_note_as_a_tooltip(hosted_site):
    """hooks/html/footnote_titles.py: the marker's title is its note's text (Material's JS tooltips are off)."""
    checked = 0
    for src in nav_pages():
        page = soup(built_path(hosted_site, src, False))
        for ref in page.select("a.footnote-ref"):
            note = page.find(id=ref["href"][1:])
            assert note is not None, f"{src}: {ref['href']} has no note"
            text = "".join(note.get_text().split())                  # compared without whitespace
            title = "".join(ref.get("title", "").rstrip("…").split())
            assert title and title[:60] in text, f"{src}: {ref['href']} title {ref.get('title')!r}"
            checked += 1
    assert checked > 100, f"only {checked} footnote markers found"


def test_sitemap_and_robots(hosted_site):
    assert (hosted_site / "sitemap.xml").exists()
    robots = (hosted_site / "robots.txt").read_text()
    assert "Sitemap: " in robots and robots.strip().endswith("sitemap.xml")


def test_offline_edition_has_search_index_script_and_local_shim(offline_site):
    assert (offline_site / "search" / "search_index.js").exists()
    doc = soup(offline_site / "index.html")
    shims = [s["src"] for s in doc.find_all("script", src=True) if "iframe-worker" in s["src"]]
    assert len(shims) == 1 and not is_external(shims[0]), shims
    assert (offline_site / shims[0]).exists(), "the shim the page loads is in the site"


def test_every_content_page_opens_with_in_brief(hosted_site):
    """Issue 23: every page but the home page (which opens with the report's key points) opens with an
    "In brief" box right under its title: at most 3 points and 60 words (hooks/checks/content_kinds.py
    keeps it from folding)."""
    problems = []
    for src in nav_pages():
        if src == "index.md":
            continue
        article = soup(built_path(hosted_site, src, False)).select_one("article")
        # the first element under the title that is the page's own (not its dates or the box legend line)
        first = article.find("h1").find_next_sibling(lambda tag: not (tag.name == "p" and tag.get("class")))
        title = first.select_one(".admonition-title") if first is not None else None
        if title is None or title.get_text(strip=True) != "In brief":
            problems.append(f"{src}: the first thing under the title is not an 'In brief' box")
            continue
        points = first.select("li")
        words = len(" ".join(li.get_text(" ") for li in points).split())
        if not 1 <= len(points) <= 3 or words > 60:
            problems.append(f"{src}: 'In brief' has {len(points)} points and {words} words (1-3 points, at most 60 words)")
    assert not problems, "\n".join(problems)
