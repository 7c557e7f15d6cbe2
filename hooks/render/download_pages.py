"""What readers see of the downloads (hooks/render/downloads.py), as pure Markdown renderers.

- the `<!-- render: editions -->` and `<!-- render: data-files -->` markers (hooks/render/markers.py);

- `render_editions`: the PDF and the offline zip, each with its size, build date and SHA-256 (or,
  without them, a pointer to the hosted site's About page);
- `render_data_table`: every data file with its JSON, CSV and JSON Schema and the pages showing it;
- `render_page_data_links`: the "Download this data" section at the end of a page that renders data.
Links are relative to the page, so both editions (hosted and offline) work.
"""
from __future__ import annotations

import posixpath
import re

from hooks.core.dates import long_date
from hooks.core.escape import text

DATA_DIR = "downloads/data"
EDITIONS = {
    "pdf": ("in12355-explainer.pdf", "The whole site as a PDF",
            "every page in reading order, with a table of contents, the diagrams, the diagrams' text "
            "and the sources' addresses."),
    "zip": ("in12355-explainer-offline.zip", "The offline edition",
            "the whole site as files to read without a network, with search, the diagrams, the PDF and "
            "the data. Unzip it and open `in12355-explainer/index.html`; the README inside says more."),
}


def human_size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1000))} KB"


def link(src: str, target: str) -> str:
    """`target` (a path in docs/) relative to the page `src`."""
    return posixpath.relpath(target, posixpath.dirname(src) or ".")


def hosted_about(build) -> str:
    """The hosted site's About page, where the latest editions are, from any edition."""
    return hosted_url(build.config.site_url or "" if build.config else "", "about.md") + "#downloads"


def hosted_url(site_url: str, src_uri: str) -> str:
    """A page's address on the hosted site (directory URLs), e.g. about.md -> <site_url>about/."""
    stem = src_uri.removesuffix(".md")
    path = "" if stem == "index" else (stem.removesuffix("/index") + "/")
    return site_url.rstrip("/") + "/" + path if site_url else path


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
        about = f": {_code_spans(text(item['about']))}" if item["about"] else ""
        shown = ", ".join(f"[{text(title)}]({link(src, page)})" for page, title in pages.get(name, {}).items()) or "none yet"
        rows.append(f"| **{text(item['label'])}**{about} | {item['count']} | {files} | {shown} |")
    return "\n".join(rows) + "\n"


def _code_spans(escaped: str) -> str:
    """Escaped text with its `code` spans shown as code again (a schema's description uses them),
    where the code holds nothing escaped: inside a code span Markdown shows every character as it is."""
    return re.sub(r"&#96;([^&]+?)&#96;", r"`\1`", escaped)


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
