"""Page dates: say under every page title how current the page is, and where the legend is.

Reads front matter `covers_through` and `last_reviewed` (checked by hooks/checks/front_matter.py and
hooks/checks/page_currency.py) and puts two short lines right after the page's `<h1>`:
    Covers events through March 16, 2026 · Last reviewed November 30, 2026
    Boxes mark what the report says, background, and later events: How to read this site
The second links the three-box legend on the home page (LEGEND, a fixed heading id in
docs/index.md). Both lines are left out of the search index (`data-search-exclude`).
Also gives templates an `iso_date` filter for front matter dates ("2026-03-16"), used by
overrides/main.html for JSON-LD.
"""
from __future__ import annotations

import html

from hooks.core.dates import as_date, long_date
from hooks.html.search_tuning import EXCLUDE  # with a value, so Material strips it after indexing

LEGEND_PAGE, LEGEND = "index.md", "how-to-read-this-site"


# --- Steps (hooks/pipeline.py) -------------------------------------------------------------

def add_date_filter(env) -> None:
    """`iso_date` for templates: a front matter date as "2026-03-16" (overrides/main.html's JSON-LD)."""
    env.filters["iso_date"] = lambda value: as_date(value).isoformat() if as_date(value) else ""


def add_dates(html_text: str, page, files) -> str:
    """The page's dates and the legend's link, under its title."""
    legend = files.get_file_from_path(LEGEND_PAGE)
    href = (legend.url_relative_to(page.file) if legend else "") + "#" + LEGEND
    return insert_after_title(html_text, dates_line(page.meta) + legend_note(href))


# --- Helpers -------------------------------------------------------------------------------

def dates_line(meta: dict) -> str:
    """The "Covers events through ... · Last reviewed ..." paragraph; empty if a date is missing."""
    covers, reviewed = as_date(meta.get("covers_through")), as_date(meta.get("last_reviewed"))
    if not (covers and reviewed):
        return ""   # hooks/checks/front_matter.py reports it
    return (f'<p class="mdx-page-dates" {EXCLUDE}>'
            f'Covers events through <time datetime="{covers.isoformat()}">{long_date(covers)}</time>'
            ' <span aria-hidden="true">·</span> '
            f'Last reviewed <time datetime="{reviewed.isoformat()}">{long_date(reviewed)}</time></p>')


def legend_note(href: str) -> str:
    return (f'<p class="mdx-legend-note" {EXCLUDE}>Boxes mark what the report says, background, '
            f'and later events: <a href="{html.escape(href)}">How to read this site</a></p>')


def insert_after_title(html_text: str, addition: str) -> str:
    """Put `addition` right after the first </h1>, or first if the page has no <h1>."""
    index = html_text.find("</h1>")
    if index < 0:
        return addition + html_text
    index += len("</h1>")
    return html_text[:index] + addition + html_text[index:]
