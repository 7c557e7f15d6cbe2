"""Downloads: publish the data as JSON and CSV, add the PDF and the offline zip, list them for readers.

What it adds to the build, as generated files (so MkDocs copies them and checks links to them):
- `downloads/data/<name>.json`, `<name>.schema.json` and `<name>.csv` for every data/*.yml that has
  a schema (hooks/data/export.py), in every edition;
- `downloads/in12355-explainer.pdf` and `downloads/in12355-explainer-offline.zip`, copied from
  `extra.downloads.editions_dir` when it is set; `extra.downloads.editions` says which to offer.

Why the editions come from a folder: the PDF is printed from built pages and the zip is a built
edition, so both exist only after a build. `make build` builds them first, into dist/ (the PDF from
a build of the offline edition, then the offline edition with the PDF inside, then its zip); the
hosted build then copies them and reads their size and SHA-256 here. Each build only reads finished
files, so no HTML is patched afterwards. Without the folder (`make serve`, the tests' builds) the
pages point at the hosted site's About page instead.

Markers (hooks/render/markers.py; drawn by hooks/render/download_pages.py):
    <!-- render: editions -->     the PDF and the zip, each with its size, build date and SHA-256
    <!-- render: data-files -->   every data file with its downloads and the pages that show it
A page that renders data (`<!-- render: timeline-table -->` and so on) gets a short
"Download this data" section at its end.
"""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

from hooks.core.dates import build_date
from hooks.core.problems import Problem
from hooks.data import export
from hooks.render import download_pages

log = logging.getLogger("mkdocs.plugins.hooks.downloads")


# --- Steps (hooks/pipeline.py) -------------------------------------------------------------

def prepare(build) -> list[Problem]:
    """The data as JSON and CSV, and the editions found in extra.downloads.editions_dir."""
    settings = build.config.extra.get("downloads") or {}
    build.exports, problems = export.load_data(build.root)
    build.editions, found = find_editions(build.root, settings.get("editions_dir") or "", settings.get("editions") or [])
    return problems + found


def add_files(build, files, config) -> None:
    """The data downloads and the editions, as files of the site."""
    for name, item in build.exports.items():
        for suffix, content in (("json", item["json"]), ("schema.json", item["schema_text"]), ("csv", item["csv"])):
            files.append(File.generated(config, f"{download_pages.DATA_DIR}/{name}.{suffix}", content=content))
    for edition in build.editions.values():
        files.append(File.generated(config, f"downloads/{edition['file']}", abs_src_path=edition["path"]))


def append_data_links(build, markdown: str, src: str) -> str:
    """A "Download this data" section at the end of a page that shows data."""
    shown = [name for name in build.exports if src in build.shows.get(name, {})]
    if not shown:
        return markdown
    return markdown.rstrip("\n") + "\n\n" + download_pages.render_page_data_links(src, shown, build.exports)


# --- Helpers -------------------------------------------------------------------------------

def find_editions(root: Path, folder: str, wanted: list[str]) -> tuple[dict, list[Problem]]:
    """The PDF and zip to offer: size, SHA-256 and build date of each, from `folder`."""
    editions, problems = {}, []
    for key in wanted:
        if key not in download_pages.EDITIONS:
            problems.append(Problem("mkdocs.yml", 1, f"extra.downloads.editions: unknown edition {key!r}",
                                    f"use some of: {', '.join(download_pages.EDITIONS)}"))
            continue
        if not folder:
            continue
        name = download_pages.EDITIONS[key][0]
        path = (root / folder / name).resolve()
        if not path.is_file():
            problems.append(Problem(f"{folder}/{name}", 1, "edition file is missing",
                                    "run `make build`, which builds the PDF and the offline zip before the site"))
            continue
        data = path.read_bytes()
        editions[key] = {"file": name, "path": str(path), "size": len(data),
                         "sha256": hashlib.sha256(data).hexdigest(), "date": build_date(path)}
    return editions, problems


def data_pages(files, shown_data) -> dict[str, dict[str, str]]:
    """{data name: {page src_uri: page title}} for the pages whose markers show that data
    (`shown_data(markdown)`: hooks/render/markers.shown_data)."""
    shown: dict[str, dict[str, str]] = {}
    for file in files.documentation_pages():
        source = file.content_string
        names = shown_data(source)
        if not names:
            continue
        title = get_data(source)[1].get("title") or file.src_uri
        for data in names:
            shown.setdefault(data, {})[file.src_uri] = title
    return shown
