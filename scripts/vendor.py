#!/usr/bin/env python3
"""Vendor a pinned front-end asset from the npm registry and record it in the manifest.

Usage:
    python -m scripts.vendor mermaid 11.17.2
    python -m scripts.vendor iframe-worker 1.0.4
    python -m scripts.vendor --check          # verify every file against the manifest

Each asset is fetched with `npm pack <package>@<version>` (npm's configured registry; no host is
hard-coded here), one file is copied to docs/assets/vendor/<name>-<version>/, the previous
version's folder is removed, every mention of the old path in mkdocs.yml and mkdocs-offline.yml is rewritten, and
docs/assets/vendor/manifest.json records package, version, source file, sha256 and licence.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "docs" / "assets" / "vendor"
MANIFEST = VENDOR / "manifest.json"
CONFIGS = (ROOT / "mkdocs.yml", ROOT / "mkdocs-offline.yml")

# name -> (npm package, file inside the package tarball, file name we store it under)
ASSETS = {
    # The tiny build: classic IIFE script (defines a global `mermaid`), without mindmap,
    # architecture and KaTeX, which this site does not use. Never the .mjs: module
    # scripts cannot load from file://.
    "mermaid": ("@mermaid-js/tiny", "package/dist/mermaid.tiny.js", "mermaid.tiny.js"),
    # Material's offline plugin skips its CDN copy of this shim when a polyfill path
    # contains "iframe-worker" (see extra.polyfills in mkdocs.yml).
    "iframe-worker": ("iframe-worker", "package/shim/index.js", "shim.js"),
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_manifest() -> dict:
    return json.loads(MANIFEST.read_text()) if MANIFEST.exists() else {"assets": {}}


def check(root: Path = ROOT) -> list[str]:
    """Return one problem line per vendored file under `root` that does not match the manifest."""
    vendor_dir = root / VENDOR.relative_to(ROOT)
    manifest_file = vendor_dir / MANIFEST.name
    manifest = json.loads(manifest_file.read_text())["assets"] if manifest_file.exists() else {}
    problems = []
    listed = set()
    for name, entry in manifest.items():
        path = root / entry["path"]
        listed.add(path.resolve())
        if not path.exists():
            problems.append(f"{entry['path']}:1: listed in manifest.json but missing (run python -m scripts.vendor {name} {entry['version']})")
        elif sha256(path) != entry["sha256"]:
            problems.append(f"{entry['path']}:1: sha256 differs from manifest.json (re-vendor with python -m scripts.vendor {name} {entry['version']}; never edit vendored files by hand)")
    for path in sorted(vendor_dir.rglob("*")):
        if path.is_file() and path != manifest_file and path.resolve() not in listed:
            problems.append(f"{path.relative_to(root).as_posix()}:1: vendored file has no manifest entry (add it with python -m scripts.vendor)")
    return problems


def vendor(name: str, version: str) -> None:
    package, member, filename = ASSETS[name]
    manifest = load_manifest()
    old = manifest["assets"].get(name)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", "--silent", f"{package}@{version}"], cwd=tmp, check=True,
                       stdout=subprocess.DEVNULL)
        tarball = next(Path(tmp).glob("*.tgz"))
        with tarfile.open(tarball) as tar:
            data = tar.extractfile(member).read()
            licence = json.loads(tar.extractfile("package/package.json").read()).get("license", "")
    target_dir = VENDOR / f"{name}-{version}"
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / filename
    target.write_bytes(data)
    rel = target.relative_to(ROOT).as_posix()
    if old and old["path"] != rel:
        old_path = ROOT / old["path"]
        if old_path.parent != target_dir and old_path.parent.exists():
            shutil.rmtree(old_path.parent)
        old_site_path = old["path"].removeprefix("docs/")
        for config in CONFIGS:
            config.write_text(config.read_text().replace(old_site_path, rel.removeprefix("docs/")))
    manifest["assets"][name] = {
        "package": package,
        "version": version,
        "source": f"npm {package}@{version}, file {member.removeprefix('package/')}",
        "path": rel,
        "sha256": sha256(target),
        "license": licence,
    }
    MANIFEST.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    print(f"vendored {package}@{version} -> {rel} ({target.stat().st_size} bytes)")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("name", nargs="?", choices=sorted(ASSETS))
    parser.add_argument("version", nargs="?")
    parser.add_argument("--check", action="store_true", help="verify checksums against the manifest")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        print("\n".join(problems) or "vendored assets match manifest.json")
        return 1 if problems else 0
    if not (args.name and args.version):
        parser.error("give a NAME and a VERSION, or --check")
    vendor(args.name, args.version)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
