"""The source registry's tools (data/sources.yml, issue 24).

    .venv/bin/python -m scripts.sources import READINGS.yml ...   # merge what a reader recorded
    .venv/bin/python -m scripts.sources baseline                  # rewrite the claim check's baseline
    .venv/bin/python -m scripts.sources coverage                  # how many sources and citations have passages

`import` takes reading records, a YAML list of {url, read: true, passages: [{quote, translation}],
read_via, unreadable, language, kind, original_publisher, headline}, as a person or a helper
wrote them while reading the sources, and merges each into the registry entry with the same URL:
the date read (today, or `read_on`), the passages (each at most MAX_WORDS words; a longer one is
left out and named), or why the source could not be read. It never invents: a record without
passages leaves the entry unread; an entry already read is left as it is. What the reader found
the source does not carry (`not_in_source`) is kept on the entry: a list of what to resolve.
`baseline` lists every miss the claim check (hooks/checks/claim_numbers.py) finds now, so the
check reports only new ones; run it after resolving misses, to shrink the list.
"""
from __future__ import annotations

import argparse
import datetime
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

from hooks.checks import claim_numbers
from hooks.core import claim_text
from hooks.data import datafiles

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "data" / "sources.yml"
MAX_WORDS = 45   # "at most about 40 words"
ORDER = ["id", "publisher", "lead", "title", "title_is", "url", "after", "date", "language", "kind", "original_publisher",
         "read", "read_via", "unreadable", "passages", "not_in_source"]


class _Dumper(yaml.SafeDumper):
    pass


def _dump(entries: list) -> str:
    header = "".join(line + "\n" for line in REGISTRY.read_text(encoding="utf-8").splitlines() if line.startswith("#"))
    ordered = [{k: e[k] for k in ORDER if k in e} for e in entries]
    text = yaml.dump(ordered, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10000, default_flow_style=False)
    return header + "\n" + re.sub(r"\n- id:", "\n\n- id:", text)


def merge(entries: list, records: list, today: str) -> list[str]:
    """Merge reading records into the registry entries (in place); what was done, one line each."""
    by_url = {e["url"]: e for e in entries}
    notes = []
    for record in records:
        entry = by_url.get(record.get("url"))
        if entry is None:
            notes.append(f"not in the registry: {record.get('url')}")
            continue
        gaps = [str(g).strip() for g in record.get("not_in_source") or [] if str(g).strip()]
        if gaps:
            entry["not_in_source"] = sorted(set(entry.get("not_in_source", [])) | set(gaps))
        if entry.get("passages"):
            notes.append(f"{entry['id']}: already read, left as it is")
            continue
        passages = []
        for p in record.get("passages") or []:
            quote = " ".join(str(p.get("quote", "")).split())   # the source's words; its line breaks are layout
            if not quote:
                continue
            if re.search(r"<[A-Za-z/!]", quote):
                notes.append(f"{entry['id']}: a passage with markup left out (quote the words, not the tags)")
                continue
            if len(quote.split()) > MAX_WORDS:
                notes.append(f"{entry['id']}: a passage of {len(quote.split())} words left out (at most {MAX_WORDS})")
                continue
            passages.append({"quote": quote, **({"translation": " ".join(str(p["translation"]).split())} if p.get("translation") else {})})
        if record.get("read") is True and passages:
            entry.pop("unreadable", None)
            entry["read"] = str(record.get("read_on") or today)
            entry["passages"] = passages
            if record.get("read_via"):
                entry["read_via"] = str(record["read_via"])
            for key in ("language", "kind"):
                if record.get(key):
                    entry[key] = record[key]
            if record.get("kind") == "republished" and record.get("original_publisher"):
                entry["original_publisher"] = record["original_publisher"]
            notes.append(f"{entry['id']}: read, {len(passages)} passage(s)")
        elif record.get("unreadable") and not entry.get("read"):
            entry["unreadable"] = str(record["unreadable"]).strip()
            notes.append(f"{entry['id']}: not readable")
    return notes


def coverage(entries: list) -> dict:
    kinds = Counter(e["kind"] for e in entries)
    return {"sources": len(entries), "by kind": dict(kinds), "read with passages": sum(bool(e.get("passages")) for e in entries),
            "passages": sum(len(e.get("passages", [])) for e in entries),
            "not readable": sum(bool(e.get("unreadable")) for e in entries),
            "not yet read": sum(not e.get("passages") and not e.get("unreadable") for e in entries)}


def write_baseline() -> int:
    """Every current miss of the claim check, as its baseline."""
    registry = {s["id"]: s for s in datafiles.load(ROOT, "sources")[0]}
    rows = []
    for page in sorted((ROOT / "docs").rglob("*.md")):
        rel = page.relative_to(ROOT).as_posix()
        for _line, fact, ids in claim_numbers.page_misses(page.read_text(encoding="utf-8"), registry):
            row = {"page": rel, "fact": fact, "sources": ids}
            if row not in rows:
                rows.append(row)
    for name in ("timeline", "sanctions", "estimates"):
        rel = f"data/{name}.yml"
        data = yaml.safe_load((ROOT / rel).read_text(encoding="utf-8"))
        for _index, key, fact, source in datafiles.claimed_facts_misses(rel, data, ROOT):
            row = {"page": key, "fact": fact, "sources": source}
            if row not in rows:
                rows.append(row)
    sources = datafiles.load(ROOT, "sources")[0]
    still = [s["id"] for s in sources if not s.get("passages") and not s.get("unreadable")]
    head = ("# What the claim check (issue 24) found when first run and is still to resolve; rewrite it with\n"
            "# `python -m scripts.sources baseline` after resolving some. Nothing listed here is reported; an entry\n"
            "# that no longer applies is reported, so the lists only shrink.\n"
            "# misses: a number or date a sentence (or a data entry) states that the passages it cites do not.\n"
            "# unread: sources not yet read; a source added later needs passages or `unreadable`.\n")
    body = yaml.safe_dump({"misses": rows, "unread": still}, sort_keys=False, allow_unicode=True, width=10000)
    claim_text.BASELINE.write_text(head + body, encoding="utf-8")
    return len(rows)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    imp = sub.add_parser("import", help="merge reading records into data/sources.yml")
    imp.add_argument("records", nargs="+", type=Path)
    sub.add_parser("baseline", help="rewrite the claim check's baseline")
    sub.add_parser("coverage", help="count sources and passages")
    args = parser.parse_args(argv)
    entries = yaml.safe_load(REGISTRY.read_text(encoding="utf-8"))
    if args.command == "import":
        today = datetime.date.today().isoformat()
        for path in args.records:
            notes = merge(entries, yaml.safe_load(path.read_text(encoding="utf-8")) or [], today)
            print(f"{path}: " + "; ".join(notes))
        REGISTRY.write_text(_dump(entries), encoding="utf-8")
    elif args.command == "baseline":
        print(f"{write_baseline()} misses and {len(claim_text.unread())} unread sources written to "
              f"{claim_text.BASELINE.relative_to(ROOT)}")
    else:
        for key, value in coverage(entries).items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
