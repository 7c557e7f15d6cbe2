"""The GitHub workflows: valid against GitHub's schema, zero zizmor findings, pinned, least privilege.

check-jsonschema (its built-in copy of the SchemaStore workflow schema) and `zizmor --offline`
are pinned in tests/requirements.txt and need no network. A broken workflow fails here with the
tool's own message. Each check is also run on a deliberately broken workflow, so it can fail.
Also unit tests of the two scripts the workflows run: scripts/external_links.py (weekly link
check) and scripts/changed_pages.py (the preview comment).
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from scripts import changed_pages, external_links

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
BIN = Path(sys.executable).parent
USES = re.compile(r"^\s*-?\s*uses:\s*(?P<ref>\S+)(?P<comment>.*)$")


def check_jsonschema(*files: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, files)],
                          capture_output=True, text=True, timeout=120)


def zizmor(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "zizmor"), "--offline", "--no-progress", str(path)],
                          capture_output=True, text=True, timeout=120, cwd=path)


def test_there_are_workflows():
    assert {p.name for p in WORKFLOWS} >= {"tests.yml", "deploy.yml", "preview.yml", "links.yml"}


def test_workflows_match_githubs_schema():
    result = check_jsonschema(*WORKFLOWS)
    assert result.returncode == 0, f"check-jsonschema:\n{result.stdout}{result.stderr}"


def test_zizmor_finds_nothing():
    result = zizmor(ROOT)
    assert result.returncode == 0 and "No findings to report" in result.stdout + result.stderr, \
        f"zizmor --offline:\n{result.stdout}{result.stderr}"


INSECURE = """\
name: insecure
on:
  pull_request:
jobs:
  test:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.pull_request.title }}"
"""


def test_a_broken_workflow_fails_both_checks(tmp_path):
    workflow = tmp_path / ".github/workflows/insecure.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text(INSECURE, encoding="utf-8")
    audit = zizmor(tmp_path)
    out = audit.stdout + audit.stderr
    assert audit.returncode != 0
    for finding in ("unpinned-uses", "artipacked", "template-injection", "excessive-permissions"):
        assert f"[{finding}]" in out, f"zizmor did not report {finding}:\n{out}"
    workflow.write_text(INSECURE.replace("    runs-on: ubuntu-24.04\n", ""), encoding="utf-8")
    schema = check_jsonschema(workflow)
    assert schema.returncode != 0 and "runs-on" in schema.stdout, schema.stdout


def test_every_action_is_pinned_to_a_commit_with_its_version():
    loose = []
    for workflow in WORKFLOWS:
        for number, line in enumerate(workflow.read_text(encoding="utf-8").splitlines(), 1):
            match = USES.match(line)
            if match and not match["ref"].startswith("./"):
                if not (re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", match["ref"]) and re.search(r"# v\d+\.\d+\.\d+$", match["comment"])):
                    loose.append(f"{workflow.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not loose, "pin each action to a full commit SHA with a '# vX.Y.Z' comment:\n" + "\n".join(loose)


def test_least_privilege():
    """No workflow grants anything by default; every job says what it needs; checkouts keep no token."""
    for workflow in WORKFLOWS:
        data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
        assert data.get("permissions") == {}, f"{workflow.name}: set `permissions: {{}}` at the top"
        for name, job in data["jobs"].items():
            assert "permissions" in job, f"{workflow.name}: job {name} must list its permissions"
            for step in job.get("steps", []):
                if str(step.get("uses", "")).startswith("actions/checkout@"):
                    assert step.get("with", {}).get("persist-credentials") is False, f"{workflow.name}: {name} checkout keeps credentials"


def test_link_check_never_runs_on_pull_requests():
    triggers = yaml.safe_load((ROOT / ".github/workflows/links.yml").read_text(encoding="utf-8"))[True]   # YAML reads `on:` as True
    assert set(triggers) == {"schedule", "workflow_dispatch"}


def test_previews_use_pull_request_not_pull_request_target():
    for workflow in WORKFLOWS:
        triggers = yaml.safe_load(workflow.read_text(encoding="utf-8"))[True]
        assert not {"pull_request_target", "workflow_run"} & set(triggers if isinstance(triggers, dict) else [triggers]), workflow.name


# --- scripts/external_links.py --------------------------------------------------------------------

PAGE = """---
title: A page
---

