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
The slow parts run side by side, each a subprocess (the quick build, pymarkdown, codespell and
Chromium drawing the diagrams), and each has a time limit (TIMEOUTS): one that runs out is stopped
and reported as `<its config>:1: <tool> did not finish within N s ...`, naming the tool. Pages and
data files over the size limit (hooks/core/limits.py) are reported once and left out of the linters.
Under GitHub Actions problems also become annotations and a job summary (scripts/problem_report.py).
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from hooks.checks import page_problems, snippets
from hooks.core import limits
from hooks.data import changelog, datafiles
from hooks.diagrams import inventory, mermaid
from hooks.render.glossary import check_abbreviations
from scripts import make_map_data, vendor
from scripts.problem_report import Found, emit, found

ROOT = Path(__file__).resolve().parent.parent
PROSE = ("docs", "data", "README.md", "CONTRIBUTING.md")   # what codespell reads
QUICK_CONFIG = "mkdocs-check.yml"   # mkdocs.yml without the plugins that only shape published output
ALL = ("pages", "data", "build", "diagrams", "markdown", "spelling", "vendor")
# Seconds each tool may run, from the start of the check (they run side by side). Typical: the quick
# build 3-5 s, Chromium 2-4 s, pymarkdown 2-3 s, codespell under 1 s on this project (2 cores).
TIMEOUTS = {"build": 90.0, "diagrams": 90.0, "markdown": 60.0, "spelling": 60.0}
TOOLS = {   # what each is called in a timeout message, the file the message names, how to run it by hand
    "build": ("the quick build (mkdocs build -f mkdocs-check.yml)", QUICK_CONFIG,
              "python -m mkdocs build -f mkdocs-check.yml"),
    "diagrams": ("Chromium drawing the Mermaid diagrams", "docs/assets/vendor/manifest.json",
                 "python -m scripts.check --diagrams"),
    "markdown": ("pymarkdown (Markdown lint)", ".pymarkdown.json", "python -m pymarkdown --config .pymarkdown.json scan -r docs"),
    "spelling": ("codespell (spelling)", ".codespellrc", "python -m codespell_lib docs data"),
}
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
    if argv and argv[0] == "--diagrams":          # the diagram check alone, as run() starts it
        for line in diagram_lines(Path(argv[1]) if len(argv) > 1 else ROOT):
            print(line)
        return 0
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
    sorted by file and line. `browser` lends a Playwright browser to the diagram check (which then
    runs in this process, without a time limit)."""
    root = Path(root)
    started: dict[str, Tool] = {}
    oversized = too_large(root)
    if "build" in only:
        started["build"] = _start_build(root)
    if "markdown" in only:
        started["markdown"] = _start(root, "markdown", "pymarkdown", "--config", ".pymarkdown.json", "--strict-config",
                                     "scan", *_lint_targets(root, oversized))
    if "spelling" in only:
        started["spelling"] = _start(root, "spelling", "codespell_lib", *_skip(oversized),
                                     *[name for name in PROSE if (root / name).exists()])
    if "diagrams" in only and browser is None:
        started["diagrams"] = _start(root, "diagrams", "scripts.check", "--diagrams", str(root), cwd=ROOT)
    items: list[Found] = []
    if "pages" in only:
        items += pages_found(root)
    if "data" in only:
        items += [found("Data files", str(p)) for p in data_problems(root)]
    if "vendor" in only:
        items += [found("Vendored assets", line) for line in vendor.check(root)]
        items += [found("Map data", str(line)) for line in make_map_data.problems(root)]
    if "diagrams" in only:
        items += diagram_found(root, browser) if browser is not None else \
            [found("Mermaid diagrams", line) for line in _finish(started["diagrams"], _diagram_output)]
    if "build" in only:
        items += build_found(started["build"])
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
    return [found("Mermaid diagrams", line) for line in diagram_lines(root, browser)]


def diagram_lines(root: Path, browser=None) -> list[str]:
    with mermaid.Mermaid(root, browser=browser) as driver:
        return [str(p) for p in inventory.check(driver, inventory.project_diagrams(root))]


def _diagram_output(tool: "Tool", stdout: str, stderr: str) -> list[str]:
    lines = [line for line in stdout.splitlines() if line.strip()]
    if tool.process.returncode != 0 and not lines:
        last = (stderr.strip().splitlines() or ["no output"])[-1]
        lines.append(f"{TOOLS['diagrams'][1]}:1: the diagram check failed: {last} (run it by hand: {TOOLS['diagrams'][2]})")
    return lines


# --- Tools as subprocesses, each with a time limit ------------------------------------------

class Tool:
    """A started subprocess, with its name (a key of TIMEOUTS) and its deadline."""

    def __init__(self, name: str, process: subprocess.Popen, cleanup=None):
        self.name, self.process, self.cleanup = name, process, cleanup
        self.deadline = time.monotonic() + TIMEOUTS[name]


def _popen(name: str, command: list[str], cwd: Path, env: dict | None = None, cleanup=None) -> Tool:
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)      # its own process group: a timeout stops Chromium too
    return Tool(name, process, cleanup)


def _finish(tool: Tool, parse) -> list[str]:
    """The tool's problem lines (`parse(tool, stdout, stderr)`), or one line saying it ran out of time."""
    try:
        stdout, stderr = tool.process.communicate(timeout=max(0.01, tool.deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        try:
            os.killpg(tool.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        tool.process.communicate()
        what, config, command = TOOLS[tool.name]
        return [f"{config}:1: {what} did not finish within {TIMEOUTS[tool.name]:g} s and was stopped (run it by hand to see "
                f"where it stalls: {command}; a very large page or data file is the usual cause)"]
    finally:
        if tool.cleanup:
            tool.cleanup()
    return parse(tool, stdout, stderr)


def too_large(root: Path) -> list[Path]:
    """Pages and data files over the size limit (reported by the page and data checks), left out of the linters."""
    pages = [p for p in (root / "docs").rglob("*.md") if limits.too_large("page", p.stat().st_size)]
    data = [p for p in (root / "data").glob("*.yml") if limits.too_large("data", p.stat().st_size)]
    return pages + data


def _lint_targets(root: Path, oversized: list[Path]) -> list[str]:
    if not any(p.suffix == ".md" for p in oversized):
        return ["-r", "docs"]
    return [p.relative_to(root).as_posix() for p in sorted((root / "docs").rglob("*.md")) if p not in oversized]


def _skip(oversized: list[Path]) -> list[str]:
    if not oversized:
        return []
    import configparser
    config = configparser.ConfigParser()
    config.read(ROOT / ".codespellrc")
    skip = [config.get("codespell", "skip", fallback="")] + [f"*/{p.parent.name}/{p.name}" for p in oversized]
    return ["--skip", ",".join(filter(None, skip))]


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
    return found_items + [found("Unsafe content", str(p)) for p in snippets.project_problems(root)]


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

def _start_build(root: Path) -> Tool:
    folder = tempfile.TemporaryDirectory(prefix="check-site-")
    env = dict(os.environ, PRERENDER_DIAGRAMS="false", STRICT="false", NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    return _popen("build", [sys.executable, "-m", "mkdocs", "build", "--config-file", QUICK_CONFIG, "--site-dir", folder.name],
                  root, env, folder.cleanup)


def build_found(tool: Tool) -> list[Found]:
    """MkDocs' warnings and errors, one Found per `path:line:` line (a multi-line record splits).
    The quick build runs the same pipeline as `mkdocs build`, output gate included."""
    def parse(tool, out, err):
        items = parse_build_log(err + out)
        if tool.process.returncode != 0 and not items:
            last = (err.strip().splitlines() or ["no output"])[-1]
            items.append(found("Links, anchors and build", f"mkdocs.yml:1: the quick build failed: {last} "
                               "(run `python -m mkdocs build` to see the whole error)"))
        return items
    result = _finish(tool, parse)
    return [item if isinstance(item, Found) else found("Links, anchors and build", item) for item in result]


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

def _start(root: Path, name: str, *args: str, cwd: Path | None = None) -> Tool:
    return _popen(name, [sys.executable, "-m", *args], cwd or root)


def _rel(root: Path, path: str) -> str:
    try:
        return Path(root, path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.removeprefix("./")


def markdown_lint(root: Path, tool: Tool | None = None) -> list[str]:
    tool = tool or _start(root, "markdown", "pymarkdown", "--config", ".pymarkdown.json", "--strict-config", "scan",
                          *_lint_targets(root, too_large(root)))

    def parse(tool, stdout, stderr):
        process = tool.process
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
    return _finish(tool, parse)


def spelling(root: Path, tool: Tool | None = None) -> list[str]:
    tool = tool or _start(root, "spelling", "codespell_lib", *_skip(too_large(root)),
                          *[name for name in PROSE if (root / name).exists()])

    def parse(tool, stdout, stderr):
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
        if tool.process.returncode not in (0, 65) and not found_lines:
            found_lines.append(f".codespellrc:1: codespell exited with code {tool.process.returncode}: {stderr.strip()[:200]} "
                               "(run it by hand: codespell docs data)")
        return found_lines
    return _finish(tool, parse)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
