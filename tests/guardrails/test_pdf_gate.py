"""`make pdf` (python -m scripts.pdf_edition OUT) refuses a broken site: its strict build of the offline
edition fails, the command exits non-zero naming the broken link's file and line, and no PDF is
written. It once passed --quiet, which hid --strict's warnings, so a broken site was printed.
"""
from __future__ import annotations

import os
import subprocess
import sys

from helpers.jobs import background
from helpers.project import copy_project

MESSAGE = "link 'missing.md': the target is not found among documentation files"


@background
def test_make_pdf_fails_on_a_broken_link_and_names_its_file_and_line(tmp_path):
    root = copy_project(tmp_path / "project")
    page = root / "docs/about.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if "](sources.md" in line)
    lines[index] = lines[index].replace("](sources.md", "](missing.md", 1)
    page.write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "dist" / "in12355-explainer.pdf"
    env = {k: v for k, v in os.environ.items() if k != "EDITIONS_DIR"}
    result = subprocess.run([sys.executable, "-m", "scripts.pdf_edition", str(out)], cwd=root, env=env,
                            capture_output=True, text=True, timeout=600)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the PDF was printed from a site with a broken link:\n{output[-2000:]}"
    assert f"docs/about.md:{index + 1}: {MESSAGE}" in output, output[-3000:]
    assert "the strict build of the offline edition failed" in output, output[-3000:]
    assert not out.exists(), "a PDF was written although its site did not build"