# A page

A fact.[^a] See [the timeline](timeline.md) and <https://auto.example/x>.

```text
https://in-code.example/ is not a link
```

[^a]: Source, [Title (2024)](https://example.org/wiki/A_(b)), 2024.
[^b]: Other, [T](https://example.org/two), and [again](https://example.org/wiki/A_(b)).
"""

DATA = """- id: x
  source: https://data.example/one
  officeholders:
    - name: A
      source: https://data.example/two
  text: Not a URL https://inline.example/ in text.
"""


def test_extract_links_with_page_and_line(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "docs/a.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "data/x.yml").write_text(DATA, encoding="utf-8")
    assert external_links.extract(tmp_path) == {
        "https://auto.example/x": ["docs/a.md:7"],
        "https://data.example/one": ["data/x.yml:2"],
        "https://data.example/two": ["data/x.yml:5"],
        "https://example.org/two": ["docs/a.md:14"],
        "https://example.org/wiki/A_(b)": ["docs/a.md:13", "docs/a.md:14"],
    }


def test_report_lists_dead_urls_with_their_places():
    lychee = {"error_map": {"links/links.txt": [
        {"url": "https://example.org/two", "status": {"text": "404 Not Found", "code": 404}},
        {"url": "https://gone.example/", "status": {"text": "Timeout | retried"}}]}}
    dead = external_links.failures(lychee)
    assert dead == {"https://example.org/two": "404 Not Found", "https://gone.example/": "Timeout | retried"}
    body = external_links.report(dead, {"https://example.org/two": ["docs/a.md:14", "data/x.yml:3"]}, "2026-11-30")
    assert body.startswith("The weekly check of the site's outside links (2026-11-30) could not reach 2 of 1 URLs")
    assert "| <https://example.org/two> | 404 Not Found | docs/a.md:14, data/x.yml:3 |" in body
    assert "| <https://gone.example/> | Timeout / retried | (not in the extracted list) |" in body
    assert "No dead links." in external_links.report({}, {"u": ["p:1"]}, "2026-11-30")
    assert external_links.failures({"fail_map": {"f": [{"url": "https://old.example/", "status": "Failed"}]}}) == {"https://old.example/": "Failed"}


def test_the_real_site_has_links_to_check():
    places = external_links.extract(ROOT)
    assert len(places) > 50 and all(url.startswith(("https://", "http://")) for url in places)
    assert all(re.fullmatch(r"(docs/.+\.md|data/.+\.yml):\d+", p) for where in places.values() for p in where)


def test_extract_command_writes_list_and_map(tmp_path):
    result = subprocess.run([sys.executable, "-m", "scripts.external_links", "extract", str(tmp_path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    urls = (tmp_path / "links.txt").read_text(encoding="utf-8").split()
    assert urls == list(json.loads((tmp_path / "links.json").read_text(encoding="utf-8")))


# --- scripts/changed_pages.py ---------------------------------------------------------------------

@pytest.mark.parametrize("src, url", [("docs/index.md", ""), ("docs/since.md", "since/"),
                                      ("docs/report/sanctions.md", "report/sanctions/"), ("docs/report/index.md", "report/")])
def test_page_url(src, url):
    assert changed_pages.page_url(src) == url


def test_changed_pages_list():
    out = changed_pages.render(["docs/since.md", "docs/gone.md", "data/timeline.yml", "tests/test_x.py", "README.md"],
                               "https://x.github.io/site/pr-preview/pr-7/")
    assert out == ("- `docs/gone.md` (removed)\n"
                   "- [Since the report](https://x.github.io/site/pr-preview/pr-7/since/) (`docs/since.md`)\n"
                   "- Files that can change every page: `data/timeline.yml`\n")
    assert changed_pages.render(["README.md"], "u/").startswith("- No page changed")
