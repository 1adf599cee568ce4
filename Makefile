# Materi PENA: every target installs what it needs into .venv on first use.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
# Building, serving and checking: requirements.txt plus the `pena` package (scripts/pena),
# installed editable so that hooks, scripts and tests import it without path tricks.
STAMP := $(VENV)/.installed
# The tests add requirements-test.txt (pytest, ruff, Playwright, zxing-cpp, pypdf, pillow).
TEST_STAMP := $(VENV)/.installed-test
export NO_MKDOCS_2_WARNING := 1
# Share links and QR codes are built from SITE_URL: set it to the published address when
# building for a deployment (make build SITE_URL=https://example.org/materi-pena/).
export SITE_URL ?= http://127.0.0.1:8000/

.PHONY: serve build release test test-slow check check-external audit bench lint clean

$(STAMP): requirements.txt pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.txt -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP) requirements-test.txt
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $(TEST_STAMP)

# Browser tests drive Debian's Chromium (Playwright's own browser download cannot work here).
CHROMIUM_STAMP := $(VENV)/.chromium
$(CHROMIUM_STAMP): $(TEST_STAMP)
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Install Debian's chromium first: sudo apt-get install -y chromium" >&2; exit 1; fi; }
	touch $(CHROMIUM_STAMP)

# Node packages: axe-core and linkinator for the tests and `make check-external`; lighthouse
# (optional) for `make audit`. Building, serving and `make check` do not need npm.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	npm ci --silent --no-audit --no-fund --omit=optional
	touch $(NODE_STAMP)

serve: $(STAMP)  ## live preview on http://127.0.0.1:8000
	$(PY) -m mkdocs serve -a 127.0.0.1:8000 --watch overrides --watch scripts

build: $(STAMP)  ## strict build into site/
	$(PY) -m mkdocs build --strict

release: $(STAMP) $(CHROMIUM_STAMP)  ## every translation present and up to date, then site/ plus module and handout PDFs (printed by Chromium) and the offline zip
	$(PY) scripts/release.py

check: $(STAMP)  ## strict build, then link, structure and translation checks
	$(PY) -m mkdocs build --strict
	$(PY) scripts/check.py --site site

check-external: $(STAMP) $(NODE_STAMP)  ## check external links (needs the internet)
	$(PY) scripts/check.py --external-only

audit: $(STAMP)  ## Lighthouse mobile scores of ten pages (reports/lighthouse/)
	npm ci --silent --no-audit --no-fund
	$(PY) scripts/audit.py

bench: $(STAMP)  ## build and check times at 1x, 10x, 100x pages; cost of our additions
	$(PY) scripts/bench_scale.py
	$(PY) scripts/bench_overhead.py

lint: $(TEST_STAMP)
	$(PY) -m ruff check overrides scripts tests

test: $(TEST_STAMP) $(NODE_STAMP) $(CHROMIUM_STAMP)  ## lint, JavaScript unit tests, every test but the slow variants
	$(PY) -m ruff check overrides scripts tests
	node --test tests/js/
	$(PY) -m pytest -m "not slow"

test-slow: $(TEST_STAMP) $(NODE_STAMP) $(CHROMIUM_STAMP)  ## the slow variants (axe on every page, ...); CI runs them
	$(PY) -m pytest -m slow

clean:
	rm -rf site dist .pytest_cache
