"""The restatement says exactly what the report's text says (issue 9, item 8).

Checks the built pages against the facts the site once got wrong: the report's
"weapons procurement and transfers (to Russia)", the Panel of Experts' origin in resolution 1874
(2009), what part of the report the site holds, who said "munitions" and who gave shell
figures, and one date for Kim's arrival in Russia in September 2023.
"""
from __future__ import annotations

import re

import yaml
from conftest import ROOT

# The text of the report the site holds: its summary and the opening paragraph of "An Expanding
# Partnership" (a U.S. government work, in the public domain).
SOURCE = ROOT / "tests/data/in12355_opening.txt"


def text_of(site, page: str) -> str:
    html = (site / page).read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&quot;", '"').replace("&#39;", "'").replace("&rsquo;", "'")


def test_weapons_procurement_and_transfers_are_not_merged(hosted_site):
    for page in ("index.html", "report/summary/index.html", "report/sanctions/index.html"):
        text = text_of(hosted_site, page)
        assert '"weapons procurement and transfers (to Russia)"' in text or "“weapons procurement and transfers (to Russia)”" in text, page
        for merged in ("acquiring weapons and passing them", "buying weapons and sending them", "procuring weapons and transferring them"):
            assert merged not in text, (page, merged)


def test_panel_of_experts_comes_from_resolution_1874(hosted_site):
    html = (hosted_site / "report/sanctions/index.html").read_text(encoding="utf-8")
    assert "https://press.un.org/en/2009/sc9679.doc.htm" in html
    text = text_of(hosted_site, "report/sanctions/index.html")
    assert "Resolution 1874, adopted unanimously on June 12, 2009" in text
    assert "dates the panel to 2006" not in text


def test_site_says_it_holds_the_summary_and_the_opening_paragraph(hosted_site):
    for page in ("index.html", "sources/index.html", "report/partnership/index.html"):
        assert "opening paragraph" in text_of(hosted_site, page), page
    assert "opening paragraph of its first section" in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_shell_figures_are_credited_to_seoul_not_washington(hosted_site):
    text = text_of(hosted_site, "report/summary/index.html")
    assert "artillery shells) are background from the White House" not in text
    assert "the estimates in artillery shells come from South Korea's defense minister" in text


def test_kim_arrival_date_agrees_between_partnership_page_and_timeline(hosted_site):
    partnership = text_of(hosted_site, "report/partnership/index.html")
    assert "Sept 11 or 12" not in partnership and "September 11 or 12" not in partnership
    assert "6 a.m. local time on Tuesday, September 12" in partnership
    assert "quoted by TASS said Monday, the date in Moscow" in partnership     # the Russian account, attributed
    events = yaml.safe_load((ROOT / "data/timeline.yml").read_text(encoding="utf-8"))
    [arrival] = [e for e in events if "Khasan" in e["text"]]
    assert arrival["date"] == "2023-09-12"
    assert "Tuesday, September 12" in arrival["text"] and "says he reached the region on Monday" in arrival["text"]
