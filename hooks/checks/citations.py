"""Citations: footnotes are defined and used, sources are https links, facts are cited.

Checks the raw page source:
- every footnote reference `[^label]` has a definition, and every definition is referenced;
- a label is defined only once;
- every definition cites a source of the registry (`[^label]: @id`, data/sources.yml) or links its
  source itself, and every link in it is https://;
- every paragraph or list item inside a `report`, `context` or `after` box (the boxes that
  hold facts, see hooks/checks/content_kinds.py) carries at least one footnote reference, except a
  `<!-- render: ... -->` marker of hooks/render/markers.py, whose rows each link their source;
- the page links the original CRS report somewhere (normally through its `[^crs]` footnote).
"""
from __future__ import annotations

import difflib
import re

from hooks.core import report_facts
from hooks.core.build import Build
from hooks.core.markdown import admonitions, scan
from hooks.core.problems import ROOT, Problem
from hooks.data import datafiles
from hooks.render import markers

FACT_KINDS = ("report", "context", "after")

_DEFINITION = re.compile(r"^\[\^(?P<label>[^\]\s]+)\]:\s*(?P<text>.*)$")
_REGISTRY_ID = re.compile(r"^@(?P<id>[^\s#]+)(?:#(?P<keys>\S+))?\s*$")
_REFERENCE = re.compile(r"\[\^(?P<label>[^\]\s]+)\](?!:)")
_LINK_TARGET = re.compile(r"\]\(\s*<?(?P<url>[^)\s>]+)|<(?P<auto>[a-z]+://[^>\s]+)>")


# --- Helpers -------------------------------------------------------------------------------

def check(path: str, source: str, build: Build | None = None) -> list[Problem]:
    """`build.facts` gives the report's addresses (without a build: ROOT's mkdocs.yml)."""
    addresses = report_facts.addresses(build.facts if build else report_facts.load(ROOT))
    registry = registry_of(build)
    result = scan(source)
    cited: set[str] = set()
    definitions: dict[str, int] = {}
    references: dict[str, int] = {}
    problems = []
    for number, line in result.prose:
        definition = _DEFINITION.match(line)
        if definition:
            label = definition["label"]
            if label in definitions:
                problems.append(Problem(path, number, f"footnote [^{label}] is defined twice (first on line {definitions[label]})",
                                        "delete one definition or rename its label"))
            definitions.setdefault(label, number)
            problems += _check_source(path, number, label, definition["text"], registry)
            known = _REGISTRY_ID.match(definition["text"])
            cited.add(registry[known["id"]]["url"] if known and known["id"] in registry else definition["text"])
            line = line[definition.end("label") + 2:]
        for reference in _REFERENCE.finditer(line):
            references.setdefault(reference["label"], number)
    for label, number in references.items():
        if label not in definitions:
            problems.append(Problem(path, number, f"footnote [^{label}] is referenced but never defined",
                                    f"add a line '[^{label}]: <source with an https link>' at the bottom of the page"))
    for label, number in definitions.items():
        if label not in references:
            problems.append(Problem(path, number, f"footnote [^{label}] is defined but never referenced",
                                    f"cite it with [^{label}] in the text, or delete the definition"))
    for box in admonitions(result):
        if box.kind not in FACT_KINDS:
            continue
        for number, paragraph in box.paragraphs:
            if markers.MARKER.fullmatch(paragraph):   # rendered data: each row links its own source
                continue
            if not _REFERENCE.search(paragraph):
                problems.append(Problem(path, number, f"statement in a '{box.kind}' box cites no source",
                                        "end the paragraph or list item with a footnote such as [^crs]"))
    if not any(url in source or any(url in c for c in cited) for url in addresses):
        problems.append(Problem(path, 1, "page never links the original CRS report",
                                "add the [^crs] footnote definition and cite it (see CONTRIBUTING.md)"))
    return problems


def registry_of(build: Build | None) -> dict[str, dict]:
    """The source registry, id -> entry (data/sources.yml; without a build, as loaded from ROOT)."""
    sources = build.data.get("sources", []) if build else datafiles.load(ROOT, "sources")[0]
    return {s["id"]: s for s in sources}


def _check_source(path: str, number: int, label: str, text: str, registry: dict[str, dict]) -> list[Problem]:
    known = _REGISTRY_ID.match(text)
    if known:
        if known["id"] in registry:
            keys = {p.get("key") for p in registry[known["id"]].get("passages", [])} - {None}
            wrong = [k for k in (known["keys"] or "").split(",") if k and k not in keys]
            return [Problem(path, number, f"footnote [^{label}] names passage '{k}', which @{known['id']} does not have",
                            f"use the keys of its passages in data/sources.yml: {', '.join(sorted(keys)) or 'none'}")
                    for k in wrong]
        close = difflib.get_close_matches(known["id"], list(registry), n=1)
        hint = f"did you mean @{close[0]}? " if close else ""
        return [Problem(path, number, f"footnote [^{label}] cites @{known['id']}, which is not in data/sources.yml",
                        f"{hint}cite an id of data/sources.yml, or add the source there")]
    urls = [m["url"] or m["auto"] for m in _LINK_TARGET.finditer(text)]
    if not urls:
        return [Problem(path, number, f"footnote [^{label}] names no linked source",
                        "cite a source of data/sources.yml as @id, or link the source: [Title](https://...)")]
    return [Problem(path, number, f"footnote [^{label}] links a non-https source: {url}",
                    "use the https:// address of the source")
            for url in urls if not url.startswith("https://")]
