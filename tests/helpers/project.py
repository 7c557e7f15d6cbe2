"""Copies of the project for tests that break one thing on purpose and build or check the copy."""
from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

# What a build and the fast check read: the site's sources, its configs and the lint settings.
SITE = ("docs", "data", "hooks", "includes", "overrides", "scripts", "mkdocs.yml", "mkdocs-offline.yml",
        "mkdocs-check.yml", ".pymarkdown.json", ".codespellrc", ".codespell-words.txt", "README.md",
        "CONTRIBUTING.md")
# Enough to run `make test` itself in the copy.
WHOLE = SITE + ("tests", "Makefile", "requirements.txt", "pytest.ini")


def copy_project(dest: Path, names: tuple[str, ...] = SITE) -> Path:
    """Copy `names` from the repository into `dest` (created if missing); missing names are skipped."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in names:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
        elif source.exists():
            shutil.copy2(source, dest / name)
    return dest
