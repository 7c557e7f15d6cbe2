"""The fast check (`make check`, alias `make lint`; pre-commit and `make test` run it first).

Usage: python -m scripts.check [ROOT]     # from the project root; exit 1 if anything is wrong

Every content rule, without a full published build, listing ALL problems, each one line
`path:line: what is wrong (how to fix it)`:
- page rules: front matter, unsafe content, diagram rules, citations, box titles, page currency
  (the hooks' own pure checks);
- data: data/*.yml against data/schemas/, a timeline event's kind against its date, and
  includes/abbreviations.md is current;
- links, anchors and the nav: a quick MkDocs build (mkdocs-check.yml: no diagram pre-rendering,
  no search index, into a temporary folder, in a subprocess) reports MkDocs' own validation and
  every hook's warning;
- Mermaid: every diagram, including those built from data, parsed and drawn by the vendored
  Mermaid in one headless Chromium (hooks/mermaid.py, the driver the build uses);
- Markdown lint (pymarkdown, .pymarkdown.json), spelling (codespell, .codespellrc), the
  vendored assets against docs/assets/vendor/manifest.json and the map extract's checksum
  (data/geo/manifest.json).
The slow parts run side by side (the build and the linters as subprocesses while Chromium
draws the diagrams). Under GitHub Actions problems also become annotations and a job summary
(scripts/problem_report.py).
"""
from __future__ import annotations

import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from hooks.checks import page_problems
from hooks.data import changelog, datafiles
from hooks.diagrams import inventory, mermaid
from hooks.render.glossary import check_abbreviations
from scripts import make_map_data, vendor
from scripts.problem_report import Found, emit, found

ROOT = Path(__file__).resolve().parent.parent
PROSE = ("docs", "data", "README.md", "CONTRIBUTING.md")   # what codespell reads
QUICK_CONFIG = "mkdocs-check.yml"   # mkdocs.yml without the plugins that only shape published output
ALL = ("pages", "data", "build", "diagrams", "markdown", "spelling", "vendor")
_PYMARKDOWN = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<rule>MD\d+): (?P<text>.*?)(?: \((?P<names>[\w,-]+)\))?$")
_CODESPELL = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<word>.+?) ==> (?P<fix>[^|]+?)(?: \| (?P<reason>.*))?$")
_LOG_LINE = re.compile(r"^(?P<level>WARNING|ERROR|INFO|DEBUG) +- +(?P<text>.*)$")
RULE_FIXES = {   # the rules a contributor meets most often; any other rule links its documentation
    "MD001": "go down one heading level at a time: ## under #, ### under ##",
    "MD022": "put a blank line before and after the heading",
    "MD025": "keep one '# ' title per page; make the others '## '",
    "MD034": "wrap the address in a link: [title](https://...) or <https://...>",
    "MD045": "give the image alt text: ![what the image shows](path)",
}


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else ROOT
    started = time.monotonic()
    items = run(root)
    seconds = time.monotonic() - started
    heading = "make check"
    count = f"{len(items)} problem{'s' if len(items) != 1 else ''}"
    emit(items, heading, intro=f"{heading}: {count} in {seconds:.1f} s; each line is file:line: problem (how to fix it)"
         if items else None)
    if not items:
        print(f"{heading}: no problems found ({seconds:.1f} s)")
    return 1 if items else 0


def run(root: Path, only: tuple[str, ...] = ALL, browser=None) -> list[Found]:
    """Every problem the checks in `only` find in the project at `root`, without duplicates,
    sorted by file and line. `browser` lends a Playwright browser to the diagram check."""
    root = Path(root)
    started = {}
    if "build" in only:
        started["build"] = _start_build(root)
    if "markdown" in only:
        started["markdown"] = _start(root, "pymarkdown", "--config", ".pymarkdown.json", "--strict-config", "scan", "-r", "docs")
    if "spelling" in only:
        started["spelling"] = _start(root, "codespell_lib", *[name for name in PROSE if (root / name).exists()])
    diagrams = None
    if "diagrams" in only and browser is None:
        # Its own thread: Chromium draws while this one works, and Playwright's sync API stays
        # usable when the caller already runs one (pytest's browser fixture, say) on this thread.
        pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
        diagrams = pool.submit(diagram_found, root)
        pool.shutdown(wait=False)
    items: list[Found] = []
    if "pages" in only:
        items += pages_found(root)
    if "data" in only:
        items += [found("Data files", str(p)) for p in data_problems(root)]
    if "vendor" in only:
        items += [found("Vendored assets", line) for line in vendor.check(root)]
        items += [found("Map data", str(line)) for line in make_map_data.problems(root)]
    if "diagrams" in only:
        items += diagrams.result(timeout=600) if diagrams else diagram_found(root, browser)
    if "build" in only:
        items += build_found(*started["build"])
    if "markdown" in only:
        items += [found("Markdown lint", line) for line in markdown_lint(root, started["markdown"])]
    if "spelling" in only:
        items += [found("Spelling", line) for line in spelling(root, started["spelling"])]
    unique: dict[str, Found] = {}
    for item in items:
        unique.setdefault(item.text, item)
    return sorted(unique.values(), key=lambda f: (f.path is None, f.path or "", f.line or 0))


def diagram_found(root: Path, browser=None) -> list[Found]:
    """Every diagram Mermaid cannot draw, with one Chromium for all of them."""
    with mermaid.Mermaid(root, browser=browser) as driver:
        return [found("Mermaid diagrams", str(p)) for p in inventory.check(driver, inventory.project_diagrams(root))]


