"""Place links: the first mention of a place on a page links to its entry on the Places page.

Why a hook rather than links by hand: data/places.yml already lists, for each place, the pages
that name it (hooks/render/maps.py checks that each does), so the links follow the data and survive
rewrites of the pages; nobody has to remember to add or move them.
How: after Markdown has become HTML, on each page listed for a place, the first occurrence of
any of the place's names in running text becomes <a href="...places/#id">. Text inside links,
headings, code, box titles, the diagrams and maps, and footnotes is left alone, so a link never
lands inside another link or a heading. The Places page itself is skipped.
"""
from __future__ import annotations

import html
import re

PLACES_PAGE = "places.md"
_TOKEN = re.compile(r"<!--.*?-->|<[^>]+>|[^<]+", re.S)
_TAG = re.compile(r"^<(/?)([a-zA-Z][\w-]*)([^>]*?)(/?)>$", re.S)
SKIP_TAGS = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "svg", "script", "style", "summary",
             "title", "figure", "abbr", "button", "label", "template"}
SKIP_CLASSES = ("admonition-title", "footnote", "mdx-map", "mermaid")
VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "track"}


# --- Steps (hooks/pipeline.py) -------------------------------------------------------------

def link_places(build, html_text: str, page, files) -> str:
    """The first mention of each place the page is listed for links to the Places page."""
    target = files.get_file_from_path(PLACES_PAGE)
    if target is None or page.file.src_uri == PLACES_PAGE:
        return html_text
    wanted = [p for p in build.data["places"] if page.file.src_uri in p["pages"]]
    return link_first_mentions(html_text, wanted, target.url_relative_to(page.file))


# --- Helpers -------------------------------------------------------------------------------

def _skipped(tag: str, attrs: str) -> bool:
    if tag in SKIP_TAGS:
        return True
    match = re.search(r'class="([^"]*)"', attrs)
    return bool(match) and any(c in match.group(1).split() for c in SKIP_CLASSES)


def _link_text(text: str, pending: dict, href: str) -> str:
    """Link, left to right, the first mention in `text` of each place still pending."""
    done = []
    while pending:
        hits = [(m.start(), pid, m) for pid, pattern in pending.items() if (m := pattern.search(text))]
        if not hits:
            break
        _, pid, m = min(hits)
        done.append(text[:m.start()] + f'<a class="mdx-place" href="{href}#{pid}">{m.group(0)}</a>')
        text = text[m.end():]
        del pending[pid]
    return "".join(done) + text


def link_first_mentions(html_text: str, places: list, href: str) -> str:
    """Link the first running-text mention of each place to `href#id`; everything else unchanged."""
    if not places:
        return html_text
    pending = {p["id"]: re.compile(r"\b(" + "|".join(re.escape(html.escape(n)) for n in
                                                      sorted(p["names"], key=len, reverse=True)) + r")\b")
               for p in places}
    out, stack = [], []          # stack of (tag, skipped) for open elements
    for token in _TOKEN.findall(html_text):
        match = _TAG.match(token) if token.startswith("<") and not token.startswith("<!--") else None
        if match:
            closing, tag, attrs, self_closing = match.groups()
            tag = tag.lower()
            if closing:
                while stack:
                    if stack.pop()[0] == tag:
                        break
            elif not self_closing and tag not in VOID:
                stack.append((tag, _skipped(tag, attrs)))
            out.append(token)
            continue
        if token.startswith("<") or any(skipped for _, skipped in stack) or not pending:
            out.append(token)
            continue
        out.append(_link_text(token, pending, href))
        continue
    return "".join(out)
