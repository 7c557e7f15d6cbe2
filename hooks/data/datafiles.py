"""Load and validate the shared data files (data/*.yml) against data/schemas/*.schema.json.

Validation uses jsonschema; each error is reported at the YAML line of the offending entry
or field, e.g. `data/timeline.yml:42: entry 7, field 'date': '2024-02-30' is not a real
ISO date (...)`. Dates may be "YYYY", "YYYY-MM" or "YYYY-MM-DD" and must exist on the calendar.
Entries with problems are left out of what `load` returns, so the pages still render and one
build lists every problem. Beyond the schema, a timeline event's `kind` must fit its date: "after"
events are dated after the report (extra.report.date in mkdocs.yml), "report" and "background"
events on or before it. A field whose pattern is "^[^...]*$" may not hold those characters; the
message names the ones found and the schema's `$comment` says why (e.g. a diagram label).

Each file is parsed and validated once and kept until it, its schema or mkdocs.yml changes (their
paths, mtimes and sizes are the key), so the hooks, the fast check and the scripts share one read:
`load(root, name)`, `load_all(root)` ({name: entries}), `all_problems(root)`, `source(root, name)`.
"""
from __future__ import annotations

import datetime
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema
import yaml

from hooks.core import claim_text, limits, report_facts, unsafe_text
from hooks.data import source_refs
from hooks.core.build import Build
from hooks.core.problems import ROOT, Problem

DATA_FILES = ("glossary", "timeline", "actors", "sanctions", "estimates", "places", "changes", "reviews",
              "claims", "treaty", "names", "reading", "sources")
# Files whose entries point into other files (checked beyond the schema by CROSS_CHECKS below): a
# load of the first depends on the others too, so an edit of either is seen by `make serve`.
DEPENDS_ON = {"claims": ("timeline",), "names": ("actors", "places", "glossary"), "timeline": ("sources",),
              "sanctions": ("sources",), "estimates": ("sources",), "actors": ("sources",)}
# Files whose entries cite data/sources.yml by id (hooks/data/source_refs.py resolves them for the pages).
CITES_REGISTRY = ("timeline", "sanctions", "estimates", "actors")
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_EXCLUDED = re.compile(r"\^\[\^(?P<chars>[^\]]+)\]\*\$")   # a pattern "^[^...]*$": characters a field may not hold
FORMATS = jsonschema.FormatChecker()


@FORMATS.checks("partial-iso-date", raises=ValueError)
def is_partial_iso_date(value) -> bool:
    if not isinstance(value, str) or not _PARTIAL_DATE.match(value):
        raise ValueError("write the date as a quoted ISO date: \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"")
    parts = [int(p) for p in value.split("-")] + [1, 1]
    datetime.date(parts[0], parts[1], parts[2])   # ValueError for a day or month that does not exist
    return True


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):   # libyaml when present: ~10x faster
    """SafeLoader that keeps an unquoted date which is not on the calendar (2024-13-01) as text,
    so the schema reports it at its line instead of the YAML library raising ValueError."""


