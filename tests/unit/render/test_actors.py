"""hooks/render/actors.py: actor profiles and the office-holders table."""
from __future__ import annotations

from conftest import ROOT
from helpers.sample import ACTOR, FACTS

from hooks.checks import content_kinds
from hooks.data import datafiles
from hooks.render import actors
from hooks.render.actors import render_actors

GROUPS = datafiles.actor_groups(ROOT)


def test_render_actors_groups_and_anchors():
    actors = [{"id": "dprk", "name": "North Korea (DPRK)", "group": "partnership", "role": "R.", "interests": "I.",
               "in_report": True, "source": "https://a.org", "source_title": "A"}]
    out = render_actors(actors, GROUPS)
    assert out.startswith("## The partnership\n\n### North Korea (DPRK) { #dprk }\n")
    assert "*Named in the report's text.* Source: [A](https://a.org)" in out


def test_render_actors_puts_later_changes_in_an_after_box():
    """A profile describes the actor at the report's date; what changed later is in an after box
    that passes the content-kind rules (review nit #44)."""
    later = {"period": "May 2024 to June 2025", "text": "Moved to another post days after the report.",
             "source": "https://b.org", "source_title": "B"}
    actors = [{"id": "russia", "name": "Russia", "group": "partnership", "role": "R.", "interests": "I.",
               "in_report": True, "source": "https://a.org", "source_title": "A", "after_report": later}]
    out = render_actors(actors, GROUPS, after_title="After the report")
    assert out.index("*Named in the report's text.*") < out.index('!!! after "After the report: May 2024 to June 2025"')
    assert "\n\n    Moved to another post days after the report. Source: [B](https://b.org)\n" in out
    page = '---\ntitle: T\nreport_part: "None (site page)"\n---\n\n' + out
    assert content_kinds.check("docs/actors.md", page) == []
    real = {a["id"]: a for a in datafiles.load(ROOT, "actors")[0]}
    assert "later" not in real["russia"]["leaders"] and real["russia"]["after_report"]["period"].endswith("2025")


def test_officeholders_table_gives_then_now_since_and_as_of():
    out = actors.render_officeholders([ACTOR, {"id": "x", "name": "X"}], FACTS['long_date'])
    assert out.startswith("**[Japan](#japan)**\n\n| Office | At the report (May 6, 2024) |"), "the government once, above its table"
    assert ("| Prime Minister | Kishida Fumio | Takaichi Sanae, since October 21, 2025 "
            "(confirmed February 18, 2026) | [Nippon.com](https://n.org) |") in out and "**[X]" not in out
    assert "| Naruhito | Naruhito, since before the report (confirmed January 2025) |" in out
    assert actors.render_officeholders([{"id": "x", "name": "X"}], FACTS['long_date']) == "*No entries yet.*\n"
