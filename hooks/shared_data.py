"""Shared data: render data/*.yml (glossary, timeline, actors, sanctions, estimates) where pages ask.

Each fact is kept once, as data, and rendered wherever it is shown. A page asks with a marker
alone on its line; an indented marker (inside a box) renders indented to match:
    <!-- render: glossary -->           the glossary (definition list)
    <!-- render: timeline-table -->     the timeline with the sanctions, split at the report's date
    <!-- render: timeline-diagram -->   a Mermaid diagram of the high-level meetings
    <!-- render: actors -->             who's who, by group
    <!-- render: officeholders -->      office-holders at the report's date and now
    <!-- render: sanctions-report-time -->, <!-- render: sanctions-after -->   sanctions tables
    <!-- render: estimates-deployed -->, <!-- render: estimates-losses -->     troop estimates
    <!-- render: chronology -->         the key after-the-report dates (timeline `chronology: true`)
    <!-- render: story-so-far -->, <!-- render: by-the-numbers -->           home page summaries
The newer renderers are pure functions in hooks/_renderers.py.
    <!-- render: changes -->            the What's new list from data/changes.yml (hooks/_changes.py)
The abbreviation tooltips shown on every page come from the same glossary through
includes/abbreviations.md, which `make generate` writes and this hook checks is current.
Data problems are reported with file and line by hooks/_datafiles.py.
"""
from __future__ import annotations

import datetime
import html
import logging
import re
from pathlib import Path

from hooks import _changes, _datafiles, _renderers, report_facts
from hooks._common import ROOT, Problem, report, source_path
from hooks._datafiles import term_anchor
from hooks._renderers import human_date

log = logging.getLogger("mkdocs.plugins.hooks.shared_data")

MARKER = re.compile(r"^(?P<indent>[ \t]*)<!--\s*render:\s*(?P<name>[\w-]+)\s*-->[ \t]*$", re.M)
ABBREVIATIONS = "includes/abbreviations.md"
KIND_LABELS = {"report": "Report", "background": "Background", "after": "After the report"}
_DATA: dict[str, list] = {}


# --- Hooks ---------------------------------------------------------------------------------

def on_config(config):
    root = Path(config.config_file_path).resolve().parent
    _DATA.update(_datafiles.load_all(root))
    problems = _datafiles.all_problems(root)
    _DATA["nav_titles"] = _changes.nav_titles(config["nav"])
    _DATA["groups"] = _datafiles.actor_groups(root)
    if not any(p.path == "data/glossary.yml" for p in problems):   # else the glossary is partial
        problems += check_abbreviations(root, _DATA["glossary"])
    report(log, problems)
    return config


def on_files(files, config):
    # A change naming a page that does not exist is reported by hooks/atom_feed.py; leave it out.
    known = {f.src_uri for f in files.documentation_pages()}
    _DATA["changes"] = _changes.existing_only(_DATA.get("changes", []), known)
    return files


def on_page_markdown(markdown, page, config, files):
    path = source_path(page, config)
    offset = page.file.content_string.count("\n") - markdown.count("\n")   # front matter lines
    rendered, problems = render_markers(path, markdown, _DATA, offset, config.extra["report"])
    report(log, problems)
    return rendered


# --- Helpers -------------------------------------------------------------------------------

