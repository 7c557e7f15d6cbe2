"""MkDocs hooks for the IN12355 explainer, grouped by stage; hooks/pipeline.py is the only hook.

pipeline.py lists every step of a build in order and holds no logic; the steps are functions in
the stage packages (core, data, render, checks, html, diagrams; pipeline.py's docstring says what
each holds). A stage imports only from the stages before it. Steps take the build's state
(hooks/core/build.py) and call pure functions of strings and data, which the tests and
scripts/check.py call without a build. Everything imports this code by its full name,
`hooks.<stage>.<module>`; pipeline.py registers the package when MkDocs loads it by path.
"""
