#!/usr/bin/env python3
"""Zip the offline edition: python scripts/zip_offline.py SITE_DIR ZIP_PATH.

The archive holds one top-level folder, so unzipping gives `in12355-explainer/index.html`, and a
short README.txt in it says how to open it and what else it holds (the PDF and the data, when the
edition was built with them: `make offline` and `make build` do).
Left out, as a reader never loads them: source maps (`*.map`, for developer tools only) and
vendored Mermaid when no page refers to it (published builds pre-render their diagrams).
"""
import os
import sys
import time
import zipfile
from pathlib import Path

# Reproducible: every entry gets the same timestamp (SOURCE_DATE_EPOCH, which the Makefile sets from
# the commit; else the zip format's earliest, 1980-01-01) and the same permissions, in sorted order.
_EARLIEST = 315532800            # 1980-01-01 00:00:00 UTC: a zip cannot record anything earlier


def left_out(site_dir: Path) -> set[Path]:
    """Files of the site that no reader's browser requests."""
    pages = "".join(p.read_text(encoding="utf-8", errors="replace") for p in site_dir.rglob("*.html"))
    maps = set(site_dir.rglob("*.map"))
    mermaid = {p for p in (site_dir / "assets" / "vendor").glob("mermaid-*/*") if p.name not in pages}
    return maps | mermaid


README = """North Korea-Russia Relations: an explainer - offline edition
===========================================================

An unofficial plain-language restatement of CRS Insight IN12355, "North Korea-Russia Relations:
Current Developments" (May 6, 2024). Not affiliated with CRS or Congress.

How to open it
--------------
1. Unzip the archive (on Windows: right-click, "Extract All"; opening the file inside the zip
   without extracting it does not work).
2. Open the folder in12355-explainer and double-click index.html. It opens in your web browser.

Everything works from disk, with no network connection: the pages, the diagrams and the search.
Nothing is sent anywhere.

What else is in this folder
---------------------------
{extras}
Licence: the text is CC BY 4.0, the code MIT; the CRS report is a U.S. government work in the
public domain. The latest version is at {site_url}
"""


def readme(site_dir: Path, site_url: str) -> str:
    """The README for the top of the archive, naming the extras this build holds."""
    extras = []
    pdfs = sorted((site_dir / "downloads").glob("*.pdf"))
    if pdfs:
        extras.append(f"- downloads/{pdfs[0].name}: the whole site as one PDF, for printing.")
    if (site_dir / "downloads" / "data").is_dir():
        extras.append("- downloads/data/: the site's data (timeline, actors, glossary and more) as JSON, with\n"
                      "  a JSON Schema for each file, and as CSV. The Data page (data.html) describes them.")
    return README.format(extras="\n".join(extras) + ("\n" if extras else ""), site_url=site_url)


def site_url() -> str:
    from mkdocs.config import load_config
    return load_config(str(Path(__file__).resolve().parent.parent / "mkdocs-offline.yml"))["site_url"] or ""


def stamp() -> tuple:
    """The date_time every entry gets."""
    epoch = max(_EARLIEST, int(os.environ.get("SOURCE_DATE_EPOCH") or _EARLIEST))
    return time.gmtime(epoch)[:6]


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=stamp())
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16           # rw-r--r--, whatever the files' own modes
    info.create_system = 3                     # Unix, on every platform
    archive.writestr(info, data, compresslevel=9)


def main(site: str, target: str) -> int:
    site_dir, zip_path = Path(site), Path(target)
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    skipped = left_out(site_dir)
    partial = zip_path.with_name(zip_path.name + ".tmp")     # moved into place only when complete
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(site_dir.rglob("*"), key=lambda p: p.relative_to(site_dir).as_posix()):
            if path.is_file() and path not in skipped:
                _add(archive, (Path("in12355-explainer") / path.relative_to(site_dir)).as_posix(), path.read_bytes())
        _add(archive, "in12355-explainer/README.txt", readme(site_dir, site_url()).encode("utf-8"))
    os.replace(partial, zip_path)
    print(f"wrote {zip_path} ({zip_path.stat().st_size // 1024} KB; left out {len(skipped)} file(s) no page loads)")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
