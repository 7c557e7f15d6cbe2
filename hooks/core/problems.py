"""Problems that name file and line: `path:line: what is wrong (how to fix it)`.

Every check returns `Problem`s; the pipeline logs each as a warning, so `mkdocs build --strict`
fails after listing all of them, and the fast check prints the same lines.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent   # the project root, where mkdocs.yml is


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message} ({self.fix})"


def report(logger: logging.Logger, problems) -> None:
    """Log each problem as a warning, so `mkdocs build --strict` fails after listing all of them."""
    for problem in problems:
        logger.warning(str(problem))


def source_path(page, config) -> str:
    """The page's Markdown path relative to the project root (where mkdocs.yml is), e.g. docs/index.md."""
    root = os.path.dirname(os.path.abspath(config.config_file_path))
    return os.path.relpath(page.file.abs_src_path, root).replace(os.sep, "/")
