"""Content kinds: what the report says, background, and what happened after are kept apart.

Facts sit in one of three admonition types, styled apart in extra.css and labelled the same
way on every page:
- `report`  titled exactly "What the report says (May 6, 2024)";
- `context` titled "Background..." and saying which period it covers;
- `after`   titled "After the report..." and naming the month or year it covers.
The titles come from `extra.report.boxes` and the report's date in mkdocs.yml (hooks/core/report_facts.py).
A page that restates part of the report (front matter `report_part` other than a site page)
must contain at least one `report` box.

Which boxes start open is one rule (FOLD_RULE), so a page leads with its point and details go down a
level: what the report says (`report` boxes) and a page's "In brief" are always shown (`!!!`);
"Diagram as text" boxes start closed (`??? abstract "Diagram as text"`: they repeat the diagram above
them); any other box may fold (`???`, `???+`), because its title, which names its kind and its
period ("After the report: June 2025"), stays in view.
"""
from __future__ import annotations

import re

import yaml

from hooks.core import report_facts
from hooks.core.build import Build
from hooks.core.markdown import admonitions, scan
from hooks.core.problems import ROOT, Problem

SITE_PAGE = "None (site page)"
FIX = "see 'Report, background, after' in CONTRIBUTING.md"
TEXT_EQUIVALENT = "Diagram as text"
FOLD_RULE = '"What the report says" and "In brief" never fold, "Diagram as text" folds closed, other boxes may fold'
IN_BRIEF = "In brief"
_MARKER = re.compile(r"^\s*(!!!|\?\?\?\+?)")


# --- Helpers -------------------------------------------------------------------------------

def check(path: str, source: str, build: Build | None = None) -> list[Problem]:
    """Box titles and kinds; `build.facts` gives the report's box titles (without a build: ROOT's mkdocs.yml)."""
    facts = build.facts if build else report_facts.load(ROOT)
    boxes_titled = facts["boxes"]
    report_title = facts["report_box"]
    result = scan(source)
    boxes = admonitions(result)
    problems = []
    for box in boxes:
        title = box.title or ""
        if box.kind == "report" and title != report_title:
            problems.append(Problem(path, box.line, f"'report' box titled {title!r}", f'title it exactly "{report_title}"'))
        elif box.kind == "context" and not title.startswith(boxes_titled["context"]):
            problems.append(Problem(path, box.line, f"'context' box titled {title!r}",
                                    f'start the title with "{boxes_titled["context"]}" and name the period; {FIX}'))
        elif box.kind == "after" and not (title.startswith(boxes_titled["after"]) and re.search(r"\b20\d\d\b", title)):
            problems.append(Problem(path, box.line, f"'after' box titled {title!r}",
                                    f'title it "{boxes_titled["after"]}: <month> <year>"; {FIX}'))
    problems += fold_problems(path, result.lines, boxes)
    try:
        meta = yaml.safe_load("\n".join(line for _, line in result.front_matter)) or {}
    except yaml.YAMLError:
        meta = {}   # hooks/checks/front_matter.py reports the YAML error
    part = meta.get("report_part") if isinstance(meta, dict) else None
    if isinstance(part, str) and part != SITE_PAGE and not any(b.kind == "report" for b in boxes):
        problems.append(Problem(path, 1, f"page restates '{part}' but has no 'report' box",
                                f'put what the report says in a !!! report "{report_title}" box'))
    return problems


def fold_problems(path: str, lines: list[str], boxes) -> list[Problem]:
    """One rule for which boxes start open (FOLD_RULE); other boxes may fold."""
    problems = []
    for box in boxes:
        marker = _MARKER.match(lines[box.line - 1])[1]
        text_equivalent = box.kind == "abstract" and box.title == TEXT_EQUIVALENT
        if text_equivalent and marker != "???":
            problems.append(Problem(path, box.line, f'"{TEXT_EQUIVALENT}" box written {marker}',
                                    f'write it ??? abstract "{TEXT_EQUIVALENT}" so it starts closed; {FOLD_RULE}'))
        elif (box.kind == "report" or box.title == IN_BRIEF) and marker != "!!!":
            state = "starts closed" if marker == "???" else "can be folded"
            problems.append(Problem(path, box.line, f"'{box.kind}' box {state} ({marker})",
                                    f"write it !!! {box.kind} so it is always shown; {FOLD_RULE}; {FIX}"))
    return problems