def render_markers(path: str, markdown: str, data: dict, offset: int = 0,
                   facts: dict | None = None) -> tuple[str, list[Problem]]:
    """Replace each marker with what it names. `data` maps data file names to their entries (and
    may hold "groups", see _datafiles.actor_groups); `facts` is extra.report (else read from ROOT)."""
    facts = facts or report_facts.load(ROOT)
    renderers = {
        "glossary": lambda: render_glossary(data["glossary"]),
        "timeline-table": lambda: render_timeline_table(
            data["timeline"] + _renderers.sanctions_as_events(data.get("sanctions", [])), facts),
        "timeline-diagram": lambda: render_timeline_diagram(data["timeline"], facts),
        "actors": lambda: render_actors(data["actors"], data.get("groups") or _datafiles.actor_groups(ROOT),
                                        facts["boxes"]["after"]),
        "officeholders": lambda: _renderers.render_officeholders(data["actors"]),
        "sanctions-report-time": lambda: _renderers.render_sanctions(data.get("sanctions", []), after=False),
        "sanctions-after": lambda: _renderers.render_sanctions(data.get("sanctions", []), after=True),
        "estimates-deployed": lambda: _renderers.render_estimates(data.get("estimates", []), ("deployed",)),
        "estimates-losses": lambda: _renderers.render_estimates(
            data.get("estimates", []), ("killed", "wounded", "killed-or-wounded", "captured")),
        "chronology": lambda: _renderers.render_chronology(data["timeline"]),
        "story-so-far": lambda: _renderers.render_story(data["timeline"]),
        "by-the-numbers": lambda: _renderers.render_numbers(
            data["timeline"], data.get("estimates", []), data.get("sanctions", [])),
        "changes": lambda: _changes.render(data["changes"], data.get("nav_titles", {})),
    }
    problems = []

    def replace(match):
        name, indent = match["name"], match["indent"]
        if name in renderers:
            return _indent(renderers[name](), indent)
        line = markdown.count("\n", 0, match.start()) + 1 + offset
        problems.append(Problem(path, line, f"unknown render marker '{name}'",
                                f"use one of: {', '.join(sorted(renderers))}"))
        return match.group(0)

    return MARKER.sub(replace, markdown), problems


def _indent(text: str, indent: str) -> str:
    """Indent every non-blank line, so a marker inside a box renders inside the box."""
    if not indent:
        return text
    return "\n".join(indent + line if line.strip() else line for line in text.split("\n"))


def render_abbreviations(glossary: list) -> str:
    lines = ["<!-- Generated from data/glossary.yml by `make generate`; do not edit. -->", ""]
    for entry in sorted((e for e in glossary if e.get("abbr")), key=lambda e: e["abbr"]):
        # The tooltip spells the abbreviation out; where the term is the abbreviation itself,
        # it shows the definition's first sentence instead.
        text = entry["term"] if entry["term"] != entry["abbr"] else entry["definition"].split(". ")[0].rstrip(".")
        lines.append(f"*[{entry['abbr']}]: {text}")
    return "\n".join(lines) + "\n"


def check_abbreviations(root: Path, glossary: list) -> list[Problem]:
    current = (root / ABBREVIATIONS).read_text(encoding="utf-8") if (root / ABBREVIATIONS).exists() else ""
    if glossary and current != render_abbreviations(glossary):
        return [Problem(ABBREVIATIONS, 1, "out of date with data/glossary.yml", "run `make generate` and commit the result")]
    return []


def render_glossary(glossary: list) -> str:
    out = []
    for entry in sorted(glossary, key=lambda e: e["term"].lower()):
        head = f"{entry['abbr']} ({entry['term']})" if entry.get("abbr") else entry["term"]
        head += f" {{ #{term_anchor(entry['term'])} }}"
        also = f" Also called: {', '.join(entry['aliases'])}." if entry.get("aliases") else ""
        see = f" See [{_page_name(entry['see'])}]({entry['see']})." if entry.get("see") else ""
        out += [head, f":   {entry['definition']}{also}{see}", ""]
    return "\n".join(out)


def _page_name(path: str) -> str:
    stem = path.split("#")[0].rsplit("/", 1)[-1].removesuffix(".md")
    return {"index": "the home page"}.get(stem, f"the {stem.replace('-', ' ')} page")


# The timeline: one card per event (date, what happened, kind, thread, source) in an <ol>, so a
# phone shows every field without sideways scrolling (a four-column table did not fit 390 px).
# "Narrow the timeline" links point at empty targets; extra.css hides the other events with
# :target and :has() -- no JavaScript. Browsers without :has() show every event.
FILTER_KINDS = ("report", "background", "after")


