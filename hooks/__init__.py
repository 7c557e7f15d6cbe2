"""MkDocs hooks for the IN12355 explainer: one concern per module (see mkdocs.yml).

Modules starting with an underscore are shared helpers, not hooks. Each hook's `on_*`
functions only dispatch to pure functions that take strings and return `Problem`s or
Markdown, so tests and scripts/check.py can call them without a build. Everything imports
this code by its full name, `hooks.<module>` (see hooks/import_path.py for how MkDocs finds it).
"""
