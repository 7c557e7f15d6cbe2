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
# Reproducible builds: every date the build writes (the sitemap, "built" dates, the PDF's and the
# zip's timestamps) comes from the commit being built, so two builds of one commit are identical
# byte for byte. Outside a git checkout (a copy of the project) the dates are the wall clock's.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

.PHONY: serve build offline pdf test check lint generate bench clean lock

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

# requirements.txt and tests/requirements.txt list every package with its sha256 hashes (pip checks
# each download against them); `make lock` writes them from requirements.in and tests/requirements.in.
$(VENV)/.site-deps: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt
	touch $@

$(VENV)/.chromium: $(VENV)/.site-deps
	@if command -v chromium >/dev/null 2>&1 || [ -n "$$CHROMIUM_PATH" ]; then \
	  echo "using system Chromium: $$(command -v chromium || echo $$CHROMIUM_PATH)"; \
	else $(BIN)/python -m playwright install chromium; fi
	touch $@

# The PDF prints the Korean and Russian names of data/names.yml: the Chromium that prints it needs
# system fonts with Hangul and Cyrillic (the pages themselves load no web fonts). On Debian as root
# this installs them, as .ci/run does; elsewhere it names the packages to install.
FONT_PACKAGES := fonts-nanum fonts-dejavu-core
$(VENV)/.fonts: | $(BIN)/python
	@if command -v fc-list >/dev/null 2>&1 && [ -n "$$(fc-list :lang=ko)" ] && [ -n "$$(fc-list :lang=ru)" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(FONT_PACKAGES) >/dev/null; \
	else echo "the PDF needs fonts with Hangul and Cyrillic: install $(FONT_PACKAGES) (Debian) or a Noto CJK font"; fi
	touch $@

$(VENV)/.test-deps: tests/requirements.txt $(VENV)/.chromium $(VENV)/.fonts
	$(BIN)/python -m pip install --quiet --require-hashes -r tests/requirements.txt
	touch $@

## serve: set up, then preview the site with live reload at http://127.0.0.1:8000. Not strict, so
## unfinished work still shows: problems print in the terminal and in a box on the page.
serve: $(VENV)/.site-deps
	STRICT=false $(BIN)/python -m mkdocs serve --dev-addr 127.0.0.1:8000

# Each edition is built into a temporary folder beside its own and moved into place only when the
# strict build passed: a failed build leaves nothing behind (the previous edition, if any, stays).
# $(call strict_build,CONFIG,FOLDER)
define strict_build
	rm -rf $(2).tmp
	EDITIONS_DIR=$(abspath $(EDITIONS)) $(BIN)/mkdocs build --strict --clean --config-file $(1) --site-dir $(2).tmp \
	  || { rm -rf $(2).tmp; echo "the strict build of $(1) failed: $(2)/ was left as it was"; exit 1; }
	rm -rf $(2) && mv $(2).tmp $(2)
endef

## build: the complete hosted site into site/: the pages, the data downloads, the PDF and the offline zip
# In this order, because each step includes what the one before made: the PDF (printed from a build
# of the offline edition), the offline edition with the PDF inside and its zip, then the hosted site,
# whose About page gives the size, date and SHA-256 of both (see hooks/render/downloads.py).
build: offline
	$(call strict_build,mkdocs.yml,$(SITE))

## offline: the offline edition (with the PDF and the data) into site-offline/ and dist/in12355-explainer-offline.zip
offline: pdf
	$(call strict_build,mkdocs-offline.yml,$(OFFLINE_SITE))
	$(BIN)/python -m scripts.zip_offline $(OFFLINE_SITE) $(ZIP)

## pdf: the whole site as one PDF, dist/in12355-explainer.pdf, printed only from a strict build of
## the offline edition that passed (scripts/pdf_edition.py builds it and stops if it fails)
pdf: $(VENV)/.chromium $(VENV)/.fonts
	$(BIN)/python -m scripts.pdf_edition $(PDF)

## test: set up, run the fast check (and stop there if it finds a problem), then the whole pytest
## suite: both editions built strictly, the built HTML, and the browser tests. tests/content/test_lint.py is
## deselected because it is the fast check again.
# In TEST_PROCESSES processes (pytest-xdist): the browser tests mostly wait on Chromium, so one
# process leaves a core idle. The processes share each built edition (tests/conftest.py), and each
# test file runs in one process (--dist loadfile), so what a file builds for its tests is built once;
# the files go in the order tests/conftest.py sets (not largest first), guardrails before the built site.
TEST_PROCESSES ?= 2
test: $(VENV)/.test-deps
	@$(BIN)/python -m scripts.check
	@$(BIN)/python -m pytest -q --tb=short -n $(TEST_PROCESSES) --dist loadfile --no-loadscope-reorder --deselect tests/content/test_lint.py::test_content_passes_lint

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

## lock: rewrite requirements.txt and tests/requirements.txt (every dependency, pinned, with hashes)
## from requirements.in and tests/requirements.in, with pip-tools in a throwaway virtualenv
lock: | $(BIN)/python
	rm -rf .cache/lock && $(BIN)/python -m venv .cache/lock
	.cache/lock/bin/python -m pip install --quiet pip-tools==7.6.2
	for name in requirements tests/requirements; do \
	  CUSTOM_COMPILE_COMMAND="make lock" .cache/lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe \
	    --no-emit-index-url --no-emit-find-links --strip-extras --output-file $$name.txt $$name.in || exit 1; \
	done
	rm -rf .cache/lock

clean:
	rm -rf site site-offline dist site.tmp site-offline.tmp .pytest_cache
