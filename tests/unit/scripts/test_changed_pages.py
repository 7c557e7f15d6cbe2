"""scripts/changed_pages.py: the preview comment's list and the preview-meta artifact."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT

from scripts import changed_pages


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
