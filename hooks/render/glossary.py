"""The glossary (data/glossary.yml): the Glossary page's list, and includes/abbreviations.md, the
tooltips on every page, which `make generate` writes and the build checks is current.
"""
from __future__ import annotations

from pathlib import Path

from hooks.core.problems import Problem
from hooks.data.datafiles import term_anchor
from hooks.render import md
from hooks.render import names as names_

ABBREVIATIONS = "includes/abbreviations.md"


def render_abbreviations(glossary: list) -> str:
    lines = ["<!-- Generated from data/glossary.yml by `make generate`; do not edit. -->", ""]
    for entry in sorted((e for e in glossary if e.get("abbr")), key=lambda e: e["abbr"]):
        # The tooltip spells the abbreviation out; where the term is the abbreviation itself,
        # it shows the definition's first sentence instead.
        text = entry["term"] if entry["term"] != entry["abbr"] else entry["definition"].split(". ")[0].rstrip(".")
        lines.append(f"*[{entry['abbr']}]: {text}")
    return "\n".join(lines) + "\n"


def check_abbreviations(root: Path, glossary: list) -> list[Problem]:
    current = (root / ABBREVIATIONS).read_text(encoding="utf-8") if (root / ABBREVIATIONS).exists() else ""
    if glossary and current != render_abbreviations(glossary):
        return [Problem(ABBREVIATIONS, 1, "out of date with data/glossary.yml", "run `make generate` and commit the result")]
    return []


def render_glossary(glossary: list, names: list = ()) -> str:
    """The terms A to Z; a term with Korean and Russian names (data/names.yml) shows them after its definition."""
    out, known = [], names_.index(names)
    for entry in sorted(glossary, key=lambda e: md.raw(e["term"]).lower()):
        head = f"{md.text(entry['abbr'])} ({md.text(entry['term'])})" if entry.get("abbr") else md.text(entry["term"])
        head += f" {{ #{term_anchor(md.raw(entry['term']))} }}"
        also = f" Also called: {', '.join(md.text(a) for a in entry['aliases'])}." if entry.get("aliases") else ""
        see = f" See {md.link(_page_name(md.raw(entry['see'])), entry['see'])}." if entry.get("see") else ""
        named = names_.line(known.get(f"glossary#{entry['term']}"))
        out += [head, f":   {md.text(entry['definition'])}{also}{see}" + (f" {named}" if named else ""), ""]
    return "\n".join(out)


def _page_name(path: str) -> str:
    stem = path.split("#")[0].rsplit("/", 1)[-1].removesuffix(".md")
    return {"index": "the home page"}.get(stem, f"the {stem.replace('-', ' ')} page")
