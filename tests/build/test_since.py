"""The built "Since the report" page and the data it renders (issue 9, items 1-4).

Checks the built hosted edition: the six threads, the plain statement of where the evidence
stops (it must name the newest after-the-report event in data/timeline.yml), the rendered tables
(one row per data entry), and that search finds the new material on the since page.
"""
from __future__ import annotations

import json

import yaml

from conftest import ROOT
from helpers.built import built_path, soup

from hooks.core import dates, report_facts
from hooks.data import datafiles
from hooks.render.sanctions import after_report

THREADS = ["the-treaty", "troops-and-casualties", "arms-and-money", "sanctions", "transport-and-people", "diplomacy", "chronology"]

REPORT_DATE = report_facts.load(ROOT)["date"]


def data(name: str) -> list:
    entries, problems = datafiles.load(ROOT, name)
    assert problems == []
    return entries


def article(site, page: str):
    return soup(built_path(site, page, False)).select_one("article")


def test_since_page_is_organised_by_thread(hosted_site):
    page = article(hosted_site, "since.md")
    for anchor in THREADS:
        assert page.find(id=anchor), f"since page lacks the '{anchor}' section"


def test_since_page_says_where_the_evidence_stops(hosted_site):
    """The overview shows its own cut-off from its front matter (tests/unit/checks/test_page_currency.py
    bounds it by the events the page shows and the newest event in data/)."""
    newest = max(e["date"] for e in data("timeline") if e["kind"] == "after")
    shown = str(yaml.safe_load((ROOT / "docs/since.md").read_text(encoding="utf-8").split("---")[1])["covers_through"])
    text = " ".join(article(hosted_site, "since.md").get_text(" ").split())
    assert f"Covers events through {dates.human_date(shown)}" in text and shown <= newest, (shown, newest)


def test_estimates_render_one_row_per_entry(hosted_site):
    """Troop estimates on reference/estimates.md, losses on reference/losses.md, each in its box."""
    estimates = data("estimates")
    deployed = sum(e["measure"] == "deployed" for e in estimates)
    for src, expected in (("reference/estimates.md", deployed), ("reference/losses.md", len(estimates) - deployed)):
        rows = [len(t.select("tbody tr")) for t in article(hosted_site, src).select("div.admonition.after table")]
        assert rows == [expected], (src, rows)


def test_short_chronology_lists_the_key_dates_and_links_the_rest(hosted_site):
    page = article(hosted_site, "since.md")
    box = page.find(id="chronology").find_next("div", class_="admonition")
    key = [e for e in data("timeline") if e.get("chronology")]
    lines = box.select("li")
    assert 8 <= len(lines) == len(key) <= 20, "a short chronology: the events marked `chronology: true`"
    assert all(li.select_one("a[href^='https://']") for li in lines), "every line links its source"
    assert box.select_one("a[href='../timeline/#kind-after']"), "the box links the timeline's after-the-report events"


def test_sanctions_tables_sit_in_their_boxes(hosted_site):
    sanctions = data("sanctions")
    before = article(hosted_site, "reference/sanctions-before.md").select("div.admonition.context table tbody tr")
    after = article(hosted_site, "reference/sanctions-after.md").select("div.admonition.after table tbody tr")
    assert len(before) == sum(not after_report(s, REPORT_DATE) for s in sanctions)
    assert len(after) == sum(after_report(s, REPORT_DATE) for s in sanctions)
    assert all(row.select_one("a[href^='https://']") for row in before + after), "every row links its source"


def test_officeholders_table_on_the_office_holders_page(hosted_site):
    offices = [o for a in data("actors") for o in a.get("officeholders", [])]
    box = article(hosted_site, "actors/office-holders.md").select_one("div.admonition.after")
    assert len(box.select("table tbody tr")) == len(offices), "a table per government, a row per office"
    assert "Lee Jae-myung" in box.get_text() and "Donald Trump" in box.get_text()


def test_search_finds_the_new_material_on_the_since_page(hosted_site):
    index = json.loads((hosted_site / "search/search_index.json").read_text(encoding="utf-8"))
    for word in ("Tumen", "Wonsan", "deminers", "museum", "Matsegora", "Belousov"):
        pages = {doc["location"].split("#")[0] for doc in index["docs"] if word.lower() in (doc["title"] + " " + doc["text"]).lower()}
        assert "since/" in pages, f"search for {word!r} does not reach the since page: {sorted(pages)}"


def test_home_page_story_so_far_and_numbers(hosted_site):
    timeline, estimates, sanctions = data("timeline"), data("estimates"), data("sanctions")
    home = article(hosted_site, "index.md")
    story = home.find(id="the-story-so-far").find_next("div", class_="admonition")
    assert len(story.select("li")) == sum(bool(e.get("highlight")) for e in timeline) >= 4
    assert all(li.select_one("a[href^='https://']") for li in story.select("li")), "every line links its source"
    numbers = home.find(id="by-the-numbers").find_next("div", class_="admonition").select("tbody tr")
    expected = sum(bool(e.get("figure")) for e in timeline) + sum(bool(e.get("key")) for e in estimates) + 1
    assert len(numbers) == expected
    assert all(len(row.select("td")) == 4 and row.select("td")[2].get_text().strip() for row in numbers), "each figure has a date"
    assert f"{sum(after_report(s, REPORT_DATE) for s in sanctions)} actions naming" in numbers[-1].get_text()
