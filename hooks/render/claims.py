"""The report checked against what happened (data/claims.yml): the claims page and the "Since then" notes.

Each claim of the report (in the text we hold) is checked against timeline events (data/timeline.yml,
linked by id: the timeline page gives every event the anchor #<id>). Three renderings:
- `render_claims`: the checked page, one section per claim: its short name as the heading, the
  report's own words (a marked quotation) in a "What the report says" box, then, folded, its status,
  kind, the events that settle it, the reasoning, its sources and the pages that restate it in an
  "After the report" box (a "Background" box when only events before the report settle it). The
  claim in our words is what the "Since then" notes show beside the report pages' own restatement;
- `render_overview`: the page's table of claims and statuses;
- `render_checks`: when each claim was checked and, for open ones, when it is next due. A check's
  date is not an event (its marker is not `dated`), so the other two may stay `dated`;
- `render_since_then`: a folded "Since then" note for one section of a report page: the claims whose
  `parts` name that section (or, asked for a whole page, the page's), each with its status and events.
"""
from __future__ import annotations

from hooks.core.dates import human_date
from hooks.data import datafiles
from hooks.render.maps import relative
from hooks.render.md import cell, table
from hooks.render.names import mark_scripts

CHECKED_PAGE = "report/checked.md"
TIMELINE_PAGE = "timeline.md"
EVENT_KINDS = {"report": "stated in the report", "background": "before the report", "after": "after the report"}


def kinds() -> dict[str, str]:
    return datafiles.choices("claims", "kind")


def statuses() -> dict[str, str]:
    return datafiles.choices("claims", "status")


def sections() -> dict[str, str]:
    return datafiles.choices("claims", "report_section")


def _events(claim: dict, timeline: dict[str, dict]) -> list[dict]:
    """The claim's events in date order (an unknown id is the fast check's to report)."""
    return sorted((timeline[e] for e in claim["events"] if e in timeline), key=lambda e: e["date"])


def _event_link(event: dict, src: str, kind: bool = False) -> str:
    link = f"[{cell(event['label'])}]({relative(src, TIMELINE_PAGE)}#{event['id']})"
    when = human_date(event["date"]) + (f", {EVENT_KINDS[event['kind']]}" if kind else "")
    return f"{link} ({when})"


def _sources(claim: dict) -> str:
    return "; ".join(f"[{mark_scripts(cell(s['title']))}]({s['url']})" for s in claim["sources"])


def _by_id(timeline: list) -> dict[str, dict]:
    return {e["id"]: e for e in timeline if e.get("id")}


def render_overview(claims: list, src: str = CHECKED_PAGE) -> str:
    """One row per claim: its short name (linked to its section) and status (its kind is in the check)."""
    status = statuses()
    rows = [(f"[{cell(c['title'])}](#{c['id']})", f"**{status[c['status']]}**") for c in claims]
    counts = ", ".join(f"{sum(c['status'] == s for c in claims)} {title.lower()}" for s, title in status.items()
                       if any(c["status"] == s for c in claims))
    return table(("Claim", "Status"), rows) + f"\n{len(claims)} claims: {counts}.\n"


def render_claims(claims: list, timeline: list, facts: dict, titles: dict | None = None, src: str = CHECKED_PAGE) -> str:
    """The checked page: a section per claim, in the report's order, under a heading per part of the report."""
    events, status, kind, parts = _by_id(timeline), statuses(), kinds(), sections()
    out = []
    for section, heading in parts.items():
        members = [c for c in claims if c["report_section"] == section]
        if not members:
            continue
        out += [f"## From {heading}", ""]
        for c in members:
            found = _events(c, events)
            last = human_date(found[-1]["date"][:7]) if found else ""
            shown = ", ".join(f"[{_page_title(p, titles)}]({relative(src, p.split('#')[0])}#{p.split('#', 1)[1]})" for p in c["parts"])
            out += [f"### {c['title']} {{ #{c['id']} }}", "",
                    f'!!! report "{facts["report_box"]}"', "",
                    f"    \u201c{c['report_words']}\u201d (CRS Insight {facts['id']}, {heading})", "",
                    _assessment_box(found, status[c["status"]], last, facts), "",
                    f"    **Status: {status[c['status']]}.** Kind of claim: {kind[c['kind']].lower()}.", "",
                    "    **Events that settle it:**", ""]
            out += [f"    - {_event_link(e, src, kind=True)}" for e in found]
            out += ["", f"    **Why:** {c['reasoning']} Sources: {_sources(c)}.", "", f"    **Restated on:** {shown}.", ""]
    return "\n".join(out)


def _assessment_box(found: list, status: str, last: str, facts: dict) -> str:
    """The box holding a claim's check: "After the report" when a later event settles it; a claim that
    events before the report confirm (the report's own facts) is checked in a "Background" box. It folds
    under the report box, and its title gives the status, so a reader scanning the page sees each one."""
    if any(e["kind"] == "after" for e in found):
        return f'??? after "{facts["boxes"]["after"]}: {status.lower()}, on events to {last}"'
    return f'??? context "{facts["boxes"]["context"]}: {status.lower()}, on events up to {last}"'


def render_checks(claims: list) -> str:
    """When each claim was checked, and when an open one is next due."""
    status = statuses()
    rows = [(f"[{cell(c['title'])}](#{c['id']})", status[c["status"]], human_date(c["assessed"]),
             human_date(c["next_check"]) if c.get("next_check") else "not needed")
            for c in claims]
    return table(("Claim", "Status", "Checked", "Next check due"), rows)


def render_since_then(claims: list, timeline: list, where: str) -> str:
    """The folded "Since then" note for `where`, a page (report/summary.md) or one of its sections
    (report/summary.md#new-sanctions-designations): the claims restated there, each with its status
    and the events that settle it, linked to the timeline and to the claim on the checked page."""
    page, _, section = where.partition("#")
    chosen = [c for c in claims if any(p == where or (not section and p.split("#")[0] == page) for p in c["parts"])]
    if not chosen:
        return ""
    events, status = _by_id(timeline), statuses()
    out = ['??? after "Since then: what became of these claims"', "",
           "    Each claim in the report box above, with its status and the timeline events that settle it, as "
           f"checked on the page [Checked against events]({relative(page, CHECKED_PAGE)}).", ""]
    for c in chosen:
        found = "; ".join(_event_link(e, page) for e in _events(c, events))
        out.append(f"    - **{status[c['status']]}:** {c['claim']} Events: {found}. "
                   f"[The check in full]({relative(page, CHECKED_PAGE)}#{c['id']})")
    return "\n".join(out) + "\n"


def _page_title(part: str, titles: dict | None) -> str:
    """A part's page as readers know it: its title (MkDocs' files), else its file name."""
    page = part.split("#")[0]
    return cell((titles or {}).get(page) or page.rsplit("/", 1)[-1].removesuffix(".md").replace("-", " "))