def collect(root: Path, only: tuple[str, ...] = ALL, browser=None) -> list[str]:
    """The problem lines (`path:line: problem (fix)`) of `run`."""
    return [item.text for item in run(root, only, browser)]


# --- Page rules and data -------------------------------------------------------------------

def pages_found(root: Path) -> list[Found]:
    """Every page check (hooks/checks: the list the build runs) on every page."""
    build = datafiles.build_for(root)
    found_items = []
    for page in sorted((root / "docs").rglob("*.md")):
        rel, source = page.relative_to(root).as_posix(), page.read_text(encoding="utf-8")
        found_items += [found(title, str(p)) for p, title in page_problems(rel, source, build)]
    return found_items


def pages(root: Path) -> list[str]:
    return [item.text for item in pages_found(root)]


def data_problems(root: Path) -> list:
    problems = datafiles.all_problems(root)
    glossary, glossary_problems = datafiles.load(root, "glossary")
    problems += check_abbreviations(root, [] if glossary_problems else glossary)
    known = {p.relative_to(root / "docs").as_posix() for p in (root / "docs").rglob("*.md")}
    return problems + changelog.problems(root, known)   # every page a change names exists (the build checks it too)


def data(root: Path) -> list[str]:
    return [str(p) for p in data_problems(root)]


# --- Links, anchors, nav and every hook: a quick build -------------------------------------

def _start_build(root: Path):
    folder = tempfile.TemporaryDirectory(prefix="check-site-")
    env = dict(os.environ, PRERENDER_DIAGRAMS="false", STRICT="false", NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--config-file", QUICK_CONFIG, "--site-dir", folder.name],
                               cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return process, folder


def build_found(process: subprocess.Popen, folder) -> list[Found]:
    """MkDocs' warnings and errors, one Found per `path:line:` line (a multi-line record splits)."""
    out, err = process.communicate(timeout=600)
    folder.cleanup()
    items = parse_build_log(err + out)
    if process.returncode != 0 and not items:
        last = (err.strip().splitlines() or ["no output"])[-1]
        items.append(found("Links, anchors and build", f"mkdocs.yml:1: the quick build failed: {last} "
                           "(run `python -m mkdocs build` to see the whole error)"))
    return items


def parse_build_log(log: str) -> list[Found]:
    """MkDocs' WARNING and ERROR records; a record holding `path:line:` lines gives one Found each."""
    records: list[list[str]] = []
    for line in log.splitlines():
        match = _LOG_LINE.match(line)
        if match:
            records.append([match["text"]] if match["level"] in ("WARNING", "ERROR") else [])
        elif records and records[-1] and line.strip():
            records[-1].append(line.strip())
    items = []
    items = []
    for record in filter(None, records):
        located = [line for line in record if found("", line).path]
        for line in located or [" ".join(record)]:
            items.append(found("Links, anchors and build", line))
    return items


# --- Markdown lint and spelling --------------------------------------------------------------

def _start(root: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", *args], cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _rel(root: Path, path: str) -> str:
    try:
        return Path(root, path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.removeprefix("./")


def markdown_lint(root: Path, process: subprocess.Popen | None = None) -> list[str]:
    process = process or _start(root, "pymarkdown", "--config", ".pymarkdown.json", "--strict-config", "scan", "-r", "docs")
    stdout, stderr = process.communicate(timeout=300)
    found_lines = []
    for line in (stdout + stderr).splitlines():
        match = _PYMARKDOWN.match(line)
        if match:
            rule = match["rule"]
            name = (match["names"] or "").split(",")[0]
            fix = RULE_FIXES.get(rule, f"see https://pymarkdown.readthedocs.io/en/latest/plugins/rule_{rule.lower()}/")
            found_lines.append(f"{_rel(root, match['path'])}:{match['line']}: {rule} {name}: {match['text']} ({fix})")
        elif line.strip() and process.returncode not in (0, 1):
            found_lines.append(f".pymarkdown.json:1: pymarkdown failed: {line.strip()} (fix the configuration or the page it names)")
    if process.returncode not in (0, 1) and not found_lines:
        found_lines.append(f".pymarkdown.json:1: pymarkdown exited with code {process.returncode} (run it by hand: "
                           "python -m pymarkdown --config .pymarkdown.json scan -r docs)")
    return found_lines


def spelling(root: Path, process: subprocess.Popen | None = None) -> list[str]:
    process = process or _start(root, "codespell_lib", *[name for name in PROSE if (root / name).exists()])
    stdout, stderr = process.communicate(timeout=300)
    found_lines = []
    for line in stdout.splitlines():
        match = _CODESPELL.match(line)
        if match:
            word, fix = match["word"], match["fix"].strip()
            options = " or ".join(f"'{w.strip()}'" for w in fix.split(",") if w.strip())
            reason = f"; {match['reason']}" if match["reason"] else ""
            found_lines.append(f"{_rel(root, match['path'])}:{match['line']}: possible misspelling '{word}'{reason} "
                               f"(write {options}, or add '{word.lower()}' to .codespell-words.txt if it is correct)")
        elif line.strip():
            found_lines.append(f".codespellrc:1: codespell: {line.strip()} (fix the configuration)")
    if process.returncode not in (0, 65) and not found_lines:
        found_lines.append(f".codespellrc:1: codespell exited with code {process.returncode}: {stderr.strip()[:200]} "
                           "(run it by hand: codespell docs data)")
    return found_lines


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
