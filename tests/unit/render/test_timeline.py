"""hooks/render/timeline.py: the timeline table, its filters and the meetings diagram."""
from __future__ import annotations

import re

from conftest import ROOT
from helpers.sample import EARLY, FACTS, REPORT_DATE, SANCTION

from hooks.checks import diagram_rules
from hooks.render import sanctions, timeline

EVENTS = [
    {"id": "2024-06-19-putin", "date": "2024-06-19", "label": "Putin in Pyongyang", "text": "Treaty signed | in Pyongyang.", "kind": "after",
     "meeting": True, "source": "https://a.org", "source_title": "A"},
    {"id": "2023-09-summit", "date": "2023-09", "label": "Summit", "text": "Leaders meet.", "kind": "background", "meeting": True,
     "source": "https://b.org", "source_title": "B"},
    {"id": "2024-report", "date": "2024", "label": "Report", "text": "The report.", "kind": "report", "source": "https://c.org", "source_title": "C"},
]


def test_render_timeline_table_splits_at_report_date():
    out = timeline.render_timeline_table(EVENTS, FACTS)
    before, after = out.split("## After the report")
    assert '<time datetime="2023-09" title="September 2023">Sep</time>' in before, "a month event shows its month under its year"
    assert '### 2023 { #year-2023 }' in before and '<span class="mdx-event__kind">Background</span>' in before
    assert '<li class="mdx-event mdx-event--report"' in before and "The report." in before
    assert "Treaty signed &#124; in Pyongyang." in after and '<a href="https://a.org">A</a>' in after
    assert '<li class="mdx-event mdx-event--after"' in after and "mdx-event--after" not in before
    assert '!!! after "After the report: May 2024 to June 19, 2024"' in after
    assert '<nav class="mdx-filter" aria-label="Narrow the timeline">' in out.split("## Up to the report")[0]


def test_timeline_filter_status_lines_are_text_with_counts_and_a_way_back():
    lines = timeline.render_timeline_filters(EVENTS)
    status = [line for line in lines if 'class="mdx-filter__status' in line]
    kinds = [e["kind"] for e in EVENTS]
    after = next(line for line in status if 'id="kind-after"' in line)
    assert f"Showing only the {kinds.count('after')} event" in after and "of the kind “After the report”." in after
    assert f'<a href="#all-events">Show all {len(EVENTS)} events</a>' in after
    assert status[-1] == (f'<p class="mdx-filter__status mdx-filter__status--all" id="all-events" tabindex="-1">'
                          f"Showing all {len(EVENTS)} events.</p>")
    links = [line for line in lines if line.startswith("<p><span")]
    targets = set(re.findall(r'href="#([\w-]+)"', "".join(links)))
    assert targets == {m for line in status for m in re.findall(r'id="([\w-]+)"', line)} - {"all-events"}, \
        "every filter link has its status line"


def test_render_timeline_diagram_groups_meetings_by_year_and_marks_the_report():
    out = timeline.render_timeline_diagram(EVENTS, FACTS)
    assert out.startswith("```mermaid\nflowchart TB\n    accTitle:")
    assert out.index('y0["`**2023**\nSep: Summit`"]') < out.index("report([") < out.index("**2024 (after the report)**")
    assert "Jun 19: Putin in Pyongyang" in out
    assert diagram_rules.check("x.md", out) == []


def test_sanctions_become_timeline_rows_of_the_right_kind():
    rows = sanctions.sanctions_as_events([dict(SANCTION, id="s1"), dict(EARLY, id="s2")], REPORT_DATE)
    assert [r["kind"] for r in rows] == ["after", "background"]
    assert rows[0]["label"] == "U.S. Treasury (OFAC) sanctions" and len(rows[0]["label"]) <= 40
    assert rows[0]["text"].endswith("Targets: 9 individuals, 7 entities.")
    table = timeline.render_timeline_table(rows, FACTS)
    assert table.index("March 27, 2024") < table.index("## After the report") < table.index("December 16, 2024")


def test_timeline_renderer_writes_after_boxes_open():
    from hooks.core import report_facts
    from hooks.render import timeline
    events = [{"id": "treaty-signed", "date": "2024-06-19", "label": "Treaty signed", "text": "Something happened in June.",
               "kind": "after", "source": "https://example.org/", "source_title": "Example"}]
    rendered = timeline.render_timeline_table(events, report_facts.load(ROOT))
    assert re.findall(r"^\s*(!!!|\?\?\?\+?) after", rendered, re.M) == ["!!!"]