def _timestamp(loader, node):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def _parse(text: str):
    """The YAML's node tree (for line numbers) and its data, from one parse."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def _lines(node, prefix: tuple = ()) -> dict:
    """Map every path in a composed YAML document, such as (index,), (index, key) or
    (index, key, item, key) for nested lists, to the 1-based line where it starts."""
    lines = {}
    if isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[prefix + (index,)] = item.start_mark.line + 1
            lines.update(_lines(item, prefix + (index,)))
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            lines[prefix + (key.value,)] = key.start_mark.line + 1
            lines.update(_lines(value, prefix + (key.value,)))
    return lines


def _line_of(lines: dict, path: list) -> int:
    """The line of the deepest part of `path` that the YAML map knows."""
    for end in range(len(path), 0, -1):
        if tuple(path[:end]) in lines:
            return lines[tuple(path[:end])]
    return 1


def _where(index: int, path: list) -> str:
    """'entry 3', "entry 3, field 'date'" or "entry 3, field 'officeholders' item 2 'since'"."""
    where = f"entry {index + 1}"
    if len(path) > 1:
        where += f", field '{path[1]}'"
    for part in path[2:]:
        where += f" item {part + 1}" if isinstance(part, int) else f" '{part}'"
    return where


_OPENS_QUOTE = re.compile(r"""^\s*(?:-\s+)?(?:[\w.-]+:\s+)?(?P<quote>["'])(?P<rest>.*)$""")
YAML_FIX = "check indentation and quote strings that contain a colon"


def _unclosed_quote(line: str) -> bool:
    """Whether a value that starts with a quote on this line is left open at its end."""
    match = _OPENS_QUOTE.match(line)
    if not match:
        return False
    rest = match["rest"]
    if match["quote"] == "'":
        return rest.replace("''", "").count("'") == 0
    return len(re.findall(r'(?<!\\)"', rest.replace("\\\\", ""))) == 0


def yaml_problem(rel: str, text: str, error: yaml.YAMLError, offset: int = 0) -> Problem:
    """A YAML error at the line to fix. PyYAML reports where it gave up; for a quote, list or
    mapping left open that is often lines below (a value may span lines), so the opening line is
    named instead, with where YAML stopped. `offset`: lines of the file before `text` (front matter)."""
    problem = _yaml_problem(rel, text, error)
    if not offset:
        return problem
    message = re.sub(r"fails at line (\d+)", lambda m: f"fails at line {int(m[1]) + offset}", problem.message)
    return Problem(rel, problem.line + offset, message, problem.fix)


def _yaml_problem(rel: str, text: str, error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None)
    line = (mark.line + 1) if mark else 1
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context = getattr(error, "context_mark", None)
    first = (context.line + 1) if context else max(1, line - 50)
    lines = text.split("\n")
    for number in range(first, line):
        if _unclosed_quote(lines[number - 1]):
            return Problem(rel, number, f"not valid YAML: the quoted value that starts on this line is not closed on it, "
                           f"so YAML reads on and fails at line {line} ({problem})",
                           "close the quote at the end of the value, or remove the opening one")
    what = getattr(error, "context", None) or ""
    if context and context.line + 1 < line and "flow" in what:
        opener = lines[context.line][context.column:context.column + 1] if context.line < len(lines) else ""
        kind = "list" if "sequence" in what else "mapping"
        return Problem(rel, context.line + 1, f"not valid YAML: the {kind} opened by '{opener}' on this line is not closed, "
                       f"so YAML reads on and fails at line {line} ({problem})",
                       f"close it with '{']' if kind == 'list' else '}'}', or put the whole value in quotes if it is text")
    return Problem(rel, line, f"not valid YAML: {problem}", YAML_FIX)


def load(root: Path, name: str) -> tuple[list, list[Problem]]:
    """Return (entries, problems) for data/<name>.yml; entries leaves out those with problems.
    Read once while its files are unchanged (see `_loaded`)."""
    loaded = _loaded(Path(root), name)
    return list(loaded.entries), list(loaded.problems)


def load_all(root: Path) -> dict[str, list]:
    """{name: entries} for every file in DATA_FILES: what pages render from data/, with each source
    id resolved to its URL and citation (hooks/data/source_refs.py). `load` gives the file as written."""
    return source_refs.resolve_all({name: load(root, name)[0] for name in DATA_FILES})


def all_problems(root: Path) -> list[Problem]:
    """The problems of every file in DATA_FILES, file by file."""
    return [problem for name in DATA_FILES for problem in _loaded(Path(root), name).problems]


def source(root: Path, name: str) -> tuple[object, dict]:
    """data/<name>.yml as YAML reads it, before any check (None if it is missing or not valid YAML),
    and its line map ({(index, key, ...): line}, see `_lines`). Shared with the cache: do not change it."""
    loaded = _loaded(Path(root), name)
    return loaded.data, loaded.lines


@dataclass(frozen=True)
class _Loaded:
    entries: list
    problems: list
    data: object = None
    lines: dict = field(default_factory=dict)


_CACHE: dict[tuple[str, str], tuple[tuple, _Loaded]] = {}


def _inputs(root: Path, name: str) -> list[Path]:
    """The files a load of data/<name>.yml reads: the data, its schema, and the mkdocs.yml that
    dates the report (a timeline event's kind must fit it)."""
    return [root / f"data/{name}.yml", root / f"data/schemas/{name}.schema.json", _config_dir(root) / "mkdocs.yml",
            *(root / f"data/{other}.yml" for other in DEPENDS_ON.get(name, ())),
            *([claim_text.BASELINE] if CROSS_CHECKS.get(name) is claimed_facts_problems else [])]


def _config_dir(root: Path) -> Path:
    """Where the mkdocs.yml that dates the report is: root's own, else the project's."""
    return root if (root / "mkdocs.yml").exists() else ROOT


def _stamp(paths) -> tuple:
    """(path, mtime in ns, size) of each file, (path, None, None) if it is missing: the cache key."""
    stamps = []
    for path in paths:
        try:
            stat = Path(path).stat()
            stamps.append((str(path), stat.st_mtime_ns, stat.st_size))
        except OSError:
            stamps.append((str(path), None, None))
    return tuple(stamps)


def _loaded(root: Path, name: str) -> _Loaded:
    """One parse and validation of data/<name>.yml per build: the hooks, the fast check and the
    scripts all ask, so the result is kept until one of its files changes (`make serve` sees edits)."""
    key, files = (str(root.resolve()), name), _stamp(_inputs(root, name))
    cached = _CACHE.get(key)
    if cached is None or cached[0] != files:
        cached = _CACHE[key] = (files, _read(root, name))
    return cached[1]


def _read(root: Path, name: str) -> _Loaded:
    rel = f"data/{name}.yml"
    if not (root / rel).exists():
        return _Loaded([], [Problem(rel, 1, "data file is missing", "restore it from git; pages render it")])
    raw = (root / rel).read_bytes()
    size = limits.too_large("data", len(raw))
    if size:
        return _Loaded([], [Problem(rel, 1, *size)])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return _Loaded([], [Problem(rel, raw[:error.start].count(b"\n") + 1, "not valid UTF-8 text", "save the file as UTF-8")])
    aliases = limits.anchors_and_aliases(text)     # before anything is built from the YAML: a bomb stays cheap
    if aliases:
        return _Loaded([], [Problem(rel, line, message, limits.ALIAS_FIX) for line, message in aliases])
    try:
        node, data = _parse(text)
    except yaml.YAMLError as error:
        return _Loaded([], [yaml_problem(rel, text, error)])
    schema = json.loads((root / f"data/schemas/{name}.schema.json").read_text(encoding="utf-8"))
    lines = _lines(node)
    problems = validate(rel, data, schema, lines)
    unsafe = text_problems(rel, data, lines, text)
    problems += unsafe
    flagged = {line for line in (p.line for p in unsafe)}
    entries = [e for e in usable(data, schema) if not _entry_lines(data, e, lines, text) & flagged]
    if name == "timeline" and isinstance(data, list):
        report_date = report_facts.load(_config_dir(root))["date"]
        problems += kind_date_problems(rel, data, lines, report_date)
        entries = [e for e in entries if not _kind_mismatch(e, report_date)]   # as in the table: not mislabelled
    if name in CROSS_CHECKS and isinstance(data, list):
        problems += CROSS_CHECKS[name](rel, data, lines, root)
    if name in CITES_REGISTRY and isinstance(data, list) and _readable(root, "sources"):
        problems += source_id_problems(rel, data, lines, {s.get("id") for s in _raw(root, "sources")})
        citable = {s.get("id") for s in _loaded(root, "sources").entries}   # a source with a problem is reported there
        entries = [e for e in entries if not source_refs.unknown(e, citable)]   # the pages could not cite it
    return _Loaded(entries, sorted(problems, key=lambda p: p.line), data, lines)


# --- Checks across files: what a schema cannot say ------------------------------------------------

def _raw(root: Path, name: str) -> list:
    """data/<name>.yml's entries as YAML reads them (valid or not): what other files may point at."""
    data = _loaded(root, name).data
    return [e for e in data if isinstance(e, dict)] if isinstance(data, list) else []


def _readable(root: Path, name: str) -> bool:
    """Whether data/<name>.yml parsed as a list (else its YAML problem is all there is to say)."""
    return isinstance(_loaded(root, name).data, list)


def claim_problems(rel: str, data: list, lines: dict, root: Path) -> list[Problem]:
    """A claim's status rests on timeline events: each id in `events` must be an event of
    data/timeline.yml, and each `parts` page (where its "Since then" note is shown) must exist."""
    if not _readable(root, "timeline"):
        return []     # the timeline's own problem is reported; one broken file should not flood others
    events = {e.get("id") for e in _raw(root, "timeline")}
    problems = []
    for index, claim in enumerate(data):
        if not isinstance(claim, dict):
            continue
        for item, event in enumerate(claim.get("events") or []):
            if isinstance(event, str) and event not in events:
                problems.append(Problem(rel, lines.get((index, "events", item), _line_of(lines, [index, "events"])),
                                        f"entry {index + 1}, field 'events' item {item + 1}: unknown event id {event!r}",
                                        "use the id of an event in data/timeline.yml, or add the event there first"))
        for item, part in enumerate(claim.get("parts") or []):
            page = str(part).split("#", 1)[0]
            if page and not (root / "docs" / page).is_file():
                problems.append(Problem(rel, lines.get((index, "parts", item), _line_of(lines, [index, "parts"])),
                                        f"entry {index + 1}, field 'parts' item {item + 1}: no page docs/{page}",
                                        "name a page under docs/ and the id of the section whose report box the claim restates"))
    return problems


def name_problems(rel: str, data: list, lines: dict, root: Path) -> list[Problem]:
    """Each Korean or Russian name belongs to something the site shows: an actor, a place, a
    glossary term, or a person named in an actor's key people; and each of those has one entry."""
    if not all(_readable(root, name) for name in ("actors", "places", "glossary")):
        return []     # their own problems are reported; one broken file should not flood others
    targets = {f"actors#{a.get('id')}" for a in _raw(root, "actors")}
    targets |= {f"places#{p.get('id')}" for p in _raw(root, "places")}
    targets |= {f"glossary#{g.get('term')}" for g in _raw(root, "glossary")}
    people = " ".join(str(a.get("leaders", "")) for a in _raw(root, "actors"))
    problems, seen = [], {}
    for index, entry in enumerate(data):
        if not isinstance(entry, dict):
            continue
        for item, target in enumerate(entry.get("refers_to") or []):
            line = lines.get((index, "refers_to", item), _line_of(lines, [index, "refers_to"]))
            if target == "person":
                if str(entry.get("en", "")) not in people:
                    problems.append(Problem(rel, line, f"entry {index + 1}: person {entry.get('en')!r} is not named in the "
                                            "'leaders' of any actor in data/actors.yml",
                                            "spell 'en' as the actors' key people do, or drop 'person'"))
                target = f"person#{entry.get('en')}"
            elif target not in targets:
                problems.append(Problem(rel, line, f"entry {index + 1}, field 'refers_to' item {item + 1}: {target!r} "
                                        "is not an actor id, a place id or a glossary term",
                                        "use actors#<id>, places#<id> or glossary#<term> as those files spell them"))
            if target in seen:
                problems.append(Problem(rel, line, f"entry {index + 1}: {target!r} already has names (entry {seen[target] + 1})",
                                        "keep one entry per actor, place, term or person: a name is shown once"))
            seen.setdefault(target, index)
    return problems


def treaty_problems(rel: str, data: list, lines: dict, root: Path) -> list[Problem]:
    """The treaty has 23 articles: each number from 1 to 23 once, in order."""
    problems = []
    numbers = [e.get("number") for e in data if isinstance(e, dict)]
    for index, entry in enumerate(data):
        if isinstance(entry, dict) and entry.get("number") != index + 1:
            problems.append(Problem(rel, lines.get((index, "number"), _line_of(lines, [index])),
                                    f"entry {index + 1}: article number {entry.get('number')!r}, expected {index + 1}",
                                    "list the articles once each, in order, from 1 to 23"))
    missing = [n for n in range(1, 24) if n not in numbers]
    if missing and len(data) == 23:
        problems.append(Problem(rel, 1, f"articles {missing} are missing", "list every article, 1 to 23"))
    return problems


def source_id_problems(rel: str, data: list, lines: dict, ids: set[str]) -> list[Problem]:
    """Each `source` / `since_source` names a source of data/sources.yml by its id."""
    problems = []
    for index, entry in enumerate(data):
        for path, value, close in source_refs.unknown(entry, ids):
            hint = f"did you mean '{close}'? " if close else ""
            problems.append(Problem(rel, _line_of(lines, [index, *path]),
                                    f"{_where(index, [index, *path])}: no source with id {value!r} in data/sources.yml",
                                    f"{hint}use the id of a source in data/sources.yml, or add the source there first"))
    return problems


def claimed_facts_misses(rel: str, data: list, root: Path) -> list[tuple[int, str, str, str]]:
    """(entry index, baseline key, fact, source id) for each fact of an entry whose source we read
    (data/sources.yml, by id) that the passages do not carry: its `text`, and its full `date`."""
    if not _readable(root, "sources"):
        return []
    registry = {s.get("id"): s for s in _raw(root, "sources") if s.get("passages")}   # only read sources are checked
    found = []
    for index, entry in enumerate(data):
        if not isinstance(entry, dict):
            continue
        cited = [registry[i] for i in [entry.get("source"), *(entry.get("more_sources") or [])] if isinstance(i, str) and i in registry]
        if not cited:
            continue
        source, more = cited[0], cited[1:]
        date = str(entry.get("date", ""))
        dated = len(date) == 10 and not entry.get("date_derived")     # a date worked out is said to be, where shown
        stated = (claim_text.month_day(date) + ". " if dated else "") + str(entry.get("text", ""))
        passages = [p for s in [source, *more] for p in claim_text.passages_of(s)]
        for fact in claim_text.misses(stated, passages, tuple(s.get("date", "") for s in [source, *more])):
            found.append((index, f"{rel}#{entry.get('id')}", fact, ",".join(s["id"] for s in [source, *more])))
    return found


def claimed_facts_problems(rel: str, data: list, lines: dict, root: Path) -> list[Problem]:
    """The claim check for data entries (hooks/core/claim_text.py); misses listed in
    hooks/core/claim_baseline.yml (page: data/<name>.yml#<id>) are not reported, and a listed miss of
    an entry that no longer misses is reported as stale, so the list only shrinks (as for pages)."""
    known = claim_text.baseline()
    found = claimed_facts_misses(rel, data, root)
    problems = [Problem(rel, _line_of(lines, [index]), f'entry {index + 1}: "{fact}" is not in the passages of @{source}',
                        "quote the source that says it in data/sources.yml, or cite one that does")
                for index, key, fact, source in found if (key, fact, source) not in known]
    ids = {f"{rel}#{e.get('id')}" for e in data if isinstance(e, dict)}
    still = {(key, fact, source) for _, key, fact, source in found}
    baseline_rel = claim_text.BASELINE.relative_to(ROOT).as_posix()
    for key, line in known.items():
        if key[0] in ids and key not in still:
            problems.append(Problem(baseline_rel, line, f'"{key[1]}" on {key[0]} is now in the passages cited',
                                    "delete this entry: the baseline lists only misses still to resolve"))
    return problems


MAX_PASSAGE_WORDS = 45    # "an exact quotation of at most about 40 words"


def source_problems(rel: str, data: list, lines: dict, root: Path) -> list[Problem]:
    """A passage is at most MAX_PASSAGE_WORDS words; every source has passages or says why it cannot be
    read, except those listed as not yet read in hooks/core/claim_baseline.yml (a listed source that is
    now read, or no longer in the registry, is reported so the list shrinks)."""
    problems, backlog = [], claim_text.unread()
    for index, entry in enumerate(data):
        if not isinstance(entry, dict):
            continue
        for item, passage in enumerate(entry.get("passages") or []):
            words = len(str(passage.get("quote", "")).split()) if isinstance(passage, dict) else 0
            if words > MAX_PASSAGE_WORDS:
                problems.append(Problem(rel, lines.get((index, "passages", item), _line_of(lines, [index])),
                                        f"entry {index + 1} ({entry.get('id')}): a passage of {words} words",
                                        f"quote at most about 40 words ({MAX_PASSAGE_WORDS}): the words that carry the facts"))
        if not entry.get("passages") and not entry.get("unreadable") and entry.get("id") not in backlog:
            problems.append(Problem(rel, _line_of(lines, [index]), f"entry {index + 1} ({entry.get('id')}): source has no passage",
                                    "quote the words that support the sentences citing it (read: and passages:), "
                                    "or say why it cannot be read (unreadable:)"))
    baseline = claim_text.BASELINE.relative_to(root).as_posix() if claim_text.BASELINE.is_relative_to(root) else "hooks/core/claim_baseline.yml"
    waiting = {e.get("id") for e in data if isinstance(e, dict) and not e.get("passages") and not e.get("unreadable")}
    for source, line in backlog.items():
        if source not in waiting:
            problems.append(Problem(baseline, line, f"'{source}' is listed as not yet read, but it is read, marked unreadable "
                                    "or gone", "delete the line (python -m scripts.sources baseline rewrites the list)"))
    return problems


CROSS_CHECKS = {"sources": source_problems, "claims": claim_problems, "names": name_problems, "treaty": treaty_problems,
                "timeline": claimed_facts_problems, "sanctions": claimed_facts_problems, "estimates": claimed_facts_problems}


def text_problems(rel: str, data, lines: dict, text: str) -> list[Problem]:
    """Every string in the file, at any depth, checked by the rules of page text
    (hooks/core/unsafe_text.py): no raw HTML, no script URLs (entities decoded), no images from
    another host, no bidi controls (also in comments: every line of the file is read for those)."""
    problems = []

    def walk(value, path):
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, path + [key])
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, path + [index])
        elif isinstance(value, str) and path:
            where = _where(path[0], path) if isinstance(path[0], int) else f"field '{path[0]}'"
            for message, fix in unsafe_text.problems(value):
                problems.append(Problem(rel, _line_of(lines, path), f"{where}: {message}", fix))

    walk(data, [])
    for number, line in enumerate(text.split("\n"), 1):
        bidi = unsafe_text.bidi_problems(line)
        if bidi and not any(p.line == number and "bidi" in p.message for p in problems):
            problems.append(Problem(rel, number, f"bidi control character {', '.join(dict.fromkeys(bidi))} is not allowed",
                                    unsafe_text.BIDI_FIX))
    return problems


