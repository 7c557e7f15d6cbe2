"""The timeline on a phone (issue 23): filters first, year headings and jumps, one line per event
with its details folded, an anchor at every event's data id, and a search result per event."""
from __future__ import annotations

from conftest import ROOT

from hooks.core import report_facts
from hooks.core.build import Build
from hooks.html import event_search
from hooks.render import timeline

FACTS = report_facts.load(ROOT)
EVENTS = [
    {"id": "2024-06-19-putin-visit", "date": "2024-06-19", "label": "Putin in Pyongyang", "text": "Putin visits <b>Pyongyang</b>.",
     "kind": "after", "thread": "treaty", "source": "https://x.org/a", "source_title": "KCNA"},
    {"id": "2023-09-13-summit", "date": "2023-09-13", "label": "Summit at Vostochny", "text": "Kim and Putin meet.",
     "kind": "report", "thread": "diplomacy", "source": "https://x.org/b", "source_title": "TASS"},
    {"id": "2025-04-month", "date": "2025-04", "label": "A month event", "text": "Something in April.",
     "kind": "after", "source": "https://x.org/c", "source_title": "AP"},
]


def test_filters_come_first_then_years_then_one_line_per_event():
    out = timeline.render_timeline_table(EVENTS, FACTS)
    assert out.index("## Filter the timeline") < out.index("Jump to:") < out.index("## Up to the report")
    assert '<select data-mdx-filter="thread">' in out and '<select data-mdx-filter="kind">' in out
    assert '<a href="#year-2023">2023</a> <a href="#year-2024-after">2024</a>' in out
    assert "### 2023 { #year-2023 }" in out and "### 2024 (after the report) { #year-2024-after }" in out
    assert ('<li class="mdx-event mdx-event--after" id="2024-06-19-putin-visit" data-thread="treaty" data-kind="after"><details>'
            '<summary><time datetime="2024-06-19" title="June 19, 2024">Jun 19</time> <span class="mdx-event__label">Putin in Pyongyang</span></summary>') in out
    assert "Putin visits &lt;b&gt;Pyongyang&lt;/b&gt;." in out, "event text is escaped"
    assert '<a class="mdx-event__anchor" href="#2024-06-19-putin-visit" title="Link to this event"' in out
    assert '<time datetime="2025-04" title="April 2025">Apr</time>' in out


def test_no_script_filters_and_their_status_lines_stay():
    out = "\n".join(timeline.render_timeline_filters(EVENTS))
    assert '<a href="#thread-treaty">The treaty</a>' in out and '<a href="#kind-after">After the report</a>' in out
    assert 'id="kind-after" tabindex="-1">Showing only the 2 events of the kind' in out


def test_every_event_becomes_its_own_search_entry_and_the_lists_leave_the_page_entry(tmp_path):
    html = '<ol class="mdx-timeline">' + "".join(timeline._event(e) for e in EVENTS) + "</ol>"
    build = Build(ROOT, FACTS, {})
    out = event_search.split_events(build, html, "timeline/")
    assert out.startswith('<ol class="mdx-timeline" data-search-exclude="true">')
    entries = build.search_entries["timeline/"]
    assert [e["location"] for e in entries] == [f"timeline/#{e['id']}" for e in EVENTS]
    assert entries[0]["title"] == "Jun 19 Putin in Pyongyang"
    assert entries[0]["text"].startswith("Putin visits &lt;b&gt;Pyongyang&lt;/b&gt;. After the report The treaty Source: KCNA")
