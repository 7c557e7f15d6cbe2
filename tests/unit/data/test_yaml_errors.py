"""hooks/data/datafiles.py: a YAML error names the line to fix (for an open quote, where it opened)."""
from __future__ import annotations

import pytest
from conftest import ROOT

from hooks.data import datafiles


@pytest.mark.parametrize("text, expected", [
    # PyYAML fails at line 5 (or at the end); the problem names the line where the quote opened
    ('- id: a\n  name: "North Korea\n  group: x\n- id: b\n  name: "B"\n', 'data/a.yml:2: not valid YAML: the quoted value that starts on this line is not closed on it, so YAML reads on and fails at line 5'),
    ("- id: a\n  name: 'it''s open\n", "data/a.yml:2: not valid YAML: the quoted value that starts on this line is not closed on it"),
    ('- id: a\n  name: "a \\" b"\n group: x\n', "data/a.yml:3: not valid YAML: did not find expected '-' indicator (check indentation"),
    ("- id: a\n  name: a: b\n", "data/a.yml:2: not valid YAML: mapping values are not allowed in this context (check indentation and quote strings that contain a colon)"),
])
def test_yaml_errors_name_the_line_to_fix(text, expected):
    import yaml
    with pytest.raises(yaml.YAMLError) as error:
        datafiles._parse(text)
    assert str(datafiles.yaml_problem("data/a.yml", text, error.value)).startswith(expected)


def test_no_line_of_the_real_data_looks_like_an_open_quote():
    """The unclosed-quote hint must not fire on valid data (a quoted value spanning lines would)."""
    for path in (ROOT / "data").glob("*.yml"):
        opened = [n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if datafiles._unclosed_quote(line)]
        assert not opened, f"{path.name}: lines {opened}"