def _entry_lines(data: list, entry, lines: dict, text: str) -> set[int]:
    """The lines an entry spans in its file, so an entry with a text problem is left out of the pages."""
    if not isinstance(data, list):
        return set()
    index = next(i for i, e in enumerate(data) if e is entry)
    first = lines.get((index,), 1)
    last = lines.get((index + 1,), text.count("\n") + 2) - 1
    return set(range(first, last + 1))


def choices(name: str, field: str, root: Path = ROOT) -> dict[str, str]:
    """A field's allowed values -> their titles, in order, from data/schemas/<name>.schema.json
    (held only there): the field is `"oneOf": [{"const": value, "title": how readers see it}, ...]`."""
    schema = json.loads((Path(root) / f"data/schemas/{name}.schema.json").read_text(encoding="utf-8"))
    return {choice["const"]: choice["title"] for choice in schema["items"]["properties"][field]["oneOf"]}


def actor_groups(root: Path = ROOT) -> dict[str, str]:
    """Actor group id -> its heading on the actors page, in page order."""
    return choices("actors", "group", root)


def _date_range(value: str) -> tuple[str, str]:
    """The first and last day a partial ISO date can mean: "2024-05" -> ("2024-05-01", "2024-05-31")."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return value, value
    if len(parts) == 2:
        last = (datetime.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1) - datetime.timedelta(days=1)).day
        return f"{value}-01", f"{value}-{last:02d}"
    return f"{value}-01-01", f"{value}-12-31"


def kind_date_problems(rel: str, data: list, lines: dict, report_date: str) -> list[Problem]:
    """An "after" event must be dated after the report; a "report" or "background" one on or before
    it. A partial date ("2024-05") fits either kind if the report's date falls within it."""
    problems = []
    for index, entry in enumerate(data):
        mismatch = _kind_mismatch(entry, report_date)
        if mismatch:
            line = lines.get((index, "kind"), lines.get((index,), 1))
            where = f"entry {index + 1}, field 'kind'"
            if mismatch == "after":
                problems.append(Problem(rel, line, f"{where}: 'after' but dated {entry['date']}, not after the report "
                                        f"({report_date})", "use kind: background (or report, if the report states it), or fix the date"))
            else:
                problems.append(Problem(rel, line, f"{where}: '{entry['kind']}' but dated {entry['date']}, after the "
                                        f"report ({report_date})", "use kind: after, or fix the date"))
    return problems


