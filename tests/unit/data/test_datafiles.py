"""hooks/data/datafiles.py: loading and validating data/*.yml, messages at file, line and field,
one read per build, unique ids and glossary anchors, and the titles that live only in the schemas."""
from __future__ import annotations

import os
import shutil

import pytest
from conftest import ROOT
from helpers.sample import REPORT_DATE, messages

from hooks.data import datafiles
from hooks.render import estimates, sanctions, timeline
from hooks.render.sanctions import after_report

DATE_SCHEMA = {"type": "array", "items": {"type": "object", "required": ["date"], "additionalProperties": False,
                                         "properties": {"date": {"type": "string", "format": "partial-iso-date"}}}}


@pytest.mark.parametrize("value", ["2024", "2024-02", "2024-02-29", "2023-12-31"])
def test_partial_iso_dates_valid(value):
    assert datafiles.validate("data/t.yml", [{"date": value}], DATE_SCHEMA, {(0, "date"): 3}) == []


@pytest.mark.parametrize("value", ["2024-02-30", "2023-13", "2023-02-29", "2024-00", "24", "2024-1-5", "May 2024", "2024-05-06T00:00"])
def test_partial_iso_dates_invalid(value):
    found = messages(datafiles.validate("data/t.yml", [{"date": value}], DATE_SCHEMA, {(0, "date"): 3}))
    assert len(found) == 1 and found[0].startswith(f"data/t.yml:3: entry 1, field 'date': '{value}' is not a 'partial-iso-date'"), found


def test_datafiles_messages_name_file_line_and_field():
    lines = {(0,): 1, (0, "date"): 1, (1,): 3, (1, "extra"): 4}
    found = messages(datafiles.validate("data/t.yml", [{"date": "2024"}, {"extra": 1}], DATE_SCHEMA, lines))
    assert "data/t.yml:3: entry 2, field 'date': is missing (see data/schemas/t.schema.json)" in found
    assert any(line.startswith("data/t.yml:3: entry 2: Additional properties are not allowed") for line in found)


def test_load_reports_yaml_errors_and_leaves_out_bad_entries(tmp_path):
    (tmp_path / "data/schemas").mkdir(parents=True)
    (tmp_path / "data/schemas/timeline.schema.json").write_text((ROOT / "data/schemas/timeline.schema.json").read_text())
    good = {"id": "a-label", "date": "2024-01-02", "label": "A label", "text": "Some text that is long enough.", "kind": "report",
            "source": "example"}
    import yaml
    bad = dict(good, id="another-label", date="2024-02-30")          # entry 2 at line 7, its date at line 8
    (tmp_path / "data/timeline.yml").write_text(yaml.safe_dump([good, bad], sort_keys=False))
    entries, problems = datafiles.load(tmp_path, "timeline")
    assert entries == [good]
    assert [str(p).split(": ")[0] for p in problems] == ["data/timeline.yml:8"]
    (tmp_path / "data/timeline.yml").write_text("- date: '2024'\n  label: [unclosed\n")
    entries, problems = datafiles.load(tmp_path, "timeline")
    assert entries == [] and str(problems[0]).startswith("data/timeline.yml:2: not valid YAML")


def test_duplicate_ids():
    found = messages(datafiles._unique("data/a.yml", [{"id": "x"}, {"id": "x"}], {(1, "id"): 7}))
    assert found == ["data/a.yml:7: entry 2: duplicate id 'x' (also entry 1) (merge the two entries or rename one)"]
    # Terms that would share an anchor on the glossary page (datafiles.term_anchor) are duplicates too.
    found = messages(datafiles._unique("data/glossary.yml", [{"term": "Article 4 (2024 treaty)"}, {"term": "Article 4, 2024 treaty"}], {(1, "term"): 9}))
    assert found == ["data/glossary.yml:9: entry 2: term 'Article 4, 2024 treaty' has the same anchor #term-article-4-2024-treaty "
                     "as entry 1 'Article 4 (2024 treaty)' (rename one so the anchors differ, or merge the two entries)"]
    found = messages(datafiles._unique("data/glossary.yml", [{"term": "Kim"}, {"term": "зс"}], {(1, "term"): 5}))
    assert found == ["data/glossary.yml:5: entry 2: term 'зс' has no letters or digits for its anchor (spell the term with Latin letters or digits)"]


def test_real_data_files_are_valid():
    for name in datafiles.DATA_FILES:
        assert datafiles.load(ROOT, name)[1] == []


