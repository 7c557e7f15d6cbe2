"""Downloads: publish the data as JSON and CSV, add the PDF and the offline zip, list them for readers.

What it adds to the build, as generated files (so MkDocs copies them and checks links to them):
- `downloads/data/<name>.json`, `<name>.schema.json` and `<name>.csv` for every data/*.yml that has
  a schema (hooks/_data_export.py), in every edition;
- `downloads/in12355-explainer.pdf` and `downloads/in12355-explainer-offline.zip`, copied from
  `extra.downloads.editions_dir` when it is set; `extra.downloads.editions` says which to offer.

Why the editions come from a folder: the PDF is printed from built pages and the zip is a built
edition, so both exist only after a build. `make build` builds them first, into dist/ (the PDF from
a build of the offline edition, then the offline edition with the PDF inside, then its zip); the
hosted build then copies them and reads their size and SHA-256 here. Each build only reads finished
files, so no HTML is patched afterwards. Without the folder (`make serve`, the tests' builds) the
pages point at the hosted site's About page instead.

Markers, alone on their line (rendered by hooks/_download_pages.py):
    <!-- downloads: editions -->   the PDF and the zip, each with its size, build date and SHA-256
    <!-- downloads: data -->       every data file with its downloads and the pages that show it
A page that renders data (`<!-- render: timeline-table -->` and so on) gets a short
"Download this data" section at its end.
"""
from __future__ import annotations

import datetime
import hashlib
import logging
import os
import re
import time
from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

from hooks import _data_export, _download_pages
from hooks._common import Problem, report, source_path

log = logging.getLogger("mkdocs.plugins.hooks.downloads")

RENDER_MARKER = re.compile(r"^[ \t]*<!--\s*render:\s*(?P<name>[\w-]+)\s*-->[ \t]*$", re.M)
# Which data a render marker (hooks/shared_data.py) shows: its first word (`timeline-table` shows
# `timeline`), except for these, which show other or more files.
MARKER_DATA = {
    "timeline-table": ("timeline", "sanctions"),
    "officeholders": ("actors",),
    "chronology": ("timeline",),
    "story-so-far": ("timeline",),
    "by-the-numbers": ("timeline", "estimates", "sanctions"),
    "map-region": ("places",), "map-trip-2023": ("places",), "map-long-view": ("places",),   # hooks/maps.py
}
_STATE: dict = {"data": {}, "editions": {}, "problems": []}


# --- Hooks ---------------------------------------------------------------------------------

def on_config(config):
    root = Path(config.config_file_path).resolve().parent
    settings = config.extra.get("downloads") or {}
    _STATE["data"], problems = _data_export.load_data(root)
    editions, found = find_editions(root, settings.get("editions_dir") or "", settings.get("editions") or [])
    _STATE["editions"] = editions
    report(log, problems + found)
    return config


def on_files(files, config):
    for name, item in _STATE["data"].items():
        for suffix, content in (("json", item["json"]), ("schema.json", item["schema_text"]), ("csv", item["csv"])):
            files.append(File.generated(config, f"{_download_pages.DATA_DIR}/{name}.{suffix}", content=content))
    for edition in _STATE["editions"].values():
        files.append(File.generated(config, f"downloads/{edition['file']}", abs_src_path=edition["path"]))
    return files


def on_page_markdown(markdown, page, config, files):
    path = source_path(page, config)
    offset = page.file.content_string.count("\n") - markdown.count("\n")   # front matter lines
    pages = data_pages(files)
    context = {
        "src": page.file.src_uri,
        "data": _STATE["data"],
        "editions": _STATE["editions"],
        "pages": pages,
        "hosted_about": hosted_url(config.site_url or "", "about.md") + "#downloads",
    }
    rendered, problems = _download_pages.render_markers(path, markdown, context, offset)
    report(log, problems)
    shown = [name for name in _STATE["data"] if page.file.src_uri in pages.get(name, {})]
    if shown:
        rendered = rendered.rstrip("\n") + "\n\n" + _download_pages.render_page_data_links(page.file.src_uri, shown, _STATE["data"])
    return rendered


# --- Helpers -------------------------------------------------------------------------------

def find_editions(root: Path, folder: str, wanted: list[str]) -> tuple[dict, list[Problem]]:
    """The PDF and zip to offer: size, SHA-256 and build date of each, from `folder`."""
    editions, problems = {}, []
    for key in wanted:
        if key not in _download_pages.EDITIONS:
            problems.append(Problem("mkdocs.yml", 1, f"extra.downloads.editions: unknown edition {key!r}",
                                    f"use some of: {', '.join(_download_pages.EDITIONS)}"))
            continue
        if not folder:
            continue
        name = _download_pages.EDITIONS[key][0]
        path = (root / folder / name).resolve()
        if not path.is_file():
            problems.append(Problem(f"{folder}/{name}", 1, "edition file is missing",
                                    "run `make build`, which builds the PDF and the offline zip before the site"))
            continue
        data = path.read_bytes()
        editions[key] = {"file": name, "path": str(path), "size": len(data),
                         "sha256": hashlib.sha256(data).hexdigest(), "date": build_date(path)}
    return editions, problems


def build_date(path: Path | None = None) -> datetime.date:
    """When the file was built, or today without one (UTC); SOURCE_DATE_EPOCH for reproducible builds."""
    stamp = os.environ.get("SOURCE_DATE_EPOCH") or (path.stat().st_mtime if path else time.time())
    return datetime.datetime.fromtimestamp(int(float(stamp)), datetime.timezone.utc).date()


def hosted_url(site_url: str, src_uri: str) -> str:
    """A page's address on the hosted site (directory URLs), e.g. about.md -> <site_url>about/."""
    stem = src_uri.removesuffix(".md")
    path = "" if stem == "index" else (stem.removesuffix("/index") + "/")
    return site_url.rstrip("/") + "/" + path if site_url else path


def data_pages(files) -> dict[str, dict[str, str]]:
    """{data name: {page src_uri: page title}} for pages with a render marker of that data (MARKER_DATA)."""
    shown: dict[str, dict[str, str]] = {}
    for file in files.documentation_pages():
        source = file.content_string
        names = {m["name"] for m in RENDER_MARKER.finditer(source)}
        if not names:
            continue
        title = get_data(source)[1].get("title") or file.src_uri
        for data in {d for n in names for d in MARKER_DATA.get(n, (n.split("-")[0],))}:
            shown.setdefault(data, {})[file.src_uri] = title
    return shown
