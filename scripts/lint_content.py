#!/usr/bin/env python3
"""Run every fast content check without building the site, and print ALL problems found.

Usage: python scripts/lint_content.py          # from the repository root; exit 1 if anything is wrong

The same pure checks the build hooks run (front matter, unsafe content, diagram rules,
citations, content kinds, page currency), the data-file schemas, the generated-abbreviations check, Markdown
lint (pymarkdown, .pymarkdown.json), spelling (codespell, .codespellrc) and the vendored-assets
manifest and the map extract's checksum (data/geo/manifest.json). Every problem is one line, `path:line: what is wrong (how to fix it)`, followed by a
count. pre-commit runs this script; `make test` runs it through tests/test_lint.py.
Link and anchor checks need the built site: they run in `mkdocs build --strict` (see mkdocs.yml).
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from hooks import _changes, _datafiles, citations, content_kinds, diagram_rules, front_matter, page_currency, shared_data, unsafe_content
from scripts import make_map_data, vendor

ROOT = Path(__file__).resolve().parent.parent

PAGE_CHECKS = (front_matter, unsafe_content, diagram_rules, citations, content_kinds)
PROSE = ("docs", "data", "README.md", "CONTRIBUTING.md")   # what codespell reads
_PYMARKDOWN = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<rule>MD\d+): (?P<text>.*?)(?: \((?P<names>[\w,-]+)\))?$")
_CODESPELL = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<word>.+?) ==> (?P<fix>[^|]+?)(?: \| (?P<reason>.*))?$")
RULE_FIXES = {   # the rules a contributor meets most often; any other rule links its documentation
    "MD001": "go down one heading level at a time: ## under #, ### under ##",
    "MD022": "put a blank line before and after the heading",
    "MD025": "keep one '# ' title per page; make the others '## '",
    "MD034": "wrap the address in a link: [title](https://...) or <https://...>",
    "MD045": "give the image alt text: ![what the image shows](path)",
}


def main() -> int:
    problems = collect(ROOT)
    for line in problems:
        print(line)
    print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found" if problems else "no problems found")
    return 1 if problems else 0


def collect(root: Path) -> list[str]:
    """Every problem in the project at `root`, as `path:line: problem (fix)` lines."""
    return pages(root) + data(root) + markdown_lint(root) + spelling(root) + vendor.check(root) + make_map_data.problems(root)


def pages(root: Path) -> list[str]:
    found = []
    shared = {name: _datafiles.load(root, name)[0] for name in _datafiles.DATA_FILES}   # what pages render
    for page in sorted((root / "docs").rglob("*.md")):
        rel, source = page.relative_to(root).as_posix(), page.read_text(encoding="utf-8")
        problems = [p for check in PAGE_CHECKS for p in check.check(rel, source)]
        problems += page_currency.check(rel, source, shared)
        found += [str(p) for p in sorted(problems, key=lambda p: p.line)]
    return found


def data(root: Path) -> list[str]:
    problems, glossary = [], []
    for name in _datafiles.DATA_FILES:
        entries, found = _datafiles.load(root, name)
        problems += found
        if name == "glossary" and not found:
            glossary = entries
    problems += shared_data.check_abbreviations(root, glossary)
    if (root / _changes.REL).exists():   # every page a change names exists (the build checks it too)
        text = (root / _changes.REL).read_text(encoding="utf-8")
        known = {p.relative_to(root / "docs").as_posix() for p in (root / "docs").rglob("*.md")}
        try:
            problems += _changes.missing_pages(text, yaml.safe_load(text), known)
        except yaml.YAMLError:
            pass   # _datafiles.load reported it
    return [str(p) for p in problems]


def _run(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=root, capture_output=True, text=True)


def _rel(root: Path, path: str) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.removeprefix("./")


def markdown_lint(root: Path) -> list[str]:
    result = _run(root, "pymarkdown", "--config", ".pymarkdown.json", "--strict-config", "scan", "-r", "docs")
    found = []
    for line in (result.stdout + result.stderr).splitlines():
        match = _PYMARKDOWN.match(line)
        if match:
            rule = match["rule"]
            name = (match["names"] or "").split(",")[0]
            fix = RULE_FIXES.get(rule, f"see https://pymarkdown.readthedocs.io/en/latest/plugins/rule_{rule.lower()}/")
            found.append(f"{_rel(root, match['path'])}:{match['line']}: {rule} {name}: {match['text']} ({fix})")
        elif line.strip() and result.returncode not in (0, 1):
            found.append(f".pymarkdown.json:1: pymarkdown failed: {line.strip()} (fix the configuration or the page it names)")
    if result.returncode not in (0, 1) and not found:
        found.append(f".pymarkdown.json:1: pymarkdown exited with code {result.returncode} (run it by hand: "
                     "python -m pymarkdown --config .pymarkdown.json scan -r docs)")
    return found


def spelling(root: Path) -> list[str]:
    targets = [name for name in PROSE if (root / name).exists()]
    result = _run(root, "codespell_lib", *targets)
    found = []
    for line in result.stdout.splitlines():
        match = _CODESPELL.match(line)
        if match:
            word, fix = match["word"], match["fix"].strip()
            options = " or ".join(f"'{w.strip()}'" for w in fix.split(",") if w.strip())
            reason = f"; {match['reason']}" if match["reason"] else ""
            found.append(f"{_rel(root, match['path'])}:{match['line']}: possible misspelling '{word}'{reason} "
                         f"(write {options}, or add '{word.lower()}' to .codespell-words.txt if it is correct)")
        elif line.strip():
            found.append(f".codespellrc:1: codespell: {line.strip()} (fix the configuration)")
    if result.returncode not in (0, 65) and not found:
        found.append(f".codespellrc:1: codespell exited with code {result.returncode}: {result.stderr.strip()[:200]} "
                     "(run it by hand: codespell docs data)")
    return found


if __name__ == "__main__":
    sys.exit(main())
