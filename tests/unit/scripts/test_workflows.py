"""The GitHub workflows: valid against GitHub's schema, zero zizmor findings, pinned, least privilege.

check-jsonschema (its built-in copy of the SchemaStore workflow schema) and `zizmor --offline`
are pinned in tests/requirements.txt and need no network. A broken workflow fails here with the
tool's own message. Each check is also run on a deliberately broken workflow, so it can fail.
The scripts the workflows run are tested beside this file (test_external_links.py,
test_changed_pages.py, test_preview_comment.py)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))

ACTIONS = sorted((ROOT / ".github/actions").glob("*/action.yml"))     # the project's own composite actions

SETUP = "$/.github/actions/setup-site"

BIN = Path(sys.executable).parent

USES = re.compile(r"^\s*-?\s*uses:\s*(?P<ref>\S+)(?P<comment>.*)$")


def check_jsonschema(*files: Path, schema: str = "vendor.github-workflows") -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, files)],
                          capture_output=True, text=True, timeout=120)


def zizmor(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "zizmor"), "--offline", "--no-progress", str(path)],
                          capture_output=True, text=True, timeout=120, cwd=path)


def test_there_are_workflows():
    assert {p.name for p in WORKFLOWS} >= {"tests.yml", "deploy.yml", "preview.yml", "preview-comment.yml", "links.yml"}


def test_workflows_match_githubs_schema():
    result = check_jsonschema(*WORKFLOWS)
    assert result.returncode == 0, f"check-jsonschema:\n{result.stdout}{result.stderr}"


def test_local_actions_match_githubs_schema(tmp_path):
    assert ACTIONS, "no .github/actions/*/action.yml"
    result = check_jsonschema(*ACTIONS, schema="vendor.github-actions")
    assert result.returncode == 0, f"check-jsonschema:\n{result.stdout}{result.stderr}"
    broken = tmp_path / "action.yml"
    broken.write_text("name: x\ndescription: y\n", encoding="utf-8")      # no `runs`
    failed = check_jsonschema(broken, schema="vendor.github-actions")
    assert failed.returncode != 0 and "runs" in failed.stdout, failed.stdout


def test_the_site_is_set_up_by_one_shared_action():
    """tests.yml, deploy.yml and preview.yml install the site and Playwright's Chromium through
    .github/actions/setup-site (self-repository reference, as zizmor asks) and pass its `path` output
    as CHROMIUM_PATH; no workflow repeats the install itself."""
    action = yaml.safe_load((ROOT / ".github/actions/setup-site/action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite" and "path" in action["outputs"]
    assert "playwright install --with-deps chromium" in action["runs"]["steps"][0]["run"]
    for name in ("tests.yml", "deploy.yml", "preview.yml"):
        text = (ROOT / ".github/workflows" / name).read_text(encoding="utf-8")
        (job,) = [job for job in yaml.safe_load(text)["jobs"].values() if any(s.get("uses") == SETUP for s in job.get("steps", []))]
        step = next(s for s in job["steps"] if s.get("uses") == SETUP)
        assert step["id"] == "chromium", name
        assert "CHROMIUM_PATH: ${{ steps.chromium.outputs.path }}" in text, name
    for workflow in WORKFLOWS:
        assert "playwright install" not in workflow.read_text(encoding="utf-8"), f"{workflow.name}: use {SETUP}"


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
    for workflow in WORKFLOWS + ACTIONS:
        for number, line in enumerate(workflow.read_text(encoding="utf-8").splitlines(), 1):
            match = USES.match(line)
            if match and not match["ref"].startswith(("./", "$/")):     # the repository's own actions
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


def triggers_of(workflow: Path) -> set[str]:
    triggers = yaml.safe_load(workflow.read_text(encoding="utf-8"))[True]
    return set(triggers if isinstance(triggers, dict) else [triggers])


def test_previews_use_pull_request_not_pull_request_target():
    """A PR's code runs only under `pull_request` (read-only for forks). The one privileged
    trigger is preview-comment.yml's workflow_run, and the only zizmor ignore is on that line."""
    for workflow in WORKFLOWS:
        assert "pull_request_target" not in triggers_of(workflow), workflow.name
        if workflow.name != "preview-comment.yml":
            assert "workflow_run" not in triggers_of(workflow), workflow.name
    ignores = [(w.name, line.strip()) for w in WORKFLOWS for line in w.read_text(encoding="utf-8").splitlines() if "zizmor:" in line]
    assert len(ignores) == 1 and ignores[0][0] == "preview-comment.yml", ignores
    assert ignores[0][1].startswith("workflow_run:  # zizmor: ignore[dangerous-triggers] no PR code runs here"), ignores


def test_the_fork_comment_workflow_runs_no_pull_request_code():
    """preview-comment.yml (workflow_run, may comment): it checks out only scripts/preview_comment.py
    from the default branch, downloads only preview-meta, installs and builds nothing, and puts
    event data in env, not in scripts."""
    path = ROOT / ".github/workflows/preview-comment.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert triggers_of(path) == {"workflow_run"} and data[True]["workflow_run"] == {"workflows": ["preview"], "types": ["completed"]}
    preview_name = yaml.safe_load((ROOT / ".github/workflows/preview.yml").read_text(encoding="utf-8"))["name"]
    assert preview_name == "preview"
    (job,) = data["jobs"].values()
    assert job["permissions"] == {"actions": "read", "contents": "read", "pull-requests": "write"}
    assert "head_repository.full_name != github.repository" in job["if"]
    uses = [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]
    assert uses == ["actions/checkout", "actions/download-artifact", "marocchino/sticky-pull-request-comment"]
    checkout, download = (next(s for s in job["steps"] if s.get("uses", "").startswith(name)) for name in uses[:2])
    assert checkout["with"] == {"persist-credentials": False, "ref": "${{ github.event.repository.default_branch }}",
                                "sparse-checkout": "scripts/preview_comment.py", "sparse-checkout-cone-mode": False}
    assert download["with"]["name"] == "preview-meta"
    scripts = "\n".join(step.get("run", "") for step in job["steps"])
    assert "${{" not in scripts
    assert not re.search(r"\b(make|pip|npm|\.venv|mkdocs|pytest|bash|source)\b", scripts), scripts
    assert set(re.findall(r"python3 (\S+)", scripts)) == {"scripts/preview_comment.py"}


def test_without_its_ignore_comment_zizmor_rejects_the_workflow_run(tmp_path):
    """The suppression is needed and narrow: without it zizmor flags the trigger (and nothing else)."""
    workflows = tmp_path / ".github/workflows"
    workflows.mkdir(parents=True)
    text = (ROOT / ".github/workflows/preview-comment.yml").read_text(encoding="utf-8")
    (workflows / "preview-comment.yml").write_text(re.sub(r"  # zizmor: ignore\[[^\]]+\].*", "", text), encoding="utf-8")
    audit = zizmor(tmp_path)
    out = audit.stdout + audit.stderr
    assert audit.returncode != 0 and "[dangerous-triggers]" in out, out
    assert len(set(re.findall(r"\[([a-z-]+)\]", out))) == 1, out
