"""Dated pages and the changelog (issue 9, items 6 and 7).

Unit tests of the pure functions with broken inputs (front matter dates, the currency rule,
the changelog and its feed), then the built HTML of both editions: the dates line and legend
link under every title, JSON-LD dateModified, the feed link in <head>, and feed.xml parsed and
compared with data/changes.yml.
"""
from __future__ import annotations

import datetime
import json
import textwrap
import xml.etree.ElementTree as ET

import pytest
import yaml
from conftest import ROOT, nav_pages
from helpers.built import built_path, soup

from hooks.checks import front_matter, page_currency
from hooks.core import report_facts
from hooks.core.build import Build
from hooks.data import changelog, datafiles
from hooks.html import page_dates
from hooks.render import feed

ATOM = "{http://www.w3.org/2005/Atom}"
EDITIONS = ["hosted_site", "offline_site"]
NO_DATA = {name: [] for name in datafiles.DATA_FILES}
FACTS = report_facts.load(ROOT)


def page(body: str, covers: str = "2025-06-30", reviewed: str = "2026-11-30", extra: str = "") -> str:
    meta = f"title: A test page\ndescription: {'d' * 60}\nreport_part: \"None (site page)\"\n"
    meta += "".join(f"{key}: {value}\n" for key, value in (("covers_through", covers), ("last_reviewed", reviewed)) if value)
    return f"---\n{meta}{extra}---\n\n# A test page\n\n{textwrap.dedent(body).strip()}\n"


def messages(problems) -> list[str]:
    return [str(p) for p in problems]


# --- Front matter dates ----------------------------------------------------------------------

def test_dates_required_and_iso():
    assert front_matter.check("docs/a.md", page("Text.")) == []
    assert front_matter.check("docs/a.md", page("Text.", covers='"2025-06-30"')) == []   # quoted is fine
    assert messages(front_matter.check("docs/a.md", page("Text.", reviewed=""))) == [
        "docs/a.md:1: front matter lacks required key 'last_reviewed' (add 'last_reviewed: YYYY-MM-DD', the date the page "
        "was last checked against its sources; see 'Front matter' in CONTRIBUTING.md)"]
    assert messages(front_matter.check("docs/a.md", page("Text.", covers="")))[0].startswith(
        "docs/a.md:1: front matter lacks required key 'covers_through' (add 'covers_through: YYYY-MM-DD'")


@pytest.mark.parametrize("value", ["2026-13-01", "2026-02-30", "March 2026", "2026-03", "2026-03-16 10:00:00", "[2026]"])
def test_bad_dates_named_at_their_line(value):
    [problem] = front_matter.check("docs/a.md", page("Text.", covers=value))
    assert str(problem).startswith("docs/a.md:5: front matter 'covers_through': ") and "is not a date (write it as an ISO date, YYYY-MM-DD" in str(problem)


# --- The currency rule -----------------------------------------------------------------------

def test_mentions_read_the_usual_forms():
    found = page_currency.mentions("On March 12-13, 2026, 16 April 2026, Sept. 2025, 2026-05-01 and 2026-07 (not 2024-2025).")
    assert sorted((m.text, m.start.isoformat()) for m in found) == [
        ("16 April 2026", "2026-04-16"), ("2026-05-01", "2026-05-01"), ("2026-07", "2026-07-01"),
        ("March 12-13, 2026", "2026-03-13"), ("Sept. 2025", "2025-09-01")]


def test_mentions_skip_sources_urls_code_and_bare_years():
    text = ("Said on [KCNA, August 5, 2026](https://kcnawatch.org/x) and at https://x.org/2026-09-01/ and `2026-10-01`,"
            "[^n] in 2027, may 2026.")
    assert page_currency.mentions(text) == []
    assert [m.text for m in page_currency.mentions("See [the June 2026 entry](../timeline.md).")] == ["June 2026"]
    assert [m.text for m in page_currency.mentions("After the report: 2027", years=True)] == ["2027"]


def test_plans_and_deadlines_are_not_events():
    text = ("Lavrov said it should open in February 2026; the opening would fall around April 26, 2026. "
            "The mandate runs until April 30, 2027. It opened on May 2, 2026.")
    assert [m.text for m in page_currency.mentions(text)] == ["May 2, 2026"]


