#!/usr/bin/env python3
"""The preview comment on a pull request from a fork, written without running the fork's code.

A fork's pull request gets a read-only token in .github/workflows/preview.yml, so that workflow
cannot publish its preview or comment. It uploads the built site (artifact `preview-site`) and a
small `preview-meta` artifact (meta.json, written by scripts/changed_pages.py --meta: the pull
request's number, head commit, whether it is a fork, the changed pages). When it has finished,
.github/workflows/preview-comment.yml runs in this repository's own context (`workflow_run`),
checks out only this file from the default branch, and runs it:

    python3 scripts/preview_comment.py number META_JSON >> "$GITHUB_OUTPUT"
    python3 scripts/preview_comment.py compose META_JSON PULL_JSON ARTIFACTS_JSON > comment.md

meta.json was written by the fork's code, so every field is checked before use (`read_meta`):
the number must be a plain positive integer, the head commit must be the commit the run built
(`HEAD_SHA`, from GitHub's event, not the artifact) and, when GitHub lists the run's pull
requests (it does not for forks), one of them; whether it is a fork is taken from GitHub's
event. `compose` then asks for more proof from GitHub's API (`confirm`): the pull request with
that number must be open and have that head commit and head repository. The changed-pages list
is rebuilt from the checked data (paths that match a strict pattern, titles reduced to plain
words and cut short, at most MAX_PAGES lines); nothing of the artifact's Markdown is copied.

Inputs from GitHub's event, as environment variables: HEAD_SHA, HEAD_REPO (the run's head
repository, owner/name), REPOSITORY (this one), RUN_URL (the preview run's page), RUN_PRS (JSON
list of the run's pull requests, often empty). Standard library only: the workflow runs it with
the runner's python3, without the project's dependencies.
"""
from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass

MAX_BYTES = 64_000          # meta.json is a few hundred bytes; anything this large is not ours
MAX_PAGES = 40              # lines of changed pages in the comment
MAX_TITLE = 80              # characters of a page title
SHA = re.compile(r"[0-9a-f]{40}")
NUMBER = re.compile(r"[1-9][0-9]{0,8}")          # a pull request number
ARTIFACT_ID = re.compile(r"[1-9][0-9]{0,19}")     # artifact ids are already past 10 digits
REPO = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")
PAGE = re.compile(r"docs/(?:[A-Za-z0-9_-][A-Za-z0-9_.-]*/)*[A-Za-z0-9_-][A-Za-z0-9_.-]*\.md")
SITE_FILE = re.compile(r"(?:[A-Za-z0-9_-][A-Za-z0-9_.-]*/)*[A-Za-z0-9_-][A-Za-z0-9_.-]*")
RUN_URL = re.compile(r"https://[A-Za-z0-9.-]+(?::\d+)?/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/actions/runs/[0-9]+")
NOT_PLAIN = re.compile(r"[^\w .,;'’()?–—-]|_")   # a title keeps letters, digits and light punctuation only
ARTIFACT = "preview-site"


class Rejected(ValueError):
    """The artifact or the pull request does not match the run: no comment is written."""


@dataclass(frozen=True)
class Run:
    """What GitHub's workflow_run event says about the preview run (trusted)."""
    head_sha: str
    head_repo: str
    repository: str
    url: str
    pull_requests: tuple[int, ...] = ()

    @property
    def fork(self) -> bool:
        return self.head_repo != self.repository

    @classmethod
    def from_env(cls, env=None) -> "Run":
        env = os.environ if env is None else env
        try:
            listed = json.loads(env.get("RUN_PRS") or "[]")
            numbers = tuple(int(pr["number"]) for pr in listed)
        except (ValueError, TypeError, KeyError) as error:
            raise Rejected(f"RUN_PRS is not GitHub's list of pull requests: {error}") from None
        run = cls(env.get("HEAD_SHA", ""), env.get("HEAD_REPO", ""), env.get("REPOSITORY", ""), env.get("RUN_URL", ""), numbers)
        if not SHA.fullmatch(run.head_sha) or not REPO.fullmatch(run.head_repo) or not REPO.fullmatch(run.repository) \
                or not RUN_URL.fullmatch(run.url):
            raise Rejected("HEAD_SHA, HEAD_REPO, REPOSITORY and RUN_URL must come from the workflow_run event")
        return run


@dataclass(frozen=True)
class Meta:
    """The checked content of meta.json."""
    pr: int
    head_sha: str
    pages: tuple[tuple[str, str], ...]     # (path, plain title)
    removed: tuple[str, ...]
    site_wide: tuple[str, ...]


def plain(title: str) -> str:
    """A page title as plain words: no Markdown, HTML, links, mentions or references survive."""
    text = " ".join(NOT_PLAIN.sub(" ", title).split())
    return text if len(text) <= MAX_TITLE else text[:MAX_TITLE - 1].rstrip() + "…"


def _paths(value, pattern: re.Pattern, field: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(p, str) and pattern.fullmatch(p) and ".." not in p for p in value):
        raise Rejected(f"meta.json: '{field}' must be a list of plain file paths")
    return tuple(value)


