"""Issue 26: every input obeys the rules of page text, after entities are decoded (unit level).

The same rules (hooks/core/unsafe_text.py) for page prose, front matter values, every string of
every data file and every snippet under includes/; limits on sizes and YAML anchors (hooks/core/limits.py).
The build and the fast check on a copy of the project: tests/guardrails/test_hostile_inputs.py.
"""
from __future__ import annotations

import re
import time

import pytest
import yaml
from conftest import ROOT

from hooks.checks import front_matter, page_problems, snippets, unsafe_content
from hooks.core import limits, unsafe_text
from hooks.data import datafiles


def lines(problems) -> list[str]:
    return [str(p) for p in problems]


@pytest.mark.parametrize("link", [
    "[a](&#106;avascript:alert(1))", "[a](jav&#x09;ascript:alert(1))", "[a](javascript&colon;alert(1))",
    "[a](&#x6A;avascript:alert(1))", "[a](&#0000106avascript:alert(1))", "[a](java\tscript:alert(1))",
    "[a](jav&NewLine;ascript:alert(1))", "[a](&amp;#106;avascript:alert(1))", "[a]( JaVaScRiPt:alert(1))",
    "[a](java\u00adscript:alert(1))", "[a](java\u200bscript:alert(1))", "[a]: &#106;avascript:alert(1)",
    "[a](vbscript&#58;x)", "[a](&#100;ata:text/html,x)",
])
def test_encoded_script_urls_are_caught(link):
    found = lines(unsafe_content.check("docs/a.md", link + "\n"))
    assert found and re.match(r"docs/a\.md:1: (javascript|vbscript|data): URL is not allowed", found[0]), found


@pytest.mark.parametrize("text", ["Text about JavaScript: the language.", "Its data: 3 tonnes.", "See [x](https://example.org/a?javascript=1)"])
def test_harmless_text_passes(text):
    # "JavaScript:" in prose is still refused, as before (a contributor rewords it); data: is only a URL in a link
    found = lines(unsafe_content.check("docs/a.md", text + "\n"))
    assert found == [] or "javascript: URL" in found[0]


def test_remote_images_inline_and_by_reference():
    assert "image from another host" in lines(unsafe_content.check("docs/a.md", "![a](https://other.example/a.png)\n"))[0]
    assert "image from another host" in lines(unsafe_content.check("docs/a.md", "![a](//other.example/a.png)\n"))[0]
    found = lines(unsafe_content.check("docs/a.md", "Text.\n\n![a][pic]\n\n[pic]: https://other.example/a.png\n"))
    assert found and found[0].startswith("docs/a.md:3: image from another host")
    assert unsafe_content.check("docs/a.md", "![a](../assets/images/logo.svg)\n") == []


def test_bidi_controls_are_refused_except_balanced_in_a_right_to_left_quotation():
    assert unsafe_text.bidi_problems("abc \u202e cba") == ["U+202E"]
    assert unsafe_text.bidi_problems("He said \u201c\u2067\u05e9\u05dc\u05d5\u05dd\u2069\u201d.") == []
    assert unsafe_text.bidi_problems("\u201c\u2067\u05e9\u05dc\u05d5\u05dd\u201d") == ["U+2067"]   # never closed
    assert unsafe_text.bidi_problems("\u201c\u2067latin only\u2069\u201d") == ["U+2067", "U+2069"]
    fence = "```python\nx = 1  # \u202e reversed\n```\n"
    assert lines(unsafe_content.check("docs/a.md", fence))[0].startswith("docs/a.md:2: bidi control character U+202E")


def test_front_matter_values_follow_the_page_rules():
    base = (ROOT / "docs/about.md").read_text(encoding="utf-8")

    def check(key, value):
        return lines(front_matter.check("docs/about.md", re.sub(rf"^{key}: .*$", f"{key}: {value}", base, count=1, flags=re.M)))
    assert check("title", "<script>alert(1)</script>")[0].startswith("docs/about.md:2: front matter 'title': raw <script> tag")
    found = check("description", 'A page" onmouseover="alert(1)" x="with enough words to pass the length rule')
    assert found == ['docs/about.md:3: front matter \'description\' contains " (leave out < > and ": the theme writes front '
                     'matter into HTML titles and attributes; write typographic quotes \u201c \u201d instead)']
    assert "javascript: URL" in check("report_part", "'[x](&#106;avascript:alert(1))'")[0]


