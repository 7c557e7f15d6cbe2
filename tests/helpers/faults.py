"""The faults the guardrail tests plant (tests/guardrails/test_faults.py): each edits a copy of the
project at a line it computes from the real file and says which `path:line: message` must follow."""
from __future__ import annotations

import re
import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

PAGE = "docs/report/sanctions.md"      # where the page faults go, unless on_page says otherwise

GLOSSARY = "docs/glossary.md"

TIMELINE = "data/timeline.yml"

ACTORS = "data/actors.yml"


@contextmanager
def on_page(rel: str):
    """Plant the page faults in `rel` instead of PAGE while inside (tests/guardrails/test_faults.py
    spreads them over PAGE's folder, so that several can share one build)."""
    global PAGE
    before, PAGE = PAGE, rel
    try:
        yield
    finally:
        PAGE = before


def lines_of(project: Path, rel: str) -> list[str]:
    return (project / rel).read_text(encoding="utf-8").split("\n")


def write(project: Path, rel: str, lines: list[str]) -> None:
    (project / rel).write_text("\n".join(lines), encoding="utf-8")


def insert_below_title(project: Path, rel: str, new: list[str]) -> int:
    """Insert `new` as its own block below the page's `# ` title; return its first line number."""
    lines = lines_of(project, rel)
    body = lines.index("---", 1) + 1 if lines and lines[0] == "---" else 0   # a `# comment` in front matter is no title
    title = next(i for i, line in enumerate(lines) if i >= body and line.startswith("# "))
    assert lines[title + 1] == "", f"{rel}: expected a blank line after the title"
    lines[title + 2:title + 2] = new + [""]
    write(project, rel, lines)
    return title + 3


def replace_line(project: Path, rel: str, pattern: str, new: str | None, nth: int = 0) -> int:
    """Replace (or with None delete) the nth line matching `pattern`; return its line number."""
    lines = lines_of(project, rel)
    index = [i for i, line in enumerate(lines) if re.search(pattern, line)][nth]
    if new is None:
        del lines[index]
    else:
        lines[index] = new
    write(project, rel, lines)
    return index + 1


def append(project: Path, rel: str, new: str) -> int:
    lines = lines_of(project, rel)
    while lines and lines[-1] == "":
        lines.pop()
    lines += ["", new, ""]
    write(project, rel, lines)
    return len(lines) - 1


@dataclass
class Fault:
    id: str
    runner: str   # "build": MkDocs' own validation, in the build and the fast check's quick build;
                  # "lint": the fast check's linters only; "mermaid": the fast check's diagram parse;
                  # "both": a hook, through the build and lint; "hook": a hook, through lint (see below)
    apply: Callable[[Path], tuple[str, str]]  # edits the copy; returns (file, expected message after "file:line: ")

    def __str__(self):
        return self.id


DIAGRAM = ["```mermaid", "flowchart LR", "    accTitle: Test diagram", "    accDescr: North Korea sends shells to Russia.",
           '    A["North Korea"] -->|"shells"| B["Russia"]', "```", "", '??? abstract "Diagram as text"', "",
           "    - North Korea sends shells to Russia.[^crs]"]


def diagram(edit: Callable[[list[str]], tuple[list[str], int]], message: str):
    """A fault in a new, otherwise valid diagram below the title; edit returns (lines, offset of the faulty line)."""
    def apply(project):
        lines, offset = edit(list(DIAGRAM))
        start = insert_below_title(project, PAGE, lines)
        return PAGE, f"{start + offset}: {message}"
    return apply


def without(index):
    return lambda d: (d[:index] + d[index + 1:], 0)


def with_line(index, text):
    return lambda d: (d[:index] + [text] + d[index:], index)


def prose(text: str, message: str, rel: str | None = None):
    """`text` below the title of `rel` (PAGE when none is given, read when the fault is planted)."""
    def apply(project):
        page = rel or PAGE
        return page, f"{insert_below_title(project, page, [text])}: {message}"
    return apply


def block(lines: list[str], offset: int, message: str):
    def apply(project):
        return PAGE, f"{insert_below_title(project, PAGE, lines) + offset}: {message}"
    return apply


def front_matter(key: str, new: str | None, message: str, line_of_key: bool = True):
    def apply(project):
        number = replace_line(project, PAGE, rf"^{key}:", new)
        return PAGE, f"{number if line_of_key else 1}: {message}"
    return apply


