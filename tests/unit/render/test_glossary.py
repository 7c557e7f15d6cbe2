"""hooks/render/glossary.py: the glossary, the abbreviations and includes/abbreviations.md."""
from __future__ import annotations

from conftest import ROOT
from helpers.sample import messages

from hooks.render.glossary import check_abbreviations, render_abbreviations, render_glossary


def test_render_glossary_and_abbreviations():
    glossary = [{"term": "United Nations", "abbr": "UN", "definition": "A body. More text.", "see": "report/sanctions.md"},
                {"term": "KCNA", "abbr": "KCNA", "definition": "Korean Central News Agency. The state agency."},
                {"term": "autarky", "definition": "Self-sufficiency."}]
    out = render_glossary(glossary)
    assert out.splitlines()[:3] == ["autarky { #term-autarky }", ":   Self-sufficiency.", ""]
    assert "UN (United Nations) { #term-united-nations }\n:   A body. More text. See [the sanctions page](report/sanctions.md)." in out
    abbreviations = render_abbreviations(glossary)
    assert abbreviations.splitlines()[2:] == ["*[KCNA]: Korean Central News Agency", "*[UN]: United Nations"]


def test_check_abbreviations(tmp_path):
    glossary = [{"term": "United Nations", "abbr": "UN", "definition": "A body."}]
    (tmp_path / "includes").mkdir()
    (tmp_path / "includes/abbreviations.md").write_text("stale\n")
    assert messages(check_abbreviations(tmp_path, glossary)) == [
        "includes/abbreviations.md:1: out of date with data/glossary.yml (run `make generate` and commit the result)"]
    (tmp_path / "includes/abbreviations.md").write_text(render_abbreviations(glossary))
    assert check_abbreviations(tmp_path, glossary) == []


def test_generated_files_are_current():
    from hooks.data import datafiles
    from hooks.render import glossary as glossary_renderer
    glossary, problems = datafiles.load(ROOT, "glossary")
    assert not problems
    assert glossary_renderer.check_abbreviations(ROOT, glossary) == []
