#!/usr/bin/env python3
"""Vendor a pinned front-end asset from the npm registry and record it in the manifest.

Usage:
    python -m scripts.vendor mermaid 11.17.2
    python -m scripts.vendor iframe-worker 1.0.4
    python -m scripts.vendor --check          # verify every file against the manifest (the build does too)
    python -m scripts.vendor --verify-registry  # the manifest against the registry's published integrity

Each asset is fetched with `npm pack <package>@<version>` (npm's configured registry; no host is
hard-coded here), one file is copied to docs/assets/vendor/<name>-<version>/, the previous
version's folder is removed, every mention of the old path in mkdocs.yml and mkdocs-offline.yml is rewritten, and
docs/assets/vendor/manifest.json records package, version, source file, sha256 and licence.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from hooks.core import vendored

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
    """Return one problem line per vendored file under `root` that does not match the manifest
    (hooks/core/vendored.py, which the build runs too)."""
    return [str(p) for p in vendored.problems(root)]


def _integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def _pack(package: str, version: str, tmp: str) -> bytes:
    subprocess.run(["npm", "pack", "--silent", f"{package}@{version}"], cwd=tmp, check=True, stdout=subprocess.DEVNULL,
                   timeout=300)
    return next(Path(tmp).glob("*.tgz")).read_bytes()


def verify_registry(root: Path = ROOT) -> list[str]:
    """Each manifest entry against the registry: its recorded integrity is the registry's published
    `dist.integrity`, the tarball npm fetches has that integrity, and the vendored file is the one in
    it (same sha256). Needs the network (npm's configured registry)."""
    manifest = json.loads((root / vendored.MANIFEST).read_text(encoding="utf-8"))["assets"]
    problems = []
    for name, entry in manifest.items():
        package, member, _ = ASSETS[name]
        spec = f"{package}@{entry['version']}"
        published = subprocess.run(["npm", "view", spec, "dist.integrity"], capture_output=True, text=True, timeout=120,
                                   check=True).stdout.strip()
        if published != entry.get("integrity"):
            problems.append(f"{vendored.MANIFEST}:1: {name}: recorded integrity {entry.get('integrity')} is not the "
                            f"registry's {published} (re-vendor with python -m scripts.vendor {name} {entry['version']})")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            tarball = _pack(package, entry["version"], tmp)
            if _integrity(tarball) != published:
                problems.append(f"{vendored.MANIFEST}:1: {name}: the tarball npm fetched does not have the published integrity")
                continue
            with tarfile.open(fileobj=io.BytesIO(tarball)) as tar:
                data = tar.extractfile(member).read()
        if hashlib.sha256(data).hexdigest() != entry["sha256"]:
            problems.append(f"{entry['path']}:1: {name}: the file in {spec} does not have the sha256 in manifest.json")
    return problems


def vendor(name: str, version: str) -> None:
    package, member, filename = ASSETS[name]
    manifest = load_manifest()
    old = manifest["assets"].get(name)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", "--silent", f"{package}@{version}"], cwd=tmp, check=True,
                       stdout=subprocess.DEVNULL)
        tarball = next(Path(tmp).glob("*.tgz"))
        integrity = _integrity(tarball.read_bytes())
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
        "integrity": integrity,      # the registry's dist.integrity of the tarball (checked by --verify-registry)
        "license": licence,
    }
    MANIFEST.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    print(f"vendored {package}@{version} -> {rel} ({target.stat().st_size} bytes)")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("name", nargs="?", choices=sorted(ASSETS))
    parser.add_argument("version", nargs="?")
    parser.add_argument("--check", action="store_true", help="verify checksums against the manifest")
    parser.add_argument("--verify-registry", action="store_true",
                        help="verify the manifest against the registry's published integrity (network)")
    args = parser.parse_args(argv)
    if args.verify_registry:
        problems = verify_registry()
        print("\n".join(problems) or "manifest.json matches the registry's published integrity and tarballs")
        return 1 if problems else 0
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
