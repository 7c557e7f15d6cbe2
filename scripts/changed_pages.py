#!/usr/bin/env python3
"""Changed pages: the Markdown list of pages a pull request changes, linked into its preview.

Usage (from the repository root; .github/workflows/preview.yml runs it):
    python -m scripts.changed_pages BASE_SHA HEAD_SHA PREVIEW_URL > changed.md

Reads `git diff --name-only BASE...HEAD`. Each changed docs/*.md becomes a line linking its
preview URL (docs/report/sanctions.md -> PREVIEW_URL + report/sanctions/), titled from its
front matter; removed pages are listed as removed. Changes outside docs/ that can change every
page (data/, hooks/, overrides/, includes/, mkdocs.yml, docs/assets/) are listed once as such.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SITE_WIDE = ("data/", "hooks/", "overrides/", "includes/", "docs/assets/", "mkdocs.yml", "mkdocs-offline.yml", "requirements.txt")


def page_url(src: str) -> str:
    """The page's path under the site root: docs/index.md -> '', docs/report/x.md -> 'report/x/'."""
    path = src.removeprefix("docs/").removesuffix(".md")
    if path == "index":
        return ""
    return (path.removesuffix("/index") if path.endswith("/index") else path) + "/"


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


def render(changed: list[str], preview_url: str, root: Path = ROOT) -> str:
    """The Markdown list for the preview comment."""
    pages = sorted(p for p in changed if p.startswith("docs/") and p.endswith(".md"))
    wide = sorted(p for p in changed if p.startswith(SITE_WIDE) and p not in pages)
    lines = []
    for src in pages:
        title = title_of(root, src)
        lines.append(f"- [{title}]({preview_url}{page_url(src)}) (`{src}`)" if title else f"- `{src}` (removed)")
    if wide:
        lines.append("- Files that can change every page: " + ", ".join(f"`{p}`" for p in wide))
    return "\n".join(lines or ["- No page changed (the preview shows the whole site as built from this pull request)."]) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    base, head, preview_url = argv
    result = subprocess.run(["git", "diff", "--name-only", f"{base}...{head}"], cwd=ROOT, capture_output=True, text=True, check=True)
    print(render(result.stdout.split(), preview_url.rstrip("/") + "/"), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
