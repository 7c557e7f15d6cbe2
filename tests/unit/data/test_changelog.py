"""hooks/data/changelog.py: data/changes.yml, its stable ids, its schema and the pages it names."""
from __future__ import annotations

from conftest import ROOT
from helpers.sample import CHANGES, messages

from hooks.data import changelog, datafiles


def test_entry_ids_are_stable_when_entries_are_added_on_top():
    assert changelog.entry_ids(CHANGES) == ["change-2026-12-02-1", "change-2026-11-30-2", "change-2026-11-30-1"]
    assert changelog.entry_ids(CHANGES[1:]) == changelog.entry_ids(CHANGES)[1:]


def test_render_groups_by_date_with_titles():
    out = changelog.render(CHANGES, {"since.md": "Since the report", "index.md": "Home"})
    assert out.startswith("## December 2, 2026\n\n- Newest change, on one page. Pages: [Since the report](since.md).\n  {: #change-2026-12-02-1 }")
    assert "\n## Earlier changes\n\n??? note \"November 30, 2026: 2 changes\"\n" in out, "an earlier date folds"
    assert "    - First change of the first day. Pages:" in out and "      {: #change-2026-11-30-1 }" in out
    assert "Pages: [Home](index.md), [report/summary.md](report/summary.md)." in out


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
