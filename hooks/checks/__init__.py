"""Checks: every content rule a page must pass, each a pure function of its raw source.

PAGE_CHECKS is the one list of page checks, in the order they report; the build (hooks/pipeline.py)
and the fast check (scripts/check.py) both run it. Every check has one signature,
`check(path, source, build) -> list[Problem]`: `path` is the page's file from the project root
(docs/...), `source` its raw text with front matter (so lines are the editor's), `build` the facts
and data (hooks/core/build.py). link_lines is not a page check: it adds lines to MkDocs' own
link warnings.
"""
from __future__ import annotations

from hooks.checks import (citations, claim_numbers, content_kinds, diagram_rules, front_matter, page_currency, snippets,
                          unsafe_content)
from hooks.core import limits
from hooks.core.problems import Problem

PAGE_CHECKS = {
    front_matter: "Front matter",
    page_currency: "Page currency",
    unsafe_content: "Unsafe content",
    snippets: "Unsafe content",
    diagram_rules: "Diagram rules",
    citations: "Citations",
    claim_numbers: "Claim check",
    content_kinds: "Box titles",
}


def page_problems(path: str, source: str, build) -> list[tuple[object, str]]:
    """(problem, title) for every problem any page check finds on one page, in line order. A page
    over the size limit (hooks/core/limits.py) gets that one problem and no other check."""
    size = too_large(source, path)
    if size:
        return [(size, "Limits")]
    found = [(p, title) for check, title in PAGE_CHECKS.items() for p in check.check(path, source, build)]
    return sorted(found, key=lambda pair: pair[0].line)


def too_large(source: str, path: str) -> Problem | None:
    """The size problem of a page over the limit, else None."""
    over = limits.too_large("page", len(source.encode("utf-8")))
    return Problem(path, 1, *over) if over else None
