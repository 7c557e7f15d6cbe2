#!/usr/bin/env python3
"""External links: list every outside URL the site cites, with page and line, for the weekly link check.

Usage (from the repository root; .github/workflows/links.yml runs both):
    python -m scripts.external_links extract OUTDIR
        writes OUTDIR/links.txt (one URL a line, what lychee reads) and OUTDIR/links.json
        ({url: ["docs/page.md:LINE", ...]})
    python -m scripts.external_links report LYCHEE_JSON OUTDIR/links.json > issue.md
        turns lychee's JSON output into the issue body: each dead URL with every page and line
        that cites it; writes `dead=N` to $GITHUB_OUTPUT when run in GitHub Actions.

What counts: every http(s) link target in the Markdown of docs/ (footnote sources and inline
links; not code fences or front matter) and every http(s) value in data/*.yml (sources, URLs,
nested source lists), each at its line. Never fails: a remote site's outage must not fail anyone.
"""
from __future__ import annotations

import datetime
import json
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

from hooks.core.markdown import scan

ROOT = Path(__file__).resolve().parent.parent
_LINK = re.compile(r"\]\((?P<url>https?://(?:[^()\s]|\([^()\s]*\))+)")
_AUTOLINK = re.compile(r"<(?P<url>https?://[^>\s]+)>")
_REFERENCE = re.compile(r"^\s*\[[^\]^][^\]]*\]:\s*<?(?P<url>https?://\S+?)>?\s*$")


# --- Extraction ------------------------------------------------------------------------------

def page_links(rel: str, source: str) -> list[tuple[str, str, int]]:
    """(url, path, line) for each outside link in a Markdown page, outside code and front matter."""
    found = []
    for number, line in scan(source).prose:
        for pattern in (_LINK, _AUTOLINK, _REFERENCE):
            found += [(m["url"], rel, number) for m in pattern.finditer(line)]
    return found


def data_links(rel: str, text: str) -> list[tuple[str, str, int]]:
    """(url, path, line) for each http(s) string anywhere in a YAML data file."""
    found = []

    def walk(node):
        if isinstance(node, yaml.ScalarNode):
            if isinstance(node.value, str) and re.match(r"https?://\S+$", node.value.strip()):
                found.append((node.value.strip(), rel, node.start_mark.line + 1))
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item)
        elif isinstance(node, yaml.MappingNode):
            for _, value in node.value:
                walk(value)
    walk(yaml.compose(text))
    return found


def extract(root: Path) -> dict[str, list[str]]:
    """{url: ["path:line", ...]} over docs/**/*.md and data/*.yml, URLs sorted."""
    places: dict[str, list[str]] = defaultdict(list)
    links = []
    for page in sorted((root / "docs").rglob("*.md")):
        links += page_links(page.relative_to(root).as_posix(), page.read_text(encoding="utf-8"))
    for data in sorted((root / "data").glob("*.yml")):
        links += data_links(data.relative_to(root).as_posix(), data.read_text(encoding="utf-8"))
    for url, rel, line in links:
        places[url].append(f"{rel}:{line}")
    return dict(sorted(places.items()))


# --- The report ----------------------------------------------------------------------------

def failures(lychee: dict) -> dict[str, str]:
    """{url: status text} for every URL lychee could not fetch (its `error_map`, `fail_map` in
    older versions: input -> [{url, status}])."""
    dead = {}
    for key in ("error_map", "fail_map"):
        for responses in (lychee.get(key) or {}).values():
            for response in responses:
                status = response.get("status")
                text = status.get("text") or status.get("code") if isinstance(status, dict) else status
                dead[response["url"]] = str(text or "failed")
    return dead


def report(dead: dict[str, str], places: dict[str, list[str]], today: str) -> str:
    """The issue body: one row per dead URL with every place that cites it."""
    lines = [f"The weekly check of the site's outside links ({today}) could not reach {len(dead)} of "
             f"{len(places)} URLs cited in footnotes and data files.",
             "",
             "A site may be down for a day: re-run the workflow before replacing a source. For a dead source, "
             "find the original or an archived copy and fix every place listed. This issue is updated each week.",
             ""]
    if not dead:
        return "\n".join(lines[:1] + ["", "No dead links."]) + "\n"
    lines += ["| URL | Status | Cited at |", "| --- | --- | --- |"]
    for url in sorted(dead):
        cell = ", ".join(places.get(url, ["(not in the extracted list)"]))
        lines.append(f"| <{url}> | {dead[url].replace('|', '/')} | {cell} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "extract":
        out = Path(argv[1])
        out.mkdir(parents=True, exist_ok=True)
        places = extract(ROOT)
        (out / "links.txt").write_text("".join(f"{url}\n" for url in places), encoding="utf-8")
        (out / "links.json").write_text(json.dumps(places, indent=1), encoding="utf-8")
        print(f"{len(places)} outside URLs cited at {sum(map(len, places.values()))} places")
        return 0
    if len(argv) == 3 and argv[0] == "report":
        lychee_path = Path(argv[1])
        lychee = json.loads(lychee_path.read_text(encoding="utf-8")) if lychee_path.exists() else {}
        places = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
        dead = failures(lychee)
        print(report(dead, places, datetime.date.today().isoformat()), end="")
        if os.environ.get("GITHUB_OUTPUT"):
            with open(os.environ["GITHUB_OUTPUT"], "a", encoding="utf-8") as handle:
                handle.write(f"dead={len(dead)}\n")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
