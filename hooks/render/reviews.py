"""The review log (data/reviews.yml): each search for news after the pages' cut-off, on the Sources page.

A page's "Last reviewed" date names a review that searched for news; the log says what each review
searched, what it added and what it left out, and why, so a reader can judge how current the site is.
"""
from __future__ import annotations

import posixpath

from hooks.core.dates import long_date
from hooks.render import md
from hooks.render.md import NO_ENTRIES


def render_reviews(reviews: list, src: str, titles: dict[str, str]) -> str:
    """Newest review first; the details of each fold under its summary line. `titles`: page src -> title."""
    if not reviews:
        return NO_ENTRIES
    out = []
    for review in sorted(reviews, key=lambda r: r["date"], reverse=True):
        pages = ", ".join(md.link(titles.get(p, p), posixpath.relpath(md.raw(p), posixpath.dirname(src) or '.'))
                          for p in review["pages"])
        out += [f"**{long_date(md.raw(review['date']))}.** Pages reviewed: {pages}. {len(review['added'])} additions, "
                f"{len(review['left_out'])} items left out.", "",
                f'??? note "What the review of {long_date(md.raw(review["date"]))} searched, added and left out"', "",
                "    **Searched:**", "", *(f"    - {md.text(line)}" for line in review["searched"]), "",
                "    **Added:**", "", *(f"    - {md.text(line)}" for line in review["added"] or ["Nothing."]), "",
                "    **Left out, and why:**", ""]
        for item in review["left_out"] or [{"item": "Nothing.", "why": ""}]:
            seen = f" ({md.link('where it was seen', item['source'])})" if item.get("source") else ""
            out.append(f"    - {md.text(item['item'])} {md.text(item['why'])}{seen}".rstrip())
        out.append("")
    return "\n".join(out)
