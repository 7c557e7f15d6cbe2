"""The timeline (data/timeline.yml with the sanctions as rows): the event list with its filters, and
the diagram of the high-level meetings.

The list is built for a phone. Filters come first; years head the events and a line of links
jumps to each year. Each event is one line, its day ("Jun 19": the year heads the list) and a short label, in a <details> that
unfolds its text, kind, thread and source. Every event has its data `id` as its anchor and a
visible "#" link to copy, so a link can point at one event (timeline.js opens the event a link
lands on; hooks/html/event_search.py gives each event a search result of its own).
Filtering works without JavaScript: "By thread" and "By kind" links point at empty targets, and
extra.css hides the other events with :target and :has(). docs/assets/javascripts/timeline.js
adds the two menus that combine a thread with a kind and say what is shown.
"""
from __future__ import annotations

from hooks.core.dates import human_date, short_date
from hooks.data import datafiles
from hooks.render import md

THREADS = datafiles.choices("timeline", "thread")        # the story lines, in order (the schema's titles)
KIND_LABELS = {"report": "Report", "background": "Background", "after": "After the report"}
FILTER_KINDS = ("report", "background", "after")


def _event(e: dict) -> str:
    # Raw HTML (Markdown is not read inside it): md.text escapes for HTML text and "..." attributes
    # alike, and leaves text the marker registry has already escaped as it is.
    thread = THREADS.get(e.get("thread", ""), "")
    ident = md.text(e["id"])
    date = md.text(e["date"])
    label = md.text(e["label"])
    meta = (f'<p class="mdx-event__meta"><span class="mdx-event__kind">{md.text(KIND_LABELS[e["kind"]])}</span>'
            + (f' <span class="mdx-event__thread">{md.text(thread)}</span>' if thread else "") + "</p>")
    links = [(e["source"], e["source_title"])] + [(more["url"], more["title"]) for more in e.get("more_sources", [])]
    source = (f'<p class="mdx-event__source">{"Sources" if len(links) > 1 else "Source"}: '
              + "; ".join(f'<a href="{md.url(href)}">{md.text(title)}</a>' for href, title in links) + "</p>")
    return (f'<li class="mdx-event mdx-event--{md.text(e["kind"])}" id="{ident}" data-thread="{md.text(e.get("thread", ""))}" '
            f'data-kind="{md.text(e["kind"])}"><details><summary><time datetime="{date}" title="{human_date(md.raw(e["date"]))}">'
            f'{short_date(md.raw(e["date"])) or md.raw(e["date"])[:4]}</time> '
            f'<span class="mdx-event__label">{label}</span></summary>'
            f'<p class="mdx-event__text">{md.text(e["text"])}</p>{meta}{source}</details>'
            f'<a class="mdx-event__anchor" href="#{ident}" title="Link to this event" aria-label="Link to this event: {label}">#</a></li>')


def _by_year(events: list, suffix: str = "") -> list[str]:
    """A heading per year, then that year's events, oldest first."""
    out: list[str] = []
    for year in sorted({e["date"][:4] for e in events}):
        out += [f"### {year}{' (after the report)' if suffix else ''} {{ #year-{year}{suffix} }}", "",
                '<ol class="mdx-timeline">', *(_event(e) for e in events if e["date"][:4] == year), "</ol>", ""]
    return out


