"""scripts/problem_report.py and scripts/check.py's log reading: one `path:line:
problem (fix)` line each, and under GitHub Actions annotations and a job summary."""
from __future__ import annotations

import io

from scripts import check
from scripts.problem_report import Found, annotation, emit, found, summary


def test_a_problem_line_gives_its_file_and_line():
    item = found("Citations", "docs/a.md:12: footnote [^x] is referenced but never defined (add it)")
    assert (item.path, item.line, item.message) == ("docs/a.md", 12, "footnote [^x] is referenced but never defined (add it)")
    assert found("Build", "Doc file 'a.md' has a problem.") == Found("Build", "Doc file 'a.md' has a problem.")


def test_annotations_escape_what_github_would_misread():
    item = found("Links, anchors", "docs/a,b.md:3: 100% wrong: one\nand two (fix)")
    assert annotation(item) == "::error file=docs/a%2Cb.md,line=3,title=Links%2C anchors::100%25 wrong: one%0Aand two (fix)"
    assert annotation(found("Build", "no place")) == "::error title=Build::no place"


def test_under_github_actions_problems_become_annotations_and_a_job_summary(tmp_path):
    items = [found("Mermaid diagrams", "docs/a.md:5: Mermaid cannot parse this diagram: Parse error (fix | it)"),
             found("Data files", "data/timeline.yml:9: entry 3, field 'kind': wrong (fix)")]
    summary_file = tmp_path / "summary.md"
    out = io.StringIO()
    emit(items, "make check", out=out, env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary_file)})
    assert out.getvalue().splitlines() == [
        "::error file=docs/a.md,line=5,title=Mermaid diagrams::Mermaid cannot parse this diagram: Parse error (fix | it)",
        "::error file=data/timeline.yml,line=9,title=Data files::entry 3, field 'kind': wrong (fix)",
        "docs/a.md:5: Mermaid cannot parse this diagram: Parse error (fix | it)",        # the plain lines last
        "data/timeline.yml:9: entry 3, field 'kind': wrong (fix)",
    ]
    assert summary_file.read_text() == summary(items, "make check") + "\n"
    assert "| `docs/a.md` | 5 | Mermaid diagrams | Mermaid cannot parse this diagram: Parse error (fix \\| it) |" in summary_file.read_text()


def test_outside_github_actions_only_the_plain_lines_are_printed(tmp_path):
    out = io.StringIO()
    emit([found("Spelling", "docs/a.md:1: possible misspelling 'teh' (write 'the')")], "make check", out=out,
         env={"GITHUB_STEP_SUMMARY": str(tmp_path / "s.md")})
    assert out.getvalue() == "docs/a.md:1: possible misspelling 'teh' (write 'the')\n"
    assert not (tmp_path / "s.md").exists()


def test_the_build_log_is_read_record_by_record():
    log = "\n".join([
        "INFO    -  Cleaning site directory",
        "WARNING -  docs/a.md:3: link 'b.md': the target 'b.md' is not found among documentation files (link it)",
        "WARNING -  docs/x.md:1: page is not in the nav (add it under nav: in mkdocs.yml)",
        "docs/y.md:1: page is not in the nav (add it under nav: in mkdocs.yml)",
        "ERROR   -  Config value 'theme': something broke",
        "  and its second line",
    ])
    assert [item.text for item in check.parse_build_log(log)] == [
        "docs/a.md:3: link 'b.md': the target 'b.md' is not found among documentation files (link it)",
        "docs/x.md:1: page is not in the nav (add it under nav: in mkdocs.yml)",
        "docs/y.md:1: page is not in the nav (add it under nav: in mkdocs.yml)",
        "Config value 'theme': something broke and its second line",
    ]
