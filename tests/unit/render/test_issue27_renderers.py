"""Issue 27's renderers: the checked page and "Since then" notes, the treaty, further reading, names.

Pure functions on the real data (hooks/render/claims.py, treaty.py, reading.py, names.py) and the
marker plumbing that places a "Since then" note in its section (hooks/render/markers.py).
"""
from __future__ import annotations

import re

from conftest import ROOT

from hooks.core.build import Build
from hooks.data import datafiles
from hooks.render import claims, markers, names, reading, treaty
from hooks.render.actors import render_actors
from hooks.render.glossary import render_glossary
from hooks.render.maps import render_places
from scripts import external_links

DATA = datafiles.load_all(ROOT)
BUILD = datafiles.build_for(ROOT)
EVENTS = {e["id"]: e for e in DATA["timeline"]}


# --- The report checked against events --------------------------------------------------------

def test_checked_page_shows_every_claim_with_quote_status_events_and_sources():
    out = claims.render_claims(DATA["claims"], DATA["timeline"], BUILD.facts, {"report/summary.md": "The report's summary"})
    statuses = claims.statuses()
    for claim in DATA["claims"]:
        section = out[out.index(f"{{ #{claim['id']} }}"):]
        section = section[:section.find("\n### ")] if "\n### " in section else section
        assert f"**Status: {statuses[claim['status']]}.**" in section
        assert f"\u201c{claim['report_words']}\u201d (CRS Insight IN12355, " in section, "the report's words, quoted and attributed"
        assert claim["reasoning"] in section
        assert f"**{statuses[claim['status']]}**" in claims.render_overview(DATA["claims"]), "the overview gives each status"
        for event in claim["events"]:
            assert f"(../timeline.md#{event})" in section, f"{claim['id']}: event {event} not linked by id"
        for source in claim["sources"]:
            assert f"]({source['url']})" in section
    assert '!!! report "What the report says (May 6, 2024)"' in out and '??? after "After the report: ' in out, "the check folds under the report box"
    assert "[The report's summary](summary.md#a-partnership-upgraded-since-2023)" in out


def test_overview_counts_statuses_and_checks_give_next_due_dates():
    overview = claims.render_overview(DATA["claims"])
    assert f"{len(DATA['claims'])} claims:" in overview and "[Options for Congress](#options-for-congress)" in overview
    checks = claims.render_checks(DATA["claims"])
    open_ = [c for c in DATA["claims"] if c["status"] == "still-open"]
    assert open_ and all(c.get("next_check") for c in open_)
    assert checks.count("June 5, 2027") == len(open_)


def test_since_then_note_lists_only_its_sections_claims():
    out = claims.render_since_then(DATA["claims"], DATA["timeline"], "report/summary.md#new-sanctions-designations")
    assert out.startswith('??? after "Since then: what became of these claims"\n')
    assert "(checked.md#us-designations)" in out and "#partnership-upgraded" not in out
    assert "(../timeline.md#2024-02-23-state-cites-10-000-containers)" in out
    whole_page = claims.render_since_then(DATA["claims"], DATA["timeline"], "report/summary.md")
    assert "#us-designations" in whole_page and "#partnership-upgraded" in whole_page
    assert claims.render_since_then(DATA["claims"], DATA["timeline"], "report/summary.md#the-argument-in-one-picture") == ""


def test_marker_renders_the_note_for_the_section_it_sits_in():
    page = "# T\n\n## New sanctions designations\n\n!!! report \"x\"\n\n    y\n\n<!-- render: since-then -->\n"
    out, problems = markers.render(Build(ROOT, BUILD.facts, DATA), "docs/report/summary.md", "report/summary.md", page)
    assert problems == [] and "#us-designations" in out and "#partnership-upgraded" not in out
    assert markers.section_id("## A challenge to long-standing U.S. policy\n\nx", 47) == "a-challenge-to-long-standing-us-policy"
    assert markers.section_id("### Kursk { #kursk-region }\n", 27) == "kursk-region"


