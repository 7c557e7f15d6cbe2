"""The repository as it stands passes the whole fast check (scripts/check.py, `make check`).
`make test` runs the fast check itself first, so it deselects this test to avoid running it twice.

Every problem found is listed in the end-of-run summary, not only the first.
"""
from __future__ import annotations

from conftest import ROOT, record_problems

from scripts import check


def test_content_passes_lint():
    problems = check.collect(ROOT)
    record_problems(problems)
    assert not problems, f"{len(problems)} problem(s), listed in the summary below:\n" + "\n".join(problems)
