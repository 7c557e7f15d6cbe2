"""Issue 27's data: the fast check fails a broken claim, name or treaty entry with file and line.

Each test copies the real data/ into a temporary project, breaks one thing, and asks the same loader
the build and `make check` use (hooks/data/datafiles.py): the problem must start with the file and
the line of the broken field. The real data must have none of these problems.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from hooks.data import datafiles
from scripts import check


def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def line_of(path: Path, text: str, nth: int = 0) -> int:
    """The 1-based line of the nth line of `path` that contains `text`."""
    return [n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text in line][nth]


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(root: Path, name: str) -> list[str]:
    return [str(p) for p in datafiles.load(root, name)[1]]


@pytest.mark.parametrize("name", ["claims", "treaty", "names", "reading"])
def test_real_data_is_valid_and_loaded_by_the_build(name):
    assert name in datafiles.DATA_FILES
    entries, found = datafiles.load(ROOT, name)
    assert entries and found == []


def test_a_claim_without_a_status_fails_at_its_line(tmp_path):
    root = project(tmp_path)
    path = root / "data/claims.yml"
    line = line_of(path, "- id: partnership-upgraded")          # a missing field is reported at its entry
    replace(path, "  status: borne-out\n", "")
    found = problems(root, "claims")
    assert f"data/claims.yml:{line}: entry 1, field 'status': is missing (see data/schemas/claims.schema.json)" in found, found


def test_an_unknown_event_id_fails_at_its_line(tmp_path):
    root = project(tmp_path)
    path = root / "data/claims.yml"
    line = line_of(path, "  - 2024-06-19-putin-pyongyang-treaty-signed")
    replace(path, "  - 2024-06-19-putin-pyongyang-treaty-signed\n", "  - 2024-06-19-no-such-event\n")
    found = problems(root, "claims")
    assert any(p.startswith(f"data/claims.yml:{line}: entry 1, field 'events' item 2: unknown event id '2024-06-19-no-such-event'")
               for p in found), found


def test_a_status_without_a_source_fails_at_its_line(tmp_path):
    root = project(tmp_path)
    path = root / "data/claims.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  sources:\n")                    # the first claim's sources, up to its `assessed`
    end = text.index("  assessed:", start)
    line = text[:start].count("\n") + 1
    path.write_text(text[:start] + "  sources: []\n" + text[end:], encoding="utf-8")
    found = problems(root, "claims")
    assert any(p.startswith(f"data/claims.yml:{line}: entry 1, field 'sources'") for p in found), found


def test_an_open_claim_needs_its_next_check(tmp_path):
    root = project(tmp_path)
    path = root / "data/claims.yml"
    replace(path, "  next_check: '2027-06-05'\n", "")
    assert any("'next_check': is missing" in p for p in problems(root, "claims"))


def test_a_part_on_a_missing_page_fails(tmp_path):
    root = project(tmp_path)
    path = root / "data/claims.yml"
    line = line_of(path, "  - report/summary.md#a-partnership-upgraded-since-2023")
    replace(path, "  - report/summary.md#a-partnership-upgraded-since-2023\n", "  - report/nowhere.md#a-section\n")
    assert any(p.startswith(f"data/claims.yml:{line}: entry 1, field 'parts' item 1: no page docs/report/nowhere.md")
               for p in problems(root, "claims"))


def test_the_fast_check_reports_a_broken_claim(tmp_path):
    root = project(tmp_path)
    replace(root / "data/claims.yml", "  - 2024-06-19-putin-pyongyang-treaty-signed\n", "  - 2024-06-19-no-such-event\n")
    found = [str(p) for p in check.data_problems(root)]
    assert any(p.startswith("data/claims.yml:") and "unknown event id" in p for p in found), found


def test_a_name_for_something_the_site_does_not_show_fails(tmp_path):
    root = project(tmp_path)
    path = root / "data/names.yml"
    line = line_of(path, "  - places#pyongyang")
    replace(path, "  - places#pyongyang\n", "  - places#pyongyang-east\n")
    assert any(p.startswith(f"data/names.yml:{line}:") and "'places#pyongyang-east' is not" in p for p in problems(root, "names"))


def test_a_person_not_among_any_actors_key_people_fails(tmp_path):
    root = project(tmp_path)
    path = root / "data/names.yml"
    replace(path, "- en: Sergei Shoigu\n", "- en: Sergei Shoygu\n")
    assert any("person 'Sergei Shoygu' is not named" in p for p in problems(root, "names"))


def test_names_without_a_source_or_in_the_wrong_script_fail(tmp_path):
    root = project(tmp_path)
    path = root / "data/names.yml"
    replace(path, "  ru: Пхеньян\n", "  ru: Pkhenyan\n")
    found = problems(root, "names")
    assert any(p.startswith("data/names.yml:") and "Pkhenyan" in p for p in found), found


def test_treaty_articles_are_numbered_1_to_23_once_each(tmp_path):
    root = project(tmp_path)
    path = root / "data/treaty.yml"
    line = line_of(path, "- number: 7")
    replace(path, "- number: 7\n", "- number: 6\n")
    found = problems(root, "treaty")
    assert any(p.startswith(f"data/treaty.yml:{line}: entry 7: article number 6, expected 7") for p in found), found


def test_an_article_we_did_not_read_has_no_summary(tmp_path):
    root = project(tmp_path)
    path = root / "data/treaty.yml"
    text = path.read_text(encoding="utf-8")
    at = text.index("- number: 9\n  read: false\n") + len("- number: 9\n  read: false\n")
    path.write_text(text[:at] + "  summary: Something we did not read but wrote anyway.\n" + text[at:], encoding="utf-8")
    assert any(p.startswith("data/treaty.yml:") and "entry 9" in p for p in problems(root, "treaty"))


def test_an_edit_of_the_timeline_is_seen_by_the_claims_check(tmp_path):
    """claims.yml's check reads timeline.yml: the cache must notice a change there (make serve)."""
    root = project(tmp_path)
    assert problems(root, "claims") == []
    replace(root / "data/timeline.yml", "- id: 2024-06-19-putin-pyongyang-treaty-signed\n", "- id: 2024-06-19-putin-pyongyang-renamed\n")
    assert any("unknown event id '2024-06-19-putin-pyongyang-treaty-signed'" in p for p in problems(root, "claims"))
