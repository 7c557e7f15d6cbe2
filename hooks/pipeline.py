"""The build pipeline: how a page becomes HTML, event by event, in order. The one hook mkdocs.yml registers.

MkDocs calls the `on_*` functions below; each lists its steps as calls, in the order they run, and
holds no logic of its own. The steps live in the stage packages, each importing only from the
stages before it (tests/unit/test_layers.py checks):

    core      problems, the Markdown scanner, HTML text, dates, report facts, the Build
    data      data/*.yml loaded and validated once per build; the changelog; JSON/CSV exports
    render    the render markers and their registry; one module per data set; maps; feed; downloads
    checks    the page checks (one list, one signature; the fast check runs the same list)
    html      edits of the HTML Markdown produced: footnotes, tables, dates, place links, search
    diagrams  Chromium, Mermaid, diagrams drawn to SVG at build time, phone variants

Every problem is logged as a warning `path:line: problem (fix)`, so `mkdocs build --strict` fails
after reporting all of them. Hooks run after plugins for each event (MkDocs' order), which the
steps rely on where noted.
"""
from __future__ import annotations

import importlib.util
import logging
import sys
from pathlib import Path
from urllib.parse import urlsplit

# MkDocs loads this file by its path, not as part of a package: register the package `hooks`
# (this folder) so every module imports the others by full name, as tests and scripts do.
if "hooks" not in sys.modules:
    _spec = importlib.util.spec_from_file_location("hooks", Path(__file__).parent / "__init__.py",
                                                   submodule_search_locations=[str(Path(__file__).parent)])
    sys.modules["hooks"] = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(sys.modules["hooks"])

from hooks.checks import link_lines, page_problems, snippets, too_large  # noqa: E402
from hooks.core import report_facts, vendored  # noqa: E402
from hooks.core.build import Build  # noqa: E402
from hooks.core.problems import report, source_path  # noqa: E402
from hooks.data import datafiles  # noqa: E402
from hooks.diagrams import phone_variants, prerender  # noqa: E402
from hooks.html import (event_search, footnote_passages, footnote_titles, glossary_search, output_gate, page_dates,  # noqa: E402
                        phone_tables, place_links, policy, preview_notices, search_tuning, table_wrappers)
from hooks.render import cite_this_page, citations, downloads, feed, glossary, maps, markers, robots_txt  # noqa: E402
from mkdocs.utils import get_relative_url  # noqa: E402
from mkdocs.utils.meta import get_data  # noqa: E402

log = logging.getLogger("mkdocs.plugins.hooks.pipeline")

# The one thing kept between events outside the Build: MkDocs gives the command only to
# on_startup, before any config exists, and on_shutdown no config at all.
_RUN: dict = {"command": None, "build": None}


def on_startup(command, dirty):
    _RUN["command"] = command                      # "serve" previews; published builds draw diagrams


def on_config(config):
    root = Path(config.config_file_path).resolve().parent
    facts = report_facts.settle(config)            # first: every later step reads the report's facts
    build = Build(root=root, facts=facts, data=datafiles.load_all(root), config=config, command=_RUN["command"])
    _RUN["build"] = build
    preview_notices.start(build)                   # before any warning, so `make serve` collects them all
    link_lines.install(build)                      # MkDocs' own link warnings get a file and a line
    report(log, datafiles.all_problems(root))      # each data file's YAML and schema problems
    report(log, glossary.check_abbreviations(root, build.data["glossary"]))
    report(log, snippets.project_problems(root))   # includes/: what --8<-- can pull into a page
    report(log, vendored.problems(root))           # vendored assets match manifest.json: nothing hand-edited is published
    maps.load_extract(build)
    report(log, downloads.prepare(build))          # the data exports and the editions to offer
    return config