def test_a_page_within_its_date_passes():
    body = '''
        !!! after "After the report: June 2025"

            On June 30, 2025, it happened.[^a] A source dated [July 9, 2025](https://x.org/) says so.

        !!! context "Background: before (2024)"

            The mandate was to run until April 30, 2027.[^a]

        [^a]: A source, [Title, December 1, 2026](https://x.org/), 2026.
    '''
    assert page_currency.check("docs/a.md", page(body), Build(ROOT, FACTS, NO_DATA)) == []


@pytest.mark.parametrize("body, expected", [
    ('!!! after "After the report: July 2025"\n\n    Something.[^a]',
     "docs/a.md:11: mentions 'July 2025', newer than the page's covers_through 2025-06-30 (set covers_through to the date "
     "of the newest event the page covers (at least 2025-07-01)"),
    ('!!! after "After the report: 2026"\n\n    Something.[^a]', "docs/a.md:11: mentions '2026'"),
    ('!!! after "After the report: June 2025"\n\n    Text.\n\n    Then on 1 July 2025 more.[^a]', "docs/a.md:15: mentions '1 July 2025'"),
    ('!!! after "After the report: May to July 2025"\n\n    | Date | Event |\n    | --- | --- |\n    | 2025-07-02 | X |',
     "docs/a.md:11: mentions 'July 2025'"),
])
def test_newer_mentions_fail_at_their_line(body, expected):
    found = messages(page_currency.check("docs/a.md", page(body), Build(ROOT, FACTS, NO_DATA)))
    assert found and found[0].startswith(expected), found


def test_rendered_data_counts_at_the_marker_line():
    event = {"date": "2025-08-15", "label": "A later event", "text": "Something later happened in August.", "kind": "after",
             "source": "https://x.org/", "source_title": "A source, September 1, 2025"}
    data = dict(NO_DATA, timeline=[event])
    [problem] = page_currency.check("docs/t.md", page("Intro.\n\n<!-- render: timeline-table -->"), Build(ROOT, FACTS, data))
    assert str(problem).startswith("docs/t.md:13: mentions 'August 15, 2025', newer than the page's covers_through 2025-06-30")
    assert page_currency.check("docs/t.md", page("Intro.\n\n<!-- render: timeline-table -->", covers="2025-08-15"), Build(ROOT, FACTS, data)) == []


def test_covers_through_after_last_review_fails():
    found = messages(page_currency.check("docs/a.md", page("Text.", covers="2026-12-01"), Build(ROOT, FACTS, NO_DATA)))
    assert found == ["docs/a.md:5: covers_through 2026-12-01 is later than last_reviewed 2026-11-30 (a page cannot cover "
                     "events after its last review; see 'Front matter' in CONTRIBUTING.md)"]


def test_the_check_scans_a_page_once(monkeypatch):
    calls = []
    real = page_currency.scan
    monkeypatch.setattr(page_currency, "scan", lambda source: calls.append(source) or real(source))
    body = '!!! after "After the report: 2030"\n\n    On March 3, 2030, X.[^a]\n\n[^a]: S.'
    assert len(page_currency.check("docs/a.md", page(body, covers="2026-12-01"), Build(ROOT, FACTS, NO_DATA))) == 3
    assert len(calls) == 1


def test_missing_dates_are_left_to_front_matter():
    assert page_currency.check("docs/a.md", page('!!! after "After the report: 2030"\n\n    X.', covers=""), Build(ROOT, FACTS, NO_DATA)) == []


