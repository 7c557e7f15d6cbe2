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

Markers, alone on their line:
    <!-- downloads: editions -->   the PDF and the zip, each with its size, build date and SHA-256
    <!-- downloads: data -->       every data file with its downloads and the pages that show it
A page that renders data (`<!-- render: timeline-table -->` and so on) gets a short
"Download this data" section at its end.
"""
from __future__ import annotations

import datetime
import hashlib
import json
import logging
import os
import posixpath
import re
from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

from hooks import _data_export, _datafiles
from hooks._common import Problem, report, source_path

log = logging.getLogger("mkdocs.plugins.hooks.downloads")

MARKER = re.compile(r"^<!--\s*downloads:\s*(?P<name>[\w-]+)\s*-->\s*$", re.M)
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
DATA_DIR = "downloads/data"
EDITIONS = {
    "pdf": ("in12355-explainer.pdf", "The whole site as a PDF",
            "every page in reading order, with a table of contents, the diagrams, the diagrams' text "
            "and the sources' addresses."),
    "zip": ("in12355-explainer-offline.zip", "The offline edition",
            "the whole site as files to read without a network, with search, the diagrams, the PDF and "
            "the data. Unzip it and open `in12355-explainer/index.html`; the README inside says more."),
}
_STATE: dict = {"data": {}, "editions": {}, "problems": []}


# --- Hooks ---------------------------------------------------------------------------------

def on_config(config):
    root = Path(config.config_file_path).resolve().parent
    settings = config.extra.get("downloads") or {}
    _STATE["data"], problems = load_data(root)
    editions, found = find_editions(root, settings.get("editions_dir") or "", settings.get("editions") or [])
    _STATE["editions"] = editions
    report(log, problems + found)
    return config


def on_files(files, config):
    for name, item in _STATE["data"].items():
        for suffix, content in (("json", item["json"]), ("schema.json", item["schema_text"]), ("csv", item["csv"])):
            files.append(File.generated(config, f"{DATA_DIR}/{name}.{suffix}", content=content))
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
    rendered, problems = render_markers(path, markdown, context, offset)
    report(log, problems)
    shown = [name for name in _STATE["data"] if page.file.src_uri in pages.get(name, {})]
    if shown:
        rendered = rendered.rstrip("\n") + "\n\n" + render_page_data_links(page.file.src_uri, shown, _STATE["data"])
    return rendered


# --- Helpers -------------------------------------------------------------------------------

def load_data(root: Path) -> tuple[dict, list[Problem]]:
    """Every data file with a schema, as its downloads. Files hooks/shared_data.py does not load
    are validated here, so a new data file's problems are reported once."""
    data, problems = {}, []
    for name in _data_export.discover(root):
        entries, found = _datafiles.load(root, name)
        if name not in _datafiles.DATA_FILES:
            problems += found
        schema_text = (root / f"data/schemas/{name}.schema.json").read_text(encoding="utf-8")
        schema = json.loads(schema_text)
        title = schema.get("title", name)
        data[name] = {
            "label": title.split(":")[0].strip(),
            "about": title.split(":", 1)[1].strip() if ":" in title else "",
            "count": len(entries),
            "json": _data_export.to_json(entries),
            "csv": _data_export.to_csv(entries, schema),
            "schema_text": schema_text,
        }
    return data, problems


def find_editions(root: Path, folder: str, wanted: list[str]) -> tuple[dict, list[Problem]]:
    """The PDF and zip to offer: size, SHA-256 and build date of each, from `folder`."""
    editions, problems = {}, []
    for key in wanted:
        if key not in EDITIONS:
            problems.append(Problem("mkdocs.yml", 1, f"extra.downloads.editions: unknown edition {key!r}",
                                    f"use some of: {', '.join(EDITIONS)}"))
            continue
        if not folder:
            continue
        name = EDITIONS[key][0]
        path = (root / folder / name).resolve()
        if not path.is_file():
            problems.append(Problem(f"{folder}/{name}", 1, "edition file is missing",
                                    "run `make build`, which builds the PDF and the offline zip before the site"))
            continue
        data = path.read_bytes()
        editions[key] = {"file": name, "path": str(path), "size": len(data),
                         "sha256": hashlib.sha256(data).hexdigest(), "date": build_date(path)}
    return editions, problems


