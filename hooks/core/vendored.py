"""Vendored assets (docs/assets/vendor/) match their recorded checksums: a build step, not only a lint.

docs/assets/vendor/manifest.json records, for each vendored file, its npm package and version, the
sha256 of the file and the registry's published integrity (`dist.integrity`, sha512 of the package
tarball) it was taken from. `problems(root)` runs in every build (hooks/pipeline.py, on_config: a
mismatch is a warning, so `--strict` fails and nothing hand-edited is published) and in the fast
check (scripts/vendor.py `check`). That the recorded integrity is the registry's own, and the file
is the one in that tarball, is `python -m scripts.vendor --verify-registry` (network; the deploy
workflow runs it before building).
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from hooks.core.problems import Problem

VENDOR = "docs/assets/vendor"
MANIFEST = f"{VENDOR}/manifest.json"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def problems(root: Path) -> list[Problem]:
    """One problem per vendored file under `root` that does not match the manifest (or has no entry)."""
    root = Path(root)
    vendor_dir, manifest_file = root / VENDOR, root / MANIFEST
    manifest = json.loads(manifest_file.read_text(encoding="utf-8"))["assets"] if manifest_file.exists() else {}
    found, listed = [], set()
    for name, entry in manifest.items():
        path = root / entry["path"]
        listed.add(path.resolve())
        fix = f"re-vendor with python -m scripts.vendor {name} {entry['version']}; never edit vendored files by hand"
        if not path.exists():
            found.append(Problem(entry["path"], 1, "listed in manifest.json but missing",
                                 f"run python -m scripts.vendor {name} {entry['version']}"))
        elif sha256(path) != entry["sha256"]:
            found.append(Problem(entry["path"], 1, "sha256 differs from manifest.json", fix))
        elif not str(entry.get("integrity", "")).startswith("sha512-"):
            found.append(Problem(MANIFEST, 1, f"asset '{name}' has no registry integrity (sha512) recorded", fix))
    for path in sorted(vendor_dir.rglob("*")) if vendor_dir.is_dir() else []:
        if path.is_file() and path != manifest_file and path.resolve() not in listed:
            found.append(Problem(path.relative_to(root).as_posix(), 1, "vendored file has no manifest entry",
                                 "add it with python -m scripts.vendor"))
    return found