def test_data_is_read_once_until_a_file_changes(tmp_path, monkeypatch):
    """_datafiles keeps each load until its file's mtime (or size) changes: one read per build,
    and `make serve` still sees an edit."""
    (tmp_path / "data/schemas").mkdir(parents=True)
    (tmp_path / "data/schemas/glossary.schema.json").write_text((ROOT / "data/schemas/glossary.schema.json").read_text())
    entry = {"term": "Alpha", "definition": "A first term, with a definition long enough to pass."}
    import yaml
    path = tmp_path / "data/glossary.yml"
    path.write_text(yaml.safe_dump([entry], sort_keys=False))
    reads = []
    real_read = datafiles._read
    monkeypatch.setattr(datafiles, "_read", lambda root, name: reads.append(name) or real_read(root, name))
    first, problems = datafiles.load(tmp_path, "glossary")
    assert problems == [] and first[0]["term"] == "Alpha"
    first.clear()                                                     # a caller's list is its own
    assert datafiles.load(tmp_path, "glossary")[0][0]["term"] == "Alpha" and reads == ["glossary"]
    before = path.stat().st_mtime_ns
    path.write_text(yaml.safe_dump([dict(entry, term="Omega")], sort_keys=False))   # same size
    os.utime(path, ns=(before + 1_000_000_000, before + 1_000_000_000))
    assert datafiles.load(tmp_path, "glossary")[0][0]["term"] == "Omega" and reads == ["glossary"] * 2
    os.utime(path, ns=(before + 2_000_000_000, before + 2_000_000_000))   # only the mtime changes
    datafiles.load(tmp_path, "glossary")
    assert reads == ["glossary"] * 3
    data, lines = datafiles.source(tmp_path, "glossary")
    assert data[0]["term"] == "Omega" and lines[(0, "term")] == 1 and reads == ["glossary"] * 3


def test_a_glossary_term_anchor_keeps_only_letters_and_digits():
    assert datafiles.term_anchor("Article 4 (2024 treaty)") == "term-article-4-2024-treaty"
    assert datafiles.term_anchor("U.S. Treasury's OFAC") == "term-u-s-treasury-s-ofac"
    assert datafiles.term_anchor("Sinŭiju") == "term-sinuiju"          # accents dropped, not the letter


def test_real_new_data_is_valid_and_rendered_counts_match():
    for name in ("sanctions", "estimates", "actors", "timeline"):
        entries, problems = datafiles.load(ROOT, name)
        assert problems == [], problems
        assert entries, name
    sanctions = datafiles.load(ROOT, "sanctions")[0]
    assert any(not after_report(s, REPORT_DATE) for s in sanctions) and any(after_report(s, REPORT_DATE) for s in sanctions)


def test_reader_facing_labels_live_only_in_the_schemas(tmp_path):
    """Who acted, what an estimate measures and the story threads are titled in data/schemas
    (oneOf const/title): a value added there is rendered with its title and needs no code."""
    assert sanctions.ACTORS["us-treasury"] == "U.S. Treasury (OFAC)" and estimates.MEASURES["deployed"] == "Sent to Russia"
    assert list(timeline.THREADS)[0] == "treaty"
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "hooks").rglob("*.py"))
    for name, field in (("sanctions", "actor"), ("estimates", "measure"), ("timeline", "thread")):
        for title in datafiles.choices(name, field).values():
            if len(title) > 8:   # "Other", "Killed"... are ordinary words
                assert f'"{title}"' not in code, f"{title!r} is spelled in hooks/: read it from data/schemas/{name}.schema.json"
    shutil.copytree(ROOT / "data/schemas", tmp_path / "data/schemas")
    path = tmp_path / "data/schemas/sanctions.schema.json"
    schema = path.read_text(encoding="utf-8").replace('{"const": "other", "title": "Other"}',
                                                     '{"const": "swiss", "title": "Switzerland"}, {"const": "other", "title": "Other"}')
    path.write_text(schema, encoding="utf-8")
    assert list(datafiles.choices("sanctions", "actor", tmp_path).items())[-2:] == [("swiss", "Switzerland"), ("other", "Other")]


def test_a_data_entry_cites_the_registry_by_id_and_pages_see_the_citation(tmp_path):
    """hooks/data/source_refs.py: `source: <id>` in the file; the pages get the URL and the citation."""
    import yaml
    (tmp_path / "data/schemas").mkdir(parents=True)
    for name in ("timeline", "sources"):
        (tmp_path / f"data/schemas/{name}.schema.json").write_text((ROOT / f"data/schemas/{name}.schema.json").read_text())
    source = {"id": "tass-duma", "publisher": "TASS", "title": '"Duma ratifies"', "title_is": "headline",
              "url": "https://tass.com/politics/1", "date": "2024-10-24", "language": "en", "kind": "news-agency",
              "unreadable": "no stored copy found"}
    (tmp_path / "data/sources.yml").write_text(yaml.safe_dump([source], sort_keys=False))
    event = {"id": "a-label", "date": "2024-01-02", "label": "A label", "text": "Some text that is long enough.", "kind": "report"}
    (tmp_path / "data/timeline.yml").write_text(yaml.safe_dump([dict(event, source="tass-duma"), dict(event, id="b", source="tass-dumma")],
                                                               sort_keys=False))
    entries, problems = datafiles.load(tmp_path, "timeline")
    assert [e["id"] for e in entries] == ["a-label"] and entries[0]["source"] == "tass-duma"   # the file as written
    assert messages(problems) == ["data/timeline.yml:12: entry 2, field 'source': no source with id 'tass-dumma' in "
                                  "data/sources.yml (did you mean 'tass-duma'? use the id of a source in data/sources.yml, "
                                  "or add the source there first)"]
    [shown] = datafiles.load_all(tmp_path)["timeline"]
    assert shown["source"] == "https://tass.com/politics/1"
    assert shown["source_title"] == "TASS, October 24, 2024"