def build_date(path: Path) -> datetime.date:
    """When the file was built (UTC), or SOURCE_DATE_EPOCH for reproducible builds."""
    stamp = os.environ.get("SOURCE_DATE_EPOCH") or path.stat().st_mtime
    return datetime.datetime.fromtimestamp(int(float(stamp)), datetime.timezone.utc).date()


def human_size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1000))} KB"


def long_date(day: datetime.date) -> str:
    return f"{day.strftime('%B')} {day.day}, {day.year}"


def hosted_url(site_url: str, src_uri: str) -> str:
    """A page's address on the hosted site (directory URLs), e.g. about.md -> <site_url>about/."""
    stem = src_uri.removesuffix(".md")
    path = "" if stem == "index" else (stem.removesuffix("/index") + "/")
    return site_url.rstrip("/") + "/" + path if site_url else path


def link(src: str, target: str) -> str:
    """`target` (a path in docs/) relative to the page `src`."""
    return posixpath.relpath(target, posixpath.dirname(src) or ".")


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


def render_markers(path: str, markdown: str, context: dict, offset: int = 0) -> tuple[str, list[Problem]]:
    renderers = {
        "editions": lambda: render_editions(context["src"], context["editions"], context["hosted_about"]),
        "data": lambda: render_data_table(context["src"], context["data"], context["pages"]),
    }
    problems = []

    def replace(match):
        if match["name"] in renderers:
            return renderers[match["name"]]()
        line = markdown.count("\n", 0, match.start()) + 1 + offset
        problems.append(Problem(path, line, f"unknown downloads marker '{match['name']}'",
                                f"use one of: {', '.join(sorted(renderers))}"))
        return match.group(0)

    return MARKER.sub(replace, markdown), problems


def render_editions(src: str, editions: dict, hosted_about: str) -> str:
    out = []
    for key, (name, label, description) in EDITIONS.items():
        edition = editions.get(key)
        if edition:
            out += [f"- **{label}** ([{name}]({link(src, 'downloads/' + name)})): {description} "
                    f"{human_size(edition['size'])}, built {long_date(edition['date'])}.  ",
                    f"  SHA-256: `{edition['sha256']}`", ""]
        else:
            out += [f"- **{label}** ({name}): {description} The latest copy is on [the hosted site's About page]({hosted_about}).", ""]
    out += [f"- **The data** that the pages render, as JSON and CSV: see [Data]({link(src, 'data.md')}).", ""]
    return "\n".join(out)


def render_data_table(src: str, data: dict, pages: dict) -> str:
    rows = ["| Data | Entries | Files | Shown on |", "| --- | --: | --- | --- |"]
    for name, item in data.items():
        base = f"{DATA_DIR}/{name}"
        files = " · ".join(f"[{kind}]({link(src, f'{base}.{suffix}')})"
                           for kind, suffix in (("JSON", "json"), ("CSV", "csv"), ("JSON Schema", "schema.json")))
        about = f": {item['about']}" if item["about"] else ""
        shown = ", ".join(f"[{title}]({link(src, page)})" for page, title in pages.get(name, {}).items()) or "none yet"
        rows.append(f"| **{item['label']}**{about} | {item['count']} | {files} | {shown} |")
    return "\n".join(rows) + "\n"


def render_page_data_links(src: str, names: list[str], data: dict) -> str:
    items = []
    for name in names:
        base = f"{DATA_DIR}/{name}"
        items.append(f"- {data[name]['label']}: [JSON]({link(src, base + '.json')}) (with its "
                     f"[JSON Schema]({link(src, base + '.schema.json')})) or [CSV]({link(src, base + '.csv')})")
    return "\n".join([
        "## Download this data", "",
        "The data on this page is kept once in the site's data files and published under CC BY 4.0:", "",
        *items, "",
        f"The [Data]({link(src, 'data.md')}) page lists every file and says how to cite it.", "",
    ])
