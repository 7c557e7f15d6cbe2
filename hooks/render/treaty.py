"""The 2024 treaty article by article (data/treaty.yml): a section per article, 1 to 23.

An article we read (`read: true`) shows our short title, our one- or two-sentence summary, how we
know its number or wording (`note`), its sources and a link to the published text; the articles the
sources discuss most add a further explanation (`more`, with `more_sources`). An article we could not
read says so plainly, with why, and links the published text for the reader to read it there:
nothing is summarised that we did not read.
"""
from __future__ import annotations

from collections import Counter

from hooks.render.md import cell
from hooks.render.names import mark_scripts


def _links(sources: list) -> str:
    """Source links; a Russian or Korean headline in a title is marked with its language."""
    return "; ".join(f"[{mark_scripts(cell(s['title']))}]({s['url']})" for s in sources)


def render_treaty(articles: list) -> str:
    """Each article's heading and summary stay in view; how we read it and its sources fold under it
    (depth goes down a level), as does why an unread article could not be read. A reason shared by
    several unread articles is given once, above them, rather than repeated under each."""
    read = [a for a in articles if a["read"]]
    notes = Counter(a["note"] for a in articles if not a["read"])
    shared = next((note for note, count in notes.most_common(1) if count > 1), None)
    out = [f"We could read {len(read)} of the {len(articles)} articles, in the published text or in sources that quote "
           f"or number them. The other {len(articles) - len(read)} are listed with the reason we could not read them.", ""]
    if shared:
        out += [f"**Why we could not read some articles:** {shared}", ""]
    for a in sorted(articles, key=lambda a: a["number"]):
        published = f"[published text]({a['published_text']['url']})"
        if a["read"]:
            out += [f"### Article {a['number']}: {a['title']} {{ #article-{a['number']} }}", "",
                    a["summary"], ""]
            if a.get("more"):
                out += [f"**Why it matters:** {a['more']} Sources: {_links(a['more_sources'])}.", ""]
            note = f"{a['note']} " if a.get("note") else ""
            out += ['??? quote "How we read it, and sources"', "",
                    f"    {note}Sources: {_links(a['sources'])}. Read the article in the {published}.", ""]
        else:
            out += [f"### Article {a['number']} {{ #article-{a['number']} }}", "",
                    f"**We could not read the text of this article.** It is in the {published}.", ""]
            if a["note"] != shared:
                out += ['??? quote "Why we could not read it"', "", f"    {a['note']}", ""]
    return "\n".join(out)