def test_front_matter_yaml_error_names_the_line_that_opens_it():
    base = (ROOT / "docs/about.md").read_text(encoding="utf-8")
    found = lines(front_matter.check("docs/about.md", re.sub(r"^title: .*$", "title: [unclosed", base, count=1, flags=re.M)))
    assert found == ["docs/about.md:2: front matter is not valid YAML: the list opened by '[' on this line is not closed, so "
                     "YAML reads on and fails at line 3 (expected ',' or ']', but got ':') (close it with ']', or put the "
                     "whole value in quotes if it is text)"]


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8))


def test_an_alias_bomb_is_refused_before_it_is_built(tmp_path):
    started = time.monotonic()
    found = limits.anchors_and_aliases(BOMB)
    assert found[0] == (1, "YAML anchor &a is not allowed") and found[1] == (2, "YAML anchor &b, alias *a are not allowed")
    assert len(found) <= limits.MAX_REPORTED and time.monotonic() - started < 1
    (tmp_path / "data/schemas").mkdir(parents=True)
    (tmp_path / "data/schemas/glossary.schema.json").write_text((ROOT / "data/schemas/glossary.schema.json").read_text())
    (tmp_path / "data/glossary.yml").write_text(BOMB)
    entries, problems = datafiles.load(tmp_path, "glossary")
    assert entries == [] and lines(problems)[0].startswith("data/glossary.yml:1: YAML anchor &a is not allowed (write the value out")
    page = "---\ntitle: &t About\ndescription: *t\n---\n"
    assert lines(front_matter.check("docs/a.md", page))[0].startswith("docs/a.md:2: front matter: YAML anchor &t is not allowed")


def test_size_limits(tmp_path):
    big = "---\ntitle: Big\n---\n\n# Big\n\n" + "word " * (limits.MAX_BYTES["page"] // 5 + 10)
    found = [str(p) for p, _ in page_problems("docs/big.md", big, None)]
    assert len(found) == 1 and re.match(r"docs/big\.md:1: page is [\d,]+ bytes, over the 250,000-byte limit \(split it", found[0])
    (tmp_path / "data/schemas").mkdir(parents=True)
    (tmp_path / "data/schemas/glossary.schema.json").write_text((ROOT / "data/schemas/glossary.schema.json").read_text())
    (tmp_path / "data/glossary.yml").write_text("- term: x\n" * (limits.MAX_BYTES["data"] // 10 + 1))
    assert lines(datafiles.load(tmp_path, "glossary")[1])[0].startswith("data/glossary.yml:1: data file is ")


def test_data_strings_follow_the_page_rules_at_their_line(tmp_path):
    (tmp_path / "data/schemas").mkdir(parents=True)
    (tmp_path / "data/schemas/glossary.schema.json").write_text((ROOT / "data/schemas/glossary.schema.json").read_text())
    real = yaml.safe_load((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))[:2]
    real[1]["definition"] = "Bad <script>alert(1)</script> text."
    (tmp_path / "data/glossary.yml").write_text(yaml.safe_dump(real, sort_keys=False, width=1000))
    text = (tmp_path / "data/glossary.yml").read_text()
    line = next(n for n, l in enumerate(text.splitlines(), 1) if "<script>" in l)
    entries, problems = datafiles.load(tmp_path, "glossary")
    assert f"data/glossary.yml:{line}: entry 2, field 'definition': raw <script> tag is not allowed" in "\n".join(lines(problems))
    assert [e["term"] for e in entries] == [real[0]["term"]]          # the entry is left out of the pages


def test_snippets_come_only_from_includes_and_obey_the_rules(tmp_path):
    assert lines(snippets.check("docs/a.md", 'Text.\n\n--8<-- "data/timeline.yml"\n')) == [
        "docs/a.md:3: snippet 'data/timeline.yml' is not under includes/ (put the snippet in includes/ and name it from "
        "there, e.g. --8<-- \"includes/abbreviations.md\")"]
    assert lines(snippets.check("docs/a.md", "--8<--\nincludes/a.md\n../secret.md\n--8<--\n"))[0].startswith("docs/a.md:3:")
    assert snippets.check("docs/a.md", '--8<-- "includes/abbreviations.md"\n;--8<-- "README.md"\n') == []
    (tmp_path / "includes").mkdir()
    (tmp_path / "includes/x.md").write_text("*[UN]: United Nations\n\nSee [x](&#106;avascript:alert(1)).\n")
    assert lines(snippets.project_problems(tmp_path)) == ["includes/x.md:3: javascript: URL is not allowed (link to an https:// address instead)"]
    assert snippets.project_problems(ROOT) == []
