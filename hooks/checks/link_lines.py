"""Link lines: give MkDocs' own link and nav warnings a `path:line:` and a fix.

MkDocs validates links, anchors and the nav itself (the `validation:` block in mkdocs.yml), but
its warnings name the page, not the line: "Doc file 'report/sanctions.md' contains a link
'../missing.md', but the target 'missing.md' is not found among documentation files." This hook
rewrites those messages, as they are logged, into this project's one format, e.g.
    docs/report/sanctions.md:42: link '../missing.md': the target 'missing.md' is not found
    among documentation files (link an existing page's .md file, relative to this page)
It changes only the wording: the warning stays a warning, so `--strict` still fails. The line is
the first line of the page source that holds the link; a link that comes from shared data (for
example a glossary `see:` field) is reported at its line in data/*.yml.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.hooks.link_lines")

_PAGE_LINK = re.compile(r"^Doc file '(?P<src>[^']+)' contains (?P<kind>a|an absolute|an unrecognized relative) "
                        r"link '(?P<url>[^']+)', (?:but )?(?P<rest>.*?)\.?$", re.S)
_NAV_MISSING = re.compile(r"^A reference to '(?P<url>[^']+)' is included in the 'nav' configuration")
_NAV_OMITTED = re.compile(r"^The following pages exist in the docs directory, but are not included in the \"nav\"")
LEFT_AS_IS = {
    "an absolute": "MkDocs leaves it unchecked, and it breaks in the offline edition and under a sub-path",
    "an unrecognized relative": "MkDocs cannot tell which page it means and leaves it unchecked",
}
FIXES = {
    "a": "link an existing page's .md file, relative to this page",
    "anchor": "use an anchor that exists: copy it from the heading's permalink symbol on the built page",
    "an absolute": "link the page's .md file with a relative path, e.g. ../about.md",
    "an unrecognized relative": "link the page's .md file, e.g. ../timeline.md rather than ../timeline/",
}


# --- Steps (hooks/pipeline.py) -------------------------------------------------------------

def install(build) -> None:
    """Give MkDocs' own link and nav warnings a file, a line and a fix, for this build."""
    added = _AddLines(build.root, Path(build.config.docs_dir), Path(build.config.config_file_path).resolve())
    for name in ("mkdocs.structure.pages", "mkdocs.structure.nav"):
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if type(f).__name__ == "_AddLines"]:
            logger.removeFilter(old)   # one left by an earlier build in this process (`make serve`, the other edition)
        logger.addFilter(added)


# --- Helpers -------------------------------------------------------------------------------

class _AddLines(logging.Filter):
    def __init__(self, root: Path, docs_dir: Path, config_file: Path):
        super().__init__()
        self.root, self.docs_dir, self.config_file = root, docs_dir, config_file

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            record.msg, record.args = rewrite(record.getMessage(), self.root, self.docs_dir, self.config_file), ()
        return True



def rewrite(message: str, root: Path, docs_dir: Path, config_file: Path) -> str:
    """The message in `path:line: problem (fix)` form, or unchanged if it is not a link warning."""
    match = _PAGE_LINK.match(message)
    if match:
        page = docs_dir / match["src"]
        path, line = _locate(match["url"], page, root)
        rest = match["rest"].replace("it was left as is", LEFT_AS_IS.get(match["kind"], "it was left as is"))
        kind = "absolute " if match["kind"] == "an absolute" else "unrecognized " if "unrecognized" in match["kind"] else ""
        where = "" if path == _rel(page, root) else f" (in {_rel(page, root)})"
        fix = FIXES["anchor"] if "anchor" in rest else FIXES[match["kind"]]
        return f"{path}:{line}: {kind}link '{match['url']}'{where}: {rest} ({fix})"
    match = _NAV_MISSING.match(message)
    if match:
        path, line = _find_in_configs(match["url"], config_file, root)
        return (f"{path}:{line}: nav entry '{match['url']}' names a file that is not in docs/ "
                "(fix the path in nav:, or create the page)")
    if _NAV_OMITTED.match(message):
        pages = [item.strip()[2:] for item in message.splitlines()[1:] if item.strip().startswith("- ")]
        return "\n".join(f"{_rel(docs_dir / p, root)}:1: page is not in the nav (add it under nav: in mkdocs.yml)"
                         for p in pages) or message
    return message


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def line_of(url: str, text: str) -> int | None:
    """1-based line of the first Markdown link (inline, reference or autolink) to `url`, else None."""
    escaped = re.escape(url)
    link = re.compile(rf"\]\(\s*<?{escaped}[\s)>]|\]:\s*<?{escaped}(\s|>|$)|<{escaped}>|[:-]\s*['\"]?{escaped}['\"]?\s*$")
    for number, line in enumerate(text.splitlines(), start=1):
        if link.search(line):
            return number
    return None


def _locate(url: str, page: Path, root: Path) -> tuple[str, int]:
    if page.exists():
        text = page.read_text(encoding="utf-8")
        if url.startswith("#fnref:"):   # the back-link of a footnote that is never referenced
            label = re.escape(url.removeprefix("#fnref:"))
            hits = [n for n, line in enumerate(text.splitlines(), 1) if re.match(rf"\[\^{label}\]:", line)]
            if hits:
                return _rel(page, root), hits[0]
        number = line_of(url, text)
        if number:
            return _rel(page, root), number
    for data in sorted((root / "data").glob("*.yml")):
        number = line_of(url, data.read_text(encoding="utf-8"))
        if number:
            return _rel(data, root), number
    return _rel(page, root), 1


def _find_in_configs(url: str, config_file: Path, root: Path) -> tuple[str, int]:
    for candidate in (config_file, root / "mkdocs.yml"):
        if candidate.exists():
            number = line_of(url, candidate.read_text(encoding="utf-8"))
            if number:
                return _rel(candidate, root), number
    return _rel(config_file, root), 1
