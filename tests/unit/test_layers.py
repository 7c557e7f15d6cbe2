"""The shape of hooks/ (issue 22): one registered hook, stages that import only downwards, each
shared rule written once.

- mkdocs.yml registers exactly one hook, hooks/pipeline.py (the other configs inherit it and add none);
- every hooks/**/*.py, parsed with ast (imports inside functions too), imports only from its own
  stage or a lower one: core < data < render < checks < html < diagrams; hooks/pipeline.py may
  import every stage and nothing imports it;
- one render-marker regex: the pattern `<!--\\s*render` appears once in hooks/, scripts/ and tests/,
  compiled in hooks/render/markers.py;
- one function launches Chromium: the only Playwright `.launch(` call in hooks/, scripts/ and
  tests/ is in hooks/diagrams/chromium.py's `launch`; everything else calls that function.
Each rule is also run on a made-up violation, so it can fail.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

STAGES = ("core", "data", "render", "checks", "html", "diagrams")     # lowest first
PIPELINE = "hooks/pipeline.py"
HOOK_FILES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "hooks").rglob("*.py"))
PYTHON_FILES = sorted(p.relative_to(ROOT).as_posix() for folder in ("hooks", "scripts", "tests")
                      for p in (ROOT / folder).rglob("*.py") if "__pycache__" not in p.parts)
# Written in two pieces so that this file does not count as a second copy of the pattern.
MARKER_PATTERN = "<!--" + r"\s*render"
LAUNCHES = {"launch", "launch_persistent_context", "launch_server"}    # Playwright's ways to start a browser
LAUNCHER = "hooks/diagrams/chromium.py"


# --- Helpers -------------------------------------------------------------------------------

def stage_of(rel: str) -> str | None:
    """'render' for hooks/render/markers.py; None for hooks/pipeline.py and hooks/__init__.py."""
    parts = rel.split("/")
    return parts[1] if len(parts) > 2 and parts[1] in STAGES else None


def imported_modules(rel: str, source: str) -> list[tuple[int, str]]:
    """(line, full module name) of every import in the file, relative ones resolved: one per
    import statement (`from hooks.render import markers` gives hooks.render), but one per name
    for `from hooks import render, html`."""
    package = rel.removesuffix(".py").replace("/", ".").removesuffix(".__init__")
    if not rel.endswith("__init__.py"):
        package = package.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(source, rel)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            if base == "hooks":
                found += [(node.lineno, f"hooks.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, base))
    return found


def layer_problems(rel: str, source: str) -> list[str]:
    """`path:line: ...` for each import of a higher stage (or of the pipeline) by this file."""
    own = stage_of(rel)
    problems = []
    for line, module in imported_modules(rel, source):
        parts = module.split(".")
        if parts[0] != "hooks" or len(parts) < 2:
            continue
        if parts[1] == "pipeline" and rel != PIPELINE:
            problems.append(f"{rel}:{line}: imports {module}: nothing imports the pipeline, it imports the stages")
        if parts[1] not in STAGES or rel == PIPELINE:
            continue
        if own is None:
            problems.append(f"{rel}:{line}: imports {module}: the package itself imports no stage")
        elif STAGES.index(parts[1]) > STAGES.index(own):
            problems.append(f"{rel}:{line}: imports {module}: the {own} stage may import only "
                            f"{', '.join(STAGES[:STAGES.index(own) + 1])}, not {parts[1]}")
    return problems


def launch_calls(rel: str, source: str) -> list[tuple[int, str, str]]:
    """(line, the call as written, enclosing function) of every `<x>.launch(...)`-style call that is
    not a call of the project's launcher (the name `chromium` imported from hooks.diagrams)."""
    tree = ast.parse(source, rel)
    launcher_imported = any(isinstance(n, ast.ImportFrom) and n.module == "hooks.diagrams"
                            and any(a.name == "chromium" and a.asname in (None, "chromium") for a in n.names)
                            for n in ast.walk(tree))
    calls = []

    def visit(node, function):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute) and child.func.attr in LAUNCHES:
                receiver = child.func.value
                if not (launcher_imported and isinstance(receiver, ast.Name) and receiver.id == "chromium"):
                    calls.append((child.lineno, ast.unparse(child.func), function))
            visit(child, function)
    visit(tree, "<module>")
    return calls


class _AnyTag(yaml.SafeLoader):
    """mkdocs.yml's !ENV and !!python/name tags read as plain values."""


_AnyTag.add_multi_constructor("", lambda loader, suffix, node: None)
_AnyTag.add_multi_constructor("!", lambda loader, suffix, node: None)


def config(name: str) -> dict:
    return yaml.load((ROOT / name).read_text(encoding="utf-8"), Loader=_AnyTag)


# --- One hook --------------------------------------------------------------------------------

def test_mkdocs_yml_registers_exactly_one_hook_the_pipeline():
    assert config("mkdocs.yml")["hooks"] == [PIPELINE]
    for other in ("mkdocs-offline.yml", "mkdocs-check.yml"):
        settings = config(other)
        assert settings["INHERIT"] == "mkdocs.yml" and "hooks" not in settings, f"{other} adds hooks of its own"


# --- Stages import only downwards ------------------------------------------------------------