def _kind_mismatch(entry, report_date: str) -> str | None:
    """"after" for an after-event dated on or before the report, "before" for a report/background
    event dated after it, else None (also for entries whose date or kind the schema rejects)."""
    if not (isinstance(entry, dict) and isinstance(entry.get("date"), str) and _PARTIAL_DATE.match(entry["date"])
            and entry.get("kind") in ("report", "background", "after")):
        return None
    try:
        first, last = _date_range(entry["date"])
    except ValueError:
        return None    # an impossible date: the schema check reports it
    if entry["kind"] == "after" and last <= report_date:
        return "after"
    if entry["kind"] != "after" and first > report_date:
        return "before"
    return None


def usable(data, schema: dict) -> list:
    """The entries that pass the schema: renderers never meet a half-filled entry, and the
    build goes on to report every problem instead of stopping at a KeyError."""
    if not isinstance(data, list):
        return []
    validator = jsonschema.Draft202012Validator(schema["items"], format_checker=FORMATS)
    return [entry for entry in data if validator.is_valid(entry)]


def validate(rel: str, data, schema: dict, lines: dict) -> list[Problem]:
    problems, unquoted = [], set()
    validator = jsonschema.Draft202012Validator(schema, format_checker=FORMATS)
    for error in sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.path]):
        path = list(error.path)
        index = path[0] if path and isinstance(path[0], int) else None
        field = path[1] if len(path) > 1 else None
        if index is None:
            where, line, message = "file", 1, error.message
        elif error.validator == "required":
            field = error.message.split("'")[1]
            where, line = _where(index, path + [field]), _line_of(lines, path)
            message = "is missing"
        elif error.validator == "additionalProperties":
            where, line = _where(index, path), _line_of(lines, path)
            message = error.message
        else:
            where, line = _where(index, path), _line_of(lines, path)
            message, fix = _explain(error)
            if fix:
                if (line, where) in unquoted:   # one message per unquoted date, not one per rule
                    continue
                unquoted.add((line, where))
                problems.append(Problem(rel, line, f"{where}: {message}", fix))
                continue
        problems.append(Problem(rel, line, f"{where}: {message}", f"see data/schemas/{Path(rel).stem}.schema.json"))
    if isinstance(data, list):
        problems += _unique(rel, data, lines)
    return problems


