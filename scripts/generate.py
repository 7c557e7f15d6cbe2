"""Regenerate committed files derived from data: includes/abbreviations.md from data/glossary.yml.

Usage: python -m scripts.generate    # from the project root (`make generate`); the fast check
                                     # (`make check`) reports a generated file that is out of date
"""
import sys
from pathlib import Path

from hooks.data import datafiles
from hooks.render.glossary import ABBREVIATIONS, render_abbreviations

ROOT = Path(__file__).resolve().parent.parent


def main(argv):
    glossary, problems = datafiles.load(ROOT, "glossary")
    if problems:
        print("\n".join(map(str, problems)))
        return 1
    target = ROOT / ABBREVIATIONS
    wanted = render_abbreviations(glossary)
    target.parent.mkdir(exist_ok=True)
    target.write_text(wanted, encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
