"""Project scripts, run as modules from the project root: `python -m scripts.<name>` (see the Makefile).

One exception: scripts/preview_comment.py runs as a file (`python3 scripts/preview_comment.py`),
because .github/workflows/preview-comment.yml checks out that one file alone from the default
branch, so a fork's pull request cannot change what runs with a write token; it imports nothing
of the project.
"""