def _explain(error) -> tuple[str, str | None]:
    """The message for a field error, and a specific fix where the schema's wording is obscure."""
    if isinstance(error.instance, datetime.date):
        value = error.instance.isoformat()
        return (f"{value} is not quoted, so YAML reads it as a date rather than text",
                f'write it in quotes: "{value}"')
    if error.validator == "oneOf" and all("const" in choice for choice in error.validator_value):
        return f"{error.instance!r} is not one of {[choice['const'] for choice in error.validator_value]}", None
    if error.validator == "pattern" and error.validator_value.startswith("^https://"):
        return f"{error.instance!r} is not an https:// address", "use the https:// address of the source"
    excluded = _EXCLUDED.fullmatch(error.validator_value) if error.validator == "pattern" else None
    if excluded and isinstance(error.instance, str):
        chars = re.sub(r"\\(.)", r"\1", excluded["chars"])
        found = " ".join(dict.fromkeys(c for c in error.instance if c in chars))
        why = error.schema.get("$comment")
        return f"{error.instance!r} contains {found}", f"leave out {' '.join(chars)}" + (f": {why}" if why else "")
    if error.validator == "const" and error.schema.get("$comment"):
        return f"{error.instance!r} should be {error.validator_value!r}", error.schema["$comment"]
    cause = f" ({error.cause})" if error.cause else ""
    return f"{error.message}{cause}", None


