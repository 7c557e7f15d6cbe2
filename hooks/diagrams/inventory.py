"""The diagrams themselves: where they are, how they are drawn, and what is wrong with them.

hooks/diagrams/mermaid.py draws; this module says what to draw and with which settings, and turns what
Mermaid reports into problems:
- `diagrams_in` / `project_diagrams`: every ```mermaid fence of a page (or of docs/), and every
  diagram a `<!-- render: ... -->` marker builds from data/*.yml, each with its file and lines;
- SETTINGS and `settings(overrides)`: the one set of Mermaid settings (the build's pre-render and
  the fast check both use them, so a diagram the check passes is one the build can draw);
- `check` and `problem_for`: `path:line: Mermaid cannot parse this diagram: <its message> (fix)`,
  at the line inside the fence that Mermaid names (for an unclosed quote, the line that opens it).
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path

from hooks.core.markdown import scan
from hooks.core.problems import Problem
from hooks.data import datafiles
from hooks.render import markers

FIX = "fix the syntax; try it at the Mermaid live editor, https://mermaid.live"
EMPTY_FIX = "write the diagram or delete the fence"

# The one set of settings. securityLevel stays "strict" (no HTML, no click callbacks); the
# sequence-diagram text is 16 px so it stays legible when a wide diagram is scaled down.
SETTINGS = {
    "startOnLoad": False,
    "securityLevel": "strict",
    # Reproducible: Mermaid draws some shapes with rough.js, whose randomness (even in the classic
    # look) is seeded by this; unseeded, a diagram's paths differed from one build to the next.
    "handDrawnSeed": 1,
    "sequence": {"actorFontSize": "16px", "messageFontSize": "16px", "noteFontSize": "16px"},
}


@dataclass
class Diagram:
    """One diagram's text and where it came from, so errors can name the file and line."""
    path: str                     # docs/..., relative to the project root
    line: int                     # the opening fence (or the `<!-- render: ... -->` marker)
    text: str
    lines: list[int] = field(default_factory=list)   # file line of each line of `text`
    origin: str = ""              # "" for a fence in the page, else what built it


def settings(overrides: dict | None = None, theme_css: str = "") -> dict:
    """SETTINGS with `overrides` merged in (one level deep per key) and the theme CSS."""
    merged = copy.deepcopy(SETTINGS)
    for key, value in (overrides or {}).items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    if theme_css:
        merged["themeCSS"] = theme_css
    return merged


# --- Finding diagrams ----------------------------------------------------------------------

def diagrams_in(path: str, source: str, build=None) -> list[Diagram]:
    """Every Mermaid diagram on a page, in page order: its ```mermaid fences, and the diagrams
    that `<!-- render: ... -->` markers build from the build's data (hooks/render/markers.py), at
    the marker's line (none without a `build`)."""
    result = scan(source)
    found: list[tuple[int, list[Diagram]]] = []
    for fence in result.fences:
        if fence.lang == "mermaid":
            body = [(n, _dedent(t, fence.indent)) for n, t in fence.body]
            found.append((fence.start, [Diagram(path, fence.start, "\n".join(t for _, t in body), [n for n, _ in body])]))
    found_markers = [(n, t.strip()) for n, t in result.prose if markers.MARKER.match(t.strip())]
    if found_markers and build is not None:
        for number, text in found_markers:
            rendered, _ = markers.render(build, path, path.removeprefix("docs/"), text)
            built = [Diagram(path, number, "\n".join(t for _, t in fence.body), origin=f"built from data by '{text}'")
                     for fence in scan(rendered).fences if fence.lang == "mermaid"]
            found.append((number, built))
    return [d for _, group in sorted(found, key=lambda item: item[0]) for d in group]


def project_diagrams(root: Path) -> list[Diagram]:
    """Every diagram in docs/**/*.md, including those built from data/*.yml, in file order."""
    root = Path(root)
    build = datafiles.build_for(root)
    found = []
    for page in sorted((root / "docs").rglob("*.md")):
        found += diagrams_in(page.relative_to(root).as_posix(), page.read_text(encoding="utf-8"), build)
    return found


def _dedent(text: str, indent: str) -> str:
    return text[len(indent):] if text.startswith(indent) else text.lstrip()


# --- Errors as problems --------------------------------------------------------------------

def one_line(error: str) -> str:
    """Mermaid's whole message on one line: its lines joined, the `----^` pointer line dropped."""
    lines = [line.strip() for line in str(error).strip().splitlines()]
    kept = [line for line in lines if line and not re.fullmatch(r"-*\^", line)]
    return " ".join(kept) or "unknown error"


def error_line(diagram: Diagram, error: str) -> tuple[int, bool]:
    """The file line Mermaid's "line N" points at, inside the fence (else the fence's first line),
    and whether it is an unclosed quote. Mermaid reads an unclosed quote on to the next `"` and
    names the line where it gives up; the first line up to there with an odd number of `"` is
    where the quote was opened, so that line is the one to fix."""
    match = re.search(r"\bline (\d+)", error)
    if not (match and diagram.lines and 1 <= int(match[1]) <= len(diagram.lines)):
        return diagram.line, False
    named = int(match[1])
    for index, text in enumerate(diagram.text.splitlines()[:named]):
        if text.count('"') % 2 and index < len(diagram.lines):
            return diagram.lines[index], True
    return diagram.lines[named - 1], False


def problem_for(diagram: Diagram, result) -> Problem | None:
    """`path:line: Mermaid cannot parse this diagram: <Mermaid's message> (fix)`, or None if it
    drew. `result` is a hooks._mermaid.Rendered."""
    if result.error is None:
        return None
    verb = "parse" if result.stage == "parse" else "render"
    where = f" ({diagram.origin})" if diagram.origin else ""
    line, unclosed = error_line(diagram, result.error)
    fix = f"close the quote on this line; {FIX}" if unclosed else FIX
    return Problem(diagram.path, line, f"Mermaid cannot {verb} this diagram{where}: {result.error}", fix)


def check(mermaid, diagrams: list[Diagram]) -> list[Problem]:
    """Every diagram that `mermaid` (a hooks._mermaid.Mermaid) cannot parse or render; an empty
    one is reported without starting Chromium."""
    problems, drawable = [], []
    for diagram in diagrams:
        if diagram.text.strip():
            drawable.append(diagram)
        else:
            problems.append(Problem(diagram.path, diagram.line, "empty Mermaid diagram", EMPTY_FIX))
    for diagram, result in zip(drawable, mermaid.render([d.text for d in drawable], id_prefix="check-diagram-")):
        problem = problem_for(diagram, result)
        if problem:
            problems.append(problem)
    return sorted(problems, key=lambda p: (p.path, p.line))