def on_files(files, config):
    build = _RUN["build"]
    build.titles = {f.src_uri: (get_data(f.content_string)[1].get("title") or f.src_uri) for f in files.documentation_pages()}
    build.shows = downloads.data_pages(files, markers.shown_data)
    build.sources_by_id = citations.by_id(build.data["sources"])
    build.cited_by = citations.cited_by({f.src_uri: (build.titles[f.src_uri], f.content_string) for f in files.documentation_pages()},
                                        build.data["sources"], build.data, build.shows)
    report(log, maps.check_places(build, files))   # each page a place lists exists and names it
    downloads.add_files(build, files, config)
    report(log, feed.add_feed(build, files, config))
    return files


def on_nav(nav, config, files):
    _RUN["build"].nav = nav                        # for the theme's probe render (html.policy)
    return nav


def on_env(env, config, files):
    page_dates.add_date_filter(env)
    policy.prepare(_RUN["build"], env, config, files)   # after the filters: it renders the theme's 404 page
    return env


def on_page_markdown(markdown, page, config, files):
    build, path, src = _RUN["build"], source_path(page, config), page.file.src_uri
    # Checks read the raw source (front matter included), so their lines are the editor's.
    report(log, [problem for problem, _ in page_problems(path, page.file.content_string, build)])
    if too_large(page.file.content_string, path):   # reported above; a stub keeps the build fast
        return "# Page over the size limit\n\nThis page is not built; see the build's problems.\n"
    offset = page.file.content_string.count("\n") - markdown.count("\n")   # front matter lines
    markdown, problems = markers.render(build, path, src, markdown, offset)
    report(log, problems)
    markdown = citations.expand(markdown, build.sources_by_id)[0]   # unknown ids: reported by the checks
    markdown = downloads.append_data_links(build, markdown, src)
    markdown = cite_this_page.append_block(markdown, page, config)
    if prerender.enabled(build):
        prerender.remember_sources(build, page, path)   # for diagram problems with a line
    return markdown


def on_page_content(html, page, config, files):
    build = _RUN["build"]
    html = maps.draw_maps(build, html)                      # placeholders left by the map markers
    html = place_links.link_places(build, html, page, files)  # before the dates line, which names no place
    html = page_dates.add_dates(html, page, files)
    html = footnote_titles.add_titles(html)
    html = footnote_passages.join_backlinks(html)           # the passages' fold after the back-links, on one line
    html = search_tuning.tune_page(build, html, page)        # after the footnotes: it reads their final form
    html = glossary_search.split_terms(build, html, page.url)
    html = event_search.split_events(build, html, page.url)
    html = phone_tables.label_tables(html)
    html = table_wrappers.wrap_tables(html)                  # after phone_tables, whose tables it wraps too
    return preview_notices.add_notice(build, html, page.file.src_uri)   # last: it sees every warning so far


def on_post_page(output, page, config):
    build = _RUN["build"]
    # Runs after mermaid2's own on_post_page (plugins before hooks), so the script tags it has just
    # added are there for prerender.draw to strip once no diagram is left for them.
    if prerender.enabled(build):
        output, problems = prerender.draw(build, output, page.file.src_uri)
        report(log, problems)
    else:
        output = phone_variants.pair_variants(output)
    # Last: the page as it will be published (hooks/html/output_gate.py).
    path = source_path(page, config)
    report(log, output_gate.check(build, output, path, page.file.content_string, get_relative_url(".", page.url)))
    return output


def on_post_template(output_content, template_name, config):
    build = _RUN["build"]
    if template_name == "404.html" and build.policy is not None:   # the theme's own page: the gate too
        report(log, output_gate.check(build, output_content, "overrides/main.html", None,
                                      urlsplit(config.site_url or "/").path))
    return output_content


def on_post_build(config):
    build = _RUN["build"]
    robots_txt.write(config)
    # The search plugin has written its index (plugins before hooks); the offline plugin copies it
    # into search_index.js later (priority -100), so both additions reach the offline edition.
    search_tuning.tune_index(build, config.site_dir)
    glossary_search.add_term_entries(build, config.site_dir)
    prerender.close(build)


def on_shutdown():
    prerender.close(_RUN["build"])                 # a build that stopped early still closes Chromium