def term_anchor(term: str) -> str:
    """A glossary term's id on the glossary page, from the letters and digits of its `term`, accents
    dropped ("Article 4 (2024 treaty)" -> "term-article-4-2024-treaty"): a link can point at one
    term, and hooks/html/glossary_search.py gives each term its own search result there."""
    ascii_ = unicodedata.normalize("NFKD", term).encode("ascii", "ignore").decode().lower()
    return "term-" + "-".join(re.findall(r"[a-z0-9]+", ascii_))


def _unique(rel: str, data: list, lines: dict) -> list[Problem]:
    """Ids, terms and abbreviations must be unique within their file, and two terms may not share
    an anchor on the glossary page (term_anchor)."""
    problems, seen, anchors = [], {}, {}
    for index, entry in enumerate(data):
        if not isinstance(entry, dict):
            continue
        for key in ("id", "term", "abbr"):
            if key in entry:
                value = (key, str(entry[key]).lower())
                line = lines.get((index, key), 1)
                if value in seen:
                    problems.append(Problem(rel, line, f"entry {index + 1}: duplicate {key} {entry[key]!r} (also entry {seen[value] + 1})",
                                            "merge the two entries or rename one"))
                elif key == "term":
                    anchor = term_anchor(str(entry[key]))
                    if anchor == "term-":
                        problems.append(Problem(rel, line, f"entry {index + 1}: term {entry[key]!r} has no letters or digits for its anchor",
                                                "spell the term with Latin letters or digits"))
                    elif anchor in anchors:
                        other = anchors[anchor]
                        problems.append(Problem(rel, line, f"entry {index + 1}: term {entry[key]!r} has the same anchor #{anchor} "
                                                f"as entry {other + 1} {data[other]['term']!r}",
                                                "rename one so the anchors differ, or merge the two entries"))
                    anchors.setdefault(anchor, index)
                seen.setdefault(value, index)
    return problems


def build_for(root: Path) -> Build:
    """The facts and data of the project at `root`, read without MkDocs (the fast check, scripts, tests)."""
    return Build(root=Path(root), facts=report_facts.load(Path(root)), data=load_all(Path(root)))