def read_meta(text: str | bytes, run: Run) -> Meta:
    """meta.json, checked against the run; Rejected if anything is off."""
    if len(text) > MAX_BYTES:
        raise Rejected(f"meta.json is {len(text)} bytes, more than {MAX_BYTES}")
    try:
        data = json.loads(text)
    except ValueError as error:
        raise Rejected(f"meta.json is not JSON: {error}") from None
    if not isinstance(data, dict):
        raise Rejected("meta.json must hold an object")
    pr = data.get("pr")
    if type(pr) is not int or not NUMBER.fullmatch(str(pr)):
        raise Rejected(f"meta.json: 'pr' must be a pull request number, not {str(pr)[:40]!r}")
    if data.get("head_sha") != run.head_sha:
        raise Rejected(f"meta.json: 'head_sha' is not the commit this run built ({run.head_sha})")
    if run.pull_requests and pr not in run.pull_requests:
        raise Rejected(f"meta.json: pull request {pr} is not one GitHub lists for this run {list(run.pull_requests)}")
    if data.get("fork") is not run.fork:
        raise Rejected(f"meta.json: 'fork' says {data.get('fork')!r}, GitHub's event says {run.fork}")
    pages = data.get("pages")
    if not isinstance(pages, list) or not all(isinstance(p, dict) and isinstance(p.get("title"), str) for p in pages):
        raise Rejected("meta.json: 'pages' must be a list of {src, title}")
    srcs = _paths([p.get("src") for p in pages], PAGE, "pages")
    return Meta(pr, run.head_sha, tuple(zip(srcs, (plain(p["title"]) or src for p, src in zip(pages, srcs)))),
                _paths(data.get("removed", []), PAGE, "removed"), _paths(data.get("site_wide", []), SITE_FILE, "site_wide"))


def confirm(meta: Meta, pull: dict, run: Run) -> None:
    """GitHub's own record of the pull request (GET /repos/R/pulls/N) must match the run."""
    head = pull.get("head") or {}
    if pull.get("number") != meta.pr or pull.get("state") != "open":
        raise Rejected(f"pull request {meta.pr} is not open")
    if head.get("sha") != run.head_sha:
        raise Rejected(f"pull request {meta.pr}'s head is {str(head.get('sha'))[:40]}, not the commit this run built ({run.head_sha})")
    if (head.get("repo") or {}).get("full_name") != run.head_repo:
        raise Rejected(f"pull request {meta.pr} does not come from {run.head_repo}")


def artifact(artifacts: dict, run: Run) -> tuple[str, str] | None:
    """The preview-site artifact's download page and expiry date (GET .../runs/ID/artifacts), or None."""
    for item in artifacts.get("artifacts") or []:
        if item.get("name") == ARTIFACT and not item.get("expired") and ARTIFACT_ID.fullmatch(str(item.get("id"))):
            expires = str(item.get("expires_at") or "")[:10]
            return f"{run.url}/artifacts/{item['id']}", expires if re.fullmatch(r"\d{4}-\d\d-\d\d", expires) else ""
    return None


def changed_list(meta: Meta) -> list[str]:
    by_file = [(src, f"- {title} (`{src}`)") for src, title in meta.pages] + [(src, f"- `{src}` (removed)") for src in meta.removed]
    lines = [line for _, line in sorted(by_file)]
    if len(lines) > MAX_PAGES:
        lines = lines[:MAX_PAGES] + [f"- … and {len(lines) - MAX_PAGES} more"]
    if meta.site_wide:
        shown = meta.site_wide[:MAX_PAGES]
        more = f" and {len(meta.site_wide) - len(shown)} more" if len(meta.site_wide) > len(shown) else ""
        lines.append("- Files that can change every page: " + ", ".join(f"`{p}`" for p in shown) + more)
    return lines or ["- No page changed (the preview shows the whole site as built from this pull request)."]


def comment(meta: Meta, run: Run, download: tuple[str, str] | None) -> str:
    """The sticky comment for a fork's pull request: where the preview artifact is, and what changed."""
    if download:
        url, expires = download
        where = f"[download the artifact **{ARTIFACT}**]({url}) from [the preview run]({run.url})"
        kept = f" GitHub keeps it until {expires}." if expires else ""
    else:
        where, kept = f"download the artifact **{ARTIFACT}** from [the preview run]({run.url}) (under Artifacts)", ""
    return "\n".join([
        f"**Preview as an artifact** (built from {meta.head_sha}).",
        "",
        "This pull request comes from a fork, so GitHub gives its workflow a read-only token: the preview "
        f"cannot be published on the site. Instead, {where}, unzip it and serve the folder (for example "
        f"`python -m http.server` in it), then open the address it prints.{kept}",
        "",
        "**Changed pages:**",
        "",
        *changed_list(meta),
        "",
        "This comment is updated after each push. It was written by `preview-comment.yml`, which does not run "
        "this pull request's code.",
    ]) + "\n"


def _load_json(path: str) -> dict:
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    if not isinstance(data, dict):
        raise Rejected(f"{path}: expected a JSON object from GitHub's API")
    return data


def main(argv: list[str], env=None, out=None) -> int:
    out = out or sys.stdout
    try:
        run = Run.from_env(env)
        if argv[:1] == ["number"] and len(argv) == 2:
            with open(argv[1], "rb") as handle:
                meta = read_meta(handle.read(MAX_BYTES + 1), run)
            print(f"number={meta.pr}", file=out)
        elif argv[:1] == ["compose"] and len(argv) == 4:
            with open(argv[1], "rb") as handle:
                meta = read_meta(handle.read(MAX_BYTES + 1), run)
            if not run.fork:
                raise Rejected("not a fork's pull request: preview.yml comments on it itself")
            confirm(meta, _load_json(argv[2]), run)
            print(comment(meta, run, artifact(_load_json(argv[3]), run)), end="", file=out)
        else:
            print(__doc__, file=sys.stderr)
            return 2
    except (Rejected, OSError) as error:
        # One line, escaped as a workflow command: the message may quote the artifact.
        message = str(error).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        print(f"::error title=Preview comment not written::{message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
