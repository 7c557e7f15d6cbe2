"""The hostile inputs the guardrail tests plant (tests/guardrails/test_hostile_inputs.py, and in
Chromium tests/browser/test_hostile_pages.py): each puts one class of hostile text in a file of its
own and says which `path:line:` must report it. BATCHES groups them so that no two in a group touch
the same file: one strict build can carry a whole group."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from helpers.faults import lines_of, write

PAYLOAD = "<script>window.__hostile=1</script>"
IMG = '<img src=x onerror="window.__hostile=2">'


def touches(*files: str):
    """Record which files an input's `apply` changes, so that BATCHES can keep inputs apart."""
    def mark(apply):
        apply.files = files
        return apply
    return mark


def set_field(rel: str, key: str, value: str, nth: int = 0, after: str | None = None):
    """Replace the value of the nth `  key:` line (after the line matching `after`, if given)."""
    @touches(rel)
    def apply(project):
        lines = lines_of(project, rel)
        start = next(i for i, line in enumerate(lines) if re.search(after, line)) if after else 0
        index = [i for i, line in enumerate(lines) if i >= start and re.match(rf"^(- |  ){key}: ", line)][nth]
        lines[index] = re.sub(rf"{key}: .*", f"{key}: {value}", lines[index])
        write(project, rel, lines)
        return rel, index + 1
    return apply


def below_title(rel: str, text: str):
    @touches(rel)
    def apply(project):
        lines = lines_of(project, rel)
        body = lines.index("---", 1) + 1
        title = next(i for i, line in enumerate(lines) if i >= body and line.startswith("# "))
        lines[title + 2:title + 2] = [text, ""]
        write(project, rel, lines)
        return rel, title + 3
    return apply


def front_matter(rel: str, key: str, value: str):
    @touches(rel)
    def apply(project):
        lines = lines_of(project, rel)
        index = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
        lines[index] = f"{key}: {value}"
        write(project, rel, lines)
        return rel, index + 1
    return apply


def snippet(page: str, name: str, content: str, line_in_snippet: int):
    """A snippet includes/NAME.md with `content`, included in `page`."""
    @touches(page, f"includes/{name}.md")
    def apply(project):
        (project / f"includes/{name}.md").write_text(content, encoding="utf-8")
        below_title(page, f'--8<-- "includes/{name}.md"')(project)
        return f"includes/{name}.md", line_in_snippet
    return apply


def snippet_from_elsewhere(page: str):
    return below_title(page, '--8<-- "README.md"')


BOMB = "".join([f"- term: &a{'x' * 3} [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"] +
               [f"- term: &b{i} [{', '.join([f'*{prev}'] * 9)}]\n" for i, prev in enumerate(["axxx", "b0", "b1", "b2", "b3", "b4", "b5"])])


@touches("data/glossary.yml")
def alias_bomb(project):
    (project / "data/glossary.yml").write_text(BOMB, encoding="utf-8")
    return "data/glossary.yml", 1


@touches("docs/about.md")
def huge_page(project):
    path = project / "docs/about.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nA sentence that repeats. " * 220_000, encoding="utf-8")
    return "docs/about.md", 1


@dataclass
class Hostile:
    id: str
    apply: Callable[[Path], tuple[str, int]]
    message: str

    def __str__(self):
        return self.id