def test_every_claim_part_has_a_since_then_marker_in_its_section_and_no_marker_is_empty():
    wanted = {p for c in DATA["claims"] for p in c["parts"]}
    found = set()
    for page in sorted((ROOT / "docs").rglob("*.md")):
        src = page.relative_to(ROOT / "docs").as_posix()
        text = page.read_text(encoding="utf-8")
        for match in markers.MARKER.finditer(text):
            if match["name"] == "since-then":
                where = f"{src}#{markers.section_id(text, match.start())}"
                assert claims.render_since_then(DATA["claims"], DATA["timeline"], where), f"{where}: a Since then note with no claim"
                found.add(where)
    assert wanted <= found, f"claims' parts with no Since then marker: {sorted(wanted - found)}"


def test_every_claim_event_exists_and_statuses_follow_from_events():
    for claim in DATA["claims"]:
        assert claim["events"] and all(e in EVENTS for e in claim["events"]), claim["id"]
        if claim["status"] == "overtaken":
            assert any(EVENTS[e]["kind"] == "after" for e in claim["events"]), "overtaken by something after the report"


# --- The treaty ----------------------------------------------------------------------------------

def test_treaty_has_23_articles_and_says_plainly_which_it_could_not_read():
    out = treaty.render_treaty(DATA["treaty"])
    assert len(re.findall(r"^### Article \d+", out, re.M)) == 23
    unread = [a for a in DATA["treaty"] if not a["read"]]
    assert out.count("**We could not read the text of this article.**") == len(unread)
    for article in DATA["treaty"]:
        assert f"{{ #article-{article['number']} }}" in out
        if article["read"]:
            assert article["summary"] in out and f"### Article {article['number']}: {article['title']}" in out
    assert "Article 4: " in out and "**Why it matters:**" in out
    assert f"We could read {len(DATA['treaty']) - len(unread)} of the 23 articles" in out


# --- Further reading -----------------------------------------------------------------------------

def test_reading_groups_by_thread_with_publisher_date_and_one_line():
    out = reading.render_reading(DATA["reading"])
    for item in DATA["reading"]:
        assert f"]({item['url']}), {item['publisher']}, " in out and item["adds"] in out
    counts = {t: sum(i["thread"] == t for i in DATA["reading"]) for t in reading.threads()}
    assert all(n >= 2 for n in counts.values()), counts


def test_weekly_link_check_covers_every_reading_url():
    places = external_links.extract(ROOT)
    for item in DATA["reading"]:
        assert any(p.startswith("data/reading.yml:") for p in places.get(item["url"], [])), item["url"]


# --- Names in Korean and Russian -------------------------------------------------------------------

def test_names_are_marked_with_their_language_and_shown_once_per_page():
    groups = datafiles.actor_groups(ROOT)
    pages = {"actors": render_actors(DATA["actors"], groups, names=DATA["names"]),
             "places": render_places("places.md", DATA["places"], {}, DATA["names"]),
             "glossary": render_glossary(DATA["glossary"], DATA["names"])}
    shown = {"ko": 0, "ru": 0}
    for entry in DATA["names"]:
        for lang in ("ko", "ru"):
            if not entry.get(lang):
                continue
            marked = names.span(entry[lang], lang)
            for target in entry["refers_to"]:
                page = "actors" if target == "person" else target.split("#")[0]
                assert pages[page].count(marked) == 1, f"{entry['en']} ({lang}) on {page}: {pages[page].count(marked)} times"
            shown[lang] += 1
    assert shown["ko"] >= 5 and shown["ru"] >= 5, shown
    for text in pages.values():
        bare = re.sub(r'<span lang="(ko|ru)">[^<]*</span>', "", text)
        bare = re.sub(r"\]\([^)]*\)", "]", bare)                       # link targets may hold Cyrillic
        assert not re.search(r"[\uac00-\ud7a3\u0400-\u04ff]", re.sub(r"\[[^\]]*\]", "", bare)), "Hangul or Cyrillic without lang"


def test_person_names_sit_beside_the_first_mention_and_cite_their_sources():
    out = render_actors(DATA["actors"], datafiles.actor_groups(ROOT), names=DATA["names"])
    assert 'Kim Jong Un (<span lang="ko">김정은</span>, <span lang="ru">Ким Чен Ын</span>)' in out
    assert "Names from [JoongAng Ilbo (in Korean)](https://www.joongang.co.kr/article/25192111?ac=vt)" in out
    assert names.mark_scripts("use 조선 or КНДР") == 'use <span lang="ko">조선</span> or <span lang="ru">КНДР</span>'
