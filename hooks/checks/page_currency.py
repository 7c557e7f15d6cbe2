"""Page currency: a page may not mention events newer than its front matter `covers_through`.

A page says how current it is ("Covers events through <date>", hooks/html/page_dates.py). This check
keeps that claim true. The rule, chosen so it sees events and not other dates:

- What counts as an event date:
  - the title of every `after` box ("After the report: September 2024 to June 2025"), where
    a bare year counts too;
  - the text of every `after` box (content_kinds makes these the only home of later events);
  - everything a `<!-- render: ... -->` marker renders from data/*.yml (timeline rows,
    diagrams built from data, tables), reported at the marker's line.
- What does not count: `report` and `context` boxes and plain prose (a 2024 text may name a
  mandate ending in 2025), footnote definitions and the text of links to other sites (a
  source's own date is when it was published, not when the event happened), URLs and code.
- Dates it reads: "March 16, 2026", "16 March 2026", "March 12-13, 2026", "March 2026",
  "Mar. 2026", 2026-03-16 and 2026-03; month names start with a capital. A mention is newer
  than `covers_through` when the whole period it names starts after it: "March 2026" is fine
  with covers_through 2026-03-16, "April 2026" is not.
- A date that follows a forward-looking word within three words ("expected", "planned",
  "scheduled", "due", "until", "around", "would", "should", "will"; e.g. "should open in
  February 2026", "would fall around April 26, 2026") is a plan or a deadline, not an event,
  and does not count. Write a real event's date without such a word before it.
- `covers_through` may not be later than `last_reviewed`, nor later than the newest event the
  site's data holds (data/timeline.yml, sanctions.yml, estimates.yml): a page cannot cover
  events nobody has recorded.

Missing or malformed dates are hooks/checks/front_matter.py's to report; this check then stays quiet.
"""
from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

import yaml

from hooks.core.build import Build
from hooks.core.dates import as_date
from hooks.core.markdown import Scan, admonitions, key_lines, scan
from hooks.core.problems import Problem
from hooks.render import markers

FIX = "see 'Front matter' in CONTRIBUTING.md"

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted((m.capitalize() for m in _MONTHS), key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)\b"
_DAY = r"(?P<day>[0-3]?\d)"
DATE_PATTERNS = [   # most precise first; a match is blanked out before the next pattern runs
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
    re.compile(rf"\b{_MONTH} (?:[0-3]?\d\s*(?:-|–|to)\s*)?{_DAY},? {_YEAR}"),
    re.compile(rf"\b{_DAY} {_MONTH},? {_YEAR}"),
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})\b(?!-)"),
    re.compile(rf"\b{_MONTH},? {_YEAR}"),
]
FORWARD = {"expected", "planned", "scheduled", "due", "until", "around", "would", "should", "will"}
_YEAR_ONLY = re.compile(r"\b(?P<year>(?:19|20)\d\d)\b")
_LINK = re.compile(r"!?\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]*)(?:\s+\"[^\"]*\")?\)")
_HTML_LINK = re.compile(r'<a href="https?://[^"]*">.*?</a>', re.S)
# Footnote markers, autolinks, bare URLs, code, and HTML tags (a date in an attribute, such as
# <time datetime="...">, repeats the visible date beside it; the visible one is the mention).
_NOISE = re.compile(r"\[\^[^\]]+\]|<https?://[^>]+>|https?://\S+|`[^`]*`|</?[A-Za-z][^>]*>")


@dataclass(frozen=True)
class Mention:
    text: str
    start: datetime.date      # first day of the period the mention names


# --- Helpers -------------------------------------------------------------------------------

def mentions(text: str, years: bool = False) -> list[Mention]:
    """Every date `text` names, outside footnote markers, URLs, code and the text of external links."""
    text = _LINK.sub(lambda m: "" if re.match(r"https?://", m["target"]) else m["text"], text)
    text = _HTML_LINK.sub("", text)     # external links in rendered HTML (the timeline's sources)
    text = _NOISE.sub(" ", text)
    found = []
    for pattern in DATE_PATTERNS + ([_YEAR_ONLY] if years else []):
        def take(match):
            groups = match.groupdict()
            month = groups.get("month")
            month = int(month) if month and month.isdigit() else _MONTHS.get((month or "").lower(), 1)
            try:
                start = datetime.date(int(match["year"]), month, int(groups.get("day") or 1))
            except ValueError:
                return match.group(0)          # not a real date (2024-2025, resolution numbers): leave it
            before = re.findall(r"[A-Za-z]+", text[max(0, match.start() - 60):match.start()])[-3:]
            if not FORWARD & {word.lower() for word in before}:
                found.append(Mention(match.group(0), start))
            return " " * len(match.group(0))
        text = pattern.sub(take, text)
    return found


def event_mentions(result: Scan, build: Build, path: str = "") -> list[tuple[int, Mention]]:
    """(line, mention) for each event date the scanned page names, by the rule in the module docstring."""
    found = []
    for box in admonitions(result):
        if box.kind != "after":
            continue
        found += [(box.line, m) for m in mentions(box.title or "", years=True)]
        found += [(line, m) for line, text in box.paragraphs for m in mentions(text)]
    for line, text in result.prose:
        match = markers.MARKER.match(text.strip())
        if match and match["name"] in markers.REGISTRY and markers.REGISTRY[match["name"]].dated:
            rendered, _ = markers.render(build, path, path.removeprefix("docs/"), text.strip() + "\n")
            if rendered.strip() != text.strip():
                # An event's full date may be only in its <time datetime> (the timeline shows "Aug 15" under its year).
                rendered = re.sub(r'<time datetime="([\d-]+)"', r' \1 <time', rendered)
                found += [(line, m) for m in mentions(rendered)]
    return found


def check(path: str, source: str, build: Build) -> list[Problem]:
    result = scan(source)
    meta = _meta(result)
    covers, reviewed = as_date(meta.get("covers_through")), as_date(meta.get("last_reviewed"))
    if covers is None:
        return []   # hooks/checks/front_matter.py reports it
    problems = []
    if reviewed and covers > reviewed:
        problems.append(Problem(path, key_lines(result).get("covers_through", 1), f"covers_through {covers} is later than last_reviewed {reviewed}",
                                f"a page cannot cover events after its last review; {FIX}"))
    latest = newest_event(build.data)
    if latest and covers.isoformat() > latest:
        problems.append(Problem(path, key_lines(result).get("covers_through", 1),
                                f"covers_through {covers} is later than the newest event in data/ ({latest})",
                                f"set covers_through to the date of the newest event the page covers; {FIX}"))
    newest: dict[int, Mention] = {}
    for line, mention in event_mentions(result, build, path):
        if mention.start > covers and (line not in newest or mention.start > newest[line].start):
            newest[line] = mention
    for line, mention in sorted(newest.items()):
        problems.append(Problem(path, line, f"mentions '{mention.text}', newer than the page's covers_through {covers}",
                                f"set covers_through to the date of the newest event the page covers (at least {mention.start}) "
                                f"after checking the page against its sources, or remove the mention; {FIX}"))
    return problems


def newest_event(data: dict) -> str | None:
    """The date of the newest dated entry in the timeline, sanctions and estimates, or None."""
    dates = [e["date"] for name in ("timeline", "sanctions", "estimates") for e in data.get(name, [])]
    return max(dates, default=None)


def _meta(result) -> dict:
    try:
        meta = yaml.safe_load("\n".join(line for _, line in result.front_matter)) or {}
    except (yaml.YAMLError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}
