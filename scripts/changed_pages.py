#!/usr/bin/env python3
"""Changed pages: the Markdown list of pages a pull request changes, linked into its preview.

Usage (from the repository root; .github/workflows/preview.yml runs it):
    python -m scripts.changed_pages BASE_SHA HEAD_SHA PREVIEW_URL > changed.md
    python -m scripts.changed_pages BASE_SHA HEAD_SHA PREVIEW_URL --meta meta.json --pr N --fork true|false > changed.md

Reads `git diff --name-only BASE...HEAD`. Each changed docs/*.md becomes a line linking its
preview URL (docs/report/sanctions.md -> PREVIEW_URL + report/sanctions/), titled from its
front matter; removed pages are listed as removed. Changes outside docs/ that can change every
page (data/, hooks/, overrides/, includes/, mkdocs.yml, docs/assets/) are listed once as such.

With --meta it also writes the same list as data, with the pull request's number, head commit and
whether it comes from a fork (`meta`): the preview-meta artifact that .github/workflows/
preview-comment.yml reads to comment on a fork's pull request. That workflow treats the file as
untrusted and checks every field (scripts/preview_comment.py).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import yaml

from hooks.render.download_pages import hosted_url

ROOT = Path(__file__).resolve().parent.parent
SITE_WIDE = ("data/", "hooks/", "overrides/", "includes/", "docs/assets/", "mkdocs.yml", "mkdocs-offline.yml", "requirements.txt")


def title_of(root: Path, src: str) -> str | None:
    """The page's front matter title, or None if the file is gone (removed in the PR)."""
    path = root / src
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8")
    try:
        meta = yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else {}
    except (yaml.YAMLError, IndexError):
        meta = {}
    return (meta or {}).get("title") or src


def changes(changed: list[str], root: Path = ROOT) -> dict:
    """The changed files sorted into pages (with titles), removed pages and site-wide files."""
    pages = sorted(p for p in changed if p.startswith("docs/") and p.endswith(".md"))
    titled = [(src, title_of(root, src)) for src in pages]
    return {"pages": [{"src": src, "title": title} for src, title in titled if title],
            "removed": [src for src, title in titled if not title],
            "site_wide": sorted(p for p in changed if p.startswith(SITE_WIDE) and p not in pages)}


def render(changed: list[str], preview_url: str, root: Path = ROOT) -> str:
    """The Markdown list for the preview comment."""
    found = changes(changed, root)
    by_file = [(page["src"], f"- [{page['title']}]({hosted_url(preview_url, page['src'].removeprefix('docs/'))}) (`{page['src']}`)") for page in found["pages"]]
    by_file += [(src, f"- `{src}` (removed)") for src in found["removed"]]
    lines = [line for _, line in sorted(by_file)]
    if found["site_wide"]:
        lines.append("- Files that can change every page: " + ", ".join(f"`{p}`" for p in found["site_wide"]))
    return "\n".join(lines or ["- No page changed (the preview shows the whole site as built from this pull request)."]) + "\n"


def meta(changed: list[str], pr: int, head_sha: str, fork: bool, root: Path = ROOT) -> dict:
    """The preview-meta artifact: which pull request and commit was built, and what it changes."""
    return {"pr": pr, "head_sha": head_sha, "fork": fork, **changes(changed, root)}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.changed_pages", description=__doc__.split("\n\n")[0])
    parser.add_argument("base")
    parser.add_argument("head")
    parser.add_argument("preview_url")
    parser.add_argument("--meta", type=Path, help="also write the preview-meta JSON here")
    parser.add_argument("--pr", type=int)
    parser.add_argument("--fork", choices=("true", "false"))
    args = parser.parse_args(argv)
    if args.meta and (args.pr is None or args.fork is None):
        parser.error("--meta needs --pr and --fork")
    result = subprocess.run(["git", "diff", "--name-only", f"{args.base}...{args.head}"], cwd=ROOT, capture_output=True, text=True, check=True)
    changed = result.stdout.split()
    print(render(changed, args.preview_url.rstrip("/") + "/"), end="")
    if args.meta:
        args.meta.write_text(json.dumps(meta(changed, args.pr, args.head, args.fork == "true"), indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
