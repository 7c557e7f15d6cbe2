"""The claim check (issue 24): each number and date a cited sentence states is in a passage it cites.

For every sentence that cites a source of the registry (`[^label]: @id`, data/sources.yml) which we
read (it has passages), each number and each date in the sentence must appear in one of the
passages of the sources that sentence cites (their quotations and our translations), allowing for
the usual variants: 1,500 and 1500, June 19 and 19 June, Jun. 19 and 2024-06-19, "six" and 6. A
sentence that cites no read source is not checked here (the coverage list says which sources we
still have to read). A number we worked out ourselves is marked on its line as derived, with its
reason: `<!-- derived: 1 km = 424 m + 581 m -->` exempts "1" and "km"'s number on that line.

Misses the check found when it was first run, and not yet resolved, are listed in
hooks/core/claim_baseline.yml (page, fact, source ids): they are not reported, and an entry
that no longer misses is reported as stale, so the list only shrinks (`python -m scripts.sources
baseline` writes it). Anything new is reported as
`path:line: "1 km" is not in the passages cited (quote the source that says it, or mark it derived)`.
"""
from __future__ import annotations

import re
from hooks.core.build import Build
from hooks.core.claim_text import BASELINE, baseline, misses, passages_of, sentences
from hooks.core.markdown import scan
from hooks.core.problems import ROOT, Problem

_DEFINITION = re.compile(r"^\[\^(?P<label>[^\]\s]+)\]:\s*@(?P<id>[\w-]+)(?:#(?P<keys>[\w,-]+))?\s*$")
_REFERENCE = re.compile(r"\[\^(?P<label>[^\]\s]+)\](?!:)")
_DERIVED = re.compile(r"<!--\s*derived:.*?-->")


def _registry(build: Build | None) -> dict[str, dict]:
    from hooks.data import datafiles   # noqa: PLC0415 (checks may read data; loaded once per build)
    sources = build.data.get("sources", []) if build else datafiles.load(ROOT, "sources")[0]
    return {s["id"]: s for s in sources}


def page_misses(source: str, registry: dict[str, dict]) -> list[tuple[int, str, str]]:
    """(line, fact, source ids) for each fact of a cited sentence that its read sources do not state."""
    result = scan(source)
    cites = {m["label"]: (m["id"], m["keys"]) for _, line in result.prose if (m := _DEFINITION.match(line))}
    found = []
    for number, line in result.prose:
        if _DEFINITION.match(line) or not _REFERENCE.search(line):
            continue
        for sentence in sentences(line):
            cited = [cites[m["label"]] for m in _REFERENCE.finditer(sentence) if m["label"] in cites]
            read = [(registry[i], keys) for i, keys in cited if i in registry and passages_of(registry[i], keys)]
            if not read:
                continue
            passages = [p for s, keys in read for p in passages_of(s, keys)]
            read = [s for s, _keys in read]
            derived = " ".join(m.group(0) for m in _DERIVED.finditer(line))
            for fact in misses(sentence + " " + derived, passages, tuple(s.get("date", "") for s in read)):
                found.append((number, fact, ",".join(sorted(s["id"] for s in read))))
    return found


def check(path: str, source: str, build: Build | None = None) -> list[Problem]:
    known = baseline()
    problems, seen = [], set()
    for number, fact, ids in page_misses(source, _registry(build)):
        if (path, fact, ids) in known:
            seen.add((path, fact, ids))
            continue
        cited = ", ".join("@" + i for i in ids.split(","))
        problems.append(Problem(path, number, f'"{fact}" is not in the passages cited ({cited})',
                                "quote the source that says it in data/sources.yml, or mark it <!-- derived: ... --> with its reason"))
    rel = BASELINE.relative_to(ROOT).as_posix()
    registry = _registry(build)
    # A miss that went away because its citation broke is not stale: the citation check reports that.
    cited = {m["id"] for _, line in scan(source).prose if (m := _DEFINITION.match(line)) and m["id"] in registry}
    for key, line in known.items():
        if key[0] == path and key not in seen and set(key[2].split(",")) <= cited:
            problems.append(Problem(rel, line, f'"{key[1]}" on {path} is now in the passages cited',
                                    "delete this entry: the baseline lists only misses still to resolve"))
    return problems