def test_every_stage_is_a_package_and_holds_modules():
    for stage in STAGES:
        assert (ROOT / "hooks" / stage / "__init__.py").is_file(), f"hooks/{stage}/ is not a package"
        assert [f for f in HOOK_FILES if stage_of(f) == stage and not f.endswith("__init__.py")], f"hooks/{stage}/ is empty"
    strays = [f for f in HOOK_FILES if stage_of(f) is None and f not in (PIPELINE, "hooks/__init__.py")]
    assert not strays, f"modules outside the stage packages: {strays}"


def test_no_module_imports_a_higher_stage():
    problems = [p for rel in HOOK_FILES for p in layer_problems(rel, (ROOT / rel).read_text(encoding="utf-8"))]
    assert not problems, "imports against the stage order (core < data < render < checks < html < diagrams):\n" + "\n".join(problems)
    imports = imported_modules(PIPELINE, (ROOT / PIPELINE).read_text(encoding="utf-8"))
    assert {m.split(".")[1] for _, m in imports if m.startswith("hooks.") and m.count(".") >= 1} >= set(STAGES), \
        "hooks/pipeline.py lists every stage's steps"


@pytest.mark.parametrize("rel, source, expected", [
    ("hooks/core/dates.py", "import os\n\ndef f():\n    from hooks.render import markers\n",
     "hooks/core/dates.py:4: imports hooks.render: the core stage may import only core, not render"),
    ("hooks/checks/x.py", "from hooks.diagrams.chromium import launch\n",
     "hooks/checks/x.py:1: imports hooks.diagrams.chromium: the checks stage may import only core, data, render, checks, not diagrams"),
    ("hooks/data/x.py", "from ..html import page_dates\n",
     "hooks/data/x.py:1: imports hooks.html: the data stage may import only core, data, not html"),
    ("hooks/html/x.py", "import hooks.pipeline\n", "hooks/html/x.py:1: imports hooks.pipeline: nothing imports the pipeline"),
    ("hooks/__init__.py", "from hooks import core\n", "hooks/__init__.py:1: imports hooks.core: the package itself imports no stage"),
])
def test_the_layer_rule_names_file_line_and_import(rel, source, expected):
    problems = layer_problems(rel, source)
    assert problems and problems[0].startswith(expected), problems


def test_the_layer_rule_allows_own_and_lower_stages_and_the_pipeline_everything():
    assert layer_problems("hooks/html/x.py", "from hooks.core import dates\nfrom hooks.html import footnote_titles\n"
                                             "from . import phone_tables\nfrom hooks.render.markers import MARKER\n") == []
    assert layer_problems(PIPELINE, "from hooks.diagrams import prerender\nfrom hooks.core import dates\n") == []


# --- Each shared rule once -------------------------------------------------------------------

def marker_pattern_lines(files: dict[str, str]) -> list[str]:
    return [f"{rel}:{n}" for rel, text in files.items() for n, line in enumerate(text.splitlines(), 1) if MARKER_PATTERN in line]


def test_one_render_marker_regex_compiled_in_markers_py():
    files = {rel: (ROOT / rel).read_text(encoding="utf-8") for rel in PYTHON_FILES}
    found = marker_pattern_lines(files)
    assert len(found) == 1 and found[0].startswith("hooks/render/markers.py:"), \
        f"the render-marker regex should be written once, in hooks/render/markers.py; found it at {found}"
    line = files["hooks/render/markers.py"].splitlines()[int(found[0].split(":")[1]) - 1]
    assert re.match(r"^MARKER = re\.compile\(", line), line
    copy = {"hooks/checks/x.py": '_M = re.compile(r"^' + MARKER_PATTERN + r':\s*(\w+)")\n'}
    assert marker_pattern_lines(copy) == ["hooks/checks/x.py:1"], "the search must find a second copy"


def test_one_function_launches_chromium():
    calls = {rel: c for rel in PYTHON_FILES if (c := launch_calls(rel, (ROOT / rel).read_text(encoding="utf-8")))}
    assert list(calls) == [LAUNCHER], "Chromium is started outside hooks/diagrams/chromium.py:\n" + "\n".join(
        f"{rel}:{line}: {call}(...) in {function}()" for rel, found in calls.items() if rel != LAUNCHER for line, call, function in found)
    [(line, call, function)] = calls[LAUNCHER]
    assert function == "launch" and call.endswith("chromium.launch"), (line, call, function)


def test_the_launch_rule_catches_a_second_launcher_but_not_a_call_of_the_first():
    own = "from playwright.sync_api import sync_playwright\n\ndef draw():\n    with sync_playwright() as p:\n        b = p.chromium.launch(args=[])\n"
    assert launch_calls("scripts/x.py", own) == [(5, "p.chromium.launch", "draw")]
    reuse = "from hooks.diagrams import chromium\n\ndef draw():\n    return chromium.launch('to draw')\n"
    assert launch_calls("hooks/diagrams/x.py", reuse) == []
    assert launch_calls("tests/x.py", "def f(browser_type):\n    browser_type.launch_persistent_context('/tmp')\n") == [
        (2, "browser_type.launch_persistent_context", "f")]


def test_the_search_covers_hooks_scripts_and_tests():
    assert PIPELINE in PYTHON_FILES and LAUNCHER in PYTHON_FILES and "hooks/render/markers.py" in PYTHON_FILES
    assert any(f.startswith("scripts/") for f in PYTHON_FILES) and "tests/conftest.py" in PYTHON_FILES
    assert Path(__file__).resolve().relative_to(ROOT).as_posix() in PYTHON_FILES
