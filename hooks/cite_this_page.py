"""Cite this page: append a "Cite this page" block to every page, built from page metadata.

The block shows how to cite the original CRS report (APA and Chicago), how to cite the page
itself (its title and canonical URL), and a BibTeX entry for the report. Report details come
from `extra.report` in mkdocs.yml, so they are written once.
"""
from __future__ import annotations

import datetime

# --- Hooks ---------------------------------------------------------------------------------


def on_page_markdown(markdown, page, config, files):
    site_url = config.site_url or ""
    url = site_url + page.url if site_url else page.url
    return markdown.rstrip("\n") + "\n\n" + render(config.extra["report"], page.title, config.site_name, url)


# --- Helpers -------------------------------------------------------------------------------

def render(report: dict, page_title: str, site_name: str, page_url: str) -> str:
    date = datetime.date.fromisoformat(report["date"])
    long_date = f"{date.strftime('%B')} {date.day}, {date.year}"
    apa = (f"Congressional Research Service. ({date.year}, {date.strftime('%B')} {date.day}). "
           f"*{report['title']}* (CRS Insight No. {report['id']}). {report['url']}")
    chicago = (f"Congressional Research Service. *{report['title']}*. CRS Insight {report['id']}. "
               f"Washington, DC: Congressional Research Service, {long_date}. {report['url']}.")
    page = f"{site_name}. \"{page_title}.\" Unofficial restatement of CRS Insight {report['id']}. {page_url} (accessed *date*)."
    bibtex = "\n".join([
        f"    @techreport{{crs_{report['id'].lower()}_{date.year},",
        "      author      = {{Congressional Research Service}},",
        f"      title       = {{{report['title']}}},",
        "      institution = {Congressional Research Service},",
        f"      type        = {{CRS Insight}},",
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
        "    **This page:** " + page, "",
        "    Please cite the report itself for its findings; this site restates it and adds dated context.", "",
        "    **BibTeX for the report:**", "",
        "    ```bibtex",
        bibtex,
        "    ```", "",
    ])
