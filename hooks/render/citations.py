"""Citations from the source registry (data/sources.yml): each source written once, cited by id.

The passages fold into "Its words" at the end of the citation (one tap away; the page stays short).
A footnote definition `[^label]: @id` (or `@id#key,key`: only the passages with those keys, for a
source such as the report whose passages belong to different pages) becomes the source's citation line (publisher, linked title,
what follows it) and, under it, the passages we read in the source, as quotations: the source's own
words (a source not in English: its words, with `lang`, and our translation, marked as ours), or, on
the citation's line, a plain sentence saying that we could not read the source (why: in the registry). The footnote list is left out of the
search index (hooks/html/search_tuning.py), so the passages never rank above our own text.
`render_registry` draws the Sources page's list: every source by kind, with the pages that cite it.
Fields arrive as written in data/sources.yml and are escaped here (hooks/core/escape.py); a title
wrapped in *...* (a report's title) keeps its italics.
"""
from __future__ import annotations

import re

from hooks.core.claim_text import selected
from hooks.core.dates import human_date
from hooks.render.md import cell, url

CITE = re.compile(r"^\[\^(?P<label>[^\]\s]+)\]:[ \t]*@(?P<id>[A-Za-z0-9][\w-]*)(?:#(?P<keys>[\w,-]+))?[ \t]*$", re.M)
LANGUAGES = {"ko": "Korean", "ru": "Russian", "ja": "Japanese", "zh": "Chinese", "uk": "Ukrainian", "es": "Spanish",
             "fr": "French", "de": "German"}


def _title(source: dict) -> str:
    title = source["title"]
    if len(title) > 2 and title.startswith("*") and title.endswith("*"):
        return f"*{cell(title[1:-1])}*"
    return cell(title)


def citation(source: dict) -> str:
    """The citation line: "Publisher, [Title](url), what follows." as the registry gives it."""
    lead = cell(source["lead"]) + " " if source.get("lead") else f"{cell(source['publisher'])}, "
    after = source.get("after")
    if after is None:
        after = f", {human_date(source['date'])}." if source.get("date") else "."
    return f"{lead}[{_title(source)}]({url(source['url'])}){cell(after)}".replace("  ", " ")


def passage_lines(source: dict, keys: str | None = None) -> list[str]:
    """The footnote's further lines (indented under it): the passages the citation shows (`keys`: those
    it names, see hooks/core/claim_text.selected), folded, as quotations."""
    shown = selected(source, keys)
    if shown:
        language = source.get("language", "en")
        words = "Its words" if len(shown) == 1 else f"Its words ({len(shown)} passages)"
        out = ["", f'    ??? quote "{words}"']
        for passage in shown:
            attrs = f'{{: lang="{language}" }}' if language != "en" else ""
            words = passage["quote"].strip().strip('"\u201c\u201d')   # its own outer quotation marks give way to ours
            out += ["", f"        > \u201c{cell(words)}\u201d", *([f"        > {attrs}"] if attrs else [])]
            if passage.get("translation"):
                out += ["        >", f"        > Our translation: \u201c{cell(passage['translation'])}\u201d"]
        return out
    return []


def expand(markdown: str, registry: dict[str, dict]) -> tuple[str, list[tuple[int, str]]]:
    """Every `[^label]: @id` as its citation and passages; (line, id) of each id not in the registry
    (the fast check names them; the line is left for MkDocs to show as written)."""
    unknown = []

    def replace(match: re.Match) -> str:
        source = registry.get(match["id"])
        if source is None:
            unknown.append((markdown.count("\n", 0, match.start()) + 1, match["id"]))
            return match.group(0)
        plainly = " We could not read this source's text." if source.get("unreadable") else ""   # why: in the registry
        return "\n".join([f"[^{match['label']}]: {citation(source)}{plainly}", *passage_lines(source, match["keys"])]) + "\n"
    return CITE.sub(replace, markdown), unknown


def by_id(sources: list) -> dict[str, dict]:
    return {s["id"]: s for s in sources}


def _urls(value) -> set[str]:
    """Every https address in a data entry, at any depth."""
    if isinstance(value, dict):
        return set().union(*(_urls(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(_urls(v) for v in value)) if value else set()
    return {value} if isinstance(value, str) and value.startswith("https://") else set()


def cited_by(pages: dict[str, tuple[str, str]], sources: list, data: dict[str, list],
             shows: dict[str, dict[str, str]]) -> dict[str, list[tuple[str, str]]]:
    """Source URL -> the pages that cite it, in nav order: through a footnote `@id` (`pages`: src_uri ->
    (title, Markdown)), or by showing a data file (`shows`: data name -> {src_uri: title}) that cites it."""
    registry, found = by_id(sources), {}
    for src, (title, markdown) in pages.items():
        for match in CITE.finditer(markdown):
            if match["id"] in registry:
                found.setdefault(registry[match["id"]]["url"], {})[src] = title
    for name, entries in data.items():
        if name == "sources":
            continue
        for url in _urls(entries):
            for src, title in shows.get(name, {}).items():
                found.setdefault(url, {})[src] = title
    order = list(pages)
    return {url: sorted(citing.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order))
            for url, citing in found.items()}


def kinds(schema_choices: dict[str, str], sources: list) -> list[tuple[str, str, list]]:
    """(kind, heading, sources of that kind sorted by publisher and date), in the schema's order."""
    return [(kind, heading, sorted((s for s in sources if s["kind"] == kind),
                                   key=lambda s: (s["publisher"].lower(), s.get("date", ""))))
            for kind, heading in schema_choices.items() if any(s["kind"] == kind for s in sources)]


def render_registry(sources: list, choices: dict[str, str], cited_by: dict[str, list[tuple[str, str]]], src: str) -> str:
    """The list of every source: a fold per kind (closed, so the page stays short), one line per source
    with whether we read it and the pages that cite it (`cited_by`: url -> [(page path, page title)])."""
    from hooks.render.maps import relative   # noqa: PLC0415 (a sibling renderer's path helper)
    read = sum(bool(s.get("read")) for s in sources)
    out = [f"{len(sources)} sources, {read} of them read with passages quoted in the notes that cite them; "
           f"{sum(bool(s.get('unreadable')) for s in sources)} we could not read.", ""]
    for _kind, heading, members in kinds(choices, sources):
        out += [f'??? note "{heading} ({len(members)})"', ""]
        for s in members:
            language = f" (in {LANGUAGES[s['language']]})" if s.get("language", "en") in LANGUAGES else ""
            state = (f" Read {human_date(s['read'])}." if s.get("read") else
                     " Not readable here." if s.get("unreadable") else "")
            pages = ", ".join(f"[{cell(title)}]({relative(src, page)})" for page, title in cited_by.get(s["url"], []))
            out.append(f"    - {citation(s)}{language}{state}" + (f" Cited on: {pages}." if pages else ""))
        out.append("")
    return "\n".join(out)