def _event(e: dict) -> str:
    thread = _renderers.THREADS.get(e.get("thread", ""), "")
    date = html.escape(e["date"])
    meta = (f'<p class="mdx-event__meta"><time datetime="{date}">{human_date(e["date"])}</time> '
            f'<span class="mdx-event__kind">{KIND_LABELS[e["kind"]]}</span>'
            + (f' <span class="mdx-event__thread">{html.escape(thread)}</span>' if thread else "") + "</p>")
    source = (f'<p class="mdx-event__source">Source: <a href="{html.escape(e["source"], quote=True)}">'
              f'{html.escape(e["source_title"], quote=False)}</a></p>')
    return (f'<li class="mdx-event mdx-event--{e["kind"]}" data-thread="{html.escape(e.get("thread", ""), quote=True)}">'
            f'{meta}<p class="mdx-event__text">{html.escape(e["text"], quote=False)}</p>{source}</li>')


def _events(events: list) -> list[str]:
    return ['<ol class="mdx-timeline">', *(_event(e) for e in events), "</ol>"]


def render_timeline_filters(events: list) -> list[str]:
    """Links that narrow the timeline to one thread or kind, and the targets they point at: one
    status line each, real text (a screen reader reads it when the link moves focus there; CSS
    shows only the targeted one), saying how many events show and linking the way back."""
    threads = [t for t in _renderers.THREADS if any(e.get("thread") == t for e in events)]
    kinds = [k for k in FILTER_KINDS if any(e["kind"] == k for e in events)]
    count = {f"thread-{t}": sum(e.get("thread") == t for e in events) for t in threads}
    count.update({f"kind-{k}": sum(e["kind"] == k for e in events) for k in kinds})
    link = lambda target, text: f'<a href="#{target}">{html.escape(text, quote=False)}</a>'   # noqa: E731
    out = ['<nav class="mdx-filter" aria-label="Narrow the timeline">',
           '<p><span class="mdx-filter__label">By thread:</span> '
           + " ".join(link(f"thread-{t}", _renderers.THREADS[t]) for t in threads) + "</p>",
           '<p><span class="mdx-filter__label">By kind:</span> '
           + " ".join(link(f"kind-{k}", KIND_LABELS[k]) for k in kinds) + "</p>",
           "</nav>"]
    targets = [(f"thread-{t}", f"thread \u201c{_renderers.THREADS[t]}\u201d") for t in threads]
    targets += [(f"kind-{k}", f"kind \u201c{KIND_LABELS[k]}\u201d") for k in kinds]
    for target, what in targets:
        out.append(f'<p class="mdx-filter__status" id="{target}" tabindex="-1">Showing only the {_events_count(count[target])} '
                   f'of the {html.escape(what, quote=False)}. <a href="#all-events">Show all {len(events)} events</a></p>')
    out.append(f'<p class="mdx-filter__status mdx-filter__status--all" id="all-events" tabindex="-1">Showing all {len(events)} events.</p>')
    return out


def _events_count(n: int) -> str:
    return "1 event" if n == 1 else f"{n} events"


def render_timeline_table(timeline: list, facts: dict | None = None) -> str:
    facts = facts or report_facts.load(ROOT)
    events = sorted(timeline, key=lambda e: e["date"])
    before = [e for e in events if e["kind"] != "after"]
    after = [e for e in events if e["kind"] == "after"]
    last = human_date(after[-1]["date"]) if after else "today"
    out = ["## Narrow the timeline", "", *render_timeline_filters(events), "",
           f"## Up to the report (to {facts['long_date']})", "",
           "\"Report\" marks events the report's text states; \"Background\" marks events from other sources.", ""]
    out += _events(before)
    out += ["", f"## After the report ({facts['day_after']} onward)", "",
            f'!!! after "{facts["boxes"]["after"]}: {human_date(facts["date"][:7])} to {last}"', "",
            "    These events postdate the report and are not in it. Each one links its source.", ""]
    out += _events(after)
    return "\n".join(out) + "\n"


