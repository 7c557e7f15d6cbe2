"""The repository as it stands passes every fast content check (scripts/lint_content.py).

Every problem found is listed in the end-of-run summary, not only the first.
"""
from __future__ import annotations


from conftest import ROOT, record_problems

from scripts import lint_content


def test_content_passes_lint():
    problems = lint_content.collect(ROOT)
    record_problems(problems)
    assert not problems, f"{len(problems)} problem(s), listed in the summary below:\n" + "\n".join(problems)
