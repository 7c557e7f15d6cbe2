"""scripts/external_links.py: the weekly check of outside links."""
from __future__ import annotations

import json
import re
import subprocess
import sys

from conftest import ROOT

from scripts import external_links

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