HOSTILE = [
    Hostile("timeline-text-script", set_field("data/timeline.yml", "text", f"Putin lands. {PAYLOAD}", after=r"label: Putin in Pyongyang"),
            "field 'text': raw <script> tag is not allowed"),
    Hostile("timeline-text-javascript-link", set_field("data/timeline.yml", "text", "'See [this](javascript:alert(1)).'", after=r"label: Putin in Pyongyang"),
            "field 'text': javascript: URL is not allowed"),
    Hostile("source-title-entity-link", set_field("data/sources.yml", "title", "'[x](&#106;avascript:alert(1))'"),
            "field 'title': javascript: URL is not allowed"),
    Hostile("glossary-definition-img", set_field("data/glossary.yml", "definition", f"'A term. {IMG}'"),
            "field 'definition': raw HTML tag <img> is not allowed"),
    Hostile("actors-role-script", set_field("data/actors.yml", "role", f"'Supplies munitions. {PAYLOAD}'"),
            "field 'role': raw <script> tag is not allowed"),
    Hostile("sanctions-action-onerror", set_field("data/sanctions.yml", "action", f"'OFAC acts. {IMG}'"),
            "field 'action': raw HTML tag <img> is not allowed"),
    Hostile("estimates-figure-remote-image", set_field("data/estimates.yml", "figure", "'![x](https://other.example/a.png)'"),
            "field 'figure': image from another host (https://other.example/a.png) is not allowed"),
    Hostile("data-bidi", set_field("data/glossary.yml", "definition", "'Text \u202e reversed.'"),
            "bidi control character U+202E is not allowed"),
    Hostile("front-matter-title-script", front_matter("docs/data.md", "title", "'<script>alert(1)</script>'"),
            "front matter 'title': raw <script> tag is not allowed"),
    Hostile("front-matter-description-breakout", front_matter("docs/places.md", "description",
            "'A page about this explainer\" onmouseover=\"alert(1)\" data-x=\"and how it is built, for readers'"),
            "front matter 'description' contains \""),
    Hostile("front-matter-yaml-error", front_matter("docs/reading.md", "title", "[unclosed"),
            "front matter is not valid YAML: the list opened by '[' on this line is not closed"),
    Hostile("page-entity-javascript", below_title("docs/treaty.md", "[Click](&#106;avascript:alert(1))"), "javascript: URL is not allowed"),
    Hostile("page-tab-javascript", below_title("docs/since.md", "[Click](jav&#x09;ascript:alert(1))"), "javascript: URL is not allowed"),
    Hostile("page-colon-entity-javascript", below_title("docs/sources.md", "[Click](javascript&colon;alert(1))"), "javascript: URL is not allowed"),
    Hostile("page-double-encoded-javascript", below_title("docs/reference/losses.md", "[Click](&amp;#106;avascript:alert(1))"), "javascript: URL is not allowed"),
    Hostile("page-remote-image", below_title("docs/report/checked.md", "![A chart](https://other.example/a.png)"),
            "image from another host (https://other.example/a.png) is not allowed"),
    Hostile("page-bidi", below_title("docs/whats-new.md", "The total is \u202e0001 people."), "bidi control character U+202E is not allowed"),
    Hostile("snippet-script", snippet("docs/reference/estimates.md", "hostile-script", f"A note.\n\n{PAYLOAD}\n", 3), "raw <script> tag is not allowed"),
    Hostile("snippet-entity-link", snippet("docs/reference/sanctions-before.md", "hostile-link", "See [x](&#106;avascript:alert(1)).\n", 1), "javascript: URL is not allowed"),
    Hostile("snippet-from-outside-includes", snippet_from_elsewhere("docs/reference/sanctions-after.md"), "snippet 'README.md' is not under includes/"),
    Hostile("yaml-alias-bomb", alias_bomb, "YAML anchor &axxx is not allowed"),
    Hostile("huge-page", huge_page, "page is "),
]


def batches(inputs: list[Hostile]) -> list[list[Hostile]]:
    """The inputs in as few groups as can be built together: no two in a group touch one file."""
    groups: list[list[Hostile]] = []
    for hostile in inputs:
        group = next((g for g in groups if not {f for h in g for f in h.apply.files} & set(hostile.apply.files)), None)
        if group is None:
            groups.append(group := [])
        group.append(hostile)
    return groups


BATCHES = batches(HOSTILE)
BATCH_OF = {hostile.id: index for index, group in enumerate(BATCHES) for hostile in group}