def unknown_key(project):
    number = replace_line(project, PAGE, r"^title:", lines_of(project, PAGE)[1] + "\nauthor: Someone") + 1
    return PAGE, f"{number}: unknown front matter key 'author'"


def unused_footnote(project):
    return PAGE, f"{append(project, PAGE, '[^unused]: Example, [An unused source](https://example.org/), 2024.')}: footnote [^unused] is defined but never referenced"


def http_source(project):
    lines = lines_of(project, PAGE)
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("[^crs]:"))
    replace_line(project, PAGE, r"^\[\^crs\]:", "[^crs]: Congressional Research Service, [*North Korea-Russia Relations*]"
                 "(http://www.everycrsreport.com/reports/IN12355.html), May 6, 2024.")
    return PAGE, f"{number}: footnote [^crs] links a non-https source: http://www.everycrsreport.com/reports/IN12355.html"


def unknown_source_id(project):
    """A footnote cites an id that data/sources.yml does not hold (a typo)."""
    lines = lines_of(project, PAGE)
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("[^crs]:"))
    replace_line(project, PAGE, r"^\[\^crs\]:", "[^crs]: @crss")
    return PAGE, f"{number}: footnote [^crs] cites @crss, which is not in data/sources.yml (did you mean @crs?"


def timeline_field(key: str, value: str | None, message: str, entry: int = 3):
    """Change (or with None delete) a field of the timeline's third entry."""
    def apply(project):
        lines = lines_of(project, TIMELINE)
        starts = [i for i, line in enumerate(lines) if line.startswith("- ")]
        start = starts[entry - 1]
        index = next(i for i in range(start, len(lines)) if re.match(rf"^(- |  ){key}:", lines[i]))
        if value is None:
            assert not lines[index].startswith("- "), "delete a field that does not open the entry"
            del lines[index]
            number = start + 1
        else:
            lines[index] = re.sub(rf"{key}:.*", f"{key}: {value}", lines[index])
            number = index + 1
        write(project, TIMELINE, lines)
        return TIMELINE, f"{number}: entry {entry}, field '{key}': {message}"
    return apply


def dated_january_marked_after(project):
    """The issue's example: an event dated January 2024, before the report, marked "after"."""
    lines = lines_of(project, TIMELINE)
    start = [i for i, line in enumerate(lines) if line.startswith("- ")][2]
    date = next(i for i in range(start, len(lines)) if lines[i].startswith(("- date:", "  date:")))
    kind = next(i for i in range(start, len(lines)) if lines[i].startswith("  kind:"))
    lines[date] = lines[date].split("date:")[0] + 'date: "2024-01-15"'
    lines[kind] = "  kind: after"
    write(project, TIMELINE, lines)
    return TIMELINE, f"{kind + 1}: entry 3, field 'kind': 'after' but dated 2024-01-15, not after the report (2024-05-06)"


def chronology_before_the_report(project):
    """An event up to the report marked for since/'s short chronology, which lists only later events."""
    lines = lines_of(project, TIMELINE)
    start = [i for i, line in enumerate(lines) if line.startswith("- ")][2]
    kind = next(i for i in range(start, len(lines)) if lines[i].startswith("  kind:"))
    value = lines[kind].split(":", 1)[1].strip()
    assert value != "after", "the timeline's third entry should predate the report"
    lines.insert(kind + 1, "  chronology: true")
    write(project, TIMELINE, lines)
    return TIMELINE, (f"{kind + 1}: entry 3, field 'kind': '{value}' should be 'after' "
                      "(the short chronology on 'Since the report' lists only events after the report)")


def unclosed_quote_in_data(project):
    """Invalid YAML: a quote left open. PyYAML fails lines below; the problem names the opening line."""
    number = replace_line(project, ACTORS, r"^  name: ", '  name: "North Korea')
    return ACTORS, f"{number}: not valid YAML: the quoted value that starts on this line is not closed on it"


def actor_group(project):
    number = replace_line(project, ACTORS, r"^  group: ", "  group: rivals")
    return ACTORS, f"{number}: entry 1, field 'group': 'rivals' is not one of ['partnership', 'united-states', 'allies', 'united-nations', 'others']"


