"""Numbers and dates in a sentence, and whether quoted passages state them (the claim check, issue 24).

Pure text functions, used by the page check (hooks/checks/claim_numbers.py) and the data check
(hooks/data/datafiles.py): `facts_in` finds the dates ("June 19") and numbers ("1,500", "2024") a
sentence states; `misses` names those that none of the passages states, allowing for the usual
variants (1,500 and 1500; June 19, 19 June, Jun. 19, 2024-06-19, 19.06.2024, 6월 19일; "six" and 6).
The source's own date (`context`) counts as stated: a dated report need not repeat its year, and
it carries the day it was published. A number we worked out is marked `<!-- derived: 1 km = 424 m + 581 m -->`:
the numbers before "=" are exempt.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

BASELINE = Path(__file__).with_name("claim_baseline.yml")   # what the checks found when first run, to resolve
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
          "december"]
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
         "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
         "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_DERIVED = re.compile(r"<!--\s*derived:\s*(?P<what>.*?)-->")
# A sentence ends at . ! or ?, after any closing quote or bracket and the footnote references that cite it.
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*(?:\[\^[^\]\s]+\])*(?=\s+[A-Z\"“(*]|\s*$)")
_MONTH_DAY = re.compile(r"\b(?P<month>" + "|".join(m.capitalize() for m in MONTHS) + r")\.? (?P<day>\d{1,2})\b(?!,\d)")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[,.]\d+)*(?![\w])(?P<unit> ?(?:km|kilometers|kilometres|m|meters|metres|miles|%|percent|"
                     r"million|billion|barrels|tons|tonnes|troops|soldiers|shells|containers)\b)?")
# Not facts to check: footnote labels, link targets and anchors, HTML, attribute lists, our own markup.
_NOISE = re.compile(r"\[\^[^\]]+\]|\]\([^)]*\)|<[^>]+>|\{[:#][^}]*\}|`[^`]*`")


def sentences(line: str) -> list[str]:
    """A prose line cut into sentences, each with the footnote references that follow it."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(line):
        out.append(line[start:m.end()])
        start = m.end()
    tail = line[start:]
    return out + ([tail] if tail.strip() else [])


def _normal(number: str) -> str:
    """"1,500" -> "1500"; "1 km" -> "1" (a unit is shown in messages, the number is what is compared)."""
    return re.sub(r"[^\d.,].*$", "", number.strip()).replace(",", "").rstrip(".")


def facts_in(sentence: str) -> list[str]:
    """The dates ("June 19") and numbers ("1,500", "2024") a sentence states, as written."""
    text = _NOISE.sub(" ", re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", sentence))   # not a list item's number
    found = [m.group(0) for m in _MONTH_DAY.finditer(text)]
    text = _MONTH_DAY.sub(" ", text)
    return found + [m.group(0) for m in _NUMBER.finditer(text)]


def _passage_forms(text: str) -> set[str]:
    """Every form in which a passage states its dates and numbers, normalised."""
    forms = set()
    lower = text.lower()
    for m in re.finditer(r"\d+(?:[,.]\d+)*", text):
        forms.add(_normal(m.group(0)))
    for index, month in enumerate(MONTHS, 1):
        for m in re.finditer(rf"\b{month[:3]}[a-z]*\.? (\d{{1,2}})\b|\b(\d{{1,2}}) {month[:3]}[a-z]*", lower):
            forms.add(f"{index}-{int(m.group(1) or m.group(2))}")
    for m in re.finditer(r"\b\d{4}-(\d{2})-(\d{2})\b|\b(\d{1,2})\.(\d{1,2})\.\d{4}\b|(\d{1,2})월 ?(\d{1,2})일", text):
        month, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3)) if m.group(3) else (m.group(5), m.group(6))
        forms.add(f"{int(month)}-{int(day)}")
    for word, value in WORDS.items():
        if re.search(rf"\b{word}\b", lower):
            forms.add(str(value))
    return forms


def month_day(date: str) -> str:
    """"2024-06-19" -> "June 19" (as a sentence would state it)."""
    return f"{MONTHS[int(date[5:7]) - 1].capitalize()} {int(date[8:10])}"


def _fact_form(fact: str) -> str:
    m = _MONTH_DAY.fullmatch(fact)
    if m:
        return f"{MONTHS.index(m['month'].lower()) + 1}-{int(m['day'])}"
    return _normal(fact)


def misses(sentence: str, passages: list[str], context: tuple[str, ...] = ()) -> list[str]:
    """The facts of `sentence` that none of `passages` states (`context`: the cited sources' own
    dates, whose years count as stated)."""
    forms = set().union(*(_passage_forms(p) for p in passages)) if passages else set()
    forms |= {str(date)[:4] for date in context if date}                                    # a dated source's year
    forms |= {f"{int(str(d)[5:7])}-{int(str(d)[8:10])}" for d in context if len(str(d)) == 10}   # and its own day
    derived = " ".join(m["what"] for m in _DERIVED.finditer(sentence))
    exempt = {_normal(n) for n in re.findall(r"\d+(?:[,.]\d+)*", derived.split("=")[0])} if derived else set()
    return [f for f in facts_in(_DERIVED.sub(" ", sentence)) if _fact_form(f) not in forms and _normal(f) not in exempt]


def selected(source: dict, keys: str | None = None) -> list[dict]:
    """The passages a citation shows: those without a key, and those whose key `keys` ("a,b") names."""
    wanted = set((keys or "").split(",")) - {""}
    return [p for p in source.get("passages", []) if not p.get("key") or p["key"] in wanted]


def passages_of(source: dict, keys: str | None = None) -> list[str]:
    """The text of the passages a citation shows, each with our translation (for the claim check)."""
    return [p["quote"] + " " + p.get("translation", "") for p in selected(source, keys)]


@lru_cache(maxsize=4)
def _baseline(stamp: float) -> tuple[dict[tuple[str, str, str], int], dict[str, int]]:
    """The baseline file read: (page, fact, source ids) -> its line, and unread source id -> its line."""
    if not BASELINE.is_file():
        return {}, {}
    lines = BASELINE.read_text(encoding="utf-8").splitlines()
    data = yaml.safe_load("\n".join(lines)) or {}
    data = data if isinstance(data, dict) else {"misses": data}
    starts = [n for n, line in enumerate(lines, 1) if line.startswith("- page:")]
    misses_at = {(e["page"], str(e["fact"]), e["sources"]): line for e, line in zip(data.get("misses") or [], starts)}
    unread_at = {}
    for n, line in enumerate(lines, 1):
        m = re.match(r"^- (?P<id>[a-z0-9][a-z0-9-]*)\s*$", line)
        if m:
            unread_at[m["id"]] = n
    return misses_at, unread_at


def baseline() -> dict[tuple[str, str, str], int]:
    """Misses found when the check was first run and not yet resolved: (page, fact, source ids) -> line."""
    return _baseline(BASELINE.stat().st_mtime if BASELINE.is_file() else 0.0)[0]


def unread() -> dict[str, int]:
    """Sources cited before the registry had passages and not yet read: id -> line."""
    return _baseline(BASELINE.stat().st_mtime if BASELINE.is_file() else 0.0)[1]
