#!/usr/bin/env python3
"""Zip the offline edition: python scripts/zip_offline.py SITE_DIR ZIP_PATH.

The archive holds one top-level folder, so unzipping gives `in12355-explainer/index.html`.
"""
import sys
import zipfile
from pathlib import Path


def main(site: str, target: str) -> int:
    site_dir, zip_path = Path(site), Path(target)
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file():
                archive.write(path, Path("in12355-explainer") / path.relative_to(site_dir))
    print(f"wrote {zip_path} ({zip_path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