def data_event_newer(project):
    """A glossary definition (data rendered only on the glossary page) naming an event after the page's
    covers_through: caught at the page's render marker. (Timeline events render on several pages.)"""
    lines = lines_of(project, "data/glossary.yml")
    index = next(i for i, line in enumerate(lines) if line.startswith("  definition: "))
    lines[index] += " It met again on January 15, 2030."
    write(project, "data/glossary.yml", lines)
    marker = next(n for n, line in enumerate(lines_of(project, GLOSSARY), 1) if "<!-- render: glossary -->" in line)
    return GLOSSARY, f"{marker}: mentions 'January 15, 2030', newer than the page's covers_through"


def changes_unknown_page(project):
    number = replace_line(project, "data/changes.yml", r"^  pages: \[whats-new\.md\]$", "  pages: [whats-news.md]")
    entry = sum(line.startswith("- ") for line in lines_of(project, "data/changes.yml")[:number])   # entries above it
    return "data/changes.yml", f"{number}: entry {entry}: page 'whats-news.md' is not in docs/"


def link(target: str, message: str):
    return prose(f"See [this page]({target}) for more.", message)


def page_not_in_nav(project):
    shutil.copy(project / GLOSSARY, project / "docs/extra-page.md")
    return "docs/extra-page.md", "1: page is not in the nav (add it under nav: in mkdocs.yml)"


SOURCES = "data/sources.yml"
TEST_SOURCE = """
- id: fault-test-source
  publisher: Test Agency
  title: a test report
  title_is: description
  url: https://example.org/test
  language: en
  kind: news-agency
"""


def add_source(project, extra: str) -> int:
    """Append a source to data/sources.yml; return the line of its `- id:`."""
    lines = lines_of(project, SOURCES)
    first = len(lines) + 1 if lines[-1] == "" else len(lines) + 2
    write(project, SOURCES, lines + (TEST_SOURCE + extra).strip("\n").split("\n") + [""])
    return first


def claim_not_in_passage(project):
    """A sentence cites a source we read for a number the passage does not carry."""
    add_source(project, "  read: '2026-12-05'\n  passages:\n  - quote: The bridge will be 1,000 metres long.")
    number = insert_below_title(project, PAGE, ['!!! after "After the report: a test (2025)"', "",
                                                "    The bridge is 1,000 metres long and took 18 months.[^fault-test]"]) + 2
    write(project, PAGE, lines_of(project, PAGE) + ["[^fault-test]: @fault-test-source", ""])
    return PAGE, f'{number}: "18" is not in the passages cited (@fault-test-source)'


def _next_source_entry(project) -> int:
    """The entry number a source appended to data/sources.yml gets."""
    return sum(line.startswith("- id:") for line in lines_of(project, SOURCES)) + 1


def passage_too_long(project):
    entry = _next_source_entry(project)
    line = add_source(project, "  read: '2026-12-05'\n  passages:\n  - quote: " + " ".join(["word"] * 60))
    return SOURCES, f"{line + 9}: entry {entry} (fault-test-source): a passage of 60 words"


def source_without_passage(project):
    entry = _next_source_entry(project)
    line = add_source(project, "")
    return SOURCES, f"{line}: entry {entry} (fault-test-source): source has no passage"


def places_http_source(project):
    """A data file's own address field (here a place's coordinates) given as http://."""
    number = replace_line(project, "data/places.yml", r"^  coordinates_source: https://", "  coordinates_source: http://example.org/")
    return "data/places.yml", f"{number}: entry 1, field 'coordinates_source': 'http://example.org/' is not an https:// address"


def nav_entry_missing(project):
    number = replace_line(project, "mkdocs.yml", r"^  - Timeline: timeline\.md$", "  - Timeline: timeline.md\n  - Map: map.md") + 1
    return "mkdocs.yml", f"{number}: nav entry 'map.md' names a file that is not in docs/"


def vendored_edit(project):
    path = next((project / "docs/assets/vendor").glob("mermaid-*/*.js"))
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n/* edited by hand */\n")
    return path.relative_to(project).as_posix(), "1: sha256 differs from manifest.json"


def vendored_add(project):
    folder = next((project / "docs/assets/vendor").glob("mermaid-*"))
    (folder / "extra.js").write_text("console.log('unlisted');\n", encoding="utf-8")
    return (folder / "extra.js").relative_to(project).as_posix(), "1: vendored file has no manifest entry"


