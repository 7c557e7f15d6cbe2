"""Import path: lets every hook import shared code by its full name, `hooks.<module>`.

The project has one import mechanism for its own code: `hooks/` is a package and everything
imports from it by full name (`from hooks._common import Problem`), which editors, type
checkers and linters follow from the project root, where the package sits:
- pytest finds it through pytest.ini (`pythonpath = .`);
- scripts run as modules from the root (`python -m scripts.check`), so Python finds it;
- MkDocs loads each hook file by its path, not as part of a package, so this hook, listed
  first in mkdocs.yml, registers the package `hooks` (this folder) before the others load.
No installation step (`pip install -e .`) on purpose: the tests build copies of the project,
and each copy must import its own hooks, not the ones installed from the original.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent

if "hooks" not in sys.modules:
    _spec = importlib.util.spec_from_file_location("hooks", PACKAGE / "__init__.py",
                                                   submodule_search_locations=[str(PACKAGE)])
    _package = importlib.util.module_from_spec(_spec)
    sys.modules["hooks"] = _package
    _spec.loader.exec_module(_package)
