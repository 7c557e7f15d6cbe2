"""The build: one object per build that every step reads and fills, instead of module globals.

hooks/pipeline.py makes it in `on_config` (a `mkdocs serve` rebuild or the other edition gets a
new one, so nothing leaks between builds) and passes it to each step. The fast check
(scripts/check.py) makes one with `hooks.data.datafiles.build_for(root)`: the same facts and
data, no MkDocs.
Fields after `data` are filled by the steps named beside them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Build:
    root: Path                                   # the project root, where mkdocs.yml is
    facts: dict                                  # extra.report, checked, with long_date etc. (core.report_facts)
    data: dict[str, list]                        # data/*.yml, valid entries, loaded once (data.datafiles)
    config: Any = None                           # MkDocs' config; None in the fast check
    command: str | None = None                   # "build", "serve", "gh-deploy"; None outside the CLI
    rendered: dict[str, str] = field(default_factory=dict)      # marker -> Markdown, once per build (render.markers)
    titles: dict[str, str] = field(default_factory=dict)        # page src_uri -> title (render.markers.on_files)
    shows: dict[str, dict[str, str]] = field(default_factory=dict)   # data name -> {src_uri: title} of pages showing it
    cited_by: dict[str, list] = field(default_factory=dict)     # source URL -> [(src_uri, title)] citing it (render.citations)
    sources_by_id: dict[str, dict] = field(default_factory=dict)  # data/sources.yml by id, once per build (render.citations)
    exports: dict[str, dict] = field(default_factory=dict)      # data as JSON/CSV (render.downloads)
    editions: dict[str, dict] = field(default_factory=dict)     # the PDF and the zip (render.downloads)
    map_extract: dict | None = None                             # the map outlines (render.maps)
    search_pages: dict[str, str] = field(default_factory=dict)  # page URL -> src_uri (html.search_tuning)
    search_diagrams: dict[str, str] = field(default_factory=dict)   # index location -> diagram words
    search_entries: dict[str, list] = field(default_factory=dict)    # page URL -> extra index entries (html.glossary_search, event_search)
    diagram_sources: dict[str, list] = field(default_factory=dict)   # src_uri -> Diagrams (diagrams.prerender)
    mermaid: Any = None                          # the Chromium that draws diagrams (diagrams.prerender)
    preview: bool = False                        # `make serve`: problems shown on the page (html.preview_notices)
    preview_messages: list[str] = field(default_factory=list)  # the warnings of this build, for those notices
    nav: Any = None                              # MkDocs' Navigation (pipeline.on_nav), for the theme's probe render
    policy: Any = None                           # the allow-list and each page's CSP (html.policy)
    safe_data: dict | None = None                # data and titles with every string escaped (render.markers.escaped)
