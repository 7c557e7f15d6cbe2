"""The 2024 treaty article by article (data/treaty.yml): a section per article, 1 to 23.

An article we read (`read: true`) shows our short title, our one- or two-sentence summary, how we
know its number or wording (`note`), its sources and a link to the published text; the articles the
sources discuss most add a further explanation (`more`, with `more_sources`). An article we could not
read says so plainly, with why, and links the published text for the reader to read it there:
nothing is summarised that we did not read.
"""
from __future__ import annotations

from hooks.render.md import cell
from hooks.render.names import mark_scripts


def _links(sources: list) -> str:
    """Source links; a Russian or Korean headline in a title is marked with its language."""
    return "; ".join(f"[{mark_scripts(cell(s['title']))}]({s['url']})" for s in sources)


def render_treaty(articles: list) -> str:
    read = [a for a in articles if a["read"]]
    out = [f"We could read {len(read)} of the {len(articles)} articles, in the published text or in sources that quote "
           f"or number them. The other {len(articles) - len(read)} are listed with the reason we could not read them.", ""]
    for a in sorted(articles, key=lambda a: a["number"]):
        published = f"[published text]({a['published_text']['url']})"
        if a["read"]:
            out += [f"### Article {a['number']}: {a['title']} {{ #article-{a['number']} }}", "",
                    a["summary"], ""]
            if a.get("more"):
                out += [f"**Why it matters:** {a['more']} Sources: {_links(a['more_sources'])}.", ""]
            note = f"{a['note']} " if a.get("note") else ""
            out += [f"*How we read it:* {note}Sources: {_links(a['sources'])}. Read the article in the {published}.", ""]
        else:
            out += [f"### Article {a['number']} {{ #article-{a['number']} }}", "",
                    f"**We could not read the text of this article.** {a['note']} It is in the {published}.", ""]
    return "\n".join(out)
