#!/usr/bin/env python3
"""Zip the offline edition: python scripts/zip_offline.py SITE_DIR ZIP_PATH.

The archive holds one top-level folder, so unzipping gives `in12355-explainer/index.html`, and a
short README.txt in it says how to open it and what else it holds (the PDF and the data, when the
edition was built with them: `make offline` and `make build` do).
Left out, as a reader never loads them: source maps (`*.map`, for developer tools only) and
vendored Mermaid when no page refers to it (published builds pre-render their diagrams).
"""
import sys
import zipfile
from pathlib import Path


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


def main(site: str, target: str) -> int:
    site_dir, zip_path = Path(site), Path(target)
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    skipped = left_out(site_dir)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file() and path not in skipped:
                archive.write(path, Path("in12355-explainer") / path.relative_to(site_dir))
        archive.writestr("in12355-explainer/README.txt", readme(site_dir, site_url()))
    print(f"wrote {zip_path} ({zip_path.stat().st_size // 1024} KB; left out {len(skipped)} file(s) no page loads)")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