def render_timeline_filters(events: list) -> list[str]:
    """The filters: two menus that combine a thread and a kind (shown by timeline.js), and the
    same choices as links for readers without JavaScript, each pointing at a status line (real
    text: a screen reader reads it when the link moves focus there; CSS shows only the targeted one)."""
    threads = [t for t in THREADS if any(e.get("thread") == t for e in events)]
    kinds = [k for k in FILTER_KINDS if any(e["kind"] == k for e in events)]
    count = {f"thread-{t}": sum(e.get("thread") == t for e in events) for t in threads}
    count.update({f"kind-{k}": sum(e["kind"] == k for e in events) for k in kinds})
    link = lambda target, text: f'<a href="#{md.text(target)}">{md.text(text)}</a>'   # noqa: E731
    option = lambda value, text: f'<option value="{md.text(value)}">{md.text(text)}</option>'   # noqa: E731
    out = ['<div class="mdx-filter__menus" role="group" aria-label="Filter the timeline" hidden>',
           '<label>Thread <select data-mdx-filter="thread">' + option("", "All threads")
           + "".join(option(t, THREADS[t]) for t in threads) + "</select></label>",
           '<label>Kind <select data-mdx-filter="kind">' + option("", "All kinds")
           + "".join(option(k, KIND_LABELS[k]) for k in kinds) + "</select></label>",
           f'<p class="mdx-filter__live" role="status">Showing all {len(events)} events.</p>',
           "</div>",
           '<nav class="mdx-filter" aria-label="Narrow the timeline">',
           '<p><span class="mdx-filter__label">By thread:</span> '
           + " ".join(link(f"thread-{t}", THREADS[t]) for t in threads) + "</p>",
           '<p><span class="mdx-filter__label">By kind:</span> '
           + " ".join(link(f"kind-{k}", KIND_LABELS[k]) for k in kinds) + "</p>",
           "</nav>"]
    targets = [(f"thread-{t}", f"thread \u201c{THREADS[t]}\u201d") for t in threads]
    targets += [(f"kind-{k}", f"kind \u201c{KIND_LABELS[k]}\u201d") for k in kinds]
    for target, what in targets:
        out.append(f'<p class="mdx-filter__status" id="{target}" tabindex="-1">Showing only the {_events_count(count[target])} '
                   f'of the {md.text(what)}. <a href="#all-events">Show all {len(events)} events</a></p>')
    out.append(f'<p class="mdx-filter__status mdx-filter__status--all" id="all-events" tabindex="-1">Showing all {len(events)} events.</p>')
    return out


def _events_count(n: int) -> str:
    return "1 event" if n == 1 else f"{n} events"


def render_years(events: list) -> str:
    """Links to each year's heading ("2024" goes to the events up to the report)."""
    years = sorted({e["date"][:4] for e in events})
    links = []
    for year in years:
        before = any(e["date"][:4] == year and e["kind"] != "after" for e in events)
        links.append(f'<a href="#year-{year}{"" if before else "-after"}">{year}</a>')
    return '<p class="mdx-years"><span class="mdx-filter__label">Jump to:</span> ' + " ".join(links) + "</p>"


def render_timeline_table(timeline: list, facts: dict) -> str:
    events = sorted(timeline, key=lambda e: e["date"])
    before = [e for e in events if e["kind"] != "after"]
    after = [e for e in events if e["kind"] == "after"]
    last = human_date(after[-1]["date"]) if after else "today"
    out = ["## Filter the timeline", "", *render_timeline_filters(events), "", render_years(events), "",
           "Each line is one event: open it for what happened, its kind and its source; the # beside it links to it.", "",
           f"## Up to the report (to {facts['long_date']})", "",
           "\"Report\" marks events the report states; \"Background\" marks events from other sources.", ""]
    out += _by_year(before)
    out += [f"## After the report ({facts['day_after']} onward)", "",
            f'!!! after "{facts["boxes"]["after"]}: {human_date(facts["date"][:7])} to {last}"', "",
            "    These events postdate the report and are not in it. Each one links its source.", ""]
    out += _by_year(after, "-after")
    return "\n".join(out) + "\n"


def render_timeline_diagram(timeline: list, facts: dict) -> str:
    """The high-level meetings, one node per year (the report's date splits its year), oldest
    first: a compact chain that fits a phone (one node per meeting was 2,783 px tall for 20)."""
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
        # Mermaid text, not Markdown: the labels as written (the schema keeps out < > " and backticks).
        rows = "\n".join(f"{short_date(e['date'])}: {md.raw(e['label'])}".replace('"', "'") for e in events)
        lines.append(f'    {node}["`**{key}**\n{rows}`"]')
        if previous:
            lines.append(f"    {previous} --> {node}")
        previous = node
    lines += ["```", "", '??? abstract "Diagram as text"', ""]
    for e in meetings:
        lines.append(f"    - {human_date(e['date'])}: {md.text(e['label'])} ({KIND_LABELS[e['kind']].lower()}; {md.source_link(e)})")
    return "\n".join(lines) + "\n"
