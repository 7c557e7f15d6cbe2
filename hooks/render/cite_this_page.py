"""Cite this page: append a "Cite this page" block to every page, built from page metadata.

The block shows how to cite the original CRS report (APA and Chicago), how to cite the page
itself (APA and Chicago: its authors, title, canonical URL and front matter `last_reviewed` as
its date), and a BibTeX entry for the report. Report details come from `extra.report` in
mkdocs.yml, so they are written once.

Why the page's date and no access date: a reader's access date cannot be known at build time,
and neither style needs one here. APA 7 gives a web page's own date and adds a retrieval date
only for pages designed to change whose versions are not kept; Chicago (17th ed., 14.233) gives
the date a page was published or last revised and falls back to an access date only when there
is none. `last_reviewed` dates the version a reader saw, and the What's new page and its feed
record every change.
"""
from __future__ import annotations

import datetime

from hooks.core.dates import apa_date, as_date, long_date

# --- Steps (hooks/pipeline.py) -------------------------------------------------------------

def append_block(markdown: str, page, config) -> str:
    """The page's Markdown with its "Cite this page" block at the end."""
    site_url = config.site_url or ""
    url = site_url + page.url if site_url else page.url
    reviewed = as_date(page.meta.get("last_reviewed"))
    authors = config.site_author or config.site_name
    return markdown.rstrip("\n") + "\n\n" + render(config.extra["report"], page.title, config.site_name, url, reviewed, authors)


# --- Helpers -------------------------------------------------------------------------------

def cite_page(page_title: str, site_name: str, page_url: str, reviewed: datetime.date | None, authors: str) -> tuple[str, str]:
    """APA 7 and Chicago (notes-bibliography) references to one page, dated by its last review."""
    if reviewed is None:   # hooks/checks/front_matter.py reports the missing date; cite without one
        return (f"{authors}. (n.d.). *{page_title}*. {site_name}. {page_url}",
                f"{authors}. \"{page_title}.\" {site_name}. {page_url}.")
    apa = f"{authors}. ({apa_date(reviewed)}). *{page_title}*. {site_name}. {page_url}"
    chicago = f"{authors}. \"{page_title}.\" {site_name}. Last reviewed {long_date(reviewed)}. {page_url}."
    return apa, chicago


def render(report: dict, page_title: str, site_name: str, page_url: str,
           reviewed: datetime.date | None = None, authors: str = "") -> str:
    date = datetime.date.fromisoformat(report["date"])
    apa = (f"Congressional Research Service. ({apa_date(date)}). "
           f"*{report['title']}* (CRS Insight No. {report['id']}). {report['url']}")
    chicago = (f"Congressional Research Service. *{report['title']}*. CRS Insight {report['id']}. "
               f"Washington, DC: Congressional Research Service, {long_date(date)}. {report['url']}.")
    page_apa, page_chicago = cite_page(page_title, site_name, page_url, reviewed, authors or site_name)
    bibtex = "\n".join([
        f"    @techreport{{crs_{report['id'].lower()}_{date.year},",
        "      author      = {{Congressional Research Service}},",
        f"      title       = {{{report['title']}}},",
        "      institution = {Congressional Research Service},",
        "      type        = {CRS Insight},",
        f"      number      = {{{report['id']}}},",
        f"      year        = {{{date.year}}},",
        f"      month       = {{{date.strftime('%b').lower()}}},",
        f"      url         = {{{report['url']}}}",
        "    }",
    ])
    return "\n".join([
        "## Cite this page", "",
        '??? quote "How to cite the report and this page"', "",
        "    **The report (APA):** " + apa, "",
        "    **The report (Chicago):** " + chicago, "",
        "    **This page (APA):** " + page_apa, "",
        "    **This page (Chicago):** " + page_chicago, "",
        "    The page's date is when it was last reviewed, so it names the version you read; neither style then asks for "
        "an access date. Please cite the report itself for its findings; this site restates it and adds dated context.", "",
        "    **BibTeX for the report:**", "",
        "    ```bibtex",
        bibtex,
        "    ```", "",
    ])
