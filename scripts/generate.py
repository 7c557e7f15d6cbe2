#!/usr/bin/env python3
"""Regenerate committed files derived from data: includes/abbreviations.md from data/glossary.yml.

Usage: python scripts/generate.py          # rewrite
       python scripts/generate.py --check  # exit 1 if a generated file is out of date
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

import _datafiles  # noqa: E402
import shared_data  # noqa: E402


def main(argv):
    glossary, problems = _datafiles.load(ROOT, "glossary")
    if problems:
        print("\n".join(map(str, problems)))
        return 1
    target = ROOT / shared_data.ABBREVIATIONS
    wanted = shared_data.render_abbreviations(glossary)
    if "--check" in argv:
        stale = shared_data.check_abbreviations(ROOT, glossary)
        print("\n".join(map(str, stale)) or "generated files are current")
        return 1 if stale else 0
    target.parent.mkdir(exist_ok=True)
    target.write_text(wanted, encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
