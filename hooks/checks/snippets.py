"""Snippets: what `--8<--` pulls into a page comes only from includes/, and obeys the page rules.

pymdownx.snippets inserts a file's text into a page after the hooks have read the page, so the
page checks never see it. Two checks close that gap:
- `check` (a page check): every `--8<--` in a page names a file under includes/ (the extension
  itself could include any file of the project, data and hooks included);
- `project_problems(root)`: every file under includes/ (the auto-appended abbreviations too) is
  within the snippet size limit, passes the unsafe-content rules of pages
  (hooks/checks/unsafe_content.py: raw HTML, script URLs, other hosts' images, bidi controls) and
  itself includes only from includes/. The build reports them in on_config; the fast check too.
"""
from __future__ import annotations

import re
from pathlib import Path

from hooks.checks import unsafe_content
from hooks.core import limits
from hooks.core.build import Build
from hooks.core.markdown import scan
from hooks.core.problems import Problem

INCLUDES = "includes"
_INLINE = re.compile(r"^[ \t]*(?P<escape>;*)-+8<-+[ \t]+(?P<target>\S.*?)[ \t]*$")
_BLOCK = re.compile(r"^[ \t]*(?P<escape>;*)-+8<-+[ \t]*$")
FIX = "put the snippet in includes/ and name it from there, e.g. --8<-- \"includes/abbreviations.md\""


def _targets(source: str) -> list[tuple[int, str]]:
    """(line, file) of every snippet a Markdown text includes, inline or in a block."""
    found, block = [], False
    for number, line in scan(source).prose:
        if block:
            if _BLOCK.match(line):
                block = False
            elif line.strip() and not line.strip().startswith(";"):
                found.append((number, line.strip()))
            continue
        match = _BLOCK.match(line)
        if match:
            block = not match["escape"]
            continue
        match = _INLINE.match(line)
        if match and not match["escape"]:
            found.append((number, match["target"]))
    return [(number, re.sub(r"(:-?\d+)*$", "", target.strip().strip("\"'"))) for number, target in found]


def _outside_includes(target: str) -> bool:
    parts = Path(target.replace("\\", "/")).parts
    return not (len(parts) > 1 and parts[0] == INCLUDES and ".." not in parts) or "://" in target


def check(path: str, source: str, build: Build | None = None) -> list[Problem]:
    """Each `--8<--` names a file under includes/."""
    return [Problem(path, number, f"snippet '{target}' is not under includes/", FIX)
            for number, target in _targets(source) if _outside_includes(target)]


def project_problems(root: Path) -> list[Problem]:
    """Every file under includes/: its size, the unsafe-content rules, and what it includes."""
    problems = []
    for file in sorted((Path(root) / INCLUDES).rglob("*")):
        if not file.is_file():
            continue
        rel = file.relative_to(root).as_posix()
        raw = file.read_bytes()
        size = limits.too_large("snippet", len(raw))
        if size:
            problems.append(Problem(rel, 1, *size))
            continue
        text = raw.decode("utf-8", errors="replace")
        problems += unsafe_content.check(rel, text)
        problems += check(rel, text)
    return problems