def test_every_page_of_the_site_passes():
    data = datafiles.load_all(ROOT)
    found = [str(p) for path in sorted((ROOT / "docs").rglob("*.md"))
             for p in page_currency.check(path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8"), Build(ROOT, FACTS, data))]
    assert found == []


# --- The line under the title ----------------------------------------------------------------

def test_dates_line_and_legend():
    line = page_dates.dates_line({"covers_through": datetime.date(2026, 3, 16), "last_reviewed": "2026-11-30"})
    assert 'Covers events through <time datetime="2026-03-16">March 16, 2026</time>' in line
    assert 'Last reviewed <time datetime="2026-11-30">November 30, 2026</time>' in line
    assert page_dates.dates_line({"covers_through": "2026-03-16"}) == ""
    html = page_dates.insert_after_title("<h1>T</h1><p>x</p>", "<p>D</p>")
    assert html == "<h1>T</h1><p>D</p><p>x</p>"
    assert page_dates.insert_after_title("<p>x</p>", "<p>D</p>") == "<p>D</p><p>x</p>"


# --- The changelog and the feed --------------------------------------------------------------

CHANGES = [
    {"date": "2026-12-02", "pages": ["since.md"], "summary": "Newest change, on one page."},
    {"date": "2026-11-30", "pages": ["index.md", "report/summary.md"], "summary": "Second change of the first day."},
    {"date": "2026-11-30", "pages": ["whats-new.md"], "summary": "First change of the first day."},
]


def test_entry_ids_are_stable_when_entries_are_added_on_top():
    assert changelog.entry_ids(CHANGES) == ["change-2026-12-02-1", "change-2026-11-30-2", "change-2026-11-30-1"]
    assert changelog.entry_ids(CHANGES[1:]) == changelog.entry_ids(CHANGES)[1:]


def test_render_groups_by_date_with_titles():
    out = changelog.render(CHANGES, {"since.md": "Since the report", "index.md": "Home"})
    assert out.startswith("## December 2, 2026\n\n- Newest change, on one page. Pages: [Since the report](since.md).\n  {: #change-2026-12-02-1 }")
    assert "\n## November 30, 2026\n" in out and "Pages: [Home](index.md), [report/summary.md](report/summary.md)." in out


def test_changes_schema_rejects_bad_entries(tmp_path):
    (tmp_path / "data/schemas").mkdir(parents=True)
    (tmp_path / "data/schemas/changes.schema.json").write_text((ROOT / "data/schemas/changes.schema.json").read_text())
    (tmp_path / "data/changes.yml").write_text(
        '- date: "2026-11"\n  pages: [since.md]\n  summary: A summary that is long enough.\n'
        '- date: "2026-11-30"\n  pages: []\n  summary: No pages listed here at all.\n'
        '- date: "2026-11-30"\n  pages: [since.md]\n  summary: "Two lines\\nin one summary."\n')
    entries, problems = datafiles.load(tmp_path, "changes")
    found = messages(problems)
    assert entries == []
    assert found[0].startswith("data/changes.yml:1: entry 1, field 'date': '2026-11' does not match")
    assert found[1].startswith("data/changes.yml:5: entry 2, field 'pages': [] should be non-empty")
    assert found[2].startswith("data/changes.yml:9: entry 3, field 'summary':")


def test_pages_named_in_changes_must_exist(tmp_path):
    (tmp_path / "data/schemas").mkdir(parents=True)
    (tmp_path / "data/schemas/changes.schema.json").write_text((ROOT / "data/schemas/changes.schema.json").read_text())
    (tmp_path / "data/changes.yml").write_text('- date: "2026-11-30"\n  pages:\n    - since.md\n    - sanctions.md\n'
                                               '  summary: A summary that is long enough.\n')
    known = {"since.md", "report/sanctions.md"}
    found = messages(changelog.problems(tmp_path, known))
    assert found == ["data/changes.yml:4: entry 1: page 'sanctions.md' is not in docs/ (did you mean report/sanctions.md? "
                     "name the page's file relative to docs/, as in nav: in mkdocs.yml)"]
    entries = datafiles.load(tmp_path, "changes")[0] + [{"date": "2026-11-29", "pages": ["since.md"], "summary": "S."}]
    assert [c["date"] for c in changelog.existing_only(entries, known)] == ["2026-11-29"]
    (tmp_path / "data/changes.yml").write_text("- date: [unclosed\n")   # _datafiles reports the YAML error
    assert changelog.problems(tmp_path, known) == []


def parse_feed(xml: bytes) -> list[dict]:
    root = ET.fromstring(xml)
    assert root.tag == f"{ATOM}feed"
    return [{"id": e.findtext(f"{ATOM}id"), "title": e.findtext(f"{ATOM}title"), "updated": e.findtext(f"{ATOM}updated"),
             "links": [link.get("href") for link in e.findall(f"{ATOM}link")], "content": e.findtext(f"{ATOM}content")}
            for e in root.findall(f"{ATOM}entry")]


def test_build_feed():
    urls = {"since.md": "since/", "index.md": "./", "report/summary.md": "report/summary/", "whats-new.md": "whats-new/"}
    xml = feed.build_feed(CHANGES, urls, {"since.md": "Since the report"}, "https://x.org/s/", "Site", "Authors")
    entries = parse_feed(xml)
    assert [e["title"] for e in entries] == [c["summary"] for c in CHANGES]
    assert entries[0] == {"id": "https://x.org/s/whats-new/#change-2026-12-02-1", "title": "Newest change, on one page.",
                          "updated": "2026-12-02T00:00:00+00:00", "links": ["https://x.org/s/since/"],
                          "content": '<p>Newest change, on one page.</p><p>Pages: <a href="https://x.org/s/since/">Since the report</a>.</p>'}
    assert entries[1]["links"] == ["https://x.org/s/"]
    assert ET.fromstring(xml).findtext(f"{ATOM}updated") == "2026-12-02T00:00:00+00:00"
    again = feed.build_feed(CHANGES, urls, {"since.md": "Since the report"}, "https://x.org/s/", "Site", "Authors")
    assert xml == again   # no build time in the feed: rebuilding changes nothing


# --- The built site ----------------------------------------------------------------------------

@pytest.fixture(params=EDITIONS)
def edition(request):
    return request.getfixturevalue(request.param), request.param == "offline_site"


def meta_of(src: str) -> dict:
    return yaml.safe_load((ROOT / "docs" / src).read_text(encoding="utf-8").split("---", 2)[1])


def test_every_page_shows_its_dates_and_the_legend_link(edition):
    site, offline = edition
    for src in nav_pages():
        meta = meta_of(src)
        path = built_path(site, src, offline)
        doc = soup(path)
        title = doc.select_one("article h1")
        dates, note = title.find_next_sibling(), title.find_next_sibling().find_next_sibling()
        assert "mdx-page-dates" in dates["class"], f"{src}: no dates line right under the title"
        covers, reviewed = (t["datetime"] for t in dates.find_all("time"))
        assert (covers, reviewed) == (meta["covers_through"].isoformat(), meta["last_reviewed"].isoformat()), src
        assert dates.get_text(" ", strip=True).startswith("Covers events through "), src
        link = note.find("a")
        assert "mdx-legend-note" in note["class"] and link.get_text() == "How to read this site", src
        target, anchor = link["href"].split("#")
        legend = (path.parent / target) if target else path
        if legend.is_dir():
            legend = legend / "index.html"
        assert anchor == "how-to-read-this-site" and soup(legend).find(id=anchor), f"{src}: legend link {link['href']} is broken"
    # Both lines carry data-search-exclude="true", which Material honours and then strips.
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    leaked = [d["location"] for d in index["docs"]
              if "Covers events through" in d["text"] or "Boxes mark what the report says" in d["text"]]
    assert leaked == [], f"the dates line or the legend note is in the search index: {leaked[:5]}"


def test_every_page_has_json_ld_with_date_modified(edition):
    site, offline = edition
    for src in nav_pages():
        data = json.loads(soup(built_path(site, src, offline)).find("script", type="application/ld+json").string)
        assert data["dateModified"] == meta_of(src)["last_reviewed"].isoformat(), src
        assert data["@type"] == ("WebPage" if meta_of(src)["report_part"] == "None (site page)" else "Article"), src


def test_cite_this_page_uses_the_review_date(edition):
    site, offline = edition
    for src in nav_pages():
        reviewed = meta_of(src)["last_reviewed"]
        text = soup(built_path(site, src, offline)).select_one("#cite-this-page").find_next("details").get_text()
        long = f"{reviewed.strftime('%B')} {reviewed.day}, {reviewed.year}"
        assert f"Last reviewed {long}." in text and f"({reviewed.year}, {reviewed.strftime('%B')} {reviewed.day})" in text, src
        assert "accessed" not in text.lower() and "(n.d.)" not in text and "*date*" not in text, src


def test_feed_is_linked_and_matches_the_changelog(edition):
    site, offline = edition
    changes = yaml.safe_load((ROOT / "data/changes.yml").read_text(encoding="utf-8"))
    for src in nav_pages():
        path = built_path(site, src, offline)
        links = soup(path).find_all("link", rel="alternate", type="application/atom+xml")
        if offline:      # overrides/main.html: Material would fetch sitemap.xml beside it, a CORS error on file://
            assert not links, f"{src}: the offline edition must not link the feed"
            continue
        [link] = links
        assert not link["href"].startswith(("http:", "https:", "/")), f"{src}: the feed link must be relative"
        assert (path.parent / link["href"]).resolve() == (site / "feed.xml").resolve(), src
    entries = parse_feed((site / "feed.xml").read_bytes())
    assert [e["title"] for e in entries] == [c["summary"] for c in changelog.ordered(changes)]
    assert [e["updated"][:10] for e in entries] == [c["date"] for c in changelog.ordered(changes)]
    assert len({e["id"] for e in entries}) == len(entries)
    whats_new = soup(built_path(site, "whats-new.md", offline))
    for entry in entries:
        assert whats_new.find(id=entry["id"].split("#")[1]), f"feed id {entry['id']} has no anchor on What's new"
