"""The review log on sources/ and the office-holders table's vacant rows and dated sources (issue 25)."""
from __future__ import annotations

from conftest import ROOT

from hooks.data import datafiles
from hooks.render.actors import render_officeholders
from hooks.render.reviews import render_reviews

REVIEW = {"date": "2026-12-05", "pages": ["since.md", "report/congress.md"],
          "searched": ["News pages in five languages."], "added": ["Seventeen events."],
          "left_out": [{"item": "A claimed museum opening.", "why": "Seen only on one site.", "source": "https://x.org/a"},
                       {"item": "A later bill.", "why": "Not found."}]}
OFFICE = {"office": "Ambassador to North Korea", "at_report": "Alexander Matsegora", "now": "Vacant", "vacant": True,
          "since": "2025-12-06", "since_source": "https://tass.com/politics/2055235", "since_source_title": "TASS, December 8, 2025",
          "as_of": "2026-03-05", "source": "https://www.kommersant.ru/doc/8480961", "source_title": "Kommersant, March 5, 2026"}


def test_review_log_lists_pages_by_title_with_links_relative_to_the_page():
    out = render_reviews([REVIEW], "sources.md", {"since.md": "Since the report"})
    assert out.startswith("**December 5, 2026.** Pages reviewed: [Since the report](since.md), [report/congress.md](report/congress.md).")
    assert "1 additions, 2 items left out." in out
    assert '??? note "What the review of December 5, 2026 searched, added and left out"' in out
    assert "    - A claimed museum opening. Seen only on one site. ([where it was seen](https://x.org/a))" in out
    assert "    - A later bill. Not found.\n" in out


def test_review_log_is_newest_first_and_says_when_empty():
    older = dict(REVIEW, date="2026-06-01")
    out = render_reviews([older, REVIEW], "sources.md", {})
    assert out.index("December 5, 2026") < out.index("June 1, 2026")
    assert render_reviews([], "sources.md", {}) == "*No entries yet.*\n"


def test_a_vacant_office_says_since_when_and_the_dates_source():
    out = render_officeholders([{"id": "russia", "name": "Russia", "officeholders": [OFFICE]}], "May 6, 2024")
    assert "| Vacant since December 6, 2025 (still so on March 5, 2026) |" in out
    assert "[Kommersant, March 5, 2026](https://www.kommersant.ru/doc/8480961); date: [TASS, December 8, 2025](https://tass.com/politics/2055235)" in out


def test_the_data_has_a_review_and_a_vacancy():
    reviews, problems = datafiles.load(ROOT, "reviews")
    assert problems == [] and reviews and reviews[0]["date"] == "2026-12-05"
    actors, _ = datafiles.load(ROOT, "actors")
    assert any(o.get("vacant") for a in actors for o in a.get("officeholders", []))


def test_a_vacant_row_must_say_vacant_and_give_its_date(tmp_path):
    from hooks.data.datafiles import validate
    import json
    schema = json.loads((ROOT / "data/schemas/actors.schema.json").read_text())
    actor = {"id": "russia", "name": "Russia", "group": "partnership", "role": "A role long enough.", "interests": "Interests.",
             "in_report": True, "source": "x"}
    # As written in data/actors.yml: sources by registry id (hooks/data/source_refs.py resolves them).
    raw = {k: v for k, v in OFFICE.items() if not k.endswith("_title")} | {"source": "kommersant", "since_source": "tass"}
    actor["officeholders"] = [dict(raw, now="Someone"), {k: v for k, v in raw.items() if k != "since_source"} | {"since_source_note": "a note"}]
    found = [str(p) for p in validate("data/actors.yml", [actor], schema, {(0,): 3})]
    assert any("'Vacant' was expected" in f for f in found), found
    assert any("'since_source' is a dependency of 'since_source_note'" in f for f in found), found
    assert not any("does not match" in f for f in found), found      # ids are what the schema wants


def test_office_holders_become_search_topics_of_the_pages_that_show_them():
    from hooks.html.search_tuning import officeholder_names
    actors = [{"officeholders": [OFFICE, dict(OFFICE, at_report="Jake Sullivan", now="Marco Rubio, in the interim (after Mike Waltz)"),
                                 dict(OFFICE, at_report="Chang Ho-jin", now="Wi Sung-lac (after Shin Won-sik)")]}]
    assert officeholder_names(actors) == ["Alexander Matsegora", "Jake Sullivan", "Marco Rubio", "Chang Ho-jin", "Wi Sung-lac"]
