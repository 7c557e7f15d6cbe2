# The two commands: `make serve` (set up and preview) and `make test` (set up and pass all tests).
# Everything else is a helper. Needs Python 3.11+ and make. `make build`, `make offline` and
# `make test` also need a Chromium (the system `chromium` if present, else Playwright downloads
# one): published builds pre-render diagrams with it. `make serve` does not.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Material 9.8 prints an end-of-life banner about MkDocs 2 on every run; it is noise here.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: serve build offline pdf test check lint generate bench clean

# The editions a reader can download, built before the hosted site, which copies them (hooks/render/downloads.py).
# The folders can be moved (the tests run `make build` into a temporary folder: tests/conftest.py's `made`).
SITE         ?= site
OFFLINE_SITE ?= site-offline
EDITIONS     ?= dist
PDF          := $(EDITIONS)/in12355-explainer.pdf
ZIP          := $(EDITIONS)/in12355-explainer-offline.zip

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.site-deps: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.chromium: $(VENV)/.site-deps
	@if command -v chromium >/dev/null 2>&1 || [ -n "$$CHROMIUM_PATH" ]; then \
	  echo "using system Chromium: $$(command -v chromium || echo $$CHROMIUM_PATH)"; \
	else $(BIN)/python -m playwright install chromium; fi
	touch $@

$(VENV)/.test-deps: tests/requirements.txt $(VENV)/.chromium
	$(BIN)/python -m pip install --quiet -r tests/requirements.txt
	touch $@

## serve: set up, then preview the site with live reload at http://127.0.0.1:8000. Not strict, so
## unfinished work still shows: problems print in the terminal and in a box on the page.
serve: $(VENV)/.site-deps
	STRICT=false $(BIN)/python -m mkdocs serve --dev-addr 127.0.0.1:8000

## build: the complete hosted site into site/: the pages, the data downloads, the PDF and the offline zip
# In this order, because each step includes what the one before made: the PDF (printed from a build
# of the offline edition), the offline edition with the PDF inside and its zip, then the hosted site,
# whose About page gives the size, date and SHA-256 of both (see hooks/render/downloads.py).
build: offline
	EDITIONS_DIR=$(abspath $(EDITIONS)) $(BIN)/mkdocs build --strict --clean --site-dir $(SITE)

## offline: the offline edition (with the PDF and the data) into site-offline/ and dist/in12355-explainer-offline.zip
offline: pdf
	EDITIONS_DIR=$(abspath $(EDITIONS)) $(BIN)/mkdocs build --strict --clean --config-file mkdocs-offline.yml --site-dir $(OFFLINE_SITE)
	$(BIN)/python -m scripts.zip_offline $(OFFLINE_SITE) $(ZIP)

## pdf: the whole site as one PDF, dist/in12355-explainer.pdf
pdf: $(VENV)/.chromium
	$(BIN)/python -m scripts.pdf_edition $(PDF)

## test: set up, run the fast check (and stop there if it finds a problem), then the whole pytest
## suite: both editions built strictly, the built HTML, and the browser tests. tests/content/test_lint.py is
## deselected because it is the fast check again.
test: $(VENV)/.test-deps
	@$(BIN)/python -m scripts.check
	@$(BIN)/python -m pytest -q --tb=short --deselect tests/content/test_lint.py::test_content_passes_lint

## check: the fast check, in seconds: every content rule, data schemas, links and anchors, every
## Mermaid diagram, Markdown lint, spelling, vendored assets (pre-commit runs it; scripts/check.py)
check: $(VENV)/.test-deps
	@$(BIN)/python -m scripts.check

## lint: another name for `make check`
lint: check

## generate: rewrite files derived from data (includes/abbreviations.md)
generate: $(VENV)/.site-deps
	$(BIN)/python -m scripts.generate

## bench: build time, bytes per page and Lighthouse scores (median of 3 runs), see BENCHMARKS.md
bench: $(VENV)/.test-deps
	$(BIN)/python -m scripts.bench

clean:
	rm -rf site site-offline dist .pytest_cache
