"""Front matter: every page declares `title`, `description`, `report_part` and its two dates.

`description` becomes the page's meta description (Material reads it), `report_part` says
which part of the CRS report the page restates (shown above the page title by
overrides/main.html). `covers_through` is the date of the newest event the page covers and
`last_reviewed` the date someone last checked it against its sources; both are ISO dates
(YYYY-MM-DD), shown under the title by hooks/html/page_dates.py, and hooks/checks/page_currency.py checks
the page mentions nothing newer than `covers_through`. Checked against FRONT_MATTER_SCHEMA with
jsonschema; problems name the file and the line of the offending key.
"""
from __future__ import annotations

import jsonschema
import yaml

from hooks.core import limits, unsafe_text
from hooks.core.build import Build
from hooks.core.markdown import key_lines, scan
from hooks.core.problems import Problem
from hooks.data.datafiles import yaml_problem

FRONT_MATTER_SCHEMA = {
    "type": "object",
    "required": ["title", "description", "report_part", "covers_through", "last_reviewed"],
    "properties": {
        "title": {"type": "string", "minLength": 3, "maxLength": 80},
        "description": {"type": "string", "minLength": 50, "maxLength": 170},
        "report_part": {"type": "string", "minLength": 3},
        "covers_through": {"type": "string", "format": "date"},   # read as text, see _DatesAsText
        "last_reviewed": {"type": "string", "format": "date"},
        "template": {"type": "string"},
        "hide": {"type": "array", "items": {"type": "string"}},
        # Material's search: `boost` weighs all of the page's sections (default 1; hooks/html/search_tuning.py)
        "search": {"type": "object", "additionalProperties": False,
                   "properties": {"boost": {"type": "number", "exclusiveMinimum": 0, "maximum": 10},
                                  "exclude": {"type": "boolean"}}},
    },
    "additionalProperties": False,
}

DATE_KEYS = ("covers_through", "last_reviewed")
FIX = "see 'Front matter' in CONTRIBUTING.md"
DATE_FIX = "write it as an ISO date, YYYY-MM-DD, e.g. 2026-03-16; " + FIX
MISSING_FIX = {
    "title": "add 'title: <the page's name, 3-80 characters>'; " + FIX,
    "description": "add 'description: <one sentence of 50-170 characters on what the page explains>', "
                   "which search results and link previews show; " + FIX,
    "report_part": "add 'report_part: \"<the part of the report the page restates>\"', or \"None (site page)\"; " + FIX,
    "covers_through": "add 'covers_through: YYYY-MM-DD', the date of the newest event the page covers; " + FIX,
    "last_reviewed": "add 'last_reviewed: YYYY-MM-DD', the date the page was last checked against its sources; " + FIX,
}


# --- Helpers -------------------------------------------------------------------------------

def check(path: str, source: str, build: Build | None = None) -> list[Problem]:
    """Problems with the page's front matter block, each at the line of the key concerned."""
    result = scan(source)
    if not result.front_matter and not source.lstrip().startswith("---"):
        return [Problem(path, 1, "page has no front matter", f"start the file with a --- block holding title, description and report_part; {FIX}")]
    text = "\n".join(line for _, line in result.front_matter)
    first = result.front_matter[0][0] if result.front_matter else 2
    aliases = limits.anchors_and_aliases(text)     # before anything is built from it (an alias bomb)
    if aliases:
        return [Problem(path, first + line - 1, f"front matter: {message}", limits.ALIAS_FIX) for line, message in aliases]
    try:
        data = yaml.load(text, _DatesAsText) or {}
    except yaml.YAMLError as error:
        problem = yaml_problem(path, text, error, offset=first - 1)
        return [Problem(path, problem.line, f"front matter is {problem.message}", problem.fix)]
    if not isinstance(data, dict):
        return [Problem(path, first, "front matter must be a mapping of keys to values", FIX)]
    lines = key_lines(result)
    problems = text_problems(path, data, lines, first)
    validator = jsonschema.Draft202012Validator(FRONT_MATTER_SCHEMA, format_checker=jsonschema.FormatChecker(["date"]))
    for error in sorted(validator.iter_errors(data), key=lambda e: list(e.path)):
        key = error.path[0] if error.path else None
        if error.validator == "required":
            missing = error.message.split("'")[1]
            problems.append(Problem(path, first - 1, f"front matter lacks required key '{missing}'", MISSING_FIX.get(missing, FIX)))
        elif error.validator == "additionalProperties":
            for extra in sorted(set(data) - set(FRONT_MATTER_SCHEMA["properties"])):
                problems.append(Problem(path, lines.get(extra, first), f"unknown front matter key '{extra}'", f"remove it or fix its spelling; {FIX}"))
        elif key in DATE_KEYS:
            problems.append(Problem(path, lines.get(key, first), f"front matter '{key}': {data[key]!r} is not a date", DATE_FIX))
        else:
            problems.append(Problem(path, lines.get(key, first), f"front matter '{key}': {error.message}", FIX))
    return problems


# The theme writes front matter into HTML unescaped (Material's titles, nav, header and
# <meta content="...">): overrides/main.html escapes what it prints, and these may not appear at all.
UNSAFE_CHARS = '<>"'
CHARS_FIX = ("leave out < > and \": the theme writes front matter into HTML titles and attributes; "
             "write typographic quotes \u201c \u201d instead")


def text_problems(path: str, data: dict, lines: dict, first: int) -> list[Problem]:
    """Every string value, at any depth, checked by the rules of page text (hooks/core/unsafe_text.py),
    plus UNSAFE_CHARS, at the line of its top-level key."""
    problems = []

    def walk(key, value):
        if isinstance(value, dict):
            for item in value.values():
                walk(key, item)
        elif isinstance(value, list):
            for item in value:
                walk(key, item)
        elif isinstance(value, str):
            line = lines.get(key, first)
            for message, fix in unsafe_text.problems(value):
                problems.append(Problem(path, line, f"front matter '{key}': {message}", fix))
            found = [c for c in UNSAFE_CHARS if c in value]
            if found:
                problems.append(Problem(path, line, f"front matter '{key}' contains {' '.join(found)}", CHARS_FIX))

    for key, value in data.items():
        walk(str(key), value)
    return problems


class _DatesAsText(yaml.SafeLoader):
    """Read 2026-03-16 as text, so the schema checks it and an impossible date (2026-13-01) or a
    date with a time gets a message instead of PyYAML's ValueError. MkDocs itself reads real dates."""


_DatesAsText.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
