"""Actors (data/actors.yml): who's who by group, and office-holders at the report's date and now.
"""
from __future__ import annotations

from hooks.core.dates import human_date
from hooks.render import md
from hooks.render import names as names_
from hooks.render.md import cell, source_link, table, with_page_links


def render_actors(actors: list, groups: dict[str, str], after_title: str = "After the report", names: list = ()) -> str:
    """Who's who under a heading per group; `groups` (id -> heading, in order) comes from the schema.
    A profile describes the actor as of the report's date; what changed later (`after_report`)
    goes in an "After the report" box at its end, so a reader can always tell the two apart.
    `names` (data/names.yml): the actor's Korean and Russian names under its heading, and a person's
    beside the first mention among the key people, each once on the page."""
    out, known, shown = [], names_.index(names), set()
    for group, heading in groups.items():
        members = [a for a in actors if a["group"] == group]
        if not members:
            continue
        out += [f"## {heading}", ""]
        for a in members:
            out += [f"### {md.text(a['name'])} {{ #{md.text(a['id'])} }}", ""]
            people = [e for key, e in known.items() if key.startswith("person#") and key not in shown
                      and e["en"] in a.get("leaders", "")]
            shown.update(f"person#{e['en']}" for e in people)
            named = names_.line(known.get(f"actors#{a['id']}"), people)
            if named:
                out += [named, ""]
            if a.get("leaders"):
                out += [f"**Key people:** {names_.with_people(md.text(a['leaders']), people)}", ""]
            out += [f"**Role in this story:** {md.text(a['role'])}", "", f"**Interests:** {md.text(a['interests'])}", ""]
            named = "Named in the report's text." if a["in_report"] else "Not named in the part of the report we hold; background."
            out += [f"*{named}* Source: {source_link(a)}", ""]
            if a.get("after_report"):
                later = a["after_report"]
                out += [f'!!! after "{md.text(after_title)}: {md.text(later["period"])}"', "",
                        f"    {with_page_links(later['text'])} Source: {source_link(later)}", ""]
    return "\n".join(out)


def _since(office: dict) -> str:
    if office.get("since"):
        return human_date(office["since"])
    return "before the report" if office["now"] == office["at_report"] else "not known"


def _now(office: dict) -> str:
    """The latest holder, or for a vacant office since when it has been empty."""
    if office.get("vacant"):
        return f"{cell(office['now'])} since {_since(office)} (still so on {human_date(office['as_of'])})"
    return f"{cell(office['now'])}, since {_since(office)} (confirmed {human_date(office['as_of'])})"


def _sources(office: dict) -> str:
    """The row's source, and the source of its 'since' date where that is another one."""
    links = source_link(office)
    if office.get("since_source"):
        links += f"; date: {md.link(office['since_source_title'], office['since_source'])}"
    return links


def render_officeholders(actors: list, report_long_date: str, profiles: str = "") -> str:
    """Who held each office at the report's date and the latest holder a source confirms: a short
    table per government (a phone shows each row as a card, so the government is said once, above
    its table, not in every card), each government linking its profile (`profiles`: the profiles
    page relative to this one, "" for this page)."""
    out = []
    for actor in actors:
        rows = [(cell(office["office"]), cell(office["at_report"]), _now(office), _sources(office))
                for office in actor.get("officeholders", [])]
        if rows:
            anchor = f"{profiles}#{md.raw(actor['id'])}"
            out += [f"**{md.link(actor['name'], anchor)}**", "",
                    table(("Office", f"At the report ({report_long_date})", "Latest holder a source confirms", "Source"), rows)]
    return "\n".join(out) + "\n" if out else table(("Office",), [])