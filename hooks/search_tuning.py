"""Search tuning: what Material's search indexes from each page, so the right page ranks first.

Material builds its index from each page's HTML when its search plugin's on_page_context runs,
which is after every on_page_content, so this hook changes what the index sees:
- Boilerplate stays out: the footnote list and the "Cite this page" section get
  `data-search-exclude` (Material drops the attribute from the published HTML). Otherwise every
  page matched every source's name, and "Cite this page" came up as the best section.
- Each page that owns a topic (a data/glossary.yml entry whose `see` names it) gets the entry's
  term, abbreviation and `aliases` as one hidden paragraph at the end of its first section
  (before the first `##`): `<p hidden>`, so it is not shown or read aloud, but it is indexed and
  its words count for the page as a whole. "ammunition" then finds the page about munitions.
  The glossary page shows the same aliases to readers as "Also called" (hooks/shared_data.py).
Name variants ("Kim Jong Un", "Kim Jong-un") need nothing here: the search separator in
mkdocs.yml splits on hyphens, so both index as the same words. Field boosts are in mkdocs.yml.
"""
from __future__ import annotations

import html
import logging
import re
from pathlib import Path

from hooks import _datafiles

log = logging.getLogger("mkdocs.plugins.hooks.search_tuning")

EXCLUDE = 'data-search-exclude="true"'     # Material strips data-search-*="..." after indexing
BOILERPLATE = (
    re.compile(r'<div class="footnote"(?=>)'),         # the notes at the foot of each page
    re.compile(r'<h2 id="cite-this-page"(?=>)'),       # hooks/cite_this_page.py's section
)
_FIRST_H2 = re.compile(r"<h2[\s>]")
_GLOSSARY: list = []


# --- Hooks ---------------------------------------------------------------------------------

def on_config(config):
    root = Path(config.config_file_path).resolve().parent
    _GLOSSARY[:] = _datafiles.load(root, "glossary")[0]    # hooks/shared_data.py reports its problems
    return config


def on_page_content(html_text, page, config, files):
    html_text = exclude_boilerplate(html_text)
    return add_search_terms(html_text, topic_terms(_GLOSSARY, page.file.src_uri))


# --- Helpers -------------------------------------------------------------------------------

def exclude_boilerplate(html_text: str) -> str:
    """Mark the footnote list and the "Cite this page" heading (hence its section) unindexed."""
    for pattern in BOILERPLATE:
        html_text = pattern.sub(lambda m: f"{m.group(0)} {EXCLUDE}", html_text)
    return html_text


def topic_terms(glossary: list, src_uri: str) -> list[str]:
    """Term, abbreviation and aliases of every glossary entry whose `see` is this page."""
    terms: list[str] = []
    for entry in glossary:
        if entry.get("see", "").split("#", 1)[0] != src_uri:
            continue
        for word in [entry["term"], entry.get("abbr"), *entry.get("aliases", [])]:
            if word and word not in terms:
                terms.append(word)
    return terms


def add_search_terms(html_text: str, terms: list[str]) -> str:
    """A hidden, indexed paragraph of `terms` at the end of the page's first section."""
    if not terms:
        return html_text
    block = f'<p hidden class="mdx-search-terms">Topics: {html.escape("; ".join(terms), quote=False)}</p>\n'
    match = _FIRST_H2.search(html_text)
    at = match.start() if match else len(html_text)
    return html_text[:at] + block + html_text[at:]
