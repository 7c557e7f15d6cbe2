"""Every module of hooks/ imports and says in its docstring why it exists."""
from __future__ import annotations

import importlib

import pytest
from conftest import ROOT

HOOK_MODULES = sorted(p.relative_to(ROOT).with_suffix("").as_posix() for p in (ROOT / "hooks").rglob("*.py") if p.stem != "__init__")


def test_the_hooks_are_grouped_by_stage():
    assert len(HOOK_MODULES) >= 40 and "hooks/pipeline" in HOOK_MODULES, HOOK_MODULES


@pytest.mark.parametrize("module", HOOK_MODULES)
def test_every_hook_module_imports(module):
    imported = importlib.import_module(module.replace("/", "."))
    assert imported.__doc__, f"{module}.py needs a docstring saying why it exists"