def _short_date(value: str) -> str:
    """ "2024-06-19" -> "Jun 19"; "2024-06" -> "Jun"; "2024" -> "" (the year heads the node)."""
    parts = value.split("-")
    if len(parts) == 1:
        return ""
    day = datetime.date(int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) > 2 else 1)
    return day.strftime("%b") + (f" {day.day}" if len(parts) > 2 else "")


def render_timeline_diagram(timeline: list, facts: dict | None = None) -> str:
    """The high-level meetings, one node per year (the report's date splits its year), oldest
    first: a compact chain that fits a phone (one node per meeting was 2,783 px tall for 20)."""
    facts = facts or report_facts.load(ROOT)
    meetings = sorted((e for e in timeline if e.get("meeting")), key=lambda e: e["date"])
    groups: list[tuple[str, list]] = []
    for e in meetings:
        year = e["date"][:4]
        key = year + (" (after the report)" if year == facts["date"][:4] and e["date"] > facts["date"] else "")
        if year == facts["date"][:4] and e["date"] <= facts["date"]:
            key = year + " (to the report)"
        if not groups or groups[-1][0] != key:
            groups.append((key, []))
        groups[-1][1].append(e)
    lines = ["```mermaid", "flowchart TB",
             "    accTitle: High-level North Korea-Russia meetings",
             "    accDescr: A top-to-bottom chain of the leaders' and ministers' meetings, grouped by year, oldest first, with the report's date marked.",
             ]
    previous, marked = None, False
    for index, (key, events) in enumerate(groups):
        if not marked and events[0]["date"] > facts["date"]:
            lines.append(f'    report(["{facts["long_date"]}: CRS report {facts["id"]}"])')
            if previous:
                lines.append(f"    {previous} --> report")
            previous, marked = "report", True
        node = f"y{index}"
        rows = "\n".join(f"{_short_date(e['date'])}: {e['label']}".replace('"', "'") for e in events)
        lines.append(f'    {node}["`**{key}**\n{rows}`"]')
        if previous:
            lines.append(f"    {previous} --> {node}")
        previous = node
    lines += ["```", "", '??? abstract "Diagram as text"', ""]
    for e in meetings:
        lines.append(f"    - {human_date(e['date'])}: {e['label']} ({KIND_LABELS[e['kind']].lower()}; [{e['source_title']}]({e['source']}))")
    return "\n".join(lines) + "\n"


def render_actors(actors: list, groups: dict[str, str] | None = None, after_title: str = "After the report") -> str:
    """Who's who under a heading per group; `groups` (id -> heading, in order) comes from the schema.
    A profile describes the actor as of the report's date; what changed later (`after_report`)
    goes in an "After the report" box at its end, so a reader can always tell the two apart."""
    groups = groups or _datafiles.actor_groups(ROOT)
    out = []
    for group, heading in groups.items():
        members = [a for a in actors if a["group"] == group]
        if not members:
            continue
        out += [f"## {heading}", ""]
        for a in members:
            out += [f"### {a['name']} {{ #{a['id']} }}", ""]
            if a.get("leaders"):
                out += [f"**Key people:** {a['leaders']}", ""]
            out += [f"**Role in this story:** {a['role']}", "", f"**Interests:** {a['interests']}", ""]
            named = "Named in the report's text." if a["in_report"] else "Not named in the part of the report we hold; background."
            out += [f"*{named}* Source: [{a['source_title']}]({a['source']})", ""]
            if a.get("after_report"):
                later = a["after_report"]
                out += [f'!!! after "{after_title}: {later["period"]}"', "",
                        f"    {later['text']} Source: [{later['source_title']}]({later['source']})", ""]
    return "\n".join(out)
