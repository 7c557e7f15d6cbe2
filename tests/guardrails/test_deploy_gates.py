"""Issue 26: only what passed is deployed, and nothing from a pull request is served before approval.

Extends tests/test_workflows.py (schema, zizmor, pinning, least privilege) with the gates:
deploy.yml publishes only after the whole test suite passed on the same commit; the build checks the
vendored assets itself; previews wait for a maintainer; each edition is built into a temporary
folder; requirements are pinned with hashes.
"""
from __future__ import annotations

import json
import re
import subprocess

import yaml
from conftest import ROOT

from hooks.core import vendored

WORKFLOWS = ROOT / ".github/workflows"


def workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def needs(job: dict) -> set[str]:
    value = job.get("needs", [])
    return {value} if isinstance(value, str) else set(value)


def test_deploy_publishes_only_after_the_tests_pass_on_the_same_commit():
    deploy, tests = workflow("deploy.yml"), workflow("tests.yml")
    jobs = deploy["jobs"]
    assert jobs["test"]["uses"] == "$/.github/workflows/tests.yml", "deploy.yml must run the test suite itself"
    assert "workflow_call" in tests[True], "tests.yml must be callable by deploy.yml"
    assert "test" in needs(jobs["build"]) and {"test", "build"} <= needs(jobs["publish"])
    assert not any("if" in job and "always()" in str(job["if"]) for job in jobs.values()), "no job may run past a failure"
    # The one job that writes to gh-pages is the one that needs the tests.
    writers = [name for name, job in jobs.items() if job.get("permissions", {}).get("contents") == "write"]
    assert writers == ["publish"]
    steps = " ".join(str(step.get("run", "")) for step in jobs["build"]["steps"])
    assert "make build" in steps and "scripts.vendor --verify-registry" in steps
    assert "push" not in tests[True], "a push to main runs the tests through deploy.yml, not twice"


def test_previews_wait_for_a_maintainer():
    preview = workflow("preview.yml")
    deploy = preview["jobs"]["deploy"]
    assert deploy["environment"]["name"] == "pr-preview", "the publishing job must wait for the environment's reviewers"
    assert "github.event.pull_request.head.repo.full_name == github.repository" in deploy["if"]
    assert "pull_request_target" not in preview[True]
    text = (WORKFLOWS / "preview.yml").read_text(encoding="utf-8")
    assert "Required reviewers" in text and "pr-preview" in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_the_build_checks_vendored_assets(tmp_path):
    pipeline = (ROOT / "hooks/pipeline.py").read_text(encoding="utf-8")
    assert "report(log, vendored.problems(root))" in pipeline     # in on_config: a warning, so --strict fails
    assert vendored.problems(ROOT) == []
    manifest = json.loads((ROOT / vendored.MANIFEST).read_text(encoding="utf-8"))["assets"]
    assert all(entry["integrity"].startswith("sha512-") for entry in manifest.values())
    (tmp_path / "docs/assets/vendor/x-1").mkdir(parents=True)
    entry = {"x": {"path": "docs/assets/vendor/x-1/x.js", "version": "1", "sha256": "0" * 64, "integrity": "sha512-x"}}
    (tmp_path / vendored.MANIFEST).write_text(json.dumps({"assets": entry}))
    (tmp_path / "docs/assets/vendor/x-1/x.js").write_text("edited by hand")
    assert [str(p) for p in vendored.problems(tmp_path)] == [
        "docs/assets/vendor/x-1/x.js:1: sha256 differs from manifest.json (re-vendor with python -m scripts.vendor x 1; "
        "never edit vendored files by hand)"]


def test_each_edition_is_built_aside_and_moved_into_place_only_on_success():
    dry = subprocess.run(["make", "-n", "-o", ".venv/.site-deps", "-o", ".venv/.chromium", "build"], cwd=ROOT,
                         capture_output=True, text=True, timeout=60).stdout
    for folder, config in (("site-offline", "mkdocs-offline.yml"), ("site", "mkdocs.yml")):
        assert f"--config-file {config} --site-dir {folder}.tmp || {{ rm -rf {folder}.tmp;" in dry, dry
        assert f"rm -rf {folder} && mv {folder}.tmp {folder}" in dry
    assert dry.index("scripts.pdf_edition") < dry.index("mkdocs-offline.yml")
    pdf = (ROOT / "scripts/pdf_edition.py").read_text(encoding="utf-8")
    assert '"--strict"' in pdf and "os.replace(partial, out)" in pdf
    assert "os.replace(partial, zip_path)" in (ROOT / "scripts/zip_offline.py").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct" in makefile and "export SOURCE_DATE_EPOCH" in makefile


def test_requirements_are_pinned_with_hashes():
    for name in ("requirements.txt", "tests/requirements.txt"):
        text = (ROOT / name).read_text(encoding="utf-8")
        packages = re.findall(r"^([A-Za-z0-9_.-]+)==\S+ \\$", text, re.M)
        assert len(packages) > 30, name
        blocks = re.split(r"^(?=[A-Za-z0-9_.-]+==)", text, flags=re.M)[1:]
        unhashed = [block.split()[0] for block in blocks if "--hash=sha256:" not in block]
        assert not unhashed, f"{name}: no hash for {unhashed}"
        assert not re.search(r"^[A-Za-z0-9_.-]+(?:>=|~=|<)", text, re.M), f"{name}: every requirement is pinned exactly"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert makefile.count("pip install --quiet --require-hashes -r") == 2
