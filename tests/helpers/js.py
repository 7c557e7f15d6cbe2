"""The JavaScript the browser tests run in pages, kept as real files in tests/js/ (editors lint
and highlight them there). `script(name)` is the file's code without its leading comment block,
so Playwright can take it as an expression or function."""
from __future__ import annotations

import functools
from pathlib import Path

FOLDER = Path(__file__).resolve().parent.parent / "js"


@functools.cache
def script(name: str) -> str:
    lines = (FOLDER / f"{name}.js").read_text(encoding="utf-8").splitlines()
    while lines and (lines[0].startswith("//") or not lines[0].strip()):
        lines.pop(0)
    return "\n".join(lines)


def with_colour_lib(name: str) -> str:
    """`name`.js run after colour_lib.js, which defines the `mdx` colour helpers it uses."""
    return script("colour_lib") + "\n" + script(name)