def test_a_source_note_follows_the_citation():
    from hooks.data import source_refs
    registry = {"rt": {"id": "rt", "publisher": "Copies", "lead": "RT,", "original_publisher": "RT", "title": "*A report*",
                       "url": "https://rt.com/1", "after": ", as republished by Copies."}}
    office = {"since_source": "rt", "since_source_note": "the Kremlin announced it that day", "source": "nope"}
    out = source_refs.resolve({"officeholders": [office]}, registry)["officeholders"][0]
    assert out["since_source"] == "https://rt.com/1" and out["source"] == "nope"      # unknown ids: left to the check
    assert out["since_source_title"] == "RT, A report, as republished by Copies (the Kremlin announced it that day)"


def test_more_sources_are_ids_too_and_render_after_the_first():
    from hooks.data import source_refs
    from hooks.render import md
    registry = {i: {"id": i, "publisher": i.upper(), "title": "A report", "title_is": "description", "url": f"https://{i}.org/",
                    "date": "2024-10-18"} for i in ("kbs", "donga")}
    entry = {"source": "kbs", "more_sources": ["donga"]}
    shown = source_refs.resolve(entry, registry)
    assert md.source_link(shown) == "[KBS, October 18, 2024](https://kbs.org/); [DONGA, October 18, 2024](https://donga.org/)"
    assert source_refs.unknown({"more_sources": ["donga", "dnga"]}, set(registry)) == [(("more_sources", 1), "dnga", "donga")]


def test_the_claim_check_of_an_entry_reads_every_source_it_cites():
    """hooks/data/datafiles.claimed_facts_misses: a fact in the second source's passage is carried."""
    entry = {"id": "e", "date": "2024", "text": "About 1,500 special forces were moved.", "source": "crs"}
    assert [fact for *_, fact, _ in datafiles.claimed_facts_misses("data/t.yml", [entry], ROOT)] == ["1,500"]
    assert datafiles.claimed_facts_misses("data/t.yml", [dict(entry, more_sources=["donga-nis-1500"])], ROOT) == []


def test_a_date_worked_out_from_its_source_is_said_to_be_and_not_looked_for():
    """date_derived: the claim check takes the date as worked out, and the reader sees how."""
    from hooks.data import source_refs
    entry = {"id": "e", "date": "2025-08-14", "text": "Kim gives a speech.", "source": "crs"}
    assert [fact for *_, fact, _ in datafiles.claimed_facts_misses("data/t.yml", [entry], ROOT)] == ["August 14"]
    derived = dict(entry, date_derived="the source of August 15 says 'the previous day'")
    assert datafiles.claimed_facts_misses("data/t.yml", [derived], ROOT) == []
    registry = {"crs": {"id": "crs", "publisher": "P", "title": "T", "url": "https://p.org/", "date": "2025-08-15"}}
    assert source_refs.resolve(derived, registry)["source_title"] == \
        "P, August 15, 2025 (date worked out: the source of August 15 says 'the previous day')"


def test_a_data_miss_listed_in_the_baseline_that_is_resolved_is_reported_as_stale(monkeypatch):
    from hooks.core import claim_text
    entry = {"id": "e", "date": "2025-08-14", "text": "Kim gives a speech.", "source": "crs", "date_derived": "worked out here"}
    monkeypatch.setattr(claim_text, "baseline", lambda: {("data/timeline.yml#e", "August 14", "crs"): 9})
    found = messages(datafiles.claimed_facts_problems("data/timeline.yml", [entry], {(0,): 3}, ROOT))
    assert found == ['hooks/core/claim_baseline.yml:9: "August 14" on data/timeline.yml#e is now in the passages cited '
                     '(delete this entry: the baseline lists only misses still to resolve)']
    del entry["date_derived"]
    assert messages(datafiles.claimed_facts_problems("data/timeline.yml", [entry], {(0,): 3}, ROOT)) == []
