"""Built files: where a Markdown page lands in a built site, and what its HTML holds before any script runs."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent.parent


def built_path(site: Path, src: str, offline: bool) -> Path:
    """Where a Markdown page lands: foo.md -> foo/index.html (hosted) or foo.html (offline)."""
    stem = src[:-3]
    if stem == "index" or stem.endswith("/index"):
        return site / f"{stem}.html"
    return site / (f"{stem}.html" if offline else f"{stem}/index.html")


def page_url(base: str, site: Path, src: str, offline: bool) -> str:
    """The URL a reader opens: file:///.../foo.html offline, http://127.0.0.1:PORT/foo/ hosted."""
    path = built_path(site, src, offline).relative_to(site).as_posix()
    if base.startswith("file:"):
        return base + path
    return base + (path[: -len("index.html")] if path.endswith("index.html") else path)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@dataclass
class BuiltPage:
    """What the built HTML promises before any JavaScript runs."""
    client_diagrams: int        # `pre.mermaid`: Material renders these in the browser
    prerendered: int            # `div.mermaid` hosts already holding an SVG (build-time rendering)
    mermaid_scripts: list[str]  # <script src> tags loading Mermaid

    @property
    def diagrams(self) -> int:
        return self.client_diagrams + self.prerendered


def built_page(path: Path) -> BuiltPage:
    doc = soup(path)
    return BuiltPage(
        # a phone variant in its narrow wrapper (hooks/diagrams/phone_variants.py) is the same diagram
        client_diagrams=len([p for p in doc.select("pre.mermaid") if not p.find_parent(class_="mdx-diagram--narrow")]),
        prerendered=len(doc.select("div.mermaid:not(.mdx-diagram--narrow)")),   # a narrow layout is the same diagram
        mermaid_scripts=[s["src"] for s in doc.find_all("script", src=True) if "mermaid" in s["src"].lower()],
    )


def mermaid_file_name() -> str:
    """The vendored Mermaid's file name, from docs/assets/vendor/manifest.json."""
    manifest = json.loads((ROOT / "docs/assets/vendor/manifest.json").read_text(encoding="utf-8"))
    return manifest["assets"]["mermaid"]["path"].rsplit("/", 1)[-1]
