#!/usr/bin/env python3
"""Zip the offline edition: python scripts/zip_offline.py SITE_DIR ZIP_PATH.

The archive holds one top-level folder, so unzipping gives `in12355-explainer/index.html`.
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


def main(site: str, target: str) -> int:
    site_dir, zip_path = Path(site), Path(target)
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    skipped = left_out(site_dir)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file() and path not in skipped:
                archive.write(path, Path("in12355-explainer") / path.relative_to(site_dir))
    print(f"wrote {zip_path} ({zip_path.stat().st_size // 1024} KB; left out {len(skipped)} file(s) no page loads)")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