FAULTS = [
    # 2. Diagram rules (hooks/checks/diagram_rules.py)
    Fault("diagram-no-accTitle", "hook", diagram(without(2), "Mermaid diagram has no accTitle")),
    Fault("diagram-no-accDescr", "hook", diagram(without(3), "Mermaid diagram has no accDescr")),
    Fault("diagram-html-label", "hook", diagram(with_line(4, '    C["North Korea<br>DPRK"] --> B'), "HTML inside a Mermaid diagram")),
    Fault("diagram-img-onerror", "both", diagram(with_line(4, '    C["<img src=x onerror=alert(1)>"] --> B'), "HTML inside a Mermaid diagram")),
    Fault("diagram-click", "hook", diagram(with_line(5, "    click A call alert()"), "click callback or link inside a Mermaid diagram")),
    Fault("diagram-href", "hook", diagram(with_line(5, '    click A href "https://example.org/" _blank'), "click callback or link inside a Mermaid diagram")),
    Fault("diagram-init-securityLevel", "hook", diagram(with_line(1, '%%{init: {"securityLevel": "loose"}}%%'), "Mermaid diagram changes securityLevel")),
    Fault("diagram-init-theme", "hook", diagram(with_line(1, '%%{init: {"theme": "forest"}}%%'), "Mermaid %%{init}%% directive in a diagram")),
    Fault("diagram-empty", "hook", diagram(lambda d: (d[:1] + d[5:], 0), "empty Mermaid diagram")),
    Fault("diagram-no-text-equivalent", "hook", diagram(lambda d: (d[:6], 5), "Mermaid diagram has no text equivalent after it")),
    # Mermaid itself (hooks/diagrams/mermaid.py; the build's pre-render: tests/guardrails/test_diagram_syntax.py)
    Fault("diagram-unclosed-quote", "mermaid", diagram(with_line(4, '    C["North Korea] --> B'), "Mermaid cannot parse this diagram: Parse error on line")),
    Fault("diagram-bad-arrow", "mermaid", diagram(with_line(4, "    A -->>> B"), "Mermaid cannot parse this diagram: Parse error on line")),
    # 3. Links, anchors and nav (MkDocs' validation: block; hooks/checks/link_lines.py adds the line)
    Fault("link-missing-page", "build", link("../missing.md", "link '../missing.md': the target 'missing.md' is not found among documentation files")),
    Fault("link-missing-anchor", "build", link("../timeline.md#no-such-heading", "link '../timeline.md#no-such-heading': the doc 'timeline.md' does not contain an anchor '#no-such-heading'")),
    Fault("link-missing-anchor-same-page", "build", link("#no-such-heading", "link '#no-such-heading': there is no such anchor on this page")),
    Fault("link-absolute", "build", link("/about/", "absolute link '/about/': MkDocs leaves it unchecked")),
    Fault("link-not-a-page", "build", link("foo.txt", "link 'foo.txt': the target 'report/foo.txt' is not found among documentation files")),
    Fault("link-unrecognized", "build", link("../about/", "unrecognized link '../about/': MkDocs cannot tell which page it means")),
    # 5. Nav (MkDocs' validation: block)
    Fault("nav-page-omitted", "build", page_not_in_nav),
    Fault("nav-entry-missing-file", "build", nav_entry_missing),
    # 4. Citations (hooks/checks/citations.py)
    Fault("citation-undefined", "both", block(['!!! report "What the report says (May 6, 2024)"', "", "    The report says so.[^nowhere]"], 2, "footnote [^nowhere] is referenced but never defined")),
    Fault("citation-unreferenced", "both", unused_footnote),
    Fault("citation-uncited-fact", "hook", block(['!!! context "Background: a test (2024)"', "", "    A claim with no source."], 2, "statement in a 'context' box cites no source")),
    Fault("citation-http-source", "hook", http_source),
    Fault("citation-unknown-source-id", "hook", unknown_source_id),
    Fault("claim-number-not-in-passage", "hook", claim_not_in_passage),
    Fault("source-passage-too-long", "both", passage_too_long),
    Fault("source-without-passage", "both", source_without_passage),
    # 5. Front matter (hooks/checks/front_matter.py)
    Fault("front-matter-missing-key", "both", front_matter("description", None, "front matter lacks required key 'description' (add 'description: ", line_of_key=False)),
    Fault("front-matter-wrong-type", "hook", front_matter("report_part", "report_part: 3", "front matter 'report_part': 3 is not of type 'string'")),
    Fault("front-matter-too-short", "hook", front_matter("description", "description: Too short.", "front matter 'description': 'Too short.' is too short")),
    Fault("front-matter-unknown-key", "hook", unknown_key),
    Fault("front-matter-missing-review-date", "both", front_matter("last_reviewed", None, "front matter lacks required key 'last_reviewed'", line_of_key=False)),
    Fault("front-matter-missing-covers-through", "hook", front_matter("covers_through", None, "front matter lacks required key 'covers_through' (add 'covers_through: YYYY-MM-DD'", line_of_key=False)),
    Fault("front-matter-date-not-iso", "hook", front_matter("covers_through", "covers_through: March 2026", "front matter 'covers_through': 'March 2026' is not a date")),
    # 5b. Page currency (hooks/checks/page_currency.py) and the changelog (hooks/render/feed.py, hooks/data/changelog.py)
    Fault("currency-after-box-newer", "both", block(['!!! after "After the report: June 2024"', "", "    On March 3, 2030, something happened.[^crs]"], 2,
                                                    "mentions 'March 3, 2030', newer than the page's covers_through")),
    Fault("currency-after-title-newer", "hook", block(['!!! after "After the report: June 2030"', "", "    Something happened.[^crs]"], 0,
                                                      "mentions 'June 2030', newer than the page's covers_through")),
    Fault("currency-data-event-newer", "both", data_event_newer),
    Fault("changes-unknown-page", "both", changes_unknown_page),
    # 6. Data files (hooks/data/datafiles.py)
    Fault("data-impossible-date", "both", timeline_field("date", '"2024-02-30"', "'2024-02-30' is not a 'partial-iso-date'")),
    Fault("data-month-13", "hook", timeline_field("date", '"2023-13"', "'2023-13' is not a 'partial-iso-date'")),
    Fault("data-unquoted-date", "hook", timeline_field("date", "2023-09-13", "2023-09-13 is not quoted, so YAML reads it as a date rather than text")),
    Fault("data-missing-source", "hook", timeline_field("source", None, "is missing")),
    Fault("data-unknown-source-id", "hook", timeline_field("source", "crss", "no source with id 'crss' in data/sources.yml (did you mean 'crs'?")),
    Fault("data-http-source", "hook", places_http_source),
    Fault("data-unknown-kind", "hook", timeline_field("kind", "rumour", "'rumour' is not one of ['report', 'background', 'after']")),
    Fault("data-kind-after-dated-before", "both", dated_january_marked_after),
    Fault("data-chronology-before-the-report", "hook", chronology_before_the_report),
    Fault("data-unknown-actor-group", "hook", actor_group),
    Fault("data-invalid-yaml-unclosed-quote", "both", unclosed_quote_in_data),
    # 7. Unsafe content (hooks/checks/unsafe_content.py)
    Fault("unsafe-script", "both", prose("Read this.<script>alert(1)</script>", "raw <script> tag is not allowed")),
    Fault("unsafe-iframe", "hook", prose('<iframe src="https://example.org/"></iframe>', "raw <iframe> tag is not allowed")),
    Fault("unsafe-style", "hook", prose("<style>body { display: none }</style>", "raw <style> tag is not allowed")),
    Fault("unsafe-other-tag", "hook", prose("A <span>styled</span> word.", "raw HTML tag <span> is not allowed")),
    Fault("unsafe-event-attribute", "hook", block(["A paragraph with a handler.", '{: onclick="alert(1)" }'], 1, "event-handler attribute (on...=) is not allowed")),
    Fault("unsafe-javascript-url", "hook", prose("[Click me](javascript:alert(1))", "javascript: URL is not allowed")),
    Fault("unsafe-data-url", "hook", prose("[Open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "data: URL is not allowed")),
    # 8. Prose hygiene (pymarkdown, codespell)
    Fault("lint-image-without-alt", "lint", prose("![](../assets/images/logo.svg)", "MD045 no-alt-text: Images should have alternate text (alt text)")),
    Fault("lint-heading-skips-level", "lint", prose("### A skipped level", "MD001 heading-increment: Heading levels should only increment by one level at a time")),
    Fault("lint-bare-url", "lint", prose("See https://example.org/ for more.", "MD034 no-bare-urls: Bare URL used")),
    Fault("spelling", "lint", prose("This sentence has a mispelled word.", "possible misspelling 'mispelled'", rel=GLOSSARY)),
    # 9. Vendored assets (scripts/vendor.py check())
    Fault("vendored-file-edited", "lint", vendored_edit),
    Fault("vendored-file-unlisted", "lint", vendored_add),
]
