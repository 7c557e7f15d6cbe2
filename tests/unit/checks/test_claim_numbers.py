"""hooks/checks/claim_numbers.py: a cited sentence's numbers and dates must be in the passages it cites."""
from __future__ import annotations

from helpers.sample import page

from hooks.checks import claim_numbers
from hooks.core import claim_text

REGISTRY = {"tass": {"id": "tass", "url": "https://tass.com/1", "date": "2025-04-30",
                     "passages": [{"quote": "The bridge will be 1,000 metres long, 4.7 km with approaches."}]},
            "unread": {"id": "unread", "url": "https://x.org/2"}}


def test_page_misses_name_line_fact_and_sources():
    text = page("The bridge is 1,000 m long and took 18 months.[^t]\n\nIt has 7 spans.[^u]\n\n[^t]: @tass\n[^u]: @unread")
    found = claim_numbers.page_misses(text, REGISTRY)
    assert [(fact, ids) for _line, fact, ids in found] == [("18", "tass")], "a sentence citing only an unread source is not checked"
    line = found[0][0]
    assert text.splitlines()[line - 1].startswith("The bridge is")


def test_check_reports_path_line_and_fix_and_respects_the_baseline(monkeypatch, tmp_path):
    text = page("The bridge took 18 months.[^t]\n\n[^t]: @tass")
    build = type("B", (), {"data": {"sources": list(REGISTRY.values())}})()
    [problem] = claim_numbers.check("docs/a.md", text, build)
    assert str(problem).startswith('docs/a.md:') and '"18" is not in the passages cited (@tass)' in str(problem)
    assert "or mark it <!-- derived" in str(problem)
    baseline = tmp_path / "claim_baseline.yml"
    baseline.write_text("misses:\n- page: docs/a.md\n  fact: '18'\n  sources: tass\n- page: docs/a.md\n  fact: '99'\n  sources: tass\n"
                        "unread: []\n", encoding="utf-8")
    monkeypatch.setattr(claim_text, "BASELINE", baseline)
    monkeypatch.setattr(claim_numbers, "BASELINE", baseline)
    monkeypatch.setattr(claim_numbers, "ROOT", tmp_path)
    problems = [str(p) for p in claim_numbers.check("docs/a.md", text, build)]
    assert problems == ["claim_baseline.yml:5: \"99\" on docs/a.md is now in the passages cited "
                        "(delete this entry: the baseline lists only misses still to resolve)"], problems
