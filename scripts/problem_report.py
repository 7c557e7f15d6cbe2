"""Print problems for people and for GitHub: one `path:line: problem (fix)` line each, and in
GitHub Actions also a workflow-command annotation per problem and a table in the job summary.

When GITHUB_ACTIONS is "true":
- each problem is also printed as `::error file=<path>,line=<n>,title=<check>::<problem (fix)>`,
  which GitHub shows on the pull request's diff at that line (and which it hides from the log);
- the job summary (the file named by GITHUB_STEP_SUMMARY) gets a table of every problem.
The plain lines are printed last, so the end of a log shows them.
"""
from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass

_LOCATED = re.compile(r"^(?P<path>[^\s:][^:\n]*):(?P<line>\d+): (?P<message>.+)$", re.S)


@dataclass(frozen=True)
class Found:
    check: str                 # which check found it, e.g. "Mermaid diagrams" (the annotation's title)
    text: str                  # the line people read: `path:line: problem (fix)`
    path: str | None = None
    line: int | None = None

    @property
    def message(self) -> str:
        """The text without its `path:line: ` prefix."""
        match = _LOCATED.match(self.text)
        return match["message"] if match else self.text


def found(check: str, text: str) -> Found:
    """A Found from a problem line, with its path and line when it starts `path:line: `."""
    text = text.strip()
    match = _LOCATED.match(text)
    if match:
        return Found(check, text, match["path"], int(match["line"]))
    return Found(check, text)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(item: Found) -> str:
    """The GitHub workflow command that shows `item` on the pull request."""
    props = []
    if item.path:
        props.append(f"file={_escape_property(item.path)}")
        if item.line:
            props.append(f"line={item.line}")
    props.append(f"title={_escape_property(item.check)}")
    return f"::error {','.join(props)}::{_escape_data(item.message)}"


def summary(items: list[Found], heading: str) -> str:
    """Markdown for the job summary: a heading and a table of every problem."""
    if not items:
        return f"### {heading}: no problems\n"
    rows = [f"### {heading}: {len(items)} problem{'s' if len(items) != 1 else ''}", "",
            "| File | Line | Check | Problem (fix) |", "| --- | --- | --- | --- |"]
    for item in items:
        cell = item.message.replace("|", "\\|").replace("\n", " ")
        rows.append(f"| `{item.path or '-'}` | {item.line or ''} | {item.check} | {cell} |")
    return "\n".join(rows) + "\n"


def emit(items: list[Found], heading: str, out=None, env=None, intro: str | None = None) -> None:
    """Print every problem; under GitHub Actions, annotations first and a job summary too. `intro`
    (a count, say) is printed just before the plain lines."""
    out = out or sys.stdout
    env = os.environ if env is None else env
    if env.get("GITHUB_ACTIONS") == "true":
        for item in items:
            print(annotation(item), file=out)
        if env.get("GITHUB_STEP_SUMMARY"):
            with open(env["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as handle:
                handle.write(summary(items, heading) + "\n")
    if intro:
        print(intro, file=out)
    for item in items:
        print(item.text, file=out)
